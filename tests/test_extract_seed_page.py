"""The seed page's traps (../shared/corpus/README.md), on a page of our own built like that page.

tests/fixtures/pages/plxh_ocop_seed.html has the structure of the real OCOP article on
phapluatxahoi.kinhtedothi.vn as the site showed it years later, with text we wrote (an invented
weekend OCOP market in Hà Nội): the site's header clock, a "Theo dõi … trên" box, a paragraph printed
twice, an unlabelled related-links list, the author and outlet names at the end, a Zalo QR box, and a
"Có thể bạn quan tâm" feed of lottery, stock, fuel-price and car items.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ, Article

PAGE = Path(__file__).parent / "fixtures" / "pages" / "plxh_ocop_seed.html"
URL = "https://phapluatxahoi.kinhtedothi.vn/ha-noi-mo-phien-cho-ocop-cuoi-tuan-cho-nong-san-ngoai-thanh-481207.html"
CRAWLED = datetime(2025, 3, 17, 9, 16, tzinfo=VIETNAM_TZ)
REPEATED = "Phiên chợ do Văn phòng điều phối nông thôn mới thành phố đề xuất từ đầu năm"


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
    assert article.title == "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành"
    assert article.url == URL  # canonical link; tracking parameters gone
    assert article.site == "phapluatxahoi.kinhtedothi.vn"


def test_lead_is_the_first_paragraph(article: Article) -> None:
    assert article.lead.startswith("Từ tháng 9, mỗi sáng thứ bảy, hơn 60 chủ thể OCOP")
    assert article.text.split("\n\n")[0] == article.lead
    assert article.text.count("Từ tháng 9, mỗi sáng thứ bảy, hơn 60 chủ thể OCOP") == 1


def test_header_clock_is_neither_text_nor_date(article: Article, html: str) -> None:
    assert "17/03/2025" not in article.text
    assert article.published == datetime(2024, 10, 2, 7, 45, tzinfo=VIETNAM_TZ)
    undated = extract(without_structured_dates(html))
    assert undated.published is None  # the clock is today's date, not the article's


def test_follow_and_zalo_boxes_are_gone(article: Article) -> None:
    for prompt in ("Theo dõi", "Zalo", "QR", "Google News", "Phiên bản di động"):
        assert prompt not in article.text


def test_paragraph_printed_twice_appears_once(article: Article) -> None:
    assert article.text.count(REPEATED) == 1


def test_related_links_and_interest_feed_are_gone(article: Article) -> None:
    for chrome in (
        "Gia Lâm thí điểm điểm bán OCOP",
        "Đưa bánh chưng OCOP lên sàn",
        "Có thể bạn quan tâm",
        "Tin mới hơn",
        "Tin đã đăng",
        "Xem thêm",
        "BMXBank",
    ):
        assert chrome not in article.text


def test_lottery_stock_price_and_car_items_are_gone(article: Article) -> None:
    for widget in ("XSMB", "XSMT", "KQXS", "xổ số", "VN-Index", "chứng khoán", "Giá xăng", "Kestrel"):
        assert widget not in article.text


def test_closing_author_and_outlet_lines(article: Article) -> None:
    assert article.authors == ["Trịnh Hà My"]
    assert article.source_agency is None  # the outlet itself is not an agency
    assert not article.text.rstrip().endswith(("Trịnh Hà My", "Pháp luật và Xã hội"))
    assert article.text.rstrip().endswith("giá bán niêm yết công khai.")


def test_caption_section_and_tags(article: Article) -> None:
    assert article.captions == [
        "Khách chọn mua miến dong và mật ong tại phiên chợ OCOP sáng 1/10 bên đê Long Biên. Ảnh: Trịnh Hà My"
    ]
    assert "bên đê Long Biên. Ảnh" not in article.text
    assert article.section == "Kinh tế"
    assert article.tags == ["phiên chợ OCOP", "nông sản ngoại thành"]


def test_body_keeps_every_article_paragraph(article: Article) -> None:
    for needle in (
        "Thành phố có 1.236 sản phẩm OCOP còn hiệu lực",
        "812 sản phẩm 4 sao và 407 sản phẩm 3 sao",
        "Người bán phải giữ đúng chất lượng đã được chấm sao",
        "Sở NN&PTNT Hà Nội",
    ):
        assert needle in article.text
    assert len(article.text.split("\n\n")) == 11  # lead, 2 subheadings, 8 paragraphs


def test_same_result_without_structured_metadata(html: str) -> None:
    bare = extract(without_structured_metadata(html))
    assert (
        bare.title == "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành"
    )  # h1, confirmed by <title>
    assert bare.authors == ["Trịnh Hà My"]
    assert bare.published is None
    assert bare.text.count(REPEATED) == 1
    assert "XSMB" not in bare.text and "Theo dõi" not in bare.text
