"""The judged set's archive, indexed by every engine under test (embedded, OpenSearch, Elasticsearch)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.archive import Archive
from indexer.engines.base import SearchIndex
from indexer.engines.embedded import EmbeddedIndex
from indexer.sync import rebuild
from tests.support.judged_set import ARTICLES
from tests.support.remotes import REMOTE_PARAMS, REMOTES, remote_index


@pytest.fixture(scope="session")
def judged_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("judged") / "archive.sqlite"
    with Archive(path) as archive:
        archive.upsert_many(list(ARTICLES.values()))
    return path


@pytest.fixture(scope="session", params=["embedded", *REMOTE_PARAMS])
def judged_engine(request: pytest.FixtureRequest, judged_archive: Path) -> Iterator[SearchIndex]:
    if request.param == "embedded":
        yield EmbeddedIndex(judged_archive)
        return
    chosen = REMOTES[request.param]
    index = remote_index(chosen.url(), f"ocop-judged-{request.param}", chosen.kind)
    with Archive(judged_archive) as archive:
        assert rebuild(archive, index).swapped
    yield index
    index.versions.drop_all()
