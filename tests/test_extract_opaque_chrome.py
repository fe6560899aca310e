"""Chrome after the article, and the credits it hides, on a page whose class and id names say
nothing (issue #10, session 14).

Sites built with CSS modules or hashed names ("x1a2b3c4") give none of the class words
(footer, sidebar, date, author …) that the body extractor and our rules read. trafilatura then
kept the whole page below the headline: the sidebar's calendar and headings, the site footer's
address and contact lines; the signature closing the post was no longer the last line, so it
was not credited; a byline bar "Theo X | date | section" came into the text; and the date an
inline script writes into an opaque-id span above the headline was never a candidate. The
fallbacks read structure and text grammar instead: the element around the headline that holds
most of the kept text is the article (recovery.py); a short dated line holding the byline
element's text is the byline bar (body.py); a date line by shape just above the headline inside
its own block, or an element's whole short line, is the printed date (dateline.py); a text area
with fields, and a box headed by a comment label, are comment boxes (chrome.py); a credit may
stand in a <dd> (byline.py); a childless block saying the title is the headline (extract.py).
The pages below are written for these tests.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baomau.example.vn/am-thuc/banh-quy-bo-trai-tim-123.html"
CRAWLED = datetime(2011, 3, 20, 8, 0, tzinfo=VIETNAM_TZ)

HEADLINE = "Cách làm bánh quy bơ hình trái tim cho ngày lễ tình nhân"
PARAGRAPHS = [
    "Chỉ với bột mì, bơ lạt và một ít đường, bạn có thể tự tay nướng một mẻ bánh quy xinh xắn để "
    "tặng người thương trong ngày lễ.",
    "Đầu tiên, đánh bơ mềm với đường cho đến khi hỗn hợp bông nhẹ, sau đó cho lòng đỏ trứng vào "
    "và trộn thật đều tay.",
    "Rây bột mì vào âu, nhào nhẹ thành khối mịn rồi bọc màng thực phẩm, để trong ngăn mát tủ lạnh "
    "khoảng ba mươi phút.",
    "Cán bột dày chừng nửa phân, dùng khuôn hình trái tim cắt bánh, xếp lên khay có lót giấy nến "
    "cho khỏi dính.",
    "Nướng bánh ở một trăm sáu mươi độ trong mười hai phút, đến khi viền bánh vừa ngả màu vàng "
    "thì lấy ra để nguội.",
]
SIGNATURE = "Ngọc Lan"
SIDEBAR = """
 <div class="q7d21c0">
  <div class="q1b9e44"><h3>Bài viết theo ngày tháng</h3></div>
  <table class="z0c4d1a"><tr><th colspan="7">Tháng 3 2011</th></tr>
  <tr><td>Su</td><td>Mo</td><td>Tu</td><td>We</td><td>Th</td><td>Fr</td><td>Sa</td></tr>
  <tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr>
  <tr><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>13</td><td>14</td></tr></table>
  <div class="q1b9e44"><h3>Bài xem nhiều trong tuần</h3></div>
  <ul class="n55a0e3"><li><a href="/bai/1">Mẹo giữ bánh mì giòn lâu không cần lò nướng</a></li>
  <li><a href="/bai/2">Ba món chè mát lành cho ngày hè oi bức</a></li></ul>
  <p class="r2c8f11">Chuyên cung cấp khuôn bánh các loại | Giao hàng toàn quốc</p>
 </div>"""
FOOTER = """
<div class="f3e9a7b">
 <p>Chuyên trang ẩm thực của Báo Mẫu. © 2011 Báo Mẫu, Tầng 3, số 10 phố Hàng Bài, quận Hoàn Kiếm.</p>
 <p>Địa chỉ: Số 10 phố Hàng Bài, phường Tràng Tiền, quận Hoàn Kiếm, thành phố Hà Nội</p>
 <p>Email: lienhe@baomau.example.vn | Điện thoại: 024 3825 0000 | Hotline: 0900 123 456</p>
