"""Entry point of the `ocop` command: imports every command module so each registers itself, and
turns every error into one line on stderr and the exit code `indexer.errors` gives its type.

A bug (an exception that is none of ours, nor the operating system's) keeps its traceback and
exits 1, so that it can be reported; everything an operator can cause or fix is one line.
"""

from __future__ import annotations

import sys

import typer

from indexer.errors import ExitCode, OcopWatchError, exit_code_for
from ocop_watch.cli_app import app
from ocop_watch.commands import (  # noqa: F401  (imported for their registrations)
    alerts,
    classify,
    crawl,
    export,
    extract,
    index,
    reprocess,
    serve,
    sites,
)


def _usage_error(error: BaseException) -> tuple[str, str, int] | None:
    """(command path, message, exit code) of one of Click's own errors (a bad option, a missing
    argument, no such command), whichever copy of Click Typer uses."""
    format_message = getattr(error, "format_message", None)
    code = getattr(error, "exit_code", None)
    if not callable(format_message) or not isinstance(code, int):
        return None
    context = getattr(error, "ctx", None)
    return getattr(context, "command_path", "ocop"), str(format_message()), code


def run(argv: list[str] | None = None) -> int:
    """Runs one `ocop` command line and returns its exit code (docs/operators.md lists them)."""
    try:
        result = app(args=argv, prog_name="ocop", standalone_mode=False)
    except typer.Exit as done:
        return int(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("ocop: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except (OcopWatchError, OSError) as error:
        print(f"ocop: error: {error}", file=sys.stderr)
        return exit_code_for(error)
    except Exception as error:
        usage = _usage_error(error)
        if usage is None:
            raise  # a bug: keep the traceback
        command, message, code = usage
        if message:  # empty when Click already printed the help (`ocop` alone)
            print(f"{command}: error: {message} (see {command} --help)", file=sys.stderr)
        return code
    return int(result) if isinstance(result, int) else ExitCode.OK


def main() -> None:
    sys.exit(run())
