"""Bylines: who wrote the article (`authors`) and which agency it came from (`source_agency`).

A Vietnamese byline mixes people, roles and agencies: "Ngô Hải", "MINH KHUÊ", "Thành Vinh, Hữu
Phước", "Minh Anh (TTXVN)", "Theo TTXVN", "Nhóm PV", "Bài và ảnh: Hà Linh". Researchers filter
and count by author, so only names of people go to `authors`; agencies and newsroom roles (PV =
phóng viên, CTV = cộng tác viên) go to `source_agency`; the outlet's own name goes nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.extraction.dates import looks_like_date
from crawler.extraction.dom import (
    BLOCK_TAGS,
    NON_CONTENT_TAGS,
    PageIndex,
    ancestors,
    attached,
    in_chrome,
    is_centred,
    next_element,
    short_raw_text,
    short_text,
    text_of,
    words_of,
)
from crawler.extraction.keys import folded, squash
from crawler.extraction.outlet import OutletNames, site_key
from crawler.extraction.places import is_place
from crawler.extraction.teasers import beside_a_teaser
from crawler.extraction.vocab import load
from indexer.text import clean, fold

# Vocabularies (domain words, not sites): crawler/extraction/data/bylines.toml.
_VOCAB = load("bylines")
# Newsroom roles and wire agencies that stand where a name would: folded text → usual spelling.
_AGENCIES: dict[str, str] = dict(_VOCAB["agencies"])
# An author box's heading before the writer's name: "About the author Ana Ruiz".
_BOX_LABEL = re.compile(r"^(?:" + "|".join(_VOCAB["words"]["box_labels"]) + r")\s+(?=[A-ZÀ-ỸĐ])", re.I)
_LABELS = re.compile(
    # a code-comment slash pair may open the line as decoration ("// By Ana Ruiz • date")
    r"^\s*(?://+\s*)?(?:(?:"
    + "|".join(
        [
            *_VOCAB["words"]["credit_labels"],
            *_VOCAB["words"]["genre_by"],
            *_VOCAB["words"]["foreign_by_words"],
            *_VOCAB["words"]["foreign_credit_labels"],
        ]
    )
    + r")\s*[:：]\s*"
    # "by"-words are prepositions and need no colon: "Viết bởi Lý Thanh Sơn", "Bởi Lý Thanh Sơn",
    # "Posted by …"
    r"|(?:(?:viết\s*|đăng\s*|gửi\s*)?bởi|(?:posted\s*|written\s*|story\s*|reported\s*)?by|"
    + "|".join(_VOCAB["words"]["foreign_by_words"])
    + r")\s+(?=[A-ZÀ-ỸĐ])"
    # an author box's heading: "About the author Ana Ruiz"
    r"|"
    + _BOX_LABEL.pattern[1:]
    +
    # a genre noun with "của" ("of") before the writer: "Ghi chép của Lan Anh" (a reporter's notes)
    r"|(?:"
    + "|".join(_VOCAB["words"]["genre_by"])
    + r")\s+của\s+(?=[A-ZÀ-ỸĐ]))",
    re.I,
)


def has_byline_label(text: str) -> bool:
    """The text opens with a byline label ("Tin, ảnh:", "Bài và ảnh:", "Tác giả:"): a credit for
    the story, not a photo credit under a caption."""
    return bool(_LABELS.match(text))


_PHOTO_CREDIT = re.compile(
    r"[-–|,;]?\s*(?:ảnh|video|clip|đồ\s*họa|thiết\s*kế)\s*[:：].*$"
    # "Text von Anna Berg Illustration von Jan Roth": the pictures' maker after the writer
    r"|[-–|,;]?\s+(?:"
    + "|".join(_VOCAB["words"]["foreign_image_credits"])
    + r")\s*(?:[:：]|\s(?:von|by|de)\s).*$",
    re.I,
)
# The photographer credited first, the writer after: "Ảnh: Khánh Vy | Bài: Thế Vinh" (the photo
# credit runs to the writer's label, not to the end of the line).
_PHOTO_FIRST = re.compile(
    r"^\s*(?:ảnh|video|clip|đồ\s*họa|thiết\s*kế)\s*[:：][^:：]*?(?:\s[-–|]\s|[;|,]\s*)"
    r"(?=(?:bài|nội\s*dung|tin|thực\s*hiện|tác\s*giả|người\s*viết)\s*[:：])",
    re.I,
)
_SOURCE = re.compile(r"^\s*(?:theo|nguồn|nguon|source)\s*[:：]?\s+(.+?)\s*\.?$", re.I)
_PARENTHESISED = re.compile(r"\(([^()]{2,40})\)")
# A source credit set in brackets as a whole: "(Theo TTXVN)", "(Nguồn: Báo X)".
_BRACKETED_SOURCE = re.compile(r"^\(\s*((?:theo|nguồn|nguon|source)\b[^()]+?)\s*\)\.?$", re.I)
# "Ca Tiếu(theo online-tech-tips)", "Minh Khuê (Theo Reuters)": a writer and the source rewritten.
_NAME_THEN_SOURCE = re.compile(
    r"^(?P<name>[^()]{2,40}?)\s*\(\s*(?:theo|nguồn)\s*:?\s*(?P<source>[^()]{2,40})\)\s*\.?$", re.I
)
# What the writer did, not who: "(t/h)", "(lược dịch)", "(thực hiện)", "(ghi)", "(*)" after a name
# (bylines.toml role_notes).
_COMPILER_NOTE = re.compile(
    r"\s*\((?:"
    + "|".join(re.escape(note).replace(r"\ ", r"\s*") for note in _VOCAB["words"]["role_notes"])
    + r"|\*+)\)\s*$",
    re.I,
)
# The same notes unbracketed, in lower case, closing the credit: "Thục Anh dịch", "Lan Anh lược dịch".
_BARE_NOTE = re.compile(
    r"(?<=\w)\s+(?:"
    + "|".join(
        re.escape(note).replace(r"\ ", r"\s+")
        for note in _VOCAB["words"]["role_notes"]
        if (note.isalpha() and len(note) > 2) or " " in note  # not "th", "t/h": too short unbracketed
    )
    + r")\s*$"
)
# chained degrees too: "PGS.TS. Phan Lâm"
_ABBREVIATION = re.compile(r"\b(?:(?:ths|tskh|ts|pgs|gs|bs|ls|ks|th\.s)\.)+(?=\s)", re.I)
# A part that opens with an institution's word names a newsroom or an office, not a person:
# "Đài PT-TH Sơn La", "Báo Yên Bái", "Trung tâm Khuyến nông". Matched with diacritics ("Bảo
# Anh" is a name, "Báo …" a newspaper).
_INSTITUTION = re.compile(r"^(?:" + "|".join(_VOCAB["words"]["institution_words"]) + r")\b", re.I)
# a bar's bullet or middle dot too: "P.Thảo – N.H •" once the date after it is set apart
_STRONG_SPLIT = re.compile(r"\s*(?:[,;/|•·]|\s[-–—]\s)\s*")
_WEAK_SPLIT = re.compile(r"\s+(?:và|&|and)\s+", re.I)
# the last of a list after a comma ("A, B, and C", "A, B, và C"): the conjunction opens the piece
_OPENING_AND = re.compile(r"^(?:và|&|and)\s+(?=\S)", re.I)
_HONORIFIC = re.compile(r"^(?:" + "|".join(_VOCAB["words"]["name_titles"]) + r")\s+(?=\S)", re.I)
# A sentence ends inside the text: not after an initial ("K. Miên", "H.V. Nam" are names).
_SENTENCE_BREAK = re.compile(r"(?:(?<![\s.][A-ZĐ])(?<!^[A-ZĐ])\.|[!?…])\s+\S")
# An initial is a capital, or the first letters of a syllable's onset ("Ng.Hùng", "Th.Lan").
_INITIALS = re.compile(r"^(?:(?:Ngh|Ng|Nh|Th|Tr|Ph|Kh|Ch|Gi|Qu|[A-ZĐ])\.){1,3}[A-ZĐ]?[a-zà-ỹ]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+&/]{1,7}$")
# Two or three capitals without dots, each one a letter a Vietnamese name can start with (no F, J,
# W, Z): a reporter's initials signing alone ("TP", "HA", "NTH"), unless the word is a known
# agency, outlet or abbreviation (bylines.toml: agencies, not_initials).
_BARE_INITIALS = re.compile(r"^[A-EGHIK-VXYĐ]{2,3}$")
_NOT_INITIALS = frozenset(_VOCAB["words"]["not_initials"])
# Chrome texts that look like capitalised names ("TIN LIÊN QUAN", "Bình Luận") and are not.
_NOT_NAMES = frozenset(_VOCAB["words"]["not_names"])
_ROLES = "|".join(re.escape(word) for word in _VOCAB["words"]["role_titles"])
# "Energy Reporter", "Senior Staff Writer": up to three capitalised words and a role title.
_ROLE_TITLE = re.compile(rf"(?:[A-Z][\w&'-]*\.?\s+){{0,3}}(?i:{_ROLES})s?")
_ROLE_AFTER_NAME = re.compile(rf"\s*[,|–—-]\s*{_ROLE_TITLE.pattern}\s*$")
_ROLE_WORD = re.compile(rf"(?i:{_ROLES})s?")
_ROLE_OPENERS = frozenset(_VOCAB["words"]["role_openers"])
_CHROME_NAME_WORDS = frozenset(_VOCAB["words"]["chrome_name_words"])
# A bare byline label with no name after it ("By" in an empty author slot).
_BARE_LABEL = re.compile(
    r"(?:posted\s*|written\s*|story\s*|reported\s*)?by\W*|bởi\W*|(?:"
    + "|".join(_VOCAB["words"]["foreign_by_words"])
    + r")\W*",
    re.I,
)
_DESK = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _VOCAB["words"]["desk_words"]) + r")\b")
# The outlet's editorial board as a whole credit: the board, then at most the outlet's name.
_BOARD = re.compile(r"^\(?(?:bbt|ban bien tap|toa soan)\b[^,;|()]{0,40}\)?\.?$")
_MAX_NAME_WORDS = 5
# One Vietnamese syllable, folded: onset, vowel nucleus, and one of the few codas Vietnamese has.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_TAIL_WORD = re.compile(r"\w+")
# What the writer is or where they write from, after the name: "(từ Đà Lạt)", ", phóng viên Báo X",
# " - Trưởng văn phòng đại diện tại Y" (bylines.toml posting_heads, posting_words).
_POSTING_HEAD = re.compile(
    r"^(?:" + "|".join(_VOCAB["words"]["posting_heads"]) + r")\s+(?P<rest>\S.*)$", re.I
)
_POSTING_WORDS = frozenset(_VOCAB["words"]["posting_words"])
# "Lan Anh từ Seoul": the place written from, unbracketed, closing the line.
_FROM_TAIL = re.compile(r"\s+từ\s+[A-ZÀ-ỸĐ][^\s,;()]*(?:\s+[A-ZÀ-ỸĐ][^\s,;()]*){0,3}\s*$")
# An e-mail address or a phone number after the name, with its label: "Lan Anh - Email: la@x.vn",
# "Lan Anh (ĐT: 0912 345 678)", "Lan Anh | 0905.123.456" (bylines.toml contact_labels).
_CONTACT = re.compile(
    r"(?:\s*[-–|,;/]\s*|\s*\(\s*|\s+)(?:(?:"
    + "|".join(_VOCAB["words"]["contact_labels"])
    + r")\s*[:：.]?\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+84\s?|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4})\s*\)?",
    re.I,
)


def is_posting(text: str) -> bool:
    """ "từ Đà Lạt", "phóng viên Báo X", "PV thường trú tại Tây Nguyên": a phrase that says what
    the writer is or where they write from. After its opening word, every lower-case word must be
    one of a posting's (bylines.toml posting_words) and one word at least is a capitalised name,
    so the start of a sentence ("phóng viên báo X cho biết") is none."""
    found = _POSTING_HEAD.match(text.strip())
    if found is None:
        return False
    words = found["rest"].split()
    named = [w for w in words if w[:1].isupper()]
    return bool(named) and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _POSTING_WORDS for w in words
    )


# A reader's letter signed with a label: "Bạn đọc X, Bình Dương" (bylines.toml reader_labels).
_READER = re.compile(r"^\s*(?i:" + "|".join(_VOCAB["words"]["reader_labels"]) + r")\s*[:：]?\s+(?=\w)")
_PIECES = re.compile(r"(\s*(?:[,;|]|\s[-–—]\s)\s*)")


def _without_reader_place(text: str) -> str:
    """A reader's letter's signature without its label and the place the reader writes from
    ("Bạn đọc Lê Văn An, Bình Dương", "Độc giả Lê Văn An (huyện Củ Chi, TP.HCM)" → "Lê Văn An"):
    readers sign with their province or town, which is no second writer."""
    found = _READER.match(text)
    if found is None:
        return text
    rest = text[found.end() :]
    for inner in _PARENTHESISED.findall(rest):
        if is_place(inner):
            rest = rest.replace(f"({inner})", " ")
    pieces = _PIECES.split(rest)
    kept = pieces[:1]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if not is_place(piece.strip()):
            kept += [separator, piece]
    return clean("".join(kept))


def _without_writer_notes(text: str) -> str:
    """The credit without what it says about the writer beyond the name: contacts, a posting in
    brackets, the place written from ("Lan Anh (từ Huế) - lananh@x.vn" → "Lan Anh"). Postings
    set apart by a comma or a dash are dropped piece by piece (parse_byline)."""
    bare = _CONTACT.sub(" ", text) if any(c.isdigit() for c in text) or "@" in text else text
    for inner in _PARENTHESISED.findall(bare):
        if is_posting(inner):
            bare = bare.replace(f"({inner})", " ")
    unplaced = _FROM_TAIL.sub("", bare)
    if len(unplaced.split()) >= 2:
        bare = unplaced
    bare = clean(bare)
    return bare if bare else text


def _is_contact_link(element: etree._Element) -> bool:
    return element.tag == "a" and (element.get("href") or "").lower().startswith(("mailto:", "tel:"))


def _without_contact_links(element: HtmlElement, text: str) -> str:
    """The element's text with its mailto:/tel: links read as separators: templates set the link
    right after the name with no space between in the source ("<b>Lan Anh</b><a href='mailto:…'>
    la@x.vn</a>"), and a card per writer puts the next writer's name right after it."""
    for link in element.iter("a"):
        if _is_contact_link(link) and (said := clean(link.text_content())):
            text = text.replace(said, " | ")
    return clean(_EMPTY_BRACKETS.sub(" ", text)).strip(" |")


_EMPTY_BRACKETS = re.compile(r"\(\s*\|?\s*\)")
_PLACE_CLASS_WORDS = frozenset(_VOCAB["words"]["place_class_words"])


def _classed_place(child: HtmlElement, box: HtmlElement) -> bool:
    """The byline's place, in an element of its own classed so ("signature__location"): a city
    has a name's shape ("Porto Alegre"), and where the signature holds nothing else it named the
    city as the writer."""
    for node in [child, *ancestors(child)]:
        if node is box:
            return False
        if words_of(node) & _PLACE_CLASS_WORDS:
            return True
    return False


def _without_places(element: HtmlElement, text: str) -> str:
    """The element's text without what its place-classed elements print."""
    for node in element.iterdescendants():
        if (
            isinstance(node.tag, str)
            and words_of(node) & _PLACE_CLASS_WORDS
            and (said := clean(node.text_content()))
        ):
            text = text.replace(said, " | ")
    return clean(text).strip(" |")


def _has_writer_note(text: str) -> bool:
    """The credit says who the writer is beyond the name: a contact or a posting."""
    if _without_writer_notes(text) != clean(text):
        return True
    return any(is_posting(piece) for piece in _STRONG_SPLIT.split(text)[1:])


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    outlet_only: bool = False  # the line only named the outlet itself
    # Co-authors the line announces without naming them ("NHẬT XUÂN và 1 tác giả khác"): the
    # template prints the full list elsewhere (a footer byline, a pop-up list).
    unnamed: int = 0

    @property
    def incomplete(self) -> bool:
        """The line names fewer people than it says wrote the story."""
        return self.unnamed > 0

    def __bool__(self) -> bool:
        return bool(self.authors or self.agency or self.outlet_only)


def add_names(into: list[str], names: list[str]) -> None:
    """Append names not yet in `into`, compared without case: a header and a footer byline print
    the same people ("NHẬT XUÂN" above, "Nhật Xuân" below); print order is kept."""
    known = {name.casefold() for name in into}
    for name in names:
        if name.casefold() not in known:
            into.append(name)
            known.add(name.casefold())


def _title_case(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


_PREFIXED_NAME_WORD = re.compile(
    r"^(?i:" + "|".join(map(re.escape, _VOCAB["words"]["name_word_prefixes"])) + r")(?P<rest>[^\W\d_]{2,})$"
)


def _word_is_name(word: str) -> bool:
    if _INITIALS.match(word):
        return True
    if word[:1].isupper() and (prefixed := _PREFIXED_NAME_WORD.match(word)):
        rest = prefixed["rest"]
        if rest[0].isupper() and rest[1:].islower():
            return True  # "O'Brien", "McKay", "DeLuca": a surname's prefix, then a capitalised name
    letters = word.replace("-", "")
    if not letters.isalpha():
        return False
    if letters[0].isupper() and (letters[1:].islower() or letters.isupper() or len(letters) == 1):
        return True
    # a hyphenated given name capitalises each part ("Mei-Lin", "Jean-Luc")
    parts = word.split("-")
    return len(parts) > 1 and all(part[:1].isupper() and part[1:].islower() for part in parts)


_NAME_PARTICLES = frozenset(_VOCAB["words"]["name_particles"])


def _words_are_name(words: list[str], particles: bool) -> bool:
    """Every word is a name word, or a lower-case particle between two ("Sofia de la Fuente",
    "Piet van Dam"): a particle never opens or closes a name."""
    inner = set(range(1, len(words) - 1)) if particles else set()
    return all(_word_is_name(w) or (i in inner and w in _NAME_PARTICLES) for i, w in enumerate(words))


def person_name(
    text: str, *, min_words: int = 1, pen_name: bool = False, particles: bool = False
) -> str | None:
    """The text as a person's name ("MINH KHUÊ" → "Minh Khuê"), or None if it does not look like one.
    `pen_name`: the text stands where a signature does, so one word need not be a Vietnamese
    syllable ("Papai"). `particles`: the text is a labelled credit or an author field, where a
    lower-case particle inside a name ("Sofia de la Fuente") is read; elsewhere "Villa de Leyva"
    beside a writer's name is a place of the same shape."""
    text = _HONORIFIC.sub("", clean(text)).strip(" .,:;-–")
    if nickname := _NICKNAME.search(text):
        return _nicknamed(text, nickname, min_words=min_words, pen_name=pen_name, particles=particles)
    words = text.split()
    # initials pack several parts of a name into one word: "H.Anh", "N.H" count as two
    parts = sum(len([p for p in w.split(".") if p]) if _INITIALS.match(w) else 1 for w in words)
    if not (min_words <= parts and len(words) <= _MAX_NAME_WORDS) or len(text) > 40:
        return None
    if fold(text) in _NOT_NAMES or not _words_are_name(words, particles):
        return None
    if all(fold(word) in _CHROME_NAME_WORDS for word in words):
        return None  # "Read Full Story", "Facebook Twitter Linkedin": a row of buttons
    if len(words) == 1 and _ACRONYM.match(words[0]) and not _has_vietnamese_letters(words[0]):
        return None  # "TTXVN", "VNA": an agency, not a person
    one_word = len(words) == 1 and not pen_name and not _INITIALS.match(words[0])
    if one_word and not _SYLLABLE.match(fold(words[0])):
        return None  # a one-word signature is a Vietnamese given name ("Trung"), not "Forbes"
    if text.isupper() or any(w.isupper() and len(w) > 1 and not _INITIALS.match(w) for w in words):
        text = " ".join(w if _INITIALS.match(w) else _title_case(w) for w in words)
        named = text.split()
        if len(named) >= 3 and named[0] not in _FAMILY_NAMES and named[-1] not in _FAMILY_NAMES:
            return None  # capitals hide the case of a heading ("NHỮNG CON SỐ"): a full name has a family name
    return text


# A nickname or pen name in quotes, as a word of the name: 'Maria "Mimi" Okafor', "Trần Văn Hai
# “Hai Lúa”". The quotes stand apart from the words around them ("O'Brien" holds no nickname).
_NICKNAME = re.compile(r"""(?<!\S)(["“‘'«])([^"“”‘’'«»]{1,30})(["”’'»])(?!\S)""")
_NICKNAME_WORDS = 3


def _nicknamed(text: str, nickname: re.Match[str], **reading: Any) -> str | None:
    """A name with a nickname in quotes among its words: the name around it must be a person's
    and the nickname a few name words; the nickname stays where it was printed, in its quotes (the
    writer signs so), in the case the name is given."""
    rest = f"{text[: nickname.start()]} {text[nickname.end() :]}"
    said = nickname[2].split()
    name = person_name(rest, **reading)
    if name is None or not 0 < len(said) <= _NICKNAME_WORDS or not all(map(_word_is_name, said)):
        return None
    if clean(rest) != name:  # capitals read in a name's case: the nickname in the same case
        said = [w if _INITIALS.match(w) else _title_case(w) for w in said]
    words = name.split()
    before = len(text[: nickname.start()].split())
    quoted = f"{nickname[1]}{' '.join(said)}{nickname[3]}"
    return " ".join([*words[:before], quoted, *words[before:]])


_PEN_NAME_NOTE = re.compile(
    r"^(?:(?:" + "|".join(_VOCAB["words"]["pen_name_labels"]) + r")\s*:?\s+)(?P<name>\S.*)$", re.I
)


def _is_pen_name_note(inner: str) -> bool:
    """A bracket after a name that gives the writer's other name: labelled ("bút danh Thu Sương",
    "aka Annie") or wholly in quotes ("“Thu Sương”"). The writer is the name before it."""
    labelled = _PEN_NAME_NOTE.match(inner.strip())
    said = labelled["name"] if labelled else inner.strip()
    quoted = _NICKNAME.fullmatch(said)
    if not labelled and not quoted:
        return False
    return person_name(quoted[2] if quoted else said, pen_name=True) is not None


def _has_vietnamese_letters(word: str) -> bool:
    return fold(word) != word.lower()


def agency_name(text: str) -> str | None:
    """A wire agency or newsroom role ("TTXVN", "PV", "Nhóm PV"), in its usual spelling; with a
    regional desk after a hyphen ("VOV-Tây Bắc", "TTXVN-Cần Thơ") as printed."""
    key = re.sub(r"\s+", " ", fold(text).strip(" .()[]-–:"))
    if key in _AGENCIES:
        return _AGENCIES[key]
    head, dash, region = text.strip(" .()[]").partition("-")
    if (
        dash
        and region.strip()
        and fold(head.strip()) in _AGENCIES
        and (person_name(region, min_words=1) or fold(region.strip()) in _AGENCIES)  # "TTXVN-Bnews"
    ):
        return clean(f"{_AGENCIES[fold(head.strip())]}-{region.strip()}")
    stripped = text.strip(" .()[]-–:")
    if _ACRONYM.match(stripped) and not _has_vietnamese_letters(stripped):
        return clean(stripped)
    if _WEB_NAME.match(stripped):  # "VTV.vn", "VOV.VN" after a writer's slash: the outlet's web edition
        return stripped
    parts = stripped.split("/")
    if len(parts) > 1 and all(parts) and all(agency_name(part) for part in parts):
        return "/".join(agency_name(part) or part for part in parts)  # "VNA/Vietnam+": one credit, as printed
    for cut in range(min(3, len(stripped.split()) - 1), 0, -1):
        # "Nhóm phóng viên Báo Tiền Phong", "PV Báo Cần Thơ": a newsroom role with the newsroom named
        words = stripped.split()
        role, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if fold(role) in _AGENCIES and _INSTITUTION.match(rest):
            return clean(f"{_AGENCIES[fold(role)]} {rest}")
    return None


# A web address standing as an outlet's name: one or two dotted endings of two to four letters,
# in one case ("VTV.vn", "VOV.VN"); "H.Anh", "Th.Lan" are a reporter's initials and given name.
_WEB_NAME = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.(?:[a-z]{2,4}|[A-Z]{2,4})){1,2}$")


_FAMILY_NAMES = frozenset(_VOCAB["family_names"]["names"])
_OUTLET_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, _VOCAB["words"]["outlet_words"])) + r")\b")
_PLACE_ABBREVIATIONS = frozenset(_VOCAB["words"]["place_abbreviations"])
# The outlet words no Vietnamese name holds ("news", "online"; not "bao", "dai": "Bảo", "Đài" are
# given names): after a writer's name, a part holding one names the paper.
_FOREIGN_OUTLET_WORDS = frozenset(
    w for w in _VOCAB["words"]["outlet_words"] if " " not in w and not _SYLLABLE.match(w)
)


