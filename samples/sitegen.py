"""Build the static sample news site "Báo Mẫu OCOP" from ``samples/articles/*.toml``.

The site exists so that the crawler, the extractor and the demo can be exercised end to end
without touching a real newspaper. It therefore imitates what real Vietnamese news sites do
to a crawler, including the awkward parts: three different article layouts (JSON-LD, a
Vietnamese byline with ``article:published_time`` only, and no structured date at all), a
header clock that shows "today" rather than the publication date, lottery/stock/gold widgets,
related-links lists that put OCOP titles on non-OCOP pages, paginated tag listings, RSS, a
news sitemap, robots.txt, and one legacy page encoded in windows-1258.

Usage::

    python -m samples.sitegen OUTDIR [--base-url http://127.0.0.1:8765]

Only the standard library is used (and `ocop_watch.reencoded_pages`, itself standard library only,
for the windows-1258 page: one encoder for the sample site and for `ocop eval extraction
--reencode`), so the site can be built before the project's dependencies are installed.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import re
import sys
import tomllib
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ocop_watch.reencoded_pages import windows_1258_text

SITE_NAME = "Báo Mẫu OCOP"
SITE_SHORT = "baomau-ocop"
#: The build's "today": every page's header clock and widgets show this moment. It is later
#: than every article and differs from all their dates, so a date taken from the header clock
#: is always wrong, which is exactly the trap real sites set.
VN_TZ = timezone(timedelta(hours=7), "+07")
SITE_TODAY = datetime(2025, 11, 13, 20, 28, tzinfo=VN_TZ)
#: Used for RSS/sitemap/canonical URLs when no base URL is given (the server's default port).
DEFAULT_BASE_URL = "http://127.0.0.1:8765"
PER_PAGE = 8
OCOP_TAG_SLUG = "ocop"
ARTICLES_DIR = Path(__file__).resolve().parent / "articles"

LAYOUTS = ("jsonld", "byline", "plain", "legacy")
#: Pages in the legacy layout are written in this encoding; every other page is UTF-8.
LEGACY_ENCODING = "cp1258"
LEGACY_SECTION_SLUG = "kinh-te"

WEEKDAYS_VI = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
_REQUIRED = ("slug", "title", "section", "published", "authors", "lead", "body", "tags", "layout")
_OPTIONAL = ("modified", "source_agency", "image_caption", "related")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """Fold Vietnamese to an ASCII URL slug ("Nông nghiệp" -> "nong-nghiep").

    đ/Đ has no Unicode decomposition, so it is mapped by hand before stripping marks.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def vi_weekday(moment: datetime) -> str:
    return WEEKDAYS_VI[moment.weekday()]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def rfc822(moment: datetime) -> str:
    """RSS 2.0 pubDate, always in Vietnam time: "Thu, 13 Nov 2025 20:28:00 +0700"."""
    moment = moment.astimezone(VN_TZ)
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return (
        f"{days[moment.weekday()]}, {moment.day:02d} {months[moment.month - 1]} {moment.year} "
        f"{moment:%H:%M:%S} +0700"
    )


def _as_datetime(value: object, where: str) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        moment = datetime.fromisoformat(value)
    else:
        raise ValueError(f"{where}: expected an ISO 8601 date-time, got {value!r}")
    if moment.tzinfo is None:
        raise ValueError(f"{where}: date-time must carry an offset (+07:00)")
    return moment.astimezone(VN_TZ)


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Block:
    """One block of an article body: a paragraph or a subheading."""

    kind: str  # "p" or "h"
    text: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    section: str
    published: datetime
    authors: tuple[str, ...]
    lead: str
    body: str
    tags: tuple[str, ...]
    layout: str
    modified: datetime | None = None
    source_agency: str | None = None
    image_caption: str | None = None
    related: tuple[str, ...] = ()
    source_file: str = ""
    blocks: tuple[Block, ...] = field(default=(), compare=False)

    @property
    def id(self) -> int:
        """A stable numeric id, like the ones real sites put at the end of article URLs."""
        return 100000 + zlib.crc32(self.slug.encode("ascii")) % 900000

    @property
    def section_slug(self) -> str:
        return slugify(self.section)

    @property
    def path(self) -> str:
        if self.layout == "legacy":
            return f"/{self.section_slug}/legacy-encoding-{self.id}.html"
        return f"/{self.section_slug}/{self.slug}-{self.id}.html"

    @property
    def tag_slugs(self) -> tuple[str, ...]:
        return tuple(slugify(tag) for tag in self.tags)

    @property
    def is_ocop(self) -> bool:
        return OCOP_TAG_SLUG in self.tag_slugs

    @property
    def encoding(self) -> str:
        return LEGACY_ENCODING if self.layout == "legacy" else "utf-8"

    @property
    def last_changed(self) -> datetime:
        return self.modified or self.published

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind == "p"]

    def body_text(self) -> str:
        """The body as plain text (subheadings included, lead/captions/byline excluded)."""
        return "\n\n".join(block.text for block in self.blocks)


