"""Faults the session-17 blind rounds found and left (issue #10), each fixed by its mechanism.

1. A signature printed in bold inside the last paragraph, after its closing sentence ("… câu
   cuối. <b>Tên</b>"), stayed in the text and named no one: the block builder now sets such a run
   apart as the paragraph's own last line, and the closing-byline rule reads it.
2. A centred bold heading over a box in the text ("TIN BUỒN" over an obituary) was read as the
   writer's name: a centred line heads a box, it is no credit.
3. A photo carousel's counters printed on their own ("Ảnh 1/10", "1 / 12") stayed in the text.
4. A digest item's "read more" link closing its paragraph ("… chủ nhật. <a>Xem chi tiết</a>")
   stayed in the text: a short link in lower case after the last sentence is no text.
5. A press release in the text, on a page that prints no date by its headline: its document date
   ("Cần Thơ, ngày 1 tháng 7 năm 2025") or its event's dates were read as the publication date.
   A place-and-day line is a document's date and a span of days an event's: no date line.
6. A numbered gallery told under its pictures (centred picture, centred italic line "(3/9) …"):
   the lines too long for a caption stayed in the text, the short ones went to the captions, so
   the story lost every other paragraph. Lines set alike under three or more pictures, some too
   long for a caption, are the story: none of them is a caption.
Every page below is written for these tests (invented names and text, opaque class names).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://baodongruong.example.vn/nong-nghiep/hop-tac-xa-che-mo-rong-vung-trong-20251205093000123.htm"
CRAWLED = datetime(2025, 12, 6, 8, 0, tzinfo=VIETNAM_TZ)
TITLE = "Hợp tác xã chè mở rộng vùng trồng theo hướng hữu cơ"
LEAD = "Sau hai năm chuyển đổi, hợp tác xã chè ở xã vùng cao đã có thêm ba mươi héc-ta đạt chuẩn hữu cơ."
PARAGRAPHS = [
    "Những nương chè trên sườn đồi phía tây xã được bà con chăm bón bằng phân ủ từ lá cây và rơm rạ, "
    "không dùng thuốc trừ cỏ từ đầu vụ xuân năm ngoái.",
    "Ông trưởng thôn cho biết các hộ thành viên ghi chép nhật ký sản xuất hằng ngày, cán bộ khuyến nông "
    "đến kiểm tra mỗi tháng một lần và hướng dẫn cách hái búp đúng kỹ thuật.",
    "Sản phẩm chè búp khô của hợp tác xã đang được hoàn thiện hồ sơ để dự kỳ chấm chọn sản vật "
    "tiêu biểu của huyện vào đầu năm sau, bao bì mới in mã truy xuất nguồn gốc.",
]


def _page(body_html: str, header: str = "") -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><div id="x0a1b2c3">
<div class="x9d8e7f6"><a href="/">Trang chủ</a> <a href="/nong-nghiep">Nông nghiệp</a></div>
<div class="x3c3c3c3"><div class="x1a1a1a1">
<h1 class="x4d4d4d4">{TITLE}</h1>
<p class="x2b2b2b2">05/12/2025 09:30</p>
<h2 class="x5e5e5e5">{LEAD}</h2>
{header}
<div class="x7a7a7a7">{body_html}</div>
</div></div>
<div class="x8b8b8b8">
<a href="/nong-nghiep/gia-che-4402.html">Giá chè búp tươi tăng nhẹ đầu vụ</a></div>
</div></body></html>"""


def _extract(last: str, header: str = ""):  # type: ignore[no-untyped-def]
    body = "".join(f'<p class="x6f6f6f6">{text}</p>' for text in [*PARAGRAPHS, last])
    return extract_article(_page(body, header), URL, crawled=CRAWLED)


CLOSING = "Dự kiến cuối năm nay, diện tích chè hữu cơ của xã sẽ đạt năm mươi héc-ta."


# 1. A signature in bold closing the last paragraph, inside it
@pytest.mark.parametrize(
    ("run", "author"),
    [
        ("<strong>Vi Thị Hồng Nhung</strong>", "Vi Thị Hồng Nhung"),
        ("<b>Mạc Quảng</b>", "Mạc Quảng"),
        ("<strong>T.Quyên</strong>", "T.Quyên"),
        ("<b>K.Đ</b>", "K.Đ"),
        ("<em>Lục Thanh Bình</em>", "Lục Thanh Bình"),
    ],
)
def test_a_bold_name_after_the_last_sentence_inside_its_paragraph_signs(run: str, author: str) -> None:
    article = _extract(f"{CLOSING} {run}")
    assert article.authors == [author]
    assert article.text.endswith(CLOSING)
    assert author not in article.text


