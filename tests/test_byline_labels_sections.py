"""Two lines that are not writers: a list's label after the text, and a section's link by the date.

A related-links box after the article opens with a label ending in a colon ("Góc Nhìn Khác:") over
its list; read as the first line after the text, the label's two capitalised words passed for a
signature. A section's link printed beside the date under the headline ("<a href='/chau-a/'>Nhật
Bản</a> 07:40 …") passed for a dated byline bar. Structure tells both apart: the colon and the list
after it make a label; a link to a page that is not a writer's page makes a section. Pages and
names are invented.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

URL = "https://tin-vung-cao.example.vn/thoi-su/cho-phien-moi-mo-tren-deo-2026.html"

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "Sáng thứ Bảy, chợ phiên mới trên đèo mở cửa đón những người bán măng, mật ong và vải lanh "
        "từ các bản quanh vùng, sau nhiều tháng chuẩn bị của xã và các hộ kinh doanh nhỏ.",
        "Ban quản lý chợ cho biết mỗi gian hàng được cấp một mã riêng để khách tra cứu nguồn gốc, "
        "và các sản phẩm đạt chứng nhận được bày ở khu vực trung tâm gần lối vào chính của chợ.",
        "Người dân trong bản hy vọng chợ phiên sẽ giúp hàng hóa địa phương đến tay du khách nhiều "
        "hơn trong mùa lễ hội sắp tới, khi lượng khách lên đèo thường tăng gấp đôi so với ngày thường.",
    )
)

HEAD = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
    "<title>Chợ phiên mới mở trên đèo</title></head><body>"
    '<nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a></nav>'
)


def _page(under_headline: str, after_text: str) -> bytes:
    return (
        HEAD
        + "<article><header><h1>Chợ phiên mới mở trên đèo</h1>"
        + under_headline
        + "</header><div>"
        + PARAGRAPHS
        + "</div></article>"
        + after_text
        + "</body></html>"
    ).encode()


RELATED = '<ul><li><a href="/a-1.html">Mùa măng</a></li><li><a href="/a-2.html">Mật ong</a></li></ul>'
DATE = '<div class="info"><span>07:40 12/03/2026</span></div>'


@pytest.mark.parametrize(
    "after_text",
    [
        f"<div><span>Góc Nhìn Khác:</span>{RELATED}</div>",
        f"<div><p><b>Góc Nhìn Khác:</b></p>{RELATED}</div>",
        # the list filled in by a script after the page loads: empty in the markup
        '<div><span>Góc Nhìn Khác:</span><ul class="related-list"></ul></div>',
        '<div><span>Góc Nhìn Khác:</span><p><a href="/a-1.html">Mùa măng</a></p></div>',
    ],
)
def test_a_label_over_a_list_of_links_is_no_writer(after_text: str) -> None:
    """Failed on main: the label was read as a writer named "Góc Nhìn Khác"."""
    article = extract_article(_page(DATE, after_text), URL)
    assert article.authors == []


def test_a_signature_after_the_text_is_still_read() -> None:
    """Guard: a name after the text, over the same list, with no colon, is the writer."""
    article = extract_article(_page(DATE, f"<p><strong>Hoàng Diệp</strong></p>{RELATED}"), URL)
    assert article.authors == ["Hoàng Diệp"]


def test_a_label_over_prose_is_left_to_the_other_rules() -> None:
    """Guard: the colon alone decides nothing; what follows must be a list of links."""
    after = "<p><strong>Hoàng Diệp:</strong></p><p>Bài viết có sử dụng tư liệu của xã.</p>"
    article = extract_article(_page(DATE, after), URL)
    assert article.authors == ["Hoàng Diệp"]


@pytest.mark.parametrize(
    ("href", "name", "authors"),
    [
        # failed on main: the section's name was read as the writer's
        ("/chau-a/", "Nông Trại Xanh", []),
        ("//tin-vung-cao.example.vn/chau-a/index", "Nông Trại Xanh", []),
        ("https://tin-vung-cao.example.vn/chu-de/nhat-ban", "Nông Trại Xanh", []),
        # guards: a name linked to the writer's page stays the writer ("/profile/" failed on main)
        ("/tac-gia/hoang-diep-12.html", "Hoàng Diệp", ["Hoàng Diệp"]),
        ("/author/hoang-diep", "Hoàng Diệp", ["Hoàng Diệp"]),
        ("/profile/hoang-diep", "Hoàng Diệp", ["Hoàng Diệp"]),
    ],
)
def test_a_link_beside_the_date_is_a_writer_only_when_it_goes_to_a_writer_s_page(
    href: str, name: str, authors: list[str]
) -> None:
    bar = (
        f'<div class="info"><span><strong><a href="{href}">{name}</a></strong> 07:40 12/03/2026</span></div>'
    )
    article = extract_article(_page(bar, ""), URL)
    assert article.authors == authors
