"""Star ratings and product counts in English-language OCOP coverage.

Vietnamese outlets publish English editions ("Kien Giang has 18 more star-rated OCOP products";
"86 four-star OCOP products"). The Vietnamese rules read syllables and Vietnamese function
words, so an English paragraph would give no rating and no count. This module reads English
paragraphs (no diacritics, enough English function words: data/english.toml) with a few
regular expressions: a rating is "N-star"/"N stars" with N from 3 to 5, a count is a number
followed within a few words by "products"/"items", and a sentence with a plan, target or
nomination word ("plans", "aims", "potential", "proposed") states neither. Cheap on purpose:
it runs on English paragraphs of OCOP articles only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import CONTENT_ZONES, Document
from indexer.ocop.vocab import english_vocab

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


@dataclass(frozen=True)
class _Vocab:
    function_words: frozenset[str]
    min_share: float
    min_words: int
    numbers: dict[str, int]
    rating: re.Pattern[str]
    count: re.Pattern[str]
    rated_count: re.Pattern[str]
    modal: re.Pattern[str]
    not_certified: re.Pattern[str]
    floor: re.Pattern[str]
    floor_before: re.Pattern[str]
    not_count_before: re.Pattern[str]
    producers: re.Pattern[str]
    list_opener: re.Pattern[str]
    whole: re.Pattern[str]
    whole_next: re.Pattern[str]
    number: re.Pattern[str]
    subset: re.Pattern[str]
    scale: re.Pattern[str]
    total: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    v = english_vocab()
    w = v["words"]
    numbers = {k: int(n) for k, n in v["numbers"].items()}
    number = rf"(?P<n>\d{{1,3}}(?:[.,]\d{{3}})+|\d+|{_alternatives(list(numbers))})"
    hedge = rf"(?:(?:{_alternatives(w['hedges'])})\s+)?"
    nouns = _alternatives(w["nouns"])
    verbs = _alternatives(w["rated_verbs"])

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    return _Vocab(
        function_words=frozenset(v["function_words"]),
        min_share=float(v["min_share"]),
        min_words=int(v["min_words"]),
        numbers=numbers,
        # "4-star", "three stars", and the first of a suspended pair: "three- and four-star",
        # "3- or 4-star", "three to four stars".
        rating=compile_(
            r"\b(?P<stars>[345]|three|four|five)(?:-star\b|\s+stars?\b"
            r"|(?=-?\s+(?:and|or|to)\s+(?:[345]|three|four|five)(?:-star\b|\s+stars?\b)))"
        ),
        # "86 four-star OCOP products", "More than 1,000 local farm products"
        count=compile_(
            rf"(?<![\w.,/-]){hedge}{number}\b(?![-\s]*stars?\b)(?P<between>(?:\s+[^\s.;:]+){{0,7}}?)\s+(?:{nouns})\b"
        ),
        # "Eight others were rated three stars", "86 have been awarded 3 stars", "20 rated four stars",
        # "seven more earned a three-star rating" (session 20)
        rated_count=compile_(
            rf"(?<![\w.,/-]){hedge}{number}\s+(?:(?:{_alternatives(w['rated_count_fillers'])})\s+)?"
            rf"(?:(?:have|has|were|was|are)\s+)?(?:been\s+)?(?:{verbs})\b"
        ),
        modal=compile_(rf"\b(?:{_alternatives(w['modal'])})\b|\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"),
        not_certified=compile_(rf"\b(?:{_alternatives(w['not_certified'])})\b"),
        floor=compile_(rf"^\W*(?:{_alternatives(w['floors'])})\b"),
        floor_before=compile_(rf"\b(?:{_alternatives(w['floors_before'])})\s+$"),
        not_count_before=compile_(rf"\b(?:{_alternatives(w['not_count_before'])})\s+$"),
        producers=compile_(rf"^\s+(?:{_alternatives(w['producer_nouns'])})\b"),
        list_opener=compile_(rf"^\s*(?:{_alternatives(w['list_openers'])})\b"),
        whole=compile_(rf"^\s*(?:and\s+)?(?:{_alternatives(w['whole_openers'])})\b"),
        whole_next=compile_(rf"^\s*(?:{_alternatives(w['whole_next_openers'])})\b"),
        number=compile_(rf"\d|\b(?:{_alternatives(list(numbers))})\b"),
        # "grades goods from three to five stars": the scale, no rating (session 18)
        scale=compile_(
            rf"\b(?:{_alternatives(w['scale_verbs'])})\b[^.;\d]*?\bfrom\s+(?:[345]|three|four|five)"
            r"(?:-star|\s+stars?)?\s+to\s+(?:[345]|three|four|five)(?:-star\b|\s+stars?\b)"
        ),
        # "the number of OCOP items in the province has reached 350": a total stated as the value of
        # "the number of … products" (session 19), its rating (if one) in the subject
        total=compile_(
            rf"\b(?:{_alternatives(w['total_openers'])})\b(?P<subject>[^.;\d]{{0,100}}?\b(?:{nouns})\b[^.;\d]{{0,60}}?)"
            rf"\b(?:{_alternatives(w['total_verbs'])})\s+{hedge}{number}\b(?![-\s]*stars?\b|\s*(?:%|per\s*cent\b))"
        ),
        # "nine of them five-star", "109 four-star", "and 82 three-star", "including 54 four-star": a
        # clause that is one item of a breakdown after a count
        subset=compile_(
            rf"^\s*(?:(?:and|{_alternatives(w['list_openers'])})\s+)?{number}(?:\s+of\s+(?:them|which))?\s+(?P<stars>[345]|three|four|five)"
            r"(?:-star\b|\s+stars?\b)[^\d]*$"
        ),
    )


def english_blocks(doc: Document) -> list[int]:
    """Content blocks written in English: enough English function words (Vietnamese names with
    their diacritics may stand in them: "districts such as Thanh Trì, Chương Mỹ")."""
    found = doc.memo.get(english_blocks)
    if found is None:
        v = _vocab()
        found = []
        for b, block in enumerate(doc.blocks):
            if block.zone not in CONTENT_ZONES or block.words < v.min_words:
                continue
            words = doc.low[block.first : block.last]
            if sum(map(v.function_words.__contains__, words)) >= v.min_share * len(words):
                found.append(b)
        doc.memo[english_blocks] = found
    return found


def _value(token: str, v: _Vocab) -> int | None:
    token = token.lower()
    if token in v.numbers:
        return v.numbers[token]
    digits = re.sub(r"[.,]", "", token)
    return int(digits) if digits.isdigit() else None


def _sentences(doc: Document) -> list[tuple[str, str]]:
    """Each sentence of the English paragraphs, with the sentence after it in its paragraph ("")."""
    out: list[tuple[str, str]] = []
    for b in english_blocks(doc):
        block = doc.blocks[b]
        parts = _SENTENCE.split(doc.text[block.start : block.end])
        out.extend(zip(parts, [*parts[1:], ""], strict=True))
    return out


# Clauses: commas, semicolons, dashes, "while", "but", and "and" before a new count ("65 are
# certified 4-star and seven are submitted for 5-star recognition").
_CLAUSE = re.compile(
    r",\s+|;\s+|\s+[–—]\s+|\s+(?:while|whereas|but)\s+"
    r"|\s+and\s+(?=(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:are|were|is|was|have|has|others?)\b)"
    # "54 four-star and 4 five-star products": the items of a breakdown (session 19)
    r"|\s+and\s+(?=(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[345]|three|four|five)-star\b)"
)


def _rating_after(text: str, v: _Vocab, rated: bool = False) -> int | None:
    """The one rating stated right after a count, up to the next count: None for none, for
    several, or for a floor ("3 stars or higher"). After "rated" the bare number is the rating
    ("28 rated three")."""
    if rated and (bare := re.match(r"\s*([345]|three|four|five)\b(?![-\s]*stars?)", text, re.IGNORECASE)):
        return _value(bare.group(1), v)
    words = "|".join(v.numbers)
    stop = None  # the next number that is not a rating and does not count producers
    for found_number in re.finditer(rf"(?:\b\d+|\b(?:{words})\b)(?!-star|\s+stars?\b)", text, re.IGNORECASE):
        if not v.producers.match(text[found_number.end() :]):
            stop = found_number
            break
    found = list(v.rating.finditer(text[: stop.start()] if stop else text))
    if (
        len(found) != 1
        or v.floor.match(text[found[0].end() :])
        or v.floor_before.search(text[: found[0].start()])
    ):
        return None
    return _value(found[0].group("stars"), v)


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_BEFORE = re.compile(r"\b(?:since|in|from|by|until|before|after|of|year)\s+$", re.IGNORECASE)


def _not_a_count(clause: str, at: int, number: str, v: _Vocab) -> bool:
    """A year ("since 2018 has helped develop hundreds of products"), a difference ("an increase of
    3,586 products") or the first rank of a range ("three to four stars are products ...")."""
    before = clause[:at]
    if _YEAR.match(number) and _YEAR_BEFORE.search(before):
        return True
    if v.not_count_before.search(before):
        return True
    return any(r.start("stars") == at for r in v.rating.finditer(clause))


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s+to\b", re.IGNORECASE)


def _upgraded_from(clause: str, m: re.Match[str]) -> bool:
    """ "upgraded from 3 stars to 4 stars": the rating a product left is none it holds. A range
    ("from three to five stars") names its first rank without "stars" and keeps it."""
    return (
        m.group().lower().endswith(("star", "stars"))
        and _FROM.search(clause[: m.start()]) is not None
        and _TO.match(clause[m.end() :]) is not None
    )


def _listed_rating(clauses: list[str], v: _Vocab) -> int | None:
    """ "two products, namely A by X and B by Y, were recognised as 4-star ones": the rating of the
    first later clause that states one, after a list opened by "namely"/"including"."""
    if not clauses or not v.list_opener.match(clauses[0]):
        return None
    for clause in clauses:
        found = {_value(r.group("stars"), v) for r in v.rating.finditer(clause)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _whole_rating(rest: str, later: list[str], v: _Vocab, whole: re.Pattern[str] | None = None) -> int | None:
    """ "42 products joined the scheme, all of them rated three stars": a clause right after a
    count that opens with a word for the whole count (`whole_openers`) rates it, when the count's
    own clause goes on with no rating and no other number. "most of them" rates a part: none.
    `whole` is the opener pattern (a next sentence has its own, `whole_next`)."""
    if not later or v.rating.search(rest) or v.number.search(rest):
        return None
    opener = (whole or v.whole).match(later[0])
    if opener is None or v.modal.search(later[0]) or v.not_certified.search(later[0]):
        return None
    return _rating_after(later[0][opener.end() :], v)


def _next_whole(rest: str, clauses: list[str], c: int, following: list[str], v: _Vocab) -> int | None:
    """A count in its sentence's last clause, rated by the next sentence when that one opens with
    a word that refers back to the whole count (`whole_next_openers`: "All of them were …")."""
    if c != len(clauses) - 1 or not following:
        return None
    return _whole_rating(rest, following, v, v.whole_next)


def english_facts(doc: Document) -> tuple[set[int], list[tuple[int, int | None, str]]]:
    """Star ratings, and (count, stars, sentence) stated as facts, in the English paragraphs."""
    v = _vocab()
    stars: set[int] = set()
    counts: list[tuple[int, int | None, str]] = []
    for sentence, following in _sentences(doc):
        # A comma inside a quoted name ("“One commune, One product”") does not end a clause.
        unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda q: q.group().replace(",", " "), sentence)
        clauses = _CLAUSE.split(unquoted)
        # Session 22: after the sentence's last clause, the next sentence may rate the whole count
        # ("… 42 OCOP products. All of them were rated three stars.")
        after_last = _CLAUSE.split(following)[:1] if following else []
        counted = False  # the sentence has counted products: later "109 four-star" items break it down
        for c, clause in enumerate(clauses):
            if v.modal.search(clause) or v.scale.search(clause):
                continue
            stars.update(
                s
                for m in v.rating.finditer(clause)
                if (s := _value(m.group("stars"), v)) and not _upgraded_from(clause, m)
            )
            item = v.subset.match(clause) if counted else None
            if item is not None:
                if n := _value(item.group("n"), v):
                    counts.append((n, _value(item.group("stars"), v), sentence))
                continue
            seen: set[int] = set()
            for m in v.total.finditer(clause):
                if (n := _value(m.group("n"), v)) and not v.not_certified.search(m.group("subject")):
                    own = {_value(r.group("stars"), v) for r in v.rating.finditer(m.group("subject"))}
                    rating = (
                        own.pop()
                        if len(own) == 1
                        else None
                        if own
                        else _whole_rating(clause[m.end() :], clauses[c + 1 : c + 2], v)
                        or _next_whole(clause[m.end() :], clauses, c, after_last, v)
                    )
                    counts.append((n, rating, sentence))
                    seen.add(m.start("n"))
                    counted = True
            for m in v.count.finditer(clause):
                between = m.group("between")
                n = _value(m.group("n"), v)
                after = re.split(r"[.;]|\d", clause[m.end() :], maxsplit=1)[0]
                if (
                    not n
                    or _not_a_count(clause, m.start("n"), m.group("n"), v)
                    or re.search(r"\d", v.rating.sub("", between))
                    or v.not_certified.search(
                        sentence[: sentence.find(clause)] + clause[: m.start()] + between + after
                    )
                ):
                    continue
                own = {_value(r.group("stars"), v) for r in v.rating.finditer(between)}
                rating = (
                    own.pop() if len(own) == 1 else _rating_after(clause[m.end() :], v) if not own else None
                )
                if rating is None and not own and not clause[m.end() :].strip(" .;"):
                    rating = _listed_rating(clauses[c + 1 :], v)
                if rating is None and not own:
                    rating = _whole_rating(clause[m.end() :], clauses[c + 1 : c + 2], v) or _next_whole(
                        clause[m.end() :], clauses, c, after_last, v
                    )
                counts.append((n, rating, sentence))
                seen.add(m.start("n"))
                counted = True
            for m in v.rated_count.finditer(clause):
                n = _value(m.group("n"), v)
                if (
                    n
                    and m.start("n") not in seen
                    and not _not_a_count(clause, m.start("n"), m.group("n"), v)
                    and not v.not_certified.search(clause[: m.start()])
                ):
                    rated = m.group().lower().endswith("rated")
                    counts.append((n, _rating_after(clause[m.end() :], v, rated), sentence))
                    counted = True
    return stars, counts
