"""What long index work (sync, rebuild, catch-up) reports to a progress bar.

The CLI draws it with rich; library callers and tests pass nothing and get `QUIET`.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, description: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


class _Quiet:
    def start(self, description: str, total: int) -> None:
        pass

    def advance(self, count: int) -> None:
        pass


QUIET: Progress = _Quiet()
