"""Which writer the page confirms when its printed byline and its structured data disagree.

The printed byline outranks structured data (an editor's or an uploading account's name there is
not the writer's, issue #10). But what the byline reader takes for a printed byline is
sometimes furniture that has a name's shape: a comment counter ("Keine Kommentare"), a row of
topic links ("Politics EU"). When the structured data's Person is printed on the page too, as a
byline read elsewhere or as an element of its own (the writer's card after the text), two of the
page's own sources agree on the writer and the lone credit they do not name is not believed.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.byline import Byline
from crawler.extraction.keys import squash

_OWN_TEXT = etree.XPath("//body//*[normalize-space(.) = $name]")


def confirmed_elsewhere(
    structured: Byline, credit: Byline, others: Sequence[Byline | None], tree: HtmlElement
) -> bool:
    """`structured` names people `credit` does not name at all, and each of them is printed on
    the page: named by another byline found there, or the whole text of an element."""
    if not structured.authors or not credit.authors:
        return False
    keys = {squash(name) for name in structured.authors}
    if keys & {squash(name) for name in credit.authors}:
        return False
    named = {
        squash(name)
        for byline in others
        if byline is not None and byline is not credit
        for name in byline.authors
    }
    return all(squash(name) in named or bool(_OWN_TEXT(tree, name=name)) for name in structured.authors)
