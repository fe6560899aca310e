"""Bulk loads of the embedded engine: each article's text analysed once, on a second core.

`EmbeddedIndex.index` archives and indexes many articles in one pass (`IndexFolder.load`). What
depends on an article alone is computed here, in batches: its content digest, its story signature
and its index fields, from one normalising and folding of the text (`fields.analyse`) where the
archive and the index used to do it each. Past `PARALLEL_FROM` articles two more processes
compute them, a few batches ahead, while this one stores the previous batches in the archive and
hands their documents to tantivy, whose own thread indexes them: the work of a load is spread over
two cores without the index waiting for what the archive commits. (With one analysing process it
was the slowest part: this process waited for its batches about half of a load, and 2 cores were
only about 1.5 busy.) The analysing processes run at a lower priority (`NICENESS`): this process's
storing is the load's pace, and they fill the time it leaves.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType

from indexer.archive import Prepared, prepare
from indexer.engines.embedded.fields import analyse
from indexer.schema import Article
from indexer.stories import Signature

PARALLEL_FROM = 5_000  # articles: smaller loads are analysed in this process (no start-up cost)
BATCH = 500  # articles analysed per step
# Articles per archive transaction of a bulk load (`IndexFolder.load`). Each commit writes every
# page it changed, and the story band rows (18 per article) land in random pages of a table that
# grows with the archive: the more articles per commit, the more of them share a page, written
# once. The archive is locked meanwhile (about 5 s at this size); readers are not held up (WAL).
TRANSACTION = 5_000
# Batches the analysing processes may prepare before this one stores them: more than a transaction
# holds, so it keeps working while one is stored.
AHEAD = TRANSACTION // BATCH + 2
PROCESSES = 2  # analysing processes: with this thread and tantivy's they keep 2 cores busy
# How much lower the analysing processes' scheduling priority is than this one's (`os.nice`). The
# thread storing the archive rows sets the load's pace: its batches are analysed ahead (the
# analysers were busy only about 40 % of the time each), and tantivy's thread indexes what it
# hands over. At equal priority the analysers took the cores from it whenever they had a batch,
# and the cores then idled while it waited on the archive's writes: 1.75 of 2 cores busy. Yielding
# to it, they run when it cannot: 1.86 busy, and the load 10-13 % faster (60,000 articles into a
# 600,000-article archive, `bench/bench_indexing.py --niceness`, alternating: 1,389-1,437
# articles/s at 0; 1,522-1,549 at 5, 1,568-1,618 at 10, 1,546-1,579 at 19). On a machine busy
# with other work they wait for it as well, and so does the load: it is a background job.
NICENESS = 10
# Objects a process of a parallel load may make before its cycle collector runs (Python's default:
# 700), in the analysing processes and, while the load lasts, in this one. What a batch makes (the
# articles, their fields, the documents) holds no reference cycle and is freed by reference counting,
# so collections only walked it: in an analysing process 0.020 ms of CPU per article with the
# default (once frozen), none measured with this; in this one 0.048 → 0.020 ms per article
# (`bench/bench_indexing.py`, 20,000 articles into a 300,000-article archive).
YOUNG_OBJECTS = 20_000

Item = tuple[Prepared, dict[str, object]]  # an article ready to archive, and its index fields
_Sent = tuple[str, Signature | None, dict[str, object]]  # what an analysing process sends back


def prepared(article: Article) -> Item:
    analysis = analyse(article)
    return prepare(article, analysis.text_syllables), analysis.fields


def _analysed(articles: list[Article]) -> list[_Sent]:
    """`prepared` in an analysing process, without the articles it was sent (they are here already)."""
    found = []
    for article in articles:
        item, fields = prepared(article)
        found.append((item.digest, item.signature, fields))
    return found


class Analyser:
    """Prepares a load's articles batch by batch: here, or in `PROCESSES` analysing processes
    (`parallel`), which are forked when the analyser is entered, before the caller opens the
    index (no thread of tantivy's is copied into the children).

    For a parallel load the objects this process holds already (the modules, mostly) are moved out
    of the garbage collector's reach (`gc.freeze`) until the load ends, in this process and in the
    forked ones, and every one of them collects in larger steps (`YOUNG_OBJECTS`; this process's
    thresholds are set back at the end): a full collection then walks what the load made, not the
    whole heap again. Only cyclic garbage made before the load is collected later than it would be:
    at its end. With `YOUNG_OBJECTS` in the analysing processes, collections took 0.026 ms of CPU per
    article of a 6,000-article load instead of 0.084 (`gc.callbacks`)."""

    def __init__(self, *, parallel: bool):
        self._frozen = parallel and not gc.get_freeze_count()  # somebody else's freeze is left alone
        self._thresholds = gc.get_threshold()
        if self._frozen:
            gc.freeze()
            _collect_less()
        self._pool: Pool | None = None
        try:
            if parallel:
                self._pool = multiprocessing.get_context("fork").Pool(PROCESSES, initializer=_start_analysing)
        except BaseException:
            self._thaw()
            raise

    def __enter__(self) -> Analyser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
        self._thaw()

    def _thaw(self) -> None:
        if self._frozen:
            gc.set_threshold(*self._thresholds)
            gc.unfreeze()
            self._frozen = False

    def batches(self, articles: Iterable[Article]) -> Iterator[list[Item]]:
        if self._pool is None:
            for batch in _batched(articles):
                yield [prepared(article) for article in batch]
            return
        pending: deque[tuple[list[Article], AsyncResult[list[_Sent]]]] = deque()
        for batch in _batched(articles):
            pending.append((batch, self._pool.apply_async(_analysed, (batch,))))
            if len(pending) > AHEAD:
                yield _received(*pending.popleft())
        while pending:
            yield _received(*pending.popleft())


def _collect_less() -> None:
    """The cycle collector's first threshold raised (`YOUNG_OBJECTS`); garbage in cycles, if any, is
    still collected, in larger steps."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


def _start_analysing() -> None:
    """In each analysing process, as it starts: it collects less (`_collect_less`) and yields the
    cores to the loading process (`NICENESS`). Where the system refuses a lower priority (a sandbox
    may forbid `setpriority`), the process analyses at the loader's: a pool whose initializer
    raises starts new processes forever, and the load would hang; the priority only makes it faster."""
    _collect_less()
    with contextlib.suppress(OSError):
        os.nice(NICENESS)


def _batched(articles: Iterable[Article]) -> Iterator[list[Article]]:
    source = iter(articles)
    while batch := list(islice(source, BATCH)):
        yield batch


def _received(batch: list[Article], result: AsyncResult[list[_Sent]]) -> list[Item]:
    return [
        (Prepared(article, digest, signature), fields)
        for article, (digest, signature, fields) in zip(batch, result.get(), strict=True)
    ]


def split(articles: Iterable[Article]) -> tuple[bool, Iterator[Article]]:
    """Whether a load is large enough for the analysing processes, and its articles (the first ones were
    read to know)."""
    source = iter(articles)
    head = list(islice(source, PARALLEL_FROM))
    return len(head) == PARALLEL_FROM, chain(head, source)
