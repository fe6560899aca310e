"""Vietnamese publication dates: parse the forms newsrooms print, and never guess.

Vietnamese bylines write dates day-first ("16/01/2025"), prefix them with a weekday ("Thứ năm")
and label them ("Cập nhật: 08:40 ngày 09/06/2023"). dateparser knows Vietnamese words but is
misled by them: the weekday "Thứ năm" contains "năm" (year), so "Thứ năm 16/01/2025 21:05"
comes back as 3 January; "Cập nhật: … ngày …" comes back as nothing. So the common forms are
parsed here with explicit patterns, and dateparser is only a fallback whose answer is CHECKED
against the numbers actually written in the text. Everything returned is aware, in Vietnam time.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from crawler.extraction.vocab import load
from indexer.schema import VIETNAM_TZ

_MIN_YEAR = 1990  # Vietnamese online news starts in the late 1990s; anything earlier is a misread

_WEEKDAY = re.compile(r"\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])\b\s*,?", re.I)
_LABEL = re.compile(
    r"\b(?:cập\s*nhật|đăng\s*(?:lúc|ngày|tải)?|ngày\s*đăng|ngày\s*cập\s*nhật|xuất\s*bản|thời\s*gian|"
    r"published|updated|posted)\b\s*:?",
    re.I,
)
# "GMT+7", "(UTC+07:00)", or a bare offset closing a time ("2:20 PM +08:00", "14:20:00 +0800").
_TZ = re.compile(
    r"\(?\s*(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*\)?|(?:(?<=\d)|(?<=[ap]m))\s+([+-])(\d{2}):?(\d{2})$",
    re.I,
)
_TIME = re.compile(
    r"(?<![\d/.-])(\d{1,2})\s*(?::|h|giờ|g)\s*(\d{2})(?:\s*(?::|phút)\s*(\d{2}))?(?:\s*(am|pm|sa|ch|sáng|trưa|chiều|tối|đêm)\b)?(?![\d/])",
    re.I,
)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")
# The same without the leading look-behind, which stops the regex engine from skipping ahead to
# the next digit: scanning a whole page with it is several times faster. The caller checks the
# character before the match.
_DMY_SCAN = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WORDY = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*,?\s*(?:năm\s*)?(\d{4})", re.I)
# Relative-date words ("hai giờ trước", "hôm qua", "vừa xong"): crawler/extraction/data/dates.toml.
_VOCAB = load("dates")
_NUMBER_WORDS: dict[str, int] = dict(_VOCAB["number_words"])
_UNIT_SECONDS: dict[str, int] = dict(_VOCAB["unit_seconds"])
_DAYS_AGO: tuple[tuple[str, int], ...] = tuple(_VOCAB["days_ago"].items())
_RELATIVE = re.compile(
    r"(\d+|" + "|".join(_NUMBER_WORDS) + r")\s*(" + "|".join(_UNIT_SECONDS) + r")\s*trước", re.I
)
# A weekday right before the date it names ("Sunday, 02/03/2013", "Thứ Hai, ngày 3/2/2025").
_WEEKDAYS: dict[str, int] = {name.replace(" ", ""): day for name, day in _VOCAB["weekdays"].items()}
_WEEKDAY_NAMES = "|".join(name.replace(" ", r"\s*") for name in _VOCAB["weekdays"])
_NAMED_WEEKDAY = re.compile(r"\b(" + _WEEKDAY_NAMES + r")\b\s*,?\s*(?:ngày\s*)?(?=\d)", re.I)
_JUST_NOW = re.compile(r"\bvừa\s*(?:" + "|".join(_VOCAB["words"]["just_now"]) + r")\b")
_ISOISH = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:z|[+-]\d{2}:?\d{2})?$", re.I
)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").strip()
    return _named_months(re.sub(r"\s+", " ", text))


# Months written as words become numbers, day first, so the explicit patterns read them:
# "16 Tháng Ba 2015", "16 Th3 2015" (Vietnamese), "Mar 16, 2015", "16th March 2015" (English).
_VI_MONTHS = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_VI_MONTH = "(" + "|".join(sorted(_VI_MONTHS, key=len, reverse=True)) + ")"
_EN_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_OTHER_MONTHS: dict[str, int] = dict(_VOCAB["other_month_names"])
_OTHER_MONTH = "(" + "|".join(sorted(_OTHER_MONTHS, key=len, reverse=True)) + r")\.?"
_NAMED_MONTH_FORMS = (
    (re.compile(rf"\b(\d{{1,2}})\s+tháng\s+{_VI_MONTH}\b,?\s+(?:năm\s+)?(\d{{4}})\b", re.I), "dmy_vi"),
    # WordPress in Vietnamese, month first: "Tháng Mười Hai 5, 2025", "Tháng 12 5, 2025".
    (re.compile(rf"\btháng\s+(\d{{1,2}}|{_VI_MONTH[1:-1]})\s+(\d{{1,2}}),\s*(\d{{4}})\b", re.I), "mdy_vi"),
    (re.compile(r"\b(\d{1,2})\s+thg?\.?\s*(\d{1,2}),?\s+(\d{4})\b", re.I), "dmy"),
    (re.compile(rf"\b{_EN_MONTH}\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})\b", re.I), "mdy_en"),
    # "16th March 2015", and with a dot after the day as German writes it ("3. November 2024").
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+{_EN_MONTH},?\s+(\d{{4}})\b", re.I), "dmy_en"),
    # Other languages' names, day first (dates.toml): "9. März 2019", "8 de marzo de 2018".
    (
        re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?{_OTHER_MONTH}(?!\w),?\s+(?:de\s+)?(\d{{4}})\b", re.I),
        "dmy_other",
    ),
)


def _named_months(text: str) -> str:
    for pattern, form in _NAMED_MONTH_FORMS:
        match = pattern.search(text)
        if not match:
            continue
        a, b, year = match.groups()
        if form == "dmy_vi":
            day, month = int(a), _VI_MONTHS[b.lower()]
        elif form == "mdy_vi":
            day, month = int(b), int(a) if a.isdigit() else _VI_MONTHS[a.lower()]
        elif form == "mdy_en":
            day, month = int(b), _EN_MONTHS[a.lower()[:3]]
        elif form == "dmy_en":
            day, month = int(a), _EN_MONTHS[b.lower()[:3]]
        elif form == "dmy_other":
            day, month = int(a), _OTHER_MONTHS[b.lower()]
        else:
            day, month = int(a), int(b)
        return f"{text[: match.start()]}{day}/{month}/{year}{text[match.end() :]}"
    return text


def _names_month(text: str) -> bool:
    """Whether the date names its month ("October 2, 2016", "16 Tháng Ba 2015"): it reads one
    way only, whatever order the page writes its numeric dates in. Asked before the month is
    rewritten as a number, day first, which a month-first reading would turn around."""
    return any(pattern.search(text) for pattern, _ in _NAMED_MONTH_FORMS)


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=VIETNAM_TZ)
    return value.astimezone(VIETNAM_TZ)


def _valid(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime | None:
    if year < 100:
        year += 2000
    try:
        value = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return value if value.year >= _MIN_YEAR else None


def parse_iso_date(text: str) -> datetime | None:
    """ISO 8601 (also "2015-03-16 07:41 +07:00" as some CMSs write it) and RFC 2822 (RSS)."""
    text = text.strip()
    if _ISOISH.match(text):
        squeezed = re.sub(r"\s+(?=[+-]\d{2}:?\d{2}$)", "", text)
        squeezed = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", squeezed)
        try:
            value = datetime.fromisoformat(squeezed.replace("z", "Z"))
        except ValueError:
            return None
        return _aware(value) if value.year >= _MIN_YEAR else None
    if re.match(r"^[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{4}", text):
        try:
            return _aware(parsedate_to_datetime(text))
        except (TypeError, ValueError):
            return None
    return None


# Unix time, in seconds or milliseconds ("1733383200", "1733383200000"), as some CMSs fill meta tags.
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
# .NET's en-US default ("12/5/2025 2:20:00 PM"): a month-first machine culture, not a Vietnamese
# reader's (vi-VN would write "SA"/"CH").
_US_CLOCK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}),? \d{1,2}:\d{2}(?::\d{2})? ?[ap]m$", re.I)


def parse_machine_date(value: object, *, not_after: datetime | None = None) -> datetime | None:
    """A date as a CMS writes it into metadata (meta tags, JSON-LD): ISO 8601 and RFC 2822, Unix
    time, .NET's en-US default (month first), else read as printed. Metadata is written by
    software in its own culture, so the day-first rule of Vietnamese text does not hold there.

    `not_after` is the page's own update stamp, when it is known: a numeric date that reads both
    ways ("10/05/2022 05:22 pm") and falls after it when read one way, on or before it the other,
    is read the other way. A publication is not later than its own update, and a culture that
    writes the clock in English may still write the day first."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, VIETNAM_TZ)
    us = _US_CLOCK.match(text)
    month_first = us is not None and int(us.group(1)) <= 12
    read = parse_vietnamese_date(text, month_first=month_first)
    if read is None or not_after is None or read.date() <= not_after.date() or not order_matters(text):
        return read
    other = parse_vietnamese_date(text, month_first=not month_first)
    return other if other is not None and other.date() <= not_after.date() else read


