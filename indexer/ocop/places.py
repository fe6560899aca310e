"""Provinces a text is about, in the 63-province structure of its time and in the 2025 structure.

Two kinds of evidence, both from data (gazetteer.json generated from vietnamadminunits, and
places.toml):
- a province name or alias ("Hà Nội", "TP.HCM", "Huế", "Bắc Cạn"), or a well-known town
  ("Đà Lạt"), accepted unless its surroundings say it is something else: a lower unit or street
  ("phố Huế", "huyện Quảng Ninh"), a person ("anh Long An", "Trần Vĩnh Phúc"), a longer proper
  name ("Thái Bình Dương", "Công ty CP Đồng Tháp Sen Vàng"), or lower case ("hòa bình" = peace);
- an administrative prefix followed by a capitalised unit name that the library resolves to one
  province ("huyện Phúc Thọ", "quận Hai Bà Trưng", "thị xã Sơn Tây", "phường Quy Nhơn").

Names are read in the structure of the article's time. Before 1 July 2025 (or undated text
without merger wording) every name is a 63-province name, and its 2025 province comes from the
library's mapping, so a 2023 story on Phú Yên is filed under Đắk Lắk too. After the merger a name
that is also a 2025 province ("Đắk Lắk", "Đắk Lắk (mới)") is the 2025 province; it adds a
63-province name only when that 2025 province is a single old one (Hà Nội, Huế). Old-only names
("Phú Yên", "Bình Thuận (cũ)") still give both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from indexer.ocop.document import PLACE_ZONES, Document, is_syllable
from indexer.ocop.english import english_blocks
from indexer.ocop.groups import product_index
from indexer.ocop.phrases import Phrase, PhraseIndex, syllables
from indexer.ocop.vocab import gazetteer, places_vocab
from indexer.text import fold, normalize

# Text prefixes of administrative units → (level, kind). Kinds are those of build_gazetteer.
_UNIT_PREFIXES: dict[tuple[str, ...], tuple[str, str]] = {
    ("huyen",): ("district", "huyen"),
    ("quan",): ("district", "quan"),
    ("q",): ("district", "quan"),
    ("h",): ("district", "huyen"),
    ("thi", "xa"): ("district", "city"),
    ("tx",): ("district", "city"),
    ("t", "x"): ("district", "city"),
    ("thanh", "pho"): ("district", "city"),
    ("tp",): ("district", "city"),
    ("xa",): ("ward", "xa"),
    ("phuong",): ("ward", "phuong"),
    ("thi", "tran"): ("ward", "thi tran"),
    ("tt",): ("ward", "thi tran"),
    ("dac", "khu"): ("ward", "dac khu"),
}
_UNIT_PREFIX_WORDS = {
    ("huyen",): "huyện",
    ("quan",): "quận",
    ("q",): "Q",
    ("h",): "H",
    ("thi", "xa"): "thị xã",
    ("tx",): "TX",
    ("t", "x"): "T.X",
    ("thanh", "pho"): "thành phố",
    ("tp",): "TP",
    ("xa",): "xã",
    ("phuong",): "phường",
    ("thi", "tran"): "thị trấn",
    ("tt",): "TT",
    ("dac", "khu"): "đặc khu",
}
_PLURAL = {"cac", "hai", "ba", "bon", "nam", "nhung"}
_DASHES = ("-", "–", "—")
_MARKER = re.compile(r"\s*\(?\s*(mới|cũ)\b\s*(\))?", re.IGNORECASE)  # "(CŨ)" in a headline too
# Between the names of a list that one marker after its last name closes: "(gồm Cần Thơ, Sóc
# Trăng và Hậu Giang cũ)" names three old provinces (session 20).
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*và)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?", re.IGNORECASE)
# Between the names of the provinces a merger joined: "Yên Bái - Lào Cai", "A, B và C".
_MERGED_GAP = re.compile(r"\s*(?:,|,?\s*và|[-–])\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?", re.IGNORECASE)
_AGE = re.compile(r"\s*[(,]\s*\d{1,3}\s*tuổi", re.IGNORECASE)


def _name(phrase: Phrase) -> tuple[str, str | None]:
    """What a phrase of `Gazetteer.names` stands for: (province, town, blocked or organisation,
    the province's key or None)."""
    value = phrase.value
    assert isinstance(value, tuple), value
    return value[0], value[1]


def _prefix(phrase: Phrase) -> tuple[str, str]:
    """What a phrase of `Gazetteer.unit_prefixes` stands for: (level, kind), as in _UNIT_PREFIXES."""
    value = phrase.value
    assert isinstance(value, tuple), value
    return value[0], value[1]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place found in the text, for claims: where it is and how a claim should name it."""

    first: int
    last: int
    name: str


@dataclass(frozen=True, slots=True)
class _Hits:
    candidates: list[list[str]]  # [display, province key], one per province: units of that kind
    exact: bool  # matched with the text's own diacritics (or the text has none)
    kind_match: bool  # the prefix's kind ("huyện") matched, not only the level
    any_kind: list[list[str]]  # units of that name of any kind of the level ("phường Thái Học")


@dataclass(frozen=True, slots=True)
class _Unit:
    first: int
    last: int
    level: str
    hits: _Hits
    is_2025: bool
    name: str  # folded, without the prefix: "vinh yen"


@dataclass
class PlaceResult:
    new_mode: bool = False  # read in the 2025 structure
    provinces: list[str] = field(default_factory=list)
    provinces_2025: list[str] = field(default_factory=list)
    mentions: list[PlaceMention] = field(default_factory=list)

    def add(self, old: str | None, new: str | None) -> None:
        if old and old not in self.provinces:
            self.provinces.append(old)
        if new and new not in self.provinces_2025:
            self.provinces_2025.append(new)


class Gazetteer:
    """Province names, aliases and unit names, and the rules for reading them in running text."""

    def __init__(self) -> None:
        data, vocab = gazetteer(), places_vocab()
        overrides = vocab["legacy_names"]
        self.new_name = {p["key"]: p["name"] for p in data["provinces_2025"]}
        self.old_name = {p["key"]: overrides.get(p["key"], p["name"]) for p in data["provinces"]}
        self.old_to_new = {p["key"]: p["key_2025"] for p in data["provinces"]}
        parts: dict[str, int] = {}
        for new_key in self.old_to_new.values():
            parts[new_key] = parts.get(new_key, 0) + 1
        self.parts = parts
        self.key_by_old_name = {syllables(name): key for key, name in self.old_name.items()}
        self.key_by_new_name = {syllables(name): key for key, name in self.new_name.items()}
        # The library's own short names too ("Huế" for the old Thừa Thiên Huế).
        for p in data["provinces"]:
            self.key_by_old_name.setdefault(syllables(p["name"]), p["key"])
        self.units = {level: data[level] for level in ("districts", "wards", "wards_2025")}

        # Proper names carry their diacritics: in text written with them, "Quang Bình" (Hà Giang)
        # is not "Quảng Bình" and "Huệ" is not "Huế"; text without diacritics matches folded.
        self.names = PhraseIndex(strict_accents=True, tolerate_malformed=True, tolerate_plain_runs=True)
        for key, name in self.old_name.items():
            self.names.add(name, ("province", key))
        for p in data["provinces"]:
            self.names.add(p["name"], ("province", p["key"]))
        for canonical, aliases in vocab["aliases"].items():
            key = self.key_by_old_name[syllables(canonical)]
            self.names.add_all(aliases, ("province", key))
        for town, canonical in vocab["towns"].items():
            self.names.add(town, ("town", self.key_by_old_name[syllables(canonical)]))
        self.names.add_all(vocab["blocked"], ("blocked", None))
        # Organisation heads are found in the same pass: a name after one may be the organisation's.
        self.names.add_all(vocab["organisation_heads"], ("organisation", None))
        self.prefix_only = {syllables(t) for t in vocab["prefix_only"]}
        self.organisation_span = int(vocab["organisation_span"])
        breaks = vocab["product_name_breaks"]
        self.product_name_breaks = frozenset(normalize(w).lower() for w in breaks) | frozenset(
            fold(normalize(w)) for w in breaks
        )

        def index(words: list[str]) -> PhraseIndex:
            # Context words are ordinary words: in text with diacritics they must match with them
            # ("cho" is not "chợ", "xa" is not "xã").
            idx = PhraseIndex(strict_accents=True)
            idx.add_all(words, True)
            return idx

        self.province_prefixes = index(vocab["province_prefixes"])
        self.not_province_prefixes = index(vocab["not_province_prefixes"])
        self.route_words = index(vocab["route_words"])
        self.personal_titles = index(vocab["personal_titles"])
        self.authority_heads = index(vocab["authority_heads"])
        self.naming_words = index(vocab["naming_words"])
        self.naming_ends = {syllables(w)[-1] for w in vocab["naming_words"]}  # a cheap test first
        self.naming_span = int(vocab["naming_span"])
        self.dishes = index(vocab["dish_words"])
        self.organisation_heads = index(vocab["organisation_heads"])
        self.organisation_ends = index(vocab["organisation_ends"])
        self.organisation_joined = index(vocab["organisation_joined"])
        self.credit_markers = frozenset(normalize(w).lower() for w in vocab["credit_markers"])
        self.credit_span = int(vocab["credit_span"])
        self.dateline_after = re.compile(vocab["dateline_after"])
        self.unit_not_after = index(vocab["unit_prefix_not_after"])
        self.unit_list_openers = index(vocab["unit_list_openers"])
        self.merger_parties = index(vocab["merger_party_words"])
        self.merger_party_heads = tuple({" ".join(syllables(w)[:2]) for w in vocab["merger_party_words"]})
        self.products = product_index()  # product words: "kem Bình Dương" is a brand
        self.family = {fold(normalize(w)).lower() for w in vocab["family_names"]}
        self.family_accented = {normalize(w).lower() for w in vocab["family_names"]}
        self.merger_markers = tuple(fold(normalize(m)) for m in vocab["merger_markers"])
        self._place_names_seen: dict[tuple[str, ...], bool] = {}  # is_place_name answers, per name
        self.unit_prefixes = PhraseIndex(strict_accents=True)
        for prefix, spelled in _UNIT_PREFIX_WORDS.items():
            self.unit_prefixes.add(spelled, _UNIT_PREFIXES[prefix])

    # -- province names ---------------------------------------------------------------------------

    def _before(self, doc: Document, i: int, idx: PhraseIndex) -> bool:
        """A phrase of `idx` ends right before syllable i, separated by spaces or a dot only."""
        if i == 0 or doc.block_of[i - 1] != doc.block_of[i] or doc.gap(i).strip() not in ("", "."):
            return False
        return idx.preceded_by(doc, i) is not None

    def _in_province_list(self, doc: Document, i: int, j: int) -> bool:
        """ "như: Hà Nội, Hồ Chí Minh": a name in a comma list next to a province is the city."""
        if i > 0 and doc.gap(i).strip() == "," and self.names.preceded_by(doc, i, max_gap=2) is not None:
            return True
        return (
            j < len(doc) and doc.gap(j).strip() == "," and self.names.match_at(doc, j, len(doc)) is not None
        )

    def _is_family(self, doc: Document, i: int) -> bool:
        return doc.low[i] in self.family_accented or (
            not doc.blocks[doc.block_of[i]].accented and doc.fold[i] in self.family
        )

    def _accept_name(
        self,
        doc: Document,
        i: int,
        j: int,
        caps: tuple[bool, ...],
        key: tuple[str, ...],
        heads: list[int] | None = None,
    ) -> bool:
        prefixed = self._before(doc, i, self.province_prefixes)
        if key in self.prefix_only and not prefixed and not self._in_province_list(doc, i, j):
            return False
        by_case = doc.names_by_case(i)
        # Without diacritics a prefix is no proof either: "cap tinh da nang hang" is "cấp tỉnh đã
        # nâng hạng", not "tỉnh Đà Nẵng" (round 19); the name must be written with its capitals.
        unaccented = not doc.blocks[doc.block_of[i]].accented
        if (
            by_case
            and (not prefixed or unaccented)
            and any(c and not doc.is_cap(k) for k, c in zip(range(i, j), caps, strict=True))
        ):
            return False
        if not prefixed and (self._before(doc, i, self.not_province_prefixes) or self._route_end(doc, i)):
            return False
        if self._before(doc, i, self.personal_titles) or self._named_as(doc, i):
            return False
        if by_case and not prefixed and self._in_longer_name(doc, i, j):
            return False
        if (
            by_case
            and doc.adjacent(i)
            and doc.is_cap(i - 1)
            and not doc.is_acronym(i - 1)
            and self._is_family(doc, i - 1)
            and doc.block_of[i] not in english_blocks(doc)  # "The Lâm Đồng People's Committee"
        ):
            return False  # "Nguyễn Long An", "Lê Hòa Bình"
        if _AGE.match(doc.text, doc.ends[j - 1]):
            return False  # "Long An (35 tuổi)" is a person
        if self._in_credit(doc, i) or self._dateline(doc, i, j):
            return False
        if i >= 2 and doc.orig[i - 1].isdigit() and doc.fold[i - 2] == "so":
            return False  # "số 19 Lạng Sơn" is a street address
        if self._in_company_name(doc, i, heads) or (not prefixed and self._in_product_name(doc, i)):
            return False
        return not (
            by_case
            and j < len(doc)
            and doc.block_of[j] not in english_blocks(doc)  # "The Hà Nội People's Committee"
            and doc.adjacent(j)
            and doc.is_cap(j)
            and not doc.is_acronym(j)
            and not doc.sent_start[j]
            and not self.names.starts(doc.fold[j])
            and not self._is_family(doc, j)
        )  # "Thái Bình Dương", "Đồng Tháp Sen Vàng", "Sài Gòn Thương Tín"; not "Quảng Nam Đà Nẵng"

    @staticmethod
    def _written_as(doc: Document, i: int, phrase: Phrase) -> bool:
        """Whether the text has the capitals the vocabulary writes ("Doanh nghiệp X" is a name,
        "đoàn doanh nghiệp TP.HCM" is not); where case marks no names, any case will do."""
        return not doc.names_by_case(i) or all(
            doc.is_cap(k) for k, cap in zip(range(i, i + len(phrase.caps)), phrase.caps, strict=True) if cap
        )

    def _named_as(self, doc: Document, i: int) -> bool:
        """ "mang tên Vĩnh Phúc", "đặt tên cửa hàng là Vĩnh Phúc": what something is called."""
        if i == 0 or doc.fold[i - 1] not in self.naming_ends:
            return False
        if self._before(doc, i, self.naming_words):
            return True
        if not doc.adjacent(i) or doc.fold[i - 1] != "la":
            return False
        first = doc.blocks[doc.block_of[i]].first
        for k in range(i - 2, max(first, i - 2 - self.naming_span) - 1, -1):
            if doc.gap(k + 1).strip():
                return False
            if doc.fold[k] == "ten" and doc.low[k] in ("tên", "ten"):
                return True
        return False

    def _in_longer_name(self, doc: Document, i: int, j: int) -> bool:
        """Whether a capitalised run right before syllable i makes the name part of a longer
        proper name: "Sông Lam Nghệ An", "Thép Xanh Nam Định" (clubs), "Tiệm Vĩnh Phúc". Not when
        the run is a place itself or with the name ("Mộc Châu Sơn La", "Quảng Nam Đà Nẵng",
        "phường Nam Đồ Sơn"), only opens the sentence ("Ở Hà Nội"), holds a province's office
        ("Sở Công Thương Hà Nội"), or is a foreign brand whose branch the name locates ("Sofitel
        Legend Metropole Hà Nội", the ocop-real convention)."""
        block = doc.blocks[doc.block_of[i]]
        s = i
        while s > block.first and i - s < 4 and doc.adjacent(s) and doc.is_cap(s - 1):
            if doc.is_acronym(s - 1):
                break
            s -= 1
        if any(self.authority_heads.match_at(doc, k, i) is not None for k in range(s, i)):
            return False
        if s < i and doc.sent_start[s]:
            s += 1  # a sentence's first capital says nothing
        if s == i or doc.block_of[i] in english_blocks(doc):
            return False
        if self.names.preceded_by(doc, i) is not None:
            return False
        if not all(is_syllable(doc.fold[k]) for k in range(s, i)):
            return False
        spelled = self.is_place_name
        return not any(spelled(tuple(doc.low[k:i])) or spelled(tuple(doc.low[k:j])) for k in range(s, i))

    def _route_end(self, doc: Document, i: int) -> bool:
        """ "cao tốc Hà Nội – Lào Cai", "quốc lộ Hà Nội — Hải Phòng — Quảng Ninh": a name after a dash
        that continues a route named by its ends is an end of the road, not a place of the story.
        The first end is caught by `not_province_prefixes`; without a road word before it, a dash
        between names is a list ("tại Hà Nội – Lào Cai") and both still count."""
        for _hop in range(4):
            if i == 0 or doc.block_of[i - 1] != doc.block_of[i] or doc.gap(i).strip() not in _DASHES:
                return False
            before = self.names.preceded_by(doc, i, max_gap=4)
            if before is None or _name(before)[0] not in ("province", "town", "blocked"):
                return False
            i -= len(before.folded)
            if self._before(doc, i, self.route_words):
                return True
        return False

    def _in_credit(self, doc: Document, i: int) -> bool:
        """A photo credit or source names a person or an outlet: "(Photo: Thach Tra Vinh)"."""
        first = doc.blocks[doc.block_of[i]].first
        for k in range(i - 1, max(first, i - self.credit_span) - 1, -1):
            gap = doc.gap(k + 1)
            if doc.low[k] in self.credit_markers and ":" in gap:
                return True
            if gap.strip():
                return False
        return False

    def _dateline(self, doc: Document, i: int, j: int) -> bool:
        """ "Hà Nội (TTXVN 14/3/2024) Sau 5 năm ...", "HÀ NỘI — The ...": where a story was filed."""
        m = self.dateline_after.match(doc.text, doc.ends[j - 1])
        if m is None:
            return False
        # A name in capitals stands out as a dateline only in a line that is not in capitals
        # throughout; in one that is ("YÊN BÁI - PHÍA ĐÔNG …"), it must open the line.
        if m.group().lstrip().startswith("(") or doc.blocks[doc.block_of[i]].capitals:
            return i == doc.blocks[doc.block_of[i]].first
        return all(doc.orig[k].isupper() for k in range(i, j))

    def _in_company_name(self, doc: Document, i: int, heads: list[int] | None = None) -> bool:
        """Whether syllable i is inside an organisation's name: after "Công ty", "HTX", "Trường Đại
        học", "Báo"... with only words between (no punctuation, no "tại"/"ở"/"thuộc"), at most
        `organisation_span` syllables: "Công ty CP đầu tư phát triển Miến Tam Đường", "HTX Mật ong Tam
        Đảo", "Trường Cao đẳng Nông nghiệp Thái Nguyên", "Báo Gia Lai"."""
        if heads is not None and not any(i - self.organisation_span <= h <= i for h in heads):
            return False
        k = i
        first = doc.blocks[doc.block_of[i]].first
        last = doc.blocks[doc.block_of[i]].last
        while k > first and i - k < self.organisation_span:
            gap = doc.gap(k).strip()
            # "Hợp tác xã (HTX) Du lịch sinh thái ...": an abbreviation in brackets stays inside.
            bracketed = gap in ("(", ")") and (doc.is_acronym(k) if gap == "(" else doc.is_acronym(k - 1))
            # "Công ty TNHH sản xuất, dịch vụ du lịch …": a comma before a business word too.
            listed = gap == "," and self.organisation_joined.match_at(doc, k, last) is not None
            if gap not in ("", "-", "–") and not bracketed and not listed:
                return False
            head = self.organisation_heads.preceded_by(doc, k)
            if head is not None and self._written_as(doc, k - len(head.folded), head):
                return True  # before the ends: "Hợp tác xã" ends with "xã", also an end word
            if self.organisation_ends.preceded_by(doc, k) is not None and (
                doc.fold[k - 1] != "va" or self.organisation_joined.match_at(doc, k, last) is None
            ):
                return False
            k -= 1
        return False

    def in_organisation_name(self, doc: Document, i: int) -> bool:
        """Whether syllable i is inside an organisation's name ("HTX dệt thổ cẩm và dịch vụ du lịch
        bản Lác"): product groups do not read what a cooperative is called as its product."""
        return self._in_company_name(doc, i)

    def _in_product_name(self, doc: Document, i: int) -> bool:
        """Whether a product word comes right before syllable i: "kem Bình Dương", "mật ong hoa
        tự nhiên Bình Dương", "Muối Bạc Liêu" are brands, not places."""
        first = doc.blocks[doc.block_of[i]].first
        reach = i - 5
        k = i - 1
        while k >= max(first, reach):
            word = doc.low[k] if doc.blocks[doc.block_of[k]].accented else doc.fold[k]
            if not doc.adjacent(k + 1) or word in self.product_name_breaks:
                return False  # "chè Shan tuyết của Hà Giang": the origin, not a brand
            found = self.products.preceded_by(doc, k + 1)
            if found is not None and found.value:
                return True
            if k == i - 1 and self.dishes.preceded_by(doc, i) is not None:
                return True  # "phở Nam Định": a dish right before the name
            if doc.is_cap(k) and doc.names_by_case(k) and k != i - 1:
                # "chè Tân Cương Thái Nguyên", "xoài cát Hòa Lộc Tiền Giang": a place of the
                # province between the product and its name is part of the specialty's name.
                s, e = k, k + 1
                while s > first and doc.adjacent(s) and doc.is_cap(s - 1) and e - s < 4:
                    s -= 1
                while e < i and doc.is_cap(e):
                    e += 1
                if not self.is_place_name(tuple(doc.low[s:e])):
                    return False
                reach = min(reach, s - 4)
                k = s - 1
                continue
            k -= 1
        return False

    def _marker(self, doc: Document, j: int) -> str | None:
        m = _MARKER.match(doc.text, doc.ends[j - 1])
        if not m:
            return None
        if m.group(1).lower() == "mới":
            return "new" if m.group(2) else None  # "Hà Nội mới đây" is not a marker
        return "old"

    def _markers(self, doc: Document, names: list[tuple[int, int, Phrase]]) -> dict[int, str | None]:
        """The marker of each name (by its end): its own, or, for a province listed before
        another, the old marker that closes the list ("gồm Cần Thơ, Sóc Trăng và Hậu Giang cũ":
        all three are old; session 20)."""
        markers = {j: self._marker(doc, j) for _i, j, _p in names}
        # "sáp nhập hai tỉnh Bắc Kạn và Thái Nguyên": what a merger joined are the old provinces,
        # the first named after the merger word and those listed with it (session 23).
        merged = False
        parties = names if any(w in doc.folded for w in self.merger_party_heads) else []  # one C-level scan
        for n, (i, j, phrase) in enumerate(parties):
            if _name(phrase)[0] != "province" or markers[j] is not None:
                merged = False
                continue
            if self._before(doc, i, self.merger_parties):
                merged = True
            else:
                gap_from = doc.ends[names[n - 1][1] - 1] if n else 0
                merged = merged and _MERGED_GAP.fullmatch(doc.text, gap_from, doc.starts[i]) is not None
            if merged:
                markers[j] = "old"
        if "old" not in markers.values():
            return markers
        for (_i, j, phrase), (i2, j2, phrase2) in reversed(list(zip(names, names[1:], strict=False))):
            if (
                markers[j] is None
                and markers[j2] == "old"
                and _name(phrase)[0] == _name(phrase2)[0] == "province"
                and _LIST_GAP.fullmatch(doc.text, doc.ends[j - 1], doc.starts[i2])
            ):
                markers[j] = "old"
        return markers

    def _resolve(self, key: str, new_mode: bool, marker: str | None, town: bool) -> tuple[str | None, str]:
        """(63-province name or None, 2025 name) for a name whose 63-province key is `key`."""
        new_key = self.old_to_new[key]
        if new_mode and marker != "old" and not town and key in self.new_name:
            old = self.old_name[key] if self.parts[new_key] == 1 else None
            return old, self.new_name[key]
        return self.old_name[key], self.new_name[new_key]

    # -- administrative units ---------------------------------------------------------------------

    def _lookup(self, table_name: str, kind: str, doc: Document, i: int, last: int) -> _Hits | None:
        """Candidates for the unit name in syllables [i, last) in one table of the gazetteer.

        In text with diacritics the name must match with them (kind first, then any kind of the
        level, for a town whose rank changed); a folded match there is kept as inexact, to be used
        only when the article names its province. Text without diacritics matches folded.
        """
        table = self.units[table_name]
        folded = " ".join(doc.fold[i:last])
        if doc.blocks[doc.block_of[i]].accented:
            accented = " ".join(doc.low[i:last])
            named = table["accented_name"].get(accented)
            if named:
                hits = table["accented"].get(f"{kind}|{accented}")
                return _Hits(hits or named, exact=True, kind_match=bool(hits), any_kind=named)
            named = table["by_name"].get(folded)
            return _Hits(named, exact=False, kind_match=False, any_kind=named) if named else None
        named = table["by_name"].get(folded)
        if not named:
            return None
        hits = table["by_kind"].get(f"{kind}|{folded}")
        return _Hits(hits or named, exact=True, kind_match=bool(hits), any_kind=named)

    @staticmethod
    def _name_end(doc: Document, i: int, end: int) -> int:
        """End of the capitalised name run starting at syllable i (at most five syllables)."""
        j = i
        while j < end and j - i < 5 and (j == i or doc.adjacent(j) or doc.gap(j).strip() in ("-", "'", "’")):
            apostrophe = j > i and doc.gap(j) in ("'", "’")  # "Cư M'gar", "Đắk R'lấp"
            if not (doc.is_cap(j) or doc.orig[j].isdigit() or apostrophe or not doc.names_by_case(j)):
                break
            j += 1
        return j

    def _unit_at(
        self, doc: Document, i: int, end: int, level: str, kind: str, new_mode: bool
    ) -> _Unit | None:
        """The longest unit name at syllable i, with every province that has a unit of that name."""
        if level == "ward":
            tables = ["wards_2025", "wards"] if new_mode else ["wards"]
            if kind == "dac khu" and not new_mode:  # special zones exist only since July 2025
                tables.append("wards_2025")
        else:
            tables = ["districts"]
        for last in range(self._name_end(doc, i, end), i, -1):
            numeric = doc.orig[i].isdigit()
            for table in tables:
                hits = self._lookup(table, kind, doc, i, last)
                if hits is None or (numeric and not hits.kind_match):
                    continue  # "mỗi huyện 4" is not quận 4
                return _Unit(i, last, level, hits, table == "wards_2025", " ".join(doc.fold[i:last]))
        return None

    # -- the whole text ---------------------------------------------------------------------------

    def new_structure(
        self, doc: Document, published_after_merger: bool | None, names: list[tuple[int, int, Phrase]]
    ) -> bool:
        """Whether names are read in the 2025 structure: by the date, else by merger wording."""
        if published_after_merger is not None:
            return published_after_merger
        # Only the article's own text: a related headline above it ("Tỉnh A sau sáp nhập: …") says
        # nothing of when the article was written (session 23).
        markers = self.merger_markers
        if any(m in doc.folded for m in markers):
            own = [doc.folded[b.start : b.end] for b in doc.blocks if b.zone in PLACE_ZONES]
            if any(m in text for text in own for m in markers):
                return True
        # "tỉnh Khánh Hòa cũ", "Long An (cũ)": naming an old province as old is merger wording.
        return any(
            _name(phrase)[0] == "province" and self._marker(doc, j) is not None for _i, j, phrase in names
        )

    def find(self, doc: Document, published_after_merger: bool | None) -> PlaceResult:
        """Provinces of the text, read in the structure of its time (PlaceResult.new_mode)."""
        names = list(self.names.find_in_blocks(doc, PLACE_ZONES))
        new_mode = self.new_structure(doc, published_after_merger, names)
        result = PlaceResult(new_mode=new_mode)
        covered: set[int] = set()
        units: list[tuple[int, _Unit]] = []  # (prefix syllable, unit)
        for block in doc.blocks:
            if block.zone not in PLACE_ZONES:
                continue
            units.extend(self._units_in_block(doc, block.first, block.last, new_mode, covered))
        anchors: list[tuple[int, str, str]] = []  # (syllable, old key, 2025 key) of places named
        heads = [
            j
            for i, j, phrase in names
            if _name(phrase)[0] == "organisation" and self._written_as(doc, i, phrase)
        ]
        markers = self._markers(doc, names)
        for i, j, phrase in names:
            kind, key = _name(phrase)
            if key is None or i in covered:  # blocked words and organisation heads name no province
                continue
            if not self._accept_name(doc, i, j, phrase.caps, phrase.folded, heads):
                continue
            old, new = self._resolve(key, new_mode, markers.get(j), kind == "town")
            result.add(old, new)
            result.mentions.append(PlaceMention(i, j, new if new_mode and old is None else old or new))
            # A merged 2025 province, named after the merger, anchors a unit of the old map
            # to any of its parts, not to the old province of the same name.
            anchors.append((i, key if old is not None else "", self.old_to_new[key]))
        self._resolve_units(units, anchors, result)
        result.mentions.sort(key=lambda m: m.first)
        doc.known_names = frozenset(k for m in result.mentions for k in range(m.first, m.last))
        return result

    def _resolve_units(
        self, units: list[tuple[int, _Unit]], anchors: list[tuple[int, str, str]], result: PlaceResult
    ) -> None:
        """Choose each unit's province: the nearest province the article names among its
        candidates ("xã Bình Ngọc (TP Tuy Hòa)", "xã Hải Dương, thị xã Hương Trà"); a unit whose
        name is found in one province only stands on its own when it is a district, or when the
        article names no province at all. Units resolved this way anchor the others."""
        pending = list(units)
        for alone in (False, True):  # units that stand alone only once nothing else can be anchored
            pending = self._resolve_round(pending, anchors, result, alone)

    def _resolve_round(
        self,
        pending: list[tuple[int, _Unit]],
        anchors: list[tuple[int, str, str]],
        result: PlaceResult,
        alone: bool,
    ) -> list[tuple[int, _Unit]]:
        for _round in range(3):
            left: list[tuple[int, _Unit]] = []
            for prefix_at, unit in pending:
                choice = self._choose(unit, anchors, alone)
                if choice is None:
                    left.append((prefix_at, unit))
                    continue
                old_key, key = choice
                result.add(self.old_name[old_key] if old_key else None, self.new_name[key])
                anchors.append((unit.first, old_key or "", key))
                display = next(
                    d
                    for d, p in unit.hits.any_kind
                    if (p == key if unit.is_2025 else p == old_key or self.old_to_new[p] == key)
                )
                result.mentions.append(PlaceMention(prefix_at, unit.last, display))
            if len(left) == len(pending):
                return left
            pending = left
        return pending

    def _choose(
        self, unit: _Unit, anchors: list[tuple[int, str, str]], alone: bool
    ) -> tuple[str | None, str] | None:
        """The unit's province as (63-province key or None, 2025 key): the nearest named candidate;
        else its only candidate, for a district or a district's namesake ward at once, for another
        commune only when the article names no province (`alone`)."""
        everywhere = {p for _d, p in unit.hits.any_kind}
        if unit.is_2025:
            near = [(abs(at - unit.first), new) for at, _old, new in anchors if new in everywhere]
            key = min(near)[1] if near else self._only_candidate(unit, anchors, alone)
            return None if key is None else (self._single_part(key), key)
        olds: list[tuple[int, str, str]] = []
        for at, old, new in anchors:
            if old:
                olds += [(abs(at - unit.first), old, new)] if old in everywhere else []
            else:  # a merged 2025 province: the unit is in one of its parts
                olds += [(abs(at - unit.first), p, new) for p in everywhere if self.old_to_new[p] == new]
        if olds:
            distance, _old, new = min(olds)
            parts = {p for d, p, n in olds if d == distance and n == new}
            # Both old Tây Ninh and old Long An had a huyện Châu Thành: the part is unknown.
            return (parts.pop() if len(parts) == 1 else None), new
        key = self._only_candidate(unit, anchors, alone)
        return None if key is None else (key, self.old_to_new[key])

    def _only_candidate(self, unit: _Unit, anchors: list[tuple[int, str, str]], alone: bool) -> str | None:
        provinces = [p for _d, p in unit.hits.candidates]
        if len(provinces) != 1 or not unit.hits.exact:
            return None
        if unit.level == "district" or (alone and not anchors) or self._namesake(unit, provinces[0]):
            return provinces[0]
        return None

    def _single_part(self, new_key: str) -> str | None:
        """The old province a 2025 province was made of, when it was made of one only."""
        parts = [o for o, n in self.old_to_new.items() if n == new_key]
        return parts[0] if len(parts) == 1 else None

    def _namesake(self, unit: _Unit, key: str) -> bool:
        """A ward of the only province that has one of that kind and name, which also had a
        district of that name: "phường Vĩnh Yên" (Phú Thọ) is the former city of Vĩnh Yên, "phường
        Phan Thiết" the former Phan Thiết, so it stands on its own like the district did, even
        beside other provinces. Other communes ("xã Hải Dương" of Huế) still need their province
        named: thousands of commune names are shared or look like other places."""
        if unit.level != "ward" or not unit.hits.kind_match:
            return False
        districts = self.units["districts"]["by_name"].get(unit.name, [])
        return any((self.old_to_new[d] if unit.is_2025 else d) == key for _n, d in districts)

    def _units_in_block(
        self, doc: Document, start: int, end: int, new_mode: bool, covered: set[int]
    ) -> list[tuple[int, _Unit]]:
        found: list[tuple[int, _Unit]] = []
        for i, j, phrase in self.unit_prefixes.find(doc, start, end):
            level, kind = _prefix(phrase)
            # "16 xã, phường gồm: Tân Hưng, Hoà Bình, …": a list opener after a prefix makes the
            # names of the list units of that kind (session 23), as a plural prefix does.
            opener = self.unit_list_openers.match_at(doc, j, end) if j < end and doc.adjacent(j) else None
            listed = opener is not None and j + len(opener.folded) < end
            if listed:
                j += len(opener.folded) if opener else 0
                if doc.gap(j).strip() not in ("", ":"):
                    continue
            elif j >= end or doc.gap(j).strip() not in ("", "."):
                continue
            if j - i == 1 and len(doc.orig[i]) == 1 and doc.gap(j).strip() != ".":
                continue  # a one-letter prefix needs its dot: "H.Long Thành", "Q.1"
            # "Hợp tác xã X" is a cooperative; "mỗi huyện 4 sản phẩm" is not a unit.
            if i > start and doc.adjacent(i) and self.unit_not_after.preceded_by(doc, i) is not None:
                continue
            # "các huyện Bắc Hà, Sa Pa và Bát Xát": a plural prefix governs a list of names.
            plural = listed or (i > start and doc.fold[i - 1] in _PLURAL and doc.adjacent(i))
            k = j
            while k < end:
                unit = self._unit_at(doc, k, end, level, kind, new_mode)
                if unit:
                    covered.update(range(k, unit.last))
                    found.append((i if k == j else k, unit))
                    last = unit.last
                else:
                    last = max(self._name_end(doc, k, end), k + 1)
                if not plural or last >= end:
                    break
                if doc.fold[last] == "va" and doc.adjacent(last):
                    k = last + 1
                elif doc.gap(last).strip() == ",":
                    k = last
                else:
                    break
                if k >= end or not (doc.is_cap(k) or not doc.names_by_case(k)):
                    break
        return found

    def is_place_name(self, words: tuple[str, ...]) -> bool:
        """Whether lower-case syllables spell a province, town or unit name: with their
        diacritics when they have any ("trà bồng", not "đông trùng" for Đông Trung), else folded
        ("tra vinh")."""
        known = self._place_names_seen.get(words)
        if known is None:
            known = self._place_names_seen[words] = self._spells_place(words)
        return known

    def _spells_place(self, words: tuple[str, ...]) -> bool:
        key = " ".join(words)
        table = "by_name" if fold(key) == key else "accented_name"
        if any(key in self.units[level][table] for level in ("districts", "wards", "wards_2025")):
            return True
        doc = Document("", key)
        return any(
            i == 0 and j == len(doc) and _name(p)[0] in ("province", "town")
            for i, j, p in self.names.find(doc, 0, len(doc))
        )

    # -- search filters ---------------------------------------------------------------------------

    def filter_for(self, name: str) -> tuple[str, str] | None:
        words = list(syllables(name))
        while words and words[-1] in ("moi", "cu"):
            words.pop()
        for prefix in (("tinh",), ("thanh", "pho"), ("tp",)):
            if tuple(words[: len(prefix)]) == prefix and len(words) > len(prefix):
                words = words[len(prefix) :]
                break
        key = tuple(words)
        if key in self.key_by_new_name:
            return "provinces_2025", self.new_name[self.key_by_new_name[key]]
        old_key = self.key_by_old_name.get(key)
        if old_key is None:
            doc = Document("", " ".join(words))
            for i, j, phrase in self.names.find(doc, 0, len(doc)):
                kind, province_key = _name(phrase)
                if i == 0 and j == len(doc) and kind in ("province", "town"):
                    old_key = province_key
        if old_key is None:
            return None
        if old_key in self.new_name:
            return "provinces_2025", self.new_name[old_key]
        return "provinces", self.old_name[old_key]


@cache
def gazetteer_rules() -> Gazetteer:
    return Gazetteer()


def provinces_2025_list() -> list[str]:
    """The 34 provinces of the 2025 structure, in the library's order (by official code)."""
    data = gazetteer()
    return [p["name"] for p in sorted(data["provinces_2025"], key=lambda p: p["code"])]
