"""Words a query means beyond the ones it types: synonyms and the 2025 province merger.

Applied to the parsed tree before any engine sees it, so every engine matches the same articles:

- a word (or a phrase inside a word) that belongs to a synonym group of
  indexer/data/query_words.toml also finds the group's other members, with their diacritics
  (`trà` finds "chè", never "chế"; `tra shan tuyet` finds "chè Shan tuyết");
- a province named in the query also finds what the 2025 merger joined: a 2025 province the
  provinces merged into it (`Quảng Ngãi` finds "Kon Tum"), a 63-province name its 2025 successor
  (`Kon Tum` finds "Quảng Ngãi").

Each becomes an `Expanded` node: the word as typed ranks its articles above those found only by an
alternative. Exclusions and field-restricted words are never expanded: `-trà` excludes tea as typed.
"""

from __future__ import annotations

from indexer.query_ast import AllOf, AnyOf, Expanded, Node, Not, ParsedQuery, Term, positive_terms
from indexer.query_words import syllables_of, vocabulary
from indexer.text import has_diacritics

MAX_ALTERNATIVES = 8  # per word: a query stays a handful of clauses whatever the data holds


def expand(parsed: ParsedQuery) -> ParsedQuery:
    notes: list[str] = []
    clauses = tuple(_node(clause, notes) for clause in parsed.clauses)
    return ParsedQuery(
        clauses=clauses, runs=parsed.runs, boosts=parsed.boosts, notes=tuple(dict.fromkeys(notes))
    )


def _node(node: Node, notes: list[str]) -> Node:
    if isinstance(node, Term):
        return _term(node, notes)
    if isinstance(node, Not | Expanded):
        return node
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_node(o, notes) for o in node.options))
    return AllOf(tuple(_node(p, notes) for p in node.parts))


def _term(term: Term, notes: list[str]) -> Node:
    if term.scope != "any" or term.prefix or term.exact:
        return term
    province = _province_alternatives(term)
    if province:
        notes.append(f"{term.text} → " + ", ".join(_text(t) for t in province))
        return Expanded(term, province[:MAX_ALTERNATIVES], "province")
    synonyms = _synonym_alternatives(term)
    if synonyms:
        notes.append(f"{term.text} → " + ", ".join(_text(t) for t in synonyms))
        return Expanded(term, synonyms[:MAX_ALTERNATIVES], "synonym")
    return term


def _province_alternatives(term: Term) -> tuple[Node, ...]:
    province = vocabulary().provinces.get(term.folded)
    if province is None:
        return ()
    names = [*province.merged, *([province.successor] if province.successor != province.name else [])]
    return tuple(Term(syllables_of(name), phrase=True) for name in names)


def _synonym_alternatives(term: Term) -> tuple[Node, ...]:
    """Each synonym group member found in the term (the longest first), swapped for the others:
    the member with its diacritics, and the whole term with it swapped in, matched as the term is."""
    synonyms, members = vocabulary().synonyms, vocabulary().members
    folded, tokens = term.folded, term.tokens
    out: list[Node] = []
    for size in range(len(folded), 0, -1):
        for start in range(len(folded) - size + 1):
            rest = (*tokens[:start], *tokens[start + size :])
            part = tokens[start : start + size]
            typed_plain = not any(has_diacritics(t) for t in part)
            if part not in members and not (typed_plain and len(tokens) > 1):
                # typed with other diacritics ("dừa" is not "dứa"), or a lone word typed without
                # them, which could be any of its accented readings ("dua": dừa, đưa, dứa)
                continue
            for other in synonyms.get(folded[start : start + size], ()):
                swapped = Term(other, phrase=len(other) > 1, exact=True)
                whole = Term((*tokens[:start], *other, *tokens[start + size :]), phrase=term.phrase)
                out.append(AllOf((swapped, whole)) if rest else swapped)
        if out:
            return tuple(dict.fromkeys(out))
    return ()


def _text(node: Node) -> str:
    return " ".join(t.text for t in positive_terms(node))
