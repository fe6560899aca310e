"""Fixtures shared by the whole suite (the helpers behind them live in tests/support/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.cli import CommandResult
from tests.support.small_archive import build_small_archive


@pytest.fixture
def ocop(capsys: pytest.CaptureFixture[str]) -> Callable[..., CommandResult]:
    """Runs an `ocop` command line in this process, as the installed command would (errors become
    one line and an exit code), and returns its exit code, stdout and stderr."""
    from ocop_watch.cli import run

    def invoke(*args: str) -> CommandResult:
        capsys.readouterr()
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CommandResult(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite"


@pytest.fixture
def small_archive(archive_path: Path) -> Path:
    """Five articles covering diacritics, sites, stars and dates; enough for API behaviour tests."""
    return build_small_archive(archive_path)
