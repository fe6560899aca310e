"""OCOP star ratings (3, 4, 5 sao) mentioned in a text, and only in OCOP context.

A number before "sao" is a rating candidate: "4 sao", "bốn sao", "3 và 4 sao", "3-5 sao" (a range
fills in: 3, 4, 5). It is dropped when the words before it make it a hotel, a resort, an app
rating or a nomination ("khách sạn 5 sao", "4,8 sao", "tiềm năng 5 sao"), or the words after make
it something else ("2 sao Michelin"). Words without a number ("ngôi sao", "sao Việt", "sao kê",
"sao chè") are never ratings.

Plans, targets and nominations are not ratings (indexer.ocop.modality): "phấn đấu có thêm sản
phẩm 5 sao", "sẽ nâng lên 4 sao", "tiềm năng 5 sao", and a 5-star score that is proposed to the
central council ("đề nghị Trung ương công nhận ... 5 sao", or awarded by a provincial council).
"OCOP (cấp) quốc gia" is a 5-star rating without the word "sao".

A candidate is `strong` when its sentence or paragraph talks about OCOP (data/stars.toml
context_terms); it is `tight` when it sits in an OCOP-style phrase ("đạt 4 sao", "sản phẩm 3 sao")
without OCOP nearby. Strong ratings feed the relevance score; an OCOP article keeps both kinds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Block, Document, table_line
from indexer.ocop.groups import list_runs, product_index
from indexer.ocop.modality import Modality, modality
from indexer.ocop.phrases import PhraseIndex, syllables
from indexer.ocop.vocab import stars_vocab

_RANGE = {"den", "toi"}
_ITEM_WORDS = 10  # a list item's line is short (groups.list_runs)
_UPGRADE_GAP = 5  # syllables between a former rank and the upgrade to the new one
_LIST = {"va", "hoac"}
_LABEL_MARKS = frozenset({":", "–", "-", "("})


@dataclass(frozen=True, slots=True)
class StarMention:
    stars: tuple[int, ...]
    first: int  # syllable index of the first number
    sao: int  # syllable index of "sao"
    strong: bool
    tight: bool


@dataclass(frozen=True)
class _Vocab:
    words: dict[str, int]
    not_before: PhraseIndex
    window: int
    not_after: PhraseIndex
    tight_before: PhraseIndex
    context: PhraseIndex
    national: PhraseIndex
    emblems: PhraseIndex
    definition_before: PhraseIndex
    definition_after: PhraseIndex
    label_counts: PhraseIndex
    upgrade_to: PhraseIndex
    councils: PhraseIndex
    council_window: int
    council_name_words: frozenset[str]
    lower_levels: frozenset[str]
    rating_words: frozenset[str]  # the folded words of a bracket that only rates
    count_links: PhraseIndex
    count_words: frozenset[str]


@cache
def _vocab() -> _Vocab:
    v = stars_vocab()

    def index(words: list[str]) -> PhraseIndex:
        idx = PhraseIndex(strict_accents=True)
        idx.add_all(words, True)
        return idx

    return _Vocab(
        words={k: int(n) for k, n in v["numbers"].items()},
        not_before=index(v["not_ocop_before"]),
        window=int(v["before_window"]),
        not_after=index(v["not_ocop_after"]),
        tight_before=index(v["tight_before"]),
        context=index(v["context_terms"]),
        national=index(v["national_phrases"]),
        emblems=index(v["emblem_words"]),
        definition_before=index(v["definition_before"]),
        definition_after=index(v["definition_after"]),
        label_counts=index(v["label_counts"]),
        upgrade_to=index(v["upgrade_to"]),
        councils=index(v["council_words"]),
        council_window=int(v["council_window"]),
        council_name_words=frozenset(w for phrase in v["council_name_words"] for w in syllables(phrase)),
        lower_levels=frozenset(w for phrase in v["lower_levels"] for w in syllables(phrase)),
        rating_words=frozenset(w for phrase in v["rating_bracket_words"] for w in syllables(phrase)),
        count_links=index(v["count_links"]),
        count_words=frozenset(v["count_words"]),
    )


def _number(doc: Document, k: int, words: dict[str, int]) -> int | None:
    tok = doc.orig[k]
    if tok.isdigit():
        # "4,8 sao" is a decimal rating, not 8 stars; "3,4 sao" (two ranks, ascending) is a list.
        if k > 0 and doc.gap(k) in (",", ".") and doc.orig[k - 1].isdigit() and not _rank_pair(doc, k):
            return None
        # "03 sao": a rank written with a leading zero, as in a list numbered "01", "02".
        return int(tok) if len(tok) == 1 or (len(tok) == 2 and tok[0] == "0") else None
    if doc.blocks[doc.block_of[k]].accented:
        return words.get(doc.low[k])
    return None


def _rank_pair(doc: Document, k: int) -> bool:
    """ "đạt 3,4 sao": two single-digit ranks from 3 to 5, ascending, written with a comma."""
    a, b = doc.orig[k - 1], doc.orig[k]
    return doc.gap(k) == "," and len(a) == len(b) == 1 and "3" <= a < b <= "5"


def _numbers_before(doc: Document, sao: int, v: _Vocab) -> tuple[list[int], int, bool] | None:
    """The numbers written before syllable `sao`: (values, index of the first, is a range)."""
    k = sao - 1
    block_first = doc.blocks[doc.block_of[sao]].first
    if k < block_first:
        return None
    n = _number(doc, k, v.words)
    if n is None:
        return None
    found = [n]
    first = k
    ranged = False
    while first - 2 >= block_first:
        sep_gap = doc.gap(first).strip()
        prev = first - 1
        if sep_gap in ("-", "–", "/", ","):
            m = _number(doc, prev, v.words)
            if m is None or (sep_gap == "," and doc.gap(first) == "," and not _rank_pair(doc, first)):
                break
            ranged = ranged or sep_gap in ("-", "–")
            found.insert(0, m)
            first = prev
        elif doc.fold[prev] in _RANGE | _LIST and doc.adjacent(first):
            m = _number(doc, prev - 1, v.words)
            if m is None:
                break
            ranged = ranged or doc.fold[prev] in _RANGE
            found.insert(0, m)
            first = prev - 1
        else:
            break
    return found, first, ranged


def _expand(found: list[int], ranged: bool) -> list[int]:
    if ranged and len(found) == 2 and found[0] < found[1]:
        return list(range(found[0], found[1] + 1))
    return found


def _candidate(doc: Document, sao: int, v: _Vocab) -> tuple[tuple[int, ...], int] | None:
    """Star counts (3-5) before syllable `sao`, and the index of the first number."""
    numbers = _numbers_before(doc, sao, v)
    if numbers is None:
        return None
    found, first, ranged = numbers
    stars = tuple(sorted({s for s in _expand(found, ranged) if 3 <= s <= 5}))
    return (stars, first) if stars else None


def rating_at(doc: Document, sao: int) -> tuple[tuple[int, ...], int] | None:
    """Every number rated at syllable `sao` ("1 sao" included, hotels excluded), and the first.

    Used by claims, where "1 sản phẩm 1 sao" or "2 sao" means the count is not of OCOP ratings.
    """
    v = _vocab()
    numbers = _numbers_before(doc, sao, v)
    if numbers is None:
        return None
    found, first, ranged = numbers
    if _excluded(doc, first, sao, v):
        return None
    return tuple(sorted(set(_expand(found, ranged)))), first


def _excluded(doc: Document, first: int, sao: int, v: _Vocab) -> bool:
    """Hotel, app-rating or nomination words just before the number, or Michelin after "sao"."""
    block = doc.blocks[doc.block_of[sao]]
    lo = max(block.first, first - v.window - 3)
    for _i, end, _p in v.not_before.find(doc, lo, first):
        if first - end <= v.window and all(doc.gap(k).strip() == "" for k in range(end, first + 1)):
            return True
    # Right after "sao", in the same clause and with its diacritics (round 19): "đạt 4 sao; Vang
    # Minh Phát …" names a wine after a rating, not "sao vàng".
    end = sao + 1
    while end < min(sao + 5, block.last) and doc.adjacent(end):
        end += 1
    return end > sao + 1 and v.not_after.match_at(doc, sao + 1, end) is not None


def _definition(doc: Document, first: int, sao: int, v: _Vocab) -> bool:
    """ "Hạng 5 sao: Sản phẩm chất lượng cao, ...", "Hạng 4 sao là sản phẩm ...": the programme
    defining a rank, not a rating ("có 3 sản phẩm đạt hạng 4 sao là Trà xanh ..." is one, and so is
    a rank labelling a count: "hạng 3 sao: 21 sản phẩm; hạng 4 sao: 4 sản phẩm")."""
    rank = v.definition_before.preceded_by(doc, first)
    nxt = sao + 1
    if rank is None or nxt >= doc.blocks[doc.block_of[sao]].last:
        return False
    if doc.gap(nxt).strip().startswith(":"):
        # "hạng 4 sao: 12 sản phẩm" labels a count of rated products (round 19), as in claims
        last = doc.blocks[doc.block_of[sao]].last
        counted = doc.orig[nxt].isdigit() and v.label_counts.match_at(doc, nxt + 1, last) is not None
        return not counted
    opens = doc.sent_start[first - len(rank.folded)]
    return opens and v.definition_after.match_at(doc, nxt, nxt + 3) is not None


def _former_rank(doc: Document, sao: int, v: _Vocab) -> bool:
    """ "từ 3 sao lên 4 sao", "3 sao (của huyện đã) được nâng hạng lên 4 sao", "3 sao năm 2020,
    nâng cấp lên 4 sao": the rank raised from, a few words of its clause before the new rank."""
    end = doc.blocks[doc.block_of[sao]].last
    for start in range(sao + 1, min(sao + 1 + _UPGRADE_GAP, end)):
        if not doc.adjacent(start) and not (
            doc.gap(start).strip() == "," and v.upgrade_to.match_at(doc, start, end) is not None
        ):
            return False  # the clause ends, unless an upgrade goes on after a comma ("đạt 3 sao
            # năm 2019, nâng cấp lên 4 sao năm 2020": round 13)
        if doc.fold[start] in _LIST | {"nhung"} or modality().plan_at(doc, start):
            return False  # "đạt 4 sao và có thể được nâng hạng lên 5 sao": 4 is its rank
        to = v.upgrade_to.match_at(doc, start, end)
        if to is not None:
            k = start + len(to.folded)
            return k + 1 < end and _number(doc, k, v.words) is not None and doc.fold[k + 1] == "sao"
    return False


