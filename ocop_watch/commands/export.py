"""`ocop export`: a search's whole result set to a CSV, JSONL or Parquet file, as GET /export gives it.

Query and filter options have the API's names (one option per facet, generated from
`indexer.facets.FACETS`) and go through `SearchRequest.from_params`, as the API's do, so a command
line and a URL with the same parameters export the same rows. The file is written under a
`.part` name and renamed when complete; its provenance goes to FILE.provenance.json beside it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from indexer.engines import open_index
from indexer.errors import InvalidQuery
from indexer.export import MAX_LIMIT, Export
from indexer.query import SearchRequest
from ocop_watch.cli_app import app
from ocop_watch.options import ArchiveOption, settings_for, with_facet_options


def _message(exc: ValidationError) -> str:
    return "; ".join(str(e.get("msg", "invalid value")).removeprefix("Value error, ") for e in exc.errors())


@app.command("export")
@with_facet_options
def export(
    output: Path = typer.Option(..., "--output", "-o", help="File to write"),
    export_format: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet"),
    q: str = typer.Option("", "--q", "-q", help='Words, "exact phrases", -excluded, OR (as in /search)'),
    date_from: datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="YYYY-MM-DD"),
    date_to: datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="YYYY-MM-DD, inclusive"),
    sort: str | None = typer.Option(None, "--sort", help="relevance, newest or oldest"),
    fields: list[str] = typer.Option([], "--fields", help="Columns, comma-separated or repeated"),
    limit: int | None = typer.Option(
        None, "--limit", min=1, max=MAX_LIMIT, help="Export at most this many rows"
    ),
    raw: bool = typer.Option(
        False,
        "--raw",
        help="CSV: cells exactly as published (by default a formula-like cell gets a leading ')",
    ),
    archive: ArchiveOption = None,
    **facets: Any,
) -> None:
    """Export every article a search matches (no 10,000 cap), with a progress bar."""
    settings = settings_for(archive)
    params = {
        **facets,
        "q": q,
        "from": date_from.date() if date_from else None,
        "to": date_to.date() if date_to else None,
        "sort": sort,
    }
    try:
        request = SearchRequest.from_params(params)
    except ValidationError as exc:
        raise InvalidQuery(_message(exc)) from None
    job = Export(open_index(settings), request, export_format, fields, limit, raw=raw)

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
