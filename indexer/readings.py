"""The accented reading of a query typed without diacritics, from what the archive prints.

`dua ben tre` folds "dừa Bến Tre" (coconut) and "đưa Bến Tre" (to bring) alike. The archive says
which one people write: the engine samples the articles holding the query's neighbouring syllables
side by side (folded), and each neighbour pair is read as it is most often printed there. A
syllable takes the reading of its most frequent pair, so `dua ben tre` becomes "dừa Bến Tre" when
"dừa Bến" outnumbers "đưa Bến". The pairs read that way rank a whole tier higher where an article
prints them exactly (as if typed with diacritics), and the reading is offered as "Did you mean …".

Only bare words are read (quoted phrases are taken as typed), and only when the whole query holds
no diacritic: a query typed with diacritics says what it means.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

from indexer.query_ast import AnyOf, ParsedQuery, Term
from indexer.schema import Article
from indexer.text import TOKEN, fold, has_diacritics, printed_syllables

REMEMBERED = 512  # readings an engine keeps per state of its index
SAMPLE_SIZE = 25  # articles read for the printed forms: enough to outvote a stray spelling
MIN_SEEN = 2  # a reading printed fewer times than this is not offered

Pair = tuple[str, str]
Sample = Callable[[ParsedQuery, int], Iterable[Article]]  # an engine's best matches of a query


@dataclass(frozen=True)
class Reading:
    boosts: tuple[Term, ...]  # neighbour pairs as printed, lower-cased (exact terms)
    suggestion: str  # the query text, its bare words as printed
    runs: tuple[tuple[str, ...], ...] = ()  # the query's runs of bare words (folded)
    printed: tuple[tuple[str | None, ...], ...] = ()  # per run, each syllable as read (lower-cased)

    def accented(self, words: Sequence[Term]) -> list[Term | None]:
        """Each word as the archive prints it (an exact term), or None where a syllable of it was
        not read. Words are found in the runs in query order, so the two "san" of `dua san pham
        ocop len san` are read apart ("sản phẩm", "sàn")."""
        found: list[Term | None] = []
        run, at = 0, 0
        for word in words:
            place = self._find(word.folded, run, at)
            if place is None:
                found.append(None)
                continue
            run, start = place
            at = start + len(word.tokens)
            forms = self.printed[run][start:at]
            if any(form is None for form in forms) or not any(has_diacritics(f or "") for f in forms):
                found.append(None)
                continue
            found.append(Term(tuple(f or "" for f in forms), phrase=word.phrase, exact=True))
        return found

    def _find(self, folded: tuple[str, ...], run: int, at: int) -> tuple[int, int] | None:
        for r in range(run, len(self.runs)):
            syllables = self.runs[r]
            for i in range(at if r == run else 0, len(syllables) - len(folded) + 1):
                if syllables[i : i + len(folded)] == folded:
                    return r, i
        return None


def needs_reading(parsed: ParsedQuery) -> bool:
    return any(len(run) > 1 for run in parsed.runs) and not any(
        t.has_diacritics for t in parsed.terms(typed=True)
    )


def probe(parsed: ParsedQuery) -> ParsedQuery:
    """The query whose matches are sampled: any neighbour pair of the bare words, side by side."""
    pairs = _pairs(parsed)
    options = tuple(Term(pair, phrase=True) for pair in pairs)
    return ParsedQuery(clauses=(options[0] if len(options) == 1 else AnyOf(options),))


def _pairs(parsed: ParsedQuery) -> list[Pair]:
    return list(dict.fromkeys((a, b) for run in parsed.runs for a, b in zip(run, run[1:], strict=False)))


def read(parsed: ParsedQuery, query_text: str, sample: Sample) -> Reading | None:
    """The reading of `parsed`'s bare words from `sample` (the engine's best matches of `probe`)."""
    if not needs_reading(parsed):
        return None
    wanted = set(_pairs(parsed))
    seen: defaultdict[Pair, Counter[Pair]] = defaultdict(Counter)
    for article in sample(probe(parsed), SAMPLE_SIZE):
        for text in (article.title, article.lead, article.text):
            printed, folded = printed_syllables(text)
            pairs = list(zip(folded, folded[1:], strict=False))
            both = zip(pairs, zip(printed, printed[1:], strict=False), strict=True)
            for pair, as_printed in compress(both, map(wanted.__contains__, pairs)):
                seen[pair][as_printed] += 1
    forms: list[dict[int, str]] = [{} for _ in parsed.runs]  # per run: position -> printed form
    boosts: list[Term] = []
    candidates = []
    for r, run in enumerate(parsed.runs):
        for i in range(len(run) - 1):
            counter = seen.get((run[i], run[i + 1]))
            if counter:
                candidates.append((*_most_printed(counter), r, i))
    for count, (first, second), r, i in sorted(candidates, key=lambda c: -c[0]):
        if count < MIN_SEEN or not has_diacritics(first + second):
            continue
        taken = forms[r]
        if taken.get(i, first).lower() != first.lower() or taken.get(i + 1, second).lower() != second.lower():
            continue  # a more frequent pair already read one of these syllables otherwise
        taken.setdefault(i, first)
        taken.setdefault(i + 1, second)
        boosts.append(Term((first.lower(), second.lower()), phrase=True, exact=True))
    if not boosts:
        return None
    as_read = tuple(
        tuple(form.lower() if (form := forms[r].get(i)) else None for i in range(len(run)))
        for r, run in enumerate(parsed.runs)
    )
    return Reading(
        tuple(dict.fromkeys(boosts)), _suggestion(query_text, parsed.runs, forms), parsed.runs, as_read
    )


class Remembered:
    """The readings of one state of an index, kept: a reading depends only on the query and on
    what the archive prints (its best matches), so the same words searched again (another page,
    another filter, another reader) are not read again until the index changes (`state`). Reading
    costs a search, 25 articles from the archive and their text split: on a 100,000-article archive
    about as much as the rest of a search. At most `size` readings; the oldest go first."""

    def __init__(self, size: int = REMEMBERED):
        self.size = size
        self._state: Hashable = None
        self._found: dict[tuple[ParsedQuery, str], Reading | None] = {}
        self._lock = threading.Lock()

    def read(self, state: Hashable, parsed: ParsedQuery, query_text: str, sample: Sample) -> Reading | None:
        if not needs_reading(parsed):
            return None
        key = (parsed, query_text)
        with self._lock:
            if state != self._state:
                self._state, self._found = state, {}
            elif key in self._found:
                return self._found[key]
        found = read(parsed, query_text, sample)
        with self._lock:
            if state == self._state and self.size > 0:
                if len(self._found) >= self.size:
                    del self._found[next(iter(self._found))]
                self._found[key] = found
        return found


def _most_printed(counter: Counter[Pair]) -> tuple[int, Pair]:
    """The most printed reading of a pair (case aside) and its count, in lower case unless the
    archive only ever prints it capitalised (a name: "Bến Tre")."""
    by_reading: Counter[Pair] = Counter()
    for (a, b), n in counter.items():
        by_reading[(a.lower(), b.lower())] += n
    reading, count = by_reading.most_common(1)[0]
    if reading in counter:
        return count, reading
    cased = max((p for p in counter if (p[0].lower(), p[1].lower()) == reading), key=lambda p: counter[p])
    return count, cased


def _suggestion(query_text: str, runs: tuple[tuple[str, ...], ...], forms: list[dict[int, str]]) -> str:
    """The query text with the bare words of each run replaced by their printed forms, in order."""
    expected = [(syllable, forms[r].get(i)) for r, run in enumerate(runs) for i, syllable in enumerate(run)]
    position = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal position
        if position < len(expected) and fold(match.group().lower()) == expected[position][0]:
            form = expected[position][1]
            position += 1
            return form or match.group()
        return match.group()

    return TOKEN.sub(replace, query_text)
