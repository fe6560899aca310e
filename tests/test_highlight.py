"""Word-level highlighting: the query model's word groups decide what a mark covers.

The texts are written for these tests; each one sets a trap a syllable-by-syllable highlighter falls into.
"""

from __future__ import annotations

import re

import pytest

from indexer import highlight
from indexer.highlight import document_marks, flatten, highlight_all, hit_for, paragraphs, snippet
from indexer.query import parse_query
from tests.support.small_archive import make_article


def marked(text: str, q: str) -> list[str]:
    (marks,) = document_marks(parse_query(q), [text])
    return [text[m.start : m.end] for m in marks]


def test_a_word_of_two_syllables_is_one_mark_and_its_syllables_elsewhere_stay_plain() -> None:
    text = "Vào mùa quay mật, các hộ nuôi ong ở Mèo Vạc bán mật ong bạc hà cho khách."
    assert marked(text, "mat ong") == ["mật ong"]
    assert marked(text, "mật ong") == ["mật ong"]


def test_lone_syllables_are_marked_only_when_nothing_better_matched() -> None:
    text = "Vào mùa quay mật, các hộ nuôi ong ở Mèo Vạc làm việc từ sáng sớm."
    assert marked(text, "mat ong") == ["mật", "ong"]


def test_part_of_a_longer_query_word_is_a_word_and_a_homograph_is_not() -> None:
    text = "Nhà sàn của hợp tác xã trưng bày sản phẩm đạt chuẩn OCOP 4 sao."
    # "sản phẩm" is two of the three syllables side by side; OCOP never stands beside them, so it is
    # marked on its own; "sàn" folds to "san" but only ever appears outside the word
    assert marked(text, "san pham ocop") == ["sản phẩm", "OCOP"]
    assert marked("Tỉnh có thêm 40 sản phẩm OCOP, bày ở nhà sàn.", "san pham ocop") == ["sản phẩm OCOP"]


def test_the_whole_document_decides_what_counts_as_lone() -> None:
    article = make_article(
        1, "Mùa quay mật ở cao nguyên đá", "Hợp tác xã bán mật ong bạc hà. Nuôi ong cần nhiều công sức."
    )
    hit = hit_for(article, parse_query("mat ong"), None)
    assert "<mark>" not in hit.title_highlighted
    assert re.findall(r"<mark>(.*?)</mark>", hit.snippet) == ["mật ong"]
    # a title word is enough to make the body's loose syllables plain
    article = make_article(2, "Mật ong rừng U Minh", "Mùa này ong về ít, mật cũng ít.")
    hit = hit_for(article, parse_query("mat ong"), None)
    assert hit.title_highlighted == "<mark>Mật ong</mark> rừng U Minh"
    assert "<mark>" not in hit.snippet


def test_syllables_split_by_punctuation_or_out_of_order_are_not_a_word() -> None:
    assert marked("Người dân bán mật. Ong thì nuôi ở rừng.", "mat ong") == ["mật", "Ong"]
    assert marked("Hũ mật ong nhỏ.", "ong mat") == ["mật", "ong"]


def test_a_quoted_phrase_counts_only_whole() -> None:
    text = "Xây dựng nông thôn mới gắn với nông thôn và đô thị."
    assert marked(text, '"nông thôn mới"') == ["nông thôn mới"]
    # punctuation inside a typed word makes it a phrase; the text's punctuation may sit between its parts
    assert marked("Tại TP.HCM, hội chợ mở cửa.", "TP.HCM") == ["TP.HCM"]


def test_or_alternatives_are_groups_of_their_own() -> None:
    text = "Hộp quà gồm trà Shan tuyết, mật ong và ong non."
    assert marked(text, '"mật ong" OR trà') == ["trà", "mật ong"]


def test_marks_sit_on_the_printed_text_and_everything_is_escaped() -> None:
    text = "<b>MẬT ONG</b> & Mật Ong"
    (marks,) = document_marks(parse_query("mat ong"), [text])
    assert highlight_all(text, marks) == "&lt;b&gt;<mark>MẬT ONG</mark>&lt;/b&gt; &amp; <mark>Mật Ong</mark>"


def test_the_snippet_window_prefers_the_word_over_loose_syllables() -> None:
    loose = "Mùa quay mật tới sớm, hộ nuôi ong tất bật. " + "Thời tiết năm nay thuận lợi cho đàn ong. " * 8
    body = flatten(loose + "\n\nCuối vụ, hợp tác xã thu được hai tấn mật ong bạc hà.")
    (marks,) = document_marks(parse_query("mat ong"), [body])
    text = snippet(body, marks)
    assert text.startswith("… ") and re.findall(r"<mark>(.*?)</mark>", text) == ["mật ong"]


def test_no_query_words_no_marks() -> None:
    assert document_marks(parse_query("-xổ"), ["Kết quả xổ số"]) == [[]]
    article = make_article(3, "Tiêu đề", "Nội dung bài.")
    assert hit_for(article, parse_query(""), None).snippet == "Nội dung bài."


def test_paragraphs_are_marked_one_by_one_and_a_word_never_spans_two() -> None:
    text = "Người nuôi ong bán mật\n\nOng non và mật ong rừng.\n\nKhông có gì."
    (marks,) = document_marks(parse_query("mat ong"), [text])
    assert paragraphs(text, marks) == [
        "Người nuôi ong bán mật",
        "Ong non và <mark>mật ong</mark> rừng.",
        "Không có gì.",
    ]
    # a quoted phrase is matched across the break, as the engines match it, and marked on each side
    (marks,) = document_marks(parse_query('"bán mật ong non"'), [text])
    assert paragraphs(text, marks)[:2] == [
        "Người nuôi ong <mark>bán mật</mark>",
        "<mark>Ong non</mark> và mật ong rừng.",
    ]


def test_a_syllable_no_query_word_can_continue_is_lone_without_looking_for_a_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the next query syllable found cannot follow it in a word, a syllable is decided lone
    at once (`_followers`): in a query of 40 words nine places in ten are."""
    text = "Ong đi tìm mật, ong và hoa."
    expected = ["Ong", "mật", "ong", "hoa"]
    assert marked(text, "mat ong hoa") == expected
    looked: list[int] = []
    original = highlight._Found._longest_word_at
    monkeypatch.setattr(
        highlight._Found, "_longest_word_at", lambda self, *a: looked.append(1) or original(self, *a)
    )
    assert marked(text, "mat ong hoa") == expected
    assert len(looked) == 2  # "mật" followed by "ong", "ong" by "hoa" (neither joined)
