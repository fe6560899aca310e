"""Faults session 17 left (session 18): a ticker brought back as a recovered list; a day printed
without its time that took the time of another stamp on that day; a digest's items taken for teasers.

Session 17 brings back a plain list the body extractor skipped (a recipe's ingredients, a review's
pros). A strip of figures printed as such a list between the headline and the story's first
sentence (gold, dollar and fuel prices, the weather) came back with them, in front of the text and
as the lead. The guards: an article's own lists, a price list inside the story included, still come
back.

A day printed without its time (a weekday line under the headline) took the time of any stamp on
the same day found further down, a reader comment's included. The time now comes from the day's
own stamp block, the article's closing stamp or metadata on that day, else the day stays date-only.
A digest's "title - text … Xem chi tiết" items were removed as teaser cards (the closing link read as
each card's headline) and a short digest was refused; they are now its text, without the links.
The pages are written for this test.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baotinhnha.example.vn/kinh-te/cho-dau-moi-nong-san-vao-mua-3310.html"
CRAWLED = datetime(2026, 10, 12, 9, 0, tzinfo=VIETNAM_TZ)
TITLE = "Chợ đầu mối nông sản vào mùa cao điểm"
LEAD = (
    "Lượng rau củ đổ về chợ đầu mối của tỉnh tăng mạnh trong tuần qua, nhiều thương lái phải "
    "xếp hàng từ nửa đêm để kịp lấy hàng cho các bếp ăn tập thể."
)
P2 = (
    "Ban quản lý chợ cho biết mỗi đêm có khoảng bốn trăm xe tải ra vào, gấp rưỡi so với cùng kỳ, "
    "nên bãi đỗ tạm phía sau chợ được mở thêm từ đầu tháng."
)
P3 = (
    "Các hộ kinh doanh mong chợ sớm lắp thêm hệ thống chiếu sáng và camera ở khu vực bốc dỡ, "
    "nơi thường xảy ra va quệt giữa xe đẩy và xe máy vào giờ cao điểm."
)
TICKER = ("Vàng miếng 84,20 triệu", "Đô la Mỹ 25.480 đ", "Xăng E5 21.930 đ", "Thủ phủ 23-30°C")


def _page(before_lead: str = "", after_lead: str = "") -> bytes:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Báo Tỉnh Nhà</title>
<meta property="article:published_time" content="2026-10-11T07:30:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></nav>
<div class="q1">
<h1>{TITLE}</h1>
{before_lead}
<p class="q0">{LEAD}</p>
{after_lead}
<article class="q2"><p>{P2}</p><p>{P3}</p></article>
</div>
<div class="q9"><a href="/gioi-thieu">Giới thiệu</a> <a href="/lien-he">Liên hệ</a></div>
</body></html>""".encode()


def _list(items: tuple[str, ...]) -> str:
    return '<ul class="q7">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def test_a_ticker_list_above_the_lead_stays_out() -> None:
    """Failed before session 18: the four figures came back in front of the text, the first as the lead."""
    article = extract_article(_page(before_lead=_list(TICKER)), URL, crawled=CRAWLED)
    assert article.lead == LEAD
    for paragraph in (P2, P3):
        assert paragraph in article.text, article.text
    for item in TICKER:
        assert item not in article.text, article.text


def test_a_ticker_in_a_box_of_its_own_above_the_lead_stays_out() -> None:
    """Failed before session 18, as above, with the strip wrapped in a box of its own."""
    article = extract_article(
        _page(before_lead=f'<div class="q8">{_list(TICKER)}</div>'), URL, crawled=CRAWLED
    )
    assert article.lead == LEAD
    assert not any(item in article.text for item in TICKER), article.text


def test_the_story_s_own_price_list_after_the_lead_comes_back() -> None:
    """Guard: the same list printed inside the story (after its first sentence) is the article's."""
    text = extract_article(_page(after_lead=_list(TICKER)), URL, crawled=CRAWLED).text
    for line in (LEAD, *TICKER, P2, P3):
        assert line in text, text
    assert text.index(TICKER[0]) < text.index(P2)


def test_lists_of_words_or_quantities_above_the_lead_come_back() -> None:
    """Guard: what is printed before the story's first sentence is dropped only when it is a strip of
    figures, each a label followed by its value; a list of quantities (an ingredient opens with its
    figure) or of words is the article's as before."""
    quantities = ("300 g gạo tẻ thơm", "2 thìa nước mắm", "1 bó hành lá")
    words = ("Giao hàng trong ngày", "Đổi trả miễn phí", "Có hóa đơn đầy đủ")
    for items in (quantities, words):
        text = extract_article(_page(before_lead=_list(items)), URL, crawled=CRAWLED).text
        for line in (*items, LEAD, P2):
            assert line in text, text


# ---- a day printed without its time borrows no other moment of that day ------------------------
DAY_LINE = '<div class="q3">Thứ Năm, 18/6/2015</div>'
# a reader comment under the text, in a thread no label or class word names
COMMENTS = (
    '<div class="q5"><div class="q6"><b>Lê Bảo Ngọc</b> <span class="q4">21:40 18/06/2015</span>'
    "<p>Mong chợ sớm có thêm bãi đỗ xe rộng hơn cho bà con ở xa.</p></div></div>"
)


