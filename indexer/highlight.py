"""Highlighted titles and snippets, cut from the ORIGINAL text, one word at a time.

Matching happens on folded text (`san pham` finds `sản phẩm`), but a journalist must read proper
Vietnamese. `indexer.text.fold` keeps every character at its offset, so a match found in the folded
text is marked at the same offsets in the original.

In Vietnamese the word, not the syllable, is the unit. The query model says which syllables belong
together (`ParsedQuery.word_groups`); a mark covers a whole word or phrase found as such in the text:
two or more syllables of a group side by side in the query's order ("mật ong" for `mat ong`), or a
quoted phrase whole. A syllable on its own is marked only when the document (title and body
together) never shows it inside such a word: for `mat ong`, "mật" in "mùa quay mật" stays plain
when "mật ong" is printed elsewhere in the article, and is marked when it is all that matched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from indexer.query import Hit
from indexer.query_ast import ParsedQuery, WordGroup
from indexer.schema import Article
from indexer.text import fold

SNIPPET_CHARS = 260
_PARAGRAPH_BREAK = " ¶ "


class Mark(NamedTuple):
    """One highlighted word or phrase: character offsets in the original text (a tuple: a page of
    hits makes about a thousand)."""

    start: int
    end: int
    key: str  # folded text of the word, so two printings of one word count once
    syllables: int


_Starts = dict[str, list[tuple[tuple[str, ...], int, bool]]]


def _starts(groups: Sequence[WordGroup]) -> _Starts:
    """Syllable -> (group syllables, where it stands in them, exact): the words a syllable can be part of.

    A quoted phrase is only looked for from its first syllable; a run of bare words from any of its
    syllables ("ong" in `mat ong` starts the word "ong")."""
    starts: _Starts = {}
    for group in groups:
        target = group.syllables
        if group.exact:
            starts.setdefault(target[0], []).append((target, 0, True))
        else:
            for j, syllable in enumerate(target):
                starts.setdefault(syllable, []).append((target, j, False))
    return starts


_Followers = dict[str, frozenset[str] | None]


def _followers(starts: _Starts) -> _Followers:
    """Syllable -> the query syllables that can follow it within a word of bare syllables (None
    when it starts a quoted phrase, which reads on whatever follows). A place whose next found
    syllable is none of them is a lone syllable, decided without looking for a word there: in a
    query of 40 words nine places in ten are, and looking cost most of its highlighting (round 11)."""
    return {
        syllable: None
        if any(exact for _, _, exact in candidates)
        else frozenset(target[j + 1] for target, j, _ in candidates if j + 1 < len(target))
        for syllable, candidates in starts.items()
    }


_SYLLABLE = re.compile(r"[^\W_]+")  # indexer.text.TOKEN


@lru_cache(maxsize=256)
def _candidates(syllables: frozenset[str]) -> re.Pattern[str]:
    """Where any of a query's syllables ends a syllable in folded text: the scan is done in C, and
    only these places are looked at in Python (`_whole`). A look-behind for the syllable's start
    in the pattern would be tried at every character (40% of the scan, round 10); a place found
    that does not start a syllable cannot hide one that does (it holds letters and digits only).
    The syllables are a trie (`_trie`): at most one of them can end a syllable from one place, so
    the order they are tried in does not matter, and a trie tries each letter once."""
    return re.compile(rf"{_trie(sorted(syllables))}(?![^\W_])")


def _trie(words: list[str]) -> str:
    """A pattern matching exactly `words` (sorted, distinct), sharing their first letters: an OR of
    20 words is scanned three times faster than as 20 alternatives (round 10)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    options = [
        re.escape(head) + (_trie(tails) if len(tails) > 1 else re.escape(tails[0]))
        for head, tails in branches.items()
    ]
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def _whole(pattern: re.Pattern[str], folded: str) -> list[re.Match[str]]:
    """The places `pattern` finds that also start a syllable: a query syllable standing whole."""
    return [m for m in pattern.finditer(folded) if not (m.start() and folded[m.start() - 1].isalnum())]


class _After:
    """The syllables after one in folded text, read only as far as a word needs them."""

    def __init__(self, folded: str, end: int):
        self._matches = _SYLLABLE.finditer(folded, end)
        self._read: list[re.Match[str]] = []

    def get(self, k: int) -> re.Match[str] | None:
        """The k-th syllable after (0: the next one), None past the end of the text."""
        while len(self._read) <= k:
            found = next(self._matches, None)
            if found is None:
                return None
            self._read.append(found)
        return self._read[k]


