"""Multi-word phrase matching over a Document's syllables, by dictionary lookup.

Every vocabulary of the enrichment step (OCOP terms, provinces, product words) is a PhraseIndex.
Lookups go by the first folded syllable, so an article costs one dict probe per syllable instead
of one regex alternative per vocabulary entry; that is what keeps 10,000 articles under a minute.
A match at a position is tried only against the phrases that start with its first two folded
syllables (then the one-syllable phrase of its first), not against every phrase that shares the
first syllable: a province name's first syllable ("Bình", "Hà") starts dozens of names (session 20).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, KeysView
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise

from indexer.ocop.document import Document
from indexer.text import TOKEN, fold, normalize, tokens


@dataclass(frozen=True, slots=True)
class Phrase:
    """One vocabulary entry: its syllables folded and with diacritics, and which must be capitalised."""

    text: str
    folded: tuple[str, ...]
    accented: tuple[str, ...]
    caps: tuple[bool, ...]
    value: object
    # The same syllables as lists, for comparison with slices of a Document without copying.
    folded_list: list[str] = field(compare=False, hash=False, repr=False, default_factory=list)
    accented_list: list[str] = field(compare=False, hash=False, repr=False, default_factory=list)
    # Folded syllables after the first two: all a match still compares once the first two are looked up.
    folded_tail: list[str] = field(compare=False, hash=False, repr=False, default_factory=list)
    # Syllables the entry writes a comma or semicolon before ("sản phẩm, nhóm sản phẩm": {2}): only
    # there may the text have one inside a match (Document.tight).
    marks: frozenset[int] = field(compare=False, hash=False, repr=False, default=frozenset())


def syllables(text: str) -> tuple[str, ...]:
    """Folded syllables of a vocabulary string: the key both vocabularies and documents use."""
    return tuple(tokens(fold(normalize(text))))


def _marks(norm: str) -> frozenset[int]:
    """The syllables of a vocabulary string that a comma or semicolon comes before."""
    found = list(TOKEN.finditer(norm))
    between = (norm[a.end() : b.start()] for a, b in pairwise(found))
    return frozenset(k for k, gap in enumerate(between, start=1) if "," in gap or ";" in gap)


def make_phrase(text: str, value: object) -> Phrase:
    norm = normalize(text)
    original = tuple(tokens(norm))
    folded = tuple(fold(t) for t in original)
    accented = tuple(t.lower() for t in original)
    return Phrase(
        text=norm,
        folded=folded,
        accented=accented,
        caps=tuple(t[:1].isupper() and not t.isupper() or (len(t) == 1 and t.isupper()) for t in original),
        value=value,
        folded_list=list(folded),
        accented_list=list(accented),
        folded_tail=list(folded[2:]),
        marks=_marks(norm),
    )


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=4096)
def malformed(syllable: str) -> bool:
    """A syllable with two tone marks ("báị") cannot be Vietnamese: a broken legacy encoding."""
    return sum(1 for ch in unicodedata.normalize("NFD", syllable) if ch in _TONE_MARKS) > 1


PLAIN_CONTEXT = 3  # syllables either side that must be plain too, at least two of them present


def _plain_run(doc: Document, i: int, j: int) -> bool:
    """Whether syllables [i, j) and up to PLAIN_CONTEXT syllables either side in their block carry
    no diacritics: a quote in English or a line typed without them inside Vietnamese text. "Quang
    Bình" or "Lê Quang Nam" next to written diacritics is not such a run."""
    low, fold_ = doc.low, doc.fold
    if any(low[k] != fold_[k] for k in range(i, j)):
        return False
    block = doc.blocks[doc.block_of[i]]
    lo, hi = max(block.first, i - PLAIN_CONTEXT), min(block.last, j + PLAIN_CONTEXT)
    return hi - lo - (j - i) >= 2 and all(low[k] == fold_[k] for k in range(lo, hi))


