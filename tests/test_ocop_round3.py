"""Round 3 of issue #11: product groups, star ratings and claim recall, on passages we wrote.

Each case names the mechanism it guards and the failure kind behind it; none is a copy of a real
passage. The vocabulary lives in indexer/ocop/data; these tests pin the behaviour, not the words.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import enrich_text
from indexer.ocop.document import Document
from indexer.ocop.modality import modality
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2023, 6, 12, 9, 0, tzinfo=VIETNAM_TZ)
TITLE = "Huyện có thêm sản phẩm OCOP được công nhận"
TP, DU, TD, VM, LN, DL = (
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
)


def facts(text: str, title: str = TITLE):
    return enrich_text(title, text, published=BEFORE)


def groups(text: str, title: str = TITLE) -> list[str]:
    result = facts(text, title)
    assert result.is_ocop, "the passage must read as OCOP coverage for the groups to be asked"
    return result.product_groups


def claims(text: str, title: str = TITLE) -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in facts(text, title).ocop_claims}


# -- product groups ---------------------------------------------------------------------------------


def test_a_health_supplement_is_a_herbal_product_not_a_food() -> None:
    text = (
        "UBND huyện công nhận 2 sản phẩm OCOP 4 sao gồm: Thực phẩm bảo vệ sức khỏe Hoàng Sâm và "
        "viên nang tinh nghệ của hợp tác xã Tân Hòa."
    )
    assert groups(text) == [TD]


def test_a_generic_head_gives_way_to_the_word_after_it() -> None:
    # "nấm đông trùng hạ thảo" is cordyceps (a herbal product), not a mushroom dish
    text = "Sản phẩm nấm đông trùng hạ thảo sấy khô của hợp tác xã Phú Xuân được công nhận OCOP 3 sao."
    assert groups(text) == [TD]


def test_a_drink_of_a_herb_a_few_syllables_on_is_also_a_herbal_product() -> None:
    text = "Trà phun sương Actiso của công ty Thảo Nguyên được công nhận đạt OCOP 5 sao cấp quốc gia."
    assert groups(text) == [DU, TD]


def test_a_herbal_tea_is_filed_under_both_groups() -> None:
    text = "Trà hoa đu đủ đực của tổ hợp tác Bình An được công nhận sản phẩm OCOP 3 sao."
    assert groups(text) == [DU, TD]


def test_a_raw_material_is_not_a_product() -> None:
    text = (
        "Rượu nếp cái của hợp tác xã Đông Sơn được công nhận OCOP 3 sao. Gạo để nấu rượu được chọn "
        "từ giống nếp cái hoa vàng, gạo được phơi khô trước khi ủ men."
    )
    assert groups(text) == [DU]


def test_what_tourists_do_at_a_site_is_no_product() -> None:
    text = (
        "Homestay Bản Mòng được công nhận sản phẩm OCOP 4 sao ở loại hình du lịch cộng đồng. Tại "
        "đây du khách có thể trải nghiệm mặc trang phục truyền thống, thưởng thức thịt gà đồi và xôi nếp."
    )
    assert groups(text) == [DL]


def test_what_visitors_buy_at_an_ocop_fair_is_the_product() -> None:
    text = (
        "Hội chợ sản phẩm OCOP của tỉnh khai mạc với 120 gian hàng. Khách tham quan có thể tìm mua "
        "nước mắm, mật ong rừng và khăn thổ cẩm của các hợp tác xã đạt chuẩn OCOP."
    )
    assert groups(text) == [TP, VM]


def test_a_caption_that_certifies_names_a_product_and_one_that_does_not_names_none() -> None:
    body = (
        "Chương trình OCOP giúp nhiều làng ven biển có sản phẩm được công nhận. Năm nay huyện có "
        "thêm 5 sản phẩm OCOP 3 sao."
    )
    certified = groups(body + "\nNước mắm làng Cửa Lở là sản phẩm OCOP 4 sao. Ảnh: Minh An")
    plain = groups(body + "\nCánh đồng lúa chín ven làng. Ảnh: Minh An")
    assert TP in certified and TP not in plain


def test_the_programmes_definition_over_a_bullet_list_names_no_product() -> None:
    text = (
        "Sản phẩm OCOP được công nhận qua hội đồng. Sản phẩm tham gia đánh giá phân hạng OCOP được chia "
        "thành 6 ngành:\n• Thực phẩm\n• Đồ uống\n• Thảo dược\n• Thủ công mỹ nghệ, trang trí\n"
        "• Vải và may mặc\n• Dịch vụ du lịch nông thôn và bán hàng"
    )
    assert groups(text) == []


def test_developing_tourism_is_an_aim_not_a_tourism_product() -> None:
    text = (
        "Các sản phẩm OCOP 3 sao của huyện, như mật ong và gạo nếp, góp phần phát triển du lịch cộng "
        "đồng ở địa phương."
    )
    assert groups(text) == [TP]


def test_a_tourism_word_inside_a_cooperatives_name_is_no_tourism_product() -> None:
    text = (
        "Hợp tác xã (HTX) Du lịch sinh thái dệt lụa Tân Châu có sản phẩm khăn lụa thêu tay được công "
        "nhận OCOP 4 sao."
    )
    assert groups(text) == [VM]


def test_english_product_words_are_read_in_english_paragraphs() -> None:
    text = (
        "Ten products from the district were recognised as four-star OCOP products, including green "
        "tea, fish sauce and bamboo baskets. The rice fields of the commune are also a destination."
    )
    assert groups(text, "District has ten more OCOP products") == [TP, DU, LN]


def test_in_an_english_compound_the_last_word_is_the_head() -> None:
    text = (
        "The provincial council recognised cinnamon incense from the cooperative as a three-star OCOP "
        "product, and the tea cooperative received a certificate for its other items."
    )
    assert groups(text, "Province recognises OCOP products") == [TD]


def test_a_capitalised_english_tourism_site_is_a_tourism_product() -> None:
    text = (
        "The Ben Do Community Tourism Site earned a 4-star OCOP rating last year, and the province now "
        "has more than 300 OCOP products."
    )
    assert groups(text, "Rural tourism and OCOP products") == [DL]


# -- star ratings ---------------------------------------------------------------------------------


def test_the_programmes_rank_definitions_are_no_ratings() -> None:
    text = (
        "Rượu ngô Bản Lầu của hợp tác xã được chứng nhận sản phẩm OCOP 4 sao.\n"
        "Hạng 5 sao: sản phẩm chất lượng cao, có thể xuất khẩu.\n"
        "Hạng 3 sao: sản phẩm đạt tiêu chuẩn, có thể nâng cấp lên hạng 4 sao."
    )
    assert facts(text).stars == [4]


def test_two_ranks_written_with_a_comma_are_a_list() -> None:
    text = "Nhiều sản phẩm đồ gỗ của làng nghề đã được công nhận đạt 3,4 sao của chương trình OCOP."
    assert facts(text).stars == [3, 4]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sản phẩm chè búp của hợp tác xã đạt OCOP 4 sao, hiện có khả năng nâng hạng lên 5 sao.",
        "Sản phẩm chè búp của hợp tác xã đạt OCOP 4 sao và có thể được nâng hạng lên 5 sao.",
    ],
)
def test_a_possible_upgrade_is_no_rating(sentence: str) -> None:
    assert facts(sentence).stars == [4]


def test_a_condition_with_a_future_consequence_is_a_plan() -> None:
    text = (
        "Làng văn hóa Nà Tấu đạt tiêu chuẩn OCOP. Sau khi đạt tiêu chuẩn từ 3 sao trở lên, làng sẽ lập "
        "hồ sơ đề nghị công nhận làng du lịch tiêu biểu."
    )
    assert facts(text).stars == []


def test_a_rank_with_a_leading_zero_is_a_rating() -> None:
    assert facts("Hai sản phẩm tinh nghệ của công ty đã đạt OCOP 03 sao từ năm 2020.").stars == [3]


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("Thirteen products meeting the three- and four-star OCOP standards were recognised.", [3, 4]),
        ("Each of its 3- or 4-star OCOP items sells well in the domestic market.", [3, 4]),
        ("Its coffee holds a 4-star OCOP rating, and it is potentially upgraded to 5-star class.", [4]),
        ("Two products are submitted to the national council for 5-star OCOP recognition.", []),
        ("The province aims to have ten 5-star OCOP products by 2030.", []),
    ],
)
def test_english_ratings(text: str, stars: list[int]) -> None:
    assert facts(text, "OCOP products in the province").stars == stars


# -- claims -------------------------------------------------------------------------------------------


def test_an_aside_in_brackets_before_the_rating_neither_ends_the_clause_nor_uses_the_window() -> None:
    text = (
        "Có 6 sản phẩm của 5 chủ thể được UBND huyện Tân Lạc (tỉnh Hòa Bình) đánh giá phân hạng và cấp "
        "giấy chứng nhận đạt tiêu chuẩn OCOP 3 sao."
    )
    assert claims(text) == {(6, 3)}


def test_a_bracket_with_numbers_after_the_rating_is_an_aside() -> None:
    text = "Tỉnh có 33 sản phẩm OCOP đạt 3 sao (tỉnh chưa có sản phẩm đạt 5 sao)."
    assert claims(text) == {(33, 3)}


def test_a_bracketed_rank_before_the_count_applies_to_it() -> None:
    text = (
        "Bộ Nông nghiệp phân hạng “Sản phẩm OCOP cấp quốc gia” (sản phẩm OCOP 5 sao) cho 4 sản phẩm "
        "của 2 doanh nghiệp."
    )
    assert claims(text) == {(4, 5)}


def test_the_parts_of_a_rated_total_take_its_rating() -> None:
    text = (
        "Trong số 12 sản phẩm vừa được công nhận đạt chuẩn OCOP 4 sao thì huyện Yên Lập có 5 sản phẩm, "
        "huyện Thanh Sơn có 7 sản phẩm."
    )
    assert claims(text) == {(12, 4), (5, 4), (7, 4)}


def test_from_n_stars_is_a_floor() -> None:
    assert claims("Đến hết năm 2022, toàn huyện có 25 sản phẩm OCOP từ 03 sao.") == {(25, None)}


def test_a_count_of_product_groups_is_no_count_of_products() -> None:
    text = (
        "Du lịch nông thôn là một trong 6 nhóm sản phẩm của chương trình OCOP, huyện có 2 sản phẩm "
        "OCOP du lịch."
    )
    assert claims(text) == {(2, None)}


def test_existence_does_not_settle_participation_but_an_outcome_does() -> None:
    assert claims("Năm nay chương trình OCOP đã có thêm 450 sản phẩm tham gia, vượt kế hoạch.") == set()
    assert claims("Có thêm 18 sản phẩm được đánh giá, xếp hạng OCOP 3 sao.") == {(18, 3)}


def test_reassessed_parts_of_a_certified_total_are_parts_and_registrations_are_not() -> None:
    certified = "Có 14 sản phẩm được trao chứng nhận OCOP 3 sao."
    # The parts of a total with one rating share it (round 8: a breakdown sentence).
    assert claims(certified + " Trong đó, có 10 sản phẩm mới và 04 sản phẩm đánh giá lại.") == {
        (14, 3),
        (10, 3),
        (4, 3),
    }
    assert claims(certified + " Trong đó, có 10 sản phẩm đăng ký mới.") == {(14, 3)}


def test_a_share_of_a_plan_is_a_fact_about_the_plan() -> None:
    doc = Document(
        "", "Năm 2024, tỉnh có thêm 40 sản phẩm OCOP, đạt 160% kế hoạch năm, trong đó 30 sản phẩm mới."
    )
    k = doc.orig.index("30")
    assert not modality().planned(doc, k)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five products from two producers were rated four stars under the OCOP programme.", {(5, 4)}),
        (
            "The province has about 120 OCOP-certified products from 80 suppliers, seven of them "
            "five-star, 50 four-star, and 63 three-star.",
            {(120, None), (7, 5), (50, 4), (63, 3)},
        ),
        (
            "Two products, namely rice paper by a family facility and fish cake by a cooperative, were "
            "recognised as 4-star OCOP ones.",
            {(2, 4)},
        ),
        ("The OCOP programme since 2018 has helped develop hundreds of local products.", set()),
        (
            "The country has 14,000 OCOP products, an increase of 1,200 products over last year.",
            {(14000, None)},
        ),
        ("The OCOP-certified facility supplies about 2,000 products to the market each month.", set()),
    ],
)
def test_english_counts(text: str, expected: set[tuple[int, int | None]]) -> None:
    assert claims(text, "OCOP products in the province") == expected
