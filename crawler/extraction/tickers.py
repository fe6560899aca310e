"""Strips of figures printed above the story: gold, dollar and fuel prices, the weather.

A ticker is a run of items, each a label followed by its value ("USD 25.450 đ", "Hà Nội
24-31°C"). Printed as a list, session 18 keeps it out of the lists recovery brings back
(`recovery._data_strip`); printed as one line of pieces set apart by separators ("Vàng 84,2 triệu |
USD 25.450 | Xăng E5 21.930"), the body extractor keeps it as a paragraph and the lead finder takes
it for the sapo. Between the headline and the story's first sentence such a line is the site's,
not the story's: `remove_ticker_lines` takes it out before the lead is looked for. The same line
printed after the story has begun (a market story's own figures) is left to the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import PageIndex, holding_boxes, remove, short_raw_text

_FIGURE = re.compile(r"\d")
_VALUE_PLACE = 2  # a value closes its item, or comes before one unit word ("25.450 đồng")
_FIGURE_ITEMS = 0.75  # of the items: labelled values
_PIECES = 3
_SEPARATORS = re.compile(r"\s*[|·•¦‖]\s*")
_LINE_CHARS = 240
_PROSE_WORDS = 8  # a story's first sentence: this many words outside links
_WINDOW = 40  # elements after the headline looked at


def labelled_value(words: list[str]) -> bool:
    """A label followed by its value: the item does not open with a figure (an ingredient's
    quantity does: "400 g gạo"), and a figure is among its last two words."""
    return (
        len(words) >= _VALUE_PLACE
        and not words[0][:1].isdigit()
        and any(_FIGURE.search(word) for word in words[-_VALUE_PLACE:])
    )


def mostly_labelled_values(items: list[list[str]]) -> bool:
    """Nearly every item (three quarters) is a label with its value."""
    return bool(items) and sum(map(labelled_value, items)) >= _FIGURE_ITEMS * len(items)


def is_ticker_line(text: str) -> bool:
    """Three pieces or more set apart by separators (| · • ¦ ‖), nearly all a label with its
    value, none a date or a time: a stamp line ("Thứ năm, 13/12/2012 | 09:20 | Lượt xem 830")
    is the byline bar's, read later for the page's date."""
    pieces = [piece for piece in _SEPARATORS.split(text) if piece.strip()]
    if len(pieces) < _PIECES or any(looks_like_date(piece) for piece in pieces):
        return False
    return mostly_labelled_values([piece.split() for piece in pieces])


def _prose_words(element: HtmlElement) -> int:
    """Words the element prints itself (its text and its children's tails), not in a child element:
    a sentence of the story, found element by element."""
    own = [element.text or "", *((child.tail or "") for child in element)]
    return len(" ".join(own).split())


def remove_ticker_lines(
    tree: HtmlElement, index: PageIndex, headline_at: int, keep: Iterable[HtmlElement | None]
) -> int:
    """Remove the elements printing a ticker line (`is_ticker_line`, as a whole) between the
    headline and the story's first sentence; never one holding the headline."""
    if headline_at < 0:
        return 0
    kept = [element for element in keep if element is not None]
    holding = holding_boxes(kept)
    gone: set[HtmlElement] = set()
    for element in index.window(headline_at + 1, headline_at + 1 + _WINDOW):
        above = set(element.iterancestors())
        if element.tag == "a" or any(a.tag == "a" for a in above) or above & gone or above & set(kept):
            continue  # a link's words are no sentence; inside the headline, or a line already taken
        text = short_raw_text(element, _LINE_CHARS)
        if element not in holding and text and is_ticker_line(" ".join(text.split())):
            gone.add(element)
        elif _prose_words(element) >= _PROSE_WORDS:
            break
    for element in gone:
        remove(element)
    return len(gone)
