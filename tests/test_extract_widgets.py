"""Page widgets inside and around the article body (issue #10, session 16).

A blind round wrote widgets into the gold pages the way other outlets print them: reaction bars,
polls, rating stars, weather pickers and sign-up boxes beside their buttons and fields; market
boxes (gold, exchange rates, farm prices) in the article column; tip-off notices and paywall
prompts. The body extractor dropped the controls and kept the text beside them as short
paragraphs, a price table's rows as text, and a box between the last paragraph and the signature
could cost the signature. The fixes read structure and grammar: the box of a few words around a
form control (chrome.remove_control_boxes), a market heading over a box of figures
(chrome.remove_market_boxes), and the grammar of tip-off and paywall notices (body.toml prompts);
after the held-out run, the grammar of feedback, reprint, text-to-speech, app-store, ad-label and
empty-thread lines too. The pages below are written for these tests; their names, places and figures
are invented.
"""

from __future__ import annotations

import zlib
from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baonongthon.example.vn/kinh-te/mien-dong-lang-ha-2024-51234.html"
CRAWLED = datetime(2024, 6, 5, 8, 0, tzinfo=VIETNAM_TZ)
HEADLINE = "Miến dong làng Hạ Lâm vào vụ, hợp tác xã tăng ca đóng gói"
PARAGRAPHS = [
    "Những ngày đầu tháng sáu, các xưởng miến ở làng Hạ Lâm sáng đèn từ bốn giờ sáng để kịp tráng "
    "và phơi những mẻ miến đầu vụ.",
    "Theo chủ nhiệm hợp tác xã, năm nay củ dong được mùa, hàm lượng tinh bột cao nên sợi miến dai và "
    "trong hơn mọi năm.",
    "Hợp tác xã đã ký hợp đồng cung ứng cho ba chuỗi cửa hàng thực phẩm sạch ở thành phố, mỗi tuần "
    "giao khoảng hai tấn sản phẩm.",
    "Giá miến bán tại xưởng dao động từ tám mươi đến chín mươi nghìn đồng mỗi ký, tùy loại sợi nhỏ "
    "hay sợi to.",
    "Các hộ thành viên cho biết thu nhập ổn định hơn nhiều kể từ khi sản phẩm được gắn tem truy xuất "
    "nguồn gốc.",
]
SIGNATURE = "Thu Hà"


def page(middle: str = "", end: str = "", header: str = "", opaque: bool = False) -> str:
    cls = (lambda name: f"x{zlib.crc32(name.encode()):08x}") if opaque else (lambda name: name)
    paras = [f"<p>{text}</p>" for text in PARAGRAPHS]
    paras.insert(3, middle)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{HEADLINE} - Báo Nông Thôn</title>
<meta property="article:published_time" content="2024-06-04T07:30:00+07:00">
</head><body>
<div class="{cls("header")}"><a href="/">Báo Nông Thôn</a></div>
<div class="{cls("main")}">
 <h1 class="{cls("title")}">{HEADLINE}</h1>
 {header}
 <div class="{cls("content")}">
  {"".join(paras)}
  {end}
  <p style="text-align:right"><strong>{SIGNATURE}</strong></p>
 </div>
