"""After a command writes the archive, the default (embedded) search index follows it.

The embedded engine reads the archive's change feed; commands that change many articles bring it
up to date when they finish, so what they archived is searchable at once and the first search
does not have to do it. Elasticsearch/OpenSearch are brought up to date by `ocop index sync`.
"""

from __future__ import annotations

from rich.console import Console

from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import EngineUnavailable
from indexer.settings import Settings


def update_embedded_index(settings: Settings) -> None:
    """Catch the embedded index up with the archive; a folder that cannot be written is a warning,
    not a failed command: the articles are archived, and `ocop index sync` can follow later."""
    if settings.engine != "embedded" or not settings.archive.exists():
        return
    console = Console(stderr=True)
    try:
        applied = EmbeddedIndex(settings.archive, index_path=settings.embedded_index).sync()
    except EngineUnavailable as exc:
        console.print(f"search index not updated: {exc}")
        return
    console.print(f"search index: {applied} change(s) applied")
