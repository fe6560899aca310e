"""One contract, every engine: the same requests give the same hits, facet counts and timelines.

Each test runs against the embedded FTS5 index and against a real OpenSearch node (marker
`engine`). Expected hit sets, facet counts and histograms come from `Expected`, a plain-Python
reading of the behaviour (folded phrases in title or body; multi-select facets; Vietnam-time
dates) over the archived fixture articles; the tests also spell out the Vietnamese cases by name.
Ranking may differ between engines (BM25 statistics differ) except where a test says it must not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

import pytest

import indexer.engines.core as core
from indexer.archive import Archive
from indexer.asides import split_asides
from indexer.engines.base import SearchIndex
from indexer.engines.core import RELAX_BELOW
from indexer.errors import InvalidQuery, NotFound
from indexer.facets import COUNTED_FACETS, keyword_values, resolve_filters
from indexer.highlight import searchable_body
from indexer.query import Bucket, SearchRequest, SearchResponse, parse_query
from indexer.query_ast import AnyOf, Expanded, Node, Not, ParsedQuery, Term
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import fold, normalize, tokens
from tests.support.contract_articles import ID, KEY

_HISTOGRAM_FORMAT = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


class Expected:
    """What any engine must answer, computed directly from the archived articles."""

    def __init__(self, articles: list[Article]):
        self.articles = articles

        def folded(text: str) -> list[str]:
            return tokens(fold(normalize(text)))

        self.words = {
            a.id: {
                "title": folded(a.title),
                "body": folded(searchable_body(a)),
                "author": folded(" ; ".join(a.authors)),
                "source": folded(f"{a.site} {a.outlet}"),
                "title_exact": tokens(normalize(a.title).lower()),
                "body_exact": tokens(normalize(split_asides(searchable_body(a))[0]).lower()),
            }
            for a in articles
        }

    def _term(self, article: Article, term: Term) -> bool:
        fields = ["title", "body"] if term.scope == "any" else [term.scope]
        if term.exact:
            fields = [f"{f}_exact" for f in fields]
        texts = [self.words[article.id][f] for f in fields]
        target = list(term.tokens if term.exact else term.folded)
        if term.phrase:
            width = len(target)
            return any(
                words[i : i + width] == target for words in texts for i in range(len(words) - width + 1)
            )
        last = len(target) - 1
        return all(
            any(
                any(w.startswith(s) for w in words) if term.prefix and i == last else s in words
                for words in texts
            )
            for i, s in enumerate(target)
        )

    def _node(self, article: Article, node: Node) -> bool:
        if isinstance(node, Term):
            return self._term(article, node)
        if isinstance(node, Not):
            return not self._node(article, node.part)
        if isinstance(node, Expanded):
            return self._term(article, node.original) or any(
                self._node(article, a) for a in node.alternatives
            )
        if isinstance(node, AnyOf):
            return any(self._node(article, o) for o in node.options)
        return all(self._node(article, p) for p in node.parts)

    def _text_ok(self, article: Article, parsed: ParsedQuery) -> bool:
        return all(self._node(article, clause) for clause in parsed.clauses)

    def searched(self, request: SearchRequest) -> ParsedQuery:
        """The query as searched: relaxed when a page ranked by relevance finds too few articles
        holding every word (core.RELAX_BELOW), as every engine must."""
        parsed = parse_query(request.q)
        words = parsed.relaxable()
        if request.size == 0 or request.effective_sort != "relevance" or not words:
            return parsed
        strict = sum(1 for a in self.articles if self._ok(a, request, parsed))
        return core.weighed(parsed, words, None, self.frequencies) if strict < RELAX_BELOW else parsed

    def frequencies(self, nodes: Sequence[Node]) -> tuple[int, list[int]]:
        """The articles, and how many hold each node (what `core.weighed` asks an engine)."""
        return len(self.articles), [sum(self._node(a, n) for a in self.articles) for n in nodes]

    def _ok(self, article: Article, request: SearchRequest, parsed: ParsedQuery) -> bool:
        values = set(keyword_values(article))
        if any(not values & set(terms) for terms in resolve_filters(request.filters).values()):
            return False
        return self._date_ok(article, request) and self._text_ok(article, parsed)

    @staticmethod
    def _date_ok(article: Article, request: SearchRequest) -> bool:
        if not (request.date_from or request.date_to):
            return True
        if article.published is None:
            return False

        def start(day: date) -> datetime:
            return datetime.combine(day, dtime.min, tzinfo=VIETNAM_TZ)

        low = start(request.date_from) if request.date_from else None
        high = start(request.date_to + timedelta(days=1)) if request.date_to else None
        return (low is None or article.published >= low) and (high is None or article.published < high)

    def matching(self, request: SearchRequest, skip: str | None = None) -> list[Article]:
        selected = resolve_filters(request.filters)
        parsed = self.searched(request)
        out = []
        for article in self.articles:
            values = set(keyword_values(article))
            if not self._text_ok(article, parsed):
                continue
            if any(name != skip and not values & set(terms) for name, terms in selected.items()):
                continue
            if skip != "published" and not self._date_ok(article, request):
                continue
            out.append(article)
        return out

    def ids(self, request: SearchRequest) -> set[str]:
        return {a.id for a in self.matching(request)}

    def facets(self, request: SearchRequest) -> dict[str, list[tuple[str, int, bool]]]:
        selected = resolve_filters(request.filters)
        result = {}
        for name, facet in COUNTED_FACETS.items():
            counts = Counter(
                value
                for a in self.matching(request, skip=name)
                for f, value in keyword_values(a)
                if f == facet.field
            )
            chosen = {value for f, value in selected.get(name, []) if f == facet.field}
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: request.facet_size]
            buckets = [(value, n, value in chosen) for value, n in top]
            buckets += [(value, counts.get(value, 0), True) for value in sorted(chosen - {v for v, _ in top})]
            result[name] = buckets
        return result

    def histogram(self, request: SearchRequest) -> list[tuple[str, int]]:
        fmt = _HISTOGRAM_FORMAT[request.interval]
        counts = Counter(
            a.published.astimezone(VIETNAM_TZ).strftime(fmt)
            for a in self.matching(request, skip="published")
            if a.published
        )
        return sorted(counts.items())

    def by_date(self, request: SearchRequest, sort: str) -> list[str]:
        """Undated last, ties on the id in the sort's direction."""
        newest = sort == "newest"
        missing = float("-inf") if newest else float("inf")

        def key(a: Article) -> tuple[float, str]:
            return (a.published.timestamp() if a.published else missing, a.id)

        return [a.id for a in sorted(self.matching(request), key=key, reverse=newest)]


