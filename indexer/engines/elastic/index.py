"""`RemoteIndex`: the SearchIndex protocol over an Elasticsearch/OpenSearch alias.

Everything a user sees is decided in Python exactly as in the embedded engine, so one contract
test suite holds for every engine: the request bodies come from `dsl`, facets and their filters
from `indexer.facets`, and snippets are cut by `indexer.highlight` from the stored article.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from indexer.engines.elastic import dsl
from indexer.engines.elastic.aliases import VersionedAlias
from indexer.engines.elastic.bulk import BulkResult, DocumentsRejected, delete_articles, index_articles
from indexer.engines.elastic.client import Cluster, connect, engine_errors, error_body, http_status
from indexer.errors import NotFound
from indexer.highlight import hit_for
from indexer.query import Hit, SearchRequest, SearchResponse
from indexer.schema import Article
from indexer.settings import Settings

SCAN_KEEP_ALIVE = "5m"  # each scan page must come within this of the previous one


def open_remote_index(settings: Settings) -> RemoteIndex:
    """Called by `indexer.engines.open_index` when OCOP_ENGINE is elasticsearch or opensearch."""
    return RemoteIndex(connect(settings), settings.index_alias)


class RemoteIndex:
    """SearchIndex over the alias `alias`; `versions` holds the indices behind it (for `indexer.sync`)."""

    def __init__(self, cluster: Cluster, alias: str):
        self.cluster = cluster
        self.alias = alias
        self.name = cluster.name
        self.versions = VersionedAlias(cluster, alias)

    @property
    def url(self) -> str:
        return self.cluster.url

    # --- writing ----------------------------------------------------------------------------------

    def index(self, articles: Iterable[Article], *, refresh: bool = True) -> int:
        """Add or replace articles under the alias; raises DocumentsRejected listing any refused."""
        result = self.bulk(list(articles), refresh="wait_for" if refresh else "false")
        if result.rejected:
            raise DocumentsRejected(result.rejected)
        return result.written

    def delete(self, ids: Iterable[str], *, refresh: bool = True) -> int:
        return delete_articles(self.cluster, self.alias, list(ids), "wait_for" if refresh else "false")

    def bulk(
        self, articles: Sequence[Article], *, index: str | None = None, refresh: str = "false"
    ) -> BulkResult:
        """One bulk request into the alias (or the version `index`); refusals come back listed."""
        return index_articles(self.cluster, index or self.alias, articles, refresh)

    # --- reading ----------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        try:
            response = self.cluster.client.get(index=self.alias, id=article_id)
        except engine_errors() as exc:
            if http_status(exc) == 404 and error_body(exc).get("type") != "index_not_found_exception":
                raise NotFound(f"no article with id {article_id!r}") from exc
            raise self.cluster.unavailable(exc) from exc
        return Article.model_validate(response["_source"]["article"])

    def count(self) -> int:
        return int(self.cluster.call(lambda: self.cluster.client.count(index=self.alias))["count"])

    def health(self) -> dict[str, object]:
        cluster = self.cluster.call(lambda: self.cluster.client.cluster.health())
        return {
            "engine": self.name,
            "url": self.url,
            "cluster": cluster.get("cluster_name"),
            "status": cluster.get("status"),
            "alias": self.alias,
            "indices": self.versions.behind_alias(),
            "articles": self.count(),
        }

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        body = dsl.search_body(request)
        response = self._search(body)
        raw_hits = response["hits"]["hits"]
        parsed, scored = request.parsed, body["track_scores"]
        hits = [
            hit_for(
                Article.model_validate(h["_source"]["article"]), parsed, h.get("_score") if scored else None
            )
            for h in raw_hits
        ]
        next_cursor = None
        if raw_hits and len(raw_hits) == request.size:
            next_cursor = dsl.encode_cursor(request.effective_sort, raw_hits[-1]["sort"][:2])
        aggs = response.get("aggregations", {})
        return SearchResponse(
            total=response["hits"]["total"]["value"],
            hits=self._with_story_sizes(hits),
            facets=dsl.facets_from(request, aggs) if request.with_facets else {},
            histogram=dsl.histogram_from(aggs) if request.with_facets else [],
            interval=request.interval,
            page=request.page,
            size=request.size,
            sort=request.effective_sort,
            next_cursor=next_cursor,
            engine=self.name,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.cluster.call(lambda: self.cluster.client.search(index=self.alias, body=body))

    def _with_story_sizes(self, hits: list[Hit]) -> list[Hit]:
        """Each hit's story size over the whole index, in one size-0 request for the page."""
        story_ids = sorted({hit.story_id for hit in hits if hit.story_id})
        if not story_ids:
            return hits
        response = self._search(dsl.story_sizes_body(story_ids))
        sizes = {b["key"]: b["doc_count"] for b in response["aggregations"]["stories"]["buckets"]}
        return [
            hit.model_copy(update={"story_size": max(1, int(sizes.get(hit.story_id, 1)))})
            if hit.story_id
            else hit
            for hit in hits
        ]

    def scan(self, request: SearchRequest, batch_size: int = 500) -> Iterator[Article]:
        """Every match in sort order, page by page under a point in time: a consistent snapshot even
        while sync writes or rebuild swaps the alias, in constant memory."""
        pit_id = self.cluster.call(lambda: self.cluster.open_pit(self.alias, SCAN_KEEP_ALIVE))
        try:
            after: list[Any] | None = None
            while True:
                body = dsl.scan_body(request, pit_id, SCAN_KEEP_ALIVE, batch_size, after)
                response = self.cluster.call(partial(self.cluster.client.search, body=body))
                pit_id = response.get("pit_id", pit_id)  # the server may hand back a new id per page
                hits = response["hits"]["hits"]
                for hit in hits:
                    yield Article.model_validate(hit["_source"]["article"])
                if len(hits) < batch_size:
                    return
                after = hits[-1]["sort"]  # with Elasticsearch's implicit _shard_doc tiebreaker, if any
        finally:
            with contextlib.suppress(*engine_errors()):
                self.cluster.close_pit(pit_id)
