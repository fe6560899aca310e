"""Vietnamese date parsing: the forms newsrooms print, the traps dateparser falls into, no guesses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from crawler.extraction.dates import date_from_url, looks_like_date, parse_vietnamese_date, plausible
from indexer.schema import VIETNAM_TZ

NOW = datetime(2025, 10, 23, 22, 0, tzinfo=VIETNAM_TZ)


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateparser alone reads "năm" in the weekday as "year" and returns 2025-01-03.
        ("Thứ năm 23/10/2025 21:14", vn(2025, 10, 23, 21, 14)),
        ("Thứ Năm, 23/10/2025, 08:15 (GMT+7)", vn(2025, 10, 23, 8, 15)),
        # dateparser alone returns nothing for this one.
        ("Cập nhật: 08:40 ngày 09/06/2023", vn(2023, 6, 9, 8, 40)),
        ("09/06/2023 - 14:32", vn(2023, 6, 9, 14, 32)),
        ("05/08/2024 06:30 GMT+7", vn(2024, 8, 5, 6, 30)),
        ("Thứ hai, ngày 5 tháng 8 năm 2024", vn(2024, 8, 5)),
        ("16:12 - 18/11/2019", vn(2019, 11, 18, 16, 12)),
        # Vietnamese day parts after a 12-hour time; a 24-hour time with "PM" stays as written.
        ("Cập nhật thứ hai, ngày 24/12/12 11:05 tối", vn(2012, 12, 24, 23, 5)),
        ("30/11/12 04:00 chiều", vn(2012, 11, 30, 16, 0)),
        ("1:00 trưa 03/04/2020", vn(2020, 4, 3, 13, 0)),
        ("2:00 đêm 03/04/2020", vn(2020, 4, 3, 2, 0)),
        ("9:10 sáng 03/04/2020", vn(2020, 4, 3, 9, 10)),
        ("16:05 PM | 05/03/2013", vn(2013, 3, 5, 16, 5)),
        ("LĐO | 14/05/2021 | 08:52", vn(2021, 5, 14, 8, 52)),
        ("Chủ nhật, 17/11/2019 - 16:12", vn(2019, 11, 17, 16, 12)),
        ("21h14 ngày 23/10/2025", vn(2025, 10, 23, 21, 14)),
        ("16/03/2015 07:41 GMT+7", vn(2015, 3, 16, 7, 41)),
        ("2015-03-16 07:41 +07:00", vn(2015, 3, 16, 7, 41)),
        ("2019-11-18T16:12:05+07:00", vn(2019, 11, 18, 16, 12, 5)),
    ],
)
def test_printed_forms(text: str, expected: datetime) -> None:
    assert parse_vietnamese_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Hai, 16 Tháng Ba 2015 07:41", vn(2015, 3, 16, 7, 41)),
        ("ngày 2 tháng Mười Hai năm 2024", vn(2024, 12, 2)),
        ("16 Th3 2015", vn(2015, 3, 16)),
        ("Mar 16, 2015 07:41", vn(2015, 3, 16, 7, 41)),
        ("Monday, March 16th, 2015 - 07:41 AM", vn(2015, 3, 16, 7, 41)),
        ("16 March 2015, 7:41 PM", vn(2015, 3, 16, 19, 41)),
    ],
)
def test_months_written_as_words_are_read_without_dateparser(text: str, expected: datetime) -> None:
    # looks_like_date uses the explicit patterns only: a date stamp printed this way is found too
    assert looks_like_date(text)
    assert parse_vietnamese_date(text, now=NOW) == expected


def test_weekday_thu_nam_is_not_a_year() -> None:
    parsed = parse_vietnamese_date("Thứ năm 23/10/2025 21:14", now=NOW)
    assert parsed is not None and (parsed.day, parsed.month) == (23, 10)


def test_results_are_aware_and_in_vietnam_time() -> None:
    utc = parse_vietnamese_date("2025-10-22T12:25:52Z", now=NOW)
    assert utc == vn(2025, 10, 22, 19, 25, 52)
    assert utc.utcoffset() == timedelta(hours=7)
    other_zone = parse_vietnamese_date("23/10/2025 21:14 GMT-5", now=NOW)
    assert other_zone == datetime(2025, 10, 23, 21, 14, tzinfo=timezone(timedelta(hours=-5)))
    assert other_zone.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("2 giờ trước", timedelta(hours=2)),
        ("5 phút trước", timedelta(minutes=5)),
        ("3 ngày trước", timedelta(days=3)),
        ("một tuần trước", timedelta(days=7)),
    ],
)
def test_relative_to_crawl_time(text: str, delta: timedelta) -> None:
    assert parse_vietnamese_date(text, now=NOW) == NOW - delta


def test_yesterday_with_a_clock() -> None:
    assert parse_vietnamese_date("Hôm qua, 08:00", now=NOW) == vn(2025, 10, 22, 8, 0)


@pytest.mark.parametrize(
    "text", ["", "Xem thêm", "31/02/2024", "Tin liên quan", "1.245 lượt xem", "tháng trước"]
)
def test_unreadable_gives_none(text: str) -> None:
    assert parse_vietnamese_date(text, now=NOW) is None


def test_dateparser_fallback_is_checked_against_the_written_numbers() -> None:
    # An English byline goes to dateparser; its answer is accepted because 22, 2025 are written.
    assert parse_vietnamese_date("October 22, 2025 7:25 pm", now=NOW) == vn(2025, 10, 22, 19, 25)
    # "Số 12 ra ngày thứ Ba" has a number but no date: whatever dateparser makes of it is refused.
    assert parse_vietnamese_date("Số 12 ra ngày thứ Ba", now=NOW) is None


def test_looks_like_date_never_calls_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import crawler.extraction.dates as dates

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates, "_dateparser_checked", refuse)
    assert looks_like_date("Thứ năm 23/10/2025 21:14", now=NOW)
    assert looks_like_date("October 22, 2025 7:25 pm", now=NOW)  # a named month: explicit pattern
    assert not looks_like_date("vendredi dernier vers midi", now=NOW)
    assert parse_vietnamese_date("October 22, 2025 7:25 pm", now=NOW) == vn(2025, 10, 22, 19, 25)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://tuoitre.vn/tin/kinh-te/20150316/che-shan-tuyet-len-ke/731204.html", vn(2015, 3, 16)),
        ("https://example.vn/2024/08/05/ocop-ha-noi.html", vn(2024, 8, 5)),
        ("https://example.vn/2024/8/5/ocop-ha-noi", vn(2024, 8, 5)),  # month and day without zeros
        ("https://example.vn/2024/8/ocop-ha-noi", None),
        ("https://tuoitre.vn/ocop-ha-noi-20240805093000123.htm", vn(2024, 8, 5)),
        ("https://vnexpress.net/mat-ong-bac-ha-vao-mua-4812345.html", None),
        ("https://example.vn/2024/13/45/x.html", None),
    ],
)
def test_date_from_url(url: str, expected: datetime | None) -> None:
    assert date_from_url(url) == expected


def test_plausible_rejects_the_future() -> None:
    assert plausible(vn(2025, 10, 23, 21, 0), NOW)
    assert not plausible(vn(2025, 10, 26), NOW)
    assert not plausible(None, NOW)


def test_page_conventions_month_first_and_declared_zone() -> None:
    from crawler.extraction.dates import declared_offset, is_month_first

    assert is_month_first("Published 05-09-2011 ... last post 12-27-2012")
    assert not is_month_first("Đăng 23/10/2025, cập nhật 05/09/2011")
    assert not is_month_first("05-09-2011")  # ambiguous alone: day first stays the default
    assert not is_month_first("mã 112-27-2012, 1/13/20120")  # digits glued on either side: no date
    assert declared_offset("Giờ Hà Nội (múi giờ gmt+7)") is not None  # any case
    zone = declared_offset("Múi giờ GMT +8 · bây giờ 11:05 PM")
    assert zone is not None and zone.utcoffset(None).total_seconds() == 8 * 3600
    value = parse_vietnamese_date("Published on 05-09-2011 02:00 AM", month_first=True, zone=zone)
    assert value is not None and (value.year, value.month, value.day, value.hour) == (2011, 5, 9, 1)
    assert parse_vietnamese_date("05-09-2011 02:00", zone=zone).month == 9  # GMT+8 kept, day first


def test_published_comes_from_evidence_in_order_of_trust() -> None:
    from crawler.extraction.dateline import PrintedDate
    from crawler.extraction.published import resolve_published

    metadata, printed = vn(2023, 5, 2, 9, 0), PrintedDate(vn(2023, 5, 2, 9, 5))
    agreed = resolve_published(metadata, printed, None, NOW)
    assert (agreed.value, agreed.source, agreed.conflict, agreed.note) == (metadata, "metadata", False, None)
    only_page = resolve_published(None, printed, vn(2023, 5, 1), NOW)
    assert (only_page.value, only_page.source) == (printed.value, "page")
    only_url = resolve_published(None, None, vn(2023, 5, 1), NOW)
    assert (only_url.value, only_url.source) == (vn(2023, 5, 1), "url")


def test_contradicting_metadata_is_flagged_and_the_printed_day_wins() -> None:
    from crawler.extraction.dateline import PrintedDate
    from crawler.extraction.published import resolve_published

    result = resolve_published(vn(2023, 5, 2, 9, 0), PrintedDate(vn(2023, 5, 4, 7, 30)), None, NOW)
    assert (result.value, result.source, result.conflict) == (vn(2023, 5, 4, 7, 30), "page", True)
    assert result.note is not None and "2023-05-02" in result.note and "2023-05-04" in result.note
    # A later date the page labels as an update ("Cập nhật") is not a contradiction.
    updated = resolve_published(vn(2023, 5, 2, 9, 0), PrintedDate(vn(2023, 5, 4), updated=True), None, NOW)
    assert (updated.value, updated.source, updated.conflict) == (vn(2023, 5, 2, 9, 0), "metadata", False)


def test_no_date_is_null_with_a_reason_never_a_guess() -> None:
    from crawler.extraction.published import resolve_published

    missing = resolve_published(None, None, None, NOW)
    assert missing.value is None and missing.source is None and "no publication date" in (missing.note or "")
    future = resolve_published(vn(2025, 11, 1), None, None, NOW)  # after the crawl: a misread
    assert future.value is None and future.note
    unanchored = resolve_published(None, None, None, NOW, anchored=False)
    assert unanchored.value is None and "headline" in (unanchored.note or "")


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        ("05-09-2011", True),
        ("Thứ năm, 12/11/2012 10:00", True),
        ("23/10/2025 21:14", False),  # no 23rd month: read one way only
        ("12/12/2012", False),  # the same day either way
        ("2011-05-09T10:00:00+07:00", False),
        ("ngày 5 tháng 9 năm 2011", False),
        ("", False),
    ],
)
def test_whether_the_month_order_changes_the_day(text: str, matters: bool) -> None:
    from crawler.extraction.dates import order_matters

    assert order_matters(text) is matters
    if text:
        day_first = parse_vietnamese_date(text, now=NOW)
        month_first = parse_vietnamese_date(text, now=NOW, month_first=True)
        assert (day_first != month_first) is matters
