"""Captions told only by where they stand around a picture (session 15, photo captions blind round):
italics inside a size/colour wrapper, one caption under a row of two photos, the lines of a small
gallery inside a story, and a caption printed above the photo."""

from __future__ import annotations

import pytest

from crawler.extraction.extract import extract_article

URL = "https://baomoi-thu.example.vn/kinh-te/mat-ong-bac-ha-vao-mua-123456.html"
PARAS = [
    "Những ngày này, các hộ nuôi ong ở vùng cao nguyên đá đang bước vào vụ thu hoạch mật ong bạc hà "
    "lớn nhất trong năm, sản lượng ước tăng gần một phần ba so với vụ trước nhờ thời tiết thuận lợi.",
    "Theo ông Vàng Seo Pó, chủ nhiệm hợp tác xã, mỗi đàn ong cho từ tám đến mười lít mật, giá bán tại "
    "vườn dao động quanh mức năm trăm nghìn đồng một lít tùy loại và thời điểm thu hoạch trong mùa.",
    "Để giữ uy tín, hợp tác xã yêu cầu các thành viên ghi chép nhật ký nuôi ong, không dùng đường cho "
    "ong ăn trong mùa hoa và dán tem truy xuất nguồn gốc trên từng chai mật trước khi đưa ra thị trường.",
    "Sản phẩm mật ong bạc hà của hợp tác xã đã đạt chứng nhận ba sao và đang được hoàn thiện hồ sơ để "
    "nâng hạng, hướng tới các hệ thống siêu thị lớn tại Hà Nội và các tỉnh đồng bằng trong năm tới.",
]
CAPTION = "Thành viên hợp tác xã Lũng Táo quay mật ong bạc hà vụ mới"
IMG = '<img src="https://cdn.example.vn/images/2023/05/{n}.jpg" alt="" width="600">'


def page(picture: str) -> str:
    paras = [f"<p>{text}</p>" for text in PARAS]
    body = "\n".join([*paras[:2], picture, *paras[2:]])
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mật ong bạc hà vào mùa thu hoạch</title>'
        '</head><body><div class="x1f0a"><h1>Mật ong bạc hà vào mùa thu hoạch</h1>'
        f'<div class="x2b7c">{body}</div></div></body></html>'
    )


def one(n: int = 1) -> str:
    return IMG.format(n=100000 + n)


PLACED = {
    "italics_in_wrapper": f'<p>{one()}</p>\n<p><span style="font-size:12px"><em>{CAPTION}</em></span></p>',
    "italics_in_font_strong": (
        f'<p>{one()}</p>\n<p><font color="#555"><strong><i>{CAPTION}</i></strong></font></p>'
    ),
    "table_row_of_two": (
        f'<table align="center"><tbody><tr><td>{one(1)}</td><td>{one(2)}</td></tr>'
        f'<tr><td colspan="2"><em>{CAPTION}</em></td></tr></tbody></table>'
    ),
    "div_row_of_two": (
        f'<div class="x9e1"><div class="x3c">{one(1)}</div><div class="x3c">{one(2)}</div></div>\n'
        f'<p style="text-align:center"><em>{CAPTION}</em></p>'
    ),
    "gallery_of_two": (
        f'<div class="x77"><div class="x78">{one(1)}<p class="x79">{CAPTION}</p></div>'
        f'<div class="x78">{one(2)}<p class="x79">Chai mật ong được dán tem truy xuất nguồn gốc</p>'
        "</div></div>"
    ),
    "bare_text_after_break": f'<p align="center">{one()}<br>{CAPTION}</p>',
    "caption_above": f"<p><em>{CAPTION}</em></p>\n<p>{one()}</p>",
}


@pytest.mark.parametrize("name", sorted(PLACED))
def test_placed_caption_is_a_caption_not_text(name: str) -> None:
    article = extract_article(page(PLACED[name]), URL)
    assert CAPTION not in article.text
    assert any(CAPTION in caption for caption in article.captions)
    assert all(text in article.text for text in PARAS)


KEPT = {
    # an italic line that introduces what follows is text, not the caption of the photo under it
    "italic_intro_above": f"<p><em>{CAPTION}:</em></p>\n<p>{one()}</p>",
    # the photo has its caption under it: the italic line above it is the story's
    "italic_above_captioned": (
        f"<p><em>{CAPTION}.</em></p>\n<p>{one()}</p>\n"
        "<p><em>Mật ong được lọc qua ba lớp vải trước khi đóng chai</em></p>"
    ),
    # a paragraph printed after the picture's break is the story, not a caption (> 40 words)
    "paragraph_after_break": f"<p>{one()}<br>{CAPTION} {PARAS[0]}</p>",
    # bold, not italic, inside the wrapper: a line of the story after the photo
    "bold_in_wrapper": (
        f'<p>{one()}</p>\n<p><span style="font-size:12px"><strong>{CAPTION}</strong></span></p>'
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_line_beside_a_picture_stays_text(name: str) -> None:
    article = extract_article(page(KEPT[name]), URL)
    assert CAPTION in article.text
    assert all(text in article.text for text in PARAS[1:])


def test_captioned_figures_do_not_make_a_photo_story() -> None:
    """Three photos already captioned in italics are figures, not a photo story's pictures: the
    plain line under a fourth photo in its box is still that photo's caption."""
    italic = "".join(
        f'<div class="x5{k}"><div>{one(10 + k)}</div>'
        f"<div><i>Ảnh {k}: đàn ong ở điểm nuôi số {k} trên núi đá</i></div></div>"
        for k in range(3)
    )
    article = extract_article(
        page(f'{italic}<div class="x6a">{one(20)}<p class="x6b">{CAPTION}</p></div>'), URL
    )
    assert CAPTION not in article.text
    assert any(CAPTION in caption for caption in article.captions)
    assert all(text in article.text for text in PARAS)
