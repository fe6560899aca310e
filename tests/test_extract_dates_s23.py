"""Dates on foreign pages, session 23: fewer null dates without a new wrong one.

A page whose headline element was not found had no printed date read at all: a one-word h1 on a
page that sets its subheads in h1 too, or an h1 worded otherwise than the metadata's title. Names
and pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://stadtmagazin.example/basteln/laternen"
TIPS = (
    "<h1>Tipp 1: Erst messen</h1><p>Wer vorher misst, spart am Ende Zeit, Papier und viel Ärger beim"
    " Zusammenbauen.</p><h1>Tipp 2: Kleister statt Kleber</h1><p>Kleister trocknet langsamer, lässt"
    " sich aber besser verstreichen und hält das Papier glatt.</p>"
)


def day_of(html: str, url: str = URL) -> str | None:
    article = extract_article(html, url, crawled=CRAWLED)
    return article.published.date().isoformat() if article.published else None


def one_word_page(date_line: str) -> str:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Laternenbasteln - Stadtmagazin</title>
<meta property="og:title" content="Laternenbasteln"></head>
<body><div class="site-header"><a href="https://stadtmagazin.example/">Stadtmagazin</a></div>
<div class="wrapper"><div class="intro">{date_line}<h1><a href="{URL}">Laternenbasteln</a></h1>
<div class="abstract">Papier, Draht und etwas Geduld</div></div>
<div class="content">{BODY}{TIPS}</div></div></body></html>"""


def test_a_date_beside_a_one_word_headline_is_read() -> None:
    """Failed on main: "Laternenbasteln" is one word, too short for the title rules to take the h1
    as the headline element (the subheads' h1s were taken instead, and none says the title), so
    the date line printed beside it was never looked at."""
    assert day_of(one_word_page('<div class="date">Basteln, 14.10.25</div>')) == "2025-10-14"


def test_a_one_word_headline_without_a_date_line_stays_undated() -> None:
    """Guard: the anchor only lets the usual rules look; with nothing printed, nothing is guessed."""
    assert day_of(one_word_page("")) is None


def reworded_page(meta_stamp: str, printed: str) -> str:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<title>Solardach im Bestand - Wann es sich rechnet | Dachratgeber</title>
<meta property="og:title" content="Solardach im Bestand - Wann es sich rechnet | Dachratgeber">
<meta property="article:published_time" content="{meta_stamp}"></head>
<body><nav><a href="https://dach.example/">Dachratgeber</a></nav>
<main><div class="hero"><h1>Lohnt sich ein Solardach im Bestand?</h1>
<ul class="hero-meta"><li>von Tove Lindqvist</li><li>{printed}</li></ul></div>
<div class="content">{BODY}</div></main></body></html>"""


def test_a_date_beside_the_only_h1_is_read_when_the_title_words_it_otherwise() -> None:
    """Failed on main: the title came from metadata worded otherwise than the h1, no headline
    element was found, and the metadata's later stamp was given unchallenged. The date printed
    under the page's one h1 is the publication; the disagreement is flagged."""
    html = reworded_page("2025-11-17T17:33:13+01:00", "09.03.2025")
    article = extract_article(html, "https://dach.example/ratgeber/solardach", crawled=CRAWLED)
    assert article.published is not None and article.published.date().isoformat() == "2025-03-09"
    assert article.published_conflict


def test_metadata_on_the_printed_day_is_kept_beside_the_only_h1() -> None:
    """Guard: when the printed day is the metadata's, the metadata's time is kept, unflagged."""
    html = reworded_page("2025-03-09T08:30:00+01:00", "09.03.2025")
    article = extract_article(html, "https://dach.example/ratgeber/solardach", crawled=CRAWLED)
    assert article.published is not None and article.published.isoformat() == "2025-03-09T14:30:00+07:00"
    assert not article.published_conflict
