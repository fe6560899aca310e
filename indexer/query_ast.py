"""The parsed query: a small tree every engine renders the same way (docs/query-language.md).

Leaves are `Term`s: one Vietnamese word or phrase, its syllables normalised and lower-cased.
Inner nodes say how they combine: `AllOf` (every part), `AnyOf` (OR; also the relaxation: any of
the words), `Expanded` (a word, or the words the data files say mean the same place or thing, the
word itself ranked first). Exclusions are `Not` clauses at the top.

Query text never reaches an engine as syntax: a term holds letters and digits only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from indexer.text import fold, has_diacritics

Scope = Literal["any", "title", "author", "source"]
RELAX_MIN_WORDS = 2  # a query of one word has nothing to relax


@dataclass(frozen=True)
class Term:
    """A word or phrase.

    - `phrase`: the syllables must stand in this order (quoted text, `TP.HCM`); otherwise the term
      is loose: every syllable somewhere in the same field, side by side ranking higher;
    - `exact`: diacritics must match too (alternatives taken from data, "chè" for "trà");
    - `prefix`: the (single) syllable is a prefix (`nông*`);
    - `scope`: title or body (`any`), only the title, the bylines, or the site and outlet name.
    """

    tokens: tuple[str, ...]
    phrase: bool = False
    exact: bool = False
    prefix: bool = False
    scope: Scope = "any"

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(t) for t in self.tokens)

    @property
    def has_diacritics(self) -> bool:
        return any(has_diacritics(t) for t in self.tokens)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """Alternatives joined by OR; matches when any of them does."""

    options: tuple[Node, ...]


@dataclass(frozen=True)
class Expanded:
    """`original`, or any of the `alternatives` (synonyms, merged provinces): they match alike,
    and an article holding the original ranks above one holding only an alternative."""

    original: Term
    alternatives: tuple[Node, ...]
    reason: Literal["synonym", "province"]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Term | AllOf | AnyOf | Expanded | Not


@dataclass(frozen=True)
class WordGroup:
    """Syllables the query puts together: the unit a match is found and shown as.

    A loose group (`mat ong`): any two or more of them standing side by side in the text in the
    query's order are one word ("mật ong"). An exact group (a quoted or punctuation-joined phrase,
    `"nông thôn mới"`, `TP.HCM`) only counts whole.
    """

    syllables: tuple[str, ...]  # folded
    exact: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Clauses that must all match (a `Not` clause: must not), plus what ranks without matching:
    `runs`, the bare words as typed side by side (adjacency), and `boosts`, exact phrases an
    article ranks higher for (the accented reading of a query typed without diacritics)."""

    clauses: tuple[Node, ...] = ()
    runs: tuple[tuple[str, ...], ...] = ()  # folded
    boosts: tuple[Term, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # expansions applied, for the response
    strict: tuple[Node, ...] = ()  # once relaxed: the words that all had to match (each one counted)
    weights: tuple[float, ...] = ()  # once relaxed: what holding each of `strict` is worth (rarer: more)
    also: tuple[tuple[Node, float], ...] = ()  # once relaxed: more that counts, and what it is worth
    ranking_only: tuple[Node, ...] = ()  # once relaxed: counted where held, never finding an article

    @property
    def must(self) -> tuple[Node, ...]:
        return tuple(c for c in self.clauses if not isinstance(c, Not))

    @property
    def must_not(self) -> tuple[Node, ...]:
        return tuple(c.part for c in self.clauses if isinstance(c, Not))

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def terms(self, typed: bool = False) -> list[Term]:
        """Every positive term, in query order (exclusions not; alternatives unless `typed`)."""
        out: list[Term] = []
        for clause in self.must:
            out.extend(positive_terms(clause, typed))
        return out

    def word_groups(self) -> list[WordGroup]:
        """The positive matches as units for highlighting: each run of bare words as typed (any
        two or more of its syllables side by side are one word), then each phrase, alternative or
        word that is not part of a run."""
        groups = [WordGroup(run) for run in self.runs]
        for term in self.terms():
            if term.scope in ("any", "title") and not any(_within(term.folded, run) for run in self.runs):
                groups.append(WordGroup(term.folded, exact=term.phrase))
        return list(dict.fromkeys(groups))

    def word_runs(self) -> list[tuple[str, ...]]:
        """Folded runs of two or more adjacent bare words: both engines rank articles higher where
        they also stand side by side ("nông thôn mới")."""
        return [run for run in dict.fromkeys(self.runs) if len(run) > 1]

    def relaxable(self) -> tuple[Node, ...]:
        """The words a relaxation counts (none when there is nothing to relax): every positive
        clause but the field-restricted ones (`site:`, `title:` …: a journalist narrowing, not
        searching), which stay required with the exclusions."""
        units = tuple(c for c in dict.fromkeys(self.must) if not _scoped(c))
        if self.strict or (len(units) < RELAX_MIN_WORDS and not self.syllables(units)):
            return ()
        return units

    def syllables(self, units: Sequence[Node]) -> list[tuple[Node, tuple[Term, ...]]]:
        """Each unit holding words of several syllables the query vocabulary joined (`nấm linh
        chi`, not a quoted phrase), with those syllables: a relaxation counts an article holding
        some of them but not the unit, far below the unit itself, as BM25 finds an article
        holding one syllable of a word. The syllables of a word typed with diacritics must be
        printed so ("nấm", never "Nam"; "ong" of "mật ong", never "ông"); none that is a word of
        the query itself, nor a number (the "5" of "5 sao")."""
        words = {u for u in units if isinstance(u, Term)}
        out: list[tuple[Node, tuple[Term, ...]]] = []
        for unit in units:
            found: list[Term] = []
            for term in positive_terms(unit, typed=True):
                if term.phrase and not term.exact and term.scope == "any" and self._bare(term):
                    exact = term.has_diacritics  # "ong" of "mật ong" is "ong", never "ông"
                    found.extend(Term((t,), exact=exact) for t in term.tokens if not t.isdigit())
            kept = tuple(t for t in dict.fromkeys(found) if Term(t.tokens) not in words)
            if kept:
                out.append((unit, kept))
        return out

    def _bare(self, term: Term) -> bool:
        """Whether the term was cut from bare words (the vocabulary's), not quoted or punctuated."""
        return any(_within(term.folded, run) for run in self.runs)

    def relaxed(
        self,
        weights: Sequence[float] | None = None,
        also: Sequence[tuple[Node, float]] = (),
        ranking_only: Collection[Node] = (),
    ) -> ParsedQuery | None:
        """Any of the words instead of all of them (None when there is nothing to relax). The
        engines rank an article by the summed `weights` of the words (`strict`) it holds (each 1
        unless given), and of what `also` counts (a word as the archive prints it, a syllable of
        a word), then as before: those holding every word first, then those holding the most
        weight. What is `ranking_only` (common words) counts where an article is found by the
        rest, but finds none. Exclusions and field-restricted clauses stay required."""
        units = self.relaxable()
        if not units:
            return None
        worth = tuple(weights) if weights is not None else (1.0,) * len(units)
        if len(worth) != len(units) or min((*worth, *(w for _, w in also))) <= 0:
            raise ValueError("a relaxation needs one positive weight per word")
        required = tuple(c for c in self.clauses if isinstance(c, Not) or _scoped(c))
        finding = tuple(n for n in (*units, *(node for node, _ in also)) if n not in ranking_only)
        if not finding:
            raise ValueError("a relaxation needs a word that finds articles")
        return replace(
            self,
            clauses=(AnyOf(finding), *required),
            strict=units,
            weights=worth,
            also=tuple(also),
            ranking_only=tuple(n for n in dict.fromkeys(ranking_only) if n not in finding),
        )

    def counted(self, finding: bool | None = None) -> list[tuple[Node, float]]:
        """What a relaxed query counts, with what each is worth (empty when not relaxed); with
        `finding`, only what finds articles (True) or only what just ranks them (False)."""
        every = [*zip(self.strict, self.weights, strict=True), *self.also]
        if finding is None:
            return every
        return [(node, weight) for node, weight in every if (node not in self.ranking_only) == finding]

    @property
    def any_word(self) -> AnyOf | None:
        """The clause a relaxed query's words are in (each one an article holds counts)."""
        return AnyOf(tuple(node for node, _ in self.counted(finding=True))) if self.strict else None

    def expansions(self) -> list[Expanded]:
        """The expanded words among the positive clauses (their originals rank first)."""
        found: list[Expanded] = []

        def visit(node: Node) -> None:
            if isinstance(node, Expanded):
                found.append(node)
            elif isinstance(node, AllOf):
                for part in node.parts:
                    visit(part)
            elif isinstance(node, AnyOf):
                for option in node.options:
                    visit(option)

        for clause in self.must:
            visit(clause)
        return list(dict.fromkeys(found))

    def exact_terms(self) -> list[Term]:
        """What ranks a whole tier higher where it is printed exactly: each phrase, and each
        syllable of a loose word, typed with diacritics; and the boosts."""
        out: list[Term] = []
        for term in self.terms(typed=True):
            if term.exact or term.prefix or term.scope != "any" or not term.has_diacritics:
                continue
            if term.phrase:
                out.append(Term(term.tokens, phrase=True, exact=True))
            else:
                out.extend(Term((t,), exact=True) for t in term.tokens if has_diacritics(t))
        out.extend(self.boosts)
        return list(dict.fromkeys(out))


def positive_terms(node: Node, typed: bool = False) -> list[Term]:
    """The terms a node matches on (with `typed`, only those the user typed: no alternatives)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    if isinstance(node, Expanded):
        alternatives = () if typed else node.alternatives
        return [node.original, *(t for a in alternatives for t in positive_terms(a))]
    children = node.parts if isinstance(node, AllOf) else node.options
    return [t for child in children for t in positive_terms(child, typed)]


def _scoped(node: Node) -> bool:
    return any(term.scope != "any" for term in positive_terms(node, typed=True))


def _within(part: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(run[i : i + len(part)] == part for i in range(len(run) - len(part) + 1))
