"""The query AST, the filters and the facet counts, rendered for tantivy (pure: no index needed).

Matching (every sort, every count) renders the query tree (`indexer.query_ast`): a term is its
folded syllables in the title or the body (or the field its scope names); a phrase of one syllable
is a word (`*_words`), longer ones their consecutive syllable pairs (`*_pairs`, see `fields`); a
prefix a regular expression over `*_words`; an exact term (synonyms) the `*_exact` fields.

Ranking (relevance only) adds optional clauses, as the Elasticsearch/OpenSearch engine does
(but for a query of more than `MAX_SCORED_WORDS` required words: the BM25 of its rarest ones
only, no exact tier; see `unscored`):

- BM25 of the matched words and phrases, a title match counting `TITLE_BOOST` times;
- the exact-diacritic tier: each phrase typed with diacritics that an article holds exactly adds
  `EXACT_TIER` plus its own BM25 × `EXACT_BOOST`, so `hòa` always ranks Hòa Bình above họa sĩ and
  hoa sen. It is found by term lookups, not positions (`exact_tier`): a phrase qualifies where its
  folded neighbours stand side by side (`*_pairs`) and each of its syllables is printed as typed
  (`*_exact`); its BM25 is that of those terms. Reading the positions of a phrase of syllables
  printed in nearly every article ("sản phẩm", "phẩm ocop") was most of what a ranking cost. So
  an article printing "hoa bình" and, elsewhere, "hòa" joins the tier of `hòa bình`, and the order
  inside a tier differs slightly from Elasticsearch's (which checks the exact phrase's positions).
  Each such phrase is searched once for both (`_tiered`);
- adjacency: a run of bare words ("nông thôn mới") adds BM25 × `ADJACENT_BOOST` of its syllable
  pairs where the article holds every pair ("nong_thon", "thon_moi"): exact for two words, and for
  longer runs every neighbour standing side by side somewhere, without a position check;
- an expanded word as typed adds `ORIGINAL_TIER` (above its synonyms and merged provinces);
- a query that is one long OR (`long_or`) has one tier instead of the two above: `EXACT_TIER`
  where an article holds any of its alternatives as typed (`Renderer._as_typed`);
- a relaxed query (any of its words) counts the words an article holds: each adds `WORD_TIER` to
  its own BM25, so those holding every word come first, then those holding most. Each word is
  searched once: its query must match, beside an optional constant (`all_query`, no postings)
  that adds the tier;
- a query of more than `MAX_SCORED_WORDS` required words (`unscored`) is scored by the BM25 of its
  rarest words only, the others matched at a constant 0, and has no exact tier.

Filters are hashed `keys` terms (`fields.key`). The same filters are also written as query
strings, which tantivy's filter aggregation takes: they hold only hex and numbers, so no value a
user can send is ever parsed as query syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import tantivy
from tantivy import Occur, Query

from indexer.engines.embedded.fields import (
    HISTOGRAM_COLUMNS,
    PAIR,
    PAIR_JOINER,
    key,
    many_key,
    published_ms,
)
from indexer.facets import COUNTED_FACETS, FACETS, resolve_filters
from indexer.query import SearchRequest
from indexer.query_ast import AllOf, AnyOf, Expanded, Node, Not, ParsedQuery, Scope, Term, positive_terms

TITLE_BOOST = 4.0
ASIDE_BOOST = 0.2  # a related-headline line (indexer.asides) counts a fifth of the body
EXACT_TIER = 1000.0
ORIGINAL_TIER = 1000.0  # an expanded word as typed, above its synonyms and merged provinces
WORD_TIER = 100_000.0  # a relaxed query: each of its words an article holds, above any other clause
EXACT_BOOST = 2.0
MAX_EXACT_TERMS = 6  # exact terms tiering one ranking (`exact_budget`); ordinary queries hold fewer
LONG_OR = 8  # distinct alternatives from which an OR is ranked by one tier, not one per word (`long_or`)
MAX_SCORED_WORDS = 8  # required words scoring one ranking (`unscored`); ordinary queries hold fewer
ADJACENT_BOOST = 2.0
MAX_BUCKETS = 10_000  # distinct values fetched per facet before the top `facet_size` are chosen
UNSCOPED = "/"  # joins a scope's name and its aggregation's when the scope needs no filter (`scoped`)
MANY_AGG = " many"  # the aggregation counting, on its plain column, a facet's articles holding `fields.MANY`
DATE_FILTER = "published"  # the name the date range goes by among the filters
ALL_FILTERS = "*"  # the scope of counts made under every filter (the total, unselected facets)
ANY_FIELDS = ("title", "body", "aside")  # the fields of the scope `any` (`Renderer._scoped`)
EXACT_FIELDS = ("title", "body")  # the fields printed as typed (`*_exact`): no related headlines
_BOOSTS = {"title": TITLE_BOOST, "aside": ASIDE_BOOST}  # the body counts as it is


@dataclass
class Filters:
    """A request's filters, by the facet they belong to (`DATE_FILTER` for the date range), both as
    queries (for hits) and as query strings (for filter aggregations)."""

    queries: dict[str, Query] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    selected: dict[str, list[str]] = field(default_factory=dict)  # facet -> its own selected values

    def all_except(self, skip: str) -> str:
        chosen = [f"({text})" for name, text in self.strings.items() if name != skip]
        return " AND ".join(chosen) or "*"


class Renderer:
    def __init__(self, schema: tantivy.Schema):
        self.schema = schema

    # --- text ------------------------------------------------------------------------------------

    def _in_field(self, syllables: Sequence[str], words: str, pairs: str) -> Query:
        if len(syllables) == 1:
            return Query.term_query(self.schema, words, syllables[0])
        joined: list[str | tuple[int, str]] = [
            a + PAIR_JOINER + b for a, b in zip(syllables, syllables[1:], strict=False)
        ]
        if len(joined) == 1:
            return Query.term_query(self.schema, pairs, joined[0])
        return Query.phrase_query(self.schema, pairs, joined)

    def _exact_in(self, syllables: Sequence[str], field_name: str) -> Query:
        if len(syllables) == 1:
            return Query.term_query(self.schema, field_name, syllables[0])
        return Query.phrase_query(self.schema, field_name, list(syllables))

    def _scoped(self, scope: Scope, within: Callable[[str], Query], asides: bool = True) -> list[Query]:
        """`within(field)` over the fields of a scope, as alternatives (`_options`): for `any` the
        title (boosted), the body and (weighing less) its related-headline lines."""
        if scope == "any":
            fields = ANY_FIELDS if asides else EXACT_FIELDS
            return [Query.boost_query(within(f), _BOOSTS[f]) if f in _BOOSTS else within(f) for f in fields]
        return [within(scope)]

    def _syllables(self, syllables: Sequence[str], scope: Scope, prefix: bool = False) -> list[Query]:
        def within(field_name: str) -> Query:
            if prefix:  # one syllable: `nông*`
                return Query.regex_query(self.schema, f"{field_name}_words", f"{syllables[0]}.*")
            return self._in_field(syllables, f"{field_name}_words", f"{field_name}_pairs")

        return self._scoped(scope, within)

    def phrase(self, syllables: Sequence[str]) -> Query:
        """The folded phrase in the title (boosted) or the body."""
        return _any(self._syllables(syllables, "any"))

    def _exact_phrase(self, syllables: Sequence[str]) -> list[Query]:
        """The phrase as typed (diacritics and all) in the title (boosted) or the body."""
        return self._scoped("any", lambda field: self._exact_in(syllables, f"{field}_exact"), asides=False)

    def exact_tier(self, term: Term) -> Query:
        """Where an exact term of a ranking is printed (`ParsedQuery.exact_terms`), by term lookups
        only: a word as printed (`*_exact`); a phrase where its folded neighbours stand side by
        side (`*_pairs`) and each of its syllables is printed as typed (`*_exact`). Reading the
        positions of the phrase in `*_exact` instead was most of what a ranking cost for syllables
        printed in nearly every article ("sản phẩm", "phẩm ocop"). Matching exact terms (synonyms)
        still checks positions (`term`)."""
        if not (term.phrase and len(term.tokens) > 1):
            return self.term(term)
        folded = dict.fromkeys(
            a + PAIR_JOINER + b for a, b in zip(term.folded, term.folded[1:], strict=False)
        )
        printed = dict.fromkeys(term.tokens)

        def every(field_name: str) -> Query:
            pairs = [Query.term_query(self.schema, f"{field_name}_pairs", pair) for pair in folded]
            return _all([*pairs, *(Query.term_query(self.schema, f"{field_name}_exact", t) for t in printed)])

        return _any(self._scoped("any", every, asides=False))

    def term(self, term: Term) -> Query:
        return _any(self._term_options(term))

    def _term_options(self, term: Term) -> list[Query]:
        """A term as alternatives (`_options`): a word or phrase in each field of its scope; a
        loose term of several words, the one query requiring each."""
        if term.exact:
            printed = list(dict.fromkeys(term.tokens))
            if term.phrase or len(printed) == 1:
                return self._exact_phrase(term.tokens if term.phrase else printed)
            return [_all([_any(self._exact_phrase((t,))) for t in printed])]
        if term.phrase:
            return self._syllables(term.folded, term.scope)
        folded = list(dict.fromkeys(term.folded))
        if len(folded) == 1:
            return self._syllables(folded, term.scope, term.prefix)
        last = len(folded) - 1
        return [
            _all(
                [
                    _any(self._syllables((s,), term.scope, term.prefix and i == last))
                    for i, s in enumerate(folded)
                ]
            )
        ]

    def _options(self, node: Node) -> list[Query]:
        """A node that matches where any of some queries does, scored by their sum, as those
        queries: each field of a term's scope, each option of an OR, an expanded word and its
        alternatives, flattened into one list. One boolean query over them matches and scores as
        the nested ones (the same sum, added in another order: float32 rounding may differ in the
        last bit), and costs far less: tantivy merges a union of unions level by level (an OR of
        60 words at 100,000 articles: 12.0 → 4.9 ms to rank, 11.7 → 4.9 ms to count; round 9)."""
        if isinstance(node, Term):
            return self._term_options(node)
        if isinstance(node, Expanded):
            return [
                *self._term_options(node.original),
                *(q for a in node.alternatives for q in self._options(a)),
            ]
        if isinstance(node, AnyOf):
            return [q for option in dict.fromkeys(node.options) for q in self._options(option)]
        return [self.node(node)]

    def node(self, node: Node) -> Query:
        if isinstance(node, Term | Expanded | AnyOf):
            return _any(self._options(node))
        if isinstance(node, AllOf):
            return self._every(list(node.parts))
        return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, self.node(node.part))])

    def _every(self, parts: list[Node]) -> Query:
        clauses = [
            (Occur.MustNot, self.node(p.part)) if isinstance(p, Not) else (Occur.Must, self.node(p))
            for p in dict.fromkeys(parts)
        ]
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.append((Occur.Must, Query.all_query()))
        return (
            clauses[0][1]
            if len(clauses) == 1 and clauses[0][0] == Occur.Must
            else Query.boolean_query(clauses)
        )

    def matching(self, parsed: ParsedQuery) -> Query:
        """Which articles the text selects (no ranking clauses): for counts and date sorts."""
        return Query.boolean_query(self._matching_clauses(parsed))

    def _matching_clauses(
        self, parsed: ParsedQuery, counted: bool = False, unscored: Collection[Node] = ()
    ) -> list[tuple[Occur, Query]]:
        # relaxed: any word, each one held adding WORD_TIER; a repeated word adds nothing but work
        clauses = [
            (Occur.Must, _any([self._counted(p, weight) for p, weight in parsed.counted(finding=True)]))
            if counted and c == parsed.any_word
            else (Occur.Must, Query.const_score_query(self.node(c), 0.0))
            if c in unscored
            else (Occur.Must, self.node(c))
            for c in dict.fromkeys(parsed.must)
        ]
        if not clauses:
            clauses.append((Occur.Must, Query.all_query()))
        clauses += [(Occur.MustNot, self.node(p)) for p in dict.fromkeys(parsed.must_not)]
        return clauses

    def unmatched(self, parsed: ParsedQuery, held_by: Callable[[str, str], int]) -> Query:
        """The articles `matching(parsed)` leaves out (the rest of a match holding most of the
        archive, `counts`): for an OR of words (or one word, an expanded one), every article less
        each of its lookups (`_excluding`), the commonest first (`held_by`: how many articles
        hold a term). Excluding the union of every lookup read and merged every posting of every
        word (an OR of 60 words at 100,000 articles: 3.9 → 1.8 ms; round 11). The same articles."""
        must = list(dict.fromkeys(parsed.must))
        if parsed.must_not or len(must) != 1 or not isinstance(must[0], Term | Expanded | AnyOf):
            return _without(Query.all_query(), self.matching(parsed))
        excluded = self._excluding(must[0], held_by)
        return Query.boolean_query([(Occur.Must, Query.all_query()), *((Occur.MustNot, q) for q in excluded)])

    def _excluding(self, node: Node, held_by: Callable[[str, str], int] | None = None) -> list[Query]:
        """Queries whose union matches what `node` matches, to exclude one by one: each word's
        lookup in each field on its own (`_word_terms`), the commonest first (by `held_by`;
        without it, the body's before the title's and the related headlines'), then the rest of
        its alternatives as one union. tantivy tries an article's exclusions in turn, so most are
        dropped by the first, and the rarer lookups only skip ahead to the few articles left
        (measured: the same exclusions in the query's order cost as much as their union)."""
        lookups: list[tuple[str, str]] = []
        others: list[Query] = []
        for leaf in _leaves(node):
            found = _word_terms(leaf) if isinstance(leaf, Term) else None
            lookups.extend(found or ())
            if found is None:
                others.extend(self._options(leaf))
        distinct = list(dict.fromkeys(lookups))
        if held_by is not None:
            distinct.sort(key=lambda lookup: -held_by(*lookup))
        else:
            distinct.sort(key=lambda lookup: not lookup[0].startswith("body"))
        excluded = [Query.term_query(self.schema, name, token) for name, token in distinct]
        return [*excluded, _any(others)] if others else excluded

    def ranking(
        self,
        parsed: ParsedQuery,
        held_by: Callable[[Term], int] | None = None,
        share: Callable[[str, str], float] | None = None,
        read: Callable[[Node], int] | None = None,
    ) -> Query:
        """Matching plus the optional ranking clauses (relevance sort): see the module. With
        `held_by` (how many articles hold an exact term), a query of more than `MAX_EXACT_TERMS`
        exact terms is tiered by the rarest of them only (`exact_budget`). A long OR (`long_or`)
        has one tier instead of its words' (`_as_typed`; `share`: the part of the archive holding
        a term of a field). With `read` (about how many postings a required word holds), a query
        of more than `MAX_SCORED_WORDS` required words is scored by the BM25 of the rarest of them
        only (`unscored`), with no exact tier."""
        unscored_words = unscored(parsed.must, read)
        clauses = self._matching_clauses(parsed, counted=True, unscored=unscored_words)
        # common words of a relaxed query: counted where the others found an article
        clauses += [(Occur.Should, self._counted(p, weight)) for p, weight in parsed.counted(finding=False)]
        one_or = long_or(parsed)
        if one_or and parsed.exact_terms():  # with none, every alternative qualifies: no tier
            clauses.append((Occur.Should, self._as_typed(parsed, one_or, share)))
        # below the others: what only an alternative matched (a long OR: `_as_typed`)
        for expanded in () if one_or else parsed.expansions():
            if unscored_words and expanded in parsed.must:
                # required: every article ranked holds the original or an alternative, so the
                # articles above are those holding the original, one union of lookups where the
                # form below read the alternatives and excluded the original (at 1,000,000
                # articles, two expanded words of 40: about 18 → 8 ms; round 12)
                tier = Query.const_score_query(self.term(expanded.original), ORIGINAL_TIER)
                clauses.append((Occur.Should, tier))
                continue
            # every article but those holding an alternative and not the original: the original is
            # looked for only where an alternative is (the rest qualifies anyway), so a common
            # phrase is not searched again here. (Written, before round 9, as the original and an
            # alternative, or no alternative: the same articles, and 15% more of the ranking of an
            # OR chain holding two synonyms, for a union over the whole archive.)
            # (the original excluded lookup by lookup, `_excluding`: 5% of this ranking, round 11)
            alternatives = _any([q for a in expanded.alternatives for q in self._options(a)])
            excluded = self._excluding(expanded.original)
            only = Query.boolean_query([(Occur.Must, alternatives), *((Occur.MustNot, q) for q in excluded)])
            not_only = Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, only)])
            clauses.append((Occur.Should, Query.const_score_query(not_only, ORIGINAL_TIER)))
        exact = [] if one_or or unscored_words else exact_budget(parsed.exact_terms(), held_by)
        clauses += [(Occur.Should, _tiered(self.exact_tier(term))) for term in exact]
        for run in parsed.word_runs():
            clauses.append((Occur.Should, Query.boost_query(self._adjacent(run), ADJACENT_BOOST)))
        return Query.boolean_query(clauses)

    def _as_typed(
        self, parsed: ParsedQuery, alternatives: AnyOf, share: Callable[[str, str], float] | None
    ) -> Query:
        """A long OR's one tier (`long_or`): `EXACT_TIER` where an article holds any alternative as
        typed, a word typed with diacritics printed so (or as read, for words typed without:
        `ParsedQuery.exact_terms`), any other alternative (no diacritics, a prefix, a scope)
        wherever it matches. An expanded word's alternatives (synonyms, merged provinces) never
        qualify, so an article holding only those ranks below, as `ORIGINAL_TIER` ranks it.
        At a constant score (no BM25 read), as whichever of two queries reads less (`_by_union`,
        from the term dictionary's counts): one union of the lookups, or every article less each
        lookup on its own, the commonest first (as `unmatched`)."""
        lookups: list[tuple[str, str]] = []
        others: list[Query] = []
        for term in parsed.exact_terms():
            found = _word_terms(term)
            lookups.extend(found or ())
            if found is None:
                others.append(self.exact_tier(term))
        for option in dict.fromkeys(alternatives.options):
            typed = option.original if isinstance(option, Expanded) else option
            if any(_asks_exact(term, parsed.boosts) for term in positive_terms(typed, typed=True)):
                continue  # qualifies by its exact terms
            found = _word_terms(typed) if isinstance(typed, Term) else None
            lookups.extend(found or ())
            if found is None:
                others.append(self.node(typed))
        shares = {lookup: share(*lookup) if share is not None else 0.0 for lookup in lookups}
        commonest = sorted(shares, key=lambda lookup: -shares[lookup])
        held = [Query.term_query(self.schema, name, token) for name, token in commonest]
        if _by_union(list(shares.values())):
            return Query.const_score_query(_any([*held, *others]), EXACT_TIER)
        excluded = [*held, *others]
        none = Query.boolean_query([(Occur.Must, Query.all_query()), *((Occur.MustNot, q) for q in excluded)])
        return Query.const_score_query(_without(Query.all_query(), none), EXACT_TIER)

    def _counted(self, part: Node, weight: float) -> Query:
        """`part` with its BM25 plus `WORD_TIER` × its weight where it matches, searched once."""
        tier = Query.const_score_query(Query.all_query(), WORD_TIER * weight)
        return Query.boolean_query([(Occur.Must, self.node(part)), (Occur.Should, tier)])

    def _adjacent(self, run: Sequence[str]) -> Query:
        joined = list(dict.fromkeys(a + PAIR_JOINER + b for a, b in zip(run, run[1:], strict=False)))

        def every(field_name: str) -> Query:
            return _all([Query.term_query(self.schema, field_name, pair) for pair in joined])

        return _any([Query.boost_query(every("title_pairs"), TITLE_BOOST), every("body_pairs")])

    # --- filters --------------------------------------------------------------------------------

    def filters(self, request: SearchRequest) -> Filters:
        found = Filters()
        for name, terms in resolve_filters(request.filters).items():
            keys = sorted({key(term_field, value) for term_field, value in terms})
            found.queries[name] = Query.term_set_query(self.schema, "keys", keys)
            found.strings[name] = " OR ".join(f"keys:{k}" for k in keys)
            own = FACETS[name].field
            found.selected[name] = sorted({value for term_field, value in terms if term_field == own})
        start, end = request.published_bounds()
        if start or end:
            low = published_ms(start) if start else None
            high = published_ms(end) if end else None
            found.queries[DATE_FILTER] = Query.range_query(
                self.schema,
                "published",
                tantivy.FieldType.Integer,
                low,
                high,
                include_upper=high is None,
            )
            found.strings[DATE_FILTER] = " AND ".join(
                part
                for part in (
                    f"published:>={low}" if low is not None else "",
                    f"published:<{high}" if high is not None else "",
                )
                if part
            )
        return found

    def filtered(self, query: Query, filters: Filters, extra: Iterable[Query] = ()) -> Query:
        """`query` restricted by every filter (and `extra`), which do not change its scores."""
        parts = [*filters.queries.values(), *extra]
        if not parts:
            return query
        return Query.boolean_query(
            [(Occur.Must, query), *((Occur.Must, Query.const_score_query(p, 0.0)) for p in parts)]
        )

    def unsigned_at_most(self, field_name: str, value: int) -> Query:
        return Query.range_query(self.schema, field_name, tantivy.FieldType.Unsigned, None, value)

    def unsigned_at_least(self, field_name: str, value: int) -> Query:
        return Query.range_query(self.schema, field_name, tantivy.FieldType.Unsigned, value, None)

    def having(self, field_name: str, values: Iterable[str]) -> Query:
        """Articles holding any of these keyword values in `field_name`."""
        return Query.term_set_query(self.schema, "keys", [key(field_name, v) for v in values])

    def story_members(self, story_ids: Iterable[str]) -> Query:
        return self.having("story_id", story_ids)


