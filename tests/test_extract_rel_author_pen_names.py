"""A link the markup marks as the author (rel="author", itemprop="author") may print a blogger's
one-word pen name; a class word alone does not say as much, so there one word stays unread.

Failed before session 21 on a blog of trafilatura's evaluation set: the one-word name in a
rel="author" link gave no author. Pages and names are invented for these tests.
"""

from __future__ import annotations

from crawler.extraction.extract import extract_article

PARA = (
    "<p>Heute habe ich den Garten umgegraben und die ersten Beete für den Frühling vorbereitet, "
    "nachdem der Regen der letzten Wochen endlich aufgehört hatte und der Boden trocken war.</p>"
)


def page(credit: str) -> bytes:
    return (
        "<html><head><title>Die ersten Beete im Garten</title></head><body><article>"
        f'<h1>Die ersten Beete im Garten</h1><div class="meta">{credit}</div>{PARA * 4}'
        "</article></body></html>"
    ).encode()


def test_a_rel_author_link_gives_a_one_word_pen_name() -> None:
    article = extract_article(
        page('<a rel="author" href="/author/wurzelwerk">Wurzelwerk</a>'), "https://beetblog.example.de/beete"
    )
    assert article.authors == ["Wurzelwerk"]


def test_a_class_word_alone_leaves_one_word_unread() -> None:
    """Guard: a one-word text in an element only classed "author" is no name, as before."""
    article = extract_article(
        page('<span class="author">Wurzelwerk</span>'), "https://beetblog.example.de/beete"
    )
    assert article.authors == []
