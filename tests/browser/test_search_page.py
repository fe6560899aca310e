"""The search page in real headless Chromium: highlighted results, filters, timeline, phone layout."""

from __future__ import annotations

import httpx
import pytest

from tests.support.browser import PHONE, Page
from tests.support.page_archive import HONEY

pytestmark = pytest.mark.browser


def test_search_page_shows_highlighted_results_and_filters(small_page: Page) -> None:
    page = small_page.open("/")
    page.find("#q").send_keys('"san pham ocop"')  # quoted: one word, never relaxed to either syllable pair
    page.find("#search-button").click()
    page.until_text("#summary", "2 bài viết")
    assert "Sản phẩm OCOP" in page.texts("#results mark")  # one word, in proper Vietnamese, not folded text
    assert "Sản phẩm OCOP Đồng Tháp vươn ra thị trường" in page.texts("#results .title")

    legends = page.texts("#facets legend")
    labels = {facet["name"]: facet["label"] for facet in httpx.get(page.base + "/facets").json()}
    assert legends[0] == labels["site"] and labels["stars"] in legends  # the API's labels, in its order
    label = page.find('[data-facet="stars"] input[value="4"]').find_element("xpath", "..").text
    assert label.endswith("2")  # both OCOP hits carry a 4-star product
    page.find('[data-facet="stars"] input[value="3"]').click()
    page.until_text("#summary", "1 bài viết")
    assert "stars=3" in page.web.current_url
    assert page.texts("#results .title") == ["Hội chợ nông sản Hà Nội"]


def test_mat_ong_is_marked_as_one_word(page: Page) -> None:
    page.open("/?q=mat+ong", size=PHONE)
    page.until_text("#summary", "bài viết")
    marks = [m.lower() for m in page.texts("#results mark")]
    assert marks and set(marks) == {"mật ong"}, marks
    # the honey article prints "quay mật" and "nuôi ong" too; only the word is marked, and its title,
    # whose "mật" stands alone, stays plain
    honey = next(h for h in page.find_all("#results .hit") if HONEY.title in h.text)
    assert "mật ong bạc hà" in honey.text and not honey.find_elements("css selector", "h3 mark")
    page.screenshot("search-390-vi-mat-ong")
    # opened from the results, the article marks the word in its whole text, and only the word
    honey.find_element("css selector", ".title").click()
    page.until(lambda: page.find_all("#article-body mark"))
    assert {m.lower() for m in page.texts("#article-body mark")} == {"mật ong"}
    assert not page.find_all("#article-title mark")
    assert "quay mật" in page.find("#article-body").text and "nuôi ong" in page.find("#article-body").text


def test_timeline_bar_narrows_the_search_to_its_period(small_page: Page) -> None:
    page = small_page.open("/?q=%22san+pham+ocop%22")  # quoted: one word, never relaxed
    page.until_text("#summary", "2 bài viết")
    assert page.find("#timeline-range").text.startswith("2023-05 – 2024-11")
    bars = page.find_all("#timeline .bar")
    titles = [bar.get_attribute("title") for bar in bars]
    # every month between the first and the last article, the empty ones included
    assert len(titles) == 19 and titles[0] == "2023-05: 1 bài" and titles[-1] == "2024-11: 1 bài"
    assert titles[1] == "2023-06: 0 bài"
    bars[0].click()
    page.until_text("#summary", "1 bài viết")
    assert "from=2023-05-01" in page.web.current_url and "to=2023-05-31" in page.web.current_url
    assert page.find("#from").get_attribute("value") == "2023-05-01"
    assert page.texts("#results .title") == ["Sản phẩm OCOP Đồng Tháp vươn ra thị trường"]
    assert page.find_all("#timeline .bar")[0].get_attribute("class") == "bar chosen"


