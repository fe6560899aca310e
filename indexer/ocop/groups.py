"""The six OCOP product groups an OCOP article's products belong to, from product words.

Product words (data/product_groups.toml) are matched in title, lead and body, never in link lines
or captions. A word does not count when:
- it is part of a place or unit name already found ("Trà Vinh", "quận Sơn Trà");
- it is capitalised inside a sentence, i.e. part of a proper name ("rừng tràm Trà Sư", "chị
  Yến", "Công ty TNHH Trà hoa vàng"), unless it opens a list item ("gồm: Mì gạo Hùng Lô", "; Đông
  trùng hạ thảo khô Sonita", "sản phẩm Yến sào Anna") and does not start a known place name
  ("các huyện: Trà Bồng, ...");
- it names where products are sold, not the product ("bán tại các điểm du lịch"), or a kind of
  place in general ("các điểm du lịch lớn");
- it is a crop, a raw material or a use ("trồng chè", "cây quế", "dùng làm trà");
- it is a one-syllable word in text without diacritics, where it is ambiguous ("keo" = kẹo, kéo);
- it follows another product word directly, as the material of that product: the head noun
  decides the group ("tinh dầu quế" is an essential oil, not a spice) — except that a drink made
  of a herb is both a drink and a herbal product ("trà đinh lăng", "rượu đảng sâm");
- it is a category name in the programme's own boilerplate, a sentence that defines the
  programme ("6 nhóm", "Bộ tiêu chí") by naming five or more of the six groups without counting
  products in each; a list of categories describing the article's products counts.
Tourism words count only for a named site, in a sentence that rates or certifies it, or in a list
of product categories, and never under a plan: "sẽ phát triển du lịch cộng đồng" is a plan, not an
OCOP tourism product.
The caller only asks for groups when the article is OCOP coverage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document
from indexer.ocop.modality import modality
from indexer.ocop.phrases import PhraseIndex, syllables
from indexer.ocop.vocab import groups_vocab

GROUP_ORDER = (
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
)
_DRINKS, _HERBS = GROUP_ORDER[1], GROUP_ORDER[2]
_ITEM_GAPS = (":", ";", ",", "(", "“", '"', "-", "–", "•", "+", "‘", "'")


@dataclass(frozen=True)
class _Vocab:
    index: PhraseIndex
    plain_ok: frozenset[str]
    locatives: PhraseIndex
    plural_generic: frozenset[tuple[str, ...]]
    crops: PhraseIndex
    openers: PhraseIndex
    categories: PhraseIndex
    tourism: str
    boilerplate_min: int
    boilerplate_cues: PhraseIndex
    rated: PhraseIndex


def _index(words: list[str]) -> PhraseIndex:
    idx = PhraseIndex(strict_accents=True)
    idx.add_all(words, True)
    return idx


@cache
def _vocab() -> _Vocab:
    v = groups_vocab()
    index = PhraseIndex(strict_accents=True)
    for group, words in v["groups"].items():
        if group not in GROUP_ORDER:
            raise ValueError(
                f"product_groups.toml: unknown group {group!r}; the six groups are {GROUP_ORDER}"
            )
        index.add_all(words, group)
    index.add_all(v["ignore"], None)
    return _Vocab(
        index=index,
        plain_ok=frozenset(" ".join(syllables(w)) for w in v["plain_single_ok"]),
        locatives=_index(v["locatives"]),
        plural_generic=frozenset(syllables(w) for w in v["generic_in_plural"]),
        crops=_index(v["crop_contexts"]),
        openers=_index(v["item_openers"]),
        categories=_index(v["category_names"]),
        tourism=v["tourism_group"],
        boilerplate_min=int(v["boilerplate_min_groups"]),
        boilerplate_cues=_index(v["boilerplate_cues"]),
        rated=_index(["sao", "OCOP", "công nhận", "chứng nhận", "xếp hạng", "đạt chuẩn"]),
    )


def product_index() -> PhraseIndex:
    """Product words and their groups (None for the ignored phrases)."""
    return _vocab().index


_PLURAL = frozenset({"cac", "nhung", "nhieu"})


def _locative(doc: Document, i: int, locatives: PhraseIndex) -> bool:
    k = i
    if k > 0 and doc.fold[k - 1] in ("cac", "nhung") and doc.adjacent(k):
        k -= 1
    return k > 0 and doc.adjacent(k) and locatives.preceded_by(doc, k) is not None


def _item_start(doc: Document, i: int, openers: PhraseIndex) -> bool:
    """Whether syllable i opens a list item: after ":", ";", a quote, or "gồm", "sản phẩm"..."""
    first = doc.blocks[doc.block_of[i]].first
    if i == first or doc.sent_start[i]:
        return True
    gap = doc.gap(i).strip()
    if gap and gap[-1] in _ITEM_GAPS:
        return True
    return not gap and not doc.is_cap(i - 1) and openers.preceded_by(doc, i) is not None


def _category_sentences(doc: Document, v: _Vocab) -> tuple[set[int], set[int]]:
    """(sentences listing two or more group names, sentences that are the programme's boilerplate)."""
    named: dict[int, set[str]] = {}
    for i, j, _p in v.categories.find_in_blocks(doc, CONTENT_ZONES):
        phrase = v.index.match_at(doc, i, j + 2) or v.index.match_at(doc, i, j)
        counted = any(  # "92 sản phẩm thuộc nhóm thực phẩm", not "6 nhóm: thực phẩm"
            doc.orig[k].isdigit() and doc.fold[k + 1] in ("san", "sp", "mat")
            for k in range(max(0, i - 5), i - 1)
        )
        if phrase is not None and phrase.value and not counted:
            named.setdefault(doc.sent_of[i], set()).add(str(phrase.value))
    cued = {doc.sent_of[i] for i, _j, _p in v.boilerplate_cues.find_in_blocks(doc, CONTENT_ZONES)}
    listing = {s for s, groups in named.items() if len(groups) >= 2}
    return listing, {s for s in listing & cued if len(named[s]) >= v.boilerplate_min}


def find_groups(
    doc: Document, covered: set[int], place_name: Callable[[tuple[str, ...]], bool] | None = None
) -> list[str]:
    """Groups in the fixed official order; `covered`: syllables inside place names;
    `place_name`: whether folded syllables spell a known place ("trà bồng")."""
    v = _vocab()
    found: set[str] = set()
    head_end = -1
    head_group: object = None
    lazy: dict[str, set[int]] = {}  # sentence sets, computed the first time they are needed

    def sentences(name: str) -> set[int]:
        if name not in lazy:
            lazy["listing"], lazy["boilerplate"] = _category_sentences(doc, v)
            lazy["rated"] = {doc.sent_of[i] for i, _j, _p in v.rated.find_in_blocks(doc, CONTENT_ZONES)}
        return lazy[name]

    for i, j, phrase in v.index.find_in_blocks(doc, CONTENT_ZONES):
        group = phrase.value
        if i == head_end and doc.adjacent(i):
            # A material after its head noun: "tinh dầu quế", "trà túi lọc đảng sâm". A drink of
            # a herb is a herbal product too ("trà đinh lăng", "rượu đảng sâm").
            head_end = j
            if head_group == _DRINKS and group == _HERBS and not any(k in covered for k in range(i, j)):
                found.add(_HERBS)
            continue
        head_end, head_group = j, group
        if group is None or any(k in covered for k in range(i, j)):
            continue
        block = doc.blocks[doc.block_of[i]]
        if not block.accented and j - i == 1 and " ".join(phrase.folded) not in v.plain_ok:
            continue
        if doc.names_by_case(i) and doc.is_cap(i) and not doc.sent_start[i] and not doc.is_acronym(i):
            if not _item_start(doc, i, v.openers):
                continue
            run = i + 1  # the capitalised run: "Trà Bồng", not "Đông trùng hạ thảo"
            while run < min(i + 3, block.last) and doc.is_cap(run) and doc.adjacent(run):
                run += 1
            if (
                place_name is not None
                and run > i + 1
                and any(place_name(tuple(doc.fold[i:n])) for n in range(i + 2, run + 1))
            ):
                continue
        if _locative(doc, i, v.locatives):
            continue
        if i > block.first and doc.adjacent(i) and v.crops.preceded_by(doc, i) is not None:
            continue
        if phrase.folded in v.plural_generic and i > 0 and doc.fold[i - 1] in _PLURAL and doc.adjacent(i):
            continue
        category = v.categories.match_at(doc, i, j) is not None
        if category and doc.sent_of[i] in sentences("boilerplate"):
            continue
        if group == v.tourism and (
            not (
                (doc.is_cap(i) and doc.names_by_case(i))
                or doc.sent_of[i] in sentences("rated")
                or doc.sent_of[i] in sentences("listing")
            )
            or modality().planned(doc, i)
        ):
            continue
        found.add(str(group))
    return [g for g in GROUP_ORDER if g in found]
