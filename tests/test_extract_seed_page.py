"""The seed page's traps (../shared/corpus/seed-page-text.txt), on a fixture built like that page.

tests/fixtures/pages/plxh_ocop_seed.html reproduces the structure of the real 2022 OCOP article on
phapluatxahoi.kinhtedothi.vn as shown in January 2025: the site's header clock, a "Theo dõi … trên"
box, a paragraph printed twice, an unlabelled related-links list, the author and outlet names at
the end, a Zalo QR box, and a "Có thể bạn quan tâm" feed of lottery, stock, fuel-price and car items.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ, Article

PAGE = Path(__file__).parent / "fixtures" / "pages" / "plxh_ocop_seed.html"
URL = "https://phapluatxahoi.kinhtedothi.vn/tang-cuong-hoat-dong-ket-noi-giao-thuong-cho-san-pham-ocop-473521.html"
CRAWLED = datetime(2025, 1, 23, 20, 30, tzinfo=VIETNAM_TZ)
REPEATED = "Ngay từ những ngày đầu triển khai thực hiện Quyết định số 490/QĐ-TTg"


def extract(html: str, url: str = URL) -> Article:
    return extract_article(html.encode("utf-8"), url + "?utm_source=zalo&fbclid=IwAR0x", crawled=CRAWLED)


@pytest.fixture(scope="module")
def html() -> str:
    return PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(html: str) -> Article:
    return extract(html)


def without_structured_dates(html: str) -> str:
    """The same page with no machine-readable date: only the header clock prints one."""
    return re.sub(r'<meta property="article:(?:published|modified)_time"[^>]*>\n', "", html)


def without_structured_metadata(html: str) -> str:
    html = re.sub(
        r'<meta (?:property|name)="(?:og:[a-z_]+|article:[a-z_]+|description|keywords)"[^>]*>\n', "", html
    )
    return re.sub(r'<link rel="canonical"[^>]*>\n', "", html)


def test_title_and_canonical_url(article: Article) -> None:
    assert article.title == "Tăng cường hoạt động kết nối giao thương cho sản phẩm OCOP"
    assert article.url == URL  # canonical link; tracking parameters gone
    assert article.site == "phapluatxahoi.kinhtedothi.vn"


def test_lead_is_the_first_paragraph(article: Article) -> None:
    assert article.lead.startswith("Trong những năm qua, Hà Nội đã quan tâm")
    assert article.text.split("\n\n")[0] == article.lead
    assert article.text.count("Trong những năm qua, Hà Nội đã quan tâm") == 1


def test_header_clock_is_neither_text_nor_date(article: Article, html: str) -> None:
    assert "23/01/2025" not in article.text
    assert article.published == datetime(2022, 8, 12, 10, 35, tzinfo=VIETNAM_TZ)
    undated = extract(without_structured_dates(html))
    assert undated.published is None  # the clock is today's date, not the article's


def test_follow_and_zalo_boxes_are_gone(article: Article) -> None:
    for prompt in ("Theo dõi", "Zalo", "QR", "Google News", "Phiên bản di động"):
        assert prompt not in article.text


def test_paragraph_printed_twice_appears_once(article: Article) -> None:
    assert article.text.count(REPEATED) == 1


def test_related_links_and_interest_feed_are_gone(article: Article) -> None:
    for chrome in (
        "Hà Nội dẫn đầu cả nước về số sản phẩm OCOP",
        "Đưa sản phẩm OCOP của Thủ đô",
        "Có thể bạn quan tâm",
        "Tin mới hơn",
        "Tin đã đăng",
        "Xem thêm",
        "Techcombank",
    ):
        assert chrome not in article.text


def test_lottery_stock_price_and_car_items_are_gone(article: Article) -> None:
    for widget in ("XSMB", "XSMT", "KQXS", "xổ số", "VN-Index", "chứng khoán", "Giá xăng", "Mazda6"):
        assert widget not in article.text


def test_closing_author_and_outlet_lines(article: Article) -> None:
    assert article.authors == ["Ngô Sơn"]
    assert article.source_agency is None  # the outlet itself is not an agency
    assert not article.text.rstrip().endswith(("Ngô Sơn", "Pháp luật và Xã hội"))
    assert article.text.rstrip().endswith("giá cả phù hợp.")


def test_caption_section_and_tags(article: Article) -> None:
    assert article.captions == [
        "Tuần hàng tư vấn, giới thiệu và bán sản phẩm OCOP TP Hà Nội năm 2022 tại công viên Thống Nhất. "
        "Ảnh: Ngô Sơn"
    ]
    assert "công viên Thống Nhất. Ảnh" not in article.text
    assert article.section == "Kinh tế"
    assert article.tags == ["sản phẩm OCOP", "kết nối giao thương"]


def test_body_keeps_every_article_paragraph(article: Article) -> None:
    for needle in (
        "Đã có 1.649 sản phẩm OCOP được công nhận",
        "1.098 sản phẩm 4 sao và 534 sản phẩm 3 sao",
        "Đánh giá và phân hạng sản phẩm OCOP được thực hiện gắt gao",
        "Sở NN&PTNT Hà Nội",
    ):
        assert needle in article.text
    assert len(article.text.split("\n\n")) == 11  # lead, 2 subheadings, 8 paragraphs


def test_same_result_without_structured_metadata(html: str) -> None:
    bare = extract(without_structured_metadata(html))
    assert (
        bare.title == "Tăng cường hoạt động kết nối giao thương cho sản phẩm OCOP"
    )  # h1, confirmed by <title>
    assert bare.authors == ["Ngô Sơn"]
    assert bare.published is None
    assert bare.text.count(REPEATED) == 1
    assert "XSMB" not in bare.text and "Theo dõi" not in bare.text
