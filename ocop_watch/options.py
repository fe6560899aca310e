"""Options several commands share, declared once: the archive (and the settings it overrides), facets.

The archive's default lives in `indexer.settings.Settings` (OCOP_ARCHIVE, .env, else
data/archive.sqlite); `--archive` only overrides it for one command, by building the settings,
never by changing the environment.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from indexer.facets import FACETS
from indexer.settings import Settings, load_settings

T = TypeVar("T")

ArchiveOption = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        help=f"SQLite archive (default: $OCOP_ARCHIVE, else {Settings.model_fields['archive'].default})",
        show_default=False,
    ),
]


def settings_for(archive: Path | None = None, **overrides: object) -> Settings:
    """The settings a command runs with: environment and .env, then its own options."""
    return load_settings(archive=archive, **overrides)


def with_facet_options(command: Callable[..., T]) -> Callable[..., T]:
    """Adds one option per facet in `indexer.facets.FACETS` to a command that takes `**facets`.

    The options carry the API's parameter names (`--product-group` or `--product_group`), so a new
    facet reaches `ocop export` without an edit here; `SearchRequest.from_params` reads them.
    """
    signature = inspect.signature(command, eval_str=True)
    fixed = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    added = []
    for facet in FACETS.values():
        names = dict.fromkeys((f"--{facet.name.replace('_', '-')}", f"--{facet.name}"))
        if facet.kind == "boolean":
            option = typer.Option(*names, help=f"{facet.description}: true or false", show_default=False)
            annotation: Any = Annotated[str | None, option]
            default: Any = None
        else:
            option = typer.Option(*names, help=f"{facet.description}; repeatable", show_default=False)
            annotation = Annotated[list[str], option]
            default = []
        added.append(
            inspect.Parameter(
                facet.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
            )
        )

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        return command(*args, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*fixed, *added])  # type: ignore[attr-defined]
    return wrapper
