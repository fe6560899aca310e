"""Fixtures shared by the whole suite: paths to ../shared, small archives built by code."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from indexer.archive import Archive
from indexer.schema import VIETNAM_TZ, Article

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_shared(*parts: str) -> Path:
    """A path under ../shared; the test skips with a reason when it is absent (never in CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI always has ../shared")
        pytest.skip(f"{path} not found: the real pages in ../shared are not on this machine")
    return path


@dataclass
class CommandResult:
    code: int
    out: str
    err: str

    @property
    def error(self) -> str:
        """The one line an error printed on stderr (a progress bar may leave blank lines around it)."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line on stderr, got {lines}"
        return lines[0]


@pytest.fixture
def ocop(capsys: pytest.CaptureFixture[str]) -> Callable[..., CommandResult]:
    """Runs an `ocop` command line in this process, as the installed command would (errors become
    one line and an exit code), and returns its exit code, stdout and stderr."""
    from ocop_watch.cli import run

    def invoke(*args: str) -> CommandResult:
        capsys.readouterr()
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CommandResult(code, captured.out, captured.err)

    return invoke


def make_article(n: int, title: str, text: str, **fields: object) -> Article:
    fields.setdefault("site", "mau.vn")
    fields.setdefault("crawled", datetime(2025, 1, 23, 20, 28, tzinfo=VIETNAM_TZ))
    return Article.from_url(f"https://{fields['site']}/bai-{n}.html", title=title, text=text, **fields)


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite"


@pytest.fixture
def small_archive(archive_path: Path) -> Path:
    """Five articles covering diacritics, sites, stars and dates; enough for API behaviour tests."""
    return build_small_archive(archive_path)


def build_small_archive(path: Path) -> Path:
    articles = [
        make_article(
            1,
            "Sản phẩm OCOP Đồng Tháp vươn ra thị trường",
            "Tỉnh Đồng Tháp có thêm 40 sản phẩm OCOP đạt 4 sao, chủ yếu là thực phẩm.",
            published=datetime(2023, 5, 2, 9, 0, tzinfo=VIETNAM_TZ),
            stars=[4],
            is_ocop=True,
            provinces=["Đồng Tháp"],
            provinces_2025=["Đồng Tháp"],
            product_groups=["Thực phẩm"],
        ),
        make_article(
            2,
            "Hòa Bình phát triển du lịch cộng đồng",
            "Huyện Mai Châu của Hòa Bình có điểm du lịch cộng đồng đạt 3 sao OCOP.",
            site="baomoi.vn",
            published=datetime(2022, 8, 10, 14, 32, tzinfo=VIETNAM_TZ),
            stars=[3],
            is_ocop=True,
            provinces=["Hòa Bình"],
            provinces_2025=["Phú Thọ"],
        ),
        make_article(
            3,
            "Kết quả xổ số miền Bắc",
            "Kết quả xổ số miền Bắc hôm nay, không có sản phẩm nào.",
            published=datetime(2025, 1, 23, 18, 30, tzinfo=VIETNAM_TZ),
        ),
        make_article(
            4,
            "Hội chợ nông sản Hà Nội",
            "Hội chợ giới thiệu sản phẩm OCOP của nông thôn mới Hà Nội.",
            published=datetime(2024, 11, 1, 8, 0, tzinfo=VIETNAM_TZ),
            stars=[3, 4],
            is_ocop=True,
            provinces=["Hà Nội"],
            provinces_2025=["Hà Nội"],
        ),
        make_article(5, "Bài không rõ ngày", "Sản phẩm mới, nông thôn mới."),
    ]
    with Archive(path) as archive:
        for article in articles:
            archive.upsert(article)
    return path