def _outlet_by_shape(inner: str, outlet: OutletNames) -> bool:
    """A parenthesis after a name that names an outlet or a desk ("(Truyền hình Online)", "(HTV
    Digital)", the outlet's own name): where the story comes from, not a second author. Judged by
    its words (bylines.toml outlet_words, an all-capitals acronym, the outlet's own names)."""
    if outlet.matches(inner) or _OUTLET_WORDS.search(re.sub(r"\s+", " ", fold(inner))):
        return True
    words = re.findall(r"[^\W_][^\s()]*", inner)
    acronyms = [w for w in words if _ACRONYM.match(w) and not _has_vietnamese_letters(w)]
    return any(fold(w) not in _PLACE_ABBREVIATIONS for w in acronyms) or any(
        site_key(w) in outlet.keys for w in words
    )


def _source_person(inner: str, outlet: OutletNames) -> Byline | None:
    """ "Theo Phạm Trường", "Theo Sầm Hoa (Vietnamnet/Reuters)", "Theo Minh Nguyễn/Vcamp.vn": a
    person credited for a story taken from elsewhere (the parenthesis, or what follows a slash,
    names where). Without a named source only a name starting with a Vietnamese family name is a
    person; "Theo Tuổi Trẻ" is an outlet of the same shape."""
    where = _PARENTHESISED.findall(inner)
    name_part = _PARENTHESISED.sub(" ", inner).strip()
    person, slash, source = name_part.partition("/")
    words = person.split()
    family_named = bool(words) and (words[0] in _FAMILY_NAMES or words[-1] in _FAMILY_NAMES)
    if slash and source.strip() and family_named and not agency_name(person) and not outlet.matches(person):
        # "Theo Minh Nguyễn/Vcamp.vn" (a family name first or last, Western order included);
        # "Theo Tuổi Trẻ/AFP" names two outlets.
        name = person_name(person, min_words=2)
        if name is not None and not person_name(source.strip(), min_words=1):
            return Byline(authors=[name], agency=source.strip())
    # A parenthesis that names an outlet or an office says the rest is the person it took the story
    # from, whatever the name's shape: "Theo Khánh Vy (Báo Bắc Giang)".
    sourced = bool(where) and (
        _INSTITUTION.match(where[0].strip()) is not None or _outlet_by_shape(where[0], outlet)
    )
    if not name_part or (name_part.split()[0] not in _FAMILY_NAMES and not sourced) or agency_name(name_part):
        return None
    if outlet.matches(name_part):
        return None
    name = person_name(name_part, min_words=2)
    if name is None:
        return None
    return Byline(authors=[name], agency=where[0].strip() if where else None)


