"""A date printed by the headline that is the metadata's own modification time is when the page
was last edited, not its publication: the metadata's publication date stands.

Failed before session 21 on German pages of trafilatura's evaluation set: a `<time>` holding
dateModified (its "updated" label unread, or a hidden "updated" span) beat datePublished as "the
page prints another day". Pages and words are invented for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from crawler.extraction.extract import extract_article

URL = "https://stadtblatt.example.de/verkehr/neuer-radweg"
PARA = (
    "<p>Die Gemeinde plant einen neuen Radweg entlang des Flusses und sammelt dafür bis zum Frühjahr "
    "Vorschläge der Bürger, die am Ufer wohnen oder dort täglich zur Arbeit fahren.</p>"
)


def page(stamp: str, modified: str = "2024-03-20T11:39:21+01:00") -> bytes:
    ld = (
        '{"@type": "NewsArticle", "headline": "Neuer Radweg am Fluss", "@context": "https://schema.org",'
        f' "datePublished": "2024-03-11T09:50:50+01:00", "dateModified": "{modified}"}}'
    )
    return (
        f'<html><head><title>Neuer Radweg am Fluss</title><script type="application/ld+json">{ld}</script>'
        f"</head><body><article><h1>Neuer Radweg am Fluss</h1><div>{stamp}</div>{PARA * 4}</article>"
        "</body></html>"
    ).encode()


@pytest.mark.parametrize(
    "stamp",
    [
        '<time datetime="2024-03-20T11:39:21+01:00">20.03.2024</time>',  # the same instant
        '<span class="rich-snippet">2024-03-20T11:39:21</span>',  # the same wall time, zone unread
    ],
)
def test_a_printed_modification_time_leaves_the_publication_date(stamp: str) -> None:
    article = extract_article(page(stamp), URL)
    assert article.published is not None and article.published.date() == date(2024, 3, 11)
    assert article.published_source == "metadata"


def test_a_printed_day_that_is_no_modification_time_still_wins() -> None:
    """Guard: a printed date at another time than dateModified is the page's own word."""
    article = extract_article(page('<time datetime="2024-03-18T08:05:00+01:00">18.03.2024</time>'), URL)
    assert article.published is not None and article.published.date() == date(2024, 3, 18)
    assert article.published_source == "page"


def test_a_printed_day_without_its_time_is_no_modification_time() -> None:
    """Guard: a day printed alone (midnight) never matches a modification time to the minute."""
    stamp = '<time datetime="2024-03-20">20.03.2024</time>'
    article = extract_article(page(stamp, modified="2024-03-20T00:00:00+07:00"), URL)
    assert article.published is not None and article.published.date() == date(2024, 3, 20)
