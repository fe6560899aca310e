"""ocop-watch command-line tools."""

from indexer import __version__

__all__ = ["__version__"]
