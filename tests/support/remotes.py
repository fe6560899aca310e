"""The remote engines under test: which ones (`OCOP_TEST_ENGINES`, or the cluster at
`OCOP_TEST_ENGINE_URL`), each one's node started in a thread of its own, and a `RemoteIndex` on it.

tests/engine/conftest.py starts the nodes as soon as collection ends and stops them at the end;
the engine tests choose their engines through `REMOTE_PARAMS` and `ON_PRIMARY_ENGINE`.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

import pytest

from indexer.engines.elastic.index import RemoteIndex, open_remote_index
from indexer.settings import Settings
from tests.support.environment import IN_CI
from tests.support.nodes.jvm_node import JvmNode

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
        from tests.support.nodes.elasticsearch_node import ElasticsearchNode
        from tests.support.nodes.opensearch_node import OpenSearchNode

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


def remote_index(url: str, alias: str, kind: str) -> RemoteIndex:
    settings = Settings(_env_file=None, engine=kind, engine_url=url, index_alias=alias)  # type: ignore[call-arg, arg-type]
    return open_remote_index(settings)
