"""HTML page → `indexer.schema.Article`: the extraction layer the crawler, `ocop extract` and
`ocop reprocess` all call.

Pipeline (docs/extraction.md explains each step and why it is there):

    bytes ─► encoding.decode_html ─► dom.parse_html ─► metadata.read_metadata   (JSON-LD, og:, meta)
          ─► canonical URL, outlet names ─► per-site remove_selectors
          ─► title.choose_title + the headline element
          ─► chrome.take_captions ─► tickers.remove_ticker_lines ─► lead.find_lead
          ─► chrome.take_tag_lists ─► chrome.remove_related_boxes
          ─► byline.find_byline, dateline.find_printed_date                     (the page's own byline)
          ─► chrome.remove_control_boxes, chrome.remove_market_boxes            (widgets in the text)
          ─► blocks.extract_blocks (trafilatura; per-site body_selectors) ─► body.clean_body
          ─► authors, dates, section, tags resolved by trust order ─► Article

No Scrapy here: the spider hands over bytes and headers, and this module is a plain function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.blocks import Block, extract_blocks
from crawler.extraction.body import BodyContext, CleanBody, clean_body
from crawler.extraction.byline import (
    Byline,
    PageByline,
    add_names,
    agency_name,
    aligned_lines,
    author_boxes,
    completes,
    find_byline,
    find_closing_byline,
    parse_byline,
    section_links,
    site_named_for_writer,
)
from crawler.extraction.chrome import (
    find_labels,
    remove_comment_sections,
    remove_control_boxes,
    remove_labelled_link_lists,
    remove_market_boxes,
    remove_related_boxes,
    remove_summary_boxes,
    take_captions,
    take_tag_lists,
)
from crawler.extraction.collector import collecting_less
from crawler.extraction.contents_tables import remove_contents_tables
from crawler.extraction.corroboration import confirmed_elsewhere
from crawler.extraction.dateline import closing_date, day_only, find_printed_date, with_closing
from crawler.extraction.dates import date_from_url, plausible
from crawler.extraction.dom import (
    NotHtmlError,
    PageIndex,
    ancestors,
    apply_script_writes,
    attached,
    in_chrome,
    is_hidden,
    next_element,
    parse_html,
    remove,
    remove_hidden,
    select,
    short_text,
    text_of,
    unwrap_layout_tables,
    words_of,
)
from crawler.extraction.encoding import decode_html, legacy_font_encoding
from crawler.extraction.headline_parts import marked_headline
from crawler.extraction.keys import squash, word_count
from crawler.extraction.lead import find_lead
from crawler.extraction.listing import listing_evidence
from crawler.extraction.loose_text import lift_trailing_breaks, wrap_loose_text
from crawler.extraction.metadata import PageMetadata, read_metadata
from crawler.extraction.next_article import remove_next_articles
from crawler.extraction.notices import notice_evidence
from crawler.extraction.outlet import OutletNames, is_home_href, names_on_home_links
from crawler.extraction.prompt_boxes import remove_prompt_boxes
from crawler.extraction.published import Published, against_url_day, resolve_published
from crawler.extraction.recovery import recover_lost_text
from crawler.extraction.subheads import unwrap_linked_subheads
from crawler.extraction.teasers import find_teasers
from crawler.extraction.threads import find_thread, prune_thread
from crawler.extraction.tickers import remove_ticker_lines
from crawler.extraction.title import (
    HEADLINE_WORDS,
    choose_title,
    kicker_before,
    names_a_site,
    prefer_visible,
    revises,
    strip_marks,
    title_prefixes,
    title_segments,
    title_suffixes,
)
from crawler.extraction.vocab import load
from crawler.urls import (
    address_key,
    canonicalize_url,
    host_of,
    is_web_url,
    joined_url,
    readable_url,
    same_site,
)
from indexer.errors import UnreadableInput
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import clean, fold

__all__ = ["ExtractionError", "extract_article"]


class ExtractionError(UnreadableInput):
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
# An RSS, Atom or RSS 1.0 (RDF) document: the root element, after an XML declaration, comments,
# processing instructions (a stylesheet) or a doctype.
# A comment may not run past its own "-->", and the prolog is matched possessively: with ".*?"
# free to span several comments, a page opening with many (IE conditional comments) made the
# failed match backtrack for minutes.
_FEED_ROOT = re.compile(
    r"^\s*(?:(?:<\?[^>]*\?>|<!--(?:(?!-->).)*-->|<!DOCTYPE[^>]*>)\s*)*+<(rss|feed|rdf:RDF)\b", re.I | re.S
)
_FEED_KINDS = {"rss": "RSS", "feed": "Atom", "rdf:rdf": "RSS 1.0"}
_HOME_WORDS = frozenset({"trang chu", "home", "trang nhat", "tin tuc", "news"})
_TITLE_CLASS_WORDS = ("title", "tieude", "headline")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_TITLE_BLOCK_TAGS = frozenset({"div", "p", "span", "td", "strong", "b"})
_HIDDEN_CLASSES = frozenset(load("titles")["hidden_classes"])


def _shown(element: HtmlElement) -> bool:
    """The element is not hidden from the reader by its own markup (`hidden`, display:none, a CSS
    framework's hiding class): a hidden h1 carries the site's name or an SEO line for search
    engines, never the headline the reader sees."""
    return not is_hidden(element) and _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").split())


def _elsewhere(link: HtmlElement, page_urls: Sequence[str]) -> bool:
    """The link leads to another page: a link to the page itself (its address as fetched or as
    the page declares it; the headline a WordPress or Joomla template wraps in its permalink) is
    no other story's headline."""
    return _scripted(link) or _leads_away(link, page_urls)


def _scripted(link: HtmlElement) -> bool:
    """A link whose address is not written ("#", "javascript:;"): a script decides where it goes."""
    href = (link.get("href") or "").strip()
    return not href or href.startswith(("#", "javascript:"))


def _leads_away(link: HtmlElement, page_urls: Sequence[str]) -> bool:
    """The link's written address is another page than this one."""
    if _scripted(link):
        return False
    own = [canonicalize_url(url).rstrip("/") for url in page_urls if is_web_url(url)]
    href = (link.get("href") or "").strip()
    joined = joined_url(page_urls[0], href) if own else None  # None: an address urllib cannot read
    return not own or joined is None or canonicalize_url(joined).rstrip("/") not in own


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
    if not body or body.isspace():  # all whitespace: the same test as strip(), without a copy of the page
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


def _home_link_texts(tree: HtmlElement) -> list[tuple[str, str]]:
    """(href, text) of links that may point to the site's home page: their text, title and the alt
    of an image inside (a logo)."""
    found: list[tuple[str, str]] = []
    for link in tree.iter("a"):
        href = link.get("href") or ""
        if not is_home_href(href):
            continue
        texts = [short_text(link, 80) or "", link.get("title") or ""]
        texts += [img.get("alt") or "" for img in link.iter("img")]
        found.extend((href, text) for text in texts if text)
    return found


def _outlet_names(tree: HtmlElement, meta: PageMetadata, outlet: str, host: str) -> OutletNames:
    """The outlet's names: the registry's, the page's declarations, and a <title> segment that the
    page's home link (the logo) also says."""
    segments = title_segments(meta.document_title)
    from_title = (
        names_on_home_links(_home_link_texts(tree), segments[1:] + segments[:1]) if len(segments) > 1 else []
    )
    # A declared site name that says the whole <title> or a metadata title is the template filling
    # og:site_name with the page's title ("Headline - Outlet"): the outlet is its last part.
    said = {squash(title) for title in (meta.document_title, *meta.titles)}
    declared = [
        (title_segments(name)[-1] if squash(name) in said else name)
        for name in meta.site_names
        if squash(name) not in said or len(title_segments(name)) > 1
    ]
    return OutletNames([outlet, *declared, *from_title], host)


_GLUED = re.compile(r"[,;:!?](?=[^\W\d_])")
_BOUNDARY = "\ue000"  # a private-use character: no page prints it


def _heading_text(element: HtmlElement) -> str:
    """The heading's text, with a space where two of its parts meet after a comma or a colon
    ("<span>Bắc Kạn:</span><span>Hợp tác xã …</span>": lines its CSS sets apart); within one text
    node "40,2km" and "08:47" stay as printed."""
    text = text_of(element)
    if not len(element) or not _GLUED.search(text):
        return text
    marked = deepcopy(element)
    for part in marked.iterdescendants():
        if isinstance(part.tag, str):
            part.text = _BOUNDARY + (part.text or "")
            part.tail = _BOUNDARY + (part.tail or "")
    spaced = re.sub(rf"([,;:!?]){_BOUNDARY}+(?=[^\W\d_])", r"\1 ", text_of(marked))
    return clean(spaced.replace(_BOUNDARY, ""))


def _headline_elements(
    tree: HtmlElement, meta: PageMetadata, outlet: OutletNames, page_urls: Sequence[str]
) -> list[tuple[HtmlElement, str]]:
    """Headings outside the page chrome that could be the headline; an h1 that only names the
    outlet (the logo) is not one, nor one that is a link to another page (a section's name linking
    to its page, the logo linking home)."""
    found = []
    for element in tree.iter("h1"):
        if in_chrome(element, sectioned=True) or not _shown(element) or _a_link(element, page_urls):
            continue
        text = _heading_text(element)
        if word_count(text) >= 2 and not outlet.matches(text):
            found.append((element, text))
        if len(found) == 5:
            break
    return found


def _printed_headlines(
    h1s: Sequence[tuple[HtmlElement, str]], headline: HtmlElement | None
) -> frozenset[str]:
    """Squashed texts of the h1s that may print the headline over the text. When the headline
    chosen is one of them, an h1 after it is a subhead set big (a profile page's "Our story" h1
    opening the text under the page's own h1), not another wording of the headline."""
    elements = [element for element, _ in h1s]
    upto = elements.index(headline) + 1 if headline in elements else len(h1s)
    return frozenset(squash(text) for _, text in h1s[:upto])


def _headings_saying(
    tree: HtmlElement, index: PageIndex, titles: Sequence[str], outlet: OutletNames, page_urls: Sequence[str]
) -> list[tuple[HtmlElement, str]]:
    """Headings, or blocks classed as a title ("tieude", "title-detail": 2000s templates print the
    headline in a styled div), outside the chrome, that say one of the `titles`, the part of one
    before a separator ("Headline | Outlet" → "Headline") or after it ("Báo X - Headline"), or a
    title's words carried on (og:title cut to the headline's first clause). A heading that names
    the outlet (the logo, "Báo X - …" in the <title>) is no headline, nor one linking to another
    page (a section's name over the headline, linking to the section)."""
    prefixes = {
        squash(p) for title in titles for p in [*title_prefixes(title), title, *title_suffixes(title)] if p
    }
    prefixes.discard("")
    if not prefixes:
        return []
    wholes = [squash(title) for title in titles if title]
    titled = index.with_word_containing(_TITLE_CLASS_WORDS)
    return [
        (el, t)
        for el in [*tree.iter("h1", "h2", "h3", "h4"), *titled]
        if not in_chrome(el)
        and _shown(el)
        and not _a_link(el, page_urls)
        and (el.tag in _HEADING_TAGS or el.tag in _TITLE_BLOCK_TAGS)
        and (
            squash(t := _heading_text(el)) in prefixes
            or (_carries_on(squash(t), wholes) and not _holds(el, wholes))
        )
        and not outlet.matches(t)
    ]


def _holds(element: HtmlElement, titles: Sequence[str]) -> bool:
    """A block inside the element says one of the (squashed) `titles` alone: the element is the
    wrapper of the headline and what follows it (a cover picture's caption), not a heading."""
    inner = (node for node in element.iterdescendants() if isinstance(node.tag, str))
    return any(squash(text_of(node)) in titles for node in inner)


def _carries_on(heading: str, titles: Sequence[str]) -> bool:
    """The heading says one of the (squashed) headline-long `titles` and goes on after it."""
    return any(word_count(t) >= HEADLINE_WORDS and heading.startswith(t + " ") for t in titles)


_OUTLET_NAME_WORDS = 5  # "Báo Nông nghiệp Việt Nam": an outlet's name is short


def _names_outlet(title: str, outlet: OutletNames) -> bool:
    """The title is the outlet's name alone, as templates fill og:title or <title> by default."""
    return len(title.split()) <= _OUTLET_NAME_WORDS and outlet.matches(title)


def _headline(
    tree: HtmlElement,
    meta: PageMetadata,
    outlet: OutletNames,
    index: PageIndex,
    page_urls: Sequence[str],
    h1s: list[tuple[HtmlElement, str]],
) -> _Headline:
    """`h1s` are the page's `_headline_elements`, found once: the body rules read them too."""
    sections = [*meta.sections, *meta.breadcrumbs, *meta.microdata_sections]
    # A metadata title or <title> that only names the outlet is the template's default, not this
    # article's headline ("Báo X" as og:title on every page). One naming sections as well is kept:
    # a section page's title says what the page is ("Tin Kinh doanh - …"), and the listing rules
    # read it.
    titles = [t for t in meta.titles if not _names_outlet(t, outlet)]
    document_title = "" if _names_outlet(meta.document_title, outlet) else meta.document_title
    # No title says a headline ("Kinh tế - Báo X", "Tin tức", none at all, the site's tagline): the
    # one the page prints is the article's, and titles sharing hardly a word with it name the site.
    taglines = _taglines(titles, meta.document_title, outlet)
    if not any(_headline_long(t) for t in (*titles, document_title) if t not in taglines) and (
        printed := _typeset_headline(tree, index, page_urls)
    ):
        headings = [  # a short headline's; not a hidden heading's, nor a link's (the logo's)
            f" {squash(text_of(h))} "
            for h in tree.iter("h1", "h2", "h3")
            if _shown(h) and not _a_link(h, page_urls)
        ]
        site = {t for t in (*titles, document_title) if _names_site(t, printed[1], headings, t in taglines)}
        if site:
            titles = [t for t in titles if t not in site]
            document_title = "" if document_title in site else document_title
            h1s = [printed, *(h1 for h1 in h1s if h1[0] is not printed[0])]  # before a popup's h1
    if titles:
        titles = _printed_title_first(titles, h1s)
        candidates = [*titles, *(text for _, text in h1s)]
        if not h1s:  # no h1 headline: a heading that says a metadata title's headline part
            said = _headings_saying(tree, index, [titles[0], document_title], outlet, page_urls)
            h1s = said
            candidates += [t for _, t in said]
    else:  # without structured titles a heading leads only if <title> confirms it (h1 is often the logo)
        # "Headline | Outlet" → "Headline"; a <title> without a separator is the headline whole
        said = _headings_saying(tree, index, [document_title], outlet, page_urls)
        if not said:  # a block saying the <title>'s headline part alone (its class name says nothing)
            parts = [*title_prefixes(document_title), document_title, *title_suffixes(document_title)]
            block = next(
                (b for part in parts if (b := _block_saying(tree, squash(part), page_urls)) is not None), None
            )
            said = [(block, text_of(block))] if block is not None else []
        title_words = set(squash(document_title).split())
        confirmed = [
            t
            for _, t in h1s
            if title_words and len(set(squash(t).split()) & title_words) >= 0.6 * len(squash(t).split())
        ]
        if said:
            h1s = said + h1s
        candidates = (
            [t for _, t in said]
            or confirmed
            or ([] if title_words and not _site_wide(document_title, h1s, outlet) else [t for _, t in h1s])
        )
    title = choose_title(candidates, document_title=document_title, outlet=outlet, sections=sections)
    if titles and h1s and not _kicker_element(h1s[0][0], title):
        # the visible h1 over a metadata title that words the headline otherwise
        metadata_title, title = title, prefer_visible(title, h1s[0][1])
        if _title_says(document_title, h1s[0][1]):  # <title> and heading agree: og:title reworded
            title = h1s[0][1]
        elif title == metadata_title and revises(h1s[0][1], [title, *title_segments(document_title)[:1]]):
            title = clean(h1s[0][1])  # the printed headline, revised after the metadata was written
    if h1s and squash(title) == squash(h1s[0][1]) and (rest := _after_kicker(h1s[0][0])):
        named = [*titles, *title_prefixes(document_title), document_title, *title_suffixes(document_title)]
        title = rest if squash(rest) in {squash(t) for t in named} else title  # the kicker left out
    marked = h1s[0][0] if h1s and _marked_part_of(h1s[0][0], title) else None
    if marked is not None:  # the headline part of an h1 whose markup names its kicker or subtitle
        title = marked_headline(marked)
    title = strip_marks(title)
    key = squash(title)
    element = None
    if key:
        element = marked if marked is not None else next((el for el, text in h1s if _says(text, key)), None)
        kicked = (
            None if element is not None else next((el for el, _ in h1s if _kicker_element(el, title)), None)
        )
        if kicked is not None:  # the kicker is a label: the text keeps no copy of it
            element = kicked
            for node in kicked[0].iter():
                node.text, node.tail = None, node.tail if node is kicked[0] else None
        if element is None:  # the h1 printing a kicker before the headline ("NÓNG Headline")
            element = next((el for el, text in h1s if kicker_before(squash(text), key)), None)
        if element is None:  # no matching h1: an h2/h3 that says the title (the h1 is the logo or absent)
            element = next(
                (el for el in tree.iter("h2", "h3") if _says(text_of(el), key) and not in_chrome(el)),
                None,
            )
        if element is None:  # a heading-like element classed "title" that says it
            element = next(
                (
                    el
                    for el in tree.iter("h1", "h2", "h3", "div", "p", "span", "a")
                    if "title" in (el.get("class") or "").lower() and squash(short_text(el, 300) or "") == key
                ),
                None,
            )
        if element is None:  # a block that says the title alone (no class word says "title")
            element = _block_saying(tree, key, page_urls)
    return _Headline(title, element, index.of(element))


def _printed_title_first(titles: list[str], h1s: Sequence[tuple[HtmlElement, str]]) -> list[str]:
    """The metadata titles with the one the h1 prints first. og:title, twitter:title and the
    JSON-LD headline may word the story differently (one written for sharing, one for search);
    the one the page also prints as its headline is the headline readers see, told by two of the
    page's own sources, not by the order a template happens to write its tags in."""
    if not h1s:
        return titles
    printed = squash(h1s[0][1])
    said = [title for title in titles if squash(title) == printed]
    return [*said, *(title for title in titles if title not in said)] if said else titles


_KICKER_TAGS = frozenset({"span", "a", "em", "i", "b", "strong", "small", "label", "sup"})


def _after_kicker(heading: HtmlElement) -> str:
    """The heading's text after an element of its own that opens it ("<h1><span>Nông thôn
    mới</span> Headline"): a kicker set apart by markup, when a title says the rest. An empty icon
    before it ("<i class=…></i> <span>Ảnh</span> Headline") says nothing. "" if none."""
    if (heading.text or "").strip():
        return ""
    first = None
    for child in heading:
        if isinstance(child.tag, str) and text_of(child):
            first = child
            break
        if (child.tail or "").strip():
            return ""
    if first is None or first.tag not in _KICKER_TAGS:
        return ""
    text, label = _heading_text(heading), text_of(first)
    return text[len(label) :].strip() if label and text.startswith(label) else ""


def _kicker_element(heading: HtmlElement, title: str) -> bool:
    """The heading says the `title` after a kicker element of its own."""
    rest = _after_kicker(heading)
    return bool(rest) and squash(rest) == squash(title)


def _marked_part_of(heading: HtmlElement, title: str) -> bool:
    """The title says the heading's marked headline part and more: the kicker or subtitle the
    heading's markup sets apart, glued to it by the heading's text or by a metadata title."""
    part = squash(marked_headline(heading))
    return bool(part) and part != squash(title) and part in squash(title)


def _says(text: str, key: str) -> bool:
    """The heading's `text` is the (squashed) title, but for the marks printed around it ("[Video]",
    "(Ảnh)", an emoji)."""
    said = squash(text)
    return said == key or (key in said and squash(strip_marks(text)) == key)


def _headline_long(title: str) -> bool:
    """A part of the title is as long as a headline: no section's or site's name."""
    return any(
        word_count(squash(part)) >= _HEADLINE_BLOCK_WORDS and not names_a_site(part)
        for part in title_segments(title)
    )


def _taglines(titles: Sequence[str], document_title: str, outlet: OutletNames) -> set[str]:
    """The metadata titles that say the site's name and go on with its tagline: og:title "Báo X -
    Tin tức nông nghiệp, nông thôn mới nhất" over a <title> "Báo X" that names a site, filled in
    on every page however long it is."""
    if not (names_a_site(document_title) or _names_outlet(document_title, outlet)):
        return set()
    return {
        t
        for t in titles
        if len(segments := title_segments(t)) > 1 and squash(segments[0]) == squash(document_title)
    }


def _names_site(title: str, headline: str, headings: Sequence[str], tagline: bool = False) -> bool:
    """A short title sharing hardly a word with the headline the page prints: the site's or a
    section's name ("Báo X", "Kinh tế - Báo X", "Tin tức"), filled in on every page. One that a
    heading prints (the title or a part of it; of three words or more, within the heading too) is
    a short headline ("Wie entsteht Erdöl?", "Thema … Mehr Transparenz bei Preisanpassungen")."""
    if not title or (_headline_long(title) and not tagline):
        return False
    for part in [title, *title_segments(title)]:
        key = f" {squash(part)} "
        if key.strip() and any(key == h or (len(key.split()) >= 3 and key in h) for h in headings):
            return False
    words = set(squash(headline).split())
    return len(set(squash(title).split()) & words) < _SITE_TITLE_OVERLAP * len(words)


# Display type: <font size="4"> and up, an inline font-size of 18px / 14pt / 1.3em / 130 % and up
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|r?em|%)", re.I)
_DISPLAY_SIZE = {"px": 18.0, "pt": 14.0, "em": 1.3, "rem": 1.3, "%": 130.0}


