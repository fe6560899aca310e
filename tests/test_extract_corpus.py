"""Regression on the real pages of ../shared/corpus: every gold file (gold*.jsonl) scored as one
set by the shared scorer's functions, against plain trafilatura run in the same test; the real
listings through extraction and the registry's link discovery; the real feeds through the parser.

The thresholds are the figures measured on the whole set when they were set (issue #10), never
lower: a change that loses any of them fails here, and `ocop eval extraction` shows which page.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urljoin

import pytest
import trafilatura
from parsel import Selector

from crawler.extraction.extract import ExtractionError, extract_article
from crawler.feeds import parse_feed
from crawler.sites import load_registry
from crawler.urls import canonicalize_url
from ocop_watch.commands.extract import score_page
from ocop_watch.opaque_names import opaque_names, plain_tags
from ocop_watch.reencoded_pages import REENCODINGS
from tests.support.environment import SHARED, require_shared

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SCORER = CORPUS.parent / "eval" / "score_extraction.py"


# Measured on the 14 gold pages of gold.jsonl + gold-more.jsonl (see docs/extraction.md): mean F1
# 0.9985, no page leaking or losing text, every title, author and date right, no page below plain
# trafilatura. Raised from round 1's 0.965 / 1 page missing text / author 0.92 / 1 page worse.
# "opaque names": the same pages with every class and id renamed to a hash (`ocop_watch.opaque_names`),
# as an outlet whose class vocabulary no rule knows would serve them. Session 14 measured F1 0.9029,
# 1 page losing text, title/author/date 0.93/0.79/0.86 and 4 pages below plain trafilatura; after
# its structural fallbacks F1 0.9986 and every field right. "opaque names, plain tags": the semantic
# tags and paragraphs written as divs too (`plain_tags`): F1 0.9945, one page losing text, author
# 0.93 when first measured in session 14, then F1 0.9952 and every field right.
@dataclass(frozen=True)
class Thresholds:
    min_mean_f1: float
    max_pages_leaking: int
    max_pages_missing_text: int
    min_accuracy: dict[str, float]
    max_pages_worse_than_plain: int


THRESHOLDS = {
    "as served": Thresholds(0.995, 0, 0, {"title": 1.0, "author": 1.0, "date": 1.0}, 0),
    "opaque names": Thresholds(0.995, 0, 0, {"title": 1.0, "author": 1.0, "date": 1.0}, 0),
    "opaque names, plain tags": Thresholds(0.995, 0, 0, {"title": 1.0, "author": 1.0, "date": 1.0}, 0),
}
PREPARE: dict[str, Callable[[bytes], bytes]] = {
    "as served": lambda raw: raw,
    "opaque names": opaque_names,
    "opaque names, plain tags": lambda raw: plain_tags(opaque_names(raw)),
}

pytestmark = pytest.mark.corpus


def _require(path: Path) -> None:
    require_shared(*path.relative_to(SHARED).parts)


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    _require(SCORER)
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    _require(CORPUS / "articles" / "gold.jsonl")
    files = sorted((CORPUS / "articles").glob("gold*.jsonl"))
    rows: dict[str, dict[str, Any]] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.setdefault(row["file"], row)
    assert len(files) >= 2 and len(rows) >= 14, [p.name for p in files]
    return list(rows.values())


def _ours(raw: bytes, row: dict[str, Any]) -> dict[str, Any]:
    try:
        article = extract_article(raw, row["url"])
    except ExtractionError:  # scored as an empty page, as `ocop eval extraction` does
        return {"title": "", "text": "", "author": [], "published": None}
    published = article.published.isoformat() if article.published else None
    return {"title": article.title, "text": article.text, "author": article.authors, "published": published}


def _plain(raw: bytes) -> dict[str, Any]:
    document = trafilatura.bare_extraction(raw, with_metadata=True)
    return {
        "title": document.title,
        "text": document.text,
        "author": document.author,
        "published": document.date,
    }


@pytest.fixture(scope="module", params=list(THRESHOLDS))
def variant(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def limits(variant: str) -> Thresholds:
    return THRESHOLDS[variant]


@pytest.fixture(scope="module")
def scored(
    scorer: ModuleType, gold: list[dict[str, Any]], variant: str
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per page and per extractor: F1, leaks, losses and wrong fields, as `ocop eval extraction`
    computes them with the scorer's own functions."""
    pages = {row["file"]: PREPARE[variant]((CORPUS / "articles" / row["file"]).read_bytes()) for row in gold}
    return {
        row["file"]: {
            "ours": score_page(scorer, row, _ours(pages[row["file"]], row)),
            "plain": score_page(scorer, row, _plain(pages[row["file"]])),
        }
        for row in gold
    }


