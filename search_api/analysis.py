"""GET /timeline, /terms, /claims and their pages: HTTP over `indexer.analysis` (docs/analysis.md).

Each endpoint takes the search parameters of /search through the same dependency, so the three
analyses always mean the same search as the result list beside them; `format=csv` downloads the
table with the export's CSV conventions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, StreamingResponse

from indexer.analysis import claims as ledgers
from indexer.analysis import terms as words
from indexer.analysis import timeline as timelines
from indexer.analysis.tables import csv_chunks
from indexer.engines import SearchIndex
from indexer.query import SearchRequest
from search_api.dependencies import get_index, search_request, search_request_without
from search_api.errors import responses

STATIC = Path(__file__).parent / "static"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present"

router = APIRouter()
IndexDep = Annotated[SearchIndex, Depends(get_index)]
Format = Annotated[Literal["json", "csv"], Query(alias="format", description="json, or csv to download")]
Raw = Annotated[
    bool, Query(description="CSV only: cells exactly as stated, without the ' before a formula-like cell")
]


def _csv(filename: str, header: list[str], rows: list[list[object]], raw: bool) -> StreamingResponse:
    return StreamingResponse(
        csv_chunks(header, rows, raw=raw),
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/timeline",
    tags=["analysis"],
    response_model=timelines.Timeline,
    responses={200: {"content": {"text/csv": {}}}, **responses(400, 503)},
)
def timeline(
    index: IndexDep,
    request: Annotated[SearchRequest, Depends(search_request_without("q", "interval"))],
    q: Annotated[
        list[str],
        Query(description=f"A query to compare; repeat for several (at most {timelines.MAX_SERIES})"),
    ] = [],  # noqa: B006
    interval: Annotated[timelines.TimelineInterval, Query()] = "month",
    normalize: Annotated[
        timelines.Normalize,
        Query(
            description="count, or share: each count divided by every article of its period under the filters"
        ),
    ] = "count",
    output: Format = "json",
    raw: Raw = False,
) -> timelines.Timeline | StreamingResponse:
    """Queries compared over time: one series per `q`, as counts or as shares of all coverage."""
    result = timelines.compare(index, request, q, interval, normalize)
    if output == "csv":
        header, rows = timelines.table(result)
        return _csv(f"ocop-timeline-{interval}.csv", header, rows, raw)
    return result


@router.get("/terms", tags=["analysis"], response_model=words.Terms, responses=responses(400, 503))
def terms(
    index: IndexDep,
    request: Annotated[SearchRequest, Depends(search_request)],
    sample: Annotated[
        int,
        Query(ge=1, le=words.MAX_SAMPLE, description="Articles of the result set read (its newest)"),
    ] = words.DEFAULT_SAMPLE,
    limit: Annotated[int, Query(ge=1, le=100, description="Terms, products and cooperatives listed")] = 30,
) -> words.Terms:
    """The words and phrases most characteristic of the result set against the whole archive
    (log-likelihood G²), and the products and cooperatives it names. Read from the newest `sample`
    articles: `sample.sampled` says when the result set is larger."""
    return words.characteristic_terms(index, request, sample, limit)


@router.get(
    "/claims",
    tags=["analysis"],
    response_model=ledgers.Ledger,
    responses={200: {"content": {"text/csv": {}}}, **responses(400, 503)},
)
def claims(
    index: IndexDep,
    request: Annotated[SearchRequest, Depends(search_request)],
    output: Format = "json",
    raw: Raw = False,
) -> ledgers.Ledger | StreamingResponse:
    """The claims ledger: product counts the articles state, by 2025 province and month.

    Takes every /search parameter; `stars` selects the claims' own rating and `province` the
    claims' province. `conflicting` marks claims where outlets state different counts for the same
    province, rating and month."""
    result = ledgers.ledger(index, request)
    if output == "csv":
        header, rows = ledgers.table(result)
        return _csv("ocop-claims.csv", header, rows, raw)
    return result


@router.get("/ledger", include_in_schema=False)
def claims_page() -> FileResponse:
    return FileResponse(STATIC / "ledger.html")


@router.get("/compare", include_in_schema=False)
def compare_page() -> FileResponse:
    return FileResponse(STATIC / "compare.html")
