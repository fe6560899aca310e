"""Counts of OCOP products stated in a text, with their rating and place."""

from __future__ import annotations

import pytest

from indexer.ocop import enrich_text

TITLE = "Sản phẩm OCOP tiếp tục tăng về số lượng"


def claims(text: str, title: str = TITLE) -> set[tuple[int, int | None, str | None]]:
    return {(c.count, c.stars, c.place) for c in enrich_text(title, text).ocop_claims}


def test_a_total_then_its_breakdown_by_stars() -> None:
    text = (
        "Đến hết quý III, TP Hải Phòng đã công nhận được 1.236 sản phẩm OCOP; "
        "812 sản phẩm 4 sao và 407 sản phẩm 3 sao."
    )
    assert claims(text) == {(1236, None, "Hải Phòng"), (812, 4, "Hải Phòng"), (407, 3, "Hải Phòng")}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Cả nước có hơn 16.000 sản phẩm OCOP.", 16000),
        ("Toàn tỉnh có gần 60 sản phẩm OCOP.", 60),
        ("Hiện có khoảng 2,5 nghìn sản phẩm OCOP.", 2500),
        ("Hợp tác xã có hai sản phẩm OCOP.", 2),
        ("Tỉnh đã có trên 100 SP OCOP.", 100),
    ],
)
def test_vietnamese_numbers(text: str, count: int) -> None:
    assert [c for c, _s, _p in claims(text)] == [count]


def test_ratings_and_fuzzy_ratings() -> None:
    assert claims("Tỉnh Cao Bằng công nhận 14 sản phẩm đạt OCOP 3 sao.") == {(14, 3, "Cao Bằng")}
    assert claims("Tỉnh Khánh Hòa có 209 sản phẩm OCOP đạt từ 3 sao trở lên.") == {(209, None, "Khánh Hòa")}
    assert claims("Gia Lai có 3 sản phẩm hồ tiêu đạt 4 sao OCOP.") == {(3, 4, "Gia Lai")}


@pytest.mark.parametrize(
    "text",
    [
        "Đợt này các hợp tác xã đăng ký 215 sản phẩm tham gia đánh giá sản phẩm OCOP.",
        "Riêng nhóm chế biến có 142 mặt hàng thực phẩm và 57 sản phẩm đồ uống.",
        "Năm 2022, tỉnh phấn đấu có thêm 20 sản phẩm OCOP đạt từ 3 sao trở lên.",
        "Tỉnh đặt mục tiêu đến năm 2025 có ít nhất 1 sản phẩm OCOP đạt 5 sao.",
        "Tuần hàng có hơn 100 gian hàng sản phẩm OCOP.",
    ],
)
def test_candidates_plans_and_other_counts_are_not_claims(text: str) -> None:
    assert claims(text) == set()


def test_totals_and_places() -> None:
    assert claims("Bánh cáy đạt 4 sao, nâng số sản phẩm OCOP của tỉnh Thái Bình lên 245.") == {
        (245, None, "Thái Bình")
    }
    assert claims("Cả nước có hơn 16.000 sản phẩm OCOP.") == {(16000, None, "cả nước")}
    text = "Hà Tĩnh đẩy mạnh Chương trình OCOP.\n\nHiện toàn tỉnh có 356 sản phẩm OCOP."
    assert claims(text, "Hà Tĩnh phát triển sản phẩm OCOP") == {(356, None, "Hà Tĩnh")}


def test_a_restated_count_is_one_claim() -> None:
    text = "Tỉnh vừa trao chứng nhận cho 30 sản phẩm OCOP. Cả 30 sản phẩm đều đạt 3 sao."
    assert claims(text) == {(30, 3, None)}
