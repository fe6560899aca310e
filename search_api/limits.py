"""How much work one API worker accepts at once, so one client cannot stall or starve the others.

- `ExportSlots`: an export streams a whole result set and holds a Parquet row group in memory;
  sixteen at once took a worker past 1 GiB. `max_exports` run per worker process; the next one is
  answered at once with a 429 and Retry-After, rather than queued behind the others.
- `ClientLimit`: one client (one address) may have `max_client_requests` searches, timelines or
  exports in progress per worker (reading one article is cheap and not counted: its page asks for
  the article, its citation and its marked text at once); more get a 429 and Retry-After at once.
  Forty parallel
  deep pages from one script then cost the server a few requests' worth of CPU, not forty, and
  everyone else's searches keep their pace. Behind a reverse proxy, run uvicorn with
  `--forwarded-allow-ips` so that the address is the client's, not the proxy's.
"""

from __future__ import annotations

import threading
from collections import Counter

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from search_api.errors import TooManyRequests

RETRY_EXPORT_SECONDS = 30  # an export of a few thousand rows takes seconds; a whole archive, minutes
RETRY_CLIENT_SECONDS = 1  # a search takes well under a second: try again as soon as one is answered
LIMITED_PATHS = (
    "/search",
    "/timeline",
    "/export",
    "/terms",
    "/claims",
)  # the requests whose cost grows with the archive


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


class ClientLimit:
    """ASGI middleware: at most `per_client` limited requests of one client address in progress."""

    def __init__(self, app: ASGIApp, per_client: int):
        self.app = app
        self.per_client = per_client
        self._active: Counter[str] = Counter()  # only touched on the event loop: no lock needed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.per_client or not scope["path"].startswith(LIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        if self._active[client] >= self.per_client:
            message = (
                f"too many requests from your address at once (at most {self.per_client} in progress per"
                " server process): wait for an answer before sending the next request"
            )
            response = JSONResponse(
                {"error": message}, status_code=429, headers={"Retry-After": str(RETRY_CLIENT_SECONDS)}
            )
            await response(scope, receive, send)
            return
        self._active[client] += 1
        try:
            await self.app(scope, receive, send)  # returns once the whole response, streams too, is sent
        finally:
            self._active[client] -= 1
            if not self._active[client]:
                del self._active[client]
