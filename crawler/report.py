"""The per-site report of a run: counted while crawling, stored in `crawl_runs`, printed at the end.

`CrawlReport` is a Scrapy extension (it watches the crawl, it decides nothing): it opens one
`crawl_runs` row per site when the spider opens, counts requests and responses per site from
Scrapy's signals, and at the close turns the site's stats into a `SiteReport`, stores it and logs
it under its run id. With `-s OCOP_REPORT_FILE=PATH` it also writes this run's reports there as
JSON (what `ocop crawl` prints: this run's, never another's). A site whose every request failed
(or whose every article failed) is `failed`; the `crawl` command (`crawler/commands/crawl.py`)
then exits non-zero so a scheduler notices.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from indexer.archive import Archive

logger = logging.getLogger(__name__)

FAILED_SITES_STAT = "ocop/failed_sites"


@dataclass
class SiteReport:
    site: str
    status: str  # ok | partial | failed | interrupted
    requests: int = 0  # sent to the site, retries included (robots.txt not included)
    fetched: int = 0  # responses received
    fetched_by_kind: dict[str, int] = field(default_factory=dict)  # listing, search, rss, sitemap, article
    new: int = 0
    updated: int = 0
    unchanged: int = 0  # re-fetched, content identical
    not_modified: int = 0  # conditional GET answered 304
    skipped: int = 0  # known or too old: never requested
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the whole crawl (all sites of the run together)
    run_id: int = 0  # the crawl_runs row

    @classmethod
    def from_stats(cls, site: str, stats: dict[str, Any], reason: str = "finished") -> SiteReport:
        def n(key: str) -> int:
            return int(stats.get(key, 0) or 0)

        errors = {k.removeprefix("errors/"): int(v) for k, v in stats.items() if k.startswith("errors/")}
        by_kind = {k.removeprefix("fetched/"): int(v) for k, v in stats.items() if k.startswith("fetched/")}
        report = cls(
            site=site,
            status="ok",
            requests=n("requests"),
            fetched=n("fetched"),
            fetched_by_kind=by_kind,
            new=n("new"),
            updated=n("updated"),
            unchanged=n("unchanged"),
            not_modified=n("not_modified"),
            skipped=n("skipped_known") + n("skipped_old"),
            errors=errors,
        )
        stored = report.new + report.updated + report.unchanged + report.not_modified
        if reason != "finished":
            report.status = "interrupted"
        elif n("ok_responses") == 0 or (n("article_requests") > 0 and stored == 0):
            report.status = "failed"
        elif errors:
            report.status = "partial"
        return report

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.fetched_by_kind.items()))
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (
            f"#{self.run_id} {self.site}: {self.status.upper()}"
            f" | requests {self.requests}, fetched {self.fetched} ({kinds})"
            f" | new {self.new}, updated {self.updated}, unchanged {self.unchanged},"
            f" not modified {self.not_modified}, skipped {self.skipped} | errors: {errors}"
            f" | {self.seconds:.1f} s"
        )


class CrawlReport:
    """Counts per site, one `crawl_runs` row per site and run, the report at the end."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: Archive | None = None
        self.runs: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlReport:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signals.spider_closed)
        crawler.signals.connect(extension.request_reached_downloader, signals.request_reached_downloader)
        crawler.signals.connect(extension.response_received, signals.response_received)
        return extension

    def spider_opened(self, spider: Any, **_: Any) -> None:
        self.archive = Archive(self.crawler.settings.get("OCOP_ARCHIVE"))
        for key in getattr(spider, "sites", {}):
            self.runs[key] = self.archive.start_run(key)

    def request_reached_downloader(self, request: Request, **_: Any) -> None:
        site = request.meta.get("site")
        if site is None:
            self.stats.inc_value(
                "ocop/robots_requests" if request.url.endswith("/robots.txt") else "ocop/other_requests"
            )
            return
        self.stats.inc_value(f"ocop/{site}/requests")
        self.stats.inc_value(f"ocop/{site}/requests/{request.meta.get('kind', 'other')}")

    def response_received(self, response: Response, request: Request, **_: Any) -> None:
        site = request.meta.get("site")
        if site is None:
            return
        self.stats.inc_value(f"ocop/{site}/fetched")
        self.stats.inc_value(f"ocop/{site}/fetched/{request.meta.get('kind', 'other')}")
        if response.status < 400:
            self.stats.inc_value(f"ocop/{site}/ok_responses")

    def spider_closed(self, spider: Any, reason: str, **_: Any) -> None:
        if self.archive is None:
            return
        all_stats = self.stats.get_stats()
        started = all_stats.get("start_time")
        seconds = (datetime.now(UTC) - started).total_seconds() if isinstance(started, datetime) else 0.0
        failed = []
        reports = []
        for key, run_id in self.runs.items():
            prefix = f"ocop/{key}/"
            site_stats = {k.removeprefix(prefix): v for k, v in all_stats.items() if k.startswith(prefix)}
            report = SiteReport.from_stats(key, site_stats, reason)
            report.seconds = round(seconds, 2)
            report.run_id = run_id
            reports.append(asdict(report))
            (logger.warning if report.status in ("failed", "interrupted") else logger.info)(
                "report %s", report.line()
            )
            try:
                self.archive.finish_run(
                    run_id, report.status, {**site_stats, "report": asdict(report), "reason": reason}
                )
            except (
                sqlite3.Error
            ) as exc:  # a full disk: the next run sees this one as unfinished, and resumes it
                logger.error("the report of run #%s could not be stored: %s", run_id, exc)
            if report.status == "failed":
                failed.append(key)
        self.stats.set_value(FAILED_SITES_STAT, failed)
        self.archive.close()
        destination = self.crawler.settings.get("OCOP_REPORT_FILE")
        if destination:
            Path(destination).write_text(json.dumps(reports, ensure_ascii=False), encoding="utf-8")
