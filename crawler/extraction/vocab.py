"""Vocabularies of Vietnamese news pages (labels, agencies, date words), in crawler/extraction/data/.

The extraction modules build their sets and compiled patterns from these files at import time;
to extend a list, edit the TOML file (each list says what it is for), not the code.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from indexer.regexes import top_level_branches

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed crawler/extraction/data/<name>.toml (tables keep the order they are written in)."""
    return tomllib.loads((DATA_DIR / f"{name}.toml").read_text(encoding="utf-8"))


def pattern(value: str | list[str]) -> str:
    """A regular expression written in a data file, either whole or as a list of pieces to join."""
    return value if isinstance(value, str) else "".join(value)


_LEADING_LITERAL = re.compile(r"(?:\\b)?([a-z0-9 ]+)")


class AnyBranch:
    """A data-file regex tried branch by branch: `search` answers whether the whole pattern would
    match, as `re.search` does, for less. A branch that opens with plain words ("\\bghi ro
    nguon …") is only tried on a text holding those words (a substring test, far cheaper than a
    regex that starts with \\b and so is tried at every position), and one anchored with ^ fails
    at once elsewhere instead of being tried at every position beside the others."""

    def __init__(self, regex: str) -> None:
        self.pattern = regex
        branches = top_level_branches(regex)
        # The branches anchored with ^ are tried together, once, at the start of the text: one
        # `match` of their alternation answers as a `search` of each would, for one call.
        starts = [branch[1:] for branch in branches if _joinable_start(branch)]
        self._start = re.compile("|".join(f"(?:{rest})" for rest in starts)) if len(starts) > 1 else None
        self._branches = [
            (re.compile(branch), _required_prefix(branch))
            for branch in branches
            if self._start is None or not _joinable_start(branch)
        ]

        # A single branch without plain words to look for first gains nothing from the above.
        one = self._start is None and len(self._branches) == 1 and not self._branches[0][1]
        self._whole = self._branches[0][0] if one else None

    def search(self, text: str) -> bool:
        if self._whole is not None:
            return self._whole.search(text) is not None
        if self._start is not None and self._start.match(text) is not None:
            return True
        return any(
            (not needed or needed in text) and branch.search(text) for branch, needed in self._branches
        )


# What keeps a branch out of a joined alternation: a back-reference or a named group (numbers and
# names would clash) and a global inline flag (allowed only at the start of a whole pattern).
_UNJOINABLE = re.compile(r"\\[1-9]|\(\?P|\(\?[aiLmsux]+\)")


def _joinable_start(branch: str) -> bool:
    return branch.startswith("^") and _UNJOINABLE.search(branch) is None


def _required_prefix(branch: str) -> str:
    """The plain words a branch must match first, or "": letters, digits and spaces up to the first
    other character, less a last one that a quantifier makes optional."""
    match = _LEADING_LITERAL.match(branch)
    if match is None:
        return ""
    literal = match.group(1)
    after = branch[match.end() : match.end() + 1]
    if after in ("?", "*", "{"):
        literal = literal[:-1]
    return literal if len(literal.strip()) >= 3 else ""
