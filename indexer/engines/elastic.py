"""Elasticsearch 8+/OpenSearch 2+ behind the SearchIndex protocol: mapping, alias, bulk, DSL rendering.

The two servers take the same DSL through the same client calls (`search`, `bulk`, `indices.*` with
keyword arguments and `body=`); what differs is kept in the two small `Dialect` classes: how the
client is built (auth options) and the point-in-time API. Everything a user sees is decided in
Python exactly as in the embedded engine, so one contract test suite holds for both:

- text is normalised with `indexer.text.normalize` before indexing, and the query AST from
  `indexer.query` already carries normalised (`tokens`) and folded (`folded`) syllables;
- the analysers split on the same characters as `indexer.text.TOKEN` (a pattern tokenizer, not
  UAX#29, which would keep "TP.HCM" or "4.0" as one token while the query parser splits them);
- facets and their filters come from `indexer.facets`; snippets are cut in Python by
  `indexer.highlight` from the stored article, so both engines produce identical snippets.

The index is always addressed through an alias (`OCOP_INDEX_ALIAS`) that `indexer.sync.rebuild`
swaps atomically to a freshly loaded `<alias>-vN`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

import indexer.engines.core as core
from indexer.errors import EngineUnavailable, NotFound, OcopWatchError
from indexer.facets import COUNTED_FACETS, dsl_filter, keyword_values, resolve_filters
from indexer.highlight import hit_for, searchable_body
from indexer.query import AnyOf, Bucket, ParsedQuery, Phrase, SearchRequest, SearchResponse
from indexer.schema import VIETNAM_TZ, Article
from indexer.settings import Settings
from indexer.text import normalize

T = TypeVar("T")

TEMPLATE_FILE = Path(__file__).parent / "templates" / "articles.json"
TITLE_BOOST = 4.0  # a match in the title counts four times one in the body (as the embedded bm25 weights)
# Phrases typed with diacritics: each one an article contains exactly (hòa, not họa) lifts it by a
# whole tier, above any BM25 score, so exact-diacritic matches always come first; BM25 (plus the
# exact match's own, boosted) orders articles within a tier. Plain BM25 boosting cannot promise
# that order: a folded-only match in a short title can outscore an exact one deep in a long body.
EXACT_TIER = 1000.0
EXACT_BOOST = 2.0
MAX_CLAUSES = 1024  # OpenSearch's default indices.query.bool.max_clause_count
PROXIMITY_BOOST = 2.0  # unquoted words that also stand side by side ("nông thôn mới") rank higher
SCAN_KEEP_ALIVE = "5m"  # each scan page must come within this of the previous one
BULK_ATTEMPTS = 6  # tries per batch on 429, 5xx and connection errors
BULK_BACKOFF = 0.5  # seconds before the first retry; doubles (with jitter) up to BULK_BACKOFF_MAX
BULK_BACKOFF_MAX = 30.0
_HISTOGRAM_FORMAT = {"year": "yyyy", "month": "yyyy-MM", "day": "yyyy-MM-dd"}
_FOLDED_FIELDS = [f"title.folded^{TITLE_BOOST}", "body.folded"]
_EXACT_FIELDS = [f"title^{TITLE_BOOST}", "body"]
_SOURCE = ["article"]


class DocumentsRejected(OcopWatchError):
    """The engine refused some documents for good (mapping, size): they are listed, never dropped."""

    def __init__(self, rejected: list[Rejection]):
        self.rejected = rejected
        listed = "; ".join(f"{r.id}: {r.reason}" for r in rejected[:5])
        more = f" (and {len(rejected) - 5} more)" if len(rejected) > 5 else ""
        super().__init__(f"{len(rejected)} article(s) rejected by the engine: {listed}{more}")


@dataclass(frozen=True)
class Rejection:
    id: str
    status: int
    reason: str


@dataclass
class BulkResult:
    written: int = 0
    rejected: list[Rejection] = field(default_factory=list)


# --- the few lines that differ between Elasticsearch and OpenSearch ---------------------------------


class Dialect:
    """A client plus what its server does differently; searches and bulk calls are shared."""

    name = ""

    def __init__(self, client: Any, url: str):
        self.client = client
        self.url = redact_url(url)

    def open_pit(self, index: str, keep_alive: str) -> str:
        raise NotImplementedError

    def close_pit(self, pit_id: str) -> None:
        raise NotImplementedError


class ElasticsearchDialect(Dialect):
    """The official client: `_pit` API; its product check refuses anything but Elasticsearch."""

    name = "elasticsearch"

    def open_pit(self, index: str, keep_alive: str) -> str:
        return self.client.open_point_in_time(index=index, keep_alive=keep_alive)["id"]

    def close_pit(self, pit_id: str) -> None:
        self.client.close_point_in_time(id=pit_id)


class OpenSearchDialect(Dialect):
    """opensearch-py: point in time is `POST /{index}/_search/point_in_time` and `DELETE` with a list."""

    name = "opensearch"

    def open_pit(self, index: str, keep_alive: str) -> str:
        return self.client.create_pit(index=index, params={"keep_alive": keep_alive})["pit_id"]

    def close_pit(self, pit_id: str) -> None:
        self.client.delete_pit(body={"pit_id": [pit_id]})


def connect(settings: Settings) -> Dialect:
    """A client for `OCOP_ENGINE` at `OCOP_ENGINE_URL` with the configured credentials and TLS."""
    url = settings.engine_url.rstrip("/")
    tls: dict[str, Any] = {}
    if url.startswith("https:"):
        tls = {"verify_certs": settings.engine_verify_certs, "ssl_show_warn": settings.engine_verify_certs}
        if settings.engine_ca_certs:
            tls["ca_certs"] = str(settings.engine_ca_certs)
    user = (settings.engine_username, settings.engine_password or "") if settings.engine_username else None
    if settings.engine == "elasticsearch":
        from elasticsearch import Elasticsearch

        auth: dict[str, Any] = {"api_key": settings.engine_api_key} if settings.engine_api_key else {}
        if user and not auth:
            auth["basic_auth"] = user
        client = Elasticsearch(url, request_timeout=settings.engine_timeout, **auth, **tls)
        return ElasticsearchDialect(client, url)
    if settings.engine == "opensearch":
        from opensearchpy import OpenSearch

        if settings.engine_api_key:
            raise EngineUnavailable(
                "OpenSearch has no API keys: set OCOP_ENGINE_USERNAME and OCOP_ENGINE_PASSWORD instead"
            )
        client = OpenSearch(hosts=[url], http_auth=user, timeout=settings.engine_timeout, **tls)
        return OpenSearchDialect(client, url)
    raise ValueError(f"not a remote engine: {settings.engine!r}")


def open_remote_index(settings: Settings) -> RemoteIndex:
    """Called by `indexer.engines.open_index` when OCOP_ENGINE is elasticsearch or opensearch."""
    return RemoteIndex(connect(settings), settings.index_alias, settings.search_timeout)


# --- errors ----------------------------------------------------------------------------------------


@cache
def engine_errors() -> tuple[type[BaseException], ...]:
    """Every exception either client raises for a failed request (HTTP error or no connection)."""
    import elastic_transport
    from opensearchpy.exceptions import ImproperlyConfigured, OpenSearchException

    return (
        elastic_transport.ApiError,
        elastic_transport.TransportError,
        OpenSearchException,
        ImproperlyConfigured,
    )


def http_status(exc: BaseException) -> int | None:
    """The HTTP status of a client error, or None when no response came back (connection, timeout)."""
    status = getattr(getattr(exc, "meta", None), "status", None)  # elasticsearch (elastic-transport)
    if status is None:
        status = getattr(exc, "status_code", None)  # opensearch-py ("N/A" without a response)
    return status if isinstance(status, int) else None


def _error_body(exc: BaseException) -> dict[str, Any]:
    body = getattr(exc, "body", None)  # elasticsearch
    if body is None:
        body = getattr(exc, "info", None)  # opensearch-py
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _reason(exc: BaseException) -> str:
    error = _error_body(exc)
    cause = (error.get("root_cause") or [error])[0]
    if cause.get("reason"):
        return f"{cause.get('type', 'error')}: {cause['reason']}"
    return str(exc)


def is_retryable(exc: BaseException) -> bool:
    """Worth another try: the engine is overloaded (429), failing (5xx) or did not answer."""
    if not isinstance(exc, engine_errors()) or type(exc).__name__ == "UnsupportedProductError":
        return False
    status = http_status(exc)
    return status is None or status == 429 or status >= 500


# --- documents -------------------------------------------------------------------------------------


def load_template(alias: str) -> dict[str, Any]:
    """The composable index template for `<alias>-v*` from templates/articles.json (data, not code).

    Two aliases' patterns overlap only when one alias extends the other (`a-v*` matches `a-vx-v1`);
    a priority growing with the alias's length lets the longer, more specific one win, where equal
    priorities would make the engine refuse the second template."""
    template = {k: v for k, v in json.loads(TEMPLATE_FILE.read_text("utf-8")).items() if k != "_comment"}
    return {"index_patterns": [f"{alias}-v*"], "priority": 200 + len(alias), **template}


def document(article: Article) -> dict[str, Any]:
    """What the engine indexes: normalised text, the keyword values of every facet, the article itself.

    The article is kept whole (not indexed) so hits, `get` and `scan` return exactly what the archive
    holds; title and body are indexed but left out of `_source` (the template excludes them).
    """
    doc: dict[str, Any] = {
        "id": article.id,
        "title": normalize(article.title),
        "body": normalize(searchable_body(article)),
        "published": article.published.isoformat() if article.published else None,
        "article": article.model_dump(mode="json"),
    }
    for name, value in keyword_values(article):
        doc.setdefault(name, []).append(value)
    return doc


# --- rendering the query AST to DSL ----------------------------------------------------------------


def _phrase(syllables: Iterable[str], fields: list[str], boost: float | None = None) -> dict[str, Any]:
    # Syllables hold only letters and digits (indexer.text.TOKEN): nothing here is query syntax.
    query: dict[str, Any] = {
        "query": " ".join(syllables),
        "type": "phrase",
        "fields": fields,
        "tie_breaker": 1.0,
    }
    if boost is not None:
        query["boost"] = boost
    return {"multi_match": query}


def _clause(clause: Phrase | AnyOf) -> dict[str, Any]:
    if isinstance(clause, AnyOf):
        options = [_phrase(p.folded, _FOLDED_FIELDS) for p in clause.options]
        return {"bool": {"should": options, "minimum_should_match": 1}}
    return _phrase(clause.folded, _FOLDED_FIELDS)


def text_query(parsed: ParsedQuery) -> dict[str, Any]:
    """Matching as the embedded engine does (folded phrases in title or body, all must match, none
    excluded); ranking adds exact-diacritic phrases and adjacent unquoted words as optional boosts."""
    if parsed.is_empty:
        return {"match_all": {}}
    must = [_clause(c) for c in dict.fromkeys(parsed.must)]  # a repeated word adds nothing but clauses
    must_not = [_phrase(p.folded, _FOLDED_FIELDS) for p in dict.fromkeys(parsed.must_not)]
    exact = [p for p in dict.fromkeys(parsed.phrases()) if p.has_diacritics]
    should = [_exact_tier(p) for p in exact]
    should += [_phrase(run, _FOLDED_FIELDS, PROXIMITY_BOOST) for run in parsed.word_runs()]
    # Lucene counts every leaf of the whole query against maxClauseCount (1024 on OpenSearch): each
    # phrase here is one leaf per field. Matching always fits (at most 250 syllables in 500
    # characters); the ranking boosts are dropped before a pathological query could overflow it.
    leaves = len(_FOLDED_FIELDS) * (sum(len(_options(c)) for c in parsed.must) + len(must_not) + len(should))
    query: dict[str, Any] = {"must": must, "must_not": must_not}
    if should and must and leaves <= MAX_CLAUSES:
        query["should"] = should
    return {"bool": query}


def _options(clause: Phrase | AnyOf) -> tuple[Phrase, ...]:
    return clause.options if isinstance(clause, AnyOf) else (clause,)


def _exact_tier(phrase: Phrase) -> dict[str, Any]:
    """Exact-diacritic match: its own BM25 (boosted) plus a whole tier (see EXACT_TIER)."""
    exact = _phrase(phrase.tokens, _EXACT_FIELDS, EXACT_BOOST)
    return {"function_score": {"query": exact, "functions": [{"weight": EXACT_TIER}], "boost_mode": "sum"}}


def filters_for(request: SearchRequest) -> dict[str, dict[str, Any]]:
    """Filter clauses keyed by the facet they belong to ('published' for the date range)."""
    filters = {name: dsl_filter(terms) for name, terms in resolve_filters(request.filters).items()}
    bounds: dict[str, str] = {}
    start, end = request.published_bounds()
    if start:
        bounds["gte"] = start.isoformat()
    if end:
        bounds["lt"] = end.isoformat()
    if bounds:
        filters["published"] = {"range": {"published": bounds}}
    return filters


def _all_of(filters: dict[str, dict[str, Any]], skip: str | None = None) -> dict[str, Any]:
    chosen = [clause for name, clause in filters.items() if name != skip]
    return {"bool": {"filter": chosen}} if chosen else {"match_all": {}}


def aggregations(request: SearchRequest, filters: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Multi-select facets: each facet counts under every filter but its own (the hits get them all
    through `post_filter`); the histogram ignores the date range so the timeline stays whole."""
    selected = core.selected_values(request)
    aggs: dict[str, Any] = {}
    for name, facet in COUNTED_FACETS.items():
        inner: dict[str, Any] = {"values": facet.dsl_aggregation(request.facet_size)}
        chosen = selected.get(name, [])
        if chosen:  # selected values below the top facet_size still show their count
            inner["chosen"] = {"filters": {"filters": {v: {"term": {facet.field: v}} for v in chosen}}}
        aggs[f"facet_{name}"] = {"filter": _all_of(filters, skip=name), "aggs": inner}
    histogram = {
        "field": "published",
        "calendar_interval": request.interval,
        "time_zone": str(VIETNAM_TZ),
        "format": _HISTOGRAM_FORMAT[request.interval],
        "min_doc_count": 1,
    }
    aggs["histogram"] = {
        "filter": _all_of(filters, skip="published"),
        "aggs": {"dates": {"date_histogram": histogram}},
    }
    return aggs


