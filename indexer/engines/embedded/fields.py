"""What the embedded index holds for each article, and in which form.

Text is normalised (`indexer.text.normalize`) and split into syllables (`indexer.text.TOKEN`) in
Python, and handed to tantivy as space-separated tokens: the index sees exactly the syllables the
query parser makes, folded by the one `indexer.text.fold` every engine and the highlighter use.

| field | holds | serves |
| --- | --- | --- |
| `title_words`, `body_words` | folded syllables (frequencies) | matching words, BM25 |
| `title_pairs`, `body_pairs` | folded neighbours joined by `_` (positions) | phrases, adjacency |
| `title_exact`, `body_exact` | syllables as printed, lower-cased | exact-diacritic tier (words) |
| `title_exact_pairs`, `body_exact_pairs` | their pairs (positions) | exact-diacritic tier (phrases) |
| `keys` | a hashed term per keyword value (`key`) | facet, province, story filters |
| one column per counted facet, `story_id` | keyword values | facet counts, story sizes |
| `published` | milliseconds since 1970 (column) | the date range |
| `year`, `month`, `day` | calendar numbers, Vietnam time (columns) | the histogram |
| `newest`, `oldest` | unique sortable strings: date, id (columns) | date sorts, ties on the id |
| `newest_floor`, `oldest_floor` | never decreases along that order (columns) | cursors |
| `rowid` | the archive row (column) | reading hits from the archive |
| `id` | the article id | replacing and deleting |

A phrase of n syllables is n-1 consecutive pairs, so phrase queries run over pair terms, which are
far rarer than single syllables ("san" + "pham" + "ocop" are in almost every OCOP article;
"san_pham" then "pham_ocop" at consecutive positions is one short posting list each).
"""

from __future__ import annotations

import hashlib
import math
from datetime import date, datetime

import tantivy

from indexer.facets import COUNTED_FACETS, keyword_values
from indexer.highlight import searchable_body
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import TOKEN, fold, normalize

# Bump whenever a field or what goes into it changes: an index of another format is rebuilt.
FORMAT = 1

TEXT_FIELDS = {
    # field: index option ("freq" for BM25 over words, "position" for phrases over pairs)
    "title_words": "freq",
    "body_words": "freq",
    "title_pairs": "position",
    "body_pairs": "position",
    "title_exact": "freq",
    "body_exact": "freq",
    "title_exact_pairs": "position",
    "body_exact_pairs": "position",
}
FACET_COLUMNS = tuple(facet.field for facet in COUNTED_FACETS.values())
STORY_COLUMN = "story_id"
HISTOGRAM_COLUMNS = {"year": "year", "month": "month", "day": "day"}  # request interval -> column
PAIR_JOINER = "_"  # never inside a syllable (TOKEN holds letters and digits only)

# Milliseconds from 0001-01-01 to 1970: any datetime Python can hold becomes a 15-digit number.
_MS_SHIFT = 62_135_596_800_000
_TOP_BIT = 2**63


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name, option in TEXT_FIELDS.items():
        builder.add_text_field(name, tokenizer_name="whitespace", index_option=option)
    builder.add_text_field("keys", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    for name in (*FACET_COLUMNS, STORY_COLUMN, "newest", "oldest"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_integer_field("published", fast=True)
    for name in HISTOGRAM_COLUMNS.values():
        builder.add_integer_field(name, fast=True)
    for name in ("newest_floor", "oldest_floor", "rowid"):
        builder.add_unsigned_field(name, fast=True)
    return builder.build()


def key(field: str, value: str) -> str:
    """The `keys` term for a keyword value: hex only, so it is safe in any query (including the
    query strings of filter aggregations), whatever the value holds."""
    return hashlib.blake2b(f"{field}\x1f{value}".encode(), digest_size=16).hexdigest()


def syllables(text: str) -> tuple[list[str], list[str]]:
    """(folded, exact) syllables of normalised text, as `indexer.query` makes them of a query."""
    folded = TOKEN.findall(fold(text))
    lowered = text.lower()
    # lower() keeps every syllable boundary when it keeps the length (no letter expands)
    exact = TOKEN.findall(lowered) if len(lowered) == len(text) else [t.lower() for t in TOKEN.findall(text)]
    return folded, exact


def pairs(tokens: list[str]) -> str:
    return " ".join(a + PAIR_JOINER + b for a, b in zip(tokens, tokens[1:], strict=False))


def published_ms(moment: datetime) -> int:
    return math.floor(moment.timestamp() * 1000)


def sort_keys(published: datetime | None, article_id: str) -> dict[str, object]:
    """Newest: dated first, latest first, ties on the id descending; undated last by id descending.
    Oldest: dated first, earliest first, ties on the id; undated last by id. Exactly the order of
    the Elasticsearch/OpenSearch engine (`published` with `missing: _last`, then `id`)."""
    id_prefix = int(article_id[:15], 16) if _is_hex(article_id[:15]) else 0
    if published is None:
        return {
            "newest": f"0{article_id}",
            "oldest": f"1{article_id}",
            "newest_floor": id_prefix,
            "oldest_floor": _TOP_BIT + id_prefix,
        }
    shifted = published_ms(published) + _MS_SHIFT
    return {
        "newest": f"1{shifted:015d}{article_id}",
        "oldest": f"0{shifted:015d}{article_id}",
        "newest_floor": _TOP_BIT + shifted,
        "oldest_floor": shifted,
    }


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdef" for c in text)


def histogram_key(interval: str, number: int) -> str:
    """The bucket label of a `year`/`month`/`day` column value, as Elasticsearch formats them."""
    if interval == "year":
        return f"{number:04d}"
    if interval == "month":
        return f"{number // 12:04d}-{number % 12 + 1:02d}"
    return date.fromordinal(number).isoformat()


def document(article: Article, rowid: int) -> dict[str, object]:
    """The fields of one article (for `tantivy.Document.from_dict` with `build_schema()`)."""
    title = normalize(article.title)
    body = normalize(searchable_body(article))
    title_folded, title_exact = syllables(title)
    body_folded, body_exact = syllables(body)
    doc: dict[str, object] = {
        "id": article.id,
        "rowid": rowid,
        "title_words": " ".join(title_folded),
        "body_words": " ".join(body_folded),
        "title_pairs": pairs(title_folded),
        "body_pairs": pairs(body_folded),
        "title_exact": " ".join(title_exact),
        "body_exact": " ".join(body_exact),
        "title_exact_pairs": pairs(title_exact),
        "body_exact_pairs": pairs(body_exact),
        **sort_keys(article.published, article.id),
    }
    keys: list[str] = []
    for field, value in keyword_values(article):
        keys.append(key(field, value))
        if field in FACET_COLUMNS or field == STORY_COLUMN:
            doc.setdefault(field, []).append(value)  # type: ignore[union-attr]
    doc["keys"] = keys
    if article.published is not None:
        local = article.published.astimezone(VIETNAM_TZ)
        doc["published"] = published_ms(article.published)
        doc["year"] = local.year
        doc["month"] = local.year * 12 + local.month - 1
        doc["day"] = local.toordinal()
    return doc
