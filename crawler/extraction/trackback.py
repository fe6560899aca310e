"""The publication time a blog declares in its trackback RDF block.

Movable Type and the blog hosts that copied it print, inside an HTML comment after each post, an
RDF description of the post for trackback discovery: `<rdf:Description rdf:about="…"
dc:identifier="…" dc:date="2020-07-03T17:16:22+09:00" />`. It is structured metadata written by
the CMS, as JSON-LD is, but hidden in a comment, which the parser drops (dom.parse_html): it is
read from the page's text. A listing prints one per post, so a description is believed only when
it names the page's own address.
"""

from __future__ import annotations

import re

from crawler.urls import address_key

_DESCRIPTION = re.compile(r"<rdf:Description\b(?P<attributes>[^>]*)>", re.S)
_ATTRIBUTE = re.compile(r'\b(?P<name>rdf:about|dc:identifier|dc:date)\s*=\s*"(?P<value>[^"]*)"')


def trackback_date(page: str, page_urls: tuple[str, ...]) -> str | None:
    """The `dc:date` of the trackback description naming one of the page's addresses, as written
    (the caller parses it); None when there is none."""
    if "rdf:Description" not in page:
        return None
    own = {address_key(url) for url in page_urls} - {""}
    for description in _DESCRIPTION.finditer(page):
        attributes = {m["name"]: m["value"] for m in _ATTRIBUTE.finditer(description["attributes"])}
        named = {address_key(attributes.get(key, "")) for key in ("rdf:about", "dc:identifier")}
        if attributes.get("dc:date") and named & own:
            return attributes["dc:date"]
    return None