</div>
<div class="{cls("footer")}"><p>Báo Nông Thôn điện tử. Giấy phép số 123/GP-BTTTT.</p></div>
</body></html>"""


def extract(html: str):  # type: ignore[no-untyped-def]
    return extract_article(html.encode("utf-8"), URL, crawled=CRAWLED)


def assert_article_whole(article) -> None:  # type: ignore[no-untyped-def]
    assert article.title == HEADLINE
    for text in PARAGRAPHS:
        assert text in article.text
    assert article.authors == [SIGNATURE]
    assert article.published == datetime(2024, 6, 4, 7, 30, tzinfo=VIETNAM_TZ)


REACTIONS = """<div class="box-reaction"><p class="q">Cảm xúc của bạn về bài viết</p>
<button type="button"><svg width="16" height="16"><path d="M4 4h16v16H4z"></path></svg>
<span>Thích</span> <span>41</span></button>
<button type="button"><span>Ngạc nhiên</span> <span>3</span></button></div>"""
POLL = """<div class="poll"><div class="t">Thăm dò ý kiến</div>
<p>Bạn có thường mua miến làng nghề qua mạng không?</p>
<ul><li><label><input type="radio" name="p" value="1"> Thường xuyên mua</label></li>
<li><label><input type="radio" name="p" value="2"> Chưa mua bao giờ</label></li></ul>
<button type="button">Gửi lựa chọn</button> <span>812 người đã tham gia</span></div>"""
WEATHER = """<div class="wt"><span>Lạng Sơn</span><span>24°C</span><span>Mưa phùn</span><span>Độ ẩm 91%</span>
<select><option>Lạng Sơn</option><option>Cao Bằng</option></select></div>"""
AUDIO = """<div class="player"><span>Nghe nội dung bài</span><audio src="/tts/51234.mp3"></audio>
<span class="time">0:00 / 3:27</span><span>Giọng đọc tự động</span></div>"""
RATING = """<div class="rate"><span>Nội dung này có giúp ích cho bạn?</span><span>★★★★★</span>
<span>(57 lượt, trung bình 4,2)</span><button>Có</button><button>Không</button></div>"""
CONTROL_WIDGETS = {
    "reactions": (REACTIONS, "end", ["Cảm xúc của bạn về bài viết", "Ngạc nhiên"]),
    "poll": (POLL, "middle", ["Bạn có thường mua miến làng nghề", "Thăm dò ý kiến", "812 người"]),
    "weather": (WEATHER, "middle", ["24°C", "Độ ẩm 91%", "Mưa phùn"]),
    "audio": (AUDIO, "header", ["Nghe nội dung bài", "0:00 / 3:27", "Giọng đọc tự động"]),
    "rating": (RATING, "end", ["Nội dung này có giúp ích", "57 lượt"]),
}


@pytest.mark.parametrize("opaque", [False, True], ids=["named", "opaque"])
@pytest.mark.parametrize("name", list(CONTROL_WIDGETS))
def test_text_beside_a_widgets_controls_is_not_the_article(name: str, opaque: bool) -> None:
    widget, where, strings = CONTROL_WIDGETS[name]
    article = extract(page(**{where: widget}, opaque=opaque))
    for text in strings:
        assert text not in article.text, text
    assert_article_whole(article)


GOLD = """<div class="gv"><h4>Giá vàng hôm nay</h4><table><tr><th>Loại</th><th>Mua</th><th>Bán</th></tr>
<tr><td>Vàng miếng</td><td>78,20</td><td>80,10</td></tr>
<tr><td>Nhẫn tròn</td><td>75,35</td><td>77,05</td></tr></table>
<p>Cập nhật 08:40</p></div>"""
FARM = """<aside class="bg"><div class="hd">Bảng giá nông sản</div><ul>
<li><span>Củ dong</span><span>6.200</span><span>đ/kg</span></li>
<li><span>Tinh bột dong</span><span>31.500</span><span>đ/kg</span></li>
<li><span>Lạc nhân</span><span>42.000</span><span>đ/kg</span></li></ul></aside>"""


@pytest.mark.parametrize("opaque", [False, True], ids=["named", "opaque"])
@pytest.mark.parametrize(
    ("widget", "strings"), [(GOLD, ["78,20", "Nhẫn tròn"]), (FARM, ["6.200", "31.500"])], ids=["gold", "farm"]
)
def test_a_market_box_in_the_column_is_not_the_article(widget: str, strings: list[str], opaque: bool) -> None:
    for where in ("middle", "end"):
        article = extract(page(**{where: widget}, opaque=opaque))
        for text in strings:
            assert text not in article.text, (where, text)
        assert_article_whole(article)


def test_a_price_sentence_and_a_price_table_in_the_prose_stay() -> None:
    """The article's own figures: a sentence about today's price, and a table set among the
    paragraphs in the article's container (not a box of its own with a market heading)."""
    sentence = "<p>Giá miến hôm nay tại xưởng là 85.000 đồng/kg, tăng 5.000 đồng so với tháng trước.</p>"
    table = (
        "<table><tr><td>Loại sợi</td><td>Giá tại xưởng</td></tr><tr><td>Sợi nhỏ</td><td>90.000</td></tr>"
        "<tr><td>Sợi to</td><td>80.000</td></tr></table>"
    )
    article = extract(page(middle=sentence + table))
    assert "Giá miến hôm nay tại xưởng là 85.000 đồng/kg" in article.text
    assert "90.000" in article.text
    assert_article_whole(article)