</div>"""
BAR = """<p class="g2b7c41"><span class="u9d3e02" itemprop="author"><b>Theo Trần Minh Khoa</b></span> |
   <span class="v4a8c1d">14-03-2011 - 09:20 AM</span> |
   <a class="s7e2f90" href="/am-thuc">Ẩm thực</a></p>"""
SCRIPT_DATE = (
    '<script>document.getElementById("d9c0e5f").innerHTML="Thứ hai, 14/03/2011, 09:20 GMT+7";</script>'
)


def _page(*, bar: str = "", after: str = "", script: str = SCRIPT_DATE, top: str = "") -> str:
    paragraphs = "\n".join(f'<p class="k81f0a2">{p}</p>' for p in PARAGRAPHS)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{HEADLINE} - Báo Mẫu</title></head><body>
<div class="a0b1c2d"><div class="e3f4a5b"><a href="/">Báo Mẫu</a>
 <a href="/am-thuc">Ẩm thực</a> <a href="/du-lich">Du lịch</a> <a href="/gia-dinh">Gia đình</a></div></div>
<div class="c6d7e8f">{top}
 <div class="b1a2c3d">
  <div class="t5e6f7a"><span class="d4e5f6a" id="d9c0e5f"></span>
   <a href="/share?fb">Facebook</a> <a href="/share?tw">Twitter</a></div>
  <h1 class="h8a9b0c">{HEADLINE}</h1>
  {bar}
  <div class="w0e1d2c">
{paragraphs}
<p class="k81f0a2"><strong>{SIGNATURE}</strong></p>
  </div>
 </div>{SIDEBAR}
</div>{FOOTER}
{after}
{script}
</body></html>"""


def _extract(html: str):  # type: ignore[no-untyped-def]
    return extract_article(html.encode(), URL, crawled=CRAWLED)


def test_sidebar_and_footer_after_the_article_container_stay_out() -> None:
    article = _extract(_page())
    assert article.text.split("\n\n") == PARAGRAPHS
    for chrome in ("Bài viết theo ngày", "Su | Mo", "Bài xem nhiều", "khuôn bánh", "Địa chỉ", "Hotline"):
        assert chrome not in article.text
    # the bold name closing the post is the last line again, and the closing byline
    assert article.authors == [SIGNATURE]


def test_an_article_continued_in_a_box_of_its_own_is_not_cut() -> None:
    continuation = (
        "Bánh nguội hẳn thì cho vào hộp thiếc có nắp kín, lót thêm một lớp giấy thấm để bánh giữ được độ "
        "giòn xốp lâu hơn, và nếu muốn tặng, bạn có thể buộc thêm một dải ruy băng đỏ cùng tấm thiệp nhỏ "
        "viết tay lời chúc gửi người thương."
    )
    html = _page().replace(
        SIDEBAR, f'\n <div class="o4c1b9e">Quảng cáo</div>\n <div class="p8e3a6d"><p>{continuation}</p></div>'
    )
    assert continuation in _extract(html).text


@pytest.mark.parametrize("microdata", [True, False])
def test_a_byline_bar_kept_by_the_body_extractor_leaves_the_text(microdata: bool) -> None:
    # the byline element is found by its itemprop, or as the credit line under the headline
    three_lines = BAR if microdata else BAR.replace(' itemprop="author"', "")
    for bar in (three_lines, re.sub(r"\|\s*\n\s*", "| ", three_lines)):  # and on one line
        article = _extract(_page(bar=bar, script=""))
        assert article.text.split("\n\n")[0] == PARAGRAPHS[0]
        assert "Theo Trần Minh Khoa" not in article.text and "09:20" not in article.text
        assert article.authors == ["Trần Minh Khoa"]


def test_a_script_written_date_above_the_headline_in_its_own_block_is_the_printed_date() -> None:
    article = _extract(_page())
    assert article.published == datetime(2011, 3, 14, 9, 20, tzinfo=VIETNAM_TZ)
    assert article.published_source == "page"


def test_a_date_line_above_the_headline_outside_its_block_is_the_header_clock() -> None:
    # in the column around the article's block (two levels above the h1), not in the block itself
    clock = "Thứ hai, 14/03/2011, 09:20 GMT+7"
    article = _extract(_page(script="", top=f'<span class="m0d1e2f">{clock}</span> '))
    assert article.published is None


def test_short_paragraphs_in_a_box_beside_the_headlines_stay() -> None:
    # A short story: the headline's box holds the sapo and the first paragraph, the rest sits in
    # the next box after an advert. Beside the article's box, what reads as text is the article's.
    rest = [
        "Người dân trong xã cho biết con đường mới giúp họ chở nông sản ra chợ huyện nhanh hơn hẳn.",
        "Huyện dự kiến làm tiếp hai tuyến đường liên thôn khác trước mùa mưa năm nay.",
    ]
    html = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Xã vùng cao khánh thành đường bê tông mới - Báo Mẫu</title></head><body>
