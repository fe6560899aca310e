"""What the test nodes (OpenSearch, Elasticsearch) share: Java, Maven, and one JVM as a child process.

Stdlib only, so the node modules also run as plain scripts. Each node subclass of `JvmNode` says
how to build its jars (`prepare`), its command line (`command`), and how its log announces the
HTTP address (`address_from_log`); the rest is here:

* `launch()` starts the JVM and returns at once, `wait_ready()` waits for yellow/green health:
  the suite launches every node first and then waits, so the JVMs start in parallel;
* the JVM runs in its own process group with its stdout+stderr in `<home>/node.log`; `stop()`
  sends SIGTERM to the group (SIGKILL after `stop_timeout`) and removes the home folder;
* on Linux the JVM gets `PR_SET_PDEATHSIG=SIGTERM`, so a Python process that dies (even
  `kill -9`) takes its node with it. Linux sends it when the *thread* that started the JVM exits:
  launch nodes from the main thread (pytest fixtures and hooks do);
* a failed start raises `NodeStartError` with the reason and the tail of the node's log.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[3]
BUILD_DIR = REPO_ROOT / "build"
JVM_DIRS = (Path("/usr/lib/jvm"), Path("/usr/java"), Path("/opt/java"))

# Never send the node's loopback traffic through an http_proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class NodeStartError(RuntimeError):
    """The node did not come up (no Java, no Maven, a failed build or start): the message says why."""


# --------------------------------------------------------------------------------------------
# Java


def java_env(java_home: Path | None = None) -> dict[str, str]:
    """The environment for Java and Maven: JAVA_HOME when given, no options meant for other JVMs."""
    env = dict(os.environ)
    env.pop("JAVA_TOOL_OPTIONS", None)  # e.g. a debugger agent
    env.pop("_JAVA_OPTIONS", None)
    if java_home is not None:
        env["JAVA_HOME"] = str(java_home)
        env["PATH"] = f"{java_home / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def java_executable(java_home: Path | None = None) -> str:
    """`<java_home>/bin/java`, else `$JAVA_HOME/bin/java`, else `java` on PATH."""
    home = java_home or (Path(os.environ["JAVA_HOME"]) if os.environ.get("JAVA_HOME") else None)
    if home is not None:
        java = home / "bin" / "java"
        if java.exists():
            return str(java)
        raise NodeStartError(f"no {java} (JAVA_HOME={home})")
    found = shutil.which("java")
    if not found:
        raise NodeStartError("no java: install a JDK (make system-deps) or set JAVA_HOME")
    return found


def java_feature(java_home: Path) -> int | None:
    """The feature release (17, 21, 25) of the JDK at `java_home`, from its `release` file."""
    try:
        text = (java_home / "release").read_text("utf-8", "replace")
    except OSError:
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)(?:\.(\d+))?', text, re.M)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def _home_of(java: str) -> Path:
    return Path(os.path.realpath(java)).parent.parent


def find_jdk(min_feature: int, max_feature: int | None = None) -> Path | None:
    """A JDK (with javac) of at least `min_feature`: JAVA_HOME, the `java` on PATH, then the
    usual JVM folders, newest first. None when there is none."""
    candidates: list[Path] = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    if shutil.which("java"):
        candidates.append(_home_of(shutil.which("java") or ""))
    for folder in JVM_DIRS:
        if folder.is_dir():
            found = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
            candidates += sorted(found, key=lambda p: java_feature(p) or 0, reverse=True)
    for home in dict.fromkeys(c.resolve() for c in candidates):
        feature = java_feature(home)
        if feature is None or feature < min_feature or (max_feature and feature > max_feature):
            continue
        if (home / "bin" / "java").exists() and (home / "bin" / "javac").exists():
            return home
    return None


# --------------------------------------------------------------------------------------------
# Maven


def digest(*paths: Path, extra: Iterable[str] = ()) -> str:
    """sha256 over files (folders: every file under them, sorted) and extra strings."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            h.update(str(file.relative_to(path.parent)).encode())
            h.update(file.read_bytes())
    for item in extra:
        h.update(item.encode())
    return h.hexdigest()


def built(out_dir: Path, fingerprint: str, must_have: str) -> bool:
    """True when `out_dir` holds a build made from inputs whose digest is `fingerprint`."""
    try:
        same = (out_dir / ".built").read_text().strip() == fingerprint
    except OSError:
        return False
    return same and any(out_dir.glob(must_have))


