"""The six OCOP product groups an OCOP article's products belong to, from product words.

Product words (data/product_groups.toml, sorted by the sub-groups of the programme's criteria;
English words for outlets' English editions) are matched in title, lead, body and certifying
captions, never in link lines. A word does not count when:
- it is part of a place or unit name already found ("Trà Vinh", "quận Sơn Trà");
- it is capitalised inside a sentence, i.e. part of a proper name ("rừng tràm Trà Sư", "chị
  Hoa", "Công ty TNHH Nấm Linh Sơn"), unless it opens a list item ("gồm: Miến dong Tân Khê", "; Đông
  trùng hạ thảo khô Vimora", "sản phẩm Yến sào Anna") and does not start a known place name
  ("các huyện: Trà Bồng, ...");
- it names where products are sold, not the product ("bán tại các điểm du lịch"), or a kind of
  place in general ("các điểm du lịch lớn");
- it is a crop, a raw material or a use ("trồng chè", "cây quế", "dùng làm trà", "gạo để nấu
  rượu", "hàm lượng tinh dầu");
- it is a one-syllable word in text without diacritics, where it is ambiguous ("keo" = kẹo, kéo);
- it follows another product word directly, as the material of that product: the head noun
  decides the group ("tinh dầu quế" is an essential oil, not a spice) — except that a drink made
  of a herb is both a drink and a herbal product ("trà đinh lăng", "rượu đảng sâm", "trà phun
  sương Actiso"), and a generic head gives way to the word after it ("nấm đông trùng hạ thảo" is
  cordyceps). In English the LAST word of a compound is the head ("cinnamon incense"), and a
  word before a non-product noun is a modifier ("rice fields", "tea cooperative");
- it is a category name in the programme's own boilerplate, a sentence (or a cue line and the
  list items under it) that defines the programme ("6 nhóm", "Bộ tiêu chí") by naming five or
  more of the six groups without counting products in each; a list of categories describing the
  article's products counts;
- it sits in a sentence about what tourists do ("du khách ... trải nghiệm ... mặc trang phục
  truyền thống") that certifies nothing: dishes and activities, not OCOP products;
- it names the theme of a tourism site, right after the tourism word or after "làng nghề",
  "vườn"... only ("điểm du lịch làng nghề gốm X": a site, not pottery; session 17);
- it is an English word in a Vietnamese paragraph, unless it is a word of a product's English
  name ("Robusta Honey Coffee", "Rice Paper": capitalised, without diacritics, two or more such
  words; session 17), where it counts whatever the case rule above says.
Tourism words count only for a named site, in a sentence that rates or certifies it, in a list of
product categories, or after a count of products ("1 sản phẩm du lịch cộng đồng"); never under a
plan ("sẽ phát triển du lịch cộng đồng") or inside an organisation's name ("HTX dệt thổ cẩm và
dịch vụ du lịch bản Lác").
The caller only asks for groups when the article is OCOP coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document, table_line
from indexer.ocop.english import english_blocks
from indexer.ocop.modality import modality
from indexer.ocop.phrases import Phrase, PhraseIndex, syllables
from indexer.ocop.vocab import groups_vocab, places_vocab

GROUP_ORDER = (
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
)
_DRINKS, _HERBS = GROUP_ORDER[1], GROUP_ORDER[2]
# "|" opens a table's cell (session 18)
_ITEM_GAPS = (":", ";", ",", "(", "“", '"', "-", "–", "•", "+", "‘", "'", "|")
_READ_ZONES = CONTENT_ZONES | {"caption"}
_HERB_REACH = 3  # syllables between a drink and the herb it is made of ("trà phun sương Actiso")
_NAME_REACH = 5  # syllables of a product's name before the product word that ends it


@dataclass(frozen=True)
class _Vocab:
    index: PhraseIndex  # phrase -> tuple of groups (None for the ignored phrases)
    vietnamese: PhraseIndex  # the same without the English words
    english_only: frozenset[tuple[str, ...]]
    plain_ok: frozenset[str]
    locatives: PhraseIndex
    plural_generic: frozenset[tuple[str, ...]]
    crops: PhraseIndex
    needs_support: frozenset[tuple[str, ...]]
    support_before: PhraseIndex
    support_after: PhraseIndex
    material_after: PhraseIndex
    generic_heads: frozenset[tuple[str, ...]]
    material_classifiers: frozenset[str]
    crop_list_heads: PhraseIndex
    crop_list_openers: PhraseIndex
    crop_list_reach: int
    listed_categories: PhraseIndex
    english_heads: frozenset[str]
    experience_subjects: PhraseIndex
    experience_verbs: PhraseIndex
    openers: PhraseIndex
    categories: PhraseIndex
    tourism: str
    boilerplate_min: int
    boilerplate_cues: PhraseIndex
    certifying: PhraseIndex
    tourism_aims: PhraseIndex
    site_heads: PhraseIndex
    english_category_nouns: frozenset[str]
    name_enders: PhraseIndex
    personal_titles: PhraseIndex  # places.toml's: "Chị Yến" names a person, not a product
    english_name_skip: frozenset[tuple[str, ...]]
    site_links: PhraseIndex


def _index(words: Sequence[str], exceptions: Sequence[str] = ()) -> PhraseIndex:
    """Words to find; `exceptions` are longer words that end with one of them but are not one
    ("đánh giá" is not "giá"): they match with a false value."""
    idx = PhraseIndex(strict_accents=True)
    idx.add_all(words, True)
    idx.add_all(exceptions, False)
    return idx


def _words(table: dict[str, object]) -> list[str]:
    """All words of one group's table, whatever its sub-groups."""
    out: list[str] = []
    for words in table.values():
        out.extend(words if isinstance(words, list) else [])
    return out


