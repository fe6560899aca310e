"""Reading the shape of a regular expression written in a data file, without compiling it."""

from __future__ import annotations


def top_level_branches(regex: str) -> list[str]:
    """The alternatives of a regex split at its top-level "|" (not inside a group or a class).

    A class is taken to end at its first unescaped "]" (so "[]a]" gives "[]" and then "a]"): a "|"
    in such a class counts as top-level, and a caller sees more branches, never fewer."""
    branches: list[str] = []
    current: list[str] = []
    depth, in_class, escaped = 0, False, False
    for ch in regex:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            continue
        current.append(ch)
    branches.append("".join(current))
    return branches


def anchored(regex: str) -> bool:
    """Whether a regex can match only at the start of the string: one top-level branch, opening
    with "^" ("^a|b" can match "b" anywhere)."""
    return regex.startswith("^") and len(top_level_branches(regex)) == 1
