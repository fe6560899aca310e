"""`RemoteIndex`: the SearchIndex protocol over an Elasticsearch/OpenSearch alias.

Everything a user sees is decided in Python exactly as in the embedded engine, so one contract
test suite holds for every engine: the request bodies come from `dsl`, facets and their filters
from `indexer.facets`, snippets are cut by `indexer.highlight` from the stored article, and
cursors, the time budget, facet buckets, story sizes and the response come from the engines'
shared core (`indexer.engines.core`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

import indexer.engines.core as core
from indexer.engines.elastic import dsl
from indexer.engines.elastic.aliases import VersionedAlias
from indexer.engines.elastic.bulk import BulkResult, DocumentsRejected, delete_articles, index_articles
from indexer.engines.elastic.client import Cluster, connect, engine_errors, error_body, http_status
from indexer.errors import EngineUnavailable, NotFound
from indexer.facets import TermsFacet
from indexer.highlight import hit_for
from indexer.query import SearchRequest, SearchResponse
from indexer.query_ast import Node, ParsedQuery
from indexer.schema import Article
from indexer.settings import Settings

PHRASES_PER_REQUEST = 200  # filters per aggregation in `phrase_counts`
SCAN_KEEP_ALIVE = "5m"  # each scan page must come within this of the previous one


def open_remote_index(settings: Settings) -> RemoteIndex:
    """Called by `indexer.engines.open_index` when OCOP_ENGINE is elasticsearch or opensearch."""
    return RemoteIndex(connect(settings), settings.index_alias, settings.search_timeout)


class RemoteIndex:
    """SearchIndex over the alias `alias`; `versions` holds the indices behind it (for `indexer.sync`).
    A search gives up after `time_budget` seconds (OCOP_SEARCH_TIMEOUT) with `SearchTimeout`."""

    def __init__(self, cluster: Cluster, alias: str, time_budget: float = core.DEFAULT_TIME_BUDGET):
        self.cluster = cluster
        self.time_budget = time_budget
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

    def phrase_counts(self, phrases: Sequence[Sequence[str]]) -> list[int]:
        counts: list[int] = []
        for start in range(0, len(phrases), PHRASES_PER_REQUEST):
            batch = phrases[start : start + PHRASES_PER_REQUEST]
            buckets = self._search(dsl.phrase_counts_body(batch))["aggregations"]["phrases"]["buckets"]
            counts += [int(buckets[str(i)]["doc_count"]) for i in range(len(batch))]
        return counts

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
        deadline = core.Deadline(self.time_budget)
        searched = core.plan(
            request, count=partial(self._count, request), sample=self._sample, frequencies=self._frequencies
        )
        body = dsl.search_body(request, timeout_ms=int(deadline.remaining() * 1000), parsed=searched.parsed)
        try:
            response = self._search(body)
        except EngineUnavailable:
            # An engine can fail a search it stopped at the timeout we passed instead of answering
            # `timed_out` (OpenSearch does in some aggregation phases, with a 500): past the budget,
            # that failure is the budget's, and the user is told to narrow the search.
            deadline.check()
            raise
        if response.get("timed_out"):  # the engine stopped at the budget: its answer is partial
            raise deadline.timed_out()
        raw_hits = response["hits"]["hits"]
        parsed, scored = searched.parsed, body["track_scores"]
        articles = [(Article.model_validate(h["_source"]["article"]), h.get("_score")) for h in raw_hits]
        aggs = response.get("aggregations", {})
        total_stories = None
        if request.collapse:
            ranked = [(a.story_id or a.id, score if scored else None) for a, score in articles]
            hits = core.story_hits(request, ranked, self.scan)
            total_stories = dsl.stories_from(aggs)
        else:
            hits = [hit_for(article, parsed, score if scored else None) for article, score in articles]
        hits = core.with_story_sizes(hits, self._story_sizes)
        deadline.check()
        facets = dsl.facets_from(request, aggs) if request.with_facets else {}
        return core.response(
            request,
            engine=self.name,
            sort=request.effective_sort,
            total=response["hits"]["total"]["value"],
            hits=hits,
            facets=core.with_labels(facets, self._labels),
            histogram=dsl.histogram_from(aggs) if request.with_facets else [],
            next_after=raw_hits[-1]["sort"][:2] if raw_hits else None,  # without a PIT's _shard_doc
            deadline=deadline,
            searched=searched,
            total_stories=total_stories,
        )

    def _count(self, request: SearchRequest, parsed: ParsedQuery) -> int:
        body = dsl.count_body(request, parsed)
        return int(self.cluster.call(lambda: self.cluster.client.count(index=self.alias, body=body))["count"])

    def _frequencies(self, words: Sequence[Node]) -> tuple[int, list[int]]:
        """The articles of the whole index, and how many hold each word: one size-0 request."""
        response = self._search(dsl.frequencies_body(words))
        buckets = response["aggregations"]["words"]["buckets"]
        return int(response["hits"]["total"]["value"]), [
            int(buckets[str(i)]["doc_count"]) for i in range(len(words))
        ]

    def _sample(self, parsed: ParsedQuery, size: int) -> list[Article]:
        body = {
            "query": dsl.text_query(parsed),
            "size": size,
            "_source": dsl.SOURCE,
            "track_total_hits": False,
        }
        return [Article.model_validate(h["_source"]["article"]) for h in self._search(body)["hits"]["hits"]]

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.cluster.call(lambda: self.cluster.client.search(index=self.alias, body=body))

    def _story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        """Articles per story over the whole index, in one size-0 request for the page."""
        response = self._search(dsl.story_sizes_body(story_ids))
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["stories"]["buckets"]}

    def _labels(self, facet: TermsFacet, values: list[str]) -> dict[str, str]:
        assert facet.label_field is not None
        response = self._search(dsl.labels_body(facet.field, facet.label_field, values))
        buckets = response["aggregations"]["values"]["buckets"]
        return {b["key"]: b["label"]["buckets"][0]["key"] for b in buckets if b["label"]["buckets"]}

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
