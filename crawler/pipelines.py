"""Hand each fetched page to extraction, OCOP enrichment and the archive, and count what happened."""

from __future__ import annotations

import logging
from datetime import datetime

from indexer.ocop import enrich
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.extract import ExtractionError, extract_article
from crawler.items import PageItem
from indexer.archive import Archive, RawPage, UpsertOutcome
from indexer.schema import VIETNAM_TZ

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: Archive | None = None
        self.runs: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self, spider: Spider) -> None:
        self.archive = Archive(self.crawler.settings.get("OCOP_ARCHIVE"))
        for key in getattr(spider, "sites", {}):
            self.runs[key] = self.archive.start_run(key)

    def close_spider(self, spider: Spider) -> None:
        if self.archive is None:
            return
        all_stats = self.stats.get_stats()
        for key, run_id in self.runs.items():
            prefix = f"ocop/{key}/"
            site_stats = {k.removeprefix(prefix): v for k, v in all_stats.items() if k.startswith(prefix)}
            stored = sum(site_stats.get(k, 0) for k in ("new", "updated", "unchanged"))
            status = "ok" if stored or not site_stats.get("errors/extraction") else "failed"
            self.archive.finish_run(run_id, status, site_stats)
        self.archive.close()

    def process_item(self, item: PageItem, spider: Spider) -> PageItem:
        assert self.archive is not None
        site = spider.sites[item.site]
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
            raise DropItem(f"cannot extract {item.url}: {exc}") from exc
        article = enrich(article)
        outcome = self.archive.upsert(article, RawPage(item.url, item.body, item.headers, item.fetched_ts))
        self.stats.inc_value(prefix + outcome.value)
        if outcome is UpsertOutcome.NEW:
            logger.info("archived %s (%s)", article.url, article.title[:80])
        return item