def _dated_page(after_text: str, head: str = "") -> bytes:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body>
<div class="q1">
<h1>{TITLE}</h1>
{DAY_LINE}
<p class="q0">{LEAD}</p>
<div class="q2"><p>{P2}</p><p>{P3}</p></div>
{after_text}
</div>
</body></html>""".encode()


def _published(page: bytes) -> datetime | None:
    value = extract_article(
        page, "https://baotinhnha.example.vn/kinh-te/cho-dau-moi-3310.html", crawled=CRAWLED
    ).published
    return value.astimezone(VIETNAM_TZ).replace(tzinfo=None) if value else None


def test_a_day_without_its_time_takes_no_reader_comment_s_time() -> None:
    """Failed before session 18: the comment's "21:40" on the same day became the story's time."""
    assert _published(_dated_page(COMMENTS)) == datetime(2015, 6, 18)
    # metadata on another day lends no time either: the printed day wins (flagged), date-only
    other = '<meta property="article:published_time" content="2015-06-19T06:25:00+07:00">'
    assert _published(_dated_page(COMMENTS, head=other)) == datetime(2015, 6, 18)


def test_a_day_without_its_time_takes_the_time_of_its_own_stamp_block_or_metadata() -> None:
    """Guards: the day's clock printed in a cell of its own beside it, metadata on that day, and the
    article's closing stamp (its signature's line) still give the time."""
    split = (
        '<div class="q3"><div>Thứ Năm, 18/6/2015</div><div><span>Đăng lúc 06:25 18/06/2015</span></div></div>'
    )
    page = _dated_page(COMMENTS).replace(DAY_LINE.encode(), split.encode())
    assert _published(page) == datetime(2015, 6, 18, 6, 25)
    meta = '<meta property="article:published_time" content="2015-06-18T06:25:00+07:00">'
    assert _published(_dated_page(COMMENTS, head=meta)) == datetime(2015, 6, 18, 6, 25)
    closing = '<div class="q7">Minh Khôi</div><div class="q8">06:25 18/06/2015</div>'
    assert _published(_dated_page(closing + COMMENTS)) == datetime(2015, 6, 18, 6, 25)


# ---- a digest's "title - text … Xem chi tiết" items are the article --------------------------------
DIGEST_ITEMS = (
    (
        "Giá lúa tăng mạnh",
        "Thương lái ở các tỉnh đồng bằng trả thêm vài trăm đồng mỗi ký cho lúa thơm vụ đông, nông dân phấn "
        "khởi chờ gặt.",
    ),
    (
        "Mở rộng vùng trồng bưởi",
        "Huyện ven sông cấp thêm mã số vùng trồng cho ba hợp tác xã, mở đường đưa bưởi vào các siêu thị.",
    ),
    (
        "Chợ phiên cuối tuần đông khách",
        "Hàng nông sản của bà con vùng cao bán hết từ trước trưa, nhiều khách phải đặt trước cho phiên sau.",
    ),
    (
        "Thêm lớp học nghề đan lát",
        "Trung tâm dạy nghề mở hai lớp đan cói miễn phí cho phụ nữ trong xã, mỗi lớp kéo dài ba tháng.",
    ),
)
DIGEST_LEAD = (
    "Những tin nông nghiệp đáng chú ý trong buổi sáng nay được tòa soạn tổng hợp ngắn gọn để bạn đọc theo "
    "dõi nhanh."
)


def _digest(item: str) -> bytes:
    items = "".join(item.format(n=n, title=title, text=text) for n, (title, text) in enumerate(DIGEST_ITEMS))
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Điểm tin nông nghiệp sáng thứ hai</title>
<meta property="article:published_time" content="2026-10-12T07:00:00+07:00"></head>
<body>
<nav><a href="/">Trang chủ</a> <a href="/nong-nghiep">Nông nghiệp</a></nav>
<div class="q1"><h1>Điểm tin nông nghiệp sáng thứ hai</h1><p class="q0">{DIGEST_LEAD}</p>
<div class="q2"><ul>{items}</ul></div></div>
</body></html>""".encode()


def test_a_digest_s_items_with_a_read_more_link_are_the_article() -> None:
    """Failed before session 18: each item's closing "Xem chi tiết" link was read as a teaser's
    headline, the four items left as teaser cards, and the page was refused (no article text)."""
    item = (
        '<li><strong>{title}</strong> - {text} <a href="/nong-nghiep/tin-{n}-4410.html">Xem chi tiết</a></li>'
    )
    text = extract_article(_digest(item), URL, crawled=CRAWLED).text
    lines = [f"{title} - {body}" for title, body in DIGEST_ITEMS]
    for line in lines:
        assert text.count(line) == 1, text
    assert "Xem chi tiết" not in text, text
    for title, _ in DIGEST_ITEMS:
        assert f"\n{title}\n" not in text, text  # its bold title is not brought back on its own


def test_teasers_that_open_with_their_headline_link_still_go() -> None:
    """Guard: a list of other stories beside the article, each a headline link followed by its
    summary, is removed as before."""
    cards = "".join(
        f'<li><a href="/nong-nghiep/tin-{n}-4410.html">{title} ở nhiều địa phương</a><p>{body}</p></li>'
        for n, (title, body) in enumerate(DIGEST_ITEMS)
    )
    page = _page().replace(b'<div class="q9">', f'<ul class="q6">{cards}</ul><div class="q9">'.encode())
    text = extract_article(page, URL, crawled=CRAWLED).text
    for paragraph in (LEAD, P2, P3):
        assert paragraph in text, text
    for _, body in DIGEST_ITEMS:
        assert body not in text, text
