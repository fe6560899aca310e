"""`EmbeddedIndex`: the SearchIndex that needs no server (tantivy, in-process, beside the archive).

A search runs the text match and the filters in tantivy, reads the hits' articles from the archive
by rowid, and cuts snippets in Python (`indexer.highlight`, identical on every engine). Facet counts,
the total and the histogram come from one aggregation request over the text match (see
`render.aggregations`); story sizes from one more over the page's stories; site labels from one
over every article, once per state of the index (`_labels`).

Paging: relevance pages are windows of tantivy's ranking (ties in the index's order); a relevance
cursor remembers the last hit and its position and finds it again in a small window around that
position. Date sorts follow the `newest`/`oldest` keys (date, then id prefix; equal keys ordered by
date and id here): a cursor holds the last key and id, and the next page is a range on the key,
so deep pages cost what the first one does.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

import tantivy

import indexer.engines.core as core
from indexer.archive import Archive
from indexer.engines.embedded.bulk import Analyser
from indexer.engines.embedded.bulk import split as split_for_analysis
from indexer.engines.embedded.counts import exact as exact_counts
from indexer.engines.embedded.counts import without
from indexer.engines.embedded.fields import (
    FORMAT,
    HISTOGRAM_COLUMNS,
    MANY,
    PAIR,
    PAIR_JOINER,
    STORY_COLUMN,
    UNDATED,
    histogram_key,
    many_key,
    pair_values,
)
from indexer.engines.embedded.folder import MEMORY, Checkpoint, FolderNotWritable, IndexFolder
from indexer.engines.embedded.render import (
    ALL_FILTERS,
    DATE_FILTER,
    MANY_AGG,
    Filters,
    Renderer,
    aggregations,
    facet_scope,
    recount,
    scope_name,
    scoped,
)
from indexer.errors import ArchiveUnavailable, EngineUnavailable, NotFound
from indexer.facets import COUNTED_FACETS, TermsFacet
from indexer.highlight import hit_for
from indexer.progress import QUIET, Progress
from indexer.query import Bucket, Hit, ParsedQuery, SearchRequest, SearchResponse, Sort
from indexer.query_ast import AllOf, AnyOf, Expanded, Node, Term
from indexer.readings import Remembered
from indexer.schema import Article

INLINE_CATCH_UP = 1_000  # archive changes a search applies itself before answering
CURSOR_SLACK = 16  # how far a relevance cursor's article may have moved when the index changed
RELEVANCE_WINDOW = 10_000  # hits ranked per step when an export scans in relevance order
LABELLED_VALUES = 65_000  # values of a labelled facet named at most (tantivy's bucket limit)
MANY_WORDS = 8  # required words from which a query's match is read once (`_collect`)
COLLECTED = 5_000  # the most hits `_collect` ranks at once; the match is counted from them if no more
POSTINGS_PER_HIT = 3_000  # `_collect`: counting a hit by id costs about what reading this many postings does
EMPTY = tantivy.Query.empty_query()
_ORDER = {"newest": tantivy.Order.Desc, "oldest": tantivy.Order.Asc}
_RELEVANCE_CURSOR = (float, int, int)  # score, rowid, position of the last hit
_DATE_CURSOR = (int, int, str)  # sort key, date (ms) and id of the last hit
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Ranked:
    """One hit as the index ranked it: the archive row and what the cursor needs."""

    rowid: int
    after: list[core.CursorValue]
    score: float | None = None


@contextmanager
def _readable(path: Path) -> Iterator[None]:
    """A damaged, locked or foreign archive is the embedded engine being down: a 503 with the
    reason, like an unreachable Elasticsearch, never a 500."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise ArchiveUnavailable(f"the archive {path} cannot be read: {exc}") from exc


