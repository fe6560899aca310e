"""The text view every enrichment step reads: zones, paragraphs, sentences and syllables.

An article is cut into blocks (title, lead, body paragraphs, link lines) and tokenised ONCE into
parallel lists of syllables (as written, lower-cased, folded) with their offsets. The folded text
keeps the length of the original (indexer.text.fold), so a match found on folded syllables can be
checked against the original for capitals and diacritics.

Link lines are how the "mention only in a related-links list" rule is kept: extraction removes
most page chrome, but when a list of related headlines or a tag line survives, it lands in the
`link` zone, which relevance, provinces, stars, groups and claims all ignore. Photo captions
("… Ảnh: Tên tác giả") land in the `caption` zone: a caption names real places, so provinces read
it, but it restates the story in shorthand, so it adds no relevance or claim (a caption that
certifies an OCOP product still gives its rating and its product's group: indexer.ocop.stars,
indexer.ocop.groups).

Excerpts and legal texts are often hard-wrapped (a sentence broken over several lines); such
text is re-joined before it is cut into lines (indexer.ocop.wrapping), or every short line would
look like a headline.

Papers set headlines, decks and subheads in capitals in the text itself. A line in capitals
(`in_capitals`, Block.capitals) carries no proper-name signal: its capitals mark neither a name
nor an acronym (an acronym there is a word no Vietnamese syllable spells), the data files'
patterns match it ignoring case, and the matchers read it by vocabulary and grammar, as they read
text in lower case (`names_by_case`, `is_name`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, repeat
from operator import add, and_, itemgetter, ne, not_

from indexer.ocop.vocab import relevance_vocab
from indexer.ocop.wrapping import BULLET as _BULLET
from indexer.ocop.wrapping import DATELINE as _DATELINE
from indexer.ocop.wrapping import TERMINAL as _TERMINAL
from indexer.ocop.wrapping import unwrap
from indexer.regexes import anchored
from indexer.text import TOKEN, fold, folded_syllables, normalize

CONTENT_ZONES = frozenset({"title", "lead", "body"})
PLACE_ZONES = CONTENT_ZONES | {"caption"}


# Latin letters with a hook or in small capitals that some sites print instead of plain letters
# to defeat copying ("ᶇ" for n, "ʜ" for h): IPA and phonetic extensions, never Vietnamese.
_HOOKED = re.compile("[\u0250-\u02af\u1d00-\u1dbf]")
_LATIN_NAME = re.compile(
    r"LATIN (?:(SMALL|CAPITAL) LETTER (?:SCRIPT |DOTLESS )?([A-Z])(?: WITH .*)?"
    r"|LETTER SMALL CAPITAL ([A-Z]))$"
)


@cache
def _plain_letter(ch: str) -> str:
    """The plain letter a hooked or small-capital Latin letter stands for, from its Unicode name."""
    m = _LATIN_NAME.match(unicodedata.name(ch, ""))
    if m is None:
        return ch
    letter = m.group(2) or m.group(3)
    return letter if m.group(1) == "CAPITAL" else letter.lower()


# "O.COP", a dotted spelling of the programme's name some sites use (round 19): read as "OCOP".
_DOTTED_OCOP = re.compile(r"\b([Oo])\.(?=[Cc][Oo][Pp]\b)")


# Star symbols for a rating (session 17): "OCOP 4*", "OCOP ★★★★" read as "4 sao".
_STAR_DIGIT = re.compile(r"\b([1-5]) ?\*(?![*\w])")
_STAR_RUN = re.compile(r"[★⭐]{1,5}")


def _lookalikes(text: str) -> str:
    """Look-alike letters: Icelandic Eth (U+00D0/U+00F0) of legacy encodings for Vietnamese Đ/đ,
    and hooked or small-capital Latin letters for plain ones (one character for one); the dotted
    "O.COP" for "OCOP"; star symbols for "sao"."""
    if "*" in text:
        text = _STAR_DIGIT.sub(r"\1 sao", text)
    if "★" in text or "⭐" in text:
        text = _STAR_RUN.sub(lambda m: f"{len(m.group())} sao", text)
    if ".C" in text or ".c" in text:
        text = _DOTTED_OCOP.sub(r"\1", text)
    if "\u00d0" in text or "\u00f0" in text:
        text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return _HOOKED.sub(lambda m: _plain_letter(m.group()), text) if _HOOKED.search(text) else text


# A line is written in capitals when this share of its words are in capitals throughout
# ("SẢN PHẨM OCOP 3 SAO"; a unit such as "kg" may stay in lower case).
_CAPITALS_SHARE = 0.9
# The shape of a Vietnamese syllable, folded: an onset, one to three vowels and a final consonant
# ("nghiêng", "khuya", "thanh"). A word in capitals that no syllable spells is an acronym ("HTX",
# "OCOP", "TPHCM", "KH-ĐT"); the shape is all a line in capitals has to tell one by.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def is_syllable(folded: str) -> bool:
    """Whether a folded word is one Vietnamese syllable ("metropole", "becamex" are not)."""
    return _SYLLABLE.fullmatch(folded) is not None


def in_capitals(line: str) -> bool:
    """Whether a line is written in capitals: at least three words in capitals throughout, and
    nine in ten of the words with a letter ("SẢN PHẨM OCOP 3 SAO"; a unit such as "kg" may stay in
    lower case). Papers set headlines, decks and subheads so in the text itself; there a capital
    marks neither a name nor an acronym, and words of the vocabulary are in capitals too."""
    return _words_in_capitals(line.split())


def _words_in_capitals(words: list[str]) -> bool:
    """`in_capitals` on a line already split into words: a document splits each line once, for
    this and for its word count."""
    upper = sum(map(str.isupper, words))
    if upper < 3:
        return False
    lower: int = sum(map(ne, map(str.upper, words), words))  # words with a lower-case letter
    return upper >= _CAPITALS_SHARE * (upper + lower)


def _abbreviation_at(text: str, dot: int) -> bool:
    """Whether the dot at `dot` ends an abbreviation ("TP.", "Q.", "ThS."), not a sentence. In a
    line in capitals every short word looks like one: there the word must be no Vietnamese
    syllable too ("HTX.", "TP.", not "SAO." or "XÃ.")."""
    # The abbreviation is at most five characters ending at the dot: search only there.
    m = _SHORT_ABBREVIATION.search(text, max(0, dot - 5), dot + 1)
    if m is None:
        return False
    return _SYLLABLE.fullmatch(fold(m.group("word"))) is None or not in_capitals(text)


# Sentence punctuation inside a line; a long line without any is a run of glued headlines.
_INNER_PUNCTUATION = re.compile(r"[.,;:!?…]")
# A bracketed aside of two words or more ("gói miến của nhóm thợ xã A (Yên Châu) vừa …") is prose: a
# caption written as a sentence without its full stop (session 23). A headline's own bracket is a
# word or a part number: "(video)", "(Kỳ 2)".
_ASIDE = re.compile(r"\(\s*[^\W\d_]+(?:\s+[^\W\d_]+)+\s*\)")
# A sentence end, maybe glued to the next word ("… đạt 3 sao.Gia Lai: …"), before a capital.
_GLUED_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s*(?=[A-ZĐÀ-Ỹ])")
_HEADLINE_STOPS = re.compile(r"[.;!?…]")
# How a headline may end although it looks like a sentence's end: a question, an exclamation, a quote.
_HEADLINE_ENDS = tuple('?!"”’')
# A semicolon, or a sentence end before more text: no run of headlines holds one.
_INNER_STOPS = re.compile(r";|[.!?…]\s")
# Running text before a glued run must be a paragraph of its own, not a heading or a cue.
_PROSE_BEFORE_RUN = 15
# ... or, when the run is glued to its sentence end without a space, a sentence of its own.
_SENTENCE_BEFORE_GLUE = 6
# "Hải Dương: Vải sớm vào mùa": a headline that opens with a place or a topic and a colon.
_HEADLINE_COLON = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][\w-]*(?:\s[A-ZĐÀ-Ỹ][\w-]*){0,3}:\s+[A-ZĐÀ-Ỹ\d\"“]")
# The topic a headline opens with, up to five words and a colon: "Thành phố Hà Nội: Gắn kết …".
_OPENING_TOPIC = re.compile(r"^\s*[^\s:.,;]+(?:\s[^\s:.,;]+){0,4}:\s+[A-ZĐÀ-Ỹ\d\"“]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+")
# Running text cut short: a comma, then a word in lower case and two more ("…, gồm 104 sản phẩm");
# in a line in capitals, where no word is in lower case, a comma and three more words.
_CUT_PROSE = re.compile(r"\w, [a-zà-ỹđ]\w*\s+\w+\s+\w+")
_CUT_PROSE_IN_CAPITALS = re.compile(r"\w, \w+\s+\w+\s+\w+")
# Abbreviations whose dot does not end a sentence: "TP. Hà Nội", "Q. 1", "ThS. Nguyễn Văn A".
_SHORT_ABBREVIATION = re.compile(r"(?:^|[\s(])(?P<word>[A-ZĐ]{1,3}|Tp|Tx|ThS|Ths|PGS|TS|GS|BS|St|Mr|Dr)\.$")


# A first paragraph this long is an article's sapo: the headline-like line above it is the headline.
_SAPO_WORDS = 25
# A Markdown table row: "| cell | cell |" (at least two cells).
_TABLE_ROW = re.compile(r"^\s*\|(?:[^|]*\|){2,}\s*$")
_TABLE_BARS = 2  # a flattened row without outer bars has three cells or more
_TWO_CELL_RUN = 3  # ... or two, in a run of this many lines with one bar each (session 20)
# Title Case leaves at most a couple of syllables in lower case; a line of names with three or more
# ("Gạo Điện Biên An Phú của HTX Tân Phát đạt OCOP 3 sao. Ảnh: Minh Anh") is written in ordinary
# case, so its capitals still mark names (round 19).
_LOWER_IN_TITLE_CASE = 3

# An inline related-links box is followed by this many paragraphs of at least _PROSE_WORDS words.
_PROSE_AFTER_BOX = 2
_PROSE_WORDS = 40

_SYLLABLE_SPLIT = re.compile(f"({TOKEN.pattern})")
_MARKED_GAP = 1 << 20


class _GapLengths(dict[str, int]):
    """The text between two syllables -> the length `Document.tight` compares. A comma or semicolon
    separates list items and clauses, so no phrase runs across it ("muối, tinh dầu tràm" is salt and
    an oil, not "muối tinh", refined salt; session 21): its gap gets a length no phrase accepts.
    A few dozen distinct gaps occur (" ", ", ", ". "), so one dict probe per gap costs no more than
    subtracting offsets did."""

    def __missing__(self, gap: str) -> int:
        length = _MARKED_GAP if "," in gap or ";" in gap else len(gap)
        if len(self) < 4096:  # odd runs of spaces and symbols are not all kept
            self[gap] = length
        return length


_GAP_LENGTHS = _GapLengths()
_WORD_SPLIT = re.compile(r"(\w+)")  # the same split where the text holds no "_", a third faster


@dataclass(frozen=True, slots=True)
class Block:
    zone: str  # "title" | "lead" | "body" | "link"
    start: int  # character offsets in Document.text
    end: int
    first: int  # syllable indexes [first, last)
    last: int
    accented: bool  # written with diacritics: phrases must match with them
    shouty: bool  # ALL CAPS or Title Case: capitals say nothing about names here
    words: int
    capitals: bool  # written in capitals (`in_capitals`): no case to tell an acronym or a name by


@cache
def _markers() -> tuple[tuple[str, ...], tuple[str, ...], int, int]:
    vocab = relevance_vocab()
    stops = tuple(fold(normalize(m)) for m in vocab["stop_markers"])
    prefixes = tuple(fold(normalize(m)) for m in vocab["link_prefixes"])
    return stops, prefixes, int(vocab["marker_max_words"]), int(vocab["headline_max_words"])


# The patterns of the data files are written for ordinary case ("Ảnh: Minh Khang", "Theo dõi …
# trên Google News"); a line in capitals is matched ignoring case: its letters are all capitals,
# so a pattern's own capitals ("Ảnh [A-ZĐ]…", a credited name) still hold.
@cache
def _caption_pattern(capitals: bool) -> re.Pattern[str]:
    patterns = relevance_vocab()["caption_patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE if capitals else 0)


@cache
def _chrome_pattern(capitals: bool) -> Callable[[str], re.Match[str] | None]:
    """The chrome patterns as one search. When every pattern is anchored at the line's start
    ("^…"), as they are now, the search is tried at that start only (`match`), not at every
    character of a long paragraph."""
    patterns = relevance_vocab()["chrome_patterns"]
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE if capitals else 0)
    return pattern.match if all(map(anchored, patterns)) else pattern.search


@cache
def _caption_words(capitals: bool) -> tuple[str, ...]:
    words = relevance_vocab()["caption_words"]
    return (*words, *(w.upper() for w in words)) if capitals else tuple(words)


def _is_caption(line: str, words: int, capitals: bool) -> bool:
    return (
        any(word in line for word in _caption_words(capitals))
        and words <= relevance_vocab()["caption_max_words"]
        and bool(_caption_pattern(capitals).search(line))
    )


@cache
def _licence_pattern() -> re.Pattern[str]:
    return re.compile(relevance_vocab()["licence_pattern"], re.IGNORECASE)


def _is_chrome(line: str, capitals: bool) -> bool:
    if "GP" in line and _licence_pattern().search(line):
        return True
    return _chrome_pattern(capitals)(line) is not None


def _is_glued_run(line: str, words: int, max_words: int) -> bool:
    """Related headlines run together on one line: long and unpunctuated (but for the colon of an
    opening "Place:"), or two "Place: Headline"."""
    body = line.rstrip(" |")
    # The colon of a headline that opens with a place ("Thành phố A: Gắn kết du lịch với …") is
    # no sentence punctuation (round 14).
    opening = _OPENING_TOPIC.match(body)
    rest = body[opening.end() - 1 :] if opening else body
    if words > max_words and not _INNER_PUNCTUATION.search(rest) and not _ASIDE.search(rest):
        return True
    # Two "Place: Headline" — in a line without a semicolon or a sentence end inside it: "Cụ thể:
    # Huyện A: 8 sản phẩm; huyện B: …" is a breakdown (round 19).
    return (
        body.count(":") >= 2
        and len(_HEADLINE_COLON.findall(body)) >= 2
        and _INNER_STOPS.search(body.rstrip(".!?… ")) is None
    )


def _glued_tail(line: str, headline_words: int) -> int | None:
    """Where a run of glued related headlines starts on a line of running text (round 19):
    "… công nhận 12 sản phẩm đạt 3 sao.Gia Lai: Thêm 15 sản phẩm …  Vĩnh Long: …". The whole line
    used to be one glued run (two "Place: Headline"), so the article's own paragraph was lost with
    it. The tail starts after the line's last sentence end, holds no sentence punctuation itself
    and names a "Place: Headline"; it is a glued run on its own, or the sentence end is glued to
    it without a space ("… 3 sao.Vĩnh Long công nhận …  Gia Lai: Thêm …"). The text before it is
    a paragraph (at least 15 words), or, glued without a space, a sentence (at least 6)."""
    if ":" not in line:
        return None
    # the last sentence end that is no abbreviation's dot ("TP.HCM: …", "H.Long Thành")
    end = next(
        (
            m
            for m in reversed(list(_GLUED_SENTENCE_END.finditer(line)))
            if not _abbreviation_at(line, m.start())
        ),
        None,
    )
    if end is None:
        return None
    head, tail = line[: end.end()], line[end.end() :]
    glued = end.end() == end.start() + 1
    if (
        len(head.split()) < (_SENTENCE_BEFORE_GLUE if glued else _PROSE_BEFORE_RUN)
        or _HEADLINE_STOPS.search(tail.rstrip(" |"))
        or _HEADLINE_COLON.search(tail) is None
    ):
        return None
    return end.end() if glued or _is_glued_run(tail, len(tail.split()), headline_words) else None


def _split_glued_tails(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each line with a glued run of headlines at its end becomes two lines: the text and the run."""
    headline_words = _markers()[3]
    out: list[tuple[str, str]] = []
    for line, line_f in pairs:
        cut = _glued_tail(line, headline_words)
        if cut is None:
            out.append((line, line_f))
        else:
            out += [(line[:cut].rstrip(), line_f[:cut].rstrip()), (line[cut:], line_f[cut:])]
    return out