_DISPLAY_CLASS = re.compile(load("titles")["display_class"])


def _display_type(element: HtmlElement) -> bool:
    """The element is set larger than text: a 2000s <font size="5">, a styled <p> or <div>, a
    block with a utility class for display type ("text-3xl", "fs-2")."""
    if any(_DISPLAY_CLASS.search(token) for token in (element.get("class") or "").split()):
        return True
    if element.tag == "font":
        size = (element.get("size") or "").strip()
        return size.isdigit() and int(size) >= 4 or size in ("+1", "+2", "+3", "+4")
    styled = _FONT_SIZE.search(element.get("style") or "")
    return styled is not None and float(styled[1]) >= _DISPLAY_SIZE[styled[2].lower()]


def _typeset_headline(
    tree: HtmlElement, index: PageIndex, page_urls: Sequence[str]
) -> tuple[HtmlElement, str] | None:
    """The first headline-long heading, block classed as a title or block set in display type,
    outside the chrome and links (other stories' headlines are links), that is no sentence (a sapo
    set in an h2 ends with a full stop, a hidden h1 an SEO line): a page whose titles say nothing
    prints its headline so."""
    titled = set(index.with_word_containing(_TITLE_CLASS_WORDS))
    for element in tree.iter("h1", "h2", "h3", "font", "p", "div", "td", "span"):
        if element.tag not in _HEADING_TAGS and element not in titled and not _display_type(element):
            continue
        text = short_text(element, 300)
        if not text or word_count(text) < _HEADLINE_BLOCK_WORDS or text.endswith(".") or in_chrome(element):
            continue
        if _shown(element) and not _linked_elsewhere(element, page_urls) and not _heads_links(element):
            return element, text
    return None