class EmbeddedIndex:
    """SearchIndex over a tantivy index kept in step with the archive (see `folder`).

    Searching never writes the archive (the API may serve a read-only file): it reads it through
    read-only connections, and catches the index up only where it may write the index folder
    (`OCOP_EMBEDDED_INDEX`). Only `index` and `delete` write the archive.
    """

    name = "embedded"

    def __init__(
        self,
        archive_path: Path | str,
        *,
        index_path: Path | None = None,
        time_budget: float = core.DEFAULT_TIME_BUDGET,
        inline_catch_up: int = INLINE_CATCH_UP,
    ):
        self.path = Path(archive_path)
        self.folder = IndexFolder(self.path, index_path)
        self.renderer = Renderer(self.folder.schema)
        self.time_budget = time_budget
        self.inline_catch_up = inline_catch_up
        self._open_lock = threading.Lock()
        self._index: tantivy.Index | None = None
        self._opened: Checkpoint | None = None
        self._reloadable = True
        self._memory_lock = threading.Lock()
        self._memory: tuple[tantivy.Index, Checkpoint] | None = None  # see `folder.in_memory`
        self._local = threading.local()
        self._readings = Remembered()  # the accented readings of queries, per state of the index
        self._labelled: _Kept[str, Mapping[str, str]] = _Kept(size=8)  # facet values' names, by facet
        self._held: _Kept[Node, int] = _Kept()  # articles holding a word (relaxed queries' weights)
        self._whole: _Kept[str, dict[str, Any]] = _Kept(size=32)  # the whole archive's counts, by request

    def _archive(self) -> Archive:
        """This thread's read-only connection to the archive (SQLite connections are not shared
        between threads). The file is looked at on every use: an archive deleted or replaced under
        a running server is said so (or opened again), never read through a connection to the old
        file, and a missing one is never created."""
        try:
            found = self.path.stat()
        except OSError:
            raise ArchiveUnavailable(f"no archive at {self.path}") from None
        identity = (found.st_dev, found.st_ino)
        cached: tuple[tuple[int, int], Archive] | None = getattr(self._local, "archive", None)
        if cached is not None and cached[0] == identity:
            return cached[1]
        if cached is not None:
            cached[1].close()
        archive = Archive(self.path, readonly=True)
        self._local.archive = (identity, archive)
        return archive

    def close(self) -> None:
        cached = getattr(self._local, "archive", None)
        if cached is not None:
            cached[1].close()
            self._local.archive = None

    # --- keeping the index in step with the archive -----------------------------------------------

    @staticmethod
    def _usable(checkpoint: Checkpoint | None, head: int) -> Checkpoint | None:
        """The checkpoint if its index can be searched and caught up: same format, and not ahead of
        the archive (an archive replaced by an older copy needs a rebuild)."""
        if checkpoint is not None and checkpoint.format == FORMAT and checkpoint.seq <= head:
            return checkpoint
        return None

    def _index_for(self, checkpoint: Checkpoint) -> tantivy.Index:
        with self._open_lock:
            if checkpoint.generation == MEMORY:
                assert self._memory is not None
                self._index, self._reloadable = self._memory[0], False
            else:
                try:
                    if (
                        self._index is None
                        or self._opened is None
                        or self._opened.generation != checkpoint.generation
                        or (self._opened.seq != checkpoint.seq and not self._reloadable)
                    ):
                        self._index, self._reloadable = self.folder.open(checkpoint)
                    elif self._opened.seq != checkpoint.seq:
                        self._index.reload()
                except (OSError, ValueError) as exc:
                    raise EngineUnavailable(
                        f"the embedded search index {self.folder.path} cannot be read ({exc}): "
                        "run `ocop index rebuild`"
                    ) from exc
            self._opened = checkpoint
            return self._index

    def _current(self) -> tuple[tantivy.Index, Checkpoint]:
        """The index and its checkpoint, caught up with the archive when the backlog is small and
        this process may write the index (nobody else writing)."""
        archive = self._archive()
        head = archive.last_seq()
        checkpoint = self._usable(self.folder.checkpoint(), head) or self._first(archive, head)
        if checkpoint.seq < head and self.inline_catch_up:
            checkpoint = self._caught_up(archive, checkpoint)
        return self._index_for(checkpoint), checkpoint

    def _first(self, archive: Archive, head: int) -> Checkpoint:
        """No usable index in the folder (none, another `FORMAT`, or ahead of the archive): a small
        archive is indexed now, in the folder or, where it may not be written, in memory."""
        memory = self._memory
        if memory is not None and memory[1].seq <= head:
            return memory[1]
        backlog = archive.pending_changes(0)
        if backlog > self.inline_catch_up:
            raise EngineUnavailable(
                "the embedded search index is missing, of another version, or made from another "
                f"archive ({backlog:,} articles to load): run `ocop index rebuild` (OCOP_EMBEDDED_INDEX "
                "says where the index lives; it must be a folder that command may write)"
            )
        try:
            with self.folder.writing(wait=False) as mine:
                if not mine:
                    raise EngineUnavailable("the embedded search index is being built: try again shortly")
                return self._usable(self.folder.checkpoint(), head) or self.folder.rebuild(archive)
        except FolderNotWritable:
            with self._memory_lock:
                if self._memory is None or self._memory[1].seq > head:
                    self._memory = self.folder.in_memory(archive)
                return self._memory[1]

    def _caught_up(self, archive: Archive, checkpoint: Checkpoint) -> Checkpoint:
        """At most `inline_catch_up` changes applied, unless someone else is writing (no waiting);
        a folder that cannot be written answers from what it holds."""
        if checkpoint.generation == MEMORY:
            if not self._memory_lock.acquire(blocking=False):
                return checkpoint
            try:
                assert self._memory is not None
                index, latest = self._memory
                latest = self.folder.catch_up(index, latest, archive, limit=self.inline_catch_up)
                self._memory = (index, latest)
                return latest
            finally:
                self._memory_lock.release()
        with contextlib.suppress(EngineUnavailable), self.folder.writing(wait=False) as mine:
            on_disk = self.folder.checkpoint() if mine else None
            if on_disk is not None and on_disk.generation == checkpoint.generation:
                checkpoint = self.folder.catch_up(
                    self._index_for(on_disk), on_disk, archive, limit=self.inline_catch_up
                )
        return checkpoint

    def sync(self, progress: Progress = QUIET) -> int:
        """Bring the index up to the archive (waiting for another writer); returns the changes applied.
        Builds it when there is none, or it is of another version. Reads the archive only."""
        with (
            _readable(self.path),
            self.folder.writing(wait=True),
            Archive(self.path, readonly=True) as archive,
        ):
            checkpoint = self._usable(self.folder.checkpoint(), archive.last_seq())
            applied = 0
            if checkpoint is None:
                checkpoint = self.folder.rebuild(archive, progress)
                applied = archive.pending_changes(0) - archive.pending_changes(checkpoint.seq)
            if checkpoint.seq < archive.last_seq():
                index = self._index_for(checkpoint)
                done = self.folder.catch_up(index, checkpoint, archive, progress=progress)
                applied += archive.pending_changes(checkpoint.seq) - archive.pending_changes(done.seq)
                checkpoint = done
            self._index_for(checkpoint)
            return applied

    def rebuild(self, progress: Progress = QUIET) -> int:
        """A new index from the whole archive, swapped in atomically; returns the articles loaded."""
        with _readable(self.path), self.folder.writing(wait=True):
            checkpoint = self.folder.rebuild(self._archive(), progress)
            return self._index_for(checkpoint).searcher().num_docs

    def status(self) -> dict[str, object]:
        """Articles in the archive and the index, and how far the index is behind."""
        with _readable(self.path):
            archive = self._archive()
            head = archive.last_seq()
            usable = self._usable(self.folder.checkpoint(), head)
            return {
                "engine": self.name,
                "index": str(self.folder.path),
                "archive_articles": archive.count(),
                "engine_articles": self._index_for(usable).searcher().num_docs if usable else 0,
                "archive_seq": head,
                "checkpoint_seq": usable.seq if usable else 0,
                "pending": archive.pending_changes(usable.seq if usable else 0),
                "withdrawn": len(archive.withdrawn()),
            }

    # --- writing ------------------------------------------------------------------------------------

    def index(self, articles: Iterable[Article]) -> int:
        """Archive the articles and index them in one pass (`IndexFolder.load`); returns how many
        were stored. Large loads analyse the text in two more processes (`bulk`)."""
        parallel, articles = split_for_analysis(articles)
        with (
            Analyser(parallel=parallel) as analyser,
            _readable(self.path),
            self.folder.writing(wait=True),
            Archive(self.path) as archive,
        ):
            checkpoint = self._usable(self.folder.checkpoint(), archive.last_seq())
            if checkpoint is None:
                checkpoint = self.folder.rebuild(archive)
            elif checkpoint.seq < archive.last_seq() or not checkpoint.clean:
                checkpoint = self.folder.catch_up(self._index_for(checkpoint), checkpoint, archive)
            checkpoint, stored = self.folder.load(
                self._index_for(checkpoint), checkpoint, archive, analyser.batches(articles)
            )
            self._index_for(checkpoint)
        return stored

    def delete(self, ids: Iterable[str]) -> int:
        with _readable(self.path), Archive(self.path) as archive:
            deleted = archive.delete(ids)
        if deleted:
            with self.folder.writing(wait=True):
                checkpoint = self.folder.checkpoint()
                if checkpoint is not None:
                    index = self._index_for(checkpoint)
                    writer = index.writer(50_000_000, 1)
                    for article_id in deleted:
                        writer.delete_documents_by_term("id", article_id)
                    writer.commit()
                    writer.wait_merging_threads()
                    self.folder.share(checkpoint.generation)
                    index.reload()
            self._memory = None  # an index in memory is made again from the archive
        return len(deleted)

    # --- reading ------------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        with _readable(self.path):
            archive = self._archive()
            if (reason := archive.withdrawn_reason(article_id)) is not None:
                raise NotFound(
                    f"article {article_id!r} is withdrawn: the extractor now refuses its page ({reason})"
                )
            return archive.get(article_id)

    def count(self) -> int:
        with _readable(self.path):
            return int(self._current()[0].searcher().num_docs)

    def phrase_counts(self, phrases: Sequence[Sequence[str]]) -> list[int]:
        with _readable(self.path):
            searcher = self._current()[0].searcher()
            return [
                _match_count(searcher, self.renderer.phrase(phrase)) if phrase else 0 for phrase in phrases
            ]

    def health(self) -> dict[str, object]:
        """What a search would do first (catch up, or say why it cannot), and how far behind the
        archive the index it searches is."""
        with _readable(self.path):
            index, checkpoint = self._current()
            return {
                "engine": self.name,
                "articles": int(index.searcher().num_docs),
                "index_behind_archive": self._archive().pending_changes(checkpoint.seq),
            }

    def search(self, request: SearchRequest) -> SearchResponse:
        with _readable(self.path):
            index, checkpoint = self._current()
            searcher = index.searcher()
            deadline = core.Deadline(self.time_budget)
            state = (checkpoint.generation, checkpoint.seq, int(searcher.num_docs))
            sort = request.effective_sort
            filters = self.renderer.filters(request)
            counted: dict[ParsedQuery, dict[str, Any]] = {}
            collected: dict[ParsedQuery, list[Ranked]] = {}

            def count(parsed: ParsedQuery) -> int:
                """The total under every filter; with facets, from the very aggregation the response
                needs, kept for it when the query is not relaxed (the text match is then read once)."""
                if not request.with_facets:
                    return self._count(searcher, parsed, filters)
                if _collectable(request, parsed, filters):
                    collected[parsed], counts = self._collect(searcher, parsed, request, filters)
                    if counts is not None:
                        counted[parsed] = counts
                        return int(counts[scope_name(ALL_FILTERS)]["doc_count"])
                counted[parsed] = self._aggregate(searcher, state, parsed, request, filters)
                return int(counted[parsed][scope_name(ALL_FILTERS)]["doc_count"])

            searched = core.plan(
                request,
                count=count,
                sample=lambda p, n: self._articles(self._ranked(searcher, self._ranking(searcher, p), n, 0)),
                frequencies=lambda words: self._frequencies(searcher, words, state),
                reader=partial(self._readings.read, state),
            )
            parsed = searched.parsed
            matching = self.renderer.matching(parsed)
            if request.collapse:
                stories = self._story_page(searcher, request, parsed, sort, filters)
                ranked = []
            else:
                ranked = self._page(searcher, request, parsed, sort, filters, collected.get(parsed))
            deadline.check()
            if request.with_facets:
                counts = counted.get(parsed) or self._aggregate(searcher, state, parsed, request, filters)
                total = int(counts[scope_name(ALL_FILTERS)]["doc_count"])
                facets = self._facets(searcher, matching, counts, request, filters)
                histogram = _histogram(counts, request, filters)
            else:
                total = self._count(searcher, parsed, filters)
                facets, histogram = {}, []
            deadline.check()
            total_stories = None
            if request.collapse:
                hits = core.story_hits(request, stories, self.scan)
                total_stories = self._count_stories(searcher, self.renderer.filtered(matching, filters))
            else:
                hits = self._hits(ranked, parsed)
            hits = core.with_story_sizes(hits, lambda ids: self._story_sizes(searcher, ids))
            facets = core.with_labels(facets, lambda facet, values: self._labels(searcher, state, facet))
        return core.response(
            request,
            engine=self.name,
            sort=sort,
            total=total,
            hits=hits,
            facets=facets,
            histogram=histogram,
            next_after=ranked[-1].after if ranked else None,
            deadline=deadline,
            searched=searched,
            total_stories=total_stories,
        )

    def _aggregate(
        self,
        searcher: tantivy.Searcher,
        state: Hashable,
        parsed: ParsedQuery,
        request: SearchRequest,
        filters: Filters,
    ) -> dict[str, dict[str, Any]]:
        """The total, the facets and the histogram of the text match (`render.aggregations`), by
        scope (`render.scoped`). A facet's articles holding more than two values are counted only
        where the index holds any (its `many_key` term: a lookup in the term dictionary). A match
        known to hold most of the archive is counted as the whole archive (kept per state of the
        index) less the articles it does not match (`counts`): the same integers, without counting
        nearly every article of the archive again for every such request."""
        spec = _spec(searcher, request, filters)
        matching = self.renderer.matching(parsed)
        if 2 * _at_least(searcher, parsed) <= int(searcher.num_docs):
            return scoped(searcher.aggregate(matching, spec))
        key = json.dumps(spec, sort_keys=True)
        whole = self._whole.get(
            state, [key], lambda _: [dict(searcher.aggregate(tantivy.Query.all_query(), spec))]
        )[0]
        if not exact_counts(whole):
            return scoped(searcher.aggregate(matching, spec))
        rest = self.renderer.unmatched(parsed, lambda name, token: int(searcher.doc_freq(name, token)))
        return scoped(without(whole, dict(searcher.aggregate(rest, spec))))

    def _collect(
        self,
        searcher: tantivy.Searcher,
        parsed: ParsedQuery,
        request: SearchRequest,
        filters: Filters,
    ) -> tuple[list[Ranked], dict[str, dict[str, Any]] | None]:
        """A query of many required words, its text match read once: the best `COLLECTED` hits of
        its ranking (those up to the page's end kept: the page is cut from them), and, when they
        are every hit, the aggregation of `_aggregate` over those articles by id (a union of term
        lookups) instead of over the match again. Each required word of such a query is a union
        over the title, the body and the related headlines, read through for the whole archive by
        both the count and the ranking, while what they all hold is small (40 common words: 394
        articles of 100,000). None for the counts (then counted as `_aggregate` does) when the
        hits are more, or when counting them by id would cost more than reading the match again
        (`_postings`: about 7–9 µs per hit, read from the archive and looked up in each segment's
        `id` terms in sorted order; about 2.4 ns per posting read; at 100,000 and 1,000,000
        articles)."""
        query = self.renderer.filtered(self._ranking(searcher, parsed), filters)
        found = searcher.search(query, COLLECTED, count=True)
        hits, total = found.hits, int(found.count)  # type: ignore[attr-defined]
        ranked = self._ranked_from(searcher, hits[: request.page * request.size], 0)
        if total > len(hits) or len(hits) * POSTINGS_PER_HIT > _postings(searcher, parsed):
            return ranked, None
        # in rowid order: neighbouring rows of the archive's table read together (3,946 ids: 11.4 → 9.0 ms)
        ids = self._archive().ids_at(sorted(_rowids(searcher, [address for _, address in hits])))
        if len(ids) < len(hits):  # the archive behind the index: count the match itself
            return ranked, None
        spec = _spec(searcher, request, filters)
        terms = [tantivy.Query.term_query(self.renderer.schema, "id", i) for i in sorted(ids.values())]
        held = tantivy.Query.boolean_query([(tantivy.Occur.Should, t) for t in terms]) if terms else EMPTY
        return ranked, scoped(searcher.aggregate(held, spec))

    def _ranking(self, searcher: tantivy.Searcher, parsed: ParsedQuery) -> tantivy.Query:
        return self.renderer.ranking(
            parsed,
            held_by=lambda term: _held_by(searcher, term),
            share=_share(searcher),
            read=lambda node: _postings_of(searcher, node),
        )

    def _count(self, searcher: tantivy.Searcher, parsed: ParsedQuery, filters: Filters) -> int:
        return _match_count(searcher, self.renderer.filtered(self.renderer.matching(parsed), filters))

    def _frequencies(
        self, searcher: tantivy.Searcher, words: Sequence[Node], state: Hashable = None
    ) -> tuple[int, list[int]]:
        """The articles of the index, and how many hold each word (kept per `state` when given)."""

        def count(found: list[Node]) -> list[int]:
            return [_match_count(searcher, self.renderer.node(w)) for w in found]

        held = count(list(words)) if state is None else self._held.get(state, words, count)
        return int(searcher.num_docs), held

    def scan(self, request: SearchRequest, batch_size: int = 500) -> Iterator[Article]:
        """Every match in sort order, on one snapshot of the index, in constant memory (exports)."""
        with _readable(self.path):
            searcher = self._current()[0].searcher()
        parsed, sort = request.parsed, request.effective_sort
        filters = self.renderer.filters(request)
        if sort == "relevance":
            query = self.renderer.filtered(self._ranking(searcher, parsed), filters)
            offset = 0
            while True:
                window = self._ranked(searcher, query, RELEVANCE_WINDOW, offset)
                for start in range(0, len(window), batch_size):
                    yield from self._articles(window[start : start + batch_size])
                if len(window) < RELEVANCE_WINDOW:
                    return
                offset += len(window)
        after: list[core.CursorValue] | None = None
        while True:
            page = self._dated(searcher, parsed, sort, filters, batch_size, 0, after)
            yield from self._articles(page)
            if len(page) < batch_size:
                return
            after = page[-1].after

    # --- pages ------------------------------------------------------------------------------------

    def _page(
        self,
        searcher: tantivy.Searcher,
        request: SearchRequest,
        parsed: ParsedQuery,
        sort: Sort,
        filters: Filters,
        collected: list[Ranked] | None = None,
    ) -> list[Ranked]:
        """A page of hits; from `collected` (the best hits of this query's ranking, `_collect`)
        when it holds the page."""
        shape = _RELEVANCE_CURSOR if sort == "relevance" else _DATE_CURSOR
        after = core.decode_cursor(request.cursor, sort, shape) if request.cursor else None  # even for size 0
        if request.size == 0:
            return []
        offset = (request.page - 1) * request.size
        if collected is not None:  # a relevance page within them, no cursor (`_collectable`)
            return collected[offset : offset + request.size]
        if sort != "relevance":
            return self._dated(searcher, parsed, sort, filters, request.size, offset, after)
        query = self.renderer.filtered(self._ranking(searcher, parsed), filters)
        if after is None:
            return self._ranked(searcher, query, request.size, offset)
        score, rowid, position = after
        start = max(0, int(position) - CURSOR_SLACK)
        window = self._ranked(searcher, query, request.size + 2 * CURSOR_SLACK, start)
        # continue after the last hit where it is now (the index may have changed since); if it
        # left the results, after the last hit scoring as high as it did
        found = [i + 1 for i, hit in enumerate(window) if hit.rowid == rowid]
        lower = [i for i, hit in enumerate(window) if hit.score is not None and hit.score < float(score)]
        resume = found[0] if found else lower[0] if lower else len(window)
        if resume + request.size <= len(window) or len(window) < request.size + 2 * CURSOR_SLACK:
            return window[resume : resume + request.size]
        return self._ranked(searcher, query, request.size, start + resume)

    def _story_page(
        self,
        searcher: tantivy.Searcher,
        request: SearchRequest,
        parsed: ParsedQuery,
        sort: Sort,
        filters: Filters,
    ) -> list[tuple[str, float | None]]:
        """collapse=story: the page's stories, each placed where its first matching copy is in
        the request's order, with that copy's score. Tantivy has no field collapsing: the ranked
        hits are read from the top in growing windows, keeping each story's first copy, until the
        page is full (at most `MAX_WINDOW` stories deep, as pages are)."""
        wanted = request.page * request.size
        if wanted == 0:
            return []
        query = self.renderer.filtered(self._ranking(searcher, parsed), filters)
        stories: dict[str, float | None] = {}
        start, window = 0, max(4 * wanted, 100)
        while len(stories) < wanted:
            if sort == "relevance":
                found = self._ranked(searcher, query, window, start)
            else:
                found = self._dated(searcher, parsed, sort, filters, window, start, None)
            articles = self._archive().articles_at(hit.rowid for hit in found)
            for hit in found:
                article = articles.get(hit.rowid)
                if article is not None:
                    stories.setdefault(article.story_id or article.id, hit.score)
            if len(found) < window:
                break
            start, window = start + window, 2 * window
        return list(stories.items())[wanted - request.size : wanted]

    def _count_stories(self, searcher: tantivy.Searcher, query: tantivy.Query) -> int:
        result = searcher.aggregate(query, {"stories": {"cardinality": {"field": STORY_COLUMN}}})
        return round(float(result["stories"]["value"] or 0))

    def _labels(self, searcher: tantivy.Searcher, state: Hashable, facet: TermsFacet) -> Mapping[str, str]:
        """The most common `label_field` value among the articles holding each facet value: a
        property of the index, not of the request, so counted over every article once per state
        of the index (its checkpoint and size: a deletion changes the size) and kept, rather than
        over the articles of the buckets shown at every request (1.7 ms a request at 100,000
        articles, round 10). Each value's label is counted over the same articles either way."""
        assert facet.label_field is not None
        label_field = facet.label_field

        def count(names: list[str]) -> list[Mapping[str, str]]:
            spec = {
                "values": {
                    "terms": {"field": facet.field, "size": LABELLED_VALUES},
                    "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
                }
            }
            buckets = searcher.aggregate(tantivy.Query.all_query(), spec)["values"]["buckets"]
            return [{b["key"]: b["label"]["buckets"][0]["key"] for b in buckets if b["label"]["buckets"]}]

        return self._labelled.get(state, [facet.name], count)[0]

    def _ranked(
        self, searcher: tantivy.Searcher, query: tantivy.Query, limit: int, offset: int
    ) -> list[Ranked]:
        return self._ranked_from(
            searcher, searcher.search(query, limit, count=False, offset=offset).hits, offset
        )

    def _ranked_from(
        self, searcher: tantivy.Searcher, found: list[tuple[Any, tantivy.DocAddress]], offset: int
    ) -> list[Ranked]:
        rowids = _rowids(searcher, [address for _, address in found])
        return [
            Ranked(rowid, [float(score), rowid, offset + i + 1], float(score))
            for i, ((score, _), rowid) in enumerate(zip(found, rowids, strict=True))
        ]

    def _dated(
        self,
        searcher: tantivy.Searcher,
        parsed: ParsedQuery,
        sort: Sort,
        filters: Filters,
        size: int,
        offset: int,
        after: list[core.CursorValue] | None,
    ) -> list[Ranked]:
        """A page in date order: `offset` hits in, or right after the (key, date, id) in `after`."""
        bounds = []
        if after is not None:
            key = int(after[0])
            at_most = self.renderer.unsigned_at_most if sort == "newest" else self.renderer.unsigned_at_least
            bounds.append(at_most(sort, key))  # this key and beyond: the last hit's equals come first
        query = self.renderer.filtered(self.renderer.matching(parsed), filters, bounds)
        extra = 0
        while True:
            found = self._in_date_order(searcher, query, sort, offset, size + extra)
            page = [hit for hit in found if after is None or _beyond(hit.after, after, sort)]
            if len(page) >= size or len(found) < size + extra:
                return page[:size]
            extra = 2 * extra + 8  # more of the last hit's equal keys to skip: rare

    def _in_date_order(
        self, searcher: tantivy.Searcher, query: tantivy.Query, sort: Sort, offset: int, size: int
    ) -> list[Ranked]:
        """Hits [offset, offset+size) in exact (date, id) order. Tantivy orders by the sort key
        (`fields.sort_keys`), which orders by date and id prefix; articles with equal keys are
        ordered here by (date, id), fetching a wider window until no group of equal keys is cut."""
        start, stop = max(0, offset - 1), offset + size + 1
        while True:
            found = searcher.search(
                query, stop - start, count=False, order_by_field=sort, offset=start, order=_ORDER[sort]
            ).hits
            keys = [int(key) for key, _ in found]
            cut_before = start > 0 and offset - start < len(keys) and keys[0] == keys[offset - start]
            last = min(len(keys), offset + size - start) - 1
            cut_after = len(keys) == stop - start and last >= 0 and keys[-1] == keys[last]
            if not cut_before and not cut_after:
                break
            if cut_before:
                start = max(0, start - 2 * (offset - start) - 8)
            if cut_after:
                stop += 2 * (stop - offset - size) + 8
        addresses = [address for _, address in found]
        rowids = _rowids(searcher, addresses)
        dates = searcher.fast_field_values("published", addresses)
        ids = self._archive().ids_at(rowids)
        missing = -(2**63) if sort == "newest" else 2**63 - 1  # undated last in both orders
        hits = [
            Ranked(rowid, [key, missing if date is None else int(date), ids.get(rowid, "")])
            for key, rowid, date in zip(keys, rowids, dates, strict=True)
        ]
        hits.sort(key=lambda hit: tuple(hit.after), reverse=sort == "newest")  # orders equal keys
        return hits[offset - start : offset - start + size]

    # --- articles, hits, counts -------------------------------------------------------------------------

    def _articles(self, ranked: list[Ranked]) -> list[Article]:
        found = self._archive().articles_at(hit.rowid for hit in ranked)
        return [found[hit.rowid] for hit in ranked if hit.rowid in found]

    def _hits(self, ranked: list[Ranked], parsed: ParsedQuery) -> list[Hit]:
        found = self._archive().articles_at(hit.rowid for hit in ranked)
        return [hit_for(found[hit.rowid], parsed, hit.score) for hit in ranked if hit.rowid in found]

    def _facets(
        self,
        searcher: tantivy.Searcher,
        query: tantivy.Query,
        counts: Mapping[str, dict[str, Any]],
        request: SearchRequest,
        filters: Filters,
    ) -> dict[str, list[Bucket]]:
        result: dict[str, list[Bucket]] = {}
        for name in COUNTED_FACETS:
            scope = counts[facet_scope(name, filters)]
            pairs = scope[f"facet {name}{PAIR}"]
            many = scope.get(f"facet {name}{MANY_AGG}", {}).get("values", {})
            if pairs.get("sum_other_doc_count") or many.get("sum_other_doc_count"):
                # more distinct keys than fetched: count this facet on its plain column instead
                plain = searcher.aggregate(query, recount(name, filters))["scope"]["facet"]["buckets"]
                values: Counter[str] = Counter({b["key"]: int(b["doc_count"]) for b in plain})
            else:
                values = Counter()
                for bucket in pairs["buckets"]:
                    if bucket["key"] != MANY:
                        for value in pair_values(bucket["key"]):
                            values[value] += int(bucket["doc_count"])
                for bucket in many.get("buckets", []):
                    values[bucket["key"]] += int(bucket["doc_count"])
            selected = filters.selected.get(name, [])
            result[name] = core.facet_buckets(
                values.items(),
                selected,
                request.facet_size,
                {value: int(scope[f"chosen {name} {value}"]["doc_count"]) for value in selected},
            )
        return result

    def _story_sizes(self, searcher: tantivy.Searcher, story_ids: list[str]) -> dict[str, int]:
        spec = {"stories": {"terms": {"field": "story_id", "size": len(story_ids)}}}
        result = searcher.aggregate(self.renderer.story_members(story_ids), spec)
        return {b["key"]: int(b["doc_count"]) for b in result["stories"]["buckets"]}


