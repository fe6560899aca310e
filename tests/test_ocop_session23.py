"""Session 23: remaining ocop-real errors of issue #11, fixed by mechanism, not blind.

The passages are our own invented text, nothing from ../shared. Each mechanism has a passage that
fails on main, and guards that must not change.
"""

from __future__ import annotations

from datetime import datetime

from indexer.ocop import OcopFacts, enrich_text
from indexer.ocop.document import Document
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2023, 5, 9, 9, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 11, 3, 9, 0, tzinfo=VIETNAM_TZ)

STORY = (
    "Hội đồng cấp tỉnh Sơn La vừa xếp 14 sản phẩm vào hạng OCOP 3 sao, phần lớn là chè búp và mật "
    "ong của các hợp tác xã vùng cao.\n"
    "Các chủ thể được hướng dẫn cải tiến bao bì, tem nhãn và truy xuất nguồn gốc để đưa sản phẩm "
    "vào siêu thị, đồng thời tham gia các phiên chợ nông sản do tỉnh tổ chức hằng quý.\n"
)


def facts(text: str, title: str = "", published: datetime | None = BEFORE) -> OcopFacts:
    return enrich_text(title, text, published=published)


def zones(text: str) -> list[tuple[str, str]]:
    doc = Document("", text)
    return [(b.zone, doc.text[b.start : b.end]) for b in doc.blocks if doc.text[b.start : b.end]]


# 1. A repeated copy of a chrome line is chrome (document._classify_lines).

FOOTER = (
    "Quý khách cần đặt hàng xin vui lòng liên hệ\n"
    "Điện thoại: 0912.345.678\n"
    "Cửa hàng số 12 phố Hàng Bạc - Hoàn Kiếm - Hà Nội\n"
    "Cửa hàng số 12 phố Hàng Bạc - Hoàn Kiếm - Hà Nội\n"
)


def test_a_repeated_contact_line_of_a_footer_stays_chrome() -> None:
    got = facts(STORY + FOOTER)
    assert got.provinces == ["Sơn La"]
    assert got.provinces_2025 == ["Sơn La"]


def test_a_repeated_caption_still_names_its_place() -> None:
    # guard: a caption printed twice under running text is a caption (read for places), as before
    caption = "Chè búp của hợp tác xã ở huyện Mộc Châu, tỉnh Sơn La đạt 3 sao OCOP.\n"
    text = STORY + caption + "Năm nay tỉnh Điện Biên cũng có thêm 9 sản phẩm được xếp hạng.\n" + caption
    got = facts(text)
    assert got.provinces == ["Sơn La", "Điện Biên"]
    assert [z for z, line in zones(text) if line == caption.strip()] == ["body", "caption"]


# 2. A headline that ends with a question or a quote, inside a run of related headlines, is one of
# them (document._headline_in_run).

RUN = (
    "Nông dân miền núi làm giàu từ cây mắc ca\n"
    "Thêm nhiều chợ phiên vùng cao được sửa sang\n"
    "{middle}\n"
    "Người trồng na tìm đầu ra cho mùa vụ mới\n"
    "Khai trương điểm bán nông sản sạch ở thị trấn\n"
)


def test_a_question_headline_in_a_run_of_headlines_is_a_link() -> None:
    for middle in (
        "Vì sao nông dân Bến Tre chặt bỏ vườn dừa?",
        "Giám đốc hợp tác xã ở Quảng Bình: “Chúng tôi chưa từng nghĩ sẽ thành công”",
    ):
        got = facts(RUN.format(middle=middle) + STORY)
        assert got.provinces == ["Sơn La"], middle


def test_a_sentence_between_two_runs_of_short_lines_is_text() -> None:
    # guard: a line that ends with a full stop is running text set between two lists
    text = RUN.format(middle="Tỉnh Bến Tre năm nay có thêm 12 sản phẩm OCOP.") + STORY
    assert facts(text).provinces == ["Bến Tre", "Sơn La"]
    # guard: a question alone between paragraphs is text too
    lone = STORY + "Vì sao nông dân Bến Tre vẫn giữ vườn dừa?\n" + STORY
    assert "Bến Tre" in facts(lone).provinces


# 3. Page chrome above an untitled text's headline, and merger wording only in chrome
# (document._chrome_above_headline, places.Gazetteer.new_structure).

