"""Body cleanup: from trafilatura's blocks to the article text a journalist would quote.

Each rule removes one kind of non-article text that Vietnamese templates put inside or right
around the body container, and each is phrased for the kind, not for a site (see
docs/extraction.md). Order matters and is the order of `clean_body`:

1. empty/punctuation-only blocks;
2. captions (known from the DOM, or shaped like one: "… - Ảnh: T.K") → `captions`;
3. the headline repeated at the top;
4. date lines at the top or bottom (the header clock "Thứ năm 16/01/2025 21:05", "Cập nhật: …"),
   and over the first paragraph a stamp or a breadcrumb trail read by shape and the printed
   headline worded otherwise than the title (opening_lines.py);
5. prompts: "Theo dõi … trên Google News/Zalo", QR boxes, share/comment/login/print buttons;
6. tag lists ("Từ khóa: …" and the items after it) → `tags`;
7. labelled related/teaser lists ("Tin liên quan", "Có thể bạn quan tâm" …): an end-of-article
   label in the last part of the text cuts everything after it;
8. blocks that are all link text (related headlines) and lottery/stock/price/weather widgets,
   and another story's teaser summary cut off with an ellipsis, wherever it stands;
9. the closing byline (names, agency, outlet in the last blocks) → `authors`/`source_agency`, once
   a writer's bio after the signature has gone;
10. paragraphs repeated verbatim (templates that print a paragraph twice), and pull quotes: a
    sentence set apart that a longer paragraph prints word for word;
11. the lead put first, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from crawler.extraction.blocks import Block
from crawler.extraction.byline import (
    Byline,
    has_byline_label,
    is_marked_credit,
    parse_byline,
    says_only_names,
)
from crawler.extraction.chrome import END_LABELS, is_related_label, is_tag_label, label_key
from crawler.extraction.contact_boxes import contact_box_start
from crawler.extraction.dates import looks_like_date
from crawler.extraction.image_captions import closes_with_credit
from crawler.extraction.keys import folded, squash
from crawler.extraction.opening_lines import opening_furniture
from crawler.extraction.outlet import OutletNames, site_key
from crawler.extraction.places import without_leading_place
from crawler.extraction.title import kicker_before, strip_marks
from crawler.extraction.vocab import AnyBranch, LimitedPatterns, load, pattern
from crawler.urls import address_key

_HAS_WORD = re.compile(r"\w")
# "… - Ảnh: K.T", "(Ảnh: Nhà trường cung cấp)": a photo credit closing a short block. Dots are allowed
# inside the credit (initials) but not a sentence break.
_CAPTION_SHAPE = re.compile(
    r"(?:^|[\s(\-–|])(?:ảnh|nguồn\s*ảnh|ảnh\s*minh\s*họa|video|clip)\s*:\s*(?:[^.!?]|\.(?!\s)){1,60}\.?\)?\s*$",
    re.I,
)
_ILLUSTRATION = re.compile(r"\(?\s*ảnh\s*(?:minh\s*họa|tư\s*liệu|chụp\s*màn\s*hình)\s*\)?\s*\.?$", re.I)
_CAPTION_MAX_WORDS = 60
# Vocabularies of non-article text (prompts, widgets, date-line words): crawler/extraction/data/body.toml.
_VOCAB = load("body")
# A picture's credit alone on its line ("Image: Agency"), read in the lower-cased line (not folded:
# "Anh:" opens an interview's answer, "Ảnh:" a credit).
_CREDIT_LINE = re.compile(
    r"^\W*(?:" + "|".join(map(re.escape, _VOCAB["credit_lines"]["labels"])) + r")\s*:\s*"
    rf"[^.!?:]{{1,{_VOCAB['credit_lines']['max_chars']}}}\W*$"
)
# Reader prompts and buttons, as (pattern on the folded text, longest such line in words). They
# are imperative and short; the word limits keep an article sentence that merely mentions Zalo or
# "mã QR" (OCOP products carry QR codes for traceability) out of their reach.
_PROMPTS = tuple((AnyBranch(pattern(entry["pattern"])), entry["max_words"]) for entry in _VOCAB["prompts"])
_PROMPT_MAX_WORDS = max(limit for _, limit in _PROMPTS)  # a longer line is never a prompt
_PROMPT_PATTERNS = LimitedPatterns((pattern.pattern, limit) for pattern, limit in _PROMPTS)  # tried at once
_END_CUT_AFTER = 0.5  # share of the text before an end label for the label to cut the rest
_LINK_ONLY = 0.8
_LINK_ONLY_MAX_WORDS = 40
_TEASER_LINK = 0.5
_LOTTERY = re.compile(r"\b(?:" + "|".join(_VOCAB["widgets"]["lottery"]) + r")\b")
_MARKET = re.compile(r"\b(?:" + "|".join(_VOCAB["widgets"]["market"]) + r")\b")
_WIDGET_MAX_WORDS = 80
_DATE_LINE_MAX_WORDS = 12
_DATE_LINE_WORDS = re.compile(r"\b(?:" + "|".join(_VOCAB["date_lines"]["words"]) + r")\b")
_CLOSING_LINES = 3
_SOURCE_CREDIT = re.compile(r"^\s*(?:theo|nguồn)\b", re.I)
_DEDUPE_MIN_WORDS = 4
_PULL_QUOTE_MIN_WORDS = 8  # a shorter line may well recur inside a paragraph ("Ngày 12.3, …")


@dataclass
class BodyContext:
    """What the page told us outside the body, used to recognise it inside the body."""

    title: str = ""
    lead: str = ""
    captions: Sequence[str] = ()
    outlet: OutletNames = field(default_factory=lambda: OutletNames(()))
    crawled: datetime | None = None
    signatures: frozenset[str] = frozenset()  # folded texts of right-aligned short lines (byline.py)
    headings: frozenset[str] = frozenset()  # folded texts of centred short lines (byline.py)
    teasers: frozenset[str] = frozenset()  # folded headlines and summaries of other stories (teasers.py)
    author_boxes: frozenset[str] = frozenset()  # folded texts of boxes about the writer (byline.py)
    byline_lines: frozenset[str] = frozenset()  # squashed texts of the page's byline element (byline.py)
    section_links: frozenset[str] = frozenset()  # squashed texts of section links by the headline (byline.py)
    # Writers other sources name (structured data, meta tags, the byline element), case-folded:
    # a bare name opening the text is the byline when one of them agrees.
    named_elsewhere: frozenset[str] = frozenset()
    # Squashed texts of the h1 headings the page shows: the headline as printed, when the title
    # chosen is another wording of it (og:title); a copy over the first paragraph goes.
    printed_headlines: frozenset[str] = frozenset()
    # address_key()s of the page's own addresses (fetched and canonical): a line citing them is
    # the page's "cite as" or permalink line.
    page_addresses: frozenset[str] = frozenset()


@dataclass
class CleanBody:
    paragraphs: list[str] = field(default_factory=list)
    lead: str = ""
    captions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    byline: Byline | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (rule, text): why each block went

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _words(text: str) -> int:
    return len(text.split())


def _drop(result: CleanBody, rule: str, block: Block) -> None:
    result.dropped.append((rule, block.text))


def _filter(
    blocks: list[Block], result: CleanBody, rule: str, unwanted: Callable[[Block], bool]
) -> list[Block]:
    kept: list[Block] = []
    for block in blocks:
        if unwanted(block):
            _drop(result, rule, block)
        else:
            kept.append(block)
    return kept


def _is_caption(block: Block, caption_keys: set[str]) -> bool:
    key = block.key
    if key in caption_keys or (len(key) >= 20 and any(key in c for c in caption_keys)):
        return True
    if has_byline_label(block.text):
        return False
    text = block.text
    if _CREDIT_LINE.match(text.lower()):
        return True
    # Substring tests first (the colon and the word "ảnh" each pattern needs): the regexes, tried
    # at every position of a long paragraph, cost more than the rest of the caption rule.
    return _words(text) <= _CAPTION_MAX_WORDS and bool(
        (":" in text and _CAPTION_SHAPE.search(text))
        or ("ảnh" in text.lower() and _ILLUSTRATION.search(text))
        or closes_with_credit(text)
    )


def is_date_line(text: str, crawled: datetime | None = None) -> bool:
    """A short line that is only a date/time stamp, with at most a label or outlet abbreviation,
    after the place of a dateline ("Buôn Ma Thuột, ngày 15/11/2025" under a signature)."""
    if _words(text) > _DATE_LINE_MAX_WORDS or not looks_like_date(text, now=crawled):
        return False
    leftover = re.sub(r"\d+", " ", folded(without_leading_place(text)))
    leftover = _DATE_LINE_WORDS.sub(" ", leftover)
    return len(re.findall(r"[a-z]{2,}", leftover)) <= 2


def is_prompt(text: str) -> bool:
    words = _words(text)
    if words > _PROMPT_MAX_WORDS:
        return False
    return _PROMPT_PATTERNS.search(folded(text), words)


def is_widget(block: Block) -> bool:
    """Lottery results anywhere; market/price/weather teasers only when they are links."""
    if _words(block.text) > _WIDGET_MAX_WORDS:
        return False
    if len(_LOTTERY.findall(block.text.lower())) >= 2:
        return True
    return block.link_ratio >= _TEASER_LINK and bool(_MARKET.search(folded(block.text)))


# A photo carousel's position counter printed on its own: "Ảnh 3/9", "1 / 12", "(2/5)".
_COUNTER = re.compile(
    r"^\(?\s*(?:(?:ảnh|hình|hình\s*ảnh|photo|slide)\s*)?(\d{1,3})\s*/\s*(\d{1,3})\s*\)?$", re.I
)


def _is_counter(block: Block) -> bool:
    """ "Ảnh 3/9" alone on a line: which slide is shown, no text of the story (the first number
    is a position among the second: "3/2" is no counter)."""
    match = _COUNTER.match(block.text.strip())
    return match is not None and 1 <= int(match[1]) <= int(match[2])


# " … ô nhiễm. >> Rác nhựa - nỗi lo chung": a related link written with an arrow after the last sentence.
_TRAILING_ARROW_LINK = re.compile(r"(?<=[.!?…])\s*(?:>>|»|>\s>)\s*[^\n]{3,160}$")


def _split_lines(blocks: list[Block], result: CleanBody, title: str) -> list[Block]:
    """A block written as several lines (`<br>`) can hold a repeated headline or a ">> related
    link" line after the sapo; those lines go, the rest of the block stays. So does a date stamp
    right beside the repeated headline (the article's header read as one block: "Thứ bảy,
    29/12/2012, 09:12⏎Headline⏎Sapo …", when the body extractor falls back to the whole page)."""
    key = squash(title)
    out: list[Block] = []
    for block in blocks:
        if _TRAILING_ARROW_LINK.search(block.text):
            result.dropped.append(("arrow link", block.text))
            block = replace(block, text=_TRAILING_ARROW_LINK.sub("", block.text))
        lines = [line.strip() for line in block.text.split("\n")]
        if len(lines) < 2:
            out.append(block)
            continue
        headline_at = {i for i, line in enumerate(lines) if line and squash(line) == key}
        near = {i for h in headline_at for i in (h - 1, h + 1) if 0 <= i < len(lines)}
        beside = {i for i in near if is_date_line(lines[i])}
        kept = [
            line
            for i, line in enumerate(lines)
            if line and i not in headline_at and i not in beside and not is_prompt(line)
        ]
        if len(kept) == len([line for line in lines if line]):
            out.append(block)
            continue
        result.dropped.append(("line", block.text))
        if kept:
            out.append(replace(block, text="\n".join(kept)))
    return out


def _drop_headline(blocks: list[Block], result: CleanBody, title: str) -> list[Block]:
    key = squash(title)
    if not key:
        return blocks
    kept: list[Block] = []
    for block in blocks:
        if (
            block.key == key
            or _dated_headline(block.text, title)
            or _breadcrumb(block, title)
            or kicker_before(block.key, key)
            or (key in block.key and squash(strip_marks(block.text)) == key)
        ):
            # at the top, or heading a second copy of the article (print, mobile); or glued to the
            # date line printed over it ("Thứ sáu, 21/12/2012, 09:12 GMT+7Headline"); or closing
            # the trail of links over it ("Trang chủ » Kinh tế » Headline"); or under a kicker
            # glued before it ("ĐỘC QUYỀN Headline", the title without it); or with the medium
            # marks the title leaves out ("Headline | Emagazine")
            _drop(result, "headline", block)
            if len(kept) == 1 and _is_kicker(kept[0]):
                _drop(result, "kicker", kept.pop())
            continue
        kept.append(block)
    return kept


_KICKER_WORDS = 3


def _is_kicker(block: Block) -> bool:
    """A heading of a few words, no sentence, printed alone over the headline at the top of the
    text: the section's or the story's kicker ("Auto", "Reise & Freizeit"), as set above an h1."""
    return (
        block.kind == "head"
        and _words(block.text) <= _KICKER_WORDS
        and not block.text.rstrip().endswith((".", "!", "?", ":"))
    )


_TRAIL_WORDS = 12
_TRAIL_LINK_SHARE = 0.8
_TRAIL_MARKS = re.compile(r"[\s>»›/|·•:\-–—]+")


def _breadcrumb(block: Block, title: str) -> bool:
    """The headline closing a breadcrumb trail: what comes before it is links (and the marks
    between them). Class words ("breadcrumb") find the trail on most pages; this reads its shape
    where they say nothing."""
    text, title = " ".join(block.text.split()), " ".join(title.split())
    if not title or not block.link_chars or text == title or not text.endswith(title):
        return False
    trail = text[: -len(title)]
    letters = len(_TRAIL_MARKS.sub("", trail))
    return 0 < letters <= block.link_chars / _TRAIL_LINK_SHARE and len(trail.split()) <= _TRAIL_WORDS


def _dated_headline(text: str, title: str) -> bool:
    text, title = " ".join(text.split()), " ".join(title.split())
    if text == title or not title or not (text.endswith(title) or text.startswith(title)):
        return False
    return is_date_line(text.replace(title, " ", 1))


# "Label: value" on one short line: a field of a fact box ("Einsendeschluss: 3. November").
_FIELD = re.compile(r"^[^\W\d][^:\n]{0,40}:\s*\S[^\n]*$")
_FIELD_WORDS = 12
_FIELD_RUN = 3


def _fields(blocks: Sequence[Block], crawled: datetime | None) -> set[int]:
    """Indexes of the blocks in runs of three or more "Label: value" lines, one of which holds no
    date: the facts of an offer or an event ("Zeitraum: …", "Einsendeschluss: …", "Teilnahme:
    einmal pro Haushalt"). A date among them is one of the facts, not the page's stamp; a stamp
    stands alone or beside a source line."""
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, None]):
        if block is not None and _words(block.text) <= _FIELD_WORDS and _FIELD.match(block.text):
            run.append(index)
            continue
        if len(run) >= _FIELD_RUN and any(not is_date_line(blocks[i].text, crawled) for i in run):
            found.update(run)
        run = []
    return found


