"""The embedded index follows the archive: its change feed, rebuilds, deletions, one writer at a time.

The contract suite checks what the embedded engine answers; these tests check how its folder beside
the archive stays in step with the archive (`indexer/engines/embedded/folder.py`).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from indexer import archive as archive_module
from indexer import stories
from indexer.archive import Archive
from indexer.engines.embedded import EmbeddedIndex, bulk, counts, engine, folder
from indexer.engines.embedded.fields import pairs
from indexer.engines.embedded.folder import CHECKPOINT_FILE, CURRENT
from indexer.errors import EngineUnavailable
from indexer.facets import COUNTED_FACETS
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article, article_id_for
from ocop_watch.cli_app import app
from ocop_watch.commands import index as _index_commands  # noqa: F401  (registers `ocop index ...`)
from tests.support.contract_articles import ARTICLES, CRAWLED, ID, build_archive, generated_articles


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "archive.sqlite")


def ids(index: EmbeddedIndex, **fields: object) -> set[str]:
    return {hit.id for hit in index.search(SearchRequest(size=100, **fields)).hits}  # type: ignore[arg-type]


def test_a_search_follows_what_was_archived_after_it(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    assert index.search(SearchRequest()).total == len(ARTICLES)  # built on first use (a small archive)
    changed = ARTICLES["dong_song"].model_copy(update={"title": "Cánh đồng điện gió Bạc Liêu"})
    added = next(generated_articles(1, seed=9)).model_copy(update={"title": "Làng gốm Bát Tràng"})
    with Archive(archive_path) as archive:
        archive.upsert(changed)
        archive.upsert(added)
    assert ids(index, q='"điện gió"') == {changed.id}
    assert ids(index, q='"bat trang"') == {added.id}
    assert ID["dong_song"] not in ids(index, q='"dòng sông quê hương"')  # the old title is gone
    assert index.count() == len(ARTICLES) + 1


def test_a_big_backlog_is_caught_up_by_sync_and_searches_answer_meanwhile(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path, inline_catch_up=5)
    assert index.sync() == len(ARTICLES)
    with Archive(archive_path) as archive:
        archive.upsert_many(generated_articles(20, seed=3))
    assert index.count() == len(ARTICLES) + 5  # a search applies a bounded part of the backlog
    assert index.status()["pending"] == 15
    assert index.sync() == 15
    assert index.count() == len(ARTICLES) + 20 and index.status()["pending"] == 0


def test_a_missing_index_of_a_big_archive_is_a_503_that_says_what_to_run(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path, inline_catch_up=10)
    with pytest.raises(EngineUnavailable, match="ocop index rebuild"):
        index.search(SearchRequest())
    assert index.rebuild() == len(ARTICLES)
    assert index.search(SearchRequest()).total == len(ARTICLES)


def test_rebuild_swaps_in_a_new_generation_under_open_readers(archive_path: Path) -> None:
    reader, writer = EmbeddedIndex(archive_path), EmbeddedIndex(archive_path)
    before = ids(reader, q="ocop")
    first = (writer.folder.path / CURRENT).readlink()
    writer.rebuild()
    second = (writer.folder.path / CURRENT).readlink()
    assert first != second and not (writer.folder.path / first).exists()  # the old one is removed
    assert ids(reader, q="ocop") == before  # the reader moved to the new generation


def test_an_index_of_another_format_or_ahead_of_the_archive_is_rebuilt(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    index.sync()
    folder = index.folder.path / (index.folder.path / CURRENT).readlink()
    checkpoint = json.loads((folder / CHECKPOINT_FILE).read_text())
    (folder / CHECKPOINT_FILE).write_text(json.dumps({**checkpoint, "format": -1}))
    assert EmbeddedIndex(archive_path).search(SearchRequest()).total == len(ARTICLES)
    folder = index.folder.path / (index.folder.path / CURRENT).readlink()
    checkpoint = json.loads((folder / CHECKPOINT_FILE).read_text())
    (folder / CHECKPOINT_FILE).write_text(json.dumps({**checkpoint, "seq": 10**6}))  # another archive's
    assert EmbeddedIndex(archive_path).search(SearchRequest()).total == len(ARTICLES)


def test_delete_removes_from_archive_and_index(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    assert index.delete([ID["tphcm"], "0000000000000000dead"]) == 1
    assert ids(index, q="TP.HCM") == set() and index.count() == len(ARTICLES) - 1
    with Archive(archive_path) as archive:
        assert not archive.has_article(ID["tphcm"])


def test_a_search_never_waits_for_another_writer(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    index.sync()
    with Archive(archive_path) as archive:
        archive.upsert(next(generated_articles(1, seed=5)))
    with index.folder.writing(wait=True):  # a crawl or a rebuild holds the writer's lock
        assert index.search(SearchRequest()).total == len(ARTICLES)  # answered from the last commit
    assert index.search(SearchRequest()).total == len(ARTICLES) + 1


def test_date_cursors_survive_articles_added_between_pages(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    first = index.search(SearchRequest(sort="newest", size=10, with_facets=False))
    with Archive(archive_path) as archive:
        archive.upsert_many(generated_articles(30, seed=11))
    seen, cursor = [h.id for h in first.hits], first.next_cursor
    while cursor:
        page = index.search(SearchRequest(sort="newest", size=10, cursor=cursor, with_facets=False))
        seen += [h.id for h in page.hits]
        cursor = page.next_cursor
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(ARTICLES[k].id for k in ARTICLES) <= set(seen)  # nothing archived before was skipped


def test_deep_pages_and_cursors_agree(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    index = EmbeddedIndex(path)
    index.index(generated_articles(1_200, seed=2))
    for fields in ({"sort": "oldest"}, {"q": "ocop"}, {"q": "sản phẩm", "sort": "newest"}):
        whole = [a.id for a in index.scan(SearchRequest(**fields), batch_size=97)]  # type: ignore[arg-type]
        assert len(whole) == len(set(whole)) == index.search(SearchRequest(**fields, size=0)).total  # type: ignore[arg-type]
        deep = index.search(SearchRequest(**fields, size=20, page=40))  # type: ignore[arg-type]
        assert [h.id for h in deep.hits] == whole[780:800]
        chained, cursor = [], None
        for _ in range(6):
            page = index.search(SearchRequest(**fields, size=100, cursor=cursor, with_facets=False))  # type: ignore[arg-type]
            chained += [h.id for h in page.hits]
            cursor = page.next_cursor
        assert chained == whole[:600]


def test_index_commands_keep_the_embedded_index(archive_path: Path) -> None:
    runner = CliRunner()

    def ocop(*args: str) -> str:
        result = runner.invoke(
            app, ["index", *args, "--archive", str(archive_path)], env={"OCOP_ENGINE": "embedded"}
        )
        assert result.exit_code == 0, result.output
        return result.output

    assert re.search(rf"changes pending: +{len(ARTICLES)}\n", ocop("status"))
    assert f"{len(ARTICLES)} change(s) applied to the embedded index" in ocop("sync")
    assert "0 change(s) applied" in ocop("sync")
    assert f"{len(ARTICLES)} article(s) in the embedded index" in ocop("rebuild")
    assert re.search(rf"articles in engine: +{len(ARTICLES)}\n", ocop("status"))


def test_a_catch_up_killed_after_its_commit_adds_nothing_twice(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = EmbeddedIndex(archive_path)
    index.sync()
    with Archive(archive_path) as archive:
        archive.upsert_many(generated_articles(12, seed=21))
    original = index.folder._write_checkpoint

    def power_cut(generation: str, seq: int, *, clean: bool = True) -> None:
        if clean:  # tantivy has committed the new documents; the checkpoint never moves
            raise RuntimeError("power cut")
        original(generation, seq, clean=clean)

    monkeypatch.setattr(index.folder, "_write_checkpoint", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        index.sync()
    monkeypatch.undo()
    again = EmbeddedIndex(archive_path)
    assert again.sync() == 12  # applied again, replacing what the first attempt committed
    assert again.count() == len(ARTICLES) + 12
    assert again.search(SearchRequest()).total == len(ARTICLES) + 12


def test_facets_are_recounted_exactly_when_their_keys_overflow(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More distinct value pairs than one aggregation fetches: the facet is counted again on its plain
    column, with the same answer."""
    index = EmbeddedIndex(archive_path)
    requests = [SearchRequest(q="ocop"), SearchRequest(filters={"stars": ["4"], "site": ["vnexpress.net"]})]
    normal = [index.search(r).facets for r in requests]
    monkeypatch.setattr("indexer.engines.embedded.render.MAX_BUCKETS", 1)
    assert [index.search(r).facets for r in requests] == normal


