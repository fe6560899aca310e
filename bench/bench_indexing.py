"""Where a bulk load into the embedded engine spends its CPU, on a small and on a grown archive.

    .venv/bin/python -m bench.bench_indexing --articles 20000
    .venv/bin/python -m bench.bench_indexing --articles 20000 --grown 180000 --keep build/bench-indexing

Loads `--articles` articles (`bench/articles.py`, the bench's own, as `bench_engines` loads them)
with `EmbeddedIndex.index`, into an empty archive or, with `--grown N`, into a copy of an archive
and index already holding the N articles before them (built once, not timed, kept with `--keep`),
so what grows with the archive shows. Prints CPU milliseconds per article:

- the load's processes: this one's main thread, its other threads (tantivy's indexing and merge
  threads, the pool's pickling threads) and the analysing process (`bulk`);
- inside the main thread: its time in the kernel (system calls: the archive's writes and
  syncs, mostly), the cycle collector's time in this process (`gc.callbacks`), and by stage:
  parsing the input lines, the archive (`Archive.store`: the rows, of which the story lookup
  `stories.find_story` and the signature and band rows `stories.remember`), handing documents to
  tantivy, and what is left (waiting excluded: CPU only);
- every second of the load, each core's use (anyone's work, `/proc/stat`) and this load's CPU by
  role (main thread, tantivy's indexing and merge threads, the analysing processes), in five parts
  (`--parts`);
- the analysing process's stages, measured apart (one process, `--analysed` articles).

`--heap`, `--commit-every`, `--transaction`, `--ahead`, `--processes`, `--niceness`, `--cache`,
`--checkpoint` and `--bulk-from` override the load's settings (tantivy's writer, the archive's
transactions, the analysers, the archive's page cache and WAL checkpoints during the load) to compare them.

CPU time, not the wall clock, is what other work on a shared machine changes least; run the
versions to compare one after the other, alternating.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import shutil
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tantivy  # noqa: E402

from bench.bench_engines import articles_file, load, read_articles  # noqa: E402
from bench.machine import machine  # noqa: E402
from indexer import archive as archive_module  # noqa: E402
from indexer import stories  # noqa: E402
from indexer.engines.embedded import EmbeddedIndex, bulk, fields  # noqa: E402
from indexer.engines.embedded import folder as folder_module  # noqa: E402
from indexer.schema import Article  # noqa: E402

_SPENT: dict[str, float] = defaultdict(float)  # main thread's CPU seconds by stage
_WALL: dict[str, float] = defaultdict(float)  # main thread's wall-clock seconds by stage
_WAITED: dict[str, float] = defaultdict(float)  # main thread's wall-clock seconds getting its input
_MARKS: dict[str, float] = {}  # moments of the load (perf_counter)


def _timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started, wall = time.thread_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _SPENT[stage] += time.thread_time() - started
            _WALL[stage] += time.perf_counter() - wall

    return timed


def _parsed(lines: Iterator[str], count: int) -> Iterator[Article]:
    """The articles, their parsing timed (it runs in the main thread, as an import's would)."""
    for line in islice(lines, count):
        started = time.thread_time()
        article = Article.model_validate_json(line)
        _SPENT["parse input"] += time.thread_time() - started
        yield article


def lines_from(handle: BinaryIO, start: int) -> Iterator[str]:
    """The lines from line `start` on; the first ones are skipped now (not timed)."""
    for _ in islice(handle, start):
        pass
    return (line.decode("utf-8") for line in handle)


class Threads:
    """CPU seconds of this process's threads other than the main one, by name, sampled (threads
    that end between two samples lose at most one interval)."""

    def __init__(self, interval: float = 0.1):
        self.seen: dict[int, tuple[str, float]] = {}
        self._main = threading.get_native_id()
        self._stop = threading.Event()
        self._interval = interval
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        for task in Path("/proc/self/task").iterdir():
            tid = int(task.name)
            if tid in (self._main, threading.get_native_id()):
                continue
            try:
                comm = (task / "comm").read_text().strip()
                stat = (task / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self.seen[tid] = (comm, (int(stat[11]) + int(stat[12])) / tick)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def __enter__(self) -> Threads:
        self._sample()
        self._before = dict(self.seen)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def by_name(self) -> dict[str, float]:
        found: dict[str, float] = defaultdict(float)
        for tid, (comm, seconds) in self.seen.items():
            base = self._before.get(tid, (comm, 0.0))[1]
            name = "tantivy merges" if "merge" in comm else "tantivy indexing" if "tantivy" in comm else comm
            found[name] += seconds - base
        return dict(found)


class Timeline:
    """Every second of the load: how busy each core of the machine was (anyone's work, from
    /proc/stat) and this load's share by role (the main thread, tantivy's indexing and merge
    threads, the analysing processes): shows whether one of them held the others up."""

    ROLES = ("main", "tantivy indexing", "tantivy merges", "analysers", "other threads")

    def __init__(self, interval: float = 1.0):
        self.rows: list[tuple[list[float], dict[str, float]]] = []
        self._main = threading.get_native_id()
        self._stop = threading.Event()
        self._interval = interval
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _cores() -> list[tuple[int, int]]:
        found = []
        for line in Path("/proc/stat").read_text().splitlines()[1:]:
            if not re.match(r"cpu\d", line):
                break
            values = [int(v) for v in line.split()[1:]]
            idle = values[3] + values[4]
            found.append((sum(values[:8]) - idle, sum(values[:8])))
        return found

    def _seconds(self, stat: Path) -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self._tick

    def _ours(self) -> dict[str, float]:
        found: dict[str, float] = defaultdict(float)
        for task in Path("/proc/self/task").iterdir():
            try:
                tid = int(task.name)
                comm = (task / "comm").read_text()
                seconds = self._seconds(task / "stat")
                children = (task / "children").read_text().split()
            except OSError:
                continue
            role = (
                "main"
                if tid == self._main
                else "tantivy merges"
                if "merge" in comm
                else "tantivy indexing"
                if "tantivy" in comm
                else "other threads"
            )
            found[role] += seconds
            for child in children:
                try:
                    found["analysers"] += self._seconds(Path(f"/proc/{child}/stat"))
                except OSError:
                    continue
        return found

    def _run(self) -> None:
        cores, ours = self._cores(), self._ours()
        while not self._stop.wait(self._interval):
            now_cores, now_ours = self._cores(), self._ours()
            busy = [(b - b0) / max(t - t0, 1) for (b, t), (b0, t0) in zip(now_cores, cores, strict=True)]
            share = {role: max(0.0, now_ours.get(role, 0.0) - ours.get(role, 0.0)) for role in self.ROLES}
            self.rows.append((busy, share))
            cores, ours = now_cores, now_ours

    def __enter__(self) -> Timeline:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def report(self, parts: int = 5) -> None:
        if len(self.rows) < parts:
            return
        print(f"over the load, in {parts} parts (seconds of CPU per wall second; each core: anyone's work):")
        print("    part   cores busy        " + " ".join(f"{role:>16}" for role in self.ROLES))
        size = len(self.rows) / parts
        for part in range(parts):
            rows = self.rows[round(part * size) : round((part + 1) * size)]
            cores = [sum(row[0][i] for row in rows) / len(rows) for i in range(len(rows[0][0]))]
            shares = [sum(row[1][role] for row in rows) / len(rows) / self._interval for role in self.ROLES]
            both = sum(1 for row in rows if min(row[0]) > 0.95) / len(rows)
            print(
                f"    {part + 1}/{parts}    "
                + " ".join(f"{c:4.0%}" for c in cores)
                + f" (both >95%: {both:4.0%}) "
                + " ".join(f"{s:16.2f}" for s in shares)
            )


def _timed_transaction(transaction: Callable[..., Any]) -> Callable[..., Any]:
    """`Archive.transaction` with its own work (the commit, WAL checkpoints) timed apart from the
    statements run inside it."""

    @contextmanager
    def timed(archive: Any) -> Iterator[Any]:
        context = transaction(archive)
        started, wall = time.thread_time(), time.perf_counter()
        conn = context.__enter__()
        _SPENT["archive transactions (commits)"] += time.thread_time() - started
        _WALL["archive transactions (commits)"] += time.perf_counter() - wall
        try:
            yield conn
        except BaseException:
            context.__exit__(*sys.exc_info())
            raise
        started, wall = time.thread_time(), time.perf_counter()
        context.__exit__(None, None, None)
        _SPENT["archive transactions (commits)"] += time.thread_time() - started
        _WALL["archive transactions (commits)"] += time.perf_counter() - wall

    return timed


def _waited(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def waited(*args: Any, **kwargs: Any) -> Any:
        wall = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _WAITED[stage] += time.perf_counter() - wall

    return waited


def _timed_groups(groups: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """`folder._groups` with the main thread's wait for each transaction's articles timed (the
    analysing process's results, the input's parsing and sending), and when the first and last
    groups were ready."""

    def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
        source = groups(*args, **kwargs)
        while True:
            started, wall = time.thread_time(), time.perf_counter()
            group = next(source, None)
            _WAITED["a transaction's articles (parsing, analysis)"] += time.perf_counter() - wall
            _WAITED["  of which not on the CPU"] += time.perf_counter() - wall - time.thread_time() + started
            if group is None:
                return
            _MARKS.setdefault("first group", time.perf_counter())
            _MARKS["last group"] = time.perf_counter()
            yield group

    return timed


def _collections(phase: str, info: dict[str, int]) -> None:
    """`gc.callbacks`: the cycle collector's time in this process (any thread that triggered it)."""
    if phase == "start":
        _MARKS["collection"] = time.thread_time()
    elif "collection" in _MARKS:
        _SPENT["  of all, cycle collections"] += time.thread_time() - _MARKS.pop("collection")


def instrument() -> None:
    gc.callbacks.append(_collections)
    folder_module._groups = _timed_groups(folder_module._groups)
    bulk._received = _waited("  of which the analysis results", bulk._received)
    archive_module.Archive.transaction = _timed_transaction(archive_module.Archive.transaction)  # type: ignore[method-assign]
    archive_module.Archive.store = _timed("archive rows (Archive.store)", archive_module.Archive.store)  # type: ignore[method-assign]
    stories.find_story = _timed("  of which story lookup", stories.find_story)
    stories.remember = _timed("  of which signature and bands", stories.remember)
    for name in ("document", "documents"):
        if hasattr(folder_module, name):
            setattr(folder_module, name, _timed("tantivy documents (Python)", getattr(folder_module, name)))


def written() -> int:
    """Bytes this process caused to be written to storage (the archive, its WAL, the index)."""
    found = re.search(r"^write_bytes: (\d+)", Path("/proc/self/io").read_text(), re.M)
    return int(found.group(1)) if found else 0


def rusage() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def grown_copy(keep: Path, source: Path, grown: int, into: Path) -> None:
    """A copy of an archive and index holding the first `grown` articles (built once, kept)."""
    base = keep / f"grown-{grown}"
    if not (base / "done").exists():
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        print(f"building the {grown:,}-article archive once (not timed) …", file=sys.stderr)
        EmbeddedIndex(base / "archive.sqlite").index(read_articles_slice(source, 0, grown))
        (base / "done").touch()
    shutil.rmtree(into, ignore_errors=True)
    shutil.copytree(base, into, symlinks=True)


def read_articles_slice(path: Path, start: int, count: int) -> Iterator[Article]:
    return islice(read_articles(path), start, start + count)


def analysed_stages(path: Path, count: int) -> dict[str, float]:
    """The analysing process's work, in this process, by stage: CPU ms per article."""
    articles = list(read_articles_slice(path, 0, count))
    spent: dict[str, float] = {}
    started = time.thread_time()
    analyses = [fields.analyse(article) for article in articles]
    spent["analysis (fields.analyse)"] = time.thread_time() - started
    started = time.thread_time()
    for analysis in analyses:
        stories.signature_of(analysis.text_syllables)
    spent["story signature"] = time.thread_time() - started
    started = time.thread_time()
    for article in articles:
        archive_module.content_hash(article)
    spent["content digest"] = time.thread_time() - started
    started = time.thread_time()
    bulk._analysed(articles)
    spent["all of it (bulk._analysed)"] = time.thread_time() - started
    return {stage: seconds / count * 1000 for stage, seconds in spent.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20_000, help="articles loaded (timed)")
    ap.add_argument("--grown", type=int, default=0, help="articles already in the archive")
    ap.add_argument("--keep", type=Path, default=ROOT / "build" / "bench-indexing")
    ap.add_argument("--analysed", type=int, default=2_000, help="articles for the analysis stages")
    ap.add_argument("--transaction", type=int, help="articles per archive transaction (folder.TRANSACTION)")
    ap.add_argument("--heap", type=int, help="tantivy writer's heap in bytes (folder.WRITER_HEAP)")
    ap.add_argument("--commit-every", type=int, help="articles between index commits (folder.COMMIT_EVERY)")
    ap.add_argument("--cache", type=int, help="SQLite page cache in KiB (archive.BULK_CACHE_KIB)")
    ap.add_argument(
        "--checkpoint", type=int, help="WAL pages between checkpoints (archive.BULK_CHECKPOINT_PAGES)"
    )
    ap.add_argument(
        "--bulk-from", type=int, help="archive bytes from which a load tunes it (BULK_FROM_BYTES)"
    )
    ap.add_argument("--ahead", type=int, help="batches analysed ahead (bulk.AHEAD)")
    ap.add_argument("--processes", type=int, help="analysing processes (bulk.PROCESSES)")
    ap.add_argument("--niceness", type=int, help="analysing processes' lower priority (bulk.NICENESS)")
    ap.add_argument("--parts", type=int, default=5, help="parts of the load the timeline is printed in")
    ap.add_argument("--source", type=Path, help="a bigger articles file of bench_engines (same first ones)")
    args = ap.parse_args(argv)

    args.keep.mkdir(parents=True, exist_ok=True)
    source = args.source or articles_file(args.keep, args.grown + args.articles)
    work = args.keep / "run"
    if args.grown:
        grown_copy(args.keep, source, args.grown, work)
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
    handle = source.open("rb")
    lines = lines_from(handle, args.grown)
    if args.transaction:
        folder_module.TRANSACTION = args.transaction
        bulk.AHEAD = args.transaction // bulk.BATCH + 2
    if args.heap:
        folder_module.WRITER_HEAP = args.heap
    if args.commit_every:
        folder_module.COMMIT_EVERY = args.commit_every
    if args.cache:
        archive_module.BULK_CACHE_KIB = args.cache
    if args.checkpoint:
        archive_module.BULK_CHECKPOINT_PAGES = args.checkpoint
    if args.bulk_from is not None:
        archive_module.BULK_FROM_BYTES = args.bulk_from
    if args.ahead is not None:
        bulk.AHEAD = args.ahead
    if args.processes:
        bulk.PROCESSES = args.processes
    if args.niceness is not None:
        bulk.NICENESS = args.niceness
    instrument()
    load_before = load()
    own, children = rusage()
    bytes_before = written()
    wall, main = time.perf_counter(), time.thread_time()
    kernel = resource.getrusage(resource.RUSAGE_THREAD).ru_stime
    start = wall
    with Threads() as threads, Timeline() as timeline:
        EmbeddedIndex(work / "archive.sqlite").index(_parsed(lines, args.articles))
    end = time.perf_counter()
    wall, main = end - wall, time.thread_time() - main
    kernel = resource.getrusage(resource.RUSAGE_THREAD).ru_stime - kernel
    handle.close()
    own_after, children_after = rusage()
    bytes_written = written() - bytes_before
    load_after = load()
    n = args.articles

    def ms(seconds: float) -> str:
        return f"{seconds / n * 1000:6.3f}"

    print(f"{machine(tantivy.__version__)}; load {load_before} before, {load_after} after")
    print(f"{n:,} articles into an archive of {args.grown:,}: {n / wall:,.0f} articles/s")
    print(f"written to storage: {bytes_written / n / 1024:,.1f} KiB per article")
    total = own_after - own + children_after - children
    print(f"CPU ms per article: {ms(total)} in all")
    print(f"  main thread          {ms(main)}")
    print(f"    {'of which in the kernel (system calls)':<34} {ms(kernel)}")
    staged = 0.0
    for stage, seconds in _SPENT.items():
        print(f"    {stage:<34} {ms(seconds)}")
        staged += 0.0 if stage.startswith("  ") else seconds
    print(f"    {'the rest':<34} {ms(main - staged)}")
    other = own_after - own - main
    print(f"  other threads        {ms(other)}")
    for name, seconds in sorted(threads.by_name().items(), key=lambda item: -item[1]):
        if seconds > 0:
            print(f"    {name:<34} {ms(seconds)}")
    print(f"  analysing process    {ms(children_after - children)}")
    processes = bulk.PROCESSES
    print(f"cores busy: {total / wall:.2f} of {os.cpu_count()} (CPU seconds per wall second)")
    print(f"wall seconds: {wall:.2f} in all, of which (main thread)")
    if "first group" in _MARKS:
        print(f"    {'until the first transaction starts':<40} {_MARKS['first group'] - start:6.2f}")
        print(f"    {'after the last one is ready (+ commit)':<40} {end - _MARKS['last group']:6.2f}")
    for stage, seconds in _WALL.items():
        idle = seconds - _SPENT[stage]
        print(f"    {stage:<40} {seconds:6.2f} (not on the CPU {idle:5.2f})")
    print("    waiting for its input:")
    for stage, seconds in _WAITED.items():
        print(f"    {stage:<40} {seconds:6.2f}")
    print(f"    {'main thread not on the CPU':<40} {wall - main:6.2f}")
    print(
        f"  analysing process(es), {processes}: busy {(children_after - children) / wall / processes:.0%}"
        " of the wall time each"
    )
    timeline.report(args.parts)
    if args.analysed:
        print(f"analysing stages, one process, {args.analysed:,} articles (CPU ms per article):")
        for stage, value in analysed_stages(source, args.analysed).items():
            print(f"    {stage:<34} {value:6.3f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
