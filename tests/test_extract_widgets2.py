"""Page widgets, second round (issue #10, session 17).

A second blind round wrote widgets into the gold pages in forms the first one had not: sentences
that tell the reader to follow the outlet or to report an error with Ctrl + Enter, donation boxes,
copyright small print opening on ®, emoji reaction counts and app/QR tables between the last
paragraph and the signature, and the story's own rest folded under a "Đọc tiếp" button. The fixes:
the grammar of those notices (body.toml prompts); a box whose every line is a prompt, a counter or
a button label leaves the page before the body and the signature are read (prompt_boxes.py); a
hidden block that carries on the text after a paragraph is unfolded, not dropped (dom.remove_hidden).
The pages below are written for these tests; their names, places and figures are invented.
"""

from __future__ import annotations

import zlib
from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baomiennui.example.vn/nong-nghiep/che-shan-tuyet-doi-gio-2025-77120.html"
CRAWLED = datetime(2025, 4, 10, 9, 0, tzinfo=VIETNAM_TZ)
HEADLINE = "Chè shan tuyết đồi Gió vào vụ xuân, hợp tác xã mở thêm xưởng sao"
PARAGRAPHS = [
    "Từ giữa tháng ba, đồng bào trên đồi Gió đã bắt đầu hái lứa chè xuân đầu tiên, búp chè năm nay "
    "mập và đều hơn mọi năm nhờ mưa xuân đến sớm.",
    "Hợp tác xã chè của xã vừa đưa vào dùng một xưởng sao mới, mỗi ngày chế biến được khoảng nửa tấn "
    "búp tươi thành chè khô.",
    "Theo ban quản lý, giá chè khô loại một bán tại xưởng khoảng bốn trăm nghìn đồng mỗi ký, nhích "
    "nhẹ so với vụ trước.",
    "Chè khô của xã đã được dán mã truy xuất và bày bán ở một số cửa hàng đặc sản dưới xuôi "
    "trong dịp lễ hội mùa xuân.",
    "Các hộ thành viên dự kiến trồng dặm thêm chè giống trên những nương bị sương muối làm chết cây "
    "trong mùa đông vừa qua.",
]
SIGNATURE = "Lò Văn Tâm"


def page(middle: str = "", end: str = "", opaque: bool = False, rest: str | None = None) -> str:
    """The article; `rest` wraps the paragraphs after the third (a folded rest, under half the text)."""
    cls = (lambda name: f"x{zlib.crc32(name.encode()):08x}") if opaque else (lambda name: name)
    paras = [f"<p>{text}</p>" for text in PARAGRAPHS]
    if rest is not None:
        paras = [*paras[:3], rest.replace("{}", "".join(paras[3:]))]
    else:
        paras.insert(3, middle)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{HEADLINE} - Báo Miền Núi</title>
<meta property="article:published_time" content="2025-04-09T06:15:00+07:00">
</head><body>
<div class="{cls("header")}"><a href="/">Báo Miền Núi</a></div>
<div class="{cls("main")}">
 <h1 class="{cls("title")}">{HEADLINE}</h1>
 <div class="{cls("content")}">
  {"".join(paras)}
  {end}
 </div>
 <div class="{cls("author")}"><span>{SIGNATURE.upper()}</span></div>
