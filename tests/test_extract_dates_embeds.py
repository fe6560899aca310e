"""Dates that are not the article's, and stamps that were not read (session 21).

On foreign pages never seen before: an embedded post's day (a quoted tweet, in a <blockquote>) or
a "read also" card's day (another story's picture, day and title, all one link) set near the
headline was taken for the article's; a `<time class="dateModified">` was read as the
publication; a CMS that re-stamps its JSON-LD datePublished on every edit won over the meta tag
keeping the first publication; and a blog's `<abbr class="published" title="…ISO…">` went
unread. Names and pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://coast.example/news/ferry-evening-crossing"
META = '<meta property="article:published_time" content="2025-11-19T08:00:00+00:00">'


def page(inside: str, head: str = META) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry adds an evening crossing</title>
{head}</head>
<body><main><h1>Ferry adds an evening crossing</h1>
<p class="byline">By Tomas Berg</p>{inside}<div class="story">{BODY}</div></main></body></html>"""


def day_of(html: str) -> str | None:
    article = extract_article(html, URL, crawled=CRAWLED)
    return article.published.date().isoformat() if article.published else None


TWEET = """<blockquote class="social-post"><p>The late boat was full again tonight.</p>
<p>— Harbour Watch (@harbourwatch) <a href="https://social.example/status/1">November 17, 2025</a></p>
</blockquote>"""


@pytest.mark.parametrize(("head", "day"), [(META, "2025-11-19"), ("", None)])
def test_a_quoted_post_day_is_not_the_articles(head: str, day: str | None) -> None:
    """Failed on main: the quoted post's day, printed right under the headline, won over the
    metadata (a conflict), and without metadata it was the page's date."""
    assert day_of(page(TWEET, head)) == day


CARD = """<div class="aside-story"><a class="card" href="https://coast.example/news/old-pier-closes">
<img src="/pier.jpg" alt=""><div class="card-meta">
<time datetime="2021-03-02T10:00:00+00:00">02.03.2021</time>
<span>Harbour</span></div><h3 class="card-title">The old pier closes for repairs</h3></a></div>"""
PERMALINK = """<p class="posted"><a href="https://coast.example/news/ferry-evening-crossing" rel="bookmark">
<time datetime="2025-11-22T09:30:00+00:00">22.11.2025</time></a></p>"""


@pytest.mark.parametrize(
    ("inside", "day"),
    [
        ("", "2025-11-19"),  # failed on main with the card: its day 2021-03-02 was used
        ("permalink", "2025-11-22"),  # guard: a date in a link of its own is still read (and wins)
    ],
)
def test_a_story_card_day_is_not_the_articles(inside: str, day: str) -> None:
    stamp = PERMALINK if inside else ""
    assert day_of(page(stamp + CARD)) == day


def test_a_time_classed_as_a_modification_is_an_update() -> None:
    """Failed on main: "dateModified" (a week later) was read as the publication and contradicted
    the metadata; the metadata's day is kept now. A stamp without such a class still wins."""
    time = '<time class="stamp dateModified" datetime="2025-11-26T09:30:00+00:00">26.11.2025</time>'
    stamp = f'<div class="meta">{time}</div>'
    assert day_of(page(stamp)) == "2025-11-19"
    assert day_of(page(stamp.replace(" dateModified", ""))) == "2025-11-26"


def test_an_abbr_with_an_iso_title_is_read() -> None:
    """Failed on main: the day printed in German words was unread, the title's stamp too."""
    abbr = '<abbr class="published" title="2025-11-19T17:06:45+0000">Mittwochabend</abbr>'
    stamp = f'<span class="entry-date">{abbr}</span>'
    article = extract_article(page(stamp, head=""), URL, crawled=CRAWLED)
    assert article.published == datetime(2025, 11, 20, 0, 6, 45, tzinfo=VIETNAM_TZ)


ITEM = """<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Ferry adds an evening crossing", "datePublished": "{published}",
"dateModified": "2025-11-24"}}</script>"""


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2025-11-24", "2025-11-19"),  # failed on main: the item's re-stamped day was used
        ("2025-11-20T02:00:00+00:00", "2025-11-20"),  # guard: a day apart, the item's stamp stays
    ],
)
def test_the_earlier_publication_of_item_and_meta_tag(published: str, day: str) -> None:
    head = META + ITEM.format(published=published)
    assert day_of(page("", head=head)) == day


def no_metadata(stamp: str) -> str:
    return page(stamp, head="")


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        # failed on main (no date): months named in German, French, Spanish
        ('<p class="meta">Veröffentlicht am 5. März 2025</p>', "2025-03-05"),
        ('<p class="meta">Publié le 7 février 2025</p>', "2025-02-07"),
        ('<p class="meta">Publicado el 9 de mayo de 2025</p>', "2025-05-09"),
        # guard: two days before one month are an event's span, not the page's date
        ('<p class="meta"><strong>Am 21. und 22. Mai 2025</strong></p>', None),
    ],
)
def test_month_names_of_other_languages(stamp: str, day: str | None) -> None:
    assert day_of(no_metadata(stamp)) == day


@pytest.mark.parametrize(
    ("url", "day"),
    [
        # failed on main (no date): day stamps in addresses as more CMSs write them
        ("https://coast.example/region/2025-11/19/c_48213.htm", "2025-11-19"),
        ("https://coast.example/notices/19-11-2025", "2025-11-19"),
        ("https://coast.example/newsroom/19-11-2025-ferry-adds-a-crossing", "2025-11-19"),
        ("https://coast.example/texts/25/20251119-ferry-crossing", "2025-11-19"),
        # guard: a day-first date that also reads month first is not guessed at
        ("https://coast.example/notices/10-11-2025", None),
    ],
)
def test_days_in_addresses(url: str, day: str | None) -> None:
    article = extract_article(page("", head=""), url, crawled=CRAWLED)
    assert (article.published.date().isoformat() if article.published else None) == day


def test_an_abbr_marked_up_as_date_published() -> None:
    """Failed on main: the microdata value was read from the printed clock ("9:15 AM", no day),
    not from the ISO stamp in the <abbr>'s title; the page got no date."""
    stamp = '<abbr itemprop="datePublished" title="2025-11-19T09:15:00-07:00">9:15 AM</abbr>'
    article = extract_article(
        page(f'<div class="foot">Posted at {stamp}</div>', head=""), URL, crawled=CRAWLED
    )
    assert article.published == datetime(2025, 11, 19, 23, 15, tzinfo=VIETNAM_TZ)
