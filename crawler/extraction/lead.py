"""The lead (sapo): the bold summary paragraph printed between headline and body.

Many CMSs print the sapo outside the body container (VnExpress `p.description`, Thanh Niên
`div.sapo`), so a body extractor that finds the container loses it. It is found two ways:
1. the page's own description (JSON-LD/og/meta) printed visibly near the headline: the editor
   declared it the summary AND the reader saw it, the strongest evidence there is;
2. an element whose class says sapo/lead/chapeau/summary/description near the headline, not
   inside an image wrapper (image descriptions share those class names).
The caller decides whether the body already contains it.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

from crawler.extraction.dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    PageIndex,
    ancestors,
    attached,
    in_chrome,
    in_image_box,
    text_of,
)
from crawler.extraction.keys import squash
from indexer.text import clean

# fmt: off
_LEAD_WORDS = frozenset({
    "sapo", "chapeau", "lead", "summary", "description", "desc", "abs", "abstract", "excerpt", "intro",
    "teaser", "tomtat", "standfirst", "subtitle",
})
# fmt: on
_CANDIDATE_TAGS = ("p", "div", "h2", "h3", "h4", "span", "strong", "em", "b", "section", "blockquote")
_MIN_CHARS, _MAX_CHARS = 30, 1200
_BEFORE_HEADLINE = 40  # elements: some templates print the sapo just above the h1
_AFTER_HEADLINE = 400


def _near(position: int, headline_at: int) -> bool:
    if headline_at < 0:
        return True
    return headline_at - _BEFORE_HEADLINE <= position <= headline_at + _AFTER_HEADLINE


def _lead_text(element: HtmlElement) -> str:
    """The sapo's text without a related-article link written after it ("… ô nhiễm.
    <br><a>>> Xả rác …</a>"): a link at the end of the sapo that starts with an arrow or follows a
    line break points to another story.

    The text is read as the reader sees it: the source's line breaks are spaces (a pretty-printed
    template hard-wraps it: "… vớ⏎chiếc đèn pin …"), a `<br>` is a line break, never nothing
    ("dòng một<br>dòng hai" is not "dòng mộtdòng hai"), and blocks inside it are paragraphs."""
    related = {a for a in element.iter("a") if _is_trailing_related_link(a)}
    parts: list[str] = []
    _printed(element, related, parts, top=True)
    paragraphs = (
        "\n".join(text for text in (" ".join(line.split()) for line in paragraph.split(_LINE)) if text)
        for paragraph in "".join(parts).split(_PARAGRAPH)
    )
    return clean("\n\n".join(paragraph for paragraph in paragraphs if paragraph))


# Markers in the text being read (never in a page's text: control characters are removed at parse).
_LINE, _PARAGRAPH = "\x1f", "\x1e"


def _printed(node: HtmlElement, skip: set[HtmlElement], parts: list[str], *, top: bool = False) -> None:
    """`dom.raw_text`'s walk (inline tags joined, block tags apart), marking line breaks."""
    if node not in skip and isinstance(node.tag, str) and node.tag not in NON_CONTENT_TAGS:
        if node.tag == "br":
            parts.append(_LINE)
        else:
            block = not top and node.tag in BLOCK_TAGS
            if block:
                parts.append(_PARAGRAPH)
            if node.text:
                parts.append(node.text)
            for child in node:
                _printed(child, skip, parts)
            if block:
                parts.append(_PARAGRAPH)
    if not top and node.tail:
        parts.append(node.tail)


def _is_trailing_related_link(link: HtmlElement) -> bool:
    text = link.text_content().strip()
    if text.startswith((">>", "»", "> >")):
        return True
    previous = link.getprevious()
    follows_break = previous is not None and previous.tag == "br" and not (previous.tail or "").strip()
    return follows_break and link.getnext() is None and not (link.tail or "").strip()


