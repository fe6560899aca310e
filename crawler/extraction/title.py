"""The headline, without the " - Chính trị - Xã hội - Tuổi Trẻ Online" that templates append.

Suffixes are not removed from a list of site names (there are hundreds of outlets and they
rename sections). Instead the page's own title candidates are compared: og:title, the JSON-LD
headline, the h1 and <title> usually agree on the headline and differ only by what the template
added, so a candidate that is a clean prefix of another, ending where a separator starts, is the
headline. Only when no candidate corroborates a cut are trailing segments dropped, and then only
segments made of the outlet's own names and section names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from crawler.extraction.keys import squash, word_count
from crawler.extraction.outlet import OutletNames
from crawler.extraction.vocab import load
from indexer.text import clean

# " - ", " | ", " – ", " — ", " :: ", " » ": how templates glue headline, section and outlet.
_SEPARATOR = re.compile(r"\s+[-–—|»:•·]{1,2}\s+|\s*\|\s*")
# A title part that is a day alone ("23.01.2022 - Headline", "Headline | 2022-01-23"): templates
# put the date beside the headline; it is no word of it.
_DAY_ALONE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$")
# CJK titles glue the separator to the words ("Headline_Section_Outlet", "Headline-Outlet"): a "_",
# "-" or "|" between two CJK characters, followed only by short parts (a section, the outlet).
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff0f\uff1a-\uff20"
_GLUED_SEPARATOR = re.compile(rf"(?<=[{_CJK}])[-_|｜](?=[{_CJK}])")
_GLUED_PART = re.compile(rf"^[{_CJK}\w]{{1,10}}$")
_GLUED_HEAD = 6  # characters: a CJK headline is longer than a section's or an outlet's name
_TOKEN = re.compile(r"\w+")
_LABEL_BEFORE = re.compile(r"^\[[^\]]{1,60}\]\s*")


def _cut_at_prefix(long: str, short: str) -> str | None:
    """`long` cut right before the separator that follows the `short` headline, if it is one."""
    target = squash(short)
    if not target:
        return None
    for match in _SEPARATOR.finditer(long):
        head = long[: match.start()]
        if squash(head) == target:
            return head.strip()
    return None


def _strip_outlet_segments(title: str, outlet: OutletNames, sections: Sequence[str]) -> str:
    """Drop trailing (or leading) separator-delimited segments that are outlet/section names, or
    that name a site by their grammar ("Tạp chí Thương mại X", "Báo Y điện tử")."""
    separators = list(_SEPARATOR.finditer(title))
    for match in separators:  # leftmost cut whose whole tail is outlet/section names
        head, tail = title[: match.start()].strip(), title[match.end() :]
        if len(_TOKEN.findall(head)) >= 2 and (outlet.covers(tail, sections) or names_a_site(tail)):
            return head
    if separators:  # "VnExpress - Headline": a leading outlet name
        first = separators[0]
        head, rest = title[: first.start()], title[first.end() :].strip()
        if (outlet.matches(head) or names_a_site(head)) and len(_TOKEN.findall(rest)) >= 2:
            return rest
    return _strip_glued_parts(title)


def _strip_glued_parts(title: str) -> str:
    """A CJK title without the short parts glued after it ("Headline_Section_Outlet")."""
    for match in _GLUED_SEPARATOR.finditer(title):
        head, tail = title[: match.start()], title[match.end() :]
        if len(head.strip()) >= _GLUED_HEAD and all(
            _GLUED_PART.match(part) for part in _GLUED_SEPARATOR.split(tail)
        ):
            return head.strip()
    return title


def choose_title(
    candidates: Sequence[str],
    *,
    document_title: str = "",
    outlet: OutletNames | None = None,
    sections: Sequence[str] = (),
) -> str:
    """Pick the headline from structured/h1 `candidates` (most trusted first) and the <title>.

    The first candidate wins unless another candidate shows that it carries a template suffix.
    """
    outlet = outlet or OutletNames(())
    pool = [c for c in (clean(c) for c in candidates) if c]
    document_title = clean(document_title)
    if not pool and not document_title:
        return ""
    best = pool[0] if pool else document_title
    others = [*pool[1:], document_title] if pool else []
    best = _line_said_alone(best, others)
    changed = True
    while changed:
        changed = False
        for other in others:
            if other and other != best:
                cut = _cut_at_prefix(best, other)
                if cut is not None and cut != best:
                    best, changed = cut, True
    best = _drop_kicker(best, [*others, *title_prefixes(document_title), *title_suffixes(document_title)])
    # Nothing corroborated a cut: fall back to removing segments that only name the outlet.
    stripped = _strip_outlet_segments(best, outlet, sections)
    return stripped or best


def _line_said_alone(best: str, others: Sequence[str]) -> str:
    """One line of a title printed on two ("Kicker\nHeadline": a block holding the line over the
    headline and the headline) when another candidate says that line alone: the h1 is the
    headline, the other line a kicker or a subtitle."""
    if "\n" not in best:
        return best
    said = {squash(other) for other in others if other}
    return next((line.strip() for line in best.split("\n") if squash(line) in said), best)


_KICKER_WORDS = 3  # "[GÓC NHÌN]", "ĐỘC QUYỀN", "TIN ẢNH": a label is a word or three
HEADLINE_WORDS = 4  # shorter than this, a title part may be a section name, not the headline


def kicker_before(heading_key: str, title_key: str) -> bool:
    """The (squashed) heading is the headline-long title with a word or three glued before it: a
    kicker ("[GÓC NHÌN]Headline", "ĐỘC QUYỀN Headline")."""
    words, tail = heading_key.split(), title_key.split()
    lead = len(words) - len(tail)
    return len(tail) >= HEADLINE_WORDS and 0 < lead <= _KICKER_WORDS and words[lead:] == tail


def _drop_kicker(best: str, others: Sequence[str]) -> str:
    """`best` without a label glued before it when another title candidate says the headline
    alone: the metadata carries no kicker."""
    key = squash(best)
    return next((clean(other) for other in others if kicker_before(key, squash(other))), best)


def _is_label(text: str) -> bool:
    """A kicker glued before a headline: in brackets or in capitals ("[Video]", "ĐỘC QUYỀN")."""
    return (text.startswith("[") and text.endswith("]")) or (
        text.isupper() and len(text.split()) <= _KICKER_WORDS
    )


# How alike a visible headline and the metadata title must be in words to be one headline worded
# twice ("quy định phí mới" / "quy định mới về phí"): a headline edited after the metadata was
# written, not a different text (a kicker, a section name, a second story).
_REWORDING_OVERLAP = 0.8


_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)\s*$")


def prefer_visible(title: str, heading: str) -> str:
    """The article's visible headline (`heading`, its h1) over the metadata `title` when the two are
    the same headline reworded: readers see the h1, and editors revise it after the <title>,
    og:title and JSON-LD were filled in. A heading that shares too few words (a site-name h1, a
    kicker), or that is set in capitals while the title is not, leaves the title as it was. The
    h1 also wins over a metadata title that says its words in capitals, or that is its opening
    cut short with an ellipsis (templates truncate og:title and JSON-LD headlines to a length)."""
    heading = clean(heading)
    if not heading or not title or heading == title:
        return title
    if squash(heading) == squash(title):  # the same words: the spelling readers see ("GIÁ …" vs "Giá …")
        return heading if title.isupper() and not heading.isupper() else title
    if heading.isupper():
        return title
    short = squash(title)
    if word_count(short) >= HEADLINE_WORDS:
        for word in _TOKEN.finditer(heading):  # "[GÓC NHÌN]Headline": a capitals/bracket label first
            cut = max(heading.rfind(mark, 0, word.start()) for mark in " ]") + 1  # keep "“" on the word
            rest, label = heading[cut:], heading[:cut].strip()
            if label and _is_label(label) and squash(rest) == short:
                return rest  # "NÓNG Headline" printed, the metadata says the headline alone
            if squash(rest).startswith(short + " ") and (not label or _is_label(label)):
                return rest  # og:title shortened to the headline's first clause, the h1 whole
            if word_count(squash(label)) >= _KICKER_WORDS:
                break
    truncated = _ELLIPSIS.search(title)
    if truncated and squash(heading).startswith(squash(title[: truncated.start()])):
        return heading  # "Người trồng vải … phấn khởi khi…": metadata cut to a length, the h1 whole
    heading_words, title_words = set(squash(heading).split()), set(squash(title).split())
    if len(heading_words) < 4 or len(title_words) < 4:
        return title
    shared = len(heading_words & title_words) / len(heading_words | title_words)
    return heading if shared >= _REWORDING_OVERLAP else title


# A revised headline keeps most of the words of the shorter wording: "Mayor Opens New Bridge Over
# the River" (og:title) became "Mayor Opens New Bridge Over the River, and Ferry Crews Worry" (h1).
# Both must be headline-long, so that a section name or an outlet's name that a longer text contains
# says nothing.
_REVISED_WORDS = 5
_REVISED_KEPT = 0.8


def revises(heading: str, titles: Sequence[str]) -> bool:
    """Whether the visible `heading` is one of the metadata `titles` (og:title, the <title>'s
    headline part) revised: nearly all the words of the shorter of the two are in the other. Editors
    rewrite the printed headline after the metadata was filled in, adding or swapping a clause; the
    metadata then keeps the first wording, and readers see the h1."""
    heading_words = set(squash(heading).split())
    if len(heading_words) < _REVISED_WORDS or clean(heading).isupper():
        return False
    for title in titles:
        title_words = set(squash(title).split())
        shorter = min(len(heading_words), len(title_words))
        if shorter >= _REVISED_WORDS and len(heading_words & title_words) >= _REVISED_KEPT * shorter:
            return True
    return False


def title_segments(document_title: str) -> list[str]:
    """The separator-delimited parts of a <title>: "Headline | Section | Outlet" → three parts."""
    return [part.strip() for part in _SEPARATOR.split(clean(document_title)) if part.strip()]


def title_prefixes(document_title: str) -> list[str]:
    """The <title> cut before each separator, shortest first: a heading that says one of these is
    the headline ("Headline | Outlet" → "Headline")."""
    title = clean(document_title)
    return [title[: match.start()].strip() for match in _SEPARATOR.finditer(title) if match.start() > 0]


def title_suffixes(document_title: str) -> list[str]:
    """The <title> after each separator (or after a bracketed label that opens it: "[Báo X]
    Headline"), when the title ends in a headline-long part: "Báo X - Headline" and "Tin tức -
    Section - Báo X - Headline" put the outlet first; "Headline - Mục | Trang tin tuổi teen - Teen
    Example" ends in names, and its tails are no headline."""
    title = clean(document_title)
    parts = [title[match.end() :].strip() for match in _SEPARATOR.finditer(title)]
    if label := _LABEL_BEFORE.match(title):  # "[Báo X] Headline": a bracketed name first
        parts.insert(0, title[label.end() :])
    if not parts or word_count(squash(title_segments(title)[-1])) < HEADLINE_WORDS + 2:
        return []
    return [part for part in parts if word_count(squash(part)) >= HEADLINE_WORDS + 2]


_MEDIUM = "|".join(re.escape(word) for word in sorted(load("titles")["media"], key=len, reverse=True))
# "[Video] H", "(Ảnh) H", "Clip: H", "E-magazine - H" / "H (Ảnh)", "H [Video]", "H - Video"
_MARK_BEFORE = re.compile(
    rf"^[\[(]\s*(?:{_MEDIUM})\s*[\])]\s*[-–—:|]?\s*|^(?:{_MEDIUM})\s*(?::|\s[-–—|])\s+", re.I
)
_MARK_AFTER = re.compile(rf"\s*(?:[\[(]\s*(?:{_MEDIUM})\s*[\])]|\s[-–—|]\s*(?:{_MEDIUM}))\s*$", re.I)


def _symbol(char: str) -> bool:
    """An emoji or pictograph, a joiner or variation selector between them, or a space."""
    return char.isspace() or unicodedata.category(char) in ("So", "Cf") or "\ufe00" <= char <= "\ufe0f"


def _strip_symbols(title: str) -> str:
    """`title` without the emoji (and their joiners, variation selectors) at either end."""
    start, end = 0, len(title)
    while start < end and _symbol(title[start]):
        start += 1
    while end > start and _symbol(title[end - 1]):
        end -= 1
    return title[start:end]


def _strip_day(title: str) -> str:
    """`title` without a day printed as its first or last separator-delimited part."""
    separators = list(_SEPARATOR.finditer(title))
    if separators and _DAY_ALONE.match(title[: separators[0].start()].strip()):
        return title[separators[0].end() :]
    if separators and _DAY_ALONE.match(title[separators[-1].end() :].strip()):
        return title[: separators[-1].start()]
    return title


def strip_marks(title: str) -> str:
    """The headline without what outlets print around it to flag a story's form: emoji ("🔴
    Headline") and medium marks ("[Video] Headline", "Clip: Headline", "Headline (Ảnh)"). The words
    of the headline itself, a series part ("Bài 2: …") or a forum's "[Hỏi]" included, stay. A day
    printed beside the headline ("23.01.2022 - Headline") goes too."""
    previous = None
    while title != previous:
        previous = title
        title = _strip_symbols(title)
        rest = _MARK_BEFORE.sub("", title, count=1)
        rest = _MARK_AFTER.sub("", rest, count=1)
        rest = _strip_day(rest)
        if len(_TOKEN.findall(rest)) >= 2:  # a mark alone ("Video") is a listing's title, kept
            title = rest.strip()
    return title


_SITE_WORDS = sorted(load("titles")["site_words"], key=len, reverse=True)


def names_a_site(part: str) -> bool:
    """The title part is a site's name by its grammar: a press word and a capitalised name after it
    ("Báo Yên Bái", "Tạp chí Kinh tế Nông thôn", "Trang thông tin điện tử Huyện X")."""
    lowered = part.lower()
    for word in _SITE_WORDS:
        if lowered.startswith(word + " "):
            rest = part[len(word) + 1 :].lstrip()
            return rest[:1].isupper()
    return False