def test_a_short_closing_sentence_before_the_bold_name_is_enough() -> None:
    article = _extract("Hội nghị kết thúc chiều cùng ngày. <strong>Đào Kim</strong>")
    assert article.authors == ["Đào Kim"]
    assert article.text.endswith("Hội nghị kết thúc chiều cùng ngày.")


def test_bold_words_mid_sentence_stay_in_the_paragraph() -> None:
    """Guard: the bold run is followed by more of the sentence."""
    last = "Chè búp của <strong>Hợp tác xã Tân Lập</strong> được bán ở ba tỉnh lân cận."
    article = _extract(last)
    assert article.authors == []
    assert article.text.endswith(last.replace("<strong>", "").replace("</strong>", ""))


def test_a_bold_last_sentence_stays_in_the_paragraph() -> None:
    """Guard: a closing sentence set in bold (an appeal, a hotline note) is text, not a name."""
    last = f"{CLOSING} <strong>Mọi ý kiến đóng góp xin gửi về hợp tác xã trước ngày mười lăm.</strong>"
    article = _extract(last)
    assert article.authors == []
    assert article.text.endswith("Mọi ý kiến đóng góp xin gửi về hợp tác xã trước ngày mười lăm.")


def test_a_capitalised_bold_last_sentence_stays_in_the_paragraph() -> None:
    """Guard: capitalised words, but a sentence with its own full stop."""
    last = f"{CLOSING} <strong>Chè Xanh Tân Lập Chờ Bạn.</strong>"
    article = _extract(last)
    assert article.authors == []
    assert "Chè Xanh Tân Lập Chờ Bạn." in article.text


def test_a_bold_product_name_ending_a_sentence_without_a_full_stop_stays() -> None:
    """Guard: the sentence before the run is not closed: the run ends it."""
    last = "Sản phẩm chủ lực năm nay của cả xã vẫn là <strong>Chè Búp Tân Lập</strong>"
    article = _extract(last)
    assert article.authors == []
    assert article.text.endswith("vẫn là Chè Búp Tân Lập")


# 2. A centred heading over a box is no writer
OBITUARY = (
    '<div class="x5d5d5d5" style="border:1px solid #333;text-align:center;padding:8px">'
    "<p><strong>CÁO PHÓ</strong></p>"
    "<p>Gia đình vô cùng thương tiếc báo tin:</p>"
    "<p><strong>Cụ ông LƯƠNG VĂN KHÁNH</strong></p>"
    "<p>Sinh năm 1938, quê quán thôn Nà Phặc, đã từ trần hồi 6 giờ ngày 2 tháng 12 năm 2025.</p>"
    "<p>Lễ viếng từ 8 giờ đến 12 giờ ngày 4 tháng 12 năm 2025 tại nhà riêng.</p></div>"
)


def test_a_centred_heading_over_an_obituary_under_the_headline_is_no_writer() -> None:
    article = _extract(CLOSING, header=OBITUARY)
    assert article.authors == []
    assert "CÁO PHÓ" in article.text


def test_a_centred_heading_over_an_obituary_opening_the_text_is_no_writer() -> None:
    body = OBITUARY + "".join(f'<p class="x6f6f6f6">{text}</p>' for text in [*PARAGRAPHS, CLOSING])
    article = extract_article(_page(body), URL, crawled=CRAWLED)
    assert article.authors == []
    assert "CÁO PHÓ" in article.text


def test_a_centred_heading_in_a_table_cell_is_no_writer() -> None:
    box = OBITUARY.replace('<div class="x5d5d5d5" style', '<table border="1"><tr><td style').replace(
        "</p></div>", "</p></td></tr></table>"
    )
    article = _extract(CLOSING, header=box)
    assert article.authors == []


def test_a_bold_name_on_its_own_line_under_the_headline_is_still_the_writer() -> None:
    """Guard: not centred, the bold name alone under the headline is the credit it was."""
    article = _extract(CLOSING, header='<p class="x9c9c9c9"><strong>Hà Minh Tuệ</strong></p>')
    assert article.authors == ["Hà Minh Tuệ"]


