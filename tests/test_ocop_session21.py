"""Session 21: leftovers of session 20 (issue #11), fixed by mechanism, not blind.

The passages are our own invented text, nothing from ../shared. Each mechanism has a passage that
fails on main, and guards that must not change.
"""

from __future__ import annotations

from indexer.ocop import OcopFacts, enrich_text
from indexer.ocop.document import Document
from indexer.ocop.phrases import PhraseIndex


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
    total = (
        "The number of OCOP products in the province has reached 42, {} rated three stars, officials said."
    )
    assert claims(total.format("all of them")) == {(42, 3)}
    assert claims(total.format("most of them")) == {(42, None)}


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


# 3. No phrase of any vocabulary runs across a comma or a semicolon (Document.tight): list items are
# no phrase. Session 20 split product phrases only (in the group reader); a place name read across a
# comma ("Long, An" as Long An) hid the province named right after it.


def test_no_phrase_of_any_index_across_a_comma() -> None:
    index = PhraseIndex()
    index.add("muối tinh", "salt")
    index.add("tinh dầu", "oil")
    doc = Document("", "Quầy bán hạt điều rang muối, tinh dầu sả và mật ong.")
    assert [p.text for _i, _j, p in index.find(doc, 0, len(doc))] == ["tinh dầu"]
    semicolon = Document("", "Quầy bán hạt điều rang muối; tinh dầu sả và mật ong.")
    assert [p.text for _i, _j, p in index.find(semicolon, 0, len(semicolon))] == ["tinh dầu"]


def test_a_province_after_a_list_item_is_not_hidden() -> None:
    text = (
        "Đoàn công tác đã đến thăm các hộ sản xuất ở Châu Long, An Giang và Đồng Tháp; "
        "nhiều sản phẩm của các hộ đạt OCOP 3 sao."
    )
    assert facts(text).provinces == ["An Giang", "Đồng Tháp"]


def test_comma_guards() -> None:
    # a phrase written with a comma matches across one, and other separators as before
    index = PhraseIndex()
    index.add("sản phẩm, nhóm sản phẩm", "noun")
    index.add("muối tinh", "salt")
    doc = Document("", "Xã có 12 sản phẩm, nhóm sản phẩm đạt chuẩn; gói muối tinh - muối hột.")
    assert [p.text for _i, _j, p in index.find(doc, 0, len(doc))] == ["sản phẩm, nhóm sản phẩm", "muối tinh"]
    assert facts("Huyện có 42 sản phẩm, nhóm sản phẩm OCOP đạt 3 sao.").ocop_claims
    text = "Sản phẩm của chương trình “One Commune, One Product” được bày bán tại 12 cửa hàng ở Cần Thơ."
    assert facts(text).ocop_score > 0
    found = facts("Các hộ ở Long An và An Giang có nhiều sản phẩm đạt OCOP 3 sao.")
    assert sorted(found.provinces) == ["An Giang", "Long An"]