def _mean_f1(scored: dict, name: str) -> float:
    return sum(page[name]["f1"] for page in scored.values()) / len(scored)


def test_mean_token_f1(scored: dict, limits: Thresholds) -> None:
    assert _mean_f1(scored, "ours") >= limits.min_mean_f1, {
        n: round(p["ours"]["f1"], 3) for n, p in scored.items()
    }


def test_not_below_plain_trafilatura(scored: dict, limits: Thresholds) -> None:
    assert _mean_f1(scored, "ours") >= _mean_f1(scored, "plain")
    worse = {n: (round(p["ours"]["f1"], 3), round(p["plain"]["f1"], 3)) for n, p in scored.items()}
    worse = {n: f1 for n, f1 in worse.items() if f1[0] < f1[1]}
    assert len(worse) <= limits.max_pages_worse_than_plain, worse


def test_pages_leaking_chrome(scored: dict, limits: Thresholds) -> None:
    leaking = {name: page["ours"]["leaks"] for name, page in scored.items() if page["ours"]["leaks"]}
    assert len(leaking) <= limits.max_pages_leaking, leaking


def test_pages_losing_required_text(scored: dict, limits: Thresholds) -> None:
    losing = {name: page["ours"]["lost"] for name, page in scored.items() if page["ours"]["lost"]}
    assert len(losing) <= limits.max_pages_missing_text, losing


@pytest.mark.parametrize("field", ["title", "author", "date"])
def test_metadata_accuracy(scored: dict, limits: Thresholds, field: str) -> None:
    wrong = {
        name: page["ours"]["wrong"][field] for name, page in scored.items() if field in page["ours"]["wrong"]
    }
    assert 1 - len(wrong) / len(scored) >= limits.min_accuracy[field], wrong


def test_the_known_traps_are_where_plain_trafilatura_fails(scored: dict) -> None:
    # Guards the comparison itself: if plain trafilatura stops failing on the corpus traps, the
    # corpus or the baseline changed and the thresholds above no longer measure what they say.
    plain = [page["plain"] for page in scored.values()]
    assert sum(1 for page in plain if page["lost"]) >= 2
    assert sum(1 for page in plain if page["leaks"]) >= 1


LISTINGS = sorted(p.name for p in (CORPUS / "listings").glob("*.html")) or ["(none)"]


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_pages_do_not_crash_extraction(name: str) -> None:
    page = CORPUS / "listings" / name
    _require(page)
    url = "https://" + name.split("__")[0] + "/"
    try:
        article = extract_article(page.read_bytes(), url)
    except ExtractionError as error:
        assert str(error)
        return
    assert article.title is not None and article.url.startswith(("http://", "https://"))
    assert article.published is None or article.published.tzinfo is not None


# Measured in round 6 of issue #10: all 21 real listings are refused, 17 of them as listings (round
# 3's teaser cards, round 6's unprinted headline among many headline links, and text kept only from
# the site's footer, menus or forms) and 4 for holding no article text. Round 3: 13 (9 as listings).
# With opaque names, session 14 measured 19 refused (two section pages of one outlet read as articles
# when no class word said "footer" or "popup"), then 21 (18 as listings) once the footer is read by
# its grammar.
# With plain tags as well, 16 (all as listings): with paragraphs written as divs the body extractor
# keeps a menu or a single teaser's summary, too few paragraphs for the card reason. Then 21 (all as
# listings) once teasers that open alike are located in their own cards; menu entries, headline
# links, a summary kept with its own headline and a stray teaser beside the footer are read by
# structure; and, with no headline printed, text kept below all the page's story links is its
# bottom (tests/test_extract_div_listings.py).
MIN_REFUSED_LISTINGS = {"as served": (21, 17), "opaque names": (21, 18), "opaque names, plain tags": (21, 21)}


@pytest.mark.parametrize("variant", list(MIN_REFUSED_LISTINGS))
def test_listings_are_refused_and_articles_are_not(variant: str) -> None:
    _require(CORPUS / "listings")
    refused = []
    for name in LISTINGS:
        try:
            raw = PREPARE[variant]((CORPUS / "listings" / name).read_bytes())
            extract_article(raw, "https://" + name.split("__")[0] + "/")
        except ExtractionError as error:
            refused.append((name, str(error)))
    at_least, as_listings = MIN_REFUSED_LISTINGS[variant]
    assert len(refused) >= at_least, refused
    assert sum("listing page" in reason for _, reason in refused) >= as_listings, refused
    for page in sorted((CORPUS / "articles").glob("*.html")):  # no real article is taken for a listing
        extract_article(PREPARE[variant](page.read_bytes()), "https://" + page.name.split("__")[0] + "/")


