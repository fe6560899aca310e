"""The analyses on the embedded engine at realistic sizes: /terms (read a sample, find its phrases,
count their background, score), /timeline (two queries as shares per month) and /claims (a
province's ledger), timed step by step over generated articles (bench/articles.py).

    .venv/bin/python bench/bench_analysis.py --articles 100000 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_engines import articles_file, load_embedded  # noqa: E402
from bench.machine import machine  # noqa: E402
from indexer.analysis.claims import ledger  # noqa: E402
from indexer.analysis.terms import characteristic_terms  # noqa: E402
from indexer.analysis.timeline import compare  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex  # noqa: E402
from indexer.query import SearchRequest  # noqa: E402

QUERIES = ["mật ong", "cà phê", "chè", '"nông thôn mới"', ""]


def timed(action, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--keep", type=Path, help="build in (and reuse) this folder")
    args = ap.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-analysis-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"archive-{args.articles}.sqlite"
    if not archive.exists():
        load_embedded(archive, articles_file(folder, args.articles))
    index = EmbeddedIndex(archive)
    index.search(SearchRequest(q="ocop"))  # opened and warm
    print(f"machine: {machine()}")
    print(f"articles: {index.count():,}; median of {args.rounds} rounds, milliseconds\n")
    print("| request | total | sample | read | phrases | background | all (ms) |")
    print("|---|---|---|---|---|---|---|")
    for q in QUERIES:
        ms, result = timed(
            lambda q=q: characteristic_terms(index, SearchRequest(q=q), args.sample), args.rounds
        )
        steps = result.took_ms  # type: ignore[attr-defined]
        print(
            f"| /terms q={q or '(none)'} | {result.sample.of:,} | {result.sample.size} | "  # type: ignore[attr-defined]
            f"{steps['read']} | {steps['reading']} | {steps['background']} | {ms:.0f} |"
        )
    request = SearchRequest.from_params({"is_ocop": True})
    ms, _ = timed(lambda: compare(index, request, ["mật ong", "cà phê"], "month", "share"), args.rounds)
    print(f"| /timeline q=mật ong, q=cà phê, month, share | | | | | | {ms:.0f} |")
    ms, _ = timed(lambda: compare(index, request, ["mật ong", "cà phê"], "week", "count"), args.rounds)
    print(f"| /timeline q=mật ong, q=cà phê, week, count | | | | | | {ms:.0f} |")
    ms, found = timed(
        lambda: ledger(index, SearchRequest.from_params({"province": "Tuyên Quang"})), args.rounds
    )
    print(
        f"| /claims province=Tuyên Quang ({found.articles:,} articles, {found.claims:,} claims) "  # type: ignore[attr-defined]
        f"| | | | | | {ms:.0f} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
