"""GET /export over HTTP: headers, 4xx answers, and a client that leaves stops the work.

The disconnect test runs a real uvicorn server in a thread and a real client that reads one chunk
and closes the socket; the engine behind it is the embedded index, slowed down and watched.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest
import uvicorn
from fastapi.testclient import TestClient

import indexer.export as export_module
from indexer.engines.embedded import EmbeddedIndex
from indexer.export import COLUMNS
from indexer.query import SearchRequest, SearchResponse
from indexer.schema import Article
from indexer.settings import Settings
from search_api.app import create_app
from tests.support.tricky_articles import ARTICLES, build_archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("export-api") / "archive.sqlite")


@pytest.fixture(scope="module")
def client(archive: Path) -> TestClient:
    app = create_app(Settings(archive=archive, engine="embedded"))
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [("csv", "text/csv"), ("jsonl", "application/x-ndjson"), ("parquet", "application/vnd.apache.parquet")],
)
def test_headers_name_the_file_and_carry_the_provenance(
    client: TestClient, fmt: str, media_type: str
) -> None:
    response = client.get("/export", params={"format": fmt, "q": "san pham", "site": "baomau.vn"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    disposition = response.headers["content-disposition"]
    assert re.fullmatch(rf'attachment; filename="ocop-export-\d{{8}}-\d{{4}}\.{fmt}"', disposition)
    provenance = json.loads(response.headers["x-ocop-provenance"])
    assert provenance["query"] == "san pham" and provenance["filters"] == {"site": ["baomau.vn"]}
    assert provenance["total"] == provenance["rows"] == ARTICLES // 3
    assert provenance["engine"] == "embedded" and provenance["format"] == fmt
    assert provenance["fields"] == list(COLUMNS)


def test_the_whole_result_set_ignoring_page_and_size(client: TestClient) -> None:
    response = client.get("/export", params={"format": "parquet", "page": 3, "size": 5})
    assert pq.read_table(io.BytesIO(response.content)).num_rows == ARTICLES


def test_csv_formulas_are_neutralised_unless_raw_is_asked(client: TestClient) -> None:
    def titles(**params: str) -> list[str]:
        response = client.get("/export", params={"fields": "title", **params})
        return [row[0] for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))][1:]

    safe, raw = titles(), titles(raw="true")
    assert any(title.startswith("=SUM") for title in raw)  # the archive holds formula-like titles
    assert not any(title.startswith(("=", "+", "-", "@")) for title in safe)
    assert safe == ["'" + t if t.startswith(("=", "+", "-", "@")) else t for t in raw]
    provenance = client.get("/export", params={"limit": 1, "raw": "true"}).headers["x-ocop-provenance"]
    assert json.loads(provenance)["raw"] is True


def test_fields_comma_separated_or_repeated_and_limit(client: TestClient) -> None:
    for params in ({"fields": "id,title"}, [("fields", "id"), ("fields", "title")]):
        response = client.get("/export", params=params)
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == ["id", "title"] and len(rows) == ARTICLES + 1
    lines = client.get("/export", params={"format": "jsonl", "limit": 12}).content.splitlines()
    assert len(lines) == 12


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"format": "xlsx"}, "unknown format 'xlsx'"),
        ({"fields": "id,body"}, "unknown field 'body'"),
        ({"limit": "0"}, "limit"),
        ({"stars": "7"}, "stars"),
        ({"from": "2024-05-01", "to": "2024-01-01"}, "after"),
        ({"q": "x" * 600}, "long"),
        ({"format": "jsonl", "limit": "9223372036854775808"}, "limit"),  # past any 64-bit integer
        ({"limit": "1000000001"}, "limit"),
        ({"raw": "sometimes"}, "raw"),
    ],
)
def test_bad_requests_are_400_with_a_message(client: TestClient, params: dict, fragment: str) -> None:
    response = client.get("/export", params=params)
    assert response.status_code == 400
    assert fragment in response.json()["error"]


class WatchedIndex:
    """The embedded index, with a scan that is slow and reports how far it got and when it closed."""

    def __init__(self, inner: EmbeddedIndex, delay: float):
        self.inner, self.delay, self.name = inner, delay, inner.name
        self.scanned = 0
        self.fail_after: int | None = None  # rows after which the scan fails, as a dying disk would
        self.hold_after: int | None = None  # rows after which the scan waits for `release`, so a test
        self.release = threading.Event()  # on a loaded machine cannot see the export end too early
        self.closed = threading.Event()

    def search(self, request: SearchRequest) -> SearchResponse:
        return self.inner.search(request)

    def scan(self, request: SearchRequest) -> Iterator[Article]:
        try:
            for article in self.inner.scan(request):
                time.sleep(self.delay)
                if self.scanned == self.fail_after:
                    raise OSError("disk I/O error (injected)")
                if self.scanned == self.hold_after:
                    self.release.wait(timeout=30)
                self.scanned += 1
                yield article
        finally:
            self.closed.set()

    def index(self, articles: Iterable[Article]) -> int:
        raise NotImplementedError

    def health(self) -> dict[str, object]:
        return self.inner.health()


@contextmanager
def _serving(archive: Path, watched: WatchedIndex, **settings: object) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(Settings(archive=archive, engine="embedded", **settings), index=watched)  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(archive: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, WatchedIndex]]:
    monkeypatch.setattr(export_module, "CHUNK_BYTES", 8192)  # chunks of a few articles, as with real ones
    watched = WatchedIndex(EmbeddedIndex(archive), delay=0.01)  # a full export would take 3 s
    with _serving(archive, watched, max_exports=1) as base:
        yield base, watched


def test_a_client_that_disconnects_stops_the_export(server: tuple[str, WatchedIndex]) -> None:
    base, watched = server
    with httpx.stream("GET", f"{base}/export", params={"format": "csv"}, timeout=10) as response:
        assert response.status_code == 200
        first = next(response.iter_raw())
        assert first.startswith(b"\xef\xbb\xbfid,")
    # leaving the block closes the connection with most of the export unread
    assert watched.closed.wait(timeout=3), "the engine's scan was not closed after the client left"
    stopped_at = watched.scanned
    time.sleep(0.3)
    assert watched.scanned == stopped_at < ARTICLES // 2


def test_a_client_that_stays_gets_everything(server: tuple[str, WatchedIndex]) -> None:
    base, watched = server
    watched.delay = 0
    response = httpx.get(f"{base}/export", params={"format": "jsonl", "fields": "id"}, timeout=30)
    assert len(response.content.splitlines()) == ARTICLES == watched.scanned
    assert watched.closed.is_set()


def test_exports_beyond_the_limit_are_429_with_retry_after(server: tuple[str, WatchedIndex]) -> None:
    base, watched = server
    with httpx.stream("GET", f"{base}/export", params={"format": "csv"}, timeout=10) as first:
        assert first.status_code == 200
        chunks = first.iter_raw()  # kept: a dropped iterator is closed, and the connection with it
        next(chunks)  # the only export slot of this server is taken
        refused = httpx.get(f"{base}/export", params={"format": "jsonl"}, timeout=10)
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 0 and "export" in refused.json()["error"]
        assert httpx.get(f"{base}/search", timeout=10).status_code == 200  # searches are not held up
    assert watched.closed.wait(timeout=3)
    deadline = time.monotonic() + 5
    while True:  # the slot comes back once the first export's stream is closed
        again = httpx.get(
            f"{base}/export", params={"format": "jsonl", "fields": "id", "limit": 3}, timeout=10
        )
        if again.status_code != 429 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert again.status_code == 200 and len(again.content.splitlines()) == 3


def test_a_failure_half_way_cuts_the_stream_visibly_and_is_logged(
    server: tuple[str, WatchedIndex], caplog: pytest.LogCaptureFixture
) -> None:
    base, watched = server
    watched.delay, watched.fail_after = 0, 60
    received = bytearray()
    params = {"format": "jsonl", "q": "san pham"}
    with (
        caplog.at_level(logging.ERROR, logger="search_api.export"),
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream("GET", f"{base}/export", params=params) as response,
    ):
        assert response.status_code == 200  # the first rows were already on their way
        for chunk in response.iter_raw():
            received += chunk
    assert received and len(received.splitlines()) < 60  # a cut transfer, not a short file that looks whole
    logged = [r for r in caplog.records if "export failed half-way" in r.getMessage()]
    assert logged and "q=san+pham" in logged[0].getMessage() and logged[0].exc_info


def test_one_client_cannot_take_every_slot_from_the_others(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "CHUNK_BYTES", 8192)
    watched = WatchedIndex(EmbeddedIndex(archive), delay=0.0)
    watched.hold_after = 100  # well past the first chunk; the export holds its slot until released
    elsewhere = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=10)
    with _serving(archive, watched, max_client_requests=1) as base, elsewhere:
        with httpx.stream("GET", f"{base}/export", timeout=30) as busy:  # this client's one request
            chunks = busy.iter_raw()  # kept: a dropped iterator is closed, and the connection with it
            next(chunks)
            refused = httpx.get(f"{base}/search", timeout=10)
            assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
            assert "your address" in refused.json()["error"]
            assert elsewhere.get(f"{base}/search").status_code == 200  # another client is served at once
            assert httpx.get(f"{base}/facets", timeout=10).status_code == 200  # cheap answers are not limited
            watched.release.set()
        deadline = time.monotonic() + 5
        while httpx.get(f"{base}/search", timeout=10).status_code == 429:  # its slot comes back
            assert time.monotonic() < deadline
            time.sleep(0.05)
