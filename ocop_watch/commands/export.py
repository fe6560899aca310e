"""`ocop export`: a search's whole result set to a CSV, JSONL or Parquet file, as GET /export gives it.

Query and filter options have the API's names and go through the API's own `search_request`, so a
command line and a URL with the same parameters export the same rows. The file is written under a
`.part` name and renamed when complete; its provenance goes to FILE.provenance.json beside it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from indexer.errors import EngineUnavailable, InvalidQuery
from ocop_watch.cli_app import app


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered not in ("true", "false", "1", "0"):
        raise typer.BadParameter("must be true or false", param_hint="--is-ocop")
    return lowered in ("true", "1")


def _message(exc: ValidationError) -> str:
    return "; ".join(str(e.get("msg", "invalid value")).removeprefix("Value error, ") for e in exc.errors())


@app.command("export")
def export(
    output: Path = typer.Option(..., "--output", "-o", help="File to write"),
    export_format: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet"),
    q: str = typer.Option("", "--q", "-q", help='Words, "exact phrases", -excluded, OR (as in /search)'),
    site: list[str] = typer.Option([], "--site", help="Outlet (site key); repeatable"),
    section: list[str] = typer.Option([], "--section", help="Section; repeatable"),
    province: list[str] = typer.Option([], "--province", help="Province (2025 or older name); repeatable"),
    stars: list[str] = typer.Option([], "--stars", help="OCOP star rating 3, 4 or 5; repeatable"),
    product_group: list[str] = typer.Option([], "--product-group", "--product_group", help="Repeatable"),
    is_ocop: str | None = typer.Option(None, "--is-ocop", "--is_ocop", help="true or false"),
    date_from: datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="YYYY-MM-DD"),
    date_to: datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="YYYY-MM-DD, inclusive"),
    sort: str | None = typer.Option(None, "--sort", help="relevance, newest or oldest"),
    fields: list[str] = typer.Option([], "--fields", help="Columns, comma-separated or repeated"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Export at most this many rows"),
    archive: Path | None = typer.Option(None, envvar="OCOP_ARCHIVE", help="SQLite archive (embedded engine)"),
) -> None:
    """Export every article a search matches (no 10,000 cap), with a progress bar."""
    from indexer.engines import open_index
    from indexer.export import Export
    from indexer.settings import Settings
    from search_api.app import search_request

    settings = Settings(archive=archive) if archive is not None else Settings()
    if settings.engine == "embedded" and not settings.archive.exists():
        raise typer.BadParameter(f"no archive at {settings.archive}", param_hint="--archive")
    try:
        request = search_request(
            q=q,
            site=site,
            section=section,
            province=province,
            stars=stars,
            product_group=product_group,
            is_ocop=_flag(is_ocop),
            date_from=date_from.date() if date_from else None,
            date_to=date_to.date() if date_to else None,
            sort=sort,  # type: ignore[arg-type]  # checked by SearchRequest
        )
        job = Export(open_index(settings), request, export_format, fields, limit)
    except ValidationError as exc:
        raise typer.BadParameter(_message(exc)) from None
    except InvalidQuery as exc:
        raise typer.BadParameter(str(exc)) from None
    except EngineUnavailable as exc:
        typer.echo(f"search engine unavailable: {exc}", err=True)
        raise typer.Exit(1) from None

    partial = output.with_name(output.name + ".part")
    columns = (TextColumn("exporting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=Console(stderr=True)) as progress, partial.open("wb") as out:
            task = progress.add_task("rows", total=job.expected_rows)
            for chunk in job.chunks():
                out.write(chunk)
                progress.update(task, completed=job.rows)
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave a file that looks complete but is not
        raise
    os.replace(partial, output)
    sidecar = output.with_name(output.name + ".provenance.json")
    provenance = json.dumps(job.provenance(rows=job.rows), ensure_ascii=False, indent=2)
    sidecar.write_text(provenance + "\n", encoding="utf-8")
    typer.echo(f"{job.rows} of {job.total} articles → {output} (provenance: {sidecar.name})")
