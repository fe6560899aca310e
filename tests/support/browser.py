"""Real headless Chromium on one test's terms (tests/browser): the viewports the page is checked
at, a `Page` with helpers to open, wait and look, and axe-core's accessibility check.

axe-core comes from npm (`make test` runs `npm ci` in tests/browser) and is injected into the page
under test, so nothing is loaded from a CDN and the site itself never ships it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.environment import IN_CI, PROJECT_ROOT

AXE = PROJECT_ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = (390, 844)  # a common phone viewport, in CSS pixels
DESKTOP = (1280, 900)


def require(present: object, message: str) -> None:
    if not present:
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


class Page:
    """The browser on one test's terms: a viewport, a clean origin, and helpers to wait and look."""

    def __init__(self, web, base: str):
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.support.ui import WebDriverWait

        self.web, self.base = web, base
        # a condition that reads elements the page is redrawing meets the old ones gone: look again
        self.wait = WebDriverWait(web, 20, ignored_exceptions=[StaleElementReferenceException])
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
        require(AXE.is_file(), f"{AXE} is missing: `make test` installs it (npm ci --prefix tests/browser)")
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


BLOCKING = {"serious", "critical"}  # axe-core impacts a page must never have


def axe_summary(violations: list[dict]) -> list[str]:
    """axe-core's violations, one readable line each, for an assertion's message."""
    return [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']}) {v['help']}"
        for v in violations
    ]


def tab_to(page: Page, css: str, limit: int = 80, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching `css` has focus: reachable by keyboard alone."""
    from selenium.webdriver.common.keys import Keys

    press = (Keys.SHIFT, Keys.TAB, Keys.SHIFT) if backwards else (Keys.TAB,)
    for _ in range(limit):
        if page.js("return document.activeElement.matches(arguments[0])", css):
            return
        page.keys(*press)
    pytest.fail(f"{css} was not reached with {limit} presses of {'Shift+' if backwards else ''}Tab")
