"""Loading the vocabulary data files (indexer/ocop/data), once per process.

Vocabularies are data, not code (see docs/ocop.md for what each file holds and how to update it).
Each loader is cached; the matchers built from them are cached where they are built.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")


def _toml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def relevance_vocab() -> dict[str, Any]:
    return _toml("relevance.toml")


@cache
def places_vocab() -> dict[str, Any]:
    return _toml("places.toml")


@cache
def stars_vocab() -> dict[str, Any]:
    return _toml("stars.toml")


@cache
def claims_vocab() -> dict[str, Any]:
    return _toml("claims.toml")


@cache
def modality_vocab() -> dict[str, Any]:
    return _toml("modality.toml")


@cache
def groups_vocab() -> dict[str, Any]:
    return _toml("product_groups.toml")


@cache
def gazetteer() -> dict[str, Any]:
    """Provinces, the old→new mapping and unambiguous unit names, generated from vietnamadminunits."""
    found: dict[str, Any] = json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))
    return found


@cache
def english_vocab() -> dict[str, Any]:
    return _toml("english.toml")
