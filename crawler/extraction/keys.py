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
# Han ideographs and kana: Chinese and Japanese print no space between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")


# Texts up to this length are remembered (a page asks for the same headline, lead, label and
# block keys again and again); longer ones, a whole container's text, are computed each time so
# that the caches stay small. Keys are plain str: lxml's text results hold their element, and
# with it the whole page.
_CACHED_CHARS = 500


def _fold(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFD", text.lower())).replace("đ", "d")


_fold_cached = lru_cache(maxsize=4096)(_fold)


def folded(text: str) -> str:
    """Lower case, no diacritics, đ → d."""
    if text.isascii():  # nothing to decompose: most class names, URLs, numbers, English chrome
        return text.lower()
    return _fold_cached(str(text)) if len(text) <= _CACHED_CHARS else _fold(text)


def _squash(text: str) -> str:
    return " ".join(_WORD.findall(folded(text)))


_squash_cached = lru_cache(maxsize=8192)(_squash)


def squash(text: str) -> str:
    """The folded words of `text` joined by single spaces: "Tin liên quan:" → "tin lien quan"."""
    return _squash_cached(str(text)) if len(text) <= _CACHED_CHARS else _squash(text)


_UNIT = "\x1f"  # a control character XML forbids, so never in a parsed page's text


def squash_many(texts: list[str]) -> list[str]:
    """`squash` of each text, folding them all in one call (a page's thousands of text nodes)."""
    joined = _UNIT.join(texts)
    return [
        " ".join(_WORD.findall(piece))
        for piece in (_fold(joined) if not joined.isascii() else joined.lower()).split(_UNIT)
    ]


def word_count(text: str) -> int:
    """Words in `text` as spaces separate them; in Chinese or Japanese, which print no space between
    words, every two ideographs or kana count as one (a word there is about two characters), so that
    a paragraph of a foreign-language edition weighs what its translation would."""
    count = len(text.split())
    if text.isascii() or not _CJK.search(text):
        return count
    tokens = [token for token in text.split() if _CJK.search(token)]
    return count - len(tokens) + max(len(tokens), (len(_CJK.findall(text)) + 1) // 2)