_STAMP_WORDS = re.compile(r"[^\W\d_]{2,}")

# A byline bar separates the name from its date with a bar, a spaced dash, a bullet or a middle
# dot ("Đỗ Trung • 07:12 ngày 24/03/2024"), a spaced slash, or puts the date in brackets.
_BAR_SPLIT = re.compile(r"\s*(?:[|•·∙]|\s[-–—/]\s|\(|\))\s*")
# "và 1 tác giả khác", "cùng 2 người khác", "+1 tác giả": co-authors counted, not named (bylines.toml).
_UNNAMED_OTHERS = re.compile(
    r"\s*(?:(?:và|cùng|and|\+)\s*)(?P<count>\d{1,2})\s*(?:"
    + "|".join(re.escape(noun).replace(r"\ ", r"\s+") for noun in _VOCAB["words"]["coauthor_nouns"])
    + r")(?:\s+khác)?\s*$",
    re.I,
)


# A time or a time zone printed apart from the date it goes with ("23:19 | 20/07/2026", "… 17:39
# (GMT+7)"): part of the stamp when the line holds a date.
_BARE_TIME = re.compile(
    r"^(?:\d{1,2}[:h]\d{2}(?:\s*(?:am|pm|sa|ch))?|(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?)$", re.I
)


# A time or date glued to the name before it, two elements printed with no space between
# ("<b>Lan Anh</b>21:04 | 18/11/2019" reads "Lan Anh21:04").
_GLUED_TIME = re.compile(r"(?<=[^\W\d_]{2})(?=\d{1,2}[:/h]\d{2})")


def _is_stamp(piece: str) -> bool:
    """A date or time with at most three words around it ("07/03/2026 08:47", "Thứ sáu, 7/3")."""
    return (
        any(c.isdigit() for c in piece) and looks_like_date(piece) and len(_STAMP_WORDS.findall(piece)) <= 3
    )


_BEFORE_DIGITS = re.compile(r"^([^\d,;:]+?)\s+(?=\d)")


def _name_then_date(piece: str) -> list[str]:
    """A writer's name and the date after it with no separator but a space ("T.Hà 08/03/2011
    20:44", "Nguyễn Lan Anh 08/03/2011"), as two pieces: a date may carry a few words ("Thứ Sáu
    07/03/2026"), so only a name that opens with initials or a family name is split off."""
    found = _BEFORE_DIGITS.match(piece)
    if found is None or not _is_stamp(piece):
        return [piece]
    name = found[1]
    first = name.split()[0]
    if (first in _FAMILY_NAMES or _INITIALS.match(first)) and person_name(name, min_words=2):
        return [name, piece[found.end() :]]
    return [piece]


def _without_stamps(text: str) -> str:
    """The byline bar without its date: "Nguyên Minh | 07/03/2026 08:47", "Nguyên Minh - 07/03/2026",
    "Nguyên Minh (Thứ sáu, 7/3/2026 08:47)" → "Nguyên Minh"; the date rules read the date."""
    if not any(c.isdigit() for c in text):
        return text
    text = _GLUED_TIME.sub(" | ", text)
    pieces = [part for p in _BAR_SPLIT.split(text) if p.strip() for part in _name_then_date(p.strip())]
    stamps = [_is_stamp(p) or bool(_BARE_TIME.match(p)) for p in pieces]
    if not any(_is_stamp(p) for p in pieces):
        return text
    kept = [p for p, stamp in zip(pieces, stamps, strict=True) if not stamp]
    if kept and "(" in text:
        first, last = stamps.index(False), len(stamps) - 1 - stamps[::-1].index(False)
        end = text.rfind(pieces[last]) + len(pieces[last])
        while end < len(text) and text[end] in ") ":  # the bracket that closes the credit
            end += 1
        inner = text[text.find(pieces[first]) : end].strip()
        if not any(stamps[first : last + 1]) and inner and inner.count("(") == inner.count(")"):
            # the date only before or after the credit: the credit as printed, its brackets
            # included ("Phương Thảo (Theo AFP) 08-03-2011" names a writer and her source)
            return inner
    return " - ".join(kept)


def _bare_initials(text: str, outlet: OutletNames) -> str | None:
    """A byline that is nothing but a reporter's initials ("TP"). Only a whole line qualifies:
    inside a longer credit ("Thanh Hải/BNEWS") capitals stay an agency, as agency_name reads them."""
    word = text.strip(" .")
    key = fold(word)
    if not _BARE_INITIALS.match(word) or key in _AGENCIES or key in _NOT_INITIALS or key in _NOT_NAMES:
        return None
    if outlet.matches(word):
        return None
    return word


def _without_glued_role(piece: str) -> str:
    """A writer's name with the job title glued on without a comma, as an author card's name and
    title elements read together ("Ana Ruiz Senior Politics Editor", "Ana Ruiz Contributor"): the
    name. The title opens at a title's opening word (bylines.toml role_openers) among the three
    words before the role word, else it is the role word alone; it is cut only when what remains is
    a name of two words or more ("Jane Writer" may be a surname)."""
    words = piece.split()
    if len(words) < 3 or not words[-1][:1].isupper() or not _ROLE_WORD.fullmatch(words[-1]):
        return piece
    start = len(words) - 1
    for at in range(max(2, len(words) - 4), len(words) - 1):
        if words[at].lower() in _ROLE_OPENERS and all(w[:1].isupper() for w in words[at:]):
            start = at
            break
    name = " ".join(words[:start])
    bare = _LABELS.sub("", name)
    return name if len(bare.split()) >= 2 and person_name(bare, min_words=2) else piece


