"""A <time> element's label and a magazine's issue date (session 20).

Real pages printed "Updated <time datetime=…>December 12 …</time>" under the headline: the value
of `datetime` alone (an ISO string) says nothing of its label, so the update time was taken for
the publication and contradicted the metadata. And "March 3, 2014 Issue" (a magazine's print
issue) was taken for the web publication day. Both now read as what their labels say. Names and
pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://coast.example/news/ferry-evening-crossing"


def page(stamp: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry adds an evening crossing</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+00:00"></head>
<body><main><h1>Ferry adds an evening crossing</h1>
<p class="byline">By Tomas Berg</p>{stamp}<div class="story">{BODY}</div></main></body></html>"""


@pytest.mark.parametrize(
    ("label", "day", "conflict"),
    [
        # failed on main: the update time (three days later) was used, flagged as a conflict
        ("Updated", "2025-11-19", False),
        # guard: a printed publication time on another day than the metadata still wins
        ("Published", "2025-11-22", True),
    ],
)
def test_the_label_before_a_time_element(label: str, day: str, conflict: bool) -> None:
    time = '<time datetime="2025-11-22T09:30:00+00:00">November 22, 2025</time>'
    article = extract_article(page(f'<p class="stamp">{label} {time}</p>'), URL, crawled=CRAWLED)
    assert article.published is not None
    assert article.published.date().isoformat() == day
    assert article.published_conflict is conflict


def test_a_magazine_issue_day_is_a_print_edition() -> None:
    """Failed on main: the issue's day was used over the metadata's."""
    stamp = '<p class="stamp"><time class="issue">December 1, 2025 Issue</time></p>'
    article = extract_article(page(stamp), URL, crawled=CRAWLED)
    assert article.published is not None
    assert article.published.date().isoformat() == "2025-11-19"


BAR = """<div class="bar"><div class="who"><a href="/people/tberg">Tomas Berg</a></div>
<time class="when" datetime="2025-11-19T09:30:00+00:00"><a href="/news/ferry">Today 9:30am</a></time>
<div class="counts"><a href="#comments">12</a> <a href="#like">Like</a> <button>Share</button></div></div>"""


def page_without_metadata(stamp: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry adds an evening crossing</title></head>
<body><main><h1>Ferry adds an evening crossing</h1>{stamp}
<div class="story">{BODY}</div></main></body></html>"""


def test_a_byline_bar_holding_a_time_element_is_no_widget() -> None:
    """Failed on main: the bar (a relative stamp, counts and buttons) was removed as a widget's
    box, and with it the only machine-readable date; the page got none."""
    article = extract_article(page_without_metadata(BAR), URL)
    assert article.published is not None
    assert article.published.date().isoformat() == "2025-11-19"


def test_a_time_element_with_its_stamp_in_a_data_attribute() -> None:
    """Failed on main: the printed text is relative ("4 hours ago") and no `datetime` is set; the
    stamp in `data-published` was not read, and the page got no date."""
    stamp = '<p class="when"><time data-published="2025-11-19 09:30:00Z">4 hours ago</time></p>'
    article = extract_article(page_without_metadata(stamp), URL)
    assert article.published is not None
    assert article.published.date().isoformat() == "2025-11-19"


def test_a_data_attribute_that_is_no_stamp_is_not_read() -> None:
    """Guard: an attribute named for a date that holds no ISO stamp says nothing."""
    stamp = '<p class="when"><time data-published="yes">4 hours ago</time></p>'
    assert extract_article(page_without_metadata(stamp), URL).published is None
