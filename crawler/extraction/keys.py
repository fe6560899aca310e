"""Comparison keys: the same words whatever the case, accents, punctuation or Unicode form.

The extractor constantly asks "is this block the headline again / the lead / a caption / a
paragraph already seen?". Those comparisons must ignore what templates vary (capitals, curly
quotes, "hoà"/"hòa", a trailing full stop) and must be cheap, because they run on every block of
every page: hence C-level NFD + one regex, rather than the character-by-character `indexer.text.fold`
that search needs (which also keeps offsets, something a comparison key does not need).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[^\W_]+")


def folded(text: str) -> str:
    """Lower case, no diacritics, đ → d."""
    if text.isascii():  # nothing to decompose: most class names, URLs, numbers, English chrome
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFD", text.lower())).replace("đ", "d")


def squash(text: str) -> str:
    """The folded words of `text` joined by single spaces: "Tin liên quan:" → "tin lien quan"."""
    # A plain str key: lxml's text results hold their element, and with it the whole page.
    return _squash(str(text))


@lru_cache(maxsize=8192)  # a page asks for the same texts' keys again and again (headline, lead, labels)
def _squash(text: str) -> str:
    return " ".join(_WORD.findall(folded(text)))


_UNIT = "\x1f"  # a control character XML forbids, so never in a parsed page's text


def squash_many(texts: list[str]) -> list[str]:
    """`squash` of each text, folding them all in one call (a page's thousands of text nodes)."""
    return [" ".join(_WORD.findall(piece)) for piece in folded(_UNIT.join(texts)).split(_UNIT)]
