"""Four faults the session-16 blind rounds found and left (issue #10), each fixed by its mechanism.

1. A live blog's entry stamps ("Cập nhật lúc 14:26 ngày 3/1") print no year: the year was borrowed
   from the stamp's own minutes, and an update stamp became the publication time.
2. On a short page, a date beside another story's headline in an unheaded related list, still
   within the headline's byline window, was read as the dateline.
3. A "place + date" line under a signature after the text ("Lào Cai, 15/11/2025") kept the
   signature from being read: no writer, no date.
4. A reader's letter signed "Bạn đọc X, Bình Dương": the province after the comma read as a
   second writer.
Every page below is written for these tests (invented names and text, opaque class names).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction.byline import parse_byline
from crawler.extraction.dates import parse_vietnamese_date
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ
from tests.test_extract_dates_stamps import _page, _published
from tests.test_extract_outlet_bylines import _extract
from tests.test_extract_outlet_bylines import _page as _signed_page

DATED_URL = "https://baovungxa.example.vn/nong-nghiep/vu-cam-som-20251205093000123.htm"
LATE_CRAWL = datetime(2026, 12, 7, 8, 0, tzinfo=VIETNAM_TZ)


def _live(stamps: list[str]) -> str:
    entries = "".join(
        f'<div class="x1e1e1e1"><p class="live-time"><em>{stamp}</em></p>'
        f"<p><strong>Phiên chợ mở cửa lượt {n}</strong></p>"
        f"<p>Các gian hàng nông sản của hợp tác xã đón khách từ sớm, lượt {n} đông hơn dự kiến.</p></div>"
        for n, stamp in enumerate(stamps, 1)
    )
    return _page(footer=entries)


# 1. Live-blog stamps
def test_a_year_is_never_borrowed_from_the_minutes_of_a_clock() -> None:
    assert parse_vietnamese_date("Cập nhật lúc 14:26 ngày 3/1", now=LATE_CRAWL) is None
    assert parse_vietnamese_date("14:26 ngày 3/1/2026", now=LATE_CRAWL) == datetime(
        2026, 1, 3, 14, 26, tzinfo=VIETNAM_TZ
    )


def test_live_blog_update_stamps_are_not_the_publication_time() -> None:
    page = _live(["Cập nhật lúc 16:27 ngày 7/8", "Cập nhật lúc 14:26 ngày 3/1"])
    article = extract_article(page, DATED_URL, crawled=LATE_CRAWL)
    assert article.published == datetime(2025, 12, 5, tzinfo=VIETNAM_TZ)
    assert article.published_source == "url"


def test_an_update_stamp_after_the_url_s_day_is_not_the_publication_time() -> None:
    page = _live(["Cập nhật lúc 16:27 ngày 7/1/2026", "Cập nhật lúc 14:26 ngày 3/1/2026"])
    article = extract_article(page, DATED_URL, crawled=LATE_CRAWL)
    assert article.published == datetime(2025, 12, 5, tzinfo=VIETNAM_TZ)


def test_an_update_label_alone_on_the_url_s_day_still_gives_the_time() -> None:
    """Guard: many outlets label their only dateline "Cập nhật"; on the URL's day it is the time."""
    header = '<p class="x2b2b2b2">Cập nhật: 07:46 05/12/2025</p>'
    article = extract_article(_page(header), DATED_URL, crawled=LATE_CRAWL)
    assert article.published == datetime(2025, 12, 5, 7, 46, tzinfo=VIETNAM_TZ)


# 2. An unheaded related list on a short page
RELATED = (
    '<ul class="x3a3a3a3">'
    '<li><a href="/tin-1.html">Vườn bưởi ven đê mở cửa đón khách tham quan</a> '
    "<span>08:00 03/12/2025</span></li>"
    '<li><a href="/tin-2.html">Giá hồ tiêu tăng trở lại sau ba tuần</a> <span>17:45 02/12/2025</span></li>'
    "</ul>"
)


