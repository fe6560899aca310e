"""`ocop index sync|rebuild|status` against a real node: resumable, idempotent, never loses a query.

Every test here gets aliases of its own (`fresh_remote`), deleted afterwards, and runs on every
remote engine under test, except the two slow ones marked `ON_PRIMARY_ENGINE` (interrupted syncs,
rebuilds under concurrent searches): what they check is `indexer.sync`'s own bookkeeping, and the
engine calls they make (bulk, aliases, scan) are exercised on every engine by the others and by the
contract suite, so they run once, on Elasticsearch, to keep `make test` within its time budget.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from indexer.archive import Archive
from indexer.engines.elastic import bulk
from indexer.engines.elastic.index import RemoteIndex
from indexer.engines.elastic.mapping import MAPPING_VERSION
from indexer.errors import EngineUnavailable
from indexer.query import SearchRequest
from indexer.sync import read_checkpoint, rebuild, status, sync
from tests.support.contract_articles import ARTICLES, generated_articles
from tests.support.remotes import ON_PRIMARY_ENGINE, remote_index

pytestmark = pytest.mark.engine

Remote = Callable[[], RemoteIndex]


def archive_with(path: Path, *batches: Any) -> Path:
    with Archive(path) as archive:
        for batch in batches:
            for article in batch:
                archive.upsert(article)
    return path


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixtures plus 600 recombined articles, built once (the tests using it only read it)."""
    return archive_with(
        tmp_path_factory.mktemp("big") / "archive.sqlite", ARTICLES.values(), generated_articles(600, seed=1)
    )


def engine_ids(index: RemoteIndex) -> list[str]:
    index.versions.refresh()
    return [article.id for article in index.scan(SearchRequest(sort="oldest"))]


def empty_alias(index: RemoteIndex) -> str:
    """The alias on an empty index, so sync takes its incremental path from the first batch."""
    index.versions.put_template()
    name = index.versions.create()
    index.versions.finish_loading(name)
    index.versions.point_alias_to(name)
    return name


