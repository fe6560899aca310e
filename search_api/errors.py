"""Every error a client can meet becomes a JSON answer `{"error": "…"}` with one status, in this one place.

400 bad parameter or query, 404 unknown article, 429 too many exports at once (with Retry-After),
503 the engine or the archive is unavailable or a search ran out of time (with the reason). The
OpenAPI document declares exactly these (`ERROR_RESPONSES`, `document_errors`), not FastAPI's 422.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError

from indexer.errors import EngineUnavailable, InvalidQuery, NotFound, OcopWatchError, SearchTimeout
from indexer.settings import Settings

RETRY_ENGINE_SECONDS = 5  # Retry-After on a 503: long enough for a restarting engine or a busy one


class ErrorBody(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: str


class TooManyRequests(OcopWatchError):
    """A limit of concurrent work was reached; the client should retry after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


def _response(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _response("Invalid parameter, query or filter; `error` says which and why"),
    404: _response("No such article"),
    429: _response("Too many exports at once; retry after the `Retry-After` header's seconds"),
    503: _response(
        "The engine or the archive is unavailable, or the search ran out of time; `error` says which"
    ),
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers one endpoint can give, for its OpenAPI operation."""
    return {status: ERROR_RESPONSES[status] for status in statuses}


def _describe(errors: list[Any]) -> str:
    parts = []
    for error in errors:
        location = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path"))
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        parts.append(f"{location}: {message}" if location else message)
    return "; ".join(parts)


def without_paths(message: str, settings: Settings) -> str:
    """`message` with the archive's path shortened to its file name: answers are public, the
    server's folders are not."""
    archive = settings.archive
    for spelled in sorted(
        {str(archive.resolve()), str(archive.absolute()), str(archive)}, key=len, reverse=True
    ):
        message = message.replace(spelled, archive.name)
    return message


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message}, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_parameters(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _describe(list(exc.errors())))

    @app.exception_handler(ValidationError)
    async def invalid_request(_: Request, exc: ValidationError) -> JSONResponse:
        return _error(400, _describe(list(exc.errors())))

    @app.exception_handler(InvalidQuery)
    async def invalid_query(_: Request, exc: InvalidQuery) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(TooManyRequests)
    async def too_many(_: Request, exc: TooManyRequests) -> JSONResponse:
        return _error(429, str(exc), {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(SearchTimeout)
    async def too_slow(request: Request, exc: SearchTimeout) -> JSONResponse:
        message = f"the search took too long and was stopped ({exc}); narrow the query or filters, or retry"
        return _unavailable(request, message)

    @app.exception_handler(EngineUnavailable)
    async def engine_down(request: Request, exc: EngineUnavailable) -> JSONResponse:
        return _unavailable(request, f"search engine unavailable: {exc}")


def _unavailable(request: Request, message: str) -> JSONResponse:
    public = without_paths(message, request.app.state.settings)
    return _error(503, public, {"Retry-After": str(RETRY_ENGINE_SECONDS)})


def document_errors(app: FastAPI) -> None:
    """The OpenAPI document without FastAPI's 422 answers and their schemas: invalid parameters are
    a 400 with `ErrorBody` here, and every operation lists the errors it really gives."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            schemas = schema.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                schemas.pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
