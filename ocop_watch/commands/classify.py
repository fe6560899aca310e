"""`ocop classify` (JSONL passages → OCOP facts) and `ocop eval ocop` (enrichment vs labels).

`ocop classify` runs the same `indexer.ocop.enrich_text` the crawl pipeline and `ocop reprocess`
run, on passages given as JSON lines, so a journalist can check what the archive would record
for a text without crawling it. One output line per input line, in order; a line that cannot be
read gives an error object in its place (and a message on stderr), never a crash.

`ocop eval ocop` prints precision/recall/F1 per label on the labelled passages and on the seed
page, with the computation the tests use (indexer.ocop.evaluate).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

import typer

from indexer.errors import UnreadableInput
from ocop_watch.cli_app import app, eval_app


class BadLine(UnreadableInput):
    """An input line that is not a passage: says what is wrong so the sender can fix it."""


def _read(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise BadLine("expected a JSON object with id, title and text")
    return obj


def _passage(obj: dict[str, Any]) -> dict[str, Any]:
    for key in ("title", "text", "lead"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise BadLine(f"{key!r} must be a string")
    if not obj.get("title") and not obj.get("text"):
        raise BadLine("needs a 'title' or a 'text'")
    for key in ("published", "crawled"):
        value = obj.get(key)
        if value == "":
            obj[key] = None  # an undated passage written with an empty field, not a date
        elif value:
            if not isinstance(value, str):
                raise BadLine(f"{key!r} must be an ISO 8601 string")
            try:
                obj[key] = datetime.fromisoformat(value)
            except ValueError:
                raise BadLine(f"{key!r} is not an ISO 8601 date: {value!r}") from None
    return obj


def classify_lines(lines: TextIO, out: TextIO, err: TextIO) -> tuple[int, int]:
    """Classify JSONL passages from `lines` to `out`; returns (passages classified, bad lines)."""
    from indexer.ocop import enrich_text

    done = bad = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        ident: Any = None
        try:
            obj = _read(line)
            ident = obj.get("id")
            obj = _passage(obj)
            facts = enrich_text(
                obj.get("title") or "",
                obj.get("text") or "",
                lead=obj.get("lead") or "",
                published=obj.get("published"),
                written_by=obj.get("crawled"),
            )
            record = {"id": ident, **facts.model_dump(mode="json")}
            done += 1
        except BadLine as exc:
            bad += 1
            record = {"id": ident, "line": number, "error": str(exc)}
            print(f"line {number}: {exc}", file=err)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return done, bad


@app.command("classify")
def classify() -> None:
    """Read JSONL {"id", "title", "text"[, "lead", "published", "crawled"]} on stdin; write OCOP facts
    as JSONL. "crawled" (when the text was fetched) bounds an undated text's year.

    Output fields: id, ocop_score, is_ocop, provinces, provinces_2025, stars, product_groups,
    ocop_claims. A bad line gives {"id", "line", "error"} in its place and a message on stderr.
    """
    classify_lines(sys.stdin, sys.stdout, sys.stderr)


@eval_app.command("ocop")
def eval_ocop(
    labels: Path = typer.Argument(
        None, help="Labelled passages (JSONL); default tests/data/ocop_labels.jsonl."
    ),
    data: Path = typer.Option(
        None,
        "--data",
        help="A folder of real excerpts (passages.jsonl + labels.jsonl), e.g. ../shared/ocop-real;"
        " split into dev and heldout by a hash of the id.",
    ),
    split: str = typer.Option("all", help="Which passages: dev, heldout or all."),
    seed_dir: Path = typer.Option(None, help="Folder holding seed-page-text.txt; default ../shared/corpus."),
    errors: bool = typer.Option(False, "--errors", help="List every passage where a label differs."),
) -> None:
    """Precision, recall and F1 of OCOP enrichment per label, on labelled passages and the seed page."""
    from indexer.ocop import evaluate as ev

    if split not in ("dev", "heldout", "all"):
        typer.echo("--split must be dev, heldout or all", err=True)
        raise typer.Exit(2)
    if data is not None:
        if not (data / "passages.jsonl").exists() or not (data / "labels.jsonl").exists():
            typer.echo(f"{data} needs passages.jsonl and labels.jsonl", err=True)
            raise typer.Exit(2)
        _print_report(ev, ev.evaluate(ev.load_real(data, split)), f"{data.name} ({split})", errors)
        return
    path = labels or ev.DEFAULT_LABELS
    if not path.exists():
        typer.echo(f"no labels at {path}", err=True)
        raise typer.Exit(2)
    _print_report(ev, ev.evaluate(ev.load_labels(path, split)), f"{path.name} ({split})", errors)
    seeds = ev.seed_rows(seed_dir or ev.SEED_DIR)
    if seeds is None:
        typer.echo(f"\nseed page: not found in {seed_dir or ev.SEED_DIR}, skipped")
        return
    for row in seeds:
        typer.echo("")
        _print_report(ev, ev.evaluate([row]), row["id"], errors)


def _print_report(ev: Any, report: Any, heading: str, errors: bool) -> None:
    typer.echo("\n".join(ev.format_report(report, heading)))
    if errors:
        for label, score in report.scores.items():
            for line in score.errors:
                typer.echo(f"  {label} {line}")
