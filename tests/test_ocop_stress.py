"""Round 19: mechanisms the stress harness of our own passages pointed to (issue #11).

The harness (kept outside the repository) crosses sentence frames, star phrasings, product names,
counts, modality and places; each case here is our own wording, not one of its passages.
"""

from __future__ import annotations

from datetime import datetime

from indexer.ocop import enrich_text
from indexer.ocop.document import Document
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2024, 4, 2, 9, 0, tzinfo=VIETNAM_TZ)
OCOP_TITLE = "Thêm nhiều sản phẩm OCOP được công nhận"
PARAGRAPH = (
    "Chương trình OCOP trên địa bàn huyện Yên Thành, tỉnh Nghệ An được triển khai hiệu quả. "
    "UBND tỉnh Nghệ An vừa công nhận 14 sản phẩm của 6 chủ thể đạt OCOP 3 sao, gồm mật ong và nước mắm."
)


def _claims(text: str) -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in enrich_text("", text, published=BEFORE).ocop_claims}


# -- a run of related headlines glued to the end of the article's own paragraph ------------------


def test_headlines_glued_to_a_paragraph_are_links_and_the_paragraph_stays() -> None:
    # Before round 19 the whole line was one glued run: the story was lost (not OCOP), or its
    # headlines' provinces, stars and counts were read with it.
    for glue in ("", " "):
        runs = "Cà Mau: Thêm 9 sản phẩm đạt OCOP 4 sao  Đồng Tháp: Công nhận 30 sản phẩm OCOP"
        text = PARAGRAPH + glue + runs
        facts = enrich_text("", text, published=BEFORE)
        assert facts.is_ocop
        assert facts.provinces_2025 == ["Nghệ An"]
        assert facts.stars == [3]
        assert _claims(text) == {(14, 3)}


def test_a_headline_glued_without_a_space_is_cut_off_even_in_a_short_run() -> None:
    text = PARAGRAPH[:-1] + ".Đồng Tháp công nhận 30 sản phẩm OCOP 4 sao  Cà Mau: Thêm 9 sản phẩm OCOP"
    facts = enrich_text("", text, published=BEFORE)
    assert facts.provinces_2025 == ["Nghệ An"] and facts.stars == [3]
    assert _claims(text) == {(14, 3)}


def test_a_breakdown_after_a_colon_is_no_glued_run() -> None:
    # "Cụ thể: Huyện A: …" has two "Name: Capital" but follows a sentence end with a space and is
    # no run of headlines (it is short and punctuated): it stays the article's text.
    text = PARAGRAPH + " Cụ thể: Huyện Yên Thành: 8 sản phẩm; huyện Diễn Châu: 6 sản phẩm."
    doc = Document("", text)
    assert [b.zone for b in doc.blocks if b.zone != "title"] == ["lead"]
    assert (8, 3) in _claims(text) or (8, None) in _claims(text)


def test_a_cut_last_sentence_with_a_colon_stays_text() -> None:
    # one "Name: Capital" after a spaced sentence end is a cut sentence, not a run (one headline so
    # joined is left: it cannot be told from the story's own last sentence cut short)
    text = PARAGRAPH + " Sản phẩm tiêu biểu: Mật ong hoa nhãn của HTX Yên Thành đạt 3 sao"
    doc = Document("", text)
    assert [b.zone for b in doc.blocks if b.zone != "title"] == ["lead"]


def test_an_abbreviations_dot_before_a_colon_is_no_glued_run() -> None:
    text = PARAGRAPH + " Sản phẩm được bày bán ở nhiều nơi tại TP.HCM: Chợ Bến Thành, siêu thị lớn"
    doc = Document("", text)
    assert [b.zone for b in doc.blocks if b.zone != "title"] == ["lead"]


# -- a tourism site named after a lower-case tourism word ----------------------------------------


def test_a_lower_case_tourism_word_before_a_site_name_is_a_site() -> None:
    text = (
        "UBND tỉnh Nghệ An vừa công nhận 3 sản phẩm đạt OCOP 3 sao. "
        "Các sản phẩm gồm: mật ong, điểm du lịch sinh thái Rừng Thông Xanh và nước mắm."
    )
    groups = enrich_text(OCOP_TITLE, text, published=BEFORE).product_groups
    assert "Dịch vụ du lịch cộng đồng và điểm du lịch" in groups