def _drop_date_lines(blocks: list[Block], result: CleanBody, crawled: datetime | None) -> list[Block]:
    edge = 3
    fields = _fields(blocks, crawled)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        at_edge = index < edge or index >= len(blocks) - edge
        if at_edge and index not in fields and is_date_line(block.text, crawled):
            _drop(result, "date line", block)
        else:
            kept.append(block)
    return kept


def _drop_opening_furniture(
    blocks: list[Block], result: CleanBody, printed_headlines: frozenset[str] = frozenset()
) -> list[Block]:
    """A date stamp in a language the date rules do not read, a breadcrumb trail, and the printed
    headline in another wording than the title, over the first paragraph (opening_lines.py)."""
    furniture = opening_furniture(blocks, printed_headlines)
    for index in sorted(furniture):
        _drop(result, "opening stamp or trail", blocks[index])
    return [block for index, block in enumerate(blocks) if index not in furniture]


_OPENING_LINES = 3
_BYLINE_CHARS = 130  # longer than any byline parse_byline reads (120 after clean-up)
_PROSE_WORDS = 12
_OPENING_LABEL_WORDS = 3


def _drop_byline_lines(blocks: list[Block], result: CleanBody, byline_lines: frozenset[str]) -> list[Block]:
    """The page's byline element kept by the body extractor as a line at either edge of the text
    (a `<p class="tacgia">` or a bold name under the headline inside the article's container):
    the byline was read from it already, it is not text."""
    if not byline_lines:
        return blocks
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        at_edge = index < _OPENING_LINES or index >= len(blocks) - _CLOSING_LINES
        if at_edge and (block.key in byline_lines or _is_byline_bar(block.text, byline_lines)):
            _drop(result, "byline element", block)
        else:
            kept.append(block)
    return kept


