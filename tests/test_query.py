"""Query parsing: anything a journalist types parses; operators mean what they say."""

import pytest
from pydantic import ValidationError

from indexer.errors import InvalidQuery
from indexer.query import AnyOf, Phrase, SearchRequest, parse_query


def test_words_phrases_exclusions_and_or() -> None:
    parsed = parse_query('"nông thôn mới" mật ong OR trà -"xổ số" NOT chứng')
    assert parsed.must == (
        Phrase(("nông", "thôn", "mới")),
        Phrase(("mật",)),
        AnyOf((Phrase(("ong",)), Phrase(("trà",)))),
    )
    assert parsed.must_not == (Phrase(("xổ", "số")), Phrase(("chứng",)))


def test_folded_forms_for_matching() -> None:
    (phrase,) = parse_query("Đồng Tháp").must[:1]
    assert phrase.folded == ("dong",)
    assert parse_query("Hoà").must[0].tokens == ("hòa",)  # tone placement unified at query time


@pytest.mark.parametrize(
    "hostile",
    ['"', '"unclosed phrase', "NEAR(a b)", "^ocop", "title:ocop", "a AND", "OR b", "* ocop", "-", "NOT"],
)
def test_hostile_text_is_read_as_text(hostile: str) -> None:
    parsed = parse_query(hostile)
    for phrase in parsed.phrases() + list(parsed.must_not):
        assert all(token.isalnum() for token in phrase.tokens)


def test_punctuated_word_becomes_a_phrase() -> None:
    assert parse_query("TP.HCM").must == (Phrase(("tp", "hcm")),)


def test_overlong_query_is_rejected() -> None:
    with pytest.raises(InvalidQuery):
        parse_query("ocop " * 200)


def test_request_limits() -> None:
    with pytest.raises(ValidationError):
        SearchRequest(size=10_000)
    with pytest.raises(ValidationError, match="cursor"):
        SearchRequest(page=10**9)
    with pytest.raises(ValidationError, match="after"):
        SearchRequest(date_from="2024-02-01", date_to="2024-01-01")
    assert SearchRequest(q="ocop").effective_sort == "relevance"
    assert SearchRequest().effective_sort == "newest"
