"""Errors a user can act on, and the exit code of each: the one table every interface maps from.

The API maps each type to one HTTP status (`search_api/errors.py`); every command (`ocop …` and
`scrapy crawl`) prints the message as one line and exits with the type's `exit_code`
(`ocop_watch/cli.py`, `crawler/commands/crawl.py`). docs/operators.md documents the codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a command's exit status means, for schedulers and scripts (docs/operators.md)."""

    OK = 0
    INTERNAL = 1  # a bug: the traceback is printed, please report it
    USAGE = 2  # a bad option, argument, query or filter (Click uses 2 for its own usage errors too)
    PARTLY_FAILED = 3  # the command ran but some of its work failed: see its report
    CONFIGURATION = 4  # a registry file or a setting is invalid
    ARCHIVE_UNAVAILABLE = 5  # the archive is missing, unreadable, damaged, or read-only for a writer
    ARCHIVE_BUSY = 6  # another crawl is writing to the same archive
    ENGINE_UNAVAILABLE = 7  # the search engine cannot be reached, refused, or ran out of time
    FILE_ERROR = 8  # an input or output file cannot be read or written (permissions, disk full, …)
    INTERRUPTED = 130  # stopped with Ctrl-C (128 + SIGINT, as shells report it)


class OcopWatchError(Exception):
    """Base of the errors this project raises on purpose; its message is meant for the user.

    Only checks inside pydantic validators raise plain `ValueError`s (pydantic wants those), and
    they reach the user inside one of these (a bad registry is a `ConfigurationError`, a bad
    search request an `InvalidQuery`); anything else that escapes is a bug."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InvalidArgument(OcopWatchError):
    """A value given on the command line or in a request is not one we can use; the message says why."""

    exit_code = ExitCode.USAGE


class InvalidQuery(InvalidArgument):
    """The search request cannot be answered as asked (bad syntax, bad parameter): a 4xx."""


class NotFound(OcopWatchError):
    """The requested article or resource does not exist: a 404."""

    exit_code = ExitCode.USAGE


class ConfigurationError(OcopWatchError):
    """A registry file or a setting is invalid; the message names the file or setting."""

    exit_code = ExitCode.CONFIGURATION


class EngineUnavailable(OcopWatchError):
    """The search engine cannot be reached or refused the request: a 503, never a 500."""

    exit_code = ExitCode.ENGINE_UNAVAILABLE


class SearchTimeout(EngineUnavailable):
    """A search ran past its time budget and was abandoned, so one heavy request cannot stall the
    others: a 503 with the reason, which the client may retry or narrow."""


class ArchiveUnavailable(EngineUnavailable):
    """The archive cannot be used: missing, unreadable, damaged, or not writable by a writer.

    For the API the embedded engine is then down (a 503 with the reason); for a command it is
    its own exit code, because the fix (a path, a permission, a restore) is the operator's."""

    exit_code = ExitCode.ARCHIVE_UNAVAILABLE


class UnreadableInput(OcopWatchError, ValueError):
    """A page, feed or input line cannot be read as what it should be (not HTML, not XML, no
    article in it, not a JSON object). Commands reading many record it per item and go on; one
    that ends a command is the input file's fault. Also a `ValueError`, which it is."""

    exit_code = ExitCode.FILE_ERROR


class ArchiveBusy(OcopWatchError):
    """Another crawl holds the archive: two crawls on one archive would resume each other's runs."""

    exit_code = ExitCode.ARCHIVE_BUSY


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code of any exception a command lets out: ours by type, then the OS's kinds."""
    if isinstance(error, OcopWatchError):
        return error.exit_code
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(error, OSError):
        return ExitCode.FILE_ERROR
    return ExitCode.INTERNAL
