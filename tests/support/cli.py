"""What an `ocop` command line gave back, as the `ocop` fixture (tests/conftest.py) returns it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CommandResult:
    code: int
    out: str
    err: str

    @property
    def error(self) -> str:
        """The one line an error printed on stderr (a progress bar may leave blank lines around it)."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line on stderr, got {lines}"
        return lines[0]