@pytest.fixture(scope="module")
def expected(contract_archive: Path) -> Expected:
    with Archive(contract_archive) as archive:
        return Expected(list(archive.articles()))


def keys(response: SearchResponse) -> list[str]:
    return [KEY[hit.id] for hit in response.hits]


def everything(engine: SearchIndex, **fields: Any) -> SearchResponse:
    return engine.search(SearchRequest(size=100, **fields))


def facet_tuples(response: SearchResponse) -> dict[str, list[tuple[str, int, bool]]]:
    return {
        name: [(b.value, b.count, b.selected) for b in buckets] for name, buckets in response.facets.items()
    }


def histogram_tuples(buckets: list[Bucket]) -> list[tuple[str, int]]:
    return [(b.value, b.count) for b in buckets]


# --- requests checked hit-for-hit, facet-for-facet against the expectation -------------------------------

CONTRACT_REQUESTS: list[dict[str, Any]] = [
    {},
    {"q": "san pham ocop"},
    {"q": "sản phẩm OCOP"},
    {"q": '"dong thap"'},
    {"q": "Đồng Tháp"},
    {"q": "dong"},
    {"q": "đồng"},
    {"q": "hoà bình"},
    {"q": "hòa"},
    {"q": "khỏe"},
    {"q": "thuỷ sản"},
    {"q": "quý"},
    {"q": '"nông thôn mới"'},
    {"q": "nông thôn mới"},
    {"q": 'ocop -"xổ số"'},
    {"q": "-ocop"},
    {"q": "ocop NOT sen -hoa"},
    {"q": '"mật ong" OR "cà phê"'},
    {"q": "mật ong OR cà phê"},
    {"q": "sen OR xoài OR gốm ocop"},
    {"q": "TP.HCM"},
    {"q": "16.000"},
    {"q": "ocop", "filters": {"site": ["vnexpress.net"]}},
    {"q": "ocop", "filters": {"site": ["vnexpress.net", "baophutho.vn"], "stars": ["4"]}},
    {"filters": {"stars": ["5"], "product_group": ["Đồ uống"]}},
    {"filters": {"section": ["Kinh tế"], "is_ocop": ["true"]}},
    {"filters": {"is_ocop": ["false"]}, "interval": "year"},
    {"filters": {"stars": ["3"]}, "facet_size": 2},
    {"filters": {"product_group": ["Thảo dược"], "site": ["baodongthap.vn"]}},
    {"filters": {"province": ["Đồng Tháp"]}},
    {"filters": {"province": ["TP.HCM"]}, "q": "ocop"},
    {"filters": {"province": ["hoa binh"]}},  # a pre-2025 name, typed without diacritics
    {"filters": {"province": ["Hoà Bình", "Hà Nội"], "stars": ["3"]}},  # old and 2025 names at once
    {"date_from": "2024-03-31", "date_to": "2024-03-31", "interval": "day"},
    {"date_from": "2024-01-01", "date_to": "2024-06-30", "q": "ocop"},
    {"date_from": "2021-01-01", "date_to": "2021-01-01", "interval": "year"},
    {"date_to": "2022-12-31", "interval": "month"},
    {"date_from": "2025-01-01", "filters": {"site": ["nongnghiep.vn"]}},
    {"q": "sen", "interval": "day"},
    {"q": "không có từ này"},
    {"filters": {"story": [ID["wire_a"]]}},
    {"q": "ocop", "filters": {"story": [ID["wire_a"], ID["sen_dongthap"]], "site": ["vnexpress.net"]}},
    {"filters": {"outlet_kind": ["provincial"], "outlet_province": ["Đồng Tháp"]}},
    {"q": "ocop", "filters": {"outlet_kind": ["trade", "national"]}},
    # an OR chain repeating its alternatives, with a synonym both ways (trà, chè): one flat union
    {"q": "trà OR sen OR gạo OR mật ong OR sen OR chè OR trà", "filters": {"stars": ["4", "5"]}},
]