def _without_glued_roles(text: str) -> str:
    """The credit without job titles glued to the names, and without the employer a title names
    as its last piece ("Ana Ruiz Senior Editor, Harbour Daily": the paper she is editor of)."""
    parts = _PIECES.split(text)
    for i in range(0, len(parts), 2):
        part = parts[i]
        parts[i] = _without_glued_role(part)
        titled = parts[i] != part or (i > 0 and _ROLE_TITLE.fullmatch(part.strip()) is not None)
        if titled and i == len(parts) - 3:
            return "".join(parts[: i + 1 if parts[i] != part else i - 1])
    return "".join(parts)


def _without_furniture_around(text: str) -> str:
    """The name without the author card's furniture read with it as one line: a label word
    before it ("Autor Ana Ruiz") and a link row after it ("Ana Ruiz Alle Artikel", "Ana Ruiz
    Read More"). Two words at least stay and none of them is furniture, and a single furniture
    word after a name stays (it is a surname in "Louise Story")."""
    words = text.split()
    start = 0
    while start < len(words) and fold(words[start]) in _CHROME_NAME_WORDS:
        start += 1
    end = len(words)
    while end > start and fold(words[end - 1]) in _CHROME_NAME_WORDS:
        end -= 1
    if len(words) - end == 1:
        end = len(words)
    kept = words[start:end]
    if (start or end < len(words)) and len(kept) >= 2 and not _CHROME_NAME_WORDS & {fold(w) for w in kept}:
        return " ".join(kept)
    return text


def parse_byline(
    text: str,
    outlet: OutletNames | None = None,
    *,
    min_words: int = 1,
    pen_names: bool = False,
    counts: bool = False,
    field: bool = False,
    labelled: bool = False,
) -> Byline | None:
    """Read a byline; None unless EVERY part of it is a person, an agency or the outlet.

    All-or-nothing matters: the last line of an article ("Hà Nội, ngày 5/8") must not donate a
    "name" because one of its pieces happens to be capitalised. A desk, team or CMS account
    ("SEO, Traffic Team") credits no one. `pen_names`: the line is a signature set apart (right-
    aligned), so a one-word name need not be a Vietnamese syllable. `counts`: the line is a
    byline element's, where a count of co-authors may follow the name ("X và 1 tác giả khác");
    elsewhere such a line is prose about people ("Nguyễn Văn Nam và 2 người khác").
    `field`: the text is an author field's value (a meta tag, structured data), which holds no
    prose: once a person is named, a part that reads as nothing is the outlet or desk the CMS
    appends ("Minh Anh - Nông thôn Ngày nay", "Minh Anh (Tạp chí X)") and is left out.
    `labelled`: the text stands in an element that says it is a byline (an author class), as a
    "By" before it would: a lower-case particle inside a name is read there ("Sofia de la Fuente").
    """
    outlet = outlet or OutletNames(())
    if "\n" in text:  # the date on a line of its own: "Thanh Hà⏎05/02/2020 | 08:41"
        text = " ".join(line for line in text.splitlines() if not _is_stamp(clean(line)))
    text = _without_reader_place(_without_writer_notes(clean(text)))
    if bracketed := _BRACKETED_SOURCE.match(text):
        text = bracketed.group(1)
    if not text or len(text) > 120 or "@" in text or "http" in text:
        return None
    if _SENTENCE_BREAK.search(_ABBREVIATION.sub(" ", text)):  # "ThS. Nguyễn Lan" is no sentence
        return None
    if _ROLE_TITLE.fullmatch(text) and not _LABELS.match(text):
        return None  # a job title alone ("Energy Reporter" in the author card): no one's name
    text = _ROLE_AFTER_NAME.sub("", text)  # "Tom Berg, Staff Writer": the writer, without the title
    text = _without_glued_roles(text)  # "Tom Berg Staff Writer": two elements read as one line
    text = _without_furniture_around(text)  # "Autor Tom Berg Alle Artikel": the card read as one line
    if _DESK.search(fold(text)):
        # the editorial board signing alone ("BBT", "Ban Biên tập Báo X", "Tòa soạn") names the outlet
        # itself; a desk or team elsewhere in a credit names no one
        return Byline(outlet_only=True) if _BOARD.match(fold(text)) else None
    text = _PHOTO_FIRST.sub("", text)
    # under an author box's heading, one word is the writer's name as a signature's is ("Paulo")
    pen_names = pen_names or bool(_BOX_LABEL.match(text))
    # "By Sofia de la Fuente": a labelled credit reads particles inside names
    particles = field or labelled or bool(_LABELS.match(text))
    text = _COMPILER_NOTE.sub("", _PHOTO_CREDIT.sub("", _LABELS.sub("", text))).strip()
    text = _without_stamps(text)
    if _BARE_LABEL.fullmatch(text):
        return None  # "By" (or "By By") in an empty author slot credits no one
    if fold(text).strip(" .") in _AGENCIES:  # "Nhóm thực hiện" is a role, not "Nhóm" with a note
        return Byline(agency=_AGENCIES[fold(text).strip(" .")])
    text = _BARE_NOTE.sub("", text)
    unnamed = 0
    if counts and (others := _UNNAMED_OTHERS.search(text)):
        unnamed, text = int(others["count"]), text[: others.start()].strip()
        if not text:
            return None
    if min_words <= 1 and (initials := _bare_initials(text, outlet)):
        return Byline(authors=[initials])
    result = Byline()
    rewritten = _NAME_THEN_SOURCE.match(text)
    if rewritten:
        name = person_name(rewritten["name"], min_words=min_words)
        return Byline(authors=[name], agency=rewritten["source"].strip()) if name else None
    source = _SOURCE.match(text)
    if source:
        inner = source.group(1)
        if not inner[:1].isupper():  # "Theo kỹ sư Lan, …" is a sentence, not a source line
            return None
        person = _source_person(inner, outlet)
        if person is not None:
            return person
        result.agency = agency_name(inner) or (None if outlet.matches(inner) else inner)
        if result.agency is None:
            result.outlet_only = True
        return result if len(inner.split()) <= 8 else None
    for inner in _PARENTHESISED.findall(text):
        if _is_pen_name_note(inner) and text.replace(f"({inner})", " ").strip():
            text = text.replace(f"({inner})", " ")  # "Lê Thu (bút danh Thu Sương)": one writer
            continue
        agency = agency_name(inner)
        if (
            agency is None
            and text.replace(f"({inner})", " ").strip()
            and (_outlet_by_shape(inner, outlet) or _INSTITUTION.match(inner.strip()))
        ):
            # "Lan Anh (Truyền hình Online)", "Lan Anh (Trung tâm VH-TT&TT huyện …)": the outlet,
            # desk or office credited beside a person
            agency = None if outlet.matches(inner) else clean(inner)
            result.outlet_only = result.outlet_only or agency is None
            text = text.replace(f"({inner})", " ")
        if agency:
            result.agency = result.agency or agency
            text = text.replace(f"({inner})", " ")
    if field:
        text = _PARENTHESISED.sub(" ", text)  # what the loop above did not read as an agency
    previous_agency = False
    initials = None  # "HT/TTXVN", "HT (TTXVN)": initials beside an agency sign as a person
    for piece in filter(None, (p.strip() for p in _STRONG_SPLIT.split(text))):
        if outlet.matches(piece):
            result.outlet_only = True
            continue
        if min_words <= 1 and initials is None and (found := _bare_initials(piece, outlet)):
            initials = found
            continue
        agency = agency_name(piece)
        if agency:
            # "Thanh Hải/BNEWS/TTXVN": the agencies in a row are one credit, as printed
            result.agency = (
                f"{result.agency}/{agency}"
                if result.agency and previous_agency
                else (result.agency or agency)
            )
            previous_agency = True
            continue
        previous_agency = False
        if _INSTITUTION.match(piece) and len(piece.split()) <= 8:
            result.agency = result.agency or clean(piece)
            continue
        if result.authors and is_posting(piece):
            continue  # "Lan Anh, phóng viên Báo X": what the writer is, after the name
        if result.authors and any(word in _FOREIGN_OUTLET_WORDS for word in fold(piece).split()):
            result.agency = result.agency or clean(piece)  # "By Yên Khuê, Saigon News": the paper
            continue
        names = [
            person_name(part, min_words=min_words, pen_name=pen_names, particles=particles)
            for part in _WEAK_SPLIT.split(_OPENING_AND.sub("", piece) if result.authors else piece)
        ]
        if not names or any(name is None for name in names):
            if field and result.authors:
                continue  # the outlet's name after the writer's, in an author field
            return None
        add_names(result.authors, [name for name in names if name])
    if initials is not None:
        if result.authors:  # "Lan Anh/TN": beside a named person, capitals credit an outlet
            result.agency = result.agency or initials
        else:
            result.authors.append(initials)
    if result.authors or result.agency:
        result.outlet_only = False
    result.unnamed = unnamed if result.authors else 0
    return result if result else None


def is_marked_credit(text: str, byline: Byline) -> bool:
    """A byline that says it is a credit, beyond a bare name: an agency or newsroom role beside or
    instead of the name ("Lan Anh (TTXVN)", "Nhóm PV"), a source ("Theo Lan Anh"), a title
    before the name ("PV Lan Anh", "ThS. Lan Anh"), a note on what the writer did ("Lan Anh
    (thực hiện)") or a reader's label ("Bạn đọc Lan Anh"). A bare name alone could be a kicker or
    a place; these could not."""
    text = _LABELS.sub("", clean(text)).strip()
    return bool(
        byline.agency
        or _READER.match(text)
        or _SOURCE.match(text)
        or _HONORIFIC.match(text)
        or _COMPILER_NOTE.search(text)
        or _BARE_NOTE.search(_without_stamps(text))
        or _NAME_THEN_SOURCE.match(text)
        or _has_writer_note(text)
    )


# --- Bylines printed on the page -------------------------------------------------------------

_AUTHOR_WORDS = frozenset(_VOCAB["words"]["author_class_words"])
_AUTHOR_LAST_WORDS = frozenset(_VOCAB["words"]["author_class_last_words"])
_CLASS_WORD = re.compile(r"[a-z]+")


def _ends_with_author_word(element: HtmlElement) -> bool:
    """A class or id token of the element ends with a foreign author word ("meta-autor")."""
    tokens = f"{element.get('class', '')} {element.get('id', '')}".lower().split()
    return any((words := _CLASS_WORD.findall(token)) and words[-1] in _AUTHOR_LAST_WORDS for token in tokens)


def _author_classed(index: PageIndex) -> list[HtmlElement]:
    """Elements classed as a byline or an author box, in document order."""
    foreign = [el for el in index.with_words(_AUTHOR_LAST_WORDS) if _ends_with_author_word(el)]
    return [*index.with_words(_AUTHOR_WORDS), *foreign] if foreign else index.with_words(_AUTHOR_WORDS)


