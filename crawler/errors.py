"""Why a request failed, in the few kinds an operator acts on differently.

The per-site report counts errors by kind: 4xx means a pattern or URL in the registry is wrong,
5xx and timeouts mean the site is struggling (back off, try later), robots means the outlet does
not want us there, dns/connection means the host is unreachable from this machine.
"""

from __future__ import annotations

import scrapy.exceptions
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer
from twisted.internet.error import (
    ConnectError,
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.middlewares import OffsiteRedirect

ERROR_KINDS = (
    "http_4xx",
    "http_5xx",
    "timeout",
    "dns",
    "connection",
    "robots",
    "offsite",
    "offsite_redirect",
    "too_large",
    "extraction",
    "not_html",
    "unreadable_feed",
    "unreadable_sitemap",
    "pipeline",
    "other",
)


def _scrapy(*names: str) -> tuple[type[BaseException], ...]:
    """Scrapy's own download exceptions (2.13+ names), where this Scrapy has them."""
    return tuple(getattr(scrapy.exceptions, name) for name in names if hasattr(scrapy.exceptions, name))


_TIMEOUT = (TimeoutError, TCPTimedOutError, defer.TimeoutError, *_scrapy("DownloadTimeoutError"))
_DNS = (DNSLookupError, *_scrapy("CannotResolveHostError"))
_TOO_LARGE = (defer.CancelledError, *_scrapy("DownloadCancelledError"))
_CONNECTION = (
    ConnectionRefusedError,
    ConnectError,
    ConnectionLost,
    ResponseFailed,
    ResponseNeverReceived,
    *_scrapy("DownloadConnectionRefusedError", "DownloadFailedError", "ResponseDataLossError"),
)


# Kinds a later run can repair (the server or this machine had a bad moment); the others (4xx,
# robots.txt, offsite, too large, not an article) would fail the same way next time.
_TRANSIENT_KINDS = frozenset({"http_5xx", "timeout", "dns", "connection", "other"})
_TRANSIENT_4XX = frozenset({408, 429})


def is_transient(failure: Failure) -> bool:
    """Whether the next run should try again: such a failure keeps the containers above it (listing
    pages, feeds, sitemaps) unremembered, so their 304 cannot hide what was not fetched."""
    kind = classify_failure(failure)
    if kind == "http_4xx":
        return http_status(failure) in _TRANSIENT_4XX
    return kind in _TRANSIENT_KINDS


def http_status(failure: Failure) -> int | None:
    """The status of the answer a request failed on (HttpError), else None."""
    error = failure.value
    return error.response.status if isinstance(error, HttpError) else None


def classify_failure(failure: Failure) -> str:
    status = http_status(failure)
    if status is not None:
        return "http_4xx" if 400 <= status < 500 else "http_5xx" if status >= 500 else "other"
    if failure.check(OffsiteRedirect):
        return "offsite_redirect"
    if failure.check(IgnoreRequest):
        message = str(failure.value).lower()
        if "robots.txt" in message:
            return "robots"
        return "offsite" if "offsite" in message else "other"
    if failure.check(*_TIMEOUT):
        return "timeout"
    if failure.check(*_DNS):
        return "dns"
    if failure.check(*_TOO_LARGE):
        return "too_large"  # Scrapy cancels a download that passes DOWNLOAD_MAXSIZE
    if failure.check(*_CONNECTION):
        return "connection"
    return "other"