def _is_headline_like(line: str, words: int, max_words: int) -> bool:
    return words <= max_words and not line.rstrip().endswith(_TERMINAL) and not _BULLET.match(line)


def _table_row(lines: list[str], k: int) -> bool:
    """A row of a table: a Markdown row, or a row flattened without its outer bars ("1 | Miến | HTX
    A | 3 sao") that has as many bars as the line above or below it (session 18). One line with
    bars is a menu or a byline ("Tin tức | Video | Ảnh"); a run of equal bar counts is a table."""
    line = lines[k]
    if _TABLE_ROW.match(line):
        return True
    bars = line.count("|")
    if bars == 1:
        return _two_cell_run(lines, k)
    return table_line(line) and any(
        0 <= j < len(lines) and lines[j].count("|") == bars for j in (k - 1, k + 1)
    )


def _two_cell_run(lines: list[str], k: int) -> bool:
    """Line k is one of `_TWO_CELL_RUN` lines in a row with one bar each: a table of two columns
    flattened without its outer bars ("Hạng sao | Số sản phẩm" / "3 sao | 61" / "4 sao | 17",
    session 20). A menu or a byline with one bar stands alone."""
    one = [
        0 <= j < len(lines) and lines[j].count("|") == 1
        for j in range(k - _TWO_CELL_RUN + 1, k + _TWO_CELL_RUN)
    ]
    return any(all(one[s : s + _TWO_CELL_RUN]) for s in range(_TWO_CELL_RUN))