def of_a_product(doc: Document, first: int) -> bool:
    """Whether the rating starting at `first` is stated of a particular product: a name (a
    capitalised word inside the sentence, not an acronym) or a realis marker comes before it in
    its sentence ("… có sản phẩm OCOP đạt chuẩn 4 sao là Tinh dầu quế A", "nón lá B đã trở thành
    sản phẩm OCOP 4 sao"), not a statement about any product ("Đạt tiêu chuẩn OCOP 5 sao được xem
    như tấm vé thông hành …")."""
    a, _b = doc.sentence_bounds(first)
    if modality().realis_before(doc, first) or next(_owner_index().find(doc, a, first), None) is not None:
        return True
    return any(map(doc.is_name, range(a + 1, first)))


@cache
def _owner_index() -> PhraseIndex:
    """`owner_phrases`: a product that belongs to someone ("sản phẩm của bà … đạt OCOP 3 sao") is a
    particular product (session 19, not blind)."""
    index = PhraseIndex(strict_accents=True)
    index.add_all(stars_vocab()["owner_phrases"], True)
    return index


def _product_subject(doc: Document, first: int) -> bool:
    """The rating's sentence opens with a kind of product: "Khăn lụa là sản phẩm OCOP 3 sao của
    tỉnh" rates that product, it states no rule about products in general (round 19). Where case
    shows no name (a line in capitals), a kind of product anywhere before the rating in its
    sentence stands for the product's name: "… NỔI BẬT LÀ BÁNH PHỒNG TÔM HƯƠNG QUÊ LÀ SẢN PHẨM
    OCOP 5 SAO"."""
    a, _b = doc.sentence_bounds(first)
    found = product_index().match_at(doc, a, first)
    if found is not None and bool(found.value):
        return True
    return not doc.names_by_case(first) and any(p.value for _i, _j, p in product_index().find(doc, a, first))


