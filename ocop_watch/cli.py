"""Entry point of the `ocop` command: imports every command module so each registers itself."""

from ocop_watch.cli_app import app
from ocop_watch.commands import (  # noqa: F401  (imported for their registrations)
    classify,
    crawl,
    export,
    extract,
    index,
    reprocess,
    serve,
    sites,
)


def main() -> None:
    app()
