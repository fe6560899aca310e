"""Stored text keeps the outlet's spelling; search still makes both tone placements meet.

Vietnamese has two accepted placements of the tone mark in "oa/oe/uy" syllables ("thoả" and
"thỏa", "Thanh Hoá" and "Thanh Hóa", "Uỷ ban" and "Ủy ban"). Journalists quote stored text, so
extraction keeps what was printed (`indexer.text.clean`); the index and the query side unify the
placement (`indexer.text.normalize`), so either spelling finds both, and a query typed with
diacritics still ranks exact-diacritic matches above other words that fold the same ("thoa").
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.extract import extract_article
from indexer.archive import Archive
from indexer.engines.embedded import EmbeddedIndex
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import clean, fold, normalize

CRAWLED = datetime(2025, 1, 1, 8, tzinfo=VIETNAM_TZ)


def test_clean_keeps_spelling_and_normalize_unifies_it() -> None:
    printed = "Uỷ ban tỉnh Thanh Hoá\u00a0đã thoả\u200b thuận"
    assert clean(printed) == "Uỷ ban tỉnh Thanh Hoá đã thoả thuận"
    assert normalize(printed) == "Ủy ban tỉnh Thanh Hóa đã thỏa thuận"
    assert fold(clean(printed)) == fold(normalize(printed))


def test_extraction_stores_the_printed_spelling() -> None:
    sentence = "Uỷ ban nhân dân tỉnh Thanh Hoá đã thoả thuận với các hợp tác xã về sản phẩm OCOP. "
    page = (
        "<html><head><title>Thanh Hoá thoả thuận về OCOP</title></head><body><article>"
        "<h1>Thanh Hoá thoả thuận về OCOP</h1>" + f"<p>{sentence * 3}</p>" * 3 + "</article></body></html>"
    )
    article = extract_article(page.encode(), "https://example.vn/thanh-hoa.html")
    assert article.title == "Thanh Hoá thoả thuận về OCOP"
    assert "Uỷ ban nhân dân tỉnh Thanh Hoá đã thoả thuận" in article.text


def _article(key: str, title: str, text: str) -> Article:
    return Article.from_url(
        f"https://example.vn/{key}.html", site="example.vn", title=title, text=text, crawled=CRAWLED
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedIndex:
    path: Path = tmp_path_factory.mktemp("tones") / "archive.sqlite"
    with Archive(path) as archive:
        archive.upsert(
            _article("new_style", "Hai tỉnh thoả thuận hợp tác", "Hai tỉnh đã thoả thuận hợp tác.")
        )
        archive.upsert(
            _article("old_style", "Hai huyện thỏa thuận liên kết", "Hai huyện đã thỏa thuận liên kết.")
        )
        archive.upsert(
            _article("other_word", "Chợ bán thoa son", "Người bán hàng thoa son trước giờ mở chợ.")
        )
    return EmbeddedIndex(path)


@pytest.mark.parametrize("query", ["thỏa", "thoả"])
def test_either_spelling_finds_both_and_ranks_them_exact(engine: EmbeddedIndex, query: str) -> None:
    hits = engine.search(SearchRequest(q=query)).hits
    ids = [hit.url.rsplit("/", 1)[1].removesuffix(".html") for hit in hits]
    assert set(ids) == {"new_style", "old_style", "other_word"}  # diacritics-insensitive match
    assert set(ids[:2]) == {"new_style", "old_style"}  # both placements are the exact match
    assert ids[2] == "other_word"


def test_stored_and_shown_text_keep_the_printed_spelling(engine: EmbeddedIndex) -> None:
    hits = {hit.url.rsplit("/", 1)[1]: hit for hit in engine.search(SearchRequest(q="thỏa")).hits}
    new_style = hits["new_style.html"]
    assert "thoả" in new_style.title_highlighted and "thỏa" not in new_style.title_highlighted
    assert engine.get(new_style.id).text == "Hai tỉnh đã thoả thuận hợp tác."
