"""From a `SearchRequest` to Elasticsearch/OpenSearch request bodies, and from the answers back to
facets: pure functions, no client, so every rule here is tested without a node.

Matching is the embedded engine's (folded phrases in title or body, all must match, none
excluded); ranking adds exact-diacritic phrases and adjacent unquoted words as optional clauses.
The query AST (`indexer.query`) holds only letters and digits, and every leaf is a `multi_match`
of that text: query text never reaches the engine as syntax.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import indexer.engines.core as core
from indexer.engines.elastic.mapping import EXACT_FIELDS, FOLDED_FIELDS, SCOPED_FIELDS
from indexer.facets import COUNTED_FACETS, dsl_filter, resolve_filters
from indexer.query import Bucket, SearchRequest
from indexer.query_ast import AllOf, AnyOf, Expanded, Node, Not, ParsedQuery, Scope, Term
from indexer.schema import VIETNAM_TZ

ASIDE_BOOST = 0.2  # a related-headline line (indexer.asides) counts a fifth of the body
TITLE_BOOST = 4.0  # a match in the title counts four times one in the body (as the embedded bm25 weights)
# Phrases typed with diacritics: each one an article contains exactly (hòa, not họa) lifts it by a
# whole tier, above any BM25 score, so exact-diacritic matches always come first; BM25 (plus the
# exact match's own, boosted) orders articles within a tier. Plain BM25 boosting cannot promise
# that order: a folded-only match in a short title can outscore an exact one deep in a long body.
EXACT_TIER = 1000.0
EXACT_BOOST = 2.0
ORIGINAL_TIER = 1000.0  # an expanded word as typed, above its synonyms and merged provinces
WORD_TIER = 100_000.0  # a relaxed query: each of its words an article holds, above any other clause
MAX_CLAUSES = 1024  # the smallest default indices.query.bool.max_clause_count (OpenSearch's)
PROXIMITY_BOOST = 2.0  # unquoted words that also stand side by side ("nông thôn mới") rank higher
SOURCE = ["article"]  # the only field hits carry back: the archived article
STORY_PRECISION = 40_000  # the cardinality aggregation's maximum: counts below it are near-exact
CURSOR = (float, str)  # a page's last sort values (score, or date in ms; then the id): core.decode_cursor
_HISTOGRAM_FORMAT = {"year": "yyyy", "month": "yyyy-MM", "day": "yyyy-MM-dd"}
_FOLDED = [f"{FOLDED_FIELDS[0]}^{TITLE_BOOST}", FOLDED_FIELDS[1], f"{FOLDED_FIELDS[2]}^{ASIDE_BOOST}"]
_EXACT = [f"{EXACT_FIELDS[0]}^{TITLE_BOOST}", EXACT_FIELDS[1]]


# --- the text query ------------------------------------------------------------------------------


def _phrase(syllables: Iterable[str], fields: list[str], boost: float | None = None) -> dict[str, Any]:
    # Syllables hold only letters and digits (indexer.text.TOKEN): nothing here is query syntax.
    query: dict[str, Any] = {
        "query": " ".join(syllables),
        "type": "phrase",
        "fields": fields,
        "tie_breaker": 1.0,
    }
    if boost is not None:
        query["boost"] = boost
    return {"multi_match": query}


def _fields(scope: Scope) -> list[str]:
    if scope == "any":
        return _FOLDED
    return [FOLDED_FIELDS[0]] if scope == "title" else [SCOPED_FIELDS[scope]]


def _all(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"bool": {"must": parts}}


def _any(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"bool": {"should": parts, "minimum_should_match": 1}}


def _term(term: Term) -> dict[str, Any]:
    if term.exact:
        if term.phrase:
            return _phrase(term.tokens, _EXACT)
        return _all([_phrase((t,), _EXACT) for t in dict.fromkeys(term.tokens)])
    fields = _fields(term.scope)
    if term.phrase:
        return _phrase(term.folded, fields)
    syllables = list(dict.fromkeys(term.folded))
    parts = [_phrase((s,), fields) for s in syllables]
    if term.prefix:  # the last syllable is a prefix (`nông*`)
        last = syllables[-1]
        parts[-1] = _any([{"prefix": {f.split("^")[0]: {"value": last}}} for f in fields])
    return _all(parts)


def _node(node: Node) -> dict[str, Any]:
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, Expanded):
        return _any([_term(node.original), *(_node(a) for a in node.alternatives)])
    if isinstance(node, AnyOf):
        return _any([_node(o) for o in dict.fromkeys(node.options)])
    if isinstance(node, AllOf):
        return _every(node.parts)
    return {"bool": {"must_not": [_node(node.part)]}}


def _every(parts: Iterable[Node]) -> dict[str, Any]:
    unique = list(dict.fromkeys(parts))
    must = [_node(p) for p in unique if not isinstance(p, Not)]
    must_not = [_node(p.part) for p in unique if isinstance(p, Not)]
    if not must_not:
        return _all(must)
    return {"bool": {"must": must, "must_not": must_not}}


def _not_only_alternatives(expanded: Expanded) -> dict[str, Any]:
    """The original word, or none of its alternatives: every article but those found only by an
    alternative (a synonym, a merged province), which rank a tier lower."""
    alternatives = [_node(a) for a in expanded.alternatives]
    return _any([_term(expanded.original), {"bool": {"must_not": alternatives}}])


def _tier(query: dict[str, Any], weight: float) -> dict[str, Any]:
    return {"constant_score": {"filter": query, "boost": weight}}


def _exact_tier(term: Term) -> dict[str, Any]:
    """Exact-diacritic match: its own BM25 (boosted) plus a whole tier (see EXACT_TIER)."""
    exact = _phrase(term.tokens, _EXACT, EXACT_BOOST)
    return {"function_score": {"query": exact, "functions": [{"weight": EXACT_TIER}], "boost_mode": "sum"}}


def _counted(words: Sequence[tuple[Node, float]]) -> dict[str, Any]:
    """A relaxed query: any of its words (`minimum_should_match` 1), each one an article holds
    adding `WORD_TIER` × its weight to its BM25, so those holding every word come first, then
    those holding the most weight (the embedded engine scores alike)."""
    tiered = [
        {
            "function_score": {
                "query": _node(w),
                "functions": [{"weight": WORD_TIER * weight}],
                "boost_mode": "sum",
            }
        }
        for w, weight in words
    ]
    return {"bool": {"should": tiered, "minimum_should_match": 1}}


def _leaves(query: Any) -> int:
    """Lucene clauses a body makes: one per field of each multi_match, one per other leaf."""
    if isinstance(query, dict):
        if "multi_match" in query:
            return len(query["multi_match"]["fields"])
        if "prefix" in query:
            return 1
        return sum(_leaves(v) for v in query.values())
    if isinstance(query, list):
        return sum(_leaves(v) for v in query)
    return 0


def text_query(parsed: ParsedQuery) -> dict[str, Any]:
    """Matching as the embedded engine does; tiers, exact diacritics and proximity only rank."""
    if parsed.is_empty:
        return {"match_all": {}}
    # relaxed: any word, each one counted; a repeated word adds nothing but clauses
    must = [
        _counted(parsed.counted(finding=True)) if c == parsed.any_word else _node(c)
        for c in dict.fromkeys(parsed.must)
    ]
    must_not = [_node(p) for p in dict.fromkeys(parsed.must_not)]
    should = [_counted(parsed.counted(finding=False))] if parsed.ranking_only else []  # see _counted
    should += [_tier(_not_only_alternatives(e), ORIGINAL_TIER) for e in parsed.expansions()]
    should += [_exact_tier(t) for t in parsed.exact_terms()]
    should += [_phrase(run, _FOLDED[:2], PROXIMITY_BOOST) for run in parsed.word_runs()]  # not asides
    # Lucene counts every leaf of the whole query against maxClauseCount (1024 on OpenSearch).
    # Matching always fits (at most 250 syllables in 500 characters); the ranking clauses are
    # dropped before a pathological query could overflow it.
    query: dict[str, Any] = {"must": must, "must_not": must_not}
    if should and must and _leaves([must, must_not, should]) <= MAX_CLAUSES:
        query["should"] = should
    return {"bool": query}


# --- filters and facets --------------------------------------------------------------------------


def filters_for(request: SearchRequest) -> dict[str, dict[str, Any]]:
    """Filter clauses keyed by the facet they belong to ('published' for the date range)."""
    filters = {name: dsl_filter(terms) for name, terms in resolve_filters(request.filters).items()}
    bounds: dict[str, str] = {}
    start, end = request.published_bounds()
    if start:
        bounds["gte"] = start.isoformat()
    if end:
        bounds["lt"] = end.isoformat()
    if bounds:
        filters["published"] = {"range": {"published": bounds}}
    return filters


def all_of(filters: dict[str, dict[str, Any]], skip: str | None = None) -> dict[str, Any]:
    chosen = [clause for name, clause in filters.items() if name != skip]
    return {"bool": {"filter": chosen}} if chosen else {"match_all": {}}


def aggregations(request: SearchRequest, filters: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Multi-select facets: each facet counts under every filter but its own (the hits get them all
    through `post_filter`); the histogram ignores the date range so the timeline stays whole."""
    selected = core.selected_values(request)
    aggs: dict[str, Any] = {}
    for name, facet in COUNTED_FACETS.items():
        inner: dict[str, Any] = {"values": facet.dsl_aggregation(request.facet_size)}
        chosen = selected.get(name, [])
        if chosen:  # selected values below the top facet_size still show their count
            inner["chosen"] = {"filters": {"filters": {v: {"term": {facet.field: v}} for v in chosen}}}
        aggs[f"facet_{name}"] = {"filter": all_of(filters, skip=name), "aggs": inner}
    histogram = {
        "field": "published",
        "calendar_interval": request.interval,
        "time_zone": str(VIETNAM_TZ),
        "format": _HISTOGRAM_FORMAT[request.interval],
        "min_doc_count": 1,
    }
    aggs["histogram"] = {
        "filter": all_of(filters, skip="published"),
        "aggs": {"dates": {"date_histogram": histogram}},
    }
    return aggs


