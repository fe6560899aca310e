"""GET /terms and GET /claims over HTTP: JSON, the ledger's CSV, the pages, and 400s with a message."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from indexer.settings import Settings
from search_api.app import create_app
from tests.analysis_fixtures import build_analysis_archive


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    archive = build_analysis_archive(tmp_path_factory.mktemp("analysis-api") / "archive.sqlite")
    return TestClient(create_app(Settings(archive=archive, engine="embedded")), raise_server_exceptions=False)


def test_terms_answer_with_the_sample_they_read(client: TestClient) -> None:
    body = client.get("/terms", params={"q": "mật ong", "sample": 3, "limit": 5}).json()
    assert body["sample"] == {"size": 3, "of": 6, "order": "newest", "sampled": True}
    assert len(body["terms"]) <= 5 and body["cooperatives"][0]["name"] == "HTX Hoa Đá"
    assert set(body["took_ms"]) == {"read", "reading", "background"}


def test_claims_csv_is_one_row_per_claim_with_formulas_neutralised(client: TestClient) -> None:
    response = client.get("/claims", params={"province": "Đắk Lắk", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["province"], r["period"], r["count"], r["stars"], r["sentence"]) for r in rows] == [
        ("Đắk Lắk", "2024-05", "5", "5", "'=5 sản phẩm cà phê đạt 5 sao")
    ]
    raw = client.get("/claims", params={"province": "Đắk Lắk", "format": "csv", "raw": "true"})
    assert "\r\nĐắk Lắk,2024-05,5,5,false,province,Đắk Lắk,Báo C,c.vn," in raw.content.decode("utf-8-sig")
    assert '"=5 sản phẩm' in raw.text or ",=5 sản phẩm" in raw.text


def test_the_ledger_json_flags_the_conflict(client: TestClient) -> None:
    body = client.get("/claims", params={"province": "Hà Giang", "stars": "4"}).json()  # a pre-2025 name
    assert body["conflicts"] == 1 and body["claims"] == 4
    (march,) = body["groups"]
    assert (march["province"], march["period"], march["conflicting"]) == ("Tuyên Quang", "2024-03", True)


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/terms", {"sample": "0"}, "sample"),
        ("/terms", {"sample": "5000"}, "sample"),
        ("/terms", {"limit": "0"}, "limit"),
        ("/claims", {"stars": "2"}, "stars"),
        ("/claims", {"province": "Atlantis"}, "province"),
        ("/claims", {"format": "xlsx"}, "format"),
    ],
)
def test_invalid_parameters_are_400(client: TestClient, path: str, params: dict, message: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]


@pytest.mark.parametrize("page", ["/compare", "/ledger"])
def test_the_analysis_pages_are_served(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200 and "<main" in response.text