@cache
def _groups_of(phrase: Phrase) -> tuple[str, ...]:
    """The product groups a phrase of the index names; none for an ignored phrase."""
    return phrase.value if isinstance(phrase.value, tuple) else ()


@cache  # built once per process: every sentence of every article reads it
def _vocab() -> _Vocab:
    v = groups_vocab()
    vietnamese: dict[str, set[str]] = {}
    english: dict[str, set[str]] = {}
    for table_name, target in (("groups", vietnamese), ("english_groups", english)):
        for group, table in v[table_name].items():
            if group not in GROUP_ORDER:
                raise ValueError(
                    f"product_groups.toml: unknown group {group!r}; the six groups are {GROUP_ORDER}"
                )
            for word in _words(table):
                target.setdefault(word, set()).add(group)
    merged = {w: set(g) for w, g in vietnamese.items()}
    for word, groups in english.items():
        merged.setdefault(word, set()).update(groups)

    def build(words: dict[str, set[str]]) -> PhraseIndex:
        index = PhraseIndex(strict_accents=True)
        for word, groups in words.items():  # a word listed under two groups belongs to both
            index.add(word, tuple(g for g in GROUP_ORDER if g in groups))
        index.add_all(v["ignore"], None)
        return index

    index = build(merged)
    return _Vocab(
        index=index,
        vietnamese=build(vietnamese),
        english_only=frozenset(syllables(w) for w in english if w not in vietnamese),
        plain_ok=frozenset(" ".join(syllables(w)) for w in v["plain_single_ok"]),
        locatives=_index(v["locatives"], v["not_locatives"]),
        site_heads=_index(v["site_heads"]),
        plural_generic=frozenset(syllables(w) for w in v["generic_in_plural"]),
        crops=_index(v["crop_contexts"], v["not_crop_contexts"]),
        needs_support=frozenset(syllables(w) for w in v["needs_support"]),
        support_before=_index(v["support_before"]),
        support_after=_index(v["support_after"]),
        material_after=_index(v["material_after"]),
        generic_heads=frozenset(syllables(w) for w in v["generic_heads"]),
        material_classifiers=frozenset(" ".join(syllables(w)) for w in v["material_classifiers"]),
        listed_categories=_index(v["listed_categories"]),
        crop_list_heads=_index(v["crop_list_heads"] + v["place_list_heads"]),
        crop_list_openers=_index(v["crop_list_openers"]),
        crop_list_reach=int(v["crop_list_reach"]),
        english_heads=frozenset(w.lower() for w in v["english_non_product_heads"]),
        experience_subjects=_index(v["experience_subjects"]),
        experience_verbs=_index(v["experience_verbs"]),
        openers=_index(v["item_openers"]),
        categories=_index(v["category_names"]),
        tourism=v["tourism_group"],
        boilerplate_min=int(v["boilerplate_min_groups"]),
        boilerplate_cues=_index(v["boilerplate_cues"]),
        certifying=_index(v["certifying_words"]),
        tourism_aims=_index(v["tourism_aims"]),
        english_category_nouns=frozenset(w.lower() for w in v["english_category_nouns"]),
        name_enders=_index(v["product_name_enders"]),
        personal_titles=_index(places_vocab()["personal_titles"]),
        english_name_skip=frozenset(syllables(w) for w in v["english_name_skip"]),
        site_links=_index(v["site_theme_links"]),
    )


def product_index() -> PhraseIndex:
    """Vietnamese product words and their groups (a tuple of group names; None for the ignored
    phrases): places read them for brands ("kem Bình Dương"), claims for lists of products."""
    return _vocab().vietnamese


_PLURAL = frozenset({"cac", "nhung", "nhieu"})
_COUNT_NOUNS = frozenset({"san", "sp"})


def names_a_product(doc: Document, i: int, end: int) -> bool:
    """Whether syllable i opens a product word that needs no support to be one ("chuối sấy giòn",
    "mật ong"; not "tiêu" of "tiêu biểu")."""
    v = _vocab()
    phrase = v.index.match_at(doc, i, end)
    return phrase is not None and bool(phrase.value) and phrase.folded not in v.needs_support