class _Kept(Generic[K, V]):
    """Answers that depend on the state of the index only, never on the request, kept until it
    changes (as readings are, `readings.Remembered`): how many articles of the whole archive hold a
    word (a relaxed query's weights), the whole archive's counts for an aggregation (`counts`) and
    the names of a labelled facet's values (`_labels`).
    A relaxed query counts each of its words, and a match of most of the archive would count
    nearly every article: done anew, both read a share of the archive each time, growing with it
    (round 10). At most `size` answers; all of them go when it is reached."""

    def __init__(self, size: int = 10_000):
        self.size = size
        self._state: Hashable = None
        self._known: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, state: Hashable, keys: Sequence[K], find: Callable[[list[K]], list[V]]) -> list[V]:
        """The answer for each key, finding those not yet known (in one call)."""
        with self._lock:
            if state != self._state:
                self._state, self._known = state, {}
            known = {key: self._known[key] for key in keys if key in self._known}
        missing = list(dict.fromkeys(key for key in keys if key not in known))
        if missing:
            fresh = dict(zip(missing, find(missing), strict=True))
            known.update(fresh)
            with self._lock:
                if state == self._state:
                    if len(self._known) + len(fresh) > self.size:
                        self._known = {}
                    self._known.update(fresh)
        return [known[key] for key in keys]