TOP = (
    "Lâm Đồng sau sáp nhập: Những con đường mới nối cao nguyên với biển Giá cà phê giảm, nông dân "
    "chờ mùa thu hoạch Gia Lai sắp xếp trụ sở làm việc cho các xã mới |\n"
)
HEADLINE = "Đưa hàng OCOP miền sông nước vào các chuỗi siêu thị lớn\n"
LEAD = (
    "Theo số liệu của Sở Nông nghiệp, tỉnh Vĩnh Long hiện có 160 sản phẩm được xếp hạng OCOP, "
    "nhiều sản phẩm làm từ dừa và trái cây sấy đã có mặt ở các siêu thị lớn.\n"
)


def test_chrome_above_an_untitled_headline_is_a_link() -> None:
    text = TOP + HEADLINE + LEAD
    assert zones(text)[:3] == [("link", TOP.strip()), ("title", HEADLINE.strip()), ("lead", LEAD.strip())]
    got = facts(text, published=None)
    # undated: the merger wording stands only in the chrome, so the text is read before the merger,
    # and the chrome's provinces (Lâm Đồng, Gia Lai) are not the story's
    assert got.provinces == ["Vĩnh Long"]
    assert got.provinces_2025 == ["Vĩnh Long"]


def test_merger_wording_in_a_closing_run_of_headlines_does_not_date_the_text() -> None:
    closing = (
        "Thêm nhiều chợ phiên vùng cao được sửa sang\n"
        "Bố trí cán bộ cấp xã sau sáp nhập ra sao\n"
        "Người trồng na tìm đầu ra cho mùa vụ mới\n"
    )
    got = facts(LEAD + STORY + closing, published=None)
    assert got.provinces == ["Vĩnh Long", "Sơn La"]


def test_merger_wording_in_the_text_still_dates_it() -> None:
    # guards: in the article's own text the wording still switches to the 2025 structure, and a
    # first line that ends its sentence is the lead, not chrome
    merged = LEAD.replace("tỉnh Vĩnh Long hiện có", "tỉnh Vĩnh Long sau sáp nhập hiện có")
    got = facts(HEADLINE + merged + STORY, published=None)
    assert got.provinces == ["Sơn La"]  # a 2025 name gives an old one only when it was one province
    assert got.provinces_2025 == ["Vĩnh Long", "Sơn La"]
    sentence = TOP.replace(" |", ".")
    assert zones(sentence + HEADLINE + LEAD)[0] == ("lead", sentence.strip())


# 4. A list opened after a unit prefix is a list of units (places.toml `unit_list_openers`).

WARDS = (
    "Đợt này thành phố Hải Phòng xếp hạng OCOP cho 40 sản phẩm của 18 chủ thể ở 9 xã, phường "
    "gồm: Tân Hưng, Hoà Bình, Lê Chân, Thủy Nguyên và Kiến Thụy. Có 12 sản phẩm được 4 sao, số còn "
    "lại được 3 sao.\n"
)


def test_a_ward_named_like_a_province_in_a_list_of_wards_is_a_ward() -> None:
    got = facts(WARDS, published=AFTER)
    assert got.provinces_2025 == ["Hải Phòng"]
    assert "Hòa Bình" not in got.provinces


def test_provinces_listed_after_a_list_opener_stay_provinces() -> None:
    # guard: "tỉnh" is no unit prefix; a list of provinces is read as before
    text = "Đoàn công tác gồm: Hòa Bình, Sơn La và Điện Biên trao đổi kinh nghiệm làm sản phẩm OCOP.\n"
    assert facts(STORY + text).provinces == ["Sơn La", "Hòa Bình", "Điện Biên"]


# 5. The base of a comparison is no claim (claims.toml `not_count_words`).


def test_the_base_of_a_comparison_is_no_claim() -> None:
    text = (
        "Tỉnh Sơn La hiện có 240 sản phẩm được xếp hạng OCOP, tăng mạnh so với con số 120 "
        "sản phẩm hồi cuối năm 2021. Huyện Mai Sơn có 35 sản phẩm OCOP, gấp đôi so với 17 sản phẩm "
        "OCOP năm 2020."
    )
    assert {(c.count, c.stars) for c in facts(text).ocop_claims} == {(240, None), (35, None)}


def test_counts_around_a_comparison_still_count() -> None:
    # guard: the compared count itself and a count after the comparison's object stay claims
    text = (
        "So với năm trước, huyện Mai Sơn có thêm 2 hợp tác xã tham gia; toàn huyện có 35 sản phẩm "
        "OCOP, trong đó 6 sản phẩm đạt 4 sao."
    )
    assert {(c.count, c.stars) for c in facts(text).ocop_claims} == {(35, None), (6, 4)}


# 6. The provinces a merger joined are the old ones (places.toml `merger_party_words`).


