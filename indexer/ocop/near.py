"""Near-matches of multi-syllable nouns: one-letter typing slips ("230 sản phâm", "40 sảm phẩm").

News sites print the count noun mistyped often enough to lose claims ("238 sản phâm đạt 3 sao",
"3 sản phẩn OCOP 4 sao", "16 sản phầm"). Listing the slips seen (round 16) only caught those; the
mechanism here takes any one-letter slip of one syllable of a noun, on the syllables as printed
(a letter with its tone mark is one letter, so "phâm", "phầm" and "phẩn" are each one slip from
"phẩm"), with guards so a real other word is not read as the noun:

- only nouns of two syllables or more: a one-letter edit of a single syllable is usually another
  word ("loại" / "lại");
- exactly one syllable slipped, the others printed right (in a paragraph without diacritics,
  compared without them);
- the slip keeps the syllable's first letter: a changed onset is another word ("bản", "tản");
- a noun cut short at the end of a paragraph with nothing after it ("… có 17 sản phẩ") is an
  excerpt cut in the middle of a word, not a slip;
- the printed phrase is not one of the real words listed beside the nouns (claims.toml
  `near_noun_words_not`, e.g. "mất hàng" one letter from "mặt hàng").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from indexer.ocop.document import Document
from indexer.ocop.phrases import Phrase, make_phrase

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one letter substituted, inserted or deleted."""
    la, lb = len(a), len(b)
    if la == lb:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _neighbours(word: str) -> set[str]:
    """Folded strings one letter from a folded syllable with its first letter kept (and itself)."""
    out = {word}
    out.update(word[:i] + ch + word[i:] for i in range(1, len(word) + 1) for ch in _LETTERS)
    out.update(word[:i] + ch + word[i + 1 :] for i in range(1, len(word)) for ch in _LETTERS)
    out.update(word[:i] + word[i + 1 :] for i in range(1, len(word)))
    return {w for w in out if len(w) >= 2}


def slipped(printed: list[str], right: list[str]) -> bool:
    """Whether `printed` is `right` with one letter of one syllable slipped, first letters kept."""
    slips = 0
    for got, want in zip(printed, right, strict=True):
        if got == want:
            continue
        if got[:1] != want[:1] or not one_edit(got, want):
            return False
        slips += 1
    return slips == 1


def _cut(doc: Document, j: int, last: int, end: int) -> bool:
    """Whether the text stops right after syllable j-1, its paragraph's last, with no punctuation."""
    return j == last and not doc.text[doc.ends[j - 1] : end].strip()


@dataclass(frozen=True)
class NearNouns:
    """The nouns of two syllables or more, matched with one slipped letter (see module doc)."""

    phrases: tuple[Phrase, ...]  # longest first
    not_words: frozenset[tuple[str, ...]]  # printed real words one slip from a noun
    # Folded first two syllables a near-match can start with: a cheap test before `match_at`.
    _pairs: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    firsts: frozenset[str] = field(default_factory=frozenset)  # their first syllables

    @classmethod
    def build(cls, nouns: Iterable[str], not_words: Iterable[str]) -> NearNouns:
        phrases = sorted(
            (p for p in (make_phrase(n, n) for n in nouns) if len(p.folded) >= 2),
            key=lambda p: len(p.folded),
            reverse=True,
        )
        pairs: set[tuple[str, str]] = set()
        for p in phrases:
            a, b = p.folded[0], p.folded[1]
            pairs.update((x, b) for x in _neighbours(a))
            pairs.update((a, y) for y in _neighbours(b))
        return cls(
            phrases=tuple(phrases),
            not_words=frozenset(tuple(s.lower() for s in make_phrase(w, None).accented) for w in not_words),
            _pairs=frozenset(pairs),
            firsts=frozenset(a for a, _ in pairs),
        )

    def starts_at(self, doc: Document, i: int) -> bool:
        """Whether a near-match may start at syllable i: its first two folded syllables fit
        ("3 sao" does not, although "sao" is one letter from "san")."""
        return i + 1 < len(doc.fold) and (doc.fold[i], doc.fold[i + 1]) in self._pairs

    def match_at(self, doc: Document, i: int, end: int) -> Phrase | None:
        """The longest noun printed with one slipped letter from syllable i, before `end`."""
        if i + 1 >= end or not self.starts_at(doc, i):
            return None
        block = doc.blocks[doc.block_of[i]]
        for phrase in self.phrases:
            n = len(phrase.folded)
            if (
                i + n > end
                or not doc.tight(i, i + n)
                and not (phrase.marks and doc.tight_across(i, i + n, phrase.marks))
                or _cut(doc, i + n, block.last, block.end)
            ):
                continue
            printed = doc.low[i : i + n] if block.accented else doc.fold[i : i + n]
            right = phrase.accented_list if block.accented else phrase.folded_list
            if slipped(printed, right) and tuple(printed) not in self.not_words:
                return phrase
        return None