def _factual(doc: Document, stars: tuple[int, ...], first: int, sao: int, m: Modality) -> tuple[int, ...]:
    """The ratings stated as facts: none under a plan or a rank of potential, no nominated 5,
    no definition of a rank."""
    if (
        m.planned(doc, first)
        or m.potential_rank(doc, first)
        or m.negated(doc, first)
        or m.pending(doc, first)
        or (m.generic(doc, first) and not _product_subject(doc, first))
        or m.forwarded(doc, sao)
        or _definition(doc, first, sao, _vocab())
        or _former_rank(doc, sao, _vocab())
    ):
        return ()
    if 5 in stars and (
        m.nominated(doc, first) or m.lower_council_five(doc, sao) or lower_council_named(doc, first)
    ):
        return tuple(s for s in stars if s != 5)
    return stars


_RATING_BRACKET_REACH = 8  # syllables a rating bracket holds at most (`rating_bracket_words`)


def rating_bracket(doc: Document, k: int, end: int) -> bool:
    """The bracket opened before syllable k holds only a rating: "10 sản phẩm OCOP (OCOP 4 sao)",
    "47 sản phẩm thuộc 5 chủ thể (từ 3 đến 4 sao)" rate the count, "Mật ong Suối Mơ (4 sao)" the item
    (round 19); any other word makes it an aside."""
    words, rated = _vocab().rating_words, False
    for m in range(k, min(end, k + _RATING_BRACKET_REACH)):
        if m > k and ")" in doc.gap(m):
            return rated
        if doc.fold[m] not in words:
            return False
        rated = rated or doc.fold[m] == "sao"
        if ")" in doc.text[doc.ends[m] : doc.ends[m] + 2]:
            return rated  # closed right after this word (also at the end of the text)
    return False


