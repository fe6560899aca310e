"""`ocop crawl`: run the real Scrapy crawl (`scrapy crawl news`) for one, several or all sites."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer

from ocop_watch.cli_app import app


@app.command("crawl")
def crawl(
    site: list[str] = typer.Option([], "--site", "-s", help="Site key from crawler/sites (repeatable)"),
    all_sites: bool = typer.Option(False, "--all", help="Every enabled site in the registry"),
    base_url: str | None = typer.Option(
        None, help="Serve one site from elsewhere (a mirror, the sample site)"
    ),
    archive: Path = typer.Option(Path("data/archive.sqlite"), envvar="OCOP_ARCHIVE", help="SQLite archive"),
    setting: list[str] = typer.Option([], "--set", help="Extra Scrapy setting NAME=VALUE (repeatable)"),
) -> None:
    """Crawl sites into the archive; the exit code is non-zero when Scrapy fails."""
    if not site and not all_sites:
        raise typer.BadParameter("name a site with --site NAME, or pass --all")
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-s", f"OCOP_ARCHIVE={archive.resolve()}"]
    if site:
        command += ["-a", f"site={','.join(site)}"]
    if base_url:
        command += ["-a", f"base_url={base_url}"]
    for item in setting:
        command += ["-s", item]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    raise typer.Exit(subprocess.call(command, env=env))
