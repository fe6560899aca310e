"""`ocop sites list` and `ocop sites check`: what the registry holds, and whether it still works.

The registry's URL patterns were written without access to the live sites; `check` is how an
operator confirms them. It fetches every entry point once (page 1 of each listing and search,
each feed and sitemap), politely: robots.txt first, the site's own delay between requests, the
crawler's User-Agent. For each it reports the HTTP status and how many links match the site's
article patterns, so a wrong pattern shows up as "0 article links" rather than a silent empty
crawl.
"""

from __future__ import annotations

import gzip
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import typer
from parsel import Selector
from protego import Protego
from rich.console import Console
from rich.table import Table

from crawler import settings as crawler_settings
from crawler.feeds import FeedError, parse_feed, parse_sitemap
from crawler.sites import SiteConfig, load_registry, registry_dir
from crawler.urls import canonicalize_url, joined_url
from indexer.errors import ExitCode
from ocop_watch.cli_app import sites_app

USER_AGENT = crawler_settings.USER_AGENT


def _registry(directory: Path | None) -> dict[str, SiteConfig]:
    return load_registry(registry_dir(directory))  # an invalid file: SiteConfigError, exit code 4


@sites_app.command("list")
def list_sites(
    registry: Path | None = typer.Option(
        None, help="Registry directory (default: $OCOP_SITES_DIR, else bundled)"
    ),
) -> None:
    """Every outlet in the registry with its discovery methods and politeness settings."""
    sites = _registry(registry)
    table = Table(title=f"{len(sites)} outlets in the registry")
    for column in ("site", "name", "kind", "enabled", "verified", "discovery", "delay", "conc."):
        table.add_column(column)
    for site in sites.values():
        table.add_row(
            site.key,
            site.name,
            site.kind,
            "yes" if site.enabled else "[dim]no[/dim]",
            "[green]yes[/green]" if site.verified else "[yellow]no[/yellow]",
            ", ".join(site.discovery.methods),
            f"{site.politeness.delay:g} s",
            str(site.politeness.concurrency),
        )
    Console().print(table)


@dataclass
class Probe:
    site: str
    kind: str
    url: str
    status: str  # OK | EMPTY | FAIL | BLOCKED
    detail: str
    article_links: int = 0


def _fetch(url: str, timeout: float) -> tuple[int, str, bytes]:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip", "Accept-Language": "vi,en;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(crawler_settings.DOWNLOAD_MAXSIZE + 1)
            status, content_type = response.status, response.headers.get("Content-Type", "")
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), b""
    return status, content_type, body


class _Robots:
    """robots.txt per host, fetched once, as the crawler will see it."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self._parsers: dict[str, Protego | None] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._parsers:
            try:
                status, _, body = _fetch(origin + "/robots.txt", self.timeout)
                self._parsers[origin] = (
                    Protego.parse(body.decode("utf-8", "replace")) if status == 200 else None
                )
            except (OSError, ValueError):
                self._parsers[origin] = None
        parser = self._parsers[origin]
        return parser is None or parser.can_fetch(url, USER_AGENT)


def probe_site(site: SiteConfig, robots: _Robots, timeout: float, delay: float | None) -> list[Probe]:
    targets = [("listing", listing.first_page) for listing in site.discovery.listings]
    targets += [("search", listing.first_page) for listing in site.discovery.search]
    targets += [("rss", url) for url in site.discovery.rss] + [
        ("sitemap", url) for url in site.discovery.sitemaps
    ]
    probes = []
    for index, (kind, url) in enumerate(targets):
        url = site.absolute(url)
        if index:
            time.sleep(site.politeness.delay if delay is None else delay)
        if not robots.allowed(url):
            probes.append(Probe(site.key, kind, url, "BLOCKED", "disallowed by robots.txt"))
            continue
        started = time.monotonic()
        try:
            status, content_type, body = _fetch(url, timeout)
        except (OSError, ValueError) as exc:
            probes.append(Probe(site.key, kind, url, "FAIL", f"{type(exc).__name__}: {exc}"[:120]))
            continue
        took = f"{time.monotonic() - started:.1f} s"
        if status >= 400:
            probes.append(Probe(site.key, kind, url, "FAIL", f"HTTP {status} ({took})"))
            continue
        probes.append(_inspect(site, kind, url, body, f"HTTP {status}, {content_type.split(';')[0]}, {took}"))
    return probes


def _inspect(site: SiteConfig, kind: str, url: str, body: bytes, head: str) -> Probe:
    try:
        if kind in ("listing", "search"):
            hrefs = Selector(body=body, base_url=url).css("a::attr(href)").getall()
            links = {canonicalize_url(joined) for h in hrefs if (joined := joined_url(url, h))}
            matched = {u for u in links if site.is_article_url(u)}
            detail = f"{head}; {len(links)} links, {len(matched)} article links"
        elif kind == "rss":
            entries = parse_feed(body)
            matched = {e.url for e in entries if site.is_article_url(canonicalize_url(e.url))}
            ocop = sum(site.passes_link_filter(u) for u in matched)
            detail = f"{head}; {len(entries)} items, {len(matched)} article links, {ocop} pass link_filter"
        else:
            doc = parse_sitemap(body)
            if doc.is_index:
                detail = f"{head}; index of {len(doc.entries)} sitemaps"
                return Probe(site.key, kind, url, "OK" if doc.entries else "EMPTY", detail, len(doc.entries))
            matched = {e.url for e in doc.entries if site.is_article_url(canonicalize_url(e.url))}
            detail = f"{head}; {len(doc.entries)} URLs, {len(matched)} article links"
    except FeedError as exc:
        return Probe(site.key, kind, url, "FAIL", f"{head}; not a {kind}: {exc}"[:160])
    return Probe(site.key, kind, url, "OK" if matched else "EMPTY", detail, len(matched))


@sites_app.command("check")
def check_sites(
    sites: list[str] = typer.Argument(None, help="Site keys (default: every enabled site)"),
    registry: Path | None = typer.Option(
        None, help="Registry directory (default: $OCOP_SITES_DIR, else bundled)"
    ),
    timeout: float = typer.Option(20.0, help="Seconds per request"),
    delay: float | None = typer.Option(None, help="Seconds between requests (default: each site's delay)"),
) -> None:
    """Fetch every entry point once and report what works; exit 1 if a site has none working."""
    registry_sites = _registry(registry)
    unknown = [s for s in sites or [] if s not in registry_sites]
    if unknown:
        raise typer.BadParameter(f"unknown site(s): {', '.join(unknown)}")
    chosen = (
        [registry_sites[s] for s in sites] if sites else [s for s in registry_sites.values() if s.enabled]
    )
    robots = _Robots(timeout)
    table = Table(title="Entry points")
    for column in ("site", "kind", "status", "url", "detail"):
        table.add_column(column, overflow="fold")
    dead = []
    for site in chosen:
        probes = probe_site(site, robots, timeout, delay)
        for probe in probes:
            style = {"OK": "green", "EMPTY": "yellow"}.get(probe.status, "red")
            table.add_row(
                probe.site, probe.kind, f"[{style}]{probe.status}[/{style}]", probe.url, probe.detail
            )
        if not any(p.status == "OK" for p in probes):
            dead.append(site.key)
    console = Console(width=200)
    console.print(table)
    if dead:
        console.print(f"[red]no working entry point:[/red] {', '.join(dead)}")
        raise typer.Exit(ExitCode.PARTLY_FAILED)
