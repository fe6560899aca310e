"""The analyses on every engine: compared timelines, the words of a result set and the claims
ledger give the same answers on the embedded index and on real OpenSearch and Elasticsearch nodes.

The articles (tests/analysis_fixtures.py) are loaded into each engine the production way (an archive,
then `ocop index rebuild` into a fresh alias); expected values come from how they were written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer.analysis.claims import ledger
from indexer.analysis.terms import characteristic_terms
from indexer.analysis.timeline import compare
from indexer.archive import Archive
from indexer.engines.base import SearchIndex
from indexer.engines.elastic.index import RemoteIndex
from indexer.engines.embedded import EmbeddedIndex
from indexer.query import SearchRequest
from indexer.sync import rebuild
from tests.analysis_fixtures import analysis_articles, build_analysis_archive
from tests.support.remotes import REMOTE_PARAMS, REMOTES, remote_index


@pytest.fixture(scope="module")
def analysis_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_analysis_archive(tmp_path_factory.mktemp("analysis") / "archive.sqlite")


@pytest.fixture(scope="module")
def loaded(analysis_archive: Path) -> Iterator[Callable[[str], SearchIndex]]:
    made: dict[str, SearchIndex] = {}

    def load(name: str) -> SearchIndex:
        if name not in made:
            if name == "embedded":
                made[name] = EmbeddedIndex(analysis_archive)
            else:
                chosen = REMOTES[name]
                index = remote_index(chosen.url(), f"ocop-analysis-{uuid.uuid4().hex[:8]}", chosen.kind)
                with Archive(analysis_archive) as archive:
                    assert rebuild(archive, index).swapped
                made[name] = index
        return made[name]

    yield load
    for index in made.values():
        if isinstance(index, RemoteIndex):
            index.versions.drop_all()


@pytest.fixture(scope="module", params=["embedded", *REMOTE_PARAMS])
def engine(request: pytest.FixtureRequest, loaded: Callable[[str], SearchIndex]) -> SearchIndex:
    return loaded(request.param)


def test_phrase_counts_are_articles_holding_the_folded_phrase(engine: SearchIndex) -> None:
    counts = engine.phrase_counts(
        [("mat", "ong", "bac", "ha"), ("ca", "phe", "robusta"), ("ong", "ca"), ("khong", "co")]
    )
    assert counts == [6, 6, 0, 0]


def test_timeline_compares_two_queries_as_shares(engine: SearchIndex) -> None:
    request = SearchRequest.from_params({"from": "2024-03-01", "to": "2024-05-31"})
    result = compare(engine, request, ["mật ong", "cà phê"], "month", "share")
    assert [p.period for p in result.periods] == ["2024-03", "2024-04", "2024-05"]
    assert [p.articles for p in result.periods] == [11, 1, 7]
    honey, coffee = result.series
    assert [p.count for p in honey.points] == [6, 0, 0] and [p.count for p in coffee.points] == [0, 0, 7]
    assert [p.share for p in honey.points] == [round(6 / 11, 6), 0.0, 0.0]
    assert coffee.points[2].share == 1.0  # claim-f's sentence names cà phê too


def test_characteristic_terms_of_a_theme(engine: SearchIndex) -> None:
    result = characteristic_terms(engine, SearchRequest(q="mật ong"))
    assert result.sample.size == result.sample.of == 6 and not result.sample.sampled
    assert result.archive == len(analysis_articles())
    terms = [t.term for t in result.terms]
    best = [
        t.term for t in result.terms if t.g2 == result.terms[0].g2
    ]  # in every honey article, nowhere else
    assert {"mật ong bạc hà", "HTX Hoa Đá"} <= set(best)
    assert not any("cà phê" in t or "chương trình" in t.lower() for t in terms)
    assert {t.term: t.archive_docs for t in result.terms}["mật ong bạc hà"] == 6
    products = [(p.name, p.docs) for p in result.products]
    # a product word of the OCOP vocabulary ("mật ong", or "mật ong bạc hà" where it lists that)
    assert any(name.startswith("mật ong") and docs == 6 for name, docs in products), products
    assert [(c.name, c.docs) for c in result.cooperatives] == [("HTX Hoa Đá", 6)]
    coffee = characteristic_terms(engine, SearchRequest(q="robusta"), sample=4)
    assert coffee.sample.size == 4 and coffee.sample.of == 6 and coffee.sample.sampled
    assert "cà phê Robusta" in [t.term for t in coffee.terms if t.g2 == coffee.terms[0].g2]
    assert ("HTX Cà phê Ea Tu", 4) in [(c.name, c.docs) for c in coffee.cooperatives]
    assert ("cà phê Robusta", 4) in [(p.name, p.docs) for p in coffee.products]  # with the name after it


def test_claims_ledger_groups_and_flags_the_conflict(engine: SearchIndex) -> None:
    result = ledger(engine, SearchRequest.from_params({"province": "Tuyên Quang"}))
    groups = {(g.province, g.period): g for g in result.groups}
    assert list(groups) == [("Tuyên Quang", "2024-03"), ("Tuyên Quang", "2024-04")]
    march = groups[("Tuyên Quang", "2024-03")]
    assert march.conflicting and result.conflicts == 1
    flagged = {(c.count, c.site, c.scope, c.conflicting) for c in march.claims}
    assert flagged == {
        (12, "a.vn", "province", True),  # "Hà Giang", a pre-2025 name: Tuyên Quang since July 2025
        (12, "a.vn", "province", True),
        (15, "b.vn", "province", True),
        (3, "b.vn", "local", False),  # a district's count is not the province's total
    }
    april = groups[("Tuyên Quang", "2024-04")].claims
    assert [(c.count, c.scope, c.place) for c in april] == [(20, "province", None)]  # the article's province
    everywhere = ledger(engine, SearchRequest())
    national = [g for g in everywhere.groups if g.province == "Cả nước"]  # not a province's count
    assert [(g.period, [c.count for c in g.claims], g.conflicting) for g in national] == [
        ("2024-03", [16000], False)
    ]
    assert everywhere.claims == 7 and everywhere.conflicts == 1


def test_claims_ledger_filters_on_the_claims_rating_and_dates(engine: SearchIndex) -> None:
    three = ledger(engine, SearchRequest.from_params({"stars": "3"}))
    assert [(c.count, c.stars) for g in three.groups for c in g.claims] == [(20, 3)]
    march = ledger(
        engine, SearchRequest.from_params({"from": "2024-03-01", "to": "2024-03-31", "stars": ["4"]})
    )
    assert sorted(c.count for g in march.groups for c in g.claims) == [3, 12, 12, 15]
    assert {c.link for g in march.groups for c in g.claims} == {
        f"/a/{c.article_id}" for g in march.groups for c in g.claims
    }
