"""The bundled sample news site (written for the demo) served by the real sample server.

These tests pin down what the crawler and the demo rely on: every article is reachable by
URL, RSS, sitemaps and paginated tag listings each lead to every OCOP article, the page chrome
carries a header clock that is never the article's date, conditional GET works, and the
legacy page really is windows-1258.
"""

from __future__ import annotations

import difflib
import email.utils
import http.client
import math
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

try:
    from samples import sitegen
    from samples.server import serve_sample_site
except ModuleNotFoundError:  # plain `pytest` without the repository root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from samples import sitegen
    from samples.server import serve_sample_site

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ARTICLE_URL_RE = re.compile(r"^/[a-z0-9-]+/[a-z0-9-]+-(\d{6})\.html$")


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(base_url: str, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> Response:
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return Response(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_sample_site(port=0) as url:
        yield url


@pytest.fixture(scope="module")
def articles(base_url: str) -> list[dict]:
    return sitegen.describe_site(base_url)


@pytest.fixture(scope="module")
def ocop_paths(articles: list[dict]) -> set[str]:
    return {a["path"] for a in articles if a["is_ocop"]}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decoded(article: dict, body: bytes) -> str:
    return nfc(body.decode(article["encoding"]))


# --------------------------------------------------------------------------- content


def test_content_mix(articles: list[dict]) -> None:
    """Enough OCOP and negative articles, all layouts, every year 2019-2025."""
    assert len(articles) >= 48
    n_ocop = sum(a["is_ocop"] for a in articles)
    assert n_ocop >= 36
    assert len(articles) - n_ocop >= 9
    layouts = Counter(a["layout"] for a in articles)
    assert {"jsonld", "byline", "plain"} <= set(layouts)
    assert all(layouts[name] >= 8 for name in ("jsonld", "byline", "plain"))
    assert layouts["legacy"] == 1
    years = {datetime.fromisoformat(a["published"]).year for a in articles}
    assert set(range(2019, 2026)) <= years
    for article in articles:
        for field in ("title", "lead", "body"):
            assert unicodedata.is_normalized("NFC", article[field]), (article["slug"], field)
        assert 3 <= len(article["paragraphs"]) <= 7
        assert datetime.fromisoformat(article["published"]).utcoffset().total_seconds() == 7 * 3600


def test_negatives_do_not_mention_ocop_in_body(articles: list[dict]) -> None:
    for article in articles:
        if not article["is_ocop"]:
            text = " ".join([article["title"], article["lead"], article["body"]])
            assert "OCOP" not in text and "mỗi xã một sản phẩm" not in text.lower(), article["slug"]


def test_traps_present(articles: list[dict]) -> None:
    """The repeated paragraph, the near-duplicate wire story and the related-links-only page."""
    repeated = [a for a in articles if len(set(a["paragraphs"])) < len(a["paragraphs"])]
    assert repeated, "one article must repeat a paragraph verbatim"

    pairs = [
        (a, b)
        for i, a in enumerate(articles)
        for b in articles[i + 1 :]
        if a["section"] != b["section"]
        and difflib.SequenceMatcher(None, a["body"], b["body"]).quick_ratio() > 0.9
        and difflib.SequenceMatcher(None, a["body"], b["body"]).ratio() > 0.9
    ]
    assert len(pairs) == 1, [(a["slug"], b["slug"]) for a, b in pairs]
    a, b = pairs[0]
    assert a["body"] != b["body"] and a["title"] != b["title"]

    by_slug = {x["slug"]: x for x in articles}
    related_only = [
        x
        for x in articles
        if not x["is_ocop"] and x["related"] and all(by_slug[r]["is_ocop"] for r in x["related"])
    ]
    assert related_only, "one negative article must link only to OCOP stories"


# --------------------------------------------------------------------------- pages


def test_every_article_page_is_served(base_url: str, articles: list[dict]) -> None:
    for article in articles:
        assert ARTICLE_URL_RE.match(article["path"]), article["path"]
        resp = fetch(base_url, article["path"])
        assert resp.status == 200, article["path"]
        html = decoded(article, resp.body)
        assert sitegen.esc(article["title"]) in html
        for paragraph in article["paragraphs"]:
            assert sitegen.esc(paragraph) in html
        if article["encoding"] == "utf-8":
            assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
            assert '<meta charset="utf-8">' in html


def test_layout_markers(base_url: str, articles: list[dict]) -> None:
    """Where the crawler finds date, lead and author in each layout."""
    for article in articles:
        html = decoded(article, fetch(base_url, article["path"]).body)
        published = article["published"]
        lead = sitegen.esc(article["lead"])
        layout = article["layout"]
        if layout == "jsonld":
            assert '"@type": "NewsArticle"' in html
            assert f'"datePublished": "{published}"' in html
            assert f'<meta property="article:published_time" content="{published}">' in html
            assert f'<h2 class="sapo">{lead}</h2>\n<div class="article-body"' in html
            assert '<div class="article-tags">' in html.split('<div class="article-body"')[1]
        elif layout == "byline":
            assert "application/ld+json" not in html
            assert f'<meta property="article:published_time" content="{published}">' in html
            assert re.search(r'<span class="date">Thứ [a-zăâêôơưáàảãạấầẩẫậếềểễệ]+|Chủ nhật', html)
            assert re.search(r'<span class="date">[^<]+\d\d/\d\d/\d{4} \d\d:\d\d \(GMT\+7\)</span>', html)
            assert f'<article class="fck_detail">\n<p class="Normal"><strong>{lead}</strong></p>' in html
            last = (
                html.split('<article class="fck_detail">')[1].split("</article>")[0].strip().splitlines()[-1]
            )
            assert 'style="text-align:right;"' in last and sitegen.esc(article["authors"][0]) in last
        elif layout in ("plain", "legacy"):
            assert "application/ld+json" not in html
            assert "article:published_time" not in html and "datetime=" not in html
        if layout == "plain":
            when = datetime.fromisoformat(published)
            assert f"Cập nhật: {when:%H:%M} ngày {when:%d/%m/%Y}" in html
            assert (
                f"<title>{sitegen.esc(article['title'])} - {article['section']} - Báo Mẫu OCOP</title>"
                in html
            )


def test_header_clock_differs_from_article_dates(base_url: str, articles: list[dict]) -> None:
    for article in articles:
        html = decoded(article, fetch(base_url, article["path"]).body)
        clock = re.search(r'<span class="header-clock">([^<]+)</span>', html)
        assert clock, article["path"]
        day = re.search(r"(\d\d)/(\d\d)/(\d{4})", clock.group(1))
        assert day
        clock_date = f"{day.group(3)}-{day.group(2)}-{day.group(1)}"
        for key in ("published", "modified"):
            if article[key]:
                assert article[key][:10] != clock_date, (article["path"], key)


def test_chrome_puts_ocop_titles_on_non_ocop_pages(base_url: str, articles: list[dict]) -> None:
    """A related-links list or sidebar mentioning OCOP is not OCOP coverage: the trap exists."""
    for article in (a for a in articles if not a["is_ocop"]):
        html = decoded(article, fetch(base_url, article["path"]).body)
        for marker in (
            "Tin liên quan",
            "Có thể bạn quan tâm",
            "XSMB",
            "VN-Index",
            "Giá vàng",
            "Mời bạn quét mã QR",
            "Bình luận",
            "Chia sẻ",
            "trên Google News",
            "<figcaption>",
        ):
            assert marker in html, (article["slug"], marker)
        assert "OCOP" in html


# --------------------------------------------------------------------------- discovery


def test_rss_lists_every_ocop_article(base_url: str, articles: list[dict], ocop_paths: set[str]) -> None:
    resp = fetch(base_url, "/rss/ocop.rss")
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(resp.body).find("channel")
    assert channel is not None
    items = channel.findall("item")
    links = {urlsplit(item.findtext("link") or "").path for item in items}
    assert links == ocop_paths
    by_path = {a["path"]: a for a in articles}
    for item in items:
        article = by_path[urlsplit(item.findtext("link") or "").path]
        assert (item.findtext("link") or "").startswith(base_url)
        pub_date = item.findtext("pubDate") or ""
        assert pub_date.endswith("+0700")
        assert email.utils.parsedate_to_datetime(pub_date) == datetime.fromisoformat(article["published"])
        assert item.findtext("title") == article["title"]


def test_sitemaps_list_every_article(base_url: str, articles: list[dict], ocop_paths: set[str]) -> None:
    robots = fetch(base_url, "/robots.txt").text()
    assert "Disallow: /admin/" in robots
    assert f"Sitemap: {base_url}/sitemap.xml" in robots

    index = fetch(base_url, "/sitemap.xml")
    assert index.headers["Content-Type"].startswith("application/xml")
    children = [loc.text or "" for loc in ET.fromstring(index.body).findall("sm:sitemap/sm:loc", NS)]
    assert f"{base_url}/sitemaps/news.xml" in children
    for child in children:
        assert fetch(base_url, urlsplit(child).path).status == 200

    news = ET.fromstring(fetch(base_url, "/sitemaps/news.xml").body)
    by_path = {a["path"]: a for a in articles}
    seen = set()
    for url in news.findall("sm:url", NS):
        path = urlsplit(url.findtext("sm:loc", namespaces=NS) or "").path
        article = by_path[path]
        seen.add(path)
        assert url.findtext("sm:lastmod", namespaces=NS)
        published = url.findtext("news:news/news:publication_date", namespaces=NS)
        assert published == article["published"]
    assert seen == set(by_path)
    assert ocop_paths <= seen


def _article_links(html: str) -> list[str]:
    links = re.findall(r'<h3 class="story-title"><a href="([^"]+)"', html)
    return [link for link in links if ARTICLE_URL_RE.match(link)]


def test_tag_pagination_reaches_every_ocop_article(
    base_url: str, articles: list[dict], ocop_paths: set[str]
) -> None:
    path: str | None = "/tag/ocop"
    visited: list[str] = []
    found: list[str] = []
    while path:
        assert path not in visited
        visited.append(path)
        resp = fetch(base_url, path)
        assert resp.status == 200, path
        assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
        html = resp.text()
        links = _article_links(html)
        assert len(links) <= sitegen.PER_PAGE
        found += links
        nxt = re.search(r'<a class="next" rel="next" href="([^"]+)">Trang sau</a>', html)
        path = nxt.group(1) if nxt else None
    assert visited[1:] == [f"/tag/ocop/trang-{n}" for n in range(2, len(visited) + 1)]
    assert len(visited) == math.ceil(len(ocop_paths) / sitegen.PER_PAGE)
    assert set(found) == ocop_paths and len(found) == len(ocop_paths)
    by_path = {a["path"]: a for a in articles}
    dates = [by_path[p]["published"] for p in found]
    assert dates == sorted(dates, reverse=True), "listing must be newest first"
    # A trailing slash is served too (plain static servers redirect to it).
    assert fetch(base_url, "/tag/ocop/trang-2/").status == 200
    assert fetch(base_url, f"/tag/ocop/trang-{len(visited) + 1}").status == 404


def test_home_and_sections_link_to_every_article(base_url: str, articles: list[dict]) -> None:
    home = fetch(base_url, "/")
    assert home.status == 200
    reachable = set(re.findall(r'href="(/[^"]+\.html)"', home.text()))
    for section in {a["section_slug"] for a in articles}:
        path: str | None = f"/{section}"
        while path:
            html = fetch(base_url, path).text()
            reachable |= set(_article_links(html))
            nxt = re.search(r'rel="next" href="([^"]+)"', html)
            path = nxt.group(1) if nxt else None
    assert {a["path"] for a in articles} <= reachable


# --------------------------------------------------------------------------- HTTP behaviour


def test_conditional_get(base_url: str, articles: list[dict]) -> None:
    path = articles[-1]["path"]
    first = fetch(base_url, path)
    etag = first.headers["ETag"]
    last_modified = first.headers["Last-Modified"]
    assert first.status == 200 and etag and last_modified
    # Last-Modified reflects the article, not the moment the site was built.
    changed = articles[-1]["modified"] or articles[-1]["published"]
    assert email.utils.parsedate_to_datetime(last_modified) == datetime.fromisoformat(changed)

    again = fetch(base_url, path, {"If-None-Match": etag})
    assert again.status == 304 and again.body == b"" and again.headers["ETag"] == etag
    assert fetch(base_url, path, {"If-None-Match": f'"nope", {etag}'}).status == 304
    assert fetch(base_url, path, {"If-Modified-Since": last_modified}).status == 304
    assert fetch(base_url, path, {"If-None-Match": '"stale"'}).status == 200
    # If-None-Match wins over If-Modified-Since.
    assert (
        fetch(base_url, path, {"If-None-Match": '"stale"', "If-Modified-Since": last_modified}).status == 200
    )
    head = fetch(base_url, path, method="HEAD")
    assert head.status == 200 and head.headers["ETag"] == etag and head.body == b""
    assert fetch(base_url, "/khong-co-trang-nay.html").status == 404


def test_legacy_page_is_windows_1258(base_url: str, articles: list[dict]) -> None:
    legacy = [a for a in articles if a["encoding"] != "utf-8"]
    assert len(legacy) == 1
    article = legacy[0]
    assert re.fullmatch(r"/kinh-te/legacy-encoding-\d+\.html", article["path"])
    resp = fetch(base_url, article["path"])
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "text/html"  # no charset: only the meta tag tells
    with pytest.raises(UnicodeDecodeError):
        resp.body.decode("utf-8")
    text = resp.body.decode("cp1258")
    assert '<meta charset="windows-1258">' in text
    assert not unicodedata.is_normalized("NFC", text)  # tone marks are combining characters
    assert sitegen.esc(article["title"]) in nfc(text)
    assert all(sitegen.esc(p) in nfc(text) for p in article["paragraphs"])


def test_build_site_writes_static_tree(tmp_path: Path) -> None:
    records = sitegen.build_site(tmp_path, "http://example.test:9000")
    assert (tmp_path / "tag/ocop/index.html").is_file()
    assert (tmp_path / "tag/ocop/trang-2/index.html").is_file()
    assert (tmp_path / "rss/ocop.rss").is_file()
    for record in records:
        assert (tmp_path / record["path"].lstrip("/")).is_file()
        assert record["url"] == "http://example.test:9000" + record["path"]
    assert "http://example.test:9000/sitemap.xml" in (tmp_path / "robots.txt").read_text(encoding="utf-8")
