"""`ocop alerts run`: match what is new against each due alert, then deliver, exactly once.

For each alert: (1) the archive changes since its last check (up to `head`, which the search
index already holds) are asked of the search engine, restricted to those articles (the `id`
filter), so an alert matches exactly what the same search on the page finds; (2) matches are
queued and the check moves on in one transaction; (3) every unsent delivery is sent, and marked
sent only once the server accepted it (`store` explains why nothing is lost or queued twice).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from indexer.alerts.send import DeliveryFailed, Sender
from indexer.alerts.store import Alert, AlertStore
from indexer.engines.base import SearchIndex
from indexer.errors import ConfigurationError, NotFound
from indexer.facets import MAX_FILTER_VALUES
from indexer.schema import Article


@dataclass
class AlertReport:
    name: str
    due: bool = True
    matched: int = 0  # articles newly matched in this run
    sent: int = 0  # articles delivered in this run
    deliveries: int = 0
    errors: list[str] = field(default_factory=list)


def match_new(store: AlertStore, index: SearchIndex, alert: Alert, head: int, now: float) -> int:
    """Queue the alert's new matches among the archive changes up to `head`; returns how many."""
    request = alert.request()
    candidates = store.candidates(alert, head)
    matched: list[str] = []
    for start in range(0, len(candidates), MAX_FILTER_VALUES):
        batch = candidates[start : start + MAX_FILTER_VALUES]
        narrowed = request.model_copy(
            update={
                "filters": {**request.filters, "id": batch},
                "size": len(batch),
                "page": 1,
                "cursor": None,
                "collapse": None,
                "with_facets": False,
            }
        )
        matched += [hit.id for hit in index.search(narrowed).hits]
    return store.record_matches(alert, matched, head, now)


def deliver(store: AlertStore, alert: Alert, send: Sender, now: float, report: AlertReport) -> None:
    for delivery in store.deliveries_to_send(alert, now):
        articles = _articles(store, delivery.article_ids)
        store.attempted(delivery)
        if articles:
            try:
                send(alert, delivery, articles)
            except (DeliveryFailed, ConfigurationError) as exc:
                store.failed(delivery, str(exc))
                report.errors.append(str(exc))
                return  # later deliveries wait behind this one: a digest never overtakes another
        store.sent(delivery, time.time())
        report.sent += len(articles)
        report.deliveries += 1


def _articles(store: AlertStore, ids: list[str]) -> list[Article]:
    """The delivery's articles as archived now (one deleted since it matched is left out)."""
    found = []
    for article_id in ids:
        try:
            found.append(store.archive.get(article_id))
        except NotFound:
            continue
    return found


def run_alerts(
    store: AlertStore,
    index: SearchIndex,
    send: Sender,
    head: int,
    *,
    names: list[str] | None = None,
    force: bool = False,
    now: float | None = None,
) -> list[AlertReport]:
    """Every due alert (or those named; `force`: due or not), matched up to change `head` and
    delivered. `index` must hold every archive change up to `head`."""
    now = time.time() if now is None else now
    chosen = [store.get(name) for name in names] if names else store.all()
    reports = []
    for alert in chosen:
        report = AlertReport(alert.name)
        reports.append(report)
        if not force and not alert.due(now):
            report.due = False
            continue
        report.matched = match_new(store, index, alert, head, now)
        deliver(store, alert, send, now, report)
    return reports
