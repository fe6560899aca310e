"""GET /timeline: queries compared over time, as counts or shares, in JSON and CSV, and its 400s."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.analysis.timeline import period_bounds, period_of, periods_between
from indexer.errors import InvalidQuery
from indexer.settings import Settings
from search_api.app import create_app


@pytest.fixture
def client(small_archive: Path) -> TestClient:
    return TestClient(
        create_app(Settings(archive=small_archive, engine="embedded")), raise_server_exceptions=False
    )


@pytest.mark.parametrize(
    ("day", "interval", "label", "bounds"),
    [
        (date(2024, 12, 30), "week", "2025-W01", (date(2024, 12, 30), date(2025, 1, 5))),  # ISO year
        (date(2021, 1, 3), "week", "2020-W53", (date(2020, 12, 28), date(2021, 1, 3))),
        (date(2024, 2, 29), "month", "2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        (date(2023, 12, 31), "month", "2023-12", (date(2023, 12, 1), date(2023, 12, 31))),
        (date(2023, 5, 2), "year", "2023", (date(2023, 1, 1), date(2023, 12, 31))),
        (date(2023, 5, 2), "day", "2023-05-02", (date(2023, 5, 2), date(2023, 5, 2))),
    ],
)
def test_periods_and_their_bounds(day: date, interval: str, label: str, bounds: tuple[date, date]) -> None:
    assert period_of(day, interval) == label  # type: ignore[arg-type]
    assert period_bounds(label, interval) == bounds  # type: ignore[arg-type]


def test_periods_are_continuous_and_bounded() -> None:
    weeks = list(periods_between(date(2024, 12, 25), date(2025, 1, 8), "week"))
    assert weeks == ["2024-W52", "2025-W01", "2025-W02"]
    with pytest.raises(InvalidQuery, match="coarser interval"):
        list(periods_between(date(1990, 1, 1), date(2025, 1, 1), "day"))


def test_two_queries_share_one_row_of_periods(client: TestClient) -> None:
    body = client.get("/timeline", params={"q": ["ocop", "xổ số"], "interval": "year"}).json()
    assert [p["period"] for p in body["periods"]] == ["2022", "2023", "2024", "2025"]
    ocop, lottery = body["series"]
    assert ocop["q"] == "ocop" and lottery["q"] == "xổ số"
    assert [p["count"] for p in ocop["points"]] == [1, 1, 1, 0]
    assert [p["count"] for p in lottery["points"]] == [0, 0, 0, 1]
    assert all(p["share"] is None for p in ocop["points"])  # normalize=count computes no share


def test_share_divides_by_every_article_of_the_period_under_the_same_filters(client: TestClient) -> None:
    body = client.get(
        "/timeline", params={"q": ["nông thôn mới"], "interval": "year", "normalize": "share"}
    ).json()
    assert {p["period"]: p["articles"] for p in body["periods"]} == {
        "2022": 1,
        "2023": 1,
        "2024": 1,
        "2025": 1,
    }
    assert [(p["period"], p["share"]) for p in body["series"][0]["points"]] == [
        ("2022", 0.0),
        ("2023", 0.0),
        ("2024", 1.0),
        ("2025", 0.0),
    ]
    # the filters narrow the denominator too: only OCOP coverage
    ocop = client.get(
        "/timeline", params={"q": "hà nội", "interval": "year", "normalize": "share", "is_ocop": "true"}
    ).json()
    assert {p["period"]: p["articles"] for p in ocop["periods"]} == {"2022": 1, "2023": 1, "2024": 1}
    assert [p["share"] for p in ocop["series"][0]["points"]] == [0.0, 0.0, 1.0]


def test_weeks_are_summed_from_days(client: TestClient) -> None:
    body = client.get(
        "/timeline", params={"from": "2023-04-24", "to": "2023-05-14", "interval": "week"}
    ).json()
    assert [(p["period"], p["start"]) for p in body["periods"]] == [
        ("2023-W17", "2023-04-24"),
        ("2023-W18", "2023-05-01"),
        ("2023-W19", "2023-05-08"),
    ]
    assert [p["count"] for p in body["series"][0]["points"]] == [0, 1, 0]


def test_csv_has_one_row_per_period_and_neutralises_formula_queries(client: TestClient) -> None:
    response = client.get(
        "/timeline",
        params={"q": ["ocop", "-xổ ocop"], "interval": "year", "normalize": "share", "format": "csv"},
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "period", "start", "end", "all_articles",
        "ocop", "ocop (share)", "'-xổ ocop", "'-xổ ocop (share)",
    ]  # fmt: skip
    assert rows[1] == ["2022", "2022-01-01", "2022-12-31", "1", "1", "1.0", "1", "1.0"]
    assert [row[0] for row in rows[1:]] == ["2022", "2023", "2024", "2025"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": [f"q{i}" for i in range(9)]}, "at most 8 queries"),
        ({"interval": "fortnight"}, "interval"),
        ({"normalize": "percent"}, "normalize"),
        ({"q": ["ocop", "x" * 600]}, "too long"),
        ({"interval": "day", "from": "1990-01-01", "to": "2025-01-01"}, "coarser interval"),
        ({"format": "xlsx"}, "format"),
        ({"from": "2025-01-01", "to": "2024-01-01"}, "after"),
        ({"stars": "7"}, "stars"),
    ],
)
def test_invalid_parameters_are_400_with_a_message(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/timeline", params=params)
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]