def _spec(searcher: tantivy.Searcher, request: SearchRequest, filters: Filters) -> dict[str, object]:
    """The aggregation a faceted response needs (`render.aggregations`); a facet's articles
    holding more than two values are counted only where the index holds any (a term lookup)."""
    return aggregations(
        request, filters, many=lambda field: int(searcher.doc_freq("keys", many_key(field))) > 0
    )


def _collectable(request: SearchRequest, parsed: ParsedQuery, filters: Filters) -> bool:
    """Whether a count is made from the ranking's hits (`_collect`): a relevance page (no cursor)
    within the first `COLLECTED` hits of a query of at least `MANY_WORDS` required words, under
    no filter (the facets count under every filter but their own, so the filtered hits would not
    do), listing articles."""
    offset = (request.page - 1) * request.size
    return (
        not (filters.strings or request.collapse or request.cursor)
        and request.effective_sort == "relevance"
        and 0 < offset + request.size <= COLLECTED
        and len(dict.fromkeys(parsed.must)) >= MANY_WORDS
    )


def _held_by(searcher: tantivy.Searcher, term: Term) -> int:
    """About how many articles print an exact term, from the term dictionary (no postings read):
    a word's own count in the body, a phrase's rarest folded pair's."""
    folded = term.folded
    if not term.phrase or len(folded) == 1:
        return min(int(searcher.doc_freq("body_exact", token)) for token in term.tokens)
    pairs = zip(folded, folded[1:], strict=False)
    return min(int(searcher.doc_freq("body_pairs", a + PAIR_JOINER + b)) for a, b in pairs)


