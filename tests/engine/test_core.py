"""The engines' shared core (`indexer.engines.core`), without any engine: cursors, budgets, buckets."""

from __future__ import annotations

import base64
import time
from collections.abc import Sequence

import pytest

from indexer.engines.core import (
    MAX_CURSOR_CHARS,
    Deadline,
    decode_cursor,
    encode_cursor,
    facet_buckets,
    selected_values,
    weighed,
    with_story_sizes,
    word_weight,
)
from indexer.errors import InvalidQuery, SearchTimeout
from indexer.query import Hit, SearchRequest, parse_query
from indexer.query_ast import AllOf, Node, ParsedQuery, positive_terms


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def test_cursor_round_trip() -> None:
    for values, shape in (
        ([-(2**63), "abc"], (float, str)),
        ([2**64 - 1, "1000000000000000000abc"], (int, str)),
        ([12.5, 7, 40], (float, int, int)),
    ):
        cursor = encode_cursor("newest", values)
        assert decode_cursor(cursor, "newest", shape) == values


def test_a_cursor_of_another_sort_says_so() -> None:
    cursor = encode_cursor("newest", [1, "a"])
    with pytest.raises(InvalidQuery, match="sort='newest'"):
        decode_cursor(cursor, "oldest", (float, str))


MALFORMED = [
    "",
    "!!",
    "not-a-cursor",
    "e30",  # {}
    "eyJzIjoibmV3ZXN0IiwiYSI6W119",  # {"s":"newest","a":[]}
    "tiếng việt",
    _b64("[" * 1000),  # would recurse in json
    _b64("{" * 200),
    _b64('{"s":"newest","a":[' + "9" * 400 + ',"x"]}'),  # 400 digits: no float holds it
    _b64('{"s":"newest","a":[1e400,"x"]}'),  # infinity
    _b64('{"s":"newest","a":[NaN,"x"]}'),
    _b64('{"s":"newest","a":[Infinity,"x"]}'),
    _b64('{"s":"newest","a":[true,"x"]}'),
    _b64('{"s":"newest","a":[1,2]}'),
    _b64('{"s":"newest","a":[1,"x",3]}'),
    _b64('{"s":"newest","a":{"0":1}}'),
    _b64('{"s":"nope","a":[1,"x"]}'),
    _b64('{"s":"newest","a":[1,"x"],"z":1}'),
    _b64('["newest",[1,"x"]]'),
    _b64('{"s":"newest","a":[1,"x"]}')[:-3],  # cut short
    "A" * (MAX_CURSOR_CHARS + 1),
    encode_cursor("newest", [2**64, "x"]),  # beyond any sort key
]


@pytest.mark.parametrize("cursor", MALFORMED, ids=lambda c: repr(c)[:40])
def test_malformed_cursors_are_user_errors(cursor: str) -> None:
    with pytest.raises(InvalidQuery, match="cursor"):
        decode_cursor(cursor, "newest", (float, str))


def test_buckets_rank_by_count_then_value_and_keep_selected_values() -> None:
    counts = [("b", 5), ("a", 5), ("c", 9), ("d", 1), ("e", 1)]
    buckets = facet_buckets(counts, {"a", "e", "z"}, 2, {"e": 1, "z": 0})
    assert [(b.value, b.count, b.selected) for b in buckets] == [
        ("c", 9, False),
        ("a", 5, True),
        ("e", 1, True),
        ("z", 0, True),
    ]


def test_selected_values_are_those_of_the_facets_own_field() -> None:
    request = SearchRequest(filters={"province": ["Hoà Bình", "Hà Nội"], "stars": ["4"]})
    chosen = selected_values(request)
    assert chosen["stars"] == ["4"]
    assert chosen["province"] == ["Hà Nội"]  # Hòa Bình is a pre-2025 name: filtered, not a 2025 bucket


def test_story_sizes_are_asked_once_for_the_page() -> None:
    asked: list[list[str]] = []

    def sizes(ids: list[str]) -> dict[str, int]:
        asked.append(ids)
        return {"s1": 3}

    hits = [
        Hit(id=i, title="t", url="u", site="x", story_id=s)
        for i, s in (("1", "s1"), ("2", "s2"), ("3", None))
    ]
    sized = with_story_sizes(hits, sizes)
    assert [h.story_size for h in sized] == [3, 1, 1] and asked == [["s1", "s2"]]


def test_deadline() -> None:
    deadline = Deadline(0.05)
    deadline.check()
    time.sleep(0.06)
    with pytest.raises(SearchTimeout, match="0.05 s budget"):
        deadline.check()


# --- the weighed relaxation ----------------------------------------------------------------------


def _weighed(q: str, held: dict[str, int], articles: int = 1000) -> ParsedQuery:
    """`q` relaxed with each word or syllable held by `held[its text]` of `articles` articles."""
    parsed = parse_query(q)

    def frequencies(nodes: Sequence[Node]) -> tuple[int, list[int]]:
        return articles, [held[positive_terms(node)[0].text] for node in nodes]

    return weighed(parsed, parsed.relaxable(), None, frequencies)


def test_rarer_words_weigh_more_and_every_word_outweighs_any_fewer() -> None:
    relaxed = _weighed("tỏi Lý Sơn OCOP", {"tỏi lý sơn": 5, "ocop": 900, "tỏi": 40, "lý": 300, "sơn": 400})
    weights = dict((positive_terms(node)[0].text, w) for node, w in relaxed.counted())
    assert weights["tỏi lý sơn"] > weights["ocop"] >= 0.25  # rarity, at least a quarter
    syllables = [w for node, w in relaxed.counted() if isinstance(node, AllOf)]  # where the word is not
    assert len(syllables) == 3 and sum(syllables) <= 0.5 * weights["tỏi lý sơn"]
    assert word_weight(0, 1000) > word_weight(10, 1000) > word_weight(999, 1000) == 0.25


def test_a_word_most_articles_hold_only_ranks_unless_the_rest_cannot_fill_a_page() -> None:
    held = {"tỏi lý sơn": 30, "ocop": 900, "tỏi": 40, "lý": 300, "sơn": 400}
    relaxed = _weighed("tỏi Lý Sơn OCOP", held)
    ocop = next(node for node, _ in relaxed.counted() if positive_terms(node)[0].text == "ocop")
    assert relaxed.ranking_only == (ocop,) and ocop not in relaxed.counted(finding=True)
    assert (ocop, 0.25) in relaxed.counted(finding=False)
    rare = _weighed("tỏi Lý Sơn OCOP", {**held, "tỏi lý sơn": 3, "tỏi": 3, "lý": 3, "sơn": 3})
    assert rare.ranking_only == ()  # 3 articles cannot fill a page: "OCOP" finds too
    with pytest.raises(ValueError, match="finds"):
        parse_query("tỏi OCOP").relaxed(None, (), parse_query("tỏi OCOP").relaxable())
