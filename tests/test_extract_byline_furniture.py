"""Writers on English-language pages after the blind run (session 20, not blind).

An author card's name and job title elements read together ("Ana Ruiz Senior Politics Editor"),
a row of share buttons or a "read the whole story" link in an author slot, an author box's heading
before the name, and an author slot printing only "By": each was read as a writer. Names and pages
are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.extract import extract_article
from tests.english_story import BODY, HEADLINE

URL = "https://harbour.example/news/ferry-evening-crossing"


def page(byline: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title>
</head><body><main><h1>{HEADLINE}</h1>{byline}<div class="story">{BODY}</div></main></body></html>"""


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # each failed on main: the title stayed in the name
        ("By Ana Ruiz Senior Politics Editor", ["Ana Ruiz"]),
        ("by Tomas Berg Contributor", ["Tomas Berg"]),
        ("Mary Ann Okafor Contributing Writer, Harbour Daily", ["Mary Ann Okafor"]),
        ("By Tomas Berg, Energy Reporter, Harbour Daily", ["Tomas Berg"]),  # the employer
        # guards: a role word as a surname, a comma-set title
        ("By Jane Writer", ["Jane Writer"]),
        ("By Tomas Berg, Energy Reporter", ["Tomas Berg"]),
    ],
)
def test_a_job_title_glued_to_the_name_is_left_out(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize("line", ["Read Full Story", "Facebook Twitter Linkedin", "By", "Written by"])
def test_furniture_is_no_writer(line: str) -> None:
    """Failed on main: each was a writer, but "Written by" (a guard)."""
    byline = parse_byline(line)
    assert byline is None or not byline.authors


def test_a_surname_among_the_furniture_words_stays() -> None:
    byline = parse_byline("By Louisa Story")
    assert byline is not None and byline.authors == ["Louisa Story"]


def test_an_author_card_with_name_and_title_elements() -> None:
    """Failed on main: "Ana Ruiz Senior Politics Editor"."""
    card = """<div class="author-card"><a href="/author/ana-ruiz">
<span class="author-card__name">Ana Ruiz</span></a>
<span class="author-card__bio"> Senior Politics Editor, Harbour Daily </span></div>"""
    assert extract_article(page(card), URL).authors == ["Ana Ruiz"]


def test_an_author_box_heading_before_a_one_word_name() -> None:
    """Failed on main: "About The Author Paulo"."""
    box = """<div class="author-box"><h3>About The Author</h3><div class="author-title">
<a href="/author/paulo/"><span class="fn">Paulo</span></a></div></div>"""
    byline = parse_byline("About The Author Paulo")
    assert byline is not None and byline.authors == ["Paulo"]
    assert extract_article(page(box), URL).authors in (["Paulo"], [])


def test_an_empty_by_slot_names_no_one() -> None:
    """Failed on main: the writer was "By"."""
    slot = '<p class="byline">By <span class="byline-author">By</span></p>'
    assert extract_article(page(slot), URL).authors == []
