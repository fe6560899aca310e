"""A byline in a card of another story is that story's (session 20).

Cards of other stories under a short article ("<article><h3><a>Their headline</a></h3>
<a class="byline">Their writer</a></article>", several alike) sat close enough to the headline
to be taken for its byline element, and outranked the writer the page named elsewhere. A byline
element inside an item of a list of other stories (`teasers.beside_a_teaser`, the rule the date
search already used) is skipped. Names and pages are invented for these tests.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article

BODY = "".join(
    f"<p>The ferry company said the new timetable adds an evening crossing {i}.</p>" for i in range(3)
)
WRITERS = ["Maria Lind", "Piet Dam", "Sofia Berg", "Lena Holm"]
CARDS = "".join(
    f"""<article class="card"><h3><a href="/news/story-{i}">Another story about the harbour, {i}</a></h3>
<a class="byline" href="/people/writer-{i}">{name}</a></article>"""
    for i, name in enumerate(WRITERS)
)


def page(byline: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry adds an evening crossing</title><meta name="author" content="Tomas Berg"></head>
<body><main><h1>Ferry adds an evening crossing</h1>{byline}<div class="story">{BODY}</div>
<section class="more">{CARDS}</section></main></body></html>"""


def test_a_cards_writer_is_not_the_articles() -> None:
    """Failed on main: the first card's writer was the author."""
    assert extract_article(page(), "https://coast.example/f").authors == ["Tomas Berg"]


def test_the_articles_own_byline_element_is_still_read() -> None:
    article = extract_article(page('<p class="byline">By Ana Ruiz</p>'), "https://coast.example/f")
    assert article.authors == ["Ana Ruiz"]
