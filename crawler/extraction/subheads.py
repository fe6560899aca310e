"""Subheads written as links: the items of a round-up, each heading linking to the full text.

Policy and news round-ups ("6 chính sách mới có hiệu lực từ tháng 9") head every item with a link
to the detailed article. Body extractors and the link-list rules take such a heading for a list
of related links and drop it, and the article loses its structure. A link-only heading whose
container also holds the article's prose paragraphs, and which introduces prose (the next block
with text, pictures skipped, is a prose paragraph), is a subhead: the link is unwrapped to plain
text before extraction. Links to related stories printed as headings under the lead (one after
the other, or classed "related") introduce nothing and are left alone, as is a heading in a list
item or a teaser box, which has no prose beside it (teasers.py and the related-box rules deal
with those).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extraction.dom import words_of

_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "p")
_PROSE_WORDS = 12
_MIN_PROSE_SIBLINGS = 3
_MAX_SUBHEAD_WORDS = 25
_RELATED_ROOTS = ("related", "relate", "lienquan")


def _link_only(element: HtmlElement) -> HtmlElement | None:
    """The element's single link, when the link (with bold/italic around it) is all its text."""
    links = list(element.iter("a"))
    if len(links) != 1 or not (links[0].get("href") or "").strip():
        return None
    text = " ".join(element.text_content().split())
    link_text = " ".join(links[0].text_content().split())
    if not link_text or link_text != text or len(text.split()) > _MAX_SUBHEAD_WORDS:
        return None
    if element.tag == "p" and not any(node.tag in ("strong", "b") for node in element.iter()):
        return None  # a paragraph that is a plain link is a related link, not a subhead
    return links[0]


def _is_prose(element: HtmlElement) -> bool:
    words = len(element.text_content().split())
    linked = sum(len(a.text_content().split()) for a in element.iter("a"))
    return element.tag in ("p", "div") and words >= _PROSE_WORDS and linked < 0.3 * words


def _introduces_prose(heading: HtmlElement) -> bool:
    """The next sibling with text (pictures and empty blocks skipped) is a prose paragraph."""
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str) or not sibling.text_content().strip():
            continue
        return _is_prose(sibling)
    return False


def _related_classed(heading: HtmlElement, link: HtmlElement) -> bool:
    return any(root in word for node in (heading, link) for word in words_of(node) for root in _RELATED_ROOTS)


def _prose_paragraphs(container: HtmlElement) -> int:
    count = 0
    for child in container:
        if child.tag != "p":
            continue
        words = len(child.text_content().split())
        linked = sum(len(a.text_content().split()) for a in child.iter("a"))
        if words >= _PROSE_WORDS and linked < 0.3 * words:
            count += 1
    return count


def unwrap_linked_subheads(tree: HtmlElement) -> int:
    """Turn link-only headings that sit among the article's paragraphs into plain headings."""
    unwrapped = 0
    prose: dict[HtmlElement, int] = {}
    for heading in list(tree.iter(*_HEADINGS)):
        link = _link_only(heading)
        parent = heading.getparent()
        if link is None or parent is None:
            continue
        if parent not in prose:
            prose[parent] = _prose_paragraphs(parent)
        if (
            prose[parent] >= _MIN_PROSE_SIBLINGS
            and _introduces_prose(heading)
            and not _related_classed(heading, link)
        ):
            link.drop_tag()
            unwrapped += 1
    return unwrapped
