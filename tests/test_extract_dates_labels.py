"""Publication dates written the way other outlets write them, second round (session 17, blind).

The 14 gold pages were re-dated in 33 new styles; the dev half misread or lost the date when: a
"latest comment" or "last updated" stamp was the one nearest the headline or the only one; a print
edition's day stood above the headline and the web stamp further down; an English edition printed
a month-first date with a weekday; a WordPress-vi date put the month first ("Tháng Mười Hai 5,
2025"); a lunar gloss ("tức ngày … năm Giáp Thìn") made a date line too wordy to be one. Every page
below is written for these tests (invented text, opaque class names).
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.dates import parse_vietnamese_date
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

CRAWLED = datetime(2026, 12, 7, 8, 15, tzinfo=VIETNAM_TZ)
URL = "https://tinvuonnha.example.vn/thi-truong/mat-ong-rung-d40917.html"
TITLE = "Hợp tác xã nuôi ong đưa mật rừng vào siêu thị"
LEAD = (
    "Sau hai năm chuẩn hóa quy trình, hợp tác xã nuôi ong ở xã vùng cao đã có lô mật đầu tiên lên kệ "
    "một chuỗi siêu thị."
)
PARAGRAPHS = [
    "Các thành viên được hướng dẫn ghi nhật ký từng đàn ong, từ ngày chia đàn đến ngày quay mật, để "
    "truy xuất được nguồn gốc từng chai.",
    "Giám đốc hợp tác xã cho biết giá bán ổn định giúp các hộ yên tâm giữ rừng, không chặt cây lấy "
    "củi như trước.",
    "Cán bộ nông nghiệp huyện đề nghị hợp tác xã đăng ký thêm nhãn hiệu tập thể trước mùa hoa năm sau.",
]


def _page(header: str = "", footer: str = "", head: str = "", above: str = "", lang: str = "vi") -> str:
    body = "".join(f'<p class="q1w2e3r">{text}</p>' for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body><div id="z9y8x7w">
<div class="qk2e9b3"><a href="/">Trang chủ</a> <a href="/thi-truong">Thị trường</a></div>
<div class="qm3c7a8"><div class="qn4a2f6">
{above}
<h1 class="qp5d8c2">{TITLE}</h1>
{header}
<h2 class="qr6b4e9">{LEAD}</h2>
<div class="qs7f1a5">{body}</div>
{footer}
</div></div>
<div class="qt8c6d3">
<a href="/thi-truong/gia-que-7711.html">Giá quế khô tăng nhẹ sau đợt mưa dài ở vùng núi</a></div>
</div></body></html>"""


def _article(page: str):  # type: ignore[no-untyped-def]
    return extract_article(page, URL, crawled=CRAWLED)


def _published(page: str) -> datetime | None:
    value = _article(page).published
    return value.astimezone(VIETNAM_TZ).replace(tzinfo=None) if value else None


def _read(text: str) -> datetime | None:
    value = parse_vietnamese_date(text, now=CRAWLED)
    return value.replace(tzinfo=None) if value else None


# ---- a weekday tells which way an ambiguous numeric date reads ----------------------------------
def test_weekday_picks_the_month_first_reading() -> None:
    assert _read("Sunday, 02/03/2013 8:11 PM") == datetime(2013, 2, 3, 20, 11)  # 2 March 2013 is a Saturday


def test_weekday_picks_the_day_first_reading_on_a_month_first_page() -> None:
    page = _page(
        header='<div class="qu1b8e4">Monday, 09/02/2015 07:05</div>',
        footer='<div class="qv2a6c9">Posted 12/28/2014</div>',  # a month-first page
        lang="en",
    )
    assert _published(page) == datetime(2015, 2, 9, 7, 5)


def test_weekday_guards() -> None:
    assert _read("Thứ Sáu, 05/12/2025 08:30") == datetime(2025, 12, 5, 8, 30)  # fits the day-first reading
    assert _read("Thứ Tư, 05/12/2025") == datetime(2025, 12, 5)  # fits neither reading: kept as printed
    assert _read("Thứ Hai, 25/12/2023") == datetime(2023, 12, 25)  # only one reading exists
    assert _read("thu nhập 05/03/2025") == datetime(2025, 3, 5)  # not a weekday


# ---- WordPress in Vietnamese writes the month first -------------------------------------------------
def test_wordpress_vi_month_first() -> None:
    assert _read("Tháng Mười Hai 5, 2025 lúc 2:20 chiều") == datetime(2025, 12, 5, 14, 20)
    assert _read("Tháng 9 07, 2011") == datetime(2011, 9, 7)
    page = _page(header='<div class="qw3f5d1"><span>Đăng ngày Tháng Tư 18, 2019 bởi Quế Chi</span></div>')
    assert _published(page) == datetime(2019, 4, 18)


def test_wordpress_vi_guards() -> None:
    assert _read("ngày 5 tháng 12 năm 2025") == datetime(2025, 12, 5)
    assert _read("5 tháng Mười Hai, 2025") == datetime(2025, 12, 5)


# ---- a "latest" label: the last comment's or the last edit's time ----------------------------------
COMMENT_BAR = (
    '<div class="qa81c3f"><a href="#cmt">14 bình luận</a> · <span>Bình luận mới nhất: 09:12 '
    "21/11/2024</span></div>"
)


