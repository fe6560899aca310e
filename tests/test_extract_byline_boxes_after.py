"""A byline element marked only by a test id, and a box's heading after the text (session 22).

Templates with hashed class names still mark their byline for their own tests
(data-testid="…-byline"); without it, the page's first short line after the text was read as
its signature, and that was the heading of a box set in a classed <div> ("Live Streams" over a
video rail). Names and pages are invented for these tests.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article

BODY = """
<div class="xQ1 pL9">
<p>The county board voted on Tuesday to lease the old ferry landing to a rowing club, ending a
decade in which the wooden pier stood closed behind a chain-link fence.</p>
<p>Club members plan to repair the pier over the winter with donated timber and to open a small
boathouse for school teams in the spring, the club's chair told the board.</p>
<p>The lease runs for twenty years and asks the club to keep the landing open to the public on
weekends, when anglers have long asked to fish from the end of the pier.</p>
</div>"""


def page(byline: str, after: str = "") -> bytes:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rowing club to lease old ferry landing - Lakeside 9</title>
<meta property="og:site_name" content="Lakeside 9">
<meta property="article:published_time" content="2024-10-08T17:00:00-07:00"></head>
<body><div class="aB3"><h1 class="kZ2">Rowing club to lease old ferry landing</h1>
{byline}
{BODY}
</div>
{after}
</body></html>""".encode()


URL = "https://lakeside9.example.com/news/rowing-club-ferry-landing/"
# the portrait, the "By", the name and the station's logo, each in a hashed block of its own
TEST_ID_BYLINE = (
    '<div class="q1" data-testid="story-byline"><div class="w2"><img alt="Dana Welsh" src="/d.jpg">'
    '</div><div class="e3"><span class="t1">By</span><span><a class="r4" href="/about/team/dana-welsh">'
    'Dana Welsh</a></span><span><img alt="Station logo" src="/l.png"></span></div>'
    '<div class="z9">Tuesday, October 8, 2024 5:00PM</div></div>'
)
RAIL = (
    '<section class="rail"><div class="section-header">Harbour Cams</div>'
    '<div><a href="/watch/1">Live from the landing</a></div></section>'
)


def test_a_byline_marked_by_its_test_id_is_read() -> None:
    """Failed before session 22: the hashed classes mark nothing, and no author was found."""
    assert extract_article(page(TEST_ID_BYLINE), URL).authors == ["Dana Welsh"]


def test_a_box_heading_after_the_text_signs_nothing() -> None:
    """Failed before session 22: the rail's heading ("Harbour Cams") was read as the writer."""
    assert extract_article(page("", RAIL), URL).authors == []


def test_the_byline_wins_over_the_box_heading() -> None:
    assert extract_article(page(TEST_ID_BYLINE, RAIL), URL).authors == ["Dana Welsh"]


def test_an_unclassed_signature_after_the_text_is_still_read() -> None:
    """Guard: a name in bold after the text, in a block not classed as a heading, signs the story."""
    signed = '<div class="sig"><p><strong>Dana Welsh</strong></p></div>'
    article = extract_article(page("", signed), URL)
    assert article.authors == ["Dana Welsh"]
