"""`ocop index sync|rebuild|status`: keep the search index in step with the archive.

The engine comes from the settings (OCOP_ENGINE, OCOP_ENGINE_URL, credentials, OCOP_INDEX_ALIAS,
OCOP_EMBEDDED_INDEX); the work itself lives in `indexer.sync` (Elasticsearch/OpenSearch) and
`indexer.engines.embedded` (the default), so these commands only parse options, draw progress and
turn the reports into text and exit codes (3 when a document was rejected; an unavailable engine
or archive is an error with its own code, see `indexer.errors.ExitCode`).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from indexer.archive import Archive
from indexer.engines.elastic.bulk import Rejection
from indexer.engines.elastic.index import open_remote_index
from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import ArchiveUnavailable, ExitCode
from indexer.settings import Settings
from indexer.sync import rebuild, status, sync
from ocop_watch.cli_app import index_app
from ocop_watch.options import ArchiveOption, settings_for

console = Console(stderr=True)


class _Bar:
    """indexer.sync.Progress drawn with rich (the bar goes to stderr, reports to stdout)."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.task: TaskID | None = None

    def start(self, description: str, total: int) -> None:
        self.task = self.progress.add_task(description, total=total)

    def advance(self, count: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, count)


def _progress() -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    return Progress(*columns, console=console, transient=False)


def _embedded(settings: Settings) -> EmbeddedIndex | None:
    """The embedded index of the archive when it is the configured engine, else None. It reads the
    archive only, so it can be built beside a read-only archive (OCOP_EMBEDDED_INDEX elsewhere)."""
    if settings.engine != "embedded":
        return None
    _open_archive(settings.archive, readonly=True).close()  # a missing archive is said so, not created
    return EmbeddedIndex(settings.archive, index_path=settings.embedded_index)


def _open_archive(path: Path, *, readonly: bool = False) -> Archive:
    if not path.exists():
        raise ArchiveUnavailable(f"no archive at {path}; crawl first (ocop crawl) or pass --archive")
    return Archive(path, readonly=readonly)  # sync and rebuild record their checkpoint in it


def _print_rejected(rejected: list[Rejection]) -> None:
    table = Table(
        "article id", "status", "reason", title=f"{len(rejected)} article(s) rejected by the engine"
    )
    for item in rejected:
        table.add_row(item.id, str(item.status), item.reason)
    console.print(table)


@index_app.command("sync")
def sync_command(
    archive: ArchiveOption = None,
    batch_size: int = typer.Option(500, min=1, max=10_000, help="Articles per bulk request"),
) -> None:
    """Push archive changes since the last checkpoint (the first run builds the index)."""
    settings = settings_for(archive)
    embedded = _embedded(settings)
    if embedded is not None:
        with _progress() as progress:
            applied = embedded.sync(_Bar(progress))
        typer.echo(f"{applied} change(s) applied to the embedded index {embedded.folder.path}")
        return
    index = open_remote_index(settings)
    with _open_archive(settings.archive) as store, _progress() as progress:
        report = sync(store, index, batch_size=batch_size, progress=_Bar(progress))
    how = (
        " (no index yet: built one)"
        if report.rebuilt
        else " (new index: from the start)"
        if report.from_scratch
        else ""
    )
    typer.echo(
        f"{report.pushed} article(s) pushed to {index.name} {report.index}{how}; "
        f"checkpoint {report.since} → {report.until}"
    )
    if report.rejected:
        _print_rejected(report.rejected)
        console.print("They stay listed and are retried by every sync until accepted (`ocop index status`).")
        raise typer.Exit(ExitCode.PARTLY_FAILED)


