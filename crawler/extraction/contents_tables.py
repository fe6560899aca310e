"""A table of contents over the text (issue #10, session 23).

Long guides and blog posts print a box of links to their own sections ("Inhaltsverzeichnis",
"Contents", "Mục lục") above the first one. The body extractor drops the list of links, being all
links, and keeps the box's title as a short line of the text. What tells the box apart is where
its links lead: every one to an anchor of the same page ("#section-2"), a place the page itself
defines. The list goes with the box around it while that box prints little else (the title,
a show/hide button).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from crawler.extraction.dom import attached, remove

_MIN_LINKS = 3
_TITLE_CHARS = 40  # what the box may print besides the list: a title and a toggle
_BOX_TAGS = frozenset({"div", "nav", "section", "aside"})


def _printed(element: HtmlElement) -> int:
    return len("".join(element.text_content().split()))


def _anchors(listing: HtmlElement) -> list[str] | None:
    """The anchors the list's links lead to, or None when one of them leads elsewhere."""
    targets = []
    for link in listing.iter("a"):
        href = (link.get("href") or "").strip()
        if len(href) < 2 or not href.startswith("#"):
            return None
        targets.append(href[1:])
    return targets


def remove_contents_tables(tree: HtmlElement, keep: Iterable[HtmlElement | None]) -> int:
    """Remove lists of three or more links that all lead to anchors the page defines, with the
    box that holds only them and a title. Returns how many were removed."""
    protected = [k for k in keep if k is not None]
    ids: set[str] | None = None
    removed = 0
    for listing in list(tree.iter("ul", "ol")):
        if not attached(listing, tree):
            continue
        targets = _anchors(listing)
        if not targets or len(targets) < _MIN_LINKS:
            continue
        if ids is None:
            ids = {
                value
                for element in tree.iter()
                for value in (element.get("id"), element.get("name"))
                if value
            }
        if not all(target in ids for target in targets):
            continue
        box = listing
        while (
            (parent := box.getparent()) is not None
            and parent.tag in _BOX_TAGS
            and _printed(parent) - _printed(box) <= _TITLE_CHARS
        ):
            box = parent
        if any(box is k or k in box.iter() for k in protected):
            continue
        remove(box)
        removed += 1
    return removed
