"""`ocop alerts add|list|remove|test|run`: saved searches that e-mail or POST what is new.

The work lives in `indexer.alerts` (state in the archive, digests, sending, exactly-once runs);
these commands parse options, bring the search index up to the archive before matching, and
print reports. `ocop alerts run` exits 3 when a delivery failed (it is retried by the next run).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from indexer.alerts.run import run_alerts
from indexer.alerts.send import Channels
from indexer.alerts.store import Alert, AlertStore, Delivery
from indexer.archive import Archive
from indexer.engines import open_index
from indexer.engines.base import SearchIndex
from indexer.engines.elastic.index import RemoteIndex
from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import ArchiveUnavailable, ExitCode, InvalidArgument
from indexer.settings import Settings
from indexer.sync import sync
from ocop_watch.cli_app import app
from ocop_watch.options import ArchiveOption, settings_for, with_facet_options

alerts_app = typer.Typer(
    help="Saved searches that send what is new by e-mail or webhook (docs/monitoring.md).",
    no_args_is_help=True,
)
app.add_typer(alerts_app, name="alerts")
console = Console(stderr=True)
TEST_ARTICLES = 5


def _archive(settings: Settings) -> Archive:
    if not settings.archive.exists():
        raise ArchiveUnavailable(
            f"no archive at {settings.archive}; crawl first (ocop crawl) or pass --archive"
        )
    return Archive(settings.archive)


@alerts_app.command("add")
@with_facet_options
def add(
    name: str = typer.Argument(..., help="A name for the alert (used by remove, test and run)"),
    q: str = typer.Option("", "--q", "-q", help='Words, "exact phrases", -excluded, OR (as in /search)'),
    date_from: datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="YYYY-MM-DD"),
    date_to: datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="YYYY-MM-DD, inclusive"),
    email: str | None = typer.Option(None, "--email", help="Send e-mail digests to this address"),
    webhook: str | None = typer.Option(None, "--webhook", help="POST new articles as JSON to this URL"),
    every: str = typer.Option("crawl", "--every", help="crawl (every run), daily or weekly"),
    archive: ArchiveOption = None,
    **facets: Any,
) -> None:
    """Save a search; `ocop alerts run` then sends the articles archived from now on that match it."""
    if (email is None) == (webhook is None):
        raise InvalidArgument("give exactly one of --email ADDRESS or --webhook URL")
    if every not in ("crawl", "daily", "weekly"):
        raise InvalidArgument(f"--every must be crawl, daily or weekly, not {every!r}")
    params: dict[str, str | list[str]] = {"q": q} if q else {}
    for day_name, day in (("from", date_from), ("to", date_to)):
        if day is not None:
            params[day_name] = day.date().isoformat()
    for facet, value in facets.items():
        if value:  # a boolean facet's option is a string, the others lists
            params[facet] = value
    alert = Alert(
        name=name,
        params=params,
        channel="email" if email else "webhook",
        target=email or webhook or "",
        every=every,  # checked above; pydantic validates it again
    )
    with _archive(settings_for(archive)) as store:
        created = AlertStore(store).add(alert)
    typer.echo(f"alert {created.name!r} saved: {created.channel} to {created.target}, {created.every}")


@alerts_app.command("list")
def list_alerts(archive: ArchiveOption = None) -> None:
    """The saved alerts, their search, target, schedule and delivery state."""
    with _archive(settings_for(archive)) as store:
        alerts = AlertStore(store)
        table = Table("name", "search", "to", "every", "sent", "waiting", "last sent", "last error")
        for alert in alerts.all():
            table.add_row(
                alert.name,
                " ".join(f"{k}={v}" for k, v in alert.params.items()) or "(everything)",
                alert.target,
                alert.every,
                str(len(alerts.sent_articles(alert))),
                str(alerts.pending_count(alert)),
                _when(alert.last_sent_ts),
                alert.last_error or "",
            )
    Console(width=200).print(table)


def _when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).astimezone().strftime("%Y-%m-%d %H:%M") if ts else "never"


@alerts_app.command("remove")
def remove(name: str = typer.Argument(...), archive: ArchiveOption = None) -> None:
    """Delete an alert and its delivery state."""
    with _archive(settings_for(archive)) as store:
        AlertStore(store).remove(name)
    typer.echo(f"alert {name!r} removed")


@alerts_app.command("test")
def test(name: str = typer.Argument(...), archive: ArchiveOption = None) -> None:
    """Send the alert's newest matches now, as a test of its address and the SMTP settings; nothing
    is recorded as delivered."""
    settings = settings_for(archive)
    with _archive(settings) as store:
        alert = AlertStore(store).get(name)
        request = alert.request().model_copy(
            update={"sort": "newest", "size": TEST_ARTICLES, "with_facets": False}
        )
        index = _up_to_date(settings, store)
        articles = [store.get(hit.id) for hit in index.search(request).hits]
        Channels(settings)(alert, Delivery(f"test-{uuid.uuid4().hex}", alert.alert_id, [], 0), articles)
    typer.echo(f"test of {name!r} sent to {alert.target} ({len(articles)} article(s))")


@alerts_app.command("run")
def run(
    names: list[str] = typer.Argument(None, help="Only these alerts (default: every due alert)"),
    force: bool = typer.Option(False, "--force", help="Run daily/weekly alerts even if not due"),
    archive: ArchiveOption = None,
) -> None:
    """Send every due alert what was archived since its last run and matches its search (after
    `ocop crawl`, or from cron). A failed delivery is kept and retried by the next run."""
    settings = settings_for(archive)
    with _archive(settings) as store:
        head = store.last_seq()  # every change up to here is in the index after the update below
        index = _up_to_date(settings, store)
        reports = run_alerts(
            AlertStore(store), index, Channels(settings), head, names=names or None, force=force
        )
    failed = False
    for report in reports:
        if not report.due:
            typer.echo(f"{report.name}: not due")
            continue
        line = f"{report.name}: {report.matched} new match(es), {report.sent} article(s) sent"
        typer.echo(line + f" in {report.deliveries} delivery(ies)")
        for error in report.errors:
            console.print(f"{report.name}: delivery failed, kept for the next run: {error}")
            failed = True
    if failed:
        raise typer.Exit(ExitCode.PARTLY_FAILED)


def _up_to_date(settings: Settings, store: Archive) -> SearchIndex:
    """The configured engine, holding every archive change made so far."""
    index = open_index(settings)
    if isinstance(index, EmbeddedIndex):
        index.sync()
    elif isinstance(index, RemoteIndex):
        sync(store, index)
    return index
