"""The next article a page appends below the one it serves (infinite scroll, "Bài tiếp theo"):
a whole second story, its headline, date, lead and first paragraphs, set after the article's last
words. Read as more of the article, it adds a stranger's text to the end (session 16).

What tells it from the article's own last section, which also opens with a heading and goes on in
paragraphs: a headline-level heading (h1/h2) that opens a box of its own (nothing but a short label
before it), at least two paragraphs of prose after it, and a sign of another story of the site:
the box or its heading points at another page (a `data-url`, a linked heading), or a date line
stands between the heading and the text, in a box that has no sibling of its shape (a live report's
updates are boxes of one shape, each under its time). A section heading carries none of these: its
links sit inside its sentences, and no date is printed under it.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import remove, text_of
from crawler.extraction.keys import squash
from crawler.urls import joined_url, same_site

_HEADLINE_TAGS = ("h1", "h2")
_LABEL_CHARS = 40  # "Bài tiếp theo", "Đọc tiếp": the most text a box may print before its headline
_MIN_HEADLINE_WORDS = 6  # a headline, not a section name in a menu ("Chuyện nhà nông hôm nay")
_LINK_SHARE = 0.3  # a story is prose; a menu or a list of headlines is links
_PROSE_WORDS = 10  # a paragraph of prose, not a caption or a date line
_MIN_PARAGRAPHS = 2
_DATE_LINE_CHARS = 60


def remove_next_articles(tree: HtmlElement, url: str | None, keep: Iterable[HtmlElement | None]) -> int:
    """Remove the boxes holding another story appended after the article's text; how many. Only a
    heading with paragraphs of prose between it and the page's headline is looked at: the article
    comes first."""
    kept = [element for element in keep if element is not None]
    if not kept or url is None:
        return 0
    headline = kept[0]
    title_key = squash(text_of(headline))
    after, prose_before = False, 0
    removed: list[HtmlElement] = []
    for element in list(tree.iter("p", *_HEADLINE_TAGS, headline.tag)):
        if element is headline:
            after = True
            continue
        if not after or (removed and any(a in removed for a in element.iterancestors())):
            continue
        if element.tag == "p":
            prose_before += _words(element) >= _PROSE_WORDS
            continue
        if element.tag not in _HEADLINE_TAGS or prose_before < _MIN_PARAGRAPHS:
            continue
        text = text_of(element)
        if len(text.split()) < _MIN_HEADLINE_WORDS or squash(text) == title_key:
            continue
        box = _box_of(element, kept)
        if box is not None and _is_next_article(box, element, url):
            remove(box)
            removed.append(box)
    return len(removed)


def _box_of(heading: HtmlElement, kept: list[HtmlElement]) -> HtmlElement | None:
    """The largest element the heading opens: one that prints at most a short label before it and
    holds none of the elements to keep (the page's headline, its lead)."""
    box = None
    element = heading.getparent()
    while element is not None and element.tag not in ("body", "html"):
        if any(k is element or element in k.iterancestors() for k in kept):
            break
        if len(_text_before(element, heading)) > _LABEL_CHARS:
            break
        box = element
        element = element.getparent()
    return box


def _text_before(box: HtmlElement, heading: HtmlElement) -> str:
    """The text the box prints before the heading, up to a little more than a label's length.
    Only printed characters fill that length: a template's indentation between its tags is no
    text, and counted, it cut the walk before the article's paragraphs (a sidebar teaser's
    heading then took the whole article's column for its box; session 21)."""
    above = set(heading.iterancestors())
    parts: list[str] = []
    printed = 0
    for node in box.iter():
        if node is heading:
            break
        for piece in (
            node.text if isinstance(node.tag, str) else None,
            node.tail if node is not box and node not in above else None,
        ):
            if piece:
                parts.append(piece)
                printed += len(piece) - sum(1 for char in piece if char.isspace())
        if printed > 2 * _LABEL_CHARS:
            break
    return " ".join("".join(parts).split())


def _is_next_article(box: HtmlElement, heading: HtmlElement, url: str) -> bool:
    following = _after(box, heading)
    prose = [p for p in following if p.tag == "p" and _words(p) >= _PROSE_WORDS]
    if len(prose) < _MIN_PARAGRAPHS or _link_share(box) > _LINK_SHARE:
        return False
    return _points_elsewhere(box, heading, url) or (not _repeated(box) and _dated(following, prose[0]))


def _repeated(box: HtmlElement) -> bool:
    """Boxes of one shape side by side: the article's own entries (a live report, each update under
    its time and heading), where an appended story stands alone."""
    return any(
        other.tag == box.tag and other.get("class") == box.get("class")
        for other in (*box.itersiblings(), *box.itersiblings(preceding=True))
    )


def _after(box: HtmlElement, heading: HtmlElement) -> list[HtmlElement]:
    """The box's elements after the heading, in document order."""
    found, out = False, []
    for element in box.iter():
        if element is heading:
            found = True
        elif found and isinstance(element.tag, str) and heading not in element.iterancestors():
            out.append(element)
    return out


def _link_share(box: HtmlElement) -> float:
    chars = len("".join(box.text_content().split()))
    linked = sum(len("".join(a.text_content().split())) for a in box.iter("a"))
    return linked / chars if chars else 1.0


def _words(element: HtmlElement) -> int:
    return len(element.text_content().split())  # asked of every paragraph: lxml's text, not cleaned


def _other_page(href: str | None, url: str) -> bool:
    href = (href or "").strip()
    if not href.startswith(("http://", "https://", "/")):
        return False  # no address: "#", "javascript:", a data- attribute's number
    target = joined_url(url, href)
    if target is None:
        return False  # an address urllib cannot read opens no page
    path = urlsplit(target).path.rstrip("/")
    return same_site(target, url) and path not in ("", urlsplit(url).path.rstrip("/"))


def _points_elsewhere(box: HtmlElement, heading: HtmlElement, url: str) -> bool:
    """The box's own address (infinite scroll records the story it loaded) or a linked headline,
    to another page of the site."""
    if any(_other_page(value, url) for name, value in box.attrib.items() if name.startswith("data-")):
        return True
    links = [*heading.iter("a"), *heading.iterancestors("a")]
    return any(_other_page(a.get("href"), url) for a in links)


def _dated(following: list[HtmlElement], first_paragraph: HtmlElement) -> bool:
    """A date line printed between the heading and the story's text: the story's own dateline."""
    for element in following:
        if element is first_paragraph:
            return False
        if first_paragraph in element.iterdescendants():
            continue
        text = text_of(element)
        if text and len(text) <= _DATE_LINE_CHARS and looks_like_date(text):
            return True
    return False
