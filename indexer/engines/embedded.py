"""The embedded engine: SQLite FTS5 inside the archive database, so one machine needs no server.

Each article is indexed twice in one FTS5 row: as printed (for ranking exact-diacritic matches
first) and folded (for matching without diacritics, đ→d). A request runs its full-text match once
into a temporary table; hits, totals, facet counts and the histogram are then plain SQL over it.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from indexer.archive import Archive, connect
from indexer.errors import ArchiveUnavailable, InvalidQuery
from indexer.facets import COUNTED_FACETS, resolve_filters
from indexer.highlight import hit_for, searchable_body
from indexer.query import AnyOf, Bucket, Hit, ParsedQuery, Phrase, SearchRequest, SearchResponse
from indexer.schema import Article
from indexer.text import fold, normalize

FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, title_folded, body_folded,
    tokenize = 'unicode61 remove_diacritics 0'
);
"""
# bm25 column weights: a match in the title counts four times one in the body.
_FOLDED_WEIGHTS = "0, 0, 4.0, 1.0"
_EXACT_WEIGHTS = "4.0, 1.0, 0, 0"
_EXACT_BOOST = 2.0  # how much an exact-diacritic match outranks a folded-only one
_PROXIMITY_BOOST = 2.0  # unquoted words that also stand side by side ("nông thôn mới") rank higher
_HISTOGRAM_PREFIX = {"year": 4, "month": 7, "day": 10}


def create_tables(conn: sqlite3.Connection) -> None:
    from indexer import stories

    conn.executescript(FTS_SCHEMA)
    stories.create_tables(conn)


def write_document(conn: sqlite3.Connection, rowid: int, article: Article, *, replace: bool) -> None:
    """Called by the archive inside its transaction, so article and index never disagree."""
    if replace:
        conn.execute("DELETE FROM articles_fts WHERE rowid=?", (rowid,))
    # Extraction already normalises; doing it again here keeps the index right for any writer.
    title, body = normalize(article.title), normalize(searchable_body(article))
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, body, title_folded, body_folded) VALUES(?,?,?,?,?)",
        (rowid, title, body, fold(title), fold(body)),
    )


# --- rendering the query AST to FTS5 ----------------------------------------------------------


def _fts_phrase(syllables: Iterable[str]) -> str:
    # Tokens hold only letters and digits (indexer.text.TOKEN), so quoting cannot be escaped from.
    return '"' + " ".join(syllables) + '"'


def _fts_clause(clause: Phrase | AnyOf) -> str:
    if isinstance(clause, AnyOf):
        return "(" + " OR ".join(_fts_phrase(p.folded) for p in clause.options) + ")"
    return _fts_phrase(clause.folded)


def folded_match(parsed: ParsedQuery) -> str | None:
    if not parsed.must:
        return None
    return "{title_folded body_folded} : (" + " AND ".join(_fts_clause(c) for c in parsed.must) + ")"


def exclusion_match(parsed: ParsedQuery) -> str | None:
    if not parsed.must_not:
        return None
    return (
        "{title_folded body_folded} : (" + " OR ".join(_fts_phrase(p.folded) for p in parsed.must_not) + ")"
    )


def proximity_match(parsed: ParsedQuery) -> str | None:
    runs = parsed.word_runs()
    if not runs:
        return None
    return "{title_folded body_folded} : (" + " OR ".join(_fts_phrase(run) for run in runs) + ")"


def exact_match(parsed: ParsedQuery) -> str | None:
    """Phrases typed with diacritics, any of them, for ranking exact matches first."""
    typed = [p for p in parsed.phrases() if p.has_diacritics]
    if not typed:
        return None
    return "{title body} : (" + " OR ".join(_fts_phrase(p.tokens) for p in typed) + ")"


# --- SQL conditions -------------------------------------------------------------------------------


@dataclass
class _Condition:
    sql: str
    params: list[object] = field(default_factory=list)


