"""One crawl per archive at a time.

Two crawls on one archive would each take the other's unfinished run for a killed one and resume
it, and both would report the second's counts. The `crawl` command holds an exclusive lock on
`ARCHIVE.crawl-lock` for the whole run; the operating system drops it when the process ends, even
by SIGKILL, so a killed crawl never leaves a stale lock behind. The file names the holder.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from indexer.errors import ArchiveBusy, ArchiveUnavailable


def lock_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".crawl-lock")


class CrawlLock:
    def __init__(self, archive: Path):
        self.archive = archive
        self.path = lock_path(archive)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ArchiveBusy naming the crawl that holds it."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveUnavailable(
                f"cannot write beside the archive {self.archive} (lock file {self.path.name}): {exc.strerror}"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise ArchiveBusy(
                f"another crawl is writing to {self.archive} ({holder}); one crawl per archive at a time:"
                " wait for it to finish, or crawl into another archive"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S %z')}".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock; the file stays for the next run
            self._fd = None

    def __enter__(self) -> CrawlLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