def _rating_brackets(doc: Document, start: int, end: int) -> int:
    """How many brackets opened within syllables [start, end) only rate (`rating_bracket`)."""
    return sum(1 for m in range(start, end) if "(" in doc.gap(m) and rating_bracket(doc, m, end))


def _closes_after(doc: Document, sao: int) -> bool:
    """A bracket closes right after "sao" (also at the end of the text)."""
    return doc.text[doc.ends[sao] : doc.ends[sao] + 2].lstrip().startswith(")")


def _continues(doc: Document, sao: int, first: int) -> bool:
    """Whether the rating starting at `first` continues a list after the rating ending at `sao`."""
    if first == sao + 1:
        return doc.gap(first).strip() in (",", ";")
    # "3 sao và 4 sao", and a range written out: "từ 3 sao đến 4 sao" (round 19)
    return (
        first == sao + 2
        and doc.fold[sao + 1] in _LIST | _RANGE
        and doc.adjacent(sao + 1)
        and doc.adjacent(first)
    )


def _labels_count(doc: Document, sao: int, last: int, v: _Vocab) -> bool:
    """A count of products follows the rating (session 17), after a label mark or a link word:
    "3 sao – 48 sản phẩm", "3 sao: 22 sản phẩm", "OCOP 3 sao (74 sản phẩm)", "4 sao có 66 sản
    phẩm" — a table or a breakdown flattened into text, rating before count."""
    k = sao + 1
    if k < last and doc.adjacent(k) and (link := v.count_links.match_at(doc, k, last)) is not None:
        k += len(link.folded)
    elif k >= last or doc.gap(k).strip() not in _LABEL_MARKS:
        return False
    if k >= last or not (doc.orig[k].isdigit() or doc.low[k] in v.count_words):
        return False
    return k + 1 < last and doc.adjacent(k + 1) and v.label_counts.match_at(doc, k + 1, last) is not None


def _may_be_national(doc: Document, start: int, end: int) -> bool:
    """Every national phrase says "quốc gia" or "Trung ương": a cheap test before looking."""
    return doc.folded.find("quoc gia", start, end) >= 0 or doc.folded.find("trung uong", start, end) >= 0


def _council_name(doc: Document, i: int, v: _Vocab) -> bool:
    """The national phrase at i ends the name of a council or its meeting: a council word a few
    syllables before it in its sentence, with only the words of the name between ("Hội đồng
    đánh giá, phân hạng sản phẩm OCOP cấp Trung ương", "hội nghị đánh giá sản phẩm OCOP cấp
    quốc gia")."""
    a, _b = doc.sentence_bounds(i)
    lo = max(a, i - v.council_window)
    for _k, end, _p in v.councils.find(doc, lo, i):
        if all(doc.fold[n] in v.council_name_words or doc.orig[n] == "OCOP" for n in range(end, i)):
            return True
    return False