def test_story_link_shows_every_article_of_the_story(page: Page) -> None:
    from tests.support.contract_articles import ID

    page.open("/?q=16.000&site=nongnghiep.vn")
    page.until_text("#summary", "1 bài viết")
    links = page.find_all("#results a.story")
    assert [link.text for link in links] == ["3 bài cùng nội dung"]
    links[0].click()
    page.until_text("#summary", "3 bài viết")
    assert f"story={ID['wire_a']}" in page.web.current_url and "q=" not in page.web.current_url
    assert "collapse=none" in page.web.current_url  # every article of the story, one by one
    assert page.find("#q").get_attribute("value") == ""
    assert set(page.texts("#results .title")) == {
        "Hơn 16.000 sản phẩm OCOP đạt từ 3 sao",
        "Cả nước có hơn 16.000 sản phẩm OCOP",
        "Hơn 16.000 sản phẩm OCOP trên cả nước",
    }
    assert not page.find_all('[data-facet="story"]')
    # a story of one article gets no link
    page.open("/?q=xoai&is_ocop=any")
    page.until_text("#summary", "1 bài viết")
    assert not page.find_all("#results a.story")


def _visible(page: Page, css: str) -> bool:
    return bool(
        page.js("const e = document.querySelector(arguments[0]); return !!e && e.offsetParent !== null;", css)
    )


