"""HTML page → `indexer.schema.Article`: the extraction layer the crawler, `ocop extract` and
`ocop reprocess` all call.

Pipeline (docs/extraction.md explains each step and why it is there):

    bytes ─► encoding.decode_html ─► dom.parse_html ─► metadata.read_metadata   (JSON-LD, og:, meta)
          ─► canonical URL, outlet names ─► per-site remove_selectors
          ─► title.choose_title + the headline element
          ─► chrome.take_captions ─► lead.find_lead ─► chrome.take_tag_lists ─► chrome.remove_related_boxes
          ─► byline.find_byline, dateline.find_byline_date                      (the page's own byline)
          ─► blocks.extract_blocks (trafilatura; per-site body_selectors) ─► body.clean_body
          ─► authors, dates, section, tags resolved by trust order ─► Article

No Scrapy here: the spider hands over bytes and headers, and this module is a plain function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml.html import HtmlElement

from crawler.extraction.blocks import Block, extract_blocks
from crawler.extraction.body import BodyContext, CleanBody, clean_body
from crawler.extraction.byline import Byline, agency_name, find_byline, find_closing_byline, parse_byline
from crawler.extraction.chrome import find_labels, remove_related_boxes, take_captions, take_tag_lists
from crawler.extraction.dateline import find_byline_date
from crawler.extraction.dates import date_from_url, plausible
from crawler.extraction.dom import (
    NotHtmlError,
    PageIndex,
    apply_script_writes,
    in_chrome,
    parse_html,
    remove,
    remove_hidden,
    select,
    short_text,
    text_of,
    words_of,
)
from crawler.extraction.encoding import decode_html
from crawler.extraction.keys import squash
from crawler.extraction.lead import find_lead
from crawler.extraction.metadata import PageMetadata, read_metadata
from crawler.extraction.outlet import OutletNames
from crawler.extraction.title import choose_title
from crawler.urls import canonicalize_url, host_of, is_web_url, same_site
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import clean, fold

__all__ = ["ExtractionError", "extract_article"]


class ExtractionError(ValueError):
    """The page could not be read as an article; the message says why (not HTML, empty, no text)."""


_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/plain")
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP/Office file"),
    (b"\x1f\x8b", "gzip data"),
)
_MARKUP = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|div|p|article|title|meta|section|span|a)\b", re.I
)
_HOME_WORDS = frozenset({"trang chu", "home", "trang nhat", "tin tuc", "news"})
_MIN_DESCRIPTION_WORDS = 12
_DESCRIPTION_OVERLAP = 0.5


@dataclass
class _Headline:
    text: str
    element: HtmlElement | None
    position: int


def _crawl_time(crawled: datetime | None) -> datetime:
    if crawled is None:
        return datetime.now(VIETNAM_TZ)
    return (crawled if crawled.tzinfo else crawled.replace(tzinfo=VIETNAM_TZ)).astimezone(VIETNAM_TZ)


def _reject_non_html(body: bytes | str, http_content_type: str | None) -> None:
    media_type = (http_content_type or "").split(";")[0].strip().lower()
    if media_type and media_type not in _HTML_TYPES:
        raise ExtractionError(f"not HTML: the server sent Content-Type {media_type!r}")
    if not body or not body.strip():
        raise ExtractionError("empty page: the response body has no content")
    if isinstance(body, bytes):
        for magic, what in _BINARY_MAGIC:
            if body.startswith(magic):
                raise ExtractionError(f"not HTML: the body is {what}")


def _canonical_url(url: str, meta: PageMetadata) -> str:
    """<link rel=canonical>, else og:url, when it points at the same outlet; else the fetched URL.

    A local file (no web host) trusts the page's own canonical, so `ocop extract page.html` files
    the article under its real address.
    """
    for candidate in (meta.canonical, meta.og_url):
        if not candidate or not is_web_url(candidate):
            continue
        if not is_web_url(url) or same_site(candidate, url):
            return canonicalize_url(candidate)
    return canonicalize_url(url) if is_web_url(url) else url


def _headline(tree: HtmlElement, meta: PageMetadata, outlet: OutletNames, index: PageIndex) -> _Headline:
    h1s = [(el, text_of(el)) for el in tree.iter("h1") if not in_chrome(el)][:5]
    h1s = [(el, text) for el, text in h1s if len(text.split()) >= 2]
    if meta.titles:
        candidates = [*meta.titles, *(text for _, text in h1s)]
    else:  # without structured titles an h1 leads only if <title> confirms it (h1 is often the logo)
        title_words = set(squash(meta.document_title).split())
        confirmed = [
            t
            for _, t in h1s
            if title_words and len(set(squash(t).split()) & title_words) >= 0.6 * len(squash(t).split())
        ]
        candidates = confirmed or ([] if title_words else [t for _, t in h1s])
    sections = [*meta.sections, *meta.breadcrumbs, *meta.microdata_sections]
    title = choose_title(candidates, document_title=meta.document_title, outlet=outlet, sections=sections)
    key = squash(title)
    element = None
    if key:
        element = next((el for el, text in h1s if squash(text) == key), None)
        if element is None:  # no matching h1: a heading-like element classed "title" that says it
            element = next(
                (
                    el
                    for el in tree.iter("h1", "h2", "h3", "div", "p", "span", "a")
                    if "title" in (el.get("class") or "").lower() and squash(short_text(el, 300) or "") == key
                ),
                None,
            )
    return _Headline(title, element, index.of(element))


def _fallback_lead(meta: PageMetadata, title: str, blocks: Sequence[Block]) -> str:
    """The JSON-LD/og description, when the page prints no sapo: only on article pages, only an
    untruncated description of some length that is about this article (most of its words occur in
    the headline or body; a site-wide "Báo điện tử … tin tức 24h" description does not)."""
    if meta.og_type not in (None, "article") and not meta.published:
        return ""
    vocabulary = set(squash(" ".join([title, *(block.text for block in blocks)])).split())
    for description in meta.descriptions:
        words = squash(description).split()
        if (
            len(words) >= _MIN_DESCRIPTION_WORDS
            and not description.endswith(("...", "…"))
            and squash(description) != squash(title)
            and sum(word in vocabulary for word in words) >= _DESCRIPTION_OVERLAP * len(words)
        ):
            return description
    return ""


def _authors(
    meta: PageMetadata, outlet: OutletNames, found: Sequence[Byline | None]
) -> tuple[list[str], str | None]:
    """Names from structured data first, then the page's byline element, then the closing line."""
    authors: list[str] = []
    agency: str | None = None
    for raw in meta.person_authors:
        byline = parse_byline(raw, outlet)
        if byline:
            authors.extend(a for a in byline.authors if a not in authors)
            agency = agency or byline.agency
    for raw in meta.organization_authors:
        if not outlet.matches(raw):
            agency = agency or agency_name(raw) or clean(raw)
    for byline in found:
        if byline is None:
            continue
        if not authors and byline.authors:
            authors = list(byline.authors)
        agency = agency or byline.agency
    return authors, agency