def test_an_index_folder_that_cannot_be_written(archive_path: Path, tmp_path: Path) -> None:
    """A folder where the writer's lock cannot be made (read-only; as root, which ignores file
    modes, a directory stands where the lock file goes) still answers from what it holds. Where no
    index exists and none may be written, a small archive is indexed in memory; a big one is a 503
    that says what to do."""
    index = EmbeddedIndex(archive_path)
    index.sync()
    with Archive(archive_path) as archive:
        archive.upsert(next(generated_articles(1, seed=8)))
    lock = index.folder.path / "lock"
    lock.unlink()
    lock.mkdir()
    assert index.search(SearchRequest()).total == len(ARTICLES)  # not caught up, not an error
    with pytest.raises(EngineUnavailable, match="OCOP_EMBEDDED_INDEX"):
        index.sync()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the index folder should be")
    in_memory = EmbeddedIndex(archive_path, index_path=blocked / "index")
    assert in_memory.search(SearchRequest()).total == len(ARTICLES) + 1
    on_disk = EmbeddedIndex(archive_path, index_path=tmp_path / "elsewhere")
    assert in_memory.search(SearchRequest(q="ocop")).facets == on_disk.search(SearchRequest(q="ocop")).facets
    with Archive(archive_path) as archive:
        archive.upsert(next(generated_articles(1, seed=9)))
    assert in_memory.search(SearchRequest()).total == len(ARTICLES) + 2  # follows the archive
    assert not (blocked / "index").exists() and blocked.read_text().startswith("a file")
    too_big = EmbeddedIndex(archive_path, index_path=blocked / "index", inline_catch_up=10)
    with pytest.raises(EngineUnavailable, match="OCOP_EMBEDDED_INDEX"):
        too_big.search(SearchRequest())


