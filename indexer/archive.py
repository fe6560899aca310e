"""The SQLite archive: the source of truth for articles, their raw HTML and the crawl's state.

A crawl never depends on a search server: it writes here. Every change to an article takes a new
change number (`seq`), and every search index (the embedded one in a folder beside the archive,
or Elasticsearch/OpenSearch) follows that change feed and can be rebuilt from the archive at any
time. Raw HTML is kept (compressed) so better extraction or enrichment can be re-run over
everything without re-crawling. The archive creates and owns every table in its file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from indexer import stories, withdrawn
from indexer.alerts import tables as alert_tables
from indexer.errors import ArchiveUnavailable, NotFound
from indexer.schema import VIETNAM_TZ, Article

logger = logging.getLogger(__name__)

# A bulk load's page cache (`Archive.bulk_loading`), at most: the pages of the B-trees an article
# inserts into at random places (story band keys, ids), about 330 MiB at 1,000,000 articles.
BULK_CACHE_KIB = 1_048_576
# WAL pages (4 KiB) between checkpoints during a bulk load: about 1 GiB, so a page changed by
# several transactions is copied into the database once per checkpoint, not once per commit.
BULK_CHECKPOINT_PAGES = 262_144
# Archive size from which a bulk load tunes its connection (`Archive.bulk_loading`). Below it the
# B-trees a load inserts into fit the usual page cache and a checkpoint per commit copies little,
# while the one checkpoint at the end of a tuned load copies the whole archive: loading 100,000
# articles (about 770 MB) into an empty archive took as much CPU either way and 5 s longer tuned
# (docs/benchmarks.md, "Indexing, round 10"); at 300,000 (2.3 GB) tuning saves 16% of the loading
# thread's CPU ("Indexing, round 9").
BULK_FROM_BYTES = 2**30

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    site TEXT NOT NULL,
    published_ts REAL,
    published_local TEXT,
    crawled_ts REAL NOT NULL,
    first_seen_ts REAL NOT NULL,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE TABLE IF NOT EXISTS raw_pages (
    article_rowid INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    fetched_ts REAL NOT NULL,
    headers TEXT NOT NULL,
    html BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS fetch_cache (
    url TEXT PRIMARY KEY,
    article_id TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_ts REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    started_ts REAL NOT NULL,
    finished_ts REAL,
    status TEXT NOT NULL,
    stats TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Tables and indexes the SQLite FTS5 engine kept in the archive before the embedded index moved to
# its own folder: `drop_search_tables` removes them from older archives.
_RETIRED = (
    "DROP TABLE IF EXISTS articles_fts;"
    "DROP TABLE IF EXISTS keyword_values;"
    "DROP INDEX IF EXISTS articles_published;"
    "DROP INDEX IF EXISTS articles_newest;"
    "DROP INDEX IF EXISTS articles_oldest;"
    "DROP INDEX IF EXISTS articles_published_local;"
)

# Fields that do not make a new version of an article: the crawl time, and the story grouping that
# the archive itself derives.
_VOLATILE_FIELDS = {"crawled", "story_id"}


class UpsertOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class RawPage:
    url: str
    html: bytes
    headers: dict[str, str]
    fetched_ts: float


@dataclass(frozen=True)
class CrawlRun:
    """One crawl of one site (a `crawl_runs` row): what /health shows and what a crawl resumes.

    `status` is 'running' until the run ends ('ok', 'partial', 'failed', 'interrupted'; 'resumed'
    once a later run took over its unfinished work); `stats` is the crawler's JSON, with the
    per-site report under "report"."""

    run_id: int
    site: str
    started_ts: float
    finished_ts: float | None
    status: str
    stats: dict[str, Any]

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> CrawlRun:
        return cls(
            run_id=row["run_id"],
            site=row["site"],
            started_ts=row["started_ts"],
            finished_ts=row["finished_ts"],
            status=row["status"],
            stats=json.loads(row["stats"]) if row["stats"] else {},
        )


def content_hash(article: Article) -> str:
    """SHA-1 of the article's JSON without its volatile fields: the bytes `model_dump_json` would
    decode to a str, hashed as they come (not decoded then encoded again: a text's length twice)."""
    payload = article.__pydantic_serializer__.to_json(article, exclude=_VOLATILE_FIELDS)
    return hashlib.sha1(payload).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """An article with what storing it computes from the article alone (its content digest and
    story signature), so that a bulk load can compute them in another process."""

    article: Article
    digest: str
    signature: stories.Signature | None


def prepare(article: Article, text_syllables: Sequence[str] | None = None) -> Prepared:
    """`Prepared` for an article; `text_syllables`, when given, are the folded syllables of its
    normalised text (`stories.signature_of`), saving their computation."""
    signature = (
        stories.signature(article.text) if text_syllables is None else stories.signature_of(text_syllables)
    )
    return Prepared(article, content_hash(article), signature)


@dataclass(frozen=True)
class Stored:
    """What `Archive.store` did with an article: its row, its change number (None when unchanged)
    and the article as archived (with its story id)."""

    outcome: UpsertOutcome
    rowid: int
    seq: int | None
    article: Article


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection tuned for one writer and many readers (WAL); `readonly` never creates or changes
    the file (see `_connect_readonly`)."""
    if readonly:
        return _connect_readonly(Path(path))
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA cache_size=-65536")  # KiB: a writer's random index inserts stay in memory
    except sqlite3.Error as exc:
        raise ArchiveUnavailable(f"cannot open the archive {path} for writing: {exc}") from exc
    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A reader's connection: a missing file is an error, never a new empty archive.

    A WAL reader normally creates the `-shm` file beside the archive. Where it cannot (a read-only
    mount, a directory owned by another user) and no crawl is writing (no `-wal` file with pending
    pages), the file is opened as immutable: it cannot change under us, so nothing is missed.
    """
    if not path.is_file():
        raise ArchiveUnavailable(f"no archive at {path}")
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        wal = path.with_name(path.name + "-wal")
        if "immutable" in options and wal.exists() and wal.stat().st_size > 0:
            break  # a writer's pages are still in the WAL: immutable would read a stale archive
        try:
            conn = sqlite3.connect(
                f"{uri}?{options}", uri=True, timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens (and checks) the file
            return conn
        except sqlite3.Error as exc:
            last = exc
    raise ArchiveUnavailable(f"the archive {path} cannot be read: {last}")


class Archive:
    """Articles keyed by the id of their canonical URL; re-crawls update, never duplicate.

    Writers (the crawler, reprocess) open it normally, which creates the file and its tables;
    readers (the API, exports, sync) pass `readonly=True` and never create or change anything.
    """

    def __init__(self, path: Path | str, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._seq: int | None = None  # the last change number taken in a transaction, stored at its end
        if readonly:
            self.conn = connect(self.path, readonly=True)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveUnavailable(f"cannot create the archive's folder {self.path.parent}: {exc}") from exc
        self.conn = connect(self.path)
        try:
            self.conn.executescript(SCHEMA)  # idempotent: every statement is IF NOT EXISTS
            stories.create_tables(self.conn)
            withdrawn.create_tables(self.conn)
            alert_tables.create_tables(self.conn)
            self._renew_story_signatures()
        except sqlite3.Error as exc:
            self.conn.close()
            raise ArchiveUnavailable(f"cannot open the archive {self.path} for writing: {exc}") from exc

    def _renew_story_signatures(self) -> None:
        """Recompute, once, the story signatures an older version stored with another scheme
        (`stories.SCHEME`), keeping every story id: new articles are then compared with bands made
        the same way. About 0.5 ms per article, in one transaction."""
        if self.get_meta("story_signatures") == stories.SCHEME:
            return
        with self.transaction():
            if self.get_meta("story_signatures") == stories.SCHEME:  # another writer just did it
                return
            stale = int(self.conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0])
            if stale:
                logger.warning("recomputing %d story signatures (once, after an upgrade)", stale)
            self.conn.execute(stories.RETIRED)
            self.conn.execute("DELETE FROM story_buckets")
            last = 0
            while rows := self.conn.execute(
                "SELECT s.article_rowid, s.story_id, a.data FROM story_signatures s"
                " JOIN articles a ON a.rowid = s.article_rowid WHERE s.article_rowid > ?"
                " ORDER BY s.article_rowid LIMIT 500",
                (last,),
            ).fetchall():
                for rowid, story_id, data in rows:
                    self.conn.execute("DELETE FROM story_signatures WHERE article_rowid=?", (rowid,))
                    signature = stories.signature(json.loads(data).get("text") or "")
                    stories.remember(self.conn, rowid, signature, story_id, new=True)
                last = rows[-1][0]
            self.set_meta("story_signatures", stories.SCHEME)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        self._seq = None
        try:
            yield self.conn
            if self._seq is not None:
                self.set_meta("seq", str(self._seq))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self._seq = None
        self.conn.execute("COMMIT")

    @contextmanager
    def bulk_loading(self) -> Iterator[Callable[[], None]]:
        """This connection tuned for a bulk load's large transactions while it lasts, once the
        archive is larger than `BULK_FROM_BYTES`: a page cache of `BULK_CACHE_KIB` (the story bands'
        and the ids' B-trees, where each article inserts at random places, stay in memory instead of
        being read again from the file for every transaction) and `BULK_CHECKPOINT_PAGES` between
        WAL checkpoints (a page that several transactions change is copied into the database once
        per checkpoint, not once per commit). Yields what to call between transactions: the archive
        grows during a load, and is tuned when it passes the size. Set back afterwards; the WAL is
        checkpointed and emptied at the end of a load that succeeded."""
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        checkpoint = self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        tuned = False

        def tune_when_large() -> None:
            nonlocal tuned
            if not tuned and self._size() > BULK_FROM_BYTES:
                self.conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
                self.conn.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
                tuned = True

        try:
            tune_when_large()
            yield tune_when_large
        finally:
            self.conn.execute(f"PRAGMA cache_size={cache}")
            self.conn.execute(f"PRAGMA wal_autocheckpoint={checkpoint}")
        # The pages the load left in the WAL go to the database now, at the load's cost, not at the
        # next writer's commit, and the WAL file is cut back to nothing (else it stays as large as
        # it grew while any other process has the archive open). Readers still on an older
        # snapshot are waited for, at most `busy_timeout`.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _size(self) -> int:
        """The archive's size in bytes (its pages, those still in the WAL included)."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        return int(pages) * int(self.conn.execute("PRAGMA page_size").fetchone()[0])

    # --- articles -------------------------------------------------------------------------

    def _next_seq(self) -> int:
        """The next change number; call it inside `transaction` (which stores the last one)."""
        if not self.conn.in_transaction:
            raise RuntimeError("change numbers are taken inside Archive.transaction")
        if self._seq is None:
            self._seq = self.last_seq()
        self._seq += 1
        return self._seq

    def upsert(self, article: Article, raw: RawPage | None = None) -> UpsertOutcome:
        """Store an article, its raw page and its story grouping atomically."""
        with self.transaction():
            return self._upsert(article, raw).outcome

    def upsert_many(self, articles: Iterable[Article]) -> list[UpsertOutcome]:
        """Store many articles in one transaction (bulk loads: one commit instead of one each)."""
        with self.transaction():
            return [self._upsert(article, None).outcome for article in articles]

    def store(self, items: Iterable[Prepared]) -> list[Stored]:
        """Store articles prepared beforehand (`prepare`, in another process for a bulk load); call
        it inside `transaction`."""
        return [self._upsert(item.article, None, item) for item in items]

    def _upsert(self, article: Article, raw: RawPage | None, prepared: Prepared | None = None) -> Stored:
        digest = prepared.digest if prepared else content_hash(article)
        existing = self.conn.execute(
            "SELECT rowid, content_hash, data FROM articles WHERE id=?", (article.id,)
        ).fetchone()
        crawled_ts = article.crawled.timestamp()
        seq = None
        if existing and existing["content_hash"] == digest:
            self.conn.execute(
                "UPDATE articles SET crawled_ts=? WHERE rowid=?", (crawled_ts, existing["rowid"])
            )
            outcome = UpsertOutcome.UNCHANGED
            rowid = existing["rowid"]
        else:
            rowid = existing["rowid"] if existing else None
            signature = prepared.signature if prepared else stories.signature(article.text)
            previous = json.loads(existing["data"]).get("story_id") if existing else None
            story_id = stories.find_story(self.conn, signature, exclude_rowid=rowid, keep=previous)
            article = article.model_copy(update={"story_id": story_id or article.id})
            published_ts = article.published.timestamp() if article.published else None
            published_local = (
                article.published.astimezone(VIETNAM_TZ).strftime("%Y-%m-%dT%H:%M:%S")
                if article.published
                else None
            )
            seq = self._next_seq()
            values = (
                article.url,
                article.site,
                published_ts,
                published_local,
                crawled_ts,
                digest,
                seq,
                article.model_dump_json(),
            )
            if existing:
                self.conn.execute(
                    "UPDATE articles SET url=?, site=?, published_ts=?, published_local=?, crawled_ts=?,"
                    " content_hash=?, seq=?, data=?, version=version+1 WHERE rowid=?",
                    (*values, rowid),
                )
                outcome = UpsertOutcome.UPDATED
            else:
                rowid = self.conn.execute(
                    "INSERT INTO articles(url, site, published_ts, published_local, crawled_ts, content_hash,"
                    " seq, data, id, first_seen_ts) VALUES(?,?,?,?,?,?,?,?,?,?)",
                    (*values, article.id, crawled_ts),
                ).lastrowid
                outcome = UpsertOutcome.NEW
            stories.remember(self.conn, rowid, signature, article.story_id, new=existing is None)
        if raw is not None:
            if existing and withdrawn.unmark(self.conn, rowid) and seq is None:
                # a page fetched again and accepted by the extractor is served again (a re-enriched
                # one, stored without its page, stays withdrawn)
                seq = self._next_seq()
                self.conn.execute("UPDATE articles SET seq=? WHERE rowid=?", (seq, rowid))
            self.conn.execute(
                "INSERT OR REPLACE INTO raw_pages(article_rowid, url, fetched_ts, headers, html)"
                " VALUES(?,?,?,?,?)",
                (rowid, raw.url, raw.fetched_ts, json.dumps(raw.headers), zlib.compress(raw.html, 6)),
            )
        return Stored(outcome, rowid, seq, article)

    def delete(self, ids: Iterable[str]) -> list[str]:
        """Remove articles and everything stored with them; returns the ids that were archived."""
        deleted = []
        with self.transaction():
            for article_id in ids:
                row = self.conn.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
                if row is None:
                    continue
                stories.forget(self.conn, row["rowid"])
                withdrawn.unmark(self.conn, row["rowid"])
                self.conn.execute("DELETE FROM raw_pages WHERE article_rowid=?", (row["rowid"],))
                self.conn.execute("DELETE FROM articles WHERE rowid=?", (row["rowid"],))
                deleted.append(article_id)
        return deleted

    def withdraw(self, article_id: str, reason: str) -> bool:
        """Stop serving an article the current extractor refuses (`indexer.withdrawn`), keeping it
        and its raw page as stored; whether anything changed. A change number is taken so that the
        search engines learn of it at their next sync, as of any change."""
        return self._mark(article_id, lambda rowid: withdrawn.mark(self.conn, rowid, reason))

    def restore(self, article_id: str) -> bool:
        """Serve a withdrawn article again (the extractor accepts its page now); whether it was withdrawn."""
        return self._mark(article_id, lambda rowid: withdrawn.unmark(self.conn, rowid))

    def _mark(self, article_id: str, change: Callable[[int], bool]) -> bool:
        with self.transaction():
            row = self.conn.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
            if row is None:
                raise NotFound(f"no article with id {article_id!r}")
            if not change(row["rowid"]):
                return False
            self.conn.execute("UPDATE articles SET seq=? WHERE rowid=?", (self._next_seq(), row["rowid"]))
            return True

    def withdrawn(self) -> dict[int, str]:
        """The rowids of the withdrawn articles and why (`indexer.withdrawn`)."""
        return withdrawn.reasons(self.conn)

    def withdrawn_ids(self) -> set[str]:
        """The ids of the withdrawn articles (what the remote engines must not hold)."""
        return set(self.ids_at(self.withdrawn()).values())

    def withdrawn_reason(self, article_id: str) -> str | None:
        """Why an article is withdrawn from search, or None when it is served."""
        row = self.conn.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
        return withdrawn.reason_of(self.conn, row["rowid"]) if row is not None else None

    def has_retired_tables(self) -> bool:
        """Whether the retired FTS5 engine left its tables in this archive."""
        found = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts', 'keyword_values')"
        ).fetchone()[0]
        return bool(found)

    def drop_search_tables(self) -> None:
        """Remove what the retired SQLite FTS5 engine kept in older archives (its index now lives in
        a folder of its own); the space is reused by new articles."""
        self.conn.executescript(_RETIRED)

    def get(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return Article.model_validate_json(row["data"])

    def version(self, article_id: str) -> int:
        row = self.conn.execute("SELECT version FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return int(row["version"])

    def raw_page(self, article_id: str) -> RawPage:
        row = self.conn.execute(
            "SELECT r.url, r.html, r.headers, r.fetched_ts FROM raw_pages r JOIN articles a"
            " ON a.rowid = r.article_rowid WHERE a.id=?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no raw page stored for article {article_id!r}")
        return RawPage(
            row["url"], zlib.decompress(row["html"]), json.loads(row["headers"]), row["fetched_ts"]
        )

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def articles(self, batch_size: int = 500) -> Iterator[Article]:
        """Every article in rowid order, read in batches so memory stays flat."""
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT rowid, data FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch_size)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield Article.model_validate_json(row["data"])
            last = rows[-1]["rowid"]

    def changes_since(self, seq: int, limit: int = 500) -> list[tuple[int, Article]]:
        """Articles changed after change number `seq`, oldest change first (for engine sync)."""
        rows = self.conn.execute(
            "SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)
        ).fetchall()
        return [(row["seq"], Article.model_validate_json(row["data"])) for row in rows]

    def changed_json(self, seq: int, limit: int = 500) -> list[tuple[int, int, int, str]]:
        """(seq, rowid, version, article JSON) of the articles changed after `seq`, oldest change
        first: the change feed the embedded index follows (it addresses articles by rowid, and
        parses the JSON where it makes their documents)."""
        rows = self.conn.execute(
            "SELECT seq, rowid, version, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)
        ).fetchall()
        return [(row["seq"], row["rowid"], row["version"], row["data"]) for row in rows]

    def pending_changes(self, seq: int) -> int:
        """How many articles changed after change number `seq`."""
        return int(self.conn.execute("SELECT count(*) FROM articles WHERE seq > ?", (seq,)).fetchone()[0])

    def articles_at(self, rowids: Iterable[int]) -> dict[int, Article]:
        """Articles by rowid (the hits of the embedded index); rowids no longer archived are absent."""
        wanted = list(dict.fromkeys(rowids))
        found: dict[int, Article] = {}
        for start in range(0, len(wanted), 500):  # SQLite binds at most 999 parameters by default
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT rowid, data FROM articles WHERE rowid IN ({marks})", chunk):
                found[row["rowid"]] = Article.model_validate_json(row["data"])
        return found

    def ids_at(self, rowids: Iterable[int]) -> dict[int, str]:
        """Article ids by rowid (the embedded index breaks date ties on them)."""
        wanted = list(dict.fromkeys(rowids))
        found: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT rowid, id FROM articles WHERE rowid IN ({marks})", chunk):
                found[row["rowid"]] = row["id"]
        return found

    def last_seq(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='seq'").fetchone()
        return int(row["value"]) if row else 0

    # --- small key/value state (sync checkpoints) -----------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

    # --- crawl state ----------------------------------------------------------------------

    def cached_fetch(self, url: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM fetch_cache WHERE url=?", (url,)
        ).fetchone()
        return row

    def remember_fetch(
        self, url: str, article_id: str | None, etag: str | None, last_modified: str | None
    ) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO fetch_cache(url, article_id, etag, last_modified, fetched_ts)"
            " VALUES(?,?,?,?,?)",
            (url, article_id, etag, last_modified, time.time()),
        )

    def start_run(self, site: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO crawl_runs(site, started_ts, status) VALUES(?, ?, 'running')", (site, time.time())
        )
        assert cur.lastrowid is not None  # set by every INSERT
        return cur.lastrowid

    def finish_run(self, run_id: int, status: str, stats: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE crawl_runs SET finished_ts=?, status=?, stats=? WHERE run_id=?",
            (time.time(), status, json.dumps(stats, default=str), run_id),
        )

    def unfinished_runs(self, site: str) -> list[CrawlRun]:
        """Runs of a site that never finished their work, oldest first: killed (no finish time) or
        stopped early (status 'interrupted'). The crawler resumes them and marks them 'resumed'."""
        rows = self.conn.execute(
            "SELECT run_id, site, started_ts, finished_ts, status, stats FROM crawl_runs WHERE site=?"
            " AND (finished_ts IS NULL OR status='interrupted') ORDER BY run_id",
            (site,),
        ).fetchall()
        return [CrawlRun.from_row(row) for row in rows]

    def last_runs(self) -> list[CrawlRun]:
        """The most recent run of each site, for /health and operators."""
        rows = self.conn.execute(
            "SELECT run_id, site, started_ts, finished_ts, status, stats FROM crawl_runs WHERE run_id IN"
            " (SELECT max(run_id) FROM crawl_runs GROUP BY site) ORDER BY site"
        ).fetchall()
        return [CrawlRun.from_row(row) for row in rows]
