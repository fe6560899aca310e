"""An HTTP shim that lets the official `elasticsearch` client talk to the OpenSearch test node.

No Elasticsearch server runs here (CI has Maven Central, not Elastic's downloads), yet the
Elasticsearch side of `indexer.engines.elastic` should be exercised: its client builds every request
from keyword arguments, and a wrong one only shows when called. The shim forwards each request to
OpenSearch and papers over the three things that differ on the wire:

- the client's `application/vnd.elasticsearch+json; compatible-with=N` media types → plain JSON;
- the product check: answers get `X-Elastic-Product: Elasticsearch`;
- point in time: `POST /{index}/_pit` and `DELETE /_pit` → OpenSearch's `_search/point_in_time`.

It proves the client calls are well-formed and that the shared DSL works through them; it is not a
substitute for a run against real Elasticsearch (see docs/engines.md).
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, urlunsplit

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ElasticsearchShim:
    """`with ElasticsearchShim(opensearch_url) as url:` gives an Elasticsearch-looking URL."""

    def __init__(self, target: str):
        self.target = target.rstrip("/")
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        target = self.target

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
                parts = urlsplit(self.path)
                path, rename = parts.path, None
                if self.command == "POST" and path.endswith("/_pit"):
                    path, rename = path[: -len("/_pit")] + "/_search/point_in_time", ("pit_id", "id")
                elif self.command == "DELETE" and path == "/_pit":
                    path = "/_search/point_in_time"
                    body = json.dumps({"pit_id": [json.loads(body or b"{}")["id"]]}).encode()
                kind = self.headers.get("Content-Type", "application/json")
                headers = {"Content-Type": "application/x-ndjson" if "ndjson" in kind else "application/json"}
                url = target + urlunsplit(("", "", path, parts.query, ""))
                request = urllib.request.Request(url, data=body, method=self.command, headers=headers)
                try:
                    with _OPENER.open(request, timeout=60) as response:
                        status, payload = response.status, response.read()
                except urllib.error.HTTPError as error:
                    status, payload = error.code, error.read()
                if rename and status == 200:
                    data = json.loads(payload)
                    data[rename[1]] = data.pop(rename[0])
                    payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        return Handler
