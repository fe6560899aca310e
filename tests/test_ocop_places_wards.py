"""Provinces in other wordings, second round (session 17): a 2025 ward named after the former city
or district it replaced stands on its own beside other provinces. Passages of our own."""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2022, 6, 14, 9, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 11, 20, 9, 0, tzinfo=VIETNAM_TZ)
HOME = "Hợp tác xã rau sạch của tỉnh Nghệ An vừa mở thêm cửa hàng."


def places(text: str, published: datetime | None = AFTER) -> tuple[list[str], list[str]]:
    facts = enrich_text("Tin tức", text, published=published)
    return facts.provinces, facts.provinces_2025


@pytest.mark.parametrize(
    ("trap", "province"),
    [
        ("Một đại lý ở phường Đồng Hới nhận bán lẻ.", "Quảng Trị"),
        ("Khách quen ở phường Quy Nhơn đặt hàng mỗi tuần.", "Gia Lai"),
        ("Điểm bán thứ hai nằm ở phường Vũng Tàu.", "Hồ Chí Minh"),
        ("Chủ cửa hàng ở phường Phủ Lý gọi điện hỏi giá.", "Ninh Bình"),
    ],
)
def test_a_2025_ward_named_after_a_former_city_stands_alone(trap: str, province: str) -> None:
    _old, new = places(f"{HOME} {trap}")
    assert new == ["Nghệ An", province]


def test_the_namesake_ward_gives_no_old_province() -> None:
    # Post-merger text names no old province: "phường Vĩnh Yên" is Phú Thọ (2025) only.
    assert places(f"{HOME} Sản phẩm có mặt ở phường Vĩnh Yên.") == (["Nghệ An"], ["Nghệ An", "Phú Thọ"])


def test_an_ordinary_commune_still_needs_its_province_named() -> None:
    # "xã Hải Dương" (of Huế in the old map) is no namesake of the city of Hải Dương: nothing added.
    assert places(f"{HOME} Vài hộ ở xã Hải Dương cũng trồng rau.", BEFORE) == (["Nghệ An"], ["Nghệ An"])
    # A shared ward name ("phường Tân An") is resolved only by a named province.
    assert places(f"{HOME} Một đại lý ở phường Tân An nhận hàng.") == (["Nghệ An"], ["Nghệ An"])


def test_a_commune_of_another_kind_is_no_namesake() -> None:
    # "xã Hội An" is a commune of An Giang, not the ward of Đà Nẵng that was the city of Hội An.
    assert places(f"{HOME} Vài hộ ở xã Hội An cũng trồng rau.") == (["Nghệ An"], ["Nghệ An"])


@pytest.mark.parametrize(
    "trap",
    [
        "Quầy bên cạnh bán chè Tân Cương Thái Nguyên đóng hộp.",
        "Giỏ quà còn có xoài cát Hòa Lộc Tiền Giang.",
    ],
)
def test_a_specialty_named_with_a_place_and_its_province_is_no_place(trap: str) -> None:
    assert places(f"{HOME} {trap}", BEFORE) == (["Nghệ An"], ["Nghệ An"])


def test_the_province_after_a_place_that_is_not_a_product_still_counts() -> None:
    # "của", "ở" break the product: the origin is a place.
    text = f"{HOME} Khách mua chè của Tân Cương Thái Nguyên."
    assert places(text, BEFORE) == (["Nghệ An", "Thái Nguyên"], ["Nghệ An", "Thái Nguyên"])


def test_ho_chi_minh_city_in_english_is_the_city() -> None:
    text = "The cooperative in Nghe An province sells its honey in Hanoi and Ho Chi Minh City."
    assert places(text, BEFORE)[1] == ["Nghệ An", "Hà Nội", "Hồ Chí Minh"]
    # The person stays no place.
    assert places("President Ho Chi Minh visited Nghe An province in 1961.", BEFORE)[1] == ["Nghệ An"]
