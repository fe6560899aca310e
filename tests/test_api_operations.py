"""What operators and clients rely on beyond search results: read-only serving, an honest /health,
an OpenAPI document that lists the real answers, and headers that keep the page safe.
"""

from __future__ import annotations

import base64
import json
import random
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import SearchTimeout
from indexer.query import SearchRequest, SearchResponse
from indexer.settings import Settings
from search_api.app import create_app
from tests.support.tricky_articles import build_archive


def _client(archive: Path, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(archive=archive, **settings)), raise_server_exceptions=False)


# --- 3. reading never writes ----------------------------------------------------------------------


def test_a_missing_archive_is_503_with_the_reason_and_is_never_created(tmp_path: Path) -> None:
    missing = tmp_path / "archive.sqlite"
    client = _client(missing)
    for path in ("/search", "/articles/abc", "/timeline", "/export"):
        response = client.get(path)
        assert response.status_code == 503, (path, response.text)
        assert response.json()["error"] == "search engine unavailable: no archive at archive.sqlite"
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_an_archive_deleted_under_a_running_server_stays_gone(small_archive: Path) -> None:
    client = _client(small_archive)
    article_id = client.get("/search").json()["hits"][0]["id"]
    assert client.get(f"/articles/{article_id}").status_code == 200
    for path in small_archive.parent.glob("archive.sqlite*"):
        if path.is_file():  # the archive and its -wal/-shm; the embedded index folder stays
            path.unlink()
    assert client.get(f"/articles/{article_id}").status_code == 503
    assert client.get("/search").status_code == 503  # not "0 results" from a new, empty archive
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["status"] == "degraded"
    assert "no archive" in health.json()["reasons"][0]
    assert not small_archive.exists()


# --- 7. /health checks integrity and shows no path ----------------------------------------------


def _overwrite_pages_of(archive: Path, table: str) -> None:
    """Random bytes over every page of one table, as a failing disk or a careless `dd` would leave."""
    with sqlite3.connect(archive) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    noise = random.Random(13)
    with archive.open("r+b") as file:
        for page in pages:
            file.seek((page - 1) * page_size)
            file.write(noise.randbytes(page_size))


def test_health_says_degraded_with_the_reason_when_the_archive_is_damaged(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "archive.sqlite", count=200)
    client = _client(archive, health_check_seconds=0)
    healthy = client.get("/health")
    assert healthy.status_code == 200 and healthy.json()["status"] == "ok"
    assert healthy.json()["archive"]["articles"] == 200

    _overwrite_pages_of(archive, "articles")  # the articles' rows; counting (by an index) still works

    assert client.get("/search", params={"q": "san pham"}).status_code == 503
    deadline = time.monotonic() + 30
    while (health := client.get("/health")).status_code == 200:  # the check is renewed in the background
        assert time.monotonic() < deadline, "the damage never showed in /health"
        time.sleep(0.05)
    assert health.status_code == 503, health.text
    body = health.json()
    assert body["status"] == "degraded" and "damaged" in " ".join(body["reasons"])
    assert str(tmp_path) not in health.text  # public: no server paths


def test_health_keeps_its_integrity_verdict_for_the_configured_time(small_archive: Path) -> None:
    client = _client(small_archive, health_check_seconds=3600)
    assert client.get("/health").json()["status"] == "ok"
    checked_at = client.app.state.health._integrity[0]  # type: ignore[attr-defined]
    time.sleep(0.01)
    assert client.get("/health").json()["status"] == "ok"
    assert client.app.state.health._integrity[0] == checked_at  # type: ignore[attr-defined]  # not re-read


def test_health_shows_no_path_and_names_the_last_crawls(small_archive: Path) -> None:
    body = _client(small_archive).get("/health").json()
    assert body["status"] == "ok"
    assert body["engine"] == {"engine": "embedded", "articles": 5, "index_behind_archive": 0}
    assert str(small_archive.parent) not in str(body) and "path" not in str(body)


# --- 5. a search past its time budget ----------------------------------------------------------------


class OverBudget(EmbeddedIndex):
    """The embedded engine with a time budget of zero: every search runs out of time."""

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        response = super().search(request)
        raise SearchTimeout(f"gave up after {time.perf_counter() - started:.3f} s (budget 0 s)")
        return response  # pragma: no cover


def test_a_search_past_its_time_budget_is_503_with_a_message(small_archive: Path) -> None:
    app = create_app(Settings(archive=small_archive), index=OverBudget(small_archive))
    response = TestClient(app).get("/search", params={"q": "ocop"})
    assert response.status_code == 503
    assert response.json()["error"].startswith("the search took too long and was stopped (gave up after")
    assert int(response.headers["retry-after"]) > 0


# --- 8. a malformed cursor is the client's mistake ------------------------------------------------


def _cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        _cursor(b"[" * 1000),  # nested past the JSON parser's recursion limit
        _cursor(json.dumps({"s": "newest", "v": int("9" * 400), "i": "x"}).encode()),  # beyond a float
        _cursor(b"\xff\xfe"),  # not even text
        "!!!",
    ],
)
@pytest.mark.parametrize("path", ["/search", "/timeline"])
def test_a_malformed_cursor_is_400_with_a_message(small_archive: Path, path: str, cursor: str) -> None:
    response = _client(small_archive).get(path, params={"cursor": cursor, "sort": "newest"})
    assert response.status_code == 400, response.text
    assert "cursor" in response.json()["error"]


# --- 10. the OpenAPI document declares the answers the server gives ---------------------------------


def test_openapi_declares_400_404_429_503_with_the_error_schema_and_no_422(small_archive: Path) -> None:
    client = _client(small_archive)
    document = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert document["components"]["schemas"]["ErrorBody"]["required"] == ["error"]
    declared = {
        (path, status): answer
        for path, operations in document["paths"].items()
        for status, answer in operations["get"]["responses"].items()
    }
    assert not any(status == "422" for _, status in declared)
    # what the server really answers to bad requests is declared, with the error schema
    answers = {
        "/search": client.get("/search", params={"size": "100000"}),
        "/timeline": client.get("/timeline", params={"from": "nope"}),
        "/export": client.get("/export", params={"format": "xlsx"}),
        "/articles/{article_id}": client.get("/articles/missing"),
    }
    for path, response in answers.items():
        schema = declared[(path, str(response.status_code))]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorBody"}, path
        assert set(response.json()) == {"error"}
    assert ("/export", "429") in declared and ("/search", "503") in declared


# --- extras: headers and the documentation's assets ------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/search", "/docs", "/export?limit=1", "/static/app.js"])
def test_every_answer_carries_the_security_headers(small_archive: Path, path: str) -> None:
    headers = _client(small_archive).get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert (
        headers["x-frame-options"] == "DENY"
        and "frame-ancestors 'none'" in headers["content-security-policy"]
    )
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"


def test_the_api_documentation_loads_nothing_from_elsewhere(small_archive: Path) -> None:
    client = _client(small_archive)
    page = client.get("/docs").text
    assert "http://" not in page and "https://" not in page and "cdn" not in page.lower()
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset
