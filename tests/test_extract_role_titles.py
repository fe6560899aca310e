"""A job title after an English-language writer's name is what the writer is (session 20).

"By Tomas Berg, Staff Writer" credited no one (the desk word "staff" voided the whole credit),
"Tomas Berg, Energy Reporter" gave two writers, and an author card printing "Energy Reporter"
under a linked name gave the title as the writer. The title (a few capitalised words ending in a
role word, bylines.toml role_titles) is now dropped from a credit and is never a name alone.
Names and pages are invented for these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.extract import extract_article
from tests.english_story import BODY, HEADLINE


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Tomas Berg, Staff Writer", ["Tomas Berg"]),
        ("Tomas Berg, Energy Reporter", ["Tomas Berg"]),
        ("By Tomas Berg | Senior Editor", ["Tomas Berg"]),
        ("Tomas Berg and Ana Ruiz, Contributing Writers", ["Tomas Berg", "Ana Ruiz"]),
    ],
)
def test_the_title_after_the_name_is_dropped(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


@pytest.mark.parametrize("line", ["Energy Reporter", "Senior Editor", "Staff Writer"])
def test_a_title_alone_is_no_one(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.authors == []


def test_guards() -> None:
    """A name after a "By" stays a name, whatever its last word; Vietnamese credits are untouched."""
    byline = parse_byline("By Ana Writer")
    assert byline is not None and byline.authors == ["Ana Writer"]
    byline = parse_byline("Lan Anh - Minh Hà")
    assert byline is not None and byline.authors == ["Lan Anh", "Minh Hà"]


def test_a_page_whose_byline_ends_in_a_staff_title() -> None:
    """Failed on main: no author ("Staff" made the credit a desk's)."""
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE}</title></head>
<body><main><h1>{HEADLINE}</h1><p class="byline">By Tomas Berg, Staff Writer</p>
<div class="story">{BODY}</div></main></body></html>"""
    assert extract_article(html, "https://coast.example/f").authors == ["Tomas Berg"]