<div class="a0b1c2d"><a href="/">Báo Mẫu</a> <a href="/xa-hoi">Xã hội</a> <a href="/kinh-te">Kinh tế</a></div>
<div class="c6d7e8f">
 <div class="b1a2c3d">
  <h1 class="h8a9b0c">Xã vùng cao khánh thành đường bê tông mới</h1>
  <p class="k81f0a2">Sau ba tháng thi công, con đường bê tông dài gần bốn cây số nối trung tâm xã với
  các thôn vùng cao đã được đưa vào sử dụng, thay cho lối mòn lầy lội mỗi mùa mưa.</p>
  <p class="k81f0a2">Kinh phí làm đường do ngân sách tỉnh hỗ trợ, người dân góp thêm ngày công và hiến
  đất mở rộng mặt đường ở những đoạn cua gấp.</p>
 </div>
 <div class="o4c1b9e"><a href="/qc"><img src="/qc.jpg" alt=""></a></div>
 <div class="p8e3a6d"><p>{rest[0]}</p><p>{rest[1]}</p></div>
</div>
</body></html>"""
    text = _extract(html).text
    assert all(paragraph in text for paragraph in rest)


def _form_page(form: str) -> str:
    """An ASP.NET-style page (one <form> around everything) whose comment form has no <form> and no
    class word of its own: only its text area and fields say what it is."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{HEADLINE} - Báo Mẫu</title></head><body><form id="x0f1e2d" method="post" action="/bai.aspx">
<div class="a0b1c2d"><a href="/">Báo Mẫu</a> <a href="/am-thuc">Ẩm thực</a></div>
<div class="c6d7e8f">
 <h1 class="h8a9b0c">{HEADLINE}</h1>
 {paragraphs}
 <p><b>Tin, ảnh: {SIGNATURE}</b></p>
 {form}