def table_line(line: str) -> bool:
    """The line has the bars of a table row of three cells or more: a list item at any length."""
    return line.count("|") >= _TABLE_BARS


def _inline_box(lines: list[str], counts: list[int], k: int, headline_words: int) -> list[int] | None:
    """A stop marker ("Bài liên quan") at line k that heads a box inside the article: the
    headline-like lines under it are its links, and the article goes on after them with at
    least `_PROSE_AFTER_BOX` paragraphs of running text (long, ending a sentence, or the text's
    last line cut short). Returns the box's lines, or None when the marker ends the article."""
    box = [k]
    j = k + 1
    while j < len(lines) and _is_headline_like(lines[j], counts[j], headline_words):
        box.append(j)
        j += 1
    # The text's last line may be running text cut short (an excerpt that ends mid-word, round 14).
    last = max((m for m in range(len(lines)) if lines[m].strip()), default=-1)
    prose = sum(
        1
        for m in range(j, len(lines))
        if counts[m] >= _PROSE_WORDS and (lines[m].rstrip().endswith(_TERMINAL) or m == last)
    )
    return box if len(box) > 1 and prose >= _PROSE_AFTER_BOX else None


def _headline_above_lead(line: str, line_f: str, words: int, headline_words: int) -> bool:
    """A line that can be the article's headline: headline-like, of at least four words, and no
    link, chrome or glued-headlines line."""
    _stops, prefixes, _marker_words, _headline_words = _markers()
    return (
        words >= 4
        and _is_headline_like(line, words, headline_words)
        and not line_f.startswith(prefixes)
        and not _is_glued_run(line, words, headline_words)
        and not _is_chrome(line, in_capitals(line))
    )