def _outcome(raw: bytes, name: str) -> str:
    """What extraction makes of a page: every field of its article, or its refusal."""
    try:
        article = extract_article(raw, "https://" + name.split("__")[0] + "/")
    except ExtractionError as error:
        return f"refused: {error}"
    return article.model_dump_json(exclude={"crawled"})


REAL_PAGES = sorted(
    [("articles", p.name) for p in (CORPUS / "articles").glob("*.html")]
    + [("listings", p.name) for p in (CORPUS / "listings").glob("*.html")]
) or [("articles", "(none)")]


@pytest.fixture(scope="module")
def as_served() -> dict[str, str]:
    _require(CORPUS / "articles")
    return {name: _outcome((CORPUS / folder / name).read_bytes(), name) for folder, name in REAL_PAGES}


# Session 15: the same real pages served as decomposed Unicode or as windows-1258 (declared or not)
# gave another article on main: with marks decomposed an author lost, a date an hour off, a share
# widget's label kept and text stored un-normalised; undeclared windows-1258 read as windows-1250
# on 6 of the 14 articles (F1 0.725). The decoded page is now NFC and the guess reads Vietnamese.
@pytest.mark.parametrize("reencoding", list(REENCODINGS))
def test_another_byte_form_gives_the_same_article(as_served: dict, reencoding: str) -> None:
    changed = [
        name
        for folder, name in REAL_PAGES
        if _outcome(REENCODINGS[reencoding]((CORPUS / folder / name).read_bytes()), name) != as_served[name]
    ]
    assert not changed, changed


def test_real_feeds_are_refused_as_feeds_by_extraction() -> None:
    _require(CORPUS / "feeds")
    for feed in sorted((CORPUS / "feeds").glob("*.rss")):
        with pytest.raises(ExtractionError, match=r"a news feed \(RSS\)"):
            extract_article(feed.read_bytes(), "https://vnexpress.net/rss/tin-moi-nhat.rss")


def _listing_links(name: str) -> tuple[list[str], Selector]:
    page = CORPUS / "listings" / name
    _require(page)
    base = "https://" + name.split("__")[0] + "/"
    selector = Selector(text=page.read_bytes().decode("utf-8", errors="replace"))
    hrefs = selector.css("a::attr(href)").getall()
    return [canonicalize_url(urljoin(base, href.strip())) for href in hrefs if href.strip()], selector


# Listings of outlets that have a registry entry: the registry's article patterns are how the
# spider tells article links from section, tag and video links on exactly such pages.
REGISTERED = [
    name
    for name in LISTINGS
    if name.split("__")[0]
    in {"vnexpress.net", "tuoitre.vn", "dantri.com.vn", "vietnamnet.vn", "baochinhphu.vn"}
    and "2026" in name
]


@pytest.mark.parametrize("name", REGISTERED or ["(none)"])
def test_registry_finds_the_articles_on_real_listings(name: str) -> None:
    links, _ = _listing_links(name)
    site = load_registry()[name.split("__")[0]]
    articles = {url for url in links if site.is_article_url(url)}
    others = {url for url in links if site.owns(url)} - articles
    assert len(articles) >= 10, sorted(links)[:20]
    # Section fronts and the listing itself are never taken for articles.
    assert not any(url.rstrip("/").endswith(("/kinh-doanh", "/kinh-doanh.htm")) for url in articles)
    assert others  # menus and section links exist on every real listing, and are left alone


def test_rel_next_pagination_on_a_real_listing() -> None:
    # The spider follows <link rel=next>/<a rel=next> when a listing has no page template.
    _, selector = _listing_links("tintaynguyen.com__homepage-2021.html")
    href = selector.css("link[rel=next]::attr(href), a[rel=next]::attr(href)").get()
    assert href and href.rstrip("/").endswith("/page/2")


def test_real_feeds_parse_with_dates_and_the_later_copy_is_newer() -> None:
    feeds = sorted((CORPUS / "feeds").glob("*.rss"))
    _require(CORPUS / "feeds")
    assert len(feeds) >= 2
    entries = [parse_feed(path.read_bytes()) for path in feeds]
    for items in entries:
        assert len(items) >= 20
        assert all(item.url.split("/")[2].endswith("vnexpress.net") for item in items)
        assert sum(1 for item in items if item.date is not None) >= 0.9 * len(items)
    first, later = entries[:2]  # the same feed three days apart: the later copy has newer items
    assert max(i.date for i in later if i.date) > max(i.date for i in first if i.date)
    assert {i.url for i in later} - {i.url for i in first}
