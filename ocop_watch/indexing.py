"""After a command writes the archive, the default (embedded) search index follows it.

The embedded engine reads the archive's change feed; commands that change many articles bring it
up to date when they finish, so what they archived is searchable at once and the first search
does not have to do it. Elasticsearch/OpenSearch are brought up to date by `ocop index sync`.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from indexer.engines.embedded import EmbeddedIndex
from indexer.settings import Settings


def update_embedded_index(archive: Path) -> None:
    settings = Settings()
    if settings.engine == "embedded" and archive.exists():
        applied = EmbeddedIndex(archive, index_path=settings.embedded_index).sync()
        Console(stderr=True).print(f"search index: {applied} change(s) applied")
