"""The search request, its response, and the user's query text parsed once into a small AST.

Both engines render the same AST (FTS5 MATCH text, Elasticsearch DSL), so a query means the same
thing whichever engine answers it. Anything a journalist can type parses: stray quotes, FTS or
Lucene operators and punctuation are read as plain text, never passed through to an engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from indexer.errors import InvalidQuery
from indexer.facets import FACETS, as_term
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import fold, has_diacritics, normalize, tokens

MAX_PAGE_SIZE = 100
MAX_WINDOW = 10_000  # page*size beyond this needs a cursor, as in Elasticsearch's max_result_window
MAX_QUERY_LENGTH = 500
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2200, 12, 31)  # beyond these, date arithmetic overflows

# Parameters other than the facets and the dates, under their API names.
_SCALAR_PARAMS = ("q", "sort", "page", "size", "cursor", "interval", "facet_size", "collapse")

Sort = Literal["relevance", "newest", "oldest"]
Interval = Literal["year", "month", "day"]
Collapse = Literal["story"]
MAX_COPIES = 50  # copies of a story listed on a collapsed hit (GET /stories/{id} lists them all)


@dataclass(frozen=True)
class Phrase:
    """One or more syllables that must appear in this order (a single word is a one-token phrase)."""

    tokens: tuple[str, ...]  # normalised, lower-cased, diacritics kept

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(t) for t in self.tokens)

    @property
    def has_diacritics(self) -> bool:
        return any(has_diacritics(t) for t in self.tokens)


@dataclass(frozen=True)
class AnyOf:
    """Alternatives joined by OR; matches when any of them does."""

    options: tuple[Phrase, ...]


Clause = Phrase | AnyOf


@dataclass(frozen=True)
class WordGroup:
    """Syllables the query puts together: the unit a match is found and shown as.

    Vietnamese words have several syllables and the query does not say where one ends, so
    adjacent unquoted syllables (`mat ong`) form one loose group: any two or more of them standing
    side by side in the text in the query's order are one word ("mật ong"). An exact group (a
    quoted or punctuation-joined phrase, `"nông thôn mới"`, `TP.HCM`) only counts whole.
    """

    syllables: tuple[str, ...]  # folded
    exact: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    must: tuple[Clause, ...] = ()
    must_not: tuple[Phrase, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.must and not self.must_not

    def word_groups(self) -> list[WordGroup]:
        """The positive matches as units, in query order: runs of adjacent single syllables (an
        OR or a phrase ends a run), each multi-syllable phrase, each OR alternative."""
        groups: list[WordGroup] = []
        run: list[str] = []

        def end_run() -> None:
            if run:
                groups.append(WordGroup(tuple(run)))
                run.clear()

        for clause in self.must:
            if isinstance(clause, Phrase) and len(clause.tokens) == 1:
                run.extend(clause.folded)
                continue
            end_run()
            for phrase in clause.options if isinstance(clause, AnyOf) else (clause,):
                groups.append(WordGroup(phrase.folded, exact=len(phrase.tokens) > 1))
        end_run()
        return groups

    def word_runs(self) -> list[tuple[str, ...]]:
        """Folded runs of two or more adjacent unquoted words: likely multi-syllable words
        ("nông thôn mới"), which both engines rank higher where they also stand side by side."""
        return [g.syllables for g in self.word_groups() if not g.exact and len(g.syllables) > 1]

    def phrases(self) -> list[Phrase]:
        """Every positive phrase, alternatives included (engines rank exact-diacritic matches with them)."""
        out: list[Phrase] = []
        for clause in self.must:
            out.extend(clause.options if isinstance(clause, AnyOf) else (clause,))
        return out


_LEXEME = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _phrase(text: str) -> Phrase | None:
    syllables = tuple(t.lower() for t in tokens(normalize(text)))
    return Phrase(syllables) if syllables else None


def parse_query(text: str | None) -> ParsedQuery:
    """Words must all match, "quoted phrases" match in order, -word excludes, OR offers alternatives.

    `AND` is the default and so ignored; `NOT word` is read as `-word`. An unclosed quote runs to
    the end of the query. Punctuation inside a word splits it into a phrase ("TP.HCM" → "tp hcm").
    """
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQuery(f"query is too long ({len(text)} characters, at most {MAX_QUERY_LENGTH})")
    must: list[Clause] = []
    must_not: list[Phrase] = []
    pending_or = False
    negate_next = False
    for match in _LEXEME.finditer(text):
        minus, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR":
                pending_or = bool(must)
                continue
            if bare in ("AND", "&&"):
                continue
            if bare == "NOT":
                negate_next = True
                continue
            negate = bare.startswith("-") and len(bare) > 1
            phrase = _phrase(bare[1:] if negate else bare)
        else:
            negate = bool(minus)
            phrase = _phrase(quoted)
        if phrase is None:
            continue
        if negate or negate_next:
            must_not.append(phrase)
            negate_next = pending_or = False
            continue
        if pending_or:
            previous = must.pop()
            options = previous.options if isinstance(previous, AnyOf) else (previous,)
            must.append(AnyOf((*options, phrase)))
            pending_or = False
        else:
            must.append(phrase)
    return ParsedQuery(tuple(must), tuple(must_not))


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
        return parse_query(self.q)

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