def lower_council_named(doc: Document, first: int) -> bool:
    """A council whose name ends with a province or district ("Hội đồng đánh giá, phân hạng sản
    phẩm OCOP tỉnh A") earlier in the sentence of syllable `first` (a rating): its 5 stars are a
    score proposed to the central council (only that council awards 5 stars). Also claims.py."""
    v = _vocab()
    a, _b = doc.sentence_bounds(first)
    for _k, end, _p in v.councils.find(doc, a, first):
        n = end
        while n < first and (doc.fold[n] in v.council_name_words or doc.orig[n] == "OCOP"):
            n += 1
        if n < first and doc.fold[n] in v.lower_levels:
            return True
    return False


def council_name(doc: Document, i: int) -> bool:
    """Whether the national phrase starting at syllable i ends a council's name (claims.py)."""
    return _council_name(doc, i, _vocab())


def _sao_ratings(doc: Document, block: Block, v: _Vocab) -> Iterator[tuple[tuple[int, ...], int, int]]:
    """The "N sao" ratings of one block that no exclusion rules out: (stars, first syllable, "sao")."""
    for sao in range(block.first + 1, block.last):
        if doc.fold[sao] != "sao":
            continue
        cand = _candidate(doc, sao, v)
        if cand is not None and not _excluded(doc, cand[1], sao, v):
            yield cand[0], cand[1], sao


def _national_ratings(doc: Document, block: Block, v: _Vocab) -> Iterator[tuple[int, int]]:
    """The national-level phrases of one block that may be a 5-star rating: (first, last syllable).

    "sử dụng logo “OCOP Quốc gia”" is the programme's emblem and "Hội đồng đánh giá, phân hạng sản
    phẩm OCOP cấp quốc gia" a body; neither rates anything.
    """
    if not _may_be_national(doc, block.start, block.end):
        return
    for i, j, _p in v.national.find(doc, block.first, block.last):
        if v.emblems.preceded_by(doc, i) is None and not _council_name(doc, i, v):
            yield i, j - 1


def _raw_fives(doc: Document, v: _Vocab) -> Iterator[tuple[int, int, bool]]:
    """Every 5-star candidate in the content: (first syllable, "sao" syllable, stated as a fact)."""
    m = modality()
    for block in doc.blocks:
        if block.zone not in CONTENT_ZONES:
            continue
        for stars, first, sao in _sao_ratings(doc, block, v):
            if 5 in stars:
                yield first, sao, 5 in _factual(doc, stars, first, sao, m)
        for i, last in _national_ratings(doc, block, v):
            yield i, last, bool(_factual(doc, (5,), i, last, m))


def fives_sent_up(doc: Document) -> int:
    """Where the text sends its 5-star products up to the central level, when it states no 5
    stars the central level awarded: 5-star scores before that point are the provincial
    council's, a proposal (-1: no such point).

    Until the central council decides, a province's "đạt 5 sao" is a score to be submitted: "…
    là sản phẩm OCOP 5 sao thứ hai của tỉnh. Sản phẩm này sẽ được gửi lên Hội đồng …
    Trung ương … xét công nhận … 5 sao"; "… gửi về Bộ … để xem xét … OCOP 5 sao". The sign is a
    sending word (`sending_words`) before a 5-star rating in a sentence naming the central
    level. A score comes before its submission: a 5 stated after the submission is the
    province's background ("đề nghị Bộ … 5 sao cho 5 sản phẩm. … toàn tỉnh có 7 sản phẩm 5
    sao"). Sending up "more" ("công nhận thêm 2 sản phẩm 5 sao") says the province already
    holds 5-star products. A 5 stated as a fact in a sentence naming the central level ("2 sản phẩm 5 sao cấp
    quốc gia", "(OCOP 5 sao) đã được công nhận"), and not the subject of a sending ("Các sản phẩm
    5 sao sẽ được trình lên …"), means the text reports central certification,
    and its 5s are read as they stand. A 5 that is itself the subject of a sending ("các sản
    phẩm đạt từ 5 sao trở lên đủ điều kiện để trình Bộ …") marks the point too.
    """
    memo = doc.memo.get(fives_sent_up)
    if memo is not None:
        return memo[0]
    v, m = _vocab(), modality()
    sent_up = -1
    if doc.positions().get("sao") or _may_be_national(doc, 0, len(doc.folded)):
        for first, sao, fact in _raw_fives(doc, v):
            if not m.central_sentence(doc, sao):
                continue
            if (fact or m.realis_after(doc, sao)) and not m.sent_up_later(doc, sao):
                sent_up = -1  # "… (OCOP 5 sao) đã được công nhận năm 2020" is a fact too
                break
            if m.sent_up_later(doc, sao) and not m.more_sent_up(doc, first):
                sent_up = first  # "Các sản phẩm 5 sao … đủ điều kiện để trình Bộ": the 5s are scores sent up
                continue
            if m.sent_up(doc, first):
                if m.more_sent_up(doc, first):
                    sent_up = -1  # "đề nghị Trung ương công nhận thêm 2 sản phẩm 5 sao": some are already
                    break
                sent_up = first
    doc.memo[fives_sent_up] = [sent_up]
    return sent_up


