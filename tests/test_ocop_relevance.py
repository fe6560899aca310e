"""Relevance: where and how OCOP is discussed, not whether the four letters appear somewhere."""

from __future__ import annotations

from indexer.ocop import IS_OCOP_THRESHOLD, enrich_text

FILLER = (
    "Giá nông sản trong tuần biến động mạnh do thời tiết bất lợi và nhu cầu tiêu thụ giảm ở nhiều thị "
    "trường. Nhiều hộ nông dân cho biết chi phí phân bón, thức ăn chăn nuôi tăng khiến lợi nhuận giảm. "
)


def long_article(mention: str, at: int = 3, paragraphs: int = 8) -> str:
    body = [FILLER * 2 for _ in range(paragraphs)]
    body[at] = FILLER + mention + " " + FILLER
    return "\n\n".join(body)


def test_threshold_is_documented_and_a_half() -> None:
    assert IS_OCOP_THRESHOLD == 0.5


def test_title_and_lead_coverage_is_ocop() -> None:
    facts = enrich_text(
        "Lào Cai có thêm sản phẩm OCOP 5 sao",
        "Sản phẩm trà Shan tuyết của một hợp tác xã vừa được công nhận OCOP 5 sao.",
    )
    assert facts.is_ocop and facts.ocop_score >= IS_OCOP_THRESHOLD


def test_single_passing_mention_in_a_long_article_is_not() -> None:
    facts = enrich_text("Giá nông sản tuần qua", long_article("Một số hợp tác xã đã có sản phẩm OCOP."))
    assert not facts.is_ocop
    assert facts.ocop_score < 0.45


def test_coverage_spread_over_the_body_is_ocop_without_the_title() -> None:
    text = "\n\n".join(
        [
            "Người dân xã Chí Đám trồng bưởi trên đất đồi và có thu nhập khá.",
            FILLER,
            "Hợp tác xã bưởi Chí Đám đã có 2 sản phẩm đạt chuẩn OCOP 3 sao.",
            FILLER,
            "Nhờ chứng nhận OCOP, giá bưởi tăng 20% so với trước.",
            "Xã đang xây dựng thêm sản phẩm OCOP từ hoa bưởi.",
        ]
    )
    assert enrich_text("Nông dân làm giàu từ cây bưởi", text).is_ocop


def test_related_links_tags_and_tin_lien_quan_are_not_coverage() -> None:
    body = FILLER * 3
    for tail in (
        "\n\nCà phê Đắk Lắk đạt chuẩn OCOP vươn ra thị trường châu Âu\nGiá hồ tiêu hôm nay đi ngang",
        "\n\nTags: xuất khẩu, rau quả, OCOP, nông sản",
        "\n\nTin liên quan: Quảng Nam đưa sản phẩm OCOP lên sàn thương mại điện tử",
        "\n\nXem thêm: Sản phẩm OCOP Hà Nội vào siêu thị lớn",
        "\n\nCó thể bạn quan tâm\nSản phẩm OCOP Đồng Tháp vươn xa\nNhiều sản phẩm OCOP 4 sao ra mắt",
    ):
        facts = enrich_text("Giá cà phê hôm nay lập đỉnh mới", body + tail)
        assert facts.ocop_score == 0.0, tail
        assert facts.provinces == [], tail


def test_a_single_related_line_between_paragraphs_still_scores_low() -> None:
    text = FILLER + "\n\nSản phẩm OCOP Hà Nội vào siêu thị lớn\n\n" + FILLER * 2
    assert not enrich_text("Giá lúa gạo hôm nay", text).is_ocop


def test_case_and_diacritic_variants_count() -> None:
    for title, text in [
        ("Ha Tinh co them 20 san pham OCOP", "UBND tinh Ha Tinh cong nhan 20 san pham ocop 3 sao."),
        ("HÀ TĨNH CÓ THÊM 20 SẢN PHẨM OCOP", "UBND tỉnh Hà Tĩnh công nhận 20 sản phẩm Ocop 3 sao."),
        (
            "Mỗi xã một sản phẩm: bước chuyển của nông thôn",
            "Sau ba năm triển khai Chương trình mỗi xã một sản phẩm, tỉnh có 150 sản phẩm đạt 3 sao.",
        ),
    ]:
        facts = enrich_text(title, text)
        assert facts.is_ocop, title
        assert facts.provinces_2025 in ([], ["Hà Tĩnh"])


def test_non_ocop_pages_score_zero() -> None:
    for title, text in [
        ("XSMB 12/3 - Kết quả xổ số miền Bắc hôm nay", "Giải đặc biệt: 52817. Giải nhất: 09431."),
        ("Chứng khoán ngày 15/5: VN-Index tăng hơn 10 điểm", "Thanh khoản trên sàn HOSE đạt 21.000 tỷ đồng."),
        ("Đà Nẵng có thêm khách sạn 5 sao", "Khách sạn 5 sao với 350 phòng vừa khai trương."),
    ]:
        facts = enrich_text(title, text)
        assert facts.ocop_score == 0.0 and not facts.is_ocop
        assert facts.stars == [] and facts.product_groups == []