def test_a_bulk_load_indexes_what_a_rebuild_from_the_archive_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`index` analyses each text once, in a second process for big loads (`bulk`), and archives
    and indexes in one pass, several batches per archive transaction; another writer archiving
    during the load (between two transactions: the input is never read inside one) is indexed too.
    The result answers every request as an index rebuilt from the archive does (`document_of`, one
    article at a time)."""
    monkeypatch.setattr(bulk, "PARALLEL_FROM", 10)  # the second process, on a load a test can afford
    monkeypatch.setattr(bulk, "BATCH", 7)
    monkeypatch.setattr(folder, "TRANSACTION", 20)  # three batches per transaction, four transactions
    path = tmp_path / "archive.sqlite"
    others = list(generated_articles(5, seed=31))

    def load_with_another_writer() -> Iterator[Article]:
        for n, article in enumerate(generated_articles(60, seed=30)):
            if n == 40:  # a crawl archiving while the load runs
                with Archive(path) as archive:
                    archive.upsert_many(others)
            yield article
        yield ARTICLES["dong_song"]
        yield ARTICLES["dong_song"].model_copy(update={"title": "Cánh đồng điện gió"})  # updated in the load

    index = EmbeddedIndex(path)
    assert index.index(load_with_another_writer()) == 62
    assert index.status()["pending"] == 0
    requests = [
        SearchRequest(size=100),
        SearchRequest(q="ocop", size=100),
        SearchRequest(q='"sản phẩm"', sort="newest", size=100),
        SearchRequest(q='"điện gió"', size=100),
        SearchRequest(q='"dòng sông"', size=100),
    ]
    loaded = [index.search(request) for request in requests]
    assert loaded[0].total == 60 + 5 + 1
    assert {hit.id for hit in loaded[3].hits} == {ID["dong_song"]}
    assert index.rebuild() == 66
    rebuilt = [index.search(request) for request in requests]
    for first, second in zip(loaded, rebuilt, strict=True):
        assert first.total == second.total and first.facets == second.facets
        assert [(h.id, h.story_size) for h in first.hits] == [(h.id, h.story_size) for h in second.hits]


def test_a_bulk_load_archives_what_upserts_one_by_one_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysing processes send each article's digest, signature values and band keys
    (`stories.Signature`, made once there): every row of the articles, their signatures and their
    band keys is what `Archive.upsert` stores computing them itself, one article at a time,
    near-duplicates joining the same stories."""
    monkeypatch.setattr(bulk, "PARALLEL_FROM", 10)  # the analysing processes, on a load a test can afford
    monkeypatch.setattr(bulk, "BATCH", 7)
    monkeypatch.setattr(folder, "TRANSACTION", 20)
    originals = list(generated_articles(30, seed=40))
    copies = [
        article.model_copy(
            update={
                "id": article_id_for(article.url + "?copy"),
                "url": article.url + "?copy",
                "text": "Bản sao. " + article.text,
            }
        )
        for article in originals[:10]
    ]
    edited = originals[3].model_copy(update={"text": originals[3].text + " Thêm một câu."})
    load = [*originals, *copies, edited, originals[5]]  # an edit and an unchanged repeat in the same load
    assert EmbeddedIndex(tmp_path / "bulk.sqlite").index(load) == len(load)
    with Archive(tmp_path / "one.sqlite") as archive:
        for article in load:
            archive.upsert(article)

    def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
        with Archive(path, readonly=True) as archive:
            return {
                table: [
                    tuple(row) for row in archive.conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2")
                ]
                for table, columns in (
                    ("articles", "*"),  # its first column is the rowid
                    ("story_signatures", "*"),
                    ("story_buckets", "article_rowid, bucket"),
                )
            }

    loaded = rows(tmp_path / "bulk.sqlite")
    assert loaded == rows(tmp_path / "one.sqlite")
    joined = [row for row in loaded["story_signatures"] if row[1] != loaded["articles"][row[0] - 1][1]]
    assert len(joined) >= 8  # the copies joined their originals' stories
    for rowid, article_id, *_ in loaded["articles"][:5]:
        text = [article.text for article in load if article.id == article_id][-1]  # as last archived
        keys = sorted(bucket for row_id, bucket in loaded["story_buckets"] if row_id == rowid)
        signature = stories.signature(text)
        assert signature is not None
        assert keys == sorted(signature.buckets)


