"""Session 24: OCOP enrichment leftovers of issue #11, found on passages we wrote ourselves.

The passages are our own invented text, nothing from ../shared. Each mechanism has a passage that
fails on main, and guards that must not change.
"""

from __future__ import annotations

from datetime import datetime

from indexer.ocop import OcopFacts, enrich_text
from indexer.schema import VIETNAM_TZ

DATED = datetime(2024, 9, 12, 9, 0, tzinfo=VIETNAM_TZ)

STORY = (
    "Chương trình OCOP của huyện Ba Tri đã giúp nhiều hợp tác xã mở rộng thị trường, đưa đặc sản "
    "vào siêu thị và các sàn thương mại điện tử.\n"
)


def facts(text: str, title: str = "", published: datetime | None = DATED) -> OcopFacts:
    return enrich_text(title, text, published=published)


def pairs(got: OcopFacts) -> list[tuple[int, int | None]]:
    return sorted((c.count, c.stars) for c in got.ocop_claims)


# 1. A bare count whose breakdown says which of its products achieved OCOP counts more than OCOP
#    products (claims._Claims._wider_than_its_part).


def test_a_makers_range_broken_down_into_its_ocop_products_is_no_claim() -> None:
    text = STORY + (
        "Cơ sở bánh phồng Cô Ba hiện làm 24 sản phẩm từ gạo và nếp, trong đó 3 sản phẩm đạt OCOP 4 sao.\n"
    )
    assert pairs(facts(text)) == [(3, 4)]


def test_the_part_may_open_the_next_sentence() -> None:
    text = STORY + (
        "Hợp tác xã Tân Hòa có 15 loại sản phẩm như kẹo dừa, dầu dừa, thạch dừa. "
        "Trong số này, 2 sản phẩm được công nhận OCOP 3 sao.\n"
    )
    assert pairs(facts(text)) == [(2, 3)]


def test_a_makers_range_whose_named_products_achieved_ocop_is_no_claim() -> None:
    text = STORY + (
        "Hợp tác xã Đồng Xuân có 10 sản phẩm chế biến từ nghệ, trong đó tinh bột nghệ và trà nghệ "
        "đạt OCOP 4 sao.\n"
    )
    got = facts(text)
    assert pairs(got) == []
    assert got.stars == [4]


def test_a_total_listed_whole_with_gom_stays_a_claim() -> None:
    # guard: "gồm" lists all of the total, not a part of it
    text = (
        STORY
        + "Hợp tác xã Tân Phú có 5 sản phẩm, gồm 3 sản phẩm đạt OCOP 4 sao và 2 sản phẩm đạt OCOP 3 sao.\n"
    )
    assert pairs(facts(text)) == [(2, 3), (3, 4), (5, None)]


def test_a_total_whose_part_needs_no_programme_name_stays_a_claim() -> None:
    # guard: the part names only its rating, so the total is the programme's
    text = STORY + "Huyện hiện có 26 sản phẩm, trong đó 4 sản phẩm đạt 4 sao.\n"
    assert pairs(facts(text)) == [(4, 4), (26, None)]


def test_a_total_that_names_the_programme_keeps_its_parts() -> None:
    # guard: the total is OCOP products itself
    text = STORY + "Toàn huyện có 24 sản phẩm OCOP, trong đó 3 sản phẩm đạt OCOP 4 sao.\n"
    assert pairs(facts(text)) == [(3, 4), (24, None)]


def test_a_new_batch_broken_down_stays_a_claim() -> None:
    # guard: "có thêm 12 sản phẩm" states a result of its own
    text = STORY + "Năm 2023, huyện có thêm 12 sản phẩm, trong đó 3 sản phẩm đạt OCOP 4 sao.\n"
    assert pairs(facts(text)) == [(3, 4), (12, None)]


def test_a_list_of_districts_sharing_the_predicate_stays_a_claim() -> None:
    # guard: no breakdown word between them, so the last item's predicate is the list's
    text = STORY + (
        "Đợt này, huyện Ba Tri có 12 sản phẩm, huyện Giồng Trôm có 8 sản phẩm được công nhận OCOP 3 sao.\n"
    )
    assert (8, 3) in pairs(facts(text))
    assert 12 in [n for n, _s in pairs(facts(text))]


# 2. A result with a realis marker in its own clause, after a plan in the same sentence, is a fact
#    (claims._Claims._fact_after_plan).


def test_a_result_after_a_plan_and_a_semicolon_is_a_claim() -> None:
    text = STORY + "Năm nay huyện phấn đấu có thêm 30 sản phẩm OCOP; 9 tháng qua đã công nhận 21 sản phẩm.\n"
    assert pairs(facts(text)) == [(21, None)]


def test_a_result_after_a_plan_and_a_comma_is_a_claim() -> None:
    text = STORY + "Kế hoạch năm nay là 30 sản phẩm OCOP, đến nay huyện đã công nhận 21 sản phẩm.\n"
    assert pairs(facts(text)) == [(21, None)]


