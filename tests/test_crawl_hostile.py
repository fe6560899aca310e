"""What a hostile or failing site cannot do to a crawl: take it off the site, make it lose articles,
hide a bomb in a feed, or run two crawls into one archive.

Everything runs the real `scrapy crawl news` against local HTTP servers started here.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.lock import lock_path
from indexer.archive import Archive
from tests.support.environment import PROJECT_ROOT
from tests.support.mirrors import (
    Mirror,
    NewsSite,
    Page,
    article_html,
    listing_html,
    make_stories,
    news_sitemap,
    rss_xml,
    sitemap_index,
    write_registry,
)
from tests.support.mirrors.crawl import archived_urls, crawl_command, crawl_env, run_crawl

FAST_FAIL = {"RETRY_TIMES": "0"}  # a failure is final for the run: no retries to wait for
DISK_LEFT = 256 * 1024  # bytes a file may grow to on the "full disk": a few articles' worth of WAL


@pytest.fixture
def mirror() -> Iterator[Mirror]:
    with Mirror().running() as running:
        yield running


# --- 1. redirects stay on the site; entity bombs are unreadable feeds ---------------------------

ENTITY_BOMB = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "ocop">' + b"".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
)


def test_a_redirect_to_another_host_is_never_fetched_nor_archived(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(3)
    NewsSite(mirror).publish(stories)
    base = mirror.base_url
    mirror.pages["/rss/ocop.rss"] = Page(
        ENTITY_BOMB
        + f']><rss version="2.0"><channel><item><link>{base}/bai/&i;-1.html</link></item>'
        "</channel></rss>".encode(),
        "application/rss+xml",
    )
    mirror.pages["/sitemap.xml"] = Page(
        ENTITY_BOMB
        + b']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + f"<url><loc>{base}/bai/&i;-2.html</loc></url></urlset>".encode(),
        "application/xml",
    )
    with Mirror().running() as elsewhere:
        planted = stories[1]
        elsewhere.pages[planted.path] = Page(article_html(elsewhere.base_url, planted))
        elsewhere.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain")
        port = elsewhere.base_url.rsplit(":", 1)[1]
        target = f"http://localhost:{port}{planted.path}"  # another host name: not the site's
        mirror.pages[planted.path] = Page(status=302, headers={"Location": target})
        registry = tmp_path / "sites"
        write_registry(registry, mirror.base_url, rss=True, sitemaps=True)
        archive = tmp_path / "archive.sqlite"

        result = run_crawl(archive, registry=registry, settings=FAST_FAIL)

        assert result.returncode == 0, result.log[-3000:]
        assert elsewhere.paths() == []  # nothing asked of the other host, not even its robots.txt
    assert result.report["errors"] == {"offsite_redirect": 1, "unreadable_feed": 1, "unreadable_sitemap": 1}
    assert archived_urls(archive) == sorted(mirror.base_url + s.path for s in stories if s is not planted)


# --- 2. a container is remembered only once everything under it was processed ------------------


def _multi_path_registry(directory: Path, base_url: str) -> None:
    """One site discovered five ways, each with its own articles, so a failure at one level cannot
    hide behind another: two tag listings of two pages, a feed, and two sitemap indexes."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "mirror.toml").write_text(
        "\n".join(
            [
                'name = "Báo Gương"',
                f'base_url = "{base_url}/"',
                'kind = "mirror"',
                "verified = true",
                "[discovery]",
                "max_pages = 5",
                'rss = ["/rss/c.rss"]',
                'sitemaps = ["/sitemap-d.xml", "/sitemap-e.xml"]',
                "[[discovery.listings]]",
                'url = "/tag/a"',
                'pagination = "/tag/a/trang-{page}"',
                "[[discovery.listings]]",
                'url = "/tag/b"',
                'pagination = "/tag/b/trang-{page}"',
                "[articles]",
                r"url_patterns = ['/bai/[a-z0-9-]+-\d+\.html$']",
                "[politeness]",
                "delay = 0.0",
                "concurrency = 2",
            ]
        )
        + "\n",
        encoding="utf-8",
    )


def _publish_paths(mirror: Mirror) -> dict[str, list[str]]:
    """Articles by discovery path; every page carries ETag and Last-Modified, and answers 304."""
    base = mirror.base_url
    groups = {name: make_stories(4, prefix=f"tin-{name}") for name in ("a", "b", "c", "d", "e")}
    for stories in groups.values():
        for story in stories:
            mirror.pages[story.path] = Page(article_html(base, story))
    for name in ("a", "b"):
        paths = [s.path for s in groups[name]]
        mirror.pages[f"/tag/{name}"] = Page(listing_html(name, paths[:2]))
        mirror.pages[f"/tag/{name}/trang-2"] = Page(listing_html(name, paths[2:]))
    mirror.pages["/rss/c.rss"] = Page(rss_xml(base, groups["c"]), "application/rss+xml")
    for name in ("d", "e"):
        newest = groups[name][0].published
        mirror.pages[f"/sitemap-{name}.xml"] = Page(
            sitemap_index(base, [(f"/sitemaps/{name}.xml", newest)]), "application/xml"
        )
        mirror.pages[f"/sitemaps/{name}.xml"] = Page(news_sitemap(base, groups[name]), "application/xml")
    mirror.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain")
    return {name: [base + s.path for s in stories] for name, stories in groups.items()}


