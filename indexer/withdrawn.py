"""Archived articles withdrawn from search: pages the current extractor refuses.

An article archived by an older extractor may be a page that the current one refuses (a notice
that the story was removed, a log-in wall, a redirect stub, a listing). `ocop reprocess --extract`
then marks it here with the extractor's reason instead of deleting it: the archive keeps its raw
HTML and the article as it was stored (nothing is lost, and a later extractor that accepts the
page again restores it), while the search engines leave it out and the API answers 404 for it.
The mark is a row of its own, not a field of the article: the stored version stays byte for byte.
"""

from __future__ import annotations

import sqlite3
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS withdrawn (
    article_rowid INTEGER PRIMARY KEY,
    reason TEXT NOT NULL,
    withdrawn_ts REAL NOT NULL
);
"""


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def mark(conn: sqlite3.Connection, rowid: int, reason: str) -> bool:
    """Withdraw an article; whether anything changed (a mark with the same reason stays as it is)."""
    found = conn.execute("SELECT reason FROM withdrawn WHERE article_rowid=?", (rowid,)).fetchone()
    if found is not None and found[0] == reason:
        return False
    conn.execute(
        "INSERT OR REPLACE INTO withdrawn(article_rowid, reason, withdrawn_ts) VALUES(?,?,?)",
        (rowid, reason, time.time()),
    )
    return True


def unmark(conn: sqlite3.Connection, rowid: int) -> bool:
    """Serve an article again; whether it was withdrawn."""
    return conn.execute("DELETE FROM withdrawn WHERE article_rowid=?", (rowid,)).rowcount > 0


def reasons(conn: sqlite3.Connection) -> dict[int, str]:
    """The withdrawn articles' rowids and reasons. An archive written before the table existed,
    opened read-only, has none."""
    try:
        rows = conn.execute("SELECT article_rowid, reason FROM withdrawn").fetchall()
    except sqlite3.OperationalError:
        return {}
    return {int(rowid): str(reason) for rowid, reason in rows}


def reason_of(conn: sqlite3.Connection, rowid: int) -> str | None:
    """Why one article is withdrawn, or None when it is served."""
    try:
        row = conn.execute("SELECT reason FROM withdrawn WHERE article_rowid=?", (rowid,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row is not None else None