def test_a_date_beside_another_story_s_headline_on_a_short_page_is_not_the_article_s() -> None:
    assert _published(_page(footer=RELATED)) is None
    assert _published(_page().replace('<div class="x8b8b8b8">', RELATED + '<div class="x8b8b8b8">')) is None


def test_a_dateline_beside_a_writer_s_link_or_a_share_link_is_still_the_date() -> None:
    """Guard: a writer's linked name, or one long share link, beside the date is the byline area."""
    header = (
        '<div class="x2b2b2b2"><a href="/tac-gia/ha-thuc-quyen">Hà Thục Quyên</a> '
        "<span>08:10 05/12/2025</span> "
        '<a href="https://news.example.com/follow">Theo dõi Báo Vùng Xa trên Google News</a></div>'
    )
    assert _published(_page(header)) == datetime(2025, 12, 5, 8, 10)


# 3. A place and a date under the signature after the text
@pytest.mark.parametrize(
    "footer",
    [
        '<p align="right"><strong>Kỳ Duyên</strong></p><p align="right"><em>Lào Cai, 15/11/2025</em></p>',
        '<p style="text-align: right;"><strong>Kỳ Duyên</strong><br>Lào Cai 15/11/2025 12:43</p>',
        '<p align="right"><b>Kỳ Duyên</b></p><p align="right"><em>Buôn Ma Thuột, ngày 15/11/2025</em></p>',
    ],
)
def test_a_place_and_date_line_under_a_closing_signature_leaves_it_readable(footer: str) -> None:
    article = _extract(_signed_page(footer=footer))
    assert article.authors == ["Kỳ Duyên"]
    assert article.published is not None and article.published.date() == datetime(2025, 11, 15).date()
    assert "Kỳ Duyên" not in article.text and "15/11/2025" not in article.text


# 4. A reader's letter signed with a place
@pytest.mark.parametrize(
    "line",
    [
        "Bạn đọc Đàm Thị Nguyệt, Bình Dương",
        "Độc giả Đàm Thị Nguyệt - Hà Nội",
        "Bạn đọc Đàm Thị Nguyệt (huyện Củ Chi, TP.HCM)",
        "Ý kiến của bạn đọc Đàm Thị Nguyệt (Nghệ An)",
        "Bạn đọc Đàm Thị Nguyệt, TP Huế",
        "Bạn đọc Đàm Thị Nguyệt, Buôn Ma Thuột",
    ],
)
def test_a_reader_s_place_is_no_second_writer(line: str) -> None:
    byline = parse_byline(line, min_words=2)
    assert byline is not None and byline.authors == ["Đàm Thị Nguyệt"]


def test_a_reader_s_letter_signed_after_the_text_names_the_reader_only() -> None:
    article = _extract(
        _signed_page(footer='<p style="text-align: right;">Bạn đọc Đàm Thị Nguyệt, Bình Dương</p>')
    )
    assert article.authors == ["Đàm Thị Nguyệt"]
    assert "Bình Dương" not in article.text


def test_a_sentence_about_readers_or_two_writers_stay_as_they_were() -> None:
    """Guards: the label needs a name after it; without the label a second name stays a writer."""
    assert parse_byline("Bạn đọc cho biết giá tăng", min_words=2) is None
    byline = parse_byline("Đàm Thị Nguyệt, Lò Văn Khải", min_words=2)
    assert byline is not None and byline.authors == ["Đàm Thị Nguyệt", "Lò Văn Khải"]


def test_a_reader_s_letter_signed_at_the_top_of_the_text_names_the_reader() -> None:
    line = '<p>Bạn đọc <a href="/ban-doc/dam-thi-nguyet">Đàm Thị Nguyệt</a> (huyện Củ Chi, TP.HCM)</p>'
    page = _signed_page().replace('<p class="x6f6f6f6">', line + '<p class="x6f6f6f6">', 1)
    article = _extract(page)
    assert article.authors == ["Đàm Thị Nguyệt"]
    assert "Củ Chi" not in article.text
