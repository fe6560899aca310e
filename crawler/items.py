"""What the spider hands to the pipeline: a fetched page, before any extraction."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageItem:
    site: str
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_ts: float
    source: str = ""  # how it was discovered: listing, rss, sitemap
    extra: dict[str, object] = field(default_factory=dict)
