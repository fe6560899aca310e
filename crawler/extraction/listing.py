"""Is the text we kept an article, or the summaries of a listing page's stories?

A section page or a home page has no article; a body extractor still returns its largest run of
text, which there is the summaries under other stories' headlines ("teaser soup"). Returning
that as an article would archive a page nobody wrote under a section name. The difference is in
the page's structure, not its metadata (listing templates often declare `og:type=article`):

- an article's paragraphs sit in one large container with each other; a link to another story
  beside a paragraph is the exception (a related link after one paragraph);
- a listing's paragraphs each sit in a small box ("card") of their own, next to a link to a
  different story's headline (four words or more), or opening with that headline. A picture
  link alone does not count: a forum post or a comment sits beside its writer's avatar.

So every kept paragraph is located in the page, and we look at most four levels up from it for a
box that holds little more than the paragraph plus a story link whose text is not the
paragraph's. When most of the kept text (and at least four paragraphs, beside four different
stories) reads like that, the page is a listing. The crawler only sends article URLs; this is
what `ocop extract` of a section page answers, and what stops a misfiled listing from being
archived as an article.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from lxml.html import HtmlElement

from crawler.extraction.dom import ancestors
from crawler.extraction.keys import squash, squash_many

_PROBE_WORDS = 6
_CARD_LEVELS = 4
_CARD_EXTRA_WORDS = 60  # a card holds the summary plus a headline, a date, a section name …
_STORY_LINK_WORDS = 4
_MIN_CARD_PARAGRAPHS = 4
_LISTING_SHARE = 0.6
_CARD_MAX_PARAGRAPH_WORDS = 120  # a teaser summary (≤ 80 words) with its headline and date


def _story_href(link: HtmlElement) -> str:
    href = (link.get("href") or "").strip()
    return "" if not href or href.startswith(("#", "javascript:", "mailto:")) else href


def _opens(paragraph_key: str, link_key: str) -> bool:
    """The paragraph starts with the link's text and goes on for as long again."""
    return paragraph_key.startswith(link_key) and len(paragraph_key) >= 2 * len(link_key)


def _card_link(holder: HtmlElement, paragraph_key: str, paragraph_words: int) -> str:
    """The href of another story's link in a small box around `holder`, or ""."""
    for box in [holder, *list(ancestors(holder))[:_CARD_LEVELS]]:
        if len(box.text_content().split()) > paragraph_words + _CARD_EXTRA_WORDS:
            return ""
        for link in box.iter("a"):
            href = _story_href(link)
            if not href:
                continue
            text = squash(link.text_content())
            headline = len(text.split()) >= _STORY_LINK_WORDS
            # another story's headline beside the paragraph, or opening it (a card printed as one
            # line: "Headline 02/08/2021 lúc 18:47 Summary …")
            if headline and (text not in paragraph_key or _opens(paragraph_key, text)):
                return href
    return ""


def listing_evidence(tree: HtmlElement, paragraphs: Sequence[str]) -> str | None:
    """Why the kept paragraphs are a listing's teasers ("18 of 21 paragraphs …"), or None when
    they read as an article."""
    if len(paragraphs) < _MIN_CARD_PARAGRAPHS:
        return None
    keys_of = [squash(paragraph) for paragraph in paragraphs]
    total_words = sum(len(key.split()) for key in keys_of)
    # Words that cannot be a card's: paragraphs longer than any teaser summary and its headline.
    budget = (1 - _LISTING_SHARE) * max(total_words, 1)
    if sum(n for key in keys_of if (n := len(key.split())) > _CARD_MAX_PARAGRAPH_WORDS) > budget:
        return None  # most of the text is long paragraphs: an article, found without a page walk
    body = tree.find("body")
    if body is None:
        return None
    nodes = [node for node in body.xpath(".//text()") if node.strip()]
    keys = squash_many([str(node) for node in nodes])
    starts: list[int] = []
    offset = 0
    for key in keys:
        starts.append(offset)
        offset += len(key) + 1
    joined = " ".join(keys)
    card_words = cards = other_words = 0
    stories: set[str] = set()
    for key in keys_of:
        words = len(key.split())
        if other_words > budget:
            return None  # the rest cannot make the text a listing any more
        probe = " ".join(key.split()[:_PROBE_WORDS])
        found = joined.find(probe) if probe else -1
        if found < 0:
            other_words += words
            continue
        node = nodes[max(bisect.bisect_right(starts, found) - 1, 0)]
        holder = node.getparent()
        if node.is_tail and holder is not None:
            holder = holder.getparent()
        if holder is None:
            other_words += words
            continue
        href = _card_link(holder, key, words)
        if href:
            cards += 1
            card_words += words
            stories.add(href)
        else:
            other_words += words
    if (
        cards >= _MIN_CARD_PARAGRAPHS
        and len(stories) >= _MIN_CARD_PARAGRAPHS
        and card_words >= _LISTING_SHARE * max(total_words, 1)
    ):
        return (
            f"{cards} of the {len(paragraphs)} paragraphs kept are summaries beside links to "
            f"{len(stories)} other stories"
        )
    return None