# --- facet counts ------------------------------------------------------------------------------------


def aggregations(
    request: SearchRequest, filters: Filters, many: Callable[[str], bool] = lambda field: True
) -> dict[str, object]:
    """One aggregation request for the total, every facet and the histogram, over the text match.

    Multi-select facets as in Elasticsearch: each facet counts under every filter but its own, the
    histogram under every filter but the date range, the total under all of them. Facets that
    share a scope share one filter bucket. Selected values are also counted one by one, so a value
    outside the top buckets still shows its count. A facet is counted on its `_pair` keys, and
    its articles holding more values on its plain column (`fields.PAIR`) where `many(field)`
    says the index holds any."""
    scopes: dict[str, dict[str, object]] = {ALL_FILTERS: {}}
    for name, facet in COUNTED_FACETS.items():
        scope = name if name in filters.strings else ALL_FILTERS
        inner = scopes.setdefault(scope, {})
        inner[f"facet {name}{PAIR}"] = {"terms": {"field": facet.field + PAIR, "size": MAX_BUCKETS}}
        if many(facet.field):
            inner[f"facet {name}{MANY_AGG}"] = {
                "filter": f"keys:{many_key(facet.field)}",
                "aggs": {"values": {"terms": {"field": facet.field, "size": MAX_BUCKETS}}},
            }
        for value in filters.selected.get(name, []):
            inner[f"chosen {name} {value}"] = {"filter": f"keys:{key(facet.field, value)}"}
    scope = DATE_FILTER if DATE_FILTER in filters.strings else ALL_FILTERS
    scopes.setdefault(scope, {})["histogram"] = {
        "terms": {"field": HISTOGRAM_COLUMNS[request.interval], "size": MAX_BUCKETS}
    }
    spec: dict[str, object] = {}
    for name, inner in scopes.items():
        within = filters.all_except(name)
        if within == "*":  # nothing to filter: counted on the match itself (see `scoped`)
            spec.update({f"{scope_name(name)}{UNSCOPED}{agg}": a for agg, a in inner.items()})
        else:
            spec[scope_name(name)] = {"filter": within, "aggs": inner}
    return spec