class PowerCut:
    """The client, except that bulk requests fail after `after` of them (optionally once written)."""

    def __init__(self, client: Any, after: int, written: bool):
        self.client, self.after, self.written, self.calls = client, after, written, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)

    def bulk(self, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls > self.after:
            if self.written:  # the engine stored the batch but the acknowledgement never came back
                self.client.bulk(**kwargs)
            raise RuntimeError("power cut")
        return self.client.bulk(**kwargs)


@ON_PRIMARY_ENGINE
@pytest.mark.parametrize("written", [False, True], ids=["batch-lost", "ack-lost"])
def test_interrupted_sync_rerun_ends_with_exactly_the_archive(
    fresh_remote: Remote, tmp_path: Path, written: bool
) -> None:
    path = archive_with(tmp_path / "a.sqlite", generated_articles(500, seed=3))
    index = fresh_remote()
    empty_alias(index)
    real = index.cluster.client
    index.cluster.client = PowerCut(real, after=4, written=written)
    with Archive(path) as archive, pytest.raises(RuntimeError, match="power cut"):
        sync(archive, index, batch_size=50)
    index.cluster.client = real
    with Archive(path) as archive:
        # the checkpoint is the last change of the last acknowledged batch
        assert read_checkpoint(archive, index).seq == archive.changes_since(0, 200)[-1][0]
        assert len(engine_ids(index)) == (250 if written else 200)
        # the archive moves on before the re-run: new versions of some articles, new articles
        changed = [
            a.model_copy(update={"title": a.title + " (đã sửa)"}) for a in list(archive.articles())[::50]
        ]
        for article in [*changed, *generated_articles(50, seed=4)]:
            archive.upsert(article)
        pending = archive.pending_changes(200)  # 300 + 50 new + those changed among the first 200
        report = sync(archive, index, batch_size=50)
        wanted = sorted(a.id for a in archive.articles())
    assert not report.rejected and report.since == 200 and report.pushed == pending > 350
    assert sorted(engine_ids(index)) == wanted and index.count() == len(wanted) == 550
    assert index.get(changed[3].id).title.endswith("(đã sửa)")


@ON_PRIMARY_ENGINE
def test_rebuild_under_concurrent_searches_loses_no_query(fresh_remote: Remote, big_archive: Path) -> None:
    index = fresh_remote()
    with Archive(big_archive) as archive:
        rebuild(archive, index)
        articles = archive.count()
    requests = [
        SearchRequest(size=5),
        SearchRequest(q="ocop", size=5, sort="newest"),
        SearchRequest(q="sen -xoài", filters={"site": ["vnexpress.net", "baophutho.vn"]}, size=3),
        SearchRequest(q='"nông thôn mới"', filters={"stars": ["5"]}, date_from="2022-01-01", size=0),
    ]
    expected = [index.search(r).total for r in requests]
    assert expected[0] == articles and all(expected)
    answers: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def search_in_a_loop(offset: int) -> None:
        n = offset
        while not stop.is_set():
            which = n % len(requests)
            try:
                answers.append((which, index.search(requests[which]).total))
            except BaseException as exc:  # noqa: BLE001  (every failure is the test's business)
                failures.append(exc)
            n += 1

    threads = [threading.Thread(target=search_in_a_loop, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.2)
        with Archive(big_archive) as archive:
            second = rebuild(archive, index, batch_size=100)  # v2; v1 is kept as the previous version
            during_first = len(answers)
            third = rebuild(archive, index, batch_size=100)  # v3; v1 is deleted while searches run
        time.sleep(0.2)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert during_first > 20 and len(answers) > during_first + 20
    assert [total for which, total in answers if total != expected[which]] == []
    assert second.previous == [f"{index.alias}-v1"] and third.dropped == [f"{index.alias}-v1"]
    assert index.versions.behind_alias() == [f"{index.alias}-v3"]
    assert list(index.versions.uuids()) == [f"{index.alias}-v2", f"{index.alias}-v3"]


def test_rejected_articles_are_reported_kept_and_retried(fresh_remote: Remote, tmp_path: Path) -> None:
    good = list(ARTICLES.values())
    bad = good[0].model_copy(
        update={"id": "0badbadbadbadbadbad0", "section": "x" * 40_000}
    )  # an immense term
    path = archive_with(tmp_path / "a.sqlite", good, [bad])
    index = fresh_remote()
    with Archive(path) as archive:
        first = sync(archive, index)  # no index yet: sync builds it, listing the refusal
        assert (
            first.rebuilt and [r.id for r in first.rejected] == [bad.id] and first.rejected[0].status == 400
        )
        assert index.count() == len(good)
        assert [r.id for r in status(archive, index).rejected] == [bad.id]
        again = sync(archive, index)  # retried, refused again, still listed
        assert [r.id for r in again.rejected] == [bad.id] and again.pushed == 0
        archive.upsert(bad.model_copy(update={"section": "Kinh tế"}))  # fixed at the source
        fixed = sync(archive, index)
        assert fixed.rejected == [] and status(archive, index).rejected == []
    assert index.count() == len(good) + 1


def _connection_error(kind: str) -> Exception:
    if kind == "elasticsearch":
        import elastic_transport

        return elastic_transport.ConnectionError("connection refused")
    import opensearchpy

    return opensearchpy.ConnectionError("N/A", "connection refused", None)


class Flaky:
    """The client, whose bulk requests first fail the given ways, then pass."""

    def __init__(self, client: Any, kind: str, failures: list[str]):
        self.client, self.kind, self.failures, self.calls = client, kind, list(failures), 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)

    def bulk(self, **kwargs: Any) -> Any:
        self.calls += 1
        failure = self.failures.pop(0) if self.failures else None
        if failure in ("connection", "always"):
            if failure == "always":
                self.failures.append("always")
            raise _connection_error(self.kind)
        if failure == "429":  # every item refused for now, as a busy node answers
            operations = kwargs["body"][::2]
            return {
                "errors": True,
                "items": [{"index": {"_id": op["index"]["_id"], "status": 429}} for op in operations],
            }
        return self.client.bulk(**kwargs)


def test_bulk_retries_with_backoff_then_gives_up_clearly(
    fresh_remote: Remote, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BULK_BACKOFF", 0.01)
    path = archive_with(tmp_path / "a.sqlite", ARTICLES.values())
    index = fresh_remote()
    empty_alias(index)
    real = index.cluster.client
    index.cluster.client = flaky = Flaky(real, index.name, ["connection", "429", "connection"])
    with Archive(path) as archive:
        report = sync(archive, index, batch_size=100)
        assert flaky.calls == 4 and report.pushed == len(ARTICLES) and index.count() == len(ARTICLES)
        archive.upsert(ARTICLES["xoso"].model_copy(update={"title": "Kết quả xổ số (cập nhật)"}))
        before = read_checkpoint(archive, index).seq
        index.cluster.client = flaky = Flaky(real, index.name, ["always"])
        with pytest.raises(EngineUnavailable, match="cannot reach"):
            sync(archive, index)
        assert flaky.calls == bulk.BULK_ATTEMPTS
        assert read_checkpoint(archive, index).seq == before  # nothing acknowledged, nothing skipped


def test_sync_starts_over_when_the_alias_moved_to_an_index_it_never_filled(
    fresh_remote: Remote, tmp_path: Path
) -> None:
    """Two crawler machines feed one cluster; when one rebuilds, the other pushes everything again."""
    one = archive_with(tmp_path / "one.sqlite", ARTICLES.values())
    two = archive_with(tmp_path / "two.sqlite", generated_articles(100, seed=9))
    index = fresh_remote()
    with Archive(one) as first, Archive(two) as second:
        assert sync(first, index).rebuilt
        assert sync(second, index).pushed == 100 and index.count() == len(ARTICLES) + 100
        rebuild(second, index)  # only the second archive's articles are in the new version
        assert index.count() == 100
        assert sync(second, index).pushed == 0
        again = sync(first, index)
    assert again.from_scratch and again.pushed == len(ARTICLES)
    assert index.count() == len(ARTICLES) + 100


def test_sync_refuses_an_index_of_another_mapping(fresh_remote: Remote, tmp_path: Path) -> None:
    """An index built by an older template lacks the fields documents now carry: rebuild, not sync."""
    path = archive_with(tmp_path / "a.sqlite", ARTICLES.values())
    index = fresh_remote()
    name = empty_alias(index)
    older = {"_meta": {"ocop_mapping": MAPPING_VERSION - 1}}
    index.cluster.client.indices.put_mapping(index=name, body=older)
    with Archive(path) as archive:
        with pytest.raises(EngineUnavailable, match="run `ocop index rebuild`"):
            sync(archive, index)
        assert status(archive, index).mapping == MAPPING_VERSION - 1 and index.count() == 0
        rebuild(archive, index)
        assert sync(archive, index).pushed == 0 and status(archive, index).mapping == MAPPING_VERSION
    assert index.count() == len(ARTICLES)


def test_cli_status_sync_rebuild(
    fresh_remote: Remote, tmp_path: Path, ocop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = archive_with(tmp_path / "a.sqlite", ARTICLES.values())
    index = fresh_remote()
    env = {"OCOP_ENGINE": index.name, "OCOP_ENGINE_URL": index.url, "OCOP_INDEX_ALIAS": index.alias}

    def command(*args: str, **extra: str) -> Any:
        for name, value in {**env, **extra}.items():
            monkeypatch.setenv(name, value)
        return ocop("index", *args, "--archive", path)

    before = command("status")
    assert before.code == 0 and "run `ocop index rebuild`" in before.out
    synced = command("sync", "--batch-size", "10")
    assert synced.code == 0 and f"{len(ARTICLES)} article(s) pushed" in synced.out
    after = command("status")
    assert after.code == 0 and f"{index.alias}-v1" in after.out
    assert re.search(rf"articles in engine: +{len(ARTICLES)}\n", after.out)
    assert re.search(r"changes pending: +0\n", after.out)
    assert re.search(rf"mapping: +{MAPPING_VERSION}\n", after.out)
    rebuilt = command("rebuild")
    assert rebuilt.code == 0 and f"→ {index.alias}-v2 (was {index.alias}-v1)" in rebuilt.out
    down = command("sync", OCOP_ENGINE_URL="http://127.0.0.1:9")
    assert down.code == 7 and down.error.startswith("ocop: error: cannot reach")
    embedded = command("sync", OCOP_ENGINE="embedded")  # the same commands keep the embedded index
    assert embedded.code == 0 and "change(s) applied to the embedded index" in embedded.out


def test_an_alias_extending_ours_keeps_its_versions(fresh_remote: Remote, tmp_path: Path) -> None:
    """`<alias>-v*` also matches `<alias>-vault-v1`: rebuilding ours must not delete theirs."""
    path = archive_with(tmp_path / "a.sqlite", ARTICLES.values())
    ours = fresh_remote()
    theirs = remote_index(ours.url, f"{ours.alias}-vault", ours.name)
    try:
        with Archive(path) as archive:
            rebuild(archive, theirs)
            for _ in range(3):
                rebuild(archive, ours, keep=0)
        assert list(theirs.versions.uuids()) == [f"{theirs.alias}-v1"] and theirs.count() == len(ARTICLES)
        assert list(ours.versions.uuids()) == [f"{ours.alias}-v3"] and ours.count() == len(ARTICLES)
    finally:
        theirs.versions.drop_all()
