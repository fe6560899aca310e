"""What every search engine shares: cursors, time budgets, facet buckets, story sizes, the response.

The engines differ in how they find and count articles; everything a user sees around that is
decided here once, so a malformed cursor is the same 400 on every engine, a selected facet value
outside the top buckets is shown the same way, and a response is assembled the same way.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from indexer.errors import InvalidQuery, SearchTimeout
from indexer.facets import FACETS, TermsFacet, resolve_filters
from indexer.highlight import hit_for
from indexer.query import MAX_COPIES, Bucket, Copy, Hit, Relaxation, SearchRequest, SearchResponse, Sort
from indexer.query_ast import AllOf, Node, Not, ParsedQuery, Term
from indexer.readings import Reading, Sample, read
from indexer.schema import Article

CursorValue = int | float | str
DEFAULT_TIME_BUDGET = 10.0  # seconds (OCOP_SEARCH_TIMEOUT)

# A cursor is a handful of sort values: anything longer is not one of ours. Checked before decoding,
# so no input can make the decoder recurse (1,000 '[') or build huge numbers.
MAX_CURSOR_CHARS = 512
_INT_RANGE = (-(2**63), 2**64 - 1)  # every integer an engine sorts on: i64 and u64
_INVALID_CURSOR = "invalid cursor: pass the next_cursor of a previous response unchanged"


# --- cursors ------------------------------------------------------------------------------------------


def encode_cursor(sort: Sort, after: Sequence[CursorValue]) -> str:
    """An opaque, URL-safe cursor: the sort it belongs to and the sort values to continue after."""
    raw = json.dumps({"s": sort, "a": list(after)}, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: Sort, shape: Sequence[type]) -> list[CursorValue]:
    """The sort values of a cursor made by `encode_cursor`, checked against the engine's `shape`
    (one type per value; an int is accepted where a float is expected). Anything else is
    `InvalidQuery` (a 400), never an engine error or a 500."""
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidQuery(_INVALID_CURSOR)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, binascii.Error, RecursionError) as exc:
        raise InvalidQuery(_INVALID_CURSOR) from exc
    if not isinstance(data, dict) or set(data) != {"s", "a"}:
        raise InvalidQuery(_INVALID_CURSOR)
    values, cursor_sort = data["a"], data["s"]
    if not isinstance(values, list) or len(values) != len(shape):
        raise InvalidQuery(_INVALID_CURSOR)
    if not all(_fits(value, kind) for value, kind in zip(values, shape, strict=True)):
        raise InvalidQuery(_INVALID_CURSOR)
    if cursor_sort != sort:
        if cursor_sort in ("relevance", "newest", "oldest"):
            raise InvalidQuery(f"this cursor belongs to sort={cursor_sort!r}, not sort={sort!r}")
        raise InvalidQuery(_INVALID_CURSOR)
    return values


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a sort value")


def _fits(value: object, kind: type) -> bool:
    if isinstance(value, bool):
        return False
    if kind is str:
        return isinstance(value, str)
    if kind is int:
        return isinstance(value, int) and _INT_RANGE[0] <= value <= _INT_RANGE[1]
    if kind is float:
        if isinstance(value, int):
            return _INT_RANGE[0] <= value <= _INT_RANGE[1]
        return isinstance(value, float) and math.isfinite(value)
    raise TypeError(f"unsupported cursor value type {kind!r}")


# --- the query as searched --------------------------------------------------------------------------

RELAX_BELOW = 20  # a page: fewer articles holding every word, and those holding some fill it
MIN_WORD_WEIGHT = 0.25  # a word nearly every article holds still counts a quarter of a tier
COMMON_SHARE = 0.5  # a word or syllable more articles hold than this share only ranks (see `weighed`)
SYLLABLE_SHARE = 0.5  # the syllables of a word of several ("nấm", "linh", "chi"), all together, at most
FOLDED_SHARE = 0.5  # a word typed without diacritics, held but printed otherwise than the archive reads it

Frequencies = Callable[[Sequence[Node]], tuple[int, list[int]]]


def word_weight(held_by: int, articles: int) -> float:
    """What holding a word is worth in a relaxed ranking: its inverse document frequency (as
    Lucene's BM25 computes it), so an article holding the rare words of a query ("tỏi Lý Sơn")
    ranks above one holding its common ones ("OCOP", "sao"); at least `MIN_WORD_WEIGHT`, so an
    article holding every word still ranks above one missing any. Rounded, so every engine
    ranks alike from the same counts."""
    idf = math.log(1 + (articles - held_by + 0.5) / (held_by + 0.5))
    return round(max(MIN_WORD_WEIGHT, idf), 3)


@dataclass(frozen=True)
class Plan:
    """The parsed query an engine searches for one request, and what the response says about it."""

    parsed: ParsedQuery
    relaxed: Relaxation | None = None
    did_you_mean: str | None = None


def plan(
    request: SearchRequest,
    *,
    count: Callable[[ParsedQuery], int],
    sample: Sample,
    frequencies: Frequencies,
    reader: Callable[[ParsedQuery, str, Sample], Reading | None] = read,
) -> Plan:
    """The request's query, read and relaxed by what the engine holds (docs/query-language.md):

    - a query typed without diacritics ranks the archive's accented reading first (`readings`);
    - when fewer than `RELAX_BELOW` articles (under the filters) hold every word, the query is
      relaxed to any of its words: those holding every word first, then by how many they hold.

    Only pages of hits ranked by relevance are read and relaxed: counts (size 0), date sorts,
    timelines and exports keep every word required. `count` counts a query's matches under the
    request's filters; `sample` returns a query's best matches over the whole archive;
    `frequencies` says how many articles the whole archive holds, and how many hold each word;
    `reader` reads the query from those best matches (`readings.read`, or an engine's
    `readings.Remembered`)."""
    parsed = request.parsed
    if request.size == 0 or request.effective_sort != "relevance":
        return Plan(parsed)
    reading = reader(parsed, request.q, sample)
    if reading is not None:
        parsed = ParsedQuery(
            clauses=parsed.clauses, runs=parsed.runs, boosts=reading.boosts, notes=parsed.notes
        )
    words = parsed.relaxable()
    if not words:
        return Plan(parsed, did_you_mean=reading.suggestion if reading else None)
    strict_total = count(parsed)
    if strict_total >= RELAX_BELOW:
        return Plan(parsed, did_you_mean=reading.suggestion if reading else None)
    relaxed = weighed(parsed, words, reading, frequencies)
    return Plan(
        relaxed,
        Relaxation(strict_total=strict_total, min_words=1, words=len(relaxed.strict)),
        reading.suggestion if reading else None,
    )


def weighed(
    parsed: ParsedQuery, words: Sequence[Node], reading: Reading | None, frequencies: Frequencies
) -> ParsedQuery:
    """`parsed` relaxed to any of its `words`, each counted by what holding it is worth:

    - a word, by its rarity (`word_weight`);
    - a syllable of a word of several, where the word is not held: together at most
      `SYLLABLE_SHARE` of the word (a syllable is never rarer than its word), so the word held
      always ranks higher;
    - a word typed without diacritics: `FOLDED_SHARE` wherever it is held, the rest where it is
      printed as the archive reads it ("đưa", not "dừa"): there "every word" means every word as
      the archive reads it.

    A word or syllable held by more than `COMMON_SHARE` of the archive ("OCOP" in an archive of
    OCOP coverage) counts where the others find an article but finds none itself, unless the
    rarer ones could not fill a page: the page is the same, and the engine no longer scores and
    counts (and the facets no longer aggregate) nearly every article of the archive."""
    parts = parsed.syllables(words)
    syllables = [(unit, syllable, len(group)) for unit, group in parts for syllable in group]
    articles, held_by = frequencies([*words, *(syllable for _, syllable, _ in syllables)])
    weights = [word_weight(n, articles) for n in held_by[: len(words)]]
    also: list[tuple[Node, float]] = [
        (AllOf((syllable, Not(unit))), round(SYLLABLE_SHARE * word_weight(n, articles) / size, 3))
        for (unit, syllable, size), n in zip(syllables, held_by[len(words) :], strict=True)
    ]
    held = dict(zip([*words, *(node for node, _ in also)], held_by, strict=True))
    plain = [w if isinstance(w, Term) and not w.exact else None for w in words]
    readable = [w for w in plain if w is not None]
    printed = dict(zip(readable, reading.accented(readable), strict=True)) if reading else {}
    for i, word in enumerate(words):
        share, counted = 1.0, None
        if isinstance(word, Term) and printed.get(word) is not None:
            share, counted = FOLDED_SHARE, printed[word]
        if counted is not None:
            also.append((counted, round(weights[i] * (1 - share), 3)))
            weights[i] = round(weights[i] * share, 3)
            held[counted] = held[word]
    # a word or syllable most articles hold ranks the articles the others find, but finds none
    # itself (the page would be every article of the archive), unless the rarer ones could not
    # fill a page: then the commonest words find too, rarest first
    common = {node for node, n in held.items() if n > COMMON_SHARE * articles}
    for word in sorted(words, key=held.__getitem__):
        if max((n for node, n in held.items() if node not in common), default=0) >= RELAX_BELOW:
            break
        common.discard(word)
    relaxed = parsed.relaxed(weights, also, common)
    assert relaxed is not None  # `words` are what it relaxes
    return relaxed


# --- time budget ----------------------------------------------------------------------------------------


@dataclass
class Deadline:
    """A search's time budget. Engines check it between the steps of a search (and pass what is
    left to a remote engine), so one heavy request gives up with `SearchTimeout` (a 503 saying so)
    instead of holding a worker for as long as it takes."""

    seconds: float
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = self.started or time.perf_counter()

    def remaining(self) -> float:
        return self.seconds - (time.perf_counter() - self.started)

    def check(self) -> None:
        if self.remaining() <= 0:
            raise self.timed_out()

    def timed_out(self) -> SearchTimeout:
        return SearchTimeout(
            f"the search ran past its {self.seconds:g} s budget and was abandoned: narrow it "
            "(fewer OR alternatives, a filter or a date range) or try again"
        )

    def elapsed_ms(self) -> float:
        return round((time.perf_counter() - self.started) * 1000, 2)


# --- facets ------------------------------------------------------------------------------------------


def selected_values(request: SearchRequest) -> dict[str, list[str]]:
    """Facet name -> the selected values counted in that facet's own buckets.

    A province selection may name a pre-2025 province (filtered on the old field); only values of
    the facet's own field are buckets of that facet."""
    chosen: dict[str, list[str]] = {}
    for name, terms in resolve_filters(request.filters).items():
        field = FACETS[name].field
        chosen[name] = sorted({value for term_field, value in terms if term_field == field})
    return chosen