@pytest.mark.parametrize("fields", CONTRACT_REQUESTS, ids=lambda f: repr(f)[:60])
def test_hits_facets_and_histogram_match_the_contract(
    engine: SearchIndex, expected: Expected, fields: dict[str, Any]
) -> None:
    request = SearchRequest(size=100, **fields)
    response = engine.search(request)
    assert {hit.id for hit in response.hits} == expected.ids(request)
    assert response.total == len(expected.ids(request))
    assert facet_tuples(response) == expected.facets(request)
    assert histogram_tuples(response.histogram) == expected.histogram(request)


# --- Vietnamese, spelled out ---------------------------------------------------------------------------


def test_search_without_diacritics_finds_and_highlights_the_original(engine: SearchIndex) -> None:
    plain = everything(engine, q="san pham ocop")
    typed = everything(engine, q="sản phẩm OCOP")
    assert {h.id for h in plain.hits} == {h.id for h in typed.hits}
    assert {"sen_dongthap", "wire_a", "dong_ho"} <= set(keys(plain))
    hit = next(h for h in plain.hits if KEY[h.id] == "tphcm")
    assert "<mark>sản phẩm OCOP</mark>" in hit.snippet
    assert "<mark>sản phẩm OCOP</mark>" in hit.title_highlighted


def test_d_finds_đ_but_an_exact_phrase_is_exact(engine: SearchIndex) -> None:
    phrase = {"sen_dongthap", "xoai_dongthap", "thuy_san", "khoai_lang", "wire_a", "wire_b", "wire_c"}
    assert set(keys(everything(engine, q='"dong thap"'))) == phrase
    assert set(keys(everything(engine, q='"Đồng Tháp"'))) == phrase
    # one folded syllable meets every word written "dong" once its marks are gone
    assert {
        "dong_song",
        "dong_luc",
        "hoa_binh_new_style",
        "matong_hagiang",
        "dong_ho",
        "caphe_lamdong",
    } <= set(keys(everything(engine, q="dong")))


