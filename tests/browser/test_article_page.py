"""The article page (/a/{id}) in real headless Chromium: what the archive holds, the citation, the copies."""

from __future__ import annotations

import re
import time

import pytest

from tests.support.browser import PHONE, Page
from tests.support.page_archive import HONEY

pytestmark = pytest.mark.browser


def _loaded(page: Page) -> None:
    page.until(lambda: page.find("#cite-plain").text)


def test_every_result_opens_its_article_page_with_a_citation(page: Page) -> None:
    page.open("/?q=san+pham+ocop&is_ocop=any")
    page.until_text("#summary", "bài viết")
    results = [(a.get_attribute("href"), a.text) for a in page.find_all("#results .title")]
    assert len(results) == int(page.find("#summary").text.split()[0])  # one page holds them all
    for href, title in results:
        found = re.fullmatch(rf"{re.escape(page.base)}/a/([0-9a-f]{{20}})\?q=san\+pham\+ocop", href)
        assert found, href
        page.web.get(href)
        _loaded(page)
        assert page.find("#article-title").text == title
        assert page.find_all("#article-body mark, #article-title mark")  # the search's words, marked
        article = page.js("return fetch(arguments[0]).then((r) => r.json())", f"/articles/{found[1]}")
        assert page.find("#original").get_attribute("href") == article["url"]  # type: ignore[index]
        plain = page.find("#cite-plain").text
        assert article["url"] in plain and article["title"].rstrip(".") in plain  # type: ignore[index]
        assert "truy cập ngày" in plain and page.find("#cite-bibtex").text.startswith("@online{")


def test_the_article_page_shows_what_the_archive_holds(page: Page) -> None:
    page.open(f"/a/{HONEY.id}")
    _loaded(page)
    assert page.web.title == f"{HONEY.title} — ocop-watch"
    assert page.find("#article-title").text == HONEY.title
    assert page.find("#byline").text == "Lò Thị Mai"
    assert page.texts("#article-body p") == HONEY.text.split("\n\n")  # paragraphs as archived
    facts = dict(zip(page.texts("#article-facts dt"), page.texts("#article-facts dd"), strict=True))
    assert facts == {
        "Báo": "Báo Mẫu (baomau.vn)",
        "Ngày đăng": "08/10/2024",
        "Ngày lưu trữ": "02/04/2025",
        "Chuyên mục": "Kinh tế",
    }
    ocop = dict(zip(page.texts("#ocop-facts dt"), page.texts("#ocop-facts dd"), strict=True))
    assert ocop == {
        "Liên quan đến OCOP": "Có (điểm 0,9)",
        "Tỉnh/thành (63 tỉnh, trước 7/2025)": "Hà Giang",
        "Tỉnh/thành (34 tỉnh, từ 7/2025)": "Tuyên Quang",
        "Hạng sao": "4 sao",
        "Nhóm sản phẩm": "Thực phẩm",
    }
    claims = page.texts("#claims li")
    assert (
        claims[0].startswith("3 sản phẩm · 4 sao · Hợp tác xã Hoa Đá")
        and HONEY.ocop_claims[0].sentence in claims[0]
    )
    assert claims[1].startswith("12 sản phẩm · 4 sao")
    assert page.texts("#copies-list li") == ["Kho không có bản nào khác của tin này."]
    assert page.find("#cite-plain").text == (
        "Lò Thị Mai (2024). Mùa quay mật ở cao nguyên đá. Báo Mẫu, 08/10/2024. "
        f"{HONEY.url} (truy cập ngày 02/04/2025)."
    )
    download = page.find("#raw-download")
    assert download.get_attribute("href") == f"{page.base}/articles/{HONEY.id}/raw"
    assert download.get_attribute("download") is not None
    page.screenshot("article-1280-vi")


def test_the_other_copies_of_a_story_link_to_each_other(page: Page) -> None:
    from tests.support.contract_articles import ID

    page.open(f"/a/{ID['wire_a']}")
    _loaded(page)
    copies = page.find_all("#copies-list a")
    # the other copies in publication order: the earliest (archived last) first
    assert [a.text for a in copies] == [
        "Hơn 16.000 sản phẩm OCOP đạt từ 3 sao",
        "Hơn 16.000 sản phẩm OCOP trên cả nước",
    ]
    assert page.texts("#copies-list li")[0].endswith("Báo Phú Thọ, 10/03/2025")
    assert page.texts("#copies-list li")[1].endswith("VnExpress, 10/03/2025")
    copies[1].click()
    page.until(lambda: page.find("#article-title").text == "Hơn 16.000 sản phẩm OCOP trên cả nước")
    _loaded(page)
    assert [a.text for a in page.find_all("#copies-list a")] == [
        "Hơn 16.000 sản phẩm OCOP đạt từ 3 sao",
        "Cả nước có hơn 16.000 sản phẩm OCOP",
    ]
    # this copy was archived without its HTML: the page says so instead of offering a dead link
    assert not page.find_all("#raw-download")
    assert page.find("#raw-body").text == "Máy chủ này không lưu trang HTML gốc của bài."


def test_the_raw_html_downloads_and_never_runs_on_our_origin(page: Page) -> None:
    page.open(f"/a/{HONEY.id}")
    _loaded(page)
    page.find("#raw-download").click()
    downloaded = page.web.downloads / f"baomau.vn-{HONEY.id}.html"
    deadline = time.monotonic() + 20
    while not downloaded.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert downloaded.read_bytes().startswith(b"<!doctype html><html><head><title>pwned")
    # opened directly, the address is a download too: the hostile script never ran here
    page.web.get(f"{page.base}/articles/{HONEY.id}/raw")
    time.sleep(0.5)
    assert page.web.title != "pwned"
    assert page.js("return localStorage.getItem('pwned')") is None


def test_back_to_search_returns_to_the_last_search(page: Page) -> None:
    page.open("/?q=mat+ong", size=PHONE)
    page.until_text("#summary", "bài viết")
    page.find("#results .title").click()
    _loaded(page)
    page.screenshot("article-390-vi")
    assert page.find("#back").get_attribute("href") == f"{page.base}/?q=mat+ong"
    assert page.find("#q").get_attribute("value") == "mat ong"
    marks = {m.lower() for m in page.texts("#article-title mark, #article-body mark")}
    assert marks == {"mật ong"}, marks
    page.find("#back").click()
    page.until_text("#summary", "bài viết")
    assert page.find("#q").get_attribute("value") == "mat ong"


def test_an_unknown_article_says_so(page: Page) -> None:
    page.open("/a/0000000000nope")
    page.until_text("#article-title", "Không tìm thấy bài này")
    assert page.find("#side").get_attribute("hidden") is not None


def test_the_copy_buttons_put_the_citation_on_the_clipboard(page: Page) -> None:
    page.open(f"/a/{HONEY.id}")
    _loaded(page)
    page.web.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": page.base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    for name in ("cite-plain", "cite-bibtex"):
        page.find(f'[data-copy="{name}"]').click()
        page.until_text("#cite-status", "Đã sao chép")
        pasted = page.web.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "navigator.clipboard.readText().then(done, (e) => done(String(e)));"
        )
        assert pasted == page.js("return document.getElementById(arguments[0]).textContent", name)
        page.js("document.getElementById('cite-status').textContent = ''")