def _usable(element: HtmlElement, text: str, captions: set[str]) -> bool:
    if not (_MIN_CHARS <= len(text) <= _MAX_CHARS) or squash(text) in captions:
        return False
    if len(element.findall(".//p")) > 2 or in_image_box(element, include_self=True) or in_chrome(element):
        return False
    links = sum(len(text_of(a)) for a in element.iter("a"))
    return links < 0.5 * len(text)


_PROSE_WORDS = 12


def _prose_between(index: PageIndex, start: int, end: int) -> bool:
    """Two paragraphs of prose stand between the headline and the candidate: the body has begun."""
    seen = 0
    for element in index.window(start + 1, end):
        if element.tag == "p" and len(element.text_content().split()) >= _PROSE_WORDS:
            seen += 1
            if seen >= 2:
                return True
    return False


def find_lead(
    tree: HtmlElement,
    index: PageIndex,
    *,
    headline_at: int,
    descriptions: Sequence[str],
    captions: Sequence[str] = (),
    skip: Sequence[HtmlElement] = (),
) -> tuple[str, HtmlElement | None]:
    """Return (lead text, its element) or ("", None). Description text printed on the page wins
    over a class-name guess; among class-name guesses the one nearest after the headline wins.
    A class-name guess must stand before the body (a sapo opens the article; an "excerpt" after
    two paragraphs belongs to a related story) and outside the `skip` elements (teasers)."""
    caption_keys = {squash(c) for c in captions}
    skipped = set(skip)
    wanted = {squash(d) for d in descriptions if len(d) >= _MIN_CHARS}
    if wanted:
        lengths = {len(key) for key in wanted}
        start, end = (
            (headline_at - _BEFORE_HEADLINE, headline_at + _AFTER_HEADLINE)
            if headline_at >= 0
            else (0, len(index.elements))
        )
        for element in index.window(start, end):
            if element.tag not in _CANDIDATE_TAGS:
                continue
            raw_length = len(element.text_content())
            if any(0.8 * n <= raw_length <= 1.5 * n + 20 for n in lengths) and attached(element, tree):
                text = text_of(element)
                if squash(text) in wanted and _usable(element, text, caption_keys):
                    return _lead_text(element), element
    by_class: list[tuple[int, str, HtmlElement]] = []
    for element in index.with_words(_LEAD_WORDS):
        position = index.of(element)
        if (
            element.tag not in _CANDIDATE_TAGS
            or not _near(position, headline_at)
            or not attached(element, tree)
        ):
            continue
        if element in skipped or any(a in skipped for a in ancestors(element)):
            continue
        if position > headline_at >= 0 and _prose_between(index, headline_at, position):
            continue
        text = _lead_text(element)
        if _usable(element, text, caption_keys):
            distance = position - headline_at if position >= headline_at else 10 * (headline_at - position)
            by_class.append((distance, text, element))
    if by_class:
        _, text, element = min(by_class, key=lambda item: item[0])
        return text, element
    deck = _deck(index, headline_at, caption_keys)
    return (_lead_text(deck), deck) if deck is not None else ("", None)


_SENTENCE_END = (".", "!", "?", "…", '."', ".”")


def _deck(index: PageIndex, headline_at: int, captions: set[str]) -> HtmlElement | None:
    """A sub-heading set right under the headline that is a sentence of prose ("<h1>…</h1><h2>Leila
    … trong đêm chung kết.</h2>"): the sapo, when neither a declared description nor a class
    word says so. The first text after the headline only; a heading that is not a sentence is a
    kicker or a section title."""
    if headline_at < 0:
        return None
    for element in index.window(headline_at + 1, headline_at + 1 + _DECK_WINDOW):
        text = text_of(element)
        if not text:
            continue
        if element.tag not in ("h2", "h3") or len(text.split()) < _PROSE_WORDS:
            return None
        return element if text.endswith(_SENTENCE_END) and _usable(element, text, captions) else None
    return None


_DECK_WINDOW = 3
