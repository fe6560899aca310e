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

import re
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
_BLOCK_CANDIDATES = frozenset(_CANDIDATE_TAGS) & BLOCK_TAGS
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
    template hard-wraps it: "… mang⏎theo chiếc ô …"), a `<br>` is a line break, never nothing
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


def _usable(element: HtmlElement, text: str, captions: set[str], headline: HtmlElement | None = None) -> bool:
    """A sapo-sized text, not a caption, not in chrome or a picture's box, not mostly links. A box
    that holds the headline too is the article's header, whatever its class says (VnExpress 2021
    prints headline and sapo in `div.width-detail-photo`): only the page's declared description,
    printed, is trusted there (`headline`)."""
    if not (_MIN_CHARS <= len(text) <= _MAX_CHARS) or squash(text) in captions:
        return False
    if len(element.findall(".//p")) > 2 or in_chrome(element):
        return False
    if in_image_box(element, include_self=True) and not _beside_headline(element, headline):
        return False
    links = sum(len(text_of(a)) for a in element.iter("a"))
    return links < 0.5 * len(text)


def _beside_headline(element: HtmlElement, headline: HtmlElement | None) -> bool:
    """The element's parent holds the headline too: a sapo printed right with the h1."""
    parent = element.getparent()
    return headline is not None and parent is not None and headline in parent.iterdescendants()


# An outlet or place tag opening a lead, written the way outlets print it: "(Dân trí) -",
# "TTO -", "(PLO)-", "HÀ NỘI -", "QĐND Online -" (≤ 4 words or one bracket, then a dash).
_PREFIX = re.compile(r"^\s*(?:\([^()]{2,40}\)|[^\s()\-–—]+(?: [^\s()\-–—]+){0,3})\s*[-–—]\s*")
_ELLIPSIS = ("...", "…")


class _Declared:
    """The page's declared descriptions, as the printed sapo may say them: whole, or cut by the CMS
    ("… mỗi xã có ít nhất...": the sapo begins with it), and with or without the outlet or place
    tag the page prints before the sapo ("(NLĐO) - …", a location stamp) or the description
    carries and the page does not."""

    def __init__(self, descriptions: Sequence[str]) -> None:
        self.keys: set[str] = set()
        self.cut: set[str] = set()
        for description in descriptions:
            if len(description) < _MIN_CHARS:
                continue
            text = description.strip()
            cut = text.endswith(_ELLIPSIS)
            for form in (text, _PREFIX.sub("", text, count=1)):
                key = squash(form.rstrip(".…")) if cut else squash(form)
                if len(key) >= _MIN_CHARS:
                    (self.cut if cut else self.keys).add(key)
        self._lengths = [len(key) for key in self.keys]
        self._cut_lengths = [len(key) for key in self.cut]

    def __bool__(self) -> bool:
        return bool(self.keys or self.cut)

    def fits(self, raw_length: int) -> bool:
        return any(0.8 * n <= raw_length <= 1.5 * n + 20 for n in self._lengths) or any(
            n <= raw_length <= _MAX_CHARS for n in self._cut_lengths
        )

    def says(self, element: HtmlElement, text: str) -> bool:
        """Says a description whole, or the start of a cut one in a single paragraph: a cut
        description spanning paragraphs is an excerpt of the body (WordPress), not a sapo."""
        forms = {squash(text), squash(_PREFIX.sub("", text, count=1))}
        stamp = _stamp(element)
        if stamp is not None:
            forms.add(squash(stamp.tail or ""))
        if forms & self.keys:
            return True
        return any(f.startswith(c) for f in forms for c in self.cut) and not _paragraphs(element)

    def innermost(self, element: HtmlElement) -> HtmlElement:
        """The deepest block still saying it: a cut description is the start of the sapo, and of
        a wrapper holding the sapo and a short paragraph after it. In a paragraph broken into
        lines, the bold line saying it is the sapo ("<p><strong>Sapo …</strong><br>Text …</p>")."""
        while True:
            tags = _CANDIDATE_TAGS if element.find("br") is not None else _BLOCK_CANDIDATES
            inner = next(
                (child for child in element if child.tag in tags and self.says(child, text_of(child))),
                None,
            )
            if inner is None:
                return element
            element = inner


def _paragraphs(element: HtmlElement) -> bool:
    """Holds two blocks with text of their own or more."""
    seen = 0
    for block in element.iterdescendants(*BLOCK_TAGS):
        if (block.text or "").strip() or any((child.tail or "").strip() for child in block):
            seen += 1
            if seen > 1:
                return True
    return False


def _stamp(element: HtmlElement) -> HtmlElement | None:
    """An inline element opening the element's text and glued to the next word ("<span>Lào
    Cai</span>Sáng nay …"): a place stamp whose separator the style sheet draws."""
    if (element.text or "").strip() or not len(element):
        return None
    first = element[0]
    tail = first.tail or ""
    if not isinstance(first.tag, str) or first.tag in BLOCK_TAGS or not tail or not tail[0].isupper():
        return None
    words = text_of(first).split()
    return first if 0 < len(words) <= 4 and words[-1][-1].isalpha() else None


