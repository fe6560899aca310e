"""How much heavy work one API worker accepts at once, so one client cannot take the server's memory.

An export streams a whole result set and holds a Parquet row group in memory; sixteen at once took
a worker past 1 GiB. `ExportSlots` lets `max_exports` run per worker process and answers the next
one at once with a 429 and Retry-After, rather than queueing it behind the others.
"""

from __future__ import annotations

import threading

from search_api.errors import TooManyRequests

RETRY_EXPORT_SECONDS = 30  # an export of a few thousand rows takes seconds; a whole archive, minutes


class ExportSlots:
    def __init__(self, limit: int):
        self.limit = limit
        self._free = threading.BoundedSemaphore(limit)

    def take(self) -> None:
        """Reserve a slot or raise TooManyRequests (a 429); release it with `give_back` exactly once."""
        if not self._free.acquire(blocking=False):
            raise TooManyRequests(
                f"{self.limit} export(s) are already running on this server process; retry in"
                f" {RETRY_EXPORT_SECONDS} s",
                RETRY_EXPORT_SECONDS,
            )

    def give_back(self) -> None:
        self._free.release()
