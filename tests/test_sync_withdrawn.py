"""`indexer.sync`'s list of refused documents and withdrawn articles, without a node.

A document the engine refused stays listed in the checkpoint, is retried by every sync and makes
`ocop index sync` exit 3 until it is accepted. When `ocop reprocess --extract` later withdraws that
article, it is no longer sent at all: listed still, it would be reported as refused (and the run as
partly failed) by every sync, for a document nobody asks the engine to hold. The bookkeeping here is
`indexer.sync`'s own, so a stand-in for the remote index (it records what it is sent and refuses
the ids it is told to) shows it; the engine calls are tested against real nodes in tests/engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from indexer.archive import Archive
from indexer.engines.elastic.bulk import BulkResult, Rejection
from indexer.engines.elastic.mapping import MAPPING_VERSION
from indexer.schema import Article
from indexer.sync import Checkpoint, read_checkpoint, status, sync, write_checkpoint
from tests.support.small_archive import make_article


class _Versions:
    """One version behind the alias, of the current mapping: sync takes its incremental path."""

    def behind_alias(self) -> list[str]:
        return ["mau-v1"]

    def mapping_version(self, index: str) -> int:
        return MAPPING_VERSION

    def current_uuid(self) -> str:
        return "uuid-1"

    def uuids(self) -> dict[str, str]:
        return {"mau-v1": "uuid-1"}

    def refresh(self) -> None:
        pass


class _StandIn:
    """The part of `RemoteIndex` that sync uses: it holds what it accepted and refuses `refusing`."""

    name, url, alias = "opensearch", "http://stand-in", "mau"

    def __init__(self, refusing: set[str]):
        self.refusing = refusing
        self.versions = _Versions()
        self.held: set[str] = set()
        self.sent: list[str] = []

    def bulk(self, articles: Sequence[Article], **kwargs: Any) -> BulkResult:
        result = BulkResult()
        for article in articles:
            self.sent.append(article.id)
            if article.id in self.refusing:
                result.rejected.append(Rejection(article.id, 400, "mapper_parsing_exception: too long"))
            else:
                self.held.add(article.id)
                result.written += 1
        return result

    def delete(self, ids: Iterable[str], *, refresh: bool = True) -> int:
        found = self.held & set(ids)
        self.held -= found
        return len(found)

    def count(self) -> int:
        return len(self.held)


def _archive(path: Path) -> tuple[Article, Article]:
    kept = make_article(1, "Hợp tác xã rau sạch mở điểm bán mới", "Hợp tác xã mở thêm hai điểm bán rau.")
    refused = make_article(2, "Làng gốm ven sông đón khách", "Làng gốm ven sông đón đoàn khách đầu năm.")
    with Archive(path) as archive:
        archive.upsert(kept)
        archive.upsert(refused)
    return kept, refused


def test_a_withdrawn_refusal_leaves_the_list_and_is_listed_again_when_served(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    kept, refused = _archive(path)
    index: Any = _StandIn(refusing={refused.id})
    with Archive(path) as archive:
        first = sync(archive, index)
        assert [r.id for r in first.rejected] == [refused.id]  # refused: listed, as before

        archive.withdraw(refused.id, "not an article: a notice")
        index.sent.clear()
        withdrawn = sync(archive, index)
        assert withdrawn.rejected == [] and status(archive, index).rejected == []
        assert refused.id not in index.sent  # never sent while withdrawn
        again = sync(archive, index)  # nothing left over for a later run to report
        assert again.rejected == [] and read_checkpoint(archive, index).rejected == {}
        assert refused.id not in index.sent and index.held == {kept.id}

        archive.restore(refused.id)  # served again: sent again, and refused again it is listed again
        restored = sync(archive, index)
        assert index.sent == [refused.id] and [r.id for r in restored.rejected] == [refused.id]


def test_a_checkpoint_that_lists_a_withdrawn_article_is_cleaned(tmp_path: Path) -> None:
    """A checkpoint written before this rule (past the withdrawal's change, the article still
    listed) is put right by the next sync, which sends the article nothing either."""
    path = tmp_path / "archive.sqlite"
    kept, refused = _archive(path)
    index: Any = _StandIn(refusing={refused.id})
    with Archive(path) as archive:
        archive.withdraw(refused.id, "not an article: a notice")
        listed = {refused.id: Rejection(refused.id, 400, "mapper_parsing_exception: too long")}
        write_checkpoint(archive, index, Checkpoint(archive.last_seq(), "uuid-1", listed))
        report = sync(archive, index)
        assert report.rejected == [] and read_checkpoint(archive, index).rejected == {}
        assert index.sent == []
