"""Text set in capitals (headlines, decks, subheads, letters typed in capitals), on passages we
wrote ourselves: a line in capitals carries no proper-name signal, so the vocabulary and grammar
read it the way they read lower-case text, while capitals in ordinary text still mark names.

Each case in capitals has a guard in ordinary case beside it; none is a copy of a real passage.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text
from indexer.ocop.document import Document, in_capitals, unwrap
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2022, 4, 2, 9, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 10, 2, 9, 0, tzinfo=VIETNAM_TZ)
OCOP_TITLE = "Thêm nhiều sản phẩm OCOP được công nhận"


def facts(text: str, title: str = OCOP_TITLE, published: datetime | None = BEFORE):
    return enrich_text(title, text, published=published)


def zones(text: str) -> dict[str, str]:
    """First words of each block -> its zone."""
    doc = Document("", text)
    return {doc.text[b.start : b.end][:20]: b.zone for b in doc.blocks if b.last > b.first}


def test_a_line_in_capitals() -> None:
    assert in_capitals("TỈNH CÓ 12 SẢN PHẨM OCOP ĐẠT 3 SAO, 2 KG")
    assert not in_capitals("Tỉnh có 12 sản phẩm OCOP (HTX, UBND) đạt 3 sao")
    assert not in_capitals("OCOP HTX")  # fewer than three words


# -- hard-wrapped text in capitals ------------------------------------------------------------------

_WRAPPED = (
    "KẾ HOẠCH\n"
    "ĐÁNH GIÁ VÀ PHÂN HẠNG SẢN PHẨM THUỘC CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM\n"
    "(OCOP) TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ NĂM 2021 NHẰM GÓP PHẦN PHÁT TRIỂN KINH\n"
    "TẾ NÔNG THÔN THEO HƯỚNG PHÁT TRIỂN NỘI LỰC VÀ GIA TĂNG GIÁ TRỊ CHO CÁC SẢN\n"
    "PHẨM ĐẶC SẢN CỦA ĐỊA PHƯƠNG, HỖ TRỢ CÁC CHỦ THỂ THAM GIA CHƯƠNG TRÌNH OCOP.\n"
)


def test_hard_wrapped_text_in_capitals_is_rejoined_by_its_width() -> None:
    joined = unwrap(_WRAPPED)
    assert joined.count("\n") < _WRAPPED.count("\n") - 2
    found = facts(_WRAPPED, title="")
    assert found.is_ocop
    assert found.provinces == ["Quảng Trị"]


def test_a_column_of_headlines_in_capitals_is_not_joined() -> None:
    text = "TIN MỚI\nHỘI CHỢ OCOP MỞ CỬA\nGIÁ LÚA TĂNG\nMƯA LỚN Ở MIỀN TRUNG\nKHAI MẠC LỄ HỘI TRÀ\n"
    assert unwrap(text) == text


# -- acronyms, abbreviations and sentence ends -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "ÔNG NAM, GIÁM ĐỐC CÔNG TY TNHH THỰC PHẨM AN PHÚ (NGHỆ AN), CHO BIẾT HỘI CHỢ LÀ DỊP "
            "GIỚI THIỆU SẢN PHẨM OCOP.",
            "Nghệ An",
        ),
        (
            "Ông Nam, Giám đốc Công ty TNHH Thực phẩm An Phú (Nghệ An), cho biết hội chợ là dịp "
            "giới thiệu sản phẩm OCOP.",
            "Nghệ An",
        ),
    ],
)
def test_a_province_in_brackets_after_a_company_is_its_province(text: str, province: str) -> None:
    assert province in facts(text).provinces


def test_an_acronym_in_capitals_is_a_word_no_syllable_spells() -> None:
    doc = Document("", "HỢP TÁC XÃ (HTX) CHÈ KHE CỐC CÓ 3 SẢN PHẨM OCOP")
    acronyms = {doc.orig[k] for k in range(len(doc)) if doc.is_acronym(k)}
    assert acronyms == {"HTX", "OCOP"}
    ordinary = Document("", "Hợp tác xã (HTX) chè Khe Cốc có 3 sản phẩm OCOP")
    assert {ordinary.orig[k] for k in range(len(ordinary)) if ordinary.is_acronym(k)} == {"HTX", "OCOP"}


def test_a_short_word_in_capitals_ends_a_sentence() -> None:
    doc = Document("", "HUYỆN CÓ 5 SẢN PHẨM ĐẠT 3 SAO. TP. VINH CÓ 2 SẢN PHẨM ĐẠT 4 SAO. HTX. AN")
    sentences = [doc.sent_of[k] for k in range(len(doc))]
    sao = [k for k in range(len(doc)) if doc.fold[k] == "sao"]
    assert sentences[sao[0]] != sentences[sao[0] + 1]  # "SAO. TP." ends the first sentence
    assert sentences[sao[0] + 1] == sentences[sao[0] + 2]  # "TP. VINH" does not end one
    assert sentences[sao[1]] != sentences[sao[1] + 1]


# -- captions, datelines, cut prose ----------------------------------------------------------------


def test_a_caption_in_capitals_is_a_caption() -> None:
    text = (
        "Hội chợ giới thiệu hàng trăm sản phẩm OCOP của các tỉnh miền núi phía Bắc tới người tiêu dùng.\n"
        "DU KHÁCH CHỌN MUA CHÈ SHAN TUYẾT TẠI GIAN HÀNG. ẢNH: LAN ANH\n"
        "Du khách chọn mua chè Shan tuyết tại gian hàng. Ảnh: Lan Anh"
    )
    assert set(zones(text).values()) == {"lead", "caption"}


def test_a_name_in_a_line_in_capitals_followed_by_a_dash_is_no_dateline() -> None:
    text = "PHÍA NAM GIÁP TỈNH YÊN BÁI - PHÍA TÂY GIÁP HUYỆN VĂN BÀN CÓ NHIỀU RỪNG QUẾ LÂU NĂM."
    assert "Yên Bái" in facts(text).provinces
    # an opening dateline is still one, in capitals or in an ordinary line
    dateline = "HÀ NỘI - Ngày 5/3, hội chợ sản phẩm OCOP của tỉnh Lào Cai khai mạc tại thủ đô."
    assert facts(dateline).provinces == ["Lào Cai"]


def test_a_last_line_in_capitals_cut_mid_clause_is_text() -> None:
    text = (
        "Tỉnh Lào Cai vừa công nhận thêm nhiều sản phẩm OCOP cho các hợp tác xã trên địa bàn tỉnh.\n"
        "TRONG NHỮNG NĂM QUA, TỈNH HÀ GIANG LUÔN DUY TRÌ VI"
    )
    assert "Hà Giang" in facts(text).provinces


@pytest.mark.parametrize("marker", ["(CŨ)", "(cũ)"])
def test_an_old_province_marker_in_capitals(marker: str) -> None:
    # after the merger a bare "Đồng Tháp" is the 2025 province; "(cũ)" names the old one too
    text = f"TỈNH ĐỒNG THÁP {marker} CÓ 20 SẢN PHẨM OCOP ĐẠT 3 SAO."
    found = facts(text, published=AFTER)
    assert found.provinces == ["Đồng Tháp"]
    assert found.provinces_2025 == ["Đồng Tháp"]
    assert facts("TỈNH ĐỒNG THÁP CÓ 20 SẢN PHẨM OCOP ĐẠT 3 SAO.", published=AFTER).provinces == []


# -- names where case shows none ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "CÁC SẢN PHẨM OCOP TỈNH TRÀ VINH ĐỢT NÀY ĐẠT 3 SAO VÀ 4 SAO, ĐƯỢC DÁN TEM THEO QUY ĐỊNH.",
        "Các sản phẩm OCOP tỉnh Trà Vinh đợt này đạt 3 sao và 4 sao, được dán tem theo quy định.",
    ],
)
def test_a_named_province_makes_a_rating_a_fact_not_a_rule(text: str) -> None:
    assert facts(text).stars == [3, 4]


@pytest.mark.parametrize(
    "text",
    [
        "NỔI BẬT LÀ BÁNH PHỒNG TÔM HƯƠNG QUÊ LÀ SẢN PHẨM OCOP 5 SAO.",
        "Nổi bật là bánh phồng tôm Hương Quê là sản phẩm OCOP 5 sao.",
    ],
)
def test_a_kind_of_product_before_a_rating_names_the_product(text: str) -> None:
    assert facts(text).stars == [5]


@pytest.mark.parametrize(
    "text",
    [
        "SẢN PHẨM ĐẠT 4 SAO ĐƯỢC TỈNH HỖ TRỢ 50 TRIỆU ĐỒNG.",
        "Sản phẩm đạt 4 sao được tỉnh hỗ trợ 50 triệu đồng.",
    ],
)
def test_a_rule_in_capitals_is_still_a_rule(text: str) -> None:
    assert facts(text).stars == []


@pytest.mark.parametrize(
    "text",
    [
        "CÔNG TY TNHH TRÀ VINH XANH CÓ 3 SẢN PHẨM OCOP 4 SAO LÀ BÁNH PHỒNG, KẸO DỪA VÀ MẮM RUỐC.",
        "Công ty TNHH Trà Vinh Xanh có 3 sản phẩm OCOP 4 sao là bánh phồng, kẹo dừa và mắm ruốc.",
    ],
)
def test_a_product_word_that_opens_a_place_name_is_the_place(text: str) -> None:
    assert facts(text).product_groups == ["Thực phẩm"]  # no tea


@pytest.mark.parametrize(
    "text",
    [
        "HTX CÓ 2 SẢN PHẨM OCOP 4 SAO LÀ TRÀ XANH VÀ ĐÔNG TRÙNG HẠ THẢO SẤY KHÔ.",
        "HTX có 2 sản phẩm OCOP 4 sao là trà xanh và đông trùng hạ thảo sấy khô.",
    ],
)
def test_product_words_in_capitals_still_count(text: str) -> None:
    # "ĐÔNG TRÙNG" is not the commune name Đông Trung: place names keep their diacritics
    assert facts(text).product_groups == ["Đồ uống", "Thảo dược"]


@pytest.mark.parametrize(
    ("text", "provinces"),
    [
        ("SẢN PHẨM OCOP 3 SAO GỒM MẬT ONG RỪNG BÌNH DƯƠNG VÀ MIẾN DONG.", []),
        ("Sản phẩm OCOP 3 sao gồm mật ong rừng Bình Dương và miến dong.", []),
        ("SẢN PHẨM OCOP 3 SAO CỦA TỈNH BÌNH DƯƠNG GỒM MẬT ONG VÀ MIẾN DONG.", ["Bình Dương"]),
    ],
)
def test_a_province_name_after_a_product_word_is_a_brand(text: str, provinces: list[str]) -> None:
    assert facts(text).provinces == provinces


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "HAI ĐIỂM ĐẾN ĐƯỢC DU KHÁCH YÊU THÍCH NHẤT CỦA HUYỆN LÀ DU LỊCH CỘNG ĐỒNG BẢN NẬM CANG "
            "VÀ DU LỊCH CỘNG ĐỒNG THÔN PHÚ AN.",
            ["Dịch vụ du lịch cộng đồng và điểm du lịch"],
        ),
        (
            "Hai điểm đến được du khách yêu thích nhất của huyện là Du lịch cộng đồng bản Nậm Cang "
            "và Du lịch cộng đồng thôn Phú An.",
            ["Dịch vụ du lịch cộng đồng và điểm du lịch"],
        ),
        ("HUYỆN TIẾP TỤC PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG Ở CÁC BẢN VÙNG CAO.", []),
        ("HUYỆN CHÚ TRỌNG DU LỊCH CỘNG ĐỒNG BẢN LÀNG VÙNG CAO.", []),
    ],
)
def test_a_settlement_and_its_name_after_a_tourism_word_name_a_site(text: str, groups: list[str]) -> None:
    assert facts(text).product_groups == groups