</div>
</form></body></html>"""


COMMENT_FORM = """<div class="j3k4l5m"><div class="n6o7p8q">Ý kiến bạn đọc</div>
 <p class="r9s0t1u">Báo Mẫu rất mong nhận được ý kiến đóng góp của quý vị, các ý kiến sẽ được biên tập
 trước khi đăng, xin viết bằng tiếng Việt có dấu.</p>
 <table><tr><td>Họ tên (*)</td><td><input type="text"></td></tr>
 <tr><td>Thư điện tử (*)</td><td><input type="text"></td></tr>
 <tr><td>Nội dung (*)</td><td><textarea></textarea></td></tr></table>
 <input type="button" value="Gửi"></div>"""


def test_a_comment_form_without_a_form_element_or_class_word_leaves_the_page() -> None:
    article = _extract(_form_page(COMMENT_FORM))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.authors == [SIGNATURE]  # the credit is the last line again


def test_a_lone_text_area_is_not_a_comment_form() -> None:
    # a box to copy the article's embed code: one text area, no field or button beside it
    note = "Bạn có thể chép đoạn mã dưới đây để đăng lại bài viết này trên trang của mình, kèm theo nguồn."
    embed = f'<div class="j3k4l5m"><p>{note}</p><textarea>&lt;iframe src="/nhung/123"&gt;</textarea></div>'
    article = _extract(_form_page(embed))
    assert note in article.text


def test_a_time_and_a_date_in_two_nodes_after_the_headline_are_one_printed_date() -> None:
    # "09:20 AM | <span>14/03/2011</span>": a class word named the outer element a date; without
    # one, the line is read whole, not its date alone (which would give midnight)
    stamp = '<span class="v4a8c1d">09:20 AM | <span class="w5b9d2e"> 14/03/2011 </span></span>'
    article = _extract(_page(bar=stamp, script=""))
    assert article.published == datetime(2011, 3, 14, 9, 20, tzinfo=VIETNAM_TZ)


def test_a_labelled_credit_in_a_definition_list_under_the_headline_is_the_byline() -> None:
    # a Joomla-style article-info list: <dl><dt>Chi tiết</dt><dd>Viết bởi …</dd><dd>date</dd></dl>
    info = (
        '<dl class="y1c2d3e"><dt class="y4f5a6b">Chi tiết</dt>'
        '<dd class="y7c8d9e">Viết bởi Trần Minh Khoa</dd><dd class="y0a1b2c">Ngày đăng: 14/03/2011</dd></dl>'
    )
    article = _extract(_page(bar=info, script=""))
    assert article.authors == ["Trần Minh Khoa"]
    assert "Viết bởi" not in article.text


def test_a_headline_set_in_a_styled_div_anchors_the_byline_and_the_date() -> None:
    # no h1: the headline is a div whose class name ("title-detail") is hashed; the credit line
    # and the date under it are found from it, the header clock above it is not the date
    html = _page(
        bar='<div class="m2n3o4p"><a href="/tac-gia/khoa" class="q5r6s7t">Trần Minh Khoa</a>'
        '<span class="u8v9w0x"> - 14/03/2011 09:20</span></div>',
        script="",
        top='<span class="m0d1e2f">Thứ năm, 17/03/2011 07:00</span>',
    )
    html = html.replace('<h1 class="h8a9b0c">', '<div class="h8a9b0c">').replace("</h1>", "</div>")
    article = _extract(html)
    assert article.title == HEADLINE
    assert article.authors == ["Trần Minh Khoa"]
    assert article.published == datetime(2011, 3, 14, 9, 20, tzinfo=VIETNAM_TZ)


COMMENTS = """<div class="c1d2e3f"><div class="g4h5i6j">Ý kiến bạn đọc (2)</div>
 <div class="k7l8m9n"><p class="o0p1q2r">Tôi làm theo công thức này cho con gái, bánh giòn và thơm lắm.</p>
 <p class="s3t4u5v">Thu Trang</p></div>
 <div class="k7l8m9n"><p class="o0p1q2r">Cho tôi hỏi có thể thay bơ lạt bằng dầu dừa được không?</p>
 <p class="s3t4u5v">Quốc Bảo</p></div></div>"""


def test_a_comment_box_headed_by_its_label_leaves_the_page() -> None:
    # inside the article's container, after the signature: the label heading the box says what
    # it is; the commenters' names would pass for the byline
    html = _page().replace(
        f'<p class="k81f0a2"><strong>{SIGNATURE}</strong></p>\n  </div>',
        f'<p class="k81f0a2"><strong>{SIGNATURE}</strong></p>\n{COMMENTS}\n  </div>',
    )
    article = _extract(html)
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.authors == [SIGNATURE]


def test_a_comment_count_opening_the_text_does_not_take_the_article() -> None:
    # "Bình luận (0)" opening the box of the text: that box holds the article, not comments
    count = '<div class="z9y8x7w">Bình luận (0)</div>'
    html = _page().replace('<div class="w0e1d2c">', f'<div class="w0e1d2c">{count}')
    assert _extract(html).text.split("\n\n") == PARAGRAPHS


def test_a_date_stamp_beside_the_repeated_headline_in_one_block_goes() -> None:
    # the whole-page fallback reads the article's header as one block of lines
    from crawler.extraction.blocks import Block
    from crawler.extraction.body import BodyContext, clean_body

    header = Block("p", f"Thứ hai, 14/03/2011, 09:20 GMT+7\n{HEADLINE}\n{PARAGRAPHS[0]}")
    result = clean_body([header, *(Block("p", p) for p in PARAGRAPHS[1:])], BodyContext(title=HEADLINE))
    assert result.paragraphs == PARAGRAPHS


def test_without_structured_titles_a_block_saying_the_title_part_is_the_headline() -> None:
    # "<title>Headline - Section - Outlet</title>" and the headline in a hashed-class div: the
    # div says which part of <title> is the headline (the section is no part of it)
    html = _page(script="").replace(
        f"<title>{HEADLINE} - Báo Mẫu</title>", f"<title>{HEADLINE} - Ẩm thực - Báo Mẫu</title>"
    )
    html = html.replace('<h1 class="h8a9b0c">', '<div class="h8a9b0c">').replace("</h1>", "</div>")
    assert _extract(html).title == HEADLINE


def test_a_section_kicker_named_like_a_comment_label_does_not_take_the_article() -> None:
    # "Bình luận" (a commentary section's name) opening the box of the text, right under the
    # headline, and the page's teaser summaries outweighing the text: still the article's box
    teasers = "".join(
        f'<div class="e1f2a3b"><a href="/bai/{i}">Tin khác số {i} về bánh trái ngày lễ</a>'
        f"<p>{PARAGRAPHS[i % 5]} {PARAGRAPHS[(i + 1) % 5]}</p></div>"
        for i in range(8)
    )
    html = _page().replace(
        '<div class="w0e1d2c">', '<div class="w0e1d2c"><div class="z9y8x7w">Bình luận</div>'
    )
    html = html.replace(SIDEBAR, f'\n <div class="q7d21c0">{teasers}</div>')
    assert _extract(html).text.split("\n\n")[:5] == PARAGRAPHS