def test_the_analysing_processes_of_a_bulk_load_yield_the_cores_to_it() -> None:
    """The analysing processes run `NICENESS` steps below the loading process's priority (as low as
    the system allows), so the thread storing the load, which sets its pace, is never the one
    waiting for a core."""
    own = os.getpriority(os.PRIO_PROCESS, 0)
    expected = min(own + bulk.NICENESS, 19)
    assert expected > own
    before = {child.pid for child in multiprocessing.active_children()}
    with bulk.Analyser(parallel=True):
        analysers = [child.pid for child in multiprocessing.active_children() if child.pid not in before]
        assert len(analysers) == bulk.PROCESSES
        deadline = time.monotonic() + 30  # each sets its own priority as it starts
        while {os.getpriority(os.PRIO_PROCESS, pid) for pid in analysers} != {expected}:
            assert time.monotonic() < deadline, [os.getpriority(os.PRIO_PROCESS, pid) for pid in analysers]
            time.sleep(0.05)
    assert os.getpriority(os.PRIO_PROCESS, 0) == own


def test_an_analysing_process_refused_a_lower_priority_still_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A system may refuse `setpriority` (a sandbox); the analysing process then starts at the
    loader's priority instead of failing, which would make the pool start new ones forever."""

    def refused(increment: int) -> int:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(bulk.os, "nice", refused)
    thresholds = gc.get_threshold()
    try:
        bulk._start_analysing()
        assert gc.get_threshold()[0] == bulk.YOUNG_OBJECTS
    finally:
        gc.set_threshold(*thresholds)