def facet_buckets(
    counts: Iterable[tuple[str, int]],
    selected: Collection[str],
    size: int,
    selected_counts: Mapping[str, int] | None = None,
) -> list[Bucket]:
    """The top `size` values by count (ties by value), then every selected value that is not among
    them, by value, with its own count (`selected_counts`, else `counts`, else 0): a journalist
    always sees what they selected, whatever its rank."""
    every = dict(counts)
    ranked = sorted(every.items(), key=lambda item: (-item[1], item[0]))[:size]
    buckets = [Bucket(value=value, count=count, selected=value in selected) for value, count in ranked]
    shown = {value for value, _ in ranked}
    extra = selected_counts if selected_counts is not None else every
    for value in sorted(set(selected) - shown):
        buckets.append(Bucket(value=value, count=int(extra.get(value, every.get(value, 0))), selected=True))
    return buckets


def with_labels(
    facets: dict[str, list[Bucket]], labels_of: Callable[[TermsFacet, list[str]], Mapping[str, str]]
) -> dict[str, list[Bucket]]:
    """Each bucket of a facet with a `label_field` named for people ("VnExpress" for
    "vnexpress.net"), asked of the engine once per facet: the most common name among the
    articles holding that value."""
    named = dict(facets)
    for name, buckets in facets.items():
        facet = FACETS[name]
        if facet.label_field is None or not buckets:
            continue
        labels = labels_of(facet, [bucket.value for bucket in buckets])
        named[name] = [b.model_copy(update={"label": labels.get(b.value) or None}) for b in buckets]
    return named


