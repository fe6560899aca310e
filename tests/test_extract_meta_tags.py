"""The itemprop dates of the body, found on the attribute axis: the same elements, in the same order,
as a walk asking every element of the body (the way they were read before session 24)."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from crawler.extraction.dom import parse_html
from crawler.extraction.metadata import _meta_tags

_NAMES = frozenset({"datePublished", "dateModified"})


def _walked(tree: HtmlElement) -> list[HtmlElement]:
    return [
        element
        for body in tree.iter("body")
        for element in body.iterdescendants()
        if element.get("itemprop") in _NAMES and element.tag != "meta"
    ]


_PAGES = [
    # one stamp in a span, one update in a <time>: both read
    '<html><body><h1>Hội chợ nông sản mở cửa</h1><span itemprop="datePublished">2025-03-04</span>'
    '<p>Một đoạn văn.</p><time itemprop="dateModified" datetime="2025-03-05T08:00:00+07:00">5/3</time>'
    "</body></html>",
    # a teaser list: every card dated, so none counts
    '<html><body><ul><li><a href="/a">Tin một</a><i itemprop="datePublished">2025-01-01</i></li>'
    '<li><a href="/b">Tin hai</a><i itemprop="datePublished">2025-01-02</i></li></ul></body></html>',
    # a <meta> in the body is read with the other meta tags (not a second time by the body's
    # walk); the body's own itemprop, other names and a value in another case are no stamps
    '<html><head><meta itemprop="datePublished" content="2024-12-30"></head>'
    '<body itemprop="datePublished"><div><meta itemprop="dateModified" content="2024-12-31">'
    '<span itemprop="datepublished">2024-11-11</span><span itemprop="dateCreated">2024-10-10</span>'
    '<abbr itemprop="dateModified" title="2025-02-02T10:00:00+07:00">10:00</abbr></div></body></html>',
    "<html><body><p>Không có ngày nào.</p></body></html>",
]


@pytest.mark.parametrize("page", _PAGES)
def test_body_itemprop_dates_are_the_elements_a_walk_finds(page: str) -> None:
    from crawler.extraction.metadata import _ITEMPROP_DATED

    tree = parse_html(page)
    assert [e for e in _ITEMPROP_DATED(tree) if e.tag != "meta"] == _walked(tree)


def test_body_itemprop_dates_count_only_alone() -> None:
    one, listing, mixed, none = (_meta_tags(parse_html(page)) for page in _PAGES)
    assert one["datepublished"] == ["2025-03-04"]
    assert one["datemodified"] == ["2025-03-05T08:00:00+07:00"]
    assert "datepublished" not in listing
    assert mixed["datepublished"] == ["2024-12-30"]
    assert "datemodified" not in mixed  # the body's <meta> and the <abbr>: two stamps, neither counts
    assert "datepublished" not in none
