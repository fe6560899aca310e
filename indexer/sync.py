"""Archive → Elasticsearch/OpenSearch: incremental `sync` and a full `rebuild` behind an alias.

The archive stays the source of truth; the engine is a copy that can always be rebuilt from it.

- `sync` pushes the articles changed since a checkpoint (the archive's change number `seq`), in
  bulk, with the article id as `_id` (re-sending is harmless), and stores the checkpoint in the
  archive after each batch the engine acknowledged. Interrupted at any point, a re-run resumes
  from the last acknowledged batch. The checkpoint also names the index it was made against: when
  the alias has moved to an index this archive never filled (another machine rebuilt, the cluster
  was wiped), the next sync starts from zero.
- Documents the engine refuses for good (mapping, size) are never dropped silently: they are
  returned, kept in the archive's meta table, retried first by every later sync, and shown by
  `ocop index status` until accepted, or until withdrawn (then nothing is sent to be refused).
- `rebuild` loads every article into a new `<alias>-vN` while the alias keeps serving the old
  one, then swaps the alias in one atomic request: searches never see a half-built index.
- Deletions: the archive keeps no tombstones, so an article removed from the archive leaves the
  engine at the next rebuild (`ocop index status` shows the counts drifting apart). An article
  withdrawn (`indexer.withdrawn`: kept in the archive, its page refused by the current extractor)
  is a change like any other: `sync` deletes its document, `rebuild` leaves it out.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from indexer.archive import Archive
from indexer.engines.elastic.bulk import Rejection
from indexer.engines.elastic.index import RemoteIndex
from indexer.engines.elastic.mapping import MAPPING_VERSION
from indexer.errors import EngineUnavailable
from indexer.progress import QUIET, Progress
from indexer.schema import Article

BATCH_SIZE = 500


@dataclass
class Checkpoint:
    seq: int = 0
    index_uuid: str | None = None  # the index the seq was pushed into
    rejected: dict[str, Rejection] = field(default_factory=dict)


@dataclass
class SyncReport:
    index: str
    since: int  # checkpoint before the run
    until: int  # checkpoint after the run
    pushed: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    from_scratch: bool = False  # the alias pointed at an index this archive had not synced into
    rebuilt: bool = False  # there was no index yet: sync ran a rebuild


@dataclass(frozen=True)
class SyncStatus:
    """What `ocop index status` shows: the alias and what is behind it, counts in the archive and
    the engine, the checkpoint, and what the next sync would push or retry."""

    engine: str
    url: str
    alias: str
    index: str | None  # the index behind the alias (several, comma-separated, if someone moved it by hand)
    mapping: int | None  # its mapping version (None without exactly one index)
    mapping_expected: int  # the mapping this version of ocop-watch writes
    versions: list[str]  # every `<alias>-vN` index
    archive_articles: int
    engine_articles: int
    archive_seq: int
    checkpoint_seq: int
    pending: int
    rejected: list[Rejection]
    withdrawn: int = 0  # archived articles left out of search (`indexer.withdrawn`)


@dataclass
class RebuildReport:
    index: str
    loaded: int
    rejected: list[Rejection]
    swapped: bool
    previous: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


# --- checkpoint, kept in the archive's meta table ----------------------------------------------------


def checkpoint_key(index: RemoteIndex) -> str:
    """One checkpoint per engine URL and alias: an archive can feed several clusters."""
    return f"index-sync {index.name} {index.url} {index.alias}"


def read_checkpoint(archive: Archive, index: RemoteIndex) -> Checkpoint:
    raw = archive.get_meta(checkpoint_key(index))
    if not raw:
        return Checkpoint()
    data = json.loads(raw)
    rejected = {r["id"]: Rejection(r["id"], r["status"], r["reason"]) for r in data.get("rejected", [])}
    return Checkpoint(int(data["seq"]), data.get("index_uuid"), rejected)


def write_checkpoint(archive: Archive, index: RemoteIndex, checkpoint: Checkpoint) -> None:
    value = {
        "seq": checkpoint.seq,
        "index_uuid": checkpoint.index_uuid,
        "rejected": [vars(r) for r in checkpoint.rejected.values()],
    }
    archive.set_meta(checkpoint_key(index), json.dumps(value, ensure_ascii=False))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _record(
    checkpoint: Checkpoint, batch: list[Article], rejected: list[Rejection], withdrawn: Iterable[str] = ()
) -> None:
    """Accepted articles leave the rejected list; refused ones join it (latest reason wins).

    Withdrawn ones leave it too: they are not sent while withdrawn, so a refusal listed for them
    would be reported (and the sync counted as partly failed) by every run, for a document nobody
    asks the engine to hold. Served again, an article is a change and is sent (and listed) anew.
    """
    refused = {r.id: r for r in rejected}
    for article_id in [article.id for article in batch] + list(withdrawn):
        checkpoint.rejected.pop(article_id, None)
    checkpoint.rejected.update(refused)


# --- sync --------------------------------------------------------------------------------------------


def sync(
    archive: Archive, index: RemoteIndex, *, batch_size: int = BATCH_SIZE, progress: Progress | None = None
) -> SyncReport:
    """Push every article changed since the checkpoint; resumable, idempotent, never drops a refusal."""
    progress = progress or QUIET
    behind = index.versions.behind_alias()
    if not behind:  # a new cluster: build the first version instead of syncing into nothing
        # forced: with nothing to keep serving, rejected articles are listed and retried by the next sync
        built = rebuild(archive, index, batch_size=batch_size, force=True, progress=progress)
        after = read_checkpoint(archive, index)
        return SyncReport(built.index, 0, after.seq, built.loaded, built.rejected, rebuilt=True)
    if len(behind) > 1:
        raise EngineUnavailable(
            f"alias {index.alias!r} points at several indices ({', '.join(behind)}): fix it by hand"
        )
    found = index.versions.mapping_version(behind[0])
    if found != MAPPING_VERSION:  # its fields are not the ones documents now carry
        raise EngineUnavailable(
            f"{behind[0]} has mapping {found}, this version of ocop-watch writes mapping {MAPPING_VERSION}: "
            "run `ocop index rebuild` once"
        )
    uuid = index.versions.current_uuid()
    checkpoint = read_checkpoint(archive, index)
    from_scratch = checkpoint.index_uuid not in (None, uuid)
    if checkpoint.index_uuid != uuid:  # never synced into this index: everything goes
        checkpoint = Checkpoint(0, uuid)
    report = SyncReport(behind[0], since=checkpoint.seq, until=checkpoint.seq, from_scratch=from_scratch)

    hidden = archive.withdrawn_ids()
    retry = [archive.get(i) for i in checkpoint.rejected if archive.has_article(i) and i not in hidden]
    progress.start(f"sync → {behind[0]}", archive.pending_changes(checkpoint.seq) + len(retry))
    for batch in _batches(retry, batch_size):  # refused last time: try again first
        result = index.bulk(batch)
        _record(checkpoint, batch, result.rejected)
        report.pushed += result.written
        with archive.transaction():
            write_checkpoint(archive, index, checkpoint)
        progress.advance(len(batch))
    # gone from the archive, or withdrawn (a checkpoint already past the withdrawal's change)
    checkpoint.rejected = {
        i: r for i, r in checkpoint.rejected.items() if archive.has_article(i) and i not in hidden
    }

    while changes := archive.changes_since(checkpoint.seq, batch_size):
        hidden = archive.withdrawn_ids()  # read with the batch: a withdrawal made meanwhile is seen
        batch = [article for _, article in changes if article.id not in hidden]
        gone = [article.id for _, article in changes if article.id in hidden]
        index.delete(gone, refresh=False)
        result = index.bulk(batch)  # raises EngineUnavailable once retries are exhausted
        _record(checkpoint, batch, result.rejected, withdrawn=gone)
        checkpoint.seq = changes[-1][0]
        report.pushed += result.written
        with archive.transaction():  # only after the engine acknowledged the batch
            write_checkpoint(archive, index, checkpoint)
        progress.advance(len(batch))
    with archive.transaction():
        write_checkpoint(archive, index, checkpoint)
    index.versions.refresh()
    report.until = checkpoint.seq
    report.rejected = list(checkpoint.rejected.values())
    return report


# --- rebuild -----------------------------------------------------------------------------------------


def rebuild(
    archive: Archive,
    index: RemoteIndex,
    *,
    batch_size: int = BATCH_SIZE,
    shards: int | None = None,
    keep: int = 1,
    force: bool = False,
    progress: Progress | None = None,
) -> RebuildReport:
    """Load the whole archive into a new `<alias>-vN`, then swap the alias atomically.

    The alias keeps serving the previous version until the new one is loaded, refreshed and
    allocated, so searches never fail or see a partial index. The previous `keep` versions stay
    (open exports finish on them; rolling back is one alias change); older ones are deleted. With
    rejected documents the swap is refused unless `force`: the new index would lack them.
    """
    progress = progress or QUIET
    index.versions.put_template()
    start_seq = archive.last_seq()  # changes after this are pushed by the next sync
    name = index.versions.create(shards=shards)
    checkpoint = Checkpoint(start_seq)
    loaded = 0
    try:
        progress.start(f"rebuild → {name}", archive.count())
        hidden = archive.withdrawn_ids()
        served = (article for article in archive.articles(batch_size) if article.id not in hidden)
        for batch in _batches(served, batch_size):
            result = index.bulk(batch, index=name)
            _record(checkpoint, batch, result.rejected)
            loaded += result.written
            progress.advance(len(batch))
        count = index.versions.finish_loading(name)
        if count != loaded:
            raise EngineUnavailable(f"{name} holds {count} documents after {loaded} were acknowledged")
    except BaseException:
        with contextlib.suppress(EngineUnavailable):  # the alias never saw it; do not hide the cause
            index.versions.drop(name)
        raise
    rejected = list(checkpoint.rejected.values())
    if rejected and not force:
        index.versions.drop(name)
        return RebuildReport(name, loaded, rejected, swapped=False)
    previous = index.versions.point_alias_to(name)
    checkpoint.index_uuid = index.versions.uuids()[name]
    with archive.transaction():
        write_checkpoint(archive, index, checkpoint)
    older = [version for version in index.versions.uuids() if version != name]
    dropped = older[: max(0, len(older) - keep)]
    for version in dropped:
        index.versions.drop(version)
    return RebuildReport(name, loaded, rejected, swapped=True, previous=previous, dropped=dropped)


# --- status ------------------------------------------------------------------------------------------


def status(archive: Archive, index: RemoteIndex) -> SyncStatus:
    """Counts in the archive and the engine, the checkpoint, and what the next sync would push."""
    checkpoint = read_checkpoint(archive, index)
    behind = index.versions.behind_alias()
    uuid = index.versions.current_uuid() if behind else None
    in_step = uuid is not None and checkpoint.index_uuid == uuid
    return SyncStatus(
        engine=index.name,
        url=index.url,
        alias=index.alias,
        index=", ".join(behind) or None,
        mapping=index.versions.mapping_version(behind[0]) if len(behind) == 1 else None,
        mapping_expected=MAPPING_VERSION,
        versions=list(index.versions.uuids()),
        archive_articles=archive.count(),
        engine_articles=index.count() if behind else 0,
        archive_seq=archive.last_seq(),
        checkpoint_seq=checkpoint.seq if in_step else 0,
        pending=archive.pending_changes(checkpoint.seq if in_step else 0),
        rejected=list(checkpoint.rejected.values()) if in_step else [],
        withdrawn=len(archive.withdrawn()),
    )
