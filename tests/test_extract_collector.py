"""The cycle collector runs in larger steps while a page is extracted (collector.py, session 22,
issue #10), and the process's own setting is back when the extraction ends, however it ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from lxml.html import HtmlElement

import crawler.extraction.extract as extract_module
from crawler.extraction.collector import YOUNG_OBJECTS, collecting_less
from crawler.extraction.extract import ExtractionError, extract_article
from tests.english_story import BODY, HEADLINE

_PAGE = (
    f"<html><head><title>{HEADLINE}</title></head>"
    f"<body><article><h1>{HEADLINE}</h1>{BODY}</article></body></html>"
)


@pytest.fixture
def default_thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield gc.get_threshold()
    finally:
        gc.set_threshold(*saved)


@pytest.fixture
def seen_while_parsing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first threshold as the pipeline parses the page."""
    seen: list[int] = []
    real = extract_module.parse_html

    def parse(text: str) -> HtmlElement:
        seen.append(gc.get_threshold()[0])
        return real(text)

    monkeypatch.setattr(extract_module, "parse_html", parse)
    return seen


def test_a_page_is_read_with_the_collector_in_larger_steps(
    default_thresholds: tuple[int, int, int], seen_while_parsing: list[int]
) -> None:
    article = extract_article(_PAGE, "https://example.com/ferry")
    assert article.title == HEADLINE
    assert seen_while_parsing == [YOUNG_OBJECTS]
    assert gc.get_threshold() == default_thresholds


def test_the_setting_is_back_after_a_refused_page(
    default_thresholds: tuple[int, int, int], seen_while_parsing: list[int]
) -> None:
    with pytest.raises(ExtractionError):
        extract_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://example.com/")
    assert seen_while_parsing == [YOUNG_OBJECTS]
    assert gc.get_threshold() == default_thresholds


@pytest.mark.parametrize("first", [0, 2 * YOUNG_OBJECTS])
def test_a_caller_that_tuned_the_collector_is_left_alone(
    default_thresholds: tuple[int, int, int], seen_while_parsing: list[int], first: int
) -> None:
    gc.set_threshold(first, 10, 10)
    extract_article(_PAGE, "https://example.com/ferry")
    assert seen_while_parsing == [first]
    assert gc.get_threshold() == (first, 10, 10)


def test_a_nested_block_leaves_the_setting_to_the_outer_one(default_thresholds: tuple[int, int, int]) -> None:
    with collecting_less():
        with collecting_less():
            assert gc.get_threshold()[0] == YOUNG_OBJECTS
        assert gc.get_threshold()[0] == YOUNG_OBJECTS
    assert gc.get_threshold() == default_thresholds