def _offset(text: str) -> timezone | None:
    match = _TZ.search(text)
    if not match:
        return None
    bare = match.group(1) is None
    sign = -1 if match.group(4 if bare else 1) == "-" else 1
    hours, minutes = int(match.group(5 if bare else 2)), int(match.group(6 if bare else 3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _clock(text: str) -> tuple[int, int, int] | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    # Vietnamese day parts: "11:05 tối" is 23:05, "2:30 chiều" 14:30, "12:15 trưa" 12:15,
    # "1:00 trưa" 13:00; "đêm" (night) is evening from 6 on and small hours before.
    evening = meridiem in ("tối", "chiều")
    if evening or (meridiem == "trưa" and hour < 11) or (meridiem == "đêm" and hour >= 6):
        meridiem = "pm"
    if meridiem in ("pm", "ch") and hour < 12:
        hour += 12
    elif meridiem in ("am", "sa") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _calendar_day(text: str, month_first: bool = False) -> tuple[int, int, int] | None:
    for pattern, order in ((_WORDY, "dmy"), (_YMD, "ymd"), (_DMY, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        groups = [g for g in match.groups() if g not in ("/", ".", "-")]
        first, second, third = (int(g) for g in groups)
        if order == "ymd":
            return first, second, third
        if pattern is _DMY and month_first and first <= 12:
            return third, first, second
        return third, second, first
    return None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    value = _valid(year, month, day)
    return value.weekday() if value is not None else None


def _fit_weekday(
    text: str, without_tz: str, day: tuple[int, int, int], month_first: bool
) -> tuple[int, int, int]:
    """The reading of a numeric date that fits the weekday printed before it: "Sunday, 02/03/2013"
    is 3 February on an English page, whatever order the page's other dates suggest. A date that
    reads only one way, or a weekday that fits neither reading or both, keeps the given reading."""
    other = _calendar_day(without_tz, not month_first)
    if other is None or other == day:
        return day
    named = _NAMED_WEEKDAY.search(text)
    if named is None:
        return day
    weekday = _WEEKDAYS.get(re.sub(r"\s+", "", named.group(1).lower()))
    if weekday is not None and _weekday_of(*day) != weekday and _weekday_of(*other) == weekday:
        return other
    return day


def written_order(text: str) -> str | None:
    """The order a page's numeric dates are written in, as far as its own text settles it: "mdy"
    when some date only reads month first ("12-27-2012", vBulletin and other English-language
    CMSs) and none only day first, "dmy" when one only reads day first (the rest of the page cannot
    change that), None when every date reads both ways."""
    order: str | None = None
    for match in _DMY_SCAN.finditer(text):
        if match.start() and text[match.start() - 1].isdigit():
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first <= 12 < second <= 31:
            order = "mdy"
        if second <= 12 < first <= 31:
            return "dmy"
    return order


def is_month_first(text: str) -> bool:
    """Whether a page's own text shows it writes numeric dates month first (`written_order`).
    Vietnamese pages write day first, which stays the default."""
    return written_order(text) == "mdy"


_DECLARED_ZONE = re.compile(
    r"(?:múi\s*giờ|all\s*times\s*are|time\s*zone|timezone)\W{0,3}(?:là\s*)?(?:gmt|utc)\s*([+-])\s*(\d{1,2})",
    re.I,
)


def declared_offset(text: str) -> timezone | None:
    """The time zone a page says its times are in ("Múi giờ GMT +8", "All times are GMT +8"):
    forum and blog software prints times in the server's zone, not Vietnam's."""
    if not any(word in text for word in ("GMT", "gmt", "Gmt", "UTC", "utc", "Utc")):
        return None  # plain substring scans instead of a case-insensitive regex over the whole page
    lowered = text.lower()  # each phrase of the pattern holds one of these (no special case folds)
    if "zone" not in lowered and "mú" not in lowered and "are" not in lowered:
        return None
    zones = {(m.group(1), int(m.group(2))) for m in _DECLARED_ZONE.finditer(text)}
    if len(zones) != 1:
        return None
    sign, hours = zones.pop()
    return timezone((-1 if sign == "-" else 1) * timedelta(hours=hours)) if hours <= 14 else None


def _relative(text: str, now: datetime) -> datetime | None:
    lowered = text.lower()
    if _JUST_NOW.search(lowered):
        return now
    match = _RELATIVE.search(lowered)
    if match:
        amount = match.group(1)
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        seconds = _UNIT_SECONDS[match.group(2)]
        value = now - timedelta(seconds=count * seconds)
        clock = _clock(lowered[: match.start()] + " " + lowered[match.end() :]) if seconds >= 86400 else None
        # Days back and the clock printed beside them ("05/12 lúc 07:42 (2 ngày trước)"): that day,
        # at that time, as "hôm qua 10:30" is read.
        return value.replace(hour=clock[0], minute=clock[1], second=clock[2]) if clock else value
    for word, days in _DAYS_AGO:
        if word in lowered:
            clock = _clock(lowered) or (0, 0, 0)
            day = (now - timedelta(days=days)).date()
            return datetime(day.year, day.month, day.day, *clock, tzinfo=VIETNAM_TZ)
    return None


def _dateparser_checked(text: str, now: datetime) -> datetime | None:
    """dateparser as a last resort, accepted only if its day, month and year are written in the text."""
    written = re.findall(r"\d+", text)
    numbers = {int(n) for n in written}
    if len(written) < 2 or not any(1 <= n <= 31 for n in numbers):
        # No day, or no year beside it ("NHẬT XUÂN và 1 tác giả khác"): the check below asks
        # for both written, and dateparser is slow (half a millisecond a line).
        return None
    import dateparser  # slow to import; only pages with unusual date formats get here

    settings = {
        "DATE_ORDER": "DMY",
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.replace(tzinfo=None),
    }
    value = dateparser.parse(text, languages=["vi", "en"], settings=settings)
    if value is None:
        return None
    month_named = re.search(r"[^\W\d_]{3,}", text) is not None
    if value.day not in numbers or not (value.month in numbers or month_named):
        return None
    # The year must be written as one: a clock's minutes are no year ("Cập nhật lúc 14:26 ngày
    # 3/1", a live blog's stamp, would otherwise be dated 2026 by its own "26").
    years = {int(n) for n in re.findall(r"\d+", _TIME.sub(" ", text))}
    if value.year not in years and value.year % 100 not in years:
        return None
    return _aware(value) if value.year >= _MIN_YEAR else None


def parse_vietnamese_date(
    text: str,
    *,
    now: datetime | None = None,
    month_first: bool = False,
    zone: timezone | None = None,
) -> datetime | None:
    """Parse a date as printed on a Vietnamese news page; None when it cannot be read for sure.

    `now` anchors relative forms ("2 giờ trước") and should be the crawl time, not the clock at
    parsing time, so that re-processing an archived page gives the same answer. `month_first` and
    `zone` are the page's own conventions (`is_month_first`, `declared_offset`); a zone written in
    the date itself ("GMT+7") still wins.
    """
    return _parse(text, now, use_dateparser=True, month_first=month_first, zone=zone)


def looks_like_date(text: str, *, now: datetime | None = None) -> bool:
    """Whether the text holds a date in one of the forms parsed here (no dateparser: this is asked
    of many lines per page, to find date stamps, and must stay cheap). `now` is accepted for
    symmetry with parse_vietnamese_date, but the answer never depends on it: only a relative
    form's value does, not whether there is one."""
    if len(text) > 500:  # no date stamp is this long; only short lines are remembered
        return _parse(text, _ANY_NOW, use_dateparser=False) is not None
    return _holds_date(str(text))  # a plain str key: lxml's text results hold the whole page


# Any anchor gives the same answer; a far one keeps "3000 năm trước" from underflowing datetime.
_ANY_NOW = datetime(9000, 1, 1, tzinfo=VIETNAM_TZ)


@lru_cache(maxsize=4096)  # the same lines are asked about by the body, byline and recovery passes
def _holds_date(text: str) -> bool:
    return _parse(text, _ANY_NOW, use_dateparser=False) is not None


def is_relative(text: str) -> bool:
    """Whether the text dates itself only relative to the moment it was served ("2 giờ trước",
    "hôm qua 10:30", "vừa xong"), with no calendar day written: its value is only as right as the
    crawl time it is anchored on, and means nothing once the page is read later without it."""
    cleaned = _clean(text)
    if parse_iso_date(cleaned) is not None:
        return False
    stripped = _without_labels(cleaned)
    if _calendar_day(_TZ.sub(" ", stripped)) is not None:
        return False
    return _relative(stripped, _ANY_NOW) is not None


def label_parts(text: str) -> list[str]:
    """The text cut before each date label after the first ("Đăng: 05/12/2025 08:10 | Cập nhật:
    06/12/2025 10:45" → the two stamps): a line may print the publication and the update time."""
    starts = [match.start() for match in _LABEL.finditer(text)][1:]
    cuts = [0, *starts, len(text)]
    return [part for a, b in zip(cuts, cuts[1:], strict=False) if (part := text[a:b].strip())]


def is_stamp(text: str) -> bool:
    """Whether a date is printed as a CMS stamps a post: with a time of day or a publication label
    ("21:52 12/12/2010", "Cập nhật: 12/12/2010"), not as a letter or a decision is dated ("Hà Nội,
    ngày 15/11/2025")."""
    cleaned = _clean(text)
    if _LABEL.search(cleaned):
        return True
    return _clock(_DMY.sub(" ", _YMD.sub(" ", _WORDY.sub(" ", cleaned)))) is not None


def _without_labels(cleaned: str) -> str:
    return _LABEL.sub(" ", _WEEKDAY.sub(" ", cleaned))


def order_matters(text: str) -> bool:
    """Whether reading the text's numeric date month first ("05-09-2011" as May 9) gives another
    day than reading it day first: only then does a page's month-first convention need reading."""
    if not text or not text.strip():
        return False
    cleaned = _clean(text)
    if parse_iso_date(cleaned) is not None or _names_month(text):
        return False
    without_tz = _TZ.sub(" ", _without_labels(cleaned))
    return _calendar_day(without_tz, False) != _calendar_day(without_tz, True)


def writes_offset(text: str) -> bool:
    """Whether the date text carries its own UTC offset ("GMT+7", "+07:00"), which wins over the
    page's declared zone: the page's whole text then need not be read for one."""
    return _offset(_without_labels(_clean(text))) is not None


def _parse(
    text: str,
    now: datetime | None,
    *,
    use_dateparser: bool,
    month_first: bool = False,
    zone: timezone | None = None,
) -> datetime | None:
    if not text or not text.strip():
        return None
    now = _aware(now) if now is not None else datetime.now(VIETNAM_TZ)
    # ISO 8601 and RFC 2822 before the month names are rewritten: "Sat, 14 Oct 2017 13:14:00
    # GMT" keeps its zone only as the whole stamp it is.
    iso = parse_iso_date(unicodedata.normalize("NFC", text).replace("\u00a0", " "))
    if iso is not None:
        return iso
    month_first = month_first and not _names_month(re.sub(r"\s+", " ", text))
    text = _clean(text)

    stripped = _without_labels(text)
    tz = _offset(stripped)
    without_tz = _TZ.sub(" ", stripped)
    day = _calendar_day(without_tz, month_first)
    if day is not None:
        day = _fit_weekday(text, without_tz, day, month_first)
        # The clock is looked for outside the date itself, so "09/06/2023" never reads as 09:06.
        rest = _DMY.sub(" ", _YMD.sub(" ", _WORDY.sub(" ", without_tz)))
        clock = _clock(rest) or (0, 0, 0)
        value = _valid(*day, *clock)
        if value is None:
            return None
        return _aware(value.replace(tzinfo=tz or zone or VIETNAM_TZ))

    relative = _relative(stripped, now)
    if relative is not None:
        return _aware(relative)
    return _dateparser_checked(stripped, now) if use_dateparser else None


_URL_DATES = (
    # Month and day with or without their leading zero (/2015/3/8/, as some blog platforms write).
    re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/"),
    re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"),
    re.compile(r"[-/]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6,9}\.html?$"),
    # A year and month folder, then the day (/2015-03/23/); a day stamp opening a slug (/20150323-…).
    re.compile(r"/((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/"),
    re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-[^/\d]"),
)
# A day written day first, a whole path segment or the start of a slug (/23-03-2015, /23-03-2015-…):
# read only when it cannot be month first (the first number above 12, or both numbers the same).
_URL_DAY_FIRST = re.compile(r"/(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d{2})(?:$|[-/?#.])")


def date_from_url(url: str) -> datetime | None:
    """The publication day many CMSs put in the path (/2015/03/23/, /2015/3/23/, /20150323/,
    -20240805093000123.htm, /2015-03/23/, /20150323-slug, /23-03-2015).

    Only the day is known: the result is midnight, Vietnam time.
    """
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            value = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if value is not None:
                return value.replace(tzinfo=VIETNAM_TZ)
    match = _URL_DAY_FIRST.search(url)
    if match and (int(match.group(1)) > 12 or match.group(1) == match.group(2)):
        value = _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return value.replace(tzinfo=VIETNAM_TZ) if value is not None else None
    return None


def plausible(value: datetime | None, crawled: datetime) -> bool:
    """A publication date after the crawl (beyond clock skew) is a misread, not news from the future."""
    return (
        value is not None and date(_MIN_YEAR, 1, 1) <= value.date() and value <= crawled + timedelta(days=1)
    )
