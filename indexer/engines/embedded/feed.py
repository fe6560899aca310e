"""A bulk load's tantivy writer, whose commits do not stop the load.

tantivy's `IndexWriter.commit` blocks until the indexing thread has written its segment (a second
or more at 1,000,000 articles, the GIL released meanwhile), and the writer takes no document until
it returns. A bulk load (`IndexFolder.load`) commits every `COMMIT_EVERY` articles and once at the
end; while it waited for those commits its main thread stored nothing, and the analysing processes
stopped too once they were `bulk.AHEAD` batches ahead: a core sat idle. Here a commit runs on a
thread of its own while the main thread stores the next transaction in the archive; the documents
it makes meanwhile are held and handed to the writer, in their order, once the commit is done, so
the index receives the same documents in the same order between the same commits as before. The
last commit and the wait for tantivy's merges overlap the archive's final WAL checkpoint.

Nothing is committed earlier than before: a commit starts after the archive committed every
article it holds. A kill during a commit leaves the index at its previous commit or this one, and
the checkpoint (written once the commit returned, `clean=False` until the load ends) no further
than what the index holds: the next catch-up applies the rest again (`IndexFolder.catch_up`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import tantivy


class Feed:
    """The documents of a load into `writer`; `committed(seq)` is called (on the commit's thread)
    once a commit holding every change up to `seq` returned."""

    def __init__(self, writer: tantivy.IndexWriter, committed: Callable[[int], None]):
        self.writer = writer
        self._committed = committed
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="index-commit")
        self._running: Future[None] | None = None
        self._held: list[tuple[str | None, tantivy.Document]] = []  # (id it replaces, document)
        self._finished = False

    def add(self, document: tantivy.Document, replaces: str | None = None) -> None:
        """Hand a document to the writer (held while a commit runs); `replaces`: the id of the
        article's previous document, deleted first."""
        if self._running is not None:
            if not self._running.done():
                self._held.append((replaces, document))
                return
            self.settle()
        self._write(replaces, document)

    def _write(self, replaces: str | None, document: tantivy.Document) -> None:
        if replaces is not None:
            self.writer.delete_documents_by_term("id", replaces)
        self.writer.add_document(document)

    def commit(self, seq: int) -> None:
        """Commit what the writer holds, on the commit thread; returns at once."""
        self.settle()
        self._running = self._thread.submit(self._commit, seq)

    def _commit(self, seq: int) -> None:
        self.writer.commit()
        self._committed(seq)

    def finish(self) -> None:
        """The last commit and tantivy's merges, on the commit thread; `settle` waits for them.
        The writer is spent afterwards."""
        self.settle()
        self._running = self._thread.submit(self._finish)

    def _finish(self) -> None:
        self.writer.commit()
        self._finished = True
        self.writer.wait_merging_threads()

    def settle(self) -> None:
        """Wait for the running commit (its error raised here), then hand the held documents to
        the writer: afterwards the writer may be used directly."""
        running, self._running = self._running, None
        if running is not None:
            running.result()
        held, self._held = self._held, []
        for replaces, document in held:
            self._write(replaces, document)

    def abandon(self) -> None:
        """After an error: wait for a running commit (its own error, if any, is dropped: the
        caller's is the one raised), drop the held documents and roll back what the writer holds
        since its last commit (nothing is left to roll back after the last commit)."""
        running, self._running, self._held = self._running, None, []
        if running is not None:
            running.exception()
        if not self._finished:
            self.writer.rollback()

    def close(self) -> None:
        self._thread.shutdown(wait=True)
