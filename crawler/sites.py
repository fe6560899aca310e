"""The site registry: one TOML file per outlet in `crawler/sites/`, validated when loaded.

Behaviour comes from this data, not from a spider subclass per site: adding an outlet is adding a
file. A mistake in a file is reported with the file name and the offending key. Operators (and
the tests' local mirrors) point the crawler at another directory with OCOP_SITES_DIR or
`scrapy crawl news -a registry=DIR`.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from indexer.errors import ConfigurationError, InvalidArgument
from indexer.settings import load_settings

REGISTRY_DIR = Path(__file__).parent / "sites"
KINDS = ("national", "trade", "provincial", "portal", "sample", "mirror")


class SiteConfigError(ConfigurationError, ValueError):
    """A registry file is missing, unreadable or invalid; the message names the file and key."""


class UnknownSite(InvalidArgument, SiteConfigError):
    """A site asked for on the command line is not in the registry: a usage error."""


def _check_template(value: str, required: bool) -> str:
    """A URL template may hold only the `{page}` field: a stray brace is a typo, not a feature."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        raise ValueError(f"bad URL template {value!r}: {exc}") from exc
    if fields - {"page"}:
        raise ValueError(f"URL template {value!r} may only contain {{page}}, not {sorted(fields - {'page'})}")
    if required and "page" not in fields:
        raise ValueError(f"pagination template {value!r} must contain {{page}}")
    return value


class Listing(BaseModel):
    """A paginated list of article links: a tag/topic page or the site's search for "OCOP"."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(description="page 1; may itself be a template with {page} (search pages often are)")
    pagination: str | None = Field(
        default=None, description="URL of page N with {page}; default: url if it has {page}, else rel=next"
    )
    max_pages: int | None = Field(default=None, ge=1, le=1000)

    @field_validator("url")
    @classmethod
    def _url_template(cls, value: str) -> str:
        return _check_template(value, required=False)

    @field_validator("pagination")
    @classmethod
    def _pagination_template(cls, value: str | None) -> str | None:
        return None if value is None else _check_template(value, required=True)

    @property
    def first_page(self) -> str:
        return self.url.format(page=1)

    @property
    def template(self) -> str | None:
        """How to reach page N; None means "follow the page's rel=next link"."""
        return self.pagination or (self.url if "{page}" in self.url else None)


class Discovery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    listings: list[Listing] = Field(default_factory=list, description="OCOP tag/topic pages")
    search: list[Listing] = Field(default_factory=list, description="the site's search for OCOP")
    max_pages: int = Field(default=30, ge=1, le=1000, description="default page limit of each listing")
    rss: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list, description="sitemap index or (news) sitemap URLs")
    sitemap_limit: int = Field(
        default=20, ge=1, le=1000, description="child sitemaps read per index per run, newest lastmod first"
    )
    link_filter: str | None = Field(
        default=None,
        description="regex an RSS/sitemap link must match (site-wide feeds: keep OCOP slugs only)",
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """`listings = ["/tag/ocop"]` with one shared `pagination` is accepted as a short form."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        shared = data.pop("pagination", None)
        for key in ("listings", "search"):
            items = data.get(key)
            if isinstance(items, list):
                data[key] = [
                    {"url": item, **({"pagination": shared} if shared and key == "listings" else {})}
                    if isinstance(item, str)
                    else item
                    for item in items
                ]
        return data

    @field_validator("link_filter")
    @classmethod
    def _filter_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"invalid regex {value!r}: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _something_to_crawl(self) -> Discovery:
        if not (self.listings or self.search or self.rss or self.sitemaps):
            raise ValueError("no entry point: give listings, search, rss or sitemaps")
        return self

    @property
    def methods(self) -> list[str]:
        """Short names of the discovery mechanisms in use, for `ocop sites list`."""
        named: list[tuple[Sequence[object], str]] = [
            (self.listings, "tag pages"),
            (self.search, "search"),
            (self.rss, "RSS"),
            (self.sitemaps, "sitemaps"),
        ]
        return [f"{name} ×{len(items)}" for items, name in named if items]


class ArticleRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url_patterns: list[str] = Field(min_length=1, description="regexes an article URL matches")
    deny_patterns: list[str] = Field(default_factory=list)

    @field_validator("url_patterns", "deny_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regex {pattern!r}: {exc}") from exc
        return patterns


class ExtractionRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: list[str] = Field(default_factory=list, description="CSS selectors of the article body, if needed")
    remove: list[str] = Field(default_factory=list, description="CSS selectors of chrome to drop first")