_BOX_LINKS = 3


def _heads_links(heading: HtmlElement) -> bool:
    """The block heads a list of links ("Tin bài nhiều người quan tâm" over other stories'
    headlines): a box's heading, not the article's. The headline is followed by its text."""
    follower = next_element(heading)
    if follower is None:
        return False
    links = [text for a in follower.iter("a") if len((text := text_of(a)).split()) >= HEADLINE_WORDS]
    linked = sum(len(t) for t in links)  # stories' headlines, not names (an author box) or share buttons
    return len(links) >= _BOX_LINKS and linked >= 0.8 * len(text_of(follower))


_SITE_TITLE_OVERLAP = 0.25  # "Nhân dân" and "Nông dân" share a word by chance, not a headline


def _site_wide(document_title: str, h1s: Sequence[tuple[HtmlElement, str]], outlet: OutletNames) -> bool:
    """The <title> is the site's, not the article's ("Báo X - Tin tức Kinh tế, thời sự 24h": a
    segment names the outlet, hardly a word of it is in the h1), and one headline-long h1 is on the
    page: that h1 is the headline, the template never filled the <title> in."""
    if len(h1s) != 1 or word_count(h1s[0][1]) < _HEADLINE_BLOCK_WORDS:
        return False
    segments = title_segments(document_title)
    words = set(squash(h1s[0][1]).split())
    shared = len(set(squash(document_title).split()) & words) / len(words)
    return len(segments) > 1 and any(outlet.matches(s) for s in segments) and shared < _SITE_TITLE_OVERLAP


