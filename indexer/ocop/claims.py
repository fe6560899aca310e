"""Counts of OCOP products a text states: "1.649 sản phẩm OCOP", "534 sản phẩm 3 sao".

Two sentence shapes are read (vocabulary in data/claims.toml):
1. NUMBER + noun (sản phẩm / SP / mặt hàng) + [a few words] + OCOP and/or "N sao", within one
   clause: "1.098 sản phẩm 4 sao", "12 sản phẩm được công nhận đạt OCOP 3 sao", "3 sản phẩm hồ tiêu
   đạt 4 sao". The star count is kept when exactly one rating is given ("từ 3 sao trở lên" and
   "3 sao và 4 sao" give None).
2. "số sản phẩm OCOP ... lên/là/đạt NUMBER": "nâng tổng số sản phẩm OCOP của tỉnh lên 245".
Plans and candidates are not claims: "phấn đấu có thêm 20 sản phẩm", "ít nhất 1 sản phẩm đạt 5
sao", "488 sản phẩm tham gia đánh giá".

Vietnamese numbers: "1.649" is 1649 (dot groups thousands), "1,5 nghìn" is 1500, "gần 17 nghìn"
is 17000, and hedges ("hơn", "gần", "khoảng") are dropped from the count but kept in the sentence.
The place is the nearest place named before the number in the sentence (else after it), else
"cả nước"/"toàn quốc" when the sentence says so, else the article's only province when the
sentence points at it ("toàn tỉnh", "thành phố").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document
from indexer.ocop.phrases import PhraseIndex, syllables
from indexer.ocop.places import PlaceMention
from indexer.ocop.vocab import claims_vocab, places_vocab
from indexer.schema import OcopClaim


@dataclass(frozen=True)
class _Vocab:
    nouns: PhraseIndex
    fillers: frozenset[str]
    max_other: int
    not_claim: PhraseIndex
    plans: PhraseIndex
    totals: PhraseIndex
    total_verbs: frozenset[str]
    multipliers: dict[str, int]
    number_words: dict[str, int]
    national: PhraseIndex
    home: PhraseIndex


@cache
def _vocab() -> _Vocab:
    v, p = claims_vocab(), places_vocab()

    def index(words: list[str], strict: bool = True) -> PhraseIndex:
        idx = PhraseIndex(strict_accents=strict)
        for w in words:
            idx.add(w, w)
        return idx

    return _Vocab(
        nouns=index(v["nouns"]),
        fillers=frozenset(s for w in v["fillers"] for s in syllables(w)),
        max_other=int(v["max_other_words"]),
        not_claim=index(v["not_claim_words"] + v["plan_words"]),
        plans=index(v["plan_words"]),
        totals=index(v["total_phrases"]),
        total_verbs=frozenset(" ".join(syllables(w)) for w in v["total_verbs"]),
        multipliers={" ".join(syllables(k)): int(n) for k, n in v["multipliers"].items()},
        number_words={k: int(n) for k, n in v["number_words"].items()},
        national=index(p["national_places"]),
        home=index(p["home_place_words"]),
    )


def parse_number(doc: Document, k: int, end: int, v: _Vocab) -> tuple[int, int] | None:
    """A count starting at syllable k → (value, index after it). "1.649" → 1649, "2,5 nghìn" → 2500."""
    if doc.orig[k].isdigit():
        if k > 0 and doc.gap(k) in (".", ",") and doc.orig[k - 1].isdigit():
            return None  # the middle of a number, not its start
        digits = doc.orig[k]
        j = k + 1
        while j < end and doc.gap(j) == "." and len(doc.orig[j]) == 3 and doc.orig[j].isdigit():
            digits += doc.orig[j]
            j += 1
        value: float = int(digits)
        if j < end and doc.gap(j) == "," and doc.orig[j].isdigit():  # decimal comma
            value = float(f"{digits}.{doc.orig[j]}")
            j += 1
        if j < end and doc.fold[j] in v.multipliers and doc.adjacent(j):
            value *= v.multipliers[doc.fold[j]]
            j += 1
        return (int(value), j) if value == int(value) else None
    if doc.blocks[doc.block_of[k]].accented and doc.low[k] in v.number_words:
        return v.number_words[doc.low[k]], k + 1
    return None


def _clause_break(doc: Document, k: int) -> bool:
    gap = doc.gap(k).strip()
    if not gap:
        return False
    # "đánh giá, phân hạng" is one phrase, comma and all.
    return not (gap == "," and doc.fold[k] == "phan" and k + 1 < len(doc) and doc.fold[k + 1] == "hang")


def _scan_after_noun(doc: Document, k: int, end: int, v: _Vocab) -> tuple[bool, int | None, bool] | None:
    """From syllable k (after the noun) to the clause end → (mentions OCOP, stars, any rating)."""
    ocop, stars, others, fuzzy = False, [], 0, False
    j = k
    while j < end and not (j > k and _clause_break(doc, j)):
        if v.not_claim.match_at(doc, j, end) is not None:
            return None
        if v.nouns.match_at(doc, j, end) is not None:
            break  # the next "N sản phẩm ..." of a list
        tok = doc.fold[j]
        if tok == "ocop":
            ocop = True
        elif tok == "sao" and j > k and doc.orig[j - 1].isdigit():
            stars.append(int(doc.orig[j - 1]))
        elif tok.isdigit() and j + 1 < end and doc.fold[j + 1] == "sao":
            pass
        elif tok.isdigit():
            break  # another count: the clause moved on
        elif tok in ("tro", "len") and stars:
            fuzzy = fuzzy or tok == "tro"
        elif tok not in v.fillers:
            others += 1
            if others > v.max_other or (ocop or stars):
                break
        j += 1
    rated = bool(stars)
    single = stars[0] if len(set(stars)) == 1 and not fuzzy else None
    return ocop, single, rated


def _place(
    doc: Document, a: int, b: int, at: int, mentions: list[PlaceMention], home: str | None, v: _Vocab
) -> str | None:
    inside = [m for m in mentions if a <= m.first < b]
    before = [m for m in inside if m.last <= at]
    if before:
        return before[-1].name
    if inside:
        return inside[0].name
    for _i, _j, phrase in v.national.find(doc, a, b):
        return str(phrase.value)
    if home and any(True for _ in v.home.find(doc, a, b)):
        return home
    return None


def _planned(doc: Document, start: int, k: int, v: _Vocab) -> bool:
    """A plan or target word in the clause before the number ("phấn đấu có thêm 20 sản phẩm")."""
    i = k
    while i > start and not _clause_break(doc, i):
        i -= 1
    return any(True for _ in v.plans.find(doc, i, k))


def find_claims(
    doc: Document, mentions: list[PlaceMention], home: str | None, is_ocop: bool
) -> list[OcopClaim]:
    """Claims in title, lead and body, deduplicated by (count, stars), keeping one with a place."""
    v = _vocab()
    out: dict[tuple[int, int | None], OcopClaim] = {}
    words = v.number_words
    candidates = [
        k
        for k, t in enumerate(doc.orig)
        if t[0].isdigit() or doc.low[k] in words or v.totals.starts(doc.fold[k])
    ]
    for block in doc.blocks:
        if block.zone not in CONTENT_ZONES:
            continue
        skip_to = block.first
        for k in candidates:
            if k < skip_to or not block.first <= k < block.last:
                continue
            claim = _claim_at(doc, k, block.first, block.last, v, is_ocop)
            if claim is None:
                continue
            count, stars, at, nxt = claim
            a, b = doc.sentence_bounds(at)
            stop = doc.starts[b] if b < len(doc) and doc.block_of[b] == doc.block_of[a] else block.end
            sentence = doc.text[doc.starts[a] : stop].strip()
            place = _place(doc, a, b, at, mentions, home, v)
            key = (count, stars)
            if key not in out or (out[key].place is None and place is not None):
                out[key] = OcopClaim(count=count, stars=stars, place=place, sentence=sentence)
            skip_to = nxt
    # The same count restated with and without its rating ("30 sản phẩm OCOP" ... "cả 30 sản phẩm
    # đều đạt 3 sao") is one claim: keep the rated one, and a place from either.
    for (count, stars), claim in list(out.items()):
        rated = [c for (n, s), c in out.items() if n == count and s is not None]
        if stars is None and rated:
            del out[(count, stars)]
            if rated[0].place is None and claim.place is not None:
                out[(count, rated[0].stars)] = rated[0].model_copy(update={"place": claim.place})
    return list(out.values())


def _claim_at(
    doc: Document, k: int, start: int, end: int, v: _Vocab, is_ocop: bool
) -> tuple[int, int | None, int, int] | None:
    """A claim whose number starts at syllable k → (count, stars, number index, next index)."""
    total = v.totals.match_at(doc, k, end)
    if total is not None:
        j = k + len(total.folded)
        limit = min(end, j + 8)
        while j < limit and not (_clause_break(doc, j) and doc.fold[j] not in ("cua",)):
            if " ".join(doc.fold[j : j + 1]) in v.total_verbs and j + 1 < end:
                parsed = parse_number(doc, j + 1, end, v)
                if parsed and not (parsed[1] < end and doc.fold[parsed[1]] == "sao"):
                    return parsed[0], None, j + 1, parsed[1]
            j += 1
        return None
    parsed = parse_number(doc, k, end, v)
    if parsed is None:
        return None
    count, j = parsed
    noun = v.nouns.match_at(doc, j, end) if j < end and doc.adjacent(j) else None
    if noun is None or count <= 0 or _planned(doc, start, k, v):
        return None
    after = j + len(noun.folded)
    scanned = _scan_after_noun(doc, after, end, v) if after < end else None
    if scanned is None:
        return None
    ocop, stars, rated = scanned
    if not ocop and not (rated and is_ocop):
        return None
    return count, stars, k, after
