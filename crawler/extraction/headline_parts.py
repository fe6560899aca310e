"""The headline inside a headline element that its markup splits into parts.

Outlets build an h1 from parts and let CSS set them apart: a kicker or topic label over the
headline, a subtitle under it, a hidden ": " between them for screen readers
("<h1><span class=kicker>Topic</span><span class=sr-only>: </span><span class=title>Headline</span>").
The metadata titles often join the parts ("Topic: Headline"), and the h1's text glues them, so only
the parts' class words tell the headline from its kicker. Class words live in
crawler/extraction/data/titles.toml.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extraction.dom import is_hidden, text_of, words_of
from crawler.extraction.keys import squash
from crawler.extraction.vocab import load

_VOCAB = load("titles")
_HEADLINE_WORDS = frozenset(_VOCAB["headline_part_words"])
_KICKER_WORDS = frozenset(_VOCAB["kicker_part_words"])
_HIDDEN_CLASSES = frozenset(_VOCAB["hidden_classes"])


def _hidden(element: HtmlElement) -> bool:
    return is_hidden(element) or not _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").split())


def marked_headline(heading: HtmlElement) -> str:
    """The headline part of `heading` when its markup names the parts: the one child classed as
    the headline ("headline", "title"), or the heading's text without the children classed as a
    kicker or subtitle. "" when no child is so marked or the headline part would be all of it."""
    parts = [
        child for child in heading if isinstance(child.tag, str) and not _hidden(child) and text_of(child)
    ]
    whole = squash(text_of(heading))
    headline = [child for child in parts if _HEADLINE_WORDS & words_of(child)]
    if len(headline) == 1:
        # a part ending in a colon leads into the next one ("<span class=title>Row at the
        # plant:</span><br><span>Managers split</span>"): the headline is all of them
        said = text_of(headline[0])
        return said if squash(said) and squash(said) != whole and not said.endswith(":") else ""
    kickers = [child for child in parts if _KICKER_WORDS & words_of(child)]
    if not kickers or headline:
        return ""
    pieces = [heading.text or ""]
    for child in heading:
        if isinstance(child.tag, str) and child not in kickers and not _hidden(child):
            pieces.append(text_of(child))
        pieces.append(child.tail or "")
    rest = " ".join(" ".join(pieces).split())
    return rest if squash(rest) and squash(rest) != whole else ""
