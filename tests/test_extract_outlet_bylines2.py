"""Bylines printed the way other Vietnamese outlets print them: the second blind round (session 15).

The 14 gold pages were re-credited in 20 more styles (army, police and provincial papers, expert
columns, magazine teams); writers were lost to: a rank or a degree before the name ("Thượng tá X",
"PGS.TS. X", "Thạc sĩ X", "Nhà văn X"), a role or a team share with a colon ("Phóng viên: X", "BTV: X",
"Nhóm tác giả: X, Y và Z", "Nội dung: X - Ảnh: Y"), "Bởi X", the photographer credited first
("Ảnh: Y | Bài: X"), and an office in brackets after the name ("X (Trung tâm VH-TT&TT huyện …)",
"X (Công an tỉnh …)", "X - Đoàn Luật sư …"). Every page below is written for these tests (invented
names, opaque class names, no metadata).
"""

from __future__ import annotations

import pytest

from crawler.extraction.byline import parse_byline
from tests.test_extract_outlet_bylines import _extract, _page  # the same page of our own carries both rounds


@pytest.mark.parametrize(
    ("line", "writer"),
    [
        ("Thượng tá Khổng Văn Thiện", "Khổng Văn Thiện"),
        ("Đại úy Mạc Thị Huyền", "Mạc Thị Huyền"),
        ("PGS.TS. Ông Đình Phú", "Ông Đình Phú"),
        ("GS.TSKH Lò Văn Sinh", "Lò Văn Sinh"),
        ("Thạc sĩ Quách Thu Trang", "Quách Thu Trang"),
        ("Nhà văn Lục Bích Hạnh", "Lục Bích Hạnh"),
    ],
)
def test_a_rank_or_a_degree_before_the_name_is_no_part_of_it(line: str, writer: str) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == [writer]


@pytest.mark.parametrize(
    ("line", "writers"),
    [
        ("Phóng viên: Ông Đình Phú", ["Ông Đình Phú"]),
        ("BTV: Lục Bích Hạnh", ["Lục Bích Hạnh"]),
        ("Bởi Quách Thu Trang", ["Quách Thu Trang"]),
        ("bởi Quách Thu Trang", ["Quách Thu Trang"]),
        ("Nhóm tác giả: Mạc Huyền, Lò Sinh và Ông Phú", ["Mạc Huyền", "Lò Sinh", "Ông Phú"]),
        ("Nội dung: Mạc Huyền - Ảnh: Lò Sinh - Thiết kế: Ông Phú", ["Mạc Huyền"]),
        ("Ảnh: Lò Sinh | Bài: Mạc Huyền", ["Mạc Huyền"]),
        ("Ảnh: Lò Sinh; Bài: Mạc Huyền", ["Mạc Huyền"]),
    ],
)
def test_a_role_or_a_team_share_labels_the_writer(line: str, writers: list[str]) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == writers


@pytest.mark.parametrize(
    ("line", "office"),
    [
        ("Lục Bích Hạnh (Trung tâm VH-TT&TT huyện Mường Tè)", "Trung tâm VH-TT&TT huyện Mường Tè"),
        ("Đại úy Mạc Thị Huyền (Công an tỉnh Lai Châu)", "Công an tỉnh Lai Châu"),
        ("Luật sư Khổng Văn Thiện - Đoàn Luật sư TP Hà Nội", "Đoàn Luật sư TP Hà Nội"),
    ],
)
def test_an_office_beside_the_name_is_where_the_writer_works(line: str, office: str) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and len(byline.authors) == 1 and byline.agency == office


def test_a_ranked_signature_after_the_text_is_the_byline_and_leaves_the_text() -> None:
    footer = '<p style="text-align:right">Trung tá <span class="x0e0e0e0">Khổng Văn Thiện</span></p>'
    article = _extract(_page(footer=footer))
    assert article.authors == ["Khổng Văn Thiện"]
    assert "Khổng Văn Thiện" not in article.text


def test_the_photographer_credited_first_is_no_writer() -> None:
    header = (
        '<div class="x1b2c3d4">Ảnh: <b>Lò Văn Sinh</b> | Bài: <b>Mạc Thị Huyền</b> - 17/11/2025 09:12</div>'
    )
    assert _extract(_page(header)).authors == ["Mạc Thị Huyền"]


# --- guards -------------------------------------------------------------------------------------


def test_sentences_and_names_that_look_like_the_new_words_stay_what_they_are() -> None:
    assert parse_byline("Bởi vì trời mưa to", min_words=2) is None
    photo_only = parse_byline("Ảnh: Lò Văn Sinh", min_words=2)
    assert photo_only is None or not photo_only.authors
    for name in ("Trường Giang", "Đại Nghĩa", "Trung Kiên"):  # given names, not offices or ranks
        byline = parse_byline(name, min_words=2)
        assert byline is not None and byline.authors == [name]
