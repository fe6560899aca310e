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

import sqlite3
import zlib
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from indexer.text import syllable_forms

NUM_PERM = 128
SIMILARITY = 0.6  # estimated Jaccard of syllable 3-gram sets above which two texts are one story
SHINGLE = 3
MIN_TOKENS = 40  # shorter texts (briefs, captions) give unreliable signatures and get no grouping
_BANDS, _ROWS = _optimal_param(SIMILARITY, NUM_PERM, 0.5, 0.5)
# How signatures are made: shingles hashed from their syllables' CRC-32 (below), then datasketch's
# affine32 permutations. Stored signatures of another scheme are recomputed (`Archive` does it when
# a writer opens an archive made by an older version), so every stored band compares with new ones.
SCHEME = "syllable-crc32/affine32"
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))  # odd 64-bit constants
_ROW_POWERS = np.array([pow(int(_MIX[0]), _ROWS - 1 - i, 2**64) for i in range(_ROWS)], dtype=np.uint64)
_BAND_POWER = np.uint64(pow(int(_MIX[0]), _ROWS, 2**64))  # (`_buckets`)
_SYLLABLE_HASHES: dict[str, int] = {}  # every syllable met so far → its CRC-32 (`_syllable_hashes`)
_MAX_CACHED = 2_000_000  # syllables; a corpus's vocabulary is far smaller, this only bounds memory

SCHEMA = """
CREATE TABLE IF NOT EXISTS story_signatures (
    article_rowid INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL,
    hashvalues BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_buckets (
    bucket INTEGER NOT NULL,
    article_rowid INTEGER NOT NULL,
    PRIMARY KEY (bucket, article_rowid)
) WITHOUT ROWID;
"""
# Before SCHEME "syllable-crc32/affine32": each band's values as a blob, in a table with two indexes.
RETIRED = "DROP TABLE IF EXISTS story_bands;"


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for our seed (a, b: h -> a*h + b mod 2^32)."""
    a, b = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _syllable_hashes(syllables: Sequence[str]) -> np.ndarray:
    """One CRC-32 per syllable, each distinct syllable hashed once per process."""
    known = _SYLLABLE_HASHES
    try:
        return np.fromiter(map(known.__getitem__, syllables), dtype=np.uint64, count=len(syllables))
    except KeyError:
        if len(known) >= _MAX_CACHED:
            known.clear()
        for syllable in set(syllables).difference(known):
            known[syllable] = zlib.crc32(syllable.encode())
        return np.fromiter(map(known.__getitem__, syllables), dtype=np.uint64, count=len(syllables))


def _shingle_hashes(syllables: Sequence[str]) -> np.ndarray:
    """A 32-bit hash of each syllable 3-gram (repeats included: they do not change a minimum), made
    with numpy from the syllables' hashes: the same value for the same three syllables in the same
    order, on every machine."""
    assert SHINGLE == 3  # the three slices below make 3-grams
    each = _syllable_hashes(syllables)
    mixed = (each[:-2] * _MIX[0] + each[1:-1]) * _MIX[1] + each[2:]  # wraps around: mod 2^64
    hashed: np.ndarray = ((mixed ^ (mixed >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return hashed


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to every input
    hash before its permutations (so they act on well-mixed values)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    mixed: np.ndarray = values ^ (values >> np.uint32(16))
    return mixed


class Signature(NamedTuple):
    """A story signature as the archive stores and probes it: the MinHash values (uint32, the bytes
    of `story_signatures.hashvalues`) and one key per LSH band (`_buckets`). Made once per article,
    in an analysing process for a bulk load: bytes and integers pickle about ten times faster than
    a datasketch object, and the band keys are not computed again for the lookup and again for the
    rows."""

    values: bytes
    buckets: list[int]


def similarity(one: bytes, other: bytes) -> float:
    """The MinHash estimate of two texts' Jaccard similarity: the share of equal values."""
    return float(np.mean(np.frombuffer(one, dtype=np.uint32) == np.frombuffer(other, dtype=np.uint32)))


