"""Titles and credits on foreign pages, session 24 (issue #10).

Trafilatura's benchmark (dev half) showed the extractor keeping a ruby annotation's kana inside a
Japanese headline, a day printed before the headline ("23.01.2022 - Headline"), a CJK outlet name
glued to the headline without spaces ("Headline-Outlet", "Headline_Section_Outlet"), a kicker line
printed over the h1, taking the outlet's name for the headline when og:site_name repeats the
whole <title>, and not reading "Text von X Illustration von Y" as X's byline. Every page below is
written for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article
from crawler.extraction.title import strip_marks

URL = "https://news.example.org/2024/05/river-ferry-returns.html"
HEADLINE = "Old river ferry returns after the bridge closes for repairs"
PARAGRAPHS = [
    "The county has brought its retired ferry back into service for the three months that the "
    "bridge deck is being replaced, running every twenty minutes from early morning.",
    "Commuters who used to cross in two minutes now plan for a quarter of an hour, and the ferry "
    "crew say the first week brought more cyclists than cars to the landing stage.",
    "The works are planned to finish before the autumn school term, when traffic on the bridge "
    "usually doubles and the ferry would not be able to carry the queue.",
]


def _page(head: str, headline_zone: str, lang: str = "en") -> str:
    body = "".join(f'<p class="q1">{text}</p>' for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">{head}</head>
<body><div id="page">
<div class="crumbs"><a href="/">Home</a> <a href="/local">Local</a></div>
<div class="main"><div class="story">
{headline_zone}
<div class="story-body">{body}</div>
</div></div>
<div class="more"><a href="/2024/05/market-day.html">Market day moves to the harbour square</a></div>
</div></body></html>"""


def test_ruby_annotations_are_not_headline_words() -> None:
    head = "<title>川の渡し舟が戻る - River Weekly</title>"
    zone = "<h1><ruby>川<rt>かわ</rt></ruby>の<ruby>渡<rp>(</rp><rt>わた</rt><rp>)</rp></ruby>し舟が戻る</h1>"
    assert extract_article(_page(head, zone, lang="ja"), URL).title == "川の渡し舟が戻る"


@pytest.mark.parametrize(
    "printed",
    [f"23.01.2024 - {HEADLINE}", f"{HEADLINE} | 2024-01-23", f"5/3/2024 – {HEADLINE}"],
)
def test_a_day_printed_beside_the_headline_is_left_out(printed: str) -> None:
    head = f"<title>{printed} - River Weekly</title>"
    zone = f'<h1 class="headline">{printed}</h1>'
    assert extract_article(_page(head, zone), URL).title == HEADLINE


@pytest.mark.parametrize(
    "title",
    [
        HEADLINE,  # no day
        "2024 - the year the ferry came back",  # a year is a headline word
        "Route 5 - 12 stops on the new ferry line",
    ],
)
def test_titles_without_a_day_part_stay(title: str) -> None:
    assert strip_marks(title) == title


@pytest.mark.parametrize(
    ("glued", "headline"),
    [
        ("渡し舟が三か月ぶりに戻ってきた-川新聞", "渡し舟が三か月ぶりに戻ってきた"),
        ("渡船时隔三个月重新开航_本地_河流日报", "渡船时隔三个月重新开航"),
        ("渡船时隔三个月重新开航|河流日报", "渡船时隔三个月重新开航"),
    ],
)
def test_a_cjk_outlet_glued_after_the_headline_is_cut(glued: str, headline: str) -> None:
    page = _page(f"<title>{glued}</title>", "", lang="zh")
    assert extract_article(page, URL).title == headline


@pytest.mark.parametrize(
    "title",
    [
        "渡船时隔三个月重新开航，乘客排起长队",  # no separator
        "上海-南京高铁时隔三个月重新开通运营",  # a route: the part after "-" is long
        "渡船-开航",  # too short a head to be a headline
    ],
)
def test_cjk_titles_without_a_glued_outlet_stay(title: str) -> None:
    page = _page(f"<title>{title}</title>", "", lang="zh")
    assert extract_article(page, URL).title == title


def test_a_site_name_that_repeats_the_title_does_not_name_the_outlet() -> None:
    whole = f"{HEADLINE} - River Weekly"
    head = (
        f'<title>{whole}</title><meta property="og:title" content="{whole}">'
        f'<meta property="og:site_name" content="{whole}">'
    )
    zone = f"<h1>{HEADLINE}</h1>"
    assert extract_article(_page(head, zone), URL).title == HEADLINE


def test_a_kicker_line_over_the_h1_is_left_out_of_the_title() -> None:
    head = "<title>River Weekly</title>"
    # as templates indent it: the line and the h1 on lines of their own
    zone = f'<div class="page-title">\n  <p>What to know before you cross</p>\n  <h1>{HEADLINE}</h1>\n</div>'
    assert extract_article(_page(head, zone), URL).title == HEADLINE


def test_choose_title_keeps_a_two_line_title_no_candidate_says_alone() -> None:
    from crawler.extraction.title import choose_title

    two_lines = f"What to know before you cross\n{HEADLINE}"
    assert choose_title([two_lines, "Another story entirely on the same page"]) == two_lines
    assert choose_title([two_lines, HEADLINE]) == HEADLINE


@pytest.mark.parametrize(
    "credit",
    [
        "Text von Lena Hofbauer Illustration von Jonas Reiter",
        "Text und Fotos von Lena Hofbauer",
        "Words by Lena Hofbauer, photos by Jonas Reiter",
    ],
)
def test_a_text_credit_names_the_writer_not_the_illustrator(credit: str) -> None:
    from crawler.extraction.byline import parse_byline

    byline = parse_byline(credit)
    assert byline is not None and byline.authors == ["Lena Hofbauer"]


def test_a_picture_credit_alone_names_no_writer() -> None:
    from crawler.extraction.byline import parse_byline

    assert parse_byline("Fotos von Jonas Reiter") is None
    assert parse_byline("Illustration: Jonas Reiter") is None