def _join_tag_line(element: HtmlElement) -> None:
    """An outlet or place tag printed as a line of its own right above the sapo ("<p><b>(Baolaocai.vn)
    -</b></p><p>Sapo …</p>", old provincial templates) opens the sapo: it is written in front of the
    sapo's first line in the page, so the lead and the body's copy read "(Baolaocai.vn) - Sapo …"."""
    box = element
    while len(box) == 1 and box[0].tag in BLOCK_TAGS and not (box.text or "").strip():
        box = box[0]  # wrappers around the sapo's lines
    first = next((child for child in box if child.tag in BLOCK_TAGS), None)
    tag: HtmlElement | None
    line: HtmlElement | None
    if first is not None and first.getprevious() is None and not (box.text or "").strip():
        tag, line = first, first.getnext()  # the tag line inside the sapo's box
    else:
        tag, line = element.getprevious(), element
    if tag is None or line is None or (tag.tail or "").strip() or tag.tag not in BLOCK_TAGS:
        return
    text = " ".join(tag.text_content().split())
    if not text or not _TAG_LINE.fullmatch(text) or not isinstance(line.tag, str):
        return
    line.text = f"{text} {line.text or ''}"
    tag.drop_tree()


_TAG_LINE = re.compile(r"(?:\([^()]{2,40}\)|[^\s()\-–—]+(?: [^\s()\-–—]+){0,3})\s*[-–—]")


def _print_stamp(element: HtmlElement) -> None:
    """Write the dash a style sheet draws after a glued place stamp, in the page itself: the sapo
    and the body's copy of it then read "Lào Cai - Sáng nay", not the one word "CaiSáng"."""
    _join_tag_line(element)
    stamp = _stamp(element)
    if stamp is not None:
        stamp.tail = " - " + (stamp.tail or "")


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


def _after_prose(index: PageIndex, headline_at: int, element: HtmlElement) -> bool:
    """The element stands after the body has begun: two paragraphs of prose after the headline,
    or from the page's top when no headline was found."""
    position = index.of(element)
    return position > headline_at and _prose_between(index, max(headline_at, -1), position)


def _closes_prose(index: PageIndex, headline_at: int, element: HtmlElement) -> bool:
    """The element stands after the page's prose, none after it: a declared description printed
    there is the site's own line in its footer (a list of the topics it covers, the same on every page),
    never the sapo, which opens the article. (One printed after a cookie notice or a contact box
    and followed by the story is the sapo still.)"""
    position = index.of(element)
    return _after_prose(index, headline_at, element) and not _prose_between(
        index, position, len(index.elements)
    )


def _after_heading(box: HtmlElement, heading: HtmlElement) -> HtmlElement | None:
    """The first sapo-sized block of the box printed after its h1 (a subtitle under the headline in
    the article's header box), or None."""
    passed = False
    for element in box.iter():
        if element is heading:
            passed = True
        elif (
            passed
            and element.tag in _CANDIDATE_TAGS
            and heading not in element.iterancestors()
            and len(text_of(element)) >= _MIN_CHARS
        ):
            return element
    return None


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
    wanted = _Declared(descriptions)
    if wanted:
        start, end = (
            (headline_at - _BEFORE_HEADLINE, headline_at + _AFTER_HEADLINE)
            if headline_at >= 0
            else (0, len(index.elements))
        )
        headline = index.elements[headline_at] if 0 <= headline_at < len(index.elements) else None
        for element in index.window(start, end):
            if element.tag not in _CANDIDATE_TAGS:
                continue
            if wanted.fits(len(element.text_content())) and attached(element, tree):
                text = text_of(element)
                if (
                    wanted.says(element, text)
                    and _usable(element, text, caption_keys, headline)
                    and not _closes_prose(index, headline_at, element)
                ):
                    element = wanted.innermost(element)
                    _print_stamp(element)
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
        box = element  # chrome, picture box and link share are judged on the classed element
        if (heading := next(element.iter("h1"), None)) is not None:
            # the article's header box ("intro": kicker, headline, subtitle): its sapo, if any,
            # is the block printed after the headline
            subtitle = _after_heading(element, heading)
            if subtitle is None:
                continue
            element = subtitle
        if position > headline_at >= 0 and _prose_between(index, headline_at, position):
            continue
        text = _lead_text(element)
        if _usable(box, text, caption_keys) and not (
            headline_at < 0 and _closes_prose(index, headline_at, box)  # no headline: a footer's "…Desc"
        ):
            distance = position - headline_at if position >= headline_at else 10 * (headline_at - position)
            by_class.append((distance, text, element))
    if by_class:
        _, text, element = min(by_class, key=lambda item: item[0])
        _print_stamp(element)
        return _lead_text(element), element
    deck = _deck(index, headline_at, caption_keys)
    if deck is None:
        return "", None
    _print_stamp(deck)
    return _lead_text(deck), deck


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
