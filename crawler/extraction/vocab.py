"""Vocabularies of Vietnamese news pages (labels, agencies, date words), in crawler/extraction/data/.

The extraction modules build their sets and compiled patterns from these files at import time;
to extend a list, edit the TOML file (each list says what it is for), not the code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed crawler/extraction/data/<name>.toml (tables keep the order they are written in)."""
    return tomllib.loads((DATA_DIR / f"{name}.toml").read_text(encoding="utf-8"))


def pattern(value: str | list[str]) -> str:
    """A regular expression written in a data file, either whole or as a list of pieces to join."""
    return value if isinstance(value, str) else "".join(value)
