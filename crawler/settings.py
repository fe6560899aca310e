"""Scrapy settings: polite by default. Operators override with `-s NAME=VALUE` or OCOP_* variables."""

import os

BOT_NAME = "ocop-watch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

CONTACT_URL = os.environ.get("OCOP_CONTACT_URL", "https://github.com/ocop-watch/ocop-watch")
USER_AGENT = os.environ.get(
    "OCOP_USER_AGENT", f"ocop-watch/0.1 (+{CONTACT_URL}; research crawler for OCOP news coverage)"
)

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # the floor; each site's registry entry may raise (or, for local mirrors, lower) it
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # news pages are < 1 MB; anything far bigger is not an article
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

OCOP_ARCHIVE = os.environ.get("OCOP_ARCHIVE", "data/archive.sqlite")

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("OCOP_LOG_LEVEL", "INFO")