def _title_says(document_title: str, heading: str) -> bool:
    """The <title>, or its part before or after a separator, is the `heading` word for word."""
    key = squash(heading)
    parts = [*title_prefixes(document_title), document_title, *title_suffixes(document_title)]
    return word_count(key) >= HEADLINE_WORDS and any(squash(p) == key for p in parts)


_HEADLINE_BLOCK_WORDS = 6  # a section name ("Kinh doanh") is no headline to anchor on


def _block_saying(tree: HtmlElement, key: str, page_urls: Sequence[str]) -> HtmlElement | None:
    """The first element without children whose text is the title, outside links and the chrome:
    the headline a template sets in a styled div ("title-detail") when its class name is hashed.
    Only for a headline-long title: a listing's title is its section's name, which menus and box
    headings print too."""
    words = len(key.split())
    if words < _HEADLINE_BLOCK_WORDS:
        return None
    for element in tree.iter(*_TITLE_BLOCK_TAGS, "a"):
        text = element.text
        if not text or len(element) or abs(len(text.split()) - words) > 2 or squash(text) != key:
            continue
        if not in_chrome(element) and not _linked_elsewhere(element, page_urls):
            return element
    return None


def _a_link(element: HtmlElement, page_urls: Sequence[str]) -> bool:
    """The element's text is a link to another page (its address written): a section's name or
    the logo set in a heading says where it leads, not what the page is about."""
    text = text_of(element)
    linked = sum(len(text_of(a)) for a in element.iter("a") if _leads_away(a, page_urls))
    return bool(text) and linked >= 0.8 * len(text)


