"""The six OCOP product groups an OCOP article's products belong to, from product words.

Product words (data/product_groups.toml) are matched in title, lead and body, never in link
lines. A word does not count when:
- it is part of a place or unit name already found ("Trà Vinh", "quận Sơn Trà");
- it is capitalised inside a sentence and followed by another capitalised word, i.e. part of a
  proper name ("rừng tràm Trà Sư", "quế Trà My"), or capitalised alone mid-sentence ("chị Yến");
- it names where products are sold, not the product ("bán tại các điểm du lịch"), or a kind of
  place in general ("các điểm du lịch lớn");
- it is a one-syllable word in text without diacritics, where it is ambiguous ("keo" = kẹo, kéo);
- it follows another product word directly, as the material of that product: the head noun
  decides the group ("tinh dầu quế" is an essential oil, not a spice; "rượu sâm" a drink).
The caller only asks for groups when the article is OCOP coverage.
"""

from __future__ import annotations

from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document
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


@cache
def _vocab() -> tuple[PhraseIndex, frozenset[str], PhraseIndex, frozenset[tuple[str, ...]]]:
    v = groups_vocab()
    index = PhraseIndex(strict_accents=True)
    for group, words in v["groups"].items():
        if group not in GROUP_ORDER:
            raise ValueError(
                f"product_groups.toml: unknown group {group!r}; the six groups are {GROUP_ORDER}"
            )
        index.add_all(words, group)
    index.add_all(v["ignore"], None)
    plain_ok = frozenset(" ".join(syllables(w)) for w in v["plain_single_ok"])
    locatives = PhraseIndex(strict_accents=True)
    locatives.add_all(v["locatives"], True)
    plural_generic = frozenset(syllables(w) for w in v["generic_in_plural"])
    return index, plain_ok, locatives, plural_generic


_PLURAL = frozenset({"cac", "nhung", "nhieu"})


def _locative(doc: Document, i: int, locatives: PhraseIndex) -> bool:
    k = i
    if k > 0 and doc.fold[k - 1] in ("cac", "nhung") and doc.adjacent(k):
        k -= 1
    return k > 0 and doc.adjacent(k) and locatives.preceded_by(doc, k) is not None


def find_groups(doc: Document, covered: set[int]) -> list[str]:
    """Groups in the fixed official order; `covered`: syllables inside place names."""
    index, plain_ok, locatives, plural_generic = _vocab()
    found: set[str] = set()
    head_end = -1
    for i, j, phrase in index.find_in_blocks(doc, CONTENT_ZONES):
        group = phrase.value
        if i == head_end and doc.adjacent(i):
            head_end = j  # a material after its head noun: "tinh dầu quế", "rượu sâm", "trà túi lọc đảng sâm"
            continue
        head_end = j
        if group is None or group in found or any(k in covered for k in range(i, j)):
            continue
        block = doc.blocks[doc.block_of[i]]
        if not block.accented and j - i == 1 and " ".join(phrase.folded) not in plain_ok:
            continue
        if doc.names_by_case(i) and doc.is_cap(i) and not doc.sent_start[i] and not doc.is_acronym(i):
            continue
        if _locative(doc, i, locatives):
            continue
        if phrase.folded in plural_generic and i > 0 and doc.fold[i - 1] in _PLURAL and doc.adjacent(i):
            continue
        found.add(group)
    return [g for g in GROUP_ORDER if g in found]
