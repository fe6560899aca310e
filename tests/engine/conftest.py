"""The engines under test: the embedded index, and real OpenSearch and Elasticsearch nodes.

The suite starts its own nodes from Maven Central jars: OpenSearch 2.19.1
(`tests/support/nodes/opensearch_node.py`) and Elasticsearch (`tests/support/nodes/elasticsearch_node.py`:
9.5.3 where a Java 21+ JDK is installed, else 8.19.21 on Java 17). `OCOP_TEST_ENGINES` chooses
them (default `opensearch,elasticsearch`; also `elasticsearch9`, `elasticsearch8`); each one's
name is its pytest id. As soon as collection ends, each node is built and launched in a thread of
its own, and the tests that need a node (marker `engine`) are moved to the end of the run: the
nodes build and start while the other tests run, in parallel, and are waited for when a test
first needs one.

`OCOP_TEST_ENGINE_URL` points the suite at a running cluster instead (`OCOP_TEST_ENGINE`:
`opensearch`, the default, or `elasticsearch`); no node is started then.

A node that cannot start fails the tests that need it under CI=true; elsewhere they skip with
the reason, printed once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer.archive import Archive
from indexer.engines.base import SearchIndex
from indexer.engines.elastic.index import RemoteIndex
from indexer.engines.embedded import EmbeddedIndex
from indexer.sync import rebuild
from tests.support.contract_articles import build_archive
from tests.support.remotes import REMOTE_PARAMS, REMOTES, Remote, remote_index


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a node run last (in their order), so the nodes start while the others run."""
    items[:] = [i for i in items if not i.get_closest_marker("engine")] + [
        i for i in items if i.get_closest_marker("engine")
    ]


def pytest_collection_finish(session: pytest.Session) -> None:
    if any(item.get_closest_marker("engine") for item in session.items):
        for remote in REMOTES.values():
            remote.start()


def pytest_report_header(config: pytest.Config) -> str:
    return "remote engines: " + (", ".join(REMOTES) or "none")


_NODE_REPORT: list[str] = []


def pytest_sessionfinish(session: pytest.Session) -> None:
    for remote in REMOTES.values():
        node = remote.node
        if node is not None and node.startup_seconds is not None:
            rss = node.rss_kib()
            http_up = getattr(node, "http_up_seconds", None)
            up = f"HTTP up {http_up:.1f} s after JVM start, " if http_up else ""
            _NODE_REPORT.append(
                f"{remote.id}: {remote.describe()}: {up}healthy when first needed "
                f"{node.startup_seconds:.1f} s after launch, RSS {rss // 1024 if rss else '?'} MiB at the end"
            )
        remote.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How long each node took to start and how much memory it held (information, not a test)."""
    for line in _NODE_REPORT:
        terminalreporter.write_line(f"[engine tests] {line}")


@pytest.fixture(scope="session", params=REMOTE_PARAMS)
def remote(request: pytest.FixtureRequest) -> Remote:
    """Each remote engine under test, up and answering (sync and API tests run once per engine)."""
    chosen = REMOTES[request.param]
    chosen.url()
    return chosen


@pytest.fixture
def fresh_remote(remote: Remote) -> Iterator[Callable[[], RemoteIndex]]:
    """Makes RemoteIndex objects on aliases of their own; their indices are deleted after the test."""
    made: list[RemoteIndex] = []

    def make() -> RemoteIndex:
        index = remote_index(remote.url(), f"ocop-test-{uuid.uuid4().hex[:10]}", remote.kind)
        made.append(index)
        return index

    yield make
    for index in made:
        index.versions.drop_all()


@pytest.fixture(scope="session")
def contract_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("contract") / "archive.sqlite")


@pytest.fixture(scope="session")
def embedded_engine(contract_archive: Path) -> SearchIndex:
    return EmbeddedIndex(contract_archive)


@pytest.fixture(scope="session")
def contract_indexes(contract_archive: Path) -> Iterator[Callable[[str], RemoteIndex]]:
    """The fixture articles in each remote engine, loaded the production way (`ocop index rebuild`
    into a fresh alias) the first time a test asks; dropped at the end of the session."""
    loaded: dict[str, RemoteIndex] = {}

    def load(name: str) -> RemoteIndex:
        if name not in loaded:
            chosen = REMOTES[name]
            index = remote_index(chosen.url(), f"ocop-contract-{uuid.uuid4().hex[:8]}", chosen.kind)
            with Archive(contract_archive) as archive:
                report = rebuild(archive, index)
            assert report.swapped and not report.rejected
            loaded[name] = index
        return loaded[name]

    yield load
    for index in loaded.values():
        index.versions.drop_all()


@pytest.fixture(scope="session", params=REMOTE_PARAMS)
def remote_engine(
    request: pytest.FixtureRequest, contract_indexes: Callable[[str], RemoteIndex]
) -> RemoteIndex:
    """The contract articles in each remote engine."""
    return contract_indexes(request.param)


@pytest.fixture(scope="session", params=["embedded", *REMOTE_PARAMS])
def engine(
    request: pytest.FixtureRequest,
    embedded_engine: SearchIndex,
    contract_indexes: Callable[[str], RemoteIndex],
) -> SearchIndex:
    """Each contract test runs once per engine; the id names it."""
    return embedded_engine if request.param == "embedded" else contract_indexes(request.param)
