"""Hard-wrapped text re-joined into its paragraphs before it is cut into lines.

Text reaches enrichment hard-wrapped: copied from PDFs and e-mails, reader letters, plain-text
feeds, pages archived with their source's line breaks. Left as it is, every line is a paragraph:
sentences, star windows and claims break at the cut, and a line that starts with a name looks
like a headline. Two steps re-join it (session 15):

- **By width.** A text wrapped at one width shows it: many lines end where the next line's first
  word would not have fitted (`_wrap_width`). Every line cut there is joined to the next whatever
  that starts with (a place, a name, "OCOP", a bracket, a number), while a headline, a caption, a
  dateline or a list item ends short of the width, or is a line of its own (`_own_line`), and
  stays a line. A text wrapped twice (a source's lines re-wrapped narrower: each long line and
  its short remainder) shows its source's width once the narrower one is undone, so the step
  runs again.
- **By case** (`_unwrap_by_case`, the rules before session 15): a line that ends no sentence
  goes on when the next starts in lower case or with a digit, or with a capital when the line
  runs near the wrapping width and ends on a lower-case word; a text in capitals is re-joined
  where three or more of its lines run to one width (`_breaks_in_capitals`). Without a width
  these apply only when lower-case breaks are common; after one they apply to the rest of the
  text, which is known to be wrapped.

A line cut at the width that ends a sentence stays a line unless blank lines set the text's
paragraphs apart: a paragraph's last line can run to the width too, and a sentence end is a
break either way. The width is read on the text as given, before `normalize` makes its spaces
single: the wrapping tool counted them.
"""

from __future__ import annotations

import re
from collections import Counter

# A line ending so may end its paragraph (a sentence, a list's colon, a quotation, a bracket).
TERMINAL = tuple('.!?…:;"”’)]')
_SENTENCE_END = tuple(".!?…")
# A list item: "- Gạo Điện Biên (3 sao)", "• …", "+ …".
BULLET = re.compile(r"^\s*[-–•+*●▪]\s")
# A dateline between a headline and its sapo: "Thứ Hai 14/06/2021, 09:15 (GMT+7)", "10:05, 21/08/2023",
# also under an update or publication label, with the weekday and time in any order and seconds
# or a Vietnamese AM/PM mark (round 14): "Cập nhật lúc : 15:16 15/01/2021", "Ngày đăng: 15/04/2022",
# "Cập nhật lúc 08:40, Thứ Tư, 24/11/2021 (GMT+7)", "Ngày cập nhật: 14/12/2022 9:21:29 SA";
# in capitals too ("CẬP NHẬT: 15/01/2021"); the date also with dashes or dots, and followed by
# the outlet's section after a bar (session 19, not blind: "21-08-2023 | Kinh tế", "21.08.2023 | Xã
# hội"): up to three words, so a headline after a date is not taken for one.
DATELINE = re.compile(
    r"^\s*(?:(?:ngày\s+)?(?:cập\s+nhật|đăng|xuất\s+bản)(?:\s+(?:lúc|ngày))?\s*:?\s*)?"
    r"(?:(?:thứ\s+\w+|chủ\s+nhật|\d{1,2}:\d{2}(?::\d{2})?)\s*[,|\-–]?\s*){0,2}"
    r"\d{1,2}([/.-])\d{1,2}\1\d{4}[\s,:\d()gmt+|\-–]*(?:sa|ch|am|pm)?"
    r"(?:\s*\|\s*[^\W\d]+(?:\s[^\W\d]+){0,2})?\s*$",
    re.IGNORECASE,
)

# A line of its own wherever the line above it ends: a numbered item ("1. Mục đích", "2) …"; one
# digit: "27. Trong đó …" is a count that ends a sentence) or a credit ("Ảnh: …", "Nguồn: …").
_OWN_LINE = re.compile(r"^(?:\d[.)]\s|\(?(?:Ảnh|Nguồn)\s*:)", re.IGNORECASE)

# Hard-wrapped text in capitals: lines broken inside a sentence run to one width, within this share.
_WRAP_SPREAD = 0.1
# A wrapped line is at least this long: a shorter width is a column of headlines or a table.
_WRAP_MIN_CHARS = 30
_WRAP_MIN_LINES = 3
_SHARP_SHARE = 0.85
# A text wrapped twice shows two widths; a third pass is cheap and a fourth never seen.
_MAX_PASSES = 3


