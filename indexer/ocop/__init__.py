"""OCOP enrichment: how much an article is about OCOP, and the OCOP facts it states.

    enrich_text(title, text, lead=..., published=..., written_by=...) -> OcopFacts
    enrich(article) -> Article            # a copy with the OCOP fields filled
    province_filter(name) -> ("provinces_2025" | "provinces", canonical name) | None
    provinces_2025_list() -> the 34 province names of the 2025 structure
    IS_OCOP_THRESHOLD = 0.5

How each fact is computed, the data files and how to update them: docs/ocop.md.
Province names follow the library's short form ("Hồ Chí Minh", "Huế", "Bà Rịa - Vũng Tàu"), in
the traditional tone placement of indexer.text.normalize; the 63-province list says
"Thừa Thiên Huế" where the 2025 list says "Huế".
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from indexer.ocop.claims import claims_with_sentences
from indexer.ocop.document import CONTENT_ZONES, Document
from indexer.ocop.english import english_blocks, english_facts
from indexer.ocop.groups import find_groups
from indexer.ocop.places import gazetteer_rules, provinces_2025_list
from indexer.ocop.relevance import IS_OCOP_THRESHOLD, assess, core_index
from indexer.ocop.stars import find_stars, of_a_product
from indexer.schema import Article, OcopClaim

__all__ = [
    "IS_OCOP_THRESHOLD",
    "MERGER_DATE",
    "OcopFacts",
    "enrich",
    "enrich_text",
    "province_filter",
    "provinces_2025_list",
]

# The 34-province structure took effect on 1 July 2025.
MERGER_DATE = datetime(2025, 7, 1, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


class OcopFacts(BaseModel):
    """The OCOP fields of an Article, as computed from its text."""

    ocop_score: float = 0.0
    is_ocop: bool = False
    provinces: list[str] = Field(default_factory=list)
    provinces_2025: list[str] = Field(default_factory=list)
    stars: list[int] = Field(default_factory=list)
    product_groups: list[str] = Field(default_factory=list)
    ocop_claims: list[OcopClaim] = Field(default_factory=list)


def _after_merger(published: datetime | None) -> bool | None:
    if published is None:
        return None
    if published.tzinfo is None:  # a naive date is read as Vietnamese local time
        published = published.replace(tzinfo=MERGER_DATE.tzinfo)
    return published >= MERGER_DATE


def _local_year(published: datetime | None) -> int | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return published.year
    return published.astimezone(MERGER_DATE.tzinfo).year


def _english_sentences(doc: Document, counts: list[tuple[int, int | None, str]]) -> dict[int, bool]:
    """The sentences (ids) of counts stated in English paragraphs, and whether each gives a rating.
    Relevance credits them as it credits Vietnamese counts (session 19): an English brief names the
    programme once and states its figures, and was scored on its one mention alone."""
    found: dict[int, bool] = {}
    for _count, rating, sentence in counts:
        at = doc.text.find(sentence)
        if at >= 0 and (i := bisect_left(doc.starts, at)) < len(doc.starts):
            s = doc.sent_of[i]
            found[s] = found.get(s, False) or rating is not None
    return found


def enrich_text(
    title: str,
    text: str,
    *,
    lead: str = "",
    published: datetime | None = None,
    written_by: datetime | None = None,
) -> OcopFacts:
    """OCOP facts of one article. `text` is the body (the lead may be its first paragraph).
    `written_by` is the latest time the text can have been written (when it was crawled): an
    undated text's deadline after that year is a target, not a fact."""
    doc = Document(
        title, text, lead, published_year=_local_year(published), written_by_year=_local_year(written_by)
    )
    rules = gazetteer_rules()
    places = rules.find(doc, _after_merger(published))
    new_mode = places.new_mode

    names = places.provinces_2025 if new_mode else places.provinces
    home = names[0] if len(names) == 1 else None
    stated = claims_with_sentences(doc, places.mentions, home)
    core_blocks = {doc.block_of[i] for i, _j, _p in core_index().find_in_blocks(doc, CONTENT_ZONES)}
    candidates = find_stars(doc, core_blocks)
    english = english_facts(doc) if english_blocks(doc) else None
    # only where the programme is named: an English count of "products" alone is no OCOP fact
    english_counted = _english_sentences(doc, english[1]) if english and core_blocks else {}
    relevance = assess(
        doc,
        frozenset(doc.sent_of[c.sao] for c in candidates if c.strong),
        frozenset(s for _claim, s, _r in stated) | frozenset(english_counted),
        frozenset(s for _claim, s, rated in stated if rated)
        | frozenset(s for s, rated in english_counted.items() if rated),
        frozenset(doc.sent_of[c.sao] for c in candidates if c.strong and of_a_product(doc, c.first)),
    )
    is_ocop = relevance.is_ocop

    stars: set[int] = set()
    groups: list[str] = []
    if is_ocop:
        for c in candidates:
            if c.strong or c.tight:
                stars.update(c.stars)
        covered = {k for m in places.mentions for k in range(m.first, m.last)}
        groups = find_groups(doc, covered, rules.is_place_name, rules.in_organisation_name)
    claims = [claim for claim, _s, _r in stated] if is_ocop else []
    if is_ocop and english:
        english_stars, english_counts = english
        stars |= english_stars
        known = {(c.count, c.stars) for c in claims}
        for count, rating, sentence in english_counts:
            if (count, rating) not in known:
                known.add((count, rating))
                claims.append(OcopClaim(count=count, stars=rating, place=home, sentence=sentence))
        rated = {c.count for c in claims if c.stars is not None}  # "109 products" restated rated
        claims = [c for c in claims if c.stars is not None or c.count not in rated]
    return OcopFacts(
        ocop_score=relevance.score,
        is_ocop=is_ocop,
        provinces=places.provinces,
        provinces_2025=places.provinces_2025,
        stars=sorted(stars),
        product_groups=groups,
        ocop_claims=claims,
    )


def enrich(article: Article) -> Article:
    """A copy of `article` with ocop_score, is_ocop, provinces, stars, groups and claims filled."""
    facts = enrich_text(
        article.title,
        article.text,
        lead=article.lead,
        published=article.published,
        written_by=article.crawled,
    )
    return article.model_copy(update={name: getattr(facts, name) for name in OcopFacts.model_fields})


def province_filter(name: str) -> tuple[str, str] | None:
    """Which Article field a province filter applies to, and the canonical name to match.

    A 2025 province name (or an alias of one: "TP.HCM", "Huế", "Sài Gòn") → ("provinces_2025", name):
    that field holds the merged province for old and new coverage alike, so "Đắk Lắk" also finds
    2023 stories on Phú Yên. A name that exists only in the 63-province structure ("Phú Yên",
    "Bắc Cạn") → ("provinces", name). Matching ignores case, diacritics and tone placement, and a
    leading "tỉnh"/"thành phố"/"TP" or a trailing "(mới)"/"(cũ)". None when the name is unknown.
    """
    return gazetteer_rules().filter_for(name)
