"""CPU time of each of `bench_engines`' requests on the embedded engine, for A/B runs of two checkouts.

    .venv/bin/python -m bench.bench_search_cpu --archive build/bench-100k/archive.sqlite
    .venv/bin/python bench/bench_search_cpu.py --archive … --code /tmp/main-checkout --json main.json

On a shared machine the wall clock of a request moves by 2–3× with the load; the CPU time of the
searching process (`time.process_time`: tantivy searches in the calling thread) moves far less, so
an A/B of two versions of the code alternates processes running each (`--code`: the checkout whose
`indexer` is imported; the index format must be the one both read) on the same archive, and
compares medians. Prints the median CPU and wall milliseconds per request and the faceted
requests' p50/p95; totals are printed too, to check both versions match the same articles.

    .venv/bin/python bench/bench_search_cpu.py --archive … --code /tmp/main-checkout --against .

With `--against`, one worker process per checkout, the requests sent to both alternately request
by request (which goes first alternating too): both see the same load, where separate runs moved
by up to 40% from run to run on a busy machine (round 10). Prints the medians side by side.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
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
    ap.add_argument("--against", type=Path, help="a second checkout, searched alternately (A/B)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.against:
        return paired(args.archive, args.code, args.against, args.rounds)
    sys.path.insert(0, str(args.code.resolve()))
    # `indexer` first: its submodules then come from that checkout, whatever `bench` puts on the path
    embedded = importlib.import_module("indexer.engines.embedded")
    from bench.bench_engines import QUERIES, requests_for

    index = embedded.EmbeddedIndex(args.archive)
    requests = requests_for(index)
    if args.worker:  # one request label a line in, its CPU milliseconds out
        for request in requests.values():
            index.search(request)
        print(json.dumps([list(requests), len(QUERIES)]), flush=True)
        for line in sys.stdin:
            started = time.process_time()
            index.search(requests[line.rstrip("\n")])
            print((time.process_time() - started) * 1000, flush=True)
        return 0
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


def paired(archive: Path, code: Path, against: Path, rounds: int) -> int:
    """CPU ms of each request on two checkouts, searched alternately by two worker processes."""
    workers = {
        str(checkout): subprocess.Popen(
            [sys.executable, __file__, "--archive", str(archive), "--code", str(checkout), "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(checkout.resolve())},
        )
        for checkout in (code, against)
    }
    names = list(workers)
    labels, normal_count = [json.loads(worker.stdout.readline()) for worker in workers.values()][0]  # type: ignore[union-attr]
    cpu: dict[str, dict[str, list[float]]] = {name: {label: [] for label in labels} for name in names}
    for i in range(rounds):
        for j, label in enumerate(labels):
            for name in names if (i + j) % 2 == 0 else names[::-1]:
                worker = workers[name]
                worker.stdin.write(label + "\n")  # type: ignore[union-attr]
                worker.stdin.flush()  # type: ignore[union-attr]
                cpu[name][label].append(float(worker.stdout.readline()))  # type: ignore[union-attr]
    for worker in workers.values():
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    first, second = names
    print(f"load {' / '.join(f'{x:.1f}' for x in os.getloadavg())}; CPU ms, medians of {rounds}")
    print(f"| request | {first} | {second} | change |\n| --- | ---: | ---: | ---: |")
    for label in labels:
        a, b = statistics.median(cpu[first][label]), statistics.median(cpu[second][label])
        print(f"| {label} | {a:.1f} | {b:.1f} | {100 * (b - a) / a:+.0f}% |")
    for name in names:
        faceted = sorted(v for label in labels[:normal_count] for v in cpu[name][label])
        normal = statistics.median(faceted)
        hard = ", ".join(
            f"{label} {statistics.median(cpu[name][label]) / normal:.2f}×" for label in labels[normal_count:]
        )
        p95 = faceted[round(0.95 * (len(faceted) - 1))]
        print(f"{name}: faceted p50 {normal:.1f}, p95 {p95:.1f}; over the faceted median: {hard}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