def _linked_elsewhere(element: HtmlElement, page_urls: Sequence[str]) -> bool:
    """The element is, holds or sits in a link to another page (another story's headline)."""
    links = [*element.iter("a"), *(a for a in ancestors(element) if a.tag == "a")]
    return any(_elsewhere(link, page_urls) for link in links)


def _authors(
    meta: PageMetadata,
    outlet: OutletNames,
    printed: Sequence[Byline | None],
    found: Sequence[Byline | None],
    tags: Byline | None,
    tree: HtmlElement,
) -> tuple[list[str], str | None]:
    """Names from the byline printed with the article first (by the headline, or in the text's
    own lines), then structured data, then the other bylines found on the page in the order
    given: the first source that names a person wins. The reader sees the printed byline; where
    metadata names someone else (an editor, the account that uploaded the story) the printed one
    is right (issue #10), unless the structured data's writer is printed too and the printed
    credit names none of them (corroboration.py). `found` holds what is printed elsewhere on the
    page; `tags` is the meta tags' byline, metadata, not print, so it never corroborates and
    comes last. Agencies accumulate, structured data's first."""
    structured = Byline()
    agency: str | None = None
    for raw in meta.person_authors:
        byline = parse_byline(raw, outlet, field=True)
        if byline is not None and byline.outlet_only and not byline.authors:
            byline = site_named_for_writer(raw, outlet) or byline  # a personal site's Person
        if byline:
            add_names(structured.authors, byline.authors)
            agency = agency or byline.agency
    for raw in meta.organization_authors:
        if not outlet.matches(raw):
            agency = agency or agency_name(raw) or clean(raw)
    credit = next((byline for byline in printed if byline and byline.authors), None)
    if credit is not None and confirmed_elsewhere(structured, credit, [*printed, *found], tree):
        printed = [byline for byline in printed if byline is not credit]
    authors: list[str] = []
    short: Byline | None = None  # a byline that counted co-authors it did not name
    for byline in (*printed, structured, *found, tags):
        if byline is None:
            continue
        if not authors and byline.authors:
            authors = list(byline.authors)
            short = byline if byline.incomplete else None
        elif short is not None and completes(short, byline):
            authors, short = list(byline.authors), None  # the full list, printed further down
        agency = agency or byline.agency
    if agency and agency.casefold() in {name.casefold() for name in authors}:
        agency = None  # a writer typed as an Organization in JSON-LD is the writer, not an agency
    return authors, agency