# --- hits --------------------------------------------------------------------------------------------


def with_story_sizes(hits: list[Hit], sizes_of: Callable[[list[str]], Mapping[str, int]]) -> list[Hit]:
    """Each hit's story size (articles sharing its story_id in the whole index, whatever the
    filters), asked of the engine once per page."""
    story_ids = sorted({hit.story_id for hit in hits if hit.story_id})
    if not story_ids:
        return hits
    sizes = sizes_of(story_ids)
    return [
        hit.model_copy(update={"story_size": max(1, int(sizes.get(hit.story_id, 1)))})
        if hit.story_id
        else hit
        for hit in hits
    ]


def story_hits(
    request: SearchRequest,
    ranked: Sequence[tuple[str, float | None]],
    members: Callable[[SearchRequest], Iterable[Article]],
) -> list[Hit]:
    """The hits of a collapsed page (`collapse=story`), one per story, in the engine's order.

    `ranked` is the page's stories as the engine ordered them (each by its best-placed matching
    copy) with that copy's score; `members` scans the engine (`SearchIndex.scan`). Each hit is
    the story's earliest-published copy that matches the search (so a filtered search shows its
    own outlet's copy), listing every copy of the story in publication order, whatever the
    filters: the first is the original. Two scans per page, on every engine alike.
    """
    story_ids = [story for story, _ in ranked]
    if not story_ids:
        return []
    scope = {"story": story_ids}
    matching = request.model_copy(
        update={"filters": {**request.filters, **scope}, "sort": "oldest", "cursor": None, "collapse": None}
    )
    first: dict[str, Article] = {}
    matched: set[str] = set()
    for article in members(matching):
        first.setdefault(article.story_id or article.id, article)
        matched.add(article.id)
    copies: dict[str, list[Copy]] = {}
    for article in members(SearchRequest(filters=scope, sort="oldest")):
        listed = copies.setdefault(article.story_id or article.id, [])
        if len(listed) < MAX_COPIES:
            listed.append(Copy.of(article, matched=article.id in matched))
    parsed = request.parsed
    return [
        hit_for(first[story], parsed, score).model_copy(update={"copies": copies.get(story, [])})
        for story, score in ranked
        if story in first  # the index changed between the two requests: the story left the results
    ]


def response(
    request: SearchRequest,
    *,
    engine: str,
    sort: Sort,
    total: int,
    hits: list[Hit],
    facets: dict[str, list[Bucket]],
    histogram: list[Bucket],
    next_after: Sequence[CursorValue] | None,
    deadline: Deadline,
    searched: Plan | None = None,
    total_stories: int | None = None,
) -> SearchResponse:
    """The response every engine returns. `next_after` is the last hit's sort values: a cursor is
    offered only when the page is full (a short page is the last one)."""
    full_page = request.size > 0 and len(hits) == request.size and not request.collapse
    return SearchResponse(
        total=total,
        total_stories=total_stories,
        hits=hits,
        facets=facets if request.with_facets else {},
        histogram=histogram if request.with_facets else [],
        interval=request.interval,
        page=request.page,
        size=request.size,
        sort=sort,
        next_cursor=encode_cursor(sort, next_after) if full_page and next_after is not None else None,
        engine=engine,
        took_ms=deadline.elapsed_ms(),
        relaxed=searched.relaxed if searched else None,
        did_you_mean=searched.did_you_mean if searched else None,
        expanded=list(searched.parsed.notes) if searched else [],
    )