_BAR_SEPARATORS = re.compile(r"\n|\s[|•·]\s?|\s?[|•·]\s")
_BAR_MAX_WORDS = 20


def _is_byline_bar(text: str, byline_lines: frozenset[str]) -> bool:
    """The byline element's line with the date and the section printed beside it ("Theo X |
    14-05-2026 - 09:20 | Thị trường"): a short line holding a date, one piece of which (between
    line breaks or bars) is the byline. Templates whose class names mark the bar have the body
    extractor leave it out; with opaque names it keeps the bar as the text's first block."""
    if _words(text) > _BAR_MAX_WORDS or not looks_like_date(text):
        return False
    return any(squash(piece) in byline_lines for piece in _BAR_SEPARATORS.split(text) if piece.strip())


def _opening_byline(block: Block, outlet: OutletNames, named_elsewhere: frozenset[str]) -> Byline | None:
    """The block read as a byline when something says it is one: a label or a date beside the
    names ("Bài và ảnh: Hà Linh", "Trần Ngọc Bích (Thứ năm, 07/03/2013)"), bold type, a credit's own marks
    (an agency, "Theo", "PV", a role note: `byline.is_marked_credit`), or another source naming
    the same writer (structured data, a meta tag, a byline element). A bare name with none of
    these stays text: an opening line shaped like a name may be a kicker or a place."""
    if len(block.text) > _BYLINE_CHARS:
        return None  # prose: parse_byline would refuse it, after cleaning the whole paragraph
    # a label, a date beside the names, or the name set in bold on its own line
    marked = has_byline_label(block.text) or looks_like_date(block.text) or block.bold
    byline = parse_byline(block.text, outlet, min_words=2)
    credited = byline is not None and (byline.authors or byline.agency)
    if byline is not None and credited and (marked or is_marked_credit(block.text, byline)):
        return byline
    if not named_elsewhere:
        return None
    # agreement: a one-word name or initials ("H.M.T") count too when another source says them
    byline = parse_byline(block.text, outlet, min_words=1)
    agreed = byline is not None and any(name.casefold() in named_elsewhere for name in byline.authors)
    return byline if agreed else None


