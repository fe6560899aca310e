"""Session 21: leftovers of session 20 (issue #11), fixed by mechanism, not blind.

The passages are our own invented text, nothing from ../shared. Each mechanism has a passage that
fails on main, and guards that must not change.
"""

from __future__ import annotations

from indexer.ocop import OcopFacts, enrich_text


def facts(text: str, title: str = "") -> OcopFacts:
    return enrich_text(title, text)


def claims(text: str, title: str = "") -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in facts(text, title).ocop_claims}


# 1. English: a clause right after a count that opens with a word for the whole count ("all of
# them", "each of which") rates the count (english.toml `whole_openers`).

ENGLISH = (
    "Growers in the hill district have brought 42 products into the One Commune One Product (OCOP)"
    " programme{}. Their smoked pork and plum wine are now sold in city stores."
)


def test_an_english_count_rated_whole_in_the_next_clause() -> None:
    assert claims(ENGLISH.format(", all of them rated four stars")) == {(42, 4)}
    assert claims(ENGLISH.format(", each of which was rated three stars")) == {(42, 3)}
    assert claims(ENGLISH.format(", and all of them hold a five-star rating")) == {(42, 5)}


def test_english_whole_guards() -> None:
    # a part of the count, two ratings, a plan, another number between: no rating for the count
    assert claims(ENGLISH.format(", most of them rated four stars")) == {(42, None)}
    assert claims(ENGLISH.format(", all of them rated three or four stars")) == {(42, None)}
    assert claims(ENGLISH.format(", all of them expected to reach four stars")) == {(42, None)}
    assert claims(
        ENGLISH.replace("42 products", "42 products from 12 cooperatives").format(
            ", all of them rated four stars"
        )
    ) == {(42, None)}


# 2. Vietnamese: the same shape after a comma ("…, tất cả đều đạt 3 sao") is a passive result of
# the counted products (claims.toml `passive_results`).

VIETNAMESE = "Đến nay huyện Mèo Vạc có 42 sản phẩm OCOP, {}. Các sản phẩm gồm mật ong bạc hà và thịt bò khô."


def test_a_vietnamese_count_rated_whole_after_a_comma() -> None:
    assert claims(VIETNAMESE.format("tất cả đều đạt 3 sao")) == {(42, 3)}
    assert claims(VIETNAMESE.format("toàn bộ đạt 3 sao")) == {(42, 3)}
    assert claims(VIETNAMESE.format("tất cả đều được công nhận đạt 4 sao")) == {(42, 4)}


def test_vietnamese_whole_guards() -> None:
    assert claims(VIETNAMESE.format("phần lớn đạt 3 sao")) == {(42, None)}
    assert claims(VIETNAMESE.format("tất cả đều phấn đấu đạt 4 sao vào năm sau")) == {(42, None)}
    assert claims(VIETNAMESE.format("cả 42 sản phẩm đều đạt 3 sao")) == {(42, 3)}  # as on main
