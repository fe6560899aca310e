"""Start a real single-node Elasticsearch for the engine tests, from Maven Central jars (stdlib only).

Elastic's download site is not reachable from CI, Maven Central is: the server jar
(`org.elasticsearch:elasticsearch`) and the Netty transport plugin are published there, and
`tests/support/nodes/elasticsearch/` is a small Maven project that compiles our launcher against them
and copies every runtime jar beside it. The launcher (`ocop.esnode.Main`) builds the server's
`Node` directly, as the server does after its bootstrap (which needs a distribution's layout and
agent), with Netty for HTTP and transport and a handler for `GET /`::

    from tests.support.nodes.elasticsearch_node import ElasticsearchNode

    with ElasticsearchNode() as node:    # 9.x on a Java 21+ JDK if one is installed, else 8.x
        print(node.url, node.version)

Manual use::

    python tests/support/nodes/elasticsearch_node.py                  # start, print the URL, Ctrl-C stops
    python tests/support/nodes/elasticsearch_node.py --version 8.19.21
    python tests/support/nodes/elasticsearch_node.py --build          # only build (ahead of a run)

What a node from these jars lacks (modules that are not published): analysis-common
(`asciifolding`, the `pattern` tokenizer, `edge_ngram`, `synonym`...), painless, reindex
(`_delete_by_query`, `_reindex`), the aggregations module (`bucket_sort`), mapper-extras. The
project's mapping uses none of them. See docs/elasticsearch-node.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tests.support.nodes` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.support.nodes.jvm_node import (  # noqa: E402
    BUILD_DIR,
    JvmNode,
    NodeStartError,
    add_node_arguments,
    digest,
    find_jdk,
    java_feature,
    maven_build,
    node_options,
    serve_until_interrupted,
)

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "elasticsearch"  # pom.xml + the launcher's sources
MAIN = "ocop.esnode.Main"
LAUNCHER_JAR = "ocop-es-node.jar"
READY = re.compile(r"ocop-es-node listening on (http://[\w.:\[\]-]+) \((\d+) ms after JVM start\)")

# Tested versions and the Java each needs: 9.x jars are Java 21 class files; 8.19 runs on 17.
VERSIONS = {"9.5.3": 21, "8.19.21": 17}


class ElasticsearchStartError(NodeStartError):
    """The node did not come up; the message carries the reason and the tail of its log."""


def choose_version(requested: str | None = None) -> tuple[str, Path]:
    """The version to run and the JDK for it: `requested` ("9", "8", "9.5.3", ...), else the newest
    one a JDK here can run (9.x needs Java 21+; 8.x runs on Java 17)."""
    wanted = [v for v in VERSIONS if requested is None or v == requested or v.split(".")[0] == requested]
    if not wanted:
        raise ElasticsearchStartError(
            f"unknown Elasticsearch version {requested!r}; tested: {', '.join(VERSIONS)}"
        )
    for version in wanted:
        jdk = find_jdk(VERSIONS[version])
        if jdk is not None:
            return version, jdk
    needs = ", ".join(f"{v} needs a Java {VERSIONS[v]}+ JDK" for v in wanted)
    raise ElasticsearchStartError(f"no JDK to run Elasticsearch: {needs} (make system-deps installs Java 17)")


def node_dir(version: str) -> Path:
    return BUILD_DIR / f"elasticsearch-{version}"


def ensure_build(version: str, jdk: Path, *, quiet: bool = False) -> Path:
    """Compile the launcher against `version` and copy the runtime jars into build/elasticsearch-V/lib.

    A no-op when the pom and sources are unchanged since the last build (a `.built` digest)."""
    release = str(VERSIONS[version])
    fingerprint = digest(PROJECT / "pom.xml", PROJECT / "src", extra=[version, release])

    def command(folder: Path) -> list[str]:
        return [
            "-f",
            str(PROJECT / "pom.xml"),
            "package",
            f"-Delasticsearch.version={version}",
            f"-Djava.release={release}",
            f"-Dnode.dir={folder}",
        ]

    return maven_build(
        node_dir(version),
        fingerprint,
        f"lib/{LAUNCHER_JAR}",
        command,
        java_home=jdk,
        what=f"Elasticsearch {version} node",
        quiet=quiet,
    )


class ElasticsearchNode(JvmNode):
    """One Elasticsearch node in a child JVM: `url`, `version`, `jdk`, `home` (config/, data/,
    logs/, node.log), `pid`, `rss_kib()`; HTTP and transport on free ports the node picks."""

    kind = "elasticsearch"
    error = ElasticsearchStartError

    def __init__(self, *, version: str | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.version, self.jdk = choose_version(version or os.environ.get("OCOP_TEST_ELASTICSEARCH") or None)
        self.http_up_seconds: float | None = None

    @property
    def lib_dir(self) -> Path:
        return node_dir(self.version) / "lib"

    def build(self) -> None:
        ensure_build(self.version, self.jdk)

    def command(self, home: Path) -> list[str]:
        settings = {
            "path.home": home,
            "path.data": home / "data",
            "path.logs": home / "logs",
            "cluster.name": self.cluster_name,
            "node.name": f"{self.cluster_name}-node",
            "discovery.type": "single-node",
            "network.host": "127.0.0.1",
            "http.port": 0,  # any free port: the launcher prints the one bound
            "transport.port": 0,
            # tests must not go read-only (flood stage) on a nearly full disk
            "cluster.routing.allocation.disk.threshold_enabled": "false",
        }
        return [
            str(self.jdk / "bin" / "java"),
            f"-Xms{self.heap_min}",
            f"-Xmx{self.heap_max}",
            "-Dfile.encoding=UTF-8",
            # no bundled native libraries (zstd, systemd...): a folder of none, rather than a
            # stack trace at start; the node runs without native methods
            f"-Des.nativelibs.path={home / 'native'}",
            "--enable-native-access=ALL-UNNAMED",
            # Lucene's vectorised code paths (it ignores them, with a warning, before Java 21)
            *(["--add-modules=jdk.incubator.vector"] if (java_feature(self.jdk) or 0) >= 21 else []),
            *self.jvm_args,
            "-cp",
            str(self.lib_dir / "*"),
            MAIN,
            *(f"-E{key}={value}" for key, value in settings.items()),
        ]

    def address_from_log(self, log: str) -> str | None:
        match = READY.search(log)
        if not match:
            return None
        self.http_up_seconds = int(match.group(2)) / 1000  # JVM start → HTTP listening, as the node saw it
        return match.group(1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--version", default=None, help=f"one of {', '.join(VERSIONS)} (or 9, 8)")
    ap.add_argument("--build", action="store_true", help="only build the launcher and jars, then exit")
    add_node_arguments(ap)
    args = ap.parse_args(argv)
    if args.build:
        try:
            version, jdk = choose_version(args.version)
            print(ensure_build(version, jdk))
        except NodeStartError as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    node = ElasticsearchNode(version=args.version, **node_options(args))
    return serve_until_interrupted(node)


if __name__ == "__main__":
    sys.exit(main())
