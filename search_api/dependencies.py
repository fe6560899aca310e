"""FastAPI dependencies: the search request every endpoint parses, and the engine it asks.

The query parameters are generated from `indexer.facets.FACETS` and turned into a request by
`SearchRequest.from_params`, the same function `ocop export` uses, so a URL and a command line
with the same parameters mean the same search, and a new facet appears here without an edit.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query, Request

from indexer.engines import SearchIndex
from indexer.facets import FACETS
from indexer.query import MAX_PAGE_SIZE, SearchRequest

_COMMON = [
    ("q", str, Query(description='Words (all must match), "exact phrases", -excluded, OR'), ""),
    ("date_from", date | None, Query(alias="from", description="YYYY-MM-DD, inclusive"), None),
    ("date_to", date | None, Query(alias="to", description="YYYY-MM-DD, inclusive"), None),
    ("sort", Literal["relevance", "newest", "oldest"] | None, Query(), None),
    ("page", int, Query(ge=1, le=10_000), 1),
    ("size", int, Query(ge=0, le=MAX_PAGE_SIZE), 20),
    ("cursor", str | None, Query(description="next_cursor of the previous page, for deep paging"), None),
    ("interval", Literal["year", "month", "day"], Query(), "month"),
    ("facet_size", int, Query(ge=1, le=500), 50),
    (
        "collapse",
        Literal["story"] | None,
        Query(description="story: one hit per story, its earliest matching copy, listing every copy"),
        None,
    ),
]


def _parameters() -> list[inspect.Parameter]:
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter(name, keyword, annotation=Annotated[kind, query], default=default)
        for name, kind, query, default in _COMMON
    ]
    for facet in FACETS.values():
        if facet.kind == "boolean":
            annotation: Any = Annotated[bool | None, Query(description=facet.description)]
            default: Any = None
        else:
            annotation = Annotated[list[str], Query(description=facet.description + "; repeat for several")]
            default = []
        parameters.append(inspect.Parameter(facet.name, keyword, annotation=annotation, default=default))
    return parameters


def search_request(**params: Any) -> SearchRequest:
    """The request /search, /timeline and /export answer (invalid parameters become a 400)."""
    params["from"], params["to"] = params.pop("date_from", None), params.pop("date_to", None)
    return SearchRequest.from_params(params)


search_request.__signature__ = inspect.Signature(_parameters(), return_annotation=SearchRequest)  # type: ignore[attr-defined]


def search_request_without(*names: str) -> Callable[..., SearchRequest]:
    """`search_request` without some parameters, for an endpoint that declares them its own way
    (/timeline takes several `q` and a `week` interval)."""

    def dependency(**params: Any) -> SearchRequest:
        return search_request(**params)

    kept = [p for p in _parameters() if p.name not in names]
    dependency.__signature__ = inspect.Signature(kept, return_annotation=SearchRequest)  # type: ignore[attr-defined]
    return dependency


def get_index(request: Request) -> SearchIndex:
    """The engine `create_app` put on the application's state (opened on first use)."""
    return request.app.state.open_index()
