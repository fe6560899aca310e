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


def test_a_writers_box_beside_link_boxes_is_no_card() -> None:
    """Guard: the writer's own box, with long follow links, among the page's boxes of links to
    other stories (classed otherwise) is still the page's byline."""
    boxes = "".join(
        f'<div id="box-{i}"><a href="/news/more-{i}">More about the harbour and its ferries, '
        f"part {i}</a></div>"
        for i in range(3)
    )
    writer = """<div class="reporter"><div class="reporter-name"><a href="/people/ana-ruiz">Ana Ruiz</a>
<span>ana@coast.example</span></div><div class="reporter-follow"><a href="/follow/ana">Become a reader of
this writer</a> <a href="/alerts">Get email alerts from this writer</a></div></div>"""
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry adds an evening crossing</title></head>
<body><main><h1>Ferry adds an evening crossing</h1><div class="entries">{writer}{boxes}</div>
<div class="story">{BODY}</div><p><strong>Read More:</strong></p><p><a href="/x">A
story elsewhere about the harbour and its evening ferries</a></p></main></body></html>"""
    assert extract_article(html, "https://coast.example/f").authors == ["Ana Ruiz"]


def test_only_cards_classed_alike_make_a_list_of_other_stories() -> None:
    """The rule itself: the writer's box is skipped as a card only when its neighbours repeat its
    class (without `cards`, the date search's looser reading, any neighbour with a long link does)."""
    from lxml import html as lxml_html

    from crawler.extraction.teasers import beside_a_teaser

    link = '<a href="/news/{0}">More about the harbour and its ferries, part {0}</a>'
    tree = lxml_html.fromstring(
        f"""<html><body><h1>Ferry adds an evening crossing</h1><div class="entries">
<div class="reporter"><a href="/people/ana-ruiz">Ana Ruiz</a> {link.format("a")}</div>
<div id="more">{link.format("b")}</div><div id="web">{link.format("c")}</div></div>
<div class="cards"><div class="card"><a class="byline">Piet Dam</a> {link.format("d")}</div>
<div class="card">{link.format("e")}</div></div></body></html>"""
    )
    headline = tree.find(".//h1")
    writer = tree.find(".//div[@class='reporter']/a")
    card_writer = tree.find(".//a[@class='byline']")
    assert beside_a_teaser(writer, headline)
    assert not beside_a_teaser(writer, headline, cards=True)
    assert beside_a_teaser(card_writer, headline, cards=True)
