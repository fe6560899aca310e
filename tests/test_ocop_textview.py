"""The text view's per-syllable tables (`Document`) that the speed rounds of session 20 rebuilt or
tried to: sentence ids, block flags, syllable positions. Each is checked against a slow, obvious
recomputation on texts we wrote ourselves, so a faster construction cannot drift from what the
matchers read.
"""

from __future__ import annotations

from indexer.ocop.document import Document

TEXTS = [
    "Xã Tân Hòa có 5 sản phẩm đạt 3 sao. Huyện Bình Lộc có 7 sản phẩm! TP. Hà Giang có 9 sản phẩm.",
    "SẢN PHẨM OCOP CỦA XÃ ĐÔNG PHÚ\n\nHTX Minh An có 12 sản phẩm. Năm 2024, số sản phẩm là 20.\n\n"
    "Tỉnh đặt mục tiêu 100 sản phẩm… Đến nay đã có 80.",
    "Gao que huong dat 4 sao. Mat ong rung dat 3 sao.",
]


def sentence_starts(doc: Document) -> list[str]:
    return [w for w, s in zip(doc.orig, doc.sent_start, strict=True) if s]


def test_sentence_ids_rise_by_one_at_each_sentence_and_block() -> None:
    doc = Document("Tin mới về sản phẩm", TEXTS[1])
    assert sentence_starts(doc) == ["Tin", "SẢN", "HTX", "Năm", "Tỉnh", "Đến"]
    assert doc.sent_of[0] == 0
    assert all(
        b - a == int(s) for a, b, s in zip(doc.sent_of, doc.sent_of[1:], doc.sent_start[1:], strict=False)
    )


def test_three_sentences_and_an_abbreviation() -> None:
    assert sentence_starts(Document("", TEXTS[0])) == ["Xã", "Huyện", "TP"]  # no break after "TP."


def test_block_flags_match_a_syllable_by_syllable_count() -> None:
    for text in TEXTS:
        doc = Document("Tin mới về sản phẩm", text)
        for block in doc.blocks:
            span = range(block.first, block.last)
            letters = [k for k in span if not doc.orig[k].isdigit()]
            accented = sum(doc.fold[k] != doc.low[k] for k in letters)
            assert block.accented == (bool(letters) and accented >= 0.15 * len(letters))
    assert Document("", TEXTS[2]).blocks[-1].accented is False
    assert Document("", TEXTS[0]).blocks[-1].accented is True


def test_positions_list_every_syllable_once_in_order() -> None:
    for text in TEXTS:
        doc = Document("Tin mới", text)
        positions = doc.positions()
        assert sorted(k for ks in positions.values() for k in ks) == list(range(len(doc)))
        for syllable, ks in positions.items():
            assert ks == sorted(ks)
            assert all(doc.fold[k] == syllable for k in ks)