@pytest.mark.parametrize(
    "notice",
    [
        "Mọi thông tin phản ánh xin gửi về hòm thư bandoc@baonongthon.example.vn",
        "Bạn đọc có thông tin về vụ việc xin liên hệ đường dây nóng 0912 000 111 hoặc email "
        "bandoc@baonongthon.example.vn. Tòa soạn giữ kín danh tính người cung cấp thông tin.",
        "Bài viết dành cho hội viên",
        "Đăng ký gói đọc Báo Nông Thôn chỉ từ 1.500 đồng/ngày để đọc toàn bộ bài viết chuyên sâu.",
        "Bạn đã đọc hết số bài miễn phí trong tuần này.",
        "Mọi thông tin, góp ý xin gửi về toasoan@baonongthon.example.vn, hotline 0203 000 333.",
        "Nghiêm cấm sao chép nội dung khi chưa có sự đồng ý của Báo Nông Thôn.",
        "Ghi rõ nguồn Báo Nông Thôn khi trích dẫn lại nội dung bài viết.",
        "Nội dung được đọc bằng giọng đọc AI",
        "Miễn phí trên iOS và Android",
        "QUẢNG CÁO",
        "Chưa có bình luận nào. Hãy là người đầu tiên bình luận.",
    ],
    ids=[
        "report-to",
        "tip-off",
        "members",
        "plan",
        "free-quota",
        "feedback",
        "no-copy",
        "cite-source",
        "tts",
        "app-stores",
        "ad-label",
        "no-comments",
    ],
)
def test_tip_off_and_paywall_notices_are_not_the_article(notice: str) -> None:
    article = extract(page(middle=f'<p class="note"><em>{notice}</em></p>'))
    assert notice not in article.text
    assert_article_whole(article)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mọi thông tin chi tiết xin liên hệ hợp tác xã miến dong Hạ Lâm, điện thoại 0203 000 222.",
        "Công an xã đề nghị ai biết thông tin về chiếc xe tải chở củ dong bị mất "
        "xin liên hệ số điện thoại trực ban.",
        "Hợp tác xã giảm giá 10% cho sản phẩm dành cho hội viên trong tháng sáu.",
        "Phần mềm quản lý vùng trồng có trên cả iOS và Android.",
        "Quảng cáo sai sự thật về sản phẩm OCOP sẽ bị xử phạt nặng.",
        "Học sinh bị cấm sao chép bài của bạn trong giờ kiểm tra.",
    ],
    ids=["producer", "police", "members-offer", "app-sentence", "ads-sentence", "copy-sentence"],
)
def test_a_producers_contact_a_police_appeal_and_a_members_offer_stay(sentence: str) -> None:
    article = extract(page(middle=f"<p>{sentence}</p>"))
    assert sentence in article.text
    assert_article_whole(article)


def test_a_share_button_in_the_byline_bar_keeps_the_bar() -> None:
    """A control box holding the byline or a date is the byline bar: it stays for the byline and
    date rules."""
    bar = (
        '<div class="meta"><span class="author">Thu Hà</span> <span class="date">04/06/2024 07:30</span>'
        ' <button type="button">Chia sẻ</button> <button type="button">Lưu</button></div>'
    )
    article = extract(page(header=bar))
    assert "Thu Hà" in article.authors
    assert article.published == datetime(2024, 6, 4, 7, 30, tzinfo=VIETNAM_TZ)
    for text in PARAGRAPHS:
        assert text in article.text


def test_a_feed_labelled_moi_cap_nhat_goes() -> None:
    feed = (
        '<section><div class="t">Mới cập nhật</div>'
        '<div><span>06:10</span> <a href="/kinh-te/vai-1.html">Vải thiều sớm vào vụ thu hoạch chính</a></div>'
        '<div><span>07:45</span> <a href="/kinh-te/lua-2.html">Nông dân xuống giống lúa hè thu</a></div>'
        '<div><span>09:02</span> <a href="/kinh-te/che-3.html">Chè xuân được giá ở vùng đồi</a></div>'
        "</section>"
    )
    article = extract(page(end=feed, opaque=True))
    assert "Mới cập nhật" not in article.text
    assert "Vải thiều sớm" not in article.text
    assert_article_whole(article)


def test_a_signature_after_a_notice_box_is_the_byline() -> None:
    """The body keeps no paragraph after the notice box it dropped; the signature the page prints
    after that box, outside the text's container, is read after the notice (extract._closing_notice)."""
    notice = (
        '<div class="note"><p>Bạn đang đọc bài viết tại chuyên mục Kinh tế của Báo Nông Thôn.</p>'
        "<p>Mọi thông tin, góp ý xin gửi về toasoan@baonongthon.example.vn, hotline 0203 000 333.</p></div>"
    )
    html = page(end=notice).replace(
        f'<p style="text-align:right"><strong>{SIGNATURE}</strong></p>\n </div>',
        ' </div>\n <div class="share"><iframe src="/like.html"></iframe></div>\n'
        f" <strong>{SIGNATURE.upper()}</strong>",
    )
    article = extract(html)
    assert "Mọi thông tin" not in article.text
    assert article.authors == [SIGNATURE]
    for text in PARAGRAPHS:
        assert text in article.text
