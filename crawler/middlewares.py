"""Downloader middlewares: a site's crawl stays on the site, and retries back off.

`SiteBoundary` refuses, before it is sent, any request of a site's crawl whose host is not one of
the site's domains. Scrapy's own offsite filter lets through requests marked `dont_filter` (ours
for articles, because the spider keeps its own seen-set) and the redirects they lead to, so an
article answering 302 to another host was fetched and archived under the outlet's name. Here the
redirect target is checked whatever the request's flags: it is counted as `offsite_redirect` in
the run report and nothing is requested from that host, not even its robots.txt.

Scrapy's RetryMiddleware re-queues a failed request at once. This subclass also widens the delay
of the site's download slot on every retry (doubling it, from OCOP_RETRY_BACKOFF seconds up to
AUTOTHROTTLE_MAX_DELAY), and honours a numeric Retry-After header. The slot delay is per site,
so one struggling outlet slows down without holding up the others; AutoThrottle (when on) brings
the delay back down once responses are healthy again.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class OffsiteRedirect(IgnoreRequest):
    """A request of a site's crawl (a redirect, in practice) points outside the site's domains."""


class SiteBoundary:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteBoundary:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        key = request.meta.get("site")
        sites = getattr(self.crawler.spider, "sites", {})
        site = sites.get(key) if key is not None else None
        if site is None or site.owns(request.url):
            return
        origin = (request.meta.get("redirect_urls") or [request.url])[0]
        host = urlsplit(request.url).hostname
        logger.warning("%s: %s redirects off the site to %s: not followed", key, origin, request.url)
        raise OffsiteRedirect(f"{origin} redirects to another host ({host}), outside the site's domains")


class BackoffRetryMiddleware(RetryMiddleware):
    base: float = 2.0  # OCOP_RETRY_BACKOFF: the least delay after a retry, in seconds
    ceiling: float = 60.0  # AUTOTHROTTLE_MAX_DELAY: backing off never goes past it

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.base = crawler.settings.getfloat("OCOP_RETRY_BACKOFF", 2.0)
        middleware.ceiling = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0)
        return middleware

    # Without Scrapy's deprecated `spider` argument, which it no longer passes (2.13+): a method that
    # takes it would be called the deprecated way.
    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        retry_after = (response.headers.get("Retry-After") or b"").decode("latin-1").strip()
        if response.status in self.retry_http_codes and retry_after.isdigit():
            request.meta["ocop_retry_after"] = float(retry_after)
        return super().process_response(request, response)

    def _retry(self, request: Request, reason: object) -> Request | None:
        retry = super()._retry(request, reason)  # type: ignore[arg-type]
        if retry is not None:
            self._back_off(request)
        return retry

    def _back_off(self, request: Request) -> None:
        key = request.meta.get("download_slot")
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        if slot is None:
            return
        wanted = max(slot.delay * 2, self.base, float(request.meta.get("ocop_retry_after", 0)))
        slot.delay = min(wanted, max(self.ceiling, slot.delay))
        if self.base:
            logger.info("backing off %s: %.1f s between requests", key, slot.delay)
