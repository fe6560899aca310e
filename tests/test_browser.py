"""The journalists' page in real headless Chromium: type a query, see highlighted results, filter."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from indexer.settings import Settings
from search_api.app import create_app
from tests.conftest import IN_CI

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(small_archive: Path) -> Iterator[str]:
    yield from _serve(small_archive)


@pytest.fixture
def contract_server(tmp_path: Path) -> Iterator[str]:
    """The contract suite's articles, which include a wire story published twice."""
    from tests.engine.fixtures import build_archive

    yield from _serve(build_archive(tmp_path / "contract.sqlite"))


def _serve(archive: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(archive=archive)), host="127.0.0.1", port=port, log_level="warning"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline:
            pytest.fail("API server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        message = (
            "Debian packages chromium and chromium-driver are not installed (make test installs them as root)"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
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
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console: CSP violations
    web = webdriver.Chrome(service=Service(driver), options=options)
    yield web
    web.quit()


def test_search_page_shows_highlighted_results_and_filters(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/")
    box = wait.until(ec.presence_of_element_located((By.ID, "q")))
    box.send_keys("san pham ocop")
    browser.find_element(By.ID, "search-button").click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "2 bài viết"))
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#results mark")]
    assert "sản" in [m.lower() for m in marks] and "OCOP" in marks  # proper Vietnamese, not folded text
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results .title")]
    assert "Sản phẩm OCOP Đồng Tháp vươn ra thị trường" in titles

    legends = [legend.text for legend in browser.find_elements(By.CSS_SELECTOR, "#facets legend")]
    labels = {facet["name"]: facet["label"] for facet in httpx.get(server + "/facets").json()}
    assert legends[0] == labels["site"] and labels["stars"] in legends  # the API's labels, in its order
    star4 = browser.find_element(By.CSS_SELECTOR, '[data-facet="stars"] input[value="4"]')
    label = star4.find_element(By.XPATH, "..").text
    assert label.startswith("4 sao") and label.endswith("2")  # both OCOP hits carry a 4-star product
    star3 = browser.find_element(By.CSS_SELECTOR, '[data-facet="stars"] input[value="3"]')
    star3.click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "1 bài viết"))
    assert "stars=3" in browser.current_url
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results .title")]
    assert titles == ["Hội chợ nông sản Hà Nội"]


def test_timeline_bar_narrows_the_search_to_its_period(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/?q=san+pham+ocop")
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "2 bài viết"))
    assert browser.find_element(By.ID, "timeline-range").text == "2023-05 – 2024-11"
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline .bar")
    assert [bar.get_attribute("title") for bar in bars] == ["2023-05: 1 bài", "2024-11: 1 bài"]
    bars[0].click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "1 bài viết"))
    assert "from=2023-05-01" in browser.current_url and "to=2023-05-31" in browser.current_url
    assert browser.find_element(By.ID, "from").get_attribute("value") == "2023-05-01"
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results .title")]
    assert titles == ["Sản phẩm OCOP Đồng Tháp vươn ra thị trường"]


def test_story_link_shows_every_article_of_the_story(contract_server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.engine.fixtures import ID

    wait = WebDriverWait(browser, 20)
    browser.get(contract_server + "/?q=16.000&site=nongnghiep.vn")
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "1 bài viết"))
    links = browser.find_elements(By.CSS_SELECTOR, "#results .story a")
    assert [link.text for link in links] == ["2 bài cùng nội dung"]
    links[0].click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "2 bài viết"))
    assert f"story={ID['wire_a']}" in browser.current_url and "q=" not in browser.current_url
    assert browser.find_element(By.ID, "q").get_attribute("value") == ""
    titles = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "#results .title")}
    assert titles == {"Cả nước có hơn 16.000 sản phẩm OCOP", "Hơn 16.000 sản phẩm OCOP trên cả nước"}
    assert not browser.find_elements(By.CSS_SELECTOR, '[data-facet="story"]')
    # a story of one article gets no link
    browser.get(contract_server + "/?q=xoai&is_ocop=any")
    wait.until(ec.text_to_be_present_in_element((By.ID, "summary"), "1 bài viết"))
    assert not browser.find_elements(By.CSS_SELECTOR, "#results .story")


def test_api_documentation_renders_from_this_server_alone(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/docs")
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"))
    paths = {element.text for element in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/search", "/export", "/health"} <= {path.replace("\u200b", "") for path in paths}
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(server + "/") for url in loaded), loaded  # no CDN
    console = [entry["message"] for entry in browser.get_log("browser")]
    assert not [line for line in console if "Content Security Policy" in line], console