def parse_body(body: str) -> tuple[Block, ...]:
    """Split the TOML body into blocks: blank lines separate them, "## " marks a subheading."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        text = " ".join(line.strip() for line in chunk.strip().splitlines())
        if not text:
            continue
        if text.startswith("## "):
            blocks.append(Block("h", text[3:].strip()))
        else:
            blocks.append(Block("p", text))
    return tuple(blocks)


def _check_text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: expected non-empty text")
    if not unicodedata.is_normalized("NFC", value):
        raise ValueError(f"{where}: text is not NFC-normalised")
    return value.strip()


def load_article(path: Path) -> Article:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    where = path.name
    unknown = set(data) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise ValueError(f"{where}: unknown fields {sorted(unknown)}")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise ValueError(f"{where}: missing fields {missing}")
    slug = data["slug"]
    if not isinstance(slug, str) or not _SLUG_RE.match(slug):
        raise ValueError(f"{where}: bad slug {slug!r}")
    if data["layout"] not in LAYOUTS:
        raise ValueError(f"{where}: layout must be one of {LAYOUTS}")
    authors = tuple(_check_text(a, f"{where}: authors") for a in data["authors"])
    tags = tuple(_check_text(t, f"{where}: tags") for t in data["tags"])
    if not authors or not tags:
        raise ValueError(f"{where}: authors and tags must not be empty")
    body = _check_text(data["body"], f"{where}: body")
    blocks = parse_body(body)
    n_paragraphs = sum(1 for b in blocks if b.kind == "p")
    if not 3 <= n_paragraphs <= 7:
        raise ValueError(f"{where}: body has {n_paragraphs} paragraphs, expected 3-7")
    article = Article(
        slug=slug,
        title=_check_text(data["title"], f"{where}: title"),
        section=_check_text(data["section"], f"{where}: section"),
        published=_as_datetime(data["published"], f"{where}: published"),
        modified=_as_datetime(data["modified"], f"{where}: modified") if "modified" in data else None,
        authors=authors,
        source_agency=_check_text(data["source_agency"], where) if "source_agency" in data else None,
        lead=_check_text(data["lead"], f"{where}: lead"),
        body=body,
        tags=tags,
        image_caption=_check_text(data["image_caption"], where) if "image_caption" in data else None,
        layout=data["layout"],
        related=tuple(data.get("related", ())),
        source_file=path.name,
        blocks=blocks,
    )
    if article.modified and article.modified < article.published:
        raise ValueError(f"{where}: modified is before published")
    if article.layout == "legacy" and article.section_slug != LEGACY_SECTION_SLUG:
        raise ValueError(f"{where}: the legacy page lives under /{LEGACY_SECTION_SLUG}/")
    if article.last_changed >= SITE_TODAY:
        raise ValueError(f"{where}: article is dated on/after the site's 'today' {SITE_TODAY}")
    return article


def load_articles(directory: Path = ARTICLES_DIR) -> list[Article]:
    """Load and cross-check every article; newest first (the order listings use)."""
    articles = [load_article(path) for path in sorted(directory.glob("*.toml"))]
    by_slug: dict[str, Article] = {}
    by_id: dict[int, Article] = {}
    for article in articles:
        if article.slug in by_slug:
            raise ValueError(f"duplicate slug {article.slug!r}")
        if article.id in by_id:
            raise ValueError(f"id collision: {article.slug} / {by_id[article.id].slug}")
        by_slug[article.slug] = article
        by_id[article.id] = article
    for article in articles:
        for rel in article.related:
            if rel not in by_slug or rel == article.slug:
                raise ValueError(f"{article.source_file}: bad related slug {rel!r}")
    if sum(1 for a in articles if a.layout == "legacy") > 1:
        raise ValueError("only one legacy-encoded article is expected")
    articles.sort(key=lambda a: (a.published, a.slug), reverse=True)
    return articles


# --------------------------------------------------------------------------- chrome


class Site:
    """Everything a page needs to know about the rest of the site (menus, related lists…)."""

    def __init__(self, articles: Sequence[Article], base_url: str) -> None:
        self.articles = list(articles)
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.by_slug = {a.slug: a for a in self.articles}
        sections: dict[str, str] = {}
        for article in sorted(self.articles, key=lambda a: a.published):
            sections.setdefault(article.section_slug, article.section)
        self.sections = dict(sorted(sections.items(), key=lambda item: _menu_order(item[0])))
        tags: dict[str, str] = {}
        for article in self.articles:
            for tag, tag_slug in zip(article.tags, article.tag_slugs, strict=True):
                tags.setdefault(tag_slug, tag)
        self.tags = tags

    def url(self, path: str) -> str:
        return self.base_url + path

    def related_for(self, article: Article) -> list[Article]:
        """Declared related articles, else the nearest others from the same section."""
        if article.related:
            return [self.by_slug[slug] for slug in article.related]
        same = [a for a in self.articles if a.section_slug == article.section_slug and a is not article]
        same.sort(key=lambda a: abs((a.published - article.published).total_seconds()))
        return same[:4]

    def teasers_for(self, article: Article | None) -> list[Article]:
        """ "Có thể bạn quan tâm": the lottery/stock/hotel pieces plus the newest OCOP stories."""
        wanted = [
            a
            for a in self.articles
            if a.slug.startswith(("ket-qua-xo-so", "thi-truong-chung-khoan", "khach-san-5-sao"))
        ]
        wanted += [a for a in self.articles if a.is_ocop][:3]
        return [a for a in wanted if a is not article][:5]

    def most_read(self) -> list[Article]:
        return self.articles[:5]


_MENU = ("thoi-su", "kinh-te", "nong-nghiep", "xa-hoi", "du-lich", "tai-chinh", "the-thao", "giai-tri")


def _menu_order(section_slug: str) -> tuple[int, str]:
    return (_MENU.index(section_slug) if section_slug in _MENU else len(_MENU), section_slug)


def header_clock() -> str:
    """The header clock, e.g. "Thứ năm 13/11/2025 20:28" (the build's today, never an article date)."""
    return f"{vi_weekday(SITE_TODAY)} {SITE_TODAY:%d/%m/%Y %H:%M}"


def render_header(site: Site) -> str:
    menu = "".join(f'<li><a href="/{slug}">{esc(name)}</a></li>' for slug, name in site.sections.items())
    return f"""<header class="site-header">
  <div class="topbar">
    <span class="header-clock">{header_clock()}</span>
    <span class="hotline">Đường dây nóng: 0900 000 000</span>
    <a class="rss-link" href="/rss/ocop.rss">RSS</a>
    <form class="search-form" action="/tim-kiem" method="get"><input type="search" name="q"
      placeholder="Tìm kiếm"><button type="submit">Tìm</button></form>
  </div>
  <div class="masthead"><a class="logo" href="/">{SITE_NAME}</a>
    <span class="slogan">Trang tin mẫu viết cho bản demo ocop-watch</span></div>
  <nav class="main-menu"><ul><li class="home"><a href="/">Trang chủ</a></li>{menu}
    <li class="hot"><a href="/tag/ocop">Sản phẩm OCOP</a></li></ul></nav>
  <div class="stock-ticker"><span class="ticker-label">Chứng khoán</span>
    <span class="ticker-item">VN-Index 1.632,48 <em class="up">▲ 12,35 (0,76%)</em></span>
    <span class="ticker-item">HNX-Index 268,91 <em class="down">▼ 0,84 (0,31%)</em></span>
    <span class="ticker-item">UPCoM 111,07 <em class="up">▲ 0,22 (0,20%)</em></span>
    <span class="ticker-item">VN30 1.870,15 <em class="up">▲ 15,02 (0,81%)</em></span>
  </div>
</header>"""


def render_sidebar(site: Site) -> str:
    day = f"{vi_weekday(SITE_TODAY)} {SITE_TODAY:%d/%m/%Y}"
    most_read = "".join(f'<li><a href="{a.path}">{esc(a.title)}</a></li>' for a in site.most_read())
    return f"""<aside class="sidebar">
  <div class="widget widget-most-read"><h3 class="widget-title">Đọc nhiều</h3><ol>{most_read}</ol></div>
  <div class="widget widget-lottery"><h3 class="widget-title">Kết quả xổ số</h3>
    <div class="lottery-tabs"><a href="#xsmb">XSMB</a> <a href="#xsmt">XSMT</a> <a href="#xsmn">XSMN</a></div>
    <table id="xsmb" class="lottery"><caption>Xổ số miền Bắc (XSMB) {day}</caption>
      <tr><th>ĐB</th><td class="special">48302</td></tr><tr><th>G1</th><td>17295</td></tr>
      <tr><th>G2</th><td>60431 - 82157</td></tr><tr><th>G7</th><td>08 - 61 - 39 - 74</td></tr></table>
    <table id="xsmt" class="lottery"><caption>Xổ số miền Trung (XSMT) {day}: Bình Định, Quảng Trị,
      Quảng Bình</caption><tr><th>ĐB</th><td class="special">915064 - 302718 - 586420</td></tr>
      <tr><th>G8</th><td>27 - 93 - 05</td></tr></table>
    <a class="more" href="#xoso">Xem thêm kết quả xổ số</a></div>
  <div class="widget widget-market"><h3 class="widget-title">Thời tiết - Giá vàng</h3>
    <ul class="weather"><li>Hà Nội: 19–25°C, có mưa rào</li><li>Đà Nẵng: 22–27°C, nhiều mây</li>
      <li>TP.HCM: 25–33°C, nắng</li></ul>
    <table class="gold"><tr><th>Vàng SJC</th><td>Mua 145,50</td><td>Bán 147,50</td></tr>
      <tr><th>Nhẫn 9999</th><td>Mua 143,20</td><td>Bán 146,20</td></tr>
      <tr><th>USD (Vietcombank)</th><td>Mua 26.085</td><td>Bán 26.385</td></tr></table>
    <p class="note">Đơn vị: triệu đồng/lượng; cập nhật {SITE_TODAY:%H:%M %d/%m/%Y}</p></div>
  <div class="widget widget-ad"><a href="#quangcao">Quảng cáo: Ưu đãi lãi suất tiết kiệm đến 6,2%/năm</a>
  </div>
</aside>"""


def render_follow_google_news() -> str:
    return (
        '<div class="follow-gnews">Theo dõi <a href="https://news.google.com/" rel="nofollow noopener" '
        f'target="_blank">{SITE_NAME} trên Google News</a></div>'
    )


def render_after_article(site: Site, article: Article) -> str:
    """Share/comment prompts, the Zalo box, "Tin liên quan" and "Có thể bạn quan tâm"."""
    related = "".join(
        f'<li><a href="{a.path}" title="{esc(a.title)}">{esc(a.title)}</a></li>'
        for a in site.related_for(article)
    )
    teasers = "".join(
        f'<div class="teaser"><a class="teaser-title" href="{a.path}">{esc(a.title)}</a>'
        f'<p class="teaser-sapo">{esc(a.lead)}</p></div>'
        for a in site.teasers_for(article)
    )
    return f"""<div class="share-bar"><span>Chia sẻ:</span>
  <a href="#share-facebook" class="share fb">Facebook</a> <a href="#share-zalo" class="share zalo">Zalo</a>
  <a href="#copy-link" class="share link">Sao chép liên kết</a>
  <a href="#binh-luan" class="comment-count">Bình luận (0)</a></div>
<div class="zalo-follow"><img src="/static/qr-zalo.svg" alt="Mã QR Zalo" width="96" height="96">
  <p>Mời bạn quét mã QR để theo dõi {SITE_NAME} trên nền tảng Zalo</p>
  <p class="hint">Mở Zalo, bấm quét QR để quét và xem trên điện thoại</p></div>
<section class="related-news"><h3 class="box-title">Tin liên quan</h3><ul>{related}</ul></section>
<section class="comments" id="binh-luan"><h3 class="box-title">Bình luận</h3>
  <form class="comment-form" action="#" method="post"><textarea name="noidung"
    placeholder="Mời bạn để lại bình luận. Bình luận sẽ được kiểm duyệt trước khi đăng."></textarea>
    <input type="text" name="hoten" placeholder="Họ tên"> <button type="button">Gửi bình luận</button></form>
</section>
<section class="you-may-like"><h3 class="box-title">Có thể bạn quan tâm</h3>{teasers}
  <div class="teaser sponsored"><span class="teaser-title">Mẫu SUV cỡ nhỏ giảm giá sâu cuối năm, đại lý
    xả hàng tồn</span><p class="teaser-sapo">Nhiều đại lý giảm giá hàng chục triệu đồng để kích cầu dịp
    cuối năm.</p></div></section>"""


def render_footer() -> str:
    return f"""<footer class="site-footer">
  <nav class="footer-menu"><a href="/">Trang chủ</a> | <a href="/rss/ocop.rss">RSS</a> |
    <a href="/sitemap.xml">Sơ đồ trang</a> | <a href="/admin/">Quản trị</a></nav>
  <p><strong>{SITE_NAME}</strong> – trang tin điện tử mẫu, do nhóm ocop-watch viết cho bản demo.
    Nội dung là hư cấu, chỉ dùng để thử nghiệm phần mềm.</p>
  <p>Giấy phép mẫu số 00/GP-DEMO (không có thật). Tổng Biên tập: Ban biên tập mẫu.</p>
  <p>Địa chỉ: Số 1 phố Mẫu, phường Thử Nghiệm, Hà Nội. Điện thoại: 0900 000 000.
    Email: toasoan@example.invalid</p>
  <p>© {SITE_TODAY.year} {SITE_NAME}. Ghi rõ nguồn "{SITE_NAME}" khi phát hành lại thông tin.</p>
</footer>"""


def render_page(
    site: Site,
    *,
    title: str,
    main: str,
    head_extra: str = "",
    canonical: str,
    charset: str = "utf-8",
    body_class: str = "",
    description: str = "",
) -> str:
    desc = f'\n<meta name="description" content="{esc(description)}">' if description else ""
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>{desc}
<link rel="canonical" href="{esc(site.url(canonical))}">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} - OCOP" href="/rss/ocop.rss">
<link rel="stylesheet" href="/static/style.css">
{head_extra}
</head>
<body class="{body_class}">
{render_header(site)}
<div class="container">
<div class="main-column">
{main}
</div>
{render_sidebar(site)}
</div>
{render_footer()}
</body>
</html>
"""


# --------------------------------------------------------------------------- article layouts


def _figure(article: Article, *, cls: str, caption_inner: str = "{caption}") -> str:
    caption = esc(article.image_caption or f"Ảnh minh họa. Ảnh: {SITE_NAME}")
    return (
        f'<figure class="{cls}"><img src="/static/anh-minh-hoa.svg" alt="{esc(article.title)}" '
        f'width="680" height="400"><figcaption>{caption_inner.format(caption=caption)}</figcaption></figure>'
    )


def _authors_line(article: Article) -> str:
    return " - ".join(article.authors)


def _meta_og(site: Site, article: Article, *, with_time: bool) -> str:
    lines = [
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(article.title)}">',
        f'<meta property="og:description" content="{esc(article.lead)}">',
        f'<meta property="og:url" content="{esc(site.url(article.path))}">',
        f'<meta property="og:image" content="{esc(site.url("/static/anh-minh-hoa.svg"))}">',
    ]
    if with_time:
        lines.append(f'<meta property="article:published_time" content="{article.published.isoformat()}">')
    return "\n".join(lines)


def render_jsonld_article(site: Site, article: Article) -> str:
    """Layout (a): JSON-LD + og:/article: meta, ``h2.sapo`` outside the body, tags after the body."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": site.url(article.path)},
        "headline": article.title,
        "description": article.lead,
        "image": [site.url("/static/anh-minh-hoa.svg")],
        "datePublished": article.published.isoformat(),
        "dateModified": article.last_changed.isoformat(),
        "articleSection": article.section,
        "keywords": ", ".join(article.tags),
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "publisher": {
            "@type": "Organization",
            "name": SITE_NAME,
            "logo": {"@type": "ImageObject", "url": site.url("/static/logo.svg")},
        },
    }
    breadcrumb = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": {"@id": site.url("/"), "name": "Trang chủ"}},
            {
                "@type": "ListItem",
                "position": 2,
                "item": {"@id": site.url(f"/{article.section_slug}"), "name": article.section},
            },
        ],
    }
    head = "\n".join(
        [
            _meta_og(site, article, with_time=True),
            f'<meta property="article:modified_time" content="{article.last_changed.isoformat()}">',
            f'<meta property="article:section" content="{esc(article.section)}">',
            *(f'<meta property="article:tag" content="{esc(tag)}">' for tag in article.tags),
            '<script type="application/ld+json">'
            + json.dumps(ld, ensure_ascii=False, indent=1)
            + "</script>",
            '<script type="application/ld+json">' + json.dumps(breadcrumb, ensure_ascii=False) + "</script>",
        ]
    )
    parts: list[str] = []
    for i, block in enumerate(article.blocks):
        if block.kind == "h":
            parts.append(f'<h3 class="sub-title">{esc(block.text)}</h3>')
        else:
            parts.append(f"<p>{esc(block.text)}</p>")
        if i == 0:
            parts.append(_figure(article, cls="article-image"))
    source = (
        f'\n<p class="article-source">Nguồn: {esc(article.source_agency)}</p>'
        if article.source_agency
        else ""
    )
    tags = " ".join(
        f'<a href="/tag/{slug}" rel="tag">{esc(tag)}</a>'
        for tag, slug in zip(article.tags, article.tag_slugs, strict=True)
    )
    shown = article.published
    crumbs = f'<a href="/">Trang chủ</a> › <a href="/{article.section_slug}">{esc(article.section)}</a>'
    main = f"""<nav class="breadcrumb">{crumbs}</nav>
<article class="article-detail" data-id="{article.id}">
<h1 class="article-title">{esc(article.title)}</h1>
<div class="article-meta"><span class="article-author">{esc(_authors_line(article))}</span>
  <time class="article-time" datetime="{shown.isoformat()}">{shown:%d/%m/%Y %H:%M}</time></div>
{render_follow_google_news()}
<h2 class="sapo">{esc(article.lead)}</h2>
<div class="article-body" id="article-body">
{chr(10).join(parts)}
</div>{source}
<div class="article-tags"><strong>Từ khóa:</strong> {tags}</div>
</article>
{render_after_article(site, article)}"""
    return render_page(
        site,
        title=f"{article.title} | {SITE_NAME}",
        main=main,
        head_extra=head,
        canonical=article.path,
        body_class="layout-jsonld",
        description=article.lead,
    )


