"""`ocop reprocess`: re-run enrichment (and optionally extraction) over the whole archive.

The archive keeps every page's raw HTML, so better vocabularies or a better extractor reach all
past coverage without re-crawling. Only articles whose result changed get a new version, so a
later `ocop index sync` pushes just those.

With `--extract`, a stored page the current extractor refuses (a notice that the story was
removed, a wall, a redirect stub, a listing: an older extractor archived it as an article) is
withdrawn from search (`indexer.withdrawn`): its article and raw HTML stay in the archive as they
were, the search engines drop it, and the summary counts it by the extractor's reason. A later
run whose extractor accepts the page serves it again.
"""

from collections import Counter
from dataclasses import dataclass, field

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from indexer.archive import Archive, UpsertOutcome
from indexer.errors import ArchiveUnavailable, NotFound
from indexer.ocop import enrich
from indexer.schema import Article
from ocop_watch.cli_app import app
from ocop_watch.indexing import update_embedded_index
from ocop_watch.options import ArchiveOption, settings_for


@dataclass
class _Extraction:
    """What `--extract` did over the archive."""

    failures: int = 0  # no raw page to read: the stored article is kept as it was
    restored: int = 0  # withdrawn by an earlier run, accepted again
    refused: Counter[str] = field(default_factory=Counter)  # withdrawn now, by the kind of reason

    def summary(self) -> str:
        kinds = ", ".join(f"{kind}: {n}" for kind, n in self.refused.most_common())
        return (
            f"withdrawn from search, the page now refused by the extractor: {self.refused.total()}"
            + (f" ({kinds})" if kinds else "")
            + f"; served again: {self.restored}; extraction failures kept as they were: {self.failures}"
        )


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
    done = _Extraction()
    from crawler.sites import load_registry

    registry = load_registry()
    with Archive(path) as store:
        ids = [article.id for article in store.articles()]
        columns = (TextColumn("reprocessing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("articles", total=len(ids))
            for article_id in ids:
                progress.advance(task)
                article = store.get(article_id)
                if extract:
                    fresh = _re_extract(store, article, done)
                    if fresh is None:
                        continue  # withdrawn: the stored version stays as it was
                    article = fresh
                site = registry.get(article.site)
                if site is not None:  # the outlet's name, kind and province as the registry says now
                    article = article.model_copy(update=site.outlet_fields())
                counts[store.upsert(enrich(article))] += 1
    update_embedded_index(settings)
    summary = ", ".join(f"{outcome.value}: {n}" for outcome, n in counts.items())
    typer.echo(f"{len(ids)} articles reprocessed ({summary}" + (f"; {done.summary()})" if extract else ")"))


def _re_extract(store: Archive, article: Article, done: _Extraction) -> Article | None:
    """The article extracted again from its raw page; the stored one when there is no page; None
    when the extractor refuses the page now (the article is withdrawn)."""
    from crawler.extraction.extract import ExtractionError, extract_article
    from crawler.sites import load_registry

    site = load_registry().get(article.site)
    try:
        raw = store.raw_page(article.id)
    except NotFound:
        done.failures += 1
        return article
    try:
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
    except ExtractionError as exc:
        reason = str(exc)
        store.withdraw(article.id, reason)
        done.refused[reason.split(":", 1)[0]] += 1
        return None
    done.restored += store.restore(article.id)
    return fresh
