"""An ordinary search's latency through `ocop serve`, alone and while a heavy client hammers the server.

    .venv/bin/python -m bench.bench_serve                      # 30,000 articles, default workers
    .venv/bin/python -m bench.bench_serve --articles 5000 --heavy 16 --write docs/benchmarks.md

The archive is bench_export's generated one (cached under build/bench-export/). The server is the
real `ocop serve` (uvicorn workers as deployed). An "ordinary" client asks typical journalist
searches one after the other (a query, filters, facets, the histogram, 20 hits with snippets);
first alone, then while a heavy client runs `--heavy` threads in a loop: deep pages at the end of
the 10,000-hit window, long OR chains, one word repeated, and whole-archive Parquet exports. The
figures are the ordinary client's latency percentiles, what the heavy client got (statuses), and
the server's peak memory (all its processes, sampled). Timings depend on the machine and what
else runs on it: they are measured here, never asserted by a test.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_export import build_archive  # noqa: E402
from bench.machine import machine  # noqa: E402

ORDINARY = [
    {"q": "san pham ocop", "is_ocop": "true"},
    {"q": "mật ong", "province": "Tuyên Quang"},
    {"q": "du lịch cộng đồng", "stars": "4"},
    {"q": '"nông thôn mới" -xổ', "sort": "newest"},
    {"q": "tra shan tuyet OR cà phê", "product_group": "Đồ uống"},
    {"site": "vnexpress.net", "from": "2024-01-01", "is_ocop": "true"},
]
WORDS = (  # noqa: SIM905  (a sentence is easier to read than a column of words)
    "sản phẩm ocop tỉnh huyện xã hợp tác nông dân mật ong trà cà phê gạo nước mắm du lịch cộng đồng"
    " làng nghề thủ công đặc sản chất lượng thị trường tiêu thụ xuất khẩu thương mại điện tử hội chợ"
).split()
HEAVY = [
    ("deep page", "/search", {"page": "500", "size": "20", "sort": "oldest"}),
    ("deep page", "/search", {"q": "san pham", "page": "400", "size": "25"}),
    ("long OR chain", "/search", {"q": " OR ".join(WORDS)}),
    ("repeated word", "/search", {"q": " ".join(["ocop"] * 99)}),
    ("parquet export", "/export", {"format": "parquet"}),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


class MemoryWatch(threading.Thread):
    """Peak resident memory of a process and its children (the uvicorn workers), sampled every 0.2 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            try:
                processes = [self.root, *self.root.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in processes))
            except psutil.Error:
                pass


def ordinary_latencies(base: str, count: int) -> tuple[list[float], Counter[int | str]]:
    """Milliseconds of `count` ordinary searches, one after the other, and their statuses; from
    127.0.0.2, another address than the heavy client's, as another journalist would be."""
    times: list[float] = []
    statuses: Counter[int | str] = Counter()
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(base_url=base, timeout=120, transport=transport) as client:
        for params in itertools.islice(itertools.cycle(ORDINARY), count):
            started = time.perf_counter()
            try:
                statuses[client.get("/search", params=params).status_code] += 1
            except httpx.TransportError as exc:  # a worker died or dropped the connection
                statuses[type(exc).__name__] += 1
            times.append((time.perf_counter() - started) * 1000)
    return times, statuses


