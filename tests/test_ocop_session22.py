"""Session 22: leftovers of session 21 (issue #11), fixed by mechanism, not blind.

The passages are our own invented text, nothing from ../shared. Each mechanism has a passage that
fails on main, and guards that must not change.
"""

from __future__ import annotations

from datetime import UTC, datetime

from indexer.ocop import OcopFacts, enrich_text


def facts(text: str, *, published: datetime | None = None, written_by: datetime | None = None) -> OcopFacts:
    if written_by is None:  # the call main can make too, so the guards run on both
        return enrich_text("", text, published=published)
    return enrich_text("", text, published=published, written_by=written_by)


def claims(
    text: str, *, published: datetime | None = None, written_by: datetime | None = None
) -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in facts(text, published=published, written_by=written_by).ocop_claims}


def day(year: int) -> datetime:
    return datetime(year, 6, 1, tzinfo=UTC)


# 1. Time frames ahead of the text's year (modality.toml `time_frame_openers`, `frame_list_items`).

HEAD = "Chương trình OCOP ở huyện Yên Châu có nhiều chuyển biến, hiện huyện có 48 sản phẩm OCOP. "


def test_an_undated_deadline_after_the_crawl_year_is_a_target() -> None:
    text = HEAD + "Đến năm 2031, toàn huyện có 90 sản phẩm OCOP, 6 sản phẩm đạt 5 sao."
    got = facts(text, written_by=day(2027))
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(48, None)}
    assert got.stars == []


def test_an_undated_deadline_guards() -> None:
    text = HEAD + "Đến năm 2031, toàn huyện có 90 sản phẩm OCOP, 6 sản phẩm đạt 5 sao."
    # no crawl date: nothing says 2031 is ahead (as before)
    assert claims(text) == {(48, None), (90, None), (6, 5)}
    # a year already past when the text was crawled is a fact
    past = HEAD + "Đến năm 2023, toàn huyện có 60 sản phẩm OCOP, 6 sản phẩm đạt 4 sao."
    assert claims(past, written_by=day(2027)) == {(48, None), (60, None), (6, 4)}
    # the text's own latest year still comes first: "năm 2029" is stated as an event
    own = "Năm 2029, huyện có 48 sản phẩm OCOP. Đến năm 2028, toàn huyện có 60 sản phẩm OCOP."
    assert claims(own, written_by=day(2030)) == {(48, None), (60, None)}


def test_a_bare_year_ahead_stays_a_fact() -> None:
    # guard: a bare year is no frame (a date before it is as likely wrong), with or without a date
    text = HEAD + "Năm 2027, sản phẩm miến dong của xã được công nhận đạt OCOP 3 sao."
    assert facts(text, published=day(2025)).stars == [3]
    assert facts(text).stars == [3]


def test_a_period_that_ends_ahead_is_a_target() -> None:
    text = HEAD + "Giai đoạn 2026-2030, huyện có 120 sản phẩm OCOP, trong đó 9 sản phẩm đạt 5 sao."
    got = facts(text, published=day(2024))
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(48, None)}
    assert got.stars == []


def test_a_period_guards() -> None:
    # a period gone by is a fact
    text = HEAD + "Giai đoạn 2019-2023, huyện có 120 sản phẩm OCOP, trong đó 9 sản phẩm đạt 5 sao."
    assert claims(text, published=day(2024)) == {(48, None), (120, None), (9, 5)}
    # a period inside a name frames nothing: only openers may stand before it in its clause
    named = HEAD + "Trong khuôn khổ Đề án OCOP giai đoạn 2024-2026, huyện có 120 sản phẩm OCOP."
    assert claims(named, published=day(2025)) == {(48, None), (120, None)}
    # a realis marker after the period
    done = HEAD + "Giai đoạn 2024-2026, huyện đã có 120 sản phẩm OCOP."
    assert claims(done, published=day(2025)) == {(48, None), (120, None)}


def test_a_breakdown_of_a_deadline_ahead_is_a_target() -> None:
    text = HEAD + "Đến năm 2030, toàn huyện có 120 sản phẩm OCOP. Trong đó, 9 sản phẩm đạt 5 sao."
    got = facts(text, published=day(2024))
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(48, None)}
    assert got.stars == []
    # guard: a breakdown of a past deadline, and one with its own realis marker
    past = HEAD + "Đến năm 2023, toàn huyện có 120 sản phẩm OCOP. Trong đó, 9 sản phẩm đạt 5 sao."
    assert claims(past, published=day(2024)) == {(48, None), (120, None), (9, 5)}


