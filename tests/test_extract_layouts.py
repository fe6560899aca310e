"""Whole-page extraction on fixtures built like the corpus's real layouts (one trap each)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ, Article

PAGES = Path(__file__).parent / "fixtures" / "pages"
CRAWLED = datetime(2025, 1, 27, 9, 30, tzinfo=VIETNAM_TZ)


def extract(name: str, url: str, **options: object) -> Article:
    return extract_article((PAGES / name).read_bytes(), url, crawled=CRAWLED, **options)


class TestSapoOutsideBody:
    """Modern layout: sapo in p.description before the body container, byline closing the body,
    JSON-LD author = the outlet (an Organization), teaser boxes with other articles' authors."""

    URL = "https://tinnhanh.example.vn/dac-san-sam-ngoc-linh-dat-chuan-ocop-5-sao-4811234.html"

    @pytest.fixture(scope="class")
    @classmethod
    def article(cls) -> Article:
        return extract("sapo_outside_body.html", cls.URL)

    def test_sapo_is_prepended_once(self, article: Article) -> None:
        paragraphs = article.text.split("\n\n")
        assert paragraphs[0] == article.lead
        assert article.lead.startswith("Ba sản phẩm từ sâm Ngọc Linh")
        assert article.text.count("Ba sản phẩm từ sâm Ngọc Linh") == 1
        assert paragraphs[1].startswith("Ngày 4/8, Hội đồng đánh giá")

    def test_closing_byline_becomes_the_author(self, article: Article) -> None:
        assert article.authors == ["Hoàng Minh"]  # not "Tin Nhanh" (outlet), not a teaser's or commenter's
        assert "Hoàng Minh" not in article.text
        assert article.text.endswith("thương mại điện tử.")

    def test_title_caption_tags_date_section(self, article: Article) -> None:
        assert article.title == "Đặc sản sâm Ngọc Linh đạt chuẩn OCOP 5 sao"
        assert article.captions == ["Người dân Nam Trà My chăm sóc sâm dưới tán rừng. Ảnh: Đắc Thành"]
        assert "dưới tán rừng. Ảnh" not in article.text
        assert article.tags == ["OCOP", "Sâm Ngọc Linh", "Quảng Nam"]
        assert article.published == datetime(2024, 8, 5, 6, 30, tzinfo=VIETNAM_TZ)
        assert article.modified == datetime(2024, 8, 5, 9, 10, tzinfo=VIETNAM_TZ)
        assert article.section == "Kinh doanh"

    def test_chrome_is_gone(self, article: Article) -> None:
        for chrome in (
            "Trở lại",
            "Chia sẻ",
            "Copy link",
            "Tin liên quan",
            "Quảng Nam có thêm 120 sản phẩm",
            "Ý kiến bạn đọc",
            "mong có kênh bán chính hãng",
            "Giấy phép",
        ):
            assert chrome not in article.text

    def test_same_with_the_sites_body_selector(self) -> None:
        article = extract("sapo_outside_body.html", self.URL, body_selectors=["article.fck_detail"])
        assert article.text.split("\n\n")[0].startswith("Ba sản phẩm từ sâm Ngọc Linh")
        assert article.authors == ["Hoàng Minh"]
        assert "Hoàng Minh" not in article.text


class TestTagsAfterBody:
    """2015-style layout: og:title carries " - Kinh tế - Báo Mẫu Online", the sapo sits in the
    headline block, a table caption, the byline in a social box after the body, a "Từ khóa" list."""

    URL = "http://baomau.example.vn/tin/kinh-te/20150610/ocop-quang-ninh-mo-rong/730511.html"

    @pytest.fixture(scope="class")
    @classmethod
    def article(cls) -> Article:
        return extract("tags_after_body.html", cls.URL)

    def test_title_suffix_is_stripped_by_comparing_candidates(self, article: Article) -> None:
        assert article.title == "Quảng Ninh mở rộng chương trình mỗi xã một sản phẩm"

    def test_tag_list_goes_to_tags_not_text(self, article: Article) -> None:
        assert "Từ khóa" not in article.text
        assert "nông thôn mới" not in article.text
        assert article.tags == ["OCOP", "Quảng Ninh", "nông thôn mới"]

    def test_byline_caption_and_lead(self, article: Article) -> None:
        assert article.authors == ["Thu Hà"]  # printed in capitals, stored as a name
        assert "THU HÀ" not in article.text
        assert article.captions == ["Gian hàng OCOP Quảng Ninh tại hội chợ Hạ Long - Ảnh: T.H"]
        assert article.text.startswith("BM - Sau ba năm thí điểm")
        assert article.text.endswith("- ông Hậu nói.")

    def test_comment_form_and_sidebars_are_gone(self, article: Article) -> None:
        for chrome in (
            "Bình Luận",
            "Vui lòng nhập",
            "Tin liên quan",
            "104 sản phẩm OCOP được công nhận",
            "VN-Index",
            "Giá vàng",
            "31°C",
            "Bản quyền",
        ):
            assert chrome not in article.text

    def test_itemprop_date_not_the_header_clock(self, article: Article) -> None:
        assert article.published == datetime(2015, 6, 10, 7, 45, tzinfo=VIETNAM_TZ)
        assert article.section == "Kinh tế"