def render_byline_article(site: Site, article: Article) -> str:
    """Layout (b): ``article:published_time`` only, Vietnamese byline date, lead and author in the body."""
    head = "\n".join(
        [
            _meta_og(site, article, with_time=True),
            f'<meta name="keywords" content="{esc(", ".join(article.tags))}">',
            f'<meta name="news_keywords" content="{esc(", ".join(article.tags))}">',
        ]
    )
    shown = article.published
    date_line = f"{vi_weekday(shown)}, {shown:%d/%m/%Y %H:%M} (GMT+7)"
    parts = [f'<p class="Normal"><strong>{esc(article.lead)}</strong></p>']
    for i, block in enumerate(article.blocks):
        if block.kind == "h":
            parts.append(f'<p class="Normal"><strong>{esc(block.text)}</strong></p>')
        else:
            parts.append(f'<p class="Normal">{esc(block.text)}</p>')
        if i == 1:
            parts.append(_figure(article, cls="tplCaption", caption_inner='<p class="Image">{caption}</p>'))
    agency = f" ({esc(article.source_agency)})" if article.source_agency else ""
    parts.append(
        '<p class="Normal" style="text-align:right;">'
        f"<strong>{esc(_authors_line(article))}</strong>{agency}</p>"
    )
    main = f"""<div class="header-content">
  <ul class="breadcrumb"><li><a href="/{article.section_slug}">{esc(article.section)}</a></li></ul>
  <span class="date">{date_line}</span>
</div>
<h1 class="title-detail">{esc(article.title)}</h1>
{render_follow_google_news()}
<article class="fck_detail">
{chr(10).join(parts)}
</article>
{render_after_article(site, article)}"""
    return render_page(
        site,
        title=f"{article.title} - {SITE_NAME}",
        main=main,
        head_extra=head,
        canonical=article.path,
        body_class="layout-byline",
        description=article.lead,
    )