def signature(text: str) -> Signature | None:
    """The story signature of an article's text (None when too short to group reliably), over its
    syllables as the index sees them (normalised, folded)."""
    return signature_of(syllable_forms(text)[1])


def signature_of(syllables: Sequence[str]) -> Signature | None:
    """`signature` from the folded syllables of the normalised text, for callers that have them
    already (`indexer.engines.embedded.fields.analyse`).

    The same values as datasketch's `MinHash(seed=7, scheme="affine32").update_batch` over the
    shingle hashes (a test checks it), computed as one numpy expression over all 128 permutations
    instead of through datasketch's per-value Python loop: about 0.1 ms for a 3,500-character text,
    against 0.6 ms with SHA-1 per shingle before."""
    if len(syllables) < MIN_TOKENS:
        return None
    a, b = _permutations()
    mixed = _fmix32(_shingle_hashes(syllables))
    # One (128 × shingles) array, added to in place, each permutation's minimum taken along its
    # row: contiguous, about a sixth faster than the minimum down the columns of (shingles × 128).
    values = np.multiply.outer(a, mixed)
    values += b[:, None]
    minima = values.min(axis=1)
    return Signature(minima.tobytes(), _buckets(minima))


def _buckets(values: np.ndarray) -> list[int]:
    """One 64-bit key per LSH band (its rows' values and its number, mixed): two articles share a
    key when they agree on a whole band. Kept as SQLite integers in one index (`story_buckets`)."""
    rows = values[: _BANDS * _ROWS].reshape(_BANDS, _ROWS).astype(np.uint64)
    # band * M^R + row[0] * M^(R-1) + ... + row[R-1] (mod 2^64: uint64 arithmetic wraps around),
    # as one product with the powers of M instead of R steps.
    keys = np.arange(_BANDS, dtype=np.uint64) * _BAND_POWER + rows @ _ROW_POWERS
    keys ^= keys >> np.uint64(31)
    keys *= _MIX[1]
    keys ^= keys >> np.uint64(29)
    found: list[int] = keys.view(np.int64).tolist()
    return found


def find_story(
    conn: sqlite3.Connection, sig: Signature | None, exclude_rowid: int | None, keep: str | None = None
) -> str | None:
    """The story id of the most similar archived article, if one is similar enough.

    `keep` is the story the article belonged to before it changed: while any member of that story
    is still similar enough, the article stays in it (a story id never moves for a small edit)."""
    if sig is None:
        return None
    buckets = sig.buckets
    marks = ",".join("?" * len(buckets))
    candidates = {
        row[0]
        for row in conn.execute(f"SELECT article_rowid FROM story_buckets WHERE bucket IN ({marks})", buckets)
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
        alike = similarity(sig.values, row[2])
        if alike >= SIMILARITY and row[1] == keep:
            return keep
        if alike >= SIMILARITY and (best is None or alike > best[0]):
            best = (alike, row[1])
    return best[1] if best else None


def forget(conn: sqlite3.Connection, rowid: int) -> None:
    row = conn.execute("SELECT hashvalues FROM story_signatures WHERE article_rowid=?", (rowid,)).fetchone()
    if row is None:
        return
    conn.executemany(
        "DELETE FROM story_buckets WHERE bucket=? AND article_rowid=?",
        [(bucket, rowid) for bucket in _buckets(np.frombuffer(row[0], dtype=np.uint32))],
    )
    conn.execute("DELETE FROM story_signatures WHERE article_rowid=?", (rowid,))


def remember(
    conn: sqlite3.Connection, rowid: int, sig: Signature | None, story_id: str | None, *, new: bool = False
) -> None:
    """Store an article's signature and band keys (`new`: the rowid has none yet, nothing to replace)."""
    if not new:
        forget(conn, rowid)
    if sig is None or story_id is None:
        return
    conn.execute(
        "INSERT INTO story_signatures(article_rowid, story_id, hashvalues) VALUES(?,?,?)",
        (rowid, story_id, sig.values),
    )
    conn.executemany(
        "INSERT INTO story_buckets(bucket, article_rowid) VALUES(?,?)",
        [(bucket, rowid) for bucket in sig.buckets],
    )
