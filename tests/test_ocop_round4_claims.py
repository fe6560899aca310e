"""Session 19: claims, stars and groups, fourth blind round (issue #11). Invented passages only.

Each mechanism has a passage that fails on main, and guards that must not change.
"""

from __future__ import annotations

from indexer.ocop import enrich_text
from indexer.ocop.document import Document

OPEN = "Hội đồng đánh giá sản phẩm OCOP tỉnh Tuyên Quang đã họp xét hồ sơ của các chủ thể năm nay. "
FILL = (
    "Các hợp tác xã được hướng dẫn hoàn thiện bao bì, nhãn mác và tem truy xuất nguồn gốc để sản phẩm "
    "vào được các chuỗi siêu thị lớn trong và ngoài tỉnh."
)


def claims(text: str, title: str = "") -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in enrich_text(title, text).ocop_claims}


def zones(text: str) -> list[tuple[str, str]]:
    doc = Document("", text)
    return [(b.zone, doc.text[b.start : b.end]) for b in doc.blocks if b.zone != "title"]


# 1. Widgets above the story (a comment counter, a row of share buttons, an abbreviated view
# counter, a font-size switch) are chrome: the story's first paragraph stays its lead.


def test_top_widgets_are_chrome_and_the_lead_follows() -> None:
    lead = "Tỉnh Tuyên Quang vừa công nhận thêm 17 sản phẩm đạt chuẩn OCOP trong đợt xét cuối năm nay."
    for widget in ("Bình luận (0)", "Chia sẻ Facebook Zalo In bài", "Lượt xem: 3.4K", "Cỡ chữ: A- A A+"):
        found = zones(f"{widget}\n{lead}\n{FILL}")
        assert found[0] == ("link", widget), widget
        assert found[1] == ("lead", lead), widget


def test_top_widget_guards() -> None:
    # a comment counter with words after it is no counter; a sentence about sharing stays text
    text = "Chia sẻ kinh nghiệm làm miến dong, bà Lan cho biết mỗi năm bán được hàng chục tấn.\n" + FILL
    assert zones(text)[0][0] == "lead"
    # "Bình luận" closes the story once it has started, as before
    text = "Tỉnh Tuyên Quang vừa công nhận thêm 17 sản phẩm đạt chuẩn OCOP trong đợt xét cuối năm.\n"
    assert [z for z, _ in zones(text + FILL + "\nBình luận (3)\nNgười dân phấn khởi")] == ["lead", "body"]


# 2. Related headlines listed with a dash under a story (after its byline or its last sentence)
# are links: their counts are no claims of the story.


def test_closing_bulleted_headlines_are_links() -> None:
    body = OPEN + "Đợt này có 12 sản phẩm đạt 3 sao.\n" + FILL + "\n"
    for tail in (
        "Hoàng Yến\n- Thêm 9 sản phẩm được gắn sao OCOP trong quý III\n» Hướng dẫn làm hồ sơ năm mới",
        "- Thêm 9 sản phẩm được gắn sao OCOP trong quý III\n- Giá cam sành tăng mạnh đầu vụ",
    ):
        assert claims(body + tail) == {(12, 3)}, tail


def test_closing_bullet_guards() -> None:
    # the items of the story's own list after a colon stay text
    items = "- Huyện Na Hang có 8 sản phẩm OCOP;\n- Huyện Lâm Bình có 5 sản phẩm OCOP.\n"
    text = OPEN + "Cụ thể:\n" + items + FILL
    assert {(8, None), (5, None)} <= claims(text)
    # ... and an unterminated item after an item that ends with a semicolon is not a closing link
    items = "- Huyện Na Hang có 8 sản phẩm OCOP 3 sao;\n- Huyện Lâm Bình có 5 sản phẩm OCOP 4 sao"
    text = OPEN + "Kết quả:\n" + items
    assert claims(text) == claims(text.replace("4 sao", "4 sao."))


# 3. Re-recognised products that keep their rank hold it: "…, giữ nguyên hạng 3 sao".


def test_kept_rank_after_a_comma() -> None:
    text = OPEN + "Kết quả, 27 sản phẩm được công nhận lại, giữ nguyên hạng 3 sao, "
    text += "và 8 sản phẩm được nâng lên 4 sao."
    assert claims(text) == {(27, 3), (8, 4)}


def test_kept_rank_guard() -> None:
    # another clause after the comma still ends the count's clause
    text = OPEN + "Kết quả, 27 sản phẩm được công nhận lại, hội đồng đánh giá cao 3 sản phẩm 4 sao."
    assert (27, None) in claims(text)


# 4. The tourism group's products are counted as places: "một trong 4 điểm du lịch … đạt OCOP 3 sao".


