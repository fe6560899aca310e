"""Where the tests run: the checkout, ../shared beside it, and whether this is CI.

Under CI (`CI=true`) everything a test needs must be there, so a missing piece fails the test;
elsewhere the test skips with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED = PROJECT_ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_shared(*parts: str) -> Path:
    """A path under ../shared; the test skips with a reason when it is absent (never in CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI always has ../shared")
        pytest.skip(f"{path} not found: the real pages in ../shared are not on this machine")
    return path