def test_a_bulk_load_tunes_its_archive_connection_only_while_it_lasts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bulk load into a large archive stores its transactions with a larger page cache and fewer
    WAL checkpoints (`Archive.bulk_loading`); the connection has its usual settings before and
    after, also when the load fails, and what the load left in the WAL is in the database when it
    ends. Into an archive smaller than `BULK_FROM_BYTES` it keeps its usual settings."""
    monkeypatch.setattr(archive_module, "BULK_FROM_BYTES", 0)
    monkeypatch.setattr(archive_module, "BULK_CACHE_KIB", 12_345)
    monkeypatch.setattr(archive_module, "BULK_CHECKPOINT_PAGES", 777)

    def settings(archive: Archive) -> tuple[int, int]:
        cache = archive.conn.execute("PRAGMA cache_size").fetchone()[0]
        return cache, archive.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]

    seen: list[tuple[int, int]] = []
    store = Archive.store

    def recorded(archive: Archive, items: object) -> object:
        seen.append(settings(archive))
        return store(archive, items)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "store", recorded)
    path = tmp_path / "archive.sqlite"
    assert EmbeddedIndex(path).index(generated_articles(12, seed=3)) == 12
    assert seen and set(seen) == {(-12_345, 777)}
    wal = path.with_name(path.name + "-wal")
    with Archive(path) as archive:
        usual = settings(archive)
        assert usual != (-12_345, 777)
        with pytest.raises(RuntimeError), archive.bulk_loading():
            assert settings(archive) == (-12_345, 777)
            raise RuntimeError("the load failed")
        assert settings(archive) == usual
        with archive.bulk_loading():
            archive.upsert(next(generated_articles(1, seed=4)))
            assert wal.stat().st_size > 0
        assert settings(archive) == usual
        assert wal.stat().st_size == 0  # checkpointed and cut back, the connection still open
        monkeypatch.setattr(archive_module, "BULK_FROM_BYTES", path.stat().st_size * 2)
        with archive.bulk_loading() as tune_when_large:
            tune_when_large()
            assert settings(archive) == usual  # small: not worth a checkpoint of it all at the end


def test_a_query_of_many_exact_terms_is_tiered_by_its_rarest_six() -> None:
    """The cost budget of round 4 (#12): each exact term is a pass over the articles printing its
    syllables, so past `MAX_EXACT_TERMS` only the rarest tier a ranking, in the query's order."""
    from indexer.engines.embedded.render import MAX_EXACT_TERMS, exact_budget
    from indexer.query_ast import Term

    held = {"gạo": 900, "chè": 40, "trà": 700, "mắm": 15, "gốm": 3, "dừa": 500, "sen": 60, "mật": 800}
    terms = [Term((word,), exact=True) for word in held]
    kept = exact_budget(terms, lambda term: held[term.tokens[0]])
    assert MAX_EXACT_TERMS == 6
    assert [t.tokens[0] for t in kept] == ["chè", "trà", "mắm", "gốm", "dừa", "sen"]
    assert exact_budget(terms[:MAX_EXACT_TERMS], lambda term: held[term.tokens[0]]) == terms[:MAX_EXACT_TERMS]
    assert exact_budget(terms, None) == terms  # no counts: every term


def test_a_long_or_is_ranked_by_one_tier_an_alternative_printed_as_typed(tmp_path: Path) -> None:
    """A query that is one OR of `LONG_OR` alternatives or more (round 12, #12) has one tier, for
    an article holding any alternative as typed (a bare word wherever it matches), not one per
    word and per expanded word: an article printing only a look-alike ("chế" for `chè`) ranks
    below all of them, where the tiers per word put it at the top (title and body full of it)."""
    from indexer.engines.embedded.render import EXACT_TIER, LONG_OR, _by_union, long_or

    def article(key: str, title: str, text: str) -> Article:
        url = f"https://vnexpress.net/{key}.html"
        return Article.from_url(url, site="vnexpress.net", title=title, text=text, crawled=CRAWLED)

    articles = {
        "tra": article("tra", "Trà Thái Nguyên", "Đồi trà xanh ở Thái Nguyên vào vụ thu hái."),
        "sen": article("sen", "Sen Tháp Mười", "Đầm sen ở Tháp Mười nở rộ, du khách tới ngắm."),
        "gom": article("gom", "Làng gốm Bát Tràng", "Lò gốm Bát Tràng đỏ lửa quanh năm."),
        "look": article("look", "Chế biến sâu", "Chế biến nông sản: nhà máy chế biến, chế tạo."),
    }
    index = EmbeddedIndex(tmp_path / "archive.sqlite")
    index.index(articles.values())
    key = {a.id: k for k, a in articles.items()}
    words = ["chè", "trà", "sen", "gạo", "gốm", "dệt", "muối", "mắm"]
    q = " OR ".join(words)
    assert len(words) == LONG_OR and long_or(SearchRequest(q=q).parsed)
    assert not long_or(SearchRequest(q=" OR ".join(words[:-1])).parsed)  # seven: a tier per word
    assert not long_or(SearchRequest(q=f"ocop ({q})").parsed)  # not the whole query
    hits = index.search(SearchRequest(q=q)).hits
    ranked = {key[hit.id]: hit.score or 0.0 for hit in hits}
    assert len(ranked) == 4 and min(ranked, key=lambda k: ranked[k]) == "look", ranked
    assert ranked["look"] < EXACT_TIER <= min(ranked["tra"], ranked["sen"], ranked["gom"]), ranked
    # the tier read as one union where its words are rare, as exclusions where most articles hold one
    assert _by_union([0.01] * 20) and not _by_union([0.9, 0.8, 0.5])


def test_a_ranking_of_many_words_scores_only_its_rarest_eight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking decision of round 12 (#12): past `MAX_SCORED_WORDS` required words only the
    rarest carry their BM25 (`render.unscored`, by the postings each word holds); the others are
    matched at a constant 0, and no exact tier is added. The match is the query's own: the same
    articles, total and facets as with every word scored, each article scoring less."""
    from indexer.engines.embedded import render
    from indexer.query_ast import Term

    held = {"gạo": 900, "chè": 40, "trà": 700, "mắm": 15, "gốm": 3, "dừa": 500, "sen": 60, "mật": 800}
    held |= {"ocop": 990, "tỉnh": 950}
    words = [Term((word,)) for word in held]
    assert render.MAX_SCORED_WORDS == 8
    assert render.unscored(words, lambda node: held[node.tokens[0]]) == {Term(("ocop",)), Term(("tỉnh",))}
    assert render.unscored(words[:8], lambda node: held[node.tokens[0]]) == set()
    assert render.unscored([*words[:8], words[0]], lambda node: held[node.tokens[0]]) == set()  # distinct
    assert render.unscored(words, None) == set()  # no counts: every word scored

    index = EmbeddedIndex(tmp_path / "archive.sqlite")
    index.index(generated_articles(400))
    request = SearchRequest(q="sản phẩm ocop tỉnh năm xã hợp tác đạt sao", size=100)
    assert len(set(request.parsed.must)) > render.MAX_SCORED_WORDS
    ranked = index.search(request)
    in_order = [article.id for article in index.scan(request)]
    monkeypatch.setattr(render, "MAX_SCORED_WORDS", 10**6)  # every word scored, as below the budget
    every = index.search(request)
    assert 0 < ranked.total == every.total and ranked.relaxed is None
    assert ranked.facets == every.facets and ranked.histogram == every.histogram
    assert sorted(in_order) == sorted(article.id for article in index.scan(request))
    scores = {hit.id: hit.score for hit in every.hits}
    shared = [hit for hit in ranked.hits if hit.id in scores]
    assert shared and all(hit.score is not None and hit.score < (scores[hit.id] or 0) for hit in shared)
    # no exact tier past the budget: the words typed with diacritics lift no article above any BM25
    assert all((hit.score or 0) < render.EXACT_TIER for hit in ranked.hits)
    assert any((hit.score or 0) >= render.EXACT_TIER for hit in every.hits)


def test_facets_and_histogram_count_every_article_once(tmp_path: Path) -> None:
    """Facet keys (`fields.PAIR`): articles holding more than two values of a facet are counted on
    its plain column, articles holding none on an empty key, undated articles nowhere in the
    histogram; the total of a request without filters is the sum of a facet's keys. Every count
    is the articles' own, counted here in Python."""
    articles = [*ARTICLES.values(), *generated_articles(300, seed=3)]
    path = tmp_path / "archive.sqlite"
    with Archive(path) as archive:
        for article in articles:
            archive.upsert(article)
    index = EmbeddedIndex(path)
    found = index.search(SearchRequest(facet_size=100, interval="year"))
    assert found.total == len(articles)
    assert any(len(a.provinces_2025) > 2 for a in articles) and any(a.published is None for a in articles)
    for name, facet in COUNTED_FACETS.items():
        expected = Counter(v for a in articles for v in facet.values_of(a))
        assert {b.value: b.count for b in found.facets[name]} == dict(expected), name
    years = Counter(f"{a.published.astimezone(VIETNAM_TZ).year:04d}" for a in articles if a.published)
    assert {b.value: b.count for b in found.histogram} == dict(years)
    chosen = index.search(SearchRequest(filters={"site": [articles[0].site]}, facet_size=100))
    assert chosen.total == sum(a.site == articles[0].site for a in articles)
    assert {b.value: b.count for b in chosen.facets["site"]} == dict(Counter(a.site for a in articles))


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 9])
def test_pairs_join_each_token_to_the_next(count: int) -> None:
    """`fields.pairs` builds its string by slice assignment; it must equal a join per pair."""
    tokens = [f"t{i}" for i in range(count)]
    expected = " ".join(f"{first}_{second}" for first, second in zip(tokens, tokens[1:], strict=False))
    assert pairs(tokens) == expected