def test_tourism_sites_are_counted() -> None:
    text = (
        "Bản Mây ở tỉnh Tuyên Quang vừa được công nhận sản phẩm OCOP 3 sao ở nhóm dịch vụ du lịch. "
        "Đây là một trong 4 điểm du lịch của tỉnh đạt OCOP 3 sao, với dịch vụ chèo thuyền và ngủ nhà sàn."
    )
    assert claims(text) == {(4, 3)}


def test_tourism_site_guard() -> None:
    # sites without the programme in their clause are not OCOP products
    text = OPEN + "Đợt này có 12 sản phẩm đạt 3 sao. Tỉnh có 30 điểm du lịch đón khách dịp lễ."
    assert claims(text) == {(12, 3)}


# 5. English: a total as the value of "the number of … products", and a breakdown "including 54
# four-star and 4 five-star products".


def test_english_total_and_breakdown() -> None:
    text = (
        "The number of One Commune One Product (OCOP) items in the province has reached 350, including "
        "54 four-star and 4 five-star products. Most of them are processed foods and drinks."
    )
    assert claims(text) == {(350, None), (54, 4), (4, 5)}


def test_english_total_guards() -> None:
    # a share is no total, and registrations are no count of certified products
    text = (
        "The OCOP programme is growing in the province, with 120 OCOP products so far. The number of "
        "OCOP products sold online is 40 percent. The number of registered products is 60."
    )
    assert claims(text) == {(120, None)}


# 6. English counts are OCOP facts for relevance too: a brief that names the programme once and
# states its figures is OCOP coverage.


def test_english_counts_lift_relevance() -> None:
    text = (
        "Quang Tri province now has 216 OCOP products, of which 50 have been rated four stars and 4 have "
        "reached the top five-star level.\nMost of the certified goods are processed foods and drinks "
        "such as dried fruit, fish sauce, tea and coffee.\nLocal authorities said they would help producers "
        "improve packaging and reach export markets in the coming years.\nThe province's hotels, several of "
        "them rated five stars, now sell local specialties in their lobbies and restaurants.\nTourism "
        "officials expect more visitors to the region this summer as new direct flights open"
        " from the capital."
    )
    facts = enrich_text("", text)
    assert facts.is_ocop
    assert {(c.count, c.stars) for c in facts.ocop_claims} == {(216, None), (50, 4), (4, 5)}


def test_english_relevance_guard() -> None:
    # rated English counts without the programme's name are no OCOP facts (a look-alike programme)
    text = (
        "The provincial fair displayed 300 local products, and 20 of them have been rated five stars by "
        "the organisers.\nThe organisers said the fair would return next year with more stalls."
    )
    assert not enrich_text("", text).is_ocop


# 7. Groups: the six-group boilerplate after a colon adds nothing; the last item after "cùng"
# opens with its product word; "ích mẫu" is a herb.

BOILER = (
    "Chương trình OCOP phân sản phẩm thành 6 nhóm: thực phẩm, đồ uống, thảo dược, vải và may mặc, "
    "lưu niệm - nội thất - trang trí, dịch vụ du lịch cộng đồng và điểm du lịch.\n"
)


def groups(text: str) -> list[str]:
    return enrich_text("", text).product_groups


def test_boilerplate_after_a_colon_adds_no_group() -> None:
    text = BOILER + "Tại tỉnh Tuyên Quang, 60 sản phẩm OCOP được công nhận năm nay chủ yếu là trà xanh.\n"
    text += FILL
    assert groups(text) == ["Đồ uống"]


def test_boilerplate_guard() -> None:
    # a group named after "nhóm" in a sentence about the article's products counts
    text = OPEN + "Trong đó, nhóm thực phẩm có 9 sản phẩm OCOP được công nhận.\n" + FILL
    assert "Thực phẩm" in groups(text)


def test_item_after_cung_and_herb() -> None:
    text = OPEN + "Nổi bật là Miến Lạc Thành cùng Tinh dầu bưởi Hương Nhu, đều đạt 3 sao.\n" + FILL
    assert groups(text) == ["Thực phẩm", "Thảo dược"]
    text = OPEN + "Các sản phẩm đạt 3 sao gồm rượu ngô, cao ích mẫu.\n" + FILL
    assert groups(text) == ["Đồ uống", "Thảo dược"]


def test_item_after_cung_guard() -> None:
    # a capitalised word after "cùng" inside an organisation's name is no product
    text = OPEN + "Đợt này có 12 sản phẩm đạt 3 sao, trong đó có miến dong cùng Công ty Chè Núi Xanh.\n"
    text += FILL
    assert groups(text) == ["Thực phẩm"]


# 8. Stars: the programme's scale ("theo thang từ 3 đến 5 sao") is no rating.


