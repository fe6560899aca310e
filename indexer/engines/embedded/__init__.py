"""The embedded engine: a tantivy index in a folder beside the archive, no server to run.

`fields` says what is indexed, `render` turns requests into tantivy queries and aggregations,
`folder` keeps the index in step with the archive's change feed, `engine` answers searches.
"""

from indexer.engines.embedded.engine import EmbeddedIndex

__all__ = ["EmbeddedIndex"]