def maven_build(
    out_dir: Path,
    fingerprint: str,
    must_have: str,
    command: Callable[[Path], list[str]],
    *,
    java_home: Path | None = None,
    what: str = "jars",
    quiet: bool = False,
) -> Path:
    """Run Maven into a fresh folder beside `out_dir` and swap it in, unless already built.

    `command(folder)` gives the Maven command line that fills `folder`. Under a file lock, so
    parallel callers (two test runs, a run and a benchmark) build once; a `.built` marker holds the
    inputs' digest, so editing the pom or the sources builds again."""
    out_dir = out_dir.resolve()
    if built(out_dir, fingerprint, must_have):
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(out_dir.parent / f"{out_dir.name}.lock", "w") as lock:
        with contextlib.suppress(ImportError):
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        if built(out_dir, fingerprint, must_have):  # another process did it while we waited
            return out_dir
        mvn = os.environ.get("MVN") or shutil.which("mvn")
        if not mvn:
            raise NodeStartError(f"Maven (mvn) is not on PATH: it builds the {what} once (make system-deps)")
        tmp = Path(tempfile.mkdtemp(prefix=f"{out_dir.name}.tmp-", dir=out_dir.parent))
        cmd = [mvn, "-q", "-B", *command(tmp)]
        started = time.monotonic()
        if not quiet:
            print(f"[{what}] {' '.join(cmd)}", file=sys.stderr)
        proc = subprocess.run(
            cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=java_env(java_home)
        )
        if proc.returncode != 0 or not any(tmp.glob(must_have)):
            shutil.rmtree(tmp, ignore_errors=True)
            raise NodeStartError(
                f"building the {what} failed (exit {proc.returncode}): {' '.join(cmd)}\n"
                f"{tail(proc.stdout + proc.stderr, 60)}"
            )
        (tmp / ".built").write_text(fingerprint + "\n")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(tmp, out_dir)
        if not quiet:
            print(f"[{what}] built {out_dir} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return out_dir


# --------------------------------------------------------------------------------------------
# logs


def tail(text: str, lines: int) -> str:
    return "\n".join(text.splitlines()[-lines:])


def read_tail(path: Path, lines: int = 80, max_bytes: int = 256_000) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - max_bytes))
            data = f.read().decode("utf-8", "replace")
    except OSError as exc:
        return f"<cannot read {path}: {exc}>"
    return tail(data, lines)


def _pdeathsig_preexec() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGTERM the JVM if the Python parent dies, else None.

    libc is looked up here, in the parent: the child between fork and exec only calls prctl."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig, sigterm = 1, int(signal.SIGTERM)

    def preexec() -> None:
        prctl(pr_set_pdeathsig, sigterm)

    return preexec


# --------------------------------------------------------------------------------------------
# the node


