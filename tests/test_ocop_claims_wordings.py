"""Session 17: stars and OCOP claims in other wordings (issue #11, blind round "claims2").

Invented passages (no text of real pages). Each mechanism has a passage that failed before the
round and guards that must not change.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text

LEAD = "Chương trình OCOP của tỉnh Yên Bái được triển khai đồng bộ, nhiều chủ thể đổi mới bao bì.\n"
END = "\nCác hợp tác xã được hỗ trợ kết nối tiêu thụ."


def facts(body: str, title: str = "") -> tuple[set[tuple[int, int | None]], list[int]]:
    f = enrich_text(title, LEAD + body + END)
    return {(c.count, c.stars) for c in f.ocop_claims}, f.stars


@pytest.mark.parametrize(
    ("body", "claims"),
    [
        # counts spelled in several words
        ("Đợt này có mười bốn sản phẩm đạt OCOP 3 sao.", {(14, 3)}),
        ("HTX Suối Ngọc có hai mươi mốt sản phẩm đạt OCOP 4 sao.", {(21, 4)}),
        ("Năm nay tỉnh có thêm bảy sản phẩm đạt 4 sao và mười sáu sản phẩm đạt 3 sao.", {(7, 4), (16, 3)}),
        ("Đến nay tỉnh có hơn hai trăm sản phẩm OCOP.", {(200, None)}),
    ],
)
def test_spelled_counts(body: str, claims: set[tuple[int, int | None]]) -> None:
    assert facts(body)[0] == claims


def test_spelled_guards() -> None:
    # "một" alone is "a"; a year after "năm" is no count; "mười năm" is no count of products
    assert facts("Đây là một sản phẩm OCOP 4 sao của xã.")[0] == set()
    assert facts("Sau mười năm, tỉnh có 31 sản phẩm OCOP.")[0] == {(31, None)}


@pytest.mark.parametrize(
    ("body", "claims", "stars"),
    [
        ("Theo hạng sao: 3 sao – 27 sản phẩm, 4 sao – 9 sản phẩm.", {(27, 3), (9, 4)}, [3, 4]),
        ("Cơ cấu theo hạng: OCOP 3 sao (36 sản phẩm), OCOP 4 sao (13 sản phẩm).", {(36, 3), (13, 4)}, [3, 4]),
        ("Xét theo hạng, 4 sao có 8 sản phẩm, 3 sao có 44 sản phẩm.", {(8, 4), (44, 3)}, [3, 4]),
        ("Sản phẩm 3 sao chiếm đa số với 52 sản phẩm.", {(52, 3)}, [3]),
    ],
)
def test_rating_labels_a_count(body: str, claims: set[tuple[int, int | None]], stars: list[int]) -> None:
    assert facts(body) == (claims, stars)


def test_bracketed_count_after_a_name_keeps_its_clause() -> None:
    # a count in a bracket after a group's name is that group's part; the next item's rating is not its
    assert facts("Thực phẩm (41 sản phẩm), đồ uống (12 sản phẩm) đạt 3 sao.")[0] >= {(41, None)}


def test_lists_and_table_rows_under_an_ocop_cue() -> None:
    body = "Số sản phẩm OCOP chia theo huyện:\n- Huyện Trấn Yên: 19 sản phẩm\n- Huyện Văn Chấn: 23 sản phẩm"
    assert facts(body)[0] == {(19, None), (23, None)}
    body = "Sản phẩm OCOP 3 sao theo huyện:\n• Lục Yên: 12\n• Văn Yên: 17"
    assert facts(body) == ({(12, 3), (17, 3)}, [3])
    body = "Kết quả xếp hạng sản phẩm OCOP:\n| Hạng | Số sản phẩm |\n| 3 sao | 38 |\n| 4 sao | 6 |"
    assert facts(body) == ({(38, 3), (6, 4)}, [3, 4])


def test_list_guards() -> None:
    # a cue without OCOP, a plan in the cue, a year at the end of a row: no claims
    assert facts("Diện tích trồng chè theo huyện:\n- Huyện Trấn Yên: 19 ha\n- Huyện Văn Chấn: 23")[0] == set()
    body = "Dự kiến số sản phẩm OCOP mới theo huyện:\n• Lục Yên: 12\n• Văn Yên: 17"
    assert facts(body)[0] == set()
    assert facts("Các sản phẩm OCOP theo năm công nhận:\n• Mật ong: 2022\n• Chè: 2023")[0] == set()


def test_group_names_and_shares() -> None:
    assert facts("Về cơ cấu, thực phẩm có 26 sản phẩm, đồ uống 18 sản phẩm.")[0] == {(26, None), (18, None)}
    assert facts("Trong 140 sản phẩm OCOP, đồ uống chiếm 37 sản phẩm.")[0] == {(140, None), (37, None)}
    # a fraction after "chiếm" is a share, not two counts
    assert facts("Sản phẩm 4 sao chiếm khoảng 1/4 sản phẩm OCOP của tỉnh.") == (set(), [4])
    # a share restated as a count takes the share's rating
    assert facts("Tỷ lệ sản phẩm OCOP 4 sao là 31%, tương đương 42 sản phẩm.")[0] == {(42, 4)}


def test_back_total_and_renewals() -> None:
    text = LEAD + "Năm 2021, tỉnh có 65 sản phẩm OCOP; đến năm 2023, con số này là 148." + END
    # undated, "đến năm 2023" may be a target; dated later, it is a fact
    assert {(c.count, c.stars) for c in enrich_text("", text).ocop_claims} == {(65, None)}
    dated = enrich_text("", text, published=datetime(2024, 3, 1))
    assert {(c.count, c.stars) for c in dated.ocop_claims} == {(65, None), (148, None)}
    renewed = "Năm 2024, 16 sản phẩm hết hạn được đánh giá lại và giữ nguyên hạng 3 sao."
    assert facts(renewed) == ({(16, 3)}, [3])
    # still lapsed: not renewed, or renewal only as a purpose
    assert facts("Có 9 sản phẩm OCOP đã hết hạn và không được gia hạn.")[0] == set()
    assert facts("Có 9 sản phẩm đã hết hạn, chủ thể chưa làm hồ sơ để được cấp lại.")[0] == set()


def test_star_symbols() -> None:
    assert facts("Tỉnh có 24 sản phẩm đạt OCOP 4* và 61 sản phẩm đạt 3*.") == ({(24, 4), (61, 3)}, [3, 4])
    assert facts("Hiện có 5 sản phẩm OCOP ★★★★ của tỉnh.") == ({(5, 4)}, [4])
    # an asterisk after a year or a footnote mark is no rating
    assert facts("Số liệu năm 2023* và ghi chú (*) của Sở.") == (set(), [])


@pytest.mark.parametrize(
    "body",
    [
        "Hiện còn 14 sản phẩm đang chờ UBND tỉnh ra quyết định công nhận OCOP 3 sao.",
        "Sở đã gửi Hội đồng cấp tỉnh 11 hồ sơ sản phẩm đề nghị xét công nhận 4 sao.",
        "Không một sản phẩm nào của tỉnh được xếp hạng 5 sao.",
    ],
)
def test_pending_and_denied_ratings(body: str) -> None:
    assert facts(body) == (set(), [])


def test_denied_any_stops_at_its_clause() -> None:
    body = "Chưa một sản phẩm nào được xếp hạng 5 sao, nhưng tỉnh đã có 29 sản phẩm 4 sao."
    assert facts(body) == ({(29, 4)}, [4])


def test_pending_guards() -> None:
    # a council's 4-star score proposed to the committee is the rating (documented convention)
    assert facts("Hội đồng đề nghị UBND tỉnh công nhận 17 sản phẩm cùng đạt 4 sao.")[1] == [4]
    # a decision taken is a fact
    assert facts("UBND tỉnh đã ra quyết định công nhận 17 sản phẩm cùng đạt OCOP 3 sao.") == ({(17, 3)}, [3])
