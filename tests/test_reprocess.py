"""`ocop reprocess` re-enriches the archive without re-crawling, and only changed articles move."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from indexer.archive import Archive
from ocop_watch.cli import app
from tests.support.small_archive import make_article


def test_reprocess_fills_enrichment_and_versions_only_changed_articles(archive_path: Path) -> None:
    ocop = make_article(
        1,
        "Quảng Ninh có thêm 30 sản phẩm OCOP đạt 4 sao",
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Quảng Ninh vừa công nhận 30 sản phẩm OCOP "
        "đạt 4 sao, chủ yếu là nước mắm, chả mực và rượu ba kích.",
    )
    weather = make_article(2, "Thời tiết miền Bắc", "Miền Bắc trời rét, nhiệt độ thấp nhất 12 độ C.")
    with Archive(archive_path) as archive:
        archive.upsert(ocop)  # stored without enrichment, as an archive from an older version would be
        archive.upsert(weather)
        seq_before = archive.last_seq()

    result = CliRunner().invoke(app, ["reprocess", "--archive", str(archive_path)])
    assert result.exit_code == 0, result.output

    with Archive(archive_path) as archive:
        enriched = archive.get(ocop.id)
        assert enriched.is_ocop and 4 in enriched.stars and "Quảng Ninh" in enriched.provinces_2025
        assert archive.version(ocop.id) == 2
        assert archive.version(weather.id) == 1  # nothing changed: no new version, nothing to sync
        assert archive.last_seq() == seq_before + 1


def test_reprocess_without_archive_is_a_clear_error(tmp_path: Path, ocop) -> None:  # noqa: ANN001
    result = ocop("reprocess", "--archive", tmp_path / "missing.sqlite")
    assert result.code == 5  # ExitCode.ARCHIVE_UNAVAILABLE
    assert result.error.startswith("ocop: error: no archive at")