def render_plain_article(site: Site, article: Article) -> str:
    """Layout (c): no structured date at all; only "Cập nhật: HH:MM ngày dd/mm/yyyy" in the byline."""
    shown = article.published
    parts: list[str] = []
    for i, block in enumerate(article.blocks):
        if block.kind == "h":
            parts.append(f"<h2>{esc(block.text)}</h2>")
        else:
            parts.append(f"<p>{esc(block.text)}</p>")
        if i == 0:
            parts.append(
                '<table class="image-table"><tr><td>' + _figure(article, cls="image") + "</td></tr></table>"
            )
    agency = f'<p class="source-name">Theo {esc(article.source_agency)}</p>' if article.source_agency else ""
    main = f"""<div class="detail-cate"><a href="/{article.section_slug}">{esc(article.section)}</a></div>
<div class="detail">
<h1 class="detail-title">{esc(article.title)}</h1>
<div class="detail-time">Cập nhật: {shown:%H:%M} ngày {shown:%d/%m/%Y}</div>
{render_follow_google_news()}
<div class="detail-sapo">{esc(article.lead)}</div>
<div class="detail-content">
{chr(10).join(parts)}
</div>
<div class="detail-author"><p class="author-name">{esc(_authors_line(article))}</p>{agency}
<p class="outlet-name">{SITE_NAME}</p></div>
</div>
{render_after_article(site, article)}"""
    return render_page(
        site,
        title=f"{article.title} - {article.section} - {SITE_NAME}",
        main=main,
        canonical=article.path,
        body_class="layout-plain",
        description=article.lead,
    )


