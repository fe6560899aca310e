"""The judged query set on every engine: each behaviour of the query language keeps its queries'
nDCG@10 and recall@20, and the whole set does at least as well as a folded BM25.

The judgments (judged.toml) were written by reading the sample site and our passages; the scores
printed with `-s` are the dev figures of docs/query-language.md.
"""

from __future__ import annotations

import pytest

from indexer.engines.base import SearchIndex
from indexer.query import SearchRequest
from tests.support.judged_set import ARTICLES, SLUG, FoldedBM25, Judged, ndcg_at, queries, recall_at

QUERIES = queries()


def measures(found: list[str], relevant: dict[str, int]) -> tuple[float, float]:
    return ndcg_at(found, relevant), recall_at(found, relevant)


def ranked(engine: SearchIndex, q: str) -> list[str]:
    return [SLUG[hit.id] for hit in engine.search(SearchRequest(q=q, size=20)).hits]


@pytest.mark.parametrize("judged", QUERIES, ids=[f"{j.behaviour}: {j.q}" for j in QUERIES])
def test_each_judged_query(judged_engine: SearchIndex, judged: Judged) -> None:
    found = ranked(judged_engine, judged.q)
    ndcg, recall = ndcg_at(found, judged.relevant), recall_at(found, judged.relevant)
    print(f"\n{judged_engine.name:14} nDCG@10 {ndcg:.3f} recall@20 {recall:.3f}  {judged.q}")
    assert recall >= judged.min_recall, found
    assert ndcg >= judged.min_ndcg, found


def test_the_set_beats_folded_bm25(judged_engine: SearchIndex) -> None:
    bm25 = FoldedBM25(ARTICLES)
    ours = [
        (ndcg_at(r, j.relevant), recall_at(r, j.relevant))
        for j in QUERIES
        for r in [ranked(judged_engine, j.q)]
    ]
    base = [(ndcg_at(r, j.relevant), recall_at(r, j.relevant)) for j in QUERIES for r in [bm25.rank(j.q)]]
    mean = [sum(x[i] for x in ours) / len(ours) for i in (0, 1)]
    baseline = [sum(x[i] for x in base) / len(base) for i in (0, 1)]
    print(
        f"\n{judged_engine.name}: nDCG@10 {mean[0]:.3f} recall@20 {mean[1]:.3f}; "
        f"folded BM25 nDCG@10 {baseline[0]:.3f} recall@20 {baseline[1]:.3f}"
    )
    assert mean[0] >= 0.9 and mean[0] > baseline[0]
    assert mean[1] >= baseline[1]
