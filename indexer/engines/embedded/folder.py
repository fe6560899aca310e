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
- **Bulk load** (`load`) archives and indexes in one pass, batch by batch, the index following
  each archive transaction; the documents come from the articles' own analysis (`bulk`), not
  from reading back what was archived.
- **Rebuild** loads the whole archive into a new generation and points `current` at it in one
  atomic rename: searches never see a half-built index, and those holding the previous one finish
  on it (its files stay readable until closed).
- The index is derived data: deleting the folder loses nothing, the next rebuild recreates it.
- **Read-only serving.** tantivy takes a lock file inside an index to open it, which a process
  that may not write the folder (another user's files, a read-only mount) cannot do. Such a process
  opens a *view*: a private temporary folder of links to the generation's files, where tantivy
  takes its lock instead; nothing is written beside the archive. Writers make tantivy's metadata
  files readable like the rest (tantivy writes them for its own user only). Where there is no
  index and none may be written, a small archive is indexed in memory (`in_memory`).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import tantivy
from filelock import FileLock, Timeout

from indexer.archive import Archive, UpsertOutcome
from indexer.engines.embedded.bulk import TRANSACTION, Item
from indexer.engines.embedded.fields import FORMAT, build_schema, document, document_of
from indexer.errors import EngineUnavailable
from indexer.progress import QUIET, Progress

CHECKPOINT_FILE = "checkpoint.json"
CURRENT = "current"
MEMORY = ":memory:"  # the generation of an index held in memory (no folder may be written)
_LOCKS = (".tantivy-meta.lock", ".tantivy-writer.lock")  # tantivy's own, taken by readers too
_PRIVATE = ("meta.json", ".managed.json")  # tantivy writes these readable by its own user only
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
    clean: bool = True  # False while a catch-up runs: changes after `seq` may be in already


class FolderNotWritable(EngineUnavailable):
    """The index folder (or its lock) cannot be written by this process."""


class IndexFolder:
    def __init__(self, archive_path: Path, path: Path | None = None):
        self.archive_path = archive_path
        self.path = path or default_path(archive_path)
        self.schema = build_schema()
        self._view: Path | None = None  # the read-only view this process opened last, if any

    # --- reading the state ------------------------------------------------------------------------

    def checkpoint(self) -> Checkpoint | None:
        """The current generation and how far it got; None when there is none (or it is unreadable)."""
        try:
            generation = os.readlink(self.path / CURRENT)
            data = json.loads((self.path / generation / CHECKPOINT_FILE).read_text("utf-8"))
            return Checkpoint(
                generation, int(data["format"]), int(data["seq"]), bool(data.get("clean", True))
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def open(self, checkpoint: Checkpoint) -> tuple[tantivy.Index, bool]:
        """The index of a generation, bound to its own folder (a later swap does not move it), and
        whether it can be reloaded in place: a view (a folder this process may not write) cannot,
        it is opened again for a newer checkpoint."""
        folder = self.path / checkpoint.generation
        reloadable = _may_write(folder)
        if reloadable:
            index = tantivy.Index.open(str(folder))
        else:
            if self._view is not None:  # the previous view: its index keeps the files it opened
                shutil.rmtree(self._view, ignore_errors=True)
            self._view = _view_of(folder)
            index = tantivy.Index.open(str(self._view))
            index.config_reader(reload_policy="Manual")  # its links are of one commit's files
        return index, reloadable

    def in_memory(self, archive: Archive) -> tuple[tantivy.Index, Checkpoint]:
        """The whole archive indexed in memory: what a process that may write no index folder
        searches when there is no index to read (for small archives: every process builds its own)."""
        index = tantivy.Index(self.schema)
        writer = index.writer(50_000_000, 1)  # small archives only
        seq = self._apply(writer, archive, Checkpoint(MEMORY, FORMAT, 0), None, QUIET)
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return index, Checkpoint(MEMORY, FORMAT, seq)

    # --- writing ----------------------------------------------------------------------------------

    @contextmanager
    def writing(self, *, wait: bool) -> Iterator[bool]:
        """The writer's lock; with `wait=False`, yields False at once when someone else holds it.
        A folder that cannot be written (a read-only mount) is `EngineUnavailable` with the reason."""
        lock = FileLock(str(self.path / "lock"), thread_local=False, is_singleton=False)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            lock.acquire(timeout=-1 if wait else 0)
        except Timeout:
            yield False
            return
        except OSError as exc:
            raise FolderNotWritable(
                f"the embedded search index {self.path} cannot be written ({exc}): point "
                "OCOP_EMBEDDED_INDEX at a writable folder and run `ocop index rebuild`"
            ) from exc
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
        pending = archive.pending_changes(checkpoint.seq)
        progress.start(
            f"embedded index ← {self.archive_path.name}", pending if limit is None else min(pending, limit)
        )
        # a catch-up killed between tantivy's commit and the checkpoint left some changes in: the
        # next one must replace documents rather than add them twice
        self._write_checkpoint(checkpoint.generation, checkpoint.seq, clean=False)
        writer = index.writer(WRITER_HEAP, 1)
        try:
            seq = self._apply(writer, archive, checkpoint, limit, progress, replace_all=not checkpoint.clean)
            writer.commit()
            writer.wait_merging_threads()  # small segments merge now, not pile up
        except BaseException:
            writer.rollback()
            raise
        self.share(checkpoint.generation)
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
            writer = index.writer(WRITER_HEAP, 1)
            # an article changed during the load (a later change number) may have been read once already
            start = Checkpoint(generation, FORMAT, 0)
            seq = self._apply(writer, archive, start, None, progress, replace_after=archive.last_seq())
            writer.commit()
            writer.wait_merging_threads()
            self.share(generation)
            self._write_checkpoint(generation, seq)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._point_current_to(generation)
        return Checkpoint(generation, FORMAT, seq)

    def load(
        self,
        index: tantivy.Index,
        checkpoint: Checkpoint,
        archive: Archive,
        batches: Iterable[list[Item]],
    ) -> tuple[Checkpoint, int]:
        """Archive and index articles in one pass (a bulk load): batches of prepared articles (with
        their index fields, `fields.analyse`) are gathered until they hold `TRANSACTION` articles
        (the analyser keeps working ahead meanwhile, `bulk.AHEAD`), stored in one archive
        transaction, and their documents go to tantivy. The input is never read while the archive
        is locked; once the archive is large its connection is tuned for the load meanwhile
        (`Archive.bulk_loading`: a larger page cache, fewer WAL checkpoints). Changes another writer
        archived meanwhile are indexed first, in the same transaction, so the checkpoint is exact.
        Returns it and the articles stored. Call it holding the lock (`writing`), with the index
        caught up to `checkpoint`."""
        self._write_checkpoint(checkpoint.generation, checkpoint.seq, clean=False)
        writer = index.writer(WRITER_HEAP, 1)
        seq, stored, uncommitted = checkpoint.seq, 0, 0
        try:
            with archive.bulk_loading() as tune_when_large:
                for group in _groups(batches, TRANSACTION):
                    tune_when_large()
                    with archive.transaction():
                        if archive.last_seq() > seq:  # another writer's changes: theirs come first
                            since = Checkpoint(checkpoint.generation, FORMAT, seq)
                            seq = self._apply(writer, archive, since, None, QUIET, replace_all=True)
                        for batch in group:
                            results = archive.store(prepared for prepared, _ in batch)
                            for (_, fields), result in zip(batch, results, strict=True):
                                if result.seq is None:
                                    continue  # unchanged: its document is in the index already
                                if result.outcome is UpsertOutcome.UPDATED:
                                    writer.delete_documents_by_term("id", result.article.id)
                                doc = document(fields, result.rowid, result.article.story_id)
                                writer.add_document(tantivy.Document.from_dict(doc, self.schema))
                                seq, uncommitted = result.seq, uncommitted + 1
                            stored += len(results)
                    if uncommitted >= COMMIT_EVERY:  # after the archive's commit: the index never
                        writer.commit()  # holds an article the archive could still roll back
                        self._write_checkpoint(checkpoint.generation, seq, clean=False)
                        uncommitted = 0
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        self.share(checkpoint.generation)
        self._write_checkpoint(checkpoint.generation, seq)
        index.reload()
        return Checkpoint(checkpoint.generation, FORMAT, seq), stored

    def _apply(  # noqa: PLR0913
        self,
        writer: tantivy.IndexWriter,
        archive: Archive,
        checkpoint: Checkpoint,
        limit: int | None,
        progress: Progress,
        *,
        replace_after: int = -1,
        replace_all: bool = False,
    ) -> int:
        """Add the documents of the archive's changes after the checkpoint (tantivy indexes them on
        its own thread while the next ones are made); returns the last change applied. An updated
        article (version above 1) changed after `replace_after` first loses its previous document;
        with `replace_all`, every article does."""
        seq, applied, uncommitted = checkpoint.seq, 0, 0
        hidden = archive.withdrawn()  # refused by the current extractor: kept, never searched

        def batches() -> Iterator[tuple[int, int, int, str]]:
            nonlocal seq
            while limit is None or applied < limit:
                step = BATCH if limit is None else min(BATCH, limit - applied)
                rows = archive.changed_json(seq, step)
                if not rows:
                    return
                seq = rows[-1][0]
                yield from rows

        for change, rowid, version, data in batches():
            if rowid in hidden:  # withdrawn since it was indexed (or never indexed): no document
                writer.delete_documents_by_term("id", str(json.loads(data)["id"]))
            else:
                doc = document_of((rowid, data))
                if replace_all or (change > replace_after and version > 1):  # replace its document
                    writer.delete_documents_by_term("id", str(doc["id"]))
                writer.add_document(tantivy.Document.from_dict(doc, self.schema))
            applied, uncommitted = applied + 1, uncommitted + 1
            if uncommitted >= COMMIT_EVERY:
                writer.commit()
                self._write_checkpoint(checkpoint.generation, change, clean=False)
                uncommitted = 0
            if applied % BATCH == 0:
                progress.advance(BATCH)
        progress.advance(applied % BATCH)
        return seq

    def share(self, generation: str) -> None:
        """Give tantivy's metadata files the mode of its other files (the umask's choice), so that
        whoever may read the index may open it: tantivy writes them for its own user only."""
        if generation == MEMORY:
            return
        folder = self.path / generation
        mode = (folder / _LOCKS[0]).stat().st_mode & 0o777
        for name in _PRIVATE:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).chmod(mode)

    def _write_checkpoint(self, generation: str, seq: int, *, clean: bool = True) -> None:
        if generation == MEMORY:
            return
        target = self.path / generation / CHECKPOINT_FILE
        partial = target.with_suffix(".partial")
        partial.write_text(json.dumps({"format": FORMAT, "seq": seq, "clean": clean}), "utf-8")
        os.replace(partial, target)

    def _point_current_to(self, generation: str) -> None:
        link = self.path / f"{CURRENT}.{generation}"
        os.symlink(generation, link)
        os.replace(link, self.path / CURRENT)  # atomic: a search sees the old index or the new one
        for other in self.path.iterdir():
            if other.is_dir() and not other.is_symlink() and other.name != generation:
                shutil.rmtree(other, ignore_errors=True)  # open readers keep their files until closed


def _groups(batches: Iterable[list[Item]], articles: int) -> Iterator[list[list[Item]]]:
    """The batches gathered until they hold `articles` articles (the last group may hold fewer).
    The first groups are smaller (one batch, then twice as many each time): the archive starts
    storing as soon as the analyser's first batch is ready, not once a whole transaction's is."""
    group: list[list[Item]] = []
    count, size = 0, 1
    for batch in batches:
        group.append(batch)
        count += len(batch)
        if count >= articles or len(group) >= size:
            yield group
            group, count, size = [], 0, size * 2
    if group:
        yield group


def _may_write(folder: Path) -> bool:
    """Whether this process can take tantivy's lock in `folder` (open its lock file for writing)."""
    try:
        with (folder / _LOCKS[0]).open("a"):
            return True
    except OSError:
        return False


def _view_of(folder: Path) -> Path:
    """A private folder of links to the index files of `folder`, where tantivy can take its locks:
    how a process that may not write the index reads it. Removed when the process ends (the index
    keeps the files it opened)."""
    view = Path(tempfile.mkdtemp(prefix="ocop-index-view-"))
    atexit.register(shutil.rmtree, view, True)
    for item in folder.iterdir():
        if item.name not in _LOCKS and item.is_file():
            (view / item.name).symlink_to(item)
    return view
