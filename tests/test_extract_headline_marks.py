"""Headlines printed with marks around them, and pages whose titles say no headline (session 16,
issue #10).

A second blind round re-headlined the gold pages in more outlets' styles and found the extractor
keeping emoji and medium marks ("[Video]", "Clip:", "(Ảnh)") in the title, taking a section's
<title> ("Kinh tế - Báo X") or a site's ("Báo X") over the headline the page prints in an h2, a
styled <p> or an old <font size="5">, missing a headline the <title> puts after a bracketed site
name, and gluing a cover picture's caption to a long-form headline. Every page below is written for
these tests.
"""

from __future__ import annotations

import pytest

from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import Article

URL = "https://tin.example.vn/kinh-te/gao-nep-cai-hoa-vang-8812.html"
HEADLINE = "Hợp tác xã ven sông đưa gạo nếp cái hoa vàng vào chuỗi cửa hàng đặc sản"
PARAGRAPHS = [
    "Sau ba vụ thử nghiệm, mười hai hộ xã viên đã thống nhất quy trình canh tác chung, dùng phân hữu "
    "cơ và ghi nhật ký đồng ruộng để sản phẩm có thể truy xuất nguồn gốc.",
    "Giám đốc hợp tác xã cho biết mỗi tháng đơn vị giao khoảng bốn tấn gạo cho các cửa hàng, giá bán "
    "ổn định và cao hơn gạo thường từ mười lăm đến hai mươi phần trăm.",
    "Năm tới, hợp tác xã dự kiến mở rộng diện tích lên ba mươi héc-ta và đăng ký đánh giá, phân hạng "
    "sản phẩm theo chương trình OCOP của tỉnh.",
]


