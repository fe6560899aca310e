"""`scrapy crawl`, checked before it starts, one crawl per archive, and an exit code a scheduler reads.

Before Scrapy starts: the settings, the sites and the spider's arguments are checked, the archive's
crawl lock is taken (`crawler.lock`) and the archive is opened for writing, so an operator's
mistake (an unknown site, a read-only archive, a crawl already running) is one line on stderr and
the exit code `indexer.errors` gives its type, rather than tracebacks half-way through a run.
Scrapy's own command exits 0 whatever happened to the sites; this one exits 3 when a site failed
entirely (the per-site verdict is made by `crawler.report.CrawlReport`).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.spiders import Spider

from crawler.incremental import parse_since
from crawler.lock import CrawlLock
from crawler.report import FAILED_SITES_STAT
from crawler.sites import sites_to_crawl
from indexer.archive import Archive
from indexer.errors import ArchiveUnavailable, ConfigurationError, ExitCode, OcopWatchError


class Command(ScrapyCrawl):
    _running: Crawler | None = None  # the crawler this command created
    _lock: CrawlLock | None = None

    def short_desc(self) -> str:
        return "Run a spider (one per archive at a time; exit code 3 when a site failed entirely)"

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self._running = super()._create_crawler(spidercls)
        return self._running

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy calls this before it starts (and logs its banner): the place to refuse at once."""
        super().process_options(args, opts)
        try:
            self._lock = self._prepare(opts.spargs)
        except OcopWatchError as error:
            print(f"scrapy crawl: error: {error}", file=sys.stderr)
            sys.exit(error.exit_code)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            super().run(args, opts)
        finally:
            if self._lock is not None:
                self._lock.release()
        if self.exitcode == 0 and self._running is not None and self._running.stats is not None:
            failed = self._running.stats.get_value(FAILED_SITES_STAT) or []
            if failed:
                print(f"ocop-watch: no usable response from: {', '.join(failed)}", file=sys.stderr)
                self.exitcode = ExitCode.PARTLY_FAILED

    def _prepare(self, spargs: dict[str, str]) -> CrawlLock:
        """Everything that can be refused before the first request; returns the held crawl lock."""
        assert self.settings is not None
        problem = self.settings.get("OCOP_SETTINGS_ERROR")
        if problem:
            raise ConfigurationError(problem)
        sites_to_crawl(spargs.get("site"), spargs.get("base_url"), spargs.get("registry"))
        parse_since(spargs.get("since"))
        archive = Path(self.settings.get("OCOP_ARCHIVE"))
        lock = CrawlLock(archive)
        lock.acquire()
        try:
            _check_writable(archive)
        except BaseException:
            lock.release()
            raise
        return lock


def _check_writable(path: Path) -> None:
    """Opens (creating if new) the archive and starts a write that is rolled back: a read-only file
    or folder shows here, not as 'unable to open database file' from every pipeline call."""
    with Archive(path) as archive:
        try:
            archive.conn.execute("BEGIN IMMEDIATE")
            archive.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('write_check', '')")
            archive.conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise ArchiveUnavailable(
                f"cannot write to the archive {path}: {exc} (check the permissions of the file and its"
                " folder)"
            ) from exc
