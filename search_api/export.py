"""GET /export: a search's whole result set as a CSV, JSONL or Parquet download, streamed.

The search is parsed by the same `search_request` dependency as /search; the work is
`indexer.export.Export`. This module only adds HTTP: every parameter is checked before the first
byte (a 400, not a broken 200), at most `max_exports` run at once per worker (then a 429 with
Retry-After), the stream stops when the client leaves, and a failure half-way is logged with the
request and cuts the connection, so the client sees an incomplete transfer, never a short file
that looks whole.

An export is the one request that is heavy by nature (every row parsed, converted and encoded),
so its work runs in a thread of its own at a lower CPU priority (`nice` +10, per thread on
Linux): when a search and an export both want the CPU, the search gets it, and the export takes
what is left.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import weakref
from collections.abc import AsyncIterator, Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

import anyio
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from indexer.engines import SearchIndex
from indexer.export import FORMATS, MAX_LIMIT, Export
from indexer.query import SearchRequest
from search_api.dependencies import get_index, search_request
from search_api.errors import responses

router = APIRouter(tags=["export"])
logger = logging.getLogger(__name__)
T = TypeVar("T")
EXPORT_NICENESS = 10  # added to the server's own niceness for an export's thread (at most 19)


def _lower_priority() -> None:
    """Runs first in an export's thread. Linux keeps a niceness per thread, so only this thread
    yields; elsewhere `setpriority` would slow the whole server, so it is left alone."""
    if sys.platform.startswith("linux"):
        os.setpriority(os.PRIO_PROCESS, 0, min(19, os.getpriority(os.PRIO_PROCESS, 0) + EXPORT_NICENESS))


class _Once:
    """Calls `action` the first time it is called, never again."""

    def __init__(self, action: Callable[[], None]):
        self._action: Callable[[], None] | None = action

    def __call__(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


async def _body(
    request: Request, chunks: Generator[bytes, None, None], release: _Once
) -> AsyncIterator[bytes]:
    """Pulls chunks in the export's own low-priority thread (the engine blocks) and stops as soon
    as the client has gone.

    Starlette cancels this generator when it sees the disconnect; the check between chunks covers
    servers where it only notices at the next send. Either way `chunks` is closed (in the same
    thread, after any chunk still being made), which closes the engine's scan (SQLite connection,
    Elasticsearch point in time) at once, and the export's slot is given back.
    """
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export", initializer=_lower_priority)

    async def in_worker(function: Callable[..., T], *args: object) -> T:
        # Waited for from anyio's own thread pool, so that cancellation stays anyio's business.
        return await anyio.to_thread.run_sync(worker.submit(function, *args).result)

    try:
        while not await request.is_disconnected():
            try:
                chunk = await in_worker(next, chunks, None)
            except Exception:
                logger.exception("export failed half-way, connection cut: GET %s", request.url)
                raise  # the server aborts the response: no final chunk, the client sees it incomplete
            if chunk is None:
                return
            yield chunk
    finally:
        with anyio.CancelScope(shield=True):
            await in_worker(chunks.close)
        worker.shutdown(wait=False)
        release()


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {"content": {r.media_type.split(";")[0]: {} for r in FORMATS.values()}},
        **responses(400, 429, 503),
    },
)
def export(
    request: Request,
    index: Annotated[SearchIndex, Depends(get_index)],
    search: Annotated[SearchRequest, Depends(search_request)],
    export_format: Annotated[str, Query(alias="format", description="csv, jsonl or parquet")] = "csv",
    fields: Annotated[
        list[str], Query(description="Columns, comma-separated or repeated (default: all); see /docs")
    ] = [],  # noqa: B006
    limit: Annotated[
        int | None, Query(ge=1, le=MAX_LIMIT, description="Export at most this many rows")
    ] = None,
    raw: Annotated[
        bool,
        Query(
            description="CSV only: cells exactly as published. By default a cell starting with = + - @"
            " (a spreadsheet formula) is prefixed with ' so that Excel shows it as text"
        ),
    ] = False,
) -> StreamingResponse:
    """Every article the search matches (no 10,000 cap), in the search's sort order.

    Same query and filters as /search; page, size and cursor are ignored. The provenance (query,
    filters, engine, time, version, total) is in the `X-OCOP-Provenance` header as JSON, and in the
    file's metadata for Parquet. Columns are documented in docs/export-schema.md.
    """
    job = Export(index, search, export_format, fields, limit, raw=raw)  # refuses bad input: a 400
    slots = request.app.state.export_slots
    slots.take()  # or a 429
    release = _Once(slots.give_back)
    headers = {
        "Content-Disposition": f'attachment; filename="{job.filename}"',
        "X-OCOP-Provenance": json.dumps(job.provenance(), ensure_ascii=True, separators=(",", ":")),
    }
    body = _body(request, job.chunks(), release)
    weakref.finalize(body, release)  # a response that never starts (the client left first) frees its slot too
    return StreamingResponse(body, media_type=job.media_type, headers=headers)
