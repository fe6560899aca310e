"""Read RSS/Atom feeds and sitemaps into (url, date) entries, without Scrapy.

Incremental crawling needs the dates these documents carry (an RSS item's pubDate, a sitemap's
lastmod, a news sitemap's publication_date) to skip what is old or unchanged before fetching it,
so the parsing lives here as plain functions that tests can call on bytes.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from lxml import etree

from indexer.errors import UnreadableInput
from indexer.schema import VIETNAM_TZ

_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
)


class FeedError(UnreadableInput):
    """The document is not a feed or sitemap we can read (HTML error page, empty, binary)."""


@dataclass(frozen=True)
class Entry:
    """One link found in a feed or sitemap, with the most recent date the document gives for it."""

    url: str
    date: datetime | None = None


@dataclass(frozen=True)
class SitemapDoc:
    is_index: bool  # a sitemap index lists other sitemaps; a urlset lists pages
    entries: list[Entry]


def parse_date(text: str | None) -> datetime | None:
    """W3C datetime (sitemaps, Atom) or RFC 822 (RSS) as an aware datetime; None if unreadable.

    A date without a zone is taken as Vietnam time: these are Vietnamese outlets' own documents.
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    value: datetime | None = None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=VIETNAM_TZ)
    return value.astimezone(UTC)


def _root(body: bytes) -> etree._Element:
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except OSError as exc:
            raise FeedError(f"broken gzip: {exc}") from exc
    if not body.strip():
        raise FeedError("empty document")
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not XML: {exc}") from exc
    if root is None:
        raise FeedError("not XML")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        # Entities are never expanded here (no billion laughs), but a document that declares its own
        # is not a feed a news site publishes, and what it says without them cannot be trusted.
        raise FeedError("the document declares its own XML entities (an entity bomb?): refused")
    return root


def _local(element: etree._Element) -> str:
    """The tag's local name: "{uri}comments" and, in a feed that never declared its prefix (the
    recovering parser keeps "slash:comments" as the whole name, which QName refuses), "comments"."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _child_text(element: etree._Element, *names: str) -> str | None:
    """Text of the first direct child with one of these names, else of the first descendant
    (news:publication_date sits inside news:news); direct children win so that an image
    sitemap's nested image:loc never replaces the page's own loc."""
    for candidates in (list(element), list(element.iter())[1:]):
        for child in candidates:
            if _local(child) in names and child.text and child.text.strip():
                return child.text.strip()
    return None


def _latest(*dates: datetime | None) -> datetime | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def parse_sitemap(body: bytes) -> SitemapDoc:
    """A sitemap index or urlset; for news sitemaps the entry date is the later of lastmod and
    news:publication_date, so either signal of change is honoured."""
    root = _root(body)
    kind = _local(root)
    if kind not in ("sitemapindex", "urlset"):
        raise FeedError(f"root element <{kind}> is not a sitemap")
    entries = []
    for element in root:
        if _local(element) not in ("sitemap", "url"):
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        date = _latest(
            parse_date(_child_text(element, "lastmod")), parse_date(_child_text(element, "publication_date"))
        )
        entries.append(Entry(loc, date))
    return SitemapDoc(kind == "sitemapindex", entries)


def parse_feed(body: bytes) -> list[Entry]:
    """RSS 2.0, RSS 1.0 (RDF) or Atom items: link and the latest of their dates."""
    root = _root(body)
    entries = []
    for element in root.iter():
        name = _local(element)
        if name == "item":  # RSS 0.9x/1.0/2.0
            link = _child_text(element, "link") or _guid_link(element)
            date = _latest(
                parse_date(_child_text(element, "pubdate")),
                parse_date(_child_text(element, "date")),
                parse_date(_child_text(element, "updated")),
            )
        elif name == "entry":  # Atom
            link = _atom_link(element)
            date = _latest(
                parse_date(_child_text(element, "updated")), parse_date(_child_text(element, "published"))
            )
        else:
            continue
        if link:
            entries.append(Entry(link, date))
    if not entries and _local(root) not in ("rss", "feed", "rdf"):
        raise FeedError(f"root element <{_local(root)}> is not a feed")
    return entries


def _guid_link(item: etree._Element) -> str | None:
    for child in item:
        if _local(child) == "guid" and child.get("isPermaLink", "true") != "false" and child.text:
            text = child.text.strip()
            if text.startswith(("http://", "https://")):
                return text
    return None


def _atom_link(entry: etree._Element) -> str | None:
    links = [child for child in entry if _local(child) == "link" and child.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    return links[0].get("href") if links else None