def _take_opening_byline(
    blocks: list[Block],
    result: CleanBody,
    outlet: OutletNames,
    named_elsewhere: frozenset[str] = frozenset(),
    lead: str = "",
    headings: frozenset[str] = frozenset(),
    section_links: frozenset[str] = frozenset(),
) -> list[Block]:
    """The byline bar's pieces that the body extractor kept as the first lines, before any prose
    (the lead does not count: templates print the byline between the sapo and the text), are the
    byline, not text, when they read as one in full (`_opening_byline`); a label of one to three
    words that ends no sentence and names no one ("Chi tiết", a kicker) is the template's. A
    centred line (`headings`) is neither: it heads a box of the text ("TIN BUỒN" over an obituary)."""
    lead_key = squash(lead)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index < _OPENING_LINES and " ".join(folded(block.text).split()) not in headings:
            prose = [b for b in kept if len(b.text.split()) >= _PROSE_WORDS]
            if not any(b.key != lead_key for b in prose):
                byline = _opening_byline(block, outlet, named_elsewhere)
                if byline is not None and block.link_chars and _names_sections(block, byline, section_links):
                    # a section's link on the date line ("Nông Trại Xanh 07:40 …"): chrome
                    _drop(result, "section line", block)
                    continue
                if byline is not None:
                    result.byline = result.byline or byline  # a closing byline, read later, wins
                    _drop(result, "opening byline", block)
                    continue
            if not prose and _is_opening_label(block, outlet):
                _drop(result, "opening label", block)
                continue
        kept.append(block)
    return kept


def _names_sections(block: Block, byline: Byline, section_links: frozenset[str]) -> bool:
    """The line is a name and a date, and the name is the text of a link to a section's page
    (byline.section_links): the line says where the story is filed."""
    return (
        len(byline.authors) == 1
        and squash(byline.authors[0]) in section_links
        and says_only_names(block.text, byline)
    )


def _is_opening_label(block: Block, outlet: OutletNames) -> bool:
    words = block.text.split()
    return (
        block.kind in ("p", "item")
        and 1 <= len(words) <= _OPENING_LABEL_WORDS
        and not re.search(r"[.!?…:;,\d\"“”。、，！？：；]", block.text)  # CJK sentences punctuate too
        and parse_byline(block.text, outlet, min_words=1) is None
    )


def _take_tags(blocks: list[Block], result: CleanBody) -> list[Block]:
    kept: list[Block] = []
    tag_group: int | None = None
    for block in blocks:
        label, _, rest = block.text.partition(":")
        if is_tag_label(block.text):
            tag_group = block.group if block.kind == "item" else -2
            _drop(result, "tag label", block)
            continue
        if rest and is_tag_label(label) and block.link_ratio >= 0.3:
            result.tags.extend(t.strip() for t in re.split(r"[,;|]", rest) if t.strip())
            _drop(result, "tag list", block)
            continue
        if tag_group is not None and (
            block.group == tag_group
            or (tag_group == -2 and block.link_ratio >= _LINK_ONLY and _words(block.text) <= 8)
        ):
            result.tags.append(block.text)
            _drop(result, "tag", block)
            continue
        tag_group = None
        kept.append(block)
    return kept


_LABELLED_LINK_LABEL_WORDS = 6  # "Có thể bạn quan tâm", "Video đang xem nhiều"
_LABELLED_LINK_MAX_WORDS = 40
_LABELLED_LINK_SHARE = 0.9  # of the text after the label: the headline is the link


def _link_lines(block: Block) -> list[tuple[str, str]]:
    """For a block that is a few words and then one of the outlet's headlines as a link, on one
    line ("TIN LIÊN QUAN <a>…</a>"): each way to read it as (label words, link text) whose link
    text is nearly all that follows the label. None for a sentence that goes on after its link
    ("Xem thêm thông tin tại <a>trang của Sở</a> trước …"), a link leaving the site (a source
    the author cites), and rows and items (a table's rows naming one product, "Britax … | 370 €")."""
    if block.kind != "p" or not block.link_chars or block.links_out or "\n" in block.text:
        return []  # a table row or list item naming the same product twice is data
    words = block.text.split()
    if len(words) > _LABELLED_LINK_MAX_WORDS:
        return []
    readings = []
    for count in range(1, min(_LABELLED_LINK_LABEL_WORDS, len(words) - 1) + 1):
        rest = " ".join(words[count:]).strip(" :>»-–|")
        if block.link_chars >= _LABELLED_LINK_SHARE * len(rest):
            readings.append((" ".join(words[:count]), rest))
    return readings


def _labelled_links(blocks: Sequence[Block]) -> set[int]:
    """Related headlines printed one per line after a label, with no colon or arrow to mark them:
    a related label of our vocabulary before the link ("Video đang xem nhiều <a>…</a>"), or, for a
    wording we do not know, the same words before the link on two lines or more in a row (the
    template prints its box label on every line)."""
    readings = [_link_lines(block) for block in blocks]
    found = {i for i, options in enumerate(readings) if any(is_related_label(label) for label, _ in options)}
    exact = [
        next((squash(label) for label, rest in options if len(rest) <= blocks[i].link_chars + 2), "")
        for i, options in enumerate(readings)
    ]
    for index in range(1, len(blocks)):
        if exact[index] and exact[index] == exact[index - 1]:
            found.update((index - 1, index))
    return found


