"""Politeness the stock extensions do not give: a per-site delay floor under AutoThrottle.

AutoThrottle lowers a slot's delay towards the server's latency, bounded below only by the global
DOWNLOAD_DELAY. Each outlet's registry entry sets its own floor (`politeness.delay`, copied into
OCOP_DELAY_FLOORS by the spider); this extension runs after AutoThrottle on every response and
lifts the slot's delay back to that floor.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request


class DelayFloor:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DelayFloor:
        extension = cls(crawler)
        crawler.signals.connect(extension.response_downloaded, signals.response_downloaded)
        return extension

    def response_downloaded(self, request: Request, **_: Any) -> None:
        key = request.meta.get("download_slot")
        floor = self.crawler.settings.getdict("OCOP_DELAY_FLOORS").get(key)
        slot = self.crawler.engine.downloader.slots.get(key) if key is not None else None
        if slot is not None and floor is not None and slot.delay < float(floor):
            slot.delay = float(floor)
