"""GET /feeds/search.atom: any search as an Atom feed (RFC 4287), so any feed reader is an alert.

The parameters are exactly those of /search (the same `search_request` dependency); the feed is
always newest first, one page of `size` entries (20 by default, at most 100). A feed reader tracks
entries by id, so each archived article is one entry whose id (its canonical URL) never changes.
Each entry links to the outlet's original page (`alternate`) and to its page in the archive
(`related`), names the outlet as its author and as a category (`term` the site key, `label` the
outlet's name), and carries the search's highlighted snippet as its summary. Invalid parameters
are a 400, as on /search.

Written with lxml rather than feedgen: feedgen 1.0 drops the `rel` and `type` of an entry's links,
which turns the archive link into a second `alternate` link, and RFC 4287 (4.1.1) forbids two.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from lxml import etree

from indexer import __version__
from indexer.engines import SearchIndex
from indexer.query import Hit, SearchRequest
from search_api.dependencies import get_index, search_request
from search_api.errors import responses

router = APIRouter(tags=["feeds"])
ATOM = "application/atom+xml; charset=utf-8"
ATOM_NS = "http://www.w3.org/2005/Atom"
DEFAULT_ENTRIES = 20


@router.get(
    "/feeds/search.atom",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}, **responses(400, 503)},
)
def search_feed(
    request: Request,
    index: Annotated[SearchIndex, Depends(get_index)],
    search: Annotated[SearchRequest, Depends(search_request)],
) -> Response:
    """The newest articles a search matches, as an Atom feed (same parameters as /search; `sort`,
    `page` and `cursor` are ignored: a feed is always its newest entries)."""
    newest = search.model_copy(
        update={
            "sort": "newest",
            "page": 1,
            "cursor": None,
            "size": search.size or DEFAULT_ENTRIES,
            "with_facets": False,
        }
    )
    hits = index.search(newest).hits
    base = str(request.base_url).rstrip("/")
    page_params = [
        (k, v) for k, v in request.query_params.multi_items() if k not in ("size", "page", "cursor")
    ]
    dated = [hit.published_at for hit in hits if hit.published_at is not None]
    updated = max(dated) if dated else datetime(1970, 1, 1, tzinfo=UTC)

    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "vi")
    _text(feed, "id", str(request.url))
    _text(feed, "title", feed_title(search))
    _text(feed, "subtitle", "ocop-watch: tin OCOP mới nhất khớp với tìm kiếm này")
    _text(feed, "updated", updated.isoformat())
    _link(feed, str(request.url), "self", "application/atom+xml")
    _link(feed, f"{base}/?{urlencode(page_params)}", "alternate", "text/html")
    _text(feed, "generator", "ocop-watch").set("version", __version__)
    for hit in hits:
        _entry(feed, hit, base, updated)
    xml = etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return Response(xml, media_type=ATOM)


def feed_title(search: SearchRequest) -> str:
    """ "ocop-watch: mật ong · province: Hà Giang": what the reader's list shows for this feed."""
    parts = [search.q.strip() or "mọi bài"]
    for name, values in search.filters.items():
        parts.append(f"{name}: {', '.join(values)}")
    if search.date_from or search.date_to:
        parts.append(f"{search.date_from or '…'} – {search.date_to or '…'}")
    return "ocop-watch: " + " · ".join(parts)


def _text(parent: etree._Element, name: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NS}}}{name}")
    element.text = text
    return element


def _link(parent: etree._Element, href: str, rel: str, media_type: str) -> None:
    etree.SubElement(parent, f"{{{ATOM_NS}}}link", href=href, rel=rel, type=media_type)


def _entry(feed: etree._Element, hit: Hit, base: str, fallback: datetime) -> None:
    entry = etree.SubElement(feed, f"{{{ATOM_NS}}}entry")
    _text(entry, "id", hit.url)
    _text(entry, "title", hit.title)
    # Atom requires `updated`; an undated article (listed last) takes the feed's own time
    _text(entry, "updated", (hit.published_at or fallback).isoformat())
    if hit.published_at is not None:
        _text(entry, "published", hit.published_at.isoformat())
    outlet = hit.outlet or hit.site
    _text(etree.SubElement(entry, f"{{{ATOM_NS}}}author"), "name", outlet)
    etree.SubElement(entry, f"{{{ATOM_NS}}}category", term=hit.site, label=outlet)
    _link(entry, hit.url, "alternate", "text/html")
    _link(entry, f"{base}/a/{hit.id}", "related", "text/html")
    if hit.snippet:  # escaped text with <mark> around the search's words
        _text(entry, "summary", hit.snippet).set("type", "html")