@index_app.command("rebuild")
def rebuild_command(
    archive: ArchiveOption = None,
    batch_size: int = typer.Option(500, min=1, max=10_000, help="Articles per bulk request"),
    shards: int | None = typer.Option(
        None, min=1, help="Primary shards of the new index (template default: 1)"
    ),
    keep: int = typer.Option(1, min=0, help="Previous versions to keep after the swap"),
    force: bool = typer.Option(False, "--force", help="Swap even if some articles were rejected"),
) -> None:
    """Load the whole archive into a new index and swap to it atomically (the embedded engine's
    folder, or a new <alias>-vN behind the Elasticsearch/OpenSearch alias)."""
    settings = settings_for(archive)
    embedded = _embedded(settings)
    if embedded is not None:
        _drop_retired_tables(settings.archive)
        with _progress() as progress:
            loaded = embedded.rebuild(_Bar(progress))
        typer.echo(f"{loaded} article(s) in the embedded index {embedded.folder.path}")
        return
    index = open_remote_index(settings)
    with _open_archive(settings.archive) as store, _progress() as progress:
        report = rebuild(
            store,
            index,
            batch_size=batch_size,
            shards=shards,
            keep=keep,
            force=force,
            progress=_Bar(progress),
        )
    if report.rejected:
        _print_rejected(report.rejected)
    if not report.swapped:
        console.print(
            f"{report.index} was dropped and alias {index.alias!r} left as it was (--force swaps anyway)"
        )
        raise typer.Exit(ExitCode.PARTLY_FAILED)
    moved = f" (was {', '.join(report.previous)})" if report.previous else ""
    dropped = f"; deleted {', '.join(report.dropped)}" if report.dropped else ""
    alias = f"alias {index.alias!r} → {report.index}{moved}"
    typer.echo(f"{report.loaded} article(s) in {report.index}; {alias}{dropped}")
    if report.rejected:
        raise typer.Exit(ExitCode.PARTLY_FAILED)


def _mapping_line(found: int | None, expected: int) -> str:
    if found is None:
        return "-"
    if found == expected:
        return f"{found}"
    return f"{found}, this version writes {expected}: run `ocop index rebuild`"


@index_app.command("status")
def status_command(archive: ArchiveOption = None) -> None:
    """Article counts in the archive and the engine, the sync checkpoint and what is pending."""
    settings = settings_for(archive)
    embedded = _embedded(settings)
    if embedded is not None:
        found = embedded.status()
        _print_rows(
            {
                "engine": f"embedded, {found['index']}",
                "articles in archive": found["archive_articles"],
                "articles in engine": found["engine_articles"],
                "checkpoint": f"{found['checkpoint_seq']} (archive change number {found['archive_seq']})",
                "changes pending": found["pending"],
                "withdrawn, kept in the archive": found["withdrawn"],
            }
        )
        return
    index = open_remote_index(settings)
    with _open_archive(settings.archive, readonly=True) as store:
        report = status(store, index)
    _print_rows(
        {
            "engine": f"{report.engine} at {report.url}",
            "alias": f"{report.alias} → {report.index or '(no index: run `ocop index rebuild`)'}",
            "mapping": _mapping_line(report.mapping, report.mapping_expected),
            "versions": ", ".join(report.versions) or "-",
            "articles in archive": report.archive_articles,
            "articles in engine": report.engine_articles,
            "sync checkpoint": f"{report.checkpoint_seq} (archive change number {report.archive_seq})",
            "changes pending": report.pending,
            "withdrawn, kept in the archive": report.withdrawn,
            "rejected, retried by the next sync": len(report.rejected),
        }
    )
    for item in report.rejected:
        typer.echo(f"  rejected {item.id} ({item.status}): {item.reason}")


def _print_rows(rows: dict[str, object]) -> None:
    width = max(map(len, rows))
    for key, value in rows.items():
        typer.echo(f"{key + ':':<{width + 2}}{value}")


def _drop_retired_tables(path: Path) -> None:
    """Remove what the retired FTS5 engine left in an older archive, when there is any (an archive
    without it is only read: the index can be rebuilt beside a read-only archive)."""
    with _open_archive(path, readonly=True) as store:
        if not store.has_retired_tables():
            return
    with _open_archive(path) as store:
        store.drop_search_tables()
