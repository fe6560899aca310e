"""The embedded index's folder beside the archive, kept in step with the archive's change feed.

```
data/archive.sqlite
data/archive.sqlite-index/     (or OCOP_EMBEDDED_INDEX)
    lock                       one writer at a time (catch-up, rebuild)
    current -> <generation>    the index searches use, swapped atomically by a rebuild
    <generation>/              a tantivy index and checkpoint.json {"format", "seq"}
```

- **Catch-up** applies the archive's changes after the checkpoint (each replaces the article's
  document), commits, then moves the checkpoint. Killed in between, the next catch-up applies the
  same changes again, which is harmless. Writers (a crawl, `ocop reprocess`, `EmbeddedIndex.index`)
  catch up when they finish; a search catches up a small backlog itself when nobody else is
  writing, so what was archived is searchable without a separate step.
- **Rebuild** loads the whole archive into a new generation and points `current` at it in one
  atomic rename: searches never see a half-built index, and those holding the previous one finish
  on it (its files stay readable until closed).
- The index is derived data: deleting the folder loses nothing, the next rebuild recreates it.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import tantivy
from filelock import FileLock, Timeout

from indexer.archive import Archive
from indexer.engines.embedded.fields import FORMAT, build_schema, document
from indexer.progress import QUIET, Progress

CHECKPOINT_FILE = "checkpoint.json"
CURRENT = "current"
BATCH = 500  # archive rows read per step
COMMIT_EVERY = 50_000  # changes between commits of a long catch-up (progress survives a kill)
WRITER_HEAP = 200_000_000  # bytes tantivy buffers before it writes a segment


def default_path(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + "-index")


@dataclass(frozen=True)
class Checkpoint:
    generation: str  # the folder of the index
    format: int  # fields.FORMAT it was built with
    seq: int  # every archive change up to this one is in the index


class IndexFolder:
    def __init__(self, archive_path: Path, path: Path | None = None):
        self.archive_path = archive_path
        self.path = path or default_path(archive_path)
        self.schema = build_schema()

    # --- reading the state ------------------------------------------------------------------------

    def checkpoint(self) -> Checkpoint | None:
        """The current generation and how far it got; None when there is none (or it is unreadable)."""
        try:
            generation = os.readlink(self.path / CURRENT)
            data = json.loads((self.path / generation / CHECKPOINT_FILE).read_text("utf-8"))
            return Checkpoint(generation, int(data["format"]), int(data["seq"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def open(self, checkpoint: Checkpoint) -> tantivy.Index:
        """The index of a generation, bound to its own folder (a later swap does not move it)."""
        return tantivy.Index.open(str(self.path / checkpoint.generation))

    # --- writing ----------------------------------------------------------------------------------

    @contextmanager
    def writing(self, *, wait: bool) -> Iterator[bool]:
        """The writer's lock; with `wait=False`, yields False at once when someone else holds it."""
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path / "lock"), thread_local=False, is_singleton=False)
        try:
            lock.acquire(timeout=-1 if wait else 0)
        except Timeout:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()

    def catch_up(
        self,
        index: tantivy.Index,
        checkpoint: Checkpoint,
        archive: Archive,
        *,
        limit: int | None = None,
        progress: Progress = QUIET,
    ) -> Checkpoint:
        """Apply up to `limit` archive changes after the checkpoint (all of them without a limit).
        Call it holding the lock (`writing`)."""
        seq, applied, uncommitted = checkpoint.seq, 0, 0
        pending = archive.pending_changes(seq)
        progress.start(
            f"embedded index ← {self.archive_path.name}", pending if limit is None else min(pending, limit)
        )
        writer = index.writer(WRITER_HEAP, 1)
        try:
            while limit is None or applied < limit:
                step = BATCH if limit is None else min(BATCH, limit - applied)
                rows = archive.changed_rows(seq, step)
                if not rows:
                    break
                for _, rowid, article in rows:
                    writer.delete_documents_by_term("id", article.id)  # its previous version, if any
                    writer.add_document(tantivy.Document.from_dict(document(article, rowid), self.schema))
                seq, applied, uncommitted = rows[-1][0], applied + len(rows), uncommitted + len(rows)
                progress.advance(len(rows))
                if uncommitted >= COMMIT_EVERY:
                    writer.commit()
                    self._write_checkpoint(checkpoint.generation, seq)
                    uncommitted = 0
            writer.commit()
            writer.wait_merging_threads()  # small segments merge now, not pile up
        except BaseException:
            writer.rollback()
            raise
        self._write_checkpoint(checkpoint.generation, seq)
        index.reload()
        return Checkpoint(checkpoint.generation, FORMAT, seq)

    def rebuild(self, archive: Archive, progress: Progress = QUIET) -> Checkpoint:
        """A new generation holding the whole archive, then `current` swapped to it. Call it holding
        the lock (`writing`)."""
        generation = uuid.uuid4().hex[:12]
        folder = self.path / generation
        folder.mkdir(parents=True)
        try:
            index = tantivy.Index(self.schema, path=str(folder), reuse=False)
            self._write_checkpoint(generation, 0)
            progress.start(f"embedded index → {folder}", archive.pending_changes(0))
            seq, loaded_before = 0, archive.last_seq()
            writer = index.writer(WRITER_HEAP, 1)
            while rows := archive.changed_rows(seq, BATCH):
                for change, rowid, article in rows:
                    if change > loaded_before:  # changed during the load: maybe read once already
                        writer.delete_documents_by_term("id", article.id)
                    writer.add_document(tantivy.Document.from_dict(document(article, rowid), self.schema))
                seq = rows[-1][0]
                progress.advance(len(rows))
            writer.commit()
            writer.wait_merging_threads()
            self._write_checkpoint(generation, seq)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._point_current_to(generation)
        return Checkpoint(generation, FORMAT, seq)

    def _write_checkpoint(self, generation: str, seq: int) -> None:
        target = self.path / generation / CHECKPOINT_FILE
        partial = target.with_suffix(".partial")
        partial.write_text(json.dumps({"format": FORMAT, "seq": seq}), "utf-8")
        os.replace(partial, target)

    def _point_current_to(self, generation: str) -> None:
        link = self.path / f"{CURRENT}.{generation}"
        os.symlink(generation, link)
        os.replace(link, self.path / CURRENT)  # atomic: a search sees the old index or the new one
        for other in self.path.iterdir():
            if other.is_dir() and not other.is_symlink() and other.name != generation:
                shutil.rmtree(other, ignore_errors=True)  # open readers keep their files until closed