def _named_elsewhere(
    meta: PageMetadata, outlet: OutletNames, page_byline: PageByline | None
) -> frozenset[str]:
    """Writers named outside the text (structured data, meta tags, the byline element), case-folded:
    a bare name opening the text is its byline when one of these agrees."""
    names = [*(page_byline.byline.authors if page_byline else [])]
    for raw in [*meta.person_authors, *meta.meta_tag_authors]:
        if byline := parse_byline(raw, outlet, field=True):
            names.extend(byline.authors)
    return frozenset(name.casefold() for name in names)


def _meta_tag_byline(meta: PageMetadata, outlet: OutletNames) -> Byline | None:
    merged = Byline()
    for raw in meta.meta_tag_authors:
        byline = parse_byline(raw, outlet, field=True)
        if byline:
            add_names(merged.authors, byline.authors)
            merged.agency = merged.agency or byline.agency
    return merged if merged.authors or merged.agency else None


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
    meta: PageMetadata,
    tree: HtmlElement,
    index: PageIndex,
    headline: _Headline,
    url: str,
    crawled: datetime,
    closing: Sequence[str] = (),
    last_paragraph: str | None = None,
    *,
    crawl_known: bool = True,
    date_anchor: HtmlElement | None = None,
    first_paragraph: str | None = None,
) -> Published:
    """Structured metadata, the date printed next to the headline (or else with the closing
    byline, `closing`: the lines the body took as the byline and its date, or as a stamp right after
    `last_paragraph`), the URL (published.py); none when the URL's day is far from the chosen one.
    A page with no headline and no metadata date has its date looked for next to the text's
    `first_paragraph` instead, by the same rules: a forum post's or a bare page's stamp sits
    right above its text."""
    anchor = headline.element if headline.element is not None else date_anchor
    if anchor is not None and index.of(anchor) < 0:
        anchor = None
    headed = anchor is not None
    if anchor is None and meta.published is None and first_paragraph:
        anchor = _paragraph_element(tree, first_paragraph)
        anchor = anchor if anchor is not None and index.of(anchor) >= 0 else None
    printed = find_printed_date(tree, index, anchor, crawled)
    weak = printed is None or printed.print_edition or day_only(printed)
    if weak and meta.published is None and (closing or last_paragraph):
        printed = with_closing(printed, closing_date(closing, tree, crawled, last_paragraph=last_paragraph))
    from_url = date_from_url(url)
    found = resolve_published(
        meta.published,
        printed,
        from_url,
        crawled,
        anchored=headed,
        crawl_known=crawl_known,
    )
    issue = printed.value if printed is not None and printed.print_edition else None
    return against_url_day(found, from_url, crawled, issue)