def test_an_aim_to_develop_tourism_names_no_site() -> None:
    text = (
        "UBND tỉnh Nghệ An vừa công nhận 3 sản phẩm đạt OCOP 3 sao, gồm mật ong và nước mắm. "
        "Huyện đang phát triển du lịch cộng đồng gắn với làng nghề."
    )
    groups = enrich_text(OCOP_TITLE, text, published=BEFORE).product_groups
    assert "Dịch vụ du lịch cộng đồng và điểm du lịch" not in groups


def test_headlines_glued_to_a_short_last_sentence_without_a_space_are_links() -> None:
    text = PARAGRAPH + "\nNgoài ra, tỉnh có 4 sản phẩm tiềm năng 5 sao.Cà Mau: Thêm 9 sản phẩm OCOP 4 sao"
    facts = enrich_text("", text, published=BEFORE)
    assert facts.provinces_2025 == ["Nghệ An"] and facts.stars == [3]
    assert _claims(text) == {(14, 3)}


# -- a rank labelling a count, and ratings linked to the counts after them ------------------------


def test_a_rank_with_a_colon_before_a_count_is_a_rating_not_a_definition() -> None:
    text = (
        "Kết quả phân hạng sản phẩm OCOP năm nay của tỉnh: hạng 3 sao: 18 sản phẩm; hạng 4 sao: 5 sản phẩm."
    )
    facts = enrich_text(OCOP_TITLE, text, published=BEFORE)
    assert facts.stars == [3, 4]
    assert _claims(text) == {(18, 3), (5, 4)}


def test_a_rank_defined_by_its_score_is_still_a_definition() -> None:
    text = "Theo Bộ tiêu chí OCOP, hạng 3 sao: 50-69 điểm; hạng 4 sao: 70-89 điểm."
    assert enrich_text(OCOP_TITLE, text, published=BEFORE).stars == []


def test_a_rating_linked_to_a_later_count_is_not_the_earlier_counts() -> None:
    text = (
        "Tỉnh đã cấp giấy chứng nhận sản phẩm OCOP 3 sao đối với 16 sản phẩm "
        "và OCOP 4 sao đối với 7 sản phẩm."
    )
    assert _claims(text) == {(16, 3), (7, 4)}


# -- places: names inside a product's name in a short caption; prefixes without diacritics ---------


def test_a_short_caption_full_of_names_is_not_title_case() -> None:
    # 12 of 16 syllables capitalised made the caption "Title Case", so capitals said nothing and a
    # province inside the product's name counted; three lower-case syllables mean ordinary case.
    text = (
        "UBND tỉnh Sơn La công nhận 5 sản phẩm OCOP 3 sao.\n"
        "Gạo Điện Biên An Phú của HTX Tân Phát đạt OCOP 3 sao. Ảnh: Minh Anh"
    )
    assert enrich_text(OCOP_TITLE, text, published=BEFORE).provinces_2025 == ["Sơn La"]


def test_a_title_case_headline_still_reads_its_places() -> None:
    facts = enrich_text("Sơn La Có Thêm 12 Sản Phẩm OCOP 3 Sao", "Sản phẩm được công nhận.", published=BEFORE)
    assert facts.provinces_2025 == ["Sơn La"]


def test_a_prefix_without_diacritics_needs_a_capitalised_name() -> None:
    lead = "Chuong trinh OCOP tren dia ban huyen Mo Cay Nam, tinh Ben Tre duoc trien khai hieu qua. "
    said = lead + "Hoi dong cap tinh da nang hang 5 san pham tu 3 sao len 4 sao."
    named = lead + "UBND tinh Da Nang cong nhan 5 san pham OCOP."
    assert enrich_text("", said, published=BEFORE).provinces_2025 == ["Vĩnh Long"]
    assert enrich_text("", named, published=BEFORE).provinces_2025 == ["Vĩnh Long", "Đà Nẵng"]


# -- "sao vàng" read on folded syllables across a semicolon --------------------------------------


def test_a_wine_named_after_a_rating_is_no_gold_star() -> None:
    text = "Trong đó, Yến sào Hoàng Gia đạt 4 sao; Vang Minh Phát và mật ong đạt 3 sao."
    assert enrich_text(OCOP_TITLE, text, published=BEFORE).stars == [3, 4]


def test_a_gold_star_is_still_no_rating() -> None:
    text = "Tỉnh có 12 sản phẩm OCOP 3 sao. Đơn vị được tặng 5 sao vàng đất Việt."
    assert enrich_text(OCOP_TITLE, text, published=BEFORE).stars == [3]


# -- product words in text without diacritics ---------------------------------------------------