@dataclass(eq=False)  # identity hash: a Document memoises each index's hits under the index itself
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
    # a phrase written without diacritics amid words without them ("products from Lam Dong") matches
    # folded, even in a paragraph written with diacritics
    tolerate_plain_runs: bool = False
    _by_first: dict[str, list[Phrase]] = field(default_factory=dict)
    _singles: set[str] = field(default_factory=set)  # first syllables of one-syllable phrases
    _pairs: set[tuple[str, str]] = field(default_factory=set)  # first two syllables of the others
    # The same phrases by their first two syllables (longest first) and, for one-syllable phrases,
    # by their syllable: a match is tried only against phrases that can start at a position.
    _by_pair: dict[tuple[str, str], list[Phrase]] = field(default_factory=dict)
    _by_single: dict[str, list[Phrase]] = field(default_factory=dict)
    _seconds: dict[str, frozenset[str]] = field(default_factory=dict)  # first -> its second syllables
    _longest: int = 0  # syllables in the longest phrase

    def add(self, text: str, value: object) -> None:
        phrase = make_phrase(text, value)
        if not phrase.folded:
            return
        bucket = self._by_first.setdefault(phrase.folded[0], [])
        if any(p.accented == phrase.accented and p.marks == phrase.marks for p in bucket):
            return  # the same words with other commas are another phrase ("One village, One product")
        if len(phrase.folded) == 1:
            self._singles.add(phrase.folded[0])
            self._by_single.setdefault(phrase.folded[0], []).append(phrase)
        else:
            pair = (phrase.folded[0], phrase.folded[1])
            self._pairs.add(pair)
            self._seconds[pair[0]] = self._seconds.get(pair[0], frozenset()) | {pair[1]}
            # the order of the bucket below, restricted to this pair (a stable sort of both)
            longer = self._by_pair.setdefault(pair, [])
            longer.append(phrase)
            longer.sort(key=lambda p: len(p.folded), reverse=True)
        bucket.append(phrase)
        bucket.sort(key=lambda p: len(p.folded), reverse=True)
        self._longest = max(self._longest, len(phrase.folded))

    def add_all(self, texts: Iterable[str], value: object) -> None:
        for text in texts:
            self.add(text, value)

    def starts(self, folded_syllable: str) -> bool:
        return folded_syllable in self._by_first

    def first_syllables(self) -> KeysView[str]:
        """The folded syllables a phrase starts with (a live view): `starts` without a call per
        syllable, for loops over many syllables."""
        return self._by_first.keys()

    def match_at(self, doc: Document, i: int, end: int) -> Phrase | None:
        """The longest phrase starting at syllable i and ending before `end` (a block boundary).
        Callers looking a few syllables ahead ("i + 3") may pass an end past the text's last one."""
        fold_ = doc.fold
        end = min(end, len(fold_))
        first = fold_[i]
        # Longest first: the phrases of two syllables or more that start with these two, then the
        # one-syllable phrase (the bucket's order, without the phrases that cannot match here).
        longer = self._by_pair.get((first, fold_[i + 1])) if i + 1 < end else None
        single = self._by_single.get(first) if i < end else None
        if longer is None and single is None:
            return None
        # In a paragraph written with diacritics a phrase must match as written too (see the class).
        written = self.strict_accents and doc.blocks[doc.block_of[i]].accented
        if longer is not None:
            low = doc.low
            for phrase in longer:
                n = len(phrase.folded)
                if (
                    i + n > end
                    or (n > 2 and fold_[i + 2 : i + n] != phrase.folded_tail)
                    or not doc.tight(i, i + n)
                    and not (phrase.marks and doc.tight_across(i, i + n, phrase.marks))
                ):
                    continue
                if not written or low[i : i + n] == phrase.accented_list or self._slip(doc, i, phrase):
                    return phrase
        if single is not None:
            for phrase in single:
                if not written or doc.low[i] == phrase.accented[0] or self._slip(doc, i, phrase):
                    return phrase
        return None

    def _slip(self, doc: Document, i: int, phrase: Phrase) -> bool:
        """Whether a phrase written otherwise than the text at i still matches: only in broken
        syllables, or as a run written without diacritics (see the class)."""
        return (self.tolerate_malformed and self._malformed_only(doc, i, phrase)) or (
            self.tolerate_plain_runs and _plain_run(doc, i, i + len(phrase.folded))
        )

    def _malformed_only(self, doc: Document, i: int, phrase: Phrase) -> bool:
        """Whether the text differs from the phrase only in broken syllables ("Yên Báị")."""
        return all(
            a == b or malformed(a)
            for a, b in zip(doc.low[i : i + len(phrase.accented)], phrase.accented, strict=True)
        )

    def _hits(self, doc: Document) -> list[int]:
        """Positions of the document whose syllable starts a phrase of this index, ascending.

        Computed once per document and index from the document's syllable positions, so each
        vocabulary costs a few dict probes per distinct syllable instead of one per syllable per
        block scanned.
        """
        hits = doc.memo.get(self)
        if hits is None:
            positions = doc.positions()
            shared = self._by_first.keys() & positions.keys()  # a C-level set intersection
            # Every position of a one-syllable phrase's syllable is a hit; a phrase of two
            # syllables or more can only start where its first two are.
            singles = shared & self._singles
            hits = list(chain.from_iterable(map(positions.__getitem__, singles)))
            fold_, seconds, last = doc.fold, self._seconds, len(doc.fold) - 1
            for first in shared - singles:
                after = seconds[first]
                # A plain loop, not a list comprehension: most syllables occur once or twice, and
                # a comprehension builds a function and a frame for each (a few hundred per article).
                for k in positions[first]:
                    if k < last and fold_[k + 1] in after:
                        hits.append(k)
            if len(shared) > 1:
                hits.sort()
            doc.memo[self] = hits
        return hits

    def find(self, doc: Document, start: int, end: int) -> Iterator[tuple[int, int, Phrase]]:
        """Non-overlapping leftmost-longest matches in syllables [start, end) of one block."""
        hits = doc.memo.get(self)
        if hits is None:
            hits = self._hits(doc)
        lo = bisect_left(hits, start)
        i = start
        for p in hits[lo : bisect_left(hits, end, lo)]:
            if p < i:
                continue
            phrase = self.match_at(doc, p, end)
            if phrase is not None:
                i = p + len(phrase.folded)
                yield p, i, phrase

    def find_in_blocks(self, doc: Document, zones: frozenset[str]) -> Iterator[tuple[int, int, Phrase]]:
        """`find` in every block of the given zones, in one pass over the document's hits."""
        blocks, block_of = doc.blocks, doc.block_of
        i = 0
        for p in self._hits(doc):
            if p < i:
                continue
            block = blocks[block_of[p]]
            if block.zone not in zones:
                continue
            phrase = self.match_at(doc, p, block.last)
            if phrase is not None:
                i = p + len(phrase.folded)
                yield p, i, phrase

    def preceded_by(self, doc: Document, i: int, max_gap: int = 3) -> Phrase | None:
        """The longest phrase (up to four syllables) ending right before syllable i, in i's block."""
        first = doc.blocks[doc.block_of[i]].first
        if i <= first or len(doc.gap(i)) > max_gap:
            return None
        fold_, singles, pairs = doc.fold, self._singles, self._pairs
        for n in range(min(4, self._longest, i - first), 0, -1):
            # A phrase of n syllables starts with a one-syllable phrase's syllable or with the
            # first two syllables of a longer one: most lengths are ruled out without a match.
            if fold_[i - n] not in singles if n == 1 else (fold_[i - n], fold_[i - n + 1]) not in pairs:
                continue
            phrase = self.match_at(doc, i - n, i)
            if phrase is not None and len(phrase.folded) == n:
                return phrase
        return None