def _breaks_in_capitals(lines: list[str]) -> list[int]:
    """Line breaks inside sentences of a text written in capitals (an official letter typed in
    capitals, an excerpt upper-cased by its site): no line starts in lower case there, so the
    sign of a wrapped line is its length. The long lines in capitals that end no sentence and
    are followed by another line in capitals count when three or more run to one width (the
    median of their lengths, within a tenth): headings and captions have no such width."""
    candidates = [
        k
        for k in range(len(lines) - 1)
        if len(lines[k].strip()) >= _WRAP_MIN_CHARS
        and lines[k].isupper()
        and lines[k + 1].isupper()
        and not lines[k].rstrip().endswith(TERMINAL)
    ]
    if not candidates:
        return []
    width = sorted(len(lines[k].strip()) for k in candidates)[len(candidates) // 2]
    wrapped = [k for k in candidates if abs(len(lines[k].strip()) - width) <= _WRAP_SPREAD * width]
    return wrapped if len(wrapped) >= _WRAP_MIN_LINES else []


def _own_line(line: str) -> bool:
    """A list item, a table row, a credit or a dateline: a line of its own wherever the line
    above it ends."""
    return (
        line.startswith("|")
        or BULLET.match(line) is not None
        or _OWN_LINE.match(line) is not None
        or DATELINE.match(line) is not None
    )


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def _wrap_width(lines: list[str]) -> set[int]:
    """The lines cut at the width the text was wrapped at; none when it shows no such width.

    A wrapping tool fills a line until the next word would not fit: a line of n characters
    followed by a word of m characters was cut at a width from n to n + m. The lines broken
    mid-sentence (long, and going on in lower case) vote, and the text's width is its longest line
    within the range most of them agree on. It holds when 85 in 100 of them agree, and two or more
    lines were cut there in a text no line of which runs past it (wrapped throughout), or three or
    more and more than run past it (a wrapped passage among paragraphs). A PDF set in a
    proportional font has no width in characters, and a column of headlines breaks no sentence:
    both show none, and keep the rules that read the case of the next line (`_unwrap_by_case`)."""
    lengths = [len(line) for line in lines]
    broken = [
        k for k in range(len(lines) - 1) if lengths[k] >= _WRAP_MIN_CHARS and lines[k + 1][:1].islower()
    ]
    votes: Counter[int] = Counter()
    for k in broken:
        votes.update(range(lengths[k], lengths[k] + len(_first_word(lines[k + 1])) + 1))
    if not votes:
        return set()
    widest, agree = max(votes.items(), key=lambda item: (item[1], item[0]))
    # The lines agree on a range of widths; the text's is its longest line within that range.
    width = max(n for n in lengths if n <= widest)
    cut = {
        k
        for k in range(len(lines) - 1)
        if lines[k + 1] and lengths[k] <= width < lengths[k] + 1 + len(_first_word(lines[k + 1]))
    }
    over = sum(n > width for n in lengths)
    least = _WRAP_MIN_LINES - 1 if over == 0 else _WRAP_MIN_LINES
    if len(cut) < least or len(cut) <= over or len(broken) < least - 1 or agree < _SHARP_SHARE * len(broken):
        return set()
    return cut


def _join_cut(lines: list[str], cut: set[int]) -> list[str]:
    """The lines with every line cut at the text's width joined to the next, but for a line that
    ends a sentence (unless blank lines set the paragraphs apart), a table's cell, or a next line
    that is a line of its own."""
    spaced = sum(1 for line in lines if not line) >= 2
    out: list[str] = []
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else ""
        if (
            k - 1 in cut
            and (spaced or not prev.endswith(_SENTENCE_END))
            and not prev.endswith("|")  # a table's cell
            and not _own_line(line)
        ):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def unwrap(text: str) -> str:
    """Re-join hard-wrapped lines: by the width the text was wrapped at (as often as a width shows,
    at most `_MAX_PASSES`), then by case. A text that shows neither is returned line for line
    (each line stripped)."""
    lines = [line.strip() for line in text.split("\n")]
    wrapped = False
    for _ in range(_MAX_PASSES):
        cut = _wrap_width(lines)
        if not cut:
            break
        lines = _join_cut(lines, cut)
        wrapped = True
    return _unwrap_by_case("\n".join(lines), wrapped)


def _unwrap_by_case(text: str, wrapped: bool) -> str:
    """Re-join hard-wrapped lines: a line that does not end a sentence, followed by one that
    starts in lower case, continues the same sentence. Applied only when such breaks are common
    (a fifth of the line breaks or more, at least two), so ordinary paragraphs are left as they are,
    or when the text was found `wrapped` at one width (the lines cut there are joined by now).
    In such a text a line that starts with a capital continues too when the line before it runs
    to the wrapping width (at least 0.6 of the median wrapped line) and ends on a lower-case word:
    "… đã phân hạng 4 sao, 3 sao cho 3 sản phẩm xếp hạng" / "OCOP 3 sao như: …" (round 16); a
    short heading above a paragraph stays a line of its own.
    """
    lines = text.split("\n")
    breaks = [
        k
        for k in range(len(lines) - 1)
        if lines[k].strip() and not lines[k].rstrip().endswith(TERMINAL) and lines[k + 1][:1].islower()
    ]
    breaks += _breaks_in_capitals(lines)
    if not wrapped and (len(breaks) < 2 or len(breaks) < 0.2 * sum(1 for line in lines if line.strip())):
        return text
    if not breaks:
        return text
    width = sorted(len(lines[k].strip()) for k in breaks)[len(breaks) // 2]
    out: list[str] = []
    last = ""  # the previous line as written, before any joining
    for line in lines:
        prev = out[-1].strip() if out else ""
        shouting = prev.isupper() and (line.isupper() or line.strip().isdigit())  # "KẾ\nHOẠCH\nTỔ CHỨC"
        at_width = len(last.strip()) >= 0.6 * width and prev.rsplit(" ", 1)[-1][:1].islower()
        continues = line[:1].islower() or line[:1].isdigit() or shouting or (line[:1].isupper() and at_width)
        if prev and not prev.endswith(TERMINAL) and continues:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = line
    return "\n".join(out)
