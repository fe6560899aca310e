"""The date printed in the article's own byline, when the page declares none in its metadata.

Vietnamese sites print today's date in the page header ("Thứ năm 23/01/2025 20:28" above a 2022
article) and dates in every sidebar teaser. So a printed date is only believed when it sits in
the article's byline area: right after the headline (or just before it, inside the headline's own
block), outside the page header/nav/sidebar, and not after the crawl. Nearest to the headline wins.
"""

from __future__ import annotations

from datetime import datetime

from lxml.html import HtmlElement

from crawler.extraction.dates import parse_vietnamese_date, plausible
from crawler.extraction.dom import PageIndex, ancestors, attached, in_chrome, short_text, words_of

# fmt: off
_DATE_WORDS = frozenset({
    "date", "time", "datetime", "publish", "published", "pubdate", "posted", "ngay", "thoigian", "ngaydang",
    "dateline", "timestamp", "meta", "byline", "info", "author", "source",
})
# fmt: on
_CLOCK_WORDS = frozenset(
    {"clock", "today", "weather", "header", "topbar", "top", "current", "now", "calendar"}
)
_DATE_TAGS = frozenset(
    {"span", "div", "p", "li", "small", "em", "i", "b", "strong", "abbr", "a", "td", "section"}
)
_AFTER_HEADLINE = 60  # elements after the h1 that still belong to its byline block
_SAME_BLOCK_LEVELS = 3  # a date printed above the h1 must share one of its 3 nearest containers


def _candidates(tree: HtmlElement, index: PageIndex) -> list[tuple[HtmlElement, str]]:
    found: list[tuple[HtmlElement, str]] = []
    for element in {el: None for el in [*tree.iter("time"), *index.with_words(_DATE_WORDS)]}:
        is_time = element.tag == "time"
        if not is_time and element.tag not in _DATE_TAGS:
            continue
        value = element.get("datetime") if is_time else None
        text = value or short_text(element, limit=80)
        if text:
            found.append((element, text))
    return found


def _looks_like_clock(element: HtmlElement) -> bool:
    return any(words_of(node) & _CLOCK_WORDS for node in [element, *list(ancestors(element))[:4]])


def find_byline_date(
    tree: HtmlElement, index: PageIndex, headline: HtmlElement | None, crawled: datetime
) -> datetime | None:
    """The publication date printed next to the headline, or None: without a headline to anchor
    on, a printed date cannot be told apart from the header clock, so none is guessed."""
    if headline is None:
        return None
    headline_at = index.of(headline)
    near_blocks = [a for a in list(ancestors(headline))[:_SAME_BLOCK_LEVELS] if a.tag not in ("body", "html")]
    best: tuple[int, datetime] | None = None
    for element, text in _candidates(tree, index):
        position = index.of(element)
        if position > headline_at:
            distance = position - headline_at
            if distance > _AFTER_HEADLINE:
                continue
        else:
            if not any(block in ancestors(element) for block in near_blocks):
                continue
            distance = 2 * (headline_at - position)
        if not attached(element, tree) or in_chrome(element) or _looks_like_clock(element):
            continue
        value = parse_vietnamese_date(text, now=crawled)
        if value is None or not plausible(value, crawled):
            continue
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None
