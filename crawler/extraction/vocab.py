"""Vocabularies of Vietnamese news pages (labels, agencies, date words), in crawler/extraction/data/.

The extraction modules build their sets and compiled patterns from these files at import time;
to extend a list, edit the TOML file (each list says what it is for), not the code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
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
        self._branches = [
            (re.compile(branch), _required_prefix(branch)) for branch in top_level_branches(regex)
        ]

        # A single branch without plain words to look for first gains nothing from the above.
        one = len(self._branches) == 1 and not self._branches[0][1]
        self._whole = self._branches[0][0] if one else None

    def search(self, text: str) -> bool:
        if self._whole is not None:
            return self._whole.search(text) is not None
        return any(
            (not needed or needed in text) and branch.search(text) for branch, needed in self._branches
        )


class LimitedPatterns:
    """Data-file regexes, each with a limit (the most words of a line it may say): `search(text,
    words)` answers whether one whose limit admits `words` matches, as trying them one by one
    would. Their ^-anchored branches are tried in one `match`, largest limit first: an alternation
    matches with its first alternative that can, so the one that matches has the largest limit of
    all those that would; if that limit is too small, so are the others'."""

    def __init__(self, patterns: Iterable[tuple[str, int]]) -> None:
        anchored: dict[int, list[str]] = {}
        self._others: list[tuple[re.Pattern[str], str, int]] = []
        for regex, limit in patterns:
            for branch in top_level_branches(regex):
                if _joinable_start(branch):
                    anchored.setdefault(limit, []).append(branch[1:])
                else:
                    self._others.append((re.compile(branch), _required_prefix(branch), limit))
        self._limits = [(f"l{limit}", limit) for limit in sorted(anchored, reverse=True)]
        groups = ("|".join(f"(?:{rest})" for rest in anchored[limit]) for _, limit in self._limits)
        joined = "|".join(
            f"(?P<{name}>{group})" for (name, _), group in zip(self._limits, groups, strict=True)
        )
        self._start = re.compile(joined) if joined else None

    def search(self, text: str, words: int) -> bool:
        if self._start is not None and (match := self._start.match(text)) is not None:
            limit = next(limit for name, limit in self._limits if match.start(name) >= 0)
            if words <= limit:
                return True
        return any(
            words <= limit and (not needed or needed in text) and branch.search(text)
            for branch, needed, limit in self._others
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
