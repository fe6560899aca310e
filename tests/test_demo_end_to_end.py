"""The demo path for real: sample site over HTTP → `scrapy crawl` subprocess → archive → API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from indexer.archive import Archive
from indexer.settings import Settings
from samples.server import serve_sample_site
from search_api.app import create_app
from tests.support.mirrors.crawl import run_crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int, int]]:
    archive = tmp_path_factory.mktemp("e2e") / "archive.sqlite"
    with serve_sample_site() as base_url:
        first = run_crawl(archive, site="sample", args={"base_url": base_url})
        assert first.returncode == 0, first.log[-3000:]
        with Archive(archive) as a:
            after_first = a.count()
        second = run_crawl(archive, site="sample", args={"base_url": base_url})
        assert second.returncode == 0, second.log[-3000:]
        with Archive(archive) as a:
            after_second = a.count()
    yield archive, after_first, after_second


def test_crawl_archives_every_sample_article_once(crawled: tuple[Path, int, int]) -> None:
    from samples.sitegen import load_articles

    archive, after_first, after_second = crawled
    expected = len(load_articles())
    assert after_first == expected  # every article, the legacy-encoded page included
    assert after_second == after_first  # a second crawl updates, never duplicates


def test_search_finds_ocop_articles_without_diacritics(crawled: tuple[Path, int, int]) -> None:
    archive, _, _ = crawled
    client = TestClient(create_app(Settings(archive=archive)))
    body = client.get("/search", params={"q": "san pham ocop", "size": 100}).json()
    assert body["total"] >= 20
    for hit in body["hits"][:10]:
        assert "<mark>" in hit["snippet"] or "<mark>" in hit["title_highlighted"]
        assert "xổ số" not in hit["snippet"].lower()  # chrome did not leak into the text
    ocop = client.get("/search", params={"is_ocop": "true", "size": 0}).json()
    site_total = sum(b["count"] for b in ocop["facets"]["site"])
    assert site_total == ocop["total"]  # one site per article: facet counts add up


def test_header_clock_never_becomes_the_publication_date(crawled: tuple[Path, int, int]) -> None:
    from samples.sitegen import SITE_TODAY, load_articles

    archive, _, _ = crawled
    truth = {a.path: a.published for a in load_articles()}
    with Archive(archive) as a:
        published = {urlsplit(article.url).path: article.published for article in a.articles()}
    assert SITE_TODAY.date() not in {p.date() for p in published.values() if p}
    wrong = {
        t: (published.get(t), d)
        for t, d in truth.items()
        if published.get(t) is None or published[t].date() != d.date()
    }
    assert not wrong


def test_republished_wire_story_shares_one_story_id(crawled: tuple[Path, int, int]) -> None:
    archive, _, _ = crawled
    with Archive(archive) as a:
        stories = {urlsplit(article.url).path: article.story_id for article in a.articles()}
    pair = [story for path, story in stories.items() if "/lang-son-" in path]
    assert len(pair) == 2 and pair[0] == pair[1]  # the same wire story in two sections
    assert len(set(stories.values())) == len(stories) - 1  # every other article is its own story
