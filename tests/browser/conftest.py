"""Real headless Chromium against the real API, served by uvicorn on loopback.

One Chromium for the whole session (starting one costs a second or two); every test starts from a
clean slate through the `page` fixture: the window size it asks for, no stored language choice.
axe-core comes from npm (`make test` runs `npm ci` in this folder) and is injected into the page
under test, so nothing is loaded from a CDN and the site itself never ships it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import uvicorn

from indexer.archive import Archive, RawPage
from indexer.engines.embedded import EmbeddedIndex
from indexer.schema import VIETNAM_TZ, Article, OcopClaim
from indexer.settings import Settings
from search_api.app import create_app
from tests.support.environment import IN_CI
from tests.support.small_archive import build_small_archive

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = (390, 844)  # a common phone viewport, in CSS pixels
DESKTOP = (1280, 900)

# A hostile page as a crawler might have fetched it: its scripts must never run on our origin.
HOSTILE_RAW = (
    "<!doctype html><html><head><title>pwned</title></head><body><h1>Mật ong</h1>"
    "<script>document.title = 'pwned'; localStorage.setItem('pwned', '1');</script></body></html>"
).encode()

_HONEY_PARAGRAPHS = [
    "Tháng Mười, các hộ nuôi ong ở Đồng Văn bắt đầu mùa quay mật; hợp tác xã mong nâng hạng sản phẩm.",
    "Hợp tác xã Hoa Đá hiện có 3 sản phẩm OCOP đạt 4 sao, trong đó mật ong bạc hà là sản phẩm chủ lực.",
    "Theo Sở Nông nghiệp, trong năm toàn tỉnh có thêm 12 sản phẩm OCOP 4 sao được công nhận.",
    "Người nuôi ong cho biết thời tiết năm nay thuận lợi, hoa bạc hà nở muộn nhưng dày.",
]

# Written for these tests: a multi-paragraph article with every field the article page shows.
HONEY = Article.from_url(
    "https://baomau.vn/mua-quay-mat-o-cao-nguyen-da.html",
    site="baomau.vn",
    outlet="Báo Mẫu",
    title="Mùa quay mật ở cao nguyên đá",
    text="\n\n".join(_HONEY_PARAGRAPHS),
    authors=["Lò Thị Mai"],
    section="Kinh tế",
    published=datetime(2024, 10, 8, 7, 15, tzinfo=VIETNAM_TZ),
    crawled=datetime(2025, 4, 2, 9, 0, tzinfo=VIETNAM_TZ),
    is_ocop=True,
    ocop_score=0.9,
    provinces=["Hà Giang"],
    provinces_2025=["Tuyên Quang"],
    stars=[4],
    product_groups=["Thực phẩm"],
    ocop_claims=[
        OcopClaim(count=3, stars=4, place="Hợp tác xã Hoa Đá", sentence=_HONEY_PARAGRAPHS[1]),
        OcopClaim(count=12, stars=4, sentence=_HONEY_PARAGRAPHS[2]),
    ],
)


def build_page_archive(path: Path) -> Path:
    """The contract suite's 31 articles (a wire story published twice among them), the honey
    article above, and raw HTML for the honey article and for one copy of the wire story."""
    from tests.support.contract_articles import ARTICLES, build_archive

    build_archive(path)
    with Archive(path) as archive:
        archive.upsert(HONEY, RawPage(HONEY.url, HOSTILE_RAW, {"content-type": "text/html"}, 1.74e9))
        wire = ARTICLES["wire_a"]
        archive.upsert(wire, RawPage(wire.url, b"<html><body>wire</body></html>", {}, 1.74e9))
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(archive: Path) -> Iterator[str]:
    # As after a crawl, the search index is brought up to date before serving, so the first search
    # in a test does not build it under the browser's wait (slow on a busy machine).
    EmbeddedIndex(archive).sync()
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(archive=archive)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("API server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The five-article archive of the API tests."""
    yield from serve(build_small_archive(tmp_path_factory.mktemp("small") / "archive.sqlite"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(build_page_archive(tmp_path_factory.mktemp("page") / "archive.sqlite"))


def _require(present: object, message: str) -> None:
    if not present:
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    chromium_path, driver = shutil.which("chromium"), shutil.which("chromedriver")
    _require(
        chromium_path and driver,
        "Debian packages chromium and chromium-driver are not installed (make test installs them as root)",
    )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    web = webdriver.Chrome(service=Service(driver), options=options)
    downloads = tmp_path_factory.mktemp("downloads")
    web.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    # A headless window may not hold the system focus, and then `:focus` never matches: emulate it.
    web.execute_cdp_cmd("Emulation.setFocusEmulationEnabled", {"enabled": True})
    web.downloads = downloads  # type: ignore[attr-defined]
    yield web
    web.quit()


class Page:
    """The browser on one test's terms: a viewport, a clean origin, and helpers to wait and look."""

    def __init__(self, web, base: str):
        from selenium.webdriver.support.ui import WebDriverWait

        self.web, self.base = web, base
        self.wait = WebDriverWait(web, 20)
        self.size = DESKTOP

    def resize(self, width: int, height: int) -> None:
        self.web.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800},
        )

    def open(self, path: str, size: tuple[int, int] = DESKTOP, lang: str | None = None) -> Page:
        self.size = size
        self.resize(*size)
        self.web.execute_cdp_cmd(
            "Storage.clearDataForOrigin",
            {"origin": self.base, "storageTypes": "local_storage,session_storage"},
        )
        if lang:
            path += ("&" if "?" in path else "?") + f"lang={lang}"
        self.web.get(self.base + path)
        return self

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.web.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list:
        from selenium.webdriver.common.by import By

        return self.web.find_elements(By.CSS_SELECTOR, css)

    def texts(self, css: str) -> list[str]:
        return [e.text for e in self.find_all(css)]

    def until_text(self, css: str, text: str) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as ec

        self.wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def until(self, condition: Callable[[], object]) -> None:
        self.wait.until(lambda _: condition())

    def js(self, script: str, *args: object) -> object:
        return self.web.execute_script(script, *args)

    def focused(self):
        return self.web.switch_to.active_element

    def keys(self, *keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.web).send_keys(*keys).perform()

    def screenshot(self, name: str) -> None:
        """Saved where OCOP_SCREENSHOTS points (docs/page.md describes them); nothing otherwise."""
        folder = os.environ.get("OCOP_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            height = int(self.js("return document.documentElement.scrollHeight"))  # type: ignore[arg-type]
            self.resize(self.size[0], min(height, 4000))  # the whole page, in one picture
            self.web.save_screenshot(str(Path(folder) / f"{name}.png"))
            self.resize(*self.size)

    def axe(self) -> list[dict]:
        """axe-core's violations on the current page (all rules, WCAG 2.x A/AA and best practices)."""
        _require(AXE.is_file(), f"{AXE} is missing: `make test` installs it (npm ci --prefix tests/browser)")
        self.js(AXE.read_text(encoding="utf-8"))
        result = self.web.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, { resultTypes: ['violations'] })"
            ".then((r) => done(JSON.stringify(r.violations)),"
            " (e) => done(JSON.stringify({error: String(e)})));"
        )
        violations = json.loads(result)
        assert not isinstance(violations, dict), violations
        return violations


@pytest.fixture
def page(chromium, site: str) -> Page:
    return Page(chromium, site)


@pytest.fixture
def small_page(chromium, small_site: str) -> Page:
    return Page(chromium, small_site)
