"""One generic spider for every outlet in the registry: it discovers article URLs and fetches them.

Discovery (listing/tag pages with pagination, site search, RSS, sitemaps) is driven by each site's
TOML file. The spider only decides what to follow; extraction, enrichment and archiving happen in
the pipeline, as plain functions testable without Scrapy.

    scrapy crawl news -a site=vnexpress.net            # one site (comma-separate several)
    scrapy crawl news                                  # every enabled site
    scrapy crawl news -a site=sample -a base_url=http://127.0.0.1:8765/
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.items import PageItem
from crawler.sites import SiteConfig, select_sites
from crawler.urls import canonicalize_url


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, site: str | None = None, base_url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        sites = select_sites(site)
        if base_url:
            if len(sites) != 1:
                raise ValueError("-a base_url=... needs exactly one -a site=NAME")
            sites = [sites[0].with_base_url(base_url)]
        if not sites:
            raise ValueError(
                "no site selected: name one with -a site=NAME, or enable sites in crawler/sites/"
            )
        self.sites: dict[str, SiteConfig] = {s.key: s for s in sites}
        self.allowed_domains = sorted({d for s in sites for d in s.domains})

    # --- entry points ----------------------------------------------------------------------------

    def start_requests(self) -> Iterator[scrapy.Request]:
        for site in self.sites.values():
            meta = {"site": site.key}
            for url in site.discovery.listings:
                yield scrapy.Request(site.absolute(url), self.parse_listing, meta={**meta, "page": 1})
            for template in site.discovery.search:
                yield scrapy.Request(
                    site.absolute(template.format(page=1)),
                    self.parse_listing,
                    meta={**meta, "page": 1, "template": template},
                )
            for url in site.discovery.rss:
                yield scrapy.Request(site.absolute(url), self.parse_feed, meta=meta)
            for url in site.discovery.sitemaps:
                yield scrapy.Request(site.absolute(url), self.parse_sitemap, meta=meta)

    # --- discovery ---------------------------------------------------------------------------------

    def _article_request(self, site: SiteConfig, url: str, source: str) -> scrapy.Request | None:
        url = canonicalize_url(url)
        if not site.is_article_url(url):
            return None
        return scrapy.Request(url, self.parse_article, meta={"site": site.key, "source": source})

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        page = response.meta.get("page", 1)
        found = 0
        for href in response.css("a::attr(href)").getall():
            request = self._article_request(site, response.urljoin(href), "listing")
            if request is not None:
                found += 1
                yield request
        self.crawler.stats.inc_value(f"ocop/{site.key}/listing_pages")
        if found == 0 or page >= site.discovery.max_pages:
            return
        template = response.meta.get("template") or site.discovery.pagination
        if template:
            next_url = site.absolute(template.format(page=page + 1))
        else:
            href = response.css("link[rel=next]::attr(href), a[rel=next]::attr(href)").get()
            next_url = response.urljoin(href) if href else None
        if next_url and site.owns(next_url):
            yield response.follow(next_url, self.parse_listing, meta={**response.meta, "page": page + 1})

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        response.selector.remove_namespaces()
        links = response.xpath("//item/link/text() | //entry/link/@href").getall()
        for link in links:
            request = self._article_request(site, response.urljoin(link.strip()), "rss")
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        site = self.sites[response.meta["site"]]
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body)
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several types on broken XML
            self.logger.warning("unreadable sitemap %s", response.url)
            self.crawler.stats.inc_value(f"ocop/{site.key}/errors/sitemap")
            return
        for entry in sitemap:
            loc = entry.get("loc", "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                if site.owns(response.urljoin(loc)):
                    yield scrapy.Request(response.urljoin(loc), self.parse_sitemap, meta=response.meta)
                continue
            request = self._article_request(site, response.urljoin(loc), "sitemap")
            if request is not None:
                yield request

    # --- articles ------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        yield PageItem(
            site=response.meta["site"],
            url=response.url,
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()
            },
            body=response.body,
            fetched_ts=time.time(),
            source=response.meta.get("source", ""),
        )
