"""The real `scrapy crawl news` against local mirrors, one discovery mechanism or failure at a time.

Each test serves a site from `tests/support/mirrors` on 127.0.0.1, points the crawler at it with a
registry written for the test (`-a registry=DIR`), runs Scrapy in a subprocess exactly as an
operator's scheduler would, and asserts on three independent witnesses: the requests the server
saw, the articles in the archive, and the report stored in `crawl_runs`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from indexer.archive import Archive
from tests.support.mirrors import (
    Mirror,
    NewsSite,
    Page,
    Story,
    article_html,
    listing_html,
    make_stories,
    write_registry,
)
from tests.support.mirrors.crawl import archived_urls, run_crawl


@pytest.fixture
def mirror() -> Mirror:
    with Mirror().running() as running:
        yield running


def test_tag_pagination_then_a_second_run_fetches_only_the_listing(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(12)  # three listing pages of 5, 5 and 2
    NewsSite(mirror).publish(stories)
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url)
    archive = tmp_path / "archive.sqlite"

    first = run_crawl(archive, registry=registry)
    assert first.returncode == 0, first.log[-3000:]
    assert archived_urls(archive) == sorted(mirror.base_url + s.path for s in stories)
    assert mirror.paths("/tag/") == [
        "/tag/ocop",
        "/tag/ocop/trang-2",
        "/tag/ocop/trang-3",
        "/tag/ocop/trang-4",
    ]
    assert first.report["new"] == 12 and first.run.status == "ok"
    assert not [p for p in mirror.paths() if "ngoai-trang" in p]  # off-site links were never followed
    assert "connection" not in first.report["errors"]

    mirror.clear_hits()
    second = run_crawl(archive, registry=registry)
    assert second.returncode == 0
    # The unchanged listing answers 304 to the conditional GET: one request, nothing else.
    assert mirror.paths() == ["/robots.txt", "/tag/ocop"]
    assert "If-None-Match" in mirror.hits[-1].headers
    assert second.report["requests"] == 1
    assert second.report["fetched_by_kind"] == {"listing": 1}
    assert second.report["new"] == 0
    with Archive(archive) as store:
        assert store.count() == 12


def test_listing_that_moved_on_between_runs(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(15)
    older = stories[3:]
    site = NewsSite(mirror)
    site.publish(older)  # 12 stories: pages of 5, 5, 2
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url)
    archive = tmp_path / "archive.sqlite"
    assert run_crawl(archive, registry=registry).returncode == 0

    site.publish(stories)  # three new stories on top push everything down a page
    mirror.clear_hits()
    second = run_crawl(archive, registry=registry)
    assert second.returncode == 0
    new_paths = {s.path for s in stories[:3]}
    assert set(mirror.paths("/bai/")) == new_paths  # only the new articles were fetched
    # Page 1 held new articles, page 2 only archived ones: pagination stops there.
    assert mirror.paths("/tag/") == ["/tag/ocop", "/tag/ocop/trang-2"]
    assert second.report["new"] == 3
    assert second.stats["listings_stopped_at_archived"] == 1
    assert len(archived_urls(archive)) == 15


def test_search_pages_and_since(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(12)  # one a day back from 30 June 2025
    NewsSite(mirror).publish(stories)
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url, listings=False, search=True)
    archive = tmp_path / "archive.sqlite"
    since = stories[4].published.date()  # page 1 (stories 0..4) is on or after it, page 2 is older

    result = run_crawl(archive, registry=registry, args={"since": since.isoformat()})
    assert result.returncode == 0, result.log[-3000:]
    # Page 2 brought nothing published since `since`: page 3 is never asked for.
    assert mirror.paths("/tim-kiem") == ["/tim-kiem?q=OCOP&page=1", "/tim-kiem?q=OCOP&page=2"]
    assert result.report["new"] == 10  # an article's date is only known once it is fetched
    assert result.stats["new_but_too_old"] == 5
    assert result.stats["listings_stopped_at_archived"] == 1


def test_rss_and_news_sitemap_skip_what_is_old_or_unchanged(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(5)
    site = NewsSite(mirror)
    site.publish(stories)
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url, listings=False, rss=True, sitemaps=True)
    archive = tmp_path / "archive.sqlite"
    first = run_crawl(archive, registry=registry)
    assert first.returncode == 0, first.log[-3000:]
    assert first.report["new"] == 5
    assert sorted(mirror.paths("/bai/")) == sorted(s.path for s in stories)  # each fetched once
    assert first.report["fetched_by_kind"] == {"rss": 1, "sitemap": 2, "article": 5}

    # An editor rewrites story 0 and bumps its dates; story 1 only gets a newer lastmod.
    edited = stories[0]
    edited.paragraphs = [*edited.paragraphs, "Cập nhật: sản phẩm đã được nâng hạng lên 5 sao."]
    edited.modified = datetime.now(UTC) + timedelta(seconds=5)  # later than our first fetch
    touched = stories[1]
    touched.modified = edited.modified
    unchanged_page = mirror.pages[touched.path]
    site.publish(stories)
    mirror.pages[touched.path] = unchanged_page  # only the sitemap/RSS date moved: same bytes, same ETag
    mirror.clear_hits()

    second = run_crawl(archive, registry=registry)
    assert second.returncode == 0, second.log[-3000:]
    revisits = [hit for hit in mirror.hits if hit.path.startswith("/bai/")]
    assert sorted(h.path for h in revisits) == sorted([edited.path, touched.path])
    assert all("If-None-Match" in hit.headers for hit in revisits)  # conditional GET on revisits
    assert {h.path: h.status for h in revisits} == {edited.path: 200, touched.path: 304}
    assert second.report["updated"] == 1 and second.report["not_modified"] == 1 and second.report["new"] == 0
    with Archive(archive) as store:
        assert store.count() == 5  # updated in place, never duplicated
        article_id = next(a.id for a in store.articles() if a.url.endswith(edited.path))
        assert store.version(article_id) == 2
        assert "5 sao" in store.get(article_id).text


def test_errors_are_counted_by_kind_and_redirects_followed(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(8)
    NewsSite(mirror).publish(stories)
    base = mirror.base_url
    broken = {
        stories[0].path: Page(status=404),
        stories[1].path: Page(b"<html>busy</html>", status=500),
        stories[2].path: Page(mirror.pages[stories[2].path].body, delay=9.0),  # three times DOWNLOAD_TIMEOUT
        stories[3].path: Page(status=301, headers={"Location": f"{base}/bai/tin-ocop-moi-200000.html"}),
    }
    moved = Story("tin-ocop-moi", 200000, stories[3].title, stories[3].published, stories[3].paragraphs)
    mirror.pages[moved.path] = Page(article_html(base, moved))
    mirror.pages.update(broken)
    mirror.pages["/robots.txt"] = Page(f"User-agent: *\nDisallow: {stories[4].path}\n".encode(), "text/plain")
    registry = tmp_path / "sites"
    write_registry(registry, base)
    archive = tmp_path / "archive.sqlite"

    result = run_crawl(archive, registry=registry, settings={"DOWNLOAD_TIMEOUT": "3", "RETRY_TIMES": "1"})
    assert result.returncode == 0, result.log[-3000:]  # a partly broken site is not a failed run
    errors = result.report["errors"]
    assert errors == {"http_4xx": 1, "http_5xx": 1, "timeout": 1, "robots": 1}, errors
    assert result.run.status == "partial"
    assert mirror.paths(stories[1].path) == [stories[1].path] * 2  # retried once
    assert stories[4].path not in mirror.paths()  # robots.txt obeyed: never requested
    urls = archived_urls(archive)
    assert base + moved.path in urls and base + stories[3].path not in urls  # filed under the target
    assert len(urls) == 4  # stories 3 (moved), 5, 6, 7


def test_a_site_that_fails_entirely_makes_the_crawl_exit_non_zero(mirror: Mirror, tmp_path: Path) -> None:
    mirror.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain")
    mirror.pages["/tag/ocop"] = Page(b"<html>down</html>", status=503)
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url, rss=True)  # /rss/ocop.rss: 404
    archive = tmp_path / "archive.sqlite"
    result = run_crawl(archive, registry=registry, settings={"RETRY_TIMES": "0"})
    assert result.returncode == 3
    assert result.run.status == "failed"
    assert result.report["errors"] == {"http_5xx": 1, "http_4xx": 1}


def test_each_sites_delay_floor_holds_under_autothrottle(mirror: Mirror, tmp_path: Path) -> None:
    NewsSite(mirror).publish(make_stories(4))
    registry = tmp_path / "sites"
    path = write_registry(registry, mirror.base_url)
    path.write_text(path.read_text().replace("delay = 0.0", "delay = 0.5"))
    archive = tmp_path / "archive.sqlite"
    # AutoThrottle on with no global floor: alone it would cut the delay to the mirror's ~1 ms latency.
    settings = {"AUTOTHROTTLE_ENABLED": "True", "AUTOTHROTTLE_START_DELAY": "0", "DOWNLOAD_DELAY": "0"}
    result = run_crawl(archive, registry=registry, settings=settings)
    assert result.returncode == 0 and result.report["new"] == 4
    arrivals = sorted(hit.at for hit in mirror.hits)
    assert len(arrivals) == 7  # robots.txt, 2 listing pages, 4 articles
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    # The gaps are seen by the server, so a loaded machine can delay one arrival and shorten the
    # next gap a little; without the floor they would be ~1 ms, so 60% of it still tells the two apart.
    assert min(gaps) >= 0.3, gaps


def test_a_broken_link_on_a_listing_costs_only_itself(mirror: Mirror, tmp_path: Path) -> None:
    """Links urllib cannot read ("http://[…", a port out of range) made `response.urljoin` raise,
    and the listing's callback lost every other link on the page with it."""
    stories = make_stories(3)
    NewsSite(mirror).publish(stories)
    links = ["http://[hong/bai/x.html", "http://127.0.0.1:99999/bai/y.html", *(s.path for s in stories)]
    mirror.pages["/tag/ocop"] = Page(listing_html("OCOP", links))
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url)
    archive = tmp_path / "archive.sqlite"
    result = run_crawl(archive, registry=registry)
    assert result.returncode == 0, result.log[-3000:]
    assert archived_urls(archive) == sorted(mirror.base_url + s.path for s in stories)
    assert "Traceback" not in result.log
