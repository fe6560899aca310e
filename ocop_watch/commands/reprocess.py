"""`ocop reprocess`: re-run enrichment (and optionally extraction) over the whole archive.

The archive keeps every page's raw HTML, so better vocabularies or a better extractor reach all
past coverage without re-crawling. Only articles whose result changed get a new version, so a
later `ocop index sync` pushes just those.
"""

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from indexer.archive import Archive, UpsertOutcome
from indexer.errors import ArchiveUnavailable, NotFound
from indexer.ocop import enrich
from indexer.schema import Article
from ocop_watch.cli_app import app
from ocop_watch.indexing import update_embedded_index
from ocop_watch.options import ArchiveOption, settings_for


@app.command("reprocess")
def reprocess(
    archive: ArchiveOption = None,
    extract: bool = typer.Option(False, "--extract", help="Also re-extract each article from its raw HTML"),
) -> None:
    """Recompute OCOP relevance, provinces, stars, groups and claims (and the outlet's name, kind and
    province from the site registry) for every archived article."""
    settings = settings_for(archive)
    path = settings.archive
    if not path.exists():
        raise ArchiveUnavailable(f"no archive at {path}; crawl first (ocop crawl) or pass --archive")
    counts = {outcome: 0 for outcome in UpsertOutcome}
    failures = 0
    from crawler.sites import load_registry

    registry = load_registry()
    with Archive(path) as store:
        ids = [article.id for article in store.articles()]
        columns = (TextColumn("reprocessing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("articles", total=len(ids))
            for article_id in ids:
                article = store.get(article_id)
                if extract:
                    article, ok = _re_extract(store, article)
                    failures += not ok
                site = registry.get(article.site)
                if site is not None:  # the outlet's name, kind and province as the registry says now
                    article = article.model_copy(update=site.outlet_fields())
                counts[store.upsert(enrich(article))] += 1
                progress.advance(task)
    update_embedded_index(settings)
    summary = ", ".join(f"{outcome.value}: {n}" for outcome, n in counts.items())
    typer.echo(
        f"{len(ids)} articles reprocessed ({summary}; extraction failures kept as they were: {failures})"
    )


def _re_extract(store: Archive, article: Article) -> tuple[Article, bool]:
    from crawler.extraction.extract import ExtractionError, extract_article
    from crawler.sites import load_registry

    site = load_registry().get(article.site)
    try:
        raw = store.raw_page(article.id)
        fresh = extract_article(
            raw.html,
            raw.url,
            http_content_type=raw.headers.get("Content-Type"),
            crawled=article.crawled,
            site=article.site,
            outlet=article.outlet,
            body_selectors=site.extraction.body if site else (),
            remove_selectors=site.extraction.remove if site else (),
        )
    except (NotFound, ExtractionError):
        return article, False
    return fresh, True