class TestSapoDuplicatedInBody:
    """2020-style layout: the sapo printed above the body AND as the body's first paragraph, a
    related-event list in between, author in the article's own <footer>, image description box."""

    URL = "https://laomau.example.vn/kinh-te/gao-st25-soc-trang-ocop-4-sao-881234.ldo"

    @pytest.fixture(scope="class")
    @classmethod
    def article(cls) -> Article:
        return extract("sapo_duplicated_in_body.html", cls.URL)

    def test_sapo_appears_once(self, article: Article) -> None:
        assert article.text.count("Ba sản phẩm gạo ST25") == 1
        assert article.text.startswith("Ba sản phẩm gạo ST25")
        assert article.lead.endswith("chuỗi siêu thị.")  # the full sapo, not the truncated og:description

    def test_metadata(self, article: Article) -> None:
        assert article.title == "Gạo ST25 Sóc Trăng giành thêm chứng nhận OCOP 4 sao"
        assert article.authors == ["Nhật Hồ"]
        assert article.published == datetime(2021, 3, 15, 16, 20, 11, tzinfo=VIETNAM_TZ)
        assert article.captions == ["Cánh đồng lúa ST25 ở huyện Mỹ Xuyên."]

    def test_chrome_is_gone(self, article: Article) -> None:
        for chrome in (
            "Gạo Việt vươn ra thế giới",
            "ST25 lần thứ hai",
            "Cánh đồng lúa ST25",
            "Giọng nam",
            "Nóng nhất 24h",
            "Tổng Biên tập",
            "giữ bản quyền",
            "16/03/2021",
        ):
            assert chrome not in article.text


class TestPrintedDateAndAgencyByline:
    """No metadata at all: the date comes from the byline under the headline (never the header
    clock or the sidebar), the closing "Minh Anh (TTXVN)" gives an author and an agency."""

    URL = "https://vungcao.example.vn/lao-cai-che-shan-tuyet-ocop-4-sao-31234.html"

    @pytest.fixture(scope="class")
    @classmethod
    def article(cls) -> Article:
        return extract("printed_date_agency_byline.html", cls.URL)

    def test_date_from_the_byline(self, article: Article) -> None:
        assert article.published == datetime(2023, 6, 9, 8, 40, tzinfo=VIETNAM_TZ)

    def test_author_and_agency(self, article: Article) -> None:
        assert article.authors == ["Minh Anh"]
        assert article.source_agency == "TTXVN"
        assert "TTXVN" not in article.text

    def test_title_without_outlet_suffix(self, article: Article) -> None:
        assert article.title == "Lào Cai: Chè Shan tuyết cổ thụ đạt chuẩn OCOP 4 sao"

    def test_lead_is_the_first_paragraph_when_no_sapo_is_marked(self, article: Article) -> None:
        assert article.lead.startswith("Sản phẩm chè Shan tuyết cổ thụ")
        assert "lượt xem" not in article.text and "Giá chè xuân" not in article.text

    def test_agency_only_byline(self) -> None:
        html = (PAGES / "printed_date_agency_byline.html").read_text(encoding="utf-8")
        html = html.replace("<p>Minh Anh (TTXVN)</p>", "<p>Theo TTXVN</p>")
        article = extract_article(html.encode(), self.URL, crawled=CRAWLED)
        assert article.authors == []
        assert article.source_agency == "TTXVN"
        assert "Theo TTXVN" not in article.text

    def test_without_a_printed_date_there_is_no_date(self) -> None:
        html = (PAGES / "printed_date_agency_byline.html").read_text(encoding="utf-8")
        html = html.replace("Cập nhật: 08:40 ngày 09/06/2023", "")
        article = extract_article(html.encode(), self.URL, crawled=CRAWLED)
        assert article.published is None  # not the header clock, not a sidebar teaser's date


class TestSingularLayout:
    """A layout none of the rules were tuned on (class names as in public scrapers of a large
    national site: singular-sapo, singular-content, author-name, author-time)."""

    URL = "https://dantri.com.vn/kinh-doanh/bac-giang-vai-thieu-ocop-5-sao-20240612070500123.htm"

    @pytest.fixture(scope="class")
    @classmethod
    def article(cls) -> Article:
        return extract("singular_layout.html", cls.URL)

    def test_fields(self, article: Article) -> None:
        assert article.title == "Bắc Giang: Vải thiều Lục Ngạn đạt OCOP 5 sao"
        assert article.text.startswith("(Dân trí) - Vải thiều Lục Ngạn trở thành")
        assert article.authors == ["Quốc Anh"]
        assert article.published == datetime(2024, 6, 12, 7, 5, tzinfo=VIETNAM_TZ)
        assert article.tags == ["OCOP", "vải thiều"]
        assert article.captions == ["Thu hoạch vải thiều ở Lục Ngạn (Ảnh: Quốc Anh)."]
        assert article.text.endswith("6 sản phẩm đạt 5 sao.")

    def test_chrome_is_gone(self, article: Article) -> None:
        for chrome in (
            "Tin liên quan",
            "lên sàn thương mại điện tử",
            "Giá vải đầu mùa",
            "Đọc nhiều",
            "XSMB",
            "Giá vàng",
            "12/06/2024 - 08:00",
            "Bản quyền",
            "Từ khóa",
        ):
            assert chrome not in article.text
