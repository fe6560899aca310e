"""Widget boxes read by what they print: every line a reader prompt, a counter or a button.

Session 17 (page widgets, second round). The body rules drop a reader prompt line by line, after
the body extractor has read the page ("Tải ứng dụng …", "Quét mã QR …", "Thích 12"). A widget
set between the last paragraph and the signature ("MINH KHUÊ" after the text) still stands
between the two in the page, and the closing signature, read from the page after the text, is
not found past it. So a box whose every line is a prompt, a line without words (emoji counts,
separators, figures) or a button's short label, with at least one prompt, leaves the page
before the body and the signature are read. The box is the largest such one around a prompt:
a box holding a line of the article (any sentence that is not a prompt) is never such a box.
An advertiser's card set into the text goes the same way, known by its paid link (rel=sponsored).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml.html import HtmlElement

from crawler.extraction.body import is_prompt
from crawler.extraction.chrome import in_byline_bar
from crawler.extraction.dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    PageIndex,
    attached,
    holding_boxes,
    remove,
    widest_box,
)

_BOX_WORDS = 60  # a widget's heading, notice and buttons; an article holds more
_SENTENCE_WORDS = 12  # a paragraph of the article
_AFTER_TEXT = 80  # elements after the last paragraph: a widget or two, and the signature
_LINE_WORDS = 80  # no prompt is longer (body.toml max_words)
_OWN_WORDS = 20  # a widget standing alone among the article's blocks: counts, buttons, a prompt
_BUTTON_WORDS = 4  # "Chia sẻ 12", "Trả lời", "Nam miền Nam"
_LABEL_WORDS = 3  # "Giọng đọc:", "Tốc độ:"
_CONTROL_TAGS = frozenset({"a", "button", "label", "option"})
# Inline elements that set a widget's pieces apart (a link, a button, a span per counter).
_PIECE_TAGS = frozenset({"a", "button", "label", "span", "option", "select"})
_WORD = re.compile(r"[^\W\d_]{2,}")


def _wordless(text: str) -> bool:
    """Emoji, figures, separators: "👍 12", "·", "0:00 / 4:12"."""
    return _WORD.search(text) is None


def _pieces(block: HtmlElement, inner: bool = True) -> list[tuple[str, bool]]:
    """The block's text cut at its links, buttons, spans and line breaks, with whether each piece
    is a control's label; without `inner`, the blocks inside it are left out (they are lines of
    their own)."""
    parts: list[tuple[list[str], bool]] = [([], False)]

    def walk(element: HtmlElement, control: bool) -> None:
        if element.text:
            parts[-1][0].append(element.text)
        for child in element:
            if not isinstance(child.tag, str) or child.tag in NON_CONTENT_TAGS:
                pass
            elif child.tag in BLOCK_TAGS and (child.tag == "br" or not inner):
                parts.append(([], control))
            elif child.tag in _PIECE_TAGS or child.tag in BLOCK_TAGS:
                parts.append(([], control or child.tag in _CONTROL_TAGS))
                walk(child, control or child.tag in _CONTROL_TAGS)
                parts.append(([], control))
            else:
                walk(child, control)
            if child.tail:
                parts[-1][0].append(child.tail)

    walk(block, block.tag in _CONTROL_TAGS)
    return [(text, control) for texts, control in parts if (text := " ".join("".join(texts).split()))]


_LABELLED = re.compile(r"^[^\W\d_][^:]{0,30}:\s*(.*)$")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


Prompt = Callable[[str], bool]  # body.is_prompt, remembered for one page


def _widget_piece(text: str, control: bool, prompt: Prompt) -> bool:
    """A piece a widget prints: no words (a count, a time, an emoji), a prompt, a button's short
    label, a field's label ("Tốc độ:"), or a label and a value without words ("Hotline: 0912 …",
    "Email: toasoan@…")."""
    words = len(text.split())
    labelled = _LABELLED.match(text)
    return (
        (control and words <= _BUTTON_WORDS)
        or (text.endswith(":") and words <= _LABEL_WORDS)
        or (labelled is not None and _wordless(_ADDRESS.sub(" ", labelled.group(1))))
        or prompt(text)
    )


def _pieces_state(pieces: list[tuple[str, bool]], prompt: Prompt) -> int:
    found = False
    for piece, control in pieces:
        if _wordless(piece):
            continue
        if prompt(piece):
            found = True
        elif not _widget_piece(piece, control, prompt):
            return 0
    return 2 if found else 1


def _line_state(block: HtmlElement, prompt: Prompt) -> int:
    """For a block holding no other block: 2 when its line says a prompt (whole, or one of its
    pieces with every other piece a widget's), 1 when every piece is a widget's without a
    prompt, 0 when it says anything else (article text)."""
    text = " ".join(block.text_content().split())
    if not text or _wordless(text):
        return 1
    if len(text.split()) > _LINE_WORDS:
        return 0
    if prompt(text):
        return 2
    return _pieces_state(_pieces(block), prompt)


def _button_row(block: HtmlElement) -> bool:
    """A paragraph of buttons and links only ("Lưu bài | In bài | Báo lỗi")."""
    pieces = _pieces(block)
    return len(pieces) >= 2 and all(control or _wordless(piece) for piece, control in pieces)


def _leaf(element: HtmlElement) -> bool:
    return not any(
        isinstance(d.tag, str) and d.tag in BLOCK_TAGS and d.tag != "br" for d in element.iterdescendants()
    )


_TITLE_WORDS = 8


def _title(element: HtmlElement) -> bool:
    """A short line that ends no sentence."""
    text = " ".join(element.text_content().split())
    return len(text.split()) <= _TITLE_WORDS and not text.endswith((".", "!", "?", "…", ":"))


def _box_state(box: HtmlElement, prompt: Prompt) -> int:
    """The lowest line state of the box's lines (its blocks holding no other block, and the text
    of the others outside their inner blocks), 2 when all are a widget's and one a prompt."""
    states: list[int] = []
    for element in box.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS or element.tag == "br":
            continue
        if _leaf(element):
            state = _line_state(element, prompt)
            # the box's first line may be its title ("Nhận tin thị trường nhanh nhất")
            states.append(1 if not state and not states and _title(element) else state)
        elif pieces := _pieces(element, inner=False):
            states.append(_pieces_state(pieces, prompt))
        if states and states[-1] == 0:
            return 0
    return 2 if 2 in states else min(states, default=0)


