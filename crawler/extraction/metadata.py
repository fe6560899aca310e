"""Structured metadata of a page: JSON-LD, microdata and OpenGraph (via extruct) plus plain meta tags.

Structured data is what the newsroom's CMS declares about the article, so it is believed before
anything read off the rendered page: a byline can be mis-read, `datePublished` cannot. Values are
collected as candidates in order of trust; the choosing happens elsewhere (title.py, byline.py,
extract.py), where the page itself can be compared against them.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from extruct.jsonld import JsonLdExtractor
from extruct.opengraph import OpenGraphExtractor
from extruct.w3cmicrodata import MicrodataExtractor
from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates import parse_machine_date
from crawler.extraction.trackback import trackback_date
from indexer.text import clean

LOG = logging.getLogger(__name__)

# Keys are lower-cased meta name/property/itemprop values, most trusted first.
# fmt: off
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "techarticle",
})
_SITE_TYPES = frozenset({"organization", "newsmediaorganization", "website"})
_PUBLISHED_KEYS = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                   "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
                   "parsely-pub-date", "sailthru.date", "article.published", "og:article:published_time")
_MODIFIED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "lastmod", "last-modified",
                  "dcterms.modified", "article.updated", "og:article:modified_time")
_AUTHOR_KEYS = ("author", "article:author", "dable:author", "dc.creator", "dcterms.creator",
                "sailthru.author", "parsely-author", "byl", "og:article:author")
_TITLE_KEYS = ("og:title", "headline", "twitter:title", "dc.title")
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
_SITE_KEYS = ("og:site_name", "application-name", "sourceorganization", "source",
              "apple-mobile-web-app-title")
_SECTION_KEYS = ("article:section", "dable:section")
_IMAGE_KEYS = ("og:image", "twitter:image", "thumbnailurl", "image")
# fmt: on


@dataclass
class PageMetadata:
    """Candidates for each field, most trusted first."""

    titles: list[str] = field(default_factory=list)
    document_title: str = ""
    descriptions: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    person_authors: list[str] = field(default_factory=list)  # JSON-LD / microdata persons
    # meta name=author, dc.creator …: often a team or an account ("SEO Team"), so a byline the
    # reader sees outranks them.
    meta_tag_authors: list[str] = field(default_factory=list)
    organization_authors: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    breadcrumbs: list[str] = field(default_factory=list)
    # itemprop articleSection: often the sub-section, so it ranks below breadcrumbs
    microdata_sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    image: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    og_type: str | None = None


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str):
        return ""
    # JSON-LD written by templates often carries HTML entities inside the JSON string ("c&#225;c").
    return clean(html.unescape(html.unescape(value)))


def _append(target: list[str], value: Any) -> None:
    text = _text(value)
    if text and text not in target:
        target.append(text)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(item: dict[str, Any]) -> set[str]:
    return {str(t).rsplit("/", 1)[-1].lower() for t in _as_list(item.get("@type") or item.get("type"))}


def _flatten(items: list[Any]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, list):
            yield from _flatten(item)
        elif isinstance(item, dict):
            yield item
            yield from _flatten(_as_list(item.get("@graph")))


def _jsonld_items(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page; one malformed script must not hide the others."""
    items: list[Any] = []
    extractor = JsonLdExtractor()
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            items.extend(extractor.extract_items(script))
        except Exception as error:  # json, jstyleson and extruct each raise their own types
            first = _first_object(script.text or "")
            if first is None:
                LOG.debug("unreadable JSON-LD block skipped: %s", error)
            else:
                items.append(first)
    return list(_flatten(items))


_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")


def _first_object(text: str) -> dict[str, Any] | None:
    """The object a JSON-LD block opens with, when something around it makes the block as a whole
    unreadable: a template's stray closing brace after a complete object, or an XHTML habit's
    `<![CDATA[ … ]]>` wrapper. Only a whole first object is taken; a block broken inside its
    object stays unread."""
    try:
        value, _ = json.JSONDecoder().raw_decode(_WRAPPER.sub("", text).strip())
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


# Read on the attribute axis: only elements carrying an itemtype are looked at (4× faster than
# testing every element of the page for @itemscope).
_ARTICLE_ITEMTYPE = etree.XPath(
    "boolean(//@itemtype[contains(., 'Article') or contains(., 'BlogPosting') or contains(., 'Report')]"
    "[../@itemscope])"
)


def _microdata_items(tree: HtmlElement, base_url: str) -> list[dict[str, Any]]:
    """Article-typed microdata items. Skipped when the page declares none: a page-wide
    itemscope="WebPage" on <html> makes extruct read the whole page text for nothing."""
    if not _ARTICLE_ITEMTYPE(tree):
        return []
    try:
        items = MicrodataExtractor().extract_items(tree, base_url)
    except Exception as error:  # extruct's microdata walker raises assorted errors on odd markup
        LOG.debug("microdata skipped: %s", error)
        return []
    out: list[dict[str, Any]] = []
    for item in items:
        properties = dict(item.get("properties") or {})
        properties["@type"] = item.get("type")
        out.append(properties)
    return out