def names_a_group(doc: Document, i: int, end: int) -> bool:
    """Whether syllable i opens the name of one of the programme's groups or categories ("thực
    phẩm", "thủ công mỹ nghệ", "du lịch"): "1 sản phẩm du lịch" is a group's part, not a kind."""
    v = _vocab()
    return (
        v.categories.match_at(doc, i, end) is not None
        or v.listed_categories.match_at(doc, i, end) is not None
    )


def _locative(doc: Document, i: int, locatives: PhraseIndex) -> bool:
    k = i
    if k > 0 and doc.fold[k - 1] in ("cac", "nhung") and doc.adjacent(k):
        k -= 1
    return k > 0 and doc.adjacent(k) and _value(locatives.preceded_by(doc, k))


def _item_start(doc: Document, i: int, openers: PhraseIndex) -> bool:
    """Whether syllable i opens a list item: after ":", ";", a quote, or "gồm", "sản phẩm"..."""
    first = doc.blocks[doc.block_of[i]].first
    # A brand in capitals before the product's kind opens the item with it (round 19): "MITRI TEA
    # Trà xanh là …", "; SONITA Đông trùng hạ thảo".
    while i > first and not doc.sent_start[i] and doc.is_acronym(i - 1) and not doc.gap(i).strip():
        i -= 1
    if i == first or doc.sent_start[i]:
        return True
    gap = doc.gap(i).strip()
    if gap and gap[-1] in _ITEM_GAPS:
        return True
    return not gap and not doc.is_cap(i - 1) and openers.preceded_by(doc, i) is not None


def _sentence_case(doc: Document, i: int, j: int) -> bool:
    """The product phrase at [i, j) has more than one syllable, only its first capitalised, and a
    capitalised brand right after it: "đóng gói Nấm linh chi Đại Phúc", "Nón bài thơ Hoa Sen" name
    a product by its kind, written like a sentence, and its brand (session 20). A proper name
    capitalises every syllable ("Công ty TNHH Nấm Linh Sơn", "rừng tràm Trà Sư"), and a headline
    glued to the text ("… Sầu riêng mất giá") has no brand after its first words."""
    return (
        j - i >= 2
        and j < len(doc)
        and doc.adjacent(j)
        and doc.is_cap(j)
        and all(doc.adjacent(k) and not doc.is_cap(k) for k in range(i + 1, j))
    )


def _name_ended(doc: Document, i: int, in_organisation: Callable[[Document, int], bool]) -> bool:
    """An organisation's name in capitals ended before syllable i: lower-case words stand right
    before i, and before them a capitalised word inside the name ("HTX Hòa Hợp đóng gói Nấm linh
    chi …": the cooperative's name ends at "Hợp", the verb's object is a product). "Công ty CP
    Thực phẩm Ninh Thuận" and "Công ty Nấm linh chi …" have none."""
    first = doc.blocks[doc.block_of[i]].first
    k = i - 1
    if k < first or doc.is_cap(k):
        return False
    while k > first and doc.adjacent(k + 1) and not doc.is_cap(k):
        k -= 1
    return doc.adjacent(k + 1) and doc.is_cap(k) and not doc.is_acronym(k) and in_organisation(doc, k)


def _ends_item_name(
    doc: Document, i: int, j: int, v: _Vocab, in_organisation: Callable[[Document, int], bool] | None
) -> bool:
    """Whether the capitalised product word at [i, j) ends a product's name that opens a list item:
    "; Khăn quàng Thổ cẩm, …", "sản phẩm … và Cao lỏng Đinh lăng của Công ty …". The name says
    what the product is by its last word; a producer's name ("Công ty TNHH Chè Núi Xanh") is not
    read (`in_organisation`), nor a person's ("Chị Yến": `personal_titles`), and a word followed by
    more of the name is not its end."""
    block = doc.blocks[doc.block_of[i]]
    if j < block.last:
        gap = doc.gap(j).strip()
        if not (gap[:1] in _ITEM_ENDS or (not gap and v.name_enders.match_at(doc, j, block.last))):
            return False
    if in_organisation is not None and in_organisation(doc, i):
        return False
    for k in range(i - 1, max(block.first, i - _NAME_REACH) - 1, -1):
        if doc.gap(k + 1).strip():
            return False  # punctuation inside: not one name
        if doc.is_cap(k) and _item_start(doc, k, v.openers):
            return v.personal_titles.match_at(doc, k, i) is None  # "Chị Yến, chủ cơ sở": a person
    return False


def _counted(doc: Document, i: int) -> bool:
    """ "1 sản phẩm du lịch cộng đồng": a count of products right before syllable i."""
    return (
        i >= 3
        and doc.adjacent(i)
        and doc.fold[i - 2] in _COUNT_NOUNS
        and (doc.orig[i - 3].isdigit() or doc.orig[i - 2].isdigit())
    )


def _bracketed_count(doc: Document, j: int) -> bool:
    """ "thảo dược (21 sản phẩm)": a bracket holding a count of products right after syllable j."""
    return (
        j + 1 < len(doc)
        and doc.gap(j).strip().endswith("(")
        and doc.orig[j][0].isdigit()
        and doc.fold[j + 1] in _COUNT_NOUNS
    )