def _share(searcher: tantivy.Searcher) -> Callable[[str, str], float]:
    """The part of the archive holding a term of a field, from the term dictionary (no postings
    read; deleted articles counted)."""
    articles = max(int(searcher.num_docs), 1)
    return lambda name, token: int(searcher.doc_freq(name, token)) / articles


def _at_least(searcher: tantivy.Searcher, parsed: ParsedQuery) -> int:
    """A lower bound of the articles a query matches, from the term dictionary (no postings
    read): every article for no words; for a word, or an OR of words, the articles printing the
    commonest of them in the body (deleted ones included: a guide, never a count). 0 when not
    known cheaply (several words required, an excluded word)."""
    if parsed.must_not:
        return 0
    must = list(dict.fromkeys(parsed.must))
    if not must:
        return int(searcher.num_docs)
    return _held_at_least(searcher, must[0]) if len(must) == 1 else 0


def _held_at_least(searcher: tantivy.Searcher, node: Node) -> int:
    if isinstance(node, AnyOf):
        return max((_held_at_least(searcher, option) for option in node.options), default=0)
    if isinstance(node, Expanded):
        return _held_at_least(searcher, node.original)
    if isinstance(node, Term) and node.scope == "any" and not (node.exact or node.prefix):
        folded = set(node.folded)
        if len(folded) == 1:
            return int(searcher.doc_freq("body_words", folded.pop()))
    return 0