# On the attribute axis: only elements carrying the attribute are tested (5× faster than a
# predicate evaluated on every element of the page; the same elements, in page order).
_AUTHOR_PROPERTY_XPATH = etree.XPath(
    "//body//*/@itemprop[. = 'author']/.. | //body//*/@rel[contains(., 'author')]/.."
    " | //body//*/@data-testid[contains(., 'byline')]/.."
)
_AUTHOR_CHILD_TAGS = ("a", "h3", "h4", "h5", "span", "strong", "b", "p", "em", "div", "li")
_AFTER_HEADLINE = 3000
_BEFORE_HEADLINE = 40
_NEAR_HEADLINE = 120  # elements: a byline this close to the h1 is the article's own


_BIO_MIN_WORDS, _BIO_MAX_WORDS = 12, 150
# Words are counted between spaces: a script written without them (Thai, Chinese, Japanese) makes
# a whole article read as about a hundred "words". 150 words of Vietnamese or English are under
# 1,200 characters, so a longer box is a container however its words are counted.
_BIO_MAX_CHARS = 1200


def author_boxes(index: PageIndex, headline: HtmlElement | None) -> set[str]:
    """Folded texts of author boxes: elements classed like a byline (author, tacgia, writer …)
    that hold a few sentences about the writer ("… is an editor at the business desk"), printed
    inside the article's container after the text. A box holding the headline is the article's
    header, not one; a longer one is a container the template happened to class so."""
    found: set[str] = set()
    for element in _author_classed(index):
        text = element.text_content()
        if not _BIO_MIN_WORDS <= len(text.split()) <= _BIO_MAX_WORDS or len(text) > _BIO_MAX_CHARS:
            continue
        if headline is not None and any(node is headline for node in element.iter()):
            continue
        found.add(squash(text))
    return found


def _is_author_element(element: HtmlElement) -> bool:
    return (
        _marked_author(element) or bool(words_of(element) & _AUTHOR_WORDS) or _ends_with_author_word(element)
    )


def _marked_author(element: HtmlElement) -> bool:
    """The element's markup, not only a class name, says it is the author: rel or itemprop."""
    return any("author" in (element.get(attribute) or "").split() for attribute in ("itemprop", "rel"))


def _read_author_element(element: HtmlElement, outlet: OutletNames, lines: set[str]) -> Byline | None:
    """The byline an author element prints; the texts it was read from are added to `lines`."""
    shown = short_text(element, limit=120)
    text = _without_places(element, _without_contact_links(element, shown)) if shown else shown
    if text and shown and not _one_name_per_block(element, outlet):
        # a link or element the markup itself says is the author (rel="author", itemprop="author")
        # may print a pen name of one word ("Bebs", a blogger's handle), as a signature may
        byline = parse_byline(text, outlet, counts=True, pen_names=_marked_author(element))
        if byline is None and (dated := _name_comma_date(text, outlet)):
            byline = dated
        if byline and byline.outlet_only and not byline.authors:
            byline = site_named_for_writer(text, outlet) or byline
        if byline and (byline.authors or byline.agency):
            lines.update(_line_keys(byline, text, shown))
            return byline
    merged = Byline()  # a container: avatar, name, e-mail and rating, one block per author
    announced = 0  # how many authors a line of the box says there are ("X và 1 tác giả khác")
    for child in element.iter(*_AUTHOR_CHILD_TAGS):
        if (
            child is element
            or _groups_lines(child)
            or _in_breadcrumb(child, element)
            or _in_prose(child, element)
            or _classed_place(child, element)
            or _links_section(child)
        ):
            continue
        child_text = short_text(child, limit=60)
        # a name set in bold of its own inside the box may be one word or initials ("H.Y")
        words = 1 if child.tag in _EMPHASIS and not _groups_lines(child) else 2
        byline = (
            parse_byline(child_text, outlet, min_words=words, counts=True, labelled=True)
            if child_text
            else None
        )
        if byline:
            lines.add(squash(child_text or ""))
            add_names(merged.authors, byline.authors)
            merged.agency = merged.agency or byline.agency
            if byline.unnamed:
                announced = max(announced, len(byline.authors) + byline.unnamed)
    # The box may print the full list too (a pop-up list of the authors); only what is missing counts.
    merged.unnamed = max(0, announced - len(merged.authors)) if merged.authors else 0
    if text and (merged.authors or merged.agency):
        lines.add(squash(text))
    if merged.authors or merged.agency:
        return merged
    return _marked_name(element, outlet, lines)


_COMMA_DATE = re.compile(r"^(?P<name>[^,\d]{3,60}),\s*(?P<date>\S.*)$")


def _name_comma_date(text: str, outlet: OutletNames) -> Byline | None:
    """ "Ana Ruiz, 01.12.2021" in an author element: the writer and the day. Elsewhere the same
    shape is a dateline's place ("Hà Nội, 5/8"), which is why only an element the markup calls
    the author's reads it so, and a known place still is none."""
    found = _COMMA_DATE.match(text)
    if found is None or not _is_stamp(found["date"]) or is_place(found["name"]):
        return None
    byline = parse_byline(found["name"], outlet, min_words=2)
    return byline if byline and byline.authors else None


_PUBLICATION_WORDS = frozenset(_VOCAB["words"]["publication_words"])


def site_named_for_writer(text: str, outlet: OutletNames) -> Byline | None:
    """A personal site is named after its writer ("Ana Ruiz", "Ana Ruiz's Blog"), so the credit in
    its author element reads as the outlet's name. Printed there as a person's name of two words
    or more, one of them no Vietnamese syllable, it is the writer: a Vietnamese newspaper's name
    ("Thanh Niên", "Lao Động") has a name's shape too, and so has a publication's ("The Atlantic",
    bylines.toml publication_words): credited in the author element they stay the outlet (a desk
    credit names no one)."""
    byline = parse_byline(text, None, min_words=2)
    if not byline or not byline.authors or byline.agency:
        return None
    if any(word in _PUBLICATION_WORDS for word in re.findall(r"\w+", fold(text))):
        return None  # "The Quiet Reader": the reading drops "The", the credit still names a publication
    for name in byline.authors:
        words = [fold(word) for word in name.split()]
        if not outlet.matches(name) or any(word in _PUBLICATION_WORDS for word in words):
            return None
        if all(_SYLLABLE.match(word) for word in words):
            return None
    return byline


_BREADCRUMB_WORDS = frozenset(_VOCAB["words"]["breadcrumb_class_words"])


def _in_breadcrumb(child: HtmlElement, box: HtmlElement) -> bool:
    """A breadcrumb inside the author box ("in Rubrik: Autos > Autos Tests"): its items are the
    story's sections, capitalised like a name, never a writer. Told by its class or by the
    schema.org list its items belong to."""
    for node in [child, *ancestors(child)]:
        if node is box:
            return False
        if words_of(node) & _BREADCRUMB_WORDS or "BreadcrumbList" in (node.get("itemtype") or ""):
            return True
    return False


_PROSE_WORDS = 15
_INLINE = frozenset({"a", "span", "strong", "b", "em"})


def _in_prose(child: HtmlElement, box: HtmlElement) -> bool:
    """A link or emphasis inside a sentence of the box's bio ("… teaches history at the <a>City
    University</a> and …"): a name's shape there is the place the writer works, a book or a
    colleague, not a second writer. The box's own name lines stand alone in their block."""
    if child.tag not in _INLINE:
        return False
    block = next((node for node in ancestors(child) if node.tag in _LINE_BLOCKS), None)
    if block is None or block is box or box not in ancestors(block):
        return False
    return len(block.text_content().split()) >= _PROSE_WORDS


_NAME_CLASS_WORDS = frozenset(_VOCAB["words"]["name_class_words"])
_HANDLE_WORD = re.compile(r"^[^\W_][\w.'’-]{0,30}$")
_HANDLE_WORDS = 3


