"""Vietnamese text normalisation and folding, used at index time AND query time.

Both search engines and every enrichment step call these functions, so a word typed by a
journalist and the same word printed by a newspaper always meet in the same form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np

# Characters that are invisible or layout-only on Vietnamese news pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A run of spaces that needs rewriting to one plain space: it holds a tab or an unusual space, or
# more than one character. A lone plain space (most of them) is not matched, so not rewritten.
_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(rf"(?:[{_SPACE_CHARS}]| (?=[ {_SPACE_CHARS}]))[ {_SPACE_CHARS}]*")
_BLANK_LINES = re.compile(r"\n\s*\n+")

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
# Syllable-final vowel pairs whose tone mark has two accepted placements: the "new" style puts it
# on the second vowel (hoà, khoẻ, thuỷ), the traditional style most newspapers print puts it on
# the first (hòa, khỏe, thủy). We unify to the traditional style.
_TONE_PAIRS = ("oa", "oe", "uy")


@lru_cache(maxsize=1)
def _tone_placement_table() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    for pair in _TONE_PAIRS:
        for tone in _TONES:
            for first in (pair[0], pair[0].upper()):
                for second in (pair[1], pair[1].upper()):
                    new_style = unicodedata.normalize("NFC", first + second + tone)
                    old_style = unicodedata.normalize("NFC", first + tone + second)
                    mapping[new_style] = old_style
    # Only at the end of a syllable (a final consonant fixes the placement: "hoàng"; a syllable ends
    # where `TOKEN` ends it, so unifying a text and unifying each of its syllables agree). The pattern
    # is one character-class pair, so the engine scans fast; the replacement keeps what is not a
    # new-style pair ("uà") and what follows "q", where "u" belongs to the consonant ("quý").
    firsts = "".join(sorted({key[0] for key in mapping}))
    seconds = "".join(sorted({key[1] for key in mapping}))
    return re.compile(rf"[{firsts}][{seconds}](?![^\W_])"), mapping


def unify_tone_placement(text: str) -> str:
    pattern, mapping = _tone_placement_table()

    def replace(m: re.Match[str]) -> str:
        start = m.start()
        if start and text[start - 1] in "qQ":
            return m.group()
        return mapping.get(m.group(), m.group())

    return pattern.sub(replace, text)


_NOT_COMBINING: set[str] = set()  # characters met so far that are not combining marks


@lru_cache(maxsize=1)
def _maybe_stray() -> re.Pattern[str]:
    """A character that may be a stray combining mark: one of the Basic Multilingual Plane with a
    combining class, or any character beyond it (rare; checked one by one in `_composed`). One
    character class the regular expression engine scans as a bitmap, several times faster than
    making a set of a long text's characters. Built once per process (about 10 ms)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if not unicodedata.combining(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    marks = "".join(f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in ranges)
    return re.compile(f"[{marks}\U00010000-\U0010ffff]")


def _composed(text: str) -> str:
    """`clean`'s steps that can change a syllable: invisible characters removed, NFC, stray
    combining marks dropped (layout, the rest of `clean`, never changes one)."""
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    if not _maybe_stray().search(text):  # nearly every text: no mark left unattached
        return text
    unknown = set(text).difference(_NOT_COMBINING)  # a few characters, only the first time
    marks = {ch for ch in unknown if unicodedata.combining(ch)}
    _NOT_COMBINING.update(unknown - marks)
    return _without_stray(text, marks) if marks else text


def _without_stray(text: str, marks: set[str]) -> str:
    """The text without the combining marks that have nothing to attach to. After NFC a mark on
    a Latin letter (Vietnamese included) or on no letter at all is debris of a broken legacy
    encoding; on a letter of a script written with marks (Thai "แม่น้ำ", Devanagari, Arabic), the
    mark is part of the word, as it is on screen, and stays. So does a mark stacked on another
    sign of that letter: a Thai tone mark sits on a vowel sign ("เบื้อง", "สื่อ") that Unicode
    gives no combining class, so it is no letter, yet it belongs to the letter below it."""
    kept: list[str] = []
    attaches = False
    for ch in text:
        if ch in marks:
            if attaches:
                kept.append(ch)
            continue
        kept.append(ch)
        attaches = (ch.isalpha() and not _is_latin(ch)) or (attaches and unicodedata.category(ch) == "Mn")
    return "".join(kept)