# 3. Carousel counters
SLIDES = [
    "Những gùi chè búp đầu tiên được bà con mang về sân phơi của hợp tác xã từ sáng sớm.",
    "Búp chè được làm héo trên nong tre rồi vò bằng tay theo cách của người già trong bản.",
    "Chè thành phẩm được đóng gói trong túi giấy có in mã truy xuất nguồn gốc của hợp tác xã.",
]


@pytest.mark.parametrize("counter", ["Ảnh {n}/3", "{n} / 3", "({n}/3)", "Hình {n}/3"])
def test_carousel_counters_printed_on_their_own_are_no_text(counter: str) -> None:
    slides = "".join(
        f'<div class="x2e2e2e2"><div class="x3f3f3f3">{counter.format(n=n)}</div>'
        f'<img src="/anh/che-{n}.jpg" alt=""><p>{text}</p></div>'
        for n, text in enumerate(SLIDES, 1)
    )
    article = _extract(CLOSING, header=f'<div class="x1d1d1d1">{slides}</div>')
    for n in (1, 2, 3):
        assert counter.format(n=n) not in article.text
    assert SLIDES[1] in article.text


def test_a_fraction_or_a_score_on_its_own_line_is_not_a_counter() -> None:
    """Guard: a first number above the second is no position among pictures."""
    article = _extract(CLOSING, header='<div class="x1d1d1d1"><p>Tỷ số chung cuộc</p><p>3/2</p></div>')
    assert "3/2" in article.text


# 4. "Read more" links closing a paragraph
def test_a_read_more_link_after_the_last_sentence_of_a_paragraph_goes() -> None:
    middle = f'{PARAGRAPHS[1]} <a href="/nong-nghiep/chi-tiet-4410.html">Xem chi tiết</a>'
    body = "".join(f"<p>{text}</p>" for text in [PARAGRAPHS[0], middle, PARAGRAPHS[2], CLOSING])
    article = extract_article(_page(body), URL, crawled=CRAWLED)
    assert "Xem chi tiết" not in article.text
    assert PARAGRAPHS[1] in article.text


def test_a_link_inside_a_sentence_a_linked_name_and_a_cited_address_stay() -> None:
    """Guard: a link the sentence goes on after, a capitalised link (a name, a title) and a
    printed address after the sentence (a reference the text gives) are text."""
    inside = 'Hồ sơ đăng ký được hướng dẫn <a href="/huong-dan.html">tại trang này</a> của huyện.'
    named = 'Hội chợ năm nay do tỉnh tổ chức. <a href="/hoi-cho.html">Hội Chợ Nông Sản Vùng Cao</a>'
    cited = 'Quy chế được đăng trên cổng thông tin của tỉnh. <a href="https://x.example.vn/qc">x.example.vn/qc</a>'
    body = "".join(f"<p>{text}</p>" for text in [*PARAGRAPHS, inside, named, cited, CLOSING])
    article = extract_article(_page(body), URL, crawled=CRAWLED)
    assert "tại trang này của huyện." in article.text
    assert "Hội Chợ Nông Sản Vùng Cao" in article.text
    assert "x.example.vn/qc" in article.text


# 5. A press release's dates are not the page's
UNDATED_URL = "https://baodongruong.example.vn/nong-nghiep/tuan-le-nong-san-vung-cao.html"
RELEASE = (
    '<div class="x4a4a4a4"><p style="text-align:center"><strong>THÔNG CÁO BÁO CHÍ</strong></p>'
    '<p style="text-align:right"><em>Điện Biên, ngày 3 tháng 4 năm 2025</em></p>'
    "<p>Nhằm giới thiệu chè, mật ong và các nông sản vùng cao, hợp tác xã phối hợp với các xã tổ chức "
    "phiên chợ phiên cuối tuần dành cho du khách và thương lái trong và ngoài tỉnh.</p>"
    "<p>Phiên chợ có khoảng sáu mươi gian hàng của các hộ sản xuất, kèm các buổi trình diễn sao chè "
    "bằng chảo gang và giới thiệu cách bảo quản mật ong rừng đúng kỹ thuật.</p>"
    "<p>- Thời gian: từ ngày 19 đến ngày 21 tháng 4 năm 2025</p></div>"
)


