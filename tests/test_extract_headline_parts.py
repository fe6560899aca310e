"""An h1 built of parts: the kicker, topic label or subtitle its markup sets apart is no part of
the title, even when og:title and <title> glue it to the headline ("Topic: Headline").

Failed before session 21 on German and English pages of trafilatura's evaluation set: the title
was "KickerHeadline" or "Kicker: Headline". Pages and words are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

URL = "https://stadtblatt.example.de/verkehr/neuer-radweg"
PARA = (
    "<p>Die Gemeinde plant einen neuen Radweg entlang des Flusses und sammelt dafür bis zum Frühjahr "
    "Vorschläge der Bürger, die am Ufer wohnen oder dort täglich zur Arbeit fahren.</p>"
)


def page(h1: str, meta_title: str = "Verkehr: Neuer Radweg am Fluss geplant") -> bytes:
    return (
        f"<html><head><title>{meta_title} | Stadtblatt</title>"
        f'<meta property="og:title" content="{meta_title}"></head>'
        f"<body><article>{h1}{PARA * 4}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "h1",
    [
        # a kicker and the headline each classed, a hidden colon between them
        '<h1><span class="heading__kicker">Verkehr</span><span class="visually-hidden">: </span>'
        '<span class="heading__title">Neuer Radweg am Fluss geplant</span></h1>',
        # a kicker classed, the headline as the h1's own text
        '<h1><span class="dachzeile">Verkehr</span> Neuer Radweg am Fluss geplant</h1>',
        # a topic label in a block of its own
        '<h1><div class="topic-label">Verkehr</div> Neuer Radweg am Fluss geplant</h1>',
        # the headline classed, a subtitle after it
        '<h1><span class="entry-title-main">Neuer Radweg am Fluss geplant</span> '
        '<span class="entry-subtitle">Bürger dürfen mitreden</span></h1>',
    ],
)
def test_the_marked_headline_part_is_the_title(h1: str) -> None:
    article = extract_article(page(h1), URL)
    assert article.title == "Neuer Radweg am Fluss geplant"
    assert article.text.startswith("Die Gemeinde plant")


def test_a_titled_part_ending_in_a_colon_leads_into_the_rest() -> None:
    """Guard: "<span class=title>Streit am Ufer:</span><br><span>…</span>" is one headline."""
    h1 = (
        '<h1><span class="pf-title">Streit am Ufer:</span><br>'
        '<span class="blue">Neuer Radweg am Fluss geplant</span></h1>'
    )
    article = extract_article(page(h1, "Streit am Ufer: Neuer Radweg am Fluss geplant"), URL)
    assert article.title == "Streit am Ufer: Neuer Radweg am Fluss geplant"


def test_an_unmarked_h1_is_read_whole() -> None:
    """Guard: parts without class words say nothing; the h1 and the titles decide as before."""
    h1 = "<h1><span>Neuer Radweg</span> <span>am Fluss geplant</span></h1>"
    article = extract_article(page(h1, "Neuer Radweg am Fluss geplant"), URL)
    assert article.title == "Neuer Radweg am Fluss geplant"
