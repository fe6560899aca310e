"""The date printed in the article's own byline, when the page declares none in its metadata.

Vietnamese sites print today's date in the page header ("Thứ năm 16/01/2025 21:05" above a 2022
article) and dates in every sidebar teaser. So a printed date is only believed when it sits in
the article's byline area: right after the headline (or just before it, inside the headline's own
block), outside the page header/nav/sidebar, and not after the crawl. Nearest to the headline wins.
Outlets that sign at the end print the day with the closing byline: that date (`closing_date`) is
read only when neither the metadata nor the headline's byline area gives one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cached_property

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates import (
    declared_offset,
    is_relative,
    is_stamp,
    label_parts,
    looks_like_date,
    order_matters,
    parse_vietnamese_date,
    plausible,
    writes_offset,
    written_order,
)
from crawler.extraction.dom import (
    CHROME_LANDMARKS,
    NON_CONTENT_TAGS,
    PageIndex,
    ancestors,
    attached,
    in_chrome,
    machine_stamp,
    short_text,
    words_of,
)
from crawler.extraction.keys import folded
from crawler.extraction.page_locale import declares_month_first
from crawler.extraction.places import is_place
from crawler.extraction.teasers import beside_a_teaser, in_a_story_card
from crawler.extraction.vocab import load

# fmt: off
_DATE_WORDS = frozenset({
    "date", "time", "datetime", "publish", "published", "pubdate", "posted", "ngay", "thoigian", "ngaydang",
    "dateline", "timestamp", "meta", "byline", "info", "author", "source",
})
# fmt: on
_CLOCK_WORDS = frozenset(
    {"clock", "today", "weather", "header", "topbar", "top", "current", "now", "calendar"}
)
# Words that name the page's top bar when outside the article, and the article's own top
# ("topDetail") when inside the headline's block.
_PLACE_WORDS = frozenset({"header", "topbar", "top"})
_DATE_TAGS = frozenset(
    {"span", "div", "p", "li", "small", "em", "i", "b", "strong", "abbr", "a", "td", "section"}
)
_DATE_LINE_WORDS = re.compile(
    r"\b(?:" + "|".join(load("body")["date_lines"]["words"]) + r"|published|posted|on|by)\b"
)
_AFTER_HEADLINE = 60  # elements after the h1 that still belong to its byline block
_LINE_TAGS = _DATE_TAGS - {"a"}  # elements whose whole line may be a date
_BEFORE_HEADLINE = 30  # elements before the h1, inside its own block, searched for an unclassed date line
_SAME_BLOCK_LEVELS = 3  # a date printed above the h1 must share one of its 3 nearest containers


def _candidates(
    tree: HtmlElement, index: PageIndex, headline: HtmlElement, headline_at: int
) -> list[tuple[HtmlElement, str]]:
    """Elements classed as dates (and <time>), plus any short text right after the headline that
    is a date line by its shape ("| 21/12/2012 - 08:04", "Published on 05-09-2011 02:00 AM"):
    many templates print the date in an unclassed cell or after a "|". A date line by shape just
    before the headline counts too when it sits inside the headline's own block (the h1's
    parent, not the page): the bar above an h1 that a class name would have called "date" says
    nothing when names are hashed."""
    found: list[tuple[HtmlElement, str]] = []
    for element in {el: None for el in [*tree.iter("time"), *index.with_words(_DATE_WORDS)]}:
        is_time = element.tag == "time"
        if not is_time and element.tag not in _DATE_TAGS:
            continue
        value = machine_stamp(element) if is_time or element.tag == "abbr" else None
        text = value or short_text(element, limit=80)
        if text:
            found.append((element, text))
    seen = {element for element, _ in found}
    own_block = headline.getparent()
    before: list[HtmlElement] = []
    if own_block is not None and own_block.tag not in ("body", "html", "form"):
        before = [
            element
            for element in index.window(headline_at - _BEFORE_HEADLINE, headline_at)
            if own_block in ancestors(element)
        ]
    if (last := _last_text_before(index, headline, headline_at)) is not None and last not in before:
        before.append(last)
    for element in [*before, *index.window(headline_at + 1, headline_at + _AFTER_HEADLINE)]:
        if element in seen or element.tag in NON_CONTENT_TAGS:
            continue
        # The element's whole line first ("09:40 AM | <span>26/12/2012</span>": the time and the
        # date in two nodes, which a class word would have named one date element), then its
        # own text and tail.
        whole = short_text(element, limit=80) if len(element) and element.tag in _LINE_TAGS else None
        for piece, holder in ((whole, element), (element.text, element), (element.tail, element.getparent())):
            text = " ".join((piece or "").split())
            if 6 <= len(text) <= 80 and _is_date_line(text) and not _in_running_text(holder, text):
                found.append((element, text))
        if element.tag == "p" and (opening := _opening_dateline(element.text or "")):
            found.append((element, opening))
    return found


# "29.11.2022 – The association said …": a press release's dateline, set off from its first
# sentence by a dash. The date part is short; the dash has spaces around it (not a hyphenated word).
_DATELINE = re.compile(r"^\s*(?P<date>[^–—]{6,40}?)\s+[–—-]\s+\S")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _opening_dateline(text: str) -> str | None:
    """The date a paragraph opens with, set off by a dash, when it names its year: the dateline
    of a press release or an agency story, which gives the day the text was issued. A date inside
    the paragraph's sentences is never read (`_in_running_text`)."""
    match = _DATELINE.match(" ".join(text.split()))
    if match is None:
        return None
    date = match["date"]
    return date if _YEAR.search(date) and _is_date_line(date) else None


