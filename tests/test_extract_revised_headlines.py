"""The printed headline over a metadata title that still says the first wording (session 20).

Editors rewrite the h1 after og:title and <title> were filled in: a clause added or swapped ("…
Sings Old Songs at …" became "… Sings Old Sea Songs Beside … and Now the Whole Town Hums Along").
The metadata keeps the old wording; readers (and the gold of real pages) see the h1. The h1 wins
when nearly all the words of the shorter wording are in the other; an h1 that names the site or
another story, or a short one, leaves the metadata title. Names and pages are invented for these
tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article
from crawler.extraction.title import revises

BODY = "".join(
    f"<p>The harbour council met on a windy morning and spoke about boats, nets and the price of ice {i}.</p>"
    for i in range(6)
)


def page(og_title: str, document_title: str, h1: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{document_title}</title>
<meta property="og:title" content="{og_title}">
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>{h1}</h1><p class="byline">By Tomas Berg</p>{BODY}</article>
<footer>Example Coast News</footer></body></html>"""


CHOIR_H1 = "Choir Sings Old Sea Songs Beside the Lighthouse With Its Keeper and Now the Whole Town Hums Along"
FLEET_H1 = "Fishing fleet of the coast is losing its boats, even as prices climb"
MARKET = "Harbour town opens a new fish market"


@pytest.mark.parametrize(
    ("og_title", "document_title", "h1", "expected"),
    [
        # failed on main: the og:title's first wording won (too few words shared as a whole set)
        (
            "Choir Sings Old Songs at the Lighthouse With Its Keeper",
            "Choir Sings Old Songs at the Lighthouse With Its Keeper - Example Coast News",
            CHOIR_H1,
            CHOIR_H1,
        ),
        # failed on main: og:title says another headline; <title> says nearly the h1's words
        (
            "Why the biggest fishing fleet is not in the north any more",
            "Fishing fleet of the coast is losing boats as prices climb",
            FLEET_H1,
            FLEET_H1,
        ),
        # guard: an h1 that is another story leaves the metadata title
        (MARKET, f"{MARKET} - Example Coast News", "Storm closes the bridge for two days", MARKET),
    ],
)
def test_the_printed_headline_when_it_revises_the_metadata(
    og_title: str, document_title: str, h1: str, expected: str
) -> None:
    article = extract_article(page(og_title, document_title, h1), "https://coast.example/2025/11/19/story")
    assert article.title == expected


@pytest.mark.parametrize(
    ("heading", "titles"),
    [
        ("Example Coast News Daily", ["Harbour town opens a new fish market"]),  # the site's name
        ("Storm closes the bridge for two days", ["Harbour town opens a new fish market"]),  # another story
        ("Fish market", ["Harbour town opens a new fish market"]),  # a section's name, too short
        ("HARBOUR TOWN OPENS A NEW FISH MARKET TODAY", ["Harbour town opens a new fish market"]),  # capitals
    ],
)
def test_guards(heading: str, titles: list[str]) -> None:
    assert not revises(heading, titles)