def test_answers_kept_per_state_of_the_index_are_found_again_when_it_changes() -> None:
    """Word counts and whole-archive counts are kept per state of the index (`engine._Kept`): only the
    keys not yet known are looked up, in one call; another state looks everything up again."""
    from indexer.engines.embedded.engine import _Kept

    asked: list[list[str]] = []

    def find(keys: list[str]) -> list[int]:
        asked.append(keys)
        return [len(key) for key in keys]

    kept: _Kept[str, int] = _Kept(size=3)
    assert kept.get("a", ["x", "yy"], find) == [1, 2]
    assert kept.get("a", ["yy", "zzz", "yy"], find) == [2, 3, 2]
    assert asked == [["x", "yy"], ["zzz"]]
    assert kept.get("b", ["x"], find) == [1]  # the index changed
    assert asked[-1] == ["x"]
    kept.get("b", ["p", "q", "r"], find)  # past `size`: what was kept goes
    assert kept.get("b", ["x"], find) == [1] and asked[-1] == ["x"]


def test_outlet_names_follow_the_archive(archive_path: Path) -> None:
    index = EmbeddedIndex(archive_path)
    before = {b.value: b.label for b in index.search(SearchRequest(size=0)).facets["site"]}
    site = next(iter(before))
    renamed = [a.model_copy(update={"outlet": "Tên Mới"}) for a in ARTICLES.values() if a.site == site]
    index.index(renamed)
    after = {b.value: b.label for b in index.search(SearchRequest(size=0)).facets["site"]}
    assert after[site] == "Tên Mới" and before[site] != "Tên Mới"


