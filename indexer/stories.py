"""Near-duplicate stories: MinHash signatures (datasketch) with LSH bands kept in the archive.

Outlets republish the same wire story or press release with small edits. Articles whose texts are
near-duplicates share a `story_id` (the id of the first one archived), so search can collapse them
and researchers can count distinct stories. The id is a stable name, not a claim of origin: a
copy published earlier but archived later joins the story under the same id, and the original
(the earliest published copy) is decided when the story is shown (docs/monitoring.md).

The LSH buckets live in SQLite rather than in memory so that every crawl process, and every later
run, sees the same story groups.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash
from datasketch.lsh import _optimal_param

from indexer.text import fold, tokens

NUM_PERM = 128
SIMILARITY = 0.6  # estimated Jaccard of syllable 3-gram sets above which two texts are one story
SHINGLE = 3
MIN_TOKENS = 40  # shorter texts (briefs, captions) give unreliable signatures and get no grouping
_BANDS, _ROWS = _optimal_param(SIMILARITY, NUM_PERM, 0.5, 0.5)

SCHEMA = """
CREATE TABLE IF NOT EXISTS story_signatures (
    article_rowid INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL,
    hashvalues BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_bands (
    band INTEGER NOT NULL,
    bucket BLOB NOT NULL,
    article_rowid INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_bands_lookup ON story_bands(band, bucket);
CREATE INDEX IF NOT EXISTS story_bands_article ON story_bands(article_rowid);
"""


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def _sha1_32(data: bytes) -> int:
    """datasketch's default hash (the first 4 bytes of SHA-1, little-endian), without its struct call."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


@cache
def _empty() -> MinHash:
    """An empty MinHash of our seed; copies share its permutations instead of making them again
    for every article."""
    return MinHash(num_perm=NUM_PERM, seed=7, hashfunc=_sha1_32)


def signature(text: str) -> LeanMinHash | None:
    syllables = tokens(fold(text))
    if len(syllables) < MIN_TOKENS:
        return None
    assert SHINGLE == 3  # the zip below makes 3-grams
    shingles = {
        " ".join(gram).encode() for gram in zip(syllables, syllables[1:], syllables[2:], strict=False)
    }
    minhash = _empty().copy()
    minhash.update_batch(list(shingles))
    return LeanMinHash(minhash)


def _buckets(sig: LeanMinHash) -> list[bytes]:
    values = sig.hashvalues
    return [values[b * _ROWS : (b + 1) * _ROWS].tobytes() for b in range(_BANDS)]


def find_story(
    conn: sqlite3.Connection, sig: LeanMinHash | None, exclude_rowid: int | None, keep: str | None = None
) -> str | None:
    """The story id of the most similar archived article, if one is similar enough.

    `keep` is the story the article belonged to before it changed: while any member of that story
    is still similar enough, the article stays in it (a story id never moves for a small edit)."""
    if sig is None:
        return None
    buckets = _buckets(sig)
    # one statement for every band (SQLite answers each OR'd pair from the band index)
    where = " OR ".join(["(band=? AND bucket=?)"] * len(buckets))
    params = [x for band, bucket in enumerate(buckets) for x in (band, bucket)]
    candidates = {
        row[0] for row in conn.execute(f"SELECT article_rowid FROM story_bands WHERE {where}", params)
    }
    candidates.discard(exclude_rowid)
    if not candidates:
        return None
    marks = ",".join("?" * len(candidates))
    rows = conn.execute(
        f"SELECT article_rowid, story_id, hashvalues FROM story_signatures WHERE article_rowid IN ({marks})"
        " ORDER BY article_rowid",
        sorted(candidates),
    ).fetchall()
    best: tuple[float, str] | None = None
    for row in rows:
        other = np.frombuffer(row[2], dtype=sig.hashvalues.dtype)
        similarity = float(np.mean(other == sig.hashvalues))
        if similarity >= SIMILARITY and row[1] == keep:
            return keep
        if similarity >= SIMILARITY and (best is None or similarity > best[0]):
            best = (similarity, row[1])
    return best[1] if best else None


def forget(conn: sqlite3.Connection, rowid: int) -> None:
    conn.execute("DELETE FROM story_bands WHERE article_rowid=?", (rowid,))
    conn.execute("DELETE FROM story_signatures WHERE article_rowid=?", (rowid,))


def remember(
    conn: sqlite3.Connection, rowid: int, sig: LeanMinHash | None, story_id: str | None, *, new: bool = False
) -> None:
    """Store an article's signature and bands (`new`: the rowid has none yet, nothing to replace)."""
    if not new:
        forget(conn, rowid)
    if sig is None or story_id is None:
        return
    conn.execute(
        "INSERT INTO story_signatures(article_rowid, story_id, hashvalues) VALUES(?,?,?)",
        (rowid, story_id, sig.hashvalues.tobytes()),
    )
    conn.executemany(
        "INSERT INTO story_bands(band, bucket, article_rowid) VALUES(?,?,?)",
        [(band, bucket, rowid) for band, bucket in enumerate(_buckets(sig))],
    )
