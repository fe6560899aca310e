"""The one document model shared by the crawler, the archive, both search engines and exports.

Every field that reaches a researcher's export is declared here once; engines and exporters read
the field list from this model instead of keeping their own copies.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, Field

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def article_id_for(canonical_url: str) -> str:
    """Deterministic id from the canonical URL, so every archive and every engine agree on it."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:20]


def _require_aware(value: datetime | None) -> datetime | None:
    # A naive datetime is ambiguous by seven hours; reject it where it is made, not where it is read.
    if value is not None and value.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware (Asia/Ho_Chi_Minh or UTC)")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_require_aware)]


class OcopClaim(BaseModel):
    """A number of OCOP products stated in the text, with what the sentence says about it."""

    count: int
    stars: int | None = None
    place: str | None = None
    sentence: str = ""


class Article(BaseModel):
    """A news article as extracted from one page and enriched with OCOP knowledge."""

    id: str
    url: str  # canonical URL
    site: str  # registry key, e.g. "vnexpress.net"
    outlet: str = ""  # human name, e.g. "VnExpress"
    # From the site registry (crawler/sites/*.toml), refreshed by `ocop reprocess`: what kind of
    # outlet this is (national, provincial, trade, portal) and, for a provincial paper, its province
    # in the 2025 structure.
    outlet_kind: str | None = None
    outlet_province: str | None = None
    title: str
    lead: str = ""
    text: str = ""  # body, lead included as its first paragraph, paragraphs separated by "\n\n"
    captions: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    source_agency: str | None = None  # "TTXVN", "PV", ... when the byline names an agency, not a person
    published: AwareDatetime | None = None
    # Where `published` comes from: "metadata" (the CMS's structured data), "page" (printed next to
    # the headline) or "url"; None when no date was found. Stored with the article, not indexed.
    published_source: str | None = None
    published_conflict: bool = False  # metadata, the printed date or the URL name different days
    published_note: str | None = None  # why `published` is null, or what the conflict is
    modified: AwareDatetime | None = None
    crawled: AwareDatetime
    section: str | None = None
    tags: list[str] = Field(default_factory=list)
    image: str | None = None
    language: str = "vi"

    # OCOP enrichment (indexer.ocop); recomputed by `ocop reprocess`.
    ocop_score: float = 0.0
    is_ocop: bool = False
    provinces: list[str] = Field(default_factory=list)  # 63-province names as written in the article's time
    provinces_2025: list[str] = Field(default_factory=list)  # the 34-province structure after July 2025
    stars: list[int] = Field(default_factory=list)
    product_groups: list[str] = Field(default_factory=list)
    ocop_claims: list[OcopClaim] = Field(default_factory=list)

    # Near-duplicate grouping (MinHash/LSH): articles telling the same story share it.
    story_id: str | None = None

    @classmethod
    def from_url(cls, canonical_url: str, **fields: object) -> Article:
        return cls(id=article_id_for(canonical_url), url=canonical_url, **fields)