_ITEMPROP_DATES = ("datepublished", "datemodified")
# The body's elements carrying one, found on the attribute axis in C: half the time of a walk in
# Python asking every element (an XPath testing every element's attribute costs twice the walk).
_ITEMPROP_DATED = etree.XPath("//body//*/@itemprop[. = 'datePublished' or . = 'dateModified']/..")


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """meta name/property/itemprop → contents, in document order.

    itemprop dates in the <body> count only when the page has exactly one of them: a listing of
    teasers marks up every teaser's datePublished, and a sidebar's date is not the article's.
    """
    found: dict[str, list[str]] = {}
    body_dates: dict[str, list[str]] = {}
    head = tree.find("head")
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("value")
        if content is None or not content.strip():
            continue
        in_head = head is not None and meta.getparent() is head
        for attribute in ("property", "name", "itemprop"):
            for name in (meta.get(attribute) or "").lower().split():
                target = body_dates if name in _ITEMPROP_DATES and not in_head else found
                target.setdefault(name, []).append(content.strip())
    dated = (element for element in _ITEMPROP_DATED(tree) if element.tag != "meta")
    for element in dated:
        value = (
            element.get("datetime")
            or element.get("content")
            or _abbr_title(element)
            or element.text_content()
        )
        for name in (element.get("itemprop") or "").lower().split():
            body_dates.setdefault(name, []).append(value.strip())
    for name, values in body_dates.items():
        if len(values) == 1:
            found.setdefault(name, []).extend(values)
    return found


def _abbr_title(element: HtmlElement) -> str | None:
    """An <abbr>'s `title`, where blog templates put the stamp the element prints as a clock
    (`<abbr itemprop="datePublished" title="2019-04-02T09:15:00-07:00">9:15 AM</abbr>`)."""
    return element.get("title") if element.tag == "abbr" else None


def _opengraph(tree: HtmlElement) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in OpenGraphExtractor().extract_items(tree):
        for key, value in item.get("properties", []):
            found.setdefault(key.lower(), []).append(value)
    return found


def _first_date(values: list[Any], not_after: datetime | None = None) -> datetime | None:
    for value in values:
        parsed = parse_machine_date(value, not_after=not_after)
        if parsed is not None:
            return parsed
    return None


_REPUBLISHED = timedelta(days=1)  # days a day apart are one publication (two zones, a day-only tag)


def _earlier_publication(item: datetime | None, tag: datetime | None) -> datetime | None:
    """The article item's datePublished (the page's richest claim), unless the meta tags date the
    publication on an earlier day, more than a day before: a CMS that re-stamps the item's
    datePublished on every edit or re-publication (the item then says its dateModified) keeps the
    first publication in a meta tag, and a publication is not later than itself."""
    if item is None or tag is None:
        return item or tag
    return tag if item.date() - tag.date() > _REPUBLISHED else item


def _read_article_item(
    item: dict[str, Any], meta: PageMetadata, published: list[Any], modified: list[Any]
) -> None:
    _append(meta.titles, item.get("headline"))
    if item.get("headline"):
        # An item's name after its headline: some wikis put a one-line description in the
        # headline and the page's own title in the name, which the h1 then prints.
        _append(meta.titles, item.get("name"))
    _append(meta.descriptions, item.get("description"))
    published.extend(_as_list(item.get("datePublished")))
    modified.extend(_as_list(item.get("dateModified")))
    _read_authors(item, meta)
    for publisher in _as_list(item.get("publisher")) + _as_list(item.get("sourceOrganization")):
        _append(meta.site_names, publisher)
    for section in _as_list(item.get("articleSection")):
        _append(meta.sections, section)
    for keyword in _as_list(item.get("keywords")):
        for part in keyword.split(",") if isinstance(keyword, str) else [keyword]:
            _append(meta.keywords, part)
    if meta.image is None:
        image = item.get("image") or item.get("thumbnailUrl")
        image = image[0] if isinstance(image, list) and image else image
        image = image.get("url") if isinstance(image, dict) else image
        meta.image = image if isinstance(image, str) and image else None


def _read_authors(item: dict[str, Any], meta: PageMetadata) -> None:
    for author in _as_list(item.get("author")) + _as_list(item.get("creator")):
        kinds = _types(author) if isinstance(author, dict) else {"person"}
        target = meta.organization_authors if kinds & _SITE_TYPES else meta.person_authors
        _append(target, author)