def render_legacy_article(site: Site, article: Article) -> str:
    """The legacy page: a 2000s table layout, encoded (by the caller) in windows-1258."""
    shown = article.published
    paragraphs = "\n".join(
        f"<p><b>{esc(b.text)}</b></p>" if b.kind == "h" else f"<p>{esc(b.text)}</p>" for b in article.blocks
    )
    main = f"""<table class="legacy-article" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="cate"><a href="/{article.section_slug}">{esc(article.section)}</a></td></tr>
<tr><td class="title"><h1><font size="4">{esc(article.title)}</font></h1></td></tr>
<tr><td class="date">{vi_weekday(shown)}, {shown:%d/%m/%Y} - {shown:%H:%M}</td></tr>
<tr><td>{render_follow_google_news()}</td></tr>
<tr><td class="lead"><b>{esc(article.lead)}</b></td></tr>
<tr><td>{_figure(article, cls="image")}</td></tr>
<tr><td id="noidung" class="content">
{paragraphs}
<p align="right"><b>{esc(_authors_line(article))}</b></p>
</td></tr>
</table>
{render_after_article(site, article)}"""
    return render_page(
        site,
        title=f"{article.title} - {SITE_NAME}",
        main=main,
        canonical=article.path,
        charset="windows-1258",
        body_class="layout-legacy",
        description=article.lead,
    )