# A headline that opens a text with no title is at least this many words long (a menu, a section
# name or a byline is shorter).
_OPENING_HEADLINE_WORDS = 8


def _headline_first(lines: list[str], folded: list[str], k: int, headline_words: int) -> bool:
    """Line k, the text's first, is its headline: headline-like and long enough to be one, no
    link, chrome or glued run, over a paragraph that ends a sentence."""
    words = len(lines[k].split())
    below = lines[k + 1]
    return (
        words >= _OPENING_HEADLINE_WORDS
        and _headline_above_lead(lines[k], folded[k], words, headline_words)
        and len(below.split()) > 12
        and below.rstrip().endswith(_TERMINAL)
    )


def _chrome_above_headline(line: str, headline_words: int) -> bool:
    """The text's first line, over a line that is its headline, is page chrome when it is too long
    for a headline and ends no sentence: related headlines run together ("Tỉnh A sau sáp nhập: …
    Giá cà phê giảm, nông dân chờ … Tỉnh B sắp xếp trụ sở … |"). A paragraph ends a sentence; a
    lead sits under the headline, not above it."""
    return len(line.split()) > headline_words and not line.rstrip(" |").endswith(_TERMINAL)


def _cut_prose(line: str, capitals: bool) -> bool:
    """A clause broken by a comma and going on in lower case: running text, not a headline."""
    return (_CUT_PROSE_IN_CAPITALS if capitals else _CUT_PROSE).search(line) is not None


_CUT_WORD = re.compile(r"\w, [a-zà-ỹđ]\w*(?:\s+\w+)*\s+(?P<last>[a-zà-ỹđ]+)$")


def _cut_mid_word(line: str) -> bool:
    """A clause broken by a comma whose text then stops inside a word ("…, trong đ"): no
    Vietnamese syllable is spelled like the last fragment, so the line is running text cut short,
    not a headline (session 22)."""
    m = _CUT_WORD.search(line)
    return m is not None and not is_syllable(fold(m.group("last")))