def test_a_clause_without_a_realis_marker_goes_on_with_the_plan() -> None:
    # guard: "công nhận thêm 21 sản phẩm" may be the plan's second half
    text = STORY + "Năm nay huyện phấn đấu có thêm 30 sản phẩm OCOP, công nhận thêm 21 sản phẩm.\n"
    assert pairs(facts(text)) == []


def test_a_proposal_keeps_its_second_object() -> None:
    # guard: a proposal governs the counts listed after it
    text = (
        STORY + "Hội đồng đề nghị UBND tỉnh công nhận 22 sản phẩm đạt OCOP 4 sao và 29 sản phẩm đạt 3 sao.\n"
    )
    assert pairs(facts(text)) == []


# 3. An amendment to a decision's record counts products already counted (claims.toml:
#    candidate_words_before gains "đổi tên", "điều chỉnh", "sửa đổi", "đổi chủ thể").

TOTAL = "Toàn tỉnh Tuyên Quang hiện có 186 sản phẩm OCOP, trong đó 31 sản phẩm đạt 4 sao.\n"


def test_renamed_products_are_no_new_count() -> None:
    text = TOTAL + "Đổi tên 2 sản phẩm: chè Shan tuyết và chè xanh của Hợp tác xã Bản Tát.\n"
    assert pairs(facts(text)) == [(31, 4), (186, None)]


def test_products_whose_owner_changed_are_no_new_count() -> None:
    text = TOTAL + "UBND tỉnh cũng điều chỉnh tên chủ thể của 3 sản phẩm: rượu ngô, miến dong và măng khô.\n"
    assert pairs(facts(text)) == [(31, 4), (186, None)]


def test_an_amending_decision_that_recognises_products_is_a_claim() -> None:
    # guard: an outcome after the amendment word states the result
    text = TOTAL + "Quyết định điều chỉnh, bổ sung công nhận 5 sản phẩm OCOP năm 2023.\n"
    assert (5, None) in pairs(facts(text))


def test_a_count_after_a_rename_clause_is_a_claim() -> None:
    # guard: the amendment word stands in another clause
    text = TOTAL + "Sau khi đổi tên, 12 sản phẩm được công nhận OCOP 3 sao.\n"
    assert (12, 3) in pairs(facts(text))


# 4. A total read the other way round reads through a bracketed aside (claims._total_at).


def test_a_raised_total_after_a_bracketed_year_is_a_claim() -> None:
    text = STORY + "Sau 5 năm, số sản phẩm OCOP của huyện tăng từ 9 sản phẩm (năm 2019) lên 64 sản phẩm.\n"
    assert pairs(facts(text)) == [(64, None)]


def test_no_total_verb_is_read_inside_the_bracket() -> None:
    # guard: "là 12" inside the aside is no total of the phrase before it
    text = STORY + "Số sản phẩm OCOP của huyện (trong đó hạng 4 sao là 12) tăng nhanh trong năm qua.\n"
    assert pairs(facts(text)) == []


# 5. Waiting for a named decider is no rating yet (modality.toml: nomination_words, claims.toml:
#    awaiting_words gain "chờ Trung ương", "chờ Hội đồng", "chờ UBND", "đang chờ" …).


def test_products_waiting_for_the_central_council_have_no_five_stars() -> None:
    text = TOTAL + "Ngoài ra, tỉnh đang có 3 sản phẩm chờ Trung ương công nhận 5 sao.\n"
    got = facts(text)
    assert got.stars == [4]
    assert pairs(got) == [(31, 4), (186, None)]


def test_a_rating_after_the_wait_is_over_stands() -> None:
    # guard: "chờ đợi" in another clause, and a realis result
    text = TOTAL + "Sau thời gian chờ đợi, 5 sản phẩm đã được công nhận OCOP 5 sao cấp quốc gia.\n"
    got = facts(text)
    assert 5 in got.stars
    assert (5, 5) in pairs(got)


# 6. A rating wanted is no rating (modality.toml: "muốn đạt", "muốn nâng" as plan words, "muốn" as
#    a purpose opener whose plan words end at its comma).


def test_a_rating_wanted_in_an_opening_clause_is_no_rating() -> None:
    text = STORY + "Muốn đạt 5 sao, sản phẩm phải có câu chuyện riêng và vùng nguyên liệu ổn định.\n"
    assert facts(text).stars == []


def test_the_main_clause_after_a_wish_states_its_own_rating() -> None:
    # guard: the wish ends at its comma
    text = STORY + "Muốn giữ nghề của cha, anh Tư mở xưởng và có hai sản phẩm đạt 3 sao OCOP.\n"
    got = facts(text)
    assert got.stars == [3]
    assert pairs(got) == [(2, 3)]


def test_wanting_something_else_mid_sentence_keeps_the_rating() -> None:
    # guard: "muốn có" is no plan word
    text = STORY + "Bà Lan muốn có thêm khách, năm 2023 sản phẩm mật ong của bà đạt 3 sao.\n"
    assert facts(text).stars == [3]
