"""What extract_article refuses (with a reason), and the per-site selectors it accepts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import VIETNAM_TZ

PAGES = Path(__file__).parent / "fixtures" / "pages"
SEED = PAGES / "plxh_ocop_seed.html"
SEED_URL = "https://phapluatxahoi.kinhtedothi.vn/ha-noi-mo-phien-cho-ocop-cuoi-tuan-cho-nong-san-ngoai-thanh-481207.html"


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"%PDF-1.7 binary", None, "PDF"),
        (b"<html><body><p>x</p></body></html>", "application/pdf", "Content-Type"),
        (b'{"title": "OCOP"}', "application/json", "Content-Type"),
        (b"", "text/html", "empty"),
        (b"   \n  ", None, "empty"),
        (b"just some words, no markup at all", None, "not HTML"),
        (
            "<html><head><title>Trang</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
            "</body></html>".encode(),
            "text/html; charset=utf-8",
            "no article text",
        ),
    ],
)
def test_unreadable_pages_raise_with_a_reason(body: bytes, content_type: str | None, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_article(body, "https://example.vn/x.html", http_content_type=content_type)


def test_extraction_error_is_a_value_error() -> None:
    assert issubclass(ExtractionError, ValueError)


def test_defaults_site_and_crawl_time() -> None:
    article = extract_article(SEED.read_bytes(), SEED_URL)
    assert article.site == "phapluatxahoi.kinhtedothi.vn"
    assert article.crawled.tzinfo is not None and article.crawled.utcoffset().total_seconds() == 7 * 3600
    assert abs((datetime.now(VIETNAM_TZ) - article.crawled).total_seconds()) < 60
    assert article.id and article.ocop_score == 0.0 and article.story_id is None


def test_explicit_site_outlet_and_naive_crawl_time() -> None:
    article = extract_article(
        SEED.read_bytes(),
        SEED_URL,
        site="plxh",
        outlet="Pháp luật & Xã hội",
        crawled=datetime(2025, 3, 17, 9, 16),
    )
    assert (article.site, article.outlet) == ("plxh", "Pháp luật & Xã hội")
    assert article.crawled == datetime(2025, 3, 17, 9, 16, tzinfo=VIETNAM_TZ)


def test_remove_selectors_drop_chrome_the_rules_do_not_know() -> None:
    article = extract_article(SEED.read_bytes(), SEED_URL)
    assert "Mỗi gian hàng được cấp miễn phí một mái che" in article.text
    trimmed = extract_article(
        SEED.read_bytes(), SEED_URL, remove_selectors=["#content-detail > p:nth-of-type(3)"]
    )
    assert "Mỗi gian hàng được cấp miễn phí một mái che" not in trimmed.text
    assert "Sáng 1/10, phiên chợ thứ năm" in trimmed.text


def test_body_selectors_choose_the_container() -> None:
    article = extract_article(SEED.read_bytes(), SEED_URL, body_selectors=["div.article-content"])
    assert article.text.startswith("Từ tháng 9, mỗi sáng")  # the sapo outside the container is still first
    assert article.authors == ["Trịnh Hà My"]
    assert "Có thể bạn quan tâm" not in article.text


def test_body_selectors_that_match_nothing_fall_back_to_the_page() -> None:
    article = extract_article(SEED.read_bytes(), SEED_URL, body_selectors=["div.does-not-exist"])
    assert "Thành phố có 1.236 sản phẩm OCOP còn hiệu lực" in article.text


def test_invalid_selector_is_a_configuration_error_not_a_page_error() -> None:
    with pytest.raises(ValueError, match="invalid CSS selector") as caught:
        extract_article(SEED.read_bytes(), SEED_URL, remove_selectors=["div[[["])
    assert not isinstance(caught.value, ExtractionError)


def test_str_input_and_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + SEED.read_text(encoding="utf-8")
    article = extract_article(html, SEED_URL)
    assert article.title == "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành"


def test_a_teaser_listing_is_refused_as_a_listing() -> None:
    items = "".join(
        f'<li><h3><a href="/ocop-{i}.html">Tỉnh {i} có thêm sản phẩm OCOP 4 sao</a></h3>'
        f"<p>Tóm tắt tin {i}: hội đồng tỉnh vừa công nhận thêm sản phẩm đạt chuẩn.</p></li>"
        for i in range(12)
    )
    head = "<head><title>Kinh tế - Báo Mẫu</title></head>"
    html = f"<html>{head}<body><h1>Kinh tế</h1><ul>{items}</ul></body></html>"
    with pytest.raises(ExtractionError, match="a listing page, not an article"):
        extract_article(html, "https://baomau.example.vn/kinh-te/")