def test_the_provinces_a_merger_joined_are_old_provinces() -> None:
    text = (
        "Từ ngày sáp nhập hai tỉnh Bắc Kạn và Thái Nguyên, danh mục OCOP của địa phương dài thêm. "
        "Hiện tỉnh Thái Nguyên có hơn 400 sản phẩm được xếp hạng OCOP."
    )
    got = facts(text, published=AFTER)
    assert got.provinces == ["Bắc Kạn", "Thái Nguyên"]
    assert got.provinces_2025 == ["Thái Nguyên"]
    dashed = "Việc hợp nhất tỉnh Yên Bái - Lào Cai mở rộng vùng nguyên liệu chè cho các sản phẩm OCOP."
    got = facts(dashed, published=AFTER)
    assert got.provinces == ["Yên Bái", "Lào Cai"]
    assert got.provinces_2025 == ["Lào Cai"]


def test_the_province_a_merger_made_is_the_new_one() -> None:
    # guards: "hợp nhất thành" names what the merger made; a bare 2025 name stays the new province
    made = "Ba tỉnh được hợp nhất thành tỉnh Vĩnh Long, nay có hơn 400 sản phẩm được xếp hạng OCOP."
    got = facts(made, published=AFTER)
    assert (got.provinces, got.provinces_2025) == ([], ["Vĩnh Long"])
    bare = "Sau sáp nhập, tỉnh Vĩnh Long có hơn 400 sản phẩm được xếp hạng OCOP."
    got = facts(bare, published=AFTER)
    assert (got.provinces, got.provinces_2025) == ([], ["Vĩnh Long"])


# 7. A dot that joins an initial to a name ends no clause (claims._initial_dot).

LISTED = (
    "Hội đồng OCOP tỉnh Sơn La vừa họp. 3 sản phẩm gồm: chè búp của hộ Lò Văn Tâm; bánh gạo lứt "
    "rang giòn {brand} của Công ty TNHH Hoa Ban và mận sấy dẻo của Hợp tác xã Tân Lập đạt 4 sao OCOP."
)


def test_a_brand_with_an_initial_in_a_list_keeps_the_list_s_rating() -> None:
    got = {(c.count, c.stars) for c in facts(LISTED.format(brand="V.Ngon")).ocop_claims}
    assert got == {(3, 4)}


def test_a_sentence_end_still_ends_the_clause() -> None:
    # guards: without the initial, as before; a full stop glued to the next sentence still ends
    # the clause, and a count in the next sentence keeps its own rating
    assert {(c.count, c.stars) for c in facts(LISTED.format(brand="Ngon")).ocop_claims} == {(3, 4)}
    glued = "Huyện Mai Sơn có 12 sản phẩm OCOP.Trong năm, 3 sản phẩm chè đạt 4 sao."
    assert {(c.count, c.stars) for c in facts(glued).ocop_claims} == {(12, None), (3, 4)}


# 8. A long line with a bracketed aside is prose, not glued headlines (document._ASIDE).

CAPTION = (
    "Gói miến dong mang nhãn Bình Minh do nhóm thợ ở xã Đông Lâm (Yên Châu) làm ra vừa được "
    "Hội đồng tỉnh xếp hạng OCOP 4 sao sau đợt chấm điểm cuối năm\n"
)
RATED = (
    "Năm nay tỉnh Sơn La xếp hạng OCOP cho 14 sản phẩm mới, đưa số sản phẩm của tỉnh lên 120.\n"
    "Các chủ thể được dùng nhãn hiệu OCOP trên bao bì trong thời hạn ba năm.\n"
)


def test_a_long_caption_with_a_bracketed_place_is_read() -> None:
    text = RATED.split("\n")[0] + "\n" + CAPTION + RATED.split("\n")[1]
    assert [z for z, line in zones(text) if line == CAPTION.strip()] == ["body"]
    assert facts(text).product_groups == ["Thực phẩm"]


def test_a_long_run_of_headlines_with_a_short_bracket_is_still_a_link() -> None:
    # guard: a headline's own bracket ("(video)", "(Kỳ 2)") does not make a glued run prose
    for bracket in ("(video)", "(Kỳ 2)"):
        run = (
            f"Nông dân vùng cao làm giàu từ cây mắc ca {bracket} Thêm nhiều chợ phiên được sửa sang "
            "Người trồng na tìm đầu ra cho mùa vụ mới ở thị trấn miền núi\n"
        )
        text = RATED.split("\n")[0] + "\n" + run + RATED.split("\n")[1]
        assert [z for z, line in zones(text) if line == run.strip()] == ["link"], bracket
