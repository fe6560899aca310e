"""The FastAPI application: a thin layer over `indexer`; no query logic lives here."""

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from indexer.archive import Archive
from indexer.engines import SearchIndex, open_index
from indexer.facets import FACETS
from indexer.query import MAX_PAGE_SIZE, SearchRequest, SearchResponse
from indexer.settings import Settings
from ocop_watch import __version__
from search_api.errors import install_error_handlers

STATIC = Path(__file__).parent / "static"


def search_request(
    q: Annotated[str, Query(description='Words (all must match), "exact phrases", -excluded, OR')] = "",
    site: Annotated[list[str], Query(description="Outlet (site key); repeat for several")] = [],  # noqa: B006
    section: Annotated[list[str], Query()] = [],  # noqa: B006
    province: Annotated[
        list[str], Query(description="Province, 2025 structure; a pre-2025 name or alias also works")
    ] = [],  # noqa: B006
    stars: Annotated[list[str], Query(description="OCOP star rating: 3, 4 or 5")] = [],  # noqa: B006
    product_group: Annotated[list[str], Query(description="One of the six OCOP product groups")] = [],  # noqa: B006
    is_ocop: Annotated[
        bool | None, Query(description="Only articles that are (or are not) about OCOP")
    ] = None,
    story: Annotated[
        list[str], Query(description="Story id (a hit's story_id): the near-duplicates of one story")
    ] = [],  # noqa: B006
    date_from: Annotated[date | None, Query(alias="from", description="YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="YYYY-MM-DD, inclusive")] = None,
    sort: Annotated[Literal["relevance", "newest", "oldest"] | None, Query()] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    size: Annotated[int, Query(ge=0, le=MAX_PAGE_SIZE)] = 20,
    cursor: Annotated[
        str | None, Query(description="next_cursor of the previous page, for deep paging")
    ] = None,
    interval: Annotated[Literal["year", "month", "day"], Query()] = "month",
    facet_size: Annotated[int, Query(ge=1, le=500)] = 50,
) -> SearchRequest:
    filters = {
        "site": site,
        "section": section,
        "province": province,
        "stars": stars,
        "product_group": product_group,
        "story": story,
    }
    if is_ocop is not None:
        filters["is_ocop"] = ["true" if is_ocop else "false"]
    return SearchRequest(
        q=q,
        filters={k: v for k, v in filters.items() if v},
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=page,
        size=size,
        cursor=cursor,
        interval=interval,
        facet_size=facet_size,
    )


def create_app(settings: Settings | None = None, index: SearchIndex | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="ocop-watch search API",
        version=__version__,
        description="Faceted search over Vietnamese news coverage of OCOP (Mỗi xã một sản phẩm).",
    )
    app.state.settings = settings
    app.state.index = index
    install_error_handlers(app)

    def get_index(request: Request) -> SearchIndex:
        if request.app.state.index is None:
            request.app.state.index = open_index(settings)
        return request.app.state.index

    app.state.get_index = get_index  # routers outside this function (search_api/export.py) use it too
    IndexDep = Annotated[SearchIndex, Depends(get_index)]
    RequestDep = Annotated[SearchRequest, Depends(search_request)]

    @app.get("/search", response_model=SearchResponse, tags=["search"])
    def search(index: IndexDep, request: RequestDep) -> SearchResponse:
        """Faceted full-text search; facet counts are multi-select (a facet ignores its own filter)."""
        return index.search(request)

    @app.get("/timeline", tags=["search"])
    def timeline(index: IndexDep, request: RequestDep) -> dict[str, object]:
        """Coverage over time for a query and filters (the date histogram only)."""
        response = index.search(request.model_copy(update={"size": 0}))
        # The histogram ignores the date selection (the page shows the whole timeline around it);
        # this endpoint answers for the selected period only, so its buckets agree with its total.
        low = request.date_from.isoformat() if request.date_from else ""
        high = request.date_to.isoformat() if request.date_to else "9999"
        buckets = [b for b in response.histogram if low[: len(b.value)] <= b.value <= high[: len(b.value)]]
        return {"total": response.total, "interval": response.interval, "buckets": buckets}

    @app.get("/facets", tags=["search"])
    def facets() -> list[dict[str, str]]:
        """The filterable facets: API parameter name and label."""
        return [{"name": f.name, "label": f.label} for f in FACETS.values()]

    @app.get("/health", tags=["operations"])
    def health(index: IndexDep) -> dict[str, object]:
        """Engine status and the last crawl of each site (from the archive)."""
        report: dict[str, object] = {"status": "ok", "version": __version__, "engine": index.health()}
        if settings.archive.exists():
            with Archive(settings.archive) as archive:
                report["archive"] = {"path": str(settings.archive), "articles": archive.count()}
                report["crawls"] = archive.last_runs()
        return report

    from search_api.articles import router as articles_router
    from search_api.export import router as export_router  # here: it imports search_request from this module

    app.include_router(articles_router)
    app.include_router(export_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