def test_typed_diacritics_rank_exact_matches_first(engine: SearchIndex) -> None:
    """`đồng` finds dòng/động/đông/đóng too, but every exact `đồng` ranks above them (both engines)."""
    ranked = keys(everything(engine, q="đồng"))
    exact = {"sen_dongthap", "xoai_dongthap", "hoa_binh_new_style", "caphe_lamdong", "thuy_san", "khoai_lang"}
    exact |= {"wire_a", "wire_b"}
    assert set(ranked[: len(exact)]) == exact
    assert {"dong_song", "dong_luc", "matong_hagiang", "dong_ho"} <= set(ranked[len(exact) :])
    top = keys(everything(engine, q="hòa"))
    assert set(top[:2]) == {"hoa_binh_new_style", "hoa_binh_old_style"}
    assert {"hoa_si", "hoa_sen", "tho_cam"} <= set(top[2:])


@pytest.mark.parametrize(
    ("new_style", "old_style"), [("hoà bình", "hòa bình"), ("khoẻ", "khỏe"), ("thuỷ", "thủy")]
)
def test_tone_placement_does_not_matter(engine: SearchIndex, new_style: str, old_style: str) -> None:
    new, old = everything(engine, q=new_style), everything(engine, q=old_style)
    assert keys(new) and set(keys(new)) == set(keys(old))
    assert [h.snippet for h in new.hits] == [h.snippet for h in old.hits]


def test_quy_is_not_a_tone_placement_variant(engine: SearchIndex) -> None:
    # "quý" keeps its mark where it is (after "q", "u" is part of the consonant); "quỹ" folds alike
    assert keys(everything(engine, q="quý")) == ["quy_mot", "xoso_ocop"]


def test_quoted_phrase_must_be_in_order(engine: SearchIndex) -> None:
    quoted = set(keys(everything(engine, q='"nông thôn mới"', sort="newest")))  # a date sort never relaxes
    known = set(keys(everything(engine, q="nông thôn mới", sort="newest")))  # a word the vocabulary knows
    words = set(keys(everything(engine, q="mới nông thôn", sort="newest")))  # three words, anywhere
    assert {"dong_luc", "ntm_hanoi", "undated_tieu_chi", "wire_a", "wire_b"} <= quoted
    assert "ntm_scattered" not in quoted and "ntm_scattered" in words
    assert quoted == known and quoted < words


def test_exclusion_and_or(engine: SearchIndex) -> None:
    assert "xoso_ocop" in keys(everything(engine, q="ocop"))
    excluded = keys(everything(engine, q='ocop -"xổ số"'))
    assert "xoso_ocop" not in excluded and "sen_dongthap" in excluded
    either = set(keys(everything(engine, q='"mật ong" OR "cà phê"')))
    assert either == {"hoa_binh_old_style", "xoso_ocop", "matong_hagiang", "caphe_lamdong", "quy_mot"}