def _conditions(request: SearchRequest, parsed: ParsedQuery) -> dict[str, _Condition]:
    """Filter conditions keyed by the facet they belong to ('published' for dates, '' for text)."""
    conditions: dict[str, _Condition] = {}
    for name, terms in resolve_filters(request.filters).items():
        ors = " OR ".join("(field=? AND value=?)" for _ in terms)
        conditions[name] = _Condition(
            f"{{rid}} IN (SELECT article_rowid FROM keyword_values WHERE {ors})",
            [x for term in terms for x in term],
        )
    date_sql, date_params = [], []
    start, end = request.published_bounds()
    if start:
        date_sql.append("published_ts >= ?")
        date_params.append(start.timestamp())
    if end:
        date_sql.append("published_ts < ?")
        date_params.append(end.timestamp())
    if date_sql:
        dates = " AND ".join(date_sql)
        conditions["published"] = _Condition(
            f"{{rid}} IN (SELECT rowid FROM articles WHERE {dates})", date_params
        )
    exclusion = exclusion_match(parsed)
    if exclusion:
        conditions[""] = _Condition(
            "{rid} NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [exclusion]
        )
    return conditions


def _where(
    conditions: dict[str, _Condition], skip: str | None = None, rid: str = "a.rowid"
) -> tuple[str, list[object]]:
    """Every condition tests an article rowid (`rid`), so facet counts can test keyword_values'
    own column and never join the wide articles table (10-50x faster on large archives)."""
    chosen = [c for name, c in conditions.items() if name != skip]
    if not chosen:
        return "1", []
    sql = " AND ".join(f"({c.sql.replace('{rid}', rid)})" for c in chosen)
    return sql, [p for c in chosen for p in c.params]


# --- sorting and cursors ----------------------------------------------------------------------------

_SORT_KEYS = {
    # (expression, direction): nulls (undated articles) always last; ties broken on the article id
    # in the same direction, as the Elasticsearch/OpenSearch engine does, so both give one order
    "relevance": ("h.score", "ASC"),
    "newest": ("coalesce(a.published_ts, -1e18)", "DESC"),
    "oldest": ("coalesce(a.published_ts, 1e18)", "ASC"),
}