RENDERERS = {
    "jsonld": render_jsonld_article,
    "byline": render_byline_article,
    "plain": render_plain_article,
    "legacy": render_legacy_article,
}

# --------------------------------------------------------------------------- listings


def _story_item(article: Article) -> str:
    return (
        '<article class="story"><h3 class="story-title">'
        f'<a href="{article.path}">{esc(article.title)}</a></h3><div class="story-meta">'
        f'<a class="story-cate" href="/{article.section_slug}">{esc(article.section)}</a>'
        f' <span class="story-time">{article.published:%d/%m/%Y}</span></div>'
        f'<p class="story-sapo">{esc(article.lead)}</p></article>'
    )


def page_path(prefix: str, page: int) -> str:
    """URL of page ``page`` of a listing: ``/tag/ocop``, ``/tag/ocop/trang-2``, …"""
    return prefix if page == 1 else f"{prefix}/trang-{page}"


def _pagination(prefix: str, page: int, pages: int) -> str:
    if pages <= 1:
        return ""
    items = []
    if page > 1:
        items.append(f'<a class="prev" rel="prev" href="{page_path(prefix, page - 1)}">Trang trước</a>')
    for n in range(1, pages + 1):
        if n == page:
            items.append(f'<span class="current">{n}</span>')
        else:
            items.append(f'<a class="page" href="{page_path(prefix, n)}">{n}</a>')
    if page < pages:
        items.append(f'<a class="next" rel="next" href="{page_path(prefix, page + 1)}">Trang sau</a>')
    return '<nav class="pagination">' + " ".join(items) + "</nav>"


def render_listing_pages(
    site: Site, prefix: str, heading: str, articles: Sequence[Article], intro: str = ""
) -> list[tuple[str, str]]:
    """Paginated listing (8 per page, newest first); returns (url path, html) pairs."""
    pages = max(1, math.ceil(len(articles) / PER_PAGE))
    out = []
    for page in range(1, pages + 1):
        chunk = articles[(page - 1) * PER_PAGE : page * PER_PAGE]
        links = []
        if page > 1:
            links.append(f'<link rel="prev" href="{page_path(prefix, page - 1)}">')
        if page < pages:
            links.append(f'<link rel="next" href="{page_path(prefix, page + 1)}">')
        suffix = f" - Trang {page}" if page > 1 else ""
        intro_html = f'<p class="listing-intro">{esc(intro)}</p>' if intro and page == 1 else ""
        main = (
            f'<h1 class="listing-title">{esc(heading)}{suffix}</h1>{intro_html}\n'
            f'<div class="story-list">{"".join(_story_item(a) for a in chunk)}</div>\n'
            f"{_pagination(prefix, page, pages)}"
        )
        path = page_path(prefix, page)
        out.append(
            (
                path,
                render_page(
                    site,
                    title=f"{heading}{suffix} - {SITE_NAME}",
                    main=main,
                    head_extra="\n".join(links),
                    canonical=path,
                    body_class="listing",
                ),
            )
        )
    return out


def render_home(site: Site) -> str:
    top, *rest = site.articles
    latest = "".join(_story_item(a) for a in rest[:11])
    blocks = []
    for slug, name in site.sections.items():
        items = [a for a in site.articles if a.section_slug == slug][:3]
        blocks.append(
            f'<section class="home-section"><h2><a href="/{slug}">{esc(name)}</a></h2>'
            f'{"".join(_story_item(a) for a in items)}<a class="more" href="/{slug}">Xem thêm</a></section>'
        )
    ocop = [a for a in site.articles if a.is_ocop][:4]
    main = f"""<section class="home-top"><article class="story story-top"><h2 class="story-title">
<a href="{top.path}">{esc(top.title)}</a></h2><p class="story-sapo">{esc(top.lead)}</p></article></section>
<section class="home-ocop"><h2><a href="/tag/ocop">Chuyên đề: Sản phẩm OCOP</a></h2>
{"".join(_story_item(a) for a in ocop)}<a class="more" href="/tag/ocop">Xem tất cả tin về OCOP</a></section>
<section class="home-latest"><h2>Tin mới nhất</h2>{latest}</section>
{"".join(blocks)}"""
    return render_page(
        site,
        title=f"{SITE_NAME} - Tin tức nông thôn, sản phẩm OCOP",
        main=main,
        canonical="/",
        body_class="home",
        description="Trang tin mẫu viết cho bản demo ocop-watch.",
    )