def facets_from(request: SearchRequest, aggs: dict[str, Any]) -> dict[str, list[Bucket]]:
    """The facet buckets of an answer to `aggregations`, built by the shared core (selected values
    below the top appended with their own counts, as on every engine)."""
    selected = core.selected_values(request)
    result: dict[str, list[Bucket]] = {}
    for name in COUNTED_FACETS:
        agg, chosen = aggs[f"facet_{name}"], selected.get(name, [])
        result[name] = core.facet_buckets(
            ((b["key"], b["doc_count"]) for b in agg["values"]["buckets"]),
            chosen,
            request.facet_size,
            {value: agg["chosen"]["buckets"][value]["doc_count"] for value in chosen},
        )
    return result


def histogram_from(aggs: dict[str, Any]) -> list[Bucket]:
    return [
        Bucket(value=b["key_as_string"], count=b["doc_count"])
        for b in aggs["histogram"]["dates"]["buckets"]
        if b["doc_count"] > 0
    ]


# --- sorting and paging --------------------------------------------------------------------------


def sort_clause(sort: str) -> list[dict[str, Any]]:
    """Undated articles last; ties broken on the article id, in the sort's direction (as embedded)."""
    if sort == "relevance":
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    order = "desc" if sort == "newest" else "asc"
    return [{"published": {"order": order, "missing": "_last"}}, {"id": {"order": order}}]