def _drop_related(blocks: list[Block], result: CleanBody) -> list[Block]:
    total = sum(len(b.text) for b in blocks) or 1
    kept: list[Block] = []
    seen = 0
    in_box = False
    labelled_links = _labelled_links(blocks)
    for index, block in enumerate(blocks):
        seen += len(block.text)
        if index in labelled_links:
            _drop(result, "labelled related link", block)
            continue
        if is_related_label(block.text):
            if label_key(block.text) in END_LABELS and seen / total >= _END_CUT_AFTER:
                for rest in blocks[index:]:
                    _drop(result, "after end label", rest)
                return kept
            in_box = True
            _drop(result, "related label", block)
            continue
        if in_box and (block.link_ratio >= _TEASER_LINK or block.kind == "item"):
            _drop(result, "related item", block)
            continue
        in_box = False
        kept.append(block)
    return kept


_BOX_LABEL_MAX_WORDS = 8


def _is_box_label(block: Block) -> bool:
    """A short heading line that introduces what follows: "Tin tức sự kiện về:", "Bài viết khác";
    or a heading holding such a label and, after the colon, the topic it names as a link (an item
    line "Kreole: <a>…</a>" of a list in the text is no heading)."""
    first = block.text.split("\n")[0].strip()
    if _words(first) <= _BOX_LABEL_MAX_WORDS and first.endswith(":"):
        return True
    label, colon, topic = first.partition(": ")  # a written colon, not an address's "https://"
    return (
        block.kind == "head"
        and bool(colon and topic.strip())
        and _words(label) < _BOX_LABEL_MAX_WORDS
        and block.link_chars >= len(topic.strip())
    )


def _drop_trailing_box(blocks: list[Block], result: CleanBody) -> list[Block]:
    """A box closing the page: a short label line ending in ":" whose block, and everything after
    it, is mostly links (topic boxes, "more about X" lists that follow the article)."""
    end = len(blocks)
    for index in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        block = blocks[index]
        rest = blocks[index:]
        if _is_box_label(block) and all(
            b.link_ratio >= _TEASER_LINK * 0.8 or (b is block and b.link_chars) for b in rest
        ):
            end = index
    for block in blocks[end:]:
        _drop(result, "closing box", block)
    return blocks[:end]


_TRAILING_HEADING_MAX_WORDS = 12


def _signed(block: Block, signatures: frozenset[str]) -> bool:
    """Right-aligned (a signature line of the page) and emphasised: how a signature is set, so a
    pen name ("Papai") counts as a name there."""
    return (block.bold or block.italic) and " ".join(folded(block.text).split()) in signatures


def _is_trailing_label(block: Block, outlet: OutletNames, signatures: frozenset[str] = frozenset()) -> bool:
    """A block that can only introduce something: a heading, a related-box label ("Bài viết
    khác", "Thông tin cập nhật về …", "Xem thêm trên …"), a short line ending in ":" or a short
    bold line that is not a name. At the end of the text there is nothing left for it to introduce."""
    words = _words(block.text)
    if is_related_label(block.text) or (words <= _BOX_LABEL_MAX_WORDS and block.text.rstrip().endswith(":")):
        return True
    if block.kind == "head" and words <= _TRAILING_HEADING_MAX_WORDS:
        return parse_byline(block.text, outlet, min_words=1) is None
    if (
        block.bold
        and words <= _BOX_LABEL_MAX_WORDS
        and not block.text.rstrip().endswith((".", "!", "?", "…"))
    ):
        return parse_byline(block.text, outlet, min_words=1, pen_names=_signed(block, signatures)) is None
    return False


# A summary cut off mid-sentence by the template: "… War der Hersteller anfangs vom ...", "… […]".
_CUT_OFF = re.compile(r"\w\s*[\[(]?\s*(?:\.\.\.|…)\s*[\])]?\s*$")


def _is_cut_off_teaser(block: Block, teasers: frozenset[str]) -> bool:
    """Another story's teaser summary, cut off with an ellipsis, anywhere in the text: a "more
    news" card the template sets between two of the article's paragraphs. Only trailing teasers go
    otherwise (the article's own sapo may be printed as a teaser on its page too), but the article
    never prints its own paragraph cut off."""
    return block.key in teasers and _CUT_OFF.search(block.text) is not None


def _drop_trailing_labels(
    blocks: list[Block],
    result: CleanBody,
    outlet: OutletNames,
    teasers: frozenset[str] = frozenset(),
    signatures: frozenset[str] = frozenset(),
) -> list[Block]:
    """From the end: box labels and headings, and the headlines and summaries of other stories
    (a related story printed after the body), until the article's own text."""
    end = len(blocks)
    while end > 0:
        block = blocks[end - 1]
        if _is_trailing_label(block, outlet, signatures):
            _drop(result, "trailing label", block)
        elif block.key in teasers:
            _drop(result, "trailing teaser", block)
        elif _gives_own_account(block, outlet):
            _drop(result, "outlet's accounts", block)
        else:
            break
        end -= 1
    return blocks[:end]


# An account on another site, by its address or handle: "https://fb.me/x", "twitter.com/@x",
# "ID = @x" (an e-mail address is none).
_ACCOUNT = re.compile(r"\b(?:[\w-]+\.)+[a-z]{2,}/@?([\w.-]{3,})|(?<![\w.@])@([\w.]{3,})", re.I)


def _gives_own_account(block: Block, outlet: OutletNames) -> bool:
    """The block gives the outlet's own accounts elsewhere, named after it: its pages on social
    networks, its donation page ("Facebook https://fb.me/<outlet>", "LINE ID = @<outlet>"). After
    the text that is the outlet's box (follow us, support us) in any language; an account named
    otherwise (a source's, a person's) may be the story's."""
    return any(site_key(found[1] or found[2]) in outlet.keys for found in _ACCOUNT.finditer(block.text))


def _is_link_only(block: Block) -> bool:
    return block.link_ratio >= _LINK_ONLY and _words(block.text) <= _LINK_ONLY_MAX_WORDS


_ADDRESS = re.compile(r"^\s*(?:https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$", re.I)
_CITED_MIN_WORDS = 3


