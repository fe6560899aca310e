"""Per-page extraction time: ocop-watch's extractor vs plain trafilatura, on the same bytes.

Usage:
    .venv/bin/python bench/bench_extraction.py [--pages DIR ...] [--repeat N] [--cpu]

Plain trafilatura is timed as the corpus README scores it: `bare_extraction(bytes,
with_metadata=True)` with its defaults (it decodes, parses, finds metadata and the body). Ours is
`extract_article(bytes, url)`, the whole pipeline up to a finished Article. Each page is run once to
warm caches, then N times, the two extractors alternating; the median is reported (the mean is
skewed by GC pauses and by other processes). `--cpu` times the process's CPU instead of the wall
clock: on a machine shared with other work, CPU time varies far less between runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from crawler.extraction.extract import ExtractionError, extract_article  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "corpus" / "articles"


def _urls(directory: Path) -> dict[str, str]:
    """Page → URL from every gold file beside the pages (gold.jsonl, gold-more.jsonl, ...)."""
    urls: dict[str, str] = {}
    for gold in sorted(directory.glob("gold*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                urls.setdefault(row["file"], row.get("url", ""))
    return urls


_clock = time.perf_counter


def _timed_ms(function) -> float:
    start = _clock()
    function()
    return (_clock() - start) * 1000


def _medians_ms(plain, ours, repeat: int) -> tuple[float, float]:
    """Both extractors, interleaved run by run, so that load from other processes on the machine
    falls on both alike; one warm-up run each first."""
    plain(), ours()
    plain_ms, ours_ms = [], []
    for _ in range(repeat):
        plain_ms.append(_timed_ms(plain))
        ours_ms.append(_timed_ms(ours))
    return statistics.median(plain_ms), statistics.median(ours_ms)


def _ours(raw: bytes, url: str):
    def run() -> None:
        with contextlib.suppress(ExtractionError):  # a listing page may hold no article text
            extract_article(raw, url)

    return run


def _plain(raw: bytes):
    return lambda: trafilatura.bare_extraction(raw, with_metadata=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, nargs="*", default=[DEFAULT_PAGES])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cpu", action="store_true", help="time CPU (process_time), not the wall clock")
    args = parser.parse_args()
    global _clock
    if args.cpu:
        _clock = time.process_time

    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"trafilatura {trafilatura.__version__}, repeat={args.repeat} "
        f"(median {'CPU' if args.cpu else 'wall'} ms), load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'page':<62} {'kB':>5} {'plain':>8} {'ours':>8} {'ratio':>6}")
    ratios: list[float] = []
    total_plain = total_ours = 0.0
    for directory in args.pages:
        if not directory.is_dir():
            sys.exit(f"pages directory not found: {directory}")
        urls = _urls(directory)
        for page in sorted(directory.glob("*.html")):
            raw = page.read_bytes()
            url = urls.get(page.name) or "https://" + page.name.split("__")[0] + "/"
            plain, ours = _medians_ms(_plain(raw), _ours(raw, url), args.repeat)
            ratios.append(ours / plain)
            total_plain, total_ours = total_plain + plain, total_ours + ours
            print(
                f"{page.name[:62]:<62} {len(raw) // 1024:>5} {plain:>8.1f} {ours:>8.1f} {ours / plain:>6.2f}"
            )
    if ratios:
        print(f"median ratio ours/plain = {statistics.median(ratios):.2f}, max = {max(ratios):.2f}")
        print(
            f"whole set: plain {total_plain:.0f} ms, ours {total_ours:.0f} ms, "
            f"ratio {total_ours / total_plain:.2f} (the issue's bound: 1.3)"
        )


if __name__ == "__main__":
    main()
