"""The site registry: one TOML file per outlet in `crawler/sites/`, validated when loaded.

Behaviour comes from this data, not from a spider subclass per site: adding an outlet is adding a
file. A mistake in a file is reported with the file name and the offending key.
"""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

REGISTRY_DIR = Path(__file__).parent / "sites"


class SiteConfigError(ValueError):
    """A registry file is missing, unreadable or invalid; the message names the file and key."""


class Discovery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    listings: list[str] = Field(default_factory=list, description="tag/topic/section pages (page 1)")
    pagination: str | None = Field(
        default=None,
        description="URL template of listing page N, with {page}; else rel=next links are followed",
    )
    max_pages: int = Field(default=30, ge=1, le=1000)
    search: list[str] = Field(default_factory=list, description="site search URLs, may contain {page}")
    rss: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list, description="sitemap index or (news) sitemap URLs")


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

    delay: float = Field(default=1.0, ge=0, description="seconds between requests to this site (floor)")
    concurrency: int = Field(default=2, ge=1, le=8)


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    name: str
    base_url: str
    kind: str = Field(default="national", description="national | trade | provincial | portal | sample")
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

    def absolute(self, url: str) -> str:
        return urljoin(self.base_url, url)

    def is_article_url(self, url: str) -> bool:
        if not self.owns(url):
            return False
        return any(p.search(url) for p in self._article_res) and not any(
            p.search(url) for p in self._deny_res
        )

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def with_base_url(self, base_url: str) -> SiteConfig:
        """The same site served elsewhere (the sample site on a local port, a mirror in tests)."""
        return self.model_validate({**self.model_dump(exclude={"allowed_domains"}), "base_url": base_url})


def load_site(path: Path) -> SiteConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SiteConfigError(f"{path}: cannot read site file: {exc}") from exc
    data.setdefault("key", path.stem)
    try:
        return SiteConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SiteConfigError(f"{path}: {problems}") from exc


def load_registry(directory: Path = REGISTRY_DIR) -> dict[str, SiteConfig]:
    sites = {}
    for path in sorted(directory.glob("*.toml")):
        site = load_site(path)
        if site.key in sites:
            raise SiteConfigError(f"{path}: duplicate site key {site.key!r}")
        sites[site.key] = site
    return sites


def select_sites(names: str | None, directory: Path = REGISTRY_DIR) -> list[SiteConfig]:
    """Sites named on the command line (comma-separated), or every enabled site when none is named."""
    registry = load_registry(directory)
    if not names:
        return [s for s in registry.values() if s.enabled]
    chosen = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        if name not in registry:
            raise SiteConfigError(f"unknown site {name!r}; known sites: {', '.join(sorted(registry))}")
        chosen.append(registry[name])
    return chosen
