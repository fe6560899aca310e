"""Which publication date an article gets, where it came from, and what to tell the user about it.

A date is only ever taken from evidence: the CMS's structured metadata, the date printed next to
the headline, or the day in the URL. When none of them gives one, `published` is null and the
reason says what was looked at; nothing is guessed. When the metadata and the printed date name
different days the reader's date wins, because it is what the outlet showed (metadata is filled
by templates: a render or import time, a time without its zone), and the disagreement is flagged
with both values, so that a researcher can check the page. When the day in the URL is more than
a day away from the one chosen, the page was re-dated after its address was made (or the address
dates something else): the date is null, and the note gives both days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from crawler.extraction.dateline import PrintedDate, day_only
from crawler.extraction.dates import plausible
from indexer.schema import VIETNAM_TZ

# Values of Article.published_source.
METADATA = "metadata"
PAGE = "page"
URL = "url"


@dataclass(frozen=True)
class Published:
    value: datetime | None
    source: str | None = None  # METADATA, PAGE or URL
    conflict: bool = False
    note: str | None = None  # why `value` is None, or what the conflict is


def _day(value: datetime) -> str:
    return value.date().isoformat()


_VIETNAM_OFFSET = timedelta(hours=7)  # no daylight saving since 1975
_SLIP = "7 hours before"


def _zone_slip(metadata: datetime, printed: PrintedDate) -> bool:
    """Whether the metadata is the printed time less Vietnam's UTC offset to the minute: a CMS
    writing its UTC clock without "Z" ("2017-07-14T03:44:00" for "14/7/2017 10:44 GMT+7")."""
    return not day_only(printed) and printed.value - metadata == _VIETNAM_OFFSET


def _transposed(metadata: datetime, printed: datetime) -> bool:
    """Whether the printed date is the metadata's with day and month swapped, at the same time of
    day: one numeric date read the other way ("08/04/2018" on an English edition), not two dates."""
    metadata, printed = metadata.astimezone(VIETNAM_TZ), printed.astimezone(VIETNAM_TZ)
    if metadata.day > 12 or metadata.day == metadata.month or printed.time() != metadata.time():
        return False
    return (printed.year, printed.month, printed.day) == (metadata.year, metadata.day, metadata.month)


# A URL's day is written once, when the address is made: it may be a day off the metadata's
# (a zone, a draft finished after midnight), not more.
_URL_SLACK = timedelta(days=1)


def resolve_published(
    metadata: datetime | None,
    printed: PrintedDate | None,
    from_url: datetime | None,
    crawled: datetime,
    *,
    anchored: bool = True,
    crawl_known: bool = True,
) -> Published:
    """Structured metadata, the date printed next to the headline, the URL's day: in that order
    of trust, except that a printed publication date on another day than the metadata wins. An
    update stamp is never the publication time when the metadata or the URL gives an earlier day
    (a live blog's "Cập nhật lúc …" after its URL's day). A relative stamp ("2 giờ trước") is
    only as right as its anchor: it never contradicts a calendar date from the metadata or the URL,
    and without the crawl time (`crawl_known` false: a saved page read later) it is not read."""
    metadata = metadata if plausible(metadata, crawled) else None
    from_url = from_url if plausible(from_url, crawled) else None
    relative = printed is not None and printed.relative
    unanchored = relative and not crawl_known
    if relative and (metadata is not None or from_url is not None or unanchored):
        printed = None
    if metadata is not None and printed is not None and _transposed(metadata, printed.value):
        return Published(metadata, METADATA)  # "08/04/2018" month first, as the metadata says
    if metadata is not None and printed is not None and not printed.updated and _zone_slip(metadata, printed):
        note = (
            f"structured metadata says {metadata:%Y-%m-%d %H:%M}, {_SLIP} the time printed next to the"
            " headline (a UTC time written without its zone); the printed time is used"
        )
        return Published(printed.value, PAGE, conflict=True, note=note)
    if metadata is not None and printed is not None and _day(metadata) != _day(printed.value):
        if (printed.updated and printed.value > metadata) or printed.print_edition:
            # The page prints its update time or the print edition's day: not a contradiction.
            return Published(metadata, METADATA)
        note = (
            f"structured metadata says {_day(metadata)}, the page prints {_day(printed.value)}"
            " next to the headline; the printed date is used"
        )
        return Published(printed.value, PAGE, conflict=True, note=note)
    if metadata is not None:
        return Published(metadata, METADATA)
    if (
        printed is not None
        and printed.updated
        and from_url is not None
        and printed.value.date() > from_url.date()
    ):
        return Published(from_url, URL)
    if printed is not None:
        return Published(printed.value, PAGE)
    if from_url is not None:
        return Published(from_url, URL)
    if unanchored:
        return Published(
            None,
            note='the page prints only a relative time ("… giờ trước") and the crawl time it counts'
            " from is unknown; no publication date in the structured metadata or the URL",
        )
    if not anchored:
        return Published(
            None,
            note="no publication date in the structured metadata or the URL, and no headline to"
            " tell a printed date from the page's clock",
        )
    return Published(
        None,
        note="no publication date in the structured metadata, next to the headline or in the URL",
    )


def against_url_day(
    found: Published, from_url: datetime | None, crawled: datetime, issue: datetime | None = None
) -> Published:
    """`found`, unless the day in the URL names another day, more than a day away: then the page
    was re-dated after its address was made (a republished or migrated post keeps its old address
    and gets a new date) or the address dates something else. Which day is the publication is not
    known, so none is given: null, with both days in the note. A URL that names the day of the
    print issue the page prints (`issue`: "March 3, 2014 Issue") dates the issue, not the web
    publication, and says nothing against it."""
    from_url = from_url if plausible(from_url, crawled) else None
    if found.value is None or found.source == URL or from_url is None:
        return found
    if issue is not None and issue.date() == from_url.date():
        return found
    if abs(found.value.date() - from_url.date()) <= _URL_SLACK:
        return found
    where = "structured metadata" if found.source == METADATA else "the date printed next to the headline"
    note = (
        f"{where} says {_day(found.value)}, the address says {_day(from_url)}: a page re-dated after"
        " its address was made, or an address that dates something else; no date is given"
    )
    return Published(None, conflict=True, note=note)
