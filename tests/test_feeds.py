"""GET /feeds/search.atom: a search as a valid Atom feed (RFC 4287), newest first.

Checked twice: by feedparser (what feed readers use) and by the RFC's own rules read from the XML
(sections 4.1.1 and 4.1.2: exactly one id, title and updated per feed and entry, an author for
every entry, an alternate link where there is no content, RFC 3339 dates, absolute IRIs).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from indexer.settings import Settings
from search_api.app import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def client(small_archive: Path) -> TestClient:
    return TestClient(
        create_app(Settings(archive=small_archive, engine="embedded")), raise_server_exceptions=False
    )


def _rfc3339(text: str | None) -> datetime:
    assert text and "T" in text, text
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text} has no offset"
    return moment


def _absolute(iri: str | None) -> str:
    parts = urlsplit(iri or "")
    assert parts.scheme and (parts.netloc or parts.scheme in ("urn", "tag")), iri
    return iri or ""


def check_rfc4287(xml: bytes) -> etree._Element:
    """The structural rules of RFC 4287 a feed and its entries must follow."""
    feed = etree.fromstring(xml)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, f"feed needs exactly one atom:{name}"
    _absolute(feed.findtext(f"{ATOM}id"))
    _rfc3339(feed.findtext(f"{ATOM}updated"))
    entries = feed.findall(f"{ATOM}entry")
    feed_has_author = feed.find(f"{ATOM}author") is not None
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, f"entry needs exactly one atom:{name}"
        _absolute(entry.findtext(f"{ATOM}id"))
        _rfc3339(entry.findtext(f"{ATOM}updated"))
        if entry.find(f"{ATOM}published") is not None:
            _rfc3339(entry.findtext(f"{ATOM}published"))
        authors = entry.findall(f"{ATOM}author")
        assert feed_has_author or authors, "every entry needs an author when the feed has none"
        assert all(a.findtext(f"{ATOM}name") for a in authors)
        links = entry.findall(f"{ATOM}link")
        alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None:
            assert alternates, "an entry without content needs an alternate link"
        assert len({(a.get("type"), a.get("hreflang")) for a in alternates}) == len(alternates)
        for link in links:
            _absolute(link.get("href"))
    return feed


def test_a_search_is_a_valid_atom_feed_newest_first(client: TestClient) -> None:
    response = client.get("/feeds/search.atom", params={"q": "san pham", "province": "Đồng Tháp"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = check_rfc4287(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "atom10"
    search = client.get("/search", params={"q": "san pham", "province": "Đồng Tháp", "sort": "newest"}).json()
    assert [e.link for e in parsed.entries] == [h["url"] for h in search["hits"]]
    entry, hit = parsed.entries[0], search["hits"][0]
    assert entry.title == hit["title"] and entry.id == hit["url"]
    assert entry.author == (hit["outlet"] or hit["site"])
    assert entry.tags[0].term == hit["site"]
    # the search's words, marked as on the page (feedparser's sanitizer drops <mark>: read the XML)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary is not None and summary.get("type") == "html" and "<mark>" in (summary.text or "")
    assert "thực phẩm" in entry.summary
    assert datetime.fromisoformat(entry.published) == datetime.fromisoformat(hit["published_at"])
    related = [link.href for link in entry.links if link.rel == "related"]
    assert related == [f"http://testserver/a/{hit['id']}"]
    assert "mau.vn" in etree.tostring(feed, encoding="unicode")


def test_the_feed_is_newest_first_whatever_the_sort_and_names_the_search(client: TestClient) -> None:
    parsed = feedparser.parse(client.get("/feeds/search.atom", params={"sort": "oldest", "size": 3}).content)
    assert len(parsed.entries) == 3
    published = [datetime.fromisoformat(e.published) for e in parsed.entries]
    assert published == sorted(published, reverse=True)
    named = feedparser.parse(client.get("/feeds/search.atom", params={"q": "mật ong", "stars": "4"}).content)
    assert named.feed.title == "ocop-watch: mật ong · stars: 4"
    alternate = next(link.href for link in named.feed.links if link.rel == "alternate")
    assert alternate.startswith("http://testserver/?") and "stars=4" in alternate


def test_undated_articles_still_make_valid_entries(client: TestClient) -> None:
    response = client.get("/feeds/search.atom", params={"q": "khong ro ngay"})
    check_rfc4287(response.content)
    parsed = feedparser.parse(response.content)
    assert [e.title for e in parsed.entries] == ["Bài không rõ ngày"]
    assert "published" not in parsed.entries[0]


@pytest.mark.parametrize(
    "params",
    [{"stars": "7"}, {"from": "2024-13-01"}, {"province": "Atlantis"}, {"colour": "x", "size": "-1"}],
)
def test_bad_parameters_are_a_400_as_on_search(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/feeds/search.atom", params=params)
    assert response.status_code == 400 and response.json()["error"]
