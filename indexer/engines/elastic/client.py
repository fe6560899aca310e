"""The connection to an Elasticsearch or OpenSearch cluster, and what its failures mean to a user.

Both servers take the same DSL through the same client calls (`search`, `bulk`, `count`,
`indices.*`, all with keyword arguments and `body=`). What differs lives in the two small
`Cluster` subclasses: how the client is built (auth options, and the official client's product
check) and the point-in-time API. Every failure of either client becomes `EngineUnavailable`
with a message that says what to do; the API maps it to 503.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from indexer.errors import EngineUnavailable
from indexer.settings import Settings

T = TypeVar("T")


class Cluster:
    """A client, the server's name for messages and checkpoints, and what that server does its own way."""

    name = ""

    def __init__(self, client: Any, url: str):
        self.client = client
        self.url = redact_url(url)

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
        error = error_body(exc)
        if error.get("type") == "index_not_found_exception":
            missing = error.get("index") or "the index"
            return EngineUnavailable(f"{where} has no index {missing!r} yet: run `ocop index rebuild`")
        if status in (401, 403):
            return EngineUnavailable(
                f"{where} refused the credentials ({status}): check OCOP_ENGINE_USERNAME/"
                "OCOP_ENGINE_PASSWORD/OCOP_ENGINE_API_KEY"
            )
        return EngineUnavailable(f"{where} refused the request ({status}): {reason(exc)}")

    def open_pit(self, index: str, keep_alive: str) -> str:
        """Open a point in time on `index`; returns its id."""
        raise NotImplementedError

    def close_pit(self, pit_id: str) -> None:
        raise NotImplementedError


class ElasticsearchCluster(Cluster):
    """The official client: `POST /{index}/_pit`, `DELETE /_pit`; it refuses any server but Elasticsearch."""

    name = "elasticsearch"

    def open_pit(self, index: str, keep_alive: str) -> str:
        return str(self.client.open_point_in_time(index=index, keep_alive=keep_alive)["id"])

    def close_pit(self, pit_id: str) -> None:
        self.client.close_point_in_time(id=pit_id)


class OpenSearchCluster(Cluster):
    """opensearch-py: `POST /{index}/_search/point_in_time`, and `DELETE` with a list of ids."""

    name = "opensearch"

    def open_pit(self, index: str, keep_alive: str) -> str:
        return str(self.client.create_pit(index=index, params={"keep_alive": keep_alive})["pit_id"])

    def close_pit(self, pit_id: str) -> None:
        self.client.delete_pit(body={"pit_id": [pit_id]})


def connect(settings: Settings) -> Cluster:
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
        return ElasticsearchCluster(
            Elasticsearch(url, request_timeout=settings.engine_timeout, **auth, **tls), url
        )
    if settings.engine == "opensearch":
        from opensearchpy import OpenSearch

        if settings.engine_api_key:
            raise EngineUnavailable(
                "OpenSearch has no API keys: set OCOP_ENGINE_USERNAME and OCOP_ENGINE_PASSWORD instead"
            )
        client = OpenSearch(hosts=[url], http_auth=user, timeout=settings.engine_timeout, **tls)
        return OpenSearchCluster(client, url)
    raise ValueError(f"not a remote engine: {settings.engine!r}")


# --- reading a client's exceptions ------------------------------------------------------------------


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


def error_body(exc: BaseException) -> dict[str, Any]:
    """The `error` object of the server's answer ({} when there was none)."""
    body = getattr(exc, "body", None)  # elasticsearch
    if body is None:
        body = getattr(exc, "info", None)  # opensearch-py
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def reason(exc: BaseException) -> str:
    error = error_body(exc)
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


def redact_url(url: str) -> str:
    """The engine URL without credentials, for checkpoints and messages."""
    parts = urlsplit(url.rstrip("/"))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
