"""The analysis views in real headless Chromium: queries compared over time, the characteristic words
beside the facets, the claims ledger of a province; axe-core on each, and keyboard use."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import BLOCKING, DESKTOP, PHONE, Page, axe_summary, tab_to
from tests.support.page_archive import HONEY

pytestmark = pytest.mark.browser


def test_a_journalist_compares_two_queries_as_shares_per_month(page: Page) -> None:
    page.open("/compare?q=mật ong&q=cà phê&normalize=share&interval=month")
    page.until(lambda: page.find_all("#compare-table tbody tr"))
    assert [line.get_attribute("data-q") for line in page.find_all("#chart polyline")] == [
        "mật ong",
        "cà phê",
    ]
    assert page.texts("#compare-table thead th") == ["Thời gian", "Mọi bài", "mật ong", "cà phê"]
    shares = [row.split()[-2:] for row in page.texts("#compare-table tbody tr")]
    assert any(cell.endswith("%") for row in shares for cell in row)  # shares, not counts
    csv = parse_qs(urlsplit(page.find("#compare-csv").get_attribute("href")).query)
    assert csv["q"] == ["mật ong", "cà phê"] and csv["format"] == ["csv"] and csv["normalize"] == ["share"]


def test_queries_are_added_and_compared_by_keyboard_alone(page: Page) -> None:
    from selenium.webdriver.common.keys import Keys

    page.open("/compare?q=mật ong")
    page.until(lambda: page.find_all("#compare-table tbody tr"))
    tab_to(page, "#add-query")
    page.keys(Keys.ENTER)
    assert page.focused() == page.find_all("#query-list input")[-1]
    page.keys("sen", Keys.ENTER)  # submits the form
    page.until(lambda: len(page.find_all("#chart polyline")) == 2)
    assert parse_qs(urlsplit(page.web.current_url).query)["q"] == ["mật ong", "sen"]


def test_characteristic_words_are_shown_beside_the_facets(page: Page) -> None:
    page.open("/?q=mật ong&is_ocop=any")
    page.until(lambda: page.find_all("#terms-list li"))
    assert page.find("#terms-panel").is_displayed() or page.size == PHONE
    assert any(text.startswith("mật ong") for text in page.texts("#terms-products li"))
    assert "q=m%E1%BA%ADt+ong" in page.find("#nav-compare").get_attribute("href")


def test_the_ledger_of_a_province_lists_its_claims_with_links(page: Page) -> None:
    page.open("/ledger?province=Tuyên Quang")
    page.until(lambda: page.find_all(".ledger-group"))
    assert page.find("#province").get_attribute("value") == "Tuyên Quang"
    assert page.texts(".ledger-group h2") == ["Tuyên Quang — 2024-10"]
    rows = page.texts(".ledger-group tbody tr")
    assert len(rows) == 2 and any(row.startswith("12") for row in rows) and any("một phần" in r for r in rows)
    assert {a.get_attribute("href").split("/a/")[1] for a in page.find_all(".ledger-group td a")} == {
        HONEY.id
    }
    csv = parse_qs(urlsplit(page.find("#ledger-csv").get_attribute("href")).query)
    assert csv["province"] == ["Tuyên Quang"] and csv["format"] == ["csv"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/compare?q=mật ong&q=cà phê&normalize=share", "#compare-table tbody tr"),
        ("/ledger?province=Tuyên Quang", ".ledger-group"),
        ("/?q=mật ong&is_ocop=any", "#terms-list li"),
    ],
    ids=["compare", "ledger", "terms"],
)
def test_axe_finds_nothing_on_the_analysis_views(
    page: Page, size: tuple[int, int], path: str, ready: str
) -> None:
    page.open(path, size=size, lang="en")
    page.until(lambda: page.find_all(ready))
    if size == PHONE and path.startswith("/?"):
        page.find("#filters-toggle").click()  # the terms panel sits with the filters
    violations = page.axe()
    assert [v for v in violations if v["impact"] in BLOCKING] == [], axe_summary(violations)
    assert violations == [], axe_summary(violations)
