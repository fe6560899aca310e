"""Snippets with highlighted matches, cut from the ORIGINAL text.

Matching happens on folded text (`san pham` finds `sản phẩm`), but a journalist must read proper
Vietnamese. `indexer.text.fold` keeps every character at its offset, so a match found in the folded
text is marked at the same offsets in the original.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from indexer.query import Hit, Phrase
from indexer.schema import Article
from indexer.text import TOKEN, fold

SNIPPET_CHARS = 260


@lru_cache(maxsize=256)
def _phrase_pattern(targets: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """One pattern finding, at every syllable where one starts, the longest of the phrases there.

    Syllables of a phrase stand one after the other with only non-syllable characters between
    them; a lookahead lets occurrences overlap ("a a" twice in "a a a"), and since phrases starting
    at the same syllable cover a prefix of one another, the longest covers them all."""
    ordered = sorted(targets, key=len, reverse=True)
    options = "|".join(f"{_SEPARATOR.join(map(re.escape, target))}(?!{_SYLLABLE})" for target in ordered)
    return re.compile(f"(?<!{_SYLLABLE})(?=({options}))")


_SYLLABLE = r"[^\W_]"  # a character of a syllable, as indexer.text.TOKEN reads them
_SEPARATOR = r"[\W_]+"


def _matched_spans(folded: str, phrases: Iterable[Phrase]) -> list[tuple[int, int]]:
    """Spans of syllables that belong to a matched phrase (all its syllables, in order), in the
    folded text (offsets are those of the original: `fold` keeps every character in place)."""
    targets = tuple(dict.fromkeys(phrase.folded for phrase in phrases if phrase.folded))
    if not targets:
        return []
    marked: dict[int, int] = {}
    for match in _phrase_pattern(targets).finditer(folded):
        for syllable in TOKEN.finditer(folded, match.start(1), match.end(1)):
            marked[syllable.start()] = syllable.end()
    return sorted(marked.items())


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        out.append(html.escape(text[cursor:span_start]))
        out.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(html.escape(text[cursor:end]))
    return "".join(out)


def highlight_all(text: str, phrases: Iterable[Phrase]) -> str:
    """The whole (short) text, HTML-escaped, with matches in <mark>: for titles."""
    return _render(text, _matched_spans(fold(text), phrases), 0, len(text))


def snippet(text: str, phrases: Iterable[Phrase], max_chars: int = SNIPPET_CHARS) -> str:
    """The window of `text` holding the most distinct matches, HTML-escaped, matches in <mark>."""
    text = text.replace("\n\n", " ¶ ").replace("\n", " ")
    folded = fold(text)
    spans = _matched_spans(folded, phrases)
    if not spans:
        start, end = 0, min(len(text), max_chars)
    else:
        start = _best_window(folded, spans, max_chars)
        end = min(len(text), start + max_chars)
    if start > 0:  # do not cut a syllable in half
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _render(text, spans, start, end)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def _best_window(folded: str, spans: list[tuple[int, int]], max_chars: int) -> int:
    """Where the window holding the most distinct matched words starts: a window opens a fifth of
    its width before a match; the first best one wins. Spans are sorted and do not overlap, so the
    spans inside a window are a run of consecutive ones, tracked as the window slides."""
    words = [folded[s:e] for s, e in spans]
    inside: dict[str, int] = {}
    low = high = 0
    best_start, best_score = spans[0][0], -1
    for anchor, _ in spans:
        window_start = max(0, anchor - max_chars // 5)
        window_end = window_start + max_chars
        while high < len(spans) and spans[high][1] <= window_end:
            inside[words[high]] = inside.get(words[high], 0) + 1
            high += 1
        while low < high and spans[low][0] < window_start:
            inside[words[low]] -= 1
            if not inside[words[low]]:
                del inside[words[low]]
            low += 1
        if len(inside) > best_score:
            best_start, best_score = window_start, len(inside)
    return best_start


def searchable_body(article: Article) -> str:
    """The body both engines index and cut snippets from: the lead (unless the text opens with it), text."""
    parts = [article.text]
    if article.lead and not article.text.startswith(article.lead):
        parts.insert(0, article.lead)
    return "\n\n".join(p for p in parts if p)


def hit_for(article: Article, phrases: list[Phrase], score: float | None) -> Hit:
    """One search hit, rendered the same way whichever engine found it (identical snippets)."""
    return Hit(
        id=article.id,
        title=article.title,
        url=article.url,
        site=article.site,
        outlet=article.outlet,
        published_at=article.published,
        snippet=snippet(searchable_body(article), phrases),
        title_highlighted=highlight_all(article.title, phrases),
        score=score,
        section=article.section,
        authors=article.authors,
        provinces_2025=article.provinces_2025,
        stars=article.stars,
        product_groups=article.product_groups,
        is_ocop=article.is_ocop,
        ocop_score=article.ocop_score,
        story_id=article.story_id,
    )
