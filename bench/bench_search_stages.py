"""Where one embedded search spends its CPU, stage by stage, for `bench_engines`' requests.

    .venv/bin/python bench/bench_search_stages.py --archive build/bench-100k/archive.sqlite
    .venv/bin/python bench/bench_search_stages.py --archive … --request "long OR" --request "many words"

For each request (by a piece of its `bench_engines` label; all of them without --request), the
CPU milliseconds (`time.process_time`: tantivy searches in the calling thread) of:

- the whole `EmbeddedIndex.search`, as the API calls it;
- the aggregation (the total, every facet, the histogram) over the text match, and a bare count
  of that match (`engine._match_count`: the match read, nothing counted per article);
- the ranking search of the first page (top 20), and the same with only the matching clauses
  (past `render.MAX_SCORED_WORDS` required words, the commoner ones unscored, as the ranking
  has them), with the exact tiers added (none past it), and with the expanded words' tiers
  added, so the cost of each group of optional clauses shows;
- the page's hits: reading the articles from the archive, and their snippets and highlighted
  titles (`indexer.highlight`).

The query is the one the search runs (read for its accented reading, relaxed when it matches too
few articles). Run it on two sizes of archive to see which stage grows with the archive.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tantivy import Occur, Query

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_engines import load, requests_for  # noqa: E402
from indexer.engines import core  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex, render  # noqa: E402
from indexer.engines.embedded.engine import _held_by, _match_count, _postings_of, _share  # noqa: E402
from indexer.highlight import hit_for  # noqa: E402
from indexer.query import SearchRequest  # noqa: E402


def cpu_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up
    spent = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        spent.append((time.process_time() - started) * 1000)
    return statistics.median(spent)


def stages(index: EmbeddedIndex, request: SearchRequest, repeat: int) -> dict[str, float]:
    searcher = index._current()[0].searcher()
    checkpoint = index._current()[1]
    state = (checkpoint.generation, checkpoint.seq, int(searcher.num_docs))  # as `EmbeddedIndex.search`
    renderer = index.renderer
    filters = renderer.filters(request)
    searched = core.plan(
        request,
        count=lambda parsed: index._count(searcher, parsed, filters),
        sample=lambda p, n: index._articles(index._ranked(searcher, index._ranking(searcher, p), n, 0)),
        frequencies=lambda words: index._frequencies(searcher, words),
        reader=partial(index._readings.read, state),
    )
    parsed = searched.parsed
    matching = renderer.filtered(renderer.matching(parsed), filters)
    one_or = render.long_or(parsed)  # one tier for the whole OR (`Renderer._as_typed`), as the exact tiers
    unscored = render.unscored(parsed.must, lambda node: _postings_of(searcher, node))  # as `ranking`
    exact = render.exact_budget(parsed.exact_terms(), lambda term: _held_by(searcher, term))
    exact = [] if one_or or unscored else exact
    clauses = renderer._matching_clauses(parsed, counted=True, unscored=unscored)
    with_exact = clauses + [(Occur.Should, render._tiered(renderer.exact_tier(t))) for t in exact]
    if one_or and parsed.exact_terms():
        with_exact.append((Occur.Should, renderer._as_typed(parsed, one_or, _share(searcher))))
    expanded = [
        (Occur.Should, Query.const_score_query(Query.all_query(), render.ORIGINAL_TIER))
        for _ in ([] if one_or else parsed.expansions())
    ]  # their cost as a constant; the real clauses are in the full ranking
    ranking = renderer.filtered(index._ranking(searcher, parsed), filters)

    def top(query: Query) -> Callable[[], object]:
        return lambda: searcher.search(renderer.filtered(query, filters), 20, count=False)

    page = index._ranked(searcher, ranking, 20, 0)
    articles = index._articles(page)
    return {
        "whole search": cpu_ms(lambda: index.search(request), repeat),
        "aggregation": cpu_ms(lambda: index._aggregate(searcher, state, parsed, request, filters), repeat),
        "count only": cpu_ms(lambda: _match_count(searcher, matching), repeat),
        "ranking": cpu_ms(lambda: searcher.search(ranking, 20, count=False), repeat),
        "matching clauses": cpu_ms(top(Query.boolean_query(clauses)), repeat),
        "+ exact tiers": cpu_ms(top(Query.boolean_query(with_exact)), repeat),
        "+ expansions (constant)": cpu_ms(top(Query.boolean_query(with_exact + expanded)), repeat),
        "read hits": cpu_ms(lambda: index._articles(page), repeat),
        "snippets": cpu_ms(lambda: [hit_for(a, parsed, 1.0) for a in articles], repeat),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--archive", type=Path, required=True, help="an archive with its embedded index")
    ap.add_argument("--request", action="append", help="a piece of a bench_engines label (repeatable)")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    index = EmbeddedIndex(args.archive)
    requests = requests_for(index)
    chosen = [
        label for label in requests if not args.request or any(piece in label for piece in args.request)
    ]
    found = {label: stages(index, requests[label], args.repeat) for label in chosen}
    print(f"{args.archive}: {index.count():,} articles; load {load()}; CPU ms, medians of {args.repeat}")
    names = list(next(iter(found.values())))
    print("| request | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for label, figures in found.items():
        print(f"| {label} | " + " | ".join(f"{figures[n]:.1f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
