"""The words of a result set: the phrases most characteristic of it against the whole archive, and
the products and cooperatives (HTX) it names.

Vietnamese writes a word as several syllables, so the units here are syllable n-grams (2 to 4)
inside one clause, whose edges are not stop words (`data/stopwords.txt`) or numbers. A sample of the
result set (its newest articles) is compared with the whole index by Dunning's log-likelihood G²
(Dunning 1993, "Accurate methods for the statistics of surprise and coincidence"): the background
counts come from the engine (`SearchIndex.phrase_counts`), so any engine answers. docs/analysis.md.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field

from indexer.engines.base import SearchIndex
from indexer.errors import InvalidQuery
from indexer.highlight import searchable_body
from indexer.ocop.vocab import groups_vocab
from indexer.query import SearchRequest
from indexer.schema import Article
from indexer.text import fold, normalize, tokens

STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords.txt"
DEFAULT_SAMPLE, MAX_SAMPLE = 100, 2_000
MIN_N, MAX_N = 2, 4  # syllables per phrase
MIN_DOCS = 2  # a phrase in fewer articles of the sample says nothing about the set
MIN_SHARE = 0.02  # ... nor one in fewer than 2 % of them
MAX_CANDIDATES = 120  # phrases whose background the engine counts
CONTAINED = 0.8  # a phrase inside a longer one with at least this share of its articles is dropped
COOP_SPAN = 8  # syllables of a cooperative's name after "HTX"
PRODUCT_NAME_SPAN = 4  # capitalised syllables naming a product after its product word
_COOP_HEADS = (("htx",), ("hop", "tac", "xa"))
_COOP_FIRSTS = frozenset(head[0] for head in _COOP_HEADS)
# A syllable (letters and digits, as indexer.text.TOKEN) or a clause break.
_PIECES = re.compile(r"[^\W_]+|[.,;:!?…()\[\]{}\"“”‘’«»/|•\n]+|\s[-–—]\s")


class Term(BaseModel):
    term: str  # the most frequent printed form
    docs: int  # articles of the sample holding it
    archive_docs: int  # articles of the whole index holding it
    g2: float  # log-likelihood against the rest of the archive


class Named(BaseModel):
    name: str
    docs: int  # articles of the sample naming it


class Sample(BaseModel):
    size: int  # articles read
    of: int  # articles in the result set
    order: str = "newest"
    sampled: bool  # the terms are estimated from part of the result set


class Terms(BaseModel):
    sample: Sample
    archive: int  # articles in the whole index
    terms: list[Term] = Field(default_factory=list)
    products: list[Named] = Field(default_factory=list)
    cooperatives: list[Named] = Field(default_factory=list)
    took_ms: dict[str, float] = Field(default_factory=dict)  # per step: read, phrases, background


@cache
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text("utf-8").splitlines()
    return frozenset(
        normalize(line.strip()).lower() for line in lines if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True)
class _Lexicon:
    """Product words of the OCOP vocabulary (data/product_groups.toml), minus the group names and
    generic words: accented phrase -> True, or False for a phrase that hides one ("an toàn thực
    phẩm"); folded -> the same, for text written without diacritics."""

    accented: dict[tuple[str, ...], bool]
    folded: dict[tuple[str, ...], bool]
    longest: int
    accented_firsts: frozenset[str]
    folded_firsts: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    vocab = groups_vocab()
    generic = {_key(w) for w in (*vocab["category_names"], *vocab["generic_in_plural"])}
    words = {
        _key(word): True
        for table in vocab["groups"].values()
        for name, listed in table.items()
        if name != "category" and isinstance(listed, list)
        for word in listed
    }
    words = {key: True for key in words if key not in generic and key}
    words.update({_key(word): False for word in vocab["ignore"]})
    folded = {tuple(fold(s) for s in key): value for key, value in words.items()}
    return _Lexicon(
        words,
        folded,
        max(len(key) for key in words),
        frozenset(key[0] for key in words),
        frozenset(key[0] for key in folded),
    )


def _key(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens(normalize(text)))


@dataclass
class Reading:
    """What one article contributes: each key once, with one printed form."""

    phrases: dict[tuple[str, ...], set[tuple[str, ...]]] = field(default_factory=dict)
    products: dict[tuple[str, ...], str] = field(default_factory=dict)
    cooperatives: dict[tuple[str, ...], str] = field(default_factory=dict)


def clauses(text: str) -> Iterator[tuple[list[str], list[str]]]:
    """(printed, folded) syllables of each clause (punctuation ends one). `fold` keeps every
    character in place, so the folded text splits into the same syllables and breaks."""
    text = normalize(text)
    printed: list[str] = []
    folded: list[str] = []
    for word, folded_word in zip(_PIECES.findall(text), _PIECES.findall(fold(text)), strict=True):
        if word[0].isalnum():
            printed.append(word)
            folded.append(folded_word)
        elif printed:
            yield printed, folded
            printed, folded = [], []
    if printed:
        yield printed, folded


def read(text: str) -> Reading:
    """Candidate phrases, product names and cooperatives of a text, in one pass over its clauses."""
    stop = stopwords()
    lexicon = _lexicon()
    reading = Reading()
    for printed, folded in clauses(text):
        lower = [s.lower() for s in printed]
        edge = [len(s) > 1 and not s.isdigit() and s not in stop for s in lower]
        digit = [s.isdigit() for s in printed]
        accented = lower != folded
        keys, firsts = (lower, lexicon.accented_firsts) if accented else (folded, lexicon.folded_firsts)
        size = len(printed)
        covered = 0  # syllables before this one belong to a product already read
        for i in range(size):
            if edge[i]:
                for j in range(i + MIN_N, min(size, i + MAX_N) + 1):
                    if digit[j - 1]:
                        break
                    if edge[j - 1]:
                        reading.phrases.setdefault(tuple(folded[i:j]), set()).add(tuple(printed[i:j]))
            if i >= covered and keys[i] in firsts:
                covered = _product_at(printed, keys, i, lexicon, accented, reading)
            if folded[i] in _COOP_FIRSTS:
                _cooperative_at(printed, folded, i, stop, reading)
    return reading


def _capitalised(syllable: str) -> bool:
    return syllable[:1].isupper()


def _product_at(
    printed: list[str], keys: list[str], i: int, lexicon: _Lexicon, accented: bool, reading: Reading
) -> int:
    """Reads a product word at syllable i (the longest), with the capitalised name after it;
    returns where the next one may start."""
    table = lexicon.accented if accented else lexicon.folded
    for j in range(min(len(keys), i + lexicon.longest), i, -1):
        found = table.get(tuple(keys[i:j]))
        if found is None:
            continue
        if found and not (i > 0 and accented and _capitalised(printed[i])):  # not inside a proper name
            end = j
            while end < min(len(printed), j + PRODUCT_NAME_SPAN) and _capitalised(printed[end]):
                end += 1
            name = [s.lower() for s in printed[i:j]] + printed[j:end]
            reading.products.setdefault(tuple(fold(s) for s in name), " ".join(name))
        return j
    return i


def _cooperative_at(
    printed: list[str], folded: list[str], i: int, stop: frozenset[str], reading: Reading
) -> None:
    """ "HTX Hoa Đá", "Hợp tác xã chè Tân Lập": the head, then its name to the last capitalised
    syllable before a stop word or a lowercase word after the name began (COOP_SPAN at most)."""
    head = next((h for h in _COOP_HEADS if tuple(folded[i : i + len(h)]) == h), None)
    if head is None:
        return
    start = i + len(head)
    end = start
    for k in range(start, min(len(printed), start + COOP_SPAN)):
        if printed[k].lower() in stop:
            break
        if _capitalised(printed[k]):
            end = k + 1
        elif end > start and not (k + 1 < len(printed) and _capitalised(printed[k + 1])):
            break  # the name has begun and a lowercase word ends it ("Cà phê Ea Tu" bridges one)
    if end > start:
        name = ("HTX", *printed[start:end])
        reading.cooperatives.setdefault(tuple(fold(s) for s in name), " ".join(name))


def g2(a: float, n1: float, b: float, n2: float) -> float:
    """Dunning's log-likelihood for a term in `a` of `n1` documents against `b` of `n2`."""
    total = n1 + n2
    cells = ((a, n1, a + b), (n1 - a, n1, total - a - b), (b, n2, a + b), (n2 - b, n2, total - a - b))
    return 2 * sum(o * math.log(o / (row * col / total)) for o, row, col in cells if o > 0 and row * col > 0)


def _display(forms: Counter[str]) -> str:
    """The most frequent printed form; a capital that only starts a sentence ("Mật ong") gives
    way to the form written inside sentences ("mật ong"), a name's ("Hoa Đá") stays."""
    merged: Counter[str] = Counter()
    for form, n in forms.items():
        lowered = form[:1].lower() + form[1:]
        merged[lowered if lowered in forms else form] += n
    return min(merged.items(), key=lambda item: (-item[1], item[0]))[0]


def _ranked(counts: dict[tuple[str, ...], Counter[str]], limit: int) -> list[Named]:
    named = [Named(name=_display(forms), docs=sum(forms.values())) for forms in counts.values()]
    return sorted(named, key=lambda n: (-n.docs, n.name))[:limit]


def _sample(index: SearchIndex, request: SearchRequest, size: int) -> tuple[list[Article], int]:
    total = index.search(request.model_copy(update={"size": 0, "with_facets": False})).total
    articles: list[Article] = []
    scan = index.scan(request.model_copy(update={"sort": "newest", "cursor": None}))
    try:
        for article in scan:
            articles.append(article)
            if len(articles) >= size:
                break
    finally:
        close = getattr(scan, "close", None)
        if close is not None:
            close()
    return articles, total


def characteristic_terms(
    index: SearchIndex, request: SearchRequest, sample: int = DEFAULT_SAMPLE, limit: int = 30
) -> Terms:
    """The phrases that set the request's result set apart from the whole archive, with the
    products and cooperatives it names."""
    if not 1 <= sample <= MAX_SAMPLE:
        raise InvalidQuery(f"sample must be between 1 and {MAX_SAMPLE}, not {sample}")
    took: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        took[step] = round((now - clock) * 1000, 1)
        clock = now

    articles, total = _sample(index, request, sample)
    archive = index.count()
    lap("read")
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)  # printed forms of each phrase
    docs: Counter[tuple[str, ...]] = Counter()  # articles holding each phrase
    products: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    coops: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for article in articles:
        reading = read(f"{article.title}\n{searchable_body(article)}")
        for key, printed in reading.phrases.items():
            docs[key] += 1
            forms[key].update(" ".join(form) for form in printed)
        for key, name in reading.products.items():
            products[key][name] += 1
        for key, name in reading.cooperatives.items():
            coops[key][name] += 1
    n = len(articles)
    floor = max(MIN_DOCS, math.ceil(MIN_SHARE * n))
    candidates = sorted(
        (key for key, seen in docs.items() if seen >= floor),
        key=lambda key: (-docs[key], key),
    )[:MAX_CANDIDATES]
    lap("reading")
    background = dict(zip(candidates, index.phrase_counts(candidates), strict=True)) if candidates else {}
    lap("background")
    terms = _score(forms, docs, background, n, total, archive)
    return Terms(
        sample=Sample(size=n, of=total, sampled=n < total),
        archive=archive,
        terms=terms[:limit],
        products=_ranked(products, limit),
        cooperatives=_ranked(coops, limit),
        took_ms=took,
    )


