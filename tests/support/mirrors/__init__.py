"""Local mirrors of news sites for the crawl tests: real HTTP on 127.0.0.1, built by code.

A `Mirror` is a dictionary of pages served by a stdlib `ThreadingHTTPServer` in a thread. Pages
behave like a news CDN (ETag and Last-Modified, 304 on conditional GET), or like its failures
(404, 500, redirects, a response slower than the crawler's timeout, a robots.txt that disallows a
path). Every request is logged, so tests assert exactly what the crawler asked for. Tests change
the pages between two crawls to reproduce a listing that moved on or an article that was edited.

`NewsSite` builds the HTML, RSS and sitemaps of such a site from a list of `Story` objects, and
`write_registry` writes the registry file that points the crawler at it.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

VN = timezone(timedelta(hours=7))


@dataclass
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a timeout, for a short DOWNLOAD_TIMEOUT)
    modified: datetime = field(default_factory=lambda: datetime(2025, 1, 1, tzinfo=UTC))

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    at: float  # time.monotonic() when the request arrived


class Mirror:
    """Pages by path (query string included); `hits` lists every request in arrival order."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.hits: list[Hit] = []
        # With a gate (an unset Event), article requests after the first `gate_after` wait for it:
        # a crawl is then certainly half-way, which is when the resume test kills it.
        self.gate: threading.Event | None = None
        self.gate_after = 0
        self.gate_prefix = "/bai/"
        self.served_articles = 0
        self.waiting_at_gate = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the mirror first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def paths(self, prefix: str = "") -> list[str]:
        with self._lock:
            return [hit.path for hit in self.hits if hit.path.startswith(prefix)]

    def clear_hits(self) -> None:
        with self._lock:
            self.hits.clear()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        arrived = time.monotonic()
        page = self.pages.get(path)
        if page is None:
            status, body, headers = 404, b"<html><body><h1>404</h1></body></html>", {}
            content_type = "text/html; charset=utf-8"
        else:
            if path.startswith(self.gate_prefix):
                self._pass_gate()
            if page.delay:
                time.sleep(page.delay)
            status, body, content_type = page.status, page.body, page.content_type
            headers = {
                "ETag": page.etag,
                "Last-Modified": email.utils.format_datetime(page.modified.astimezone(UTC), usegmt=True),
                **page.headers,
            }
            if status == 200 and _not_modified(handler, page):
                status, body = 304, b""
        with self._lock:
            self.hits.append(Hit(path, dict(handler.headers.items()), status, arrived))
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)

    def _pass_gate(self) -> None:
        with self._lock:
            number = self.served_articles
            self.served_articles += 1
            gate = self.gate if number >= self.gate_after else None
            if gate is not None:
                self.waiting_at_gate += 1
        if gate is not None:
            gate.wait()

    @contextmanager
    def running(self) -> Iterator[Mirror]:
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (stdlib name)
                with suppress(BrokenPipeError, ConnectionResetError):  # the crawler gave up (timeout)
                    mirror._answer(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            if self.gate is not None:
                self.gate.set()
            self._server.shutdown()
            self._server.server_close()
            thread.join(timeout=5)


def _not_modified(handler: BaseHTTPRequestHandler, page: Page) -> bool:
    if_none_match = handler.headers.get("If-None-Match")
    if if_none_match is not None:
        return page.etag in [tag.strip() for tag in if_none_match.split(",")]
    since = handler.headers.get("If-Modified-Since")
    if since:
        try:
            return page.modified.timestamp() <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


# --- a news site built from stories ---------------------------------------------------------------


@dataclass
class Story:
    slug: str
    number: int
    title: str
    published: datetime
    paragraphs: list[str]
    modified: datetime | None = None

    @property
    def path(self) -> str:
        return f"/bai/{self.slug}-{self.number}.html"


def make_stories(count: int, start: datetime | None = None, prefix: str = "tin-ocop") -> list[Story]:
    """`count` OCOP stories, newest first, one a day going back from `start`."""
    start = start or datetime(2025, 6, 30, 9, 0, tzinfo=VN)
    stories = []
    for i in range(count):
        number = 100000 + i
        day = start - timedelta(days=i)
        title = f"Sản phẩm OCOP số {i + 1} của tỉnh được công nhận 4 sao"
        paragraphs = [
            f"Ngày {day:%d/%m/%Y}, Hội đồng đánh giá sản phẩm OCOP cấp tỉnh đã công nhận thêm"
            f" sản phẩm số {i + 1} đạt 4 sao, nâng tổng số sản phẩm OCOP của địa phương lên hơn một trăm.",
            "Theo Sở Nông nghiệp và Môi trường, các chủ thể OCOP được hỗ trợ thiết kế bao bì, truy xuất nguồn"
            " gốc và kết nối tiêu thụ qua sàn thương mại điện tử, giúp sản phẩm vươn ra thị trường lớn hơn.",
            "Chương trình Mỗi xã một sản phẩm tiếp tục là động lực phát triển kinh tế nông thôn, tạo việc làm"
            " cho hàng nghìn lao động và giữ gìn các làng nghề truyền thống của tỉnh.",
        ]
        stories.append(Story(f"{prefix}-{i + 1}", number, title, day, paragraphs))
    return stories


def article_html(base: str, story: Story) -> bytes:
    published = story.published.isoformat()
    modified = (story.modified or story.published).isoformat()
    body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(story.title)} - Báo Gương</title>
