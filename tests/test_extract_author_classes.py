"""A writer's name in an element whose class joins the word into one ("authorname-txt").

Class words are matched whole (`dom.words_of`), so a compound must be in the vocabulary itself
(bylines.toml author_class_words), as "createdby" and "postedby" are. A real page printed the
writer alone in such an element, with no "By" and no meta tag, and got no author (session 20).
Names and pages are invented for these tests.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article
from tests.english_story import BODY


def page(credit: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry adds an evening crossing</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body><main><h1>Ferry adds an evening crossing</h1>
<div><span class="time">11/19/2025</span> {credit}</div>
<div class="story">{BODY}</div></main></body></html>"""


def test_a_name_in_an_authorname_element() -> None:
    """Failed on main: no author."""
    article = extract_article(
        page('<span class="authorname-txt"><span>Tomas Berg</span></span>'), "https://coast.example/f"
    )
    assert article.authors == ["Tomas Berg"]


def test_the_same_name_in_an_unclassed_element_is_not_read() -> None:
    """Guard: without a class word or a "By", a capitalised pair is not taken for a writer."""
    article = extract_article(page("<span><span>Tomas Berg</span></span>"), "https://coast.example/f")
    assert article.authors == []
