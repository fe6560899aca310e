"""The API over Elasticsearch/OpenSearch, and what users see when the engine is down or misconfigured."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from indexer.engines.base import SearchIndex
from indexer.engines.elastic import MAX_CLAUSES, load_template, text_query
from indexer.errors import EngineUnavailable
from indexer.query import SearchRequest, parse_query
from indexer.settings import Settings
from search_api.app import create_app
from tests.engine.conftest import REMOTE_KIND, remote_index
from tests.engine.fixtures import ID

CLOSED_PORT = "http://127.0.0.1:9"


def _leaves(query: object) -> int:
    """Leaf queries in rendered DSL, as Lucene counts them against maxClauseCount (one per field)."""
    if isinstance(query, dict):
        if "multi_match" in query:
            return len(query["multi_match"]["fields"])
        return sum(_leaves(v) for v in query.values())
    if isinstance(query, list):
        return sum(_leaves(v) for v in query)
    return 0


def test_the_longest_query_stays_within_the_clause_limit() -> None:
    syllables = [chr(c) for c in range(0xC0, 0x2000) if chr(c).islower() and chr(c).isalpha()][:250]
    for q in (" ".join(syllables), " ".join(f"-{s}" for s in syllables[:166]), " OR ".join(syllables[:100])):
        assert _leaves(text_query(parse_query(q))) <= MAX_CLAUSES


def test_template_covers_the_versions_of_the_alias() -> None:
    template = load_template("tin-ocop")
    assert template["index_patterns"] == ["tin-ocop-v*"]
    assert template["template"]["mappings"]["properties"]["published"] == {"type": "date"}


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


@pytest.mark.engine
def test_api_answers_from_the_remote_engine(remote_engine: SearchIndex, embedded_engine: SearchIndex) -> None:
    alias = remote_engine.alias  # type: ignore[attr-defined]
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        engine=REMOTE_KIND,
        engine_url=remote_engine.url,
        index_alias=alias,  # type: ignore[attr-defined]
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
        assert mine["engine"] == REMOTE_KIND and mine["total"] == theirs["total"]
        assert mine["facets"] == theirs["facets"] and mine["histogram"] == theirs["histogram"]
    assert client.get(f"/articles/{ID['tphcm']}").json()["title"] == "TP.HCM mở điểm bán sản phẩm OCOP"
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/timeline", params={"q": "sen", "interval": "year"}).json()["buckets"]
    assert client.get("/search", params={"q": '"NEAR( * ^ :'}).status_code == 200
    health = client.get("/health").json()
    assert health["engine"]["indices"] == [f"{alias}-v1"] and health["engine"]["articles"] == len(ID)


@pytest.mark.engine
def test_the_elasticsearch_client_refuses_opensearch_with_a_clear_message(engine_url: str) -> None:
    if REMOTE_KIND == "elasticsearch":
        pytest.skip("the test node is Elasticsearch")  # never in CI: CI runs OpenSearch
    index = remote_index_for(Settings(_env_file=None, engine="elasticsearch", engine_url=engine_url))  # type: ignore[call-arg]
    with pytest.raises(EngineUnavailable, match="not Elasticsearch"):
        index.health()  # the product check applies to successful answers (an error answer is just an error)
    assert remote_index(engine_url, "unused").name == "opensearch"


@pytest.mark.engine
def test_article_endpoints_answer_from_the_remote_engine(
    remote_engine: SearchIndex, embedded_engine: SearchIndex, contract_archive, tmp_path
) -> None:
    """Citation, raw HTML and article page over OpenSearch: the same answers, 404 where nothing is kept."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        engine=REMOTE_KIND,
        engine_url=remote_engine.url,  # type: ignore[attr-defined]
        index_alias=remote_engine.alias,  # type: ignore[attr-defined]
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
    down = Settings(_env_file=None, engine=REMOTE_KIND, engine_url=CLOSED_PORT)  # type: ignore[call-arg]
    response = TestClient(create_app(down), raise_server_exceptions=False).get(path)
    assert response.status_code == 503 and response.json()["error"]