_PROSE_LEVELS = 3  # inline wrappers between a piece of text and its paragraph ("<p><em><a>")
_PROSE_CHARS = 60  # loose text beside the date, in its paragraph, that makes it a sentence


def _in_running_text(holder: HtmlElement | None, piece: str) -> bool:
    """Whether the text is told in a paragraph's sentence: a day in running prose ("at its meeting
    of <a>2 May</a> the council decided …"), not a stamp printed on a line of its own. Prose is
    loose text: the paragraph (or an inline wrapper inside it) has words of its own beside the
    date. A paragraph made of labelled cells ("<span>Released:</span><span>02.10.2025</span> …")
    has none, and its date is read as before."""
    if holder is None:
        return False
    chain = [holder, *list(ancestors(holder))[:_PROSE_LEVELS]]
    if not any(node.tag == "p" for node in chain):
        return False
    for node in chain:
        own = " ".join(" ".join([node.text or "", *(child.tail or "" for child in node)]).split())
        if len(own) - len(piece) > _PROSE_CHARS:
            return True
        if node.tag == "p":
            break
    return False


def _last_text_before(index: PageIndex, headline: HtmlElement, headline_at: int) -> HtmlElement | None:
    """The element printing the last text before the headline: a date line there ("Thứ tư,
    20/1/2021, 00:00 (GMT+7)" after the breadcrumb, in the block beside the h1's own) is the
    article's, as nothing stands between it and the headline. Whether it shares one of the
    headline's nearest containers is checked with the other candidates before the h1."""
    above = set(ancestors(headline))
    for element in reversed(index.window(headline_at - _BEFORE_HEADLINE, headline_at)):
        if element in above or element.tag in NON_CONTENT_TAGS:
            continue
        if (element.tail or "").strip():
            return None  # the last text is loose text after an element, not a line of its own
        if (element.text or "").strip():
            return element
    return None


_LINE_VOCAB = load("dates")["date_line"]
_PRINT_EDITION = re.compile(r"\b(?:" + "|".join(_LINE_VOCAB["print_edition"]) + r")\b")
_LATEST = re.compile(r"\b(?:" + "|".join(_LINE_VOCAB["latest"]) + r")\b")
_GLOSS = re.compile(r"\b(?:" + "|".join(_LINE_VOCAB["gloss"]) + r")\b[^()|]*")
_UPDATE_CLASSES = frozenset(_LINE_VOCAB["update_classes"])
_HATOM_UPDATE, _HATOM_PUBLISHED = _LINE_VOCAB["hatom_update"], _LINE_VOCAB["hatom_published"]
_UPDATE_ITEMPROPS = frozenset(_LINE_VOCAB["update_itemprops"])