class JvmNode:
    """One search node in a child JVM, for tests. Use as a context manager, or `launch()` then
    `wait_ready()` to start several at once; `stop()` always."""

    kind = ""  # "opensearch", "elasticsearch": the OCOP_ENGINE value that talks to it
    error = NodeStartError

    def __init__(
        self,
        *,
        home: str | os.PathLike[str] | None = None,
        cluster_name: str = "ocop-test",
        heap_min: str = "512m",
        heap_max: str = "1g",
        jvm_args: Iterable[str] = (),
        startup_timeout: float = 180.0,
        stop_timeout: float = 30.0,
        keep_home: bool | None = None,
    ) -> None:
        self._given_home = Path(home) if home else None
        self.cluster_name = cluster_name
        self.heap_min = heap_min
        self.heap_max = heap_max
        self.jvm_args = list(jvm_args)
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        if keep_home is None:
            keep_home = os.environ.get("OCOP_TEST_NODE_KEEP", "") not in ("", "0")
        self.keep_home = keep_home

        self.home: Path | None = None
        self.url: str | None = None
        self.log_path: Path | None = None
        self.startup_seconds: float | None = None
        self.stop_seconds: float | None = None
        self.returncode: int | None = None  # of the JVM, after stop(); 143 = ended by SIGTERM
        self._proc: subprocess.Popen[bytes] | None = None
        self._created_home = False
        self._launched_at = 0.0

    # -- what a node kind says -------------------------------------------------------------

    def build(self) -> None:
        """Build or resolve the jars (a while the first time, then a marker check); thread-safe, so
        several nodes can build at once before they are launched."""

    def configure(self, home: Path) -> None:
        """Write the node's configuration under its new home folder."""

    def command(self, home: Path) -> list[str]:
        raise NotImplementedError

    def address_from_log(self, log: str) -> str | None:
        """`http://host:port` once the log says the node listens, else None."""
        raise NotImplementedError

    def diagnostics(self, reason: str = "", lines: int = 60) -> str:
        """Why the node is not up: the reason and the tail of its log."""
        parts = [reason] if reason else []
        parts.append(f"home: {self.home}")
        if self.log_path is not None:
            parts.append(f"--- tail of {self.log_path} ---\n{read_tail(self.log_path, lines)}")
        return "\n".join(parts)

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def __enter__(self) -> JvmNode:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> JvmNode:
        self.launch()
        self.wait_ready()
        return self

    def launch(self) -> JvmNode:
        """Build, then start the JVM without waiting for it (see `wait_ready`)."""
        if self._proc is not None:
            raise RuntimeError("node already launched")
        try:
            self.build()
            if self._given_home:
                self.home = self._given_home.resolve()
                self._created_home = not self.home.exists()
                self.home.mkdir(parents=True, exist_ok=True)
            else:
                self.home = Path(tempfile.mkdtemp(prefix=f"ocop-{self.kind}-"))
                self._created_home = True
            self.configure(self.home)
            self.log_path = self.home / "node.log"
            cmd = self.command(self.home)
            self._launched_at = time.monotonic()
            # The child keeps its own copy of the descriptor; the parent's is closed at once.
            with open(self.log_path, "ab") as log:
                log.write(("$ " + " ".join(cmd) + "\n").encode())
                log.flush()
                self._proc = subprocess.Popen(
                    cmd,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=self.home,
                    env=java_env(),
                    start_new_session=True,  # own process group: stop() signals the whole group
                    preexec_fn=_pdeathsig_preexec(),
                )
        except BaseException:
            self.stop()
            raise
        # Safety net for a caller that never calls stop(); PR_SET_PDEATHSIG covers a parent that
        # dies without running atexit.
        atexit.register(self.stop)
        return self

    def wait_ready(self) -> str:
        """Wait until the node answers with yellow or green health; returns its URL."""
        if self._proc is None:
            raise RuntimeError("node not launched")
        if self.startup_seconds is not None and self.url:
            return self.url
        deadline = self._launched_at + self.startup_timeout
        last = "no answer yet"
        while True:
            code = self._proc.poll()
            if code is not None:
                self.fail(f"the JVM exited with code {code} before the node was ready")
            address = self.url or self.address_from_log(self._log_text())
            if address:
                self.url = address
                try:
                    health = self.request(
                        "GET", "/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=5
                    )
                    if health.get("status") in ("yellow", "green"):
                        self.startup_seconds = time.monotonic() - self._launched_at
                        return self.url
                    last = f"health {health.get('status')}"
                except (OSError, ValueError) as exc:  # refused, reset, 503, half-written JSON
                    last = f"{type(exc).__name__}: {exc}"
            if time.monotonic() > deadline:
                self.fail(f"no yellow/green health within {self.startup_timeout:.0f} s (last: {last})")
            time.sleep(0.2)

    def fail(self, reason: str) -> None:
        """Raise this node's start error with the diagnostics; the node is stopped (its log kept)."""
        message = self.diagnostics(reason)
        self.keep_home = True  # the log is named in the message
        self.stop()
        raise self.error(message)

    def stop(self) -> None:
        """SIGTERM the process group, SIGKILL after `stop_timeout`; remove the home folder."""
        atexit.unregister(self.stop)
        proc, self._proc = self._proc, None
        if proc is not None:
            started = time.monotonic()
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(self.stop_timeout)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(30)
            self.returncode = proc.returncode
            self.stop_seconds = time.monotonic() - started
        if self.home is not None and self._created_home and not self.keep_home:
            shutil.rmtree(self.home, ignore_errors=True)
        self.url = None

    def _log_text(self) -> str:
        try:
            return self.log_path.read_text("utf-8", "replace") if self.log_path else ""
        except OSError:
            return ""

    # -- small helpers ------------------------------------------------------------------------

    def request(self, method: str, path: str, body: object = None, *, timeout: float = 30) -> dict:
        """JSON request to the node; HTTP errors raise `urllib.error.HTTPError`."""
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


def add_node_arguments(parser: argparse.ArgumentParser) -> None:
    """The command-line options every node script takes."""
    parser.add_argument("--home", default=None, help="node folder (kept afterwards)")
    parser.add_argument("--cluster-name", default="ocop-dev")
    parser.add_argument("--heap", default="1g", help="-Xmx (default 1g)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for health")


def node_options(args: argparse.Namespace) -> dict[str, Any]:
    """`JvmNode` keyword arguments from `add_node_arguments`' options."""
    return {
        "home": args.home,
        "cluster_name": args.cluster_name,
        "heap_max": args.heap,
        "startup_timeout": args.timeout,
        "keep_home": True if args.home else None,
    }


def serve_until_interrupted(node: JvmNode) -> int:
    """The command-line loop of a node script: start, print the URL, stop on Ctrl-C or SIGTERM."""

    def on_sigterm(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_sigterm)
    # A shell's background job inherits SIGINT ignored; Ctrl-C must work all the same.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        node.start()
    except NodeStartError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        print(node.url, flush=True)
        rss = node.rss_kib()
        print(
            f"[{node.kind}] up in {node.startup_seconds:.1f} s, pid {node.pid}, "
            f"RSS {rss // 1024 if rss else '?'} MiB, home {node.home}; Ctrl-C to stop",
            file=sys.stderr,
            flush=True,
        )
        while node._proc is not None and node._proc.poll() is None:
            time.sleep(1)
        print(f"[{node.kind}] the node exited by itself", file=sys.stderr)
        print(node.diagnostics(lines=20), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        node.stop()
