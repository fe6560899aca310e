"""Every command's errors: one clear line on stderr and the documented exit code of the error's type.

The table in docs/operators.md is checked against `indexer.errors.ExitCode`, and each row is
provoked from at least one command, as an operator would meet it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.errors import ExitCode
from tests.support.cli import CommandResult
from tests.support.environment import PROJECT_ROOT
from tests.support.mirrors import Mirror, write_registry
from tests.support.mirrors.crawl import crawl_command, crawl_env
from tests.support.readonly import as_another_user, readable_folder
from tests.support.small_archive import build_small_archive

OCOP = str(Path(sys.executable).with_name("ocop"))


def test_the_documented_exit_codes_are_the_codes() -> None:
    text = (PROJECT_ROOT / "docs" / "operators.md").read_text("utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    documented = [int(code) for code in re.findall(r"^\|\s*(\d+)\s*\|", section, re.M)]
    assert documented == [int(code) for code in ExitCode]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["nosuch"], ExitCode.USAGE, "ocop: error: No such command 'nosuch'. (see ocop --help)"),
        (["crawl"], ExitCode.USAGE, "ocop crawl: error: Invalid value: name a site with --site NAME"),
        (["export", "-o", "x.csv", "--limit", "0"], ExitCode.USAGE, "ocop export: error: Invalid value for"),
        (["export", "-o", "x.csv", "--stars", "7"], ExitCode.USAGE, "ocop: error: stars must be 3, 4 or 5"),
        (["export", "-o", "x.csv", "--from", "2024-05-01", "--to", "2024-01-01"], ExitCode.USAGE, "after"),
    ],
)
def test_usage_errors(ocop, small_archive: Path, args: list[str], code: int, says: str) -> None:  # noqa: ANN001
    result: CommandResult = ocop(*args, *(["--archive", small_archive] if args[0] == "export" else []))
    assert result.code == code, result.err
    assert says in result.error


def test_an_invalid_registry_file_is_a_configuration_error(ocop, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "broken.toml").write_text('name = "x"\nbase_url = "not a url"\n', encoding="utf-8")
    result = ocop("sites", "list", "--registry", tmp_path)
    assert result.code == ExitCode.CONFIGURATION
    assert result.error.startswith(f"ocop: error: {tmp_path / 'broken.toml'}: ")


def test_an_invalid_setting_names_the_variable(ocop, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("OCOP_MAX_EXPORTS", "many")
    result = ocop("export", "-o", "x.csv")
    assert result.code == ExitCode.CONFIGURATION
    assert result.error.startswith("ocop: error: invalid setting: OCOP_MAX_EXPORTS:")


def test_a_missing_archive_and_an_unwritable_output(ocop, tmp_path: Path, small_archive: Path) -> None:  # noqa: ANN001
    missing = ocop("export", "-o", tmp_path / "x.csv", "--archive", tmp_path / "none.sqlite")
    assert missing.code == ExitCode.ARCHIVE_UNAVAILABLE and "no archive at" in missing.error
    assert not (tmp_path / "none.sqlite").exists()
    unwritable = ocop("export", "-o", tmp_path / "no" / "such" / "folder.csv", "--archive", small_archive)
    assert unwritable.code == ExitCode.FILE_ERROR and "No such file or directory" in unwritable.error


def test_a_crawl_into_an_archive_it_cannot_write_is_one_line_and_code_5() -> None:
    with readable_folder() as folder, Mirror().running() as mirror:
        archive = build_small_archive(folder / "archive.sqlite")
        registry = folder / "sites"
        write_registry(registry, mirror.base_url)
        command = [OCOP, "crawl", "--site", "mirror", "--registry", str(registry), "--archive", str(archive)]
        result = subprocess.run(
            as_another_user(folder, command), cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
        )
        assert mirror.paths() == []  # refused before any request
    assert result.returncode == ExitCode.ARCHIVE_UNAVAILABLE, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("scrapy crawl: error: "), lines
    assert str(archive) in lines[0] and "Traceback" not in result.stderr


def test_scrapy_crawl_refuses_bad_arguments_before_it_starts(tmp_path: Path) -> None:
    command = crawl_command(tmp_path / "archive.sqlite", site="nope")
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env=crawl_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == ExitCode.USAGE
    [line] = result.stderr.strip().splitlines()  # no banner, no traceback
    assert line.startswith("scrapy crawl: error: unknown site 'nope'; known sites: ")
    assert not (tmp_path / "archive.sqlite").exists()


@pytest.mark.parametrize("args", [["export", "-o", "x.csv"], ["index", "status"]])
def test_an_unreachable_engine_is_code_7_from_every_command(
    ocop,
    monkeypatch: pytest.MonkeyPatch,
    small_archive: Path,
    args: list[str],  # noqa: ANN001
) -> None:
    monkeypatch.setenv("OCOP_ENGINE", "opensearch")
    monkeypatch.setenv("OCOP_ENGINE_URL", "http://127.0.0.1:9")  # the discard port: nothing listens
    result = ocop(*args, "--archive", small_archive)
    assert result.code == ExitCode.ENGINE_UNAVAILABLE, result.err
    assert result.error.startswith("ocop: error: cannot reach opensearch at http://127.0.0.1:9")