# Dates a text tells, in lines shaped like a stamp: "Cần Thơ, ngày 1 tháng 7 năm 2025", the place
# and day a document (a press release, a decision, a letter) was signed, printed in its heading;
# "Thời gian: từ ngày 12 đến ngày 18 tháng 6", an event's span of days. Neither is the page's.
_DOCUMENT_DATE = re.compile(
    r"^(?P<place>[^\d,]{2,40}),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\W*$", re.I
)
_SPAN = re.compile(r"\btừ\s+(?:ngày\s+)?\d[^|]*?\s(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?\d", re.I)
# "4. und 5. Juni 2024": two days joined before one month name, an event's span on a foreign page.
_DAY_SPAN = re.compile(
    r"(?<![\d:])\d{1,2}\.?\s*(?:"
    + "|".join(map(re.escape, _LINE_VOCAB["day_span_joiners"]))
    + r")\s+\d{1,2}\.?\s+[^\W\d_]{3,}",
    re.I,
)


def _tells_a_date(text: str) -> bool:
    text = " ".join(text.split())
    if _SPAN.search(text) or _DAY_SPAN.search(text):
        return True
    match = _DOCUMENT_DATE.match(text)
    return match is not None and is_place(match["place"].strip(" -"))


def _is_date_line(text: str) -> bool:
    """A date with at most three other words ("Published on", "Cập nhật", a weekday); a
    print-edition label ("Báo in số 312 ra ngày") and a gloss in another calendar ("(tức ngày 23
    tháng Một năm Giáp Thìn)") count as none. A date the text tells (a document's place and day, an
    event's span: `_tells_a_date`) is no date line of the page."""
    if not looks_like_date(text) or _tells_a_date(text):
        return False
    words = _PRINT_EDITION.sub(" ", re.sub(r"[\d:/.,|()+-]+", " ", _GLOSS.sub(" ", folded(text))))
    leftover = _DATE_LINE_WORDS.sub(" ", words)
    return len(re.findall(r"[a-z]{2,}", leftover)) <= 3


def _looks_like_clock(element: HtmlElement, headline: HtmlElement) -> bool:
    """Classed as a clock/today/top bar, by itself or by a wrapper that is not shared with the
    headline: "topDetail" above the h1 inside the article block is the article's own top."""
    near = [a for a in list(ancestors(headline))[:_SAME_BLOCK_LEVELS] if a.tag not in ("body", "html")]
    shared = set(ancestors(headline))
    inside_article = any(block in shared and block in ancestors(element) for block in near)
    words = _CLOCK_WORDS - _PLACE_WORDS if inside_article else _CLOCK_WORDS
    chain = [element, *list(ancestors(element))[:4]]
    return any(words_of(node) & words for node in chain if node not in shared)


# The page's text nodes, read in one XPath call. extract_article has stripped scripts and styles
# by then; a predicate leaving them out here would cost more than the rest of the date search.
# Plain strings, not lxml's "smart" ones that remember their element: half the cost, same text.
_VISIBLE_TEXT = etree.XPath("//body//text()", smart_strings=False)


