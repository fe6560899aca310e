"""Star ratings in OCOP context and the six product groups, with their traps."""

from __future__ import annotations

import pytest

from indexer.ocop import enrich_text

TITLE = "Sản phẩm OCOP của tỉnh tiếp tục nâng hạng"
TP, DU, TD, VM, LN, DL = (
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
)


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("Sản phẩm mật ong của hợp tác xã vừa đạt OCOP 4 sao.", [4]),
        ("Nước mắm được công nhận sản phẩm OCOP 5 sao quốc gia.", [5]),
        ("Tỉnh có 80 sản phẩm OCOP đạt 3-4 sao.", [3, 4]),
        ("Các sản phẩm đạt từ 3 đến 5 sao OCOP.", [3, 4, 5]),
        ("Nón lá được công nhận sản phẩm OCOP bốn sao.", [4]),
        ("Các quầy bày bán sản phẩm OCOP, phần lớn đạt 3 hoặc 4 sao.", [3, 4]),
        ("Vải sấy đạt 4 sao và được đề xuất là sản phẩm OCOP tiềm năng 5 sao.", [4]),
        ("Sản phẩm OCOP 4 sao được đưa vào khách sạn 5 sao ở Hạ Long.", [4]),
        ("Sao Việt livestream bán sản phẩm OCOP, nhiều ngôi sao tham gia.", []),
        ("Hợp tác xã đầu tư máy sao chè cho sản phẩm OCOP.", []),
        ("Ứng dụng bán sản phẩm OCOP được chấm trung bình 4,8 sao.", []),
        ("Nhà hàng bán sản phẩm OCOP được gắn 2 sao Michelin.", []),
    ],
)
def test_star_ratings_in_ocop_context(text: str, stars: list[int]) -> None:
    assert enrich_text(TITLE, text).stars == stars


def test_no_stars_outside_ocop_coverage() -> None:
    facts = enrich_text("Đà Nẵng có thêm khách sạn 5 sao", "Khách sạn đạt chuẩn 5 sao với 350 phòng.")
    assert facts.stars == []
    facts = enrich_text("Dàn sao Việt hội tụ", "Top 5 sao Việt mặc áo dài đẹp nhất trong đêm hội.")
    assert facts.stars == []


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Mật ong, nước mắm và gạo ST25 là sản phẩm OCOP chủ lực.", [TP]),
        ("Trà Shan tuyết, cà phê rang xay và rượu cần đạt OCOP.", [DU]),
        ("Chè lam và kẹo lạc của thị xã đạt OCOP 3 sao.", [TP]),
        ("Tinh dầu quế và cao dược liệu đạt OCOP 4 sao.", [TD]),
        ("Khăn thổ cẩm và lụa tơ tằm đạt OCOP 3 sao.", [VM]),
        ("Bình hoa mây tre đan, gốm và nón lá đạt OCOP.", [LN]),
        ("Điểm du lịch cộng đồng và homestay của bản đạt OCOP 3 sao.", [DL]),
        ("UBND tỉnh Trà Vinh công nhận 19 sản phẩm OCOP là mứt dừa.", [TP]),
        ("Khu du lịch rừng tràm Trà Sư ở An Giang đạt OCOP 4 sao.", [DL]),
        ("Cơ quan chức năng điều tra, kiểm tra chất lượng sản phẩm OCOP.", []),
        ("Sản phẩm OCOP được bán tại các điểm du lịch lớn của tỉnh.", []),
        ("Chủ thể OCOP cần chú ý an toàn thực phẩm và nhãn hiệu sản phẩm.", []),
        ("Chị Yến, chủ cơ sở, cho biết sản phẩm OCOP bán chạy.", []),
        ("Cac san pham OCOP gom keo cu do, ruou va nuoc mam.", [TP, DU]),
    ],
)
def test_product_groups(text: str, groups: list[str]) -> None:
    assert enrich_text(TITLE, text).product_groups == groups


def test_a_sentence_after_a_place_name_starts_with_a_capital() -> None:
    # "Nghệ An." ends a sentence: "Nhóm" is sentence-initial, not a name inside a sentence.
    text = "Tiếp theo là Quảng Ninh và Nghệ An. Nhóm thực phẩm chiếm gần 70% tổng số sản phẩm OCOP."
    assert enrich_text(TITLE, text).product_groups == [TP]


def test_no_groups_outside_ocop_coverage() -> None:
    facts = enrich_text(
        "Cách làm gà nướng mật ong", "Ướp gà với mật ong, nước mắm, tỏi băm và sả trong hai giờ."
    )
    assert facts.product_groups == []