</div>
<div class="{cls("footer")}"><p>Báo Miền Núi điện tử. Giấy phép số 321/GP-BTTTT.</p></div>
</body></html>"""


def extract(html: str):  # type: ignore[no-untyped-def]
    return extract_article(html.encode("utf-8"), URL, crawled=CRAWLED)


def assert_article_whole(article) -> None:  # type: ignore[no-untyped-def]
    assert article.title == HEADLINE
    for text in PARAGRAPHS:
        assert text in article.text
    assert article.authors == [SIGNATURE]
    assert article.published == datetime(2025, 4, 9, 6, 15, tzinfo=VIETNAM_TZ)


FOLLOW = (
    "<p><em>Bạn đọc có thể theo dõi Báo Miền Núi trên <a href='https://news.google.com/x'>Google News</a>"
    " và Zalo để nhận tin nông nghiệp sớm nhất.</em></p>"
)
REPORT = (
    '<div class="report"><p>Thấy thông tin trong bài chưa chính xác? Bôi đen đoạn văn rồi nhấn '
    "<kbd>Ctrl</kbd> + <kbd>Enter</kbd> để báo lỗi cho Ban biên tập.</p></div>"
)
DONATION = (
    '<div class="support"><h3>Ủng hộ báo chí độc lập</h3><p>Sự ủng hộ của bạn giúp chúng tôi tiếp tục '
    "những chuyến đi dài tới các bản làng vùng cao.</p><ul><li>30.000đ/tháng</li><li>300.000đ/năm</li></ul>"
    '<a class="btn" href="/ung-ho">Ủng hộ ngay</a></div>'
)
COPYRIGHT = (
    '<p class="legal"><small>® Giữ bản quyền tác phẩm. Sao chép nội dung của Báo Miền Núi phải ghi rõ '
    "nguồn.</small></p>"
)
EMOJI = (
    '<div class="rx"><span><i>👍</i> 31</span> <span><i>❤️</i> 8</span> <span><i>😮</i> 2</span>'
    ' <span>·</span> <a href="#">Thích 31</a> <a href="#">Chia sẻ 4</a></div>'
)
APP = (
    '<table class="app"><tr><td><img src="/qr.png" alt="QR"></td><td><b>Tải ứng dụng Báo Miền Núi</b><br>'
    "Quét mã QR để cài đặt ứng dụng trên điện thoại</td></tr></table>"
)
WIDGETS = {
    "follow": (FOLLOW, "end", ["theo dõi Báo Miền Núi", "Google News"]),
    "report": (REPORT, "end", ["Bôi đen đoạn văn", "Ban biên tập"]),
    "donation": (
        DONATION,
        "middle",
        ["Ủng hộ báo chí độc lập", "Sự ủng hộ của bạn", "30.000đ/tháng", "Ủng hộ ngay"],
    ),
    "copyright": (COPYRIGHT, "end", ["Giữ bản quyền", "ghi rõ nguồn"]),
    "emoji": (EMOJI, "end", ["👍", "Thích 31"]),
    "app": (APP, "end", ["Tải ứng dụng", "Quét mã QR"]),
}


@pytest.mark.parametrize("opaque", [False, True], ids=["named", "opaque"])
@pytest.mark.parametrize("name", list(WIDGETS))
def test_second_round_widgets_are_not_the_article(name: str, opaque: bool) -> None:
    widget, where, strings = WIDGETS[name]
    article = extract(page(**{where: widget}, opaque=opaque))
    for text in strings:
        assert text not in article.text, text
    assert_article_whole(article)


def test_a_sentence_about_following_news_on_a_platform_stays() -> None:
    said = (
        "Bạn đọc theo dõi diễn biến trên trang Facebook của hợp tác xã sẽ thấy những phiên hái chè "
        "được phát trực tiếp mỗi sáng."
    )
    article = extract(page(middle=f"<p>{said}</p>"))
    assert said in article.text
    assert_article_whole(article)


def test_a_box_with_a_sentence_of_the_story_is_not_a_prompt_box() -> None:
    said = "Ông Tâm cho biết xưởng sao mới sẽ nhận chè của cả những hộ chưa vào hợp tác xã."
    box = f'<div class="note"><p>{said}</p><p><a href="#">Chia sẻ</a> <a href="#">Thích 3</a></p></div>'
    article = extract(page(middle=box))
    assert said in article.text
    assert "Thích 3" not in article.text
    assert_article_whole(article)


FOLDS = {
    "hidden attribute": '<div class="expand-content collapsed" hidden>{}</div>',
    "display none": '<div class="content-more" style="display:none">{}</div>',
    "max height": '<div class="article-rest" style="max-height:120px;overflow:hidden">{}</div>',
}


@pytest.mark.parametrize("opaque", [False, True], ids=["named", "opaque"])
@pytest.mark.parametrize("fold", list(FOLDS))
def test_the_storys_rest_under_a_read_more_button_is_kept(fold: str, opaque: bool) -> None:
    button = '<div class="view-more"><a href="javascript:;">Xem toàn bộ bài viết</a></div>'
    article = extract(page(rest=FOLDS[fold] + button, opaque=opaque))
    assert "Xem toàn bộ" not in article.text
    assert_article_whole(article)


def test_a_hidden_copy_of_the_text_is_not_printed_twice() -> None:
    copy = f"<div hidden><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></div>"
    article = extract(page(middle=copy))
    assert article.text.count(PARAGRAPHS[1][:60]) == 1
    assert_article_whole(article)


# After the held-out run: summary boxes, advertisers' cards, rows of buttons, widget titles.
KEY_POINTS = (
    '<div class="kp"><h2>Điểm chính</h2><ul>'
    "<li>Xã dự kiến nâng diện tích chè lên gấp rưỡi trong ba năm tới.</li>"
    "<li>Chè khô loại một được bán theo đơn đặt trước của các cửa hàng.</li></ul></div>"
)
AI_SUMMARY = (
    '<section class="ai"><div><span>Tóm tắt bởi AI</span> <button type="button">Thu gọn</button></div>'
    "<p>Vụ chè xuân năm nay được mùa, xưởng sao mới giúp hợp tác xã chế biến nhiều hơn.</p>"
    "<p><small>Nội dung do trí tuệ nhân tạo tóm tắt, chỉ mang tính tham khảo.</small></p></section>"
)
NATIVE = (
    '<div class="pr"><p>Tài trợ</p><p><a href="https://ads.example.vn/c?1" rel="sponsored nofollow">'
    "<strong>Máy sấy chè tiết kiệm điện cho hộ gia đình vùng cao</strong></a></p>"
    "<p>Bảo hành hai năm, lắp đặt tận nơi cho các hợp tác xã đặt trước trong tháng.</p></div>"
)
BUTTONS = '<p class="tools"><a href="#">Lưu bài</a> | <a href="#">In bài</a> | <a href="#">Gửi góp ý</a></p>'
CHANNELS = (
    '<div class="nl"><p><strong>Tin chè mỗi sáng thứ Hai</strong></p><p>Nhận bản tin miễn phí qua: '
    '<a href="#">Email</a> · <a href="#">Zalo</a></p></div>'
)
HOTLINE = (
    '<ul class="hl"><li>Hotline: 0912 000 111</li>'
    '<li>Email: <a href="mailto:ts@example.vn">ts@example.vn</a></li>'
    "<li>Liên hệ quảng cáo: 0913 000 222</li></ul>"
)
AFTER_HELD_OUT = {
    "key points": (KEY_POINTS, "middle", ["Điểm chính", "gấp rưỡi", "đơn đặt trước"]),
    "AI summary": (
        AI_SUMMARY,
        "middle",
        ["Tóm tắt bởi AI", "Vụ chè xuân năm nay được mùa", "trí tuệ nhân tạo"],
    ),
    "native ad": (NATIVE, "middle", ["Máy sấy chè", "Bảo hành hai năm"]),
    "buttons": (BUTTONS, "end", ["Lưu bài", "In bài", "Gửi góp ý"]),
    "channels": (CHANNELS, "middle", ["Tin chè mỗi sáng thứ Hai", "Nhận bản tin"]),
    "hotline": (HOTLINE, "end", ["0912 000 111", "ts@example.vn", "Liên hệ quảng cáo"]),
}


@pytest.mark.parametrize("opaque", [False, True], ids=["named", "opaque"])
@pytest.mark.parametrize("name", list(AFTER_HELD_OUT))
def test_summary_boxes_ad_cards_and_button_rows_are_not_the_article(name: str, opaque: bool) -> None:
    widget, where, strings = AFTER_HELD_OUT[name]
    article = extract(page(**{where: widget}, opaque=opaque))
    for text in strings:
        assert text not in article.text, text
    assert_article_whole(article)


def test_a_paid_link_inside_a_paragraph_stays() -> None:
    said = (
        'Hợp tác xã bán chè qua <a href="https://shop.example.vn/che" rel="sponsored">'
        "một cửa hàng trực tuyến</a> "
        "và giao hàng trong hai ngày cho khách ở thành phố."
    )
    article = extract(page(middle=f"<p>{said}</p>"))
    assert "giao hàng trong hai ngày" in article.text
    assert_article_whole(article)


def test_a_summary_heading_inside_the_story_stays() -> None:
    heading = "<h3>Tóm tắt nhanh</h3>"
    article = extract(page(middle=heading))
    assert_article_whole(article)