def list_runs(doc: Document) -> dict[int, int]:
    """Sentence → the cue sentence whose list it continues: a line ending in ":" followed by
    short list-item lines ("… được chia thành 6 ngành:" / "• Thực phẩm" / "• Đồ uống" ...). A
    table's rows are its items at any length ("… như sau:" / "1 | Miến dong | HTX A | 3 sao"):
    session 18."""
    runs: dict[int, int] = {}
    owner = -1
    blocks = doc.blocks
    for n, block in enumerate(blocks):
        if block.first == block.last or block.zone not in CONTENT_ZONES:
            owner = -1
            continue
        line = doc.text[block.start : block.end].rstrip()
        if owner >= 0 and (block.words <= 10 or table_line(line)):
            for s in range(doc.sent_of[block.first], doc.sent_of[block.last - 1] + 1):
                runs[s] = owner
        else:
            cue = line.endswith(":") or _table_header(doc, line, n)
            owner = doc.sent_of[block.last - 1] if cue else -1
    return runs


def _table_header(doc: Document, line: str, n: int) -> bool:
    """Line of block n heads a table: cells without a number, over a row with as many bars and a
    number ("Hạng sao | Số sản phẩm" / "3 sao | 61"; session 20). The rows are its list items."""
    bars = line.count("|")
    if not bars or any(ch.isdigit() for ch in line) or n + 1 >= len(doc.blocks):
        return False
    below = doc.blocks[n + 1]
    row = doc.text[below.start : below.end]
    return below.zone in CONTENT_ZONES and row.count("|") == bars and any(ch.isdigit() for ch in row)


def _category_sentences(doc: Document, v: _Vocab) -> tuple[set[int], set[int]]:
    """(sentences listing two or more group names, sentences that are the programme's boilerplate).

    A cue line ending in ":" and the short list items under it count as one sentence."""
    runs = list_runs(doc)
    broken_down: set[int] = set()  # "Thực phẩm (201 sản phẩm), đồ uống (14 sản phẩm)": real products
    named: dict[int, set[str]] = {}
    members: dict[int, set[int]] = {}
    for i, j, _p in v.categories.find_in_blocks(doc, CONTENT_ZONES):
        phrase = v.index.match_at(doc, i, j + 2) or v.index.match_at(doc, i, j)
        counted = any(  # "87 sản phẩm thuộc nhóm thực phẩm", not "6 nhóm: thực phẩm"
            doc.orig[k].isdigit()
            and doc.fold[k + 1] in ("san", "sp", "mat")
            # not the previous item's count: "Thực phẩm (201 sản phẩm), đồ uống", "nhóm thực
            # phẩm có 9 sản phẩm, nhóm đồ uống có 2 sản phẩm"
            and not any(ch in doc.gap(m) for m in range(k + 1, i + 1) for ch in "),;")
            for k in range(max(0, i - 5), i - 1)
        )
        if phrase is not None and phrase.value and not counted:
            s = runs.get(doc.sent_of[i], doc.sent_of[i])
            named.setdefault(s, set()).update(_groups_of(phrase))
            members.setdefault(s, set()).add(doc.sent_of[i])
            if _bracketed_count(doc, j):
                broken_down.add(s)
    cued = {
        runs.get(doc.sent_of[i], doc.sent_of[i])
        for i, _j, _p in v.boilerplate_cues.find_in_blocks(doc, CONTENT_ZONES)
    }
    listing = {s for s, groups in named.items() if len(groups) >= 2}
    boilerplate = {s for s in listing & cued - broken_down if len(named[s]) >= v.boilerplate_min}

    def expand(keys: set[int]) -> set[int]:
        return {m for s in keys for m in members.get(s, {s})} | keys

    return expand(listing), expand(boilerplate)


class _Sentences:
    """Sentence sets the rules ask about, each computed the first time it is needed."""

    def __init__(self, doc: Document, v: _Vocab) -> None:
        self.doc, self.v = doc, v
        self._sets: dict[str, set[int]] = {}

    def _get(self, name: str) -> set[int]:
        if name not in self._sets:
            doc, v = self.doc, self.v
            if name in ("listing", "boilerplate"):
                self._sets["listing"], self._sets["boilerplate"] = _category_sentences(doc, v)
            elif name == "certifying":
                # Written as one phrase: "một sản phẩm” (OCOP)", the programme's name and its
                # acronym, is no "sản phẩm OCOP".
                self._sets[name] = {
                    doc.sent_of[i]
                    for i, j, _p in v.certifying.find_in_blocks(doc, _READ_ZONES)
                    if all(doc.adjacent(k) for k in range(i + 1, j))
                }
            elif name == "experience":
                subjects = {
                    doc.sent_of[i] for i, _j, _p in v.experience_subjects.find_in_blocks(doc, _READ_ZONES)
                }
                verbs = {doc.sent_of[i] for i, _j, _p in v.experience_verbs.find_in_blocks(doc, _READ_ZONES)}
                self._sets[name] = subjects & verbs
            elif name == "english":
                self._sets[name] = set(english_blocks(doc))
        return self._sets[name]

    listing = property(lambda self: self._get("listing"))
    boilerplate = property(lambda self: self._get("boilerplate"))
    certifying = property(lambda self: self._get("certifying"))
    experience = property(lambda self: self._get("experience"))
    english = property(lambda self: self._get("english"))


