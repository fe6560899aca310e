"""One Settings for every part: a `.env` file reaches the crawler too, and options never touch the
environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ocop_watch.options import settings_for
from tests.support.environment import PROJECT_ROOT


def test_a_dot_env_file_reaches_the_crawlers_scrapy_settings(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "OCOP_CONTACT_URL=https://toa-soan.example/lien-he\nOCOP_ARCHIVE=/srv/ocop/archive.sqlite\n"
        "OCOP_RETRY_BACKOFF=7\n",
        encoding="utf-8",
    )
    code = (
        "from crawler import settings as s;"
        " print(s.USER_AGENT, s.OCOP_ARCHIVE, s.OCOP_RETRY_BACKOFF, sep='\\n')"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OCOP_")}
    environment["PYTHONPATH"] = str(PROJECT_ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    user_agent, archive, backoff = result.stdout.split("\n")[:3]
    assert "+https://toa-soan.example/lien-he;" in user_agent, result.stderr
    assert archive == "/srv/ocop/archive.sqlite" and backoff == "7.0"


def test_a_command_option_overrides_the_setting_without_changing_the_environment(
    monkeypatch,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    monkeypatch.setenv("OCOP_ARCHIVE", str(tmp_path / "from-env.sqlite"))
    assert settings_for().archive == tmp_path / "from-env.sqlite"
    assert settings_for(tmp_path / "given.sqlite").archive == tmp_path / "given.sqlite"
    assert os.environ["OCOP_ARCHIVE"] == str(tmp_path / "from-env.sqlite")
