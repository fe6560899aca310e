"""What the spider hands to the pipeline: a fetched page, before any extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class PageItem:
    site: str
    url: str  # the address the page was finally served from (after redirects)
    status: int
    headers: dict[str, str]
    body: bytes = field(repr=False)  # logs show the page by its URL, not its bytes
    fetched_ts: float
    source: str = ""  # how it was discovered: listing, search, rss, sitemap
    discovered_url: str = ""  # the canonical URL as discovered: the key of the seen-set
    # What the pipeline made of it, for the spider: the upsert's outcome ("new", "updated",
    # "unchanged"), the article's publication date and id; None until archived.
    outcome: str | None = None
    published: datetime | None = None
    article_id: str | None = None
