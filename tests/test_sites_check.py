"""`ocop sites check` against a local mirror: it reports what works, what is empty, what fails."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ocop_watch.cli import app
from tests.support.mirrors import Mirror, NewsSite, Page, make_stories, write_registry


def test_check_reports_each_entry_point(tmp_path: Path) -> None:
    with Mirror().running() as mirror:
        NewsSite(mirror).publish(make_stories(6))
        mirror.pages["/sitemap.xml"] = Page(b"<html>not a sitemap</html>")
        mirror.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /tim-kiem\n", "text/plain")
        registry = tmp_path / "sites"
        write_registry(registry, mirror.base_url, search=True, rss=True, sitemaps=True)
        mirror.pages.pop("/rss/ocop.rss")

        result = CliRunner().invoke(
            app, ["sites", "check", "mirror", "--registry", str(registry), "--delay", "0"]
        )
        assert result.exit_code == 0, result.output
        rows = {
            line.split("│")[2].strip(): line for line in result.output.splitlines() if line.count("│") > 4
        }
        assert "OK" in rows["listing"] and "5 article links" in rows["listing"]
        assert "BLOCKED" in rows["search"] and "robots.txt" in rows["search"]
        assert "FAIL" in rows["rss"] and "HTTP 404" in rows["rss"]
        assert "FAIL" in rows["sitemap"] and "not a sitemap" in rows["sitemap"]
        assert not mirror.paths("/tim-kiem")  # a disallowed entry point is not fetched


def test_check_exits_non_zero_when_nothing_works(tmp_path: Path) -> None:
    with Mirror().running() as mirror:
        registry = tmp_path / "sites"
        write_registry(registry, mirror.base_url)  # every page is a 404
        result = CliRunner().invoke(app, ["sites", "check", "--registry", str(registry), "--delay", "0"])
        assert result.exit_code == 3  # ExitCode.PARTLY_FAILED
        assert "no working entry point" in result.output and "mirror" in result.output