<link rel="canonical" href="{base}{story.path}">
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
</head><body><header><a href="/">Báo Gương</a> <a href="/tag/ocop">OCOP</a></header>
<main><article><h1>{html.escape(story.title)}</h1>
<p class="date">{story.published:%d/%m/%Y %H:%M}</p><div class="content">{body}</div>
<p class="author">Minh Anh</p></article></main>
<footer><a href="http://localhost:9/bai/ngoai-trang-999999.html">Trang khác</a></footer>
</body></html>""".encode()


def listing_html(title: str, links: list[str], next_path: str | None = None) -> bytes:
    items = "".join(f'<li><a href="{path}">Bài {path}</a></li>' for path in links)
    nxt = f'<a rel="next" href="{next_path}">Trang sau</a>' if next_path else ""
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(title)}</title></head><body><a href="/">Trang chủ</a><ul>{items}</ul>{nxt}
<a href="http://localhost:9/bai/ngoai-trang-999998.html">Báo khác</a></body></html>""".encode()


def rss_xml(base: str, stories: list[Story]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(s.title)}</title><link>{base}{s.path}</link>"
        f"<pubDate>{email.utils.format_datetime(s.modified or s.published)}</pubDate></item>"
        for s in stories
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Gương</title>
<link>{base}/</link>{items}</channel></rss>""".encode()


def sitemap_index(base: str, children: list[tuple[str, datetime]]) -> bytes:
    entries = "".join(
        f"<sitemap><loc>{base}{p}</loc><lastmod>{d.isoformat()}</lastmod></sitemap>" for p, d in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def news_sitemap(base: str, stories: list[Story]) -> bytes:
    entries = "".join(
        f"<url><loc>{base}{s.path}</loc><lastmod>{(s.modified or s.published).isoformat()}</lastmod>"
        f"<news:news><news:publication><news:name>Báo Gương</news:name><news:language>vi</news:language>"
        f"</news:publication><news:publication_date>{s.published.isoformat()}</news:publication_date>"
        f"<news:title>{html.escape(s.title)}</news:title></news:news></url>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        f' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
    ).encode()


class NewsSite:
    """A mirror laid out like a Vietnamese news site: articles under /bai/, an OCOP tag listing with
    `/tag/ocop/trang-N` pagination, a search page, RSS, a sitemap index with a news sitemap."""

    def __init__(self, mirror: Mirror, per_page: int = 5):
        self.mirror = mirror
        self.per_page = per_page

    def publish(self, stories: list[Story]) -> None:
        """(Re)write every page of the site for this list of stories (newest first)."""
        base = self.mirror.base_url
        for story in stories:
            page = self.mirror.pages.get(story.path)
            body = article_html(base, story)
            if page is None or page.body != body:
                self.mirror.pages[story.path] = Page(body, modified=story.modified or story.published)
        pages = [stories[i : i + self.per_page] for i in range(0, len(stories), self.per_page)] or [[]]
        for number, chunk in enumerate(pages, start=1):
            path = "/tag/ocop" if number == 1 else f"/tag/ocop/trang-{number}"
            self._set(path, listing_html("OCOP", [s.path for s in chunk]))
            search = f"/tim-kiem?q=OCOP&page={number}"
            self._set(search, listing_html("Tìm kiếm OCOP", [s.path for s in chunk]))
        self._set(
            "/rss/ocop.rss", rss_xml(base, stories[: self.per_page]), "application/rss+xml; charset=utf-8"
        )
        newest = max((s.modified or s.published for s in stories), default=datetime(2025, 1, 1, tzinfo=UTC))
        self._set("/sitemap.xml", sitemap_index(base, [("/sitemaps/news.xml", newest)]), "application/xml")
        self._set("/sitemaps/news.xml", news_sitemap(base, stories[: self.per_page]), "application/xml")
        self._set("/robots.txt", b"User-agent: *\nDisallow: /admin/\n", "text/plain")

    def _set(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        page = self.mirror.pages.get(path)
        if page is None or page.body != body:
            self.mirror.pages[path] = Page(
                body, content_type, modified=datetime.now(UTC).replace(microsecond=0)
            )


def write_registry(
    directory: Path,
    base_url: str,
    *,
    key: str = "mirror",
    listings: bool = True,
    search: bool = False,
    rss: bool = False,
    sitemaps: bool = False,
    max_pages: int = 20,
    extra: str = "",
) -> Path:
    """A registry directory with one site file pointing at the mirror (delay 0: tests only)."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        f'name = "Báo Gương ({key})"',
        f'base_url = "{base_url}/"',
        'kind = "mirror"',
        "verified = true",
        "",
        "[discovery]",
        f"max_pages = {max_pages}",
        f"rss = {['/rss/ocop.rss'] if rss else []}",
        f"sitemaps = {['/sitemap.xml'] if sitemaps else []}",
    ]
    if listings:
        lines += ["", "[[discovery.listings]]", 'url = "/tag/ocop"', 'pagination = "/tag/ocop/trang-{page}"']
    if search:
        lines += ["", "[[discovery.search]]", 'url = "/tim-kiem?q=OCOP&page={page}"']
    lines += [
        "",
        "[articles]",
        r"url_patterns = ['/bai/[a-z0-9-]+-\d+\.html$']",
        "",
        "[politeness]",
        "delay = 0.0",
        "concurrency = 2",
        extra,
    ]
    path = directory / f"{key}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
