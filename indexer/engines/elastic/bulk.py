"""Writing articles to Elasticsearch/OpenSearch in bulk: retried with backoff, refusals listed.

Every operation carries the article id as `_id`, so sending a batch twice is harmless: a batch is
retried whole (tenacity, exponential backoff with jitter) when the engine is unreachable, answers
429/5xx, or acknowledges it with some items refused for now (429/5xx). Documents refused for good
(a mapping error, an immense keyword) come back as `Rejection`s, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from indexer.engines.elastic.client import Cluster, engine_errors, is_retryable
from indexer.engines.elastic.mapping import document
from indexer.errors import EngineUnavailable, OcopWatchError
from indexer.schema import Article

BULK_ATTEMPTS = 6  # tries per batch on 429, 5xx and connection errors
BULK_BACKOFF = 0.5  # seconds before the first retry; doubles (with jitter) up to BULK_BACKOFF_MAX
BULK_BACKOFF_MAX = 30.0


@dataclass(frozen=True)
class Rejection:
    id: str
    status: int
    reason: str


@dataclass
class BulkResult:
    written: int = 0
    rejected: list[Rejection] = field(default_factory=list)


class DocumentsRejected(OcopWatchError):
    """The engine refused some documents for good (mapping, size): they are listed, never dropped."""

    def __init__(self, rejected: list[Rejection]):
        self.rejected = rejected
        listed = "; ".join(f"{r.id}: {r.reason}" for r in rejected[:5])
        more = f" (and {len(rejected) - 5} more)" if len(rejected) > 5 else ""
        super().__init__(f"{len(rejected)} article(s) rejected by the engine: {listed}{more}")


class _RetryableItems(Exception):
    """Some bulk items were refused for now (429 or 5xx): the batch is sent again."""


def index_articles(cluster: Cluster, index: str, articles: Sequence[Article], refresh: str) -> BulkResult:
    """Index (add or replace) `articles` into `index` (an alias or a version) in one bulk request."""
    if not articles:
        return BulkResult()
    operations: list[dict[str, Any]] = []
    for article in articles:
        operations += [{"index": {"_index": index, "_id": article.id}}, document(article)]
    result = BulkResult()
    for item in send(cluster, operations, refresh):
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


def delete_articles(cluster: Cluster, index: str, ids: Sequence[str], refresh: str) -> int:
    """Delete by id; returns how many existed."""
    if not ids:
        return 0
    operations = [{"delete": {"_index": index, "_id": article_id}} for article_id in ids]
    return sum(1 for item in send(cluster, operations, refresh) if item.get("result") == "deleted")


def send(cluster: Cluster, operations: list[dict[str, Any]], refresh: str) -> list[dict[str, Any]]:
    """One bulk request, retried with backoff; returns each operation's answer."""
    retrying = Retrying(
        stop=stop_after_attempt(BULK_ATTEMPTS),
        wait=wait_exponential_jitter(multiplier=BULK_BACKOFF, max=BULK_BACKOFF_MAX, jitter=BULK_BACKOFF),
        retry=retry_if_exception(lambda exc: isinstance(exc, _RetryableItems) or is_retryable(exc)),
        reraise=True,
    )
    try:
        return retrying(_send_once, cluster, operations, refresh)
    except _RetryableItems as exc:
        raise EngineUnavailable(
            f"{cluster.name} at {cluster.url} kept refusing a bulk request: {exc}"
        ) from exc
    except engine_errors() as exc:
        raise cluster.unavailable(exc) from exc


def _send_once(cluster: Cluster, operations: list[dict[str, Any]], refresh: str) -> list[dict[str, Any]]:
    response = cluster.client.bulk(body=operations, refresh=refresh)
    items = [next(iter(entry.values())) for entry in response["items"]]
    busy = [
        item for item in items if int(item.get("status", 500)) == 429 or int(item.get("status", 500)) >= 500
    ]
    if busy:  # the whole batch again: index operations with fixed ids are idempotent
        raise _RetryableItems(f"{len(busy)} item(s) answered {busy[0].get('status')}: {busy[0].get('error')}")
    return items
