"""Scrapy settings: polite by default. Operators override with `-s NAME=VALUE` or OCOP_* variables.

Per-site concurrency and delay floors come from the registry (the spider turns them into
DOWNLOAD_SLOTS); the values here are the defaults and the ceilings. The OCOP_* values come from
`indexer.settings.Settings`, like every other part's (so `.env` counts here too). docs/operators.md
explains each knob.
"""

from indexer.errors import ConfigurationError
from indexer.settings import Settings, load_settings

try:
    _ocop = load_settings()
    OCOP_SETTINGS_ERROR = ""
except ConfigurationError as error:  # reported as one line by the `crawl` command, before it starts
    _ocop = Settings.model_construct()
    OCOP_SETTINGS_ERROR = str(error)

BOT_NAME = "ocop-watch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"  # `scrapy crawl` with an exit code that reports failed sites

# Who we are: outlets' administrators can read this in their logs and reach us (OCOP_CONTACT_URL).
USER_AGENT = _ocop.crawler_user_agent

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16  # across all sites; one site never gets more than its slot allows
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # global floor; each site's registry entry sets its own (usually higher) floor
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
OCOP_RETRY_BACKOFF = _ocop.retry_backoff  # seconds; doubled per retry
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # news pages are < 1 MB; anything far bigger is not an article
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SiteBoundary": 40,  # before Scrapy's offsite filter (50) and robots.txt (100)
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
EXTENSIONS = {
    "crawler.report.CrawlReport": 100,
    "crawler.extensions.DelayFloor": 200,  # after AutoThrottle (0): lifts its delay back to the floor
}
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}

OCOP_ARCHIVE = str(_ocop.archive)

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = _ocop.log_level