def _same_article_items(structured: list[dict[str, Any]], first: dict[str, Any]) -> list[dict[str, Any]]:
    """Other JSON-LD items describing the page's own article: a theme and an SEO plugin each print
    one, and only one of them may fill `author` or `datePublished`. An item with another headline
    is a teaser's, never the page's; one with no headline is the plugin's bare copy."""
    headline = first.get("headline")
    own = clean(headline) if isinstance(headline, str) else ""
    same = []
    for item in structured:
        if item is first or not (_types(item) & _ARTICLE_TYPES):
            continue
        other = item.get("headline")
        if other is None or (isinstance(other, str) and clean(other) == own):
            same.append(item)
    return same


def _read_breadcrumb(item: dict[str, Any], meta: PageMetadata) -> None:
    entries = sorted(
        _as_list(item.get("itemListElement")),
        key=lambda e: (
            int(e.get("position", 0)) if isinstance(e, dict) and str(e.get("position", "")).isdigit() else 0
        ),
    )
    for entry in entries:
        if isinstance(entry, dict):
            _append(meta.breadcrumbs, entry.get("name") or entry.get("item"))


def read_metadata(tree: HtmlElement, base_url: str, page: str = "") -> PageMetadata:
    """Collect every structured claim the page makes about itself. `page` is the page's text, for
    the claims printed inside comments (`trackback_date`), which the parsed tree no longer holds."""
    meta = PageMetadata()
    published: list[Any] = []
    modified: list[Any] = []

    structured = _jsonld_items(tree)
    articles = [item for item in structured if _types(item) & _ARTICLE_TYPES][:1]
    marked_up = [item for item in _microdata_items(tree, base_url) if _types(item) & _ARTICLE_TYPES]
    # The page's own article: the first JSON-LD one (templates print the page's item first), and a
    # microdata item only when it is the only one (several are a list of teasers).
    articles += marked_up if len(marked_up) == 1 else []
    for item in articles:
        _read_article_item(item, meta, published, modified)
    for item in _same_article_items(structured, articles[0]) if articles else []:
        if not published:
            published.extend(_as_list(item.get("datePublished")))
        if not (meta.person_authors or meta.organization_authors):
            _read_authors(item, meta)
    for item in structured:
        kinds = _types(item)
        if "breadcrumblist" in kinds:
            _read_breadcrumb(item, meta)
        elif kinds & _SITE_TYPES:
            _append(meta.site_names, item.get("name"))
    if not articles:  # a bare WebPage item still names the headline on some CMSs
        for item in structured:
            if "webpage" in _types(item):
                _append(meta.titles, item.get("headline"))

    tags = _meta_tags(tree)
    tags.update({k: v for k, v in _opengraph(tree).items() if k not in tags})
    for key in _TITLE_KEYS:
        for value in tags.get(key, []):
            _append(meta.titles, value)
    for key in _DESCRIPTION_KEYS:
        for value in tags.get(key, []):
            _append(meta.descriptions, value)
    for key in _AUTHOR_KEYS:
        for value in tags.get(key, []):
            if not value.lower().startswith(("http://", "https://", "@", "www.")):
                _append(meta.meta_tag_authors, value)
    for key in _SITE_KEYS:
        for value in tags.get(key, []):
            _append(meta.site_names, value.lstrip("@"))
    for key in _SECTION_KEYS:
        for value in tags.get(key, []):
            _append(meta.sections, value)
    for value in tags.get("articlesection", []):
        _append(meta.microdata_sections, value)
    for value in tags.get("article:tag", []):
        _append(meta.tags, value)
    for key in ("news_keywords", "keywords"):
        for value in tags.get(key, []):
            if clean(html.unescape(value)) in meta.descriptions:
                continue  # some templates fill "keywords" with the sapo; those are not keywords
            for part in value.split(","):
                _append(meta.keywords, part)
    for key in _IMAGE_KEYS:
        if meta.image is None and tags.get(key):
            meta.image = tags[key][0]

    meta.modified = _first_date(modified) or _first_date(
        [v for key in _MODIFIED_KEYS for v in tags.get(key, [])]
    )
    # The update stamp first: it settles which way an ambiguous publication date reads.
    meta.published = _earlier_publication(
        _first_date(published, meta.modified),
        _first_date([v for key in _PUBLISHED_KEYS for v in tags.get(key, [])], meta.modified),
    )

    title = tree.find(".//title")
    meta.document_title = clean(title.text_content()) if title is not None else ""
    canonical = tree.xpath(
        '//link[@rel and contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'
    )
    meta.canonical = canonical[0].strip() if canonical else None
    og_url = tags.get("og:url")
    meta.og_url = og_url[0] if og_url else None
    og_type = tags.get("og:type")
    meta.og_type = og_type[0].lower() if og_type else None
    if meta.published is None:  # a blog's trackback RDF, in a comment after the post
        stamp = trackback_date(page, (base_url, meta.canonical or "", meta.og_url or ""))
        meta.published = _first_date([stamp]) if stamp else None
    return meta
