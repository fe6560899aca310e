"""Feeds and sitemaps read into (url, date) entries: the dates incremental runs rely on."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from crawler.feeds import FeedError, parse_date, parse_feed, parse_sitemap


def test_rss_items_carry_links_and_dates() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
    <item><title>a</title><link> https://vnexpress.net/a-4954454.html </link>
      <pubDate>Thu, 23 Jan 2025 20:28:00 +0700</pubDate></item>
    <item><title>b</title><guid>https://vnexpress.net/b-4954455.html</guid></item>
    <item><title>no link</title><guid isPermaLink="false">abc</guid></item>
    </channel></rss>"""
    entries = parse_feed(body)
    assert [e.url for e in entries] == [
        "https://vnexpress.net/a-4954454.html",
        "https://vnexpress.net/b-4954455.html",
    ]
    assert entries[0].date == datetime(2025, 1, 23, 13, 28, tzinfo=UTC)
    assert entries[1].date is None


def test_atom_entries_use_the_alternate_link_and_latest_date() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
    <entry><link rel="self" href="https://x.vn/self"/><link href="https://x.vn/bai-1.html"/>
    <published>2025-01-01T08:00:00+07:00</published><updated>2025-01-02T08:00:00+07:00</updated></entry></feed>"""
    [entry] = parse_feed(body)
    assert entry.url == "https://x.vn/bai-1.html"
    assert entry.date == datetime(2025, 1, 2, 1, 0, tzinfo=UTC)


def test_sitemap_index_and_gzipped_news_sitemap() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://tuoitre.vn/sitemaps/2025-01.xml</loc><lastmod>2025-01-31</lastmod></sitemap>
    </sitemapindex>"""
    doc = parse_sitemap(index)
    assert doc.is_index and doc.entries[0].url.endswith("2025-01.xml")
    assert doc.entries[0].date == datetime(2025, 1, 30, 17, 0, tzinfo=UTC)  # a bare date is Vietnam time

    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
      xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url><loc>https://tuoitre.vn/a-20250123202800123.htm</loc>
        <image:image><image:loc>https://cdn.tuoitre.vn/a.jpg</image:loc></image:image>
        <lastmod>2025-01-23T20:28:00+07:00</lastmod>
        <news:news><news:publication_date>2025-01-24T08:00:00+07:00</news:publication_date></news:news></url>
    </urlset>"""
    doc = parse_sitemap(gzip.compress(news))
    assert not doc.is_index
    [entry] = doc.entries
    assert entry.url == "https://tuoitre.vn/a-20250123202800123.htm"  # not the image's loc
    assert entry.date == datetime(2025, 1, 24, 1, 0, tzinfo=UTC)  # the later of the two dates


@pytest.mark.parametrize(
    "body", [b"", "<html><body>Trang lỗi</body></html>".encode(), b"\x1f\x8bnot gzip", b"\x00\x01"]
)
def test_what_is_not_a_sitemap_is_an_error(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_sitemap(body)


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError):
        parse_feed(b"<html><body><p>document.cookie=...</p></body></html>")


def test_dates_in_both_feed_formats() -> None:
    assert parse_date("2025-01-23T20:28:00Z") == datetime(2025, 1, 23, 20, 28, tzinfo=UTC)
    assert parse_date("Thu, 23 Jan 2025 20:28:00 GMT") == datetime(2025, 1, 23, 20, 28, tzinfo=UTC)
    assert parse_date("không phải ngày") is None and parse_date(None) is None


ENTITY_BOMB_DTD = (
    b'<?xml version="1.0"?>\n<!DOCTYPE d [\n <!ENTITY a "ocop">\n'
    + b"".join(f' <!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n'.encode() for i in range(8))
    + b"]>\n"
)


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (
            parse_feed,
            b'<rss version="2.0"><channel><item><link>https://x.vn/&i;.html</link></item></channel></rss>',
        ),
        (
            parse_sitemap,
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.vn/&i;</loc></url></urlset>',
        ),
    ],
)
def test_a_document_declaring_its_own_entities_is_refused(parse, body: bytes) -> None:  # noqa: ANN001
    with pytest.raises(FeedError, match="entities"):
        parse(ENTITY_BOMB_DTD + body)


def test_an_rss_091_doctype_without_entities_is_still_read() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<item><link>https://x.vn/bai-1.html</link></item></channel></rss>"
    )
    assert [e.url for e in parse_feed(body)] == ["https://x.vn/bai-1.html"]


def test_a_prefix_the_feed_never_declared_costs_no_entry() -> None:
    """`slash:comments` without `xmlns:slash` (feeds written by hand-made templates): the recovering
    parser keeps the prefixed name whole, and reading its local name with QName raised ValueError,
    which lost every entry of the feed. The undeclared element is read by its local name."""
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>a</title><link>https://x.vn/bai-2.html</link><slash:comments>3</slash:comments>"
        b"<dc:date>2025-01-23T20:28:00+07:00</dc:date></item>"
        b"<item><title>b</title><link>https://x.vn/bai-3.html</link></item></channel></rss>"
    )
    entries = parse_feed(body)
    assert [e.url for e in entries] == ["https://x.vn/bai-2.html", "https://x.vn/bai-3.html"]
    assert entries[0].date == datetime(2025, 1, 23, 13, 28, tzinfo=UTC)
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.vn/bai-4.html</loc>'
        b"<news:news><news:publication_date>2025-01-24</news:publication_date></news:news></url></urlset>"
    )
    doc = parse_sitemap(sitemap)
    assert [e.url for e in doc.entries] == ["https://x.vn/bai-4.html"] and doc.entries[0].date is not None
