"""Relative stamps ("4 giờ trước") next to the headline (session 18, blind round on bylines and dates).

On invented pages in the dev half, a page printing "N giờ trước" beside the headline and its
calendar date in `article:published_time` was dated N hours before the moment of extraction: the
relative stamp won over the metadata as a "printed date", and it was anchored on the clock of the
run because a saved page read later has no crawl time. A relative stamp is only as right as its
anchor: it never contradicts a calendar date (metadata, URL), and without a crawl time it is not
read (null with a reason). Every page below is written for these tests (invented text).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction.dates import is_relative
from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://nongsanmoi.example.vn/thi-truong/ca-phe-say-lanh-d5512.html"
TITLE = "Hợp tác xã cà phê thử nghiệm sấy lạnh cho lô hàng xuất khẩu"
PARAGRAPHS = [
    "Hợp tác xã cà phê ở xã biên giới vừa đưa vào vận hành hai buồng sấy lạnh, thay cho sân phơi xi măng "
    "mà các hộ dùng suốt hơn mười năm.",
    "Theo giám đốc hợp tác xã, hạt sấy lạnh giữ được màu và mùi tốt hơn, nên lô hàng đầu tiên đã có "
    "khách đặt trước với giá cao hơn thường lệ.",
    "Các thành viên được hướng dẫn ghi nhật ký từng mẻ sấy để đối tác kiểm tra khi cần.",
]

CRAWLED = datetime(2026, 3, 9, 15, 40, tzinfo=VIETNAM_TZ)  # the crawler's fetch time


def _page(stamp: str, head: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head>
<body><div class="k7p2"><span class="k7c1">Thứ Hai, 09/03/2026</span> <a href="/">Trang chủ</a></div>
<div class="m3x9"><h1 class="m3t4">{TITLE}</h1>
<div class="m3s5"><span class="m3a1">Lò Thị Vân</span> <span class="m3d2">{stamp}</span></div>
<div class="m3b6">{body}</div></div>
<div class="f2z8">Giấy phép số 88/GP-BTTTT. Bản quyền thuộc về tòa soạn.</div></body></html>"""


META = '<meta property="article:published_time" content="2026-02-27T06:05:00+07:00">'


def _naive(value: datetime | None) -> datetime | None:
    return value.astimezone(VIETNAM_TZ).replace(tzinfo=None) if value else None


def test_relative_stamp_yields_to_the_metadata() -> None:
    article = extract_article(_page("4 giờ trước", head=META), URL, crawled=CRAWLED)
    assert _naive(article.published) == datetime(2026, 2, 27, 6, 5)
    assert article.published_source == "metadata"
    assert not article.published_conflict


def test_relative_stamp_yields_to_the_url_day() -> None:
    url = "https://nongsanmoi.example.vn/2026/03/02/ca-phe-say-lanh.html"
    article = extract_article(_page("hôm qua 10:30"), url, crawled=CRAWLED)
    assert _naive(article.published) == datetime(2026, 3, 2)
    assert article.published_source == "url"


def test_relative_stamp_without_a_crawl_time_is_no_date() -> None:
    article = extract_article(_page("4 giờ trước"), URL)
    assert article.published is None
    assert article.published_note is not None and "giờ trước" in article.published_note
    assert not article.published_conflict


def test_relative_stamp_with_the_crawl_time_is_read() -> None:
    # Guard: the crawler knows when it fetched the page; the stamp counts back from then.
    article = extract_article(_page("4 giờ trước"), URL, crawled=CRAWLED)
    assert _naive(article.published) == datetime(2026, 3, 9, 11, 40)
    assert article.published_source == "page"


def test_calendar_stamp_still_beats_contradicting_metadata() -> None:
    # Guard: a printed calendar date keeps winning over metadata on another day (flagged).
    article = extract_article(_page("08/03/2026 07:15", head=META), URL)
    assert _naive(article.published) == datetime(2026, 3, 8, 7, 15)
    assert article.published_conflict


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("4 giờ trước", True),
        ("Cập nhật 25 phút trước", True),
        ("hôm qua 10:30", True),
        ("vừa xong", True),
        ("Thứ Hai, 09/03/2026 - 07:15", False),
        ("07:15 ngày 9/3/2026", False),
        ("2026-03-09T07:15:00+07:00", False),
        ("Lượt xem: 120", False),
    ],
)
def test_is_relative(text: str, relative: bool) -> None:
    assert is_relative(text) is relative


def test_a_page_fetched_now_reads_its_relative_stamp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # `ocop extract URL` fetches the page now: that is its crawl time. The same bytes saved to a file
    # and read later have none (null, as above).
    import ocop_watch.commands.extract as command

    page = _page("4 giờ trước").encode("utf-8")
    monkeypatch.setattr(command, "_fetch", lambda source: (page, "text/html; charset=utf-8", URL))
    fetched = command.extract_one(URL, None)
    assert fetched["published"] is not None
    saved = tmp_path / "saved.html"
    saved.write_bytes(page)
    assert command.extract_one(str(saved), URL)["published"] is None