def test_on_a_phone_the_results_come_first_and_filters_open_from_a_button(page: Page) -> None:
    page.open("/?q=san+pham+ocop", size=PHONE)
    page.until_text("#summary", "bài viết")
    first = page.find("#results .hit")
    top, bottom, viewport = page.js(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", first
    )
    assert top > 0 and bottom <= viewport, (top, bottom, viewport)  # the whole first result, no scrolling
    assert not _visible(page, "#facets") and _visible(page, "#filters-toggle")
    toggle = page.find("#filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and not _visible(page, "#filters-count")
    page.screenshot("search-390-vi")

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and _visible(page, "#facets")
    page.find('[data-facet="stars"] input[value="5"]').click()
    page.until(lambda: "stars=5" in page.web.current_url and page.find("#filters-count").text == "1")
    assert _visible(page, "#facets")  # the panel stays open while one picks filters
    page.find("#from").send_keys("01012024")
    page.until(lambda: page.find("#filters-count").text == "2")
    assert toggle.accessible_name == "Bộ lọc 2 đang chọn"  # the visible badge is aria-hidden
    page.screenshot("search-390-vi-filters-open")
    toggle.click()
    assert not _visible(page, "#facets") and page.find("#filters-count").text == "2"


def test_on_a_desktop_the_filters_stand_beside_the_results(page: Page) -> None:
    page.open("/?q=san+pham+ocop")
    page.until_text("#summary", "bài viết")
    assert _visible(page, "#facets") and not _visible(page, "#filters-toggle")
    facets_right = page.js("return document.querySelector('#facets').getBoundingClientRect().right")
    results_left = page.js("return document.querySelector('#results').getBoundingClientRect().left")
    assert facets_right < results_left
    page.screenshot("search-1280-vi")


@pytest.mark.parametrize("path", ["/?q=san+pham+ocop", "/?q=mat+ong&is_ocop=any", "/a/{honey}"])
def test_nothing_overflows_a_320_pixel_screen(page: Page, path: str) -> None:
    page.open(path.format(honey=HONEY.id), size=(320, 640))
    page.until(lambda: page.find_all("#results .hit, #article-body p"))
    if page.find_all("#filters-toggle"):
        page.find("#filters-toggle").click()
    wide = page.js(
        "return [...document.querySelectorAll('body *')]"
        ".filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
        ".map((e) => e.tagName + '#' + e.id + '.' + e.className)"
    )
    assert page.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert wide == [], wide


def test_api_documentation_renders_from_this_server_alone(small_page: Page) -> None:
    page = small_page.open("/docs")
    page.web.get_log("browser")  # only this page's messages below
    page.web.get(page.base + "/docs")
    page.until(lambda: page.find_all(".opblock-summary-path"))
    paths = {path.replace("\u200b", "") for path in page.texts(".opblock-summary-path")}
    assert {"/search", "/export", "/health"} <= paths
    loaded = page.js("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(page.base + "/") for url in loaded), loaded  # no CDN
    console = [entry["message"] for entry in page.web.get_log("browser")]
    assert not [line for line in console if "Content Security Policy" in line], console


def test_the_pages_break_no_rule_of_the_content_security_policy(page: Page) -> None:
    page.web.get_log("browser")
    page.open("/?q=mat+ong")
    page.until_text("#summary", "bài viết")
    page.find("#results .title").click()
    page.until(lambda: "/a/" in page.web.current_url and page.find_all("#article-title"))
    console = [entry["message"] for entry in page.web.get_log("browser")]
    assert not [line for line in console if "Content Security Policy" in line], console


def test_the_page_says_what_the_search_did_with_the_words(page: Page) -> None:
    """A query typed without diacritics offers the archive's reading; the synonyms and merged
    provinces searched, and a relaxation to any word (most first), are said above the results."""
    page.open("/?q=sen+dong+thap")
    page.until_text("#summary", "bài viết")
    suggestion = page.find("#query-notes .did-you-mean a")
    assert suggestion.text == "sen Đồng Tháp"
    assert "dong thap → tiền giang" in page.find("#query-notes .expanded").text  # merged in 2025
    suggestion.click()
    page.until(lambda: page.find("#q").get_attribute("value") == "sen Đồng Tháp")
    page.until(lambda: not page.find_all("#query-notes .did-you-mean"))
    page.open("/?q=mat+ong+ca+phe+ocop")
    page.until(lambda: page.find_all("#query-notes .relaxed"))
    assert "1" in page.find("#query-notes .relaxed").text  # one article holds every word
    page.open("/?q=(sen+xoai")
    page.until_text("#summary", "character 1")  # a malformed query says where


def test_each_story_once_with_its_first_publisher_outlets_by_name_and_a_feed(page: Page) -> None:
    page.open("/?q=16.000")
    page.until_text("#summary", "1 tin · 3 bài viết")
    # one hit: the earliest copy (Báo Phú Thọ, 07:00), though it was archived after the two others
    assert page.texts("#results .title") == ["Hơn 16.000 sản phẩm OCOP đạt từ 3 sao"]
    assert page.find("#results .copies .origin").text == "Bản đăng đầu tiên; 2 báo đăng lại"
    page.find("#results .copies summary").click()
    rows = page.texts("#results .copies li")
    assert [row.split(" · ")[0] for row in rows] == ["Báo Phú Thọ", "Nông nghiệp Việt Nam", "VnExpress"]
    assert "ghi nguồn TTXVN" in rows[0] and rows[0].endswith("bản gốc")
    page.screenshot("search-1280-vi-one-story-once")
    feed = page.find("#feed-link").get_attribute("href")
    assert (
        feed.startswith(page.base + "/feeds/search.atom?") and "q=16.000" in feed and "collapse" not in feed
    )
    assert httpx.get(feed).headers["content-type"].startswith("application/atom+xml")

    # filtered to one outlet, the hit is that outlet's copy and names the first publisher
    page.open("/?q=16.000&site=vnexpress.net")
    page.until_text("#summary", "1 tin · 1 bài viết")
    assert page.find("#results .copies .origin").text.startswith("Đăng đầu tiên: Báo Phú Thọ, 10/03/2025")

    page.find("#collapse").click()  # the switch: every copy, one by one
    page.until(lambda: "collapse=none" in page.web.current_url)
    page.open("/?q=16.000&collapse=none")
    page.until_text("#summary", "3 bài viết")
    assert len(page.find_all("#results .hit")) == 3 and not page.find_all("#results .copies")

    # outlets by name; their kind as a filter ("all provincial papers" is one click)
    page.open("/?is_ocop=any")
    page.until_text("#summary", "bài viết")
    outlets = [label.text for label in page.find_all('[data-facet="site"] label')]
    assert any(text.startswith("VnExpress") for text in outlets)
    assert not any(text.startswith("vnexpress.net") for text in outlets)
    page.find('[data-facet="outlet_kind"] input[value="provincial"]').find_element("xpath", "..").click()
    page.until(lambda: "outlet_kind=provincial" in page.web.current_url)
    page.until(lambda: {t.split(" ")[0] for t in page.texts("#results .meta")} == {"Báo"})
    kinds = page.texts('[data-facet="outlet_kind"] label')
    assert any(text.startswith("Báo địa phương") for text in kinds)
    page.screenshot("search-1280-vi-provincial-outlets")
