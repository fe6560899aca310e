"""Run the real `scrapy crawl news` in a subprocess, the way cron does, and read what it stored."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.archive import Archive, CrawlRun
from tests.support.environment import PROJECT_ROOT

# Fast and deterministic for local mirrors: no AutoThrottle, no delay, no backoff sleeps.
FAST = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "OCOP_RETRY_BACKOFF": "0",
    "LOG_LEVEL": "INFO",
}


def crawl_command(
    archive: Path,
    *,
    site: str = "mirror",
    registry: Path | None = None,
    settings: dict[str, str] | None = None,
    args: dict[str, str] | None = None,
) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "news",
        "-a",
        f"site={site}",
        "-s",
        f"OCOP_ARCHIVE={archive}",
    ]
    if registry is not None:
        command += ["-a", f"registry={registry}"]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    return command


def crawl_env() -> dict[str, str]:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}


@dataclass
class CrawlResult:
    returncode: int
    log: str
    run: CrawlRun  # the latest run of the site: status, stats (with "report")

    @property
    def report(self) -> dict[str, Any]:
        return self.run.stats["report"]

    @property
    def stats(self) -> dict[str, Any]:
        return self.run.stats


def run_crawl(archive: Path, *, site: str = "mirror", timeout: float = 240, **kwargs: Any) -> CrawlResult:
    process = subprocess.run(
        crawl_command(archive, site=site, **kwargs),
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=crawl_env(),
    )
    run: CrawlRun | None = None
    if archive.exists():
        with Archive(archive) as store:
            run = next((r for r in store.last_runs() if r.site == site), None)
    tail = process.stderr[-4000:]
    assert run is not None, f"no crawl_runs row for {site}; exit {process.returncode}\n{tail}"
    return CrawlResult(process.returncode, process.stderr, run)


def archived_urls(archive: Path) -> list[str]:
    with Archive(archive) as store:
        return sorted(article.url for article in store.articles())
