"""Serve the sample news site ("Báo Mẫu OCOP", written for the demo) over HTTP.

``python -m samples.server [--port 8765] [--host 127.0.0.1] [--root DIR] [--verbose]``

The site is built at startup for the server's own base URL (RSS and sitemaps need absolute
URLs, and the port is only known once the socket is bound). Responses behave like a
well-configured news CDN, because the crawler relies on it: ``Last-Modified`` and ``ETag``
with 304 answers to conditional GETs, explicit charsets for UTF-8 pages, and NO charset for
the legacy windows-1258 page so that only its ``<meta charset>`` tells the truth.

Tests use :func:`serve_sample_site`, which runs the server in a background thread.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from samples.sitegen import SITE_NAME, build_site

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
NOT_FOUND_HTML = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang - '
    f'{SITE_NAME}</title></head><body><h1>404 - Không tìm thấy trang</h1><p><a href="/">Về trang chủ'
    "</a></p></body></html>\n"
)
#: The legacy page is sent without a charset, like the old servers that produced such pages.
LEGACY_CONTENT_TYPE = "text/html"


class SampleSiteHandler(SimpleHTTPRequestHandler):
    """Static files with ETag/Last-Modified, clean directory URLs and no directory listings."""

    server_version = "BaoMauOCOP/1.0"
    # Keep-alive like a real news CDN; every response carries Content-Length, so this is safe.
    protocol_version = "HTTP/1.1"
    verbose = False
    _etags: dict[tuple[str, int, int], str] = {}
    _etag_lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        if self.verbose:
            super().log_message(format, *args)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        name = os.path.basename(os.fspath(path))
        if name.startswith("legacy-encoding-") and name.endswith(".html"):
            return LEGACY_CONTENT_TYPE
        ext = os.path.splitext(name)[1].lower()
        return CONTENT_TYPES.get(ext) or super().guess_type(path)

    def _etag_for(self, path: str, stat: os.stat_result) -> str:
        """Strong ETag from the content hash, cached per (path, mtime, size)."""
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._etag_lock:
            cached = self._etags.get(key)
        if cached is None:
            with open(path, "rb") as handle:
                cached = '"' + hashlib.sha1(handle.read()).hexdigest()[:20] + '"'
            with self._etag_lock:
                self._etags[key] = cached
        return cached

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
            tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = email.utils.parsedate_to_datetime(if_modified_since)
            except (TypeError, ValueError, IndexError):
                return False
            if since.tzinfo is None:
                return False
            return int(mtime) <= since.timestamp()
        return False

    def _send_not_found(self) -> None:
        """A UTF-8 404 page (``send_error`` would put its message in the latin-1 status line)."""
        body = NOT_FOUND_HTML.encode("utf-8")
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            # Serve /tag/ocop/trang-2 directly from …/trang-2/index.html, without the redirect a
            # plain static server would send; the site's own links never carry a trailing slash.
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self._send_not_found()
            return None
        stat = os.stat(path)
        etag = self._etag_for(path, stat)
        last_modified = self.date_time_string(int(stat.st_mtime))
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", "public, max-age=60")
            self.end_headers()
            return None
        handle = open(path, "rb")  # noqa: SIM115 (closed by the base class after copying)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", last_modified)
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "public, max-age=60")
        self.end_headers()
        return handle


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 0, verbose: bool = False
) -> ThreadingHTTPServer:
    handler = type("Handler", (SampleSiteHandler,), {"verbose": verbose})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(root)))
    server.daemon_threads = True
    return server


def _base_url(server: ThreadingHTTPServer, host: str) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{server.server_address[1]}"


@contextmanager
def serve_sample_site(
    port: int = 0, host: str = "127.0.0.1", root: Path | None = None, verbose: bool = False
) -> Iterator[str]:
    """Build the site for a fresh port, serve it in a background thread, yield its base URL.

    ``port=0`` picks a free port. With ``root`` the site is built into that directory and kept;
    otherwise a temporary directory is used and removed afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="baomau-ocop-") as tmp:
        site_root = Path(root) if root is not None else Path(tmp)
        site_root.mkdir(parents=True, exist_ok=True)
        server = make_server(site_root, host, port, verbose)
        try:
            base_url = _base_url(server, host)
            build_site(site_root, base_url)
            thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
            thread.start()
            try:
                yield base_url
            finally:
                server.shutdown()
                thread.join(timeout=5)
        finally:
            server.server_close()


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"Serve the sample news site ({SITE_NAME}).")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--root", type=Path, help="build the site into this directory (kept) instead of a temp dir"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    # `kill PID` should clean up the temporary site directory just like Ctrl+C does.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    with serve_sample_site(args.port, args.host, args.root, args.verbose) as base_url:
        print(
            f"Sample site (written for the demo) at {base_url}/  (RSS: {base_url}/rss/ocop.rss, "
            f"sitemap: {base_url}/sitemap.xml); Ctrl+C to stop",
            flush=True,
        )
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("Stopping the sample site.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