def _matches(doc: Document, v: _Vocab) -> list[tuple[int, int, Phrase]]:
    """Product phrases in content blocks and in captions that certify a product."""
    out: list[tuple[int, int, Phrase]] = []
    certifying_captions: set[int] | None = None
    for i, j, phrase in v.index.find_in_blocks(doc, _READ_ZONES):
        b = doc.block_of[i]
        if doc.blocks[b].zone == "caption":
            if certifying_captions is None:
                certifying_captions = {
                    doc.block_of[k] for k, _j, _p in v.certifying.find_in_blocks(doc, frozenset({"caption"}))
                }
            if b not in certifying_captions:
                continue
        out.append((i, j, phrase))
    return out


def find_groups(
    doc: Document,
    covered: set[int],
    place_name: Callable[[tuple[str, ...]], bool] | None = None,
    in_organisation: Callable[[Document, int], bool] | None = None,
) -> list[str]:
    """Groups in the fixed official order; `covered`: syllables inside place names;
    `place_name`: whether folded syllables spell a known place ("trà bồng");
    `in_organisation`: whether a syllable is inside an organisation's name ("HTX ... du lịch")."""
    v = _vocab()
    found: set[str] = set()
    sets = _Sentences(doc, v)
    matches = _matches(doc, v)
    head_end = -1
    head_groups: tuple[str, ...] = ()
    head_ok = False  # whether the head noun itself was read as a product
    materials: set[tuple[int, tuple[str, ...]]] = set()  # (sentence, word) used as a raw material
    crop_end = -1  # end of the last word read as a crop: the list it opens is crops too
    crop_lists = _crop_list_starts(doc, v) if matches else set()
    crop_spans = _list_spans(doc, crop_lists)
    crop_heads = (
        {j for _i, j, _p in v.crop_list_heads.find_in_blocks(doc, CONTENT_ZONES)} if matches else set()
    )
    site_end = -1  # end of the last tourism word: the words of its site's name follow
    for n, (i, j, phrase) in enumerate(matches):
        groups = _groups_of(phrase)
        block = doc.blocks[doc.block_of[i]]
        english = phrase.folded in v.english_only
        # English words are read in English paragraphs, and in a Vietnamese one as a word of a
        # product's English name (session 17), which is a name: the case rule below has nothing
        # more to say about it
        english_name = english and doc.block_of[i] not in sets.english
        if english_name and not _english_name(doc, i, j, phrase, v):
            continue
        if site_end >= 0 and v.tourism not in groups and _site_theme(doc, site_end, i, v.site_links):
            # "điểm du lịch làng nghề gốm X", "tour trải nghiệm làng nghề đan lát": the craft is what
            # the site shows, not a product (session 17)
            site_end = j
            continue
        site_end = j if v.tourism in groups else -1
        if not block.accented and j - i == 1 and " ".join(phrase.folded) not in v.plain_ok and not english:
            # One syllable without diacritics is ambiguous: no product, and no head whose material
            # follows ("gom ca phe" is "gồm cà phê", a list of coffee, not pottery; round 19).
            head_end = -1
            continue
        nxt = matches[n + 1] if n + 1 < len(matches) else None
        follows = nxt is not None and nxt[0] == j and doc.adjacent(j) and bool(nxt[2].value)
        if groups and follows and (english or phrase.folded in v.generic_heads):
            # "nấm đông trùng hạ thảo", "cinnamon incense": the next word is the head. A herb
            # before a drink in English ("herbal tea") is both.
            if english and _HERBS in groups and nxt is not None and _DRINKS in _groups_of(nxt[2]):
                found.add(_HERBS)
            head_end = -1
            continue
        if head_end >= 0:
            # A material after its head noun: "tinh dầu quế", "trà túi lọc đảng sâm". A drink of
            # a herb is a herbal product too ("trà đinh lăng", "trà phun sương Actiso").
            material = doc.adjacent(i) and (
                i == head_end
                or (  # "trà trái bưởi": a classifier between the drink and its fruit
                    i == head_end + 1
                    and doc.adjacent(head_end)
                    and doc.fold[head_end] in v.material_classifiers
                )
            )
            drink_of_herb = _DRINKS in head_groups and _HERBS in groups
            if material or (drink_of_herb and _herb_after(doc, head_end, i)):
                if material:
                    head_end = j
                if drink_of_herb and head_ok and not any(k in covered for k in range(i, j)):
                    found.add(_HERBS)
                continue
        head_end, head_groups, head_ok = j, groups, False
        if not groups or any(k in covered for k in range(i, j)):
            continue
        if english and j < block.last and doc.adjacent(j) and doc.low[j] in v.english_heads:
            continue  # "rice fields", "tea cooperative"
        tourism = v.tourism in groups
        cased = doc.names_by_case(i)
        if cased and doc.is_cap(i) and not doc.sent_start[i] and not doc.is_acronym(i):
            # A capitalised tourism word names a site ("The Con Chim Community Tourism Site"):
            # the tourism rule below decides.
            if english_name:
                if in_organisation is not None and in_organisation(doc, i):
                    continue
            elif (
                not tourism
                and not _item_start(doc, i, v.openers)
                and not _ends_item_name(doc, i, j, v, in_organisation)
                and not (
                    _sentence_case(doc, i, j)
                    and (
                        in_organisation is None
                        or not in_organisation(doc, i)
                        or _name_ended(doc, i, in_organisation)
                    )
                )
            ):
                continue
            if place_name is not None and _starts_place(doc, i, block.last, place_name):
                continue
        elif not cased and place_name is not None and _starts_place(doc, i, block.last, place_name):
            continue  # "TỈNH TRÀ VINH", "CÔNG TY TNHH TRÀ VINH NẮNG MỚI": no case to see the name by
        if _locative(doc, i, v.locatives):
            continue
        if (
            (i > block.first and doc.adjacent(i) and _value(v.crops.preceded_by(doc, i)))
            or i in crop_lists
            or any(0 < i - e <= _FIRST_ITEM and _continues_list(doc, e, i) for e in crop_heads)
            or i in crop_spans
            or _called_a_crop(doc, j, v)
            or (crop_end >= 0 and _continues_list(doc, crop_end, i))
        ):
            crop_end = j  # "lễ hội bánh giầy, bánh gai": the list too
            continue
        if phrase.folded in v.needs_support and not _supported(doc, n, matches, v, place_name):
            continue  # "cam kết", "tiêu thụ", "ước mơ": an ordinary word, not "cam sấy"
        s = doc.sent_of[i]
        if (s, phrase.folded) in materials:
            continue
        if j < block.last and doc.adjacent(j) and v.material_after.match_at(doc, j, block.last) is not None:
            materials.add((s, phrase.folded))  # "gạo để nấu rượu"
            continue
        if phrase.folded in v.plural_generic and i > 0 and doc.fold[i - 1] in _PLURAL and doc.adjacent(i):
            continue
        # "nhóm thực phẩm" read across the boilerplate's colon ("6 nhóm: thực phẩm, …"; session 19)
        # is the category name after its "nhóm"
        category = v.categories.match_at(doc, i, j) is not None or (
            doc.fold[i] == "nhom" and v.categories.match_at(doc, i + 1, j) is not None
        )
        if category and s in sets.boilerplate:
            continue
        if not tourism and s in sets.experience and s not in sets.certifying:
            continue  # what tourists do there, not the products certified
        if tourism and (
            not (
                (doc.is_cap(i) and doc.names_by_case(i))
                or _site_name_after(doc, j, block.last, v.site_heads)
                or s in sets.certifying
                or s in sets.listing
                or _counted(doc, i)
                or (english and _category_after(doc, j, v))
            )
            or modality().planned(doc, i)
            or (i > block.first and doc.adjacent(i) and v.tourism_aims.preceded_by(doc, i) is not None)
            or (in_organisation is not None and in_organisation(doc, i))
        ):
            continue
        head_ok = True
        found.update(groups)
    if v.tourism not in found and _listed_tourism(doc, sets, v):
        found.add(v.tourism)
    return [g for g in GROUP_ORDER if g in found]