def test_list_items_under_a_target_heading_are_targets() -> None:
    text = HEAD + "Mục tiêu đến năm 2030:\n- Toàn huyện có 120 sản phẩm OCOP.\n- Có 9 sản phẩm đạt 5 sao."
    got = facts(text, published=day(2024))
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(48, None)}
    assert got.stars == []
    ahead = HEAD + "Giai đoạn 2026-2030:\n- Toàn huyện có 120 sản phẩm OCOP.\n- Có 9 sản phẩm đạt 5 sao."
    assert claims(ahead, published=day(2024)) == {(48, None)}
    # an item with a realis marker is a fact; the next item is still a target
    mixed = (
        HEAD + "Mục tiêu đến năm 2030:\n- Đến nay huyện đã có 120 sản phẩm OCOP.\n- Có 9 sản phẩm đạt 5 sao."
    )
    assert claims(mixed, published=day(2024)) == {(48, None), (120, None)}


def test_list_heading_guards() -> None:
    # a heading without a plan or a frame ahead
    report = HEAD + "Kết quả năm 2023:\n- Toàn huyện có 120 sản phẩm OCOP.\n- Có 9 sản phẩm hạng 4 sao."
    assert claims(report, published=day(2024)) == {(48, None), (120, None), (9, 4)}
    # a paragraph (not a list item) after the heading is not governed by it
    para = HEAD + "Mục tiêu đến năm 2030:\nToàn huyện hiện có 120 sản phẩm OCOP đã có chứng nhận."
    assert (120, None) in claims(para, published=day(2024))


def test_an_archived_article_is_read_against_its_crawl_date() -> None:
    # `enrich` passes the crawl time: the pipeline and `ocop reprocess` read undated articles so
    from indexer.ocop import enrich
    from indexer.schema import Article

    text = HEAD + "Đến năm 2031, toàn huyện có 90 sản phẩm OCOP."
    article = Article(
        id="a", url="https://example.vn/a", site="example.vn", title="", text=text, crawled=day(2027)
    )
    assert {(c.count, c.stars) for c in enrich(article).ocop_claims} == {(48, None)}


def test_classify_reads_a_crawl_date() -> None:
    import io
    import json

    from ocop_watch.commands.classify import classify_lines

    text = HEAD + "Đến năm 2031, toàn huyện có 90 sản phẩm OCOP."
    rows = [{"id": "a", "text": text}, {"id": "b", "text": text, "crawled": "2027-03-01T08:00:00+07:00"}]
    lines = io.StringIO("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    out = io.StringIO()
    assert classify_lines(lines, out, io.StringIO()) == (2, 0)
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [sorted(c["count"] for c in g["ocop_claims"]) for g in got] == [[48, 90], [48]]
    bad = io.StringIO(json.dumps({"id": "c", "text": text, "crawled": "hôm qua"}, ensure_ascii=False) + "\n")
    assert classify_lines(bad, io.StringIO(), io.StringIO()) == (0, 1)


# 2. No phrase runs across a sentence end (document.py: the gap before a sentence's first syllable).


def test_no_place_read_across_a_full_stop() -> None:
    text = (
        "Tỉnh Phú Thọ có 15 sản phẩm OCOP 3 sao. Khách mua nhiều nhất là bánh của nông dân Đồng."
        " Nai tơ cũng được nuôi."
    )
    assert facts(text).provinces == ["Phú Thọ"]


def test_full_stop_guards() -> None:
    # an abbreviation's full stop ("TP.") and a thousands separator are no sentence end
    text = "Tỉnh Phú Thọ có 1.236 sản phẩm OCOP 3 sao. Sản phẩm của TP. Hồ Chí Minh cũng có mặt."
    got = facts(text)
    assert got.provinces == ["Phú Thọ", "Hồ Chí Minh"]
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(1236, 3)}


# 3. English: the next sentence rates the whole count when it opens with words that refer back to
# it (english.toml `whole_next_openers`).

BROUGHT = (
    "Growers in the hill district have brought 42 products into the One Commune One Product (OCOP) programme."
)


def test_an_english_count_rated_whole_in_the_next_sentence() -> None:
    assert claims(BROUGHT + " All of them were rated three stars. Their pork is sold in city stores.") == {
        (42, 3)
    }
    assert claims(BROUGHT + " All were rated four stars by the provincial council.") == {(42, 4)}