def test_without_diacritics_a_list_opened_by_gom_keeps_its_first_item() -> None:
    # "gom" (gồm, "made up of") is also "gốm" (pottery): an ambiguous one-syllable word, which
    # made the next product its material and dropped it
    text = "Tinh vua cong nhan 12 san pham dat OCOP 3 sao, gom nuoc mam va khan lua."
    groups = enrich_text(OCOP_TITLE, text, published=BEFORE).product_groups
    assert groups == ["Thực phẩm", "Vải và may mặc"]


def test_without_diacritics_a_target_is_no_black_pepper() -> None:
    text = "Tinh co 8 san pham OCOP 3 sao, gom tinh dau sa. Muc tieu den nam 2026 co 40 san pham OCOP."
    assert enrich_text(OCOP_TITLE, text, published=BEFORE).product_groups == ["Thảo dược"]


# -- "O.COP", and ratings in list items under a cue line ----------------------------------------


def test_the_dotted_spelling_o_cop_is_ocop() -> None:
    text = "Năm nay, tỉnh Yên Bái có 14 sản phẩm đạt O.COP 3 sao, 4 sao, gồm miến dong và khăn lụa."
    facts = enrich_text("", text, published=BEFORE)
    assert facts.stars == [3, 4]
    assert _claims(text) == {(14, None)}


def test_ratings_of_list_items_under_a_cue_line_count() -> None:
    text = (
        "Chương trình OCOP tại tỉnh Yên Bái được triển khai hiệu quả.\n"
        "Các sản phẩm được công nhận đợt này gồm:\n"
        "- Miến dong (4 sao)\n"
        "- Khăn lụa (3 sao)\n"
        "- Gạo Điện Biên Hồng Phát (3 sao)"
    )
    facts = enrich_text("", text, published=BEFORE)
    assert facts.stars == [3, 4]
    # a list item is ordinary case, not a Title Case headline: the province in the name is a brand
    assert facts.provinces_2025 == ["Lào Cai"]


# -- counts next to candidates and proposals -------------------------------------------------------


def test_parts_of_a_certified_total_after_a_sentence_of_proposals_are_claims() -> None:
    text = (
        "Hội đồng cấp tỉnh đề nghị UBND tỉnh công nhận 9 sản phẩm đạt 4 sao và 20 sản phẩm đạt 3 sao.\n"
        "Trong số 11 sản phẩm vừa được công nhận đạt chuẩn OCOP 3 sao thì huyện A có 5 sản phẩm, "
        "huyện B có 6 sản phẩm."
    )
    assert _claims(text) == {(11, 3), (5, 3), (6, 3)}


def test_a_group_breakdown_naming_ocop_after_candidates_is_a_fact() -> None:
    candidates = "Hội đồng đã tổ chức đánh giá, phân hạng OCOP cho 64 sản phẩm.\n"
    named = (
        "Theo nhóm ngành, trong tổng số sản phẩm OCOP của tỉnh, nhóm thực phẩm có 44 sản phẩm, "
        "nhóm đồ uống 11 sản phẩm."
    )
    bare = "Trong số này, nhóm thực phẩm có 44 sản phẩm, nhóm đồ uống 11 sản phẩm."
    assert _claims(OCOP_TITLE + ". " + candidates + named) == {(44, None), (11, None)}
    assert _claims(OCOP_TITLE + ". " + candidates + bare) == set()  # a breakdown of the candidates


def test_a_sentence_naming_its_own_total_does_not_go_on_with_the_last_breakdown() -> None:
    text = (
        "Năm 2024, tỉnh có 51 sản phẩm đạt OCOP 4 sao.\n"
        "Trong số 15 sản phẩm vừa được công nhận đạt chuẩn OCOP 3 sao thì huyện A có 6 sản phẩm, "
        "huyện B có 9 sản phẩm.\n"
        "Theo nhóm ngành, trong tổng số sản phẩm OCOP của tỉnh, nhóm thực phẩm có 35 sản phẩm, "
        "nhóm đồ uống 12 sản phẩm."
    )
    assert _claims(text) == {(51, 4), (15, 3), (6, 3), (9, 3), (35, None), (12, None)}


def test_a_list_going_on_after_a_subset_total_takes_that_totals_rating() -> None:
    text = (
        "Năm 2024, tỉnh có 51 sản phẩm đạt OCOP 4 sao.\n"
        "Trong số 15 sản phẩm vừa được công nhận đạt chuẩn OCOP 3 sao thì huyện A có 6 sản phẩm, "
        "huyện B có 2 sản phẩm. Huyện C và huyện D, mỗi huyện có 5 sản phẩm."
    )
    assert (5, 3) in _claims(text)


