"""One archived article: its record, a citation, the raw HTML the crawler fetched, its page in the site.

The raw HTML is a hostile third party's page. It is only ever handed out as a download: an
attachment of a type no browser renders, with `nosniff` and a sandboxing CSP in case a browser
opens it anyway, so none of its scripts can run on our origin.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel

from indexer.archive import Archive, RawPage
from indexer.engines import SearchIndex
from indexer.errors import ArchiveUnavailable, NotFound
from indexer.highlight import document_marks, highlight_all, paragraphs
from indexer.query import MAX_QUERY_LENGTH, parse_query
from indexer.schema import Article
from indexer.settings import Settings
from search_api.citation import Citation, cite
from search_api.dependencies import get_index
from search_api.errors import responses

router = APIRouter(tags=["articles"])
ARTICLE_PAGE = Path(__file__).parent / "static" / "article.html"
RAW_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, max-age=3600",
}


IndexDep = Annotated[SearchIndex, Depends(get_index)]


@router.get("/articles/{article_id}", response_model=Article, responses=responses(404, 503))
def article(index: IndexDep, article_id: str) -> Article:
    return index.get(article_id)


class HighlightedArticle(BaseModel):
    title: str  # HTML-escaped printed text, <mark> around the query's words
    paragraphs: list[str]  # the article's text, one entry per paragraph, escaped and marked alike


@router.get(
    "/articles/{article_id}/highlight", response_model=HighlightedArticle, responses=responses(400, 404, 503)
)
def highlight(
    index: IndexDep,
    article_id: str,
    q: Annotated[str, Query(max_length=MAX_QUERY_LENGTH, description="The search, as for /search")] = "",
) -> HighlightedArticle:
    """The title and every paragraph with the words of a search marked, as its snippet marks them:
    for reading a whole article found by that search."""
    article = index.get(article_id)
    title_marks, text_marks = document_marks(parse_query(q), [article.title, article.text])
    return HighlightedArticle(
        title=highlight_all(article.title, title_marks), paragraphs=paragraphs(article.text, text_marks)
    )


@router.get("/articles/{article_id}/citation", response_model=Citation, responses=responses(404, 503))
def citation(index: IndexDep, article_id: str) -> Citation:
    """A ready citation: plain text in Vietnamese and English, and a biblatex `@online` entry.
    The access date is the crawl date, the day of the copy the archive holds."""
    return cite(index.get(article_id))


def _raw_page(settings: Settings, article_id: str) -> RawPage:
    if not settings.archive.is_file():  # e.g. an API over Elasticsearch without the crawlers' archive
        raise NotFound("this server has no archive, so no raw HTML: ask the crawling machine's operator")
    try:
        with Archive(settings.archive, readonly=True) as archive:  # serving never writes
            return archive.raw_page(article_id)
    except sqlite3.DatabaseError as exc:
        raise ArchiveUnavailable(f"the archive cannot be read: {exc}") from exc


def _raw_response(request: Request, index: SearchIndex, article_id: str, with_body: bool) -> Response:
    found = index.get(article_id)
    page = _raw_page(request.app.state.settings, article_id)
    headers = {
        **RAW_HEADERS,
        "Content-Disposition": f'attachment; filename="{_filename(found)}"',
        "Content-Length": str(len(page.html)),
    }
    return Response(page.html if with_body else b"", media_type="application/octet-stream", headers=headers)


@router.get(
    "/articles/{article_id}/raw",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}}, "description": "The HTML as fetched"},
        **responses(404, 503),
    },
)
def raw(request: Request, index: IndexDep, article_id: str) -> Response:
    """The HTML exactly as the crawler fetched it (bytes unchanged), as a file download.

    404 when the article is unknown or this server keeps no raw page for it (an API over
    Elasticsearch/OpenSearch without the archive). HEAD answers the same without the body.
    """
    return _raw_response(request, index, article_id, with_body=True)


@router.head("/articles/{article_id}/raw", include_in_schema=False)
def raw_head(request: Request, index: IndexDep, article_id: str) -> Response:
    """Whether a raw page is kept, and its size, for the article page's download link."""
    return _raw_response(request, index, article_id, with_body=False)


def _filename(article: Article) -> str:
    site = "".join(c if c.isalnum() or c in ".-" else "-" for c in article.site)
    return f"{site}-{article.id}.html"


@router.get("/a/{article_id}", include_in_schema=False)
def article_page(article_id: str) -> FileResponse:
    """The article's page in the site; its script reads the id from the address."""
    return FileResponse(ARTICLE_PAGE)
