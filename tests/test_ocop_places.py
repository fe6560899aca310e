"""Provinces: names, aliases, units, the July 2025 merger, and the traps around names."""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text, province_filter, provinces_2025_list
from indexer.ocop.places import gazetteer_rules
from indexer.schema import VIETNAM_TZ
from indexer.text import normalize

BEFORE = datetime(2023, 5, 2, 9, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 9, 20, 9, 0, tzinfo=VIETNAM_TZ)


def places(
    text: str, published: datetime | None = BEFORE, title: str = "Tin tức"
) -> tuple[list[str], list[str]]:
    facts = enrich_text(title, text, published=published)
    return facts.provinces, facts.provinces_2025


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Hội chợ diễn ra tại TP.HCM trong ba ngày.", ["Hồ Chí Minh"], ["Hồ Chí Minh"]),
        ("Hội chợ diễn ra tại TP Hồ Chí Minh trong ba ngày.", ["Hồ Chí Minh"], ["Hồ Chí Minh"]),
        ("Người Sài Gòn thích mua đặc sản vùng miền.", ["Hồ Chí Minh"], ["Hồ Chí Minh"]),
        ("Du khách đến Huế dịp lễ hội.", ["Thừa Thiên Huế"], ["Huế"]),
        ("Tỉnh Thừa Thiên Huế có nhiều làng nghề.", ["Thừa Thiên Huế"], ["Huế"]),
        ("Sản phẩm của tỉnh Bà Rịa – Vũng Tàu được ưa chuộng.", ["Bà Rịa - Vũng Tàu"], ["Hồ Chí Minh"]),
        (
            "Sản phẩm của Hoà Bình, Khánh Hoà và Thanh Hoá.",
            ["Hòa Bình", "Khánh Hòa", "Thanh Hóa"],
            ["Phú Thọ", "Khánh Hòa", "Thanh Hóa"],
        ),
        ("Mien dong cua tinh Bac Kan rat ngon.", ["Bắc Kạn"], ["Thái Nguyên"]),
        ("Miến dong của tỉnh Bắc Cạn rất ngon.", ["Bắc Kạn"], ["Thái Nguyên"]),
    ],
)
def test_names_aliases_and_spellings(text: str, old: list[str], new: list[str]) -> None:
    assert places(text) == (old, new)


@pytest.mark.parametrize(
    "text",
    [
        "Bà Đỗ Thị Lài ở huyện Phúc Thọ cho biết như vậy.",
        "Cửa hàng mở tại quận Hai Bà Trưng từ tháng trước.",
        "Thị xã Sơn Tây có thêm 11 sản phẩm mới.",
    ],
)
def test_units_with_an_administrative_prefix_resolve_to_their_province(text: str) -> None:
    assert places(text) == (["Hà Nội"], ["Hà Nội"])


def test_unit_names_need_their_prefix_and_kind() -> None:
    assert places("Người dân huyện Sơn Tây trồng quế.") == (["Quảng Ngãi"], ["Quảng Ngãi"])
    assert places("Người dân Phúc Thọ trồng bưởi.") == ([], [])  # no prefix, no guess