def _score(
    forms: dict[tuple[str, ...], Counter[str]],
    docs_of: Counter[tuple[str, ...]],
    background: dict[tuple[str, ...], int],
    n: int,
    total: int,
    archive: int,
) -> list[Term]:
    """G² of each candidate, the set (scaled from the sample to `total`) against the rest."""
    scale = total / n if n else 0.0
    scored: list[tuple[tuple[str, ...], Term]] = []
    rest = archive - total
    for key, everywhere in background.items():
        docs = docs_of[key]
        inside = min(docs * scale, float(total))
        outside = max(0.0, everywhere - inside)
        if rest <= 0 or inside / total <= outside / rest:
            continue  # not over-represented in the set (or the set is the whole archive)
        score = g2(inside, total, outside, rest)
        scored.append(
            (key, Term(term=_display(forms[key]), docs=docs, archive_docs=everywhere, g2=round(score, 2)))
        )
    scored.sort(key=lambda item: (-item[1].g2, item[1].term))
    return [term for key, term in scored if not _contained(key, term.docs, scored)]


def _contained(key: tuple[str, ...], docs: int, scored: Iterable[tuple[tuple[str, ...], Term]]) -> bool:
    """Whether a longer kept phrase holds this one in nearly all its articles."""
    return any(
        len(other) > len(key) and _inside(key, other) and term.docs >= CONTAINED * docs
        for other, term in scored
    )


def _inside(short: Sequence[str], long: Sequence[str]) -> bool:
    width = len(short)
    return any(tuple(long[i : i + width]) == tuple(short) for i in range(len(long) - width + 1))