def test_scale_is_no_rating() -> None:
    text = (
        "OCOP là chương trình Mỗi xã một sản phẩm, phân hạng sản phẩm theo thang từ 3 đến 5 sao. "
        "Cả nước có 16.000 sản phẩm OCOP, trong đó 150 sản phẩm đạt 5 sao.\n" + FILL
    )
    assert enrich_text("", text).stars == [5]


def test_scale_guard() -> None:
    # a month ("tháng") is no scale: the rating in the same sentence stays
    text = OPEN + "Trong tháng 3 sản phẩm miến dong đạt 4 sao OCOP.\n" + FILL
    assert 4 in enrich_text("", text).stars


# Not blind (after the held-out run of session 19).

# 9. A rating that labels the next count, or has a share of the count, belongs to a part: the
# count before it is unrated.


def test_part_ratings_leave_the_total_unrated() -> None:
    text = OPEN + "Công nhận mới 25 sản phẩm, gồm: 3 sao: 21 sản phẩm; 4 sao: 4 sản phẩm."
    assert claims(text) == {(25, None), (21, 3), (4, 4)}
    text = (
        OPEN
        + "Tỉnh hiện có 130 sản phẩm OCOP của 59 chủ thể, hạng 3 sao chiếm phần lớn, có 29 sản phẩm 4 sao."
    )
    assert claims(text) == {(130, None), (29, 4)}


def test_part_rating_guard() -> None:
    # the count's own rating, with a later share of something else, stays its rating
    text = OPEN + "Tỉnh có 30 sản phẩm OCOP 3 sao, chiếm 40% tổng số sản phẩm."
    assert claims(text) == {(30, 3)}


# 10. A total of certified products in a sentence that opened on the programme, and its items
# given right after their ratings.


def test_certified_total_and_bare_items() -> None:
    text = (
        "Chương trình OCOP tiếp tục được triển khai hiệu quả: tổng số sản phẩm được cấp giấy chứng nhận "
        "đạt 206, trong đó sản phẩm 4 sao 16, sản phẩm 5 sao 2."
    )
    assert claims(OPEN + text) == {(206, None), (16, 4), (2, 5)}


def test_certified_total_guards() -> None:
    # without the programme in the sentence, a total of certificates is no OCOP claim
    assert claims(OPEN + "Tổng số sản phẩm được cấp giấy chứng nhận đạt 206.") == set()
    # a bare number after a rating that opens no list item is no count (a price)
    assert claims(OPEN + "Năm nay, sản phẩm 4 sao 16 triệu đồng một hộp.") == set()


# 11. A text with no title that opens on its headline: the headline is read as the title.


def test_opening_headline_is_the_title() -> None:
    text = (
        "Phóng sự ảnh: Mùa vàng của những sản phẩm OCOP ở vùng cao Tuyên Quang\n"
        "Những ngày cuối năm, các xưởng sản xuất ở Tuyên Quang tất bật hơn thường lệ để kịp giao hàng Tết.\n"
        "Công nhân đóng gói miến dong. Đơn vị có 3 sản phẩm OCOP 4 sao. Ảnh: Hoàng Yến\n"
        "Khách chọn mua quà Tết tại gian hàng. Ảnh: Hoàng Yến\n" + FILL
    )
    doc = Document("", text)
    assert [b.zone for b in doc.blocks][:3] == ["title", "title", "lead"]
    facts = enrich_text("", text)
    assert facts.is_ocop and facts.stars == [4]


def test_opening_headline_guards() -> None:
    # a short section line is no headline; a title given keeps the first line in the body
    text = "Kinh tế nông nghiệp\n" + OPEN + "Đợt này có 12 sản phẩm đạt 3 sao.\n" + FILL
    assert [b.zone for b in Document("", text).blocks].count("title") == 1
    line = "Phóng sự ảnh: Mùa vàng của những sản phẩm OCOP ở vùng cao Tuyên Quang"
    doc = Document("Tiêu đề đã có", line + "\n" + OPEN + FILL)
    assert [b.zone for b in doc.blocks][:2] == ["title", "body"]


# 12. Products re-recognised right before their count are OCOP products again, though their
# clause says they had expired.


def test_rerecognised_before_the_count() -> None:
    assert claims(OPEN + "Hội đồng cũng công nhận lại 13 sản phẩm OCOP đã hết hạn chứng nhận.") == {
        (13, None)
    }


def test_rerecognised_guards() -> None:
    assert claims(OPEN + "Có 13 sản phẩm OCOP đã hết hạn chứng nhận.") == set()
    # a proposal to re-recognise them is no result
    assert claims(OPEN + "Hội đồng đề nghị công nhận lại 13 sản phẩm OCOP đã hết hạn chứng nhận.") == set()
