"""`ocop reprocess` re-enriches the archive without re-crawling, and only changed articles move."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indexer.archive import Archive, RawPage
from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import NotFound
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article
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


# ---- a stored page the current extractor refuses -----------------------------------------------
_CRAWLED = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM_TZ)
_HEADLINE = "Hợp tác xã cói ven biển nhận thêm đơn hàng xuất khẩu"
_STORY = (
    "Hợp tác xã cói ở xã ven biển vừa ký thêm hai hợp đồng xuất khẩu thảm và giỏ đan, đủ việc làm cho "
    "gần một trăm lao động nữ đến hết mùa khô. Ban giám đốc cho biết mỗi sản phẩm đều được dán tem "
    "truy xuất, ghi rõ hộ đan và ngày hoàn thiện."
)


def _served_page(main: str) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>"
        f"{_HEADLINE}</title>"
        '<meta property="article:published_time" content="2026-03-01T08:00:00+07:00"></head><body>'
        f'<article><h1>{_HEADLINE}</h1><div class="d">Chủ nhật, 01/03/2026 08:00</div>{main}</article>'
        "</body></html>"
    ).encode()


def _stored(n: int, html: bytes, archive: Archive) -> Article:
    """An article as an older extractor archived it from `html`, with its raw page."""
    article = make_article(n, _HEADLINE, _STORY, crawled=_CRAWLED, is_ocop=True)
    archive.upsert(article, RawPage(article.url, html, {"Content-Type": "text/html"}, _CRAWLED.timestamp()))
    return article


def test_reprocess_extract_withdraws_a_page_the_extractor_now_refuses(archive_path: Path) -> None:
    """Failed before session 18: the stored version of a takedown notice kept being searched and
    served. Now it is withdrawn: kept in the archive with its raw HTML, left out of search, 404 by
    id, and counted with the extractor's reason."""
    notice = _served_page("<p><em>Bài viết đã được gỡ theo yêu cầu. Mong bạn đọc thông cảm.</em></p>")
    with Archive(archive_path) as archive:
        taken_down = _stored(1, notice, archive)
        kept = _stored(2, _served_page(f"<p>{_STORY}</p>"), archive)
        stored = archive.get(taken_down.id)
    index = EmbeddedIndex(archive_path)
    assert index.search(SearchRequest(q="cói")).total == 2  # both served before the run

    result = CliRunner().invoke(app, ["reprocess", "--extract", "--archive", str(archive_path)])
    assert result.exit_code == 0, result.output
    assert (
        "withdrawn from search, the page now refused by the extractor: 1 (not an article: 1)" in result.output
    )

    with Archive(archive_path) as archive:
        assert archive.get(taken_down.id) == stored  # the stored version, unchanged
        assert archive.version(taken_down.id) == 1
        assert archive.raw_page(taken_down.id).html == notice
        assert "Bài viết đã được gỡ" in (archive.withdrawn_reason(taken_down.id) or "")
        assert archive.withdrawn_reason(kept.id) is None
    index = EmbeddedIndex(archive_path)
    assert {hit.id for hit in index.search(SearchRequest(q="cói")).hits} == {kept.id}
    with pytest.raises(NotFound, match="withdrawn"):
        index.get(taken_down.id)
    assert index.get(kept.id).title == _HEADLINE

    # fetched again once the outlet put the story back: accepted by the extractor, served again
    with Archive(archive_path) as archive:
        back = _served_page(f"<p>{_STORY}</p>")
        archive.upsert(taken_down, RawPage(taken_down.url, back, {}, _CRAWLED.timestamp()))
        assert archive.withdrawn_reason(taken_down.id) is None
    index = EmbeddedIndex(archive_path)
    assert index.get(taken_down.id).title == _HEADLINE
    assert index.search(SearchRequest(q="cói")).total == 2
