"""`scrapy crawl` that exits non-zero when a site failed entirely, so cron and systemd notice.

Scrapy's own command exits 0 whatever happened to the sites. The per-site verdict is made by
`crawler.report.CrawlReport`; this subclass only reads it from the crawl's stats at the end.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from crawler.report import FAILED_SITES_STAT

EXIT_SITE_FAILED = 3


class Command(ScrapyCrawl):
    _crawler: Crawler | None = None

    def short_desc(self) -> str:
        return "Run a spider (exit code 3 when a site failed entirely)"

    def _create_crawler(self, spname: str) -> Crawler:  # type: ignore[override]
        self._crawler = super()._create_crawler(spname)
        return self._crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.exitcode == 0 and self._crawler is not None and self._crawler.stats is not None:
            failed = self._crawler.stats.get_value(FAILED_SITES_STAT) or []
            if failed:
                print(f"ocop-watch: no usable response from: {', '.join(failed)}", file=sys.stderr)
                self.exitcode = EXIT_SITE_FAILED
