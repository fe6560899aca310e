"""Hand each fetched page to extraction, OCOP enrichment and the archive, and count what happened.

The fetch is remembered in the archive's `fetch_cache` (with its ETag/Last-Modified) only after
the article is stored, so a crawl killed in between fetches that page again next time rather
than believing it archived.
"""

from __future__ import annotations

import logging
from datetime import datetime

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.extraction.extract import ExtractionError, extract_article
from crawler.incremental import header
from crawler.items import PageItem
from indexer.archive import Archive, RawPage, UpsertOutcome
from indexer.ocop import enrich
from indexer.schema import VIETNAM_TZ

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.archive = Archive(self.crawler.settings.get("OCOP_ARCHIVE"))

    def close_spider(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def _remember(self, item: PageItem, article_id: str | None) -> None:
        assert self.archive is not None
        etag, last_modified = header(item.headers, "ETag"), header(item.headers, "Last-Modified")
        for url in {item.discovered_url or item.url, item.url}:
            self.archive.remember_fetch(url, article_id, etag, last_modified)

    def process_item(self, item: PageItem) -> PageItem:
        assert self.archive is not None
        site = self.crawler.spider.sites[item.site]  # type: ignore[union-attr]
        prefix = f"ocop/{item.site}/"
        try:
            article = extract_article(
                item.body,
                item.url,
                http_content_type=item.headers.get("Content-Type"),
                crawled=datetime.fromtimestamp(item.fetched_ts, VIETNAM_TZ),
                site=item.site,
                outlet=site.name,
                body_selectors=site.extraction.body,
                remove_selectors=site.extraction.remove,
            )
        except ExtractionError as exc:
            self.stats.inc_value(prefix + "errors/extraction")
            self._remember(item, None)  # not an article we can read: do not fetch it every run
            raise DropItem(f"cannot extract {item.url}: {exc}") from exc
        article = enrich(article.model_copy(update=site.outlet_fields()))
        outcome = self.archive.upsert(article, RawPage(item.url, item.body, item.headers, item.fetched_ts))
        self._remember(item, article.id)
        self.stats.inc_value(prefix + outcome.value)
        item.outcome, item.published, item.article_id = outcome.value, article.published, article.id
        if outcome is UpsertOutcome.NEW:
            logger.info("archived %s (%s)", article.url, article.title[:80])
        elif outcome is UpsertOutcome.UPDATED:
            logger.info("updated %s (version %d)", article.url, self.archive.version(article.id))
        return item
