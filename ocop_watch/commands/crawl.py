"""`ocop crawl`: run the real Scrapy crawl (`scrapy crawl news`) for one, several or all sites.

Scrapy runs in a subprocess (exactly what a scheduler would run), then the per-site report it
stored in the archive's `crawl_runs` table is printed as a table. The exit code is Scrapy's:
0 when every site worked, 3 when a site failed entirely, 1 when the crawl could not start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from indexer.archive import Archive
from ocop_watch.cli_app import app
from ocop_watch.indexing import update_embedded_index


@app.command("crawl")
def crawl(
    site: list[str] = typer.Option([], "--site", "-s", help="Site key from the registry (repeatable)"),
    all_sites: bool = typer.Option(False, "--all", help="Every enabled site in the registry"),
    base_url: str | None = typer.Option(
        None, help="Serve one site from elsewhere (a mirror, the sample site)"
    ),
    since: str | None = typer.Option(None, help="Skip articles published before YYYY-MM-DD"),
    registry: Path | None = typer.Option(
        None, envvar="OCOP_SITES_DIR", help="Site registry directory (default: crawler/sites)"
    ),
    archive: Path = typer.Option(Path("data/archive.sqlite"), envvar="OCOP_ARCHIVE", help="SQLite archive"),
    setting: list[str] = typer.Option([], "--set", help="Extra Scrapy setting NAME=VALUE (repeatable)"),
) -> None:
    """Crawl sites into the archive and print the per-site report."""
    if not site and not all_sites:
        raise typer.BadParameter("name a site with --site NAME, or pass --all")
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-s", f"OCOP_ARCHIVE={archive.resolve()}"]
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
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    started = time.time()
    code = subprocess.call(command, env=env)
    if archive.exists():
        print_report(archive, started)
        update_embedded_index(archive)
    raise typer.Exit(code)


def print_report(archive: Path, since_ts: float) -> None:
    """The reports of the runs that started after `since_ts`, one row per site."""
    with Archive(archive) as store:
        runs = [run for run in store.last_runs() if float(run["started_ts"]) >= since_ts - 1]
    if not runs:
        return
    table = Table(title="Crawl report", show_lines=False)
    for column in ("site", "status", "requests", "fetched", "new", "updated", "unchanged", "304", "skipped"):
        table.add_column(column, justify="left" if column in ("site", "status") else "right")
    table.add_column("errors")
    for run in runs:
        report = run["stats"].get("report", {})
        errors = ", ".join(f"{k} {v}" for k, v in sorted(report.get("errors", {}).items())) or "-"
        style = {"failed": "red", "interrupted": "yellow", "partial": "yellow"}.get(
            str(run["status"]), "green"
        )
        table.add_row(
            str(run["site"]),
            f"[{style}]{run['status']}[/{style}]",
            *(
                str(report.get(k, 0))
                for k in ("requests", "fetched", "new", "updated", "unchanged", "not_modified")
            ),
            str(report.get("skipped", 0)),
            errors,
        )
    Console(stderr=True).print(table)
