"""The Vietnamese/English switch: every label changes, facet values and article text stay as printed."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import PHONE, Page
from tests.support.page_archive import HONEY

pytestmark = pytest.mark.browser

# Letters that only Vietnamese uses here: a label still showing one was not translated.
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def _labels(page: Page) -> list[str]:
    """Every text and attribute the page itself wrote (not the articles' text nor facet values)."""
    return page.js(
        """
        const out = [];
        // the language switch names the other language in that language, on purpose
        for (const el of document.querySelectorAll('[data-i18n]:not(#lang-switch)')) out.push(el.textContent);
        for (const el of document.querySelectorAll('[data-i18n-attr]'))
          for (const pair of el.dataset.i18nAttr.split(',')) out.push(el.getAttribute(pair.split(':')[0]));
        for (const el of document.querySelectorAll('legend, #summary, #timeline-range, #pager button'))
          out.push(el.textContent, el.getAttribute('aria-label') || '');
        // a result's links: their aria-label names the outlet, a value
        for (const el of document.querySelectorAll('.links a')) out.push(el.textContent);
        for (const el of document.querySelectorAll('#timeline, #timeline .bar'))
          out.push(el.getAttribute('aria-label') || '');
        out.push(document.getElementById('filters-count-text')?.textContent || '');
        for (const el of document.querySelectorAll('#article-facts dt, #ocop-facts dt, #raw-body, .note'))
          out.push(el.textContent);
        return out;
        """
    )  # type: ignore[return-value]


def _untranslated(labels: list[str]) -> list[str]:
    # the example query in the placeholder is Vietnamese on purpose: it is what one types
    return [
        text
        for text in labels
        if VIETNAMESE.search(text.split(":")[0] if text.startswith("For example:") else text)
    ]


def test_the_english_switch_translates_every_label_and_persists(page: Page) -> None:
    page.open("/?q=mat+ong&is_ocop=any&from=2020-01-01", size=PHONE)
    page.until_text("#summary", "bài viết")
    assert page.js("return document.documentElement.lang") == "vi"
    switch = page.find("#lang-switch")
    assert switch.text == "English" and switch.get_attribute("lang") == "en"
    switch.click()
    page.until_text("#summary", "articles")
    assert page.js("return document.documentElement.lang") == "en"
    assert page.find("#search-button").text == "Search"
    assert switch.text == "Tiếng Việt" and switch.get_attribute("lang") == "vi"
    page.find("#filters-toggle").click()
    assert [e.text for e in page.find_all("#facets legend")][:2] == ["Outlet", "Province (2025)"]
    assert "Tuyên Quang" in page.texts('[data-facet="province"] label')[0]  # values stay as printed
    assert _untranslated(_labels(page)) == []
    assert page.find("#results mark").text.lower() == "mật ong"  # so do the articles
    assert page.find("#results .links a").get_attribute("aria-label").startswith("Original on ")
    page.screenshot("search-390-en-filters-open")

    # the choice is remembered, and a link can set it
    page.web.get(page.base + "/?q=mat+ong")
    page.until_text("#summary", "articles")
    page.web.get(page.base + "/?q=mat+ong&lang=vi")
    page.until_text("#summary", "bài viết")
    page.web.get(page.base + "/?q=mat+ong")
    page.until_text("#summary", "bài viết")
    assert page.find("#search-button").text == "Tìm"


def test_the_article_page_in_english(page: Page) -> None:
    page.open(f"/a/{HONEY.id}", lang="en")
    page.until(lambda: page.find("#cite-plain").text)
    assert page.find("#cite-heading").text == "Cite"
    assert page.find("#cite-plain").text.endswith(
        f"Báo Mẫu, 8 October 2024. {HONEY.url} (accessed 2 April 2025)."
    )
    facts = page.texts("#article-facts dt")
    assert facts == ["Outlet", "Published", "Archived", "Section"]
    assert page.texts("#article-facts dd")[1] == "8 October 2024"
    assert page.texts("#article-body p") == HONEY.text.split("\n\n")  # the article stays Vietnamese
    assert _untranslated(_labels(page)) == []
    page.screenshot("article-1280-en")
    # and back, without reloading
    page.find("#lang-switch").click()
    page.until_text("#cite-heading", "Trích dẫn")
    assert page.find("#cite-plain").text.endswith("(truy cập ngày 02/04/2025).")