# -- kinds of product the lexicon lacked (layer C of the harness: 84 kinds x 4 sentence shapes) ----


def test_kinds_of_herbal_and_craft_products() -> None:
    text = (
        "UBND tỉnh Yên Bái vừa công nhận 12 sản phẩm đạt OCOP 3 sao, gồm viên nghệ mật ong, "
        "muối thảo dược, đồ chơi tre và guốc mộc."
    )
    groups = enrich_text(OCOP_TITLE, text, published=BEFORE).product_groups
    assert groups == ["Thảo dược", "Lưu niệm - nội thất - trang trí"]


# -- layer D: a rating in a bracket after the count, a range written out ---------------------------


def test_a_bracket_holding_only_a_rating_rates_the_count() -> None:
    assert _claims("Tỉnh đã cấp giấy chứng nhận cho 24 sản phẩm OCOP (OCOP ba sao).") == {(24, 3)}
    assert _claims("Tỉnh đã cấp giấy chứng nhận cho 54 sản phẩm thuộc 4 chủ thể (OCOP 3 sao).") == {(54, 3)}


def test_a_bracket_with_more_than_a_rating_is_still_an_aside() -> None:
    assert _claims("Tỉnh có 33 sản phẩm đạt OCOP 3 sao (tỉnh chưa có sản phẩm đạt 5 sao).") == {(33, 3)}


def test_a_range_written_out_gives_both_ratings() -> None:
    text = "Chương trình OCOP tại tỉnh Yên Bái.\nTỉnh hiện có 17 SP đạt từ 3 sao đến 4 sao cấp tỉnh."
    assert enrich_text("", text, published=BEFORE).stars == [3, 4]


# -- layer F (other wordings, written after the fixes above; run once, then its kinds fixed) -------


def test_a_total_at_a_rating_written_the_other_way_round() -> None:
    text = "Đến tháng 10/2024, tỉnh có 206 sản phẩm OCOP; số sản phẩm đạt 4 sao là 49."
    assert _claims(text) == {(206, None), (49, 4)}


def test_a_capitalised_product_after_trong_do_co_or_a_brand_in_capitals() -> None:
    listed = "Tại hội nghị, 8 sản phẩm nhận chứng nhận OCOP 3 sao, trong đó có Khăn thổ cẩm Kim Ngân và gạo."
    branded = "MITRI TEA Trà xanh là sản phẩm OCOP 3 sao của tỉnh."
    assert enrich_text(OCOP_TITLE, listed, published=BEFORE).product_groups == ["Thực phẩm", "Vải và may mặc"]
    assert enrich_text(OCOP_TITLE, branded, published=BEFORE).product_groups == ["Đồ uống"]


def test_ratings_in_brackets_after_the_items_of_a_list() -> None:
    base = "Chương trình OCOP tại tỉnh Yên Bái đạt nhiều kết quả, UBND tỉnh vừa công nhận 9 sản phẩm OCOP.\n"
    listed = base + "Các sản phẩm gồm: Mật ong Tâm An (4 sao); gốm (3 sao)."
    hotels = base + "Du khách nghỉ tại khách sạn Mường Thanh (4 sao) và khách sạn Hoa Sen (3 sao)."
    worded = base + "Các sản phẩm gồm: Mật ong Tâm An (bốn sao); gốm Hương Canh (3 và 4 sao)."
    assert enrich_text("", listed, published=BEFORE).stars == [3, 4]
    # every bracket a count's rating may be written in (`stars.rating_bracket`) rates a list's items
    assert enrich_text("", worded, published=BEFORE).stars == [3, 4]
    assert enrich_text("", hotels, published=BEFORE).stars == []


def test_a_kind_of_product_rated_as_the_subject_is_no_rule() -> None:
    base = "Theo Sở Nông nghiệp, tỉnh Nghệ An có 232 sản phẩm OCOP; số sản phẩm đạt 4 sao là 46.\n"
    named = base + "Khăn lụa là sản phẩm OCOP 3 sao của tỉnh. (Ảnh: Thanh Hà)"
    rule = base + "Mỗi sản phẩm đạt 3 sao được thưởng 10 triệu đồng."
    assert enrich_text("", named, published=BEFORE).stars == [3, 4]
    assert enrich_text("", rule, published=BEFORE).stars == [4]
