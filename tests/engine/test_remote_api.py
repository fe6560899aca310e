"""The API over Elasticsearch/OpenSearch, and what users see when the engine is down or misconfigured."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.engines.base import SearchIndex
from indexer.engines.elastic.index import RemoteIndex
from indexer.errors import EngineUnavailable
from indexer.query import SearchRequest
from indexer.settings import Settings
from search_api.app import create_app
from tests.support.contract_articles import ID
from tests.support.remotes import REMOTES, remote_index

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.mark.parametrize("kind", ["opensearch", "elasticsearch"])
def test_engine_down_is_engine_unavailable_and_a_503(kind: str) -> None:
    settings = Settings(_env_file=None, engine=kind, engine_url=CLOSED_PORT)  # type: ignore[call-arg]
    index = remote_index_for(settings)
    for call in (
        lambda: index.search(SearchRequest(q="ocop")),
        lambda: index.get("x"),
        index.count,
        index.health,
    ):
        with pytest.raises(EngineUnavailable, match="cannot reach"):
            call()
    with pytest.raises(EngineUnavailable):
        list(index.scan(SearchRequest()))
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    response = client.get("/search", params={"q": "ocop"})
    assert response.status_code == 503 and "cannot reach" in response.json()["error"]


def remote_index_for(settings: Settings) -> SearchIndex:
    from indexer.engines import open_index

    return open_index(settings)


def test_opensearch_with_an_api_key_says_what_to_set() -> None:
    settings = Settings(_env_file=None, engine="opensearch", engine_api_key="k")  # type: ignore[call-arg]
    with pytest.raises(EngineUnavailable, match="OCOP_ENGINE_USERNAME"):
        remote_index_for(settings)


def test_api_answers_from_the_remote_engine(remote_engine: RemoteIndex, embedded_engine: SearchIndex) -> None:
    alias = remote_engine.alias
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, engine=remote_engine.name, engine_url=remote_engine.url, index_alias=alias
    )
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    reference = TestClient(create_app(index=embedded_engine), raise_server_exceptions=False)
    for params in (
        {"q": "san pham ocop", "site": "vnexpress.net"},
        {"q": '"nông thôn mới"', "sort": "newest"},
    ):
        mine, theirs = (
            client.get("/search", params=params).json(),
            reference.get("/search", params=params).json(),
        )
        assert mine["engine"] == remote_engine.name and mine["total"] == theirs["total"]
        assert mine["facets"] == theirs["facets"] and mine["histogram"] == theirs["histogram"]
    assert client.get(f"/articles/{ID['tphcm']}").json()["title"] == "TP.HCM mở điểm bán sản phẩm OCOP"
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/timeline", params={"q": "sen", "interval": "year"}).json()["series"][0]["total"]
    assert client.get("/search", params={"q": '"NEAR( * ^ :'}).status_code == 200
    health = client.get("/health").json()
    assert health["engine"]["indices"] == [f"{alias}-v1"] and health["engine"]["articles"] == len(ID)


@pytest.mark.engine
def test_the_elasticsearch_client_refuses_opensearch_with_a_clear_message() -> None:
    if "opensearch" not in REMOTES:
        pytest.skip("no OpenSearch under test (OCOP_TEST_ENGINES / OCOP_TEST_ENGINE)")
    url = REMOTES["opensearch"].url()
    index = remote_index_for(Settings(_env_file=None, engine="elasticsearch", engine_url=url))  # type: ignore[call-arg]
    with pytest.raises(EngineUnavailable, match="not Elasticsearch"):
        index.health()  # the product check applies to successful answers (an error answer is just an error)
    assert remote_index(url, "unused", "opensearch").name == "opensearch"


@pytest.mark.engine
@pytest.mark.parametrize("name", [name for name, remote in REMOTES.items() if remote.kind == "elasticsearch"])
def test_the_official_client_sees_a_real_elasticsearch(name: str) -> None:
    """What the official client asks first (`info`, `ping`) answers as on any Elasticsearch."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(REMOTES[name].url())
    info = client.info()
    assert client.ping() and info["tagline"] == "You Know, for Search"
    assert info["version"]["number"].split(".")[0] in ("8", "9")


@pytest.mark.engine
def test_article_endpoints_answer_from_the_remote_engine(
    remote_engine: RemoteIndex, embedded_engine: SearchIndex, contract_archive: Path, tmp_path: Path
) -> None:
    """Citation, raw HTML and article page over each remote engine: the same answers, 404 where
    nothing is kept."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        engine=remote_engine.name,
        engine_url=remote_engine.url,
        index_alias=remote_engine.alias,
        archive=contract_archive,
    )
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    reference = TestClient(create_app(index=embedded_engine), raise_server_exceptions=False)
    path = f"/articles/{ID['wire_a']}/citation"
    assert client.get(path).json() == reference.get(path).json()
    assert client.get("/articles/nope/citation").status_code == 404
    # the contract archive keeps no raw HTML; an API without the archive says it has none
    raw = client.get(f"/articles/{ID['wire_a']}/raw")
    assert raw.status_code == 404 and "no raw page" in raw.json()["error"]
    elsewhere = TestClient(create_app(settings.model_copy(update={"archive": tmp_path / "absent.sqlite"})))
    raw = elsewhere.get(f"/articles/{ID['wire_a']}/raw")
    assert raw.status_code == 404 and "no archive" in raw.json()["error"]
    assert client.get("/articles/nope/raw").status_code == 404
    assert client.get(f"/a/{ID['wire_a']}").status_code == 200
    down = Settings(_env_file=None, engine=remote_engine.name, engine_url=CLOSED_PORT)  # type: ignore[call-arg]
    response = TestClient(create_app(down), raise_server_exceptions=False).get(path)
    assert response.status_code == 503 and response.json()["error"]
