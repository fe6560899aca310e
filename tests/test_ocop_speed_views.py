"""The shortcuts of the OCOP text view and phrase matcher (session 20, issue #11) give what the
plain definitions give: gaps cut once, syllables folded by table, matches tried only against
phrases that share their first two syllables, chrome patterns tried at the line start only when
every one is anchored. Each check compares the fast path with a slow reference on invented text."""

from __future__ import annotations

import pytest

from indexer.ocop.document import Document
from indexer.ocop.phrases import Phrase, PhraseIndex, _plain_run, malformed
from indexer.regexes import anchored
from indexer.text import fold

TEXTS = [
    (
        "Hợp tác xã Đồng Xanh ra mắt trà sen",
        "Hợp tác xã Đồng Xanh giới thiệu 3 món mới, món nào cũng 4 sao.\n\nTP. Cần Thơ: 12 món.",
    ),
    ("", "ma_san_pham X_1 -- (tỉnh Bắc Ninh)  ,  bánh  đa\n\n★★★ 😀 café Hòa Bình, Thanh Hoá"),
    ("BA MÓN QUÀ LÀNG NGHỀ", "BA MÓN QUÀ CỦA TỈNH HÀ NAM ĐẠT 3 SAO\n\nra mat tra o Lam Dong va Ha Noi"),
    # a broken syllable ("Báị") and a run typed without diacritics inside a written paragraph
    ("", "Hội chợ ở Yên Báị có trà sen, khách ghi lại ra mat tra sen o Ha Nam va Bac Ninh nhé bạn."),
]


@pytest.mark.parametrize(("title", "text"), TEXTS)
def test_document_views_match_their_definitions(title: str, text: str) -> None:
    doc = Document(title, text)
    folded = fold(doc.text)
    assert len(doc) > 0
    for i in range(len(doc)):
        assert doc.fold[i] == folded[doc.starts[i] : doc.ends[i]]
        assert doc.gap(i) == (doc.text[doc.ends[i - 1] : doc.starts[i]] if i > 0 else "")
        assert doc.adjacent(i) == (
            i > 0 and doc.block_of[i] == doc.block_of[i - 1] and doc.gap(i).strip() == ""
        )
        for j in range(i, min(len(doc), i + 5) + 1):
            gaps = [doc.text[doc.ends[k - 1] : doc.starts[k]] for k in range(i + 1, j)]
            # no phrase across a sentence end inside a block (session 22)
            ends = any(doc.sent_start[k] and doc.block_of[k] == doc.block_of[k - 1] for k in range(i + 1, j))
            assert doc.tight(i, j) == (
                all(len(g) <= 3 and "," not in g and ";" not in g for g in gaps) and not ends
            )


def _bucket_match(index: PhraseIndex, doc: Document, i: int, end: int) -> Phrase | None:
    """The matcher before session 20: every phrase with the same first syllable, longest first."""
    bucket = index._by_first.get(doc.fold[i], [])
    for phrase in bucket:
        n = len(phrase.folded)
        if i + n > end or doc.fold[i : i + n] != list(phrase.folded):
            continue
        if n > 1 and not doc.tight(i, i + n):
            continue
        accented = index.strict_accents and doc.blocks[doc.block_of[i]].accented
        written = doc.low[i : i + n]
        if (
            accented
            and written != list(phrase.accented)
            and not (
                index.tolerate_malformed
                and all(a == b or malformed(a) for a, b in zip(written, phrase.accented, strict=True))
            )
            and not (index.tolerate_plain_runs and _plain_run(doc, i, i + n))
        ):
            continue
        return phrase
    return None


def _index(strict: bool, tolerant: bool = False) -> PhraseIndex:
    index = PhraseIndex(strict_accents=strict, tolerate_malformed=tolerant, tolerate_plain_runs=tolerant)
    for text in (
        "trà",
        "trà sen",
        "trà sen Tây Hồ",
        "sản phẩm",
        "sản phẩm OCOP",
        "Bắc Ninh",
        "Hà",
        "Hà Nam",
        "bánh đa",
        "Yên Bái",
    ):
        index.add(text, text)
    index.add("tra", "tra")  # the same folded syllable without diacritics
    return index


@pytest.mark.parametrize(("strict", "tolerant"), [(True, False), (False, False), (True, True)])
@pytest.mark.parametrize(("title", "text"), TEXTS)
def test_match_by_pairs_equals_the_bucket_scan(strict: bool, tolerant: bool, title: str, text: str) -> None:
    index = _index(strict, tolerant)
    doc = Document(title, text)
    for block in doc.blocks:
        for i in range(block.first, block.last):
            for end in range(i, block.last + 1):
                assert index.match_at(doc, i, end) == _bucket_match(index, doc, i, end)
        # find, preceded_by: the same matches as reading every position with the bucket scan
        expected, i = [], block.first
        while i < block.last:
            phrase = _bucket_match(index, doc, i, block.last)
            if phrase is None:
                i += 1
                continue
            expected.append((i, i + len(phrase.folded), phrase))
            i += len(phrase.folded)
        assert list(index.find(doc, block.first, block.last)) == expected
        for i in range(block.first + 1, block.last):
            if len(doc.gap(i)) > 3:
                continue
            longest = next(
                (
                    p
                    for n in range(min(4, i - block.first), 0, -1)
                    if (p := _bucket_match(index, doc, i - n, i)) is not None and len(p.folded) == n
                ),
                None,
            )
            assert index.preceded_by(doc, i) == longest


def test_first_syllables_is_a_live_view() -> None:
    index = PhraseIndex()
    firsts = index.first_syllables()
    index.add("nước mắm", 1)
    assert "nuoc" in firsts and "mam" not in firsts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^Lượt xem\s*:", True),
        (r"^(?:Chia sẻ|Share)\s*$", True),
        (r"^[|]x", True),
        (r"^a\|b", True),
        (r"^a|b", False),  # "b" can match anywhere
        (r"Cỡ chữ", False),
        (r"^[]|]a", False),  # read conservatively
    ],
)
def test_anchored_patterns(pattern: str, expected: bool) -> None:
    assert anchored(pattern) is expected


def test_the_tolerant_matches_are_exercised() -> None:
    """The last text reaches both tolerances (a broken syllable, a plain run): without them the
    strict matcher finds neither, so the comparison above covers those paths."""
    doc = Document(*TEXTS[-1])
    found = {
        tolerant: {
            p.text for b in doc.blocks for _i, _j, p in _index(True, tolerant).find(doc, b.first, b.last)
        }
        for tolerant in (True, False)
    }
    assert {"Yên Bái", "Hà Nam"} <= found[True]
    assert not {"Yên Bái", "Hà Nam"} & found[False]
