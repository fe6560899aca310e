"""Which syllables of a query are one word, and what a word also goes by: the query's vocabulary.

Vietnamese writes a word as several syllables separated by spaces, and a query does not say where
one word ends. The parser asks `words` to cut a run of bare syllables into words by the longest
phrase known to the project: the OCOP product words (indexer/ocop/data/product_groups.toml), the
province names old and new and the district and city names (gazetteer.json, from
vietnamadminunits), and the words and synonyms of indexer/data/query_words.toml. A syllable
outside every known phrase is a word of its own.

Matching is on folded syllables, so `mat ong` and `mật ong` are both one word. docs/query-language.md
says why this, rather than a statistical segmenter, decides what OR and NOT bind to.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from indexer.ocop.vocab import gazetteer, groups_vocab
from indexer.text import fold, normalize, tokens

DATA_FILE = Path(__file__).parent / "data" / "query_words.toml"


def syllables_of(text: str) -> tuple[str, ...]:
    """Normalised, lower-cased syllables (diacritics kept), as query terms hold them."""
    return tuple(t.lower() for t in tokens(normalize(text)))


@dataclass(frozen=True)
class Province:
    name: str
    successor: str  # its 2025 province (itself when it kept its name)
    merged: tuple[str, ...]  # for a 2025 province: the 63-province names merged into it, itself excluded


@dataclass(frozen=True)
class Vocabulary:
    phrases: frozenset[tuple[str, ...]]  # folded, two syllables or more
    longest: int
    synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]  # folded member -> the other members
    members: frozenset[tuple[str, ...]]  # every synonym as written (lower-cased)
    provinces: dict[tuple[str, ...], Province]  # folded name -> province


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(DATA_FILE.read_text("utf-8"))
    texts: list[str] = list(data["words"])
    for table in groups_vocab()["groups"].values():
        for words in table.values():
            texts.extend(words if isinstance(words, list) else [])
    synonyms: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for group in data["synonyms"]:
        members = [syllables_of(member) for member in group]
        texts.extend(group)
        for member in members:
            others = tuple(m for m in members if _folded(m) != _folded(member))
            synonyms.setdefault(_folded(member), others)
    provinces = _provinces()
    texts.extend(gazetteer()["districts"]["accented_name"])  # district and city names: "Đà Lạt", "Lý Sơn"
    phrases = {_folded(syllables_of(text)) for text in texts}
    phrases |= set(provinces)
    phrases = {p for p in phrases if len(p) > 1}
    return Vocabulary(
        phrases=frozenset(phrases),
        longest=max(map(len, phrases)),
        synonyms=synonyms,
        members=frozenset(syllables_of(m) for group in data["synonyms"] for m in group),
        provinces=provinces,
    )


def _folded(syllables: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(s) for s in syllables)


def _provinces() -> dict[tuple[str, ...], Province]:
    """Each province name (63 and 2025) with its successor and what merged into it."""
    data = gazetteer()
    new_names = {p["key"]: p["name"] for p in data["provinces_2025"]}
    merged: dict[str, list[str]] = {}
    successor: dict[str, str] = {}
    for old in data["provinces"]:
        new = new_names.get(old["key_2025"], old["name"])
        successor[old["name"]] = new
        if old["name"] != new:
            merged.setdefault(new, []).append(old["name"])
    names = set(successor) | set(new_names.values())
    return {
        _folded(syllables_of(name)): Province(
            name, successor.get(name, name), tuple(sorted(merged.get(name, [])))
        )
        for name in names
    }


def words(run: tuple[str, ...]) -> list[tuple[int, int]]:
    """The words of a run of syllables as (start, end) spans: longest known phrase first."""
    vocab = vocabulary()
    folded = _folded(run)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        width = 1
        for size in range(min(vocab.longest, len(run) - i), 1, -1):
            if folded[i : i + size] in vocab.phrases:
                width = size
                break
        spans.append((i, i + width))
        i += width
    return spans
