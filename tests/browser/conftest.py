"""Real headless Chromium against the real API, served by uvicorn on loopback.

One Chromium for the whole session (starting one costs a second or two); every test starts from a
clean slate through the `page` fixture: the window size it asks for, no stored language choice.
The helpers (`Page`, the viewports, axe-core) are in tests/support/browser.py, the archive served
in tests/support/page_archive.py.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from indexer.engines.embedded import EmbeddedIndex
from indexer.settings import Settings
from search_api.app import create_app
from tests.support.browser import Page, require
from tests.support.page_archive import build_page_archive
from tests.support.small_archive import build_small_archive

pytestmark = pytest.mark.browser


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


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    chromium_path, driver = shutil.which("chromium"), shutil.which("chromedriver")
    require(
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


@pytest.fixture
def page(chromium, site: str) -> Page:
    return Page(chromium, site)


@pytest.fixture
def small_page(chromium, small_site: str) -> Page:
    return Page(chromium, small_site)