def test_english_next_sentence_guards() -> None:
    # a part, other products, a plan, a number between, a sentence in between: no rating
    assert claims(BROUGHT + " Most of them were rated three stars.") == {(42, None)}
    assert claims(BROUGHT + " All products sold at the fair were rated three stars.") == {(42, None)}
    assert claims(BROUGHT + " All of them are expected to reach four stars.") == {(42, None)}
    assert claims(
        BROUGHT.replace("42 products", "42 products from 12 cooperatives")
        + " All of them were rated three stars."
    ) == {(42, None)}
    assert claims(BROUGHT + " Their pork is sold in city stores. All of them were rated three stars.") == {
        (42, None)
    }


# 4. A clause of purpose that opens a sentence ("Với mong muốn …,") holds its plan words to itself
# (modality.toml `purpose_openers`).

CRAB = "Tỉnh Bạc Liêu hiện có 90 sản phẩm OCOP. "


def test_a_purpose_clause_does_not_govern_the_main_clause() -> None:
    text = CRAB + "Với mong muốn giữ nghề làm mắm của cha ông, huyện có 12 sản phẩm OCOP hạng 3 sao."
    got = facts(text)
    assert {(c.count, c.stars) for c in got.ocop_claims} == {(90, None), (12, 3)}
    assert got.stars == [3]
    rated = (
        CRAB + "Với mong muốn giữ nghề làm mắm của cha, anh Tư mở xưởng và có hai sản phẩm đạt 3 sao OCOP."
    )
    assert facts(rated).stars == [3]


def test_purpose_clause_guards() -> None:
    # a plan word in the main clause, a count inside the purpose clause, "Với mục tiêu" (a target)
    assert claims(CRAB + "Nhằm giữ nghề làm mắm, huyện phấn đấu có 12 sản phẩm OCOP hạng 4 sao.") == {
        (90, None)
    }
    assert claims(CRAB + "Nhằm đạt 20 sản phẩm OCOP 4 sao, huyện hỗ trợ các hợp tác xã.") == {(90, None)}
    assert claims(CRAB + "Với mục tiêu đến năm 2030, huyện có 200 sản phẩm OCOP hạng 4 sao.") == {(90, None)}
    assert claims(CRAB + "Để giữ nghề làm mắm, huyện sẽ có thêm 12 sản phẩm OCOP hạng 4 sao.") == {(90, None)}


# 5. A comma between two kinds of unit after a number ("8 huyện, thị xã") does not end the count's
# clause (claims.toml `unit_kinds`): the candidacy after it is still the count's.

YB = "Tỉnh Yên Bái hiện có 150 sản phẩm OCOP. "


def test_a_pair_of_unit_kinds_keeps_the_clause() -> None:
    text = YB + "Năm nay có 31 sản phẩm thuộc 5 huyện, thị xã đăng ký tham gia đánh giá, phân hạng."
    assert claims(text) == {(150, None)}


def test_unit_kind_guards() -> None:
    # the rating after the pair is still the count's; a clause after a unit and a name ends
    assert claims(YB + "Đợt này có 24 sản phẩm của 6 huyện, thị xã đạt 3 sao.") == {(150, None), (24, 3)}
    text = YB + "Đợt này có 24 sản phẩm OCOP của 6 huyện, thành phố, trong đó 3 sản phẩm đăng ký nâng hạng."
    assert claims(text) == {(150, None), (24, None)}


# 6. A last line cut inside a word after a comma ("…, trong đ") is running text cut short, not a
# headline under the article (document.py `_cut_mid_word`).

FAIR = (
    "Hội chợ sản phẩm OCOP tỉnh Bắc Kạn khai mạc tối qua với hơn 100 gian hàng của các hợp tác xã trong"
    " tỉnh, giới thiệu nhiều sản phẩm OCOP như miến dong, mật ong và trà hoa vàng.\n"
)


def test_a_last_line_cut_inside_a_word_is_text() -> None:
    assert claims(FAIR + "Hiện nay, Bắc Kạn sở hữu 150 sản phẩm OCOP, trong đ") == {(150, None)}


def test_cut_word_guards() -> None:
    # a whole last word, and a headline with no comma clause, stay as before (a link)
    assert claims(FAIR + "Hiện nay, Bắc Kạn sở hữu 150 sản phẩm OCOP, trong") == set()
    assert claims(FAIR + "Bắc Kạn có 150 sản phẩm OCOP tr") == set()
