"""`ocop extract` (pages → article JSON) and `ocop eval extraction` (ours vs plain trafilatura).

`ocop extract` is how a journalist or an operator checks what the crawler would store for a page:
it runs the same `crawler.extraction.extract.extract_article` the crawl pipeline runs. `ocop eval extraction`
scores that extractor and plain trafilatura on the same gold pages in one run, with the project's
shared scorer (../shared/eval/score_extraction.py), so a change to the extractor is judged by the
same figures the issue tracker quotes.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from indexer.schema import Article
from ocop_watch.cli_app import app, eval_app

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SCORER = REPO_ROOT.parent / "shared" / "eval" / "score_extraction.py"
FETCH_TIMEOUT = 20.0
MAX_PAGE_BYTES = 20 * 1024 * 1024


# --- ocop extract ------------------------------------------------------------------------------


def _user_agent() -> str:
    from crawler import settings  # plain constants: no Scrapy import

    return settings.USER_AGENT


def _fetch(url: str) -> tuple[bytes, str | None, str]:
    """Plain HTTP GET, as a reader's browser would (no robots.txt: one page asked for by a person)."""
    request = urllib.request.Request(
        url, headers={"User-Agent": _user_agent(), "Accept-Language": "vi,en;q=0.5"}
    )
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
        body = response.read(MAX_PAGE_BYTES + 1)
        if len(body) > MAX_PAGE_BYTES:
            raise ValueError(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
        return body, response.headers.get("Content-Type"), response.geturl()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def article_record(path: str, article: Article) -> dict[str, Any]:
    """The JSON object `ocop extract` prints for one page."""
    return {
        "path": path,
        "id": article.id,
        "url": article.url,
        "site": article.site,
        "outlet": article.outlet,
        "title": article.title,
        "lead": article.lead,
        "text": article.text,
        "author": article.authors,
        "source_agency": article.source_agency,
        "published": _iso(article.published),
        "modified": _iso(article.modified),
        "section": article.section,
        "tags": article.tags,
        "captions": article.captions,
        "image": article.image,
    }


def extract_one(source: str, url: str | None) -> dict[str, Any]:
    """Extract one file or URL; any failure becomes {"path", "error"} instead of an exception."""
    from crawler.extraction.extract import ExtractionError, extract_article

    try:
        if re.match(r"^https?://", source, re.IGNORECASE):
            body, content_type, final_url = _fetch(source)
            article = extract_article(body, url or final_url, http_content_type=content_type)
        else:
            path = Path(source)
            article = extract_article(path.read_bytes(), url or path.resolve().as_uri())
    except (ExtractionError, OSError, ValueError, urllib.error.URLError) as exc:
        return {"path": source, "error": str(exc) or exc.__class__.__name__}
    return article_record(source, article)


def _print_text(record: dict[str, Any], console: Console) -> None:
    if "error" in record:
        console.print(f"{record['path']}: {record['error']}", style="red", markup=False)
        return
    console.rule(record["title"] or "(no title)")
    for key in ("url", "published", "modified", "author", "source_agency", "section", "tags"):
        console.print(f"[bold]{key}[/bold]: {record[key]}")
    console.print()
    console.print(record["text"], markup=False, highlight=False)


@app.command("extract")
def extract(
    sources: list[str] = typer.Argument(..., metavar="PATH_OR_URL", help="HTML files or http(s) URLs"),
    url: str | None = typer.Option(
        None, "--url", help="The page's address when extracting a saved file (used for the canonical URL)"
    ),
    as_json: bool = typer.Option(
        True, "--json/--text", help="One JSON object per page per line (default), or a readable view"
    ),
) -> None:
    """Extract articles from saved pages or URLs, as the crawler would store them."""
    if url and len(sources) > 1:
        raise typer.BadParameter("--url names one page; give one PATH_OR_URL with it", param_hint="--url")
    console = Console(soft_wrap=True)
    for source in sources:
        record = extract_one(source, url)
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            _print_text(record, console)


# --- ocop eval extraction ---------------------------------------------------------------------


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its path (it is a script, not a package)."""
    if not path.is_file():
        raise typer.BadParameter(f"scorer not found at {path}", param_hint="--scorer")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise typer.BadParameter(f"cannot import {path}", param_hint="--scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_scorer(
    scorer: ModuleType, gold: Path, predictions: Path, per_page: bool
) -> tuple[dict[str, str], str]:
    """Run the scorer's main() and return its summary figures (key → value) and its full output."""
    argv = ["score_extraction.py", str(gold), str(predictions)] + (["--per-page"] if per_page else [])
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            scorer.main(argv)
        except SystemExit as exc:  # the scorer exits with a message on unusable input
            if exc.code not in (None, 0):
                raise typer.BadParameter(f"scorer failed: {exc.code}") from exc
    output = buffer.getvalue()
    figures: dict[str, str] = {}
    for line in output.splitlines():
        if "\t" in line or line.startswith((" ", "\t")):
            continue  # per-page rows
        figures.update(dict(re.findall(r"(\w+)=([^\s]+)", line)))
    return figures, output


def _gold_rows(gold: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ours(raw: bytes, row: dict[str, Any]) -> dict[str, Any]:
    from crawler.extraction.extract import ExtractionError, extract_article

    try:
        article = extract_article(
            raw, row.get("url") or f"https://{row.get('site', 'localhost')}/{row['file']}"
        )
    except ExtractionError:
        return {"title": "", "text": "", "author": [], "published": None}
    return {
        "title": article.title,
        "text": article.text,
        "author": article.authors,
        "published": _iso(article.published),
    }


def _plain_trafilatura(raw: bytes, row: dict[str, Any]) -> dict[str, Any]:
    import trafilatura

    document = trafilatura.bare_extraction(raw, with_metadata=True)
    if document is None:
        return {"title": "", "text": "", "author": None, "published": None}
    return {
        "title": document.title or "",
        "text": document.text or "",
        "author": document.author,
        "published": document.date,
    }


def write_predictions(
    rows: list[dict[str, Any]],
    pages: Path,
    output: Path,
    extractor: Callable[[bytes, dict[str, Any]], dict[str, Any]],
) -> float:
    """Write one prediction per gold page in the scorer's format; returns mean ms per page (after
    one untimed warm-up call, so that import and first-call costs are not charged to one side)."""
    first = next((pages / row["file"] for row in rows if (pages / row["file"]).is_file()), None)
    if first is not None:
        extractor(first.read_bytes(), rows[0])
    elapsed = 0.0
    with output.open("w", encoding="utf-8") as sink:
        for row in rows:
            page = pages / row["file"]
            if not page.is_file():
                continue  # the scorer reports it as a missing prediction
            raw = page.read_bytes()
            start = time.perf_counter()
            prediction = extractor(raw, row)
            elapsed += time.perf_counter() - start
            sink.write(json.dumps({"file": row["file"], **prediction}, ensure_ascii=False) + "\n")
    return elapsed * 1000 / max(len(rows), 1)


_ROWS = (
    ("pages", "pages"),
    ("missing_predictions", "missing predictions"),
    ("precision", "precision"),
    ("recall", "recall"),
    ("f1", "F1 (mean token)"),
    ("pages_with_chrome_leak", "pages leaking chrome"),
    ("leaked_strings", "leaked strings"),
    ("pages_missing_required_text", "pages missing required text"),
    ("title_accuracy", "title accuracy"),
    ("author_accuracy", "author accuracy"),
    ("date_accuracy", "date accuracy"),
)


@eval_app.command("extraction")
def eval_extraction(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold annotations (JSONL)"),
    pages: Path | None = typer.Option(
        None, "--pages", help="Directory of the gold pages [default: GOLD's directory]"
    ),
    scorer: Path = typer.Option(DEFAULT_SCORER, "--scorer", help="score_extraction.py to run"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Directory for the predictions JSONL files"
    ),
    per_page: bool = typer.Option(False, "--per-page", help="Also print the scorer's per-page lines"),
) -> None:
    """Score our extractor and plain trafilatura on the same gold pages, side by side."""
    pages = pages or gold.parent
    if not pages.is_dir():
        raise typer.BadParameter(f"no pages directory at {pages}", param_hint="--pages")
    module = load_scorer(scorer)
    rows = _gold_rows(gold)
    with tempfile.TemporaryDirectory() as scratch:
        directory = output or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        results = {}
        for name, extractor in (("ours", _ours), ("trafilatura", _plain_trafilatura)):
            predictions = directory / f"predictions-{name}.jsonl"
            ms = write_predictions(rows, pages, predictions, extractor)
            figures, text = run_scorer(module, gold, predictions, per_page)
            figures["ms_per_page"] = f"{ms:.1f}"
            results[name] = (figures, text)
    console = Console()
    table = Table(title=f"Extraction on {gold} ({len(rows)} gold pages)")
    table.add_column("metric")
    table.add_column("ours", justify="right")
    table.add_column("plain trafilatura", justify="right")
    for key, label in (*_ROWS, ("ms_per_page", "ms per page (one run)")):
        table.add_row(label, results["ours"][0].get(key, "-"), results["trafilatura"][0].get(key, "-"))
    console.print(table)
    if per_page:
        for name, (_, text) in results.items():
            typer.echo(f"--- {name} " + "-" * 60)
            typer.echo(text.rstrip())  # the scorer's own lines, unwrapped
    if output:
        console.print(f"predictions written to {output}")