def _postings(searcher: tantivy.Searcher, parsed: ParsedQuery) -> int:
    """About how many postings reading a query's required words costs, from the term dictionary
    (no postings read): each word's (or phrase's pairs') articles in the body."""
    return sum(_postings_of(searcher, node) for node in dict.fromkeys(parsed.must))


def _postings_of(searcher: tantivy.Searcher, node: Node) -> int:
    if isinstance(node, AllOf):
        return sum(_postings_of(searcher, part) for part in node.parts)
    if isinstance(node, AnyOf):
        return sum(_postings_of(searcher, option) for option in node.options)
    if isinstance(node, Expanded):
        return sum(_postings_of(searcher, n) for n in (node.original, *node.alternatives))
    if not isinstance(node, Term) or node.prefix:
        return 0
    folded = node.folded
    if node.phrase and len(folded) > 1:
        pairs = {a + PAIR_JOINER + b for a, b in zip(folded, folded[1:], strict=False)}
        return sum(int(searcher.doc_freq("body_pairs", pair)) for pair in pairs)
    return sum(int(searcher.doc_freq("body_words", syllable)) for syllable in set(folded))


def _match_count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    """How many documents match (tantivy's stub omits `SearchResult.count`, set when count=True).
    Counted at a constant score: the top hit that comes with a count is not wanted, and scoring
    every match for it cost a third to two fifths of a count (round 9, 100,000 articles)."""
    constant = tantivy.Query.const_score_query(query, 0.0)
    found: int = searcher.search(constant, 1, count=True).count  # type: ignore[attr-defined]
    return found