# --- whole request bodies ------------------------------------------------------------------------


def search_body(
    request: SearchRequest, timeout_ms: int | None = None, parsed: ParsedQuery | None = None
) -> dict[str, Any]:
    """One page of hits with the total, and the facets and histogram when asked for, within
    `timeout_ms` (what is left of the search's time budget).

    Filters go into `post_filter`, so they narrow the hits and the total but not the aggregations,
    each of which applies every filter but its own (multi-select facets)."""
    parsed = parsed or request.parsed
    sort, has_text = request.effective_sort, bool(parsed.must)
    filters = filters_for(request)
    body: dict[str, Any] = {
        "query": text_query(parsed),
        "size": request.size,
        "sort": sort_clause(sort),
        "track_total_hits": True,
        "track_scores": has_text,
        "_source": SOURCE,
    }
    if timeout_ms is not None:
        body["timeout"] = f"{max(1, timeout_ms)}ms"
    if filters:
        body["post_filter"] = all_of(filters)
    if request.cursor:
        body["search_after"] = core.decode_cursor(request.cursor, sort, CURSOR)
    else:
        body["from"] = (request.page - 1) * request.size
    if request.with_facets:
        body["aggs"] = aggregations(request, filters)
    if request.collapse:
        # one hit per story, the best-placed copy under the sort (field collapsing); the stories
        # are counted under every filter (post_filter does not reach aggregations)
        body["collapse"] = {"field": "story_id"}
        stories = {"cardinality": {"field": "story_id", "precision_threshold": STORY_PRECISION}}
        body.setdefault("aggs", {})["stories"] = {"filter": all_of(filters), "aggs": {"count": stories}}
    return body