@pytest.mark.parametrize("q", ["sen Đồng Tháp xoài", "mật ong cà phê", "site:vnexpress.net ocop sen -xoài"])
def test_a_relaxed_page_ranks_by_the_weight_of_the_words_each_article_holds(
    engine: SearchIndex, expected: Expected, q: str
) -> None:
    """Too few articles hold every word: any word matches (the field and the exclusion still must),
    those holding every word first, then by the summed weight (rarity) of the words and syllables
    each holds, and the response says so."""
    request = SearchRequest(q=q, size=100)
    words = request.parsed.relaxable()
    assert words
    found = engine.search(request)
    article = {a.id: a for a in expected.articles}

    relaxed = core.weighed(request.parsed, words, None, expected.frequencies)  # as every engine weighs them
    assert {hit.id for hit in found.hits} == expected.ids(request)
    held = [sum(expected._node(article[hit.id], w) for w in words) for hit in found.hits]
    worth = [
        sum(weight for node, weight in relaxed.counted() if expected._node(article[hit.id], node))
        for hit in found.hits
    ]
    every = held.count(len(words))
    assert held[:every] == [len(words)] * every and min(worth) > 0  # every word first
    # then by weight: the ranking's other clauses (exact tiers, BM25) only order near-equal weights
    assert all(
        later <= earlier + 0.05 for earlier, later in zip(worth[every:], worth[every + 1 :], strict=False)
    )
    assert found.relaxed is not None and found.relaxed.words == len(words)
    assert found.relaxed.strict_total == every < RELAX_BELOW
    counted = engine.search(SearchRequest(q=q, size=0))
    assert counted.relaxed is None and counted.total == found.relaxed.strict_total


def test_punctuated_words_are_phrases(engine: SearchIndex) -> None:
    assert keys(everything(engine, q="TP.HCM")) == ["tphcm"]
    assert keys(everything(engine, q="tp hcm")) == ["tphcm"]


# --- facets, dates ---------------------------------------------------------------------------------------


def test_selecting_a_site_keeps_the_site_counts_and_narrows_the_others(engine: SearchIndex) -> None:
    before = everything(engine, q="ocop")
    after = everything(engine, q="ocop", filters={"site": ["vnexpress.net"]})
    assert facet_tuples(after)["site"] == [
        (value, count, value == "vnexpress.net") for value, count, _ in facet_tuples(before)["site"]
    ]
    assert after.total == dict((v, n) for v, n, _ in facet_tuples(before)["site"])["vnexpress.net"]
    assert facet_tuples(after)["stars"] != facet_tuples(before)["stars"]
    assert sum(n for _, n, _ in facet_tuples(after)["is_ocop"]) == after.total


def test_a_pre_2025_province_and_the_merged_one(engine: SearchIndex) -> None:
    old = everything(engine, filters={"province": ["Hoà Bình"]})  # merged into Phú Thọ in July 2025
    assert set(keys(old)) == {"hoa_binh_new_style", "hoa_binh_old_style"}
    assert set(keys(old)) <= set(keys(everything(engine, filters={"province": ["Phú Thọ"]})))
    with pytest.raises(InvalidQuery, match="province"):
        engine.search(SearchRequest(filters={"province": ["Atlantis"]}))


def test_dates_are_vietnam_days(engine: SearchIndex) -> None:
    # 23:30 on 31 March and 00:30 on 1 April, Vietnam time, are both 31 March in UTC
    assert keys(everything(engine, date_from="2024-03-31", date_to="2024-03-31")) == ["tphcm"]
    assert keys(everything(engine, date_from="2024-04-01", date_to="2024-04-01")) == ["tz_april"]
    months = dict(histogram_tuples(everything(engine, interval="month").histogram))
    assert months["2024-03"] == 3 and months["2024-04"] == 1
    years = dict(histogram_tuples(everything(engine, interval="year").histogram))
    assert years["2020"] == 1  # New Year's night 2021 stays in 2021
    days = histogram_tuples(
        everything(engine, interval="day", date_from="2024-03-05", date_to="2024-03-05").histogram
    )
    assert ("2024-03-05", 2) in days and len(days) > 2  # the timeline ignores the date selection


def test_selected_value_outside_the_top_buckets_is_still_shown(engine: SearchIndex) -> None:
    response = everything(engine, filters={"section": ["Văn hóa"]}, facet_size=1)
    assert [b.value for b in response.facets["section"]] == ["Kinh tế", "Văn hóa"]
    assert response.facets["section"][1].selected and response.facets["section"][1].count == 3