def _undated(header: str = "", release_first: bool = True) -> str:
    paragraphs = "".join(f'<p class="x6f6f6f6">{text}</p>' for text in PARAGRAPHS)
    body = RELEASE + paragraphs if release_first else paragraphs + RELEASE
    page = _page(body, header)
    return page.replace('<p class="x2b2b2b2">05/12/2025 09:30</p>', "")


@pytest.mark.parametrize("release_first", [True, False])
def test_a_press_release_s_dates_are_not_the_publication_date(release_first: bool) -> None:
    article = extract_article(_undated(release_first=release_first), UNDATED_URL, crawled=CRAWLED)
    assert article.published is None


def test_a_date_line_between_the_lead_and_the_text_is_still_the_page_s() -> None:
    """Guard: the page's own date line still counts beside the press release."""
    page = _undated(header='<p class="x2b2b2b2">Thứ năm, 05/12/2025 09:30</p>')
    article = extract_article(page, UNDATED_URL, crawled=CRAWLED)
    assert article.published == datetime(2025, 12, 5, 9, 30, tzinfo=VIETNAM_TZ)


def test_a_weekday_with_the_verbal_date_is_still_a_date_line() -> None:
    """Guard: "Thứ Năm, ngày 5 tháng 12 năm 2025" opens with a weekday, not a place."""
    page = _undated(header='<p class="x2b2b2b2">Thứ Năm, ngày 5 tháng 12 năm 2025</p>')
    article = extract_article(page, UNDATED_URL, crawled=CRAWLED)
    assert article.published == datetime(2025, 12, 5, tzinfo=VIETNAM_TZ)


# 6. A numbered gallery told under its pictures
GALLERY = [
    "Từ bốn giờ sáng, các hộ trồng chè trong thôn đã lên nương hái búp khi sương còn đọng trên lá, "
    "mỗi người mang theo một chiếc gùi đan bằng tre và một chiếc đèn pin nhỏ để soi đường "
    "qua những lối mòn dốc và trơn sau mấy ngày mưa phùn kéo dài.",
    "Búp chè được đưa về nhà văn hóa thôn để cân.",
    "Sau khi cân, chè được rải mỏng trên những nong tre lớn đặt trong nhà sàn cho héo tự nhiên, "
    "người già trong bản đảo chè bằng tay cứ nửa giờ một lần cho đến trưa để lá mềm đều mà không "
    "bị dập, giữ được mùi thơm đặc trưng của giống chè cổ thụ.",
    "Chè héo được sao trên chảo gang đặt trên bếp củi.",
    "Mẻ chè đầu tiên được đóng gói trong túi giấy có in mã truy xuất nguồn gốc và tem của hợp tác "
    "xã, sẵn sàng cho phiên chợ cuối tuần ở trung tâm huyện, nơi thương lái và du khách đã đặt "
    "trước gần một nửa số hàng từ đầu tháng này để mang về xuôi.",
]


def _gallery(lines: list[str], numbered: bool = True) -> str:
    count = len(lines)
    return "".join(
        f'<p align="center"><img src="/anh/che-{n}.jpg" alt=""></p>'
        f'<p align="center"><em>{f"({n}/{count}) " if numbered else ""}{text}</em></p>'
        for n, text in enumerate(lines, 1)
    )


def test_a_numbered_gallery_told_under_its_pictures_keeps_every_line_in_order() -> None:
    body = f"<p>{PARAGRAPHS[0]}</p>" + _gallery(GALLERY) + f"<p>{CLOSING}</p>"
    article = extract_article(_page(body), URL, crawled=CRAWLED)
    positions = [article.text.find(text) for text in GALLERY]
    assert all(position >= 0 for position in positions), positions
    assert positions == sorted(positions)
    assert not any(text in caption for caption in article.captions for text in GALLERY)


def test_short_captions_under_pictures_stay_captions() -> None:
    """Guard: lines under the pictures all short enough for captions are captions."""
    short = [
        "Búp chè được đưa về nhà văn hóa thôn để cân.",
        "Chè héo được sao trên chảo gang.",
        "Mẻ chè đầu tiên được đóng gói trong túi giấy.",
    ]
    body = (
        "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        + _gallery(short, numbered=False)
        + f"<p>{CLOSING}</p>"
    )
    article = extract_article(_page(body), URL, crawled=CRAWLED)
    assert all(text not in article.text for text in short)
