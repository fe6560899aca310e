"""`ocop serve` as deployed: several workers, serving from an archive it may only read.

Each test starts the real command (uvicorn workers in their own processes) and talks HTTP to it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
import pytest

from indexer.archive import Archive
from indexer.engines.embedded import EmbeddedIndex
from tests.support.environment import PROJECT_ROOT
from tests.support.readonly import as_another_user, on_readonly_mount, readable_folder
from tests.support.small_archive import build_small_archive, make_article

OCOP = str(Path(sys.executable).with_name("ocop"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(command: list[str]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Runs a server command (given --port here) until the block ends; yields its URL and process."""
    port = _free_port()
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its workers share its process group: stopped together below
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/health", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.communicate(timeout=10)[0] if process.poll() is not None else ""
                    pytest.fail(f"the server did not start (exit {process.poll()}): {output[-3000:]}")
                time.sleep(0.1)
        yield base, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=30)


def _answers_every_read(base: str) -> None:
    found = httpx.get(f"{base}/search", params={"q": '"san pham ocop"'}, timeout=30)
    assert found.status_code == 200, found.text
    hits = found.json()["hits"]
    assert found.json()["total"] == 2 and len(hits) == 2
    assert httpx.get(f"{base}/articles/{hits[0]['id']}", timeout=30).status_code == 200
    assert httpx.get(f"{base}/timeline", timeout=30).json()["series"][0]["total"] == 4  # one undated
    exported = httpx.get(f"{base}/export", params={"format": "jsonl"}, timeout=30)
    assert exported.status_code == 200 and len(exported.content.splitlines()) == 5
    health = httpx.get(f"{base}/health", timeout=30)
    assert health.status_code == 200 and health.json()["status"] == "ok", health.text


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.iterdir()}


def test_serves_an_archive_owned_by_another_user_without_writing_to_it() -> None:
    with readable_folder() as folder:
        archive = build_small_archive(folder / "archive.sqlite")
        before = _files(folder)
        command = as_another_user(folder, [OCOP, "serve", "--archive", str(archive)])
        with serving(command) as (base, _):
            _answers_every_read(base)
        assert _files(folder) == before  # not a byte written, no -wal or -shm file created


def test_serves_an_archive_on_a_read_only_mount() -> None:
    with readable_folder() as folder:
        archive = build_small_archive(folder / "archive.sqlite")
        before = _files(folder)
        with serving(on_readonly_mount(folder, [OCOP, "serve", "--archive", str(archive)])) as (base, _):
            _answers_every_read(base)
        assert _files(folder) == before


def _archive_with_an_index_one_change_behind(folder: Path) -> Path:
    """The small archive, its embedded index beside it, then one more article the index lacks:
    a server that reads the index it finds says it is one change behind (one that indexed the
    archive in memory would not be)."""
    archive = build_small_archive(folder / "archive.sqlite")
    EmbeddedIndex(archive).sync()
    with Archive(archive) as store:
        store.upsert(make_article(6, "Làng gốm Bát Tràng", "Gốm Bát Tràng đạt 4 sao OCOP."))
    return archive


def _answers_from_the_index_it_finds(base: str) -> None:
    health = httpx.get(f"{base}/health", timeout=30).json()
    assert health["engine"] == {"engine": "embedded", "articles": 5, "index_behind_archive": 1}, health
    found = httpx.get(f"{base}/search", params={"q": '"san pham ocop"'}, timeout=30)
    assert found.status_code == 200 and found.json()["total"] == 2, found.text
    assert httpx.get(f"{base}/search", params={"q": "bat trang"}, timeout=30).json()["total"] == 0


@pytest.mark.parametrize("how", ["another user", "read-only mount"])
def test_serves_the_embedded_index_it_may_not_write(how: str) -> None:
    """The index beside the archive is read as it is (tantivy's lock is taken in a private view of
    it), never caught up, and nothing in the folder changes."""
    with readable_folder() as folder:
        archive = _archive_with_an_index_one_change_behind(folder)
        index_folder = folder / "archive.sqlite-index"
        before = {path: path.stat().st_mtime_ns for path in (folder, *folder.rglob("*"))}
        command = [OCOP, "serve", "--archive", str(archive)]
        wrapped = (
            as_another_user(folder, command) if how == "another user" else on_readonly_mount(folder, command)
        )
        with serving(wrapped) as (base, _):
            _answers_from_the_index_it_finds(base)
        assert index_folder.is_dir()
        assert {path: path.stat().st_mtime_ns for path in (folder, *folder.rglob("*"))} == before


def test_ocop_serve_runs_several_workers_by_default(small_archive: Path) -> None:
    with serving([OCOP, "serve", "--archive", str(small_archive)]) as (base, process):
        server = psutil.Process(process.pid)  # `ocop serve` became uvicorn's supervisor (exec)
        workers = [child for child in server.children() if "multiprocessing" in " ".join(child.cmdline())]
        assert len(workers) >= 2, [c.cmdline() for c in server.children()]
        assert httpx.get(f"{base}/search", timeout=30).json()["total"] == 5


def test_ocop_serve_refuses_a_missing_archive_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [OCOP, "serve", "--archive", str(tmp_path / "nowhere.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 5, result.stderr  # ExitCode.ARCHIVE_UNAVAILABLE
    assert result.stderr.strip().splitlines() == [
        f"ocop: error: no archive at {tmp_path / 'nowhere.sqlite'};"
        " crawl first (ocop crawl) or pass --archive"
    ]
    assert not (tmp_path / "nowhere.sqlite").exists()