def _in_prose(blocks: Sequence[Block], index: int) -> bool:
    """Inside the article's running text: after a paragraph that is not a link list, and before
    another one, unless that paragraph introduced it ("… sign this petition:")."""

    def prose(block: Block) -> bool:
        return block.kind == "p" and block.link_ratio < _TEASER_LINK and _words(block.text) >= 2

    if index == 0 or not prose(blocks[index - 1]):
        return False
    if blocks[index - 1].text.rstrip().endswith(":"):
        return True
    return index + 1 < len(blocks) and prose(blocks[index + 1])


def _is_cited_link(blocks: Sequence[Block], index: int) -> bool:
    """A paragraph that is one link leaving the site, set between paragraphs of the text: the
    address or page the author points the reader to ("write to: <a>x@y.org</a>", a petition's
    URL, "Here is the event page"). The outlet's own related headlines link to its own pages."""
    block = blocks[index]
    return (
        block.kind == "p"
        and block.links_out
        and (_words(block.text) >= _CITED_MIN_WORDS or bool(_ADDRESS.match(block.text)))
        and _in_prose(blocks, index)
    )


_INTRO_MIN_WORDS = 6  # "… có hiệu lực từ tháng 5 gồm:"; a box label ("Xem thêm:") is shorter
_READING_WORDS = re.compile(r"\b(?:" + "|".join(_VOCAB["announced_lists"]["reading_words"]) + r")\b")


def _introduces(block: Block) -> bool:
    """A sentence of the text that announces what follows ("The new rules are:"), not a label
    and not an invitation to more reading ("Xem thêm các tin bài liên quan dưới đây:")."""
    return (
        block.kind == "p"
        and block.link_ratio < _TEASER_LINK
        and block.text.rstrip().endswith(":")
        and _words(block.text) >= _INTRO_MIN_WORDS
        and not _READING_WORDS.search(folded(block.text))
    )


def _cited_lists(blocks: Sequence[Block]) -> set[int]:
    """Groups of list items, each item a few words, set right after a paragraph or heading of the
    text, that all link off the site (the products, sources or pages the text recommends) or
    that a sentence of the text announces ("… from March are:", a round-up of the outlet's own
    reports on each item). A list of the outlet's own headlines under a box label or after the
    text links to its own pages; share and follow buttons are a word or two."""
    cited: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind != "item" or block.group in cited or (index and blocks[index - 1].group == block.group):
            continue
        before = blocks[index - 1] if index else None
        items = [b for b in blocks[index:] if b.kind == "item" and b.group == block.group]
        if (
            before is not None
            and before.kind in ("p", "head")
            and before.link_ratio < _TEASER_LINK
            and all(_words(b.text) >= _CITED_MIN_WORDS for b in items)
            and (_introduces(before) or all(b.links_out for b in items))
        ):
            cited.add(block.group)
    return cited


def _data_tables(blocks: Sequence[Block]) -> set[int]:
    """Tables with a row that is not links (a header row, a row of figures): a table of the
    article's data whose first column names linked pages (a support matrix of platforms, a
    wiki's items). A table of other stories' headlines is links from row to row."""
    return {block.group for block in blocks if block.kind == "row" and not _is_link_only(block)}


def _drop_link_only(blocks: list[Block], result: CleanBody) -> list[Block]:
    """Blocks that are (nearly) all link text — related headlines, link lists — except a cited
    link or list."""
    cited = _cited_lists(blocks)
    tables = _data_tables(blocks)
    dropped = {
        index
        for index, block in enumerate(blocks)
        if _is_link_only(block)
        and not _is_cited_link(blocks, index)
        and not (block.kind == "item" and block.group in cited)
        and not (block.kind == "row" and block.group in tables)
    }
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index in dropped:
            _drop(result, "link list", block)
        elif index + 1 in dropped and _is_list_label(block):
            _drop(result, "link list label", block)  # "Related Coverage", "Lesen Sie auch:" over the links
        else:
            kept.append(block)
    return kept


_LIST_LABEL_WORDS = 3
_SET_LABEL_WORDS = 5  # "Có thể bạn chưa đọc", set in bold or italics


def _is_list_label(block: Block) -> bool:
    """A heading or a line ending in ":" of a few words without a digit: a box's label ("Related
    Articles", "Auch interessant:"), the shape of one in any language, right over the link list
    it labels (a label of our data files is found by its words). Session 15: also a wholly bold or
    italic line of up to five words that is not written like a name (a word after the first in
    lower case: "Mời xem thêm", "Nội dung liên quan"), how inline boxes set a label no list of
    ours holds. A plain short line there is a signature ("Vy") over the related links, and stays
    for the byline rules, and so does a bold one written like a name ("Minh Anh")."""
    text = block.text.strip()
    if not text or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    if block.kind == "head" or text.endswith(":"):
        return len(words) <= _LIST_LABEL_WORDS
    return (
        (block.bold or block.italic)
        and 2 <= len(words) <= _SET_LABEL_WORDS
        and any(word[:1].islower() for word in words[1:])
        and not text.endswith((".", "!", "?", "…"))
    )


_AUTHOR_BOX_MIN_WORDS = 8  # a shorter line is a byline, read by the byline rules


def _in_author_box(block: Block, boxes: frozenset[str]) -> bool:
    """A sentence of an author box ("X is an editor at …"): about the writer, not the story."""
    return _words(block.text) >= _AUTHOR_BOX_MIN_WORDS and any(block.key in box for box in boxes)


_BIO_MAX_WORDS = 150
_SIGNATURE_MAX_WORDS = 6


def _drop_closing_bio(
    blocks: list[Block], result: CleanBody, outlet: OutletNames, named_elsewhere: frozenset[str]
) -> list[Block]:
    """The writer's bio closing the text where no class word marks an author box: the last block,
    a sentence of 8–150 words whose subject is the writer ("Bế Thị Hồng là cộng tác viên …": the
    name, then the sentence goes on in lower case), the writer being the signature line right
    before it or a writer the byline element or metadata names. It goes, so the signature closes
    the text again and the closing byline reads it."""
    if len(blocks) < 2 or not _AUTHOR_BOX_MIN_WORDS <= _words(blocks[-1].text) <= _BIO_MAX_WORDS:
        return blocks
    text, previous = blocks[-1].text.strip(), blocks[-2].text.strip()
    names = set(named_elsewhere)
    if _words(previous) <= _SIGNATURE_MAX_WORDS and (byline := parse_byline(previous, outlet, min_words=2)):
        names.update(name.casefold() for name in byline.authors)
    folded_text = text.casefold()
    for name in names:
        # a one-word name opens too many sentences ("Trung" / "Trung tâm …")
        if len(name.split()) >= 2 and folded_text.startswith(name):
            rest = text[len(name) :].lstrip(" ,(–-")
            if len(rest) < len(text) - len(name) and rest[:1].islower():
                _drop(result, "writer's bio", blocks[-1])
                return blocks[:-1]
    return blocks


