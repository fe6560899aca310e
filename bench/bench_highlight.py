"""Speed of hit rendering (word-level marks, snippet window, title), the part of every search that
both engines share: `indexer.highlight.hit_for` over realistic ~600-word articles, on one core.

Articles are built as in bench_ocop.py (labelled passages from tests/data/ocop_labels.jsonl, fixed
seed). Each query is rendered against every article whether or not it would match, which is the
worst case: the tokens of every article are scanned for every group.

    .venv/bin/python bench/bench_highlight.py [--articles 2000] [--words 600]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_ocop import build_articles  # noqa: E402

from indexer.highlight import hit_for  # noqa: E402
from indexer.query import parse_query  # noqa: E402
from indexer.schema import VIETNAM_TZ, Article  # noqa: E402

QUERIES = [
    "mat ong",
    "san pham ocop",
    '"nông thôn mới"',
    "dong thap -xoai",
    "ca phe OR tra",
    "hợp tác xã 4 sao",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    from datetime import datetime

    crawled = datetime(2025, 1, 1, tzinfo=VIETNAM_TZ)
    articles = [
        Article.from_url(
            f"https://bench.vn/{a['id']}", site="bench.vn", title=a["title"], text=a["text"], crawled=crawled
        )
        for a in build_articles(args.articles, args.words)
    ]
    chars = statistics.mean(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:.0f} characters of body on average")
    for q in QUERIES:
        parsed = parse_query(q)
        timings = []
        for article in articles:
            started = time.perf_counter()
            hit_for(article, parsed, None)
            timings.append(time.perf_counter() - started)
        timings.sort()
        p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
        print(f"{q!r:22} per hit: p50 {p50 * 1e3:6.2f} ms, p95 {p95 * 1e3:6.2f} ms")


if __name__ == "__main__":
    main()
