"""How much an article is ABOUT OCOP: a score in [0, 1] from where and how OCOP is discussed.

The score rewards placement (title, lead), spread (how many paragraphs), density (mentions per
100 words) and the way OCOP is talked about (assessment, producers, events, star ratings) in the
paragraphs that mention it. Mentions in link lines (related stories, tag lists) weigh nothing.
A single passing mention in a long article therefore stays low, while a short brief with OCOP in
its title and lead scores high. All weights live in data/relevance.toml.

Two more kinds of evidence, both from the text itself:
- stated facts (indexer.ocop.claims): a count of OCOP products, or a count of products at a star
  rating ("18 sản phẩm được xếp hạng 3 sao"); each sentence stating one adds `fact` (up to
  `fact_cap`; `rated_fact` when the count carries a star rating, which only OCOP gives products),
  even when the word OCOP is absent (an excerpt that never spells it out);
- look-alike programmes (Thailand's OTOP, Japan's OVOP: `foreign_terms`): when they are named as
  often as OCOP, the core terms are about them, and the score shrinks by the share of core terms;
- events named after OCOP: when every OCOP mention sits in a sentence about a fair, festival or
  trade week (`event_terms`) and no other sentence states a rating, a count or an assessment
  (`substance_terms`), the passage is event coverage (the labelling convention: fairs are not
  OCOP) and its score is capped at `event_only_cap`, below the threshold;
- the programme's business outside the sentences that name it (session 19): each `[topic]` kind
  (its producers, dossiers, packaging, assessment councils) found in another sentence adds
  `topic_weight` (up to `topic_cap`): a story about a training course or a commune's plan names
  the programme once and goes on in its jargon;
- passing mentions (session 17): when OCOP is named in one sentence only (`passing_max_sentences`),
  not in the title, and no sentence states a rating, a count, a rated product or an assessment
  (`substance_terms`), the passage mentions OCOP in passing ("các thầy cô được tặng quà là sản
  phẩm OCOP", "trạm dừng nghỉ có cửa hàng bán sản phẩm OCOP") however short it is, and its score
  is capped at `event_only_cap` too. Density alone lifts such a mention in a 40-word brief. A
  passage with English paragraphs is left alone: their ratings are read after relevance.

A core term counts as a lead mention only in the first `lead_sentences` sentences of the first
paragraph: when an excerpt starts mid-article, its first paragraph is not a lead.

score = raw / (raw + half_point); is_ocop when score >= IS_OCOP_THRESHOLD (0.5), that is, when raw
reaches half_point (2.0): a core term in the title alone almost gets there (2.4 → 0.55), a lead
mention needs support from the body, and body-only coverage needs several paragraphs or density.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document
from indexer.ocop.english import english_blocks
from indexer.ocop.modality import modality
from indexer.ocop.phrases import PhraseIndex
from indexer.ocop.vocab import relevance_vocab

IS_OCOP_THRESHOLD = 0.5


@dataclass(frozen=True)
class Relevance:
    score: float
    mentions_by_block: dict[int, int]  # block index → core-term mentions (content zones only)
    ocop_sentences: frozenset[int]  # sentence ids that mention a core term

    @property
    def is_ocop(self) -> bool:
        return self.score >= IS_OCOP_THRESHOLD


def _phrase_index(phrases_by_kind: dict[str, list[str]]) -> PhraseIndex:
    index = PhraseIndex(strict_accents=True)
    for kind, phrases in phrases_by_kind.items():
        index.add_all(phrases, kind)
    return index


@cache
def _indexes() -> tuple[PhraseIndex, PhraseIndex, PhraseIndex]:
    vocab = relevance_vocab()
    return (
        _phrase_index({"core": vocab["core_terms"]}),
        _phrase_index(vocab["context"]),
        _phrase_index({"foreign": vocab["foreign_terms"]}),
    )


def core_index() -> PhraseIndex:
    return _indexes()[0]


@cache
def _topic_index() -> PhraseIndex:
    return _phrase_index(relevance_vocab()["topic"])


def _topic_kinds(doc: Document, ocop_sentences: set[int]) -> int:
    """How many kinds of the programme's own business (`[topic]`: its producers, dossiers,
    packaging, assessment councils) the story talks about in sentences that do not name it: a
    story about the programme names it once and goes on in its jargon (session 19)."""
    return len(
        {
            phrase.value
            for i, _j, phrase in _topic_index().find_in_blocks(doc, CONTENT_ZONES)
            if doc.sent_of[i] not in ocop_sentences
        }
    )


@cache
def _event_indexes() -> tuple[PhraseIndex, PhraseIndex, PhraseIndex]:
    vocab = relevance_vocab()
    return (
        _phrase_index({"event": vocab["event_terms"]}),
        _phrase_index({"substance": vocab["substance_terms"]}),
        _phrase_index({"continuation": vocab["event_continuations"]}),
    )


@cache
def _named_event_index() -> PhraseIndex:
    return _phrase_index({"named": relevance_vocab()["named_events"]})


def _named_after_ocop(doc: Document, core_at: int) -> bool:
    """Whether the core term at syllable `core_at` ends an event's name: a `named_events` word at
    most `named_event_gap` syllables before it, with no punctuation between ("Tuần lễ OCOP",
    "Ngày hội sản phẩm OCOP", "hội chợ sản phẩm OCOP")."""
    gap = int(relevance_vocab()["weights"]["named_event_gap"])
    first = max(doc.blocks[doc.block_of[core_at]].first, core_at - gap - 3)
    for _i, j, _p in _named_event_index().find(doc, first, core_at):
        if core_at - j <= gap and all(doc.adjacent(k) for k in range(j, core_at + 1)):
            return True
    return False


def _event_sentences(doc: Document) -> set[int]:
    """Sentences about an event: those holding an `event_terms` word, and those opening with an
    `event_continuations` word right after one ("Trong đó, …" lists the event's participants)."""
    events, _substance, continuations = _event_indexes()
    found = {doc.sent_of[i] for i, _j, _p in events.find_in_blocks(doc, CONTENT_ZONES)}
    for i, _j, _p in continuations.find_in_blocks(doc, CONTENT_ZONES):
        s = doc.sent_of[i]
        if doc.sentence_bounds(i)[0] == i and s - 1 in found:
            found.add(s)
    return found


def _event_only(doc: Document, first_core: int, ocop_sentences: set[int], stated: frozenset[int]) -> bool:
    """Whether the passage is event coverage, which the labelling convention does not read as OCOP
    coverage: every OCOP mention sits in a sentence about an event (a fair, festival, trade week)
    and no other sentence states OCOP substance (a rating, a count, an assessment); or (round 13)
    no sentence but the event's states substance, the passage opens on an event named after OCOP
    ("Tuần lễ OCOP …") and at least half of its OCOP sentences are about the event — the others
    are what officials say about the programme at the fair, or what the fair is for."""
    if not ocop_sentences:
        return False
    _events, substance, _continuations = _event_indexes()
    event_sentences = _event_sentences(doc)
    substantial = stated | {doc.sent_of[i] for i, _j, _p in substance.find_in_blocks(doc, CONTENT_ZONES)}
    if not substantial <= event_sentences:
        return False
    return ocop_sentences <= event_sentences or (
        doc.sent_of[first_core] in event_sentences
        and _named_after_ocop(doc, first_core)
        and 2 * len(ocop_sentences & event_sentences) >= len(ocop_sentences)
    )


def _passing_only(
    doc: Document, per_block: dict[int, int], ocop_sentences: set[int], stated: frozenset[int]
) -> bool:
    """Whether OCOP is only mentioned in passing: in at most `passing_max_sentences` sentences, not
    in the title, and nothing in the passage states OCOP substance (a rating, a count, a rated
    product, an assessment or certification word, a number of stars)."""
    if stated or len(ocop_sentences) > int(relevance_vocab()["weights"]["passing_max_sentences"]):
        return False
    if any(doc.blocks[b].zone == "title" for b in per_block) or english_blocks(doc):
        return False  # English paragraphs state their ratings and counts to english.py, read later
    _events, substance, _continuations = _event_indexes()
    if next(iter(substance.find_in_blocks(doc, CONTENT_ZONES)), None) is not None:
        return False
    # A rating stated outside the OCOP sentence ("Các sản phẩm đạt 5 sao năm nay gồm …") is
    # substance too, even where the star reader does not tie it to OCOP.
    numbers = frozenset(relevance_vocab()["rating_numbers"])
    return not any(
        doc.fold[k] == "sao"
        and k > 0
        and doc.low[k - 1] in numbers
        and doc.blocks[doc.block_of[k]].zone in CONTENT_ZONES
        for k in range(1, len(doc))
    )


def assess(
    doc: Document,
    rated_sentences: frozenset[int] = frozenset(),
    fact_sentences: frozenset[int] = frozenset(),
    rated_facts: frozenset[int] = frozenset(),
    rated_products: frozenset[int] = frozenset(),
) -> Relevance:
    """Score a document.

    `rated_sentences`: sentences holding an OCOP star rating in OCOP context (indexer.ocop.stars);
    `fact_sentences`: sentences stating a count of OCOP products or of rated products;
    `rated_facts`: those whose count carries a star rating (weighted `rated_fact`);
    `rated_products`: sentences stating the star rating of a particular product, without a count
    ("Tinh dầu quế A đã đạt chuẩn OCOP 4 sao"), weighted `rated_product` (round 13): a feature on
    one certified product is OCOP's own kind of fact, like a count. A passage that names no core
    term in its text but states a rated count gets `unnamed_rated_fact` more (round 16).
    """
    w = relevance_vocab()["weights"]
    core, context, foreign = _indexes()
    per_block: dict[int, int] = {}
    lead_hits: set[int] = set()
    link_mentions = 0
    sentences: set[int] = set()
    first_core = -1
    # A lead of punctuation alone ("…") is a block without words: no sentence to count from.
    lead_first = next((blk.first for blk in doc.blocks if blk.zone == "lead" and blk.first < blk.last), None)
    lead_limit = doc.sent_of[lead_first] + int(w["lead_sentences"]) if lead_first is not None else -1
    for i, _j, _phrase in core.find_in_blocks(doc, CONTENT_ZONES | {"link"}):
        b = doc.block_of[i]
        if doc.blocks[b].zone == "link":
            link_mentions += 1
            continue
        per_block[b] = per_block.get(b, 0) + 1
        sentences.add(doc.sent_of[i])
        if first_core < 0 or i < first_core:
            first_core = i
        if doc.blocks[b].zone == "lead" and doc.sent_of[i] < lead_limit:
            lead_hits.add(b)

    raw = 0.0
    body = 0.0
    # A headline that only nominates ("Hành trình đề cử TOP 100 sản phẩm OCOP") over a body that
    # never names the programme says the article is about a candidate, not about OCOP (round 13).
    title_only = bool(per_block) and all(doc.blocks[b].zone == "title" for b in per_block)
    nominee = title_only and modality().nominated(doc, first_core)
    for b, count in per_block.items():
        zone = doc.blocks[b].zone
        if zone == "title":
            raw += w["nominated_title"] if nominee else w["title"]
        elif zone == "lead" and b in lead_hits:
            raw += w["lead"]
        else:
            body += w["block_first"] + w["block_more"] * min(count - 1, w["block_more_cap"])
    raw += min(body, w["body_cap"])
    words = sum(blk.words for blk in doc.blocks if blk.zone in ("lead", "body"))
    text_mentions = sum(c for b, c in per_block.items() if doc.blocks[b].zone != "title")
    if words:
        raw += w["density"] * min(100.0 * text_mentions / words, w["density_cap"])
    if per_block:
        kinds = {
            phrase.value
            for b in per_block
            for _i, _j, phrase in context.find(doc, doc.blocks[b].first, doc.blocks[b].last)
        }
        if any(
            doc.sent_of[doc.blocks[b].first] <= s < doc.sent_of[doc.blocks[b].last - 1] + 1
            for b in per_block
            for s in rated_sentences
        ):
            kinds.add("rating")
        # Context is credited per paragraph that mentions OCOP: one passing paragraph cannot
        # collect the whole context bonus.
        cap = min(w["context_cap"], w["context_per_block"] * len(per_block))
        raw += min(w["context_weight"] * len(kinds), cap)
        # One jargon word ("bao bì" in a feature on a cooperative) is no sign of a story about the
        # programme: the bonus starts at `topic_min_kinds` kinds.
        if (topic := _topic_kinds(doc, sentences)) >= w["topic_min_kinds"]:
            raw += min(w["topic_weight"] * topic, w["topic_cap"])
    raw += w["link"] * link_mentions
    facts = (
        w["fact"] * len(fact_sentences - rated_facts)
        + w["rated_fact"] * len(rated_facts)
        + w["rated_product"] * len(rated_products - fact_sentences)
    )
    raw += min(facts, w["fact_cap"])
    if rated_facts and not per_block:
        # An excerpt that never names the programme but counts products at a star rating, which
        # only OCOP gives products ("Trong 9 sản phẩm đạt hạng 4 sao, thành phố A có 5 sản phẩm"):
        # the rated counts carry the passage on their own (round 16).
        raw += w["unnamed_rated_fact"]
    core_count = sum(per_block.values())
    foreign_count = sum(1 for _ in foreign.find_in_blocks(doc, CONTENT_ZONES))
    if foreign_count and foreign_count >= core_count:
        raw *= core_count / (core_count + foreign_count)
    score = raw / (raw + w["half_point"]) if raw > 0 else 0.0
    stated = rated_sentences | fact_sentences
    if score > w["event_only_cap"] and (
        _event_only(doc, first_core, sentences, stated)
        or _passing_only(doc, per_block, sentences, stated | rated_products)
    ):
        score = w["event_only_cap"]
    return Relevance(round(score, 4), per_block, frozenset(sentences))