def _drop_prompts(blocks: list[Block], result: CleanBody) -> list[Block]:
    """Reader prompts; an address the text cites (a link leaving the site) is not a "copy link"
    box, which shows the page's own address."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if is_prompt(block.text) and not (_ADDRESS.match(block.text) and _is_cited_link(blocks, index)):
            _drop(result, "prompt", block)
        else:
            kept.append(block)
    return kept


_PHOTO_CREDIT = re.compile(r"^\(?\s*(?:ảnh|photo|video|clip|đồ\s*họa)\s*:\s*[^.!?]{1,60}\)?$", re.I)


def _peel_closing_lines(blocks: list[Block], result: CleanBody, outlet: OutletNames) -> Byline | None:
    """The last block's own closing lines ("…nữ tính.<br>H.V.<br>Ảnh: Misso"): a signature line
    becomes the byline, a photo credit line goes."""
    if not blocks or "\n" not in blocks[-1].text:
        return None
    lines = blocks[-1].text.split("\n")
    found = Byline()
    while len(lines) > 1:
        line = lines[-1].strip()
        if _PHOTO_CREDIT.match(line):
            lines.pop()
            continue
        byline = parse_byline(line, outlet, min_words=1) if _words(line) <= 6 else None
        if byline is None:
            break
        found.authors[:0] = [a for a in byline.authors if a not in found.authors]
        found.agency = found.agency or byline.agency
        lines.pop()
    if len(lines) == len(blocks[-1].text.split("\n")):
        return None
    result.dropped.append(("closing lines", blocks[-1].text))
    first = parse_byline(lines[0], outlet, min_words=2) if len(lines) == 1 and found.authors else None
    if first is not None and first.authors and not first.agency:
        # co-authors one per line ("<b>Phúc Lâm</b><br><b>Lê Hải Đăng</b>"): the block is all credit
        found.authors[:0] = [a for a in first.authors if a not in found.authors]
        blocks.pop()
        return found
    blocks[-1] = replace(blocks[-1], text="\n".join(lines))
    return found if (found.authors or found.agency) else None


_SOURCE_LINE = re.compile(r"^[^\W\d_][\w.&+-]*(?:\s+[^\W\d_][\w.&+-]*){0,2}$")


def _is_source_credit(block: Block, outlet: OutletNames) -> bool:
    """ "Theo Minh Nguyễn/Vcamp.vn": a credit naming where the story was taken from."""
    return bool(_SOURCE_CREDIT.match(block.text)) and parse_byline(block.text, outlet) is not None


def _is_publication_line(block: Block) -> bool:
    """ "Forbes", "The Guardian": the publication a credit line refers to, on a line of its own
    (at most three capitalised words, no sentence)."""
    text = block.text.strip()
    return bool(_SOURCE_LINE.match(text)) and all(word[:1].isupper() for word in text.split())


_SENTENCE_END = re.compile(r"""[.!?…]["'”»)]*$""")


def _after_closed_prose(block: Block, previous: Block) -> bool:
    """A single word alone as the last paragraph, right after a paragraph of prose that ended its
    sentence: where a reader letter's unstyled signature ("Trung") stands. The word must still be
    a capitalised Vietnamese syllable (byline.parse_byline decides)."""
    return (
        len(block.text.split()) == 1
        and block.text[:1].isupper()
        and previous.kind == "p"
        and len(previous.text.split()) >= 8
        and bool(_SENTENCE_END.search(previous.text.strip()))
    )


def _take_closing_byline(
    blocks: list[Block], result: CleanBody, outlet: OutletNames, signatures: frozenset[str] = frozenset()
) -> list[Block]:
    """Names/agency/outlet lines at the very end → byline; scanning stops at the first prose line.
    A one-word name ("Trung", "H.V.") counts when it is set apart like a signature: bold, italic,
    right-aligned, or alone as the last paragraph after closed prose. A publication named on the
    last line under a "Theo …" credit goes with it."""
    peeled = _peel_closing_lines(blocks, result, outlet)
    if peeled is not None:
        result.byline = peeled
        return blocks
    found = Byline()
    end = len(blocks)
    while end > 0 and len(blocks) - end < _CLOSING_LINES:
        block = blocks[end - 1]
        if (
            end == len(blocks)
            and end >= 2
            and _is_publication_line(block)
            and _is_source_credit(blocks[end - 2], outlet)
        ):
            # "Theo Minh Nguyễn/Vcamp.vn" then "Forbes": the publication the credit refers to,
            # however it is set, not a second signature.
            _drop(result, "credited publication", block)
            end -= 1
            continue
        styled = (
            block.bold
            or block.italic
            or " ".join(folded(block.text).split()) in signatures
            or (end == len(blocks) and end >= 2 and _after_closed_prose(block, blocks[end - 2]))
        )
        byline = parse_byline(
            block.text, outlet, min_words=1 if styled else 2, pen_names=_signed(block, signatures)
        )
        if byline is None:
            break
        found.authors[:0] = [a for a in byline.authors if a not in found.authors]
        found.agency = found.agency or byline.agency
        _drop(result, "closing byline", block)
        end -= 1
    if found.authors or found.agency:
        result.byline = found
    return blocks[:end]