def count_body(request: SearchRequest, parsed: ParsedQuery) -> dict[str, Any]:
    """How many articles `parsed` matches under the request's filters."""
    return {"query": {"bool": {"must": [text_query(parsed)], "filter": list(filters_for(request).values())}}}


def stories_from(aggs: dict[str, Any]) -> int:
    return int(aggs["stories"]["count"]["value"])


def scan_body(
    request: SearchRequest, pit_id: str, keep_alive: str, size: int, after: list[Any] | None = None
) -> dict[str, Any]:
    """One page of a scan under a point in time, after the sort values `after` of the last hit.

    No index is named: a point-in-time search runs on the indices the point in time was opened on."""
    query = {"bool": {"must": [text_query(request.parsed)], "filter": list(filters_for(request).values())}}
    body: dict[str, Any] = {
        "query": query,
        "size": size,
        "sort": sort_clause(request.effective_sort),
        "pit": {"id": pit_id, "keep_alive": keep_alive},
        "track_total_hits": False,
        "_source": SOURCE,
    }
    if after is not None:
        body["search_after"] = after
    return body


def labels_body(field: str, label_field: str, values: Sequence[str]) -> dict[str, Any]:
    """The most common `label_field` value among the articles holding each of `values`."""
    return {
        "size": 0,
        "track_total_hits": False,
        "query": {"terms": {field: list(values)}},
        "aggs": {
            "values": {
                "terms": {"field": field, "size": len(values)},
                "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
            }
        },
    }


def story_sizes_body(story_ids: Sequence[str]) -> dict[str, Any]:
    """How many articles each story holds over the whole index, in one size-0 request."""
    return {
        "size": 0,
        "track_total_hits": False,
        "query": {"terms": {"story_id": list(story_ids)}},
        "aggs": {"stories": {"terms": {"field": "story_id", "size": len(story_ids)}}},
    }


def phrase_counts_body(phrases: Sequence[Sequence[str]]) -> dict[str, Any]:
    """How many articles of the whole index hold each folded phrase (title or body), in one size-0
    request: a `filters` aggregation with one phrase per bucket (no scripts, any engine)."""
    filters = {str(i): _phrase(phrase, list(FOLDED_FIELDS)) for i, phrase in enumerate(phrases)}
    return {
        "size": 0,
        "track_total_hits": False,
        "query": {"match_all": {}},
        "aggs": {"phrases": {"filters": {"filters": filters}}},
    }


def frequencies_body(words: Sequence[Node]) -> dict[str, Any]:
    """How many articles the whole index holds, and how many hold each word of a query, in one
    size-0 request (a relaxed ranking weighs each word by its rarity: `core.word_weight`)."""
    return {
        "size": 0,
        "track_total_hits": True,
        "query": {"match_all": {}},
        "aggs": {"words": {"filters": {"filters": {str(i): _node(w) for i, w in enumerate(words)}}}},
    }
