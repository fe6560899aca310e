"""`ocop serve`: the search API and the journalists' page, in several worker processes.

The process becomes uvicorn (exec), running the app factory `search_api.app:create_app` in
`--workers` processes (default: `Settings.workers`, 2 to 4 by CPU count), so one slow request or
one export never holds every connection. The workers read the same settings as this command; an
option given here reaches them in their environment, set for them alone.
"""

from __future__ import annotations

import os
import sys

import typer

from indexer.errors import ArchiveUnavailable
from ocop_watch.cli_app import app
from ocop_watch.options import ArchiveOption, settings_for

WORKER_HEALTHCHECK_SECONDS = 30


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 for all)"),
    port: int = typer.Option(8000, envvar="PORT", help="TCP port"),
    archive: ArchiveOption = None,
    workers: int | None = typer.Option(
        None,
        min=1,
        help="Worker processes (default: $OCOP_WORKERS, else 2-4 by CPUs)",
        show_default=False,
    ),
) -> None:
    """Serve the search API (/search, /docs) and the web page (/) until Ctrl-C."""
    settings = settings_for(archive, workers=workers)
    if settings.engine == "embedded" and not settings.archive.is_file():
        # Serving no archive by mistake looks like "no coverage": say what is wrong instead.
        raise ArchiveUnavailable(
            f"no archive at {settings.archive}; crawl first (ocop crawl) or pass --archive"
        )
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "search_api.app:create_app",
        "--factory",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(settings.workers),
        "--log-level",
        "warning",
        # uvicorn kills a worker that does not answer its supervisor's ping within 5 s, and with it
        # every request the worker holds; a worker busy with heavy requests is slow, not hung.
        "--timeout-worker-healthcheck",
        str(WORKER_HEALTHCHECK_SECONDS),
    ]
    environment = {
        **os.environ,
        "OCOP_ARCHIVE": str(settings.archive.resolve()),
        "OCOP_WORKERS": str(settings.workers),
    }
    typer.echo(f"ocop-watch: http://{host}:{port}/  (API docs at /docs; {settings.workers} workers)")
    sys.stdout.flush()
    os.execve(sys.executable, command, environment)
