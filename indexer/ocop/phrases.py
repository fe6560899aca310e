"""Multi-word phrase matching over a Document's syllables, by dictionary lookup.

Every vocabulary of the enrichment step (OCOP terms, provinces, product words) is a PhraseIndex.
Lookups go by the first folded syllable, so an article costs one dict probe per syllable instead
of one regex alternative per vocabulary entry; that is what keeps 10,000 articles under a minute.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.ocop.document import Document
from indexer.text import fold, normalize, tokens


@dataclass(frozen=True, slots=True)
class Phrase:
    """One vocabulary entry: its syllables folded and with diacritics, and which must be capitalised."""

    text: str
    folded: tuple[str, ...]
    accented: tuple[str, ...]
    caps: tuple[bool, ...]
    value: object


def syllables(text: str) -> tuple[str, ...]:
    """Folded syllables of a vocabulary string: the key both vocabularies and documents use."""
    return tuple(tokens(fold(normalize(text))))


def make_phrase(text: str, value: object) -> Phrase:
    norm = normalize(text)
    original = tuple(tokens(norm))
    return Phrase(
        text=norm,
        folded=tuple(fold(t) for t in original),
        accented=tuple(t.lower() for t in original),
        caps=tuple(t[:1].isupper() and not t.isupper() or (len(t) == 1 and t.isupper()) for t in original),
        value=value,
    )


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=4096)
def malformed(syllable: str) -> bool:
    """A syllable with two tone marks ("báị") cannot be Vietnamese: a broken legacy encoding."""
    return sum(1 for ch in unicodedata.normalize("NFD", syllable) if ch in _TONE_MARKS) > 1


@dataclass
class PhraseIndex:
    """Leftmost-longest matching of phrases on a Document's folded syllables.

    strict_accents: in a paragraph written with diacritics, a phrase must also match with its
    diacritics ("trà" matches "trà", not "tra" in "điều tra"; "Quảng Bình" does not match "Quang
    Bình", a district of Hà Giang). Paragraphs without diacritics are matched on folded syllables
    only. tolerate_malformed: a syllable no Vietnamese word has (two tone marks, from a broken
    encoding) still matches on its folded form.
    """

    strict_accents: bool = True
    tolerate_malformed: bool = False  # a broken syllable ("Yên Báị") matches on its folded form
    _by_first: dict[str, list[Phrase]] = field(default_factory=dict)

    def add(self, text: str, value: object) -> None:
        phrase = make_phrase(text, value)
        if not phrase.folded:
            return
        bucket = self._by_first.setdefault(phrase.folded[0], [])
        if any(p.accented == phrase.accented for p in bucket):
            return
        bucket.append(phrase)
        bucket.sort(key=lambda p: len(p.folded), reverse=True)

    def add_all(self, texts: Iterable[str], value: object) -> None:
        for text in texts:
            self.add(text, value)

    def starts(self, folded_syllable: str) -> bool:
        return folded_syllable in self._by_first

    def match_at(self, doc: Document, i: int, end: int) -> Phrase | None:
        """The longest phrase starting at syllable i and ending before `end` (a block boundary)."""
        bucket = self._by_first.get(doc.fold[i])
        if not bucket:
            return None
        accented = self.strict_accents and doc.blocks[doc.block_of[i]].accented
        for phrase in bucket:
            n = len(phrase.folded)
            if i + n > end:
                continue
            if n > 1 and (tuple(doc.fold[i : i + n]) != phrase.folded or not doc.tight(i, i + n)):
                continue
            if (
                accented
                and tuple(doc.low[i : i + n]) != phrase.accented
                and not self._malformed_only(doc, i, phrase)
            ):
                continue
            return phrase
        return None

    def _malformed_only(self, doc: Document, i: int, phrase: Phrase) -> bool:
        """Whether the text differs from the phrase only in broken syllables ("Yên Báị")."""
        return self.tolerate_malformed and all(
            a == b or malformed(a)
            for a, b in zip(doc.low[i : i + len(phrase.accented)], phrase.accented, strict=True)
        )

    def find(self, doc: Document, start: int, end: int) -> Iterator[tuple[int, int, Phrase]]:
        """Non-overlapping leftmost-longest matches in syllables [start, end) of one block."""
        i = start
        by_first = self._by_first
        fold_ = doc.fold
        while i < end:
            if fold_[i] in by_first:
                phrase = self.match_at(doc, i, end)
                if phrase is not None:
                    n = len(phrase.folded)
                    yield i, i + n, phrase
                    i += n
                    continue
            i += 1

    def find_in_blocks(self, doc: Document, zones: frozenset[str]) -> Iterator[tuple[int, int, Phrase]]:
        for block in doc.blocks:
            if block.zone in zones:
                yield from self.find(doc, block.first, block.last)

    def preceded_by(self, doc: Document, i: int, max_gap: int = 3) -> Phrase | None:
        """The longest phrase (up to four syllables) ending right before syllable i, in i's block."""
        first = doc.blocks[doc.block_of[i]].first
        if i <= first or len(doc.gap(i)) > max_gap:
            return None
        for n in range(min(4, i - first), 0, -1):
            phrase = self.match_at(doc, i - n, i)
            if phrase is not None and len(phrase.folded) == n:
                return phrase
        return None
