"""`ocop serve`: the search API and the journalists' page."""

from __future__ import annotations

from pathlib import Path

import typer

from ocop_watch.cli_app import app


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 for all)"),
    port: int = typer.Option(8000, envvar="PORT", help="TCP port"),
    archive: Path | None = typer.Option(None, envvar="OCOP_ARCHIVE", help="SQLite archive to search"),
    workers: int = typer.Option(1, help="Worker processes (the API is stateless)"),
) -> None:
    """Serve the search API (/search, /docs) and the web page (/) until Ctrl-C."""
    import os

    import uvicorn

    from indexer.settings import Settings

    if archive is not None:
        os.environ["OCOP_ARCHIVE"] = str(archive)
    settings = Settings()
    if settings.engine == "embedded" and not settings.archive.exists():
        # Serving an empty archive by mistake looks like "no coverage": say what is wrong instead.
        raise typer.BadParameter(
            f"no archive at {settings.archive}; crawl first (ocop crawl) or pass --archive"
        )
    typer.echo(f"ocop-watch: http://{host}:{port}/  (API docs at /docs)")
    uvicorn.run("search_api.main:app", host=host, port=port, workers=workers, log_level="warning")
