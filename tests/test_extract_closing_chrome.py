"""A closing signature is never read from the page's sidebar, header or footer (session 20).

When the byline element is missing, the first short line after the text may be the writer's
signature. On real pages that line was a right rail's box heading ("Trending Now" over a list
of stories) or a footer's "Follow Us" over social links, and it outranked the writer the meta
tags named. Text inside a landmark of the page's furniture (aside, nav, a page-level header or
footer) now counts as passed and never signs the article. Names and pages are invented.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article
from tests.english_story import BODY


def page(after: str, author_meta: str = '<meta name="author" content="Tomas Berg">') -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry adds an evening crossing - Example Coast News</title>
{author_meta}
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body><header class="masthead"><a href="/">Example Coast News</a></header>
<main><h1>Ferry adds an evening crossing</h1><div class="story">{BODY}</div>{after}</main>
</body></html>"""


RAIL = """<aside class="rail"><div class="box-title">Trending Now</div>
<ol><li><a href="/a">Storm closes the bridge</a></li>
<li><a href="/b">Fish prices climb</a></li></ol></aside>"""
FOOTER = """<footer class="site"><dl><dt>Follow Us</dt><dd><a href="/fb">Facebook</a></dd></dl></footer>"""


def test_a_rail_box_heading_is_no_signature() -> None:
    """Failed on main: authors were ['Trending Now']."""
    article = extract_article(page(RAIL), "https://coast.example/2025/11/19/ferry")
    assert article.authors == ["Tomas Berg"]


def test_a_footer_label_is_no_signature() -> None:
    """Failed on main: authors were ['Follow Us']."""
    article = extract_article(page(FOOTER), "https://coast.example/2025/11/19/ferry")
    assert article.authors == ["Tomas Berg"]


def test_a_signature_after_the_text_outside_the_furniture_is_still_read() -> None:
    after = '<p class="sign"><strong>Maria Lind</strong></p>' + RAIL
    article = extract_article(page(after, author_meta=""), "https://coast.example/2025/11/19/ferry")
    assert article.authors == ["Maria Lind"]
