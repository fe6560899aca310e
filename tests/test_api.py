"""The API over a real embedded index: answers, and 4xx (never 500) for every bad request."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.settings import Settings
from search_api.app import create_app


@pytest.fixture
def client(small_archive: Path) -> TestClient:
    return TestClient(
        create_app(Settings(archive=small_archive, engine="embedded")), raise_server_exceptions=False
    )


def test_search_without_diacritics_highlights_original_text(client: TestClient) -> None:
    body = client.get("/search", params={"q": "san pham ocop"}).json()
    assert body["relaxed"]["strict_total"] == 2  # both words: listed first, then those holding one
    strict = body["hits"][:2]
    titles = {hit["title"] for hit in strict}
    assert titles == {"Sản phẩm OCOP Đồng Tháp vươn ra thị trường", "Hội chợ nông sản Hà Nội"}
    assert all("<mark>sản phẩm OCOP</mark>" in hit["snippet"] for hit in strict)
    counted = client.get("/search", params={"q": "san pham ocop", "size": 0}).json()
    assert counted["total"] == 2 and counted["relaxed"] is None  # counts never relax


def test_facets_are_multi_select(client: TestClient) -> None:
    everything = client.get("/search").json()
    assert everything["total"] == 5
    site_counts = {b["value"]: b["count"] for b in everything["facets"]["site"]}
    assert site_counts == {"mau.vn": 4, "baomoi.vn": 1}
    selected = client.get("/search", params={"site": "baomoi.vn"}).json()
    assert selected["total"] == 1
    # the site facet ignores its own selection; the others follow it
    assert {b["value"]: b["count"] for b in selected["facets"]["site"]} == site_counts
    assert {b["value"]: b["count"] for b in selected["facets"]["stars"]} == {"3": 1}
    assert [b["selected"] for b in selected["facets"]["site"] if b["value"] == "baomoi.vn"] == [True]


def test_date_range_and_histogram(client: TestClient) -> None:
    body = client.get("/search", params={"from": "2022-01-01", "to": "2023-12-31", "interval": "year"}).json()
    assert body["total"] == 2
    # the histogram ignores the date selection so the timeline still shows every year
    assert {b["value"]: b["count"] for b in body["histogram"]} == {"2022": 1, "2023": 1, "2024": 1, "2025": 1}


def test_sort_newest_puts_undated_last(client: TestClient) -> None:
    hits = client.get("/search", params={"sort": "newest"}).json()["hits"]
    assert [h["published_at"] is None for h in hits] == [False, False, False, False, True]
    assert hits[0]["title"] == "Kết quả xổ số miền Bắc"


def test_article_and_missing_article(client: TestClient) -> None:
    hit = client.get("/search", params={"q": "xo so"}).json()["hits"][0]
    article = client.get(f"/articles/{hit['id']}").json()
    assert article["title"] == "Kết quả xổ số miền Bắc"
    missing = client.get("/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["error"]


BAD_PARAMETERS = [
    ({"from": "2024-13-45"}, "from"),
    ({"size": "10000"}, "size"),
    ({"sort": "popular"}, "sort"),
    ({"page": str(10**9)}, "page"),
    ({"page": "500", "size": "100"}, "cursor"),
    ({"stars": "7"}, "stars"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"from": "2024-05-01", "to": "2024-01-01"}, "after"),
    ({"q": "x" * 600}, "long"),
    ({"to": "9999-12-31"}, "between"),
    ({"from": "0001-01-01"}, "between"),
    ({"site": [f"s{i}.vn" for i in range(600)]}, "at most"),
    ({"product_group": "Đồ ăn"}, "six groups"),
    ({"province": "Atlantis"}, "province"),
    ({"is_ocop": "maybe"}, "is_ocop"),
    ({"interval": "fortnight"}, "interval"),
    ({"q": "(sâm ngọc linh"}, "'(' at character 1 is never closed"),  # malformed queries say where
    ({"q": "mật ong OR"}, "OR at character 9"),
    ({"q": "ocop title:"}, "field at character 6"),
]


@pytest.mark.parametrize(
    ("endpoint", "params", "fragment"),
    [
        (endpoint, params, fragment)
        for endpoint in ("/search", "/timeline", "/export", "/terms", "/claims")
        for params, fragment in BAD_PARAMETERS
        # exports and the ledger read every match, not a page: no cursor to get wrong
        if not (endpoint in ("/export", "/claims") and params.get("cursor"))
    ],
)
def test_bad_parameters_are_4xx_with_message(
    client: TestClient, endpoint: str, params: dict, fragment: str
) -> None:
    response = client.get(endpoint, params=params)
    assert 400 <= response.status_code < 500, response.text
    assert fragment in response.json()["error"]


def test_repeated_filter_values_collapse(client: TestClient) -> None:
    response = client.get("/search", params={"stars": ["3", "4"] * 300})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 3


def test_timeline_counts_only_the_selected_period(client: TestClient) -> None:
    body = client.get("/timeline", params={"from": "2023-01-01", "interval": "year"}).json()
    (series,) = body["series"]
    assert series["total"] == 3
    assert [(p["period"], p["count"]) for p in series["points"]] == [("2023", 1), ("2024", 1), ("2025", 1)]
    month = client.get("/timeline", params={"from": "2022-08-10", "to": "2023-05-02"}).json()
    counts = {p["period"]: p["count"] for p in month["series"][0]["points"]}
    assert len(counts) == 10 and counts["2022-08"] == counts["2023-05"] == 1 and sum(counts.values()) == 2
    # a cut month counts only its selected days: 2 May is in, 2022-08-10 is in, 3 May would not be
    cut = client.get("/timeline", params={"from": "2022-08-11", "to": "2023-05-01"}).json()
    assert sum(p["count"] for p in cut["series"][0]["points"]) == 0


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"sản phẩm',
        "NEAR(ocop",
        "^ocop",
        "title:ocop",
        "ocop AND",
        "NOT",
        "* OR -",
        "ocop)",
        "'; DROP TABLE articles; --",
    ],
)
def test_hostile_query_text_never_500(client: TestClient, q: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 400), response.text
    assert "fts5" not in response.text.lower()


def test_health_and_openapi(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["engine"]["articles"] == 5
    assert client.get("/openapi.json").status_code == 200
    assert "ocop-watch" in client.get("/").text


def test_unreadable_archive_is_503_with_the_reason(tmp_path: Path) -> None:
    broken = tmp_path / "archive.sqlite"
    broken.write_bytes(b"this is not a SQLite database, it was overwritten by mistake" * 100)
    client = TestClient(create_app(Settings(archive=broken)), raise_server_exceptions=False)
    for path in ("/search", "/articles/abc", "/export?format=csv"):
        response = client.get(path)
        assert response.status_code == 503, (path, response.text)
        assert "cannot be read" in response.json()["error"]


def test_story_filters_to_the_near_duplicates(tmp_path: Path) -> None:
    from tests.support.contract_articles import ID, build_archive

    archive = build_archive(tmp_path / "contract.sqlite")
    client = TestClient(create_app(Settings(archive=archive, engine="embedded")))
    wire = client.get("/search", params={"q": "16.000", "site": "nongnghiep.vn"}).json()["hits"]
    assert [(h["id"], h["story_id"], h["story_size"]) for h in wire] == [(ID["wire_a"], ID["wire_a"], 3)]
    body = client.get("/search", params={"story": ID["wire_a"]}).json()
    assert body["total"] == 3 and {h["id"] for h in body["hits"]} == {
        ID[k] for k in ("wire_a", "wire_b", "wire_c")
    }
    assert "story" not in body["facets"]
    assert client.get("/search", params={"story": "no-such-story"}).json()["total"] == 0
