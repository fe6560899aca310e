"""Vietnamese place names where a byline or a dateline prints them (data/places.toml).

A reader signs with a place ("Bạn đọc Lê Văn An, Bình Dương"), a reporter's dateline under the
signature names the town ("Buôn Ma Thuột, 15/11/2025"): both are capitalised words a name reader
would take for a person. A place is a known province or city name, or any capitalised name (or
a number, "Quận 7") after an administrative prefix ("huyện Củ Chi", "TP Huế").
"""

from __future__ import annotations

import re

from crawler.extraction.vocab import load
from indexer.text import fold

_NAMES = frozenset(fold(name) for name in load("places")["names"])
_PREFIX = re.compile(
    r"^(?:tỉnh|thành\s+phố|tp\.?|t\.p\.?|quận|huyện|thị\s+xã|thị\s+trấn|xã|phường)\s*",
    re.I,
)
_CAPITALISED = re.compile(r"^(?:\d{1,2}|[A-ZÀ-ỸĐ][^\s,;()]*)(?:[\s-]+[A-ZÀ-ỸĐ][^\s,;()]*){0,3}$")


def is_place(text: str) -> bool:
    """Whether the text is one place, or places joined by commas ("Quận 7, TP.HCM")."""
    parts = [part.strip(" .") for part in text.split(",")]
    return bool(parts) and all(_one_place(part) for part in parts)


def _one_place(text: str) -> bool:
    if not text:
        return False
    if fold(text) in _NAMES:
        return True
    rest = _PREFIX.sub("", text, count=1)
    return rest != text and bool(rest) and (fold(rest) in _NAMES or _CAPITALISED.match(rest) is not None)


def without_leading_place(text: str) -> str:
    """The text after the place it opens with ("Buôn Ma Thuột, ngày 15/11/2025" → ", ngày
    15/11/2025"), or the text itself: the longest run of words that is a place wins."""
    words = text.split()
    for width in range(min(5, len(words)), 0, -1):
        head = " ".join(words[:width]).rstrip(",")
        if _one_place(head):
            return text[text.find(words[width - 1]) + len(words[width - 1]) :]
    return text
