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
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from indexer.errors import UnreadableInput
from indexer.schema import VIETNAM_TZ, Article
from ocop_watch.cli_app import app, eval_app
from ocop_watch.opaque_names import opaque_names, plain_tags
from ocop_watch.reencoded_pages import REENCODINGS

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
            raise UnreadableInput(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
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
            # Fetched now: a relative stamp ("2 giờ trước") counts back from this moment. A saved
            # file has no crawl time, and such a stamp dates nothing (published.py).
            fetched = datetime.now(VIETNAM_TZ)
            article = extract_article(body, url or final_url, http_content_type=content_type, crawled=fetched)
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


def read_manifest(manifest: Path) -> list[tuple[str, str | None]]:
    """(path, url) per line of a JSONL manifest; a relative path is read from the manifest's
    directory. A bad line is a usage error naming the line, before any page is read."""
    entries: list[tuple[str, str | None]] = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise typer.BadParameter(
                f"line {number} is not JSON ({error.msg})", param_hint="--manifest"
            ) from error
        path = entry.get("path") if isinstance(entry, dict) else None
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not path or not (url is None or isinstance(url, str)):
            raise typer.BadParameter(
                f'line {number} needs "path" (a string) and optionally "url"', param_hint="--manifest"
            )
        if not re.match(r"^https?://", path, re.IGNORECASE) and not Path(path).is_absolute():
            path = str(manifest.parent / path)
        entries.append((path, url))
    return entries


@app.command("extract")
def extract(
    sources: list[str] = typer.Argument(None, metavar="PATH_OR_URL", help="HTML files or http(s) URLs"),
    url: str | None = typer.Option(
        None, "--url", help="The page's address when extracting a saved file (used for the canonical URL)"
    ),
    manifest: Path | None = typer.Option(
        None,
        "--manifest",
        exists=True,
        dir_okay=False,
        help='JSONL file, one {"path": ..., "url": ...} per line: one JSON line out per page, in order',
    ),
    as_json: bool = typer.Option(
        True, "--json/--text", help="One JSON object per page per line (default), or a readable view"
    ),
) -> None:
    """Extract articles from saved pages or URLs, as the crawler would store them."""
    sources = sources or []
    if manifest is not None and (sources or url):
        raise typer.BadParameter("--manifest names the pages; give no PATH_OR_URL or --url with it")
    if manifest is None and not sources:
        raise typer.BadParameter("give PATH_OR_URL or --manifest FILE")
    if url and len(sources) > 1:
        raise typer.BadParameter("--url names one page; give one PATH_OR_URL with it", param_hint="--url")
    pages = read_manifest(manifest) if manifest is not None else [(source, url) for source in sources]
    console = Console(soft_wrap=True)
    failed = 0
    for source, page_url in pages:
        record = extract_one(source, page_url)
        failed += "error" in record
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            _print_text(record, console)
    _report_failures(failed, len(pages))


def _report_failures(failed: int, total: int) -> None:
    """A batch that extracted nothing is a failed command (a script or CI step must notice); one
    that extracted some pages succeeds, and says on stderr how many it could not read. The
    per-page reasons are in the output lines."""
    if not failed:
        return
    if failed == total:
        typer.echo(f"ocop extract: every page failed ({failed} of {total}); see the error lines", err=True)
        raise typer.Exit(1)
    typer.echo(f"ocop extract: {failed} of {total} pages failed; see the error lines", err=True)


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


def load_gold(golds: list[Path], pages: Path | None) -> list[tuple[dict[str, Any], Path]]:
    """Rows of every gold file, each with the directory its page is in (the gold file's own
    directory unless --pages says otherwise); a page named twice is scored once."""
    rows: dict[str, tuple[dict[str, Any], Path]] = {}
    for gold in golds:
        for row in _gold_rows(gold):
            rows.setdefault(row["file"], (row, pages or gold.parent))
    return list(rows.values())


def score_page(scorer: ModuleType, row: dict[str, Any], prediction: dict[str, Any]) -> dict[str, Any]:
    """One page scored with the shared scorer's own functions, exactly as its main() does, kept
    per page: F1, the must_exclude strings leaked, the must_include strings lost, and which of
    title/author/date are wrong (with what was predicted)."""
    text, title = prediction.get("text") or "", prediction.get("title") or ""
    flat, flat_title = scorer.squash(text), scorer.squash(title)
    author = prediction.get("author")
    author = ", ".join(author) if isinstance(author, list) else author
    wrong: dict[str, Any] = {}
    if scorer.squash(row.get("title")) != flat_title:
        wrong["title"] = title
    if row.get("author") is not None and scorer.squash(row["author"]) != scorer.squash(author):
        wrong["author"] = author
    if row.get("published") is not None and scorer.day(prediction.get("published")) != scorer.day(
        row["published"]
    ):
        wrong["date"] = prediction.get("published")
    excluded = [s for s in row.get("must_exclude", []) if scorer.squash(s)]
    return {
        "f1": scorer.prf(row.get("body", ""), text)[2],
        "leaks": [s for s in excluded if scorer.squash(s) in flat or scorer.squash(s) in flat_title],
        "lost": [s for s in row.get("must_include", []) if scorer.squash(s) not in flat],
        "wrong": wrong,
    }


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
    import trafilatura.settings

    document = trafilatura.bare_extraction(raw, with_metadata=True)
    if not isinstance(document, trafilatura.settings.Document):  # None: nothing it could extract
        return {"title": "", "text": "", "author": None, "published": None}
    return {
        "title": document.title or "",
        "text": document.text or "",
        "author": document.author,
        "published": document.date,
    }


def _rewrite(opaque: bool, tags: bool, reencode: str | None) -> Callable[[bytes], bytes] | None:
    """How each page is rewritten before both extractors read it (--opaque-names, --plain-tags,
    then --reencode: the names and tags are rewritten while the page is still UTF-8)."""
    steps = [step for step, wanted in ((opaque_names, opaque), (plain_tags, tags)) if wanted]
    if reencode is not None:
        steps.append(REENCODINGS[reencode])
    if not steps:
        return None

    def rewrite(page: bytes) -> bytes:
        for step in steps:
            page = step(page)
        return page

    return rewrite


def _read(page: Path, prepare: Callable[[bytes], bytes] | None) -> bytes:
    raw = page.read_bytes()
    return prepare(raw) if prepare else raw


def write_predictions(
    rows: list[tuple[dict[str, Any], Path]],
    output: Path,
    extractor: Callable[[bytes, dict[str, Any]], dict[str, Any]],
    prepare: Callable[[bytes], bytes] | None = None,
) -> tuple[float, dict[str, dict[str, Any]]]:
    """Write one prediction per gold page in the scorer's format; returns the total seconds spent
    extracting (after one untimed warm-up call, so that import and first-call costs are not
    charged to one side) and the predictions by file. `prepare` rewrites each page first, untimed."""
    present = [(row, pages / row["file"]) for row, pages in rows if (pages / row["file"]).is_file()]
    if present:
        extractor(_read(present[0][1], prepare), present[0][0])
    elapsed = 0.0
    predictions: dict[str, dict[str, Any]] = {}
    with output.open("w", encoding="utf-8") as sink:
        for row, page in present:  # a missing page is reported by the scorer as a missing prediction
            raw = _read(page, prepare)
            start = time.perf_counter()
            prediction = extractor(raw, row)
            elapsed += time.perf_counter() - start
            predictions[row["file"]] = prediction
            sink.write(json.dumps({"file": row["file"], **prediction}, ensure_ascii=False) + "\n")
    return elapsed, predictions


def _failure_lines(name: str, scored: dict[str, Any]) -> list[str]:
    lines = [f"    {name}: LEAK {s[:90]!r}" for s in scored["leaks"]]
    lines += [f"    {name}: MISSING {s[:90]!r}" for s in scored["lost"]]
    lines += [f"    {name}: WRONG {field} = {str(value)[:80]!r}" for field, value in scored["wrong"].items()]
    return lines


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
    gold: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="Gold annotation files (JSONL); several are scored as one set"
    ),
    pages: Path | None = typer.Option(
        None, "--pages", help="Directory of the gold pages [default: each GOLD file's directory]"
    ),
    scorer: Path = typer.Option(DEFAULT_SCORER, "--scorer", help="score_extraction.py to run"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Directory for the predictions JSONL files"
    ),
    per_page: bool = typer.Option(False, "--per-page", help="Also print the scorer's own per-page lines"),
    opaque: bool = typer.Option(
        False,
        "--opaque-names",
        help="Rename every class and id to an opaque hash first (both extractors), as a site with "
        "hashed CSS names serves it: what the result owes to class vocabulary",
    ),
    tags: bool = typer.Option(
        False,
        "--plain-tags",
        help="Write semantic tags (article, section, header, footer, aside, nav, main, figure, "
        "figcaption, p) as divs and <time> as a span first (both extractors; with --opaque-names too)",
    ),
    reencode: str | None = typer.Option(
        None,
        "--reencode",
        help="Serve each page's text in another byte form first (both extractors): "
        + ", ".join(REENCODINGS)
        + " (decomposed Unicode; windows-1258 with its charset declared, or with none)",
    ),
) -> None:
    """Score our extractor and plain trafilatura on the same gold pages, side by side, page by page."""
    if pages is not None and not pages.is_dir():
        raise typer.BadParameter(f"no pages directory at {pages}", param_hint="--pages")
    if reencode is not None and reencode not in REENCODINGS:
        raise typer.BadParameter(
            f"{reencode!r} is not one of {', '.join(REENCODINGS)}", param_hint="--reencode"
        )
    module = load_scorer(scorer)
    rows = load_gold(gold, pages)
    with tempfile.TemporaryDirectory() as scratch:
        directory = output or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        merged = directory / "gold-merged.jsonl"
        merged.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row, _ in rows), encoding="utf-8"
        )
        results: dict[str, tuple[dict[str, str], str]] = {}
        scored: dict[str, dict[str, dict[str, Any]]] = {}
        for name, extractor in (("ours", _ours), ("trafilatura", _plain_trafilatura)):
            predictions_file = directory / f"predictions-{name}.jsonl"
            seconds, predictions = write_predictions(
                rows, predictions_file, extractor, _rewrite(opaque, tags, reencode)
            )
            figures, text = run_scorer(module, merged, predictions_file, per_page)
            figures["seconds"] = f"{seconds:.2f}"
            results[name] = (figures, text)
            scored[name] = {
                row["file"]: score_page(module, row, predictions[row["file"]])
                for row, _ in rows
                if row["file"] in predictions
            }
    console = Console()
    names = ", ".join(str(g) for g in gold)
    renamed = (", class and id names made opaque" if opaque else "") + (", tags made plain" if tags else "")
    renamed += f", text re-encoded as {reencode}" if reencode else ""
    table = Table(title=f"Extraction on {names} ({len(rows)} gold pages{renamed})")
    table.add_column("metric")
    table.add_column("ours", justify="right")
    table.add_column("plain trafilatura", justify="right")
    for key, label in (*_ROWS, ("seconds", "seconds, whole set (one run)")):
        table.add_row(label, results["ours"][0].get(key, "-"), results["trafilatura"][0].get(key, "-"))
    console.print(table)
    ours_s, plain_s = float(results["ours"][0]["seconds"]), float(results["trafilatura"][0]["seconds"])
    if plain_s:
        console.print(f"time ours / plain trafilatura = {ours_s / plain_s:.2f}")
    typer.echo("\nper page (F1 ours / plain; failures listed):")
    for row, _ in rows:
        ours, plain = scored["ours"].get(row["file"]), scored["trafilatura"].get(row["file"])
        if ours is None or plain is None:
            typer.echo(f"  {row['file']}: page not found")
            continue
        typer.echo(f"  {row['file']}  {ours['f1']:.3f} / {plain['f1']:.3f}")
        for line in [*_failure_lines("ours", ours), *_failure_lines("trafilatura", plain)]:
            typer.echo(line)
    if per_page:
        for name, (_, text) in results.items():
            typer.echo(f"--- {name} " + "-" * 60)
            typer.echo(text.rstrip())  # the scorer's own lines, unwrapped
    if output:
        console.print(f"predictions written to {output}")