def test_a_match_of_most_of_the_archive_counts_as_the_archive_less_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts of a match holding most articles, taken as the whole archive's (kept) less the
    articles it misses (`counts.without`), are those of the match counted itself."""
    index = EmbeddedIndex(tmp_path / "archive.sqlite")
    index.index(generated_articles(400))
    common = "ocop OR sản OR phẩm OR tỉnh"
    requests = [
        SearchRequest(),
        SearchRequest(q="ocop"),
        SearchRequest(q=common, interval="year"),
        SearchRequest(
            q=common, filters={"stars": ["4", "5"], "site": ["vnexpress.net"]}, date_from="2021-01-01"
        ),
        SearchRequest(q=common, filters={"province": ["Đồng Tháp"]}, interval="day", sort="newest"),
    ]
    searcher = index._current()[0].searcher()
    assert all(2 * engine._at_least(searcher, r.parsed) > searcher.num_docs for r in requests)
    kept = [index.search(r) for r in requests]
    monkeypatch.setattr(engine, "_at_least", lambda searcher, parsed: 0)
    counted = [index.search(r) for r in requests]
    for mine, theirs in zip(kept, counted, strict=True):
        assert mine.model_dump(exclude={"took_ms"}) == theirs.model_dump(exclude={"took_ms"})
    assert counts.without(
        {"doc_count": 5, "b": {"buckets": [{"key": 1, "doc_count": 2}]}},
        {"doc_count": 2, "b": {"buckets": [{"key": 1, "doc_count": 2}]}},
    ) == {"doc_count": 3, "b": {"buckets": []}}
    assert not counts.exact({"s": {"f": {"buckets": [], "sum_other_doc_count": 3}}})


def test_a_query_of_many_words_is_read_once_with_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first relevance page of a query of many required words is cut from one ranking of its
    match, counted over those hits by id (`engine._collect`), not by reading the match again:
    the responses are those of the match aggregated and ranked separately, on every page within
    the collected hits, and when more match than are collected (counted the usual way)."""
    index = EmbeddedIndex(tmp_path / "archive.sqlite")
    index.index(generated_articles(400))
    words = "sản phẩm ocop tỉnh năm xã hợp tác đạt sao"
    assert len(words.split()) >= engine.MANY_WORDS
    requests = [
        SearchRequest(q=words),
        SearchRequest(q=words, page=2, size=7, interval="year"),
        SearchRequest(q=words, size=100, sort="relevance"),
        SearchRequest(q=f"{words} -gạo"),
        SearchRequest(q="ocop " + words.replace("ocop", "zzzz")),  # none: relaxed
    ]
    aggregated: list[object] = []
    monkeypatch.setattr(engine.EmbeddedIndex, "_aggregate", _spy(engine.EmbeddedIndex._aggregate, aggregated))
    monkeypatch.setattr(engine, "POSTINGS_PER_HIT", 0)  # a small archive: reading its match is cheap
    collected = [index.search(r) for r in requests]
    assert collected[0].total > 0 and collected[0].relaxed is None and collected[-1].relaxed
    assert len(aggregated) == 1  # the relaxed query's own counts only
    monkeypatch.setattr(engine, "POSTINGS_PER_HIT", 10**9)  # counting by id dearer: the match again
    assert index.search(requests[0]).model_dump(exclude={"took_ms"}) == collected[0].model_dump(
        exclude={"took_ms"}
    )
    assert len(aggregated) == 2
    monkeypatch.setattr(engine, "POSTINGS_PER_HIT", 0)
    monkeypatch.setattr(engine, "MANY_WORDS", 10**6)  # none read once
    assert [index.search(r).model_dump(exclude={"took_ms"}) for r in requests] == [
        r.model_dump(exclude={"took_ms"}) for r in collected
    ]
    monkeypatch.setattr(engine, "MANY_WORDS", 8)
    monkeypatch.setattr(engine, "COLLECTED", 30)  # more match than are collected: counted as before
    assert collected[0].total > 30
    assert index.search(requests[0]).model_dump(exclude={"took_ms"}) == collected[0].model_dump(
        exclude={"took_ms"}
    )


