"""Dates on foreign pages, session 24: no wrong date where the page's own metadata settles it.

A metadata stamp that reads both ways ("07/04/2024 09:15 pm") was read month first for its
English clock, though the page's update stamp says the day comes first. An address that names the
day of the print issue the page prints voided the metadata's date. Arabic month names were not
read. Names and pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.dates import parse_machine_date
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://diario-del-valle.example/region/puente-nuevo"


def stamped_page(published: str, modified: str) -> str:
    return f"""<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Abren el puente nuevo del valle</title>
<meta property="og:title" content="Abren el puente nuevo del valle">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}"></head>
<body><main><h1>Abren el puente nuevo del valle</h1>
<div class="content">{BODY}</div></main></body></html>"""


def day_of(html: str, url: str = URL) -> str | None:
    article = extract_article(html, url, crawled=CRAWLED)
    return article.published.date().isoformat() if article.published else None


def test_an_ambiguous_publication_stamp_is_not_read_after_its_update() -> None:
    """Failed on main: "07/04/2024 09:15 pm" was read month first (July 4) for its English clock,
    three months after the page's own update stamp of 7 April; day first, it is the update's day."""
    html = stamped_page("07/04/2024 09:15 pm", "2024/04/07 21:40:02")
    assert day_of(html) == "2024-04-07"


def test_an_ambiguous_stamp_before_its_update_keeps_its_reading() -> None:
    """Guard: when the month-first reading is not after the update, it stands."""
    html = stamped_page("03/04/2024 09:15 pm", "2024/04/07 21:40:02")
    assert day_of(html) == "2024-03-04"


def test_an_unambiguous_stamp_after_its_update_is_not_turned_around() -> None:
    """Guard: a stamp that reads one way only is never re-read, whatever the update says."""
    assert day_of(stamped_page("2024-07-14T09:15:00+02:00", "2024/04/07 21:40:02")) == "2024-07-14"
    assert day_of(stamped_page("07/14/2024 09:15 pm", "2024/04/07 21:40:02")) == "2024-07-14"


def test_without_an_update_stamp_the_reading_is_unchanged() -> None:
    """Guard: with nothing to compare against, a .NET-style stamp is read month first as before."""
    value = parse_machine_date("07/04/2024 09:15 pm")
    assert value is not None and value.date().isoformat() == "2024-07-04"


def issue_page(issue_line: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Notes from the Lighthouse | The Quarterly Tide</title>
<meta property="og:title" content="Notes from the Lighthouse"></head>
<body><nav><a href="https://quarterly-tide.example/">The Quarterly Tide</a></nav>
<main><article><h1>Notes from the Lighthouse</h1>
<p class="byline">By Mirela Vosk</p><p class="issue">{issue_line}</p>
<time itemprop="datePublished" content="2024-04-22">Published online</time>
<div class="content">{BODY}</div></article></main></body></html>"""


ISSUE_URL = "https://quarterly-tide.example/magazine/2024/04/29/notes-from-the-lighthouse"


def test_an_address_that_dates_the_printed_issue_does_not_void_the_date() -> None:
    """Failed on main: the address carries the day of the print issue the page prints ("April 29,
    2024 Issue"), a week after the metadata's web publication, and the date was voided as a page
    re-dated after its address was made."""
    assert day_of(issue_page("April 29, 2024 Issue"), ISSUE_URL) == "2024-04-22"


def test_an_address_day_the_page_does_not_print_as_its_issue_still_voids_the_date() -> None:
    """Guard: an issue on another day than the address's says nothing about the address."""
    assert day_of(issue_page("May 6, 2024 Issue"), ISSUE_URL) is None


def test_a_metadata_stamp_with_an_arabic_month_name_is_read() -> None:
    """Failed on main: "الخميس، 14 مارس 2024 - 09:40" in article:published_time was not read (the
    month is a word no rule knew), and the page had no other date."""
    html = stamped_page("الخميس، 14 مارس 2024 - 09:40", "")
    assert day_of(html, "https://akhbar-al-wadi.example/news/417") == "2024-03-14"


def test_levantine_month_names_are_read_in_printed_dates() -> None:
    """Failed on main: a two-word Levantine month name ("تشرين الثاني") is read as one month."""
    value = parse_machine_date("3 تشرين الثاني 2023")
    assert value is not None and value.date().isoformat() == "2023-11-03"


def headless_page(stamp_line: str, meta: str = "") -> str:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Kleingarten am Fluss - Vereinsforum</title>{meta}</head>
<body><div class="top"><a href="https://kleingarten.example/">Vereinsforum</a></div>
<div class="wrap"><div class="post"><div class="postmeta">{stamp_line}</div>
<div class="postbody">{BODY}</div></div></div></body></html>"""


HEADLESS_URL = "https://kleingarten.example/forum/beitrag-118"


def test_a_stamp_above_the_text_is_read_on_a_page_without_a_headline() -> None:
    """Failed on main: with no headline element, no printed date was read at all, though the
    post's stamp sits right above its text."""
    html = headless_page("von Gartenfreund &raquo; 03.05.2011, 18:20")
    article = extract_article(html, HEADLESS_URL, crawled=CRAWLED)
    assert article.published is not None and article.published.isoformat() == "2011-05-03T18:20:00+07:00"


def test_a_headless_page_without_a_stamp_stays_undated_with_its_reason() -> None:
    """Guard: nothing printed above the text, nothing guessed; the note still says no headline."""
    article = extract_article(headless_page("von Gartenfreund"), HEADLESS_URL, crawled=CRAWLED)
    assert article.published is None
    assert article.published_note is not None and "no headline" in article.published_note


def test_a_headless_page_with_a_metadata_date_does_not_read_the_text_stamp() -> None:
    """Guard: the text's first paragraph anchors the search only when the metadata has no date."""
    meta = '<meta property="article:published_time" content="2011-05-02T09:00:00+02:00">'
    html = headless_page("von Gartenfreund &raquo; 03.05.2011, 18:20", meta)
    assert day_of(html, HEADLESS_URL) == "2011-05-02"