def _latin_capital(doc: Document, k: int) -> bool:
    """A capitalised word without diacritics: a word of an English or Latin-script name."""
    return doc.is_cap(k) and doc.low[k] == doc.fold[k]


def _english_name(doc: Document, i: int, j: int, phrase: Phrase, v: _Vocab) -> bool:
    """Whether the English product word at [i, j) of a Vietnamese paragraph is part of a product's
    English name, which Vietnamese producers give their goods (session 17): capitalised, without
    diacritics, beside another such word ("Robusta Honey Coffee", "Rice Paper", "Essential Oil
    hương bưởi"). A category word in a name is the producer's ("Hồng Phát Food"), not a product."""
    if phrase.folded in v.english_name_skip or not all(_latin_capital(doc, k) for k in range(i, j)):
        return False
    last = doc.blocks[doc.block_of[i]].last
    return (
        j - i > 1
        or (doc.adjacent(i) and _latin_capital(doc, i - 1))
        or (j < last and doc.adjacent(j) and _latin_capital(doc, j))
    )


# Syllables between a tourism word and a word of its site's theme ("điểm du lịch làng nghề | gốm").
_SITE_THEME_REACH = 4


def _site_theme(doc: Document, end: int, i: int, links: PhraseIndex) -> bool:
    """Whether the product word at syllable i belongs to the site named by the tourism word that
    ended at `end`: in the same phrase, right after it or after words that link a site to what it
    shows only ("làng nghề", "vườn", "trang trại"): "điểm du lịch làng nghề gốm Lạc Thượng"."""
    if not 0 <= i - end <= _SITE_THEME_REACH or not all(doc.adjacent(k) for k in range(end, i + 1)):
        return False
    k = end
    while k < i:
        link = links.match_at(doc, k, i)
        if link is None:
            return False
        k += len(link.folded)
    return True


