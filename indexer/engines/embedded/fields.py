"""What the embedded index holds for each article, and in which form.

Text is split into syllables, normalised and folded in Python, once per article
(`indexer.text.syllable_forms`: the syllables of `normalize(text)`, lower-cased as a query's phrases
hold them, and folded by `indexer.text.fold`, the one folding every engine and the highlighter use).
tantivy gets them as space-separated tokens (its whitespace tokenizer), so the index and the query
side split and spell every syllable the same way; splitting and lower-casing in tantivy cost more.

| field | holds | serves |
| --- | --- | --- |
| `title_words`, `body_words` | folded syllables (frequencies; body: no asides) | matching words, BM25 |
| `title_pairs`, `body_pairs` | folded neighbours joined by `_` (positions) | phrases, adjacency |
| `title_exact`, `body_exact` | syllables as printed, lower-cased (positions) | exact-diacritic tier |
| `aside_words`, `aside_pairs` | the body's related-headline lines (`indexer.asides`) | matching, less |
| `author_words`, `author_pairs` | the bylines, folded (as the text fields) | `author:` |
| `source_words`, `source_pairs` | the site and the outlet's name, folded | `site:`, `outlet:` |
| `keys` | a hashed term per keyword value (`key`) | facet, province, story filters |
| one column per counted facet, `story_id` | keyword values | story sizes, exact recounts |
| `outlet` (`facets.LABEL_FIELDS`) | the outlet's name (column) | facet labels |
| `<facet>_pair`, `<facet>_more` | the values as one key when at most 2, else each | facet counts |
| `published` | milliseconds since 1970 (column) | the date range |
| `year`, `month`, `day` | calendar numbers, Vietnam time (columns) | the histogram |
| `newest`, `oldest` | a number following each date order (columns) | date sorts, cursors |
| `rowid` | the archive row (column) | reading hits from the archive |
| `id` | the article id | replacing and deleting |

A phrase of n syllables is n-1 consecutive pairs, so phrase queries run over pair terms, which are
far rarer than single syllables ("san" + "pham" + "ocop" are in almost every OCOP article;
"san_pham" then "pham_ocop" at consecutive positions is one short posting list each).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import tantivy

from indexer.asides import split_asides
from indexer.facets import COUNTED_FACETS, LABEL_FIELDS, keyword_values
from indexer.highlight import searchable_body
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import syllable_forms

# Bump whenever a field or what goes into it changes: an index of another format is rebuilt.
FORMAT = 7

TEXT_FIELDS = {
    # field: index option ("freq" for BM25 over words, "position" for phrases over pairs)
    "title_words": "freq",
    "body_words": "freq",
    "title_pairs": "position",
    "body_pairs": "position",
    "aside_words": "freq",
    "aside_pairs": "position",
    "author_words": "freq",
    "author_pairs": "position",
    "source_words": "freq",
    "source_pairs": "position",
}
EXACT_FIELDS = ("title_exact", "body_exact")  # with positions
FACET_COLUMNS = tuple(facet.field for facet in COUNTED_FACETS.values())
STORY_COLUMN = "story_id"
# Counting a column that holds several values per article is several times slower in tantivy than
# counting one holding a single value. So the values of a counted facet are also stored as one key
# (a JSON list) when an article has at most two of them (`_pair`), and one by one in a sparse column
# when it has more (`_more`); counts are the keys' counts spread over their values.
PAIR, MORE = "_pair", "_more"
PAIR_LIMIT = 2
HISTOGRAM_COLUMNS = {"year": "year", "month": "month", "day": "day"}  # request interval -> column
PAIR_JOINER = "_"  # never inside a syllable (TOKEN holds letters and digits only)

# Date sort keys: a top bit putting undated articles last, then the milliseconds since 1900 (44 bits:
# until 2457; dates outside are clamped), then the first 19 bits of the id. Equal keys are rare
# (same millisecond, same id prefix, or clamped dates); the engine orders those by (date, id).
_TOP_BIT = 2**63
_MS_1900 = -2_208_988_800_000
_MS_BITS, _ID_BITS = 44, 19


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name, option in TEXT_FIELDS.items():
        builder.add_text_field(name, tokenizer_name="whitespace", index_option=option)
    for name in EXACT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("keys", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    pair_columns = (f + suffix for f in FACET_COLUMNS for suffix in (PAIR, MORE))
    for name in (*FACET_COLUMNS, *pair_columns, STORY_COLUMN, *LABEL_FIELDS):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_integer_field("published", fast=True)
    for name in HISTOGRAM_COLUMNS.values():
        builder.add_integer_field(name, fast=True)
    for name in ("newest", "oldest", "rowid"):
        builder.add_unsigned_field(name, fast=True)
    return builder.build()


def key(field: str, value: str) -> str:
    """The `keys` term for a keyword value: hex only, so it is safe in any query (including the
    query strings of filter aggregations), whatever the value holds."""
    return hashlib.blake2b(f"{field}\x1f{value}".encode(), digest_size=16).hexdigest()


def pairs(tokens: list[str]) -> str:
    return " ".join(map(PAIR_JOINER.join, zip(tokens, tokens[1:], strict=False)))


def published_ms(moment: datetime) -> int:
    return math.floor(moment.timestamp() * 1000)


def sort_keys(published: datetime | None, article_id: str) -> dict[str, int]:
    """Numbers that never decrease along each date order, as the Elasticsearch/OpenSearch engine
    sorts (`published` with `missing: _last`, then `id` in the same direction):

    - newest: dated first, latest first, then the id descending; undated last, id descending;
    - oldest: dated first, earliest first, then the id; undated last, by id."""
    if published is None:
        prefix = int(article_id[:16], 16) >> 1 if _is_hex(article_id[:16]) else 0  # 63 bits
        return {"newest": prefix, "oldest": _TOP_BIT + prefix}
    since_1900 = published_ms(published) - _MS_1900
    if since_1900 < 0:  # before 1900: one group, ordered by (date, id) by the engine
        dated = 0
    elif since_1900 >= 2**_MS_BITS - 1:  # after 2457: likewise, above every date in range
        dated = _TOP_BIT - 1
    else:
        id_bits = int(article_id[:5], 16) >> 1 if _is_hex(article_id[:5]) else 0  # 19 bits
        dated = (since_1900 << _ID_BITS) + id_bits
    return {"newest": _TOP_BIT + dated, "oldest": dated}


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdef" for c in text)


def histogram_key(interval: str, number: int) -> str:
    """The bucket label of a `year`/`month`/`day` column value, as Elasticsearch formats them."""
    if interval == "year":
        return f"{number:04d}"
    if interval == "month":
        return f"{number // 12:04d}-{number % 12 + 1:02d}"
    return date.fromordinal(number).isoformat()


@dataclass(frozen=True)
class Analysis:
    """What the index and the story signature need from an article's text, computed once: every
    document field that does not depend on where the archive stores the article (its rowid) or on
    which story it joins there, and the folded syllables of its text (`stories.signature_of`)."""

    fields: dict[str, object]
    text_syllables: list[str]


def analyse(article: Article) -> Analysis:
    """The article's title, body (`indexer.highlight.searchable_body`: the lead unless the text
    opens with it, then the text; its asides apart, `indexer.asides`), bylines and source as
    syllables, printed (lower-cased, one tone placement) and folded (`indexer.text.syllable_forms`).
    The body is usually the text itself, whose folded syllables then serve the story signature too."""
    prose, asides = split_asides(searchable_body(article))
    title_exact, title_folded = syllable_forms(article.title)
    body_exact, body_folded = syllable_forms(prose)
    text_folded = body_folded if prose == article.text else syllable_forms(article.text)[1]
    aside_folded = syllable_forms(asides)[1]
    author_folded = syllable_forms(" ; ".join(article.authors))[1]
    source_folded = syllable_forms(f"{article.site} {article.outlet}")[1]
    doc: dict[str, object] = {
        "id": article.id,
        "title_words": " ".join(title_folded),
        "body_words": " ".join(body_folded),
        "title_pairs": pairs(title_folded),
        "body_pairs": pairs(body_folded),
        "aside_words": " ".join(aside_folded),
        "aside_pairs": pairs(aside_folded),
        "author_words": " ".join(author_folded),
        "author_pairs": pairs(author_folded),
        "source_words": " ".join(source_folded),
        "source_pairs": pairs(source_folded),
        "title_exact": " ".join(title_exact),
        "body_exact": " ".join(body_exact),
        **sort_keys(article.published, article.id),
    }
    keys: list[str] = []
    columns: dict[str, list[str]] = {}
    for field, value in keyword_values(article):
        if field == STORY_COLUMN:
            continue  # the archive decides it (`document`)
        keys.append(key(field, value))
        if field in FACET_COLUMNS:
            columns.setdefault(field, []).append(value)
    doc.update(columns)
    doc["keys"] = keys
    for field in LABEL_FIELDS:
        label = getattr(article, field)
        if label:
            doc[field] = label
    for field in FACET_COLUMNS:
        values = doc.get(field)
        if isinstance(values, list) and len(values) <= PAIR_LIMIT:
            doc[field + PAIR] = pair_key(values)
        elif isinstance(values, list):
            doc[field + MORE] = values
    if article.published is not None:
        local = article.published.astimezone(VIETNAM_TZ)
        doc["published"] = published_ms(article.published)
        doc["year"] = local.year
        doc["month"] = local.year * 12 + local.month - 1
        doc["day"] = local.toordinal()
    return Analysis(doc, text_folded)


def document(fields: Mapping[str, object], rowid: int, story_id: str | None) -> dict[str, object]:
    """The fields of one archived article (for `tantivy.Document.from_dict` with `build_schema()`):
    those of its `Analysis`, its row and its story."""
    doc = {**fields, "rowid": rowid}
    if story_id:
        doc[STORY_COLUMN] = [story_id]
        doc["keys"] = [*fields["keys"], key(STORY_COLUMN, story_id)]  # type: ignore[misc]
    return doc


_PAIR_ENCODER = json.JSONEncoder(ensure_ascii=False)  # made once: `json.dumps` makes one per call


def pair_key(values: list[str]) -> str:
    return _PAIR_ENCODER.encode(sorted(values))


@lru_cache(maxsize=65_536)
def pair_values(pair: str) -> tuple[str, ...]:
    """The values of a `_pair` key, decoded once per process: every faceted request reads a few
    hundred of the same keys (round 10)."""
    return tuple(str(value) for value in json.loads(pair))


def document_of(row: tuple[int, str]) -> dict[str, object]:
    """The document of an archive row (rowid, article JSON)."""
    rowid, data = row
    article = Article.model_validate_json(data)
    return document(analyse(article).fields, rowid, article.story_id)
