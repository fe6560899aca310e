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


def test_stories_show_a_storys_spread_across_outlets(client: TestClient, engine: SearchIndex) -> None:
    from tests.support.contract_articles import ID, KEY

    story = client.get(f"/stories/{ID['wire_a']}").json()
    assert story["size"] == 3 and KEY[story["original"]["id"]] == "wire_c"
    assert [KEY[c["id"]] for c in story["copies"]] == ["wire_c", "wire_a", "wire_b"]
    assert story["first_published"].startswith("2025-03-10T07:00")
    assert story["last_published"].startswith("2025-03-10T14:00")
    assert {b["value"]: b["label"] for b in story["outlets"]}["vnexpress.net"] == "VnExpress"
    assert story["days"] == [{"value": "2025-03-10", "count": 3, "selected": False, "label": None}]
    assert story["agencies"][0]["value"] == "TTXVN" and story["credits_agency"] is True
    alone = client.get(f"/stories/{ID['sen_dongthap']}").json()
    assert alone["size"] == 1 and alone["credits_agency"] is False
    missing = client.get("/stories/no-such-story")
    assert missing.status_code == 404 and missing.json()["error"]


def test_collapse_on_search_and_its_errors(client: TestClient) -> None:
    collapsed = client.get("/search", params={"q": "16.000", "collapse": "story"}).json()
    assert collapsed["total"] == 3 and collapsed["total_stories"] == 1
    assert len(collapsed["hits"]) == 1 and len(collapsed["hits"][0]["copies"]) == 3
    for params in ({"collapse": "site"}, {"collapse": "story", "cursor": "abc"}):
        response = client.get("/search", params=params)
        assert response.status_code == 400 and response.json()["error"]
