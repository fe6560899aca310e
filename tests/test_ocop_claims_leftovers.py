"""Session 18: claims leftovers (issue #11). Invented passages, no text of real pages.

Each mechanism has a passage that fails on main, and guards that must not change.
"""

from __future__ import annotations

from indexer.ocop import enrich_text

OPEN = "Hội đồng tỉnh Hà Giang đã họp xét sản phẩm OCOP năm nay. "


def facts(text: str) -> tuple[set[tuple[int, int | None]], list[int]]:
    f = enrich_text("", text)
    return {(c.count, c.stars) for c in f.ocop_claims}, f.stars


# 1. A count whose own noun phrase says its products are entered for assessment is no claim,
# even after a rating ("sản phẩm 4 sao là 25 sản phẩm dự thi").


def test_entered_count_after_a_rating_is_no_claim() -> None:
    for entered in ("dự thi", "tham gia đánh giá", "OCOP dự thi", "đăng ký"):
        assert facts(OPEN + f"Sản phẩm 4 sao là 25 sản phẩm {entered}.")[0] == set(), entered
    # its sentence's other counts share the subject: candidates too
    text = OPEN + "Trong đó, sản phẩm 4 sao là 25 sản phẩm dự thi, sản phẩm 3 sao là 40 sản phẩm."
    assert facts(text)[0] == set()


def test_entered_guards() -> None:
    # no entry word: a rated count, as before
    assert facts(OPEN + "Sản phẩm 4 sao là 25 sản phẩm.")[0] == {(25, 4)}
    # a result after the entry word settles it
    assert facts(OPEN + "Sản phẩm 4 sao là 25 sản phẩm dự thi đạt chuẩn.")[0] == {(25, 4)}
    # "tham gia" alone (a fair) is no entry for assessment
    text = "Tỉnh Hà Giang có thêm sản phẩm OCOP. Hạng 4 sao có 25 sản phẩm tham gia hội chợ tại Hà Nội."
    assert facts(text)[0] == {(25, 4)}


# 2. A table total under rows that all carry one rating takes it.

CUE = "Danh sách sản phẩm được UBND tỉnh Lai Châu công nhận đạt chuẩn OCOP đợt này như sau:\n"
HEADER = "STT | Tên sản phẩm | Chủ thể | Hạng sao\n"
CAPTION = "Sản phẩm của một hợp tác xã được trưng bày tại hội chợ. Ảnh: Q.H\n"
END = "Các chủ thể được hỗ trợ hoàn thiện bao bì và tem truy xuất nguồn gốc."


def rows(*ratings: str) -> str:
    names = ("Bánh chưng đen | HTX Mây Trắng", "Khăn thổ cẩm | Công ty Nắng Sớm", "Chiếu cói | cơ sở Bình An")
    return "".join(f"{i} | {name} | {r}\n" for i, (name, r) in enumerate(zip(names, ratings, strict=True), 1))


def test_table_total_takes_the_rows_one_rating() -> None:
    same = rows("3 sao", "3 sao", "3 sao")
    assert facts(CUE + HEADER + same + "Tổng cộng: 3 sản phẩm.\n" + END)[0] == {(3, 3)}
    assert facts(CUE + HEADER + same + CAPTION + "Tổng: 3 sản phẩm.\n" + END)[0] == {(3, 3)}


def test_table_total_guards() -> None:
    # mixed ratings: unrated, as before
    mixed = rows("3 sao", "4 sao", "3 sao")
    assert facts(CUE + HEADER + mixed + "Tổng cộng: 3 sản phẩm.\n" + END)[0] == {(3, None)}
    # one row without a rating: unrated
    gap = rows("3 sao", "chưa xếp hạng", "3 sao")
    assert facts(CUE + HEADER + gap + "Tổng cộng: 3 sản phẩm.\n" + END)[0] == {(3, None)}


# 3. English: the scale is no rating; "N of them rated 4 stars" is a claim.

EN = "Lao Cai now has 120 OCOP products, {} by the provincial council this year."


def test_english_scale_gives_no_stars() -> None:
    text = "The OCOP programme in Lao Cai grades goods from three to five stars, according to its council."
    assert facts(text)[1] == []


def test_english_of_them_rated() -> None:
    for part in ("47 of them rated four stars", "47 of which were rated 4-star"):
        assert facts(EN.format(part)) == ({(120, None), (47, 4)}, [4]), part


def test_english_guards() -> None:
    # products rated over a range keep the range's ratings and stay unrated as a count
    claims, stars = facts(EN.format("20 of them rated from three to four stars"))
    assert stars == [3, 4]
    assert {rating for _count, rating in claims} == {None}
    # not about OCOP: nothing
    text = "Lao Cai has 120 hotels, 47 of which were rated 4-star by the tourism department this year."
    assert facts(text) == (set(), [])
