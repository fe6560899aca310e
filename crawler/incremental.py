"""What makes a scheduled run cheap and a killed run safe to restart.

The archive is the seen-set: an article URL that the archive knows (from `fetch_cache` or by its
id) is not fetched again from a listing, and a listing stops paginating at the first page that
brings nothing fresh. "Fresh" can only be judged once the page's articles have been fetched and
archived, so each listing page waits for its articles before its next page is requested
(`ListingTracker`). Nothing of this lives only in memory across runs: after SIGKILL the archive
still holds every article that was archived, the unfinished `crawl_runs` row shows the run was
cut short, and the next run of that site paginates past archived pages instead of stopping at
them (`CrawlState.resuming`), so no article behind them is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from indexer.archive import Archive
from indexer.errors import InvalidArgument, NotFound
from indexer.schema import VIETNAM_TZ, article_id_for

logger = logging.getLogger(__name__)


def parse_since(value: str | None) -> datetime | None:
    """`-a since=YYYY-MM-DD` as the start of that day in Vietnam, or None."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InvalidArgument(f"since must be a date YYYY-MM-DD, not {value!r}") from exc
    return datetime.combine(day, time.min, VIETNAM_TZ)


def header(headers: dict[str, str], name: str) -> str | None:
    """A response header by case-insensitive name (Scrapy spells ETag as "Etag")."""
    lowered = name.lower()
    return next((value for key, value in headers.items() if key.lower() == lowered and value), None)


@dataclass(frozen=True)
class Seen:
    """What the archive remembers of a URL."""

    fetched: datetime | None  # last successful fetch; None if only the article id is known
    article_id: str | None
    etag: str | None = None
    last_modified: str | None = None


class CrawlState:
    """The spider's view of the archive: seen URLs, validators for conditional GET, resumption."""

    def __init__(self, archive: Archive, since: datetime | None = None):
        self.archive = archive
        self.since = since
        self.resuming: set[str] = set()

    def close(self) -> None:
        self.archive.close()

    def seen(self, url: str) -> Seen | None:
        row = self.archive.cached_fetch(url)
        if row is not None:
            return Seen(
                datetime.fromtimestamp(row["fetched_ts"], UTC),
                row["article_id"],
                row["etag"],
                row["last_modified"],
            )
        article_id = article_id_for(url)
        if self.archive.has_article(article_id):
            return Seen(None, article_id)
        return None

    def validators(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since headers for a revisit, from the last 200 response."""
        row = self.archive.cached_fetch(url)
        headers = {}
        if row is not None and row["etag"]:
            headers["If-None-Match"] = row["etag"]
        if row is not None and row["last_modified"]:
            headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def remember(self, url: str, headers: dict[str, str], article_id: str | None = None) -> None:
        self.archive.remember_fetch(
            url, article_id, header(headers, "ETag"), header(headers, "Last-Modified")
        )

    def too_old(self, moment: datetime | None) -> bool:
        return self.since is not None and moment is not None and moment < self.since

    def archived_too_old(self, seen: Seen) -> bool:
        """Whether an archived article was published before `since` (resume mode needs this)."""
        if self.since is None or not seen.article_id:
            return False
        try:
            return self.too_old(self.archive.get(seen.article_id).published)
        except NotFound:
            return False

    def changed_since_fetch(self, seen: Seen, moment: datetime | None) -> bool:
        """A feed or sitemap date later than our last fetch means the page may have changed."""
        if moment is None or seen.fetched is None:
            return False
        return moment > seen.fetched + timedelta(seconds=1)

    def detect_interrupted(self, site: str) -> bool:
        """Whether this site's last run left work undone: it was cut short (killed, or stopped
        early; those runs are marked 'resumed'), or one of its listings did not complete (a page or
        an article failed in a way a later run can repair). This run then paginates past archived
        pages to finish that work, since listing pages bring nothing fresh until it reaches it."""
        runs = self.archive.unfinished_runs(site)
        for run in runs:
            self.archive.finish_run(run.run_id, "resumed", run.stats)
        if runs:
            logger.warning(
                "%s: the previous run (#%s) did not finish; paginating past archived pages to resume it",
                site,
                runs[-1].run_id,
            )
        elif self._listings_left_incomplete(site):
            logger.warning(
                "%s: a listing of the previous run did not complete; paginating past archived pages", site
            )
        else:
            return False
        self.resuming.add(site)
        return True

    def _listings_left_incomplete(self, site: str) -> bool:
        last = next((run for run in self.archive.last_runs() if run.site == site), None)
        stats = last.stats if last else {}
        return int(stats.get("listing_roots", 0)) > int(stats.get("listings_complete", 0))


@dataclass
class PendingPage:
    """A container (a listing page, a feed, a sitemap or sitemap index) whose children are still
    being fetched. Its validators are remembered only once every child is done without a failure
    a later run could repair, so a failure below it is never hidden behind a 304 of the container.

    A listing page's children are its articles and then its next page; a feed's or sitemap's, its
    articles; a sitemap index's, its child sitemaps. `key` is the URL the container was requested
    under, which is also what its own parent waits on.
    """

    site: str
    key: str
    next_request: Any  # scrapy.Request | None (listings), kept untyped so this module needs no Scrapy
    waiting: set[str]
    fresh: int = 0
    failed: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    next_decided: bool = False  # a listing page decides about its next page once, after its articles
    root: tuple[str, str, int] | None = None  # (site, group, index) of a listing's page 1


class ListingTracker:
    """Counts containers' children in and out, and returns the containers that are complete.

    A child that settled before its container asked for it (a sitemap listed twice, a request the
    duplicate filter dropped) is remembered, so waiting on it later counts it at once.
    """

    def __init__(self) -> None:
        self._waiting_on: dict[str, list[PendingPage]] = {}
        self._settled: dict[str, tuple[bool, bool]] = {}  # key -> (fresh, failed)

    def wait(self, page: PendingPage, keys: set[str] | None = None) -> None:
        """Make `page` wait for `keys` (default: its whole `waiting` set)."""
        for key in list(page.waiting if keys is None else keys):
            page.waiting.add(key)
            if key in self._settled:
                fresh, failed = self._settled[key]
                page.waiting.discard(key)
                page.fresh += fresh
                page.failed += failed
            else:
                self._waiting_on.setdefault(key, []).append(page)

    def settle(self, key: str, *, fresh: bool, failed: bool = False) -> list[PendingPage]:
        self._settled[key] = (fresh, failed)
        done = []
        for page in self._waiting_on.pop(key, []):
            page.waiting.discard(key)
            page.fresh += fresh
            page.failed += failed
            if not page.waiting:
                done.append(page)
        return done

    def __len__(self) -> int:
        return len(self._waiting_on)
