"""The WAL checkpoints of a bulk load into a large archive, on a thread of their own.

A tuned load (`Archive.bulk_loading`) copies its WAL into the database once per
`BULK_CHECKPOINT_PAGES` (1 GiB). Done by SQLite's automatic checkpoint, that copy and its syncs ran
in the loading thread, inside a commit: at 1,000,000 articles about 2 s every 15–20 s during which
the load stored nothing, tantivy had nothing to index and the analysing processes, a few batches
ahead, stopped too: two cores mostly idle ("Indexing, round 12" in docs/benchmarks.md). Here a
checkpoint runs on a connection of its own, in a thread (SQLite lets a PASSIVE checkpoint copy what
was committed while a writer goes on), while the load stores the next transaction. The WAL can
only start again from its beginning when a transaction begins with every frame copied, so once the
thread is done the loading thread copies, between two transactions, the few frames committed
meanwhile (one transaction's, about a quarter of the stall) and the next transaction restarts it:
the WAL stays about as large as before.

How many frames wait is read from the WAL index (the `-shm` file: `mxFrame` at byte 16 of its
header, `nBackfill` at byte 96, native byte order; https://www.sqlite.org/walformat.html). Where it
cannot be read, the load keeps SQLite's automatic checkpoints.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

_HEADER = 100  # bytes of the WAL index read: the header (twice) and the checkpoint's progress


def waiting_frames(archive: Path) -> int | None:
    """WAL frames not yet copied into the database; None when the WAL index cannot be read."""
    try:
        with open(f"{archive}-shm", "rb") as shm:
            header = shm.read(_HEADER)
    except OSError:
        return None
    if len(header) < _HEADER:
        return None
    last, copied = (int.from_bytes(header[at : at + 4], sys.byteorder) for at in (16, 96))
    return max(0, last - copied)


class Checkpoints:
    """Checkpoints of a load's WAL once `pages` frames wait, on a thread; `between` is called by the
    loading thread between its transactions, `close` when the load ends (waits for the thread)."""

    def __init__(
        self, archive: Path, writer: sqlite3.Connection, connect: Callable[[], sqlite3.Connection], pages: int
    ):
        self._archive = archive
        self._writer = writer
        self._connect = connect
        self._pages = pages
        self._conn: sqlite3.Connection | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def between(self) -> None:
        """Start a checkpoint when enough frames wait; after one, copy what was committed while it
        ran (so that the next transaction starts the WAL again). No transaction may be open."""
        if self._thread is not None:
            if self._thread.is_alive():
                return
            self._settle()
            self._writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            return
        waiting = waiting_frames(self._archive)
        if waiting is not None and waiting >= self._pages:
            if self._conn is None:
                self._conn = self._connect()
            self._thread = threading.Thread(target=self._checkpoint, name="archive-checkpoint", daemon=True)
            self._thread.start()

    def _checkpoint(self) -> None:
        try:
            assert self._conn is not None
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except BaseException as exc:  # raised in the loading thread, by `between` or `close`
            self._error = exc

    def _settle(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        error, self._error = self._error, None
        if error is not None:
            raise error

    def close(self) -> None:
        try:
            self._settle()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