def _starts_place(doc: Document, i: int, last: int, place_name: Callable[[tuple[str, ...]], bool]) -> bool:
    """Whether the product word at syllable i opens a known place's name: with the capitalised
    syllables after it ("Trà Bồng", not "Đông trùng hạ thảo"), or, where case shows no name, with
    the next one or two ("TRÀ VINH", "THÔN TRÀ SƠN")."""
    cased = doc.names_by_case(i)
    run = i + 1
    while run < min(i + 3, last) and (doc.is_cap(run) or not cased) and doc.adjacent(run):
        run += 1
    return run > i + 1 and any(place_name(_spelling(doc, i, n)) for n in range(i + 2, run + 1))


def _spelling(doc: Document, i: int, j: int) -> tuple[str, ...]:
    """Syllables [i, j) as a place name is looked up: lower case, with their diacritics unless
    the block is written without them."""
    return tuple(doc.low[i:j] if doc.blocks[doc.block_of[i]].accented else doc.fold[i:j])


# A site's name follows its tourism word within this many syllables ("điểm du lịch sinh thái Đồi …").
_SITE_NAME_REACH = 3


def _site_name_after(doc: Document, j: int, last: int, site_heads: PhraseIndex) -> bool:
    """A tourism word written in lower case still names a site when a capitalised name follows it
    in the same phrase (round 19): "gồm: điểm du lịch sinh thái Đồi Thông Xanh" is a certified site,
    as "Điểm du lịch cộng đồng Bãi Sậy" is; "phát triển du lịch cộng đồng" names none. Where case
    shows no name (a line in capitals), a settlement and a word of its name do: "DU LỊCH CỘNG ĐỒNG
    BẢN NẬM CANG"."""
    if not doc.names_by_case(j - 1):
        head = site_heads.match_at(doc, j, last) if j < last and doc.adjacent(j) else None
        k = j + len(head.folded) if head is not None else last
        # "BẢN LÀNG", "THÔN XÓM": settlements in general, no name
        return k < last and doc.adjacent(k) and site_heads.match_at(doc, k, last) is None
    for k in range(j, min(j + _SITE_NAME_REACH, last)):
        if not doc.adjacent(k):
            return False
        if doc.is_cap(k):
            return not doc.is_acronym(k)
    return False


_ITEM_ENDS = frozenset({",", ";", ".", "(", ")", ":"})


def _listed_tourism(doc: Document, sets: _Sentences, v: _Vocab) -> bool:
    """ "… thủ công mỹ nghệ, sinh vật cảnh và du lịch": the bare name of the tourism category as an
    item of a list of categories that describes the article's products (not the boilerplate).
    The item ends at punctuation, a count or the end of its sentence ("du lịch của tỉnh" is no
    item)."""
    for i, j, _p in v.listed_categories.find_in_blocks(doc, CONTENT_ZONES):
        s = doc.sent_of[i]
        if s not in sets.listing or s in sets.boilerplate:
            continue
        last = doc.blocks[doc.block_of[i]].last
        # "nhóm du lịch có 3 sản phẩm": a count after "có"/"với" ends the item too
        counted = j + 1 < last and doc.fold[j] in ("co", "voi") and doc.orig[j + 1][0].isdigit()
        goes_on = (  # "du lịch của tỉnh": the item goes on
            j < last
            and doc.sent_of[j] == s
            and not set(doc.gap(j).strip()) & _ITEM_ENDS
            and not doc.orig[j][0].isdigit()
            and not counted
        )
        if goes_on:
            continue
        return True
    return False


def _crop_list_starts(doc: Document, v: _Vocab) -> set[int]:
    """First syllables of lists of crops or raw materials: "các cây trồng chính như | quế, chè",
    "các nguyên liệu sẵn có của vùng, như | quế, hồi": a crop head, a few syllables of the same
    clause, then "như" or ":"."""
    starts: set[int] = set()
    for _i, j, _p in v.crop_list_heads.find_in_blocks(doc, CONTENT_ZONES):
        last = doc.blocks[doc.block_of[j - 1]].last
        for k in range(j, min(j + v.crop_list_reach + 1, last)):
            gap = doc.gap(k).strip()
            if gap == ":":
                starts.add(k)
                break
            opener = v.crop_list_openers.match_at(doc, k, last)
            if gap not in ("", ","):
                break  # the clause ended before a list opened
            if opener is not None and opener.value:
                if k + len(opener.folded) < last:  # "… như" ending the paragraph opens no list
                    starts.add(k + len(opener.folded))
                break
            if gap:
                break  # "…, như": a comma only before the opener
    return starts


# Syllables between "là" and the crop word: "là một trong những cây trồng chủ lực".
_CALLED_REACH = 5


