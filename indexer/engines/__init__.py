"""Search engines behind one SearchIndex protocol; `open_index` picks one from the settings."""

from __future__ import annotations

from indexer.engines.base import SearchIndex
from indexer.settings import Settings

__all__ = ["SearchIndex", "open_index"]


def open_index(settings: Settings | None = None) -> SearchIndex:
    settings = settings or Settings()
    if settings.engine == "embedded":
        from indexer.engines.embedded import EmbeddedIndex

        return EmbeddedIndex(
            settings.archive, index_path=settings.embedded_index, time_budget=settings.search_timeout
        )
    from indexer.engines.elastic.index import open_remote_index

    return open_remote_index(settings)