# --- sorting, paging, scanning ------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_sorts_put_undated_last_and_agree_exactly(
    engine: SearchIndex, expected: Expected, sort: str
) -> None:
    request = SearchRequest(size=100, sort=sort)
    response = engine.search(request)
    assert [h.id for h in response.hits] == expected.by_date(request, sort)
    assert [h.published_at is None for h in response.hits][-3:] == [True, True, True]
    assert response.sort == sort


def _pages(engine: SearchIndex, **fields: Any) -> list[str]:
    seen, cursor = [], None
    for _ in range(50):
        response = engine.search(SearchRequest(size=4, cursor=cursor, with_facets=False, **fields))
        seen += [h.id for h in response.hits]
        cursor = response.next_cursor
        if cursor is None:
            return seen
    raise AssertionError("the cursor never ran out")


@pytest.mark.parametrize(
    "fields",
    [
        {"sort": "newest"},
        {"sort": "oldest"},
        {"q": "ocop"},
        {"q": "sen OR dong", "filters": {"is_ocop": ["true"]}},
    ],
    ids=repr,
)
def test_cursor_pages_concatenate_to_the_whole_sorted_result(
    engine: SearchIndex, fields: dict[str, Any]
) -> None:
    whole = [h.id for h in engine.search(SearchRequest(size=100, **fields)).hits]
    paged = _pages(engine, **fields)
    assert paged == whole and len(set(paged)) == len(paged)
    assert [a.id for a in engine.scan(SearchRequest(**fields))] == whole


def test_page_numbers_and_cursors_agree(engine: SearchIndex) -> None:
    first = engine.search(SearchRequest(q="ocop", size=5))
    second = engine.search(SearchRequest(q="ocop", size=5, page=2))
    by_cursor = engine.search(SearchRequest(q="ocop", size=5, cursor=first.next_cursor))
    assert [h.id for h in second.hits] == [h.id for h in by_cursor.hits]
    assert engine.search(SearchRequest(q="ocop", size=5, page=50)).hits == []


def test_scan_streams_filtered_results_in_small_batches(engine: SearchIndex, expected: Expected) -> None:
    request = SearchRequest(filters={"is_ocop": ["true"]}, sort="oldest")
    scanned = [a.id for a in engine.scan(request, batch_size=3)]  # type: ignore[call-arg]
    assert scanned == expected.by_date(request, "oldest")


def test_bad_cursors_are_user_errors(engine: SearchIndex) -> None:
    cursor = engine.search(SearchRequest(size=2, sort="newest")).next_cursor
    with pytest.raises(InvalidQuery, match="sort"):
        engine.search(SearchRequest(size=2, sort="oldest", cursor=cursor))
    for bad in ("not-a-cursor", "e30", "eyJzIjoibmV3ZXN0IiwiYSI6W119"):
        with pytest.raises(InvalidQuery, match="cursor"):
            engine.search(SearchRequest(size=2, sort="newest", cursor=bad))


def test_story_filter_and_story_sizes(engine: SearchIndex) -> None:
    """The wire story published three times: one story id, a filter, a size on each hit.

    Its earliest copy (wire_c) was archived last: the story keeps the id it was given first (the
    first copy archived), so links, filters and alert state naming it stay valid."""
    story = engine.get(ID["wire_a"]).story_id
    assert story == ID["wire_a"]
    assert engine.get(ID["wire_b"]).story_id == story and engine.get(ID["wire_c"]).story_id == story
    response = everything(engine, filters={"story": [story]})
    assert sorted(keys(response)) == ["wire_a", "wire_b", "wire_c"] and response.total == 3
    assert [hit.story_size for hit in response.hits] == [3, 3, 3]
    assert "story" not in response.facets and set(response.facets) >= {"site", "stars"}
    # sizes count the whole index, whatever narrows the page
    narrowed = everything(engine, q="16.000", filters={"site": ["vnexpress.net"]})
    assert keys(narrowed) == ["wire_b"] and narrowed.hits[0].story_size == 3
    others = everything(engine, filters={"site": ["baodongthap.vn"]})
    assert others.hits and all(hit.story_size == 1 for hit in others.hits)
    assert engine.search(SearchRequest(q="zzxq")).hits == []