def hammer(base: str, stop: threading.Event, outcomes: Counter[str], worker: int) -> None:
    """One heavy client thread: heavy requests in a loop, bodies read and dropped, until `stop`.
    Like any HTTP client library's retry policy, it waits the Retry-After of a 429."""
    with httpx.Client(base_url=base, timeout=300) as client:
        for name, path, params in itertools.cycle(
            HEAVY[worker % len(HEAVY) :] + HEAVY[: worker % len(HEAVY)]
        ):
            if stop.is_set():
                return
            try:
                with client.stream("GET", path, params=params) as response:
                    for _ in response.iter_raw(1 << 20):
                        if stop.is_set():
                            break
                    outcomes[f"{name} {response.status_code}"] += 1
                if response.status_code == 429:
                    stop.wait(float(response.headers.get("retry-after", "1")))
            except httpx.HTTPError as exc:
                outcomes[f"{name} {type(exc).__name__}"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--heavy", type=int, default=40, help="heavy client threads")
    parser.add_argument("--requests", type=int, default=120, help="ordinary searches per phase")
    parser.add_argument("--workers", type=int, default=None, help="default: ocop serve's own default")
    parser.add_argument(
        "--no-client-limit", action="store_true", help="serve with OCOP_MAX_CLIENT_REQUESTS=0 (to compare)"
    )
    parser.add_argument(
        "--write", type=Path, help="(re)write the '## Serving under load' section of this file"
    )
    args = parser.parse_args(argv)

    archive = build_archive(args.articles)
    port = _free_port()
    command = [
        str(Path(sys.executable).with_name("ocop")),
        "serve",
        "--archive",
        str(archive),
        "--port",
        str(port),
    ]
    if args.workers:
        command += ["--workers", str(args.workers)]
    described = machine()
    env = {**os.environ, **({"OCOP_MAX_CLIENT_REQUESTS": "0"} if args.no_client_limit else {})}
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        banner = server.stdout.readline().strip() if server.stdout else ""
        for _ in range(600):
            try:
                httpx.get(f"{base}/health", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        workers = re.search(r"(\d+) workers", banner)
        memory = MemoryWatch(server.pid)
        memory.start()
        ordinary_latencies(base, len(ORDINARY))  # warm-up: page cache, imports, connections
        alone, alone_statuses = ordinary_latencies(base, args.requests)
        alone_peak, alone_load = memory.peak, os.getloadavg()[0]

        stop, outcomes = threading.Event(), Counter()
        threads = [
            threading.Thread(target=hammer, args=(base, stop, outcomes, n), daemon=True)
            for n in range(args.heavy)
        ]
        for thread in threads:
            thread.start()
        time.sleep(3)  # let the heavy client fill the server first
        beside, beside_statuses = ordinary_latencies(base, args.requests)
        beside_load = os.getloadavg()[0]
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        memory.stop.set()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)

    rows = [
        ("alone", alone, alone_statuses, alone_peak, alone_load),
        (
            f"beside a heavy client ({args.heavy} threads"
            f"{', no per-client limit' if args.no_client_limit else ''})",
            beside,
            beside_statuses,
            memory.peak,
            beside_load,
        ),
    ]
    lines = [
        "## Serving under load",
        "",
        f"`python -m bench.bench_serve --articles {args.articles} --heavy {args.heavy}"
        f" --requests {args.requests}`: the real `ocop serve`"
        f" ({workers.group(1) if workers else '?'} workers)"
        f" over {args.articles:,} generated articles. Machine: {described}.",
        "",
        "An ordinary search (query + filters, facets, histogram, 20 hits with snippets) asked one after"
        " the other, alone and while the heavy client loops over deep pages (page 500 × 20, page 400 × 25),"
        f" an OR chain of {len(WORDS)} words, one word repeated 99 times and whole-archive Parquet exports"
        " (waiting the Retry-After of each 429); the ordinary client comes from another address.",
        "",
        "| ordinary search | requests | p50 ms | p95 ms | max ms | statuses | server peak RSS | load after |",
        "|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for label, times, statuses, peak, load in rows:
        shown = ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items(), key=str))
        lines.append(
            f"| {label} | {len(times)} | {_percentile(times, 50):,.0f} | {_percentile(times, 95):,.0f}"
            f" | {max(times):,.0f} | {shown} | {peak / 2**20:,.0f} MiB | {load:.1f} |"
        )
    lines += ["", "What the heavy client got meanwhile (requests completed, by kind and status):", ""]
    lines += [f"- {kind}: {n}" for kind, n in sorted(outcomes.items())]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        text = args.write.read_text("utf-8") if args.write.exists() else "# Benchmarks\n"
        pattern = re.compile(r"^## Serving under load\n.*?(?=^## |\Z)", re.M | re.S)
        text = (
            pattern.sub(lambda _: section + "\n", text)
            if pattern.search(text)
            else text.rstrip() + "\n\n" + section
        )
        args.write.write_text(text.rstrip("\n") + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
