"""A numeric date's order from the locale a page declares (session 20, not blind).

"03/08/25" reads both ways. Vietnamese pages write the day first, which stays the default; a page
that declares a month-first locale (html lang="en-US", og:locale en_US, Content-Language) means
8 March. A page whose own dates settle the order, or that declares a day-first locale beside, or
nothing at all, keeps what it had. Names and pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from crawler.extraction.page_locale import declared_locales, declares_month_first
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://harbour.example/news/ferry-evening-crossing"


def page(html_attributes: str, head: str = "", extra: str = "") -> str:
    return f"""<!doctype html>
<html{html_attributes}><head><meta charset="utf-8"><title>Ferry adds an evening crossing</title>
{head}</head><body><main><h1>Ferry adds an evening crossing</h1>
<p class="byline">By Tomas Berg</p><p class="stamp"><time>03/08/25 10:15 AM</time></p>
<div class="story">{BODY}</div>{extra}</main></body></html>"""


def day_of(html: str) -> str:
    article = extract_article(html, URL, crawled=CRAWLED)
    assert article.published is not None
    return article.published.date().isoformat()


@pytest.mark.parametrize(
    ("attributes", "head"),
    [
        # each failed on main (read 3 August)
        (' lang="en-US"', ""),
        (' lang="en"', '<meta property="og:locale" content="en_US">'),
        ("", '<meta http-equiv="Content-Language" content="en-us">'),
    ],
)
def test_a_declared_month_first_locale_reads_month_first(attributes: str, head: str) -> None:
    assert day_of(page(attributes, head)) == "2025-03-08"


@pytest.mark.parametrize(
    ("attributes", "head", "extra"),
    [
        ("", "", ""),  # nothing declared
        (' lang="vi"', "", ""),
        (' lang="en"', "", ""),  # a bare language: most English-speaking countries write day first
        (' lang="en-GB"', "", ""),
        (' lang="vi"', '<meta property="og:locale" content="en_US">', ""),  # in doubt
        # the page's own dates settle it: "25/11/2024" only reads day first
        (' lang="en-US"', "", '<p class="note">Earlier story: 25/11/2024</p>'),
    ],
)
def test_otherwise_the_day_comes_first(attributes: str, head: str, extra: str) -> None:
    assert day_of(page(attributes, head, extra)) == "2025-08-03"


def test_the_declarations_are_read_from_head_and_root() -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        '<html xml:lang="EN_us"><head><meta http-equiv="content-language" content="en-US, en">'
        "</head><body><p>x</p></body></html>"
    )
    assert declared_locales(tree) == ["en-us", "en-us", "en"]
    assert declares_month_first(tree.find("body"))


@pytest.mark.parametrize("text", ["October 2, 2025", "Oct 2, 2025 10:15 am", "2 October 2025"])
def test_a_named_month_reads_one_way_whatever_the_page_order(text: str) -> None:
    """Failed on main: a month name is rewritten as a number, day first, which a month-first
    page's reading turned around (2 October read as 10 February)."""
    from crawler.extraction.dates import order_matters, parse_vietnamese_date

    value = parse_vietnamese_date(text, now=CRAWLED, month_first=True)
    assert value is not None and (value.month, value.day) == (10, 2)
    assert not order_matters(text)


def test_a_declared_locale_leaves_a_named_month_alone() -> None:
    html = page(' lang="en-US"').replace("03/08/25 10:15 AM", "October 2, 2025")
    assert day_of(html) == "2025-10-02"


def test_a_time_element_inside_the_line_settles_the_order() -> None:
    """Failed on main: the line around the <time> was read first, day first (3 August), though
    the <time>'s own machine value says 8 March. Nothing is declared on this page."""
    stamp = '<time datetime="2025-03-08T10:15-0500">03/08/25 10:15 AM EST</time>'
    html = page("").replace("<time>03/08/25 10:15 AM</time>", stamp)
    article = extract_article(html, URL, crawled=CRAWLED)
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).isoformat() == "2025-03-08T22:15:00+07:00"