def _cut_in_run(line: str, line_f: str, words: int) -> bool:
    """The text's last line, in a run of headline-like lines, is still prose cut short when it
    is long, breaks a clause with a comma and goes on in lower case, and is no link or chrome
    line: "Tỉnh X có 152 sản phẩm OCOP đạt từ 3 sao trở lên, gồm 104 sản phẩm 3 sao, 46 sản phẩm"."""
    _stops, prefixes, _marker_words, headline_words = _markers()
    capitals = in_capitals(line)
    return (
        words >= 12
        and _cut_prose(line, capitals)
        and not line_f.startswith(prefixes)
        and not _is_glued_run(line, words, headline_words)
        and not _is_chrome(line, capitals)
    )


def _classify_lines(
    lines: list[str], folded: list[str], capitals: list[bool], counts: list[int]
) -> list[str]:
    """Zone of each body line: "body" or "link" (related-links run, tag line, trailing headlines).
    `capitals`: whether each line is written in capitals (`in_capitals`); `counts`: its words
    (folding keeps the spaces, so a folded line has as many).

    Lines from a stop marker on ("Có thể bạn quan tâm", "Tin liên quan") are dropped in place.
    """
    stops, prefixes, marker_words, headline_words = _markers()
    keep = len(lines)
    seen_paragraph = False
    boxed: set[int] = set()  # an inline related-links box: the marker and its headlines
    for k, words in enumerate(counts):
        if k in boxed:
            continue
        if seen_paragraph and words <= marker_words and folded[k].startswith(stops):
            box = _inline_box(lines, counts, k, headline_words)
            if box is None:
                keep = k  # the rest of the page is chrome
                break
            boxed.update(box)
            continue
        seen_paragraph = seen_paragraph or words > 15
    del lines[keep:], folded[keep:], counts[keep:], capitals[keep:]
    captions = list(map(_is_caption, lines, counts, capitals))
    first_copy: dict[str, int] = {}
    copies: list[tuple[int, int]] = []  # (line, the line it repeats)
    for k, line_f in enumerate(folded):  # a repeated line is a caption or a widget, not new text
        if line_f in first_copy and counts[k] > 3:
            captions[k] = True
            copies.append((k, first_copy[line_f]))
        first_copy.setdefault(line_f, k)
    # A row of a Markdown table that holds a number ("| Huyện A | 12 sản phẩm |") is text, not a
    # headline: a breakdown laid out as a table reads like the same list in prose.
    rows = [_table_row(lines, k) and any(ch.isdigit() for ch in line) for k, line in enumerate(lines)]
    headline = [
        not captions[k] and not rows[k] and _is_headline_like(line, counts[k], headline_words)
        for k, line in enumerate(lines)
    ]
    zones = ["body"] * len(lines)
    for k in boxed:
        zones[k] = "link"
        headline[k] = False  # the box is no paragraph, and no headline that closes the text
    runs = [
        headline[k] and ((k > 0 and headline[k - 1]) or (k + 1 < len(lines) and headline[k + 1]))
        for k in range(len(lines))
    ]
    for k in range(len(lines)):
        if k in boxed:
            continue
        if (
            runs[k]
            or _headline_in_run(lines[k], counts[k], headline_words, runs, k)
            or folded[k].startswith(prefixes)
            or _is_glued_run(lines[k], counts[k], headline_words)
            or _is_chrome(lines[k], capitals[k])
        ):
            zones[k] = "link"
        elif captions[k]:
            zones[k] = "caption"
    # Headline-like lines that close the text (after the last paragraph) are links or bylines,
    # unless the line reads as running text cut short (a comma followed by a lower-case word).
    last_paragraph = _last_paragraph(lines, headline, captions, headline_words)
    if last_paragraph >= 0:
        for k in range(last_paragraph + 1, len(lines)):
            if zones[k] == "caption":
                continue
            cut_prose = k == len(lines) - 1 and (_cut_prose(lines[k], capitals[k]) or _cut_mid_word(lines[k]))
            zones[k] = (
                "body"
                if cut_prose and (zones[k] == "body" or _cut_in_run(lines[k], folded[k], counts[k]))
                else "link"
            )
    for k, first in copies:  # a page's chrome repeated (a shop's address twice) is still chrome
        if zones[first] == "link":
            zones[k] = "link"
    return zones


def _headline_in_run(line: str, words: int, max_words: int, runs: list[bool], k: int) -> bool:
    """A short line between lines of a run of related headlines is one of them, though it ends
    like a sentence: a headline may end with a question, an exclamation or a quoted word ("Vì sao
    … bỏ vườn dừa?"), and the run is broken by it into two runs of two. A line that ends with a full stop,
    a colon or a semicolon, or holds a sentence end inside, is text set between two lists."""
    body = line.rstrip()
    return (
        0 < k < len(runs) - 1
        and runs[k - 1]
        and runs[k + 1]
        and words <= max_words
        and body.endswith(_HEADLINE_ENDS)
        and _INNER_STOPS.search(body[:-1]) is None
    )


def _bulleted_headline(line: str, words: int, max_words: int) -> bool:
    """A related headline set as a list item ("- Thêm 9 sản phẩm được gắn sao"): short, bulleted
    and not ending a sentence."""
    return _BULLET.match(line) is not None and words <= max_words and not line.rstrip().endswith(_TERMINAL)