def _rowids(searcher: tantivy.Searcher, addresses: list[tantivy.DocAddress]) -> list[int]:
    """The archive rowid of each hit, a fast field every document has (a missing one would make
    the strict zips with the hits fail, not shift them)."""
    return [int(value) for value in searcher.fast_field_values("rowid", addresses) if value is not None]


def _histogram(
    counts: Mapping[str, dict[str, Any]], request: SearchRequest, filters: Filters
) -> list[Bucket]:
    scope = counts[scope_name(DATE_FILTER if DATE_FILTER in filters.strings else ALL_FILTERS)]
    buckets = sorted((int(b["key"]), int(b["doc_count"])) for b in scope["histogram"]["buckets"])
    assert request.interval in HISTOGRAM_COLUMNS
    return [
        Bucket(value=histogram_key(request.interval, key), count=n)
        for key, n in buckets
        if n > 0 and key != UNDATED
    ]


def _beyond(after: list[core.CursorValue], last: list[core.CursorValue], sort: Sort) -> bool:
    """Whether a hit at (key, date, id) `after` comes after the cursor's (`last`) in this order."""
    mine = (int(after[0]), int(after[1]), str(after[2]))
    theirs = (int(last[0]), int(last[1]), str(last[2]))
    return mine < theirs if sort == "newest" else mine > theirs