def scoped(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """An `aggregations` result by scope. A scope under no filter (every scope of a request without
    filters; a request's one filter's own scope) is counted on the text match itself, not inside a
    filter aggregation matching every article, which cost about 0.8 ms per 100,000 articles
    matched (round 10); its `doc_count` is then the sum of a facet's keys' counts, each article
    holding exactly one key per facet (`fields.PAIR`)."""
    scopes: dict[str, dict[str, Any]] = {}
    for name, result in found.items():
        if UNSCOPED in name:
            scope, agg = name.split(UNSCOPED, 1)  # a scope's name holds no UNSCOPED
            scopes.setdefault(scope, {})[agg] = result
        else:
            scopes[name] = result
    for result in scopes.values():
        keys = result.get(f"facet {next(iter(COUNTED_FACETS))}{PAIR}")
        if "doc_count" not in result and keys is not None:
            counted = sum(int(b["doc_count"]) for b in keys["buckets"])
            result["doc_count"] = counted + int(keys.get("sum_other_doc_count") or 0)
    return scopes


def scope_name(skipped: str) -> str:
    """The aggregation holding the counts made under every filter but `skipped` (`ALL_FILTERS`: none)."""
    return f"scope {skipped}"


def facet_scope(name: str, filters: Filters) -> str:
    """The scope a facet is counted in: without its own filter when it has one."""
    return scope_name(name if name in filters.strings else ALL_FILTERS)


def long_or(parsed: ParsedQuery) -> AnyOf | None:
    """The OR a query is, when it is one OR of at least `LONG_OR` distinct alternatives
    (exclusions aside; a relaxed query's words are not one): ranked by one tier for the whole OR
    (`Renderer._as_typed`) instead of one per word typed with diacritics (`exact_budget`) and per
    expanded word (`ORIGINAL_TIER`).

    Why: the tiers per word rank an article by how many of the tiered words it prints. In an OR
    of many alternatives the budget tiers only the six rarest (which six is the archive's doing,
    not the user's), most articles hold some alternative, and an expanded word's tier goes to
    every article but those holding only its synonym, so in `chè OR trà OR sen …` an article about
    sen got both synonyms' tiers and one about trà only one. The one tier keeps what the tiers are
    for (an alternative printed as typed above a look-alike: "chè" above "chế", "che"), and BM25
    orders the rest. At 1,000,000 articles the tiers per word were half of the CPU of the bench's
    60-alternative OR and the one tier costs a third of theirs (docs/benchmarks.md, "Searching,
    round 12"). Eight: more alternatives than the six exact terms one ranking tiers
    (`MAX_EXACT_TERMS`); no judged query and no normal bench request holds more than two, no
    contract request compared hit for hit more than five."""
    must = list(dict.fromkeys(parsed.must))
    if parsed.strict or len(must) != 1 or not isinstance(must[0], AnyOf):
        return None
    return must[0] if len(dict.fromkeys(must[0].options)) >= LONG_OR else None


def _by_union(shares: list[float]) -> bool:
    """Whether a long OR's tier (`Renderer._as_typed`) is cheaper as one union of its lookups,
    given the part of the archive each is held by: a union reads every posting (the shares'
    sum, per article of the archive); every article less each lookup tries an article's lookups
    in turn until one holds it (about one try per article when the commonest are printed in
    most articles). At 1,000,000 articles: the bench's OR chain (sum 9.2, 1.1 tries) 75 ms to
    rank by the union, 72 by the exclusions; 60 distinct words (47.7, 1.0) 226 and 171; 100
    one-letter words with marks, each printed in few articles (0.56, 104) 71 and 88."""
    tries, left = 0.0, 1.0
    for part in sorted(shares, reverse=True):
        tries += left
        left *= 1.0 - part
    return sum(shares) < tries


def _asks_exact(term: Term, boosts: Iterable[Term]) -> bool:
    """Whether a typed term's tier asks for it printed as typed (as `ParsedQuery.exact_terms`
    finds them): typed with diacritics, or typed without and read (a boost within its syllables)."""
    if term.exact or term.prefix or term.scope != "any":
        return False
    return term.has_diacritics or any(set(b.folded) <= set(term.folded) for b in boosts)


def exact_budget(terms: list[Term], held_by: Callable[[Term], int] | None) -> list[Term]:
    """At most `MAX_EXACT_TERMS` exact terms, the rarest (in query order): each costs a pass over
    the articles holding its syllables, and a query of many words typed without diacritics reads
    as many printed pairs as it has neighbours (40 words: 10 pairs were two thirds of its ranking).
    The rarer terms are the ones that tell articles apart; the common ones (printed in most
    articles) would add the tier nearly everywhere."""
    if held_by is None or len(terms) <= MAX_EXACT_TERMS:
        return terms
    rarest = set(sorted(terms, key=held_by)[:MAX_EXACT_TERMS])
    return [term for term in terms if term in rarest]


def unscored(must: Sequence[Node], read: Callable[[Node], int] | None) -> set[Node]:
    """The required words a ranking matches without scoring them (at a constant 0): all but the
    `MAX_SCORED_WORDS` rarest (fewest postings by `read`) of a query holding more. Each required
    word is a union over the title, the body and the related headlines, and tantivy scores every
    posting of every union it reads, window by window, though the match is small (40 common
    words: 3,946 articles of 1,000,000, whose ranking was two thirds of the request; round 12).
    Unscored, a union is only read. The words left out are the commonest, whose BM25 (an IDF
    near 0 for a syllable printed in most articles) adds least to telling articles apart; the
    match is the same, only scores and order change. Such a ranking has no exact tiers either
    (`Renderer.ranking`): they cost a third of what was left (at 1,000,000 articles), and with
    so many words they are mostly readings guessed for neighbours across words ("hóa nông",
    "sao hợp" in 40 words typed without diacritics), each lifting an article by `EXACT_TIER`
    over any BM25, or words the article holds anyway, folded."""
    distinct = list(dict.fromkeys(must))
    if read is None or len(distinct) <= MAX_SCORED_WORDS:
        return set()
    return set(sorted(distinct, key=read)[MAX_SCORED_WORDS:])


def _tiered(exact: Query) -> Query:
    """`EXACT_TIER` plus the phrase's BM25 × `EXACT_BOOST` where it is printed exactly, the phrase
    searched once. (tantivy adds up an article's optional clauses one by one in float32, so a tier
    summed inside its clause can differ in the last bit from the tier and the BM25 as two clauses,
    which reorders exact near-ties; round 4 accepted that for the exact tier's cost.)"""
    tier = Query.const_score_query(Query.all_query(), EXACT_TIER)
    return Query.boolean_query([(Occur.Must, Query.boost_query(exact, EXACT_BOOST)), (Occur.Should, tier)])


def _leaves(node: Node) -> list[Node]:
    """The alternatives a node matches on, as `Renderer._options` flattens them: each option of
    an OR (once), an expanded word and each of its alternatives; any other node whole."""
    if isinstance(node, Expanded):
        return [node.original, *(leaf for a in node.alternatives for leaf in _leaves(a))]
    if isinstance(node, AnyOf):
        return [leaf for option in dict.fromkeys(node.options) for leaf in _leaves(option)]
    return [node]


def _word_terms(term: Term) -> list[tuple[str, str]] | None:
    """The (field, token) lookups a term of one word is rendered as by `Renderer._term_options`
    (each field of its scope), None for any other term (a phrase, a prefix, several words)."""
    if term.prefix:
        return None
    if term.exact:
        printed = list(dict.fromkeys(term.tokens))
        if len(term.tokens if term.phrase else printed) != 1:
            return None
        return [(f"{name}_exact", printed[0]) for name in EXACT_FIELDS]
    folded = list(term.folded) if term.phrase else list(dict.fromkeys(term.folded))
    if len(folded) != 1:
        return None
    fields = ANY_FIELDS if term.scope == "any" else (term.scope,)
    return [(f"{name}_words", folded[0]) for name in fields]


def _without(query: Query, excluded: Query) -> Query:
    return Query.boolean_query([(Occur.Must, query), (Occur.MustNot, excluded)])


def _any(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Query.boolean_query([(Occur.Should, q) for q in queries])


def _all(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Query.boolean_query([(Occur.Must, q) for q in queries])


def recount(name: str, filters: Filters) -> dict[str, object]:
    """One facet counted on its plain column, under the same filters (its pair keys were too many
    to fetch them all)."""
    scope = filters.all_except(name if name in filters.strings else ALL_FILTERS)
    column = COUNTED_FACETS[name].field
    return {"scope": {"filter": scope, "aggs": {"facet": {"terms": {"field": column, "size": 65_000}}}}}