def find_stars(doc: Document, ocop_blocks: set[int]) -> list[StarMention]:
    """All rating candidates in title, lead and body; `ocop_blocks` are paragraphs mentioning OCOP."""
    v = _vocab()
    m = modality()
    out: list[StarMention] = []
    context_sentences = {doc.sent_of[i] for i, _j, _p in v.context.find_in_blocks(doc, CONTENT_ZONES)}
    runs: dict[int, int] | None = None  # list items → their cue line, read when a short line rates
    for block_index, block in enumerate(doc.blocks):
        caption = block.zone == "caption"
        if block.zone not in CONTENT_ZONES and not caption:
            continue
        for stars, first, sao in _sao_ratings(doc, block, v):
            stars = _factual(doc, stars, first, sao, m)
            if not stars:
                continue
            if caption:
                # A photo caption that certifies an OCOP product ("Sản phẩm A đạt 4 sao OCOP. Ảnh:
                # …", and without the programme's name, "Cả 3 sản phẩm đều đạt 3 sao. Ảnh: …",
                # session 20) states its rating in an OCOP article; it adds no relevance (never strong).
                if v.tight_before.preceded_by(doc, first) is not None:
                    out.append(StarMention(stars, first, sao, False, True))
                continue
            strong = doc.sent_of[sao] in context_sentences or block_index in ocop_blocks
            tight = v.tight_before.preceded_by(doc, first) is not None or (
                sao + 1 < block.last and doc.fold[sao + 1] == "ocop"
            )
            if not tight and doc.gap(first).rstrip().endswith("(") and _closes_after(doc, sao):
                # ratings in brackets of their own after the items of a list ("gồm: Mật ong Tâm An
                # (4 sao); gốm (3 sao)"): the products' ranks (round 19); one bracket alone may be
                # a hotel's ("khách sạn Mường Thanh (4 sao)")
                a, b = doc.sentence_bounds(sao)
                tight = (
                    _rating_brackets(doc, a, b) >= 2
                    and next(iter(v.not_before.find(doc, a, b)), None) is None  # no hotel in the list
                )
            if not tight and (block.words <= _ITEM_WORDS or table_line(doc.text[block.start : block.end])):
                # an item under a cue line ("Các sản phẩm được công nhận gồm:" / "- Nhang trầm (4
                # sao)"), or a table's row at any length: a list of rated products (round 19,
                # session 18)
                runs = runs if runs is not None else list_runs(doc)
                tight = doc.sent_of[sao] in runs
            if not tight and _labels_count(doc, sao, block.last, v):
                tight = True  # "3 sao – 48 sản phẩm", "4 sao có 66 sản phẩm": a rated count
            if out and _continues(doc, out[-1].sao, first):
                tight = tight or out[-1].tight  # "đạt 3 sao, 4 sao": a list of ratings
            out.append(StarMention(stars, first, sao, strong, tight))
        for i, last in _national_ratings(doc, block, v):
            stars = _factual(doc, (5,), i, last, m)
            if stars and not (last + 1 < block.last and doc.fold[last + 1].isdigit()):
                out.append(StarMention(stars, i, last, True, True))
    if any(5 in c.stars for c in out) and (sent_up := fives_sent_up(doc)) >= 0:
        # A caption restates the story wherever it stands: its 5 is the one sent up too.
        def after(c: StarMention) -> bool:
            return c.first > sent_up and doc.blocks[doc.block_of[c.first]].zone != "caption"

        out = [
            c
            if after(c)
            else StarMention(tuple(s for s in c.stars if s != 5), c.first, c.sao, c.strong, c.tight)
            for c in out
            if after(c) or c.stars != (5,)
        ]
    return out