def _dedupe(blocks: list[Block], result: CleanBody) -> list[Block]:
    """A paragraph printed again (a second copy of the article for print or mobile, a paragraph a
    template repeats) goes, the first copy stays. Short lines are compared too when they sit next
    to a repeated paragraph: a copy's signature or date line repeats with it. A block that repeats
    a sentence of a longer paragraph word for word (a long-form page's pull quote, set big in a
    quote box before or after the paragraph it comes from) goes too: the paragraph holds it."""
    blocks = _drop_pull_quotes(blocks, result)
    seen: set[str] = set()
    repeated: list[bool] = []
    for block in blocks:
        repeated.append(_words(block.text) >= _DEDUPE_MIN_WORDS and block.key in seen)
        seen.add(block.key)
    seen = set()
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        key = block.key
        beside_repeat = (index > 0 and repeated[index - 1]) or (
            index + 1 < len(blocks) and repeated[index + 1]
        )
        if key in seen and (repeated[index] or beside_repeat):
            _drop(result, "repeated paragraph", block)
            continue
        seen.add(key)
        kept.append(block)
    return kept


def _drop_pull_quotes(blocks: list[Block], result: CleanBody) -> list[Block]:
    if len(blocks) < 2:
        return blocks
    padded = [f" {block.key} " for block in blocks]
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        key = padded[index]
        if _is_sentence_block(block) and any(len(other) > len(key) and key in other for other in padded):
            _drop(result, "pull quote", block)
            continue
        kept.append(block)
    return kept


def _is_sentence_block(block: Block) -> bool:
    """A pull quote is a sentence set apart; a subhead that quotes the paragraph under it ("Nghĩ đất
    còn đó thì cho thuê tiếp") is a heading: bold or a heading element, and ends no sentence."""
    return (
        _words(block.text) >= _PULL_QUOTE_MIN_WORDS
        and block.kind != "head"
        and not block.bold
        and _SENTENCE_END.search(block.text) is not None
    )


def _place_lead(paragraphs: list[str], lead: str) -> tuple[list[str], str]:
    """Lead first and once. A body that opens with the lead (or a longer form of it) keeps its own
    wording; a body that lacks it gets it prepended. Copies are compared without the spaces between
    words: a place stamp glued to the sapo ("Lào CaiSáng nay") is the same text once its dash is
    printed in one copy of the sapo and not in the other (a page printing the sapo twice)."""
    key = _spaceless(lead)
    if not key:
        return paragraphs, paragraphs[0] if paragraphs else ""
    rest = [p for p in paragraphs[1:] if _spaceless(p) != key]
    if paragraphs:
        first = _spaceless(paragraphs[0])
        if key in first:  # the body opens with the lead, maybe with a dateline ("TTO - …")
            return [paragraphs[0], *rest], paragraphs[0]
        if len(first) >= 0.6 * len(key) and first in key:  # the body kept a truncated copy of the sapo
            return [lead, *rest], lead
        rest.insert(0, paragraphs[0])
    return [lead, *rest], lead


_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"]+")
_CITATION_WORDS = 40


def _cites_the_page(block: Block, page_addresses: frozenset[str]) -> bool:
    """A short line that prints the page's own address: a "cite as" line (title, site, date,
    address) or a permalink. The text cites other pages; its own address is the template's."""
    if not page_addresses or _words(block.text) > _CITATION_WORDS or "://" not in block.text:
        return False
    return any(address_key(found) in page_addresses for found in _WEB_ADDRESS.findall(block.text))


_AFFILIATE = AnyBranch(pattern(_VOCAB["affiliate_disclosures"]["pattern"]))
_AFFILIATE_WORDS: int = _VOCAB["affiliate_disclosures"]["max_words"]


def _is_affiliate_disclosure(block: Block) -> bool:
    return _words(block.text) <= _AFFILIATE_WORDS and _AFFILIATE.search(folded(block.text))


def _drop_contact_box(blocks: list[Block], result: CleanBody) -> list[Block]:
    """A press contact box closing the text: its label and every line after it (contact_boxes.py)."""
    start = contact_box_start(blocks)
    if start is None:
        return blocks
    for block in blocks[start:]:
        _drop(result, "contact box", block)
    return blocks[:start]


def _spaceless(text: str) -> str:
    return squash(text).replace(" ", "")


def clean_body(blocks: Sequence[Block], context: BodyContext) -> CleanBody:
    """Apply the rules of this module, in the order given in its docstring."""
    result = CleanBody()
    caption_keys = {squash(c) for c in context.captions if c}
    work = _filter(list(blocks), result, "empty", lambda b: not _HAS_WORD.search(b.text))
    before = len(result.dropped)
    work = _filter(work, result, "caption", lambda b: _is_caption(b, caption_keys))
    result.captions.extend(text for _, text in result.dropped[before:] if squash(text) not in caption_keys)
    work = _split_lines(work, result, context.title)
    work = _drop_headline(work, result, context.title)
    work = _dedupe(work, result)
    work = _drop_date_lines(work, result, context.crawled)
    work = _drop_opening_furniture(work, result, context.printed_headlines)
    work = _drop_byline_lines(work, result, context.byline_lines)
    work = _take_opening_byline(
        work,
        result,
        context.outlet,
        context.named_elsewhere,
        context.lead,
        context.headings,
        context.section_links,
    )
    work = _drop_prompts(work, result)
    work = _filter(work, result, "own address", lambda b: _cites_the_page(b, context.page_addresses))
    work = _filter(work, result, "author box", lambda b: _in_author_box(b, context.author_boxes))
    work = _take_tags(work, result)
    work = _drop_related(work, result)
    work = _drop_link_only(work, result)
    work = _filter(work, result, "widget", is_widget)
    work = _filter(work, result, "carousel counter", _is_counter)
    work = _filter(work, result, "cut-off teaser", lambda b: _is_cut_off_teaser(b, context.teasers))
    work = _drop_trailing_box(work, result)
    work = _drop_contact_box(work, result)
    work = _drop_trailing_labels(work, result, context.outlet, context.teasers, context.signatures)
    work = _drop_closing_bio(work, result, context.outlet, context.named_elsewhere)
    work = _take_closing_byline(work, result, context.outlet, context.signatures)
    work = _filter(work, result, "affiliate disclosure", _is_affiliate_disclosure)
    work = _drop_date_lines(work, result, context.crawled)  # a byline's own timestamp, now at the end
    result.paragraphs, result.lead = _place_lead([b.text for b in work], context.lead)
    return result
