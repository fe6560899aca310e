"""The query text a journalist types, parsed into the tree of `indexer.query_ast`.

The language (README, docs/query-language.md):

- bare words must all match, in title or body, diacritics optional: `san pham ocop`;
- "quoted phrases" match in order; a word holding punctuation is one too (`TP.HCM`);
- `-word`, `NOT word` exclude; `OR` offers alternatives; `AND` is the default;
- OR and NOT bind to WORDS, not syllables: bare syllables are grouped into words by the query
  vocabulary (`indexer.query_words`), and an OR joins as many words on each side as the shorter
  side has: `mật ong OR trà` is (mật ong) OR (trà); `sản phẩm OCOP mật ong OR trà` is sản phẩm
  OCOP (mật ong OR trà); `nước mắm Phú Quốc OR nước mắm Cát Hải` is two alternatives of two words;
  alternatives that open with the same word are parallel: `gạo ST25 OR gạo hữu cơ`;
- parentheses group: `sản phẩm OCOP (mật ong OR trà)`, `(sen OR súng) -"xổ số"`;
- `title:`, `author:`, `site:`/`outlet:` restrict the next word, phrase or group to a field;
- a trailing `*` is a prefix: `nông*`, `hợp tác*` (the last syllable).

Malformed structure (an unbalanced parenthesis, an OR or NOT with nothing to bind to, a field with
no word after it, a prefix too short) is `InvalidQuery`, whose message says at which character.
Anything else is text: stray quotes, other engines' operators and punctuation never reach an engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.errors import InvalidQuery
from indexer.query_ast import AllOf, AnyOf, Node, Not, ParsedQuery, Scope, Term
from indexer.query_expand import expand
from indexer.query_words import syllables_of, words

MAX_QUERY_LENGTH = 500
MIN_PREFIX = 2  # letters before a `*`: one would expand to half the vocabulary
FIELDS: dict[str, Scope] = {"title": "title", "author": "author", "site": "source", "outlet": "source"}

_LEXEME = re.compile(r'(?P<quote>-?"[^"]*"?)|(?P<paren>[()])|(?P<bare>[^\s()"]+)')
_FIELD = re.compile(r"^(-?)(\w+):(.*)$", re.DOTALL)
_OPERATORS = {"OR": "or", "||": "or", "NOT": "not", "AND": "and", "&&": "and"}


@dataclass
class _Token:
    kind: str  # word, phrase, open, close, or, not, field
    at: int  # 1-based character, for messages
    text: str = ""
    negate: bool = False
    prefix: bool = False
    scope: Scope = "any"


def _lex(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _LEXEME.finditer(text):
        at = m.start() + 1
        if m.group("paren"):
            out.append(_Token("open" if m.group("paren") == "(" else "close", at))
        elif m.group("quote"):
            raw = m.group("quote")
            out.append(_Token("phrase", at, raw.lstrip("-").strip('"'), negate=raw.startswith("-")))
        elif m.group("bare") == "-" and text[m.end() : m.end() + 1] == "(":
            out.append(_Token("not", at))  # `-(a OR b)`
        else:
            token = _bare(m.group("bare"), at)
            if token is not None:
                out.append(token)
    return out


def _bare(raw: str, at: int) -> _Token | None:
    if raw in _OPERATORS:
        kind = _OPERATORS[raw]
        return None if kind == "and" else _Token(kind, at)
    scope: Scope = "any"
    negate = raw.startswith("-") and len(raw) > 1
    field = _FIELD.match(raw)
    if field and field.group(2).lower() in FIELDS:
        negate, scope, raw = bool(field.group(1)), FIELDS[field.group(2).lower()], field.group(3)
        if not raw:
            return _Token("field", at, negate=negate, scope=scope)
    elif negate:
        raw = raw[1:]
    if "*" in raw and not raw.strip("*"):
        raise InvalidQuery(f"'*' at character {at} must end a word (a prefix, such as nông*)")
    prefix = raw.endswith("*")
    return _Token("word", at, raw.rstrip("*"), negate, prefix, scope)


# --- building the tree -------------------------------------------------------------------------------


@dataclass
class _Run:
    """Bare words side by side (one scope, nothing between them): cut into words later."""

    syllables: list[str]
    scope: Scope
    prefix: bool = False  # the last syllable is a prefix


_Item = _Run | Node | _Token  # a run, a finished node (phrase, group), or an OR/NOT marker


class _Parser:
    def __init__(self, text: str):
        self.tokens = _lex(text)
        self.i = 0
        self.runs: list[tuple[str, ...]] = []

    def parse(self) -> tuple[Node, ...]:
        clauses = self._sequence(top=True, scope=None)
        if self.i < len(self.tokens):  # only a ")" stops the top level early
            raise InvalidQuery(f"')' at character {self.tokens[self.i].at} closes nothing")
        return clauses

    def _sequence(self, top: bool, scope: Scope | None) -> tuple[Node, ...]:
        items: list[_Item] = []
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            if token.kind == "close":
                if top:
                    raise InvalidQuery(f"')' at character {token.at} closes nothing")
                break
            self.i += 1
            if token.kind in ("or", "not"):
                items.append(token)
            elif token.kind == "open":
                items.append(self._group(token, scope))
            elif token.kind == "field":
                items.append(self._fielded(token))
            elif token.kind == "phrase":
                self._add_phrase(items, token, scope)
            else:
                self._add_word(items, token, scope)
        return _combine(items, self.runs)

    def _group(self, opening: _Token, scope: Scope | None, negate: bool = False) -> Node:
        clauses = self._sequence(top=False, scope=scope)
        if self.i >= len(self.tokens):
            raise InvalidQuery(f"'(' at character {opening.at} is never closed")
        self.i += 1  # the ")"
        if not clauses:
            raise InvalidQuery(f"the parentheses at character {opening.at} hold no word")
        node = clauses[0] if len(clauses) == 1 else AllOf(clauses)
        return Not(node) if negate else node

    def _fielded(self, token: _Token) -> Node:
        following = self.tokens[self.i] if self.i < len(self.tokens) else None
        if following is None or following.kind not in ("open", "phrase", "word"):
            raise InvalidQuery(f"the field at character {token.at} needs a word, a phrase or (…) after it")
        self.i += 1
        if following.kind == "open":
            return self._group(following, token.scope, token.negate)
        syllables = syllables_of(following.text)
        if not syllables:
            raise InvalidQuery(f"the field at character {token.at} needs a word after it")
        prefix = following.prefix and len(syllables) == 1
        term = Term(syllables, phrase=len(syllables) > 1, prefix=prefix, scope=token.scope)
        return Not(term) if token.negate or following.negate else term

    def _add_phrase(self, items: list[_Item], token: _Token, scope: Scope | None) -> None:
        syllables = syllables_of(token.text)
        if not syllables:
            return
        term = Term(syllables, phrase=len(syllables) > 1, scope=scope or token.scope)
        items.append(Not(term) if token.negate else term)

    def _add_word(self, items: list[_Item], token: _Token, scope: Scope | None) -> None:
        syllables = syllables_of(token.text)
        if not syllables:
            return
        if token.prefix and len(syllables[-1]) < MIN_PREFIX:
            raise InvalidQuery(
                f"the prefix at character {token.at} needs at least {MIN_PREFIX} letters before '*'"
            )
        chosen = scope or token.scope
        if len(syllables) > 1 or token.scope != "any":  # punctuated (TP.HCM) or fielded: one unit
            prefix = token.prefix and len(syllables) == 1  # a prefix is one syllable's
            term = Term(syllables, phrase=len(syllables) > 1, prefix=prefix, scope=chosen)
            items.append(Not(term) if token.negate else term)
            return
        last = items[-1] if items else None
        if isinstance(last, _Run) and not token.negate and not last.prefix and last.scope == chosen:
            last.syllables.append(syllables[0])
            last.prefix = token.prefix
            return
        run = _Run([syllables[0]], chosen, token.prefix)
        if token.negate:  # `-xổ số`: the minus starts the word it excludes
            items.append(_Token("not", token.at))
        items.append(run)


def _words_of(run: _Run) -> list[Node]:
    syllables = tuple(run.syllables)
    out: list[Node] = []
    for start, end in words(syllables):
        prefix = run.prefix and end == len(syllables)
        if prefix and end - start > 1:  # a prefix stands alone: `hợp tác*` is hợp AND tác*
            out += [Term(syllables[start : end - 1], scope=run.scope)]
            out += [Term(syllables[end - 1 : end], prefix=True, scope=run.scope)]
            continue
        # a word the vocabulary knows is matched as one: its syllables side by side
        out.append(Term(syllables[start:end], phrase=end - start > 1, prefix=prefix, scope=run.scope))
    return out


def _combine(items: list[_Item], runs: list[tuple[str, ...]]) -> tuple[Node, ...]:
    """Runs cut into words, NOT bound to the word after it, each OR to its words (see the module)."""
    # segments: lists of word nodes (a run, or one finished node), and operator tokens between them
    segments: list[list[Node] | _Token] = []
    for k, item in enumerate(items):
        if isinstance(item, _Run):
            units = _words_of(item)
            before = items[k - 1] if k > 0 else None
            negated = isinstance(before, _Token) and before.kind == "not"
            positive = [u for u in units[1 if negated else 0 :] if isinstance(u, Term)]
            runs.append(tuple(s for u in positive for s in u.folded))
            segments.append(units)
        elif isinstance(item, _Token):
            segments.append(item)
        else:
            segments.append([item])
    merged: list[list[Node] | _Token] = []
    for segment in _bind_not(segments):  # words side by side form one side of an OR
        if isinstance(segment, list) and merged and isinstance(merged[-1], list):
            merged[-1] = [*merged[-1], *segment]
        else:
            merged.append(segment)
    return _bind_or(merged)


def _bind_not(segments: list[list[Node] | _Token]) -> list[list[Node] | _Token]:
    out: list[list[Node] | _Token] = []
    i = 0
    while i < len(segments):
        segment = segments[i]
        if isinstance(segment, _Token) and segment.kind == "not":
            following = segments[i + 1] if i + 1 < len(segments) else None
            if not isinstance(following, list):
                raise InvalidQuery(f"NOT at character {segment.at} has no word after it to exclude")
            first, rest = following[0], following[1:]
            out.append([first if isinstance(first, Not) else Not(first)])
            if rest:
                out.append(rest)
            i += 2
            continue
        out.append(segment)
        i += 1
    return out


def _bind_or(segments: list[list[Node] | _Token]) -> tuple[Node, ...]:
    clauses: list[Node] = []
    i = 0
    while i < len(segments):
        segment = segments[i]
        if isinstance(segment, _Token):
            raise InvalidQuery(f"OR at character {segment.at} needs words on both sides")
        chain = [segment]
        while i + 1 < len(segments):
            operator = segments[i + 1]
            assert isinstance(operator, _Token)  # two word lists are never side by side
            following = segments[i + 2] if i + 2 < len(segments) else None
            if not isinstance(following, list):
                raise InvalidQuery(f"OR at character {operator.at} needs words on both sides")
            chain.append(following)
            i += 2
        i += 1
        if len(chain) == 1:
            clauses.extend(segment)
            continue
        clauses.extend(_alternatives(chain))
    return tuple(clauses)


def _alternatives(chain: list[list[Node]]) -> list[Node]:
    """`a b OR c d e OR f g`: the middle sides whole, the outer ones as many words as the
    shortest side has next to them; what is left of the outer sides is required around the OR."""
    for side in chain:
        if any(isinstance(node, Not) for node in side):
            raise InvalidQuery("OR cannot offer an exclusion as an alternative: put it outside the OR")
    first, last, inner = chain[0], chain[-1], chain[1:-1]
    if inner:
        shortest = min(len(side) for side in inner)
        left, right = min(len(first), shortest), min(len(last), shortest)
    else:
        left, right = _parallel(first, last) or (min(len(first), len(last)),) * 2
    options = [first[len(first) - left :], *inner, last[:right]]
    alternatives = AnyOf(tuple(o[0] if len(o) == 1 else AllOf(tuple(o)) for o in options))
    return [*first[: len(first) - left], alternatives, *last[right:]]


def _parallel(first: list[Node], last: list[Node]) -> tuple[int, int] | None:
    """Alternatives that open with the same word: `gạo ST25 OR gạo hữu cơ`, `chè Shan tuyết OR
    chè Tân Cương`. The left one starts at that word; the right one takes as many words as make at
    least as many syllables. None when the right side's first word opens nothing on the left."""
    head = last[0].folded[0] if isinstance(last[0], Term) else None
    for start in range(len(first) - 1, -1, -1):
        unit = first[start]
        if head is not None and isinstance(unit, Term) and unit.folded[0] == head:
            size = sum(len(u.tokens) for u in first[start:] if isinstance(u, Term))
            taken = count = 0
            while taken < len(last) and count < size:
                unit = last[taken]
                count += len(unit.tokens) if isinstance(unit, Term) else 1
                taken += 1
            return len(first) - start, taken
    return None


def parse_query(text: str | None) -> ParsedQuery:
    """The query tree of `text`, its words grouped and expanded (`indexer.query_expand`)."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQuery(f"query is too long ({len(text)} characters, at most {MAX_QUERY_LENGTH})")
    parser = _Parser(text)
    clauses = parser.parse()
    return expand(ParsedQuery(clauses=clauses, runs=tuple(r for r in parser.runs if r)))
