"""`ocop crawl`: run the real Scrapy crawl (`scrapy crawl news`) for one, several or all sites.

Scrapy runs in a subprocess (exactly what a scheduler would run), which writes the reports of the
runs it made to a file this command then prints as a table: this crawl's reports, by run id,
never another crawl's. The exit code is Scrapy's (`crawler/commands/crawl.py`): 0 when every site
worked, 3 when a site failed entirely, and the code of the error when the crawl could not start
(docs/operators.md lists them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from indexer.errors import ExitCode
from ocop_watch.cli_app import app
from ocop_watch.indexing import update_embedded_index
from ocop_watch.options import ArchiveOption, settings_for


@app.command("crawl")
def crawl(
    site: list[str] = typer.Option([], "--site", "-s", help="Site key from the registry (repeatable)"),
    all_sites: bool = typer.Option(False, "--all", help="Every enabled site in the registry"),
    base_url: str | None = typer.Option(
        None, help="Serve one site from elsewhere (a mirror, the sample site)"
    ),
    since: str | None = typer.Option(None, help="Skip articles published before YYYY-MM-DD"),
    registry: Path | None = typer.Option(
        None, help="Site registry directory (default: $OCOP_SITES_DIR, else crawler/sites)"
    ),
    archive: ArchiveOption = None,
    setting: list[str] = typer.Option([], "--set", help="Extra Scrapy setting NAME=VALUE (repeatable)"),
) -> None:
    """Crawl sites into the archive and print the per-site report."""
    if not site and not all_sites:
        raise typer.BadParameter("name a site with --site NAME, or pass --all")
    settings = settings_for(archive)
    path = settings.archive.resolve()
    with tempfile.TemporaryDirectory(prefix="ocop-crawl-") as folder:
        report_file = Path(folder) / "report.json"
        command = [sys.executable, "-m", "scrapy", "crawl", "news"]
        command += ["-s", f"OCOP_ARCHIVE={path}", "-s", f"OCOP_REPORT_FILE={report_file}"]
        if site:
            command += ["-a", f"site={','.join(site)}"]
        if base_url:
            command += ["-a", f"base_url={base_url}"]
        if since:
            command += ["-a", f"since={since}"]
        if registry:
            command += ["-a", f"registry={registry.resolve()}"]
        for item in setting:
            command += ["-s", item]
        code = subprocess.call(command, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"})
        if report_file.exists():
            print_report(json.loads(report_file.read_text(encoding="utf-8")))
    if code in (ExitCode.OK, ExitCode.PARTLY_FAILED):  # it ran (a crawl that could not start says why alone)
        update_embedded_index(settings)
    raise typer.Exit(code)


def print_report(reports: list[dict[str, Any]]) -> None:
    """One row per site of this run (`crawler.report.SiteReport` as JSON)."""
    if not reports:
        return
    table = Table(title="Crawl report", show_lines=False)
    table.add_column("run", justify="right")
    for column in ("site", "status", "requests", "fetched", "new", "updated", "unchanged", "304", "skipped"):
        table.add_column(column, justify="left" if column in ("site", "status") else "right")
    table.add_column("errors")
    for report in reports:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(report.get("errors", {}).items())) or "-"
        status = str(report["status"])
        style = {"failed": "red", "interrupted": "yellow", "partial": "yellow"}.get(status, "green")
        table.add_row(
            f"#{report.get('run_id', '?')}",
            str(report["site"]),
            f"[{style}]{status}[/{style}]",
            *(
                str(report.get(k, 0))
                for k in ("requests", "fetched", "new", "updated", "unchanged", "not_modified", "skipped")
            ),
            errors,
        )
    Console(stderr=True).print(table)
