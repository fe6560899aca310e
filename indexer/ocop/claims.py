"""Counts of OCOP products a text states: "1.572 sản phẩm OCOP", "417 sản phẩm 3 sao".

A count is a NUMBER followed by a product noun (data/claims.toml: "sản phẩm", "SP", "mặt hàng",
"loại"). Whether it counts OCOP products, and at which rating, is read from three places:

1. its own clause, after the noun: "12 sản phẩm thuộc 5 chủ thể được công nhận đạt OCOP 3 sao",
   "2 sản phẩm là chè búp, miến dong được xếp hạng 4 sao" (a list introduced by "là"/"gồm" is
   read through its commas), "23 sản phẩm đạt chứng nhận OCOP cấp quốc gia" (5 stars);
2. the clause before the number, where the rating can come first: "chứng nhận sản phẩm OCOP 3
   sao đối với 13 sản phẩm", "công nhận sản phẩm đạt hạng 3 sao gồm 19 sản phẩm";
3. its neighbourhood, for subset counts with no "OCOP" or "sao" in their clause ("Theo đó,
   huyện Văn Lâm có 5 sản phẩm, thành phố Hưng Yên 6 sản phẩm", "11 sản phẩm thuộc ngành đồ
   uống"): in an OCOP article, a count whose sentence or previous sentence talks about OCOP
   products (a core term, a rating, or a claim) is one of them; so is a count whose clause names
   an official group before it ("Đứng đầu là nhóm thực phẩm với 120 sản phẩm").

Not claims: plans and targets, nominations and candidates (indexer.ocop.modality, and the
candidate words after the noun: "463 sản phẩm tham gia đánh giá"), ranges ("15 - 25 sản phẩm"),
averages ("trung bình 2 sản phẩm"), differences ("tăng 67 sản phẩm"), expired products, 1- and
2-star ratings, and counts of other things ("130 gian hàng", "9 đơn vị").

4. brackets and later sentences: a bracketed count right after a product group's name is that
   group's subset ("Thực phẩm (201 sản phẩm), đồ uống (14 sản phẩm)"); the parts listed after a
   rated total share its rating ("3 sản phẩm được nâng hạng lên 4 sao, bao gồm … 2 sản phẩm của
   huyện B"); a sentence that refers back to the counted products with one achieved rating
   ("Tất cả các sản phẩm này đều đạt tiêu chuẩn OCOP 3 sao") rates the counts just before it,
   those read as only assessed included.

Also read: totals written the other way round ("nâng tổng số sản phẩm OCOP của tỉnh lên 218",
"số sản phẩm OCOP 5 sao cấp quốc gia là 37"), and "A/B sản phẩm" (A of B: both are counts).

Vietnamese numbers: "1.236" is 1236, "2,5 nghìn" is 2500, "01" is 1, "hai sản phẩm" is 2; hedges
("hơn", "gần", "khoảng") are not part of the count and stay in the sentence. `stars` is the
rating when exactly one applies; "3 sao, 4 sao", "3-4 sao" and "từ 3 sao trở lên" give None. The
place is the nearest place named before the number in the sentence (else after it), else "cả
nước"/"toàn quốc", else the article's only province when the sentence points at it ("toàn tỉnh").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import chain

from indexer.ocop.document import CONTENT_ZONES, Block, Document
from indexer.ocop.groups import list_runs, names_a_group, names_a_product, product_index
from indexer.ocop.modality import Modality, modality
from indexer.ocop.near import NearNouns
from indexer.ocop.phrases import PhraseIndex, syllables
from indexer.ocop.places import PlaceMention
from indexer.ocop.relevance import core_index
from indexer.ocop.stars import council_name, fives_sent_up, lower_council_named, rating_at, rating_bracket
from indexer.ocop.vocab import claims_vocab, places_vocab
from indexer.schema import OcopClaim
from indexer.text import normalize, tokens

_RANGE_WORDS = {"den", "toi"}
_RANGE_LINKS = _RANGE_WORDS | {"va"}  # between the numbers of a list of ratings: "3 đến 4 sao", "3 và 4 sao"


@dataclass(frozen=True)
class _Vocab:
    nouns: PhraseIndex
    near_nouns: NearNouns  # the nouns printed with one slipped letter: "215 sản phâm" (round 18)
    inherit_nouns: frozenset[tuple[str, ...]]
    list_openers: PhraseIndex
    owner_openers: PhraseIndex
    outcomes: PhraseIndex
    results: PhraseIndex
    outcomes_before: PhraseIndex
    existence_before: PhraseIndex
    reassessed: PhraseIndex
    subset_openers: PhraseIndex
    part_openers: PhraseIndex
    continuations: PhraseIndex
    assessed_before: PhraseIndex
    rating_links: PhraseIndex
    equivalents: PhraseIndex
    candidates: PhraseIndex
    candidacies: PhraseIndex
    entries: PhraseIndex  # candidacy words opening the count's noun phrase (session 18)
    dossiers: PhraseIndex
    proposals: PhraseIndex
    lapses: PhraseIndex
    renewals: PhraseIndex
    progress: PhraseIndex
    before_candidates: PhraseIndex
    not_counts: PhraseIndex
    averages: PhraseIndex
    shares: PhraseIndex
    other_products: PhraseIndex
    group_words: PhraseIndex
    group_names: PhraseIndex
    group_lasts: frozenset[str]  # the last syllable of each group's name
    group_links: PhraseIndex
    bracket_kinds: PhraseIndex
    mixed_nouns: PhraseIndex
    national: PhraseIndex
    totals: PhraseIndex
    elided_totals: frozenset[tuple[str, ...]]  # totals whose noun is the last count's ("số đạt")
    back_totals: PhraseIndex
    table_totals: PhraseIndex
    total_verbs: PhraseIndex
    rated_subjects: PhraseIndex
    subject_verbs: PhraseIndex
    raise_verbs: PhraseIndex
    hedges: PhraseIndex
    specials: frozenset[str]  # number words and first syllables of the total phrases and raising verbs
    multipliers: dict[str, int]
    number_words: dict[str, int]
    ten: str  # "mười": ten, or the first word of 11-19
    tens: frozenset[str]  # "mươi": after a unit, its tens ("ba mươi")
    hundreds: frozenset[str]
    one: frozenset[str]  # "một", a count only before "trăm"
    zero_tens: frozenset[str]  # "linh", "lẻ": no tens ("một trăm linh năm")
    count_words: frozenset[str]  # the words a spelled count may start with ("hai", "một" …)
    spelled_words: frozenset[str]  # the words a spelled count may go on with ("mươi", "trăm" …)
    after_ten: dict[str, int]  # unit words only read after "mười": "lăm"
    after_tens: dict[str, int]  # and after "mươi": "mốt", "tư", "lăm"
    national_places: PhraseIndex
    agents: PhraseIndex
    passive_results: PhraseIndex
    unit_kinds: PhraseIndex
    home: PhraseIndex
    back_references: PhraseIndex
    back_sentences: int
    after_window: int
    list_window: int
    before_window: int
    link_window: int


@cache
def _vocab() -> _Vocab:
    v, p = claims_vocab(), places_vocab()

    def index(words: list[str], ignore: tuple[str, ...] = ()) -> PhraseIndex:
        idx = PhraseIndex(strict_accents=True)
        for w in words:
            idx.add(w, w)
        for w in ignore:
            idx.add(w, None)  # a longer word that wins over the one it contains
        return idx

    not_candidate = tuple(v["not_candidate_words"])
    return _Vocab(
        nouns=index(v["nouns"]),
        near_nouns=NearNouns.build(v["nouns"], v["near_noun_words_not"]),
        inherit_nouns=frozenset(syllables(w) for w in v["nouns_that_inherit"]),
        list_openers=index(v["list_openers"]),
        owner_openers=index(v["owner_openers"]),
        outcomes=index(v["outcome_words"]),
        results=index(v["result_words"], tuple(v["result_words_not"])),
        outcomes_before=index(v["outcome_words_before"], tuple(v["not_outcome_words_before"])),
        existence_before=index(v["existence_words_before"]),
        reassessed=index(v["reassessed_words"]),
        subset_openers=index(v["subset_openers"]),
        part_openers=index(v["part_openers"]),
        continuations=index(v["continuation_openers"]),
        assessed_before=index(v["assessed_words_before"]),
        rating_links=index(v["rating_links"]),
        equivalents=index(v["equivalent_words"]),
        candidates=index(v["candidate_words"], not_candidate),
        candidacies=index(v["candidacy_words"], not_candidate),
        entries=index(v["entry_words"]),
        dossiers=index(v["dossier_nouns"]),
        proposals=index(v["proposal_words"], not_candidate),
        lapses=index(v["lapse_words"] + v["awaiting_words"]),
        renewals=index(v["renewal_words"]),
        progress=index(v["progress_words"]),
        before_candidates=index(v["candidate_words_before"], not_candidate),
        not_counts=index(v["not_count_words"]),
        averages=index(v["average_words"]),
        shares=index(v["share_words"]),
        other_products=index(v["other_product_words"]),
        group_words=index(v["group_words"]),
        group_names=index(v["group_names"]),
        group_lasts=frozenset(syllables(w)[-1] for w in v["group_names"]),
        group_links=index(v["group_links"]),
        bracket_kinds=index(v["bracket_kinds"]),
        mixed_nouns=index(v["mixed_list_nouns"]),
        national=index(v["national_words"]),
        agents=index(v["agent_phrases"]),
        passive_results=index(v["passive_results"]),
        unit_kinds=index(v["unit_kinds"]),
        totals=index(v["total_phrases"] + v["elided_total_phrases"]),
        elided_totals=frozenset(syllables(w) for w in v["elided_total_phrases"]),
        back_totals=index(v["back_total_phrases"]),
        table_totals=index(v["table_total_words"]),
        total_verbs=index(v["total_verbs"]),
        rated_subjects=index(v["rated_subjects"]),
        subject_verbs=index(v["rated_subject_verbs"]),
        raise_verbs=index(v["raise_verbs"]),
        hedges=index(v["hedges"]),
        specials=frozenset(
            {w.lower() for w in [*v["number_words"], *v["spelled"]["one"]]}
            | {syllables(w)[0] for w in [*v["number_words"], *v["spelled"]["one"]]}
            | {
                tokens(normalize(w).lower())[0]
                for w in v["total_phrases"] + v["raise_verbs"] + v["back_total_phrases"]
            }
            | {syllables(w)[0] for w in v["total_phrases"] + v["raise_verbs"] + v["back_total_phrases"]}
        ),
        multipliers={" ".join(syllables(k)): int(n) for k, n in v["multipliers"].items()},
        number_words={k: int(n) for k, n in v["number_words"].items()},
        ten=str(v["spelled"]["ten"]),
        tens=frozenset(v["spelled"]["tens"]),
        hundreds=frozenset(v["spelled"]["hundreds"]),
        one=frozenset(v["spelled"]["one"]),
        zero_tens=frozenset(v["spelled"]["zero_tens"]),
        count_words=frozenset([*v["number_words"], *v["spelled"]["one"]]),
        spelled_words=frozenset(
            [*v["number_words"], *v["spelled"]["one"], *v["spelled"]["tens"], *v["spelled"]["hundreds"]]
        ),
        after_ten={k: int(n) for k, n in v["spelled"]["after_ten"].items()},
        after_tens={k: int(n) for k, n in v["spelled"]["after_tens"].items()},
        national_places=index(p["national_places"]),
        home=index(p["home_place_words"]),
        back_references=index(v["back_references"]),
        back_sentences=int(v["back_sentences"]),
        after_window=int(v["after_window"]),
        list_window=int(v["list_window"]),
        before_window=int(v["before_window"]),
        link_window=int(v["link_window"]),
    )


def parse_number(doc: Document, k: int, end: int, v: _Vocab) -> tuple[int, int] | None:
    """A count starting at syllable k → (value, index after it). "1.236" → 1236, "2,5 nghìn" → 2500."""
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
    if doc.blocks[doc.block_of[k]].accented:
        return _spelled(doc, k, end, v)
    return None


def _spelled(doc: Document, k: int, end: int, v: _Vocab) -> tuple[int, int] | None:
    """A count written in words (session 17): "hai", "mười lăm" (15), "hai mươi lăm" (25), "ba mươi"
    (30), "một trăm" (100), "hai trăm năm mươi" (250). Each word after the first must follow with
    no punctuation; "một" alone is "a", not a count, so it only starts hundreds."""
    low = doc.low
    if low[k] not in v.count_words:
        return None
    if k > 0 and low[k - 1] in v.spelled_words and doc.adjacent(k):
        return None  # the middle of a spelled number: "hai" in "mười hai"

    def word(j: int) -> str:
        return low[j] if j < end and doc.adjacent(j) else ""

    value, j = 0, k
    if (low[j] in v.number_words or low[j] in v.one) and word(j + 1) in v.hundreds:
        value, j = v.number_words.get(low[j], 1) * 100, j + 2
        if word(j) in v.zero_tens and word(j + 1) in v.number_words:  # "một trăm linh năm": 105
            return value + v.number_words[low[j + 1]], j + 2
        if not word(j):
            return value, j
    first = low[j] if j == k else word(j)
    if first not in v.number_words:
        return (value, j) if value else None
    tens = word(j + 1) in v.tens
    if first == v.ten or tens:
        n = 10 if first == v.ten else v.number_words[first] * 10
        j += 1 + tens
        unit = word(j)
        units = v.after_ten if first == v.ten else v.after_tens
        if unit in v.number_words and v.number_words[unit] < 10 or unit in units:
            return value + n + (units.get(unit) or v.number_words[unit]), j + 1
        return value + n, j
    return value + v.number_words[first], j + 1


@dataclass
class _Evidence:
    """What a stretch of a clause says about the products counted in it (positions are syllables)."""

    ocop: bool = False
    national: bool = False
    ratings: list[tuple[int, ...]] = field(default_factory=list)
    last_rating: int = -1  # syllable after the last rating
    first_rating: int = -1  # syllable of the first rating's "sao"
    achieved: bool = False  # a rating introduced by a result word ("đạt 3 sao", "công nhận 4 sao")
    fuzzy: bool = False  # "từ 3 sao trở lên"
    upgraded: int | None = None  # "từ 3 sao lên 4 sao" → 4
    bad_rating: bool = False  # 1 or 2 stars: not an OCOP rating
    outcome: int = -1  # end of the last outcome word ("công nhận", "xếp hạng")
    exists: int = -1  # end of the last existence word before the number ("hiện có")
    result: int = -1  # end of the last result word ("đạt chuẩn", "được công nhận")
    candidate: int = -1  # end of the last candidate word ("tham gia", "đăng ký")
    candidacy: int = -1  # the same, for the words a later rating does not settle ("đăng ký")
    reassessed: bool = False  # the candidate word says re-assessed ("đánh giá lại")
    proposal: bool = False  # a proposal, potential rank or expiry ("đề nghị", "tiềm năng", "hết hạn")
    assessed: int = -1  # end of the last assessment word before the number ("đánh giá")
    other: bool = False  # products of another kind ("sản phẩm chủ lực")
    group: bool = False  # an official product group ("thuộc nhóm thực phẩm")

    @property
    def rated(self) -> bool:
        return bool(self.ratings) or (self.national and self.ocop)

    def stars(self) -> int | None:
        if self.upgraded is not None:
            return self.upgraded
        values = {s for r in self.ratings for s in r}
        if self.fuzzy or len(values) > 1 or any(len(r) > 1 for r in self.ratings):
            return None
        if values:
            return next(iter(values))
        return 5 if self.national else None


def _gap_breaks(doc: Document, k: int, allow: str = "") -> bool:
    """Sentence punctuation before syllable k that ends a clause (a comma is judged by the caller)."""
    gap = doc.gap(k).strip()
    return bool(gap) and any(ch in gap and ch not in allow for ch in ".;:!?()") and not _initial_dot(doc, k)


def _initial_dot(doc: Document, k: int) -> bool:
    """The dot before syllable k joins an initial to a name, inside one word: "V.Ngon", "H.Mộc
    Châu", "TP.HCM". It ends no clause, where the sentence splitter sees no sentence end either
    (session 23: a brand like "V.Ngon" in a list cut the list from its rating)."""
    return (
        doc.gap(k) == "."
        and not doc.sent_start[k]
        and len(doc.orig[k - 1]) <= 3
        and doc.orig[k - 1].isupper()
        and doc.orig[k][:1].isupper()
    )


def _count_at(doc: Document, k: int, end: int, v: _Vocab) -> tuple[int, int, int, tuple[str, ...]] | None:
    """(value, noun start, noun end, the noun's folded syllables) when a product count starts at
    syllable k. A mistyped noun stands for the noun it slipped from ("215 sản phâm")."""
    parsed = parse_number(doc, k, end, v)
    if parsed is None:
        return None
    value, j = parsed
    if j >= end or not doc.adjacent(j):
        return None
    noun = v.nouns.match_at(doc, j, end) or v.near_nouns.match_at(doc, j, end)
    if noun is None:
        return None
    return value, j, j + len(noun.folded), noun.folded


def _of_a_kind(doc: Document, j: int, end: int) -> bool:
    """Whether a product word follows the count noun ending at j: "3 sản phẩm chuối sấy giòn",
    "hai sản phẩm mật ong". Such a count says how many products of one kind (or one producer's
    line) there are; with no OCOP word or rating in its own clause it is no OCOP claim taken from
    its neighbours (round 18). A group's name is a breakdown's part instead ("1 sản phẩm du lịch")."""
    return j < end and doc.adjacent(j) and names_a_product(doc, j, end) and not names_a_group(doc, j, end)


_CLAUSE_MARKS = frozenset(",;:()")
_LABEL_MARKS = frozenset({":", "–", "-", "("})  # after a rating, before the count it labels
_END_MARKS = frozenset('.!?…:;"”’)]')


def _cut_off(doc: Document) -> bool:
    """Whether the text stops inside a sentence: an excerpt or a feed's summary cut at a length,
    its last paragraph ending on a word with no punctuation ("… gồm 104 sản phẩm 3 sao, 46 sản phẩm")."""
    if not doc.blocks or len(doc) == 0:
        return False
    last = doc.blocks[-1]
    if last.zone not in CONTENT_ZONES or last.last != len(doc):
        return False
    tail = doc.text[last.start : last.end].rstrip()
    return bool(tail) and tail[-1] not in _END_MARKS and tail[-1].isalnum()


def _runs_into_cut(doc: Document, k: int) -> bool:
    """Whether the count at syllable k is in the clause a cut text stops in ("… 41 sản phẩm",
    "31 sản phẩm 4 đạt tiêu"): no clause mark between it and the cut, so its rating, if it had
    one, was cut with it (round 18). A list opened after the noun is not judged: the labels keep
    a district's cut list of products and drop a rated total's cut part."""
    n = len(doc)
    return doc.sent_of[k] == doc.sent_of[n - 1] and not any(
        ch in _CLAUSE_MARKS for m in range(k + 1, n) for ch in doc.gap(m)
    )


def _last_end(idx: PhraseIndex, doc: Document, a: int, b: int, skip: set[int] | None = None) -> int:
    """End of the last phrase of `idx` in [a, b) (ignored longer words and `skip` starts left out)."""
    last = -1
    for i, j, p in idx.find(doc, a, b):
        if p.value is not None and (skip is None or i not in skip):
            last = j
    return last


def _scan(doc: Document, a: int, b: int, v: _Vocab, ev: _Evidence) -> None:
    """Collect evidence in syllables [a, b)."""
    core, fold = core_index(), doc.fold
    for k in range(a, b):
        if fold[k] == "ocop" or (core.starts(fold[k]) and core.match_at(doc, k, b) is not None):
            ev.ocop = True
        if fold[k] != "sao":
            continue
        found = rating_at(doc, k)
        if found is None:
            continue
        stars, first = found
        if first < a:
            continue
        if doc.fold[first - 1] in ("len", "nang") and modality().planned(doc, first):
            continue  # "nay có khả năng nâng hạng lên 05 sao": the aim of an upgrade
        valid = tuple(s for s in stars if 3 <= s <= 5)
        if valid and len(valid) < len(stars):
            ev.bad_rating = True  # "40 sản phẩm OCOP từ 2 đến 4 sao": 2-star products mixed in
        elif valid:
            ev.ratings.append(valid)
            ev.last_rating = k + 1
            if ev.first_rating < 0:
                ev.first_rating = k
            lo = max(a, first - 5)
            ev.achieved = ev.achieved or any(True for _ in modality().results.find(doc, lo, first))
        else:
            ev.bad_rating = True
        floor = k + 1 + (k + 1 < b and doc.fold[k + 1] == "ocop")  # "đạt 3 sao OCOP trở lên"
        if floor + 1 < b and doc.fold[floor] == "tro" and doc.fold[floor + 1] == "len":
            ev.fuzzy = True
            ev.last_rating = floor + 2
        elif (
            first > a
            and doc.fold[first - 1] == "tu"
            and not (k + 1 < b and doc.fold[k + 1] in ("len", "den"))
        ):
            ev.fuzzy = True  # "32 sản phẩm OCOP từ 03 sao": a floor, like "từ 3 sao trở lên"
        elif first > a and doc.fold[first - 1] == "len" and len(ev.ratings) >= 2:
            ev.upgraded = ev.ratings[-1][-1]  # "từ 3 sao lên 4 sao"
    outcome_spans = {i for i, _j, _p in v.outcomes.find(doc, a, b)}
    ev.outcome = _last_end(v.outcomes, doc, a, b)
    ev.result = _last_end(v.results, doc, a, b)
    # A candidate word inside an outcome phrase ("phê duyệt kết quả chấm điểm") is not one.
    inside = {k for i, j, _p in v.outcomes.find(doc, a, b) for k in range(i, j)} - outcome_spans
    ev.candidate = _last_end(v.candidates, doc, a, b, skip=inside)
    ev.candidacy = _last_end(v.candidacies, doc, a, b, skip=inside)
    ev.reassessed = ev.candidate >= 0 and any(True for _ in v.reassessed.find(doc, a, b))
    ev.proposal = _last_end(v.proposals, doc, a, b, skip=inside) >= 0
    # "… hội nghị đánh giá sản phẩm OCOP cấp Trung ương với 52 sản phẩm": a council, no rating
    ev.national = any(not council_name(doc, i) for i, _j, _p in v.national.find(doc, a, b))
    ev.other = any(True for _ in v.other_products.find(doc, a, b))
    ev.group = any(True for _ in v.group_words.find(doc, a, b))


def _agent_after(doc: Document, k: int, end: int, v: _Vocab) -> bool:
    """A producer, with or without a count or a plural word, at syllable k: the agent after
    "do" (by): "do 173 chủ thể", "do các hợp tác xã"."""
    if k < end and (doc.orig[k][0].isdigit() or doc.fold[k] in _PLURALS):
        k += 1
    return k < end and v.agents.match_at(doc, k, end) is not None


def _after(doc: Document, start: int, end: int, v: _Vocab) -> tuple[_Evidence, bool]:
    """Evidence in the count's own clause after the noun, and whether it lists other products.

    A list opened right after the noun ("2 sản phẩm là chè búp, miến dong ... được xếp hạng 4
    sao") is read through its commas and semicolons; a list opened after the clause has said what
    the products are ("... đạt OCOP gồm điểm du lịch A đạt 4 sao và B đạt 3 sao") ends the clause:
    its ratings belong to the items.
    """
    ev = _Evidence()
    if start >= end:
        return ev, False
    # "5 sản phẩm OCOP gồm …": the programme's name right after the noun is part of the noun.
    opens = start + 1 if doc.fold[start] == "ocop" and start + 1 < end and doc.adjacent(start + 1) else start
    listing = (
        v.list_openers.match_at(doc, opens, end) is not None
        or v.owner_openers.match_at(doc, opens, end) is not None
        or doc.gap(start).strip() == ":"
        # "3 sản phẩm xoài cát Hòa Lộc, bưởi da xanh và sầu riêng vừa được công nhận đạt OCOP 3 sao"
        or (products := product_index().match_at(doc, start, end)) is not None
        and bool(products.value)
    )
    window = v.list_window if listing else v.after_window
    mixed = False
    k = start
    said = False
    depth = 0  # inside brackets: "(tỉnh Thái Nguyên)" neither ends the clause nor uses the window
    used = 0
    while k < end and used < window:
        if depth == 0 and doc.gap(k).lstrip().startswith(")"):
            break  # the count's own bracket closes: "OCOP 3 sao (74 sản phẩm), OCOP 4 sao (…)"
        if k > start:
            opened = depth == 0 and "(" in doc.gap(k)
            depth = _depth_after(doc.gap(k), depth)
            # A bracket right after a score gives its rating (round 14): "đạt 75 điểm (tương đương 4 sao)".
            points = doc.fold[k - 1] == "diem"
            if (
                opened
                and not listing
                and not points
                and (said or _bracket_has_digits(doc, k))
                and not rating_bracket(doc, k, end)
            ):
                break  # an aside after the clause has said its piece: "… 3 sao (Nghệ An chưa có …)"
        # The clause may end right after the noun: "hạng 4 sao có 5 sản phẩm, hạng 3 sao có 17".
        if _gap_breaks(doc, k, allow=";:()" if listing else "()"):
            break
        gap = doc.gap(k).strip()
        if gap == "," and depth == 0:
            rating_list = (
                doc.orig[k].isdigit()
                and k + 1 < end
                and doc.fold[k + 1] == "sao"
                # "…, 4 sao: 23 sản phẩm", "…, 4 sao – 23 sản phẩm": the next item's label
                and not (k + 2 < end and doc.gap(k + 2).strip() in _LABEL_MARKS)
            )
            phrase = (
                doc.fold[k] in ("phan", "xep", "cong") and doc.fold[k - 1] == "gia"
            )  # "đánh giá, công nhận"
            group = doc.fold[k] == "nhom"
            # "15 sản phẩm đạt 80 điểm, được công nhận đạt 4 sao": the same products' predicate
            passive = v.passive_results.match_at(doc, k, end) is not None
            decimal = (
                doc.gap(k) == "," and doc.orig[k - 1].isdigit() and doc.orig[k].isdigit()
            )  # "78,66 điểm"
            if doc.fold[k - 1] == "ocop" and v.mixed_nouns.match_at(doc, k, end) is not None:
                mixed = True  # "260 sản phẩm OCOP, sản phẩm đặc trưng, nông sản ..."
            # "đạt 75 điểm, tương đương 4 sao": the rating a score stands for (round 14)
            points = doc.fold[k - 1] == "diem"
            units = _unit_kind_pair(doc, k, end, v)  # "của 5 huyện, thị xã" (session 22)
            if not (rating_list or phrase or group or listing or passive or decimal or points or units):
                break
        if (
            doc.fold[k] in ("va", "cung")
            and doc.fold[k - 1] == "ocop"
            and doc.adjacent(k)
            and k + 1 < end
            and doc.adjacent(k + 1)
            and v.mixed_nouns.match_at(doc, k + 1, end) is not None
        ):
            mixed = True  # "150 sản phẩm OCOP và đặc sản vùng miền" (round 13)
        if k > start and not listing and said and v.list_openers.match_at(doc, k, end) is not None:
            break
        if said and doc.fold[k] == "do" and k + 1 < end and _agent_after(doc, k + 1, end, v):
            break  # "352 sản phẩm OCOP do 173 chủ thể đăng ký phát triển": who made them
        if (doc.orig[k][0].isdigit() or doc.low[k] in v.count_words) and _count_at(
            doc, k, end, v
        ) is not None:
            break  # the next count of a list
        if k > start and doc.fold[k] == "sao" and (part := _part_rating(doc, k, end, v)) is not None:
            k = part
            break
        said = said or doc.fold[k] in ("ocop", "sao") or v.outcomes.match_at(doc, k, end) is not None
        used += depth == 0
        k += 1
    _scan(doc, start, k, v, ev)
    return ev, mixed


def _unit_kind_pair(doc: Document, k: int, end: int, v: _Vocab) -> bool:
    """The comma before syllable k joins two kinds of unit after a number ("5 huyện, thị xã",
    "3 quận, huyện"): one set of units, so the count's clause goes on (session 22)."""
    before = v.unit_kinds.preceded_by(doc, k)
    if before is None or v.unit_kinds.match_at(doc, k, end) is None:
        return False
    n = k - len(before.folded) - 1
    return n >= 0 and doc.orig[n].isdigit()


def _part_rating(doc: Document, sao: int, end: int, v: _Vocab) -> int | None:
    """Where a rating that belongs to a part of the count starts (session 19, not blind), or None:
    one that labels the next count ("25 sản phẩm, gồm: 3 sao: 21 sản phẩm; 4 sao: 4 sản phẩm") or
    a share of it ("130 sản phẩm của 59 chủ thể, hạng 3 sao chiếm phần lớn"). The count's own
    clause ends before it, with its rank word ("hạng")."""
    found = rating_at(doc, sao)
    if found is None or sao + 1 >= end:
        return None
    labels = doc.gap(sao + 1).strip() in (":", "–", "-") and doc.orig[sao + 1][0].isdigit()
    if not labels and not (doc.adjacent(sao + 1) and v.shares.match_at(doc, sao + 1, end) is not None):
        return None
    first = found[1]
    return first - 1 if first > 0 and doc.fold[first - 1] == "hang" and doc.adjacent(first) else first


def _entered(doc: Document, j: int, end: int, v: _Vocab) -> bool:
    """The count's own noun phrase, from syllable j right after its noun, says its products are
    entered for assessment ("25 sản phẩm dự thi", "25 sản phẩm OCOP tham gia đánh giá"): a rating
    stated before the count names the rank they compete for, not one they hold (session 18)."""
    if j < end and doc.fold[j] == "ocop" and doc.adjacent(j):
        j += 1
    return j < end and doc.adjacent(j) and v.entries.match_at(doc, j, end) is not None


def _lapsed(doc: Document, start: int, end: int, v: _Vocab) -> bool:
    """Whether the count's own clause, read to its end however long, says its products lost the
    certificate: "Giấy chứng nhận 48 sản phẩm OCOP được cấp theo Quyết định số 303/QĐ-UBND ngày
    4/2/2020 đã hết hiệu lực", "loại 13 sản phẩm … do 7 chủ thể sản xuất ra khỏi danh sách"
    (round 13), or that they still await an assessment, "đang chờ phân hạng của Hội đồng cấp tỉnh"
    (`awaiting_words`, round 14). The predicate of such a sentence stands at its end, past the
    window the other words are read in. The clause ends at punctuation other than "/", "-" and "."
    inside numbers and codes, or at the next count; "chưa hết hạn" (not yet expired) is no lapse."""
    if start >= end:
        return False
    _a, b = doc.sentence_bounds(start)
    for k in range(start, min(b, end)):
        if doc.gap(k).strip().strip("/-.()") or doc.block_of[k] != doc.block_of[k - 1]:
            return False
        if (
            k > start
            and (doc.orig[k][0].isdigit() or doc.low[k] in v.count_words)
            and _count_at(doc, k, end, v) is not None
        ):
            return False
        if (
            v.lapses.starts(doc.fold[k])
            and v.lapses.match_at(doc, k, end) is not None
            and doc.fold[k - 1] not in ("chua", "khong")
        ):
            return True
    return False


def _renewed(doc: Document, start: int, end: int, v: _Vocab) -> bool:
    """The count's clause says its products lapsed and then renewed (session 17): "58 sản phẩm
    hết hạn đã được đánh giá lại và giữ nguyên hạng 4 sao", "… hết hạn, được cấp lại" — a
    `renewal_words` entry after a lapse word, with no other proposal word and no "không", "chưa"
    or "để" (a purpose) between ("hết hiệu lực và không được gia hạn" stays lapsed)."""
    if start >= end or next(v.lapses.find(doc, start, min(end, start + v.after_window)), None) is None:
        return False
    _a, b = doc.sentence_bounds(start)
    stop = min(b, end, start + v.after_window)
    for k in range(start + 1, stop):
        if _gap_breaks(doc, k) or doc.block_of[k] != doc.block_of[start]:
            return False
        found = v.renewals.match_at(doc, k, stop) if v.renewals.starts(doc.fold[k]) else None
        if found is not None:
            if {"chua", "khong", "de"} & set(doc.fold[start:k]):
                return False  # "… đã hết hạn, chủ thể chưa làm hồ sơ để được cấp lại"
            lapse = {i for i, _j, _p in v.lapses.find(doc, start, k)}
            return all(i in lapse for i, _j, p in v.proposals.find(doc, start, k) if p.value is not None)
    return False


def _bracket_has_digits(doc: Document, k: int) -> bool:
    """Whether the bracket opened before syllable k holds a number (a breakdown, not an aside)."""
    end = doc.blocks[doc.block_of[k]].last
    for i in range(k, min(end, k + 30)):
        if i > k and ")" in doc.gap(i):
            return False
        if doc.orig[i][0].isdigit():
            return True
    return False


def _empty_brackets(gap: str) -> bool:
    """Whether a gap between two syllables holds whole brackets and no half ones: "(***)"."""
    brackets = "".join(ch for ch in gap if ch in "()")
    return bool(brackets) and not brackets.replace("()", "")


def _depth_after(gap: str, depth: int) -> int:
    """Bracket depth after a gap between syllables (reading forwards)."""
    for ch in gap:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
    return depth


def _year_at(doc: Document, i: int, end: int) -> bool:
    """ "năm 2024" at syllable i: a time adjunct."""
    return i + 1 < end and doc.fold[i] == "nam" and len(doc.orig[i + 1]) == 4 and doc.orig[i + 1].isdigit()


def _percent_at(doc: Document, i: int) -> bool:
    """Syllable i is a percentage: "53%", "53 %"."""
    return (
        i >= 0 and doc.orig[i].isdigit() and doc.text[doc.ends[i] : doc.ends[i] + 2].lstrip().startswith("%")
    )


def _before(doc: Document, k: int, start: int, v: _Vocab) -> tuple[_Evidence, int]:
    """Evidence in the clause before the number (rating-before-count, candidates, outcomes)."""
    ev = _Evidence()
    a = k
    depth = 0  # inside brackets, read backwards: "(sản phẩm OCOP 5 sao) cho 5 sản phẩm"
    used = 0
    # "Hạng 3 sao: 30 sản phẩm; hạng 4 sao: 12 sản phẩm": a rating as the label of its count.
    # Session 17: a table flattened into text labels its counts with a dash or a bracket too:
    # "3 sao – 48 sản phẩm, 4 sao – 81 sản phẩm", "OCOP 3 sao (74 sản phẩm), OCOP 4 sao (89 sản phẩm)".
    labelled = k > start and doc.fold[k - 1] == "sao" and doc.gap(k).strip() in _LABEL_MARKS
    while (
        a > start
        and used < v.before_window
        and not _gap_breaks(doc, a, allow="():" if labelled and a == k else "()")
    ):
        gap = doc.gap(a)
        if _empty_brackets(gap):
            gap = ""  # a bracket with no words in it: "đạt hạng 3 sao (***) cấp huyện cho 05 sản phẩm"
        if "(" in gap and depth == 0 and not (labelled and a == k):
            break  # the count is inside a bracket: its clause starts there
        depth += gap.count(")") - gap.count("(")
        depth = max(depth, 0)
        if gap.strip() == "," and depth == 0:
            rating_list = doc.orig[a].isdigit() and doc.fold[a + 1] == "sao"
            # "Công nhận sản phẩm đạt hạng 4 sao, gồm 04 sản phẩm": a rating, then its link
            linked = doc.fold[a - 1] == "sao" and v.rating_links.match_at(doc, a, k) is not None
            # "Tỷ lệ sản phẩm OCOP 4 sao là 53%, tương đương 88 sản phẩm": the share restated as a
            # count (session 17)
            shared = _percent_at(doc, a - 1) and v.equivalents.match_at(doc, a, k) is not None
            # (a "%," gap is no bare comma: see below)
            if not (
                rating_list
                or linked
                or shared
                or (doc.fold[a] in ("phan", "xep") and doc.fold[a - 1] == "gia")
            ):
                break
        a -= 1
        used += depth == 0
    # Only the words after the previous count belong to this one ("5 sản phẩm 4 sao, 2 sản phẩm").
    for i in range(k - 1, a - 1, -1):
        if (doc.orig[i][0].isdigit() or doc.low[i] in v.count_words) and _count_at(doc, i, k, v) is not None:
            a = i + 1
            break
    _scan(doc, a, k, v, ev)
    ev.outcome = _last_end(v.outcomes_before, doc, a, k)
    if _names_the_assessment(doc, a, k, v):
        ev.outcome = -1  # "đã tổ chức đánh giá, xếp hạng 17 sản phẩm": assessed, no result yet
    ev.exists = _last_end(v.existence_before, doc, a, k)
    ev.candidate = _last_end(v.before_candidates, doc, a, k)
    ev.assessed = _last_end(v.assessed_before, doc, a, k)
    # A rating before the count applies to it only when linked to it: "sản phẩm OCOP 3 sao đối
    # với 13 sản phẩm", "đạt hạng 3 sao gồm 19 sản phẩm".
    if ev.ratings:
        i = ev.last_rating
        while i < k:
            if (link := v.rating_links.match_at(doc, i, k)) is not None:
                i += len(link.folded)
            elif _year_at(doc, i, k):
                i += 2  # "đạt 3 sao cấp huyện năm 2024 cho 7 sản phẩm"
            elif _percent_at(doc, i) and (equal := v.equivalents.match_at(doc, i + 1, k)) is not None:
                i += 1 + len(equal.folded)  # "4 sao là 53%, tương đương 88 sản phẩm"
            else:
                break
        if i < k or k - ev.last_rating > v.link_window:
            ev.ratings, ev.fuzzy, ev.upgraded = [], False, None
    return ev, a


def _linked_forward(doc: Document, sao: int, v: _Vocab) -> bool:
    """The rating whose "sao" is at `sao` is linked to a LATER count by a rating link (round 19):
    in "OCOP 3 sao đối với 20 sản phẩm và OCOP 4 sao đối với 9 sản phẩm" the 4 is the 9's, so the
    20 keeps the 3 linked before it."""
    if sao < 0:
        return False
    last = doc.blocks[doc.block_of[sao]].last
    link = v.rating_links.match_at(doc, sao + 1, last) if sao + 1 < last else None
    nxt = sao + 1 + len(link.folded) if link is not None else last
    return nxt < last and doc.orig[nxt][0].isdigit()


def _names_the_assessment(doc: Document, a: int, k: int, v: _Vocab) -> bool:
    """The last outcome word before the count at k is a bare "xếp hạng" or "phân hạng" joined to an
    assessment word before it ("đánh giá, xếp hạng", "đánh giá và phân hạng", round 16): the pair
    names the assessment the products went through, not a certificate ("phân hạng được", "công
    nhận" still are)."""
    hits = [(i, p) for i, _j, p in v.outcomes_before.find(doc, a, k) if p.value is not None]
    if not hits:
        return False
    i, phrase = hits[-1]
    if phrase.folded not in (("xep", "hang"), ("phan", "hang")) or i - 1 < a:
        return False
    if doc.fold[i - 1] == "va" and doc.adjacent(i):
        i -= 1
    elif doc.gap(i).strip() != ",":
        return False
    assessed = v.assessed_before.preceded_by(doc, i)
    if assessed is None:
        return False
    # "… được đánh giá, xếp hạng … là 56 sản phẩm": products that were assessed and ranked
    first = i - len(assessed.folded)
    return not (first > doc.sentence_bounds(first)[0] and doc.fold[first - 1] == "duoc")


def _group_opens(doc: Document, head: int, a: int, v: _Vocab) -> bool:
    """An official group's bare name opens the count's clause, right before it or before a link
    word (session 17): "Về cơ cấu, thực phẩm có 33 sản phẩm, đồ uống 42 sản phẩm" — a breakdown of
    the OCOP products by group, as with "nhóm thực phẩm có …" (`group_words`)."""
    end = head
    if end > a and (link := v.group_links.preceded_by(doc, end)) is not None:
        end -= len(link.folded)
    if end <= a or doc.fold[end - 1] not in v.group_lasts:
        return False  # no group's name ends there (a cheap test)
    for i in range(max(a, end - 4), end):
        found = v.group_names.match_at(doc, i, end)
        if found is not None and i + len(found.folded) == end:
            return i == a or doc.gap(i).strip() in (",", ";", ":") or doc.sent_start[i]
    return False


def _apposition(doc: Document, head: int, start: int, v: _Vocab) -> _Evidence:
    """A count in brackets right after a noun phrase restates it: "tổng số sản phẩm OCOP của cả
    nước (khoảng 17.000 sản phẩm)". Evidence in the clause before the bracket."""
    ev = _Evidence()
    a = head
    while (
        a > start
        and head - a < v.before_window
        and not _gap_breaks(doc, a, allow="(")
        and doc.gap(a).strip() != ","
    ):
        a -= 1
    if a == head:
        return ev
    _scan(doc, a, head, v, ev)
    ev.candidate = _last_end(v.before_candidates, doc, a, head)
    ev.assessed = _last_end(v.assessed_before, doc, a, head)
    return ev


def _kind_before(doc: Document, head: int, start: int, v: _Vocab) -> bool:
    """Whether the words right before a bracketed count name a kind of product: a breakdown by
    group ("Thực phẩm (201 sản phẩm), đồ uống (14 sản phẩm)") counts that kind's products. The
    name must end at the bracket ("Thực phẩm có (133 sản phẩm)" too): a product word inside a
    place or a brand before it ("Thị xã Hương Trà (26 sản phẩm …)") names no kind."""
    end = head - 1 if head - 1 > start and doc.fold[head - 1] == "co" else head
    a = max(start, end - 6)
    return (
        any(j == end and bool(p.value) for _i, j, p in product_index().find(doc, a, end))
        or any(j == end for _i, j, _p in v.group_words.find(doc, a, end))
        or any(j == end for _i, j, _p in v.bracket_kinds.find(doc, a, end))
    )


def _hedge_start(doc: Document, k: int, v: _Vocab) -> int:
    """The syllable where the words before the number begin, hedges ("hơn", "gần") skipped."""
    i = k
    while i > 0 and doc.adjacent(i):
        found = v.hedges.preceded_by(doc, i)
        if found is None:
            break
        i -= len(found.folded)
    return i


def _is_range(doc: Document, k: int) -> bool:
    """ "15 - 25 sản phẩm", "từ 2 đến 4 sản phẩm": a range is not a count."""
    if k >= 1 and doc.gap(k).strip() in ("-", "–") and doc.orig[k - 1].isdigit():
        return True
    return k >= 2 and doc.fold[k - 1] in _RANGE_WORDS and doc.orig[k - 2].isdigit()


def _place(
    doc: Document, a: int, b: int, at: int, mentions: list[PlaceMention], home: str | None, v: _Vocab
) -> str | None:
    inside = [m for m in mentions if a <= m.first < b]
    before = [m for m in inside if m.last <= at]
    if before:
        return before[-1].name
    if inside:
        return inside[0].name
    for _i, _j, phrase in v.national_places.find(doc, a, b):
        return str(phrase.value)
    if home and any(True for _ in v.home.find(doc, a, b)):
        return home
    return None


@dataclass(frozen=True)
class _Found:
    count: int
    stars: int | None
    at: int
    bare: bool = False  # no outcome or result word of its own: an item of a list ("huyện A 4 sản phẩm")
    back: bool = False  # "con số này là 195": a total that restates the claim just before
    # Its own clause rates it, with one rating or more: "54 sản phẩm được xếp hạng 3 - 4 sao" has
    # no single rating (stars None) but counts products at OCOP ratings all the same (session 20).
    ranked: bool = False
    # A running total with its noun left out ("thêm 22 sản phẩm, nâng tổng số lên 40"): a claim
    # only when the count at this position, whose total it raises, is one (session 20).
    after_count: int = -1


def _total_at(doc: Document, k: int, end: int, v: _Vocab) -> _Found | None:
    """Totals written the other way round.

    "nâng tổng số sản phẩm OCOP của tỉnh lên 218", "số sản phẩm OCOP 5 sao cấp quốc gia là 37",
    "Nâng sản phẩm đạt tiêu chuẩn OCOP 3 sao huyện Thuận Bắc năm 2024 lên 12 sản phẩm".
    """
    total = v.totals.match_at(doc, k, end)
    back = (
        None
        if total is not None or not v.back_totals.starts(doc.fold[k])
        else v.back_totals.match_at(doc, k, end)
    )
    total = total or back
    raised = v.raise_verbs.match_at(doc, k, end) if total is None else None
    if total is None and raised is None:
        return None
    if total is not None and total.folded in v.elided_totals and not _products_counted_last(doc, k, v):
        return None  # "41 khách sạn …; số đạt 4 sao là 11" counts hotels
    j = k + (len(total.folded) if total is not None else 1)
    limit = min(end, j + (20 if raised else 12))
    depth = 0  # a bracketed aside is read through (session 24): "tăng từ 24 sản phẩm (năm 2019) lên 286"
    while j < limit and not _gap_breaks(doc, j, allow="()"):
        if depth == 0 and doc.gap(j).lstrip().startswith(")"):
            break  # the bracket the total stands in closes
        depth = _depth_after(doc.gap(j), depth)
        if depth > 0:
            j += 1
            continue  # no verb inside it: "số sản phẩm OCOP (trong đó hạng 4 sao là 12) …"
        if raised:
            verb = 1 if doc.fold[j] == "len" else 0
        else:  # "là", "đạt", "dừng ở" (session 18: verbs of more than one syllable)
            said = v.total_verbs.match_at(doc, j, end)
            verb = len(said.folded) if said is not None else 0
        after_verb = j + verb
        if verb and after_verb < end and doc.fold[after_verb] != "len":
            n = after_verb
            while n < end and (hedge := v.hedges.match_at(doc, n, end)) is not None:
                n += len(hedge.folded)
            parsed = parse_number(doc, n, end, v) if n < end else None
            if parsed is None or (parsed[1] < end and doc.fold[parsed[1]] == "sao"):
                return None
            if modality().planned(doc, k):
                return None  # "phấn đấu …, nâng tổng số sản phẩm OCOP lên 150": a target
            ev = _Evidence()
            _scan(doc, k, j, v, ev)
            if back is not None:
                return None if ev.candidate >= 0 else _Found(parsed[0], None, n, back=True)
            certified = ev.result >= 0 and _ocop_earlier(doc, k)
            if ev.candidate >= 0:
                return None
            if not (ev.ocop or ev.ratings or certified):
                # "thêm 22 sản phẩm, nâng tổng số lên 40": the total of the products counted just
                # before, a claim when that count is one (decided by the caller; session 20)
                elided = (
                    raised is not None
                    and j == k + len(raised.folded) > k + 1
                    and _count_at(doc, n, end, v) is None
                )
                before = _last_product_count(doc, k, v) if elided else -1
                return _Found(parsed[0], None, n, after_count=before) if before >= 0 else None
            return _Found(parsed[0], ev.stars() if ev.rated else None, n, ranked=ev.rated)
        j += 1
    return None


def _products_counted_last(doc: Document, k: int, v: _Vocab) -> bool:
    """The last number before syllable k in its sentence counts products ("41 sản phẩm … ; số đạt
    4 sao là 11"): a total with its noun left out takes that noun (`elided_total_phrases`)."""
    return _last_product_count(doc, k, v) >= 0


def _last_product_count(doc: Document, k: int, v: _Vocab) -> int:
    """Where the last number before syllable k in its sentence starts, when it counts products;
    -1 when it counts something else or there is none (ratings are skipped)."""
    a, _b = doc.sentence_bounds(k)
    for i in range(k - 1, a - 1, -1):
        if doc.orig[i][0].isdigit() and not _rates(doc, i, k):
            while i > a and doc.gap(i) in (".", ",") and doc.orig[i - 1].isdigit():
                i -= 1  # "1.236 sản phẩm" starts at "1"
            return i if _count_at(doc, i, k, v) is not None else -1
    return -1


def _rates(doc: Document, i: int, end: int) -> bool:
    """The number at syllable i is a rating, or the first of a range of ratings ("3 - 4 sao")."""
    j, stop = i + 1, min(end, i + 4)
    while j < stop and (doc.orig[j].isdigit() or doc.fold[j] in _RANGE_LINKS):
        j += 1
    return j < end and doc.fold[j] == "sao"


def _ocop_earlier(doc: Document, k: int) -> bool:
    """The programme is named earlier in syllable k's sentence (session 19, not blind): "Chương
    trình OCOP …: tổng số sản phẩm được cấp giấy chứng nhận đạt 206" totals certified products
    of the programme its sentence opened with."""
    a, _b = doc.sentence_bounds(k)
    return any(doc.fold[i] == "ocop" for i in range(a, k))


def _rated_subject(doc: Document, k: int, first: int, last: int, v: _Vocab) -> _Found | None:
    """A number with no noun after it, told of a rated subject (session 18, not blind): "Sản phẩm
    4 sao là 60", "còn sản phẩm OCOP 5 sao cấp quốc gia là 3". The subject (`rated_subjects`)
    must carry one achieved rating and no candidacy or plan, with no punctuation before its verb;
    the number ends its clause ("là 20 triệu đồng" is money, "là 53%" a share)."""
    if not doc.orig[k].isdigit():
        return None
    head = _hedge_start(doc, k, v)
    verb = v.subject_verbs.preceded_by(doc, head)
    # An item of a breakdown may give its number right after the rating, with no verb (session 19,
    # not blind): "…, trong đó sản phẩm 4 sao 16, sản phẩm 5 sao 2".
    bare = verb is None and head == k and k > first and doc.fold[k - 1] == "sao" and doc.adjacent(k)
    if (verb is None and not bare) or _percent_at(doc, k) or _count_at(doc, k, len(doc), v) is not None:
        return None  # a noun after the number: its own clause decides ("là 60 sản phẩm dự thi")
    said = head - (len(verb.folded) if verb is not None else 0)
    j = said - 1
    while j > first and said - j <= _SUBJECT_WINDOW and not doc.gap(j + 1).strip():
        if v.rated_subjects.match_at(doc, j, said) is not None:
            break
        j -= 1
    if v.rated_subjects.match_at(doc, j, said) is None:
        return None
    if bare and not (j > first and (doc.gap(j).strip()[-1:] in (",", ";") or doc.fold[j - 1] == "do")):
        return None  # a bare number is an item after a comma or "trong đó" only
    ev = _Evidence()
    _scan(doc, j, said, v, ev)
    if not ev.rated or ev.bad_rating or ev.candidate >= 0 or ev.proposal or modality().planned(doc, j):
        return None
    parsed = parse_number(doc, k, last, v)
    if parsed is None or parsed[0] <= 0 or (parsed[1] < last and not doc.gap(parsed[1]).strip()):
        return None
    return _Found(parsed[0], ev.stars(), k, ranked=True)


@dataclass
class _Count:
    """A product count and what its clauses say."""

    value: int
    at: int
    noun: tuple[str, ...]
    after: _Evidence
    before: _Evidence
    parenthesised: bool
    apposition: _Evidence | None = None
    kind_named: bool = False  # in brackets after a product group or product: "thảo dược (7 sản phẩm)"
    of_a_kind: bool = False  # the noun names its product: "3 sản phẩm chuối sấy giòn" (round 18)
    alone: bool = False  # the bracket holds the count and its noun only: "huyện B (13 sản phẩm)"
    share: bool = False  # in brackets right after a percentage: "4 sao chiếm 24% (60 sản phẩm)"


_PLURALS = frozenset({"cac", "nhung", "nhieu"})
_LIST_ITEMS = 3  # counts in one sentence that make it a list of parts
_ITEM_WORDS = 10  # a list item's line is short (groups.list_runs)
_ITEM_MARKS = frozenset(":|–-")  # the label of a bare count in a list item or table row ends with one
_YEARS = (1990, 2100)  # a bare number in this range ends a row as a year, not a count
_SUBJECT_WINDOW = 10  # syllables from a rated subject to its verb ("sản phẩm OCOP 5 sao cấp quốc gia là")


class _Claims:
    """The claim finder for one document."""

    def __init__(self, doc: Document, is_ocop: bool) -> None:
        self.doc = doc
        self.is_ocop = is_ocop
        self.v = _vocab()
        self.m: Modality = modality()
        self._talk: set[int] | None = None
        self.blocked: dict[int, int] = {}  # sentence → first count of candidates, proposals or plans
        # sentence → end of the first count that a proposal or candidacy verb BEFORE it governs
        # ("đề nghị UBND tỉnh công nhận 25 sản phẩm …"): the counts listed after it are its objects
        self.governed: dict[int, int] = {}
        self.counted: list[int] = []  # sentences with a count read so far, in reading order
        self.accepted: set[int] = set()  # sentences with a claim decided so far
        self.totals: dict[int, tuple[int, int]] = {}  # sentence → (position, rating) of its opening total
        # sentence → (start, end, rating) of each list of parts ("26 … 4 sao (…); 83 … 3 sao (…)")
        self.lists: dict[int, list[tuple[int, int, int | None]]] = {}
        self.cues: dict[int, int] = {}  # cue sentence ("… 21 sản phẩm đạt OCOP 3 sao, cụ thể:") → its rating
        self._runs: dict[int, int] | None = None
        self.assessed: list[tuple[int, int]] = []  # (value, position) of counts withheld as only assessed
        # sentence → (position, rating) of its first claim
        self.opening: dict[int, tuple[int, int | None]] = {}
        self.first_count: dict[int, int] = {}  # sentence → position of its first count
        self._named: set[int] | None = None

    @property
    def talk(self) -> set[int]:
        """Sentences that state OCOP facts: ratings and outcomes (and, added later, claims).

        Computed only when a count needs its neighbourhood."""
        if self._talk is None:
            doc, v = self.doc, self.v
            talk: set[int] = set()
            for block in doc.blocks:
                if block.zone not in CONTENT_ZONES:
                    continue
                for i, _j, _p in v.outcomes.find(doc, block.first, block.last):
                    talk.add(doc.sent_of[i])
                for k in range(block.first, block.last):
                    if (
                        doc.fold[k] == "sao"
                        and (found := rating_at(doc, k))
                        and any(3 <= s <= 5 for s in found[0])
                    ):
                        talk.add(doc.sent_of[k])
            self._talk = talk
        return self._talk

    @property
    def runs(self) -> dict[int, int]:
        """List-item and table-row sentence → the cue sentence that introduces its list."""
        if self._runs is None:
            self._runs = list_runs(self.doc)
        return self._runs

    def _clause_start(self, k: int, start: int) -> int:
        """Where the words about the count at k begin: after the previous count of its sentence
        and the punctuation that follows it ("9 sản phẩm tiềm năng 5 sao, trên 1.300 sản phẩm")."""
        doc = self.doc
        a, _b = doc.sentence_bounds(k)
        a = max(a, start)
        for i in range(k - 1, a - 1, -1):
            if (doc.orig[i][0].isdigit() or doc.low[i] in self.v.count_words) and (
                found := _count_at(doc, i, k, self.v)
            ) is not None:
                for j in range(k, found[2], -1):
                    if doc.gap(j).strip():
                        return j
                return found[2]
        return a

    def _in_programme_name(self, k: int) -> bool:
        """Syllable k is inside the programme's name: "Chương trình mỗi xã 1 sản phẩm" counts
        nothing (round 13)."""
        if self._named is None:
            self._named = {
                i for a, b, _p in core_index().find_in_blocks(self.doc, CONTENT_ZONES) for i in range(a, b)
            }
        return k in self._named

    def read(self, k: int, start: int, end: int) -> _Count | None:
        """The count at syllable k with its evidence, or None when it cannot be a claim."""
        doc, v, m = self.doc, self.v, self.m
        found = _count_at(doc, k, end, v)
        if found is None and doc.adjacent(k + 1) and v.dossiers.match_at(doc, k + 1, end) is not None:
            # "có 12 hồ sơ sản phẩm": counted, as candidates, so that its breakdown is read as such
            if not self.counted or self.counted[-1] != doc.sent_of[k]:
                self.counted.append(doc.sent_of[k])
            self.first_count.setdefault(doc.sent_of[k], k)
            self.blocked.setdefault(doc.sent_of[k], k)
            return None
        if found is None or self._in_programme_name(k):
            return None
        value, _, noun_end, noun = found
        if value <= 0 or _is_range(doc, k):
            return None
        if not self.counted or self.counted[-1] != doc.sent_of[k]:
            self.counted.append(doc.sent_of[k])
        self.first_count.setdefault(doc.sent_of[k], k)
        if k > start and doc.fold[k - 1] == "nam" and doc.orig[k - 1][0] in "nN" and len(doc.orig[k]) == 4:
            return None  # "năm 2022 sản phẩm ...": a year
        head = _hedge_start(doc, k, v)
        if (
            head > start
            and v.not_counts.preceded_by(doc, head) is not None
            # "Xã Phú Từ có 15 sản phẩm": a capitalised word inside a sentence ends a name, not "từ"
            and not (doc.is_name(head - 1) and not doc.sent_start[head - 1])
        ):
            return None  # "tăng 67 sản phẩm", "trung bình 2 sản phẩm"
        if self._share(k, start):
            return None  # "chiếm 1/3 sản phẩm OCOP": a fraction of them
        if any(True for _ in v.averages.find(doc, self._clause_start(k, start), head)):
            return None  # "Bình quân mỗi xã có 3 sản phẩm OCOP": an average
        if self._in_progress(k, start, head, noun_end, end):
            self.blocked.setdefault(doc.sent_of[k], k)  # its breakdown is in progress too
            return None  # "đang tiếp tục đánh giá, công nhận 4 sản phẩm": not certified yet
        after, mixed = _after(doc, noun_end, end, v)
        before, a = _before(doc, head, start, v)
        before.group = before.group or _group_opens(doc, head, a, v)
        if mixed:
            # "150 sản phẩm OCOP và đặc sản, …": the counts after it in its sentence may be either
            self.blocked.setdefault(doc.sent_of[k], k)
            return None
        # ... or re-recognised right before the count (session 19, not blind): "Công nhận lại 13
        # sản phẩm đã hết hạn chứng nhận" are OCOP products again
        renewed = _renewed(doc, noun_end, end, v) or v.renewals.preceded_by(doc, head) is not None
        if after.bad_rating or (_lapsed(doc, noun_end, end, v) and not renewed):
            return None
        if renewed:
            after.proposal = False  # "58 sản phẩm hết hạn đã được đánh giá lại và giữ nguyên hạng 4 sao"
        # A rating settles a candidacy only when it describes the products before the candidacy
        # word ("12 sản phẩm OCOP 3 sao tham gia hội chợ"); after it, without a result word, it is
        # what they are put forward for ("7 sản phẩm đăng ký tham gia đánh giá, phân hạng OCOP 3
        # sao"). A rating before the count does ("(… 5 sao) cho 5 sản phẩm"), unless the count's own
        # noun phrase enters its products for assessment ("4 sao là 25 sản phẩm dự thi").
        rating_settles = after.rated and (after.candidacy < 0 or 0 <= after.first_rating < after.candidacy)
        rated_before = before.rated and not _entered(doc, noun_end, end, v)
        settled = after.result >= 0 or rating_settles or rated_before
        # "Trong đó, có 09 sản phẩm mới và 03 sản phẩm đánh giá lại": the parts of a certified total
        # were re-assessed to be re-certified, not candidates.
        part = after.reassessed and (self._breaks_down_accepted(k, start) or self._in_list(doc.sent_of[k], k))
        if (
            after.proposal  # "4 sản phẩm tiềm năng 5 sao", "8 sản phẩm đã hết hạn"
            or (  # "463 sản phẩm tham gia đánh giá", "đã có thêm 2900 sản phẩm tham gia"
                after.candidate >= 0
                and not settled
                and not part
                and before.outcome < 0
                and not (
                    before.exists >= 0
                    and after.outcome >= 0
                    # "có 11 sản phẩm tham gia đánh giá, xếp hạng": the outcome is what they take
                    # part in, not what they got (round 16)
                    and not 0 <= after.candidacy < after.outcome
                )  # "Có thêm 14 sản phẩm được đánh giá, xếp hạng"
            )
            or (
                before.candidate > max(before.outcome, before.exists) and not settled
            )  # "xem xét 47 sản phẩm"
            or (
                before.assessed > max(before.outcome, before.exists) and not settled and after.outcome < 0
            )  # assessed, no result
            or m.planned(doc, k)
            or m.nominated(doc, k, start=self._clause_start(k, start))
            or (after.rated and m.forwarded(doc, noun_end - 1))  # a lower council's score, sent up
        ):
            # The other counts of this sentence share its subject ("Các sản phẩm đủ điều kiện đánh
            # giá thuộc 4 nhóm, gồm 3 sản phẩm ...; 02 sản phẩm ..."): they are candidates too.
            # A potential rank of its own in a sentence that already stated a claim is one item
            # of a list of results ("Huyện A có 12 sản phẩm đạt 3 sao; huyện B có 25 sản phẩm, với
            # 01 sản phẩm tiềm năng 5 sao và 24 sản phẩm 4 sao; huyện C …"): it blocks nothing.
            if not (after.proposal and doc.sent_of[k] in self.accepted):
                self.blocked.setdefault(doc.sent_of[k], k)
            if (
                after.candidacy < 0
                and not after.proposal
                and (
                    before.candidate > max(before.outcome, before.exists)
                    or m.nominated(doc, k, start=self._clause_start(k, start))
                )
            ):
                self.governed.setdefault(doc.sent_of[k], noun_end)
            if not (
                after.proposal
                or after.candidacy >= 0
                or m.planned(doc, k)
                or m.nominated(doc, k, start=self._clause_start(k, start))
            ):
                self.assessed.append((value, k))  # a later "Các sản phẩm này đều đạt 3 sao" may settle it
            return None
        parenthesised = doc.gap(head).strip().endswith("(")
        appos = _apposition(doc, head, start, v) if parenthesised and head == a else None
        kind = parenthesised and _kind_before(doc, head, start, v)
        alone = parenthesised and noun_end < len(doc) and doc.gap(noun_end).lstrip().startswith(")")
        share = appos is not None and head > start and _percent_at(doc, head - 1)
        return _Count(
            value,
            k,
            noun,
            after,
            before,
            parenthesised,
            appos,
            kind,
            _of_a_kind(doc, noun_end, end),
            alone,
            share,
        )

    def _share(self, k: int, start: int) -> bool:
        """The count at k is the denominator of a fraction after a share word: "chiếm 1/3 sản
        phẩm", "chiếm 2/5 số sản phẩm" (session 17). A count after "chiếm" alone is a part
        ("đồ uống chiếm 84 sản phẩm"), and "2.167/9.852 sản phẩm" (A of B) states two counts."""
        doc = self.doc
        if k < 2 or doc.gap(k).strip() != "/" or not doc.orig[k - 1].isdigit():
            return False
        i = k - 1
        while i > start and doc.gap(i) == "." and doc.orig[i - 1].isdigit():
            i -= 1
        return i > start and self.v.shares.preceded_by(doc, _hedge_start(doc, i, self.v)) is not None

    def _in_progress(self, k: int, start: int, head: int, noun_end: int, end: int) -> bool:
        """An assessment still going on (`progress_words`, round 13): in the count's clause before
        it with no realis marker after ("Thành phố đang tiếp tục đánh giá, công nhận 4 sản phẩm"),
        or right after the noun ("17 sản phẩm đang được tổ chức đánh giá, phân hạng")."""
        doc, v = self.doc, self.v
        before = [j for _i, j, p in v.progress.find(doc, self._clause_start(k, start), head) if p.value]
        if before and not self.m.realis_between(doc, before[-1], head):
            return True
        after = noun_end + (noun_end < end and doc.fold[noun_end] == "ocop")
        return after < end and doc.adjacent(after) and v.progress.match_at(doc, after, end) is not None

    def _breaks_down_accepted(self, k: int, start: int) -> bool:
        """A breakdown word ("trong đó", "trong số này") opens the count's clause, and the last
        sentence with a count before it, or this one, already stated a claim."""
        doc = self.doc
        opens = [self._clause_start(k, start), max(doc.sentence_bounds(k)[0], start)]
        s = doc.sent_of[k]
        if self._continues_breakdown(s):
            return True
        if not any(
            self.m.breakdowns.match_at(doc, a, k) is not None
            or (a > start and self.m.breakdowns.preceded_by(doc, a) is not None)
            for a in opens
        ):
            return False
        earlier = [t for t in self.counted if t <= s]
        return bool({s, *(earlier[-2:-1] if earlier and earlier[-1] == s else earlier[-1:])} & self.accepted)

    def _continues_breakdown(self, s: int) -> bool:
        """Sentence s goes on with the breakdown of the sentence before it, also in a new paragraph
        (round 13): "Trong đó, thành phố A có 19 sản phẩm (17 sản phẩm mới, 2 sản phẩm đánh giá
        lại). Huyện B có 5 sản phẩm (3 sản phẩm mới, 2 sản phẩm đánh giá lại); …" — the sentence
        before opened with a breakdown word, and it or the sentence it breaks down stated a claim."""
        doc = self.doc
        a = bisect_left(doc.sent_of, s - 1)
        if (
            s == 0
            or doc.blocks[doc.block_of[a]].zone not in CONTENT_ZONES
            or self.m.breakdowns.match_at(doc, a, a + 4) is None
        ):
            return False
        earlier = [t for t in self.counted if t < s - 1]
        return s - 1 in self.accepted or (bool(earlier) and earlier[-1] in self.accepted)

    def _governed(self, s: int, c: _Count) -> bool:
        """The count is one more object of a proposal or candidacy verb that stood before the first
        count of its list (round 14): "Hội đồng đề nghị UBND tỉnh công nhận 22 sản phẩm đạt OCOP 4
        sao và 29 sản phẩm đạt OCOP 3 sao" proposes both. Only a comma or "và" joins them (no
        semicolon or sentence end, no breakdown word), and the count has no verb or realis marker
        of its own before it ("…, hiện tỉnh đã có 29 sản phẩm" states a fact)."""
        doc = self.doc
        end = self.governed.get(s)
        if end is None or end > c.at:
            return False
        if c.before.outcome >= 0 or c.before.exists >= 0 or self.m.realis_between(doc, end, c.at):
            return False
        if any(True for _ in self.m.breakdowns.find(doc, end, c.at)):
            return False  # "… với 512 sản phẩm, trong đó có 308 sản phẩm đạt 3-5 sao": a part of it
        return not any(";" in doc.gap(k) or ":" in doc.gap(k) for k in range(end, c.at + 1))

    def _breaks_down_blocked(self, k: int) -> bool:
        """The count's sentence opens with a breakdown word ("Trong số các sản phẩm", "Trong đó")
        and the last sentence before it that had a count counted candidates, proposals or plans:
        the breakdown shares their status, even a paragraph later."""
        doc = self.doc
        s = doc.sent_of[k]
        a, _b = doc.sentence_bounds(k)
        if self.m.breakdowns.match_at(doc, a, k) is None:
            return False
        if s in self.accepted:  # an earlier count of the same breakdown was a claim
            return False
        earlier = [t for t in self.counted if t < s]
        # A sentence that also stated a claim ("36 sản phẩm đạt 4 sao và 2 sản phẩm tiềm năng 5
        # sao") is broken down by the claim: "Trong đó, 21 sản phẩm OCOP 4 sao được cấp lại".
        return bool(earlier) and earlier[-1] in self.blocked and earlier[-1] not in self.accepted

    def _names_ocop_before(self, k: int) -> bool:
        """The count's sentence names OCOP before it and opens with no breakdown word: it speaks
        of OCOP products itself, not of the candidates of the sentence before ("Hội đồng đã tổ
        chức đánh giá … cho 64 sản phẩm. Theo nhóm ngành, trong tổng số sản phẩm OCOP của tỉnh,
        nhóm thực phẩm có 44 sản phẩm, nhóm đồ uống 11 sản phẩm", round 19)."""
        doc = self.doc
        a, _b = doc.sentence_bounds(k)
        return "ocop" in doc.fold[a:k] and self.m.breakdowns.match_at(doc, a, k) is None

    def decide(self, c: _Count, inherit: bool) -> _Found | None:
        after, before = c.after, c.before
        s = self.doc.sent_of[c.at]
        if (
            self.blocked.get(s, len(self.doc)) < c.at
            and not (after.ocop or after.rated or after.result >= 0)
            and not self._fact_after_plan(s, c)
        ):
            return None
        if self._governed(s, c):
            return None  # "đề nghị UBND tỉnh công nhận 23 sản phẩm đạt 4 sao và 29 sản phẩm đạt 3 sao"
        # "Trong số này ..." after candidates; a sentence before that also stated a claim ("68 sản
        # phẩm đạt chuẩn OCOP, trong đó 57 sản phẩm đăng ký mới") is not a list of candidates.
        cue = self.runs.get(s, s - 1)  # the sentence before, or the cue line of the item's list
        # ... unless this sentence already stated a claim: its later parts are that total's
        # ("Trong số 10 sản phẩm vừa được công nhận … thì huyện A có 2 sản phẩm, huyện B có 8 sản
        # phẩm" after a sentence of proposals, round 19), as in `_breaks_down_blocked`
        near_candidates = s in self.blocked or (
            cue in self.blocked
            and cue not in self.accepted
            and s not in self.accepted
            and not self._names_ocop_before(c.at)
        )
        said_before = max(before.outcome, before.exists) >= 0
        # A part of a list of candidates is a candidate too, even with a rating ("Trong đó, có 2
        # sản phẩm nâng cấp từ 3 sao lên 4 sao": the upgrade applied for), unless its clause
        # states a result ("Trong số này, 20 sản phẩm đạt 3 sao").
        achieved = after.result >= 0 or after.achieved or before.rated or said_before
        if not achieved and self._breaks_down_blocked(c.at):
            self.blocked.setdefault(s, c.at)  # its neighbours are near candidates too
            return None  # "Trong số các sản phẩm, huyện A có 15 sản phẩm" after a list of candidates
        own = (
            after.ocop
            or after.rated
            or (self.is_ocop and (after.result >= 0 or after.outcome >= 0))
            or (self.is_ocop and (after.group or before.group) and not near_candidates)
        )
        prior = before.rated or (before.ocop and said_before) or (self.is_ocop and said_before)
        prior = prior or (self.is_ocop and not near_candidates and self._sums_the_programme(c))
        if (
            (appos := c.apposition) is not None
            and self.is_ocop
            and not (after.candidate >= 0 or after.proposal)
        ):
            # "(khoảng 17.000 sản phẩm)" after "tổng số sản phẩm OCOP của cả nước"
            prior = prior or (appos.ocop and appos.candidate < 0 and appos.assessed < 0)
            # A share restated as a count (session 20): "Sản phẩm 4 sao chiếm khoảng 24% (60 sản
            # phẩm)" counts the share's subject, at its rating or in its group.
            prior = prior or (c.share and (appos.rated or appos.group) and appos.candidate < 0)
        inherited = (
            inherit
            and self.is_ocop
            and c.noun in self.v.inherit_nouns
            and not after.other
            and not c.of_a_kind
            and (not c.parenthesised or c.kind_named or self._in_list(s, c.at) or self._sibling(c, s))
            and (bool({*self._prose_neighbours(s), self.runs.get(s, s)} & self.talk) or self._ocop_cue(s))
            and not near_candidates
            and not self._wider_than_its_part(c, s)
        )
        if not (own or prior or inherited):
            if after.other and self.first_count.get(s) == c.at:
                # A sentence's total of other products ("33 sản phẩm có lợi thế cạnh tranh, …,
                # trong đó 22 sản phẩm nhóm thực phẩm; …"): its breakdown counts them too (round 16).
                self.blocked.setdefault(s, c.at)
            return None
        if after.rated and not (before.rated and _linked_forward(self.doc, after.first_rating, self.v)):
            stars = after.stars()
        elif before.rated:
            stars = before.stars()
        elif c.share and appos is not None and appos.rated:
            stars = appos.stars()
        elif s in self.totals and self.totals[s][0] < c.at:
            stars = self.totals[s][1]  # a part of the sentence's opening total
        elif (listed := self._listed_rating(s, c.at)) is not None:
            stars = listed  # a part listed after a rated total
        elif inherit and self.runs.get(s, s) in self.cues:
            stars = self.cues[self.runs[s]]  # an item under a rated total's cue line
        elif (summed := self._table_total_rating(s, c.at)) is not None:
            stars = summed  # "Tổng cộng: 4 sản phẩm." under rows that all read "3 sao"
        else:
            stars = self._breakdown_rating(c.at)
        self.accepted.add(s)
        if s not in self.opening or c.at < self.opening[s][0]:
            self.opening[s] = (c.at, stars)
        if stars is not None and self._opens_total(c.at):
            self.totals.setdefault(s, (c.at, stars))
        elif (parts := self._list_after(c.at)) is not None:
            spans = self.lists.setdefault(s, [])
            if not any(a <= c.at < b for a, b, _r in spans):
                spans.append((*parts, stars))
        if stars is not None and s in self.runs.values():
            self.cues.setdefault(s, stars)
        bare = max(before.outcome, after.outcome, after.result) < 0
        ranked = stars is not None or ((after.rated or before.rated) and not after.bad_rating)
        return _Found(c.value, stars, c.at, bare, ranked=ranked)

    def _fact_after_plan(self, s: int, c: _Count) -> bool:
        """The count's own clause, after a comma or semicolon, states a result with a realis marker
        (session 24): in "Năm nay huyện phấn đấu có thêm 30 sản phẩm OCOP; 9 tháng qua đã công nhận
        21 sản phẩm" the plan does not govern the 21, which was recognised. Without the marker
        ("…, công nhận thêm 21 sản phẩm") the clause may go on with the plan."""
        doc = self.doc
        if c.before.result < 0:
            return False
        breaks = [i for i in range(self.blocked[s] + 1, c.at) if doc.gap(i).strip() in (",", ";")]
        return bool(breaks) and self.m.realis_between(doc, breaks[-1], c.at)

    def _wider_than_its_part(self, c: _Count, s: int) -> bool:
        """A bare count whose own breakdown says which of its products achieved OCOP counts more
        than OCOP products (session 24): in "Cơ sở làm 24 sản phẩm từ gạo, trong đó 3 sản phẩm đạt
        OCOP 4 sao" only the 3 are OCOP products, and in "… 10 sản phẩm từ nghệ, trong đó tinh bột
        nghệ và trà nghệ đạt OCOP 4 sao" only the two named. The part follows a part opener
        (`claims.toml: part_openers`) later in the sentence, or opens the next sentence of the
        paragraph ("… 24 sản phẩm từ gạo. Trong số này, 3 sản phẩm đạt OCOP 4 sao"), and names
        the programme with a result of its own."""
        doc, v = self.doc, self.v
        _a, b = doc.sentence_bounds(c.at)
        if any(self._names_its_result(j, b) for _i, j, _p in v.part_openers.find(doc, c.at + 1, b)):
            return True
        if b >= len(doc) or doc.block_of[b] != doc.block_of[c.at]:
            return False
        opener = v.part_openers.match_at(doc, b, min(b + 4, len(doc)))
        return opener is not None and self._names_its_result(
            b + len(opener.folded), doc.sentence_bounds(b)[1]
        )

    def _names_its_result(self, a: int, b: int) -> bool:
        """Syllables [a, b) name the programme and a result: "3 sản phẩm đạt OCOP 4 sao"."""
        ev = _Evidence()
        _scan(self.doc, a, b, self.v, ev)
        return ev.ocop and (ev.achieved or ev.result >= 0 or ev.outcome >= 0)

    def _sums_the_programme(self, c: _Count) -> bool:
        """A total word right before the count ("tổng số", "tổng cộng") in a sentence that named the
        programme earlier: "Tỉnh có 64 đơn vị sở hữu sản phẩm OCOP, gồm …, với tổng số 171 sản phẩm"
        totals the programme's products, not the producers counted before it (session 20). After
        another count of products ("40 sản phẩm OCOP và đặc sản, với tổng số 300 sản phẩm") it
        sums more than the programme's."""
        doc = self.doc
        head = _hedge_start(doc, c.at, self.v)
        return (
            not c.after.other
            and self.first_count.get(doc.sent_of[c.at]) == c.at
            and self.v.table_totals.preceded_by(doc, head) is not None
            and _ocop_earlier(doc, head)
        )

    def _sibling(self, c: _Count, s: int) -> bool:
        """A bracket that holds a count alone, in a sentence whose earlier count is an accepted
        part, is one of the parts (session 18): "huyện A với 14 sản phẩm, tiếp đến là huyện B (13
        sản phẩm)". A bracket with more in it is an aside ("Thị xã B (26 sản phẩm tham gia)")."""
        return c.alone and s in self.accepted

    def _table_total_rating(self, s: int, k: int) -> int | None:
        """The one rating of the rows that sentence s totals (session 18). Sentence s opens with a
        total word right before its count at k ("Tổng cộng: 4 sản phẩm."), and the prose sentence
        before it (captions skipped) is a row of a list run. Every row of that run with a number
        must carry a rating, all the same; a header row ("STT | Tên sản phẩm | Hạng sao") has no
        number and is skipped. One mixed or unrated row leaves the total unrated."""
        doc, v = self.doc, self.v
        a, _b = doc.sentence_bounds(k)
        opener = v.table_totals.match_at(doc, a, k)
        if opener is None or a + len(opener.folded) != k:
            return None
        above = min(self._prose_neighbours(s))
        if above == s or above not in self.runs:
            return None
        ratings: set[int | None] = set()
        for row, cue in self.runs.items():
            if cue != self.runs[above] or row >= s:  # the total may close the run itself
                continue
            i, j = bisect_left(doc.sent_of, row), bisect_left(doc.sent_of, row + 1)
            if not any(doc.orig[t].isdigit() for t in range(i, j)):
                continue
            ev = _Evidence()
            _scan(doc, i, j, v, ev)
            ratings.add(ev.stars() if ev.rated and not ev.bad_rating else None)
        return next(iter(ratings)) if len(ratings) == 1 else None

    def _prose_neighbours(self, s: int) -> set[int]:
        """Sentence s and the text's sentences next to it. A photo caption or a link line between
        them is skipped (session 18): "… | 3 sao" / "Sản phẩm … trưng bày. Ảnh: …" / "Tổng cộng: 4
        sản phẩm." still totals the table above the caption."""
        doc = self.doc
        out = {s}
        for step in (-1, 1):
            t = s + step
            while (i := bisect_left(doc.sent_of, t)) < len(doc.sent_of) and doc.sent_of[i] == t:
                if doc.blocks[doc.block_of[i]].zone in CONTENT_ZONES:
                    out.add(t)
                    break
                t += step
        return out

    def bare_item(self, k: int, block: Block) -> _Found | None:
        """A bare number that ends a short list item or table row under a cue line counting OCOP
        products (session 17): "Sản phẩm OCOP 4 sao theo huyện:" / "• Huyện A: 83", "Số sản phẩm
        OCOP theo hạng sao:" / "| 3 sao | 51 |". The item's own rating labels it, else the cue's
        one rating; the cue (or the line before it) must name OCOP and a count noun, and state no
        plan or candidacy."""
        doc, v = self.doc, self.v
        if not doc.orig[k].isdigit() or k != block.last - 1 or block.words > _ITEM_WORDS:
            return None
        if doc.text[doc.ends[k] : block.end].strip("|;. ") or doc.gap(k).strip()[-1:] not in _ITEM_MARKS:
            return None
        parsed = parse_number(doc, k, block.last, v)
        if parsed is None or parsed[0] <= 0 or _YEARS[0] <= parsed[0] <= _YEARS[1]:
            return None
        cue = self._item_cue(doc.sent_of[k])
        if cue is None or cue in self.blocked:
            return None
        a, b = bisect_left(doc.sent_of, cue), bisect_left(doc.sent_of, cue + 1)
        lo = bisect_left(doc.sent_of, cue - 1) if cue > 0 else a
        if not (self._ocop_cue(doc.sent_of[k]) or "ocop" in doc.fold[lo:a]):
            return None
        if (
            next(v.nouns.find(doc, lo, b), None) is None
            or self.m.planned(doc, b - 1)
            or self.m.nominated(doc, b - 1)
        ):
            return None
        ev = _Evidence()
        _scan(doc, doc.blocks[doc.block_of[k]].first, k, v, ev)  # the item's label: "3 sao: 22"
        if not ev.rated:
            _scan(doc, a, b, v, ev)
        return _Found(parsed[0], ev.stars() if ev.rated and not ev.bad_rating else None, k, bare=True)

    def _item_cue(self, s: int) -> int | None:
        """The cue line of list item s: the nearest line ending in ":" before it in its run."""
        top = self.runs.get(s)
        if top is None:
            return None
        doc = self.doc
        for t in range(s - 1, top - 1, -1):
            line_end = doc.blocks[doc.block_of[bisect_left(doc.sent_of, t + 1) - 1]].end
            if doc.text[:line_end].rstrip().endswith(":"):
                return t
        return top

    def _ocop_cue(self, s: int) -> bool:
        """Sentence s is an item under a cue line that names OCOP ("Số sản phẩm OCOP theo địa
        phương:" / "- Huyện A: 93 sản phẩm"): the list's counts are of OCOP products although the
        cue states no fact of its own (session 17)."""
        cue = self.runs.get(s)
        if cue is None:
            return False
        doc = self.doc
        a = bisect_left(doc.sent_of, cue)
        b = bisect_left(doc.sent_of, cue + 1)
        return "ocop" in doc.fold[a:b] or core_index().match_at(doc, a, b) is not None

    def _in_list(self, s: int, k: int) -> bool:
        """The count at k is a part in a list after an accepted count of sentence s."""
        return any(a <= k < b for a, b, _r in self.lists.get(s, []))

    def _listed_rating(self, s: int, k: int) -> int | None:
        """The rating of the list of parts of sentence s that holds the count at k."""
        return next((r for a, b, r in self.lists.get(s, []) if a <= k < b), None)

    def _breakdown_rating(self, k: int) -> int | None:
        """ "… công nhận thêm 15 sản phẩm OCOP 5 sao. Trong đó, nhóm thực phẩm có 9 sản phẩm, …":
        a sentence that opens with a breakdown word breaks down the last sentence with a count
        before it; when that sentence's first count is a claim (its total) with one rating, the
        parts share it ("trong số 90 sản phẩm, có 50 sản phẩm 4 sao, …" opens with no claim).
        A sentence that opens with a continuation word ("Ngoài ra, 2 sản phẩm được nâng hạng")
        right after such a breakdown goes on with it."""
        return self._sentence_breakdown(k, continued=True)

    def _sentence_breakdown(self, k: int, continued: bool) -> int | None:
        doc, v = self.doc, self.v
        a, b = doc.sentence_bounds(k)
        s = doc.sent_of[k]
        earlier = [t for t in self.counted if t < s]
        if not earlier:
            return None
        if self.m.breakdowns.match_at(doc, a, k) is not None:
            if earlier[-1] not in self.opening:
                return None
            at, stars = self.opening[earlier[-1]]
            return stars if at == self.first_count.get(earlier[-1]) else None
        if continued and v.continuations.match_at(doc, a, k) is not None:
            return self._sentence_breakdown(self.first_count[earlier[-1]], continued=False)
        if (
            continued
            and earlier[-1] == s - 1
            and self._continues_breakdown(s)
            and next(self.m.breakdowns.find(doc, a, b), None) is None
            and not self._names_ocop_before(k)
        ):
            # Round 15: "Trong đó, huyện A có 15 sản phẩm; huyện B có 14 sản phẩm. Huyện C và
            # huyện D, mỗi huyện có 6 sản phẩm; …": a sentence that goes on with the list of the
            # sentence before shares the rating that sentence's parts took from their total;
            # one that breaks a count of its own down ("…, trong đó có …") states a new total, and
            # so does one that names OCOP products before its count (round 19: "Theo nhóm ngành,
            # trong tổng số sản phẩm OCOP của tỉnh, nhóm thực phẩm có 31 sản phẩm, …").
            if s - 1 in self.totals:
                # the sentence before opened with its own total ("Trong số 14 sản phẩm vừa được
                # công nhận … 3 sao thì huyện A có 7 sản phẩm, …"): its parts took that total's rating
                return self.totals[s - 1][1]
            return self._sentence_breakdown(self.first_count[s - 1], continued=False)
        return None

    def _list_after(self, k: int) -> tuple[int, int] | None:
        """ "3 sản phẩm OCOP được nâng hạng lên 4 sao, bao gồm sản phẩm của huyện A và 2 sản phẩm
        của huyện B": the span of a list of the rated count's parts, opened after a comma later in
        its sentence and ended by a semicolon or a bracket, or opened in a bracket and ended by it
        ("30 sản phẩm 4 sao (gồm 18 sản phẩm đánh giá lại; 12 sản phẩm mới)"). Its counts without a
        rating of their own share the total's."""
        doc, v = self.doc, self.v
        _a, b = doc.sentence_bounds(k)
        for i in range(k + 1, b):
            gap = doc.gap(i).strip()
            if ")" in gap:
                return None  # the count's bracket closed: a list after it is the outer count's
            if gap in (",", "(") and (opener := v.list_openers.match_at(doc, i, b)) is not None:
                if opener.folded == ("la",):
                    continue  # "là" after a comma restates, it does not list parts
                # "(gồm 18 sản phẩm …; 12 sản phẩm …)": a bracketed list runs to its bracket
                ends = ")" if gap == "(" else ";()"
                j = i + len(opener.folded)
                while j < b and not any(ch in doc.gap(j) for ch in ends):
                    j += 1
                return i, j
            if gap == "(" and (close := self._bracketed_parts(i, b)) is not None:
                return i, close
            if (
                gap == ","
                and self.first_count.get(doc.sent_of[k]) == k
                and self.m.breakdowns.match_at(doc, i, b) is not None
                and not any(
                    (doc.orig[m][0].isdigit() or doc.low[m] in v.count_words)
                    and _count_at(doc, m, b, v) is not None
                    for m in range(k + 1, i)
                )
            ):
                # Round 17: "40 sản phẩm … được công nhận OCOP hạng 4 sao, trong đó có 21 sản
                # phẩm cấp lại, 7 sản phẩm cấp mới, 12 sản phẩm nâng hạng": a breakdown word after
                # the sentence's first count, with no number between, lists that total's parts to
                # the end of the sentence or a bracket ("11 sản phẩm 4 sao, 127 sản phẩm 3 sao,
                # trong đó …" breaks down both, and its parts take neither rating).
                j = i + 1
                while j < b and not any(ch in doc.gap(j) for ch in "()"):
                    j += 1
                return i, j
        return None

    def _bracketed_parts(self, i: int, b: int) -> int | None:
        """ "26 sản phẩm đạt 4 sao (huyện A 4 sản phẩm, huyện B 2 sản phẩm)": a bracket that
        opens after the rated count and holds two or more counts of products, joined by commas,
        semicolons or "và", lists its parts without an opener (round 13). The end of the bracket,
        or None when it holds fewer counts (an aside: "(chiếm 20%)", "(1 sản phẩm mới)")."""
        doc, v = self.doc, self.v
        counts = 0
        j = i
        while j < b and ")" not in doc.gap(j):
            if (doc.orig[j][0].isdigit() or doc.low[j] in v.count_words) and _count_at(
                doc, j, b, v
            ) is not None:
                counts += 1
            j += 1
        return j if counts >= 2 else None

    def _opens_total(self, k: int) -> bool:
        """ "Trong số 16 sản phẩm vừa được công nhận đạt chuẩn OCOP 3 sao thì Thạch Hà có 5 sản
        phẩm, ...": the count at k opens its sentence as the total the rest breaks down."""
        doc, v = self.doc, self.v
        a, _b = doc.sentence_bounds(k)
        head = _hedge_start(doc, k, v)
        opener = v.subset_openers.match_at(doc, a, head)
        return opener is not None and a + len(opener.folded) == head

    def part_of(self, claim: _Found, start: int) -> _Found | None:
        """ "2.167/9.852 sản phẩm OCOP": the part before the slash is a count too."""
        doc, k = self.doc, claim.at
        if k < 2 or doc.gap(k).strip() != "/" or not doc.orig[k - 1].isdigit():
            return None
        i = k - 1
        while i > start and doc.gap(i) == "." and doc.orig[i - 1].isdigit():
            i -= 1
        part = parse_number(doc, i, k, self.v)
        if part is None or not part[0] > 0 or part[0] == claim.count:
            return None
        return _Found(part[0], claim.stars, i)


def _apart(found: list[_Found], number: int) -> bool:
    """Every unrated and rated count of `number` has another count between them (session 20): the
    rated one is then a part of that other total ("năm 2020 mới có 26 sản phẩm … tăng lên 142 sản
    phẩm, gồm cả 26 sản phẩm 4 sao"), not the same products restated with their rating
    ("27 sản phẩm OCOP … cả 27 sản phẩm đều đạt 3 sao")."""
    at = sorted(c.at for c in found)
    same = [(c.at, c.stars is None) for c in found if c.count == number]
    return all(
        any(lo < k < hi for k in at)
        for a, unrated in same
        if unrated
        for b, rated_one in same
        if not rated_one
        for lo, hi in [(min(a, b), max(a, b))]
    )


def _back_rating(doc: Document, a: int, b: int, v: _Vocab) -> int | None:
    """The one rating a sentence [a, b) gives the products it refers back to: "Tất cả các sản
    phẩm này đều đạt tiêu chuẩn OCOP 3 sao" → 3; None when it opens otherwise or rates
    nothing, several ratings or a floor, or counts products of its own."""
    if v.back_references.match_at(doc, a, b) is None:
        return None
    if any(
        (doc.orig[k][0].isdigit() or doc.low[k] in v.count_words) and _count_at(doc, k, b, v) is not None
        for k in range(a, b)
    ):
        return None
    ev = _Evidence()
    _scan(doc, a, b, v, ev)
    stars = ev.stars() if ev.ratings and ev.achieved and not ev.bad_rating else None
    if stars is None or modality().planned(doc, ev.first_rating):
        return None
    return stars


def _shared_rating(doc: Document, found: list[_Found]) -> list[_Found]:
    """ "cả 4 sản phẩm mới và 3 sản phẩm công nhận lại đều đạt 3 sao": two counts joined by "và",
    the second rated under "đều" (both, all): the first, unrated, shares the rating."""
    order = sorted(found, key=lambda c: c.at)
    shared: dict[int, int] = {}
    for first, second in zip(order, order[1:], strict=False):
        if first.stars is not None or second.stars is None or doc.sent_of[first.at] != doc.sent_of[second.at]:
            continue
        if doc.fold[second.at - 1] != "va" or any(
            ch in doc.gap(k) for k in range(first.at + 1, second.at) for ch in ";:()"
        ):
            continue
        _a, b = doc.sentence_bounds(second.at)
        if "deu" in doc.fold[second.at : b]:
            shared[first.at] = second.stars
    if not shared:
        return found
    return [_Found(c.count, shared[c.at], c.at, c.bare) if c.at in shared else c for c in found]


def _rated_back(
    doc: Document, found: list[_Found], assessed: list[tuple[int, int]], v: _Vocab
) -> list[_Found]:
    """Counts rated by a later sentence that refers back to them (`back_references`): the
    unrated claims get its rating, and counts withheld as only assessed become claims."""
    if not assessed and all(c.stars is not None for c in found):
        return found  # nothing a back reference could rate
    rated: dict[int, int] = {}  # sentence → rating given back to it
    for block in doc.blocks:
        if block.zone not in CONTENT_ZONES:
            continue
        k = block.first
        while k < block.last:
            a, b = doc.sentence_bounds(k)
            b = min(b, block.last)
            stars = _back_rating(doc, a, b, v)
            if stars is not None:
                s = doc.sent_of[a]
                first = doc.sent_of[block.first]
                for t in range(max(first, s - v.back_sentences), s):
                    rated.setdefault(t, stars)
            k = b
    if not rated:
        return found
    out = [
        _Found(c.count, rated[doc.sent_of[c.at]], c.at, c.bare)
        if c.stars is None and doc.sent_of[c.at] in rated
        else c
        for c in found
    ]
    out += [_Found(n, rated[doc.sent_of[at]], at) for n, at in assessed if doc.sent_of[at] in rated]
    return out


def find_claims(
    doc: Document, mentions: list[PlaceMention], home: str | None, is_ocop: bool
) -> list[OcopClaim]:
    """Claims in title, lead and body, deduplicated by (count, stars), keeping one with a place.

    Claims are OCOP facts: an article that is not OCOP coverage has none.
    """
    return [claim for claim, _s, _r in claims_with_sentences(doc, mentions, home)] if is_ocop else []


def claims_with_sentences(
    doc: Document, mentions: list[PlaceMention], home: str | None
) -> list[tuple[OcopClaim, int, bool]]:
    """The claims the text would state if it is OCOP coverage, each with its sentence id and
    whether its clause rates it (one rating or more: "3 - 4 sao" gives no single one).

    Relevance reads the rated ones: a stated count of products at star ratings is OCOP's own
    kind of fact, even in an excerpt that never spells out "OCOP".
    """
    v = _vocab()
    finder = _Claims(doc, True)
    specials = v.specials
    # Where a number or a special word may start: from the document's syllable positions, so the
    # vocabulary's few first syllables are looked up instead of every syllable of the article.
    # The special words are found by a C-level set intersection and the numbers by one string
    # comparison per distinct syllable (digits sort before ":"): half the time of testing every
    # syllable for both.
    positions = doc.positions()
    keys = positions.keys() & specials
    keys.update([key for key in positions if key < ":"])
    candidates = sorted(chain.from_iterable(map(positions.__getitem__, keys)))
    found: list[_Found] = []
    pending: list[_Count] = []
    raised: list[_Found] = []  # running totals whose noun is the count's before them
    fold, near_firsts, noun_firsts = doc.fold, v.near_nouns.firsts, v.nouns.first_syllables()
    for block in doc.blocks:
        if block.zone not in CONTENT_ZONES:
            continue
        for k in candidates[bisect_left(candidates, block.first) : bisect_left(candidates, block.last)]:
            total = _total_at(doc, k, block.last, v)
            if total is not None and total.back:
                # "Năm 2022, tỉnh có 42 sản phẩm OCOP; đến năm 2024, con số này là 195" (session
                # 17): the claim of this or the sentence before, at a later date; its rating too
                if found and doc.sent_of[found[-1].at] >= doc.sent_of[k] - 1:
                    found.append(_Found(total.count, found[-1].stars, total.at))
                continue
            if total is not None:
                (raised if total.after_count >= 0 else found).append(total)
                continue
            # a product noun, or one printed with a slipped letter, in the four syllables after
            window = fold[k + 1 : min(k + 5, block.last)]
            if noun_firsts.isdisjoint(window) and (
                near_firsts.isdisjoint(window)
                or not any(v.near_nouns.starts_at(doc, m) for m in range(k + 1, k + 1 + len(window)))
            ):
                if k == block.last - 1 and (item := finder.bare_item(k, block)) is not None:
                    found.append(item)
                elif (told := _rated_subject(doc, k, block.first, block.last, v)) is not None:
                    found.append(told)
                continue  # no product noun right after: not a count of products
            count = finder.read(k, block.first, block.last)
            if count is None:
                if (told := _rated_subject(doc, k, block.first, block.last, v)) is not None:
                    found.append(told)  # "sản phẩm 4 sao là 60, sản phẩm …": the noun was the next clause's
                continue
            claim = finder.decide(count, inherit=False)
            if claim is not None:
                found.append(claim)
                if (part := finder.part_of(claim, block.first)) is not None:
                    if part.count > claim.count:  # "62/54 ... so với kế hoạch": 54 was the plan
                        found[-1] = part
                    else:
                        found.append(part)
            else:
                pending.append(count)
    # Subset counts with no OCOP word of their own take it from a neighbouring sentence that
    # states OCOP facts; the sentences of the claims found above count too.
    if pending:
        finder.talk.update(doc.sent_of[c.at] for c in found)
    for count in pending:
        claim = finder.decide(count, inherit=True)
        if claim is not None:
            found.append(claim)
    if raised:
        claimed = {c.at for c in found}
        found += [t for t in raised if t.after_count in claimed]
    found = _shared_rating(doc, found)
    found = _rated_back(doc, found, finder.assessed, v)
    if found and _cut_off(doc):
        found = [c for c in found if c.stars is not None or not _runs_into_cut(doc, c.at)]
    if any(c.stars == 5 for c in found) and (sent_up := fives_sent_up(doc)) >= 0:
        found = [c for c in found if c.stars != 5 or c.at > sent_up]  # a provincial score, sent up
    # A 5 stated after a council named for a province or district is that council's score.
    found = [
        c for c in found if c.stars != 5 or not lower_council_named(doc, doc.sentence_bounds(c.at)[1] - 1)
    ]
    out: dict[tuple[int, int | None], OcopClaim] = {}
    sentence_of: dict[tuple[int, int | None], int] = {}
    ranked = {(c.count, c.stars) for c in found if c.ranked or c.stars is not None}
    for claim in sorted(found, key=lambda c: c.at):
        a, b = doc.sentence_bounds(claim.at)
        block = doc.blocks[doc.block_of[claim.at]]
        stop = doc.starts[b] if b < len(doc) and doc.block_of[b] == doc.block_of[a] else block.end
        sentence = doc.text[doc.starts[a] : stop].strip()
        place = _place(doc, a, b, claim.at, mentions, home, v)
        key = (claim.count, claim.stars)
        if key not in out or (out[key].place is None and place is not None):
            out[key] = OcopClaim(count=claim.count, stars=claim.stars, place=place, sentence=sentence)
            sentence_of[key] = doc.sent_of[claim.at]
    # The same count restated with and without its rating ("27 sản phẩm OCOP" ... "cả 27 sản phẩm
    # đều đạt 3 sao") is one claim: keep the rated one, and a place from either.
    # A count that is one item of a list breaking a total down by district or group ("huyện A 4
    # sản phẩm, huyện B 2 sản phẩm, …") counts other products than a rated count of the same
    # size elsewhere, and stays.
    per_sentence = Counter(doc.sent_of[c.at] for c in found)
    items = {(c.count, c.stars) for c in found if c.bare and per_sentence[doc.sent_of[c.at]] >= _LIST_ITEMS}
    for (number, stars), kept in list(out.items()):
        rated = [c for (n, s), c in out.items() if n == number and s is not None]
        if stars is None and rated and (number, stars) in items:
            continue
        if stars is None and rated and _apart(found, number):
            continue  # "mới có 26 sản phẩm … tăng lên 142 sản phẩm, gồm cả 26 sản phẩm 4 sao"
        if stars is None and rated:
            del out[(number, stars)]
            if rated[0].place is None and kept.place is not None:
                out[(number, rated[0].stars)] = rated[0].model_copy(update={"place": kept.place})
    return [(claim, sentence_of[key], key in ranked) for key, claim in out.items()]
