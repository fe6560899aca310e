"""A crawl killed with SIGKILL half-way and started again finishes with nothing lost or doubled.

The mirror lets the first 8 article requests through and holds the rest, so the crawl is certainly
half-way (8 of 30 articles archived, more requested and waiting) when the test kills it: no sleep
decides when. The restart must notice the unfinished run, paginate past the listing pages whose
articles are already archived, and fetch exactly the 22 articles that are missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from indexer.archive import Archive
from tests.support.environment import PROJECT_ROOT
from tests.support.mirrors import Mirror, NewsSite, make_stories, write_registry
from tests.support.mirrors.crawl import archived_urls, crawl_command, crawl_env, run_crawl


def _wait_for(condition, what: str, timeout: float = 90.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _count(archive: Path) -> int:
    if not archive.exists():
        return 0
    with Archive(archive) as store:
        return store.count()


def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    stories = make_stories(30)  # 6 listing pages of 5
    registry = tmp_path / "sites"
    archive = tmp_path / "archive.sqlite"
    with Mirror().running() as mirror:
        NewsSite(mirror).publish(stories)
        write_registry(registry, mirror.base_url, rss=True)
        mirror.gate, mirror.gate_after = threading.Event(), 8

        process = subprocess.Popen(
            crawl_command(archive, registry=registry, settings={"DOWNLOAD_TIMEOUT": "120"}),
            cwd=PROJECT_ROOT,
            env=crawl_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _wait_for(lambda: _count(archive) == 8 and mirror.waiting_at_gate > 0, "8 articles archived")
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.communicate(timeout=30)
        assert process.returncode == -signal.SIGKILL
        killed_with = set(archived_urls(archive))
        assert len(killed_with) == 8
        with Archive(archive) as store:
            assert store.unfinished_runs("mirror"), "the killed run must look unfinished"

        mirror.gate.set()  # the dead crawl's held requests are answered into closed sockets
        mirror.gate = None
        _wait_for(lambda: len(mirror.paths("/bai/")) == mirror.served_articles, "held requests to drain")
        mirror.clear_hits()
        resumed = run_crawl(archive, registry=registry)

        assert resumed.returncode == 0, resumed.log[-3000:]
        expected = {mirror.base_url + s.path for s in stories}
        assert set(archived_urls(archive)) == expected  # nothing lost
        fetched = mirror.paths("/bai/")
        assert len(fetched) == len(set(fetched)) == 22  # each missing article fetched once
        assert {mirror.base_url + p for p in fetched} == expected - killed_with
        assert resumed.report["new"] == 22 and resumed.report["updated"] == 0
        with Archive(archive) as store:
            assert store.count() == 30  # nothing doubled
            assert {store.version(a.id) for a in store.articles()} == {1}
            assert not store.unfinished_runs("mirror")
            statuses = [
                row["status"] for row in store.conn.execute("SELECT status FROM crawl_runs ORDER BY run_id")
            ]
        assert statuses == ["resumed", "ok"]
