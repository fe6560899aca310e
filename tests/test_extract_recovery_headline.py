"""The body's recovery of lost text does not look for the headline's own text below it
(session 23).

Recovery finds each kept block in the text after the headline. A block that says the headline
again (the body extractor keeps a repeated title) was found much further down, in a link of the
comment section that quotes the title, and the search went on from there: no later block was
found, and everything between the headline and that link, comments included, was read as lost
article text. Pages and text are invented for these tests.
"""

from __future__ import annotations

import lxml.html

from crawler.extraction.blocks import Block
from crawler.extraction.recovery import recover_lost_text

HEADLINE = "Warum der Stadtpark im Winter geschlossen bleibt"
PARAGRAPHS = [
    "Der Stadtpark bleibt von Dezember bis Februar geschlossen, weil die alten Wege neu gepflastert werden.",
    "Die Arbeiten sollten schon im Herbst beginnen, doch das Material kam erst im November an.",
]
COMMENTS = [
    "Ich gehe jeden Morgen mit dem Hund durch den Park und finde die Schließung wirklich ärgerlich.",
    "Endlich passiert etwas mit den Wegen, bei Regen stand dort immer knöcheltief das Wasser.",
]


def tree() -> lxml.html.HtmlElement:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    comments = "".join(f'<div class="x9"><p>{text}</p></div>' for text in COMMENTS)
    return lxml.html.fromstring(
        f"""<html><body><div class="a1"><article><header><h1>{HEADLINE}</h1></header>
<div class="b2">{paragraphs}</div></article>
<div class="c3">{comments}<div class="d4"><a href="/park">{HEADLINE}</a></div></div></div></body></html>"""
    )


def test_a_block_repeating_the_headline_does_not_send_the_search_down_the_page() -> None:
    """Failed before session 23: both comments came back as article text."""
    page = tree()
    headline = page.find(".//h1")
    blocks = [Block("p", HEADLINE), *(Block("p", text) for text in PARAGRAPHS)]
    out = recover_lost_text(page, blocks, headline)
    assert [block.text for block in out] == [HEADLINE, *PARAGRAPHS]