def _last_paragraph(lines: list[str], headline: list[bool], captions: list[bool], max_words: int) -> int:
    """The text's last paragraph: the last line that is neither headline-like nor a caption.
    Bulleted headlines that close the text (session 19) are links too: under a byline or a
    sentence, related stories are often listed with a dash. They are items of the article's own
    list when the paragraph above them opens a list (ends with a colon) or is a list item itself
    ("- Huyện A: 8 sản phẩm;" then "- Huyện B: 5 sản phẩm")."""
    plain = max((k for k, h in enumerate(headline) if not h and not captions[k]), default=-1)
    k = plain
    while k >= 0 and (
        captions[k] or headline[k] or _bulleted_headline(lines[k], len(lines[k].split()), max_words)
    ):
        k -= 1
    if k == plain or k < 0:
        return plain
    above = lines[k].rstrip()
    return plain if above.endswith(":") or _BULLET.match(above) else k


# Glued headlines of other stories under an article: a run of this many short lines at its end
# (one short closing line that names the programme may be the story's own last sentence).
_TEASER_LINES = 2
_TEASER_WORDS = 30
_PROGRAMME = ("ocop", "moi xa mot san pham")


def _trailing_teasers(lines: list[str], folded: list[str], zones: list[str], title_f: str) -> None:
    """Headlines of other stories glued under an article as full sentences ("Tỉnh B đẩy mạnh xuất
    khẩu sản phẩm OCOP."): the programme is named only in the last two or more body lines, each
    short, after at least three paragraphs and a title that never name it. Such lines are links.
    A single such line is kept: a story may close on its one OCOP sentence."""
    if any(p in title_f for p in _PROGRAMME):
        return
    body = [k for k, z in enumerate(zones) if z == "body"]
    named = [k for k in body if any(p in folded[k] for p in _PROGRAMME)]
    if not named:
        return
    tail = body[body.index(named[0]) :]
    if (
        len(tail) >= _TEASER_LINES
        and len(body) - len(tail) >= 3
        and all(len(lines[k].split()) <= _TEASER_WORDS for k in tail)
    ):
        for k in tail:
            zones[k] = "link"