def _paragraph_element(tree: HtmlElement, paragraph: str) -> HtmlElement | None:
    """The element that prints the paragraph, and nothing else, first in page order."""
    key = clean(paragraph)
    for element in tree.iter("p", "div", "td", "li", "blockquote"):
        if clean(element.text_content()) == key:
            return element
    return None


def _date_anchor(
    tree: HtmlElement, headline: _Headline, h1s: Sequence[tuple[HtmlElement, str]]
) -> HtmlElement | None:
    """Where to look for the printed date when no element was taken as the headline: an h1 that
    says the title word for word (a one-word headline is no headline for the title rules, but it
    still heads the article's byline block), else the page's one h1 that could be a headline (the
    title was taken from metadata that words it otherwise). A date is then read next to it by the
    usual rules; the title, the byline and the text do not change."""
    if headline.element is not None:
        return None
    key = squash(headline.text)
    for element in tree.iter("h1") if key else ():
        if squash(_heading_text(element)) == key and _shown(element):
            return None if in_chrome(element, sectioned=True) else element
    shown = [element for element, _ in h1s if attached(element, tree)]
    return shown[0] if len(shown) == 1 else None


_CLOSING_RULES = ("closing byline", "closing lines", "byline element", "date line")


def _closing_notice(blocks: Sequence[Block], cleaned: CleanBody) -> str | None:
    """The last block, when it is a prompt the body dropped after its last paragraph (a notice
    box, "Mọi thông tin, góp ý xin gửi về …"): a signature the body extractor cut after that box
    follows the notice, not the last paragraph (session 16)."""
    prompts = {text for rule, text in cleaned.dropped if rule == "prompt"}
    last = blocks[-1].text if blocks else ""
    return last if last in prompts and last not in cleaned.paragraphs else None


def _closing_lines(cleaned: CleanBody, page_byline: PageByline | None) -> list[str]:
    """The texts the body took as a byline (its closing lines, the page's byline element kept as a
    line), then its date lines, when it found one."""
    if cleaned.byline is None and page_byline is None:
        return []
    return [text for rule in _CLOSING_RULES for kind, text in cleaned.dropped if kind == rule]


