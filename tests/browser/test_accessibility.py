"""Accessibility: axe-core on both pages at phone and desktop widths, and the page used by keyboard alone."""

from __future__ import annotations

import pytest

from tests.support.browser import BLOCKING, DESKTOP, PHONE, Page, axe_summary, tab_to
from tests.support.page_archive import HONEY

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_serious_on_the_search_page(page: Page, size: tuple[int, int], lang: str) -> None:
    page.open("/?q=san+pham+ocop&is_ocop=any", size=size, lang=lang)
    page.until(lambda: page.find_all("#results .hit"))
    if size == PHONE:
        page.find("#filters-toggle").click()  # the panel's controls are checked too
    violations = page.axe()
    assert [v for v in violations if v["impact"] in BLOCKING] == [], axe_summary(violations)
    # the lesser findings, if any, are reported in docs/page.md; none is expected today
    assert violations == [], axe_summary(violations)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_axe_finds_nothing_serious_on_the_article_page(page: Page, size: tuple[int, int], lang: str) -> None:
    page.open(f"/a/{HONEY.id}", size=size, lang=lang)
    page.until(lambda: page.find("#cite-plain").text)
    violations = page.axe()
    assert [v for v in violations if v["impact"] in BLOCKING] == [], axe_summary(violations)
    assert violations == [], axe_summary(violations)


def test_search_facets_timeline_and_paging_by_keyboard_alone(page: Page) -> None:
    from selenium.webdriver.common.keys import Keys

    page.open("/")
    page.until_text("#summary", "bài viết")
    tab_to(page, "a.skip")  # the first stop: a visible way past the header
    assert page.js("return document.activeElement.getBoundingClientRect().top >= 0")
    tab_to(page, "#q")
    page.keys("san pham ocop", Keys.ENTER)
    page.until(lambda: "q=san+pham+ocop" in page.web.current_url and "bài viết" in page.find("#summary").text)

    # a facet: Space toggles it, and focus stays on the same checkbox once the results are back
    tab_to(page, '[data-facet="stars"] input[value="5"]')
    page.keys(Keys.SPACE)
    page.until(lambda: "stars=5" in page.web.current_url)
    # one look at the page once the results are back (the facets are drawn anew then), so the
    # checkbox checked is the one that holds the focus, not the one the new results replaced
    page.until(
        lambda: page.js(
            "const el = document.activeElement;"
            "return !document.getElementById('summary').textContent.includes('Đang tìm')"
            " && el.matches('[data-facet=stars] input[value=\"5\"]') && el.checked"
        )
    )
    page.keys(Keys.SPACE)
    page.until(lambda: "stars=5" not in page.web.current_url)

    # back to the search box: an empty query and "only OCOP" off list every article, two pages of them
    tab_to(page, "#q", backwards=True)
    page.keys(Keys.END, *[Keys.BACKSPACE] * len("san pham ocop"), Keys.ENTER)
    page.until(lambda: "q=" not in page.web.current_url)
    tab_to(page, "#only-ocop")
    page.keys(Keys.SPACE)
    page.until(lambda: "is_ocop=any" in page.web.current_url)
    page.until(lambda: page.find_all("#pager button"))

    # the timeline is one tab stop; arrows move along it, Enter picks a period
    tab_to(page, "#timeline .bar")
    bars = page.find_all("#timeline .bar")
    assert page.focused() == bars[-1] and sum(b.get_attribute("tabindex") == "0" for b in bars) == 1
    page.keys(Keys.HOME)
    assert page.focused() == bars[0]
    page.keys(Keys.ARROW_RIGHT, Keys.ARROW_LEFT)
    assert page.focused() == bars[0]
    page.keys(Keys.SHIFT, Keys.TAB, Keys.SHIFT)  # back out of the timeline in one press
    assert not page.js("return document.activeElement.classList.contains('bar')")

    # paging: the next page's results get the focus, so Tab goes on into them
    tab_to(page, '#pager button[aria-label="Trang sau"]')
    page.keys(Keys.ENTER)
    page.until(lambda: "page=2" in page.web.current_url)
    page.until(lambda: page.js("return document.activeElement.id") == "results")
    assert page.find('#pager button[aria-current="page"]').text == "2"
    page.keys(Keys.TAB)
    first = page.find("#results .title")
    assert page.focused() == first
    title = first.text
    page.keys(Keys.ENTER)  # opens the article page
    page.until(lambda: page.find("#article-title").text == title)


def test_the_phone_filter_panel_by_keyboard(page: Page) -> None:
    from selenium.webdriver.common.keys import Keys

    page.open("/?q=san+pham+ocop", size=PHONE)
    page.until_text("#summary", "bài viết")
    tab_to(page, "#filters-toggle")
    page.keys(Keys.ENTER)
    assert page.find("#filters-toggle").get_attribute("aria-expanded") == "true"
    page.keys(Keys.TAB)
    assert page.js("return document.activeElement.id") == "only-ocop"  # the panel follows its button
    tab_to(page, '[data-facet="site"] input')
    page.keys(Keys.SPACE)
    page.until(lambda: "site=" in page.web.current_url and page.find("#filters-count").text == "1")
    page.keys(Keys.ESCAPE)  # closes the panel and returns to its button
    assert page.find("#filters-toggle").get_attribute("aria-expanded") == "false"
    assert page.js("return document.activeElement.id") == "filters-toggle"


def test_focus_is_always_visible(page: Page) -> None:
    """Every control reached by Tab draws a focus outline (none is styled away)."""
    from selenium.webdriver.common.keys import Keys

    page.open("/?q=san+pham+ocop")
    page.until_text("#summary", "bài viết")
    seen = 0
    for _ in range(40):
        page.keys(Keys.TAB)
        style = page.js(
            "const e = document.activeElement, s = getComputedStyle(e);"
            "return [e.tagName, s.outlineStyle, s.outlineWidth, e.id, e.type, e.matches(':focus')];"
        )
        tag, outline, width, _, kind, focused = style  # type: ignore[misc]
        if tag == "BODY" or (kind == "date" and not focused):
            continue  # a date field's calendar button: Chromium rings it itself, inside the field

        seen += 1
        assert outline != "none" and width != "0px", style
    assert seen > 20