class _Found:
    """The words of the query found in one text, and the syllables found only on their own."""

    def __init__(self, text: str, starts: _Starts, followers: _Followers):
        self._text = text
        folded = fold(text)
        self.words: list[Mark] = []
        self.loose: list[Mark] = []
        found = _whole(_candidates(frozenset(starts)), folded)
        last = len(found) - 1
        done = 0  # where the last word found ends: syllables before it are part of it
        for i, match in enumerate(found):
            if match.start() < done:
                continue
            syllable = match.group()
            follow = followers[syllable]
            if follow is not None and (i == last or found[i + 1].group() not in follow):
                self.loose.append(Mark(match.start(), match.end(), syllable, 1))
                continue
            words = self._longest_word_at(folded, found, i, starts[syllable])
            if words:
                self.words.append(
                    Mark(match.start(), words[-1].end(), " ".join(m.group() for m in words), len(words))
                )
                done = words[-1].end()
            else:
                self.loose.append(Mark(match.start(), match.end(), syllable, 1))

    def _joined(self, before: int, start: int) -> bool:
        """Only spaces between two syllables (one ending at `before`, the next starting at
        `start`), on one line: they may be one word."""
        gap = self._text[before:start]
        return gap.isspace() and "\n" not in gap

    def _longest_word_at(
        self,
        folded: str,
        found: list[re.Match[str]],
        i: int,
        candidates: list[tuple[tuple[str, ...], int, bool]],
    ) -> list[re.Match[str]]:
        """The syllables from `found[i]` on that form one word or phrase of the query (none: no
        word, or a lone syllable). A word of bare syllables continues only with the next place
        where a query syllable stands (any other syllable in between breaks it), so it is read from
        `found`; a quoted phrase's later syllables need not be query syllables, so it reads on."""
        best: list[re.Match[str]] = []
        after: _After | None = None
        for target, j, exact in candidates:
            if exact:
                after = after or _After(folded, found[i].end())
                following = [after.get(k) for k in range(len(target) - 1)]
                if len(target) > len(best) and all(
                    m is not None and m.group() == wanted
                    for m, wanted in zip(following, target[1:], strict=True)
                ):
                    best = [found[i], *following]  # type: ignore[list-item]
                continue
            length, end = 1, found[i].end()
            while j + length < len(target) and i + length < len(found):
                nxt = found[i + length]
                if nxt.group() != target[j + length] or not self._joined(end, nxt.start()):
                    break
                end = nxt.end()
                length += 1
            if length > 1 and length > len(best):
                best = found[i : i + length]
        return best

    def covered(self) -> set[str]:
        return {syllable for word in self.words for syllable in word.key.split(" ")}


def _query_words(query: ParsedQuery) -> tuple[list[WordGroup], _Starts, _Followers]:
    """The query's word groups and where each syllable starts one, worked out once per query, not
    once per hit (a query of 40 words spent a third of its highlighting here). Read only. The
    query of the last call is known by identity: the hits of one page share it, and hashing a
    query of 60 alternatives for the cache cost more than its marks in a short text (round 10)."""
    last = _LAST_QUERY[0]
    if last[0] is query:
        return last[1]
    found = _words_of(query)
    _LAST_QUERY[0] = (query, found)
    return found


@lru_cache(maxsize=64)
def _words_of(query: ParsedQuery) -> tuple[list[WordGroup], _Starts, _Followers]:
    groups = query.word_groups()
    starts = _starts(groups)
    return groups, starts, _followers(starts)


_LAST_QUERY: list[tuple[ParsedQuery | None, tuple[list[WordGroup], _Starts, _Followers]]] = [
    (None, ([], {}, {}))
]


def document_marks(query: ParsedQuery, texts: Sequence[str]) -> list[list[Mark]]:
    """The marks of each of one document's texts (its title, its body), decided together."""
    groups, starts, followers = _query_words(query)
    if not groups or not starts:
        return [[] for _ in texts]
    found = [_Found(text, starts, followers) for text in texts]
    covered = set().union(*(f.covered() for f in found))
    lone = {s for g in groups if not g.exact for s in g.syllables} - covered
    marks = []
    for f in found:
        singles = [m for m in f.loose if m.key in lone]
        marks.append(sorted(f.words + singles, key=lambda m: m.start))
    return marks