def test_latest_comment_stamp_near_the_headline_is_not_the_date() -> None:
    page = _page(header=COMMENT_BAR, footer='<div class="qb27d90">18/11/2024 - 16:40 (GMT+7)</div>')
    assert _published(page) == datetime(2024, 11, 18, 16, 40)


def test_last_updated_alone_is_no_publication_date() -> None:
    for stamp in ("Cập nhật lần cuối: 10:05 03/06/2021", "Sửa đổi lần cuối lúc 10:05, 03/06/2021",
                  "Last updated: June 3, 2021 10:05 GMT+7"):  # fmt: skip
        article = _article(_page(header=f'<div class="qc3e5a7">{stamp}</div>'))
        assert article.published is None, stamp
        assert article.published_note


def test_plain_update_label_alone_stays_the_publication_stamp() -> None:
    page = _page(header='<div class="qc3e5a7">Cập nhật: 10:05 03/06/2021</div>')
    assert _published(page) == datetime(2021, 6, 3, 10, 5)


# ---- the print edition's day ---------------------------------------------------------------------
PRINT_ABOVE = '<div class="qd49b1e">Báo in số 215 · Thứ Bảy, 14/09/2019</div>'


def test_print_edition_above_the_headline_yields_to_the_web_stamp_after_the_text() -> None:
    page = _page(above=PRINT_ABOVE, footer='<div class="qe5f28c">13/09/2019 21:35</div>')
    assert _published(page) == datetime(2019, 9, 13, 21, 35)


def test_print_edition_yields_to_metadata_without_a_conflict() -> None:
    head = '<meta property="article:published_time" content="2019-09-13T21:35:00+07:00">'
    article = _article(_page(above=PRINT_ABOVE, head=head))
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).replace(tzinfo=None) == datetime(2019, 9, 13, 21, 35)
    assert not article.published_conflict


def test_print_edition_alone_is_still_its_day() -> None:
    assert _published(_page(above=PRINT_ABOVE)) == datetime(2019, 9, 14)


# ---- a lunar gloss does not make a date line too wordy ----------------------------------------
def test_lunar_gloss_in_words_beside_the_solar_date() -> None:
    line = "Thứ Hai, ngày 19/2/2024 (tức ngày 10 tháng Giêng năm Giáp Thìn)"
    page = _page(above=f'<div class="qf60a4d">{line}</div>')
    assert _published(page) == datetime(2024, 2, 19)


# ---- found on the held-out half (fixed after its one run) -----------------------------------------
def test_month_first_date_agreeing_with_metadata_is_no_conflict() -> None:
    head = '<meta property="article:published_time" content="2018-08-04T07:19:00+07:00">'
    article = _article(_page(header='<div class="qg7c19b">08/04/2018 7:19 AM</div>', head=head, lang="en"))
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).replace(tzinfo=None) == datetime(2018, 8, 4, 7, 19)
    assert not article.published_conflict


def test_metadata_in_utc_without_its_zone_yields_to_the_printed_time() -> None:
    head = '<meta property="article:published_time" content="2017-07-14T03:44:00">'
    article = _article(_page(header='<div class="qg7c19b">14/7/2017 10:44 GMT+7</div>', head=head))
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).replace(tzinfo=None) == datetime(2017, 7, 14, 10, 44)
    assert article.published_conflict


def test_metadata_agreeing_with_the_printed_time_guard() -> None:
    head = '<meta property="article:published_time" content="2017-07-14T10:44:00">'
    article = _article(_page(header='<div class="qg7c19b">14/7/2017 10:44 GMT+7</div>', head=head))
    assert article.published is not None
    assert article.published.astimezone(VIETNAM_TZ).replace(tzinfo=None) == datetime(2017, 7, 14, 10, 44)
    assert not article.published_conflict


def test_rfc_2822_in_gmt_keeps_its_zone() -> None:
    assert _read("Sat, 14 Oct 2017 13:14:00 GMT") == datetime(2017, 10, 14, 20, 14)
    head = '<meta name="pubdate" content="Sat, 14 Oct 2017 13:14:00 GMT">'
    assert _published(_page(head=head)) == datetime(2017, 10, 14, 20, 14)


def test_days_back_keep_the_printed_clock() -> None:
    assert _read("Thứ Bảy, 05/12 lúc 07:42 (2 ngày trước)") == datetime(2026, 12, 5, 7, 42)
    assert _read("3 giờ trước") == datetime(2026, 12, 7, 5, 15)  # guard: hours back are the crawl's clock


def test_breadcrumb_day_takes_the_time_of_the_stamp_after_the_text() -> None:
    crumb = (
        '<div class="qh83e6f"><a href="/">Trang chủ</a> › <a href="/ngay/2015-06-18">Ngày 18/6/2015</a></div>'
    )
    page = _page(above=crumb, footer='<div class="qi9d27a">15:07 (GMT+7) 18/06/2015</div>')
    assert _published(page) == datetime(2015, 6, 18, 15, 7)
    other_day = _page(above=crumb, footer='<div class="qi9d27a">15:07 (GMT+7) 21/06/2015</div>')
    assert _published(other_day) == datetime(2015, 6, 18)  # guard: another day is not believed
