"""The FastAPI application: a thin layer over `indexer`; no query logic lives here.

`create_app` is the factory uvicorn calls (`uvicorn --factory search_api.app:create_app`, which is
what `ocop serve` runs): with no arguments it reads the settings from OCOP_* variables and .env.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from indexer import __version__
from indexer.engines import SearchIndex, open_index
from indexer.errors import OcopWatchError
from indexer.facets import FACETS
from indexer.query import SearchRequest, SearchResponse
from indexer.settings import Settings, load_settings
from search_api.analysis import router as analysis_router
from search_api.articles import router as articles_router
from search_api.dependencies import get_index, search_request
from search_api.errors import document_errors, install_error_handlers, responses, without_paths
from search_api.export import router as export_router
from search_api.feeds import router as feeds_router
from search_api.health import HealthCheck
from search_api.limits import ClientLimit, ExportSlots
from search_api.security import SecurityHeaders
from search_api.stories import router as stories_router

STATIC = Path(__file__).parent / "static"

IndexDep = Annotated[SearchIndex, Depends(get_index)]
RequestDep = Annotated[SearchRequest, Depends(search_request)]


def create_app(settings: Settings | None = None, index: SearchIndex | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(
        title="ocop-watch search API",
        version=__version__,
        description="Faceted search over Vietnamese news coverage of OCOP (Mỗi xã một sản phẩm).",
        docs_url=None,  # served below from the local Swagger UI package, not a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.index = index
    app.state.export_slots = ExportSlots(settings.max_exports)
    app.state.health = HealthCheck(settings)

    def open_engine() -> SearchIndex:
        if app.state.index is None:
            app.state.index = open_index(settings)
        return app.state.index

    app.state.open_index = open_engine
    install_error_handlers(app)

    @app.get("/search", response_model=SearchResponse, tags=["search"], responses=responses(400, 503))
    def search(index: IndexDep, request: RequestDep) -> SearchResponse:
        """Faceted full-text search; facet counts are multi-select (a facet ignores its own filter)."""
        return index.search(request)

    @app.get("/facets", tags=["search"])
    def facets() -> list[dict[str, object]]:
        """The facets: API parameter name, the page's label, kind, and whether responses count them."""
        return [facet.describe() for facet in FACETS.values()]

    @app.get(
        "/health",
        tags=["operations"],
        responses={503: {"description": "Degraded: `status` is `degraded` and `reasons` say why"}},
    )
    def health() -> JSONResponse:
        """ "ok", or "degraded" (HTTP 503) with the reasons: engine, archive integrity, last crawls."""
        checker: HealthCheck = app.state.health
        try:
            report: dict[str, Any] = checker.report(open_engine())
        except OcopWatchError as exc:  # the engine could not even be opened; still a health answer
            reason = without_paths(f"search engine unavailable: {exc}", settings)
            report = {"status": "degraded", "version": __version__, "reasons": [reason]}
        return JSONResponse(report, status_code=200 if report["status"] == "ok" else 503)

    app.include_router(analysis_router)
    app.include_router(articles_router)
    app.include_router(export_router)
    app.include_router(feeds_router)
    app.include_router(stories_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    document_errors(app)
    app.add_middleware(ClientLimit, per_client=settings.max_client_requests)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so the 429s above carry the headers too
    return app
