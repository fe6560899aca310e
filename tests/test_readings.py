"""The accented reading of a query typed without diacritics, read once per state of an index."""

from __future__ import annotations

from indexer.query import SearchRequest
from indexer.query_ast import ParsedQuery
from indexer.readings import Remembered, read
from indexer.schema import Article
from tests.support.small_archive import make_article

PRINTED = [
    make_article(1, "Kẹo dừa Bến Tre", "Kẹo dừa Bến Tre đạt 4 sao. Dừa Bến Tre xuất khẩu."),
    make_article(2, "Đưa nông sản lên sàn", "Bến Tre đưa kẹo dừa Bến Tre lên sàn thương mại điện tử."),
]


class Sampler:
    """The engine's best matches (the same articles whatever the query), counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, probe: ParsedQuery, size: int) -> list[Article]:
        self.calls += 1
        return PRINTED[:size]


def test_a_reading_is_read_once_per_state_of_the_index() -> None:
    remembered, sample = Remembered(size=2), Sampler()
    parsed = SearchRequest(q="keo dua ben tre").parsed
    first = remembered.read("v1", parsed, "keo dua ben tre", sample)
    assert first is not None and first == read(parsed, "keo dua ben tre", Sampler())
    assert first.suggestion == "kẹo dừa Bến Tre"
    assert remembered.read("v1", parsed, "keo dua ben tre", sample) == first
    assert sample.calls == 1  # the same words again: read from memory
    spaced = remembered.read("v1", parsed, "keo  dua ben tre", sample)  # other text: its own entry
    assert spaced is not None and (spaced.boosts, spaced.suggestion) == (first.boosts, "kẹo  dừa Bến Tre")
    assert sample.calls == 2
    assert remembered.read("v2", parsed, "keo dua ben tre", sample) == first
    assert sample.calls == 3  # the index changed: read again
    for n, text in enumerate(["dua ben tre", "keo dua", "ben tre keo"]):  # at most `size` kept
        remembered.read("v2", SearchRequest(q=text).parsed, text, sample)
        assert sample.calls == 4 + n
    remembered.read("v2", parsed, "keo dua ben tre", sample)
    assert sample.calls == 7  # pushed out by newer ones


def test_a_query_with_diacritics_or_one_word_is_not_read() -> None:
    remembered, sample = Remembered(), Sampler()
    for text in ("kẹo dừa Bến Tre", "dua"):
        assert remembered.read("v1", SearchRequest(q=text).parsed, text, sample) is None
    assert sample.calls == 0
