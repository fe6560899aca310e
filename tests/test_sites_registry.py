"""The site registry: every bundled outlet loads, errors name the file and key, patterns fit
the real URLs saved in ../shared/corpus, and `ocop sites list` shows the outlets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.sites import REGISTRY_DIR, SiteConfigError, load_registry, load_site, registry_dir, select_sites
from crawler.spiders.news import configure_download_slots
from indexer.settings import load_settings
from ocop_watch.cli import app
from tests.support.environment import require_shared

REAL = {k: s for k, s in load_registry(REGISTRY_DIR).items() if s.kind not in ("sample", "mirror")}


def test_at_least_fifteen_real_outlets_of_every_kind() -> None:
    assert len(REAL) >= 15
    kinds = {site.kind for site in REAL.values()}
    assert {"national", "trade", "provincial", "portal"} <= kinds
    for key in (
        "vnexpress.net",
        "tuoitre.vn",
        "nhandan.vn",
        "baochinhphu.vn",
        "baoquangninh.vn",
        "ocop.gov.vn",
    ):
        assert key in REAL


@pytest.mark.parametrize("key", sorted(REAL))
def test_each_outlet_says_where_its_patterns_come_from(key: str) -> None:
    text = (REGISTRY_DIR / f"{key}.toml").read_text(encoding="utf-8")
    site = REAL[key]
    assert "Where the patterns come from" in text
    assert not site.verified  # nobody here has seen the live site
    assert "UNVERIFIED" in text or "DISABLED" in text
    assert site.politeness.delay >= 2.0 and site.politeness.concurrency <= 2
    assert site.discovery.methods


# URLs shaped like the saved pages' own in ../shared/corpus (MANIFEST.tsv gives their origin):
# each outlet's ids, dates and suffixes as printed there, the slugs written by us.
CORPUS_URLS = {
    "vnexpress.net": "https://vnexpress.net/mat-ong-bac-ha-vao-mua-thu-hoach-som-4950127.html",
    "laodong.vn": "https://laodong.vn/kinh-te/hop-tac-xa-che-shan-tuyet-mo-them-xuong-say-moi-772914.ldo",
    "thanhnien.vn": "https://thanhnien.vn/cong-nghe/cho-phien-truc-tuyen-cua-nong-dan-vung-cao-1158207.html",
    "tuoitre.vn": "https://tuoitre.vn/phien-cho-ocop-cuoi-tuan-keo-dai-den-toi-chu-nhat-2026011408351127.htm",
    "dantri.com.vn": "https://dantri.com.vn/kinh-doanh/gao-thom-mien-tay-tim-duong-vao-sieu-thi-chau-au-20190618094512377.htm",
}


@pytest.mark.parametrize("key", sorted(CORPUS_URLS))
def test_article_patterns_match_real_urls_and_not_listings(key: str) -> None:
    site = REAL[key]
    assert site.is_article_url(CORPUS_URLS[key])
    for listing in (
        "/thoi-su",
        "/thoi-su-p2",
        "/rss/thoi-su.rss",
        "/tags/vu-nhom-35897.ldo",
        "/kinh-doanh.htm",
    ):
        assert not site.is_article_url(site.absolute(listing))


@pytest.mark.corpus
def test_vnexpress_pattern_finds_the_articles_of_a_real_category_page() -> None:
    page = require_shared("corpus", "listings", "vnexpress.net__thoi-su.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="(https://vnexpress\.net/[^"#]+)"', page))
    articles = {h for h in hrefs if REAL["vnexpress.net"].is_article_url(h)}
    assert len(articles) >= 20
    assert all(re.search(r"-\d{7}\.html$", h) for h in articles)


def _site_file(tmp_path: Path, body: str, name: str = "x.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """name = "X"
base_url = "https://x.vn/"
[discovery]
rss = ["https://x.vn/rss/home.rss"]
[articles]
url_patterns = ['-\\d+\\.html$']
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("url_patterns = ['-\\d+\\.html$']", "url_patterns = ['(']"),
            "articles.url_patterns: Value error, invalid regex",
        ),
        (
            ('rss = ["https://x.vn/rss/home.rss"]', 'rss = ["https://other.vn/rss"]'),
            "outside the site's domains",
        ),
        (('rss = ["https://x.vn/rss/home.rss"]', "rss = []"), "no entry point"),
        (
            ("[articles]", '[[discovery.listings]]\nurl = "/t"\npagination = "/t/{n}"\n[articles]'),
            "may only contain {page}",
        ),
        (('name = "X"', 'name = "X"\nkind = "blog"'), "kind: Value error, kind must be one of"),
        (("[articles]", "[politeness]\nconcurrency = 4\n[articles]"), "politeness.concurrency"),
        (('name = "X"', 'name = "X"\ncolour = "red"'), "colour: Extra inputs are not permitted"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    path = _site_file(tmp_path, GOOD.replace(*change))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_a_broken_toml_file_and_an_unknown_site(tmp_path: Path) -> None:
    _site_file(tmp_path, "name = ")
    with pytest.raises(SiteConfigError, match="cannot read site file"):
        load_registry(tmp_path)
    with pytest.raises(SiteConfigError, match="unknown site 'nope'"):
        select_sites("nope", REGISTRY_DIR)


def test_the_registry_directory_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site_file(tmp_path, GOOD)
    monkeypatch.setenv("OCOP_SITES_DIR", str(tmp_path))
    assert registry_dir() == tmp_path and list(load_registry()) == ["x"]
    assert registry_dir(REGISTRY_DIR) == REGISTRY_DIR  # an explicit directory wins
    with pytest.raises(SiteConfigError, match="does not exist"):
        registry_dir(tmp_path / "missing")


def test_download_slots_carry_each_sites_floor() -> None:
    from scrapy.settings import Settings

    settings = Settings({"DOWNLOAD_SLOTS": {"tuoitre.vn": {"delay": 9.0}}}, priority="cmdline")
    configure_download_slots(settings, [REAL["vnexpress.net"], REAL["tuoitre.vn"]])
    slots = settings.getdict("DOWNLOAD_SLOTS")
    assert slots["vnexpress.net"] == {"concurrency": 1, "delay": 2.0, "jitter": 0}
    assert slots["timkiem.vnexpress.net"]["delay"] == 2.0  # the search host is throttled too
    assert slots["tuoitre.vn"] == {"delay": 9.0}  # an operator's -s DOWNLOAD_SLOTS wins
    assert settings.getdict("OCOP_DELAY_FLOORS")["www.vnexpress.net"] == 2.0


def test_polite_defaults() -> None:
    from crawler import settings

    assert settings.ROBOTSTXT_OBEY and settings.AUTOTHROTTLE_ENABLED
    assert settings.CONCURRENT_REQUESTS_PER_DOMAIN <= 2 and settings.DOWNLOAD_DELAY >= 1
    assert load_settings().contact_url in settings.USER_AGENT
    assert settings.DOWNLOAD_MAXSIZE and settings.DOWNLOAD_TIMEOUT and settings.RETRY_TIMES


def test_sites_list_shows_the_outlets_and_their_discovery() -> None:
    result = CliRunner().invoke(app, ["sites", "list"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    for key in REAL:
        assert key in result.output
    assert "search ×1" in result.output and "RSS ×2" in result.output and "sitemaps ×1" in result.output
    assert f"{len(REAL) + 1} outlets" in result.output  # plus the sample site


def test_every_provincial_outlet_names_its_province_in_the_2025_structure() -> None:
    """outlet_province (a facet and an alert filter) comes from here; a pre-2025 name is refused."""
    import pytest as _pytest
    from pydantic import ValidationError

    from crawler.sites import SiteConfig, load_registry

    registry = load_registry()
    provincial = [site for site in registry.values() if site.kind == "provincial"]
    assert provincial and all(site.province for site in provincial)
    assert registry["baobacgiang.vn"].outlet_fields() == {
        "outlet": "Báo Bắc Giang", "outlet_kind": "provincial", "outlet_province": "Bắc Ninh",
    }  # fmt: skip
    data = registry["baoquangninh.vn"].model_dump()
    with _pytest.raises(ValidationError, match="2025 structure"):
        SiteConfig.model_validate({**data, "province": "Bắc Giang"})
