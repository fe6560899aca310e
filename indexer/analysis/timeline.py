"""Several queries compared over time: one series per query, as counts or as shares of coverage.

Each series is the date histogram of one size-0 search (the engine's own counting, the same as
/search), so it holds on every engine. Weeks are not an engine interval: they are summed here from
the daily histogram (ISO weeks, Monday to Sunday, Vietnam time). A share divides a period's count by
every archived article of that period under the same filters (the same request without its query
text), so months with more crawled coverage do not look like months of more interest.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel

from indexer.engines.base import SearchIndex
from indexer.errors import InvalidQuery
from indexer.query import Bucket, Interval, SearchRequest, parse_query

TimelineInterval = Literal["day", "week", "month", "year"]
Normalize = Literal["count", "share"]
MAX_SERIES = 8  # lines a chart still shows apart
MAX_PERIODS = 5_000  # about 14 years of days: beyond, a coarser interval says the same


class Point(BaseModel):
    period: str  # "2024", "2024-03", "2024-W05", "2024-03-05"
    count: int
    share: float | None = None  # count / all articles of the period (normalize=share); None when 0/0


class Series(BaseModel):
    q: str
    total: int  # articles of the series in the selected period
    points: list[Point]


class Period(BaseModel):
    period: str
    start: date
    end: date  # inclusive
    articles: int | None = None  # every article under the filters (normalize=share)


class Timeline(BaseModel):
    interval: TimelineInterval
    normalize: Normalize
    periods: list[Period]
    series: list[Series]


# --- periods ---------------------------------------------------------------------------------


def period_of(day: date, interval: TimelineInterval) -> str:
    if interval == "day":
        return day.isoformat()
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if interval == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def period_bounds(period: str, interval: TimelineInterval) -> tuple[date, date]:
    """First and last day of a period label made by `period_of`."""
    if interval == "day":
        day = date.fromisoformat(period)
        return day, day
    if interval == "week":
        week_year, week = period.split("-W")
        start = date.fromisocalendar(int(week_year), int(week), 1)
        return start, start + timedelta(days=6)
    if interval == "month":
        year, month = (int(part) for part in period.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    return date(int(period), 1, 1), date(int(period), 12, 31)


def _step(start: date, interval: TimelineInterval) -> date:
    return period_bounds(period_of(start, interval), interval)[1] + timedelta(days=1)


def periods_between(first: date, last: date, interval: TimelineInterval) -> Iterator[str]:
    day = period_bounds(period_of(first, interval), interval)[0]
    for _ in range(MAX_PERIODS + 1):
        if day > last:
            return
        yield period_of(day, interval)
        day = _step(day, interval)
    raise InvalidQuery(
        f"more than {MAX_PERIODS} {interval}s between {first} and {last}: choose a coarser interval "
        "or a shorter period (from, to)"
    )


def _bucket_day(value: str) -> date:
    """The first day of an engine histogram bucket ("2024", "2024-03", "2024-03-05")."""
    parts = [int(part) for part in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


# --- counting --------------------------------------------------------------------------------


def _engine_interval(request: SearchRequest, interval: TimelineInterval) -> Interval:
    """The histogram to ask the engine for: the period itself, or days when the period is a week
    or when `from`/`to` cut a month or year (its count must then hold only the selected days)."""
    if interval == "day" or interval == "week":  # (`in` would not narrow the Literal for mypy)
        return "day"
    aligned = (
        request.date_from is None
        or period_bounds(period_of(request.date_from, interval), interval)[0] == request.date_from
    ) and (
        request.date_to is None
        or period_bounds(period_of(request.date_to, interval), interval)[1] == request.date_to
    )
    return interval if aligned else "day"


def _histogram(index: SearchIndex, request: SearchRequest, interval: TimelineInterval) -> dict[str, int]:
    """Period -> articles, within the request's dates (the engine's histogram ignores them)."""
    asked = request.model_copy(
        update={"size": 0, "interval": _engine_interval(request, interval), "with_facets": True}
    )
    buckets: Sequence[Bucket] = index.search(asked).histogram
    low, high = request.date_from or date.min, request.date_to or date.max
    counts: dict[str, int] = {}
    for bucket in buckets:
        start = _bucket_day(bucket.value)
        if low <= start <= high:
            key = period_of(start, interval)
            counts[key] = counts.get(key, 0) + bucket.count
    return counts


def compare(
    index: SearchIndex,
    request: SearchRequest,
    queries: Sequence[str],
    interval: TimelineInterval = "month",
    normalize: Normalize = "count",
) -> Timeline:
    """One series per query (the request's own `q` when none are given), over the request's filters.

    Raises InvalidQuery (a 400) for too many queries, a malformed one, or too many periods."""
    queries = list(dict.fromkeys(q.strip() for q in queries)) or [request.q]
    if len(queries) > MAX_SERIES:
        raise InvalidQuery(f"at most {MAX_SERIES} queries can be compared at once, not {len(queries)}")
    for q in queries:
        parse_query(q)  # a malformed or too long query is a 400 before any search
    histograms = [
        _histogram(index, SearchRequest.model_validate({**request.model_dump(), "q": q}), interval)
        for q in queries
    ]
    baseline = (
        _histogram(index, request.model_copy(update={"q": ""}), interval) if normalize == "share" else None
    )
    labels = [label for counts in (*histograms, baseline or {}) for label in counts]
    if request.date_from and request.date_to:
        first, last = request.date_from, request.date_to
    elif labels:
        first = request.date_from or min(period_bounds(p, interval)[0] for p in labels)
        last = request.date_to or max(period_bounds(p, interval)[0] for p in labels)
    else:
        first, last = date.max, date.min  # nothing anywhere: no periods
    periods = [
        Period(
            period=p,
            start=period_bounds(p, interval)[0],
            end=period_bounds(p, interval)[1],
            articles=None if baseline is None else baseline.get(p, 0),
        )
        for p in (periods_between(first, last, interval) if first <= last else ())
    ]
    series = []
    for q, counts in zip(queries, histograms, strict=True):
        points = []
        for period in periods:
            count = counts.get(period.period, 0)
            share = None
            if period.articles:
                share = round(count / period.articles, 6)
            points.append(Point(period=period.period, count=count, share=share))
        series.append(Series(q=q, total=sum(point.count for point in points), points=points))
    return Timeline(interval=interval, normalize=normalize, periods=periods, series=series)


def table(timeline: Timeline) -> tuple[list[str], list[list[object]]]:
    """The timeline as one row per period (for CSV): period, start, end, all articles, then each
    query's count and, with normalize=share, its share."""
    header = ["period", "start", "end", "all_articles"]
    for series in timeline.series:
        label = series.q or "(all)"
        header.append(label)
        if timeline.normalize == "share":
            header.append(f"{label} (share)")
    rows: list[list[object]] = []
    for i, period in enumerate(timeline.periods):
        row: list[object] = [period.period, period.start.isoformat(), period.end.isoformat(), period.articles]
        for series in timeline.series:
            point = series.points[i]
            row.append(point.count)
            if timeline.normalize == "share":
                row.append(point.share)
        rows.append(row)
    return header, rows
