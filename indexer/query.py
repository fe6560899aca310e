"""The search request and its response; the query text is parsed by `indexer.query_parse`.

Every engine renders the same parsed tree (`indexer.query_ast`: tantivy queries, Elasticsearch
DSL), so a query means the same thing whichever engine answers it (docs/query-language.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from indexer.facets import FACETS, as_term
from indexer.query_ast import ParsedQuery
from indexer.query_parse import MAX_QUERY_LENGTH, parse_query
from indexer.schema import VIETNAM_TZ, Article

__all__ = ["MAX_QUERY_LENGTH", "ParsedQuery", "parse_query"]  # the parser, where callers look for it

MAX_PAGE_SIZE = 100
MAX_WINDOW = 10_000  # page*size beyond this needs a cursor, as in Elasticsearch's max_result_window
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2200, 12, 31)  # beyond these, date arithmetic overflows

# Parameters other than the facets and the dates, under their API names.
_SCALAR_PARAMS = ("q", "sort", "page", "size", "cursor", "interval", "facet_size", "collapse")

Sort = Literal["relevance", "newest", "oldest"]
Interval = Literal["year", "month", "day"]
Collapse = Literal["story"]
MAX_COPIES = 50  # copies of a story listed on a collapsed hit (GET /stories/{id} lists them all)


class SearchRequest(BaseModel):
    """What a user asks for; the same model drives /search, /timeline and /export."""

    q: str = ""
    filters: dict[str, list[str]] = Field(default_factory=dict)  # facet name -> selected values (OR)
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort | None = None  # None: relevance when there is query text, else newest
    page: int = Field(default=1, ge=1)
    size: int = Field(default=20, ge=0, le=MAX_PAGE_SIZE)
    cursor: str | None = None
    interval: Interval = "month"
    facet_size: int = Field(default=50, ge=1, le=500)
    collapse: Collapse | None = None  # "story": one hit per story (see indexer.engines.core.story_hits)
    with_facets: bool = True

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> SearchRequest:
        """A request from flat parameters named as in the API (`q`, `from`, `to`, `sort`, `page`, …,
        and one per facet in `FACETS`): what /search, /timeline, /export and `ocop export` all build.

        A facet's value may be one value or a list of them; None and empty lists mean "no filter".
        Raises pydantic's ValidationError or InvalidQuery, which every interface reports as a usage error.
        """
        filters: dict[str, list[str]] = {}
        for name in FACETS:
            value = params.get(name)
            values = value if isinstance(value, list | tuple) else [] if value is None else [value]
            terms = [as_term(v) for v in values if v is not None]
            if terms:
                filters[name] = terms
        scalars = {key: params[key] for key in _SCALAR_PARAMS if params.get(key) is not None}
        return cls.model_validate(
            {**scalars, "filters": filters, "date_from": params.get("from"), "date_to": params.get("to")}
        )

    @field_validator("q")
    @classmethod
    def _query_length(cls, value: str) -> str:
        if len(value) > MAX_QUERY_LENGTH:
            raise ValueError(f"query is too long ({len(value)} characters, at most {MAX_QUERY_LENGTH})")
        return value

    @model_validator(mode="after")
    def _check_window(self) -> SearchRequest:
        for name, day in (("from", self.date_from), ("to", self.date_to)):
            if day is not None and not MIN_DATE <= day <= MAX_DATE:
                raise ValueError(f"'{name}' must be between {MIN_DATE} and {MAX_DATE}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("'from' is after 'to'")
        if self.collapse and self.cursor:
            raise ValueError("collapse=story pages with `page`, not a cursor")
        if self.cursor is None and self.page * self.size > MAX_WINDOW:
            raise ValueError(
                f"page*size may not exceed {MAX_WINDOW}; use the cursor from the previous response "
                "(or /export) to go deeper"
            )
        return self

    def published_bounds(self) -> tuple[datetime | None, datetime | None]:
        """[start, end) of the selected days in Vietnam time: `to` is inclusive, as users mean it."""
        start = datetime.combine(self.date_from, time.min, tzinfo=VIETNAM_TZ) if self.date_from else None
        end = (
            datetime.combine(self.date_to + timedelta(days=1), time.min, tzinfo=VIETNAM_TZ)
            if self.date_to
            else None
        )
        return start, end

    @property
    def parsed(self) -> ParsedQuery:
        return _parsed(self.q)

    @property
    def effective_sort(self) -> Sort:
        """Relevance needs words to match; with none (no query, or only exclusions) newest first."""
        has_text = bool(self.parsed.must)
        if self.sort and (self.sort != "relevance" or has_text):
            return self.sort
        return "relevance" if has_text else "newest"


class Copy(BaseModel):
    """One published copy of a story: who ran it, when, where."""

    id: str
    url: str
    site: str
    outlet: str = ""
    published_at: datetime | None = None
    source_agency: str | None = None  # the agency the copy credits ("TTXVN"), if any
    matched: bool = False  # whether this copy itself matches the search (collapsed hits only)

    @classmethod
    def of(cls, article: Article, matched: bool = False) -> Copy:
        return cls(
            id=article.id,
            url=article.url,
            site=article.site,
            outlet=article.outlet,
            published_at=article.published,
            source_agency=article.source_agency,
            matched=matched,
        )


class Hit(BaseModel):
    id: str
    title: str
    url: str
    site: str
    outlet: str = ""
    published_at: datetime | None = None
    snippet: str = ""  # HTML-escaped original text with <mark> around matches
    title_highlighted: str = ""
    score: float | None = None
    section: str | None = None
    authors: list[str] = Field(default_factory=list)
    provinces_2025: list[str] = Field(default_factory=list)
    stars: list[int] = Field(default_factory=list)
    product_groups: list[str] = Field(default_factory=list)
    is_ocop: bool = False
    ocop_score: float = 0.0
    story_id: str | None = None
    story_size: int = 1  # indexed articles sharing story_id (the whole index, whatever the filters)
    outlet_kind: str | None = None
    outlet_province: str | None = None
    source_agency: str | None = None
    # collapse=story: every copy of the story in publication order (the first is the original; at
    # most MAX_COPIES), whatever the filters; the hit itself is the earliest copy the search matches.
    copies: list[Copy] = Field(default_factory=list)


class Bucket(BaseModel):
    value: str
    count: int
    selected: bool = False
    label: str | None = None  # the value's name for people, for facets with a `label_field`


class Relaxation(BaseModel):
    """Said when too few articles held every word: those holding some of them follow, most first."""

    strict_total: int  # articles holding every word (they come first)
    min_words: int  # words an article of the rest holds, at least (1: any word)
    words: int  # words in the query


class SearchResponse(BaseModel):
    total: int  # matching articles
    total_stories: int | None = None  # collapse=story: matching stories (what the pages count)
    hits: list[Hit]
    facets: dict[str, list[Bucket]] = Field(default_factory=dict)
    histogram: list[Bucket] = Field(default_factory=list)
    interval: Interval = "month"
    page: int = 1
    size: int = 20
    sort: Sort = "relevance"
    next_cursor: str | None = None
    engine: str = ""
    took_ms: float = 0.0
    relaxed: Relaxation | None = None
    did_you_mean: str | None = None  # the query with the diacritics the archive prints, when typed without
    expanded: list[str] = Field(default_factory=list)  # words the query also found ("quảng ngãi → kon tum")


@lru_cache(maxsize=256)
def _parsed(q: str) -> ParsedQuery:
    return parse_query(q)
