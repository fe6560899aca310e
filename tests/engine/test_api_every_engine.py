"""The API's promises that depend on the engine, checked on every engine: malformed cursors are a
400 with a message on /search and /timeline, and a search past its time budget is a 503 that says so.
"""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient

from indexer.engines.base import SearchIndex
from search_api.app import create_app


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


BAD_CURSORS = [
    "not-a-cursor",
    _b64("[" * 1000),
    _b64('{"s":"newest","a":[' + "9" * 400 + ',"x"]}'),
    _b64('{"s":"newest","a":[' + "9" * 400 + ',"x",1]}'),
    _b64('{"s":"relevance","a":[1e999,1,1]}'),
    _b64("9" * 400),
]


@pytest.fixture
def client(engine: SearchIndex) -> TestClient:
    return TestClient(create_app(index=engine), raise_server_exceptions=False)


@pytest.mark.parametrize("endpoint", ["/search", "/timeline"])
@pytest.mark.parametrize("cursor", BAD_CURSORS, ids=lambda c: repr(c)[:24])
@pytest.mark.parametrize("params", [{"sort": "newest"}, {"q": "ocop"}], ids=["newest", "relevance"])
def test_malformed_cursors_are_400(client: TestClient, endpoint: str, cursor: str, params: dict) -> None:
    response = client.get(endpoint, params={**params, "cursor": cursor})
    assert response.status_code == 400, response.text
    assert "cursor" in response.json()["error"]


def test_a_search_past_its_budget_is_a_503_that_says_so(
    client: TestClient, engine: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "time_budget", 1e-9)  # spent before the engine answers
    for endpoint in ("/search", "/timeline"):
        response = client.get(endpoint, params={"q": "ocop"})
        assert response.status_code == 503 and "budget" in response.json()["error"]