def _marked_name(element: HtmlElement, outlet: OutletNames, lines: set[str]) -> Byline | None:
    """The name inside a byline whose markup says which text is the writer's: a link with
    rel="author", or the hCard's formatted name (class "fn") of an author card. Blogs print
    their writers' account names there ("von <a rel=author>tobi</a> · 3. Mai", "by <span
    class='fn'>kay77</span>"): a name in lower case, with digits, or of one word, which a line
    read without that markup never takes for a person. The markup stands in for the shape: the
    text is taken as printed, unless it is a row of buttons, the outlet or a desk."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if not (node.tag == "a" and _marked_author(node)) and not words_of(node) & _NAME_CLASS_WORDS:
            continue
        text = short_text(node, limit=40)
        if not text:
            continue
        byline = parse_byline(text, outlet, pen_names=True, labelled=True)
        if byline and byline.authors:
            lines.update(_line_keys(byline, text))
            return byline
        words = text.split()
        if (
            len(words) <= _HANDLE_WORDS
            and all(_HANDLE_WORD.match(word) and not word.isdigit() for word in words)
            and not all(fold(word) in _CHROME_NAME_WORDS for word in words)
            and fold(text) not in _NOT_NAMES
            and not outlet.matches(text)
            and not _DESK.search(fold(text))
        ):
            byline = Byline(authors=[text])
            lines.update(_line_keys(byline, text))
            return byline
    return None


_LINE_BLOCKS = ("div", "p", "li")


def _line_keys(byline: Byline, *texts: str) -> frozenset[str]:
    """The texts a byline was read from, and the writers' names alone: the byline printed again
    after the text without its date ("Lan Anh · 07/03/2026" under the headline, "Lan Anh" at the
    end) is the same credit, not text."""
    return frozenset(key for key in (*map(squash, texts), squash(" ".join(byline.authors))) if key)


def _one_name_per_block(element: HtmlElement, outlet: OutletNames) -> bool:
    """A box listing its writers one per block (a card per author: portrait and name): its text
    runs the names together ("Lam Khuê Phạm Ngọc Ân" reads as one five-word name), so the blocks
    are read one by one. Two blocks that each name a person tell it."""
    named = 0
    for block in element.iterdescendants(*_LINE_BLOCKS):
        if any(text_of(inner) for inner in block.iterdescendants(*_LINE_BLOCKS)):
            continue  # the blocks inside are read themselves
        text = short_text(block, limit=60)
        byline = parse_byline(text, outlet, min_words=2) if text else None
        if byline and byline.authors:
            named += 1
            if named > 1:
                return True
    return False


def _groups_lines(element: HtmlElement) -> bool:
    """An element that holds two or more texts set apart in elements of their own (a list of
    authors, one per block): its text glues them together ("NHẬT XUÂN NGHI VŨ"), so each is read
    on its own instead."""
    texts = 0
    for child in element.iter(*_AUTHOR_CHILD_TAGS):
        if child is not element and (child.text or "").strip():
            texts += 1
            if texts > 1:
                return True
    return False


_COMMENT_ROOTS = tuple(_VOCAB["words"]["comment_class_roots"])


_PAGE_TAGS = frozenset({"html", "body"})


def _in_comments(element: HtmlElement) -> bool:
    """Reader comments have author names too; they are not the article's byline. The page's own
    `<body>` says nothing about where an element sits: WordPress classes it for the page's state
    ("showing-comments", "comments-open"), and that put every byline of the page in comments."""
    return any(
        root in word
        for node in [element, *ancestors(element)]
        if node.tag not in _PAGE_TAGS
        for word in words_of(node)
        for root in _COMMENT_ROOTS
    )


@dataclass
class PageByline:
    """A byline element found on the page, and how far (in elements) it is from the headline.
    `lines`: the squashed texts it was read from. The body extractor may keep the element as a
    line of text (a `<p class="tacgia">` or a bold name under the headline, inside the article's
    container); that line is the byline, not text (body.py)."""

    byline: Byline
    distance: int
    lines: frozenset[str] = frozenset()

    @property
    def near_headline(self) -> bool:
        return self.distance <= _NEAR_HEADLINE


def find_byline(
    tree: HtmlElement, index: PageIndex, headline_at: int, outlet: OutletNames
) -> PageByline | None:
    """The byline element nearest the headline (itemprop/rel author, or classed author/byline),
    outside page chrome and reader comments; teaser lists carry bylines of OTHER articles, which
    is why the boxes are removed first and removed elements are skipped here."""
    scored: list[tuple[int, HtmlElement]] = []
    candidates = {el: None for el in [*_author_classed(index), *_AUTHOR_PROPERTY_XPATH(tree)]}
    for element in candidates:
        position = index.of(element)
        if headline_at >= 0:
            if position >= headline_at:
                distance = position - headline_at
                if distance > _AFTER_HEADLINE:
                    continue
            elif headline_at - position <= _BEFORE_HEADLINE:
                distance = 2 * (headline_at - position)
            else:
                continue
        else:
            distance = position
        scored.append((distance, element))
    first: PageByline | None = None
    headline = index.elements[headline_at] if 0 <= headline_at < len(index.elements) else None
    holding = frozenset(ancestors(headline)) if headline is not None else frozenset()
    for distance, element in sorted(scored, key=lambda item: item[0]):
        if not attached(element, tree) or in_chrome(element) or _in_comments(element):
            continue
        if headline is not None and beside_a_teaser(element, headline, cards=True):
            continue  # a card of another story ("<article><h3><a>Its headline</a></h3><a>Writer</a>")
        if element in holding:
            # the page or the article's container classed for its writer ("<body class='single-author'>"):
            # it holds the headline, the text and the sidebars, and is no byline
            continue
        if any(_is_author_element(a) and a not in holding for a in ancestors(element)):
            continue
        lines: set[str] = set()
        byline = _read_author_element(element, outlet, lines)
        if not byline:
            continue
        if first is None:
            if not byline.incomplete:
                return PageByline(byline, distance, frozenset(lines))
            first = PageByline(byline, distance, frozenset(lines))
        elif completes(first.byline, byline):
            # "NHẬT XUÂN và 1 tác giả khác" under the headline, "NHẬT XUÂN - NGHI VŨ" after the
            # text: the full list, credited where the short one stands.
            return PageByline(byline, first.distance, first.lines | lines)
    return first or _stamped_bar(index, headline_at, outlet)


def completes(short: Byline, full: Byline) -> bool:
    """`full` names everyone `short` names, and the co-authors `short` only counted."""
    names = {name.casefold() for name in full.authors}
    return all(name.casefold() in names for name in short.authors) and len(names) > len(short.authors)


_BAR_WINDOW = 12  # elements after the headline where its byline bar stands
_BOLD_NAME_WINDOW = 5
_CENTRED_LEVELS = 2  # a line's own block and the box around it: <td align=center><p><b>…
_BAR_TAGS = frozenset({"div", "p", "span", "li", "td", "dd", "em", "i", "small"})


_CREDIT_WINDOW = 150  # elements after the headline searched for an unclassed credit line (share bars and
# audio players can stand between the headline and the lead: 73 elements on a 2026 template)
_PROSE_CHARS = 150  # a paragraph longer than this is prose: the lead, then the text
_CREDIT_MARKS = re.compile(
    r"[(/]|\s[-–—|•·]\s|^\s*(?:theo|nguồn|pv|ctv|phóng\s*viên|nhà\s*báo|nhóm|ths|ts|pgs|gs|bs|ls)\b", re.I
)


def _under_headline(index: PageIndex, headline_at: int) -> Iterator[tuple[int, HtmlElement, int]]:
    """The elements under the headline as far as a credit line is looked for, with their distance
    and how many prose paragraphs came before them: the search ends at the second prose paragraph
    (the lead, then the text: a credit may stand between them), and prose paragraphs are skipped."""
    prose = 0
    for distance, element in enumerate(index.window(headline_at + 1, headline_at + 1 + _CREDIT_WINDOW), 1):
        if element.tag == "p" and short_raw_text(element, _PROSE_CHARS // 2) is None:
            prose += 1
            if prose >= 2 and distance > _BAR_WINDOW:
                return
            continue
        yield distance, element, prose


def _stamped_bar(index: PageIndex, headline_at: int, outlet: OutletNames) -> PageByline | None:
    """An unclassed byline line under the headline, before the text's first paragraphs: a name
    with the date ("Nguyên Minh - 07/03/2026 08:47", "<b>Nguyên Minh</b> (Thứ sáu, 7/3/2026)"),
    a labelled credit ("Tin, ảnh: Lan Anh"), or a credit with its own marks ("Lan Anh (TTXVN)",
    "Theo Lan Anh", "PV Lan Anh": `is_marked_credit`). Something beside the name is what makes
    it a byline here: a bare name under a headline may be a kicker. The search ends at the
    second prose paragraph (the lead, then the text: a credit may stand between them)."""
    if headline_at < 0:
        return None
    for distance, element, prose in _under_headline(index, headline_at):
        if element.tag not in _BAR_TAGS or in_chrome(element):
            continue
        shown = short_text(element, limit=100)
        if not shown:
            continue
        text = _without_contact_links(element, shown)
        dated = any(c.isdigit() for c in text) and (
            _without_stamps(text) != text
            or any(_is_stamp(clean(line)) for line in text.splitlines()[1:])
            or _holds_stamp(element)
        )
        labelled = has_byline_label(text)
        noted = text != shown or _has_writer_note(text)  # a contact or a posting beside the name
        over_stamp = not dated and distance <= _BAR_WINDOW and _stamp_follows(element, text)
        dated = dated or over_stamp
        if not (dated or labelled or noted or _CREDIT_MARKS.search(text)) or (prose >= 2 and not dated):
            continue
        byline = parse_byline(text, outlet, min_words=2)
        if byline and over_stamp and not labelled and _section_or_place(index, element, text, byline):
            byline = None  # a place kicker or the section's name over the date line
        if byline is None and dated and (unstamped := _without_stamp_elements(element, text)) != text:
            # names with their date set apart in an element of its own ("<span>Hoài Nam</span>
            # <span>13/01/2021 12:40</span>"): a place kicker ("Lào Cai") stands before a date the
            # same way, and is a place
            byline = parse_byline(unstamped, outlet, min_words=2)
            if byline and len(byline.authors) < 2 and not is_marked_credit(unstamped, byline):
                byline = None if is_place(unstamped) else byline
        if byline is None and dated:
            byline = _after_section(text, outlet)
        if byline and not labelled and _section_link(element, text, byline):
            continue  # a section's link beside the date line, not the writer's name
        if (
            byline
            and (byline.authors or (byline.agency and not dated))
            and (dated or labelled or noted or is_marked_credit(text, byline))
        ):
            keys = _line_keys(byline, text, shown)
            if (
                not byline.authors
                and (card := _author_cards(index, headline_at, outlet))
                and card.distance < distance
            ):
                # a role under a writer's card ("<a href='/tac-gia/…'>Lan Anh</a> <span>Phóng
                # viên</span>"): the card names the writer the role describes
                return PageByline(card.byline, card.distance, card.lines | keys)
            return PageByline(byline, distance, keys)
        if dated and not byline and (opening := _name_opening(element, text, outlet)):
            return PageByline(opening, distance, _line_keys(opening, text, shown))
    # A name set in bold on its own line under the headline, before the lead (its date line may
    # stand between): "<h1>…</h1><p>Thứ Sáu, 07/03/2025</p><p><b>Nguyên Minh</b></p>".
    for distance, element in enumerate(index.window(headline_at + 1, headline_at + 1 + _CREDIT_WINDOW), 1):
        if (
            distance > _BOLD_NAME_WINDOW
            and element.tag == "p"
            and short_raw_text(element, _PROSE_CHARS // 2) is None
        ):
            break
        line = element.getparent()
        if element.tag not in ("b", "strong") or line is None or in_chrome(element):
            continue
        if words_of(element) & _PLACE_CLASS_WORDS:
            continue  # the place of a signature, classed so ("signature__location")
        name = short_text(element, 60)
        if any(a.tag == "a" for a in [line, *ancestors(line)]) or short_text(line, 60) != name:
            continue  # a link, or bold words inside a longer line
        if any(is_centred(node) for node in [line, *list(ancestors(line))[:_CENTRED_LEVELS]]):
            continue  # centred: a box's heading ("TIN BUỒN" over an obituary) or a kicker, not a credit
        byline = parse_byline(name or "", outlet, min_words=2)
        if byline and byline.authors:
            return PageByline(byline, distance, frozenset({squash(name or "")}))
    return _author_cards(index, headline_at, outlet) or _bar_above(index, headline_at, outlet)


_ABOVE_WINDOW = 8  # elements before the headline where a "Section | Writer | date" bar may stand


def _bar_above(index: PageIndex, headline_at: int, outlet: OutletNames) -> PageByline | None:
    """The "Section | Writer | date" bar printed right above the headline (`_after_section`)."""
    headline = index.elements[headline_at]
    holders = set(ancestors(headline))
    for distance, element in enumerate(reversed(index.window(headline_at - _ABOVE_WINDOW, headline_at)), 1):
        if element.tag not in _BAR_TAGS or element in holders or in_chrome(element):
            continue
        text = short_text(element, limit=100)
        if text and any(c.isdigit() for c in text) and (byline := _after_section(text, outlet)):
            return PageByline(byline, 2 * distance, _line_keys(byline, text))
    return None


def _author_cards(index: PageIndex, headline_at: int, outlet: OutletNames) -> PageByline | None:
    """Writers' cards under the headline: a portrait linked to a page whose other link prints
    the same person's name ("<a href=U><img alt='Thành Vinh'></a> … <a href=U>Thành Vinh</a>").
    The portrait's alt and the link's text agreeing on a person's name is what makes it a credit;
    a teaser beside its thumbnail says a headline, not a name. Searched as far as the credit line."""
    portraits: dict[str, str] = {}
    named: list[tuple[int, HtmlElement, str]] = []
    for distance, element, _ in _under_headline(index, headline_at):
        if element.tag != "a" or not (href := element.get("href") or "") or in_chrome(element):
            continue
        text = clean(element.text_content())
        images = [img for img in element.iter("img") if (img.get("alt") or "").strip()]
        if not text and len(images) == 1:
            portraits.setdefault(href, clean(images[0].get("alt") or ""))
        elif text:
            named.append((distance, element, text))
    found = Byline()
    first, lines = 0, set[str]()
    for distance, link, text in named:
        if portraits.get(link.get("href") or "") != text and not _writer_page_link(link, text):
            continue
        byline = parse_byline(text, outlet, min_words=2)
        if byline and byline.authors and not byline.agency:
            add_names(found.authors, byline.authors)
            first, lines = first or distance, lines | {squash(text)}
    return PageByline(found, first, frozenset(lines)) if found.authors else None


def _writer_page_link(link: HtmlElement, text: str) -> bool:
    """A link under the headline to a writer's page ("/tac-gia/…", "/author/…": `_links_author_page`)
    printed on a short line of its own, the name and at most a role ("<a href='/tac-gia/57'>Lan
    Anh</a> Phóng viên"): a card whose portrait has no alt text to agree with the name. The address
    says it is a writer where hashed class words no longer do; a link inside the lead is no card."""
    line = link.getparent()
    if line is None or not _links_author_page(link):
        return False
    shown = short_text(line, limit=60)
    return shown is not None and shown.startswith(text)


def _after_section(text: str, outlet: OutletNames) -> Byline | None:
    """A dated bar that opens with the section before the writer: "Xã hội · Ngọc Lan · 10:15
    14/07/2026", "Thời sự | Hải Đăng | 07:40". Three pieces at least, the date one of them; the
    first piece is no name (a section's words), the pieces between it and the date are the credit."""
    pieces = [piece.strip() for piece in _BAR_SPLIT.split(text) if piece.strip()]
    if len(pieces) < 3 or not any(_is_stamp(piece) for piece in pieces[2:]):
        return None
    if any(c.isdigit() for c in pieces[0]) or parse_byline(pieces[0], outlet, min_words=1) is not None:
        return None
    credit = [piece for piece in pieces[1:] if not (_is_stamp(piece) or _BARE_TIME.match(piece))]
    if len(credit) != 1 or is_place(credit[0]):
        return None
    byline = parse_byline(credit[0], outlet, min_words=2)
    return byline if byline and byline.authors else None


def _name_opening(line: HtmlElement, text: str, outlet: OutletNames) -> Byline | None:
    """The writer named in an element of their own that opens a dated credit line, the rest of
    the line after a separator saying where they write: "<span>Minh Tâm</span>, Đời sống Pháp
    luật · 14/07/2026". The publication may have any name (no list holds every outlet), so the
    line is not read all-or-nothing; the element that sets the name apart says where it ends."""
    texts = (c for c in line.iterdescendants() if isinstance(c.tag, str) and (c.text or "").strip())
    first = next(texts, None)
    if first is None or first.tag == "a" or len(first) or not text.startswith(clean(first.text or "")):
        return None
    rest = clean(first.tail or "")
    if rest[:1] not in _NAME_ENDS or not any(c.isupper() for c in rest):
        return None
    byline = parse_byline(first.text or "", outlet, min_words=2)
    return Byline(authors=byline.authors) if byline and byline.authors and not byline.agency else None


_NAME_ENDS = frozenset(",-–|/")


def _section_or_place(index: PageIndex, line: HtmlElement, text: str, byline: Byline) -> bool:
    """A bare line over the date that names a place ("Lào Cai"), a section set in capitals, or
    what the page prints elsewhere above it (a section the menu or the breadcrumb names).

    Capitals hide the case that tells "Lan Anh" from "Môi trường". A name that opens with a family
    name ("LƯƠNG THỊ HIỀN") has a person's shape; a given name alone ("KHÁNH VY", as papers print
    a writer) has the shape of a two-word heading, so the page is asked how it writes those words
    elsewhere: in lower case ("giữ sạch môi trường") they are a common noun, the section's name,
    never a person's. Known section words ("THỊ TRƯỜNG") are no names at all (bylines.toml
    not_names). A line the page's links print (outside the line: "Tác giả: <a>Lan Anh</a>" links
    the writer), or that a short element before it says as its own text (a breadcrumb's current,
    unlinked item), is the section: told by the page itself, not by a list of every outlet's sections."""
    if len(byline.authors) < 2 and not is_marked_credit(text, byline) and is_place(text):
        return True
    given_names = [name for name in byline.authors if name.split()[0] not in _FAMILY_NAMES]
    if _in_capitals(text) and any(_said_in_lower_case(index, line, name) for name in given_names):
        return True
    keys = {squash(text), *(squash(name) for name in byline.authors)}
    if any(
        squash(link.text_content()) in keys and not _links_author_page(link) and line not in ancestors(link)
        for link in index.links
    ):
        return True
    return any(
        len(own := (element.text or "").strip()) <= _LINE_CHARS and own and squash(own) in keys
        for element in index.window(0, index.of(line))
        if element.tag != "a"
    )


def _said_in_lower_case(index: PageIndex, line: HtmlElement, name: str) -> bool:
    """The page prints the name's words elsewhere with a word after the first in lower case ("…
    giữ sạch môi trường …", "Môi trường xanh …"): a common noun, as a person's name never is."""
    words = name.split()
    if len(words) < 2:
        return False
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.I)
    inside = set(line.iter())
    said = clean(
        " ".join(
            f"{'' if element.tag in NON_CONTENT_TAGS else element.text or ''} {element.tail or ''}"
            for element in index.elements
            if element not in inside
        )
    )
    return any(any(w[:1].islower() for w in found.split()[1:]) for found in pattern.findall(said))


def _in_capitals(text: str) -> bool:
    """Every letter of the line is a capital (two letters at least)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _stamp_follows(line: HtmlElement, text: str) -> bool:
    """A line holding no digit whose next element is the date line ("<div>Lan Anh</div><span>
    07/03/2026 08:47</span>", "<p>Lan Anh - Minh Hà</p><p>Đăng lúc 08:47</p>"): templates set the
    writer and the date as two blocks of one bar. With the class words hashed, the date beside it
    is what tells the writer's line from a kicker; the caller still wants a person's name, and
    one name that is a place ("Lào Cai" over the date) stays a place."""
    if any(c.isdigit() for c in text):
        return False
    following = next_element(line)
    if following is None or not (stamp := short_text(following, limit=_LINE_CHARS)):
        return False
    return _is_stamp(stamp) or _holds_stamp(following)


def _is_stamp_element(element: etree._Element) -> bool:
    text = "".join(element.itertext())
    return len(text) <= _LINE_CHARS and any(c.isdigit() for c in text) and _is_stamp(clean(text))


def _without_stamp_elements(line: HtmlElement, text: str) -> str:
    """The line's text without the dates set in elements of their own: "<p>Lan Anh và Minh Hà</p>
    <p>ngày 20 tháng 12 năm 2012</p>" reads as one line, the date glued to the names."""
    for child in line.iterdescendants():
        if isinstance(child.tag, str) and child.tag != "a" and _is_stamp_element(child):
            text = text.replace(clean("".join(child.itertext())), " ")
    return clean(text)


def _holds_stamp(line: HtmlElement) -> bool:
    """A line whose date stands in an element of its own ("… <time>15/11/2025 10:20</time>"),
    with no separator printed before it."""
    return any(
        isinstance(child.tag, str) and child.tag != "a" and _is_stamp_element(child)
        for child in line.iterdescendants()
    )


def _dated_line(link_text_holder: HtmlElement, outlet: OutletNames) -> Byline | None:
    """The line around a link, read as a byline bar: a name (linked to the writer's page) with
    the date after a separator. The date is what tells it from a related-article link."""
    line = next((a for a in ancestors(link_text_holder) if a.tag in _BAR_TAGS and a.tag != "a"), None)
    text = short_text(line, limit=100) if line is not None else None
    if not text or not any(c.isdigit() for c in text) or _without_stamps(text) == text:
        return None
    byline = parse_byline(text, outlet, min_words=2)
    return byline if byline and byline.authors else None


# A photo/video credit label ending a text: "… - Ảnh:", "Ảnh minh họa:", "Video:" (folded).
_CREDIT_LABEL = re.compile(r"\b(?:anh|photo|video|clip|nguon anh)\s*:\s*$")


def find_closing_byline(tree: HtmlElement, last_paragraph: str, outlet: OutletNames) -> Byline | None:
    """The first text after the article's last paragraph, if it is a byline ("MINH KHUÊ" in a
    <strong> after the body, outside the container the body extractor kept). Link texts in
    between (related-article lists) are skipped."""
    words = _TAIL_WORD.findall(clean(last_paragraph))
    if len(words) < 3:
        return None
    texts = tree.xpath("//body//text()")
    start = None
    folded_texts: dict[int, str] = {}

    def folded_at(i: int) -> str:
        if i not in folded_texts:
            # compared word by word: "80km/h." ends in the words "80km h"
            folded_texts[i] = fold(" ".join(_TAIL_WORD.findall(str(texts[i]))))
        return folded_texts[i]

    for width in (3, 2):  # the last words may be split across an inline <a> or <strong>
        # The longest of the closing words is the cheapest filter ("80km/h" ends in "h").
        probe, tail_key = max(words[-width:], key=len), fold(" ".join(words[-width:]))
        found = [i for i, node in enumerate(texts) if probe in node and tail_key in folded_at(i)]
        # The paragraph's own text ends with its closing words; the same words earlier in the
        # text ("… sau phiên họp chiều nay …") do not end theirs.
        start = next((i for i in found if folded_at(i).rstrip(_CLOSING_MARKS).endswith(tail_key)), None)
        start = found[0] if start is None and found else start
        if start is not None:
            break
    if start is None:
        return None
    seen = 0
    previous = str(texts[start])
    carded = Byline()  # writers' cards after the text: portrait and name linked to one page
    portraits: dict[str, str] | None = None
    said = ""  # the last text that printed something
    for node in texts[start + 1 :]:
        previous_line, said = said, (str(node) if node.strip() else said)
        after_credit_label, previous = bool(_CREDIT_LABEL.search(fold(previous))), str(node)
        holder = node.getparent()  # for a tail string, the element it follows, not the one holding it
        if holder is not None and node.is_tail:
            holder = holder.getparent()
        if holder is None or holder.tag in NON_CONTENT_TAGS or not node.strip():
            continue
        if holder.tag == "a" or any(a.tag == "a" for a in list(ancestors(holder))[:2]):
            # Link text: a related-article list between the body and the byline, unless the
            # link is the writer's name on a dated byline line ("<a>Đỗ Trung</a> • 07:12 ngày …").
            if byline := _dated_line(holder, outlet):
                return byline
            if _links_author_page(holder) and (line := _line_of(node)):
                # "<a href='/tac-gia/…'>Hoài Nam</a>" after a related box: the writer's page, not a
                # story; read with its line ("By <a>A</a> and <a>B</a>")
                byline = parse_byline(line, outlet, min_words=2)
                if byline and byline.authors and not byline.agency:
                    add_names(carded.authors, byline.authors)
                    continue
            portraits = _portraits(tree) if portraits is None else portraits
            if byline := _carded_name(holder, portraits, outlet):
                add_names(carded.authors, byline.authors)
            continue
        if carded.authors:
            return carded
        if after_credit_label:
            continue  # "… - Ảnh: <em>Thành Đông</em>": a photographer credited on the caption's line
        if _labels_other_role(previous_line):
            continue  # "Contact for the press:" over a name: whom to call, not who wrote it
        seen += 1
        if seen > 2:
            return None
        if in_chrome(holder):
            # The page's sidebar, header or footer after the text ("Trending Now" over a rail's
            # list, "Follow Us" over social links): the site's furniture signs no article.
            continue
        if _classed_heading(holder):
            continue  # a box's heading after the text ("Similar recipes" over a list of cards)
        line = _line_of(node)
        if line is None:
            continue  # a box heading ("VIDEO ĐANG XEM NHIỀU"), or words inside a longer sentence
        if line.endswith((":", "：")) and _heads_links(holder):
            continue  # a list's label ("Góc Nhìn Khác:" over its links), not a signature
        byline = parse_byline(line, outlet, min_words=1 if is_signature_styled(holder) else 2)
        if byline and (byline.authors or byline.agency):
            return byline
    return carded if carded.authors else None


def _labels_other_role(text: str) -> bool:
    """A line of two words or more ending in a colon that is no credit label ("Ansprechpartnerin
    zum Thema:", "Contact for the press:"): the name under it has that role, it signs nothing."""
    text = clean(text)
    return text.endswith((":", "：")) and len(text.split()) >= 2 and not has_byline_label(text)


_HEADING_CLASS_WORDS = frozenset(_VOCAB["words"]["heading_class_words"])
_HEADING_LEVELS = 2  # the text's element and the block it stands in: <div class="box-title"><span>…


def _classed_heading(holder: HtmlElement) -> bool:
    """The text stands in an element its template classes as a heading ("pane-title",
    "section-header"): the heading of a box after the article (related stories, live streams),
    set in a <div> rather than an <h2>, which the line reader already skips."""
    return any(
        words_of(node) & _HEADING_CLASS_WORDS
        for node in [holder, *list(ancestors(holder))[: _HEADING_LEVELS - 1]]
    )


_LISTS = frozenset({"ul", "ol", "dl"})
_LABEL_LEVELS = 3  # the label's element and the blocks around it: <div><p><b>Góc Nhìn Khác:</b></p></div><ul>


def _heads_links(label: HtmlElement) -> bool:
    """The element after a line ending with a colon is a list, or holds nothing but links: the
    line labels that list ("Góc Nhìn Khác:" over related stories), as a signature never does. An
    empty list still says so: its links may be filled in by a script after the page loads."""
    for element in [label, *list(ancestors(label))[: _LABEL_LEVELS - 1]]:
        following = next_element(element)
        if following is None:
            continue
        if following.tag in _LISTS or following.tag == "a":
            return True
        shown = clean(following.text_content())
        return bool(shown) and shown == clean(" ".join(a.text_content() for a in following.iter("a")))
    return False


def _links_author_page(holder: HtmlElement) -> bool:
    """Link text whose link goes to a writer's page: a path segment made of a byline class word
    or a writer's page word ("/tac-gia/hoai-nam-3067.html", "/author/lan-anh", "/profile/lan-anh")."""
    link = next((a for a in [holder, *ancestors(holder)] if a.tag == "a"), None)
    path = (link.get("href") or "").split("?")[0] if link is not None else ""
    return any(re.sub(r"[\W\d_]+", "", segment.lower()) in _WRITER_PAGE for segment in path.split("/")[:-1])


_WRITER_PAGE = _AUTHOR_WORDS | _AUTHOR_LAST_WORDS | frozenset(_VOCAB["words"]["writer_page_words"])
_SECTION_PAGE = frozenset(_VOCAB["words"]["section_page_words"])


def _links_section(holder: HtmlElement) -> bool:
    """The holder's text is wholly the text of a link to a column's, a section's or a topic's page
    ("/column/deal-talk/", "/thema/…"): inside the byline box it names the column the story
    runs in, capitalised like a name, not the writer."""
    links = [holder] if holder.tag == "a" else list(holder.iter("a"))
    if len(links) != 1 or squash(links[0].text_content()) != squash(holder.text_content()):
        return False
    path = (links[0].get("href") or "").split("?")[0]
    segments = path.split("//", 1)[-1].split("/")[1:-1]
    return any(re.sub(r"[\W\d_]+", "", segment.lower()) in _SECTION_PAGE for segment in segments)


_NOT_A_PAGE = ("#", "mailto:", "tel:", "javascript:")


def _links_other_page(link: HtmlElement) -> bool:
    """A link to a page that is not a writer's: a section, a topic, a story. A writer's name
    links to their own page (`_links_author_page`), to an address to write to, or nowhere."""
    href = (link.get("href") or "").strip()
    return bool(href) and not href.lower().startswith(_NOT_A_PAGE) and not _links_author_page(link)


def _section_link(line: HtmlElement, text: str, byline: Byline) -> bool:
    """The line's one name is wholly the text of a link to a page that is not a writer's: a
    section's or a topic's link set beside the date ("<a href='/the-gioi/'>Nông Trại Xanh</a>
    07:40 12/03/2026") names where the story is filed, not who wrote it."""
    if len(byline.authors) != 1 or not says_only_names(text, byline):
        return False
    name = squash(byline.authors[0])
    links = [link for link in line.iter("a") if squash(link.text_content()) == name]
    return bool(links) and all(_links_other_page(link) for link in links)


def says_only_names(text: str, byline: Byline) -> bool:
    """The line holds the byline's names and dates, nothing else: "Nông Trại Xanh 07:40
    12/03/2026" may be a section's link beside the date; "Bạn đọc <a>Đàm Thị Nguyệt</a> (Củ Chi)"
    says more than a link (a label, a place) and is read as the credit it is."""
    rest = " ".join(_without_stamps(line) for line in text.splitlines())
    return squash(rest) == squash(" ".join(byline.authors))


def section_links(index: PageIndex, headline_at: int) -> frozenset[str]:
    """Squashed texts of the links under the headline, as far as a credit line is looked for,
    that go to pages that are not a writer's (`_section_link`): the body extractor may keep the
    date line such a link stands on as the text's first block; it goes as the page's, not as a
    byline. A text also linked to a writer's page or an address there stays a possible name."""
    if headline_at < 0:
        return frozenset()
    other: set[str] = set()
    writers: set[str] = set()
    for link in index.window(headline_at + 1, headline_at + 1 + _CREDIT_WINDOW):
        if link.tag == "a":
            (other if _links_other_page(link) else writers).add(squash(link.text_content()))
    return frozenset(other - writers)


def _portraits(tree: HtmlElement) -> dict[str, str]:
    """Links holding nothing but one image with an `alt`, by address: the alt they show."""
    found: dict[str, str] = {}
    for link in tree.xpath("//body//a[@href][.//img[@alt]]"):
        images = [img for img in link.iter("img") if (img.get("alt") or "").strip()]
        if len(images) == 1 and not clean(link.text_content()):
            found.setdefault(link.get("href"), clean(images[0].get("alt") or ""))
    return found


def _carded_name(link: HtmlElement, portraits: dict[str, str], outlet: OutletNames) -> Byline | None:
    """A link whose text is the name a portrait linked to the same page shows in its alt: a
    writer's card ("<a href=U><img alt='Lan Chi'></a> <a href=U>Lan Chi</a>"), the rule
    `_author_cards` applies under the headline, here after the text."""
    text = clean(link.text_content())
    if not text or portraits.get(link.get("href") or "") != text:
        return None
    byline = parse_byline(text, outlet, min_words=2)
    return byline if byline and byline.authors and not byline.agency else None


_CLOSING_MARKS = " .!?…:;\"'”’)»*"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LINE_CHARS = 100


def _line_of(node: etree._ElementUnicodeResult) -> str | None:
    """The printed line a text node stands on: its block's text between line breaks and nested
    blocks ("<p><strong>MINH KHUÊ</strong> (TTXVN)</p>" → "MINH KHUÊ (TTXVN)"); a date in an
    element of its own ends a line too ("<span>Lò Thị Hạnh</span> <time>16/11/2025</time>": a
    writer's card, however the template's source breaks its lines). None for a
    heading's line (a box title after the text, not a signature) and for a line longer than a
    byline: "Chọn Báo" is not a name when the line goes on "<i>Thanh Niên</i> làm nguồn …"."""
    owner = node.getparent()
    if owner is None:
        return None
    block = owner.getparent() if node.is_tail else owner
    while block is not None and (block.tag not in BLOCK_TAGS or block.tag == "br"):
        block = block.getparent()
    if block is None or block.tag in _HEADINGS or any(a.tag in _HEADINGS for a in block.iterancestors()):
        return None
    lines: list[list[str]] = [[]]
    found: list[int] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            lines[-1].append(element.text)
            if owner is element and not node.is_tail:
                found.append(len(lines) - 1)
        for child in element:
            if not isinstance(child.tag, str) or child.tag in NON_CONTENT_TAGS:
                pass
            elif child.tag in BLOCK_TAGS or _is_stamp_element(child) or _is_contact_link(child):
                lines.append([])
                walk(child)
                lines.append([])
            else:
                walk(child)
            if child.tail:
                lines[-1].append(child.tail)
                if owner is child and node.is_tail:
                    found.append(len(lines) - 1)

    walk(block)
    if not found:
        return None
    text = clean("".join(lines[found[0]]))
    return text if len(text) <= _LINE_CHARS else None


_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_EMPHASIS = frozenset({"strong", "b", "em", "i"})


def is_right_aligned(element: HtmlElement) -> bool:
    return (element.get("align") or "").lower() == "right" or bool(_RIGHT.search(element.get("style") or ""))


def is_signature_styled(element: HtmlElement) -> bool:
    """Set apart the way a signature is: in bold or italics, or in a right-aligned block. A
    one-word signature ("Trung", "H.V.") is believed only then."""
    chain = [element, *list(ancestors(element))[:3]]
    return any(node.tag in _EMPHASIS or is_right_aligned(node) for node in chain)


_ALIGNED_OR_STYLED = etree.XPath("//body//*/@align/.. | //body//*/@style/..")  # attribute axis: cheaper


_LINE_TAGS = ("p", "div", "td", "span")
_CENTRED_LINE_TAGS = frozenset({"p", "div", "td", "span", "center", "h1", "h2", "h3", "h4", "h5", "h6"})


def aligned_lines(tree: HtmlElement) -> tuple[set[str], set[str]]:
    """Folded texts of short right-aligned blocks, and of short centred ones.

    Right-aligned is where reader letters and old templates sign ("<p align=right>Trung</p>"):
    the body's closing-byline rule accepts one-word names there. Centred is where a box's heading
    stands ("TIN BUỒN" over an obituary, a notice's title), its own or in a centred box (the
    lines of the box's first two levels): the body's opening-byline rule reads no name there."""
    signatures: set[str] = set()
    headings: set[str] = set()
    for element in _ALIGNED_OR_STYLED(tree):
        if element.tag in _LINE_TAGS and is_right_aligned(element):
            text = short_text(element, 60)
            if text and len(text.split()) <= 6:
                signatures.add(" ".join(folded(text).split()))
        elif is_centred(element):
            lines = [
                element,
                *element.iterchildren(),
                *(g for c in element.iterchildren() for g in c.iterchildren()),
            ]
            for line in lines:
                if (
                    line.tag in _CENTRED_LINE_TAGS
                    and (text := short_text(line, 60))
                    and len(text.split()) <= 6
                ):
                    headings.add(" ".join(folded(text).split()))
    return signatures, headings