def remove_prompt_boxes(
    tree: HtmlElement,
    index: PageIndex,
    headline_at: int,
    keep: Iterable[HtmlElement | None],
    byline_lines: frozenset[str] = frozenset(),
) -> int:
    """Remove, after the headline and up to a few elements after the last paragraph that says a
    sentence, the largest box of at most 60 words around a prompt line whose every line is a
    prompt or a widget's piece (`_box_state`). A box holding the headline, the lead, the page's
    byline or a date stays; a paragraph alone, or a line with a web address, is left
    to the body rules, which read it with the text around it (an address the text cites). Then
    the advertisers' cards (`_remove_sponsored_cards`)."""
    if headline_at < 0:
        return 0
    holding = holding_boxes(keep)
    removed = 0
    words: dict[HtmlElement, int] = {}
    said: dict[str, bool] = {}

    def prompt(text: str) -> bool:
        if text not in said:
            said[text] = is_prompt(text)
        return said[text]

    def small(element: HtmlElement, limit: int = _BOX_WORDS) -> bool:
        if element not in words:
            words[element] = len(element.text_content().split())
        return words[element] <= limit

    # widgets set into the text or right after it: not the menus, lists and footers further down
    end = max(
        (index.of(p) for p in tree.iter("p") if len(p.text_content().split()) >= _SENTENCE_WORDS), default=-1
    )
    end = max(end, headline_at) + _AFTER_TEXT
    for block in list(tree.iter("p", "div", "li", "td", "table", "ul", "section", "form", "figure")):
        if not headline_at < index.of(block) <= end or not attached(block, tree) or not _leaf(block):
            continue
        # a paragraph alone is the body rules' business, unless it is a row of buttons: one in a
        # larger block (the article's paragraphs) is not even read
        parent = block.getparent()
        grows = parent is not None and parent not in holding and small(parent)
        if not grows and not small(block, _OWN_WORDS):
            continue  # in a larger block: a widget of its own is short (a bar of counts and buttons)
        alone = block.tag == "p" and not _button_row(block)
        if alone and not grows:
            continue
        if "://" in block.text_content() or _line_state(block, prompt) != 2:
            continue  # an address: the body rules know whether the text cites it
        box = widest_box(block, holding, lambda parent: small(parent) and _box_state(parent, prompt) == 2)
        if (alone and box is block) or box in holding:
            continue
        if in_byline_bar(box, box.text_content(), byline_lines):
            continue  # the writer, the date and a follow link
        remove(box)
        removed += 1
    return removed + _remove_sponsored_cards(tree, index, headline_at, holding)


_CARD_TAGS = frozenset({"div", "section", "aside", "article", "figure", "table"})


def _remove_sponsored_cards(
    tree: HtmlElement, index: PageIndex, headline_at: int, holding: set[HtmlElement]
) -> int:
    """An advertiser's card set into the text: the largest box of at most 60 words around a link
    the page marks as paid (rel="sponsored", the HTML convention), when that box is a block of
    its own (a div, a figure, a table). A paid link inside a paragraph (an affiliate link in a
    review) has the paragraph for its box, and stays."""
    removed = 0
    for link in list(tree.iter("a")):
        if "sponsored" not in (link.get("rel") or "").lower().split():
            continue
        if index.of(link) <= headline_at or not attached(link, tree):
            continue
        box = widest_box(link, holding, lambda parent: len(parent.text_content().split()) <= _BOX_WORDS)
        if box is not link and box.tag in _CARD_TAGS:
            remove(box)
            removed += 1
    return removed
