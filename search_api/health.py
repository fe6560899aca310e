"""GET /health: "ok", or "degraded" with the reasons, cheap enough to poll every few seconds.

Asking the engine for its count is cheap but proves little: an archive whose pages were
overwritten still counts its articles while searches fail. So the archive's integrity is checked
too, with SQLite's `PRAGMA quick_check`, which reads every page (about 2 s for a 700 MB archive of
30,000 articles). Hence the verdict is kept for `health_check_seconds` per worker process, and
renewed in a background thread while /health keeps answering with the last one; only the first
/health of a process waits for it. An engine that fails in between still shows at once, through
its own answer. No file path is shown: /health is public.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import asdict
from typing import Any

from indexer import __version__
from indexer.archive import Archive
from indexer.engines import SearchIndex
from indexer.errors import ArchiveUnavailable, EngineUnavailable
from indexer.settings import Settings
from search_api.errors import without_paths


class HealthCheck:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._integrity: tuple[float, str | None] | None = None  # (checked at, problem or None)
        self._checking = False  # a renewal runs in the background

    def report(self, index: SearchIndex) -> dict[str, Any]:
        reasons: list[str] = []
        report: dict[str, Any] = {"status": "ok", "version": __version__}
        try:
            report["engine"] = index.health()
            if report["engine"].get("status") == "red":
                reasons.append("the search cluster is red: some of its shards are unassigned")
        except EngineUnavailable as exc:
            reasons.append(f"search engine unavailable: {exc}")
        embedded = self.settings.engine == "embedded"
        if (embedded and not reasons) or (not embedded and self.settings.archive.exists()):
            # The embedded engine is the archive (its failure was said above); a remote engine
            # serves without the archive on this machine, so only an archive that is here is checked.
            try:
                with Archive(self.settings.archive, readonly=True) as archive:
                    problem = self._integrity_problem(archive)
                    report["archive"] = {"articles": archive.count()}
                    report["crawls"] = [asdict(run) for run in archive.last_runs()]
                if problem:
                    reasons.append(problem)
            except (ArchiveUnavailable, sqlite3.DatabaseError) as exc:
                reasons.append(f"the archive cannot be read: {exc}")
        if reasons:
            report["status"] = "degraded"
            report["reasons"] = [without_paths(reason, self.settings) for reason in reasons]
        return report

    def _integrity_problem(self, archive: Archive) -> str | None:
        """The last integrity verdict: computed now the first time, renewed in the background once
        it is older than `health_check_seconds`."""
        with self._lock:
            if self._integrity is None:
                self._integrity = (time.monotonic(), _quick_check(archive))
            elif (
                time.monotonic() - self._integrity[0] >= self.settings.health_check_seconds
                and not self._checking
            ):
                self._checking = True
                threading.Thread(target=self._renew, name="archive-integrity", daemon=True).start()
            return self._integrity[1]

    def _renew(self) -> None:
        try:
            with Archive(self.settings.archive, readonly=True) as archive:
                problem = _quick_check(archive)
        except (ArchiveUnavailable, sqlite3.DatabaseError) as exc:
            problem = f"the archive cannot be read: {exc}"
        with self._lock:
            self._integrity = (time.monotonic(), problem)
            self._checking = False


def _quick_check(archive: Archive) -> str | None:
    try:
        rows = [str(row[0]) for row in archive.conn.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.DatabaseError as exc:  # the check itself cannot read the file
        return f"the archive is damaged: {exc}"
    if rows == ["ok"]:
        return None
    return f"the archive is damaged (integrity check: {'; '.join(rows)}); restore it from a backup"