def test_a_failure_at_any_level_is_repaired_by_the_next_run(mirror: Mirror, tmp_path: Path) -> None:
    expected = _publish_paths(mirror)
    failing = {
        "/tag/a/trang-2": "listing page",  # page 1 of the same listing is fine
        make_stories(4, prefix="tin-b")[3].path: "article",  # on page 2 of listing b
        "/rss/c.rss": "feed",
        "/sitemaps/d.xml": "child sitemap",  # its index is fine
        "/sitemap-e.xml": "sitemap index",
    }
    healthy = {path: mirror.pages[path] for path in failing}
    for path in failing:
        mirror.pages[path] = Page(b"<html>busy</html>", status=503)
    registry = tmp_path / "sites"
    _multi_path_registry(registry, mirror.base_url)
    archive = tmp_path / "archive.sqlite"

    first = run_crawl(archive, registry=registry, settings=FAST_FAIL)
    assert first.report["errors"] == {"http_5xx": len(failing)}, first.log[-3000:]
    missing = {url for urls in expected.values() for url in urls} - set(archived_urls(archive))
    assert len(missing) == 2 + 1 + 4 + 4 + 4  # a's page 2, b's one article, all of c, d and e
    mirror.pages.update(healthy)  # the site recovers; nothing else changes (the rest answers 304)

    second = run_crawl(archive, registry=registry, settings=FAST_FAIL)

    assert second.returncode == 0, second.log[-3000:]
    for name, urls in expected.items():
        assert set(urls) <= set(archived_urls(archive)), f"{name}: {set(urls) - set(archived_urls(archive))}"
    assert second.report["new"] == len(missing) and not second.report["errors"]


def _limit_file_size(limit: int) -> None:
    """In the crawl's process: writing a file past `limit` bytes fails with EFBIG, as a full disk
    fails with ENOSPC (SQLite reports both as an error of the write; SIGXFSZ would kill instead)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_articles_listed_only_in_a_news_sitemap_survive_a_full_disk(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(11)
    NewsSite(mirror, per_page=11).publish(stories)  # the sitemap index leads to one news sitemap of 11
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url, listings=False, sitemaps=True)
    archive = tmp_path / "archive.sqlite"
    Archive(archive).close()  # the empty archive fits; its write-ahead log will not

    full = subprocess.run(
        crawl_command(archive, registry=registry, settings=FAST_FAIL),
        cwd=PROJECT_ROOT,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=240,
        preexec_fn=lambda: _limit_file_size(DISK_LEFT),
    )
    archived_on_full_disk = len(archived_urls(archive))
    assert archived_on_full_disk < len(stories), full.stderr[-3000:]
    assert "archiving" in full.stderr and "failed" in full.stderr  # the pipeline said so

    second = run_crawl(archive, registry=registry, settings=FAST_FAIL)

    assert second.returncode == 0, second.log[-3000:]
    assert archived_urls(archive) == sorted(mirror.base_url + s.path for s in stories)
    assert second.report["new"] == len(stories) - archived_on_full_disk


# --- 11. one crawl per archive; each prints its own report ------------------------------------------


def _ocop_crawl(archive: Path, registry: Path, **popen: object) -> subprocess.Popen[str]:
    command = [str(Path(sys.executable).with_name("ocop")), "crawl", "--site", "mirror", "--registry"]
    command += [str(registry), "--archive", str(archive)]
    for setting in ("AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0", "OCOP_RETRY_BACKOFF=0"):
        command += ["--set", setting]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, text=True, stderr=subprocess.PIPE, **popen)


def test_a_second_crawl_on_the_same_archive_is_refused_in_one_line(mirror: Mirror, tmp_path: Path) -> None:
    stories = make_stories(6)
    NewsSite(mirror).publish(stories)
    registry = tmp_path / "sites"
    write_registry(registry, mirror.base_url)
    archive = tmp_path / "archive.sqlite"
    mirror.gate, mirror.gate_after = threading.Event(), 2  # the first crawl stays busy until released

    first = _ocop_crawl(archive, registry, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while mirror.waiting_at_gate == 0:
            assert first.poll() is None and time.monotonic() < deadline, "the first crawl never got going"
            time.sleep(0.1)
        second = _ocop_crawl(archive, registry, stdout=subprocess.PIPE)
        _, refused = second.communicate(timeout=120)
    finally:
        mirror.gate.set()
    _, report = first.communicate(timeout=120)

    assert second.returncode == 6, refused  # ExitCode.ARCHIVE_BUSY
    lines = [line for line in refused.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("scrapy crawl: error: another crawl is writing to"), lines
    assert "(pid " in lines[0]  # names the crawl that holds the archive
    assert first.returncode == 0, report[-3000:]
    with Archive(archive) as store:
        [run] = store.last_runs()  # the refused crawl made no run and resumed nothing
        assert store.count() == len(stories) and run.status == "ok"
    assert f"#{run.run_id}" in report and "Crawl report" in report  # this crawl's own report
    assert lock_path(archive).exists()  # left for the next crawl; the lock itself died with its process