class DateConventions:
    """How this page writes dates: month first (English-language CMSs, or a declared en-US locale)
    and in which zone. Each is read from the page's whole visible text on first use (a date that
    reads the same either way never asks for the month order)."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree

    @cached_property
    def _text(self) -> str:
        return " ".join(_VISIBLE_TEXT(self._tree))

    @cached_property
    def month_first(self) -> bool:
        # The page's own dates settle the order first; when every one reads both ways, a declared
        # month-first locale (en-US) decides, else the day-first default stays.
        order = written_order(self._text)
        return order == "mdy" or (order is None and declares_month_first(self._tree))

    @cached_property
    def zone(self) -> timezone | None:
        return declared_offset(self._text)


_UPDATE_LABEL = re.compile(r"\b(?:cap nhat|updated?|last modified|sua luc|chinh sua)\b")


def _publication_part(text: str) -> str:
    """Of a line printing both the publication and the update time, in either order ("Đăng: …
    | Cập nhật: …", "Cập nhật lúc … Ngày đăng …"), the publication's stamp; else the line."""
    parts = [part for part in label_parts(text) if looks_like_date(part)]
    if len(parts) < 2:
        return text
    updates = [part for part in parts if _UPDATE_LABEL.search(folded(part))]
    published = [part for part in parts if part not in updates]
    return published[0] if updates and published else text


@dataclass(frozen=True)
class PrintedDate:
    """A date printed next to the headline, and whether its label says it is an update time
    ("Cập nhật: …", "Updated …") or the day of the print edition ("Báo in số 289 · 06/12/2025")
    rather than the web publication time."""

    value: datetime
    updated: bool = False
    print_edition: bool = False
    relative: bool = False  # "5 giờ trước": anchored on the crawl time (dates.is_relative)


_LABEL_CHARS = 40  # the end of the line before a stamp: its label ("Updated", "Posted on")


def _labelled(element: HtmlElement, text: str) -> str:
    """The stamp read from a <time>'s machine value, with the words printed before the element
    on its line: "Updated <time datetime=…>…</time>" labels the value as an update time, which
    the value alone (an ISO string) cannot say. Other stamps are read from their own text."""
    parent = element.getparent()
    if element.tag != "time" or not machine_stamp(element) or parent is None:
        return text
    before = [parent.text or ""]
    for sibling in parent:
        if sibling is element:
            break
        before.append(sibling.text_content() + (sibling.tail or "") if isinstance(sibling.tag, str) else "")
    label = " ".join(" ".join(before).split())[-_LABEL_CHARS:]
    return f"{label} {text}" if label else text


def _stamped_inside(element: HtmlElement, text: str) -> bool:
    """A line whose numeric date reads both ways ("10/04/16 05:07 AM") around a <time> that holds
    its machine value: the <time> itself, a candidate of its own, says which day it is, so the
    line's printed text is not guessed at."""
    if element.tag == "time" or not order_matters(text):
        return False
    return any(machine_stamp(stamp) for stamp in element.iter("time"))


def _printed(text: str, value: datetime) -> PrintedDate | None:
    """The stamp as read, or None when its label names the latest of several events ("Cập nhật
    lần cuối", "Bình luận mới nhất", "Last updated"): a last edit's or a last comment's time, which
    is never the article's one publication."""
    label = folded(text)
    if _LATEST.search(label):
        return None
    return PrintedDate(
        value, bool(_UPDATE_LABEL.search(label)), bool(_PRINT_EDITION.search(label)), is_relative(text)
    )


def find_printed_date(
    tree: HtmlElement,
    index: PageIndex,
    headline: HtmlElement | None,
    crawled: datetime,
    conventions: DateConventions | None = None,
) -> PrintedDate | None:
    """The date printed next to the headline, or None: without a headline to anchor on, a
    printed date cannot be told apart from the header clock, so none is guessed."""
    if headline is None:
        return None
    headline_at = index.of(headline)
    conventions = conventions or DateConventions(tree)
    near_blocks = [a for a in list(ancestors(headline))[:_SAME_BLOCK_LEVELS] if a.tag not in ("body", "html")]
    near: list[tuple[int, HtmlElement, str]] = []
    for element, text in _candidates(tree, index, headline, headline_at):
        position = index.of(element)
        if position > headline_at:
            distance = position - headline_at
            if distance > _AFTER_HEADLINE:
                continue
        else:
            if not any(block in ancestors(element) for block in near_blocks):
                continue
            distance = 2 * (headline_at - position)
        near.append((distance, element, text))
    # The nearest readable date wins (the first found among equally near ones): candidates are
    # tried nearest first, so the farther ones are not even parsed.
    near.sort(key=lambda candidate: candidate[0])
    update: tuple[HtmlElement, PrintedDate] | None = None
    edition: PrintedDate | None = None
    day: tuple[HtmlElement, PrintedDate] | None = None  # the nearest stamp, if a day without its time
    for _, element, text in near:
        if update is not None and not _same_stamp_block(update[0], element):
            continue
        if (
            not attached(element, tree)
            or _in_chrome(element, headline)
            or _looks_like_clock(element, headline)
        ):
            continue
        if beside_a_teaser(element, headline) or _quoted_or_carded(element):
            continue
        if _holds_two_days(element, crawled, conventions):
            continue  # its stamps, each in an element of its own, are candidates themselves
        text = _publication_part(text)
        if _stamped_inside(element, text) or _DAY_SPAN.search(text):
            continue  # a span of days is an event's, even in an element classed as a date
        value = _read(text, crawled, conventions)
        if value is None:
            continue
        parent = element.getparent()
        if (value.hour, value.minute, value.second) == (0, 0, 0) and parent is not None:
            value = _with_line_clock(parent, value, crawled, conventions)
        printed = _printed(_labelled(element, text), value)
        if printed is None:
            continue
        if not printed.updated and _classed_as_update(element):
            printed = replace(printed, updated=True)
        if printed.print_edition:  # the paper's day: a web stamp anywhere in the byline area wins
            edition = edition or printed
            continue
        if not printed.updated:
            if day is None and not day_only(printed):
                return printed
            if day is None:
                day = (element, printed)  # a breadcrumb's or a weekday line's day: its time may follow
            elif _completes(day, element, printed):
                return printed
            continue
        # An update time: the publication time printed beside it, in its own element, wins.
        update = update or (element, printed)
    found = day[1] if day else (update[1] if update else edition)
    return found or _date_heading(headline, crawled, conventions)


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_POST_LEVELS = 5  # containers between a blog's day heading's group and the post's title


def _date_heading(
    headline: HtmlElement, crawled: datetime, conventions: DateConventions
) -> PrintedDate | None:
    """The day a blog prints as a heading over the posts of that day (Blogger's
    `<h2 class="date-header">` before the block holding the post and its title): a heading that is
    a date line and nothing else, the first text before one of the headline's containers. Asked
    only when no date is printed next to the headline: it names the day, not the time."""
    for block in [headline, *list(ancestors(headline))[:_POST_LEVELS]]:
        if block.tag in ("body", "html"):
            return None
        before = block.getprevious()
        while before is not None and (not isinstance(before.tag, str) or not before.text_content().strip()):
            before = before.getprevious()  # an anchor, a meta tag: no text between
        if before is None:
            continue
        text = " ".join(before.text_content().split())
        if before.tag not in _HEADING_TAGS or in_chrome(before) or not 6 <= len(text) <= 60:
            return None  # the nearest text before the post is something else
        value = _read(text, crawled, conventions) if _is_date_line(text) else None
        return _printed(text, value) if value is not None else None
    return None


def _holds_two_days(element: HtmlElement, crawled: datetime, conventions: DateConventions) -> bool:
    """Whether the element wraps two stamps on different days, each in an element of its own:
    "Posted on <time>2 May 2024</time><time class="updated">5 June 2025</time>", or a theme's
    hidden update stamp glued before the printed day. The wrapper's text runs them together, and
    reading it gives whichever comes first (or a day made of both); the stamps inside are read
    one by one instead, with their own labels and classes. Printed texts only: a <time>'s machine
    value is the same stamp as its printed day, often in another zone."""
    if not len(element):
        return False
    days = set()
    for node in element.iterdescendants():
        text = " ".join((node.text or "").split()) if isinstance(node.tag, str) else ""
        if 6 <= len(text) <= 80 and _YEAR.search(text):
            # The day as written: "2020-03-08T18:30:30Z" is the 8th, as the "08/03/2020 15h30"
            # printed beside it, though it falls on the 9th in Vietnam.
            written = _ISO_DAY.match(text)
            value = _read(written[1] if written else text, crawled, conventions)
            if value is not None:
                days.add(value.date())
    return len(days) > 1


_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d")


def _in_chrome(element: HtmlElement, headline: HtmlElement) -> bool:
    """In the page's header, navigation, sidebar or footer (`dom.in_chrome`), unless the <header>
    it sits in holds the headline too: `<header class="article-head">` around the h1 and its date
    line is the article's own heading block, not the site's banner. Inside that header, a nav or
    an aside is still chrome, and so is the header when it sits in chrome itself."""
    if not in_chrome(element):
        return False
    own = set(ancestors(headline))
    for node in [element, *ancestors(element)]:
        if node.tag == "header" and node in own:
            parent = node.getparent()
            return parent is not None and in_chrome(parent)
        if node.tag in CHROME_LANDMARKS or node.get("role") in _CHROME_ROLES:
            return True
    return True


_CHROME_ROLES = frozenset({"banner", "navigation", "complementary", "contentinfo"})


def _classed_as_update(element: HtmlElement) -> bool:
    """A stamp whose class names a modification (`<time class="dateModified">`, `_names_update`),
    on the element or on the one element inside it that prints all of its text (a wrapper's only
    stamp)."""
    text = element.text_content().strip()
    return any(
        _names_update(node)
        for node in element.iter()
        if isinstance(node.tag, str) and (node is element or node.text_content().strip() == text)
    )


def _names_update(node: HtmlElement) -> bool:
    """Class words naming a modification ("dateModified"), hAtom's class "updated" on a stamp not
    also classed "published" (a theme's hidden `<span class="updated">` beside the printed day), or
    schema.org's `itemprop="dateModified"`.
    hAtom's are whole class names: "publication-data__updated" is a template's block name, which
    holds the publication stamp too."""
    classes = (node.get("class") or "").split()
    hatom = _HATOM_UPDATE in classes and _HATOM_PUBLISHED not in classes
    itemprops = set((node.get("itemprop") or "").lower().split())
    return hatom or bool(words_of(node) & _UPDATE_CLASSES) or bool(itemprops & _UPDATE_ITEMPROPS)


def _quoted_or_carded(element: HtmlElement) -> bool:
    """A stamp inside a quoted post (an embedded tweet's or forum post's day, in a <blockquote>) or
    inside a card linking to another story (`in_a_story_card`): that post's or story's day, set in
    the article's text, not the article's own."""
    return any(node.tag == "blockquote" for node in ancestors(element)) or in_a_story_card(element)


def _completes(day: tuple[HtmlElement, PrintedDate], element: HtmlElement, printed: PrintedDate) -> bool:
    """Whether a stamp found after a day printed without its time gives that day's time: the same
    day with a time, printed in the day's own stamp block (the day and the clock set in two cells).
    A stamp on that day elsewhere (a reader comment's, another story's) is another moment of it: the
    day stays date-only here; the article's closing stamp is asked afterwards (`with_closing`), and
    metadata on that day is preferred anyway (published.py)."""
    return (
        printed.value.date() == day[1].value.date()
        and not day_only(printed)
        and _same_stamp_block(day[0], element)
    )


def day_only(printed: PrintedDate) -> bool:
    """Whether the stamp prints a day without a time of day (read as midnight)."""
    return (printed.value.hour, printed.value.minute, printed.value.second) == (0, 0, 0)


def with_closing(printed: PrintedDate | None, closing: PrintedDate | None) -> PrintedDate | None:
    """The headline's stamp, completed by the closing one: a print edition's day or no stamp at
    all yields to the closing stamp; a day printed without its time takes the time of a closing
    stamp on that day ("Trang chủ › Nông nghiệp › 18/6/2015" above the h1, "18/6/2015 15:07"
    after the text); a closing stamp on another day is not believed over the headline's."""
    if printed is None or printed.print_edition:
        return closing or printed
    same_day = closing is not None and closing.value.date() == printed.value.date()
    return closing if same_day and closing is not None and not day_only(closing) else printed


def _read(text: str, crawled: datetime, conventions: DateConventions) -> datetime | None:
    month_first = conventions.month_first if order_matters(text) else False
    value = parse_vietnamese_date(text, now=crawled, month_first=month_first)
    if value is not None and not writes_offset(text) and conventions.zone is not None:
        # The page's declared zone is read (from its whole text) only for a date that names none.
        value = parse_vietnamese_date(text, now=crawled, month_first=month_first, zone=conventions.zone)
    return value if value is not None and plausible(value, crawled) else None


def _with_line_clock(
    parent: HtmlElement, value: datetime, crawled: datetime, conventions: DateConventions
) -> datetime:
    """A day whose time is printed in a sibling node ("<span>Ngày đăng:</span> <span>12/7/2015</span>
    | <span>20:31</span>"): the whole line's reading, when it names the same day."""
    line = short_text(parent, limit=80)
    if not line or not _is_date_line(line):
        return value
    whole = _read(_publication_part(line), crawled, conventions)
    return whole if whole is not None and whole.date() == value.date() else value


def _same_stamp_block(first: HtmlElement, other: HtmlElement) -> bool:
    """Whether two date elements sit in one stamp block (siblings, or cousins under one wrapper)."""
    near = {first, *list(ancestors(first))[:2]}
    return any(node in near for node in [other, *list(ancestors(other))[:2]])


def closing_date(
    lines: Sequence[str],
    tree: HtmlElement,
    crawled: datetime,
    conventions: DateConventions | None = None,
    last_paragraph: str | None = None,
) -> PrintedDate | None:
    """The date printed with the article's closing byline ("Lan Anh/VTV.vn • Ngày đăng: 03/01/2020",
    or "Lan Anh - PV" then "03-01-2020" on a line of its own), the lines the body took as the
    byline and its date line, then the date lines printed right after the last paragraph
    (`last_paragraph`), which a body extractor leaves out with the template's footer. Asked only
    when neither the metadata nor the headline's byline area gives a date: outlets that sign at
    the end print the day there. A publication time beats an update time printed beside it."""
    conventions = conventions or DateConventions(tree)
    after = _stamps_closing_text(tree, last_paragraph) if last_paragraph else []
    update: PrintedDate | None = None
    for text in [*lines, *after]:
        if not any(c.isdigit() for c in text) or not looks_like_date(text):
            continue
        text = _publication_part(text)
        value = _read(text, crawled, conventions)
        printed = _printed(text, value) if value is not None else None
        if printed is None:
            continue
        if not printed.updated:
            return printed
        update = update or printed
    return update


_TEXT_NODES = etree.XPath("//body//text()")
_AFTER_TEXT_LINES = 3  # lines read after the last paragraph: a byline, its date, an update time
_BOX_TAGS = frozenset({"a", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
_CLOSING_MARKS = " .!?…:;\"'”’)»*"


def _is_stamp_line(line: str) -> bool:
    stamp = is_stamp(line) or _PRINT_EDITION.search(folded(line)) is not None
    return stamp and _is_date_line(line)


def _stamps_closing_text(tree: HtmlElement, last_paragraph: str) -> list[str]:
    """The body's last paragraph when it is itself a date stamp, else the stamps printed after it."""
    if len(last_paragraph) <= 80 and _is_stamp_line(last_paragraph):
        return [last_paragraph]
    return _lines_after_text(tree, last_paragraph)


def _lines_after_text(tree: HtmlElement, last_paragraph: str) -> list[str]:
    """The date stamps among the first lines printed after the article's last paragraph, read up
    to the first link, list or heading (a related-article box and its teasers' dates come there).
    A stamp has a time of day or a label: "Hà Nội, ngày 15/11/2025" closing a letter or a
    decision quoted in full dates that document, not the article. A <time> is read from its
    machine value, which often has the time of day its printed day leaves out."""
    words = last_paragraph.rstrip(_CLOSING_MARKS).split()
    if len(words) < 3:
        return []
    texts = _TEXT_NODES(tree)
    start = None
    for width in (6, 3, 1):  # the most words that one text node holds (an inline element may split them)
        key = " ".join(words[-width:])
        ends = (
            i for i, node in enumerate(texts) if " ".join(node.split()).rstrip(_CLOSING_MARKS).endswith(key)
        )
        start = next(ends, None)
        if start is not None:
            break
    if start is None:
        return []
    found: list[str] = []
    seen = 0
    for node in texts[start + 1 :]:
        holder = node.getparent()
        if holder is not None and node.is_tail:
            holder = holder.getparent()
        if holder is None or holder.tag in NON_CONTENT_TAGS or not node.strip():
            continue
        if any(el.tag in _BOX_TAGS for el in [holder, *list(ancestors(holder))[:2]]):
            break
        machine = machine_stamp(holder) if holder.tag == "time" else None
        line = machine or short_text(holder, limit=80) or " ".join(node.split())
        if _is_stamp_line(line) and line not in found:
            found.append(line)
        seen += 1
        if seen >= _AFTER_TEXT_LINES:
            break
    return found
