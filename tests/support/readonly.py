"""Running a command where the archive cannot be written: on a read-only mount, or as another user.

As root (CI), a read-only mount is a bind mount remounted read-only in a private mount namespace
(`unshare -m`: no other process sees it), and "another user's files" are files given to `nobody`
while the command runs as root without the capabilities that let root ignore file permissions
(the interpreter under /root stays reachable, which it would not be for `nobody` itself). Without
root the mount cannot be made (the test skips, and fails in CI), and the folder is made
unwritable instead, which a non-root user cannot write through.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.environment import IN_CI

NOBODY = 65534


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason}; CI runs as root")
    pytest.skip(reason)


@contextmanager
def readable_folder() -> Iterator[Path]:
    """A fresh folder any user may read (pytest's own tmp_path is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="ocop-readonly-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            path.chmod(path.stat().st_mode | stat.S_IWUSR | stat.S_IXUSR)
        shutil.rmtree(folder, ignore_errors=True)


def on_readonly_mount(folder: Path, command: list[str]) -> list[str]:
    """`command`, run with `folder` mounted read-only for it alone."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        _unavailable("a read-only bind mount needs root and unshare(1)")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        _unavailable("this machine refuses a private mount namespace (unshare -m)")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder), *command]


def as_another_user(folder: Path, command: list[str]) -> list[str]:
    """`command`, run by a user who may read `folder` and its files but write neither."""
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            _unavailable("setpriv(1) is missing")
        for path in (folder, *folder.rglob("*")):
            os.chown(path, NOBODY, NOBODY)
        return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    for path in (*folder.rglob("*"), folder):  # we are not root: permissions bind us too
        path.chmod(0o555 if path.is_dir() else 0o444)
    return command
