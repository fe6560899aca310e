"""Snippets with highlighted matches, cut from the ORIGINAL text.

Matching happens on folded text (`san pham` finds `sản phẩm`), but a journalist must read proper
Vietnamese. `indexer.text.fold` keeps every character at its offset, so a match found in the folded
text is marked at the same offsets in the original.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from indexer.query import Hit, Phrase
from indexer.schema import Article
from indexer.text import TOKEN, fold

SNIPPET_CHARS = 260


def _matched_spans(text: str, phrases: Iterable[Phrase]) -> list[tuple[int, int]]:
    """Spans of tokens that belong to a matched phrase (all its syllables, in order)."""
    folded = fold(text)
    found = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(folded)]
    words = [w for _, _, w in found]
    marked: set[int] = set()
    for phrase in phrases:
        target = list(phrase.folded)
        if not target:
            continue
        width = len(target)
        for i in range(len(words) - width + 1):
            if words[i : i + width] == target:
                marked.update(range(i, i + width))
    return [(found[i][0], found[i][1]) for i in sorted(marked)]


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
    return _render(text, _matched_spans(text, phrases), 0, len(text))


def snippet(text: str, phrases: Iterable[Phrase], max_chars: int = SNIPPET_CHARS) -> str:
    """The window of `text` holding the most distinct matches, HTML-escaped, matches in <mark>."""
    text = text.replace("\n\n", " ¶ ").replace("\n", " ")
    spans = _matched_spans(text, list(phrases))
    if not spans:
        start, end = 0, min(len(text), max_chars)
    else:
        folded = fold(text)
        best_start, best_score = spans[0][0], -1
        for anchor, _ in spans:
            window_start = max(0, anchor - max_chars // 5)
            window_end = window_start + max_chars
            inside = {folded[s:e] for s, e in spans if s >= window_start and e <= window_end}
            if len(inside) > best_score:
                best_start, best_score = window_start, len(inside)
        start, end = best_start, min(len(text), best_start + max_chars)
    if start > 0:  # do not cut a syllable in half
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _render(text, spans, start, end)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


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
