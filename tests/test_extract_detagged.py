"""Pages without semantic tags (issue #10, session 14, helper tags).

Many Vietnamese CMSs write every block as a `<div>`: no `<header>`, `<footer>` or `<p>`, and
opaque class names on top. The landmarks then no longer hide the site footer and the pop-up forms
from the body, and the closing byline, searched right after the article's last kept paragraph, was
searched after the footer's link line or a pop-up form's notice instead. Structural readings
replace what the tags said: a line of links split by " - " is located in the page (and so cut
with the rest of what follows the article's container), an `<h1>` after the body ends the closing
text like any heading, a credit on a caption's line ("Video: <em>Name</em>") is that line's, not
one more text between the body and the signature, and a paragraph recovered from divs is joined as
printed, its inline link included. The pages below are written for these tests.
"""

from __future__ import annotations

from crawler.extraction.blocks import Block
from crawler.extraction.byline import find_closing_byline
from crawler.extraction.dom import parse_html
from crawler.extraction.outlet import OutletNames
from crawler.extraction.recovery import recover_lost_text

OUTLET = OutletNames(["Nông thôn Mới"], "nongthonmoi.example.vn")
PROSE = [
    "Sáng 3/11, hợp tác xã chè Tân Cương đã giao lô hàng đầu tiên gồm ba tấn chè búp khô cho một "
    "doanh nghiệp xuất khẩu sau nhiều tháng chuẩn bị vùng nguyên liệu.",
    "Theo bà Lê Thị Hạnh, giám đốc hợp tác xã, mỗi gói chè đều được dán tem truy xuất nguồn gốc và "
    "kiểm tra dư lượng thuốc bảo vệ thực vật trước khi xuất đi.",
    "Tỉnh đặt mục tiêu nâng hạng sản phẩm lên năm sao trong năm tới và mở rộng thêm bốn mươi héc ta "
    "vùng trồng đạt chuẩn hữu cơ.",
]


def _page(after_story: str, *, after_container: str = "") -> str:
    return (
        "<html><body><div class='x1a2b3c'><div class='x4d5e6f'><h1>Chè Tân Cương lần đầu xuất khẩu</h1>"
        + "".join(f"<div class='x7a8b9c'>{text}</div>" for text in PROSE)
        + after_story
        + "</div></div>"
        + after_container
        + "</body></html>"
    )


def test_footer_link_line_split_by_dashes_is_cut_after_the_container() -> None:
    """The site footer, a div like everything else: its copyright line and its line of links
    "A - B - C" come after the article's container; the link line, whose " - " separators squash
    to nothing, was not located in the page and so stayed as the article's last paragraph."""
    footer = (
        "<div class='x0f1e2d'><div class='x3c4b5a'>© Bản quyền thuộc về Nông thôn Mới, giữ mọi quyền</div>"
        "<div class='x6f7e8d'><a href='/toa-soan'>Thông tin tòa soạn</a> -\n"
        "<a href='/quang-cao'>Liên hệ quảng cáo</a> -\n<a href='/dat-bao'>Đặt báo dài hạn</a></div></div>"
    )
    tree = parse_html(_page("", after_container=footer))
    link_line = "Thông tin tòa soạn -\nLiên hệ quảng cáo -\nĐặt báo dài hạn"
    kept = [
        *(Block("p", text) for text in PROSE),
        Block("p", "© Bản quyền thuộc về Nông thôn Mới, giữ mọi quyền"),
        Block("p", link_line, link_chars=48),
    ]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == PROSE


def test_an_h1_after_the_body_ends_the_closing_text() -> None:
    """A pop-up form printed after the body, its title an <h1> in a plain div (no <header> to say
    it is chrome): its notice is no closing paragraph of the article."""
    popup = (
        "<div class='x9e8d7c'><div class='x6b5a4f'><h1>Thông tin bạn đọc</h1></div>"
        "<div class='x3e2d1c'>Những ô có đánh dấu sao là thông tin bắt buộc bạn phải nhập.</div></div>"
    )
    tree = parse_html(_page(popup))
    kept = [Block("p", text) for text in PROSE]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == PROSE


def test_closing_byline_after_a_caption_with_a_credit() -> None:
    """A video's caption with its credit in italics, then the signature, right-aligned and bold,
    every block a div: the credit stands on the caption's line and is not counted as one more
    text between the body and the byline."""
    tree = parse_html(
        _page(
            "<div class='x5f4e3d'>Thu hái chè lúc sáng sớm. Video: <em>Hợp tác xã Tân Cương</em></div>"
            "<div class='x2c1b0a'><div style='text-align:right;'><strong>Minh Khôi - Thu Trang</strong>"
            "</div></div>"
        )
    )
    byline = find_closing_byline(tree, PROSE[-1], OUTLET)
    assert byline is not None and byline.authors == ["Minh Khôi", "Thu Trang"]


def test_a_recovered_line_is_joined_as_printed_with_its_inline_link() -> None:
    """A paragraph the body extractor skipped, written as a div, comes back whole: a word split by
    an inline tag ("m<span>ột</span>") stays one word, a blank "&nbsp;" span is a space, and a link
    inside the sentence is part of it (the line was cut in two at the link before)."""
    lost = (
        "<div class='x1f2e3d'><span>Sau khi chọn xong trang phục, bạn chỉ cần<span>\u00a0</span>"
        "<a href='/trang-diem-nhe.html'>một kiểu trang điểm nhẹ</a> là đã có thể tự tin dự tiệc cuối "
        "năm. Ngoài ra còn m<span>ột vài gợi ý khác cho bạn tham khảo.</span></span></div>"
    )
    tree = parse_html(
        "<html><body><div class='x1a2b3c'><h1>Chè Tân Cương lần đầu xuất khẩu</h1>"
        f"<div class='x7a8b9c'>{PROSE[0]}</div>{lost}<div class='x7a8b9c'>{PROSE[1]}</div>"
        "</div></body></html>"
    )
    kept = [Block("p", PROSE[0]), Block("p", PROSE[1])]
    restored = [b.text for b in recover_lost_text(tree, kept, tree.find(".//h1"))]
    assert restored == [
        PROSE[0],
        "Sau khi chọn xong trang phục, bạn chỉ cần một kiểu trang điểm nhẹ là đã có thể tự tin dự tiệc "
        "cuối năm. Ngoài ra còn một vài gợi ý khác cho bạn tham khảo.",
        PROSE[1],
    ]