def _stories(expected: Expected, request: SearchRequest) -> set[str]:
    return {a.story_id or a.id for a in expected.matching(request)}


@pytest.mark.parametrize("sort", ["newest", "oldest", "relevance"])
def test_collapse_shows_each_story_once_as_its_earliest_matching_copy(
    engine: SearchIndex, expected: Expected, sort: str
) -> None:
    request = SearchRequest(q="ocop", sort=sort, collapse="story", size=100)
    response = engine.search(request)
    stories = [hit.story_id for hit in response.hits]
    assert len(stories) == len(set(stories)) and set(stories) == _stories(expected, request)
    assert response.total_stories == len(set(stories)) and response.total == len(expected.ids(request))
    wire = next(hit for hit in response.hits if hit.story_id == ID["wire_a"])
    # the original is the earliest published (wire_c), although it was archived last
    assert KEY[wire.id] == "wire_c" and wire.story_size == 3
    assert [KEY[c.id] for c in wire.copies] == ["wire_c", "wire_a", "wire_b"]
    assert [c.outlet for c in wire.copies] == ["Báo Phú Thọ", "Nông nghiệp Việt Nam", "VnExpress"]
    assert wire.copies[0].source_agency == "TTXVN" and all(c.matched for c in wire.copies)
    assert "<mark>" in wire.snippet  # a hit like any other, highlighted
    if sort != "relevance":  # stories in the order of their first matching copy in the sort
        plain = everything(engine, q="ocop", sort=sort).hits
        first_seen = list(dict.fromkeys(hit.story_id for hit in plain))
        assert stories == first_seen


def test_a_filtered_collapse_shows_the_filtered_outlets_copy_and_still_lists_every_copy(
    engine: SearchIndex,
) -> None:
    response = everything(engine, q="16.000", filters={"site": ["vnexpress.net"]}, collapse="story")
    assert keys(response) == ["wire_b"] and response.total_stories == 1
    copies = response.hits[0].copies
    assert [KEY[c.id] for c in copies] == ["wire_c", "wire_a", "wire_b"]
    assert [c.matched for c in copies] == [False, False, True]


def test_collapsed_pages_follow_each_other_without_repeating_a_story(
    engine: SearchIndex, expected: Expected
) -> None:
    request = SearchRequest(sort="newest", collapse="story", size=4)
    seen: list[str | None] = []
    for page in range(1, 20):
        hits = engine.search(request.model_copy(update={"page": page})).hits
        if not hits:
            break
        seen += [hit.story_id for hit in hits]
    assert len(seen) == len(set(seen)) and set(seen) == _stories(expected, request)
    assert engine.search(request).next_cursor is None  # collapsed results page by number
    with pytest.raises(ValueError, match="collapse"):
        SearchRequest(collapse="story", cursor="abc")


def test_outlets_are_named_and_filtered_by_kind_and_province(engine: SearchIndex) -> None:
    response = everything(engine)
    sites = {b.value: b.label for b in response.facets["site"]}
    assert sites == {"nongnghiep.vn": "Nông nghiệp Việt Nam", "vnexpress.net": "VnExpress",
                     "baodongthap.vn": "Báo Đồng Tháp", "baophutho.vn": "Báo Phú Thọ"}  # fmt: skip
    assert {b.value for b in response.facets["outlet_kind"]} == {"trade", "national", "provincial"}
    provincial = everything(engine, filters={"outlet_kind": ["provincial"]})
    assert {h.site for h in provincial.hits} == {"baodongthap.vn", "baophutho.vn"}
    assert all(h.outlet_kind == "provincial" and h.outlet_province for h in provincial.hits)
    phu_tho = everything(engine, filters={"outlet_province": ["phu tho"]})  # an alias resolves
    assert {h.site for h in phu_tho.hits} == {"baophutho.vn"}
    with pytest.raises(InvalidQuery, match="outlet_province"):
        everything(engine, filters={"outlet_province": ["Atlantis"]})