class Politeness(BaseModel):
    model_config = ConfigDict(extra="forbid")

    delay: float = Field(
        default=2.0, ge=0, le=120, description="seconds between requests to this site (floor)"
    )
    concurrency: int = Field(default=1, ge=1, le=2, description="parallel requests to this site (at most 2)")


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    name: str
    base_url: str
    kind: str = Field(default="national", description=" | ".join(KINDS))
    province: str | None = Field(
        default=None, description="a provincial outlet's province, 2025 structure (outlet_province)"
    )
    enabled: bool = True
    verified: bool = Field(default=False, description="entry points confirmed against the live site")
    notes: str = ""
    allowed_domains: list[str] = Field(default_factory=list)
    discovery: Discovery
    articles: ArticleRules
    extraction: ExtractionRules = Field(default_factory=ExtractionRules)
    politeness: Politeness = Field(default_factory=Politeness)

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must be an absolute http(s) URL, not {value!r}")
        return value.rstrip("/") + "/"

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {value!r}")
        return value

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str | None) -> str | None:
        """The 2025 name, whatever alias the file uses; an unknown or pre-2025 name is an error."""
        if value is None:
            return None
        from indexer.ocop import province_filter

        resolved = province_filter(value)
        if resolved is None or resolved[0] != "provinces_2025":
            raise ValueError(f"province must be a province of the 2025 structure, not {value!r}")
        return resolved[1]

    def outlet_fields(self) -> dict[str, str | None]:
        """What an archived article records of its outlet (`ocop reprocess` refreshes them)."""
        return {"outlet": self.name, "outlet_kind": self.kind, "outlet_province": self.province}

    @model_validator(mode="after")
    def _entry_points_on_site(self) -> SiteConfig:
        """Every entry point must belong to the outlet: the crawler never leaves its domains."""
        for url in self.entry_points:
            if not self.owns(self.absolute(url)):
                raise ValueError(f"entry point {url!r} is outside the site's domains {self.domains}")
        return self

    @cached_property
    def domains(self) -> list[str]:
        host = urlsplit(self.base_url).hostname or ""
        return self.allowed_domains or [host.removeprefix("www.")]

    @cached_property
    def _article_res(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.articles.url_patterns]

    @cached_property
    def _deny_res(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.articles.deny_patterns]

    @cached_property
    def _link_filter(self) -> re.Pattern[str] | None:
        return re.compile(self.discovery.link_filter) if self.discovery.link_filter else None

    def absolute(self, url: str) -> str:
        return urljoin(self.base_url, url)

    def is_article_url(self, url: str) -> bool:
        if not self.owns(url):
            return False
        return any(p.search(url) for p in self._article_res) and not any(
            p.search(url) for p in self._deny_res
        )

    def passes_link_filter(self, url: str) -> bool:
        return self._link_filter is None or bool(self._link_filter.search(url))

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    @property
    def hosts(self) -> list[str]:
        """Host names requests to this site go to: Scrapy's download slots are keyed by host."""
        hosts = set()
        for domain in self.domains:
            hosts.update({domain, f"www.{domain}"} if not _is_ip(domain) else {domain})
        hosts.add(urlsplit(self.base_url).hostname or "")
        hosts.update(urlsplit(self.absolute(url)).hostname or "" for url in self.entry_points)
        return sorted(h for h in hosts if h)

    @property
    def entry_points(self) -> list[str]:
        """Page 1 of every listing and search, every feed and sitemap, as written in the file."""
        discovery = self.discovery
        pages = [listing.first_page for listing in discovery.listings + discovery.search]
        return [*pages, *discovery.rss, *discovery.sitemaps]

    def with_base_url(self, base_url: str) -> SiteConfig:
        """The same site served elsewhere (the sample site on a local port, a mirror in tests)."""
        data = self.model_dump(exclude={"allowed_domains"})
        old = self.base_url
        for group in ("listings", "search"):
            for listing in data["discovery"][group]:
                for field in ("url", "pagination"):
                    if listing[field] and listing[field].startswith(old):
                        listing[field] = base_url.rstrip("/") + "/" + listing[field][len(old) :]
        for group in ("rss", "sitemaps"):
            data["discovery"][group] = [
                base_url.rstrip("/") + "/" + u[len(old) :] if u.startswith(old) else u
                for u in data["discovery"][group]
            ]
        return self.model_validate({**data, "base_url": base_url})


def _is_ip(host: str) -> bool:
    return bool(re.fullmatch(r"[\d.]+|\[?[0-9a-fA-F:]+\]?", host))


def registry_dir(override: str | Path | None = None) -> Path:
    """The registry directory: an explicit override, else OCOP_SITES_DIR (settings), else the bundled one."""
    chosen = override or load_settings().sites_dir
    directory = Path(chosen) if chosen else REGISTRY_DIR
    if not directory.is_dir():
        raise SiteConfigError(f"site registry directory {directory} does not exist")
    return directory


def load_site(path: Path) -> SiteConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SiteConfigError(f"{path}: cannot read site file: {exc}") from exc
    data.setdefault("key", path.stem)
    try:
        return SiteConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in exc.errors())
        raise SiteConfigError(f"{path}: {problems}") from exc


def load_registry(directory: Path | None = None) -> dict[str, SiteConfig]:
    directory = directory or registry_dir()
    sites: dict[str, SiteConfig] = {}
    for path in sorted(directory.glob("*.toml")):
        site = load_site(path)
        if site.key in sites:
            raise SiteConfigError(f"{path}: duplicate site key {site.key!r}")
        sites[site.key] = site
    return sites


def select_sites(names: str | None, directory: Path | None = None) -> list[SiteConfig]:
    """Sites named on the command line (comma-separated), or every enabled site when none is named."""
    registry = load_registry(directory)
    if not names:
        return [s for s in registry.values() if s.enabled]
    chosen = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        if name not in registry:
            raise UnknownSite(f"unknown site {name!r}; known sites: {', '.join(sorted(registry))}")
        chosen.append(registry[name])
    return chosen


def sites_to_crawl(
    names: str | None, base_url: str | None = None, registry: str | Path | None = None
) -> list[SiteConfig]:
    """The sites a crawl's arguments (`-a site=… -a base_url=… -a registry=…`) select, checked:
    the spider crawls them, and the `crawl` command checks them before Scrapy starts."""
    sites = select_sites(names, registry_dir(registry))
    if base_url:
        if len(sites) != 1:
            raise InvalidArgument("-a base_url=... needs exactly one -a site=NAME")
        sites = [sites[0].with_base_url(base_url)]
    if not sites:
        raise InvalidArgument("no site selected: name one with -a site=NAME, or enable sites in the registry")
    return sites