def _called_a_crop(doc: Document, j: int, v: _Vocab) -> bool:
    """ "Dược liệu là một trong những cây trồng chủ lực": the word ending before syllable j is
    said to be a crop or a raw material, in the same clause."""
    last = doc.blocks[doc.block_of[j - 1]].last
    if j >= last or doc.fold[j] != "la" or not doc.adjacent(j):
        return False
    for k in range(j + 1, min(j + 1 + _CALLED_REACH, last)):
        if not doc.adjacent(k):
            return False
        if v.crop_list_heads.match_at(doc, k, last) is not None:
            return True
    return False


def _list_spans(doc: Document, starts: set[int]) -> set[int]:
    """Syllables of the lists opened at `starts`, whatever their items: a list of crops goes on
    through items that are no product word ("gồm: tràm, nghệ, chè vằng") while its items stay
    short and are joined by commas, within one sentence."""
    span: set[int] = set()
    for start in starts:
        last = doc.blocks[doc.block_of[start]].last
        item = 0
        for k in range(start, last):
            if k > start and doc.sent_of[k] != doc.sent_of[start]:
                break
            gap = doc.gap(k).strip() if k > start else ""
            if gap == ",":
                item = 0
            elif gap:
                break
            item += 1
            if item > _LIST_REACH:
                break
            span.add(k)
    return span


_LIST_JOINS = frozenset({"va", "hoac", "hay"})
# Syllables between one list item's product word and the next ("mật ong rừng Núi Cao, nấm hương").
_LIST_REACH = 5
# A crop head right before a list whose first item is no product word: "các cây lim, quế",
# "vùng nguyên liệu lâm sản, dược liệu" (at most this many syllables of that first item).
_FIRST_ITEM = 2


def _continues_list(doc: Document, end: int, i: int) -> bool:
    """Whether the product word at syllable i belongs to the list whose previous item ended at
    `end`: within a few syllables, in the same sentence, joined by one comma or "và" (the next
    item) or by none (another word of the same item: "mật ong hoa cà phê")."""
    if not 0 <= i - end <= _LIST_REACH or doc.sent_of[i] != doc.sent_of[end - 1]:
        return False
    joins = 0
    for k in range(end, i + 1):
        gap = doc.gap(k).strip()
        if gap in (",", ";"):
            joins += 1
        elif gap:
            return False
    joins += sum(1 for k in range(end, i) if doc.fold[k] in _LIST_JOINS)
    return joins <= 1  # 0: another word of the same item ("mật ong hoa cà phê")


def _value(phrase: Phrase | None) -> bool:
    return phrase is not None and bool(phrase.value)


_LIST_GAPS = (",", ";")
_CONJUNCTIONS = frozenset({"va", "hoac"})


def _supported(
    doc: Document,
    n: int,
    matches: list[tuple[int, int, Phrase]],
    v: _Vocab,
    place_name: Callable[[tuple[str, ...]], bool] | None,
) -> bool:
    """Whether an ordinary word that can name a product does so here: a classifier before it
    ("quả cam"), a processing word or a place name after it ("cam sấy", "cam Cao Phong"), or
    another product beside it in a list ("cam, quýt, bưởi")."""
    i, j, _phrase = matches[n]
    last = doc.blocks[doc.block_of[i]].last
    if doc.adjacent(i) and _value(v.support_before.preceded_by(doc, i)):
        return True
    if j < last and doc.adjacent(j):
        if v.support_after.match_at(doc, j, last) is not None:
            return True
        if place_name is not None and doc.is_cap(j) and doc.names_by_case(j):
            run = j + 1
            while run < min(j + 3, last) and doc.is_cap(run) and doc.adjacent(run):
                run += 1
            if any(place_name(_spelling(doc, j, k)) for k in range(j + 1, run + 1)):
                return True
    for m in (n - 1, n + 1):
        if not 0 <= m < len(matches):
            continue
        a, b, other = matches[m]
        if not other.value or other.folded in v.needs_support:
            continue
        left, right = (b, i) if m < n else (j, a)
        if left == right and doc.gap(right).strip() in _LIST_GAPS:
            return True
        if (
            right == left + 1
            and doc.fold[left] in _CONJUNCTIONS
            and doc.adjacent(left)
            and doc.adjacent(right)
        ):
            return True
    return False


def _category_after(doc: Document, j: int, v: _Vocab) -> bool:
    """ "The community-based tourism, eco-tourism and tourist attractions category features two
    products": an English category name the products counted belong to."""
    end = min(j + 6, doc.blocks[doc.block_of[j - 1]].last)
    return any(doc.low[k] in v.english_category_nouns for k in range(j, end))


def _herb_after(doc: Document, head_end: int, i: int) -> bool:
    """A herb a few syllables after a drink, in the same phrase: "trà phun sương Actiso"."""
    return (
        0 < i - head_end <= _HERB_REACH
        and doc.block_of[i] == doc.block_of[head_end - 1]
        and all(doc.adjacent(k) for k in range(head_end, i + 1))
    )
