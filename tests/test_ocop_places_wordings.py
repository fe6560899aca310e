"""Provinces in other wordings (session 16): names inside longer names, dishes, institutions,
naming phrases, mastheads, English quotes, older province names. Passages of our own."""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2023, 4, 11, 9, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 10, 3, 9, 0, tzinfo=VIETNAM_TZ)
HOME = "Hội chợ nông sản của tỉnh Hà Tĩnh khai mạc sáng nay."


def places(text: str, published: datetime | None = BEFORE) -> tuple[list[str], list[str]]:
    facts = enrich_text("Tin tức", text, published=published)
    return facts.provinces, facts.provinces_2025


@pytest.mark.parametrize(
    "trap",
    [
        # a capitalised run before the name: a club, a shop
        "Cổ động viên Thép Xanh Nam Định ghé gian hàng mua quà.",
        "Nhiều người hâm mộ Sông Lam Nghệ An đến cổ vũ.",
        # a dish named after a place
        "Quán phở Nam Định đầu chợ luôn đông khách.",
        # outlets, hospitals, schools named after a province
        "Phóng viên Đài PT-TH Kiên Giang có mặt từ sớm.",
        "Các bác sĩ Bệnh viện Trung ương Huế cũng tới thăm.",
        "Học sinh Trường THPT chuyên Lào Cai trải nghiệm làm bánh.",
        # what something is called
        "Hai vợ chồng đặt tên tiệm là Long An cho dễ nhớ.",
        "Con thuyền mang tên Quảng Ninh neo gần bến.",
    ],
)
def test_a_province_name_inside_another_name_is_no_place(trap: str) -> None:
    assert places(f"{HOME} {trap}") == (["Hà Tĩnh"], ["Hà Tĩnh"])


def test_an_outlets_masthead_footer_names_no_place() -> None:
    text = f"{HOME}\nBáo điện tử Tiếng Sông Hồng. Trụ sở: 9 Lê Lợi, TP Thái Bình. Giấy phép số 45/GP-BTTTT."
    assert places(text) == (["Hà Tĩnh"], ["Hà Tĩnh"])
    text = f"{HOME}\nCơ quan chủ quản: UBND tỉnh Cà Mau. Điện thoại: 0290 3831 000."
    assert places(text) == (["Hà Tĩnh"], ["Hà Tĩnh"])


def test_a_name_in_an_english_quote_is_read_without_diacritics() -> None:
    text = f'{HOME} Ông Peter nói: "Our buyers love the tea from Thai Nguyen very much."'
    assert places(text) == (["Hà Tĩnh", "Thái Nguyên"], ["Hà Tĩnh", "Thái Nguyên"])


def test_ha_tay_is_now_ha_noi() -> None:
    assert places(f"{HOME} Nghề dệt lụa vốn có từ thời tỉnh Hà Tây.") == (
        ["Hà Tĩnh", "Hà Nội"],
        ["Hà Tĩnh", "Hà Nội"],
    )


def test_a_preposition_ends_an_organisations_name() -> None:
    text = "Doanh nghiệp tiếp đón đối tác đến từ Cà Mau và Bạc Liêu."
    assert places(text) == (["Cà Mau", "Bạc Liêu"], ["Cà Mau"])


# -- guards: what still counts, and what still does not --------------------------------------------


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Sở Công Thương Bắc Giang tổ chức phiên chợ.", ["Bắc Giang"], ["Bắc Ninh"]),
        ("Hội Nông dân Thái Bình hỗ trợ xã viên.", ["Thái Bình"], ["Hưng Yên"]),
        ("Ở Hà Nội, sản phẩm bán rất chạy.", ["Hà Nội"], ["Hà Nội"]),
        ("Du khách đến Mộc Châu Sơn La mua mận.", ["Sơn La"], ["Sơn La"]),
        ("Đoàn nghỉ tại khách sạn Sofitel Plaza Hà Nội.", ["Hà Nội"], ["Hà Nội"]),
        ("Sản phẩm được bày bán ở Hà Nội và TP.HCM.", ["Hà Nội", "Hồ Chí Minh"], ["Hà Nội", "Hồ Chí Minh"]),
        ("Doanh nghiệp có giấy phép số 12/GP-UBND của tỉnh Cà Mau.", ["Cà Mau"], ["Cà Mau"]),
    ],
)
def test_places_that_still_count(text: str, old: list[str], new: list[str]) -> None:
    assert places(text) == (old, new)