def sort_clause(sort: str) -> list[dict[str, Any]]:
    """Undated articles last; ties broken on the article id, in the sort's direction (as embedded)."""
    if sort == "relevance":
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    order = "desc" if sort == "newest" else "asc"
    return [{"published": {"order": order, "missing": "_last"}}, {"id": {"order": order}}]


_CURSOR = (float, str)  # the last hit's sort value (score, or date in ms) and id, for search_after


# --- the index -------------------------------------------------------------------------------------


class RemoteIndex:
    """SearchIndex over an Elasticsearch/OpenSearch alias; also the primitives `indexer.sync` needs."""

    def __init__(self, dialect: Dialect, alias: str, time_budget: float = core.DEFAULT_TIME_BUDGET):
        self.dialect = dialect
        self.time_budget = time_budget
        self.client = dialect.client
        self.alias = alias
        self.name = dialect.name

    @property
    def url(self) -> str:
        return self.dialect.url

    # --- calling the engine -----------------------------------------------------------------

    def call(self, request: Callable[[], T]) -> T:
        """Run one client call; any engine failure becomes EngineUnavailable with a usable message."""
        try:
            return request()
        except engine_errors() as exc:
            raise self.unavailable(exc) from exc

    def unavailable(self, exc: BaseException) -> EngineUnavailable:
        where = f"{self.name} at {self.url}"
        status = http_status(exc)
        if type(exc).__name__ == "UnsupportedProductError":
            return EngineUnavailable(
                f"the server at {self.url} is not Elasticsearch (for OpenSearch set OCOP_ENGINE=opensearch)"
            )
        if status is None:
            return EngineUnavailable(f"cannot reach {where}: {exc}")
        if _error_body(exc).get("type") == "index_not_found_exception":
            return EngineUnavailable(f"{where} has no index {self.alias!r} yet: run `ocop index rebuild`")
        if status in (401, 403):
            return EngineUnavailable(
                f"{where} refused the credentials ({status}): check OCOP_ENGINE_USERNAME/"
                "OCOP_ENGINE_PASSWORD/OCOP_ENGINE_API_KEY"
            )
        return EngineUnavailable(f"{where} refused the request ({status}): {_reason(exc)}")

    # --- writing ----------------------------------------------------------------------------

    def index(self, articles: Iterable[Article], *, refresh: bool = True) -> int:
        """Add or replace articles under the alias; raises DocumentsRejected listing any refused."""
        result = self.bulk(list(articles), refresh="wait_for" if refresh else "false")
        if result.rejected:
            raise DocumentsRejected(result.rejected)
        return result.written

    def delete(self, ids: Iterable[str], *, refresh: bool = True) -> int:
        operations = [{"delete": {"_index": self.alias, "_id": article_id}} for article_id in ids]
        if not operations:
            return 0
        items = self._send_bulk(operations, "wait_for" if refresh else "false")
        return sum(1 for item in items if item.get("result") == "deleted")

    def bulk(
        self, articles: Sequence[Article], *, index: str | None = None, refresh: str = "false"
    ) -> BulkResult:
        """One bulk request (ids are the article ids, so re-sending is harmless), retried with backoff
        on 429/5xx/connection errors; documents refused for good come back as rejections."""
        if not articles:
            return BulkResult()
        target = index or self.alias
        operations: list[dict[str, Any]] = []
        for article in articles:
            operations += [{"index": {"_index": target, "_id": article.id}}, document(article)]
        result = BulkResult()
        for item in self._send_bulk(operations, refresh):
            status = int(item.get("status", 500))
            if status < 300:
                result.written += 1
            else:
                error = item.get("error") or {}
                reason = (
                    f"{error.get('type', 'error')}: {error.get('reason', '')}"
                    if isinstance(error, dict)
                    else str(error)
                )
                result.rejected.append(Rejection(str(item.get("_id")), status, reason))
        return result

    def _send_bulk(self, operations: list[dict[str, Any]], refresh: str) -> list[dict[str, Any]]:
        retrying = Retrying(
            stop=stop_after_attempt(BULK_ATTEMPTS),
            wait=wait_exponential_jitter(multiplier=BULK_BACKOFF, max=BULK_BACKOFF_MAX, jitter=BULK_BACKOFF),
            retry=retry_if_exception(lambda exc: isinstance(exc, _RetryableItems) or is_retryable(exc)),
            reraise=True,
        )
        try:
            return retrying(self._bulk_once, operations, refresh)
        except _RetryableItems as exc:
            raise EngineUnavailable(f"{self.name} at {self.url} kept refusing a bulk request: {exc}") from exc
        except engine_errors() as exc:
            raise self.unavailable(exc) from exc

    def _bulk_once(self, operations: list[dict[str, Any]], refresh: str) -> list[dict[str, Any]]:
        response = self.client.bulk(body=operations, refresh=refresh)
        items = [next(iter(entry.values())) for entry in response["items"]]
        busy = [
            item
            for item in items
            if int(item.get("status", 500)) == 429 or int(item.get("status", 500)) >= 500
        ]
        if busy:  # the whole batch again: index operations with fixed ids are idempotent
            raise _RetryableItems(
                f"{len(busy)} item(s) answered {busy[0].get('status')}: {busy[0].get('error')}"
            )
        return items

    # --- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        try:
            response = self.client.get(index=self.alias, id=article_id)
        except engine_errors() as exc:
            if http_status(exc) == 404 and _error_body(exc).get("type") != "index_not_found_exception":
                raise NotFound(f"no article with id {article_id!r}") from exc
            raise self.unavailable(exc) from exc
        return Article.model_validate(response["_source"]["article"])

    def count(self) -> int:
        return int(self.call(lambda: self.client.count(index=self.alias))["count"])

    def health(self) -> dict[str, object]:
        cluster = self.call(lambda: self.client.cluster.health())
        return {
            "engine": self.name,
            "url": self.url,
            "cluster": cluster.get("cluster_name"),
            "status": cluster.get("status"),
            "alias": self.alias,
            "indices": self.indices_behind_alias(),
            "articles": self.count(),
        }

    def search(self, request: SearchRequest) -> SearchResponse:
        deadline = core.Deadline(self.time_budget)
        parsed = request.parsed
        sort, has_text = request.effective_sort, bool(parsed.must)
        filters = filters_for(request)
        body: dict[str, Any] = {
            "query": text_query(parsed),
            "size": request.size,
            "sort": sort_clause(sort),
            "track_total_hits": True,
            "track_scores": has_text,
            "_source": _SOURCE,
            "timeout": f"{max(1, int(deadline.remaining() * 1000))}ms",
        }
        if filters:
            body["post_filter"] = _all_of(filters)
        if request.cursor:
            body["search_after"] = core.decode_cursor(request.cursor, sort, _CURSOR)
        else:
            body["from"] = (request.page - 1) * request.size
        if request.with_facets:
            body["aggs"] = aggregations(request, filters)
        response = self.call(lambda: self.client.search(index=self.alias, body=body))
        if response.get("timed_out"):  # the engine stopped at the budget: its answer is partial
            raise deadline.timed_out()
        raw_hits = response["hits"]["hits"]
        hits = [
            hit_for(
                Article.model_validate(h["_source"]["article"]),
                parsed,
                h.get("_score") if has_text else None,
            )
            for h in raw_hits
        ]
        hits = core.with_story_sizes(hits, self._story_sizes)
        deadline.check()
        facets, histogram = {}, []
        if request.with_facets:
            facets = self._facets(request, response["aggregations"])
            histogram = [
                Bucket(value=b["key_as_string"], count=b["doc_count"])
                for b in response["aggregations"]["histogram"]["dates"]["buckets"]
                if b["doc_count"] > 0
            ]
        return core.response(
            request,
            engine=self.name,
            sort=sort,
            total=response["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            histogram=histogram,
            next_after=raw_hits[-1]["sort"][:2] if raw_hits else None,
            deadline=deadline,
        )

    def _story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        """Articles per story over the whole index, in one size-0 request for the page."""
        body = {
            "size": 0,
            "track_total_hits": False,
            "query": {"terms": {"story_id": story_ids}},
            "aggs": {"stories": {"terms": {"field": "story_id", "size": len(story_ids)}}},
        }
        response = self.call(lambda: self.client.search(index=self.alias, body=body))
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["stories"]["buckets"]}

    @staticmethod
    def _facets(request: SearchRequest, aggs: dict[str, Any]) -> dict[str, list[Bucket]]:
        selected = core.selected_values(request)
        result: dict[str, list[Bucket]] = {}
        for name in COUNTED_FACETS:
            agg, chosen = aggs[f"facet_{name}"], selected.get(name, [])
            result[name] = core.facet_buckets(
                ((b["key"], b["doc_count"]) for b in agg["values"]["buckets"]),
                chosen,
                request.facet_size,
                {value: agg["chosen"]["buckets"][value]["doc_count"] for value in chosen},
            )
        return result

    def scan(self, request: SearchRequest, batch_size: int = 500) -> Iterator[Article]:
        """Every match in sort order, page by page under a point in time: a consistent snapshot even
        while sync writes or rebuild swaps the alias, in constant memory."""
        parsed, sort = request.parsed, request.effective_sort
        query = {"bool": {"must": [text_query(parsed)], "filter": list(filters_for(request).values())}}
        pit_id = self.call(lambda: self.dialect.open_pit(self.alias, SCAN_KEEP_ALIVE))
        try:
            search_after: list[Any] | None = None
            while True:
                body: dict[str, Any] = {
                    "query": query,
                    "size": batch_size,
                    "sort": sort_clause(sort),
                    "pit": {"id": pit_id, "keep_alive": SCAN_KEEP_ALIVE},
                    "track_total_hits": False,
                    "_source": _SOURCE,
                }
                if search_after is not None:
                    body["search_after"] = search_after
                response = self.call(lambda body=body: self.client.search(body=body))
                pit_id = response.get("pit_id", pit_id)
                hits = response["hits"]["hits"]
                for hit in hits:
                    yield Article.model_validate(hit["_source"]["article"])
                if len(hits) < batch_size:
                    return
                search_after = hits[-1]["sort"]  # with Elasticsearch's implicit _shard_doc, if any
        finally:
            with contextlib.suppress(*engine_errors()):
                self.dialect.close_pit(pit_id)

    # --- administration (indexer.sync) ------------------------------------------------------

    def put_template(self) -> None:
        """Install the index template for `<alias>-v*`, so every version gets the same mapping."""
        self.call(
            lambda: self.client.indices.put_index_template(name=self.alias, body=load_template(self.alias))
        )

    def indices_behind_alias(self) -> list[str]:
        """The versions the alias points at (one, unless someone changed it by hand); [] before the first.

        Asked of `<alias>-v*` rather than `_alias/<alias>`, which answers 404 (and the clients log a
        warning) before the first rebuild."""
        found = self.call(lambda: self.client.indices.get_alias(index=f"{self.alias}-v*"))
        return sorted(
            name
            for name, data in found.items()
            if self._is_version(name) and self.alias in data.get("aliases", {})
        )

    def versions(self) -> dict[str, str]:
        """Every `<alias>-vN` index, oldest version first, with its uuid."""
        found = self.call(lambda: self.client.indices.get_settings(index=f"{self.alias}-v*"))
        # `<alias>-v*` also matches `<alias>-vault-v1`, another alias's version: never touch those
        named = {
            name: data["settings"]["index"]["uuid"] for name, data in found.items() if self._is_version(name)
        }
        return dict(sorted(named.items(), key=lambda item: _version_number(item[0], self.alias)))

    def _is_version(self, index: str) -> bool:
        return index.startswith(f"{self.alias}-v") and index.removeprefix(f"{self.alias}-v").isdigit()

    def current_uuid(self) -> str | None:
        """The uuid of the index behind the alias (None before the first rebuild)."""
        indices = self.indices_behind_alias()
        return self.versions().get(indices[0]) if len(indices) == 1 else None

    def create_version(self, *, shards: int | None = None) -> str:
        """A new empty `<alias>-vN` (N one above the highest), refreshing off for a fast load."""
        existing = [_version_number(name, self.alias) for name in self.versions()]
        name = f"{self.alias}-v{max(existing, default=0) + 1}"
        settings: dict[str, Any] = {"index": {"refresh_interval": "-1"}}
        if shards:
            settings["index"]["number_of_shards"] = shards
        self.call(lambda: self.client.indices.create(index=name, body={"settings": settings}))
        return name

    def finish_loading(self, index: str) -> int:
        """Refreshing back on, the index refreshed and allocated; returns its document count."""
        self.call(
            lambda: self.client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
        )
        self.call(lambda: self.client.indices.refresh(index=index))
        self.call(lambda: self.client.cluster.health(index=index, wait_for_status="yellow"))
        return int(self.call(lambda: self.client.count(index=index))["count"])

    def point_alias_to(self, index: str) -> list[str]:
        """Swap the alias to `index` in one atomic request; returns the indices it left."""
        previous = self.indices_behind_alias()
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in previous if old != index]
        actions.append({"add": {"index": index, "alias": self.alias}})
        self.call(lambda: self.client.indices.update_aliases(body={"actions": actions}))
        return [old for old in previous if old != index]

    def refresh(self) -> None:
        self.call(lambda: self.client.indices.refresh(index=self.alias))

    def drop_index(self, index: str) -> None:
        self.call(lambda: self.client.indices.delete(index=index))

    def drop_all(self) -> None:
        """Remove the alias, every version and the template (tests, and starting over by hand)."""
        for index in self.versions():
            self.drop_index(index)
        with contextlib.suppress(EngineUnavailable):
            self.call(lambda: self.client.indices.delete_index_template(name=self.alias))


class _RetryableItems(Exception):
    """Some bulk items were refused for now (429 or 5xx): the batch is sent again."""


def _version_number(index: str, alias: str) -> int:
    suffix = index.removeprefix(f"{alias}-v")
    return int(suffix) if suffix.isdigit() else 0


def redact_url(url: str) -> str:
    """The engine URL without credentials, for checkpoints and messages."""
    parts = urlsplit(url.rstrip("/"))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
