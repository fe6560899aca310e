"""Foreign writers' names in bylines: hyphenated given names, lower-case particles, and the
serial comma before the last name.

Outlets abroad print "By Mei-Lin Chou", "By Sofia de la Fuente", "A, B, and C"; each made the
whole byline unreadable (all or nothing), or dropped one writer from an author box. A particle is
read only where the text says it is a credit (a "By" label, an author element, an author field):
"Ana Ruiz | Villa de Leyva | date" names a writer and then a place of the same shape. Names and
pages are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.extract import extract_article


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Mei-Lin Chou", ["Mei-Lin Chou"]),
        ("By Sofia de la Fuente and Piet van Dam", ["Sofia de la Fuente", "Piet van Dam"]),
        ("By Ana Ruiz, Mei-Lin Chou, and Tomas Berg, ECN", ["Ana Ruiz", "Mei-Lin Chou", "Tomas Berg"]),
        ("Lan Anh, Minh Hà, và Quốc Tuấn", ["Lan Anh", "Minh Hà", "Quốc Tuấn"]),
    ],
)
def test_foreign_names_in_a_credit_are_read(line: str, authors: list[str]) -> None:
    """Failed before session 19: each of these lines read as no byline at all."""
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


def test_a_particle_inside_an_author_field_is_read() -> None:
    byline = parse_byline("Sofia de la Fuente", field=True)
    assert byline is not None and byline.authors == ["Sofia de la Fuente"]


@pytest.mark.parametrize(
    "line",
    [
        "Ana Ruiz | Villa de Leyva | 14/03/2025",  # a place after the writer, no label: not a second writer
        "Sofia de la Fuente",  # no label, no author element: a place or a name, unknown
        "By de la Fuente",  # a particle never opens a name
        "By Sofia de",  # nor closes one
        "and Tomas Berg",  # a conjunction opens only the last of a list, never a line
    ],
)
def test_guards(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.authors in ([], ["Ana Ruiz"])


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour town opens a new fish market - Example Coast News</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<main>
<h1>Harbour town opens a new fish market</h1>
<div class="byline">
<span class="byline__names">By <a class="byline__link" href="/profiles/a">
<span class="byline__name">Ana Ruiz</span></a>,
<a class="byline__link" href="/profiles/b"><span class="byline__name">Sofia de la Fuente</span></a> and
<a class="byline__link" href="/profiles/c"><span class="byline__name">Mei-Lin Chou</span></a>,
Example Coast News</span>
</div>
<div class="article-body">
<p>The harbour town opened its new covered fish market on Saturday morning, after two years of
building work that moved the stalls from the old quay to a hall beside the ferry terminal.</p>
<p>Traders said the hall keeps the catch cooler in summer and lets them sell through the winter
storms, when the open quay used to close for days at a time.</p>
<p>The council expects the market to draw visitors from the ferry, and plans a weekend food fair
in the spring to introduce the new hall to the region's restaurants.</p>
</div>
</main>
<footer>Example Coast News</footer>
</body></html>"""


def test_every_writer_of_an_author_box_is_read() -> None:
    """Failed before session 19: the box's names were read one block at a time and the one with a
    particle was dropped, so the article credited two of its three writers."""
    article = extract_article(PAGE.encode(), "https://coast.example.com/local/fish-market-2231.html")
    assert article.authors == ["Ana Ruiz", "Sofia de la Fuente", "Mei-Lin Chou"]