def test_a_ward_named_with_a_town_in_it_still_counts_after_the_merger() -> None:
    assert places("Sản phẩm của phường Nam Đồ Sơn được ưa chuộng.", AFTER) == ([], ["Hải Phòng"])


@pytest.mark.parametrize(
    "text",
    [
        "Kỹ sư Lê Quang Nam hướng dẫn bà con cách làm.",  # no diacritics in the name, but beside them
        "Chị mong một cuộc sống hòa bình, thái bình.",
        "Các đơn hàng đến từ Quang Ninh.",  # "Quang Ninh" beside words with diacritics stays strict
    ],
)
def test_folded_look_alikes_still_do_not_count(text: str) -> None:
    assert places(text) == ([], [])


def test_quang_binh_is_still_a_district_of_ha_giang() -> None:
    assert places("Người dân huyện Quang Bình trồng chè.") == (["Hà Giang"], ["Tuyên Quang"])


def test_an_organisation_head_needs_its_capitals() -> None:
    """Written after the held-out run: "đoàn doanh nghiệp TP.HCM" is a delegation from the city,
    "Doanh nghiệp tư nhân Hoa Mai Lạng Sơn" a firm's name."""
    assert places("Đoàn doanh nghiệp TP.HCM đến thăm vùng chè.", AFTER) == ([], ["Hồ Chí Minh"])
    assert places("Doanh nghiệp tư nhân Hoa Mai Lạng Sơn ký hợp đồng với hợp tác xã.") == ([], [])


# Session 19 blind round on the place grammar: routes named by their two ends, old districts read
# beside a merged 2025 province.
@pytest.mark.parametrize(
    "text",
    [
        "Xe chở bưởi của tỉnh Kon Tum chạy trên cao tốc Hà Nội – Lào Cai suốt đêm.",
        "Hàng của tỉnh Kon Tum đi theo tuyến đường sắt Hà Nội - Lào Cai ra cửa khẩu.",
        "Sản phẩm của tỉnh Kon Tum đi qua quốc lộ Hà Nội — Hải Phòng — Quảng Ninh mỗi tuần.",
    ],
)
def test_a_route_named_by_its_ends_names_no_province(text: str) -> None:
    assert places(text) == (["Kon Tum"], ["Quảng Ngãi"])


def test_a_dash_between_provinces_without_a_road_word_still_names_both() -> None:
    text = "Đoàn công tác làm việc tại Hà Nội – Lào Cai là chặng cuối của chuyến đi."
    assert places(text) == (["Hà Nội", "Lào Cai"], ["Hà Nội", "Lào Cai"])


def test_an_old_district_beside_a_merged_province_is_one_of_its_parts() -> None:
    # Both old Tây Ninh and old Long An had a huyện Châu Thành: the old province is unknown,
    # the 2025 province is not.
    text = "Xã An Lục Long, tỉnh Tây Ninh (thuộc huyện Châu Thành cũ) có 9 sản phẩm OCOP."
    assert places(text, AFTER) == ([], ["Tây Ninh"])
    # Only old Long An had a huyện Đức Hòa: that part is named.
    text = "Tại huyện Đức Hòa cũ, tỉnh Tây Ninh, hợp tác xã vừa ra mắt sản phẩm OCOP."
    assert places(text, AFTER) == (["Long An"], ["Tây Ninh"])
    # Only old Tây Ninh had a huyện Gò Dầu.
    text = "Tại huyện Gò Dầu cũ, tỉnh Tây Ninh, hợp tác xã vừa ra mắt sản phẩm OCOP."
    assert places(text, AFTER) == (["Tây Ninh"], ["Tây Ninh"])


def test_before_the_merger_the_named_province_still_chooses_its_district() -> None:
    text = "Tại huyện Châu Thành, tỉnh Tây Ninh, hợp tác xã vừa ra mắt sản phẩm OCOP."
    assert places(text, BEFORE) == (["Tây Ninh"], ["Tây Ninh"])


# Found on round 2's held-out half (not blind): a bus route after "chạy tuyến", a town after "T.X".
def test_a_bus_route_names_no_province() -> None:
    text = "Xe khách chạy tuyến Hà Nội – Sơn La dừng ở tỉnh Kon Tum để nhận hàng OCOP."
    assert places(text) == (["Kon Tum"], ["Quảng Ngãi"])


def test_a_town_written_t_dot_x() -> None:
    text = "T.X Bình Long vừa có thêm 4 sản phẩm OCOP 3 sao."
    assert places(text) == (["Bình Phước"], ["Đồng Nai"])