def _page(head: str, headline_zone: str) -> str:
    body = "".join(f'<p class="x5a5a5a5">{text}</p>' for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">{head}</head>
<body><div id="x0f0f0f0">
<div class="x1e1e1e1"><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></div>
<div class="x2d2d2d2"><div class="x3c3c3c3">
{headline_zone}
<div class="x4b4b4b4">{body}</div>
</div></div>
<div class="x6969696">
<a href="/kinh-te/cho-phien-2201.html">Chợ phiên cuối tuần bày bán nhiều nông sản sạch</a></div>
</div></body></html>"""


def _extract(head: str, zone: str) -> Article:
    return extract_article(_page(head, zone), URL)


@pytest.mark.parametrize(
    "printed",
    [
        f"🔴 {HEADLINE}",
        f"{HEADLINE} 📸",
        f"[Video] {HEADLINE}",
        f"Clip: {HEADLINE}",
        f"{HEADLINE} (Ảnh)",
        f"Infographic: {HEADLINE}",
        f"{HEADLINE} - Video",
        f"E-magazine: {HEADLINE}",
    ],
)
def test_emoji_and_medium_marks_are_not_in_the_title(printed: str) -> None:
    head = f'<title>{printed} - Báo Ven Sông</title><meta property="og:title" content="{printed}">'
    article = _extract(head, f'<h1 class="x7e7e7e7">{printed}</h1>')
    assert article.title == HEADLINE
    assert not article.text.startswith(printed[:20])


def test_a_medium_mark_after_the_printed_headline_without_metadata() -> None:
    head = f"<title>{HEADLINE} (Video) | Báo Ven Sông</title>"
    assert _extract(head, f'<h1 class="x7e7e7e7">{HEADLINE} (Video)</h1>').title == HEADLINE


@pytest.mark.parametrize(
    "printed",
    [
        f"Bài 2: {HEADLINE}",  # a series part tells the parts apart
        f"Anh: {HEADLINE}",  # a country, not the "Ảnh" mark
        f"Video ngắn giúp {HEADLINE[0].lower()}{HEADLINE[1:]}",  # a headline word, not a mark
    ],
)
def test_words_that_only_look_like_marks_stay(printed: str) -> None:
    head = f'<title>{printed} - Báo Ven Sông</title><meta property="og:title" content="{printed}">'
    assert _extract(head, f'<h1 class="x7e7e7e7">{printed}</h1>').title == printed


def test_a_section_title_yields_to_the_headline_printed_in_an_h2() -> None:
    head = '<title>Kinh tế - Tạp chí Nông thôn Ven Sông</title><meta property="og:title" content="Kinh tế">'
    zone = '<h1 class="x8d8d8d8">Thông báo</h1>' + f'<h2 class="x7e7e7e7">{HEADLINE}</h2>'
    article = _extract(head, zone)
    assert article.title == HEADLINE
    assert not article.text.startswith(HEADLINE[:20])


@pytest.mark.parametrize(
    "zone",
    [
        f'<p style="font-size: 24px; font-weight: bold">{HEADLINE}</p>',
        f'<div class="x9c9c9c9" style="font-size:1.8em"><b>{HEADLINE}</b></div>',
        f'<table><tr><td><font face="Arial" size="5"><b>{HEADLINE}</b></font></td></tr></table>',
    ],
)
def test_a_site_title_yields_to_a_headline_set_in_display_type(zone: str) -> None:
    article = _extract("<title>Báo Ven Sông</title>", zone)
    assert article.title == HEADLINE
    assert not article.text.startswith(HEADLINE[:20])


def test_a_headline_after_a_bracketed_site_name_in_the_title() -> None:
    zone = f'<table><tr><td><font size="4"><b>{HEADLINE}</b></font></td></tr></table>'
    assert _extract(f"<title>[Báo Ven Sông] {HEADLINE}</title>", zone).title == HEADLINE


def test_a_forum_label_the_metadata_carries_stays() -> None:
    printed = f"[Hỏi] {HEADLINE}"
    head = f'<title>{printed} | Diễn đàn Ven Sông</title><meta property="og:title" content="{printed}">'
    assert _extract(head, f"<h1>{printed}</h1>").title == printed


def test_a_cover_wrapper_holding_the_headline_and_a_caption_is_no_heading() -> None:
    head = f'<title>{HEADLINE} | Báo Ven Sông</title><meta property="og:title" content="{HEADLINE}">'
    zone = (
        f'<div class="x1a2b3c4"><div class="x5d6e7f8"><p style="font-size:40px">{HEADLINE}</p></div>'
        '<figure><img src="/anh/bia.jpg" alt=""><figcaption>Cánh đồng lúa nếp mùa gặt.</figcaption>'
        "</figure></div>"
    )
    zone = zone.replace('class="x1a2b3c4"', 'class="section-title"')
    assert _extract(head, zone).title == HEADLINE


TEASERS = [
    "Nông dân vùng bãi bồi mở rộng diện tích trồng ngô sinh khối",
    "Giá lúa nếp tăng nhẹ, thương lái đặt cọc từ đầu vụ",
    "Xã ven sông hoàn thành kênh tưới mới trước mùa khô",
]


def test_other_stories_headlines_are_never_taken_for_a_missing_headline() -> None:
    teasers = "".join(
        f'<div class="x3a3a3a3"><h3><a href="/tin-{n}.html">{text}</a></h3><p>{PARAGRAPHS[n]}</p></div>'
        for n, text in enumerate(TEASERS)
    )
    page = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Kinh tế - Báo Ven Sông</title></head><body>
<div class="x1e1e1e1"><a href="/">Trang chủ</a></div><div class="x2d2d2d2">{teasers}</div></body></html>"""
    try:
        title = extract_article(page, "https://tin.example.vn/kinh-te/").title
    except ExtractionError:
        return
    assert title not in TEASERS


# Found by the held-out half (fixed after its one run, so not blind): a headline split over two
# spans with no space between them, a kicker set apart in its own element, and a page whose only
# title names the site printing the headline in a block classed as a title under a sapo h2.
def test_two_spans_meeting_after_a_comma_read_with_a_space() -> None:
    first, second = HEADLINE.split(" đưa ")
    zone = f'<h1 class="x7e7e7e7"><span class="x1">{first},</span><span class="x2">đưa {second}</span></h1>'
    head = f"<title>{first}, đưa {second} - Báo Ven Sông</title>"
    assert _extract(head, zone).title == f"{first}, đưa {second}"


def test_numbers_inside_one_text_node_keep_their_comma() -> None:
    printed = "Giá lúa nếp tăng 2,5% sau ba tuần, nông dân ven sông phấn khởi"
    head = f"<title>{printed} - Báo Ven Sông</title>"
    assert _extract(head, f'<h1 class="x7e7e7e7"><b>{printed}</b></h1>').title == printed


@pytest.mark.parametrize("og", [True, False])
def test_a_kicker_in_its_own_element_inside_the_h1_is_no_headline_word(og: bool) -> None:
    meta = f'<meta property="og:title" content="{HEADLINE}">' if og else ""
    head = f"<title>{HEADLINE} - Báo Ven Sông</title>{meta}"
    zone = f'<h1 class="x7e7e7e7"><span class="x8">Kinh tế địa phương</span> {HEADLINE}</h1>'
    article = _extract(head, zone)
    assert article.title == HEADLINE
    assert "Kinh tế địa phương" not in article.text


def test_a_sapo_sentence_in_an_h2_is_not_taken_for_the_headline() -> None:
    zone = (
        '<h2 class="x3">Mười hai hộ xã viên thống nhất một quy trình canh tác chung cho cả cánh đồng.</h2>'
        f'<div class="detail-title">{HEADLINE}</div>'
    )
    assert _extract("<title>Trang thông tin điện tử Báo Ven Sông</title>", zone).title == HEADLINE