def _dom_breadcrumb(tree: HtmlElement) -> list[str]:
    for element in tree.iter("ul", "ol", "nav", "div"):
        if words_of(element) & {"breadcrumb", "breadcrumbs"}:
            return [text for text in (text_of(a) for a in element.iter("a")) if text]
    return []


def _section(meta: PageMetadata, tree: HtmlElement, outlet: OutletNames) -> str | None:
    crumbs = meta.breadcrumbs or _dom_breadcrumb(tree)
    crumbs = [c for c in crumbs if fold(c) not in _HOME_WORDS and not outlet.matches(c)]
    for candidate in (*meta.sections, *crumbs[:1], *meta.microdata_sections):
        if candidate and len(candidate) <= 60:
            return candidate
    return None


def _unique(values: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        text = clean(value)
        key = fold(text)
        if text and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _published(
    meta: PageMetadata, tree: HtmlElement, index: PageIndex, headline: _Headline, url: str, crawled: datetime
) -> datetime | None:
    """Structured metadata, then the byline next to the headline, then the URL; else None."""
    if plausible(meta.published, crawled):
        return meta.published
    printed = find_byline_date(tree, index, headline.element, crawled)
    if printed is not None:
        return printed
    from_url = date_from_url(url)
    return from_url if plausible(from_url, crawled) else None


def extract_article(
    body: bytes | str,
    url: str,
    *,
    http_content_type: str | None = None,
    crawled: datetime | None = None,
    site: str | None = None,
    outlet: str = "",
    body_selectors: Sequence[str] = (),
    remove_selectors: Sequence[str] = (),
) -> Article:
    """Read one article page. Raises ExtractionError when the page is not HTML, is empty, or holds
    no article text; invalid CSS in the selectors raises ValueError (a registry bug, not a page)."""
    crawled_at = _crawl_time(crawled)
    _reject_non_html(body, http_content_type)
    page = decode_html(body, http_content_type)
    if not _MARKUP.search(page.text[:65536]):
        raise ExtractionError("not HTML: no HTML markup in the first 64 kB")
    try:
        tree = parse_html(page.text)
    except NotHtmlError as error:
        raise ExtractionError(str(error)) from error

    meta = read_metadata(tree, url if is_web_url(url) else "http://localhost/")
    final_url = _canonical_url(url, meta)
    host = host_of(final_url) if is_web_url(final_url) else ""
    outlet_names = OutletNames([outlet, *meta.site_names], host)
    for element in select(tree, remove_selectors):
        remove(element)
    apply_script_writes(tree)
    headline = _headline(tree, meta, outlet_names, PageIndex(tree))
    if remove_hidden(tree, keep=(headline.element,)):
        index = PageIndex(tree)
        headline = _Headline(headline.text, headline.element, index.of(headline.element))
    else:
        index = PageIndex(tree)

    labels = find_labels(tree)
    captions = take_captions(tree, index, headline.position)
    lead, lead_element = find_lead(
        tree, index, headline_at=headline.position, descriptions=meta.descriptions, captions=captions
    )
    dom_tags = take_tag_lists(index, labels)
    remove_related_boxes(tree, labels, keep=(headline.element, lead_element))
    page_byline = find_byline(tree, index, headline.position, outlet_names)

    containers = select(tree, body_selectors) if body_selectors else []
    blocks = extract_blocks(tree, final_url if is_web_url(final_url) else None, containers)
    context = BodyContext(
        title=headline.text,
        lead=lead or _fallback_lead(meta, headline.text, blocks),
        captions=captions,
        outlet=outlet_names,
        crawled=crawled_at,
    )
    cleaned: CleanBody = clean_body(blocks, context)
    if not cleaned.paragraphs:
        raise ExtractionError("no article text: nothing on the page reads as an article body")

    closing_dom = None
    if not meta.person_authors and page_byline is None and cleaned.byline is None:
        closing_dom = find_closing_byline(tree, cleaned.paragraphs[-1], outlet_names)
    # A byline element next to the headline beats the body's closing line; one far below it
    # (after the body, where other articles' teasers live) does not.
    near, far = (
        (page_byline.byline, None)
        if page_byline and page_byline.near_headline
        else (None, page_byline.byline if page_byline else None)
    )
    authors, agency = _authors(meta, outlet_names, (near, cleaned.byline, far, closing_dom))
    published = _published(meta, tree, index, headline, final_url, crawled_at)
    modified = meta.modified if plausible(meta.modified, crawled_at) else None

    return Article.from_url(
        final_url,
        site=site or host or "local",
        outlet=clean(outlet),
        title=headline.text,  # "" rather than a sentence passed off as a headline
        lead=clean(cleaned.lead),
        text=cleaned.text,
        captions=_unique([*captions, *cleaned.captions]),
        authors=authors,
        source_agency=agency,
        published=published,
        modified=modified,
        crawled=crawled_at,
        section=_section(meta, tree, outlet_names),
        tags=_unique([*dom_tags, *cleaned.tags, *meta.tags]) or _unique(meta.keywords),
        image=meta.image,
    )
