"""Alerts and their delivery state, kept in the archive beside the articles they point at.

Three tables make delivery exactly-once per (alert, article):

- `alerts`: the saved search, where to send, how often, and `checked_seq`: the archive changes
  (`articles.seq`) already matched against it. Only articles archived after the alert was made
  (`rowid > since_rowid`) are new to it.
- `alert_items`: one row per article an alert matched, ever (primary key (alert, article)): an
  article cannot be queued twice, whatever crashes or re-runs happen.
- `alert_deliveries`: a digest or POST, with a stable id. Items join a delivery when it is made;
  it is marked sent only after the mail server or webhook accepted it. An unsent delivery is sent
  again, with the same id and the same articles, by the next run.

Matching and queueing commit together (`record_matches`): a crash before that commit leaves
`checked_seq` where it was and the changes are matched again; after it, the items are queued.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from indexer.archive import Archive
from indexer.errors import InvalidArgument, NotFound
from indexer.facets import resolve_filters
from indexer.query import SearchRequest

Channel = Literal["email", "webhook"]
Every = Literal["crawl", "daily", "weekly"]
# How long after its last run an alert is due again; an hour less than the period, so a daily cron
# that runs a few minutes early one day does not skip a day.
_PERIOD = {"crawl": 0.0, "daily": 23 * 3600.0, "weekly": 7 * 86400.0 - 3600.0}
_NAME = re.compile(r"^[\w][\w .\-]{0,79}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Alert(BaseModel):
    name: str
    params: dict[str, str | list[str]] = Field(default_factory=dict)  # /search parameters
    channel: Channel
    target: str  # an e-mail address or a webhook URL
    every: Every = "crawl"
    alert_id: int = 0
    created_ts: float = 0.0
    since_rowid: int = 0
    checked_seq: int = 0
    last_run_ts: float | None = None
    last_sent_ts: float | None = None
    last_error: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("an alert's name is 1-80 letters, digits, spaces, '.', '-' or '_'")
        return value

    def request(self) -> SearchRequest:
        """The saved search (raises InvalidQuery or ValidationError when it is not a valid one)."""
        return SearchRequest.from_params(self.params)

    def due(self, now: float) -> bool:
        return self.last_run_ts is None or now - self.last_run_ts >= _PERIOD[self.every]

    def check_target(self) -> None:
        if self.channel == "email" and not _EMAIL.match(self.target):
            raise InvalidArgument(f"{self.target!r} is not an e-mail address")
        if self.channel == "webhook" and not re.match(r"^https?://[^\s/]+", self.target):
            raise InvalidArgument(f"{self.target!r} is not an http(s) URL")


@dataclass(frozen=True)
class Delivery:
    delivery_id: str
    alert_id: int
    article_ids: list[str]
    attempts: int


class AlertStore:
    """The alerts of one archive (opened for writing: the archive creates the tables)."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self.conn = archive.conn

    # --- saved searches ---------------------------------------------------------------------------

    def add(self, alert: Alert) -> Alert:
        alert.check_target()
        try:
            resolve_filters(alert.request().filters)  # unknown provinces, stars 7, … are said now
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            raise InvalidArgument(f"invalid search for alert {alert.name!r}: {exc}") from None
        with self.archive.transaction() as conn:
            if conn.execute("SELECT 1 FROM alerts WHERE name=?", (alert.name,)).fetchone():
                raise InvalidArgument(f"an alert named {alert.name!r} exists; remove it first")
            since = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
            created = alert.model_copy(
                update={
                    "created_ts": time.time(),
                    "since_rowid": since,
                    "checked_seq": self.archive.last_seq(),
                }
            )
            created.alert_id = (
                conn.execute(
                    "INSERT INTO alerts(name, params, channel, target, every, created_ts, since_rowid,"
                    " checked_seq) VALUES(?,?,?,?,?,?,?,?)",
                    (
                        created.name,
                        json.dumps(created.params, ensure_ascii=False),
                        created.channel,
                        created.target,
                        created.every,
                        created.created_ts,
                        created.since_rowid,
                        created.checked_seq,
                    ),
                ).lastrowid
                or 0
            )
        return created

    def all(self) -> list[Alert]:
        rows = self.conn.execute("SELECT * FROM alerts ORDER BY name").fetchall()
        return [Alert.model_validate({**dict(row), "params": json.loads(row["params"])}) for row in rows]

    def get(self, name: str) -> Alert:
        for alert in self.all():
            if alert.name == name:
                return alert
        raise NotFound(f"no alert named {name!r} (ocop alerts list shows them)")

    def remove(self, name: str) -> None:
        alert = self.get(name)
        with self.archive.transaction() as conn:
            for table in ("alert_items", "alert_deliveries", "alerts"):
                conn.execute(f"DELETE FROM {table} WHERE alert_id=?", (alert.alert_id,))

    def pending_count(self, alert: Alert) -> int:
        """Articles matched but not yet delivered (queued, or in an unsent delivery)."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM alert_items i LEFT JOIN alert_deliveries d USING(delivery_id)"
                " WHERE i.alert_id=? AND d.sent_ts IS NULL",
                (alert.alert_id,),
            ).fetchone()[0]
        )

    # --- matching ----------------------------------------------------------------------------------

    def candidates(self, alert: Alert, head: int) -> list[str]:
        """Articles archived after the alert was made that changed since it last matched (up to
        change `head`): the only ones that can be new matches."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE seq > ? AND seq <= ? AND rowid > ? ORDER BY seq",
            (alert.checked_seq, head, alert.since_rowid),
        ).fetchall()
        return [row["id"] for row in rows]

    def record_matches(self, alert: Alert, article_ids: list[str], head: int, now: float) -> int:
        """Queue the matches and move `checked_seq` to `head`, in one transaction; returns how
        many articles are new to the alert (one already queued or sent is never queued again)."""
        with self.archive.transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO alert_items(alert_id, article_id, matched_ts) VALUES(?,?,?)",
                [(alert.alert_id, article_id, now) for article_id in article_ids],
            )
            added = conn.total_changes - before
            conn.execute(
                "UPDATE alerts SET checked_seq=max(checked_seq, ?), last_run_ts=? WHERE alert_id=?",
                (head, now, alert.alert_id),
            )
        return added

    # --- deliveries --------------------------------------------------------------------------------

    def deliveries_to_send(self, alert: Alert, now: float) -> list[Delivery]:
        """Unsent deliveries (oldest first, each again with its own id and articles), then one new
        delivery of every queued article, if any."""
        with self.archive.transaction() as conn:
            queued = conn.execute(
                "SELECT count(*) FROM alert_items WHERE alert_id=? AND delivery_id IS NULL", (alert.alert_id,)
            ).fetchone()[0]
            if queued:
                delivery_id = uuid.uuid4().hex
                conn.execute(
                    "INSERT INTO alert_deliveries(delivery_id, alert_id, created_ts) VALUES(?,?,?)",
                    (delivery_id, alert.alert_id, now),
                )
                conn.execute(
                    "UPDATE alert_items SET delivery_id=? WHERE alert_id=? AND delivery_id IS NULL",
                    (delivery_id, alert.alert_id),
                )
        rows = self.conn.execute(
            "SELECT delivery_id, attempts FROM alert_deliveries WHERE alert_id=? AND sent_ts IS NULL"
            " ORDER BY created_ts, delivery_id",
            (alert.alert_id,),
        ).fetchall()
        deliveries = []
        for row in rows:
            ids = self.conn.execute(
                "SELECT article_id FROM alert_items WHERE delivery_id=? ORDER BY article_id",
                (row["delivery_id"],),
            ).fetchall()
            deliveries.append(
                Delivery(row["delivery_id"], alert.alert_id, [r["article_id"] for r in ids], row["attempts"])
            )
        return deliveries

    def attempted(self, delivery: Delivery) -> None:
        """Counted before sending, so a crash mid-send still shows in `ocop alerts list`."""
        self.conn.execute(
            "UPDATE alert_deliveries SET attempts=attempts+1 WHERE delivery_id=?", (delivery.delivery_id,)
        )

    def sent(self, delivery: Delivery, now: float) -> None:
        with self.archive.transaction() as conn:
            conn.execute(
                "UPDATE alert_deliveries SET sent_ts=?, last_error=NULL WHERE delivery_id=?",
                (now, delivery.delivery_id),
            )
            conn.execute(
                "UPDATE alerts SET last_sent_ts=?, last_error=NULL WHERE alert_id=?", (now, delivery.alert_id)
            )

    def failed(self, delivery: Delivery, error: str) -> None:
        with self.archive.transaction() as conn:
            conn.execute(
                "UPDATE alert_deliveries SET last_error=? WHERE delivery_id=?", (error, delivery.delivery_id)
            )
            conn.execute("UPDATE alerts SET last_error=? WHERE alert_id=?", (error, delivery.alert_id))

    def sent_articles(self, alert: Alert) -> list[str]:
        """Every article delivered to this alert so far (for `ocop alerts list` and tests)."""
        rows = self.conn.execute(
            "SELECT i.article_id FROM alert_items i JOIN alert_deliveries d USING(delivery_id)"
            " WHERE i.alert_id=? AND d.sent_ts IS NOT NULL ORDER BY i.article_id",
            (alert.alert_id,),
        ).fetchall()
        return [row["article_id"] for row in rows]