def test_size_zero_gives_counts_only(engine: SearchIndex) -> None:
    response = engine.search(SearchRequest(q="ocop", size=0))
    assert response.hits == [] and response.total > 0 and response.next_cursor is None
    assert response.facets["site"] and response.histogram


# --- articles, errors ---------------------------------------------------------------------------------


def test_get_returns_the_archived_article_and_not_found_otherwise(
    engine: SearchIndex, contract_archive: Path
) -> None:
    with Archive(contract_archive) as archive:
        assert engine.get(ID["wire_b"]) == archive.get(ID["wire_b"])
    with pytest.raises(NotFound):
        engine.get("0000000000000000dead")


def test_unknown_or_invalid_filters_are_user_errors(engine: SearchIndex) -> None:
    for filters in ({"colour": ["red"]}, {"stars": ["7"]}, {"is_ocop": ["maybe"]}):
        with pytest.raises(InvalidQuery):
            engine.search(SearchRequest(filters=filters))


HOSTILE = [
    '"',
    '""',
    '"unbalanced phrase',
    'ocop"',
    "*",
    "ocop*",
    "NEAR(sen xoài)",
    "NEAR(",
    "^ocop",
    "ocop^2",
    ":",
    "title:ocop",
    "body:sen OR",
    "a AND",
    "OR",
    "-",
    "--",
    "NOT",
    "(",
    ")",
    "{}[]",
    "sen~2",
    "/regex/",
    "\\",
    "&& ||",
    "<mark>ocop</mark>",
    "'; DROP TABLE articles; --",
    "%_%",
    "🙂 sen",
    "ocop " * 100,
    " ".join("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"),
    " OR ".join(f"w{i}" for i in range(70)) + " OR ocop",  # a long OR chain (484 characters)
    "sen " * 125,  # one word, repeated to the length limit
    # the most query clauses 500 characters can ask for: 250 distinct syllables, all with diacritics
    " ".join([chr(c) for c in range(0xC0, 0x2000) if chr(c).islower() and fold(chr(c)) != chr(c)][:250]),
]


@pytest.mark.parametrize("q", HOSTILE, ids=lambda q: repr(q)[:30])
def test_hostile_query_text_is_read_as_text(engine: SearchIndex, expected: Expected, q: str) -> None:
    try:
        request = SearchRequest(q=q, size=100)
        response = engine.search(request)
    except InvalidQuery:
        return
    assert {h.id for h in response.hits} == expected.ids(request)


def test_snippets_are_identical_whatever_the_engine(
    embedded_engine: SearchIndex, engine: SearchIndex, expected: Expected
) -> None:
    for q in ("san pham", "mat ong", "san pham ocop", '"nông thôn mới"', "hoà", "dong thap -xoai", "TP.HCM"):
        mine = {h.id: (h.snippet, h.title_highlighted) for h in everything(engine, q=q).hits}
        reference = {h.id: (h.snippet, h.title_highlighted) for h in everything(embedded_engine, q=q).hits}
        assert mine == reference


@pytest.mark.engine
def test_both_engines_answer_alike(embedded_engine: SearchIndex, remote_engine: SearchIndex) -> None:
    """Directly side by side: totals, hit sets, facets, timelines; exact order for date sorts."""
    for fields in CONTRACT_REQUESTS:
        for sort in ("relevance", "newest", "oldest"):
            request = SearchRequest(size=100, sort=sort, **fields)
            a, b = embedded_engine.search(request), remote_engine.search(request)
            assert a.total == b.total, fields
            assert {h.id for h in a.hits} == {h.id for h in b.hits}, fields
            assert facet_tuples(a) == facet_tuples(b), fields
            assert a.histogram == b.histogram, fields
            assert a.sort == b.sort
            if a.sort != "relevance":
                assert [h.id for h in a.hits] == [h.id for h in b.hits], fields
