"""One generic spider for every outlet in the registry: it discovers article URLs and fetches them.

Discovery (tag/topic pages with pagination, site search, RSS, sitemaps) is driven by each site's
TOML file. The spider only decides what to follow and what to skip; extraction, enrichment and
archiving happen in the pipeline, the per-site report in `crawler.report`.

    scrapy crawl news -a site=vnexpress.net             # one site (comma-separate several)
    scrapy crawl news                                   # every enabled site
    scrapy crawl news -a site=sample -a base_url=http://127.0.0.1:8765/
    scrapy crawl news -a registry=DIR -a since=2025-01-01

Incremental by design (see `crawler.incremental`): article URLs the archive already holds are not
fetched again, a listing stops at the first page that brings nothing fresh, feed and sitemap
entries older than `since` or unchanged since our last fetch are skipped, and revisits carry
If-None-Match / If-Modified-Since.

Without loss: a container (listing page, feed, sitemap, sitemap index) records its validators only
once everything under it was processed without a failure a later run can repair (`PendingPage`),
so a 503 or a full disk below it is retried by the next run instead of hidden behind a 304.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from twisted.python.failure import Failure

from crawler.errors import classify_failure, http_status, is_transient
from crawler.feeds import Entry, FeedError, parse_feed, parse_sitemap
from crawler.incremental import CrawlState, ListingTracker, PendingPage, header, parse_since
from crawler.items import PageItem
from crawler.sites import Listing, SiteConfig, sites_to_crawl
from crawler.urls import canonicalize_url, joined_url
from indexer.archive import Archive

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


def response_headers(response: Response) -> dict[str, str]:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        site: str | None = None,
        base_url: str | None = None,
        registry: str | None = None,
        since: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        sites = sites_to_crawl(site, base_url, registry)
        self.sites: dict[str, SiteConfig] = {s.key: s for s in sites}
        self.allowed_domains = sorted({d for s in sites for d in s.domains})
        self.since = parse_since(since)
        self.tracker = ListingTracker()
        self._requested: set[str] = set()  # article URLs already requested in this run
        self.state: CrawlState

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.state = CrawlState(Archive(crawler.settings.get("OCOP_ARCHIVE")), spider.since)
        for key in spider.sites:
            spider.state.detect_interrupted(key)
        configure_download_slots(crawler.settings, spider.sites.values())
        crawler.signals.connect(spider._item_scraped, signals.item_scraped)
        crawler.signals.connect(spider._item_dropped, signals.item_dropped)
        crawler.signals.connect(spider._item_error, signals.item_error)
        return spider

    def closed(self, reason: str) -> None:
        self.state.close()

    def _count(self, site: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"ocop/{site}/{key}", n)

    # --- entry points ----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site in self.sites.values():
            for group in ("listings", "search"):
                for index, listing in enumerate(getattr(site.discovery, group)):
                    self._count(site.key, "listing_roots")  # completed ones count `listings_complete`
                    yield self._listing_request(site, group, index, listing.first_page, 1)
            for url in site.discovery.rss:
                yield self._document_request(site, site.absolute(url), "rss", self.parse_feed)
            for url in site.discovery.sitemaps:
                yield self._document_request(site, site.absolute(url), "sitemap", self.parse_sitemap)

    def _conditional(self, site: SiteConfig, url: str) -> dict[str, str]:
        # A resumed run must re-read listings it already saw: a 304 would stop it at page 1.
        return {} if site.key in self.state.resuming else self.state.validators(url)

    def _listing_request(
        self, site: SiteConfig, group: str, index: int, url: str, page: int
    ) -> scrapy.Request:
        url = site.absolute(url)
        return scrapy.Request(
            url,
            self.parse_listing,
            errback=self.on_error,
            headers=self._conditional(site, url),
            meta={
                "site": site.key,
                "kind": "search" if group == "search" else "listing",
                "listing": (group, index),
                "page": page,
                "discovered_url": url,  # the container's key: its validators, its parent's wait
                "handle_httpstatus_list": [304],
            },
        )

    def _document_request(self, site: SiteConfig, url: str, kind: str, callback: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback,
            errback=self.on_error,
            headers=self._conditional(site, url),
            meta={"site": site.key, "kind": kind, "discovered_url": url, "handle_httpstatus_list": [304]},
        )

    def _article_request(
        self, site: SiteConfig, url: str, source: str, revisit: bool = False
    ) -> scrapy.Request:
        self._requested.add(url)
        self._count(site.key, "article_requests")
        return scrapy.Request(
            url,
            self.parse_article,
            errback=self.on_error,
            headers=self.state.validators(url) if revisit else {},
            dont_filter=True,  # this spider keeps its own seen-set; a silently filtered request
            # would leave its listing page waiting forever
            meta={
                "site": site.key,
                "kind": "article",
                "source": source,
                "discovered_url": url,
                "handle_httpstatus_list": [304],
            },
        )

    # --- listings and search pages ---------------------------------------------------------------

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        key = response.meta["discovered_url"]
        group, index = response.meta["listing"]
        root = (site.key, group, index) if response.meta["page"] == 1 else None
        if response.status == 304:
            # Validators are stored only for a page whose whole chain completed: nothing new below it.
            self._count(site.key, "listing_not_modified")
            self._finished_root(root)
            yield from self._settle(key, fresh=False)
            return
        links = []
        base = response.urljoin("")  # the page's address, or its <base href>
        for href in response.css("a::attr(href)").getall():
            joined = joined_url(base, href)
            url = canonicalize_url(joined) if joined else ""
            if url and site.is_article_url(url) and url not in links:
                links.append(url)
        page = PendingPage(
            site.key,
            key,
            self._next_page(response, site, bool(links)),
            set(),
            headers=response_headers(response),
            root=root,
        )
        requests = []
        for url in links:
            if url in self._requested:
                page.fresh += 1  # new in this run, already fetched or on its way from a feed or page
                continue
            seen = self.state.seen(url)
            if seen is None:
                page.waiting.add(url)
                requests.append(self._article_request(site, url, response.meta["kind"]))
                continue
            self._count(site.key, "skipped_known")
            if site.key in self.state.resuming and not self.state.archived_too_old(seen):
                page.fresh += 1
        self.tracker.wait(page)
        yield from requests
        if not page.waiting:
            yield from self._complete(page)

    def _next_page(self, response: Response, site: SiteConfig, found: bool) -> scrapy.Request | None:
        group, index = response.meta["listing"]
        listing: Listing = getattr(site.discovery, group)[index]
        page = response.meta["page"]
        if not found or page >= (listing.max_pages or site.discovery.max_pages):
            return None
        if listing.template:
            url = site.absolute(listing.template.format(page=page + 1))
        else:
            href = response.css("link[rel=next]::attr(href), a[rel=next]::attr(href)").get()
            if not href:
                return None
            url = joined_url(response.urljoin(""), href) or ""
        if not url or not site.owns(url) or canonicalize_url(url) == canonicalize_url(response.url):
            return None
        return self._listing_request(site, group, index, url, page + 1)

    def _complete(self, page: PendingPage) -> list[scrapy.Request]:
        """Everything a container waited for is in. A listing page first decides about its next page
        (requested only if this page brought something fresh) and then waits for it too; once
        nothing is left, the container's validators are remembered if nothing failed below it,
        and its parent (the previous listing page, the sitemap index) is told."""
        if page.next_request is not None and not page.next_decided:
            page.next_decided = True
            if page.fresh:
                following = page.next_request
                self.tracker.wait(page, {following.meta["discovered_url"]})
                if page.waiting:
                    return [following]
            else:
                self._count(page.site, "listings_stopped_at_archived")
                self.logger.info("%s: nothing fresh on %s, not paginating further", page.site, page.key)
        if page.failed == 0:
            if page.headers:
                self.state.remember(page.key, page.headers)
            self._finished_root(page.root)
        else:
            self.logger.info(
                "%s: %s is remembered only once what failed below it is fetched", page.site, page.key
            )
        return self._settle(page.key, fresh=False, failed=page.failed > 0)

    def _finished_root(self, root: tuple[str, str, int] | None) -> None:
        """A listing's chain of pages completed with nothing left to repair."""
        if root is not None:
            self._count(root[0], "listings_complete")

    def _settle(self, key: str | None, *, fresh: bool, failed: bool = False) -> list[scrapy.Request]:
        """A child (an article, a page, a sitemap) is done: complete the containers that waited for it.
        Returns the requests they make (a next page); callbacks yield them, signal handlers crawl them."""
        if not key:
            return []
        requests = []
        for page in self.tracker.settle(key, fresh=fresh, failed=failed):
            requests.extend(self._complete(page))
        return requests

    def _settle_and_crawl(self, key: str | None, *, fresh: bool, failed: bool = False) -> None:
        for request in self._settle(key, fresh=fresh, failed=failed):
            self.crawler.engine.crawl(request)

    # --- feeds and sitemaps ----------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        key = response.meta["discovered_url"]
        if response.status == 304:
            self._count(site.key, "feed_not_modified")
            yield from self._settle(key, fresh=False)
            return
        try:
            entries = parse_feed(response.body)
        except FeedError as exc:
            self._count(site.key, "errors/unreadable_feed")
            self.logger.warning("%s: unreadable feed %s: %s", site.key, response.url, exc)
            yield from self._settle(key, fresh=False, failed=True)
            return
        yield from self._follow_entries(site, response, entries, "rss")

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        key = response.meta["discovered_url"]
        if response.status == 304:
            self._count(site.key, "sitemap_not_modified")
            yield from self._settle(key, fresh=False)
            return
        try:
            doc = parse_sitemap(response.body)
        except FeedError as exc:
            self._count(site.key, "errors/unreadable_sitemap")
            self.logger.warning("%s: unreadable sitemap %s: %s", site.key, response.url, exc)
            yield from self._settle(key, fresh=False, failed=True)
            return
        if not doc.is_index:
            yield from self._follow_entries(site, response, doc.entries, "sitemap")
            return
        # A sitemap index is remembered only once each child sitemap it led to was read whole.
        index = PendingPage(site.key, key, None, set(), headers=response_headers(response))
        requests = []
        newest_first = sorted(doc.entries, key=lambda e: e.date.timestamp() if e.date else 0, reverse=True)
        for entry in newest_first[: site.discovery.sitemap_limit]:
            url = joined_url(response.url, entry.url)
            if url is None:
                continue
            seen = self.state.seen(url)
            if not site.owns(url) or self.state.too_old(entry.date):
                self._count(site.key, "skipped_old")
            elif (
                seen is not None
                and entry.date is not None
                and not self.state.changed_since_fetch(seen, entry.date)
            ):
                self._count(site.key, "sitemaps_unchanged")
            else:
                index.waiting.add(url)
                requests.append(self._document_request(site, url, "sitemap", self.parse_sitemap))
        self.tracker.wait(index)
        yield from requests
        if not index.waiting:
            yield from self._complete(index)

    def _follow_entries(
        self, site: SiteConfig, response: Response, entries: list[Entry], source: str
    ) -> Iterator[scrapy.Request]:
        """Fetch entries that are new, or whose feed/sitemap date says they changed since we
        fetched them; remember the document's validators only once all of them were handled."""
        key = response.meta["discovered_url"]
        page = PendingPage(site.key, key, None, set(), headers=response_headers(response))
        requests = []
        for entry in entries:
            joined = joined_url(response.url, entry.url)
            url = canonicalize_url(joined) if joined else ""
            if not url or url in self._requested:
                continue
            if not site.is_article_url(url) or not site.passes_link_filter(url):
                continue
            if self.state.too_old(entry.date):
                self._count(site.key, "skipped_old")
                continue
            seen = self.state.seen(url)
            if seen is not None and not self.state.changed_since_fetch(seen, entry.date):
                self._count(site.key, "skipped_known")
                continue
            page.waiting.add(url)
            requests.append(self._article_request(site, url, source, revisit=seen is not None))
        self.tracker.wait(page)
        yield from requests
        if not page.waiting:
            yield from self._complete(page)

    # --- articles ----------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        site_key = response.meta["site"]
        key = response.meta["discovered_url"]
        if response.status == 304:
            self._count(site_key, "not_modified")
            seen = self.state.seen(key)
            headers = response_headers(response)
            validators = {
                "ETag": header(headers, "ETag") or (seen.etag if seen else None),
                "Last-Modified": header(headers, "Last-Modified") or (seen.last_modified if seen else None),
            }
            self.state.remember(
                key, {k: v for k, v in validators.items() if v}, seen.article_id if seen else None
            )
            self._settle_and_crawl(key, fresh=False)
            return
        content_type = (response.headers.get("Content-Type") or b"text/html").lower()
        if not content_type.startswith(HTML_TYPES):
            self._count(site_key, "errors/not_html")
            self._settle_and_crawl(key, fresh=False)  # not an article, and no later run will change that
            return
        yield PageItem(
            site=site_key,
            url=response.url,
            status=response.status,
            headers=response_headers(response),
            body=response.body,
            fetched_ts=time.time(),
            source=response.meta.get("source", ""),
            discovered_url=key,
        )

    def _item_scraped(self, item: Any, **_: Any) -> None:
        if isinstance(item, PageItem):
            fresh = item.outcome == "new" and not self.state.too_old(item.published)
            if item.outcome == "new" and not fresh:
                self._count(item.site, "new_but_too_old")
            self._settle_and_crawl(item.discovered_url, fresh=fresh)

    def _item_dropped(self, item: Any, **_: Any) -> None:
        if isinstance(item, PageItem):  # not readable as an article: remembered as such, not retried
            self._settle_and_crawl(item.discovered_url, fresh=False)

    def _item_error(self, item: Any, failure: Failure, **_: Any) -> None:
        if isinstance(item, PageItem):  # not stored (a full disk, a locked archive): the next run retries
            self._count(item.site, "errors/pipeline")
            self.logger.error("%s: archiving %s failed: %s", item.site, item.url, failure.getErrorMessage())
            self._settle_and_crawl(item.discovered_url, fresh=False, failed=True)

    # --- errors --------------------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]
        site = request.meta.get("site", "?")
        key = request.meta.get("discovered_url")
        kind = classify_failure(failure)
        if kind == "http_4xx" and request.meta.get("page", 1) > 1 and http_status(failure) in (404, 410):
            # A template paginates blindly: page N+1 not existing is how a listing ends.
            self._count(site, "listing_ended")
            yield from self._settle(key, fresh=False)
            return
        self._count(site, f"errors/{kind}")
        self._count(site, f"failed/{request.meta.get('kind', 'other')}")
        self.logger.warning("%s: %s on %s: %s", site, kind, request.url, failure.getErrorMessage()[:200])
        transient = is_transient(failure)
        if not transient and request.meta.get("page") == 1:
            # A listing whose first page is gone (404, robots.txt) has nothing a later run could
            # repair: it must not send every later run paginating deep through the other listings.
            self._finished_root((site, *request.meta["listing"]))
        # A failure a later run can repair keeps every container above it unremembered.
        yield from self._settle(key, fresh=False, failed=transient)


def configure_download_slots(settings: BaseSettings, sites: Iterable[SiteConfig]) -> None:
    """Per-host concurrency and delay floor from the registry (Scrapy's DOWNLOAD_SLOTS).

    Slots an operator set with -s DOWNLOAD_SLOTS=... win; OCOP_DELAY_FLOORS keeps each site's
    floor for `crawler.extensions.DelayFloor`, which stops AutoThrottle going below it.
    """
    slots: dict[str, dict[str, Any]] = {}
    for site in sites:
        for host in site.hosts:
            # No jitter: Scrapy's default ±50% would take the delay below the site's floor.
            polite = site.politeness
            slots[host] = {"concurrency": polite.concurrency, "delay": polite.delay, "jitter": 0}
    slots.update(settings.getdict("DOWNLOAD_SLOTS"))
    priority = max(settings.getpriority("DOWNLOAD_SLOTS") or 0, SETTINGS_PRIORITIES["spider"])
    settings.set("DOWNLOAD_SLOTS", slots, priority=priority)
    settings.set("OCOP_DELAY_FLOORS", {h: s.get("delay", 0.0) for h, s in slots.items()}, priority=priority)