@collecting_less()
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
    no article text; invalid CSS in the selectors raises ValueError (a registry bug, not a page).
    The cycle collector runs in larger steps meanwhile (collector.py)."""
    crawled_at = _crawl_time(crawled)
    if not readable_url(url):
        raise ExtractionError(
            f"the page's address {url!r} cannot be read (a broken host or port): "
            "give the address it was fetched from"
        )
    _reject_non_html(body, http_content_type)
    page = decode_html(body, http_content_type)
    if feed := _FEED_ROOT.match(page.text[:65536]):
        kind = _FEED_KINDS[feed.group(1).lower()]
        raise ExtractionError(f"a news feed ({kind}), not an article page: its items link to the articles")
    if not _MARKUP.search(page.text[:65536]):
        raise ExtractionError("not HTML: no HTML markup in the first 64 kB")
    if legacy := legacy_font_encoding(page.text):
        raise ExtractionError(
            f"legacy Vietnamese font encoding ({legacy}): the page is written for a {legacy} font, "
            "not in Unicode; its text cannot be read without conversion, which is not supported"
        )
    try:
        tree = parse_html(page.text)
    except NotHtmlError as error:
        raise ExtractionError(str(error)) from error

    meta = read_metadata(tree, url if is_web_url(url) else "http://localhost/", page.text)
    final_url = _canonical_url(url, meta)
    host = host_of(final_url) if is_web_url(final_url) else ""
    outlet_names = _outlet_names(tree, meta, outlet, host)
    for element in select(tree, remove_selectors):
        remove(element)
    apply_script_writes(tree)
    # Structured data and script-written text have been read: scripts and styles are no longer
    # needed, and every later walk of the tree (and trafilatura's own cleaning) is cheaper without.
    etree.strip_elements(tree, "script", "style", with_tail=False)
    unwrap_layout_tables(tree)
    wrap_loose_text(tree)
    lift_trailing_breaks(tree)
    unwrap_linked_subheads(tree)
    index = PageIndex(tree)
    h1s = _headline_elements(tree, meta, outlet_names, (url, final_url))
    headline = _headline(tree, meta, outlet_names, index, (url, final_url), h1s)
    printed_headlines = _printed_headlines(h1s, headline.element)
    if hidden := remove_hidden(tree, keep=(headline.element,)):
        index = index.without(hidden)
        headline = _Headline(headline.text, headline.element, index.of(headline.element))
    # The page's date, read with the same metadata, anchor and crawl-time knowledge at both calls.
    dated = partial(
        _published, meta, tree, crawl_known=crawled is not None, date_anchor=_date_anchor(tree, headline, h1s)
    )
    thread_published, thread_message = None, None
    thread = find_thread(tree, headline.element)
    if thread is not None:
        # A forum thread: its first post is the article. Its date is read before the posts'
        # headers (where the thread prints it) leave with the replies.
        thread_published = dated(index, headline, final_url, crawled_at)
        thread_message = prune_thread(tree, thread, keep=headline.element)
        index = PageIndex(tree)
        headline = _Headline(headline.text, headline.element, index.of(headline.element))

    labels = find_labels(tree)  # comment labels included: they head boxes no class word marks
    remove_comment_sections(
        tree, index, keep=(headline.element,), headline_at=headline.position, labels=labels
    )
    remove_summary_boxes(labels, tree, keep=(headline.element,))
    labels = [label for label in labels if not label.comment and attached(label.element, tree)]
    teasers = find_teasers(tree, keep=(headline.element,))
    captions = take_captions(tree, index, headline.position, headline.element, meta.descriptions)
    remove_ticker_lines(tree, index, headline.position, keep=(headline.element,))
    lead, lead_element = find_lead(
        tree,
        index,
        headline_at=headline.position,
        descriptions=meta.descriptions,
        captions=captions,
        skip=teasers.cards,
    )
    dom_tags = take_tag_lists(index, labels)
    remove_related_boxes(tree, labels, keep=(headline.element, lead_element))
    remove_contents_tables(tree, keep=(headline.element, lead_element))
    remove_labelled_link_lists(
        tree, final_url if is_web_url(final_url) else None, keep=(headline.element, lead_element)
    )
    page_byline = find_byline(tree, index, headline.position, outlet_names)
    # Widgets set into the article (session 16): their boxes go before the body is read.
    keep = (headline.element, lead_element)
    byline_lines = page_byline.lines if page_byline else frozenset()
    remove_control_boxes(tree, index, headline.position, keep, byline_lines)
    remove_prompt_boxes(tree, index, headline.position, keep, byline_lines)
    remove_market_boxes(tree, index, headline.position, keep)
    remove_next_articles(tree, final_url if is_web_url(final_url) else None, keep)

    containers = select(tree, body_selectors) if body_selectors else []
    if not containers and thread_message is not None and attached(thread_message, tree):
        containers = [thread_message]  # a thread's body is its first post's message
    blocks = extract_blocks(tree, final_url if is_web_url(final_url) else None, containers)
    taken_out = teasers.keys | {squash(text) for text in (*captions, lead) if text}
    blocks = recover_lost_text(tree, blocks, headline.element, exclude=taken_out)
    signatures, headings = aligned_lines(tree)
    context = BodyContext(
        title=headline.text,
        lead=lead,
        captions=captions,
        outlet=outlet_names,
        crawled=crawled_at,
        signatures=frozenset(signatures),
        headings=frozenset(headings),
        teasers=frozenset(teasers.keys),
        author_boxes=frozenset(author_boxes(index, headline.element)),
        byline_lines=page_byline.lines if page_byline else frozenset(),
        section_links=section_links(index, headline.position),
        named_elsewhere=_named_elsewhere(meta, outlet_names, page_byline),
        printed_headlines=printed_headlines,
        page_addresses=frozenset(address_key(u) for u in (url, final_url) if is_web_url(u)),
    )
    cleaned: CleanBody = clean_body(blocks, context)
    if not cleaned.paragraphs:
        raise ExtractionError("no article text: nothing on the page reads as an article body")
    # A page its CMS declares published at a time is an article, even one built of teasers (a news
    # digest); listings declare none (none of the 21 real ones in ../shared/corpus does).
    if meta.published is None and (
        evidence := listing_evidence(
            tree,
            cleaned.paragraphs,
            headline=headline.element,
            cards=teasers.cards,
            index=index,
            url=url,
            og_type=meta.og_type,
        )
    ):
        raise ExtractionError(f"a listing page, not an article: {evidence}")
    # Whatever its metadata says: a notice, a wall or a redirect in place of the story (session 17).
    if evidence := notice_evidence(
        tree,
        cleaned.paragraphs,
        headline=headline.element,
        titles=(headline.text, meta.document_title),
        url=url,
    ):
        raise ExtractionError(f"not an article: {evidence}")

    closing_dom = None
    if not meta.person_authors and page_byline is None and cleaned.byline is None:
        closing_dom = find_closing_byline(tree, cleaned.paragraphs[-1], outlet_names)
        if closing_dom is None and (notice := _closing_notice(blocks, cleaned)):
            closing_dom = find_closing_byline(tree, notice, outlet_names)
    # A byline element next to the headline beats the body's closing line; one far below it
    # (after the body, where other articles' teasers live) does not.
    near, far = (
        (page_byline.byline, None)
        if page_byline and page_byline.near_headline
        else (None, page_byline.byline if page_byline else None)
    )
    if thread is not None and thread.poster and near is None:
        near = Byline(authors=[thread.poster])  # a member name, printed as the forum shows it
    # The reader's byline outranks a meta tag's author (often a team or an account).
    tags = _meta_tag_byline(meta, outlet_names)
    authors, agency = _authors(meta, outlet_names, (near, cleaned.byline), (closing_dom, far), tags, tree)
    published = thread_published or dated(
        index,
        headline,
        final_url,
        crawled_at,
        _closing_lines(cleaned, page_byline),
        cleaned.paragraphs[-1],
        first_paragraph=cleaned.paragraphs[0],
    )
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
        published=published.value,
        published_source=published.source,
        published_conflict=published.conflict,
        published_note=published.note,
        modified=modified,
        crawled=crawled_at,
        section=_section(meta, tree, outlet_names),
        tags=_unique([*dom_tags, *cleaned.tags, *meta.tags]) or _unique(meta.keywords),
        image=meta.image,
    )
