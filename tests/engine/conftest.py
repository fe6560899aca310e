"""The engines under test: the embedded index, and real OpenSearch and Elasticsearch nodes.

The suite starts its own nodes from Maven Central jars: OpenSearch 2.19.1
(`tests/engine/opensearch_node.py`) and Elasticsearch (`tests/engine/elasticsearch_node.py`:
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

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from indexer.archive import Archive
from indexer.engines.base import SearchIndex
from indexer.engines.elastic.index import RemoteIndex, open_remote_index
from indexer.engines.embedded import EmbeddedIndex
from indexer.settings import Settings
from indexer.sync import rebuild
from tests.conftest import IN_CI
from tests.engine.fixtures import build_archive
from tests.engine.jvm_node import JvmNode

DEFAULT_ENGINES = "opensearch,elasticsearch"


@dataclass
class Remote:
    """One remote engine under test: a node the suite starts, or the cluster at OCOP_TEST_ENGINE_URL."""

    id: str  # the pytest id: opensearch, elasticsearch, elasticsearch8, ...
    kind: str  # the OCOP_ENGINE value that talks to it
    given_url: str | None = None
    node: JvmNode | None = None
    problem: str | None = None  # why it cannot run (set when building or starting failed)
    printed: bool = field(default=False, repr=False)
    starting: bool = field(default=False, repr=False)  # the thread below was started (main thread only)
    launched: threading.Event = field(default_factory=threading.Event, repr=False)
    released: threading.Event = field(default_factory=threading.Event, repr=False)

    def describe(self) -> str:
        if self.given_url:
            return f"{self.kind} at {self.given_url}"
        version = getattr(self.node, "version", "")
        jdk = getattr(self.node, "jdk", None)
        return f"{self.kind} {version}" + (f" ({jdk.name})" if jdk else "")

    def start(self) -> None:
        """Build and launch the node in a thread of its own, which returns at once.

        The thread stays alive until the node is stopped: Linux sends the JVM its parent-death
        signal (see jvm_node) when the thread that started it ends."""
        if self.given_url or self.starting:
            return
        self.starting = True
        threading.Thread(target=self._build_and_launch, name=f"start-{self.id}", daemon=True).start()

    def _build_and_launch(self) -> None:
        from tests.engine.elasticsearch_node import ElasticsearchNode
        from tests.engine.opensearch_node import OpenSearchNode

        try:
            if self.kind == "opensearch":
                self.node = OpenSearchNode(cluster_name="ocop-test")
            else:
                self.node = ElasticsearchNode(version=self.id.removeprefix("elasticsearch") or None)
            self.node.launch()
        except Exception as exc:  # no java or JDK for that version, no mvn, no Maven Central
            self.problem = f"{type(exc).__name__}: {exc}"
        finally:
            self.launched.set()
        self.released.wait()

    def stop(self) -> None:
        if self.node is not None:
            self.node.stop()
        self.released.set()

    def url(self) -> str:
        """The URL once the engine answers; fails (CI) or skips the test otherwise."""
        if self.given_url:
            return self.given_url
        self.start()  # a no-op when collection already started it
        self.launched.wait()
        if self.node is not None and self.problem is None:
            try:
                return self.node.wait_ready()
            except Exception as exc:  # no java, no mvn, no Maven Central, a node that would not come up
                self.problem = f"{type(exc).__name__}: {exc}"
        reason = f"no {self.id} node for the engine tests: {self.problem}"
        if IN_CI:
            pytest.fail(reason, pytrace=False)
        if not self.printed:
            print(f"\n[engine tests] {self.id} skipped: {reason.splitlines()[0]}")
            self.printed = True
        pytest.skip(reason.splitlines()[0])


def _remotes() -> dict[str, Remote]:
    given = os.environ.get("OCOP_TEST_ENGINE_URL")
    if given:
        kind = os.environ.get("OCOP_TEST_ENGINE", "opensearch")
        return {kind: Remote(kind, kind, given_url=given)}
    names = [n.strip() for n in os.environ.get("OCOP_TEST_ENGINES", DEFAULT_ENGINES).split(",") if n.strip()]
    remotes = {}
    for name in names:
        kind = "opensearch" if name == "opensearch" else "elasticsearch"
        if name not in ("opensearch", "elasticsearch", "elasticsearch8", "elasticsearch9"):
            raise pytest.UsageError(f"OCOP_TEST_ENGINES: unknown engine {name!r}")
        remotes[name] = Remote(name, kind)
    return remotes


REMOTES = _remotes()
REMOTE_PARAMS = [pytest.param(name, marks=pytest.mark.engine, id=name) for name in REMOTES]
# For the few slow tests of algorithms that do not depend on the engine (sync's checkpoints, the
# alias swap under load): Elasticsearch, the production target, when it is under test.
PRIMARY = next((name for name, r in REMOTES.items() if r.kind == "elasticsearch"), next(iter(REMOTES)))
ON_PRIMARY_ENGINE = pytest.mark.parametrize(
    "remote", [pytest.param(PRIMARY, marks=pytest.mark.engine, id=PRIMARY)], indirect=True
)


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


def remote_index(url: str, alias: str, kind: str) -> RemoteIndex:
    settings = Settings(_env_file=None, engine=kind, engine_url=url, index_alias=alias)  # type: ignore[call-arg, arg-type]
    return open_remote_index(settings)


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