def _encode_cursor(sort: str, value: float, article_id: str) -> str:
    raw = json.dumps({"s": sort, "v": value, "i": article_id}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple[float, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        value, article_id, cursor_sort = float(data["v"]), str(data["i"]), data["s"]
    except (ValueError, KeyError, TypeError, RecursionError, OverflowError) as exc:  # nested, huge
        raise InvalidQuery("invalid cursor: pass the next_cursor of a previous response unchanged") from exc
    if cursor_sort != sort:
        raise InvalidQuery(f"this cursor belongs to sort={cursor_sort!r}, not sort={sort!r}")
    return value, article_id


@contextmanager
def _readable(path: Path) -> Iterator[None]:
    """A damaged, locked or foreign database file is the embedded engine being down: a 503 with the
    reason, like an unreachable Elasticsearch, never a 500."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise ArchiveUnavailable(f"the archive {path} cannot be read: {exc}") from exc


class EmbeddedIndex:
    """SearchIndex over the archive's own FTS5 tables.

    Reading never creates or changes the archive (the API may run from a read-only file); only
    `index` and `delete` open it for writing.
    """

    name = "embedded"

    def __init__(self, archive_path: Path | str):
        self.path = Path(archive_path)

    def _connect(self) -> sqlite3.Connection:
        return connect(self.path, readonly=True)

    # --- writing (the archive does it; these exist for the SearchIndex contract) ---------------

    def index(self, articles: Iterable[Article]) -> int:
        with Archive(self.path) as archive:
            return sum(1 for article in articles if archive.upsert(article) is not None)

    def delete(self, ids: Iterable[str]) -> int:
        deleted = 0
        with Archive(self.path) as archive, archive.transaction() as conn:
            for article_id in ids:
                row = conn.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
                if row is None:
                    continue
                for table, column in (
                    ("articles_fts", "rowid"),
                    ("keyword_values", "article_rowid"),
                    ("raw_pages", "article_rowid"),
                    ("story_bands", "article_rowid"),
                    ("story_signatures", "article_rowid"),
                    ("articles", "rowid"),
                ):
                    conn.execute(f"DELETE FROM {table} WHERE {column}=?", (row[0],))
                deleted += 1
        return deleted

    # --- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        with _readable(self.path), Archive(self.path, readonly=True) as archive:
            return archive.get(article_id)

    def count(self) -> int:
        with _readable(self.path), closing(self._connect()) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def health(self) -> dict[str, object]:
        return {"engine": self.name, "articles": self.count()}

    def _prepare_hits(self, conn: sqlite3.Connection, parsed: ParsedQuery) -> bool:
        """Runs the text match once into temp.hits; False when there is no text to match."""
        match = folded_match(parsed)
        if match is None:
            return False
        conn.execute("CREATE TEMP TABLE hits(rowid INTEGER PRIMARY KEY, score REAL)")
        conn.execute(
            f"INSERT INTO hits SELECT rowid, bm25(articles_fts, {_FOLDED_WEIGHTS}) FROM articles_fts"
            " WHERE articles_fts MATCH ?",
            (match,),
        )
        boosts = (
            (exact_match(parsed), _EXACT_WEIGHTS, _EXACT_BOOST),
            (proximity_match(parsed), _FOLDED_WEIGHTS, _PROXIMITY_BOOST),
        )
        for boost_match, weights, boost in boosts:
            if boost_match:  # bm25 is negative: adding it moves a hit up
                conn.execute(
                    f"UPDATE hits SET score = score + {boost} * e.s FROM (SELECT rowid AS r,"
                    f" bm25(articles_fts, {weights}) AS s FROM articles_fts WHERE articles_fts MATCH ?) e"
                    " WHERE hits.rowid = e.r",
                    (boost_match,),
                )
        return True

    def _rows(
        self,
        conn: sqlite3.Connection,
        request: SearchRequest,
        parsed: ParsedQuery,
        has_text: bool,
        conditions: dict[str, _Condition],
        limit: int,
        offset: int,
        cursor: str | None,
    ) -> list[sqlite3.Row]:
        sort = request.effective_sort
        if sort == "relevance" and not has_text:
            sort = "newest"
        expression, direction = _SORT_KEYS[sort]
        join = "JOIN temp.hits h ON h.rowid = a.rowid" if has_text else ""
        where, params = _where(conditions)
        if cursor:
            value, article_id = _decode_cursor(cursor, sort)
            op = "<" if direction == "DESC" else ">"
            where += f" AND ({expression} {op} ? OR ({expression} = ? AND a.id {op} ?))"
            params += [value, value, article_id]
            offset = 0
        score = "h.score" if has_text else "NULL"
        sql = (
            f"SELECT a.id, a.data, {score} AS score, {expression} AS sort_value FROM articles a {join}"
            f" WHERE {where} ORDER BY {expression} {direction}, a.id {direction} LIMIT ? OFFSET ?"
        )
        return conn.execute(sql, [*params, limit, offset]).fetchall()

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        parsed = request.parsed
        sort = request.effective_sort
        with _readable(self.path), closing(self._connect()) as conn:
            has_text = self._prepare_hits(conn, parsed)
            conditions = _conditions(request, parsed)
            join = "JOIN temp.hits h ON h.rowid = a.rowid" if has_text else ""
            where, params = _where(conditions)
            total = conn.execute(f"SELECT count(*) FROM articles a {join} WHERE {where}", params).fetchone()[
                0
            ]
            rows = self._rows(
                conn,
                request,
                parsed,
                has_text,
                conditions,
                request.size,
                (request.page - 1) * request.size,
                request.cursor,
            )
            hits = self._with_story_sizes(conn, [self._hit(row, parsed) for row in rows])
            facets = self._facets(conn, request, conditions, has_text) if request.with_facets else {}
            histogram = self._histogram(conn, request, conditions, join) if request.with_facets else []
        next_cursor = None
        if rows and len(rows) == request.size:
            last = rows[-1]
            cursor_sort = sort if (sort != "relevance" or has_text) else "newest"
            next_cursor = _encode_cursor(cursor_sort, float(last["sort_value"]), last["id"])
        return SearchResponse(
            total=total,
            hits=hits,
            facets=facets,
            histogram=histogram,
            interval=request.interval,
            page=request.page,
            size=request.size,
            sort=sort if has_text or sort != "relevance" else "newest",
            next_cursor=next_cursor,
            engine=self.name,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    def _hit(self, row: sqlite3.Row, parsed: ParsedQuery) -> Hit:
        score = -float(row["score"]) if row["score"] is not None else None
        return hit_for(Article.model_validate_json(row["data"]), parsed, score)

    @staticmethod
    def _with_story_sizes(conn: sqlite3.Connection, hits: list[Hit]) -> list[Hit]:
        """Each hit's story size over the whole index, in one query for the page."""
        story_ids = sorted({hit.story_id for hit in hits if hit.story_id})
        if not story_ids:
            return hits
        marks = ",".join("?" * len(story_ids))
        sizes = dict(
            conn.execute(
                "SELECT value, count(*) FROM keyword_values WHERE field = 'story_id'"
                f" AND value IN ({marks}) GROUP BY value",
                story_ids,
            ).fetchall()
        )
        return [
            hit.model_copy(update={"story_size": max(1, int(sizes.get(hit.story_id, 1)))})
            if hit.story_id
            else hit
            for hit in hits
        ]

    def _facets(
        self,
        conn: sqlite3.Connection,
        request: SearchRequest,
        conditions: dict[str, _Condition],
        has_text: bool,
    ) -> dict[str, list[Bucket]]:
        selected = resolve_filters(request.filters)
        join = "JOIN temp.hits h ON h.rowid = kv.article_rowid" if has_text else ""
        result: dict[str, list[Bucket]] = {}
        for name, facet in COUNTED_FACETS.items():
            # multi-select: a facet's counts ignore its own selection
            where, params = _where(conditions, skip=name, rid="kv.article_rowid")
            rows = conn.execute(
                f"SELECT kv.value, count(*) AS n FROM keyword_values kv {join}"
                f" WHERE kv.field = ? AND {where} GROUP BY kv.value ORDER BY n DESC, kv.value LIMIT ?",
                [facet.field, *params, request.facet_size],
            ).fetchall()
            chosen = {value for field_name, value in selected.get(name, []) if field_name == facet.field}
            buckets = [Bucket(value=r["value"], count=r["n"], selected=r["value"] in chosen) for r in rows]
            for missing in sorted(chosen - {b.value for b in buckets}):
                buckets.append(
                    Bucket(
                        value=missing,
                        count=self._count_value(conn, facet.field, missing, where, params, join),
                        selected=True,
                    )
                )
            result[name] = buckets
        return result

    @staticmethod
    def _count_value(
        conn: sqlite3.Connection, field_name: str, value: str, where: str, params: list[object], join: str
    ) -> int:
        return int(
            conn.execute(
                f"SELECT count(*) FROM keyword_values kv {join}"
                f" WHERE kv.field = ? AND kv.value = ? AND {where}",
                [field_name, value, *params],
            ).fetchone()[0]
        )

    def _histogram(
        self, conn: sqlite3.Connection, request: SearchRequest, conditions: dict[str, _Condition], join: str
    ) -> list[Bucket]:
        where, params = _where(conditions, skip="published")
        width = _HISTOGRAM_PREFIX[request.interval]
        rows = conn.execute(
            f"SELECT substr(a.published_local, 1, {width}) AS k, count(*) AS n FROM articles a {join}"
            f" WHERE a.published_local IS NOT NULL AND {where} GROUP BY k ORDER BY k",
            params,
        ).fetchall()
        return [Bucket(value=r["k"], count=r["n"]) for r in rows]

    def scan(self, request: SearchRequest, batch_size: int = 500) -> Iterator[Article]:
        """Keyset pagination over the whole result set: memory stays flat for any export size."""
        parsed = request.parsed
        with _readable(self.path), closing(self._connect()) as conn:
            has_text = self._prepare_hits(conn, parsed)
            conditions = _conditions(request, parsed)
            sort = request.effective_sort
            if sort == "relevance" and not has_text:
                sort = "newest"
            cursor: str | None = None
            page_request = request.model_copy(update={"sort": sort, "page": 1, "size": batch_size})
            while True:
                rows = self._rows(conn, page_request, parsed, has_text, conditions, batch_size, 0, cursor)
                for row in rows:
                    yield Article.model_validate_json(row["data"])
                if len(rows) < batch_size:
                    return
                cursor = _encode_cursor(sort, float(rows[-1]["sort_value"]), rows[-1]["id"])

    def total(self, request: SearchRequest) -> int:
        return self.search(request.model_copy(update={"size": 0, "with_facets": False})).total
