"""Benchmark for exports: throughput and peak memory per format, through the CLI and through the API.

    .venv/bin/python bench/bench_export.py                # 100,000 articles, every format, CLI and API
    .venv/bin/python bench/bench_export.py --articles 5000 --formats csv

The archive is generated once from the bundled sample articles (paragraphs recombined; sites,
dates, provinces, stars and text varied) and cached under build/bench-export/, because building it
goes through `Archive.upsert` (FTS5 rows and a MinHash signature per article) and takes minutes.

Each export runs in a fresh process, and its peak RSS is read from the kernel's accounting of that
child (`os.wait4`), so import overhead is included and nothing is sampled. The row count of every
file is checked against the search total.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from bench.articles import generate  # noqa: E402
from indexer.archive import Archive  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex  # noqa: E402
from indexer.query import SearchRequest  # noqa: E402

CACHE = ROOT / "build" / "bench-export"
FORMATS = ("csv", "jsonl", "parquet")


def build_archive(count: int) -> Path:
    """The cached benchmark archive; built (to a temporary name, then renamed) when absent."""
    path = CACHE / f"archive-{count}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with Archive(partial) as archive:
        for n, article in enumerate(generate(count), 1):
            archive.upsert(article)
            if n % 10_000 == 0:
                rate = n / (time.perf_counter() - started)
                print(f"  built {n:,} articles ({rate:,.0f}/s through Archive.upsert)", flush=True)
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(partial, path)
    EmbeddedIndex(path).sync()  # the embedded engine's index, in a folder beside the archive
    print(f"archive of {count:,} articles built in {time.perf_counter() - started:,.0f} s: {path}")
    return path


# --- engines -------------------------------------------------------------------------------


@contextmanager
def embedded(archive: Path) -> Iterator[dict[str, str]]:
    yield {"OCOP_ENGINE": "embedded", "OCOP_ARCHIVE": str(archive)}


@contextmanager
def opensearch(archive: Path) -> Iterator[dict[str, str]]:
    """A real OpenSearch node (tests/support/nodes/opensearch_node.py) holding the archive, loaded once.

    The node's folder is kept under build/, so a later run finds the index loaded and skips the
    rebuild; the load time is printed when it happens.
    """
    from indexer.engines.elastic.index import open_remote_index
    from indexer.settings import Settings
    from indexer.sync import rebuild
    from tests.support.nodes.opensearch_node import OpenSearchNode

    node = OpenSearchNode(
        home=CACHE / f"opensearch-{archive.stem}",
        keep_home=True,
        cluster_name="ocop-bench",
        heap_min="2g",
        heap_max="2g",
    )
    with node:
        env = {
            "OCOP_ENGINE": "opensearch",
            "OCOP_ENGINE_URL": str(node.url),
            "OCOP_INDEX_ALIAS": "ocop-bench",
        }
        settings = Settings(
            _env_file=None, engine="opensearch", engine_url=node.url, index_alias="ocop-bench"
        )
        index = open_remote_index(settings)
        with Archive(archive) as store:
            wanted = store.count()
            try:
                loaded = index.count()
            except Exception:  # no index yet
                loaded = -1
            if loaded != wanted:
                started = time.perf_counter()
                report = rebuild(store, index, force=True)
                seconds = time.perf_counter() - started
                print(f"loaded {report.loaded:,} articles into OpenSearch in {seconds:,.0f} s", flush=True)
        yield env


ENGINES = {"embedded": embedded, "opensearch": opensearch}

# --- measuring ------------------------------------------------------------------------------

_CLI = "import ocop_watch.commands.export; from ocop_watch.cli_app import app; app()"


def _run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of a child process, from the kernel's own accounting."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**os.environ, **env}, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(
            f"{command[3:6]} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}"
        )
    return time.perf_counter() - started, usage.ru_maxrss * 1024  # Linux: kilobytes


def via_cli(fmt: str, env: dict[str, str], output: Path, query: str) -> tuple[float, int]:
    """Seconds (process start to exit) and peak RSS of `ocop export`."""
    return _run([sys.executable, "-c", _CLI, "export", "-f", fmt, "-o", str(output), "--q", query], env)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def via_api(fmt: str, env: dict[str, str], output: Path, query: str) -> tuple[float, int]:
    """Seconds of the download and the server's peak RSS (one fresh server per format)."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", "search_api.app:create_app", "--factory", "--port", str(port)]
    server = subprocess.Popen([*command, "--log-level", "warning"], env={**os.environ, **env}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        started = time.perf_counter()
        params = {"format": fmt, "q": query}
        with (
            httpx.stream("GET", f"{base}/export", params=params, timeout=None) as response,
            output.open("wb") as out,
        ):
            response.raise_for_status()
            for chunk in response.iter_bytes(1 << 20):
                out.write(chunk)
        seconds = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGINT)
        _, _, usage = os.wait4(server.pid, 0)
        server.returncode = 0
    return seconds, usage.ru_maxrss * 1024


def count_rows(fmt: str, path: Path) -> int:
    if fmt == "parquet":
        return pq.ParquetFile(path).metadata.num_rows
    with path.open(encoding="utf-8-sig", newline="") as f:
        if fmt == "jsonl":
            return sum(1 for _ in f)
        return sum(1 for _ in csv.reader(f)) - 1  # the header


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--engines", nargs="+", default=["embedded"], choices=list(ENGINES))
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--paths", nargs="+", default=["cli", "api"], choices=["cli", "api"])
    parser.add_argument("--q", default="", help="query text (default: export everything)")
    args = parser.parse_args()

    archive = build_archive(args.articles)
    total = EmbeddedIndex(archive).search(SearchRequest(q=args.q, size=0, with_facets=False)).total
    print(f"search total: {total:,} articles (q={args.q!r})")
    results = []
    print("| engine | path | format | rows | seconds | rows/s | file size | peak RSS |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for engine in args.engines:
        with ENGINES[engine](archive) as env:
            for path_name in args.paths:
                for fmt in args.formats:
                    output = CACHE / f"export-{engine}-{path_name}.{fmt}"
                    run = via_cli if path_name == "cli" else via_api
                    seconds, peak = run(fmt, env, output, args.q)
                    exported = count_rows(fmt, output)
                    if exported != total:
                        raise SystemExit(f"{engine} {path_name} {fmt}: {exported} rows, search total {total}")
                    size = output.stat().st_size
                    results.append(
                        dict(
                            engine=engine,
                            path=path_name,
                            format=fmt,
                            rows=exported,
                            seconds=seconds,
                            peak_rss=peak,
                            size=size,
                        )
                    )
                    print(
                        f"| {engine} | {path_name} | {fmt} | {exported:,} | {seconds:.1f}"
                        f" | {exported / seconds:,.0f} | {size / 2**20:,.0f} MB | {peak / 2**20:,.0f} MB |",
                        flush=True,
                    )
                    output.unlink()  # half a gigabyte each; the sidecar (CLI) is kept for inspection
    (CACHE / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
