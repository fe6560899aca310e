"""The extractor's place list is generated from the enrichment's gazetteer; a change to the
gazetteer or its aliases without regenerating would let bylines and datelines read places the
enrichment no longer knows (or miss new ones). Regenerating must give the file as committed."""

from __future__ import annotations

from crawler.extraction import build_places
from crawler.extraction.vocab import load


def test_the_committed_place_list_is_what_the_generator_writes() -> None:
    assert load("places")["names"] == build_places.names()
