"""The alert tables of the archive (the archive creates every table in its file; see `store`)."""

from __future__ import annotations

import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    alert_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    params TEXT NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    every TEXT NOT NULL,
    created_ts REAL NOT NULL,
    since_rowid INTEGER NOT NULL,
    checked_seq INTEGER NOT NULL,
    last_run_ts REAL,
    last_sent_ts REAL,
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS alert_items (
    alert_id INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    matched_ts REAL NOT NULL,
    delivery_id TEXT,
    PRIMARY KEY (alert_id, article_id)
);
CREATE INDEX IF NOT EXISTS alert_items_delivery ON alert_items(alert_id, delivery_id);
CREATE TABLE IF NOT EXISTS alert_deliveries (
    delivery_id TEXT PRIMARY KEY,
    alert_id INTEGER NOT NULL,
    created_ts REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_ts REAL,
    last_error TEXT
);
"""


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
