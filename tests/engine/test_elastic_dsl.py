"""The Elasticsearch/OpenSearch request bodies and the indexed documents, checked without a node.

The contract suite proves what the engines answer; these tests pin the rules that make the
answers agree, one at a time, in milliseconds: portable mapping, Python-side folding, the
clause budget, multi-select facets, paging.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import indexer.engines.core as core
from indexer.engines.elastic import dsl
from indexer.engines.elastic.mapping import document, load_template
from indexer.query import SearchRequest, parse_query
from indexer.schema import VIETNAM_TZ
from indexer.text import fold
from tests.support.small_archive import make_article


def _leaves(query: object) -> int:
    """Leaf queries in rendered DSL, as Lucene counts them against maxClauseCount (one per field)."""
    if isinstance(query, dict):
        if "multi_match" in query:
            return len(query["multi_match"]["fields"])
        return sum(_leaves(v) for v in query.values())
    if isinstance(query, list):
        return sum(_leaves(v) for v in query)
    return 0


def _find(tree: object, key: str) -> list[Any]:
    """Every value under `key` anywhere in a request body."""
    if isinstance(tree, dict):
        return [v for k, v in tree.items() if k == key] + [x for v in tree.values() for x in _find(v, key)]
    if isinstance(tree, list):
        return [x for v in tree for x in _find(v, key)]
    return []


# --- the mapping every engine can run ------------------------------------------------------------


def test_the_template_needs_only_what_every_engine_has() -> None:
    """standard tokenizer + lowercase: no analysis-common module (asciifolding, pattern, shingle
    filter), which a bare Elasticsearch node lacks; no scripts."""
    template = load_template("tin-ocop")
    assert template["index_patterns"] == ["tin-ocop-v*"]
    analyzers = template["template"]["settings"]["analysis"]["analyzer"]
    assert set(template["template"]["settings"]["analysis"]) == {"analyzer"}
    for analyzer in analyzers.values():
        assert analyzer["tokenizer"] == "standard" and set(analyzer["filter"]) <= {"lowercase"}
    fields = template["template"]["mappings"]["properties"]
    assert {f["type"] for f in fields.values()} <= {"text", "keyword", "date", "object"}
    assert {f.get("analyzer") for f in fields.values() if f["type"] == "text"} <= set(analyzers)
    assert "script" not in str(template)


def test_documents_carry_syllables_normalised_and_folded_in_python() -> None:
    article = make_article(
        1,
        "Sản phẩm OCOP Đồng Tháp",
        "TP.HCM có 16.000 sản phẩm; hoà bình, khoẻ mạnh.",
        published=datetime(2024, 3, 5, 9, 0, tzinfo=VIETNAM_TZ),
        stars=[4],
    )
    doc = document(article)
    assert doc["title_folded"] == "san pham ocop dong thap"
    assert doc["title"] == "Sản phẩm OCOP Đồng Tháp"
    # punctuation inside words is split as the query parser splits it, whatever the tokenizer
    assert doc["body"].startswith("TP HCM có 16 000 sản phẩm")
    # one tone placement (hoà → hòa), the same folding as indexer.text everywhere
    assert "hòa bình khỏe mạnh" in doc["body"] and doc["body_folded"] == fold(doc["body"])
    assert doc["stars"] == ["4"] and doc["published"] == "2024-03-05T09:00:00+07:00"
    assert doc["article"]["title"] == article.title  # the archived article, untouched


# --- the query -----------------------------------------------------------------------------------


def test_the_longest_query_stays_within_the_clause_limit() -> None:
    syllables = [chr(c) for c in range(0xC0, 0x2000) if chr(c).islower() and chr(c).isalpha()][:250]
    for q in (" ".join(syllables), " ".join(f"-{s}" for s in syllables[:166]), " OR ".join(syllables[:100])):
        assert _leaves(dsl.text_query(parse_query(q))) <= dsl.MAX_CLAUSES


def test_matching_is_folded_and_typed_diacritics_only_rank() -> None:
    typed = dsl.text_query(parse_query("hòa thuận -xổ"))
    plain = dsl.text_query(parse_query("hoa thuan -xo"))
    assert (
        typed["bool"]["must"] == plain["bool"]["must"]
        and typed["bool"]["must_not"] == plain["bool"]["must_not"]
    )
    assert all(
        f.startswith(("title_folded", "body_folded", "aside_folded"))
        for f in _find(typed["bool"]["must"], "fields")[0]
    )
    tiers = _find(typed, "function_score")
    assert [t["functions"][0]["weight"] for t in tiers] == [dsl.EXACT_TIER, dsl.EXACT_TIER]
    assert _find(tiers, "query")[1] in ("hòa", "thuận")  # the exact syllables, on the exact fields
    assert not _find(plain, "function_score")
    assert dsl.text_query(parse_query("")) == {"match_all": {}}


def test_adjacent_words_get_an_optional_phrase_boost() -> None:
    should = dsl.text_query(parse_query("nông thôn mới"))["bool"]["should"]
    boosted = [c["multi_match"] for c in should if "multi_match" in c]
    assert [(c["query"], c["boost"], c["type"]) for c in boosted] == [
        ("nong thon moi", dsl.PROXIMITY_BOOST, "phrase")
    ]


# --- filters, facets, paging ---------------------------------------------------------------------


def test_filters_narrow_hits_and_every_facet_but_their_own() -> None:
    request = SearchRequest(
        q="ocop", filters={"site": ["vnexpress.net"], "stars": ["4"]}, date_from=date(2024, 1, 1), size=10
    )
    body = dsl.search_body(request)
    assert len(body["post_filter"]["bool"]["filter"]) == 3  # hits: every filter
    site = body["aggs"]["facet_site"]["filter"]["bool"]["filter"]
    assert {"terms": {"site": ["vnexpress.net"]}} not in site and {"terms": {"stars": ["4"]}} in site
    histogram = body["aggs"]["histogram"]
    assert not _find(histogram["filter"], "range")  # the timeline ignores the date selection
    assert histogram["aggs"]["dates"]["date_histogram"]["time_zone"] == "Asia/Ho_Chi_Minh"
    assert body["query"] == dsl.text_query(request.parsed)  # filters never change the scoring query


def test_a_selected_value_below_the_top_buckets_is_appended() -> None:
    request = SearchRequest(filters={"section": ["Văn hóa"]}, facet_size=1)
    body = dsl.search_body(request)
    assert set(body["aggs"]["facet_section"]["aggs"]["chosen"]["filters"]["filters"]) == {"Văn hóa"}
    answer: dict[str, Any] = {
        name: {"values": {"buckets": []}} for name in body["aggs"] if name.startswith("facet_")
    }
    answer["facet_section"] = {
        "values": {"buckets": [{"key": "Kinh tế", "doc_count": 5}]},
        "chosen": {"buckets": {"Văn hóa": {"doc_count": 3}}},
    }
    buckets = dsl.facets_from(request, answer)["section"]
    assert [(b.value, b.count, b.selected) for b in buckets] == [("Kinh tế", 5, False), ("Văn hóa", 3, True)]


def test_pages_use_from_and_cursors_use_search_after() -> None:
    first = dsl.search_body(SearchRequest(q="sen", page=3, size=20))
    assert first["from"] == 40 and "search_after" not in first
    cursor = core.encode_cursor("relevance", [12.5, "abc"])
    after = dsl.search_body(SearchRequest(q="sen", size=20, cursor=cursor))
    assert after["search_after"] == [12.5, "abc"] and "from" not in after
    assert dsl.sort_clause("newest") == [
        {"published": {"order": "desc", "missing": "_last"}},
        {"id": {"order": "desc"}},
    ]


def test_what_is_left_of_the_time_budget_is_the_search_timeout() -> None:
    assert dsl.search_body(SearchRequest(q="sen"), timeout_ms=250)["timeout"] == "250ms"
    assert dsl.search_body(SearchRequest(q="sen"), timeout_ms=0)["timeout"] == "1ms"  # never unlimited
    assert "timeout" not in dsl.search_body(SearchRequest(q="sen"))


def test_scan_pages_run_on_the_point_in_time_without_an_index() -> None:
    request = SearchRequest(filters={"is_ocop": ["true"]}, sort="oldest")
    first = dsl.scan_body(request, "pit-1", "5m", 500)
    later = dsl.scan_body(request, "pit-2", "5m", 500, after=[1, "x"])
    assert first["pit"] == {"id": "pit-1", "keep_alive": "5m"} and "search_after" not in first
    assert later["search_after"] == [1, "x"] and later["sort"] == dsl.sort_clause("oldest")
    assert "index" not in first and first["query"]["bool"]["filter"] == [{"terms": {"is_ocop": ["true"]}}]
