"""The bundled sample site through `ocop crawl` (which runs the real `scrapy crawl`), twice.

The first run archives every article; the scheduled second run over the unchanged site asks only
for its entry points (answered 304) and fetches no article. The speed of the first run is printed
(`pytest -s`) for the record, not asserted: it depends on the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from indexer.archive import Archive
from samples.server import serve_sample_site
from tests.support.environment import PROJECT_ROOT


def ocop_crawl(base_url: str, archive: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-c",
        "from ocop_watch.cli import main; main()",
        "crawl",
        "--site",
        "sample",
        "--base-url",
        base_url,
        "--archive",
        str(archive),
        "--set",
        "AUTOTHROTTLE_ENABLED=False",
        "--set",
        "DOWNLOAD_DELAY=0",
        "--set",
        "LOG_LEVEL=WARNING",
    ]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, env=env)


def test_scrapy_list_shows_the_spider() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.split() == ["news"], result.stderr


def test_sample_site_first_run_archives_all_second_run_only_entry_points(tmp_path: Path) -> None:
    from samples.sitegen import load_articles

    archive = tmp_path / "archive.sqlite"
    with serve_sample_site() as base_url:
        started = time.monotonic()
        first = ocop_crawl(base_url + "/", archive)
        took = time.monotonic() - started
        assert first.returncode == 0, first.stderr[-3000:]
        assert "Crawl report" in first.stderr and "sample" in first.stderr
        with Archive(archive) as store:
            [run] = store.last_runs()
            count = store.count()
        report = run.stats["report"]
        assert count >= len(load_articles()) and report["new"] == count
        print(
            f"\nsample site, first run: {report['fetched']} pages in {report['seconds']:.1f} s of crawling"
            f" = {report['fetched'] / report['seconds']:.1f} pages/s ({took:.1f} s with process start)"
        )

        second = ocop_crawl(base_url + "/", archive)
        assert second.returncode == 0, second.stderr[-3000:]
        with Archive(archive) as store:
            [run] = store.last_runs()
            assert store.count() == count
        report = run.stats["report"]
        entry_points = 3  # /tag/ocop, /rss/ocop.rss, /sitemap.xml (sample.toml)
        assert report["requests"] == entry_points
        assert "article" not in report["fetched_by_kind"]
        assert report["new"] == report["updated"] == 0
        print(f"second run: {report['requests']} requests ({report['fetched_by_kind']})")
