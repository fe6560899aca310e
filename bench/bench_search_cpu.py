"""CPU time of each of `bench_engines`' requests on the embedded engine, for A/B runs of two checkouts.

    .venv/bin/python -m bench.bench_search_cpu --archive build/bench-100k/archive.sqlite
    .venv/bin/python bench/bench_search_cpu.py --archive … --code /tmp/main-checkout --json main.json

On a shared machine the wall clock of a request moves by 2–3× with the load; the CPU time of the
searching process (`time.process_time`: tantivy searches in the calling thread) moves far less, so
an A/B of two versions of the code alternates processes running each (`--code`: the checkout whose
`indexer` is imported; the index format must be the one both read) on the same archive, and
compares medians. Prints the median CPU and wall milliseconds per request and the faceted
requests' p50/p95; totals are printed too, to check both versions match the same articles.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--archive", type=Path, required=True, help="an archive with its embedded index")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the requests")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose code searches")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.code.resolve()))
    # `indexer` first: its submodules then come from that checkout, whatever `bench` puts on the path
    embedded = importlib.import_module("indexer.engines.embedded")
    from bench.bench_engines import QUERIES, requests_for

    index = embedded.EmbeddedIndex(args.archive)
    requests = requests_for(index)
    totals = {label: index.search(r).total for label, r in requests.items()}  # also the warm-up
    cpu: dict[str, list[float]] = {label: [] for label in requests}
    wall: dict[str, list[float]] = {label: [] for label in requests}
    for _ in range(args.rounds):
        for label, request in requests.items():
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            index.search(request)
            cpu[label].append((time.process_time() - cpu_start) * 1000)
            wall[label].append((time.perf_counter() - wall_start) * 1000)
    faceted = sorted(v for label in list(requests)[: len(QUERIES)] for v in cpu[label])
    load = os.getloadavg()
    cpu_ms = {label: statistics.median(v) for label, v in cpu.items()}
    wall_ms = {label: statistics.median(v) for label, v in wall.items()}
    p50, p95 = (faceted[round(q * (len(faceted) - 1))] for q in (0.5, 0.95))
    print(f"code {args.code}; load {' / '.join(f'{x:.1f}' for x in load)}")
    print("| request | total | CPU ms | wall ms |\n| --- | ---: | ---: | ---: |")
    for label in requests:
        print(f"| {label} | {totals[label]:,} | {cpu_ms[label]:.1f} | {wall_ms[label]:.1f} |")
    print(f"faceted CPU p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    figures = {"code": str(args.code), "load": load, "totals": totals, "cpu_ms": cpu_ms, "wall_ms": wall_ms}
    figures["faceted_cpu_p50_p95"] = [p50, p95]
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
