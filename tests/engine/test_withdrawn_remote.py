"""A page `ocop reprocess --extract` withdraws leaves the remote engines, and comes back when accepted.

The embedded engine's side is tests/test_reprocess.py. Here the same withdrawal goes through the
commands an operator runs against OpenSearch/Elasticsearch (`ocop index sync`, `ocop index
rebuild`), on every remote engine under test, each on an alias of its own (`fresh_remote`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from indexer.archive import Archive, RawPage
from indexer.engines.elastic.index import RemoteIndex
from indexer.errors import NotFound
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article
from tests.support.small_archive import make_article

pytestmark = pytest.mark.engine

_CRAWLED = datetime(2026, 2, 9, 7, 30, tzinfo=VIETNAM_TZ)
_HEADLINE = "Tổ hợp tác nuôi ong trên đồi chè mở rộng vùng nuôi"
_STORY = (
    "Tổ hợp tác nuôi ong ở thôn đồi chè vừa nhận thêm mười hai hộ thành viên, nâng số đàn ong lên "
    "gần sáu trăm thùng. Mật được lọc và đóng chai tại nhà xưởng chung, mỗi chai ghi tên hộ nuôi "
    "và tháng thu hoạch để người mua tra cứu."
)
# A takedown notice printed where the story was: the current extractor refuses it as not an article.
_NOTICE = "<p><em>Tin bài này đã bị gỡ bỏ. Cảm ơn quý độc giả đã quan tâm.</em></p>"


def _page(main: str) -> bytes:
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{_HEADLINE}</title>"
        '<meta property="article:published_time" content="2026-02-08T16:00:00+07:00"></head><body>'
        f'<article><h1>{_HEADLINE}</h1><div class="d">Chủ nhật, 08/02/2026 16:00</div>{main}</article>'
        "</body></html>"
    ).encode()


def _store(archive: Archive, n: int, html: bytes) -> Article:
    """An article archived with its raw page (its text here is a stand-in: the first reprocess
    below replaces it with what the extractor reads in `html`)."""
    article = make_article(n, _HEADLINE, _STORY, crawled=_CRAWLED)
    archive.upsert(article, RawPage(article.url, html, {"Content-Type": "text/html"}, _CRAWLED.timestamp()))
    return article


def _accepting_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor that does not read the notice as one (an older one, or a later one): it keeps
    the page as an article."""
    monkeypatch.setattr("crawler.extraction.extract.notice_evidence", lambda *args, **kwargs: None)


def _found(index: RemoteIndex) -> set[str]:
    index.versions.refresh()
    return {hit.id for hit in index.search(SearchRequest(q="nuôi ong")).hits}


def test_withdrawn_page_leaves_remote_search_and_returns_when_accepted(
    fresh_remote: Callable[[], RemoteIndex], tmp_path: Path, ocop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "archive.sqlite"
    with Archive(path) as archive:
        taken_down = _store(archive, 1, _page(_NOTICE))
        kept = _store(archive, 2, _page(f"<p>{_STORY}</p>"))
    index = fresh_remote()
    for name, value in {
        "OCOP_ENGINE": index.name,
        "OCOP_ENGINE_URL": index.url,
        "OCOP_INDEX_ALIAS": index.alias,
    }.items():
        monkeypatch.setenv(name, value)

    def run(*args: str) -> Any:
        result = ocop(*args, "--archive", path)
        assert result.code == 0, result.out + result.error
        return result

    with monkeypatch.context() as older:  # archived by an older extractor that accepted the notice
        _accepting_notices(older)
        run("reprocess", "--extract")
    with Archive(path) as archive:
        stored = archive.get(taken_down.id)
        version = archive.version(taken_down.id)
    run("index", "sync")
    assert _found(index) == {taken_down.id, kept.id}  # both served before the withdrawal

    reprocessed = run("reprocess", "--extract")
    assert (
        "withdrawn from search, the page now refused by the extractor: 1 (not an article: 1)"
        in reprocessed.out
    )
    run("index", "sync")
    assert _found(index) == {kept.id}
    with pytest.raises(NotFound):
        index.get(taken_down.id)
    with Archive(path) as archive:  # kept as stored, with its raw HTML
        assert archive.get(taken_down.id) == stored and archive.version(taken_down.id) == version
        assert archive.raw_page(taken_down.id).html == _page(_NOTICE)
        assert archive.withdrawn_reason(taken_down.id) is not None

    rebuilt = run("index", "rebuild")
    assert f"{index.alias}-v2" in rebuilt.out  # a new version, loaded from the archive
    assert _found(index) == {kept.id} and index.count() == 1
    run("index", "sync")  # nothing left over from the rebuild brings it back
    assert _found(index) == {kept.id}

    # a later extractor accepts the page again and reads it as the older one did: the article does
    # not change, only the withdrawal's own change number tells the next sync to push it again
    _accepting_notices(monkeypatch)
    accepted = run("reprocess", "--extract")
    assert "served again: 1" in accepted.out
    run("index", "sync")
    assert _found(index) == {taken_down.id, kept.id}
    assert index.get(taken_down.id).url == taken_down.url
    with Archive(path) as archive:
        assert archive.withdrawn_reason(taken_down.id) is None
        assert archive.get(taken_down.id) == stored and archive.version(taken_down.id) == version