def _is_latin(ch: str) -> bool:
    """Basic Latin to Latin Extended-B, Latin Extended Additional (Vietnamese), -C and -D."""
    return ch <= "\u024f" or any(first <= ch <= last for first, last in _LATIN_BEYOND_B)


_LATIN_BEYOND_B = (("\u1e00", "\u1eff"), ("\u2c60", "\u2c7f"), ("\ua720", "\ua7ff"))


def clean(text: str | None) -> str:
    """Text as the outlet printed it, made safe to store: NFC, no invisible characters, single
    spaces (non-breaking ones included), paragraphs kept. Nothing else: the spelling stays, tone
    placement included ("thoả", "Thanh Hoá", "Uỷ ban"), because journalists quote stored text.

    Stray combining marks that NFC cannot attach are dropped: they come from broken legacy
    encodings and would otherwise make `fold` change the length of the text. The marks of scripts
    written with them (Thai, Devanagari, Arabic …) are letters' parts there, and stay.
    """
    if not text:
        return ""
    # Short texts (headlines, leads, captions, blocks: extraction cleans them many times) are
    # remembered, by a plain str key: lxml's text results hold their element, and the whole page.
    return _clean_cached(str(text)) if len(text) <= _CACHED_CHARS else _clean(text)


_CACHED_CHARS = 500


def _clean(text: str) -> str:
    text = _composed(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]  # _SPACES never spans "\n"
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


_clean_cached = lru_cache(maxsize=2048)(_clean)


def normalize(text: str | None) -> str:
    """`clean`, then one tone placement (hoà → hòa, thoả → thỏa): the form the index and the
    query side compare, so both spellings meet. Never stored in place of the printed text."""
    return unify_tone_placement(clean(text))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    if ch in "đĐ":  # đ has no Unicode decomposition, so NFD alone would keep it
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


class _FoldTable(dict[int, str]):
    """Every character met so far → its folded form, for `str.translate`; a character met for the
    first time is folded (`_fold_char`) when translate looks it up."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = self[code] = ch.lower() if ch.isascii() else _fold_char(ch)
        return folded


_FOLD_TABLE = _FoldTable()


_FOLDED_CODES = np.arange(0x10000, dtype=np.uint32)  # code point -> its folded one, where `_KNOWN`
_KNOWN = np.zeros(0x10000, dtype=bool)
_LONG_TEXT = 256  # characters from which a text is folded as an array (`_fold_long`)


def fold(text: str) -> str:
    """Lower-case, diacritics removed, đ→d; one character out for each character in.

    Keeping the length lets a match found in folded text be highlighted at the same offsets in
    the original text, so snippets always show proper Vietnamese. Characters are folded one by
    one (`_fold_char`) the first time they are met and then looked up by `str.translate`, which
    is several times faster than a Python loop over a long article (and a long text as an array,
    `_fold_long`, four times faster again).
    """
    if len(text) >= _LONG_TEXT:
        return _fold_long(text)
    return text.translate(_FOLD_TABLE)


def _fold_long(text: str) -> str:
    """`fold` of a long text through an array of code points (the highlighter folds every hit's
    body: 0.23 ms of `str.translate` for 3,400 characters, 0.05 ms here; round 10). The same
    table: each code point is taken from `_FOLD_TABLE` the first time it is met. Texts beyond the
    Basic Multilingual Plane (emoji) are translated."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return text.translate(_FOLD_TABLE)
    if int(codes.max()) > 0xFFFF:
        return text.translate(_FOLD_TABLE)
    unknown = ~_KNOWN[codes]
    if unknown.any():
        for code in np.unique(codes[unknown]).tolist():
            _FOLDED_CODES[code] = ord(_FOLD_TABLE[code])
            _KNOWN[code] = True  # after the code itself: another thread never reads it unset
    return _FOLDED_CODES[codes].tobytes().decode("utf-32-le")


TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_WORD = re.compile(r"\w+")  # TOKEN where the text holds no "_", found a third faster


def only_ascii_syllables(text: str) -> bool:
    """Whether every letter and digit of the text is ASCII (folded Vietnamese nearly always is)."""
    return text.isascii() or not any(ch.isalnum() for ch in set(text) if not ch.isascii())


def tokens(text: str) -> list[str]:
    """Syllable tokens as the engines see them (letters and digits, split on everything else)."""
    if only_ascii_syllables(text):  # the same tokens, found without Unicode category lookups
        return _ASCII_TOKEN.findall(text)
    return _unicode_tokens(text)