def _render(text: str, marks: Sequence[Mark], start: int, end: int) -> str:
    """text[start:end], HTML-escaped, with the marks inside it (cut at its edges)."""
    out, cursor = [], start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        mark_start, mark_end = max(mark.start, start), min(mark.end, end)
        out.append(html.escape(text[cursor:mark_start]))
        out.append(f"<mark>{html.escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def highlight_all(text: str, marks: Sequence[Mark]) -> str:
    """The whole (short) text, HTML-escaped, with its marks: for titles."""
    return _render(text, marks, 0, len(text))


def flatten(text: str) -> str:
    """Paragraphs on one line, a pilcrow between them, as snippets show them."""
    return text.replace("\n\n", _PARAGRAPH_BREAK).replace("\n", " ")


def snippet(text: str, marks: Sequence[Mark], max_chars: int = SNIPPET_CHARS) -> str:
    """The window of `text` (already flattened) holding the most of the query's distinct words,
    longer words counting more, HTML-escaped with its marks."""
    if not marks:
        start, end = 0, min(len(text), max_chars)
    else:
        best_start = _best_window(marks, max_chars)
        start, end = best_start, min(len(text), best_start + max_chars)
    if start > 0:  # do not cut a syllable in half
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    for mark in marks:  # nor a marked word
        if mark.start < start < mark.end:
            start = mark.start
        if mark.start < end < mark.end:
            end = mark.end
    body = _render(text, marks, start, end)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def paragraphs(text: str, marks: Sequence[Mark]) -> list[str]:
    """Each paragraph of `text` (they are separated by a blank line), HTML-escaped with its marks."""
    out, start = [], 0
    for paragraph in text.split("\n\n"):
        out.append(_render(text, marks, start, start + len(paragraph)))
        start += len(paragraph) + 2
    return out


def _best_window(marks: Sequence[Mark], max_chars: int) -> int:
    """Where the window holding the most of the query's distinct words starts (a word of n
    syllables counts n; the first best window wins). A window opens a fifth of its width before a
    mark; marks are sorted and do not overlap, so those inside a window are a run of consecutive
    ones, kept as the window slides."""
    inside: dict[str, int] = {}
    score, low, high = 0, 0, 0
    best_start, best_score = marks[0].start, -1
    for anchor in marks:
        window_start = max(0, anchor.start - max_chars // 5)
        window_end = window_start + max_chars
        while high < len(marks) and marks[high].end <= window_end:
            key = marks[high].key
            inside[key] = inside.get(key, 0) + 1
            score += marks[high].syllables if inside[key] == 1 else 0
            high += 1
        while low < high and marks[low].start < window_start:
            key = marks[low].key
            inside[key] -= 1
            score -= marks[low].syllables if inside[key] == 0 else 0
            low += 1
        if score > best_score:
            best_start, best_score = window_start, score
    return best_start


def searchable_body(article: Article) -> str:
    """The body both engines index and cut snippets from: the lead (unless the text opens with it), text."""
    parts = [article.text]
    if article.lead and not article.text.startswith(article.lead):
        parts.insert(0, article.lead)
    return "\n\n".join(p for p in parts if p)


def hit_for(article: Article, query: ParsedQuery, score: float | None) -> Hit:
    """One search hit, rendered the same way whichever engine found it (identical snippets)."""
    body = flatten(searchable_body(article))
    title_marks, body_marks = document_marks(query, [article.title, body])
    return Hit(
        id=article.id,
        title=article.title,
        url=article.url,
        site=article.site,
        outlet=article.outlet,
        published_at=article.published,
        snippet=snippet(body, body_marks),
        title_highlighted=highlight_all(article.title, title_marks),
        score=score,
        section=article.section,
        authors=article.authors,
        provinces_2025=article.provinces_2025,
        stars=article.stars,
        product_groups=article.product_groups,
        is_ocop=article.is_ocop,
        ocop_score=article.ocop_score,
        story_id=article.story_id,
        outlet_kind=article.outlet_kind,
        outlet_province=article.outlet_province,
        source_agency=article.source_agency,
    )
