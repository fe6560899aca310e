"""The contract both search engines fulfil, so the API and exports never know which one answers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from indexer.query import SearchRequest, SearchResponse
from indexer.schema import Article


class SearchIndex(Protocol):
    name: str

    def index(self, articles: Iterable[Article]) -> int:
        """Add or replace articles (keyed by `Article.id`); returns how many were written."""

    def delete(self, ids: Iterable[str]) -> int: ...

    def search(self, request: SearchRequest) -> SearchResponse: ...

    def get(self, article_id: str) -> Article:
        """Raises NotFound."""

    def scan(self, request: SearchRequest) -> Iterator[Article]:
        """Every article the request matches, in its sort order, in constant memory (for exports)."""

    def count(self) -> int: ...

    def phrase_counts(self, phrases: Sequence[Sequence[str]]) -> list[int]:
        """How many indexed articles hold each folded phrase in the title or the body, over the
        whole index (the background of `indexer.analysis.terms`)."""

    def health(self) -> dict[str, object]:
        """Raises EngineUnavailable when the engine cannot answer."""