def _unicode_tokens(text: str) -> list[str]:
    return _WORD.findall(text) if "_" not in text else TOKEN.findall(text)


class _Forms(dict[str, str]):
    """Every syllable met so far → one of its forms (`form`), computed once per process. Bounded:
    cleared past `_MAX_FORMS` syllables (a corpus's vocabulary is far smaller)."""

    def __init__(self, form: Callable[[str], str]):
        super().__init__()
        self.form = form

    def __missing__(self, syllable: str) -> str:
        if len(self) >= _MAX_FORMS:
            self.clear()
        found = self[syllable] = self.form(syllable)
        return found


_MAX_FORMS = 1_000_000
_CASED = _Forms(unify_tone_placement)
_PRINTED = _Forms(lambda syllable: unify_tone_placement(syllable).lower())
_FOLDED = _Forms(fold)


def folded_syllables(syllables: Iterable[str]) -> list[str]:
    """`fold` of each syllable, from the per-process table (each distinct syllable folded once):
    for callers folding a text word by word. One call for many words: no Python call per word."""
    return list(map(_FOLDED.__getitem__, syllables))


@lru_cache(maxsize=1)
def _syllable_tables() -> tuple[np.ndarray, np.ndarray]:
    """For each code point of the Basic Multilingual Plane: itself when it is a letter or digit
    (`TOKEN`, as the regular expression engine classifies it), else a space; and whether it may be a
    stray combining mark (`_maybe_stray`). Built once per process (about 12 ms)."""
    characters = "".join(map(chr, range(0x10000)))
    kept = np.frombuffer(_NOT_TOKEN_CHAR.sub(" ", characters).encode("utf-32-le"), dtype=np.uint32)
    marks = np.zeros(0x10000, dtype=bool)
    for match in _maybe_stray().finditer(characters):
        marks[ord(match.group())] = True
    return kept, marks


_NOT_TOKEN_CHAR = re.compile(r"[\W_]")


def _syllables(text: str) -> list[str]:
    """`TOKEN`'s syllables of `_composed(text)`: after the invisible characters and NFC, every code
    point mapped to itself or a space through one array (`_syllable_tables`), then split on the
    spaces: about half the time of the regular expression over an article's text, whose
    syllables each make a match object. Characters beyond the Basic Multilingual Plane (emoji) are
    looked at one by one; a text with a stray combining mark goes the slower way."""
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFC", text)
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return _unicode_tokens(_composed(text))
    if not codes.size:
        return []
    kept, marks = _syllable_tables()
    beyond = codes > 0xFFFF
    if not beyond.any():
        if marks[codes].any():
            return _unicode_tokens(_composed(text))
        return kept[codes].tobytes().decode("utf-32-le").split()
    found = set(codes[beyond].tolist())
    if marks[codes[~beyond]].any() or any(unicodedata.combining(chr(code)) for code in found):
        return _unicode_tokens(_composed(text))
    mapped = kept[np.where(beyond, 0x20, codes)]
    for code in found:
        if TOKEN.fullmatch(chr(code)):
            mapped[codes == code] = code
    return mapped.tobytes().decode("utf-32-le").split()


def syllable_forms(text: str) -> tuple[list[str], list[str]]:
    """The syllables of `normalize(text)`, lower-cased (as a query's phrases hold them,
    `indexer.query.Phrase.tokens`) and folded (`tokens(fold(normalize(text)))`).

    About twice as fast as those calls on a long text, for the same syllables: only the steps of
    `clean` that can change a syllable run over the whole text; the syllables are split, then each
    distinct one is unified, lower-cased and folded once per process. The orders agree because
    tone placement is unified only inside a syllable, and folding never turns a letter or digit
    into anything else, nor anything else into one (a test checks every code point)."""
    syllables = _syllables(text)
    return list(map(_PRINTED.__getitem__, syllables)), list(map(_FOLDED.__getitem__, syllables))


def printed_syllables(text: str) -> tuple[list[str], list[str]]:
    """The syllables of `normalize(text)` as printed, case kept (`tokens(normalize(text))`), and
    folded: what `syllable_forms` computes, for readers that need the capitals ("Bến Tre")."""
    syllables = _syllables(text)
    return list(map(_CASED.__getitem__, syllables)), list(map(_FOLDED.__getitem__, syllables))


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()