def _spy(method: Any, calls: list[object]) -> Any:
    def spied(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return method(*args, **kwargs)

    return spied


def test_the_rest_of_an_or_is_every_article_less_each_word_the_commonest_first(tmp_path: Path) -> None:
    """The articles a match holding most of the archive leaves out (`render.Renderer.unmatched`,
    counted as the whole archive less them): for an OR of words, every article less each word's
    lookup, the commonest tried first (round 11, #12), not less the union of every word's
    postings. Always the articles `matching` leaves out, whatever the OR holds."""
    from tantivy import Occur, Query

    index = EmbeddedIndex(tmp_path / "archive.sqlite")
    index.index(generated_articles(300))
    searcher = index._current()[0].searcher()
    renderer = index.renderer

    def held(name: str, token: str) -> int:
        return int(searcher.doc_freq(name, token))

    def found(query: Query) -> set[int]:
        return set(engine._rowids(searcher, [a for _, a in searcher.search(query, 1000).hits]))

    queries = [
        "ocop OR sản OR phẩm OR tỉnh OR ocop",
        "chè OR trà OR gạo OR sen",  # expanded words (synonyms, exact alternatives)
        '"sản phẩm" OR nông* OR gạo OR title:sen',  # a phrase, a prefix, a scope
        "mật ong OR cà phê",  # words of several syllables
        "ocop",
        "ocop -sen",
        "",
    ]
    for q in queries:
        parsed = (SearchRequest(q=q) if q else SearchRequest()).parsed
        everything = Query.boolean_query(
            [(Occur.Must, Query.all_query()), (Occur.MustNot, renderer.matching(parsed))]
        )
        assert found(renderer.unmatched(parsed, held)) == found(everything), q
        for node in parsed.must:  # what an expanded word's original is excluded by, too
            union = Query.boolean_query([(Occur.Should, part) for part in renderer._excluding(node)])
            assert found(union) == found(renderer.node(node)), q
    or_chain = renderer.unmatched(SearchRequest(q="sen OR ocop OR gạo").parsed, held)
    # one exclusion per lookup (each word in each field), the commonest tried first
    excluded = re.findall(r"MustNot, TermQuery\(Term\(field=\d+, type=Str, \"(\w+)\"", repr(or_chain))
    body = {t: held("body_words", t) for t in ("sen", "ocop", "gao")}
    assert len(excluded) == 9 and excluded[0] == max(body, key=lambda t: body[t])
    unordered = renderer._excluding(SearchRequest(q="sen").parsed.must[0])  # no counts: the body first
    assert repr(unordered[0]) == repr(Query.term_query(renderer.schema, "body_words", "sen"))
