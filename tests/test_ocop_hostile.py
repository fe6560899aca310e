"""No text crashes OCOP enrichment: generated passages give OcopFacts, whatever their shape.

Extraction hands enrichment whatever a page printed: a lead of punctuation alone ("…"), a rating at
the very end of the text, brackets and dashes without words, zero-width characters. The pieces below
are the programme's own words mixed with such debris; every call must return facts whose fields keep
their meaning (stars 3 to 5, no claim without a count)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.ocop import OcopFacts, enrich_text

_PIECES = st.sampled_from(
    [
        "OCOP",
        "sản phẩm",
        "đạt",
        "hạng 4 sao",
        "3 sao",
        "bốn sao",
        "12 sản phẩm",
        "của 5 chủ thể",
        "được công nhận",
        "phấn đấu",
        "gồm",
        "tỉnh Lạng Sơn",
        "xã Tân Lập",
        "TP Cao Lãnh",
        "Ảnh:",
        "Tin liên quan",
        "mật ong",
        "trà",
        "du lịch",
        "-3",
        "2.167/9.852",
        ".",
        "…",
        ":",
        "(",
        ")",
        "–",
        "\n",
        "\n\n",
        "\u200b",
        "\ufeff",
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, max_size=30).map(" ".join), st.text(max_size=60))
_DATES = st.sampled_from(
    [None, datetime(2020, 5, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), datetime(1, 1, 1, tzinfo=UTC)]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, text=_TEXT, lead=_TEXT, published=_DATES)
def test_any_text_gives_ocop_facts(title: str, text: str, lead: str, published: datetime | None) -> None:
    facts = enrich_text(title, text, lead=lead, published=published)
    assert isinstance(facts, OcopFacts)
    assert all(3 <= s <= 5 for s in facts.stars)
    assert all(claim.count > 0 for claim in facts.ocop_claims)


def test_a_page_of_punctuation_under_its_title() -> None:
    """Found by the property test: a lead of "…" with a body of "…" left a lead block without a
    word, and the lead's first sentence was looked up past the text's end."""
    facts = enrich_text("Sản phẩm OCOP của xã", "…", lead="…")
    assert facts.stars == [] and facts.ocop_claims == []


def test_a_rank_at_the_very_end_of_the_text() -> None:
    """Found by the property test: "Hạng 4 sao" opening the last sentence, one syllable before the
    end, was checked for a definition three syllables on, past the text's end."""
    facts = enrich_text("Mật ong đạt OCOP", "Hợp tác xã có 3 sản phẩm. Hạng 4 sao 2025")
    assert isinstance(facts, OcopFacts)


def test_a_crop_list_opener_ending_the_text() -> None:
    """Found by reshaping real passages: a text cut after "… các cây dược liệu khác như:" (its list
    lost to a table) opened a list of crops one syllable past the text's end."""
    text = "Hợp tác xã có 3 sản phẩm OCOP từ dược liệu, trồng 20 ha quế và 10 ha các cây dược liệu khác như:"
    facts = enrich_text("Sản phẩm OCOP của xã", text)
    assert facts.product_groups == ["Thảo dược"]
