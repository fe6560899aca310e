"""What the relaxation costs in tantivy at a realistic size (docs/query-language.md, "Relaxation").

    .venv/bin/python -m bench.bench_relaxation --articles 30000 --keep build/bench-relax

A relaxed query matches any of its words and ranks by the weight (rarity) of those each article
holds (each word adds `WORD_TIER` × its weight to its BM25, searched once beside a constant;
`engines.core.weighed`). For each query, the top 20 are searched straight from tantivy (no facets,
no snippets) four ways:

- strict: every word required (what a page searched before the relaxation);
- any word: the words OR-ed, BM25 only (the cheapest relaxation; no count of words);
- counted (ours): `Renderer.ranking` of the relaxed query as `core.weighed` builds it (words by
  rarity, syllables of words, common words only ranking; the counts it asks are not timed here);
- combinations: round 1's construction, at least half of the words as the OR of every way to
  choose them (C(n, ⌈n/2⌉) conjunctions), for comparison.

Then `EmbeddedIndex.search` end to end (size 20: the count that decides, facets, snippets).
Articles come from `bench/articles.py`; medians over --repeat runs, after a warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from bench.bench_engines import articles_file, read_articles
from bench.machine import machine
from indexer.engines.core import weighed
from indexer.engines.embedded import EmbeddedIndex
from indexer.query import SearchRequest
from indexer.query_ast import AnyOf

QUERIES = [
    "điện gió",
    "mật ong xuất khẩu Nhật Bản",
    "sản phẩm OCOP Tuyên Quang hợp tác xã",
    "chè Shan tuyết cổ thụ Suối Giàng 5 sao",
    "dua san pham ocop len san thuong mai dien tu",
    "hội chợ đặc sản vùng miền nông dân tiêu thụ sản phẩm xuất khẩu thị trường",
]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build in (and keep) this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-relax-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"archive-{args.articles}.sqlite"
    if not archive.exists():
        EmbeddedIndex(archive).index(read_articles(articles_file(folder, args.articles)))
    engine = EmbeddedIndex(archive)
    searcher = engine._current()[0].searcher()
    render = engine.renderer
    print(machine(f"tantivy {tantivy.__version__}"))
    print(f"{searcher.num_docs} articles; top 20, median ms of {args.repeat}")
    print("| words | query | strict hits | strict | any word | counted (ours) | combinations | search() |")
    print("|---|---|---|---|---|---|---|---|")
    for q in QUERIES:
        parsed = SearchRequest(q=q).parsed
        relaxed = weighed(
            parsed, parsed.relaxable(), None, lambda words: engine._frequencies(searcher, words)
        )
        words = list(relaxed.strict)
        half = len(words) - len(words) // 2
        chosen = [
            Query.boolean_query([(Occur.Must, render.node(p)) for p in c]) for c in combinations(words, half)
        ]
        ways = {
            "strict": render.ranking(parsed),
            "any": render.node(AnyOf(tuple(words))),
            "counted": render.ranking(relaxed),
            "combinations": Query.boolean_query([(Occur.Should, c) for c in chosen]),
        }
        strict_hits = searcher.search(render.matching(parsed), 1, count=True).count
        cost = {
            name: median_ms(lambda q=query: searcher.search(q, 20), args.repeat)
            for name, query in ways.items()
        }
        page = SearchRequest(q=q, size=20)
        end_to_end = median_ms(lambda page=page: engine.search(page), max(3, args.repeat // 4))
        print(
            f"| {len(words)} | `{q}` | {strict_hits} | {cost['strict']:.1f} | {cost['any']:.1f} | "
            f"{cost['counted']:.1f} | {cost['combinations']:.1f} (C = {len(chosen)}) | {end_to_end:.1f} |"
        )


if __name__ == "__main__":
    main()
