"""The engines under test: the embedded FTS5 index, and a real OpenSearch node started for the session.

`OCOP_TEST_ENGINE_URL` points the suite at a running node instead (`OCOP_TEST_ENGINE=elasticsearch`
for an Elasticsearch one). Without either, a node is started from Maven Central jars by
`tests/engine/opensearch_node.py`. When it cannot start, the tests that need it fail under CI=true
and skip with the reason elsewhere.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer.archive import Archive
from indexer.engines.base import SearchIndex
from indexer.engines.elastic import RemoteIndex, open_remote_index
from indexer.engines.embedded import EmbeddedIndex
from indexer.settings import Settings
from indexer.sync import rebuild
from tests.conftest import IN_CI
from tests.engine.fixtures import build_archive

REMOTE_KIND = os.environ.get("OCOP_TEST_ENGINE", "opensearch")


@pytest.fixture(scope="session")
def engine_url() -> Iterator[str]:
    """URL of a node for the whole session: OCOP_TEST_ENGINE_URL, or one started here and stopped after."""
    given = os.environ.get("OCOP_TEST_ENGINE_URL")
    if given:
        yield given
        return
    from tests.engine.opensearch_node import OpenSearchNode

    node = OpenSearchNode(cluster_name="ocop-test")
    try:
        node.start()
    except Exception as exc:  # no java, no mvn, no Maven Central, a node that would not come up
        reason = f"no OpenSearch node for the engine tests ({type(exc).__name__}): {exc}"
        if IN_CI:
            pytest.fail(reason, pytrace=False)
        print(f"\n[engine tests] skipped: {reason.splitlines()[0]}")
        pytest.skip(reason.splitlines()[0])
    try:
        assert node.url is not None
        yield node.url
    finally:
        node.stop()


def remote_index(url: str, alias: str, kind: str = REMOTE_KIND) -> RemoteIndex:
    settings = Settings(_env_file=None, engine=kind, engine_url=url, index_alias=alias)  # type: ignore[call-arg]
    return open_remote_index(settings)


@pytest.fixture
def fresh_remote(engine_url: str) -> Iterator[Callable[[], RemoteIndex]]:
    """Makes RemoteIndex objects on aliases of their own; their indices are deleted after the test."""
    made: list[RemoteIndex] = []

    def make() -> RemoteIndex:
        index = remote_index(engine_url, f"ocop-test-{uuid.uuid4().hex[:10]}")
        made.append(index)
        return index

    yield make
    for index in made:
        index.drop_all()


@pytest.fixture(scope="session")
def contract_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("contract") / "archive.sqlite")


@pytest.fixture(scope="session")
def embedded_engine(contract_archive: Path) -> SearchIndex:
    return EmbeddedIndex(contract_archive)


def _loaded(index: RemoteIndex, contract_archive: Path) -> RemoteIndex:
    """The fixture articles loaded the production way: `ocop index rebuild` into a fresh alias."""
    with Archive(contract_archive) as archive:
        report = rebuild(archive, index)
    assert report.swapped and not report.rejected
    return index


@pytest.fixture(scope="session")
def remote_engine(engine_url: str, contract_archive: Path) -> Iterator[SearchIndex]:
    index = _loaded(remote_index(engine_url, f"ocop-contract-{uuid.uuid4().hex[:8]}"), contract_archive)
    yield index
    index.drop_all()


@pytest.fixture(scope="session")
def elasticsearch_client_engine(engine_url: str, contract_archive: Path) -> Iterator[SearchIndex]:
    """The `elasticsearch` client's side of the engine, talking to the OpenSearch node through
    tests/engine/es_shim.py (no Elasticsearch server here): every call it makes is exercised."""
    from tests.engine.es_shim import ElasticsearchShim

    with ElasticsearchShim(engine_url) as url:
        index = remote_index(url, f"ocop-contract-es-{uuid.uuid4().hex[:8]}", kind="elasticsearch")
        yield _loaded(index, contract_archive)
        index.drop_all()


_ENGINES = {
    "embedded": "embedded_engine",
    REMOTE_KIND: "remote_engine",
    "elasticsearch-client": "elasticsearch_client_engine",
}
_PARAMS = [
    "embedded",
    pytest.param(REMOTE_KIND, marks=pytest.mark.engine),
    *(
        [pytest.param("elasticsearch-client", marks=pytest.mark.engine)]
        if REMOTE_KIND == "opensearch"
        else []
    ),
]


@pytest.fixture(scope="session", params=_PARAMS)
def engine(request: pytest.FixtureRequest) -> SearchIndex:
    """Each contract test runs once per engine (and once more through the Elasticsearch client)."""
    return request.getfixturevalue(_ENGINES[request.param])