class Document:
    """Title, lead and body of one article as blocks and syllables."""

    __slots__ = (
        "text",
        "folded",
        "blocks",
        "orig",
        "low",
        "fold",
        "starts",
        "ends",
        "block_of",
        "sent_of",
        "sent_start",
        "caseless",
        "_cap",
        "_gaps",
        "_gap_text",
        "_positions",
        "memo",
        "known_names",
        "published_year",
        "written_by_year",
        "_reference_year",
        "_reference_done",
    )

    def __init__(
        self,
        title: str,
        text: str,
        lead: str = "",
        published_year: int | None = None,
        written_by_year: int | None = None,
    ) -> None:
        self.published_year = published_year
        # The latest year the text can have been written in (the year it was crawled): an undated
        # text that names no other year still cannot speak from after it (session 22).
        self.written_by_year = written_by_year
        self._reference_year: int | None = None
        self._reference_done = False
        # Fold each text once: fold keeps offsets, so lines of the folded text are folded lines.
        title_n = normalize(_lookalikes(title)).replace("\n", " ")
        lead_n = normalize(_lookalikes(lead)).replace("\n", " ")
        title_f, lead_f = fold(title_n), fold(lead_n)
        # Re-joined before spaces are made single: a wrapping tool counted the characters it was
        # given, double spaces and all, and the width is read on them (indexer.ocop.wrapping).
        body = normalize(unwrap(_lookalikes(text)))
        body_f = fold(body)
        pairs = [  # lines without a letter or digit ("--------", "|") carry nothing
            (line, line_f)
            for line, line_f in zip(body.split("\n"), body_f.split("\n"), strict=True)
            if TOKEN.search(line) and line_f not in (title_f, lead_f)
        ]
        pairs = _split_glued_tails(pairs)
        lines = [line for line, _ in pairs]
        folded = [line_f for _, line_f in pairs]
        line_words = list(map(str.split, lines))
        capitals = list(map(_words_in_capitals, line_words))
        zones = _classify_lines(lines, folded, capitals, list(map(len, line_words)))
        _trailing_teasers(lines, folded, zones, title_f)
        pieces: list[tuple[str, str]] = [("title", title_n)]
        folded_pieces = [title_f]
        if lead_n:
            pieces.append(("lead", lead_n))
            folded_pieces.append(lead_f)
        else:
            # The first paragraph is the lead; a headline-like line (a related link, a
            # sub-heading) is not.
            _s, _p, _m, headline_words = _markers()
            first = next(
                (k for k, z in enumerate(zones) if z == "body" and not _DATELINE.match(lines[k])), None
            )
            if (
                not title_n.strip()
                and first is not None
                and first + 2 < len(lines)
                and zones[first + 1] == zones[first + 2] == "body"
                and _chrome_above_headline(lines[first], headline_words)
                and _headline_first(lines, folded, first + 1, headline_words)
            ):
                # No title given, and the text opens on page chrome above its headline (session 23).
                zones[first] = "link"
                first += 1
            if (
                not title_n.strip()
                and first is not None
                and first + 1 < len(lines)
                and zones[first + 1] == "body"
                and _headline_first(lines, folded, first, headline_words)
            ):
                # No title given, and the text opens on its headline (session 19, not blind): a
                # headline-like line of a sentence's length over a paragraph. The paragraph is the lead.
                zones[first] = "title"
                first += 1
            if (
                first is not None
                and (words := len(lines[first].split())) > 12
                and not _is_headline_like(lines[first], words, headline_words)
            ):
                zones[first] = "lead"
            if (
                not title_n.strip()
                and first
                and zones[first] == "lead"
                and words >= _SAPO_WORDS
                and (zones[first - 1] == "link" or _DATELINE.match(lines[first - 1]))
            ):
                # No title given (a passage, a page whose title was not extracted): the
                # headline-like line right above the first paragraph (or above its dateline:
                # "Thứ Hai 14/06/2021, 09:15 (GMT+7)") is the headline.
                k = first - 1
                if k > 0 and _DATELINE.match(lines[k]):
                    k -= 1
                if zones[k] == "link" and _headline_above_lead(
                    lines[k], folded[k], len(lines[k].split()), headline_words
                ):
                    zones[k] = "title"
        capitals[:0] = [in_capitals(piece) for _zone, piece in pieces]  # the title and lead
        pieces.extend(zip(zones, lines, strict=True))
        folded_pieces.extend(folded)
        self.text = "\n".join(p for _, p in pieces)
        self.folded = "\n".join(folded_pieces)
        self._positions: dict[str, list[int]] | None = None
        # Per-document caches of the matchers, keyed by the matcher: the syllable positions each
        # one found (phrases.py, english.py).
        self.memo: dict[object, list[int]] = {}
        # Syllables of the places the gazetteer found (indexer.ocop.places fills it in, before the
        # other steps run): the names a block without case still shows.
        self.known_names: frozenset[int] = frozenset()
        self._tokenise(pieces, capitals)

    def _tokenise(self, pieces: list[tuple[str, str]], capitals: list[bool]) -> None:
        # One regex pass over the whole text (pieces are joined by "\n", which no syllable
        # crosses); each block then takes its slice of the syllables.
        text = self.text
        # re.split with a capturing group alternates separators and syllables: every list below
        # is built by C-level passes (split, map, accumulate) instead of a Python loop per syllable.
        parts = (_WORD_SPLIT if "_" not in text else _SYLLABLE_SPLIT).split(text)
        orig = parts[1::2]
        offsets = list(accumulate(map(len, parts)))
        starts, ends = offsets[0:-1:2], offsets[1::2]
        block_of: list[int] = []
        sent_of: list[int] = []
        spans: list[tuple[str, int, int, int, int, bool]] = []  # each block before `_describe`
        offset = 0
        sentence = 0
        first = 0
        for b, (zone, piece) in enumerate(pieces):
            start, end = offset, offset + len(piece)
            offset = end + 1
            last = bisect_left(starts, end, first)
            count = last - first
            block_of += [b] * count
            breaks = (
                [m.end() + start for m in _SENTENCE_END.finditer(piece) if self._breaks(piece, m)]
                if count and _SENTENCE_END.search(piece)
                else []
            )
            if breaks:
                sent_of += map(add, repeat(sentence), map(bisect_right, repeat(breaks), starts[first:last]))
            else:
                sent_of += [sentence] * count
            sentence += len(breaks) + 1
            spans.append((zone, start, end, first, last, capitals[b]))
            first = last
        self.orig, self.starts, self.ends = orig, starts, ends
        # Folding goes character by character, so a syllable's folded form is its slice of the
        # folded text: looked up in the per-process table of folded syllables (one dict probe per
        # syllable instead of a second regex pass over the text).
        self.low = list(map(str.lower, orig))
        self.fold = folded_syllables(orig)
        self._cap = list(map(str.isupper, map(itemgetter(0), orig)))
        self._gaps = [0, *map(_GAP_LENGTHS.__getitem__, parts[2:-1:2])]
        # The text before each syllable, from the split (its even parts): matchers ask for the
        # gap between two syllables hundreds of times per article (`gap`, `adjacent`).
        self._gap_text = parts[0:-1:2]
        self.block_of, self.sent_of = block_of, sent_of
        self.sent_start = [True, *map(ne, sent_of[1:], sent_of)] if orig else []
        # No phrase runs across a sentence end either ("… nông dân Đồng. Nai tơ …" is no Đồng Nai;
        # session 22): the gap before a sentence's first syllable gets the comma's length. The
        # splitter's own rules (`_breaks`) keep "TP. Hà Nội" and "1.236" whole.
        gaps = self._gaps
        for k in compress(range(1, len(orig)), self.sent_start[1:]):
            if block_of[k] == block_of[k - 1]:  # (a block's end was never crossed: matchers stop there)
                gaps[k] = _MARKED_GAP
        letters = list(map(not_, map(str.isdigit, orig)))
        # Running counts of syllables with letters, and of those with diacritics or a capital:
        # each block reads its own counts as two differences.
        counts = (
            [0, *accumulate(letters)],
            [0, *accumulate(map(and_, map(ne, self.fold, self.low), letters))],
            [0, *accumulate(map(and_, self._cap, letters))],
        )
        self.blocks = [self._describe(*span, counts) for span in spans]
        alpha = counts[0][-1]
        self.caseless = alpha > 0 and counts[2][-1] <= 0.02 * alpha

    def reference_year(self, deadline_before: Callable[[int], bool]) -> int | None:
        """The year the text speaks from: its publication year, or else the latest year it
        states as a time ("năm 2023", "ngày 5/11/2023"), not counting years that a deadline
        phrase (`deadline_before(k)`: "đến năm", "đến hết năm") or a span ("2021-2025") puts
        ahead; or else the year it was written by at the latest (`written_by_year`, session 22:
        "Đến năm 2030, toàn tỉnh có 200 sản phẩm OCOP" crawled in 2026 is a target). None when
        neither is known."""
        if self.published_year is not None:
            return self.published_year
        if not self._reference_done:
            positions = self.positions()
            years = [
                year
                for year in range(1990, 2100)
                for k in positions.get(str(year), ())
                if self.blocks[self.block_of[k]].zone in CONTENT_ZONES
                and ((self.fold[k - 1] == "nam" and self.adjacent(k)) or self.gap(k) == "/")
                and self.gap(k).strip() not in ("-", "–")
                and not (k + 1 < len(self.orig) and self.gap(k + 1).strip() in ("-", "–"))
                and not deadline_before(k)
            ]
            latest = self.written_by_year
            stated = max(years, default=latest)
            # a text cannot speak from after it was written: "Năm 2030, …" is ahead of its crawl
            self._reference_year = stated if latest is None or stated is None else min(stated, latest)
            self._reference_done = True
        return self._reference_year

    def positions(self) -> dict[str, list[int]]:
        """Every folded syllable with the ascending list of its positions (built on first use)."""
        if self._positions is None:
            # A plain dict with a membership test: about 15 % less CPU time than a defaultdict,
            # which (a subclass) misses the interpreter's fast path for subscripting a dict.
            positions: dict[str, list[int]] = {}
            for k, syllable in enumerate(self.fold):
                if syllable in positions:
                    positions[syllable].append(k)
                else:
                    positions[syllable] = [k]
            self._positions = positions
        return self._positions

    @staticmethod
    def _breaks(piece: str, m: re.Match[str]) -> bool:
        # No sentence break after "TP." or "Q." or inside "1.236"; one needs a capital or digit next.
        nxt = piece[m.end() : m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“'("):
            return False
        return not _abbreviation_at(piece, m.start())

    def _describe(
        self,
        zone: str,
        start: int,
        end: int,
        a: int,
        z: int,
        capitals: bool,
        counts: tuple[list[int], list[int], list[int]],
    ) -> Block:
        """A block, with whether it is written with diacritics and whether its capitals mean
        names. `counts`: running counts of syllables with letters, with diacritics, with a capital."""
        letters, marked, caps = counts
        alpha = letters[z] - letters[a]
        if not alpha:
            return Block(zone, start, end, a, z, False, False, z - a, capitals)
        accented = marked[z] - marked[a]
        upper = caps[z] - caps[a]
        line = self.text[start:end]
        # A list item ("- Gạo Điện Biên An Phú (3 sao)") is a name written in ordinary case, not a
        # Title Case headline, unless it is in capitals throughout (round 19).
        item = _BULLET.match(line) is not None and not capitals
        title_case = alpha >= 3 and upper >= 0.7 * alpha and alpha - upper < _LOWER_IN_TITLE_CASE
        return Block(
            zone,
            start,
            end,
            a,
            z,
            accented >= 0.15 * alpha,
            capitals or (title_case and not item),
            z - a,
            capitals,
        )

    # -- questions the matchers ask about one syllable --------------------------------------------

    def is_cap(self, i: int) -> bool:
        return self._cap[i]

    def is_acronym(self, i: int) -> bool:
        """An abbreviation in capitals ("HTX", "OCOP", "TP"). In a line written in capitals every
        word is in capitals: there only a word no Vietnamese syllable spells is one, so "(THANH
        HÓA)" after a company's name is its province, not part of the name as "(HTX)" would be."""
        t = self.orig[i]
        if len(t) < 2 or not t.isupper():
            return False
        return not self.blocks[self.block_of[i]].capitals or _SYLLABLE.fullmatch(self.fold[i]) is None

    def names_by_case(self, i: int) -> bool:
        """Whether capitals in this syllable's block mark names (not ALL CAPS, not all lower case)."""
        return not self.caseless and not self.blocks[self.block_of[i]].shouty

    def is_name(self, i: int) -> bool:
        """Whether syllable i is part of a proper name: a capital (not an acronym) where case
        marks names; where it cannot (a line in capitals, a text in lower case), a place the
        gazetteer found ("CÁC SẢN PHẨM OCOP TRÀ VINH ĐẠT 3 SAO": these products, not a rule)."""
        if not self._cap[i]:
            return i in self.known_names and not self.names_by_case(i)
        return not self.is_acronym(i) if self.names_by_case(i) else i in self.known_names

    def gap(self, i: int) -> str:
        """The characters between syllable i-1 and syllable i."""
        return self._gap_text[i] if i > 0 else ""

    def tight(self, i: int, j: int) -> bool:
        """Syllables i..j-1 are written as one phrase: short separators only, none of them a comma
        or a semicolon (list items are no phrase) or a sentence end (session 22), same block."""
        return j - i < 2 or max(self._gaps[i + 1 : j]) <= 3

    def tight_across(self, i: int, j: int, marks: frozenset[int]) -> bool:
        """`tight` for a phrase written with commas itself ("sản phẩm, nhóm sản phẩm"): a short
        separator with a comma may stand at the phrase's own commas (syllable k - i in `marks`)."""
        gaps, text = self._gaps, self._gap_text
        return all(gaps[k] <= 3 or (k - i in marks and len(text[k]) <= 3) for k in range(i + 1, j))

    def adjacent(self, i: int) -> bool:
        """Syllable i follows syllable i-1 with only spaces between, in the same block."""
        return i > 0 and self.block_of[i] == self.block_of[i - 1] and not self._gap_text[i].strip()

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Syllables [a, b) of syllable i's sentence (sentence numbers never decrease)."""
        s = self.sent_of[i]
        return bisect_left(self.sent_of, s, 0, i), bisect_right(self.sent_of, s, i)

    def content_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.zone in CONTENT_ZONES]

    def __len__(self) -> int:
        return len(self.orig)