def render_admin(site: Site) -> str:
    main = "<h1>Trang quản trị</h1><p>Khu vực dành cho biên tập viên. Robots.txt không cho phép thu thập.</p>"
    return render_page(
        site,
        title=f"Quản trị - {SITE_NAME}",
        main=main,
        canonical="/admin/",
        head_extra='<meta name="robots" content="noindex, nofollow">',
    )


# --------------------------------------------------------------------------- feeds & sitemaps


def render_rss(site: Site) -> str:
    items = []
    for article in (a for a in site.articles if a.is_ocop):
        link = esc(site.url(article.path))
        categories = "".join(f"<category>{esc(tag)}</category>" for tag in article.tags)
        items.append(f"""  <item>
    <title>{esc(article.title)}</title>
    <link>{link}</link>
    <guid isPermaLink="true">{link}</guid>
    <description>{esc(article.lead)}</description>
    <pubDate>{rfc822(article.published)}</pubDate>
    <dc:creator>{esc(_authors_line(article))}</dc:creator>
    {categories}
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{SITE_NAME} - Sản phẩm OCOP</title>
  <link>{esc(site.url("/tag/ocop"))}</link>
  <description>Tin tức về Chương trình Mỗi xã một sản phẩm (OCOP) - trang tin mẫu cho bản demo</description>
  <language>vi</language>
  <lastBuildDate>{rfc822(SITE_TODAY)}</lastBuildDate>
  <atom:link href="{esc(site.url("/rss/ocop.rss"))}" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
</channel>
</rss>
"""


def render_news_sitemap(site: Site) -> str:
    urls = []
    for article in site.articles:
        urls.append(f"""  <url>
    <loc>{esc(site.url(article.path))}</loc>
    <lastmod>{article.last_changed.isoformat()}</lastmod>
    <news:news>
      <news:publication><news:name>{SITE_NAME}</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>{article.published.isoformat()}</news:publication_date>
      <news:title>{esc(article.title)}</news:title>
    </news:news>
  </url>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{chr(10).join(urls)}
</urlset>
"""


def render_sections_sitemap(site: Site, listing_paths: Iterable[str]) -> str:
    newest = site.articles[0].last_changed.isoformat()
    urls = "\n".join(
        f"  <url><loc>{esc(site.url(path))}</loc><lastmod>{newest}</lastmod></url>" for path in listing_paths
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


def render_sitemap_index(site: Site) -> str:
    newest = site.articles[0].last_changed.isoformat()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{esc(site.url("/sitemaps/news.xml"))}</loc><lastmod>{newest}</lastmod></sitemap>
  <sitemap><loc>{esc(site.url("/sitemaps/sections.xml"))}</loc><lastmod>{newest}</lastmod></sitemap>
</sitemapindex>
"""


def render_robots(site: Site) -> str:
    return f"""# {SITE_NAME}: sample site written for the ocop-watch demo
User-agent: *
Disallow: /admin/
Disallow: /tim-kiem
Allow: /

Sitemap: {site.url("/sitemap.xml")}
"""


STYLE_CSS = """body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#222;background:#fafafa}
a{color:#0b5394;text-decoration:none}a:hover{text-decoration:underline}
.site-header{background:#fff;border-bottom:3px solid #2e7d32}
.topbar{display:flex;gap:1em;align-items:center;font-size:13px;padding:4px 16px;background:#f1f1f1}
.masthead{padding:12px 16px}.logo{font-size:28px;font-weight:bold;color:#2e7d32}
.slogan{margin-left:1em;color:#777}
.main-menu ul{list-style:none;margin:0;padding:0 16px;display:flex;gap:1.2em;flex-wrap:wrap}
.main-menu li{padding:6px 0}.stock-ticker{font-size:12px;padding:4px 16px;background:#fffbe6}
.up{color:#2e7d32}.down{color:#c62828}.container{display:flex;gap:24px;max-width:1100px;margin:16px auto}
.main-column{flex:3;background:#fff;padding:16px}.sidebar{flex:1;font-size:14px}
.widget{background:#fff;margin-bottom:16px;padding:8px}.sapo,.detail-sapo{font-size:17px;font-weight:bold}
figure{margin:12px 0}figure img{max-width:100%;background:#ddd}figcaption{font-size:13px;color:#555}
.story{border-bottom:1px solid #eee;padding:8px 0}.story-meta{font-size:12px;color:#777}
.pagination a,.pagination span{padding:4px 8px}.current{font-weight:bold}
.site-footer{background:#263238;color:#cfd8dc;padding:16px;font-size:13px}.site-footer a{color:#fff}
"""

PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="680" height="400" viewBox="0 0 680 400">
<rect width="680" height="400" fill="#c8e6c9"/><text x="340" y="210" font-size="28" text-anchor="middle"
fill="#2e7d32" font-family="Arial">Ảnh minh họa - Báo Mẫu OCOP</text></svg>
"""

QR_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" fill="#fff"/><rect x="8" y="8" width="24" height="24" fill="#000"/>
<rect x="64" y="8" width="24" height="24" fill="#000"/><rect x="8" y="64" width="24" height="24" fill="#000"/>
<rect x="44" y="44" width="8" height="8" fill="#000"/></svg>
"""


# --------------------------------------------------------------------------- build


def _write(out_dir: Path, url_path: str, content: str | bytes, mtime: datetime) -> None:
    """Write one URL's file; directory-style URLs become ``…/index.html`` for static servers."""
    rel = url_path.lstrip("/")
    if not rel or rel.endswith("/") or "." not in rel.rsplit("/", 1)[-1]:
        rel = rel.rstrip("/") + "/index.html" if rel else "index.html"
    target = out_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    # Last-Modified (and so conditional GET) then reflects the content, not the build time.
    stamp = mtime.timestamp()
    os.utime(target, (stamp, stamp))


def article_record(site: Site, article: Article) -> dict:
    """What tests and the demo need to know about one built article (the ground truth)."""
    return {
        "id": article.id,
        "slug": article.slug,
        "path": article.path,
        "url": site.url(article.path),
        "title": article.title,
        "section": article.section,
        "section_slug": article.section_slug,
        "published": article.published.isoformat(),
        "modified": article.modified.isoformat() if article.modified else None,
        "authors": list(article.authors),
        "source_agency": article.source_agency,
        "lead": article.lead,
        "body": article.body_text(),
        "paragraphs": article.paragraphs,
        "tags": list(article.tags),
        "layout": article.layout,
        "encoding": article.encoding,
        "is_ocop": article.is_ocop,
        "related": [a.slug for a in site.related_for(article)],
        "image_caption": article.image_caption,
    }


def describe_site(base_url: str = "", articles_dir: Path = ARTICLES_DIR) -> list[dict]:
    """The article records :func:`build_site` would return, without writing anything."""
    site = Site(load_articles(articles_dir), base_url)
    return [article_record(site, a) for a in site.articles]


def build_site(out_dir: Path, base_url: str = "", articles_dir: Path = ARTICLES_DIR) -> list[dict]:
    """Write the whole static site into ``out_dir`` and return the article records, newest first.

    ``base_url`` (e.g. ``http://127.0.0.1:8765``) is only used where absolute URLs are
    required: RSS, sitemaps, canonical/og:url and robots.txt. Links inside pages are
    absolute paths, so the pages work on any host and port. Existing files in ``out_dir`` are
    overwritten but nothing is deleted.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    site = Site(load_articles(articles_dir), base_url)
    newest = site.articles[0].last_changed

    for article in site.articles:
        page = RENDERERS[article.layout](site, article)
        data = windows_1258_text(page) if article.layout == "legacy" else page
        _write(out_dir, article.path, data, article.last_changed)

    listing_paths: list[str] = ["/"]
    _write(out_dir, "/", render_home(site), newest)
    ocop_articles = [a for a in site.articles if a.is_ocop]
    listings = render_listing_pages(
        site,
        "/tag/ocop",
        "Sản phẩm OCOP",
        ocop_articles,
        intro="Tin bài về Chương trình Mỗi xã một sản phẩm (OCOP).",
    )
    for slug, name in site.sections.items():
        listings += render_listing_pages(
            site, f"/{slug}", name, [a for a in site.articles if a.section_slug == slug]
        )
    for tag_slug, tag in site.tags.items():
        if tag_slug != OCOP_TAG_SLUG:
            listings += render_listing_pages(
                site, f"/tag/{tag_slug}", tag, [a for a in site.articles if tag_slug in a.tag_slugs]
            )
    for path, content in listings:
        _write(out_dir, path, content, newest)
        listing_paths.append(path)

    _write(out_dir, "/rss/ocop.rss", render_rss(site), newest)
    _write(out_dir, "/sitemap.xml", render_sitemap_index(site), newest)
    _write(out_dir, "/sitemaps/news.xml", render_news_sitemap(site), newest)
    _write(out_dir, "/sitemaps/sections.xml", render_sections_sitemap(site, listing_paths), newest)
    _write(out_dir, "/robots.txt", render_robots(site), newest)
    _write(out_dir, "/admin/", render_admin(site), newest)
    _write(out_dir, "/static/style.css", STYLE_CSS, SITE_TODAY)
    _write(out_dir, "/static/anh-minh-hoa.svg", PLACEHOLDER_SVG, SITE_TODAY)
    _write(out_dir, "/static/logo.svg", PLACEHOLDER_SVG, SITE_TODAY)
    _write(out_dir, "/static/qr-zalo.svg", QR_SVG, SITE_TODAY)
    return [article_record(site, a) for a in site.articles]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=f"Build the sample news site ({SITE_NAME}).")
    parser.add_argument("out_dir", type=Path, help="directory to write the site into")
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help="absolute URL the site will be served at (for RSS/sitemaps)",
    )
    args = parser.parse_args(argv)
    records = build_site(args.out_dir, args.base_url)
    n_ocop = sum(1 for r in records if r["is_ocop"])
    print(
        f"Built {SITE_NAME} (written for the demo) into {args.out_dir}: {len(records)} articles, "
        f"{n_ocop} tagged OCOP, base URL {args.base_url}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
