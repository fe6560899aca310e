"""Dates on foreign pages, session 22: fewer null dates without a new wrong one.

A date in the running text of the first paragraph (a link to a meeting "of 2 May") was read as
the page's stamp. Dates went unread: a JSON-LD block with a stray closing brace after its object
or a CDATA wrapper around it; `og:article:published_time`; a <time> printed after the text; a
date line in the <header> that holds the headline; a press release's opening dateline. Names
and pages are invented for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.english_story import BODY

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://valley.example/news/library-opens-on-sundays"
META = '<meta property="article:published_time" content="2025-10-14T08:00:00+00:00">'


def page(inside: str, head: str = META, lang: str = "en") -> str:
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Library opens on Sundays</title>
{head}</head>
<body><main><h1>Library opens on Sundays</h1>
<p class="byline">By Ines Falk</p>{inside}<div class="story">{BODY}</div></main></body></html>"""


def day_of(html: str, url: str = URL) -> str | None:
    article = extract_article(html, url, crawled=CRAWLED)
    return article.published.date().isoformat() if article.published else None


LINKED = """<p>The town council decided at its meeting of <a href="https://valley.example/council/minutes">
2 May 2025</a> that the reading rooms stay open on Sunday afternoons from next month, and the
staff agreed to share the extra hours between them.</p>"""


@pytest.mark.parametrize(("head", "day"), [(META, "2025-10-14"), ("", None)])
def test_a_date_in_a_paragraphs_link_is_not_the_stamp(head: str, day: str | None) -> None:
    """Failed on main: the linked day in the first paragraph's running text won over the metadata
    (a conflict), and without metadata it was the page's date."""
    assert day_of(page(LINKED, head)) == day


def test_a_date_in_a_paragraph_of_labelled_cells_is_still_read() -> None:
    """Guard: a paragraph made of labelled cells (a catalogue's details) is no sentence."""
    cells = (
        '<p class="details"><span class="c1">Pages:</span><span class="c2">212 pages, paperback</span>'
        '<span class="c1">Released:</span><span class="c2">09.10.2025</span>'
        '<span class="c1">Shelf:</span><span class="c2">Local history, second floor</span></p>'
    )
    assert day_of(page(cells, "")) == "2025-10-09"


def test_a_date_line_of_its_own_is_still_read() -> None:
    """Guard: a short unclassed line with a linked day right under the headline is a stamp."""
    line = '<p><a href="https://valley.example/news/library-opens-on-sundays">18 October 2025</a></p>'
    assert day_of(page(line + LINKED, "")) == "2025-10-18"


BROKEN_JSONLD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Library opens on Sundays",
 "datePublished": "2025-10-09T07:30:00+02:00", "publisher": {"@type": "Organization", "name": "Valley Post"}}
}
</script>"""


def test_a_json_ld_object_followed_by_a_stray_brace_is_read() -> None:
    """Failed on main: the whole block was skipped as unreadable, and the page had no date. A block
    broken inside its object stays unread (guard)."""
    assert day_of(page("", BROKEN_JSONLD)) == "2025-10-09"
    assert day_of(page("", BROKEN_JSONLD.replace('"headline"', '"headline":: '))) is None


def test_an_og_prefixed_article_published_time_is_read() -> None:
    """Failed on main: a template writing the article namespace under "og:" had no date."""
    tag = '<meta property="og:article:published_time" content="2025-10-11">'
    assert day_of(page("", tag)) == "2025-10-11"


LONG_BODY = "".join(
    f"<p>The reading rooms will stay open on Sunday afternoons, week {i} of the plan.</p>" for i in range(70)
)
CLOSING_TIME = '<p class="info"><time datetime="2025-10-12T11:40:00+02:00">12.10.2025</time></p>'


def closing_page(stamp: str) -> str:
    """A story long enough that the stamp after it is too far from the headline to be its byline's."""
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Library opens on Sundays</title></head>
<body><main><h1>Library opens on Sundays</h1><div class="story">{LONG_BODY}</div>{stamp}
<ul class="tags"><li><a href="/t/library">Library</a></li></ul></main></body></html>"""


def test_a_time_after_the_last_paragraph_is_read_from_its_machine_value() -> None:
    """Failed on main: the day printed alone after the text is no stamp (no time of day, no label),
    so the page had no date; its <time> holds the instant. A bare day there stays unread (guard)."""
    assert day_of(closing_page(CLOSING_TIME)) == "2025-10-12"
    assert day_of(closing_page(CLOSING_TIME.replace("T11:40:00+02:00", ""))) is None


def header_page(banner: str) -> str:
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Library opens on Sundays</title></head>
<body><header class="site">{banner}<a href="/">Valley Post</a></header>
<section class="content"><header class="article-head"><div class="meta"><p>13.10.2025</p></div>
<h1>Library opens on Sundays</h1></header><div class="story">{BODY}</div></section></body></html>"""


def test_a_date_in_the_headlines_own_header_is_read() -> None:
    """Failed on main: a <header> is page chrome, so the date line in the <header> around the h1
    was not read and the page had no date. The site's banner stays chrome (guard: its day, on a
    page whose headline has no date of its own, is not read)."""
    assert day_of(header_page("")) == "2025-10-13"
    banner = '<div class="meta"><p>13.10.2025</p></div>'
    page_without = header_page(banner).replace('<div class="meta"><p>13.10.2025</p></div>\n<h1>', "<h1>")
    assert day_of(page_without) is None


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("16.10.2025 – The library", "2025-10-16"),  # failed on main: no date at all
        ("Valley, 16 October 2025 - The library", "2025-10-16"),  # failed on main too
        ("16 October – The library", None),  # guard: a dateline without its year is not read
        ("On 16.10.2025 the library", None),  # guard: a date in the sentence is not read
    ],
)
def test_a_press_releases_opening_dateline(opening: str, day: str | None) -> None:
    text = f"<p>{opening} will open its reading rooms on Sunday afternoons from next month on.</p>"
    assert day_of(page(text, "")) == day


def test_a_json_ld_object_wrapped_in_cdata_is_read() -> None:
    """Failed on main: the CDATA wrapper made the block unreadable, and the page had no date."""
    head = BROKEN_JSONLD.replace("\n}\n</script>", "\n]]></script>").replace(">\n{", ">\n<![CDATA[\n{", 1)
    assert "CDATA" in head
    assert day_of(page("", head)) == "2025-10-09"