@pytest.mark.parametrize(
    "text",
    [
        "Xe tải do anh Nguyễn Long An điều khiển va chạm với xe máy.",
        "Anh Long An cho biết cơ sở làm kẹo dừa từ lâu.",
        "Theo lời kể, Long An (35 tuổi) đã làm nghề nhiều năm.",
        "Ông Lê Hòa Bình, Phó Chủ tịch UBND thành phố, phát biểu tại buổi lễ.",
        "Nạn nhân là chị Nguyễn Thị Huế, bị chiếm đoạt 200 triệu đồng.",
        "Ông Nguyễn Vĩnh Phúc, chủ cơ sở, có bốn đời làm bánh.",
        "Sản phẩm được phân phối qua Công ty CP Đồng Tháp Xanh trên toàn quốc.",
        "Lợi nhuận của Ngân hàng TMCP Sài Gòn Thương Tín tăng mạnh trong quý này.",
        "Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương có hiệu lực.",
        "Mọi dân tộc đều mong muốn hòa bình, hợp tác và phát triển.",
        "Cửa hàng mới mở trên phố Huế, gần chợ Hôm.",
        "Cầu vượt trên xa lộ Hà Nội chính thức thông xe hôm nay.",
        "Khách sạn nằm trên đường Điện Biên Phủ, gần trung tâm.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ],
)
def test_person_company_street_and_common_words_are_not_provinces(text: str) -> None:
    assert places(text) == ([], [])


def test_context_words_match_with_their_diacritics() -> None:
    # "cho" (for) is not "chợ" (market), "xa" (far) is not "xã" (commune).
    assert places("Đà Lạt cung cấp rau, hoa cho TP.HCM và các tỉnh phía Nam.")[1] == [
        "Lâm Đồng",
        "Hồ Chí Minh",
    ]
    assert places("Làng nghề nằm cách không xa Hà Nội.") == (["Hà Nội"], ["Hà Nội"])


def test_neighbouring_names_and_officials_after_a_province() -> None:
    assert places("Trước đây, Quảng Nam Đà Nẵng là một tỉnh.")[0] == ["Quảng Nam", "Đà Nẵng"]
    assert places("Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh dự lễ.")[0] == ["Quảng Nam"]
    assert places("Huyện Quảng Ninh có nhiều sản phẩm nông nghiệp.") == (["Quảng Bình"], ["Quảng Trị"])


def test_merged_province_finds_older_coverage_of_its_parts() -> None:
    assert places("UBND tỉnh Phú Yên công nhận 12 sản phẩm.", BEFORE) == (["Phú Yên"], ["Đắk Lắk"])
    assert province_filter("Đắk Lắk") == ("provinces_2025", "Đắk Lắk")


def test_after_the_merger_a_2025_name_is_the_merged_province() -> None:
    assert places("Tỉnh Đắk Lắk (mới) quản lý hơn 500 sản phẩm.", AFTER) == ([], ["Đắk Lắk"])
    assert places("Các chủ thể ở tỉnh Bình Thuận (cũ) được hỗ trợ.", AFTER) == (["Bình Thuận"], ["Lâm Đồng"])
    assert places("Hà Nội tổ chức tuần hàng.", AFTER) == (["Hà Nội"], ["Hà Nội"])  # one old province
    assert places("Điểm bán đặt tại phường Quy Nhơn.", AFTER) == ([], ["Gia Lai"])  # a 2025 ward


def test_undated_text_with_merger_wording_is_read_in_the_2025_structure() -> None:
    assert places("Sau sáp nhập, tỉnh Đắk Lắk có hơn 500 sản phẩm.", None) == ([], ["Đắk Lắk"])
    assert places("Tỉnh Đắk Lắk có hơn 300 sản phẩm.", None) == (["Đắk Lắk"], ["Đắk Lắk"])


def test_plural_prefix_governs_a_list_of_units() -> None:
    rules = gazetteer_rules()
    from indexer.ocop.document import Document

    found = rules.find(Document("", "Tập huấn ở các huyện Bắc Hà, Sa Pa và Bát Xát."), False)
    assert found.provinces == ["Lào Cai"]
    assert [m.name for m in found.mentions] == ["huyện Bắc Hà", "thị xã Sa Pa", "huyện Bát Xát"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Đắk Lắk", ("provinces_2025", "Đắk Lắk")),
        ("dak lak", ("provinces_2025", "Đắk Lắk")),
        ("Phú Yên", ("provinces", "Phú Yên")),
        ("phu yen", ("provinces", "Phú Yên")),
        ("TP.HCM", ("provinces_2025", "Hồ Chí Minh")),
        ("Sài Gòn", ("provinces_2025", "Hồ Chí Minh")),
        ("Huế", ("provinces_2025", "Huế")),
        ("Thừa Thiên Huế", ("provinces_2025", "Huế")),
        ("hoà bình", ("provinces", "Hòa Bình")),
        ("Thanh Hoá", ("provinces_2025", "Thanh Hóa")),
        ("tỉnh Bắc Cạn", ("provinces", "Bắc Kạn")),
        ("Bà Rịa - Vũng Tàu", ("provinces", "Bà Rịa - Vũng Tàu")),
        ("Gia Lai (mới)", ("provinces_2025", "Gia Lai")),
        ("Paris", None),
        ("", None),
    ],
)
def test_province_filter(name: str, expected: tuple[str, str] | None) -> None:
    assert province_filter(name) == expected


def test_canonical_names_use_the_traditional_tone_placement() -> None:
    names = provinces_2025_list()
    assert len(names) == 34 and len(set(names)) == 34
    assert {"Hà Nội", "Huế", "Hồ Chí Minh", "Đắk Lắk", "Khánh Hòa", "Thanh Hóa"} <= set(names)
    rules = gazetteer_rules()
    old = set(rules.old_name.values())
    assert len(old) == 63
    assert {"Thừa Thiên Huế", "Hòa Bình", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Phú Yên"} <= old
    for name in old | set(names):
        assert normalize(name) == name
