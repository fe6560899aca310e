"""Retries that back off: a server answering 5xx/429 or timing out is asked less often.

Scrapy's RetryMiddleware re-queues a failed request at once. This subclass also widens the delay
of the site's download slot on every retry (doubling it, from OCOP_RETRY_BACKOFF seconds up to
AUTOTHROTTLE_MAX_DELAY), and honours a numeric Retry-After header. The slot delay is per site,
so one struggling outlet slows down without holding up the others; AutoThrottle (when on) brings
the delay back down once responses are healthy again.
"""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.base = crawler.settings.getfloat("OCOP_RETRY_BACKOFF", 2.0)
        middleware.ceiling = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0)
        return middleware

    def process_response(self, request: Request, response: Response) -> Request | Response:
        retry_after = response.headers.get("Retry-After", b"").decode("latin-1").strip()
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
