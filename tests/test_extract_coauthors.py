"""Bylines of several writers, and a dated byline line after the text (round 8).

Vietnamese templates print two writers in more than one place: the header names the first
writer and counts the others ("LAN ANH và 1 tác giả khác", the full list in a pop-up), the line
after the text names them all ("LAN ANH - MINH TÚ"). Each writer is credited once, in the order
printed. A byline after the text may also link the writer's name and add the date after a
bullet ("<a>Hoàng Nam</a> • 07:12 ngày 24/03/2024"). The pages are written for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://nongsan.example.vn/kinh-doanh/gia-hoa-tang-manh-dip-le-4471.html"
CRAWLED = datetime(2026, 3, 9, 7, 30, tzinfo=VIETNAM_TZ)

BODY = [
    "Giá các loại hoa nhập khẩu tăng mạnh trong tuần trước ngày lễ, nhiều cửa hàng ở trung tâm thành "
    "phố cho biết lượng hàng về chỉ bằng một nửa so với cùng kỳ năm ngoái.",
    "Các nhà vườn ở vùng hoa truyền thống tranh thủ tăng sản lượng, một số hợp tác xã đã đưa sản phẩm "
    "hoa sấy đạt chuẩn OCOP ba sao vào các cửa hàng quà tặng trong dịp này.",
    "Theo các tiểu thương, người mua năm nay chuộng những bó hoa nhỏ kèm nông sản địa phương hơn là "
    "những bó hoa nhập khẩu có giá hàng triệu đồng như mọi năm trước.",
]

HEADER_COUNT = """<div class="detail-author">
<a class="name" href="/tac-gia/lan-anh-101.htm">LAN ANH</a><br>
<span class="more">và 1 tác giả khác</span>
{popup}
</div>"""
POPUP = """<div class="author-list"><div class="list-wrapper">
<div class="item"><div class="item-name"><a href="/tac-gia/lan-anh-101.htm">LAN ANH</a></div></div>
<div class="item"><div class="item-name"><a href="/tac-gia/minh-tu-202.htm">MINH TÚ</a></div></div>
</div></div>"""
FOOTER = """<div class="author-bottom">
<a class="name" href="/tac-gia/lan-anh-101.htm">LAN ANH</a> -
<a class="name" href="/tac-gia/minh-tu-202.htm">MINH TÚ</a>
</div>"""


def _page(header: str, footer: str) -> bytes:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Giá hoa tăng mạnh dịp lễ - Nông Sản</title>
<meta property="article:published_time" content="2026-03-07T08:01:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/kinh-doanh">Kinh doanh</a></nav>
<div class="detail">
<h1 class="detail-title">Giá hoa tăng mạnh dịp lễ</h1>
{header}
<div class="detail-content">
<p>{BODY[0]}</p>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
</div>
{footer}
</div>
<footer>Nông Sản điện tử</footer>
</body></html>""".encode()


def test_a_counted_co_author_is_named_from_the_byline_after_the_text() -> None:
    """Failed before round 8: only the header's writer was credited."""
    page = _page(HEADER_COUNT.format(popup=""), FOOTER)
    article = extract_article(page, URL, crawled=CRAWLED)
    assert article.authors == ["Lan Anh", "Minh Tú"]
    assert "tác giả khác" not in article.text


def test_a_list_of_writers_in_the_header_box_gives_each_writer_once() -> None:
    """Failed before round 8: the list's wrapper glued the names into a third 'writer'
    ("Lan Anh, Lan Anh Minh Tú, Minh Tú")."""
    page = _page(HEADER_COUNT.format(popup=POPUP), FOOTER)
    assert extract_article(page, URL, crawled=CRAWLED).authors == ["Lan Anh", "Minh Tú"]


def test_a_count_with_no_list_anywhere_keeps_the_named_writer() -> None:
    page = _page(HEADER_COUNT.format(popup=""), "")
    assert extract_article(page, URL, crawled=CRAWLED).authors == ["Lan Anh"]


@pytest.mark.parametrize(
    ("line", "name", "unnamed"),
    [
        ("LAN ANH và 1 tác giả khác", "Lan Anh", 1),
        ("Lan Anh cùng 2 phóng viên khác", "Lan Anh", 2),
        ("Lan Anh +1 tác giả", "Lan Anh", 1),
    ],
)
def test_co_author_counts_are_read_as_counts(line: str, name: str, unnamed: int) -> None:
    """Failed before round 8: the lower-case words made the whole line no byline."""
    byline = parse_byline(line, counts=True)
    assert byline is not None
    assert byline.authors == [name]
    assert byline.unnamed == unnamed


def test_a_count_of_people_outside_a_byline_element_is_prose() -> None:
    """A closing line of the text that names someone "và 2 người khác" is about people, not a
    credit: only a byline element's line may count co-authors."""
    assert parse_byline("Nguyễn Văn Nam và 2 người khác") is None


def test_names_printed_twice_in_a_byline_are_credited_once() -> None:
    byline = parse_byline("LAN ANH - MINH TÚ - Lan Anh")
    assert byline is not None
    assert byline.authors == ["Lan Anh", "Minh Tú"]


@pytest.mark.parametrize("separator", ["&bull;", "|", "-", "&middot;"])
def test_a_linked_name_with_its_date_after_the_text_is_the_byline(separator: str) -> None:
    """Failed before round 8 for the bullet and the middle dot: they were no separator between
    a name and its date, and a link after the text was read as a related-article link, so the
    writer went uncredited ("<a>Hoàng Nam</a> • 07:12 ngày 24/03/2024")."""
    footer = (
        f'<div class="editor"><a href="/tac-gia/hoang-nam">Hoàng Nam</a> {separator} '
        "07:12 ng&#xE0;y 24/03/2024</div>"
    )
    article = extract_article(_page("", footer), URL, crawled=CRAWLED)
    assert article.authors == ["Hoàng Nam"]


def test_a_dated_related_link_after_the_text_is_no_byline() -> None:
    footer = (
        '<ul class="lq"><li><a href="/kinh-doanh/nong-dan-trung-mua-hoa-4470.html">'
        "Nông dân trúng mùa hoa tết</a> - 05/03/2026</li></ul>"
    )
    assert extract_article(_page("", footer), URL, crawled=CRAWLED).authors == []
