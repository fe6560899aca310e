"""GET /export: a search's whole result set as a CSV, JSONL or Parquet download, streamed.

The search is parsed by the same `search_request` dependency as /search; the work is
`indexer.export.Export`. This module only adds HTTP: headers, and stopping when the client leaves.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from indexer.engines import SearchIndex
from indexer.export import FORMATS, Export
from indexer.query import SearchRequest
from search_api.app import search_request

router = APIRouter(tags=["export"])


def _index(request: Request) -> SearchIndex:
    # create_app keeps its index getter on app.state, so /export opens the engine the same way /search does.
    return request.app.state.get_index(request)


async def _body(request: Request, chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    """Pulls chunks in a worker thread (the engine blocks) and stops as soon as the client has gone.

    Starlette cancels this generator when it sees the disconnect; the check between chunks covers
    servers where it only notices at the next send. Either way `chunks` is closed, which closes the
    engine's scan (SQLite connection, Elasticsearch point in time) at once.
    """
    try:
        while not await request.is_disconnected():
            chunk = await anyio.to_thread.run_sync(next, chunks, None)
            if chunk is None:
                return
            yield chunk
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(chunks.close)


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"content": {r.media_type.split(";")[0]: {} for r in FORMATS.values()}}},
)
def export(
    request: Request,
    index: Annotated[SearchIndex, Depends(_index)],
    search: Annotated[SearchRequest, Depends(search_request)],
    export_format: Annotated[str, Query(alias="format", description="csv, jsonl or parquet")] = "csv",
    fields: Annotated[
        list[str], Query(description="Columns, comma-separated or repeated (default: all); see /docs")
    ] = [],  # noqa: B006
    limit: Annotated[int | None, Query(ge=1, description="Export at most this many rows")] = None,
) -> StreamingResponse:
    """Every article the search matches (no 10,000 cap), in the search's sort order.

    Same query and filters as /search; page, size and cursor are ignored. The provenance (query,
    filters, engine, time, version, total) is in the `X-OCOP-Provenance` header as JSON, and in the
    file's metadata for Parquet. Columns are documented in docs/export-schema.md.
    """
    job = Export(index, search, export_format, fields, limit)
    headers = {
        "Content-Disposition": f'attachment; filename="{job.filename}"',
        "X-OCOP-Provenance": json.dumps(job.provenance(), ensure_ascii=True, separators=(",", ":")),
    }
    return StreamingResponse(_body(request, job.chunks()), media_type=job.media_type, headers=headers)
