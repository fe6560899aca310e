"""Measuring OCOP enrichment against labelled passages and the seed page.

Two kinds of labelled data, read into one row format:

- our own passages, `tests/data/ocop_labels.jsonl` (id, title, text, is_ocop, provinces,
  provinces_2025, stars, product_groups, optional ocop_claims, published, lead, note, split);
- a folder of real excerpts kept outside the repository (`../shared/ocop-real`: passages.jsonl +
  labels.jsonl), read by `load_real`. Its rows get a deterministic dev/heldout split
  (`blind_split`) so rules are developed on one part and measured once on the other.

Used by `ocop eval ocop` and by the tests, so the figures in docs, the CLI and the test thresholds
are one computation. Province names are compared the way the shared scorer compares them (folded,
without "tỉnh"/"thành phố"/"TP"); claims as sets of (count, stars) pairs per passage, repeated
pairs once.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from indexer.ocop import OcopFacts, enrich_text
from indexer.text import fold, normalize

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LABELS = REPO_ROOT / "tests" / "data" / "ocop_labels.jsonl"
SEED_DIR = REPO_ROOT.parent / "shared" / "corpus"
SEED_FILE = "seed-page-text.txt"
SEED_GOLD = REPO_ROOT / "tests" / "data" / "seed_page_labels.json"
_seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
SEED_ARTICLE_LINES: int = _seed_gold["article_lines"]  # after the headline; the byline and chrome follow
SEED_LABELS: dict[str, Any] = _seed_gold["labels"]
REAL_DIR = REPO_ROOT.parent / "shared" / "ocop-real"
SET_LABELS = ("provinces_2025", "provinces", "stars", "product_groups")
PROVINCE_LABELS = frozenset({"provinces", "provinces_2025"})
REPORT_ORDER = (
    "is_ocop",
    "provinces_2025",
    "provinces",
    "stars",
    "product_groups",
    "ocop_claims",
    "claim_counts",
)
HELDOUT_SHARE = 0.25
_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s+")


@dataclass
class Score:
    """Counts for one label; micro-averaged over passages for the set-valued labels."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, ident: str, got: Iterable[Any], want: Iterable[Any]) -> None:
        got_set, want_set = set(got), set(want)
        self.tp += len(got_set & want_set)
        self.fp += len(got_set - want_set)
        self.fn += len(want_set - got_set)
        if got_set != want_set:
            extra = sorted(map(str, got_set - want_set))
            missing = sorted(map(str, want_set - got_set))
            self.errors.append(f"{ident}: extra {extra} missing {missing}")


@dataclass
class Report:
    passages: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    place_hits: int = 0
    place_total: int = 0

    def score(self, label: str) -> Score:
        return self.scores.setdefault(label, Score())

    @property
    def place_accuracy(self) -> float:
        return self.place_hits / self.place_total if self.place_total else 1.0


def load_labels(path: Path = DEFAULT_LABELS, split: str = "all") -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r.get("split", "dev") == split]


def blind_split(rows: list[dict[str, Any]], share: float = HELDOUT_SHARE) -> dict[str, str]:
    """id -> "dev" | "heldout": a fixed, stratified hold-out chosen without looking at the texts.

    Within each stratum (OCOP passages, negatives) the ids are ordered by a SHA-256 hash of the id
    and the first ceil(share × n) are held out. The split depends only on the ids, so it is the
    same on every machine and in every run.
    """
    split: dict[str, str] = {}
    for flag in (True, False):
        ids = sorted(
            (r["id"] for r in rows if bool(r["is_ocop"]) == flag),
            key=lambda i: hashlib.sha256(f"ocop-real:{i}".encode()).hexdigest(),
        )
        held = math.ceil(share * len(ids))
        split.update({i: "heldout" if k < held else "dev" for k, i in enumerate(ids)})
    return split


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_real(folder: Path = REAL_DIR, split: str = "all") -> list[dict[str, Any]]:
    """Real excerpts (passages.jsonl) joined with their labels (labels.jsonl), in our row format.

    Gold claims are {count, stars, place_2025}; place is not scored, so only (count, stars) is kept.
    """
    passages = {p["id"]: p for p in _jsonl(folder / "passages.jsonl")}
    rows = []
    for label in _jsonl(folder / "labels.jsonl"):
        passage = passages[label["id"]]
        rows.append(
            {
                "id": label["id"],
                "title": passage.get("title", ""),
                "text": passage.get("text", ""),
                "published": passage.get("published") or None,
                **{key: label[key] for key in ("is_ocop", *SET_LABELS)},
                "ocop_claims": [{"count": int(c["count"]), "stars": c["stars"]} for c in label["claims"]],
            }
        )
    splits = blind_split(rows)
    for row in rows:
        row["split"] = splits[row["id"]]
    return [r for r in rows if split == "all" or r["split"] == split]


def province_key(name: str) -> str:
    """A province name as the shared scorer compares it: folded, without 'tỉnh'/'thành phố'/'TP'."""
    return re.sub(r"\s+", " ", _PROVINCE_PREFIX.sub("", fold(normalize(name)).strip()))


def classify(row: dict[str, Any]) -> OcopFacts:
    published = row.get("published")
    return enrich_text(
        row.get("title", ""),
        row.get("text", ""),
        lead=row.get("lead", ""),
        published=datetime.fromisoformat(published) if published else None,
    )


def evaluate(rows: Iterable[dict[str, Any]]) -> Report:
    report = Report()
    for row in rows:
        facts = classify(row)
        add_to_report(report, row, facts)
    return report


def add_to_report(report: Report, row: dict[str, Any], facts: OcopFacts) -> None:
    ident = row["id"]
    report.passages += 1
    report.score("is_ocop").add(ident, [True] if facts.is_ocop else [], [True] if row["is_ocop"] else [])
    for label in SET_LABELS:
        if label in row:
            got, want = getattr(facts, label), row[label]
            if label in PROVINCE_LABELS:
                got, want = map(province_key, got), map(province_key, want)
            report.score(label).add(ident, got, want)
    if "ocop_claims" in row:
        want = {(c["count"], c.get("stars")): c.get("place") for c in row["ocop_claims"]}
        got = {(c.count, c.stars): c.place for c in facts.ocop_claims}
        report.score("ocop_claims").add(ident, got, want)
        report.score("claim_counts").add(ident, {c for c, _s in got}, {c for c, _s in want})
        for key in set(got) & set(want):
            if "place" in next(c for c in row["ocop_claims"] if (c["count"], c.get("stars")) == key):
                report.place_total += 1
                report.place_hits += got[key] == want[key]


def seed_rows(seed_dir: Path = SEED_DIR) -> list[dict[str, Any]] | None:
    """The seed page twice: its text up to the writer's line, and the full page with its chrome.

    The full page is checked for is_ocop and provinces only (the labels say what the article
    says; the chrome below the writer's line adds nothing OCOP-specific). None when absent.
    """
    path = seed_dir / SEED_FILE
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    non_empty = [k for k, line in enumerate(lines) if line.strip()]
    title_at = non_empty[1]  # the first line is the site's date header
    title = lines[title_at].strip()
    rest = lines[title_at + 1 :]
    article = dict(SEED_LABELS, title=title, text="\n".join(rest[:SEED_ARTICLE_LINES]))
    full = {key: SEED_LABELS[key] for key in ("is_ocop", "provinces", "provinces_2025")}
    full.update(id="seed-page-full", title=title, text="\n".join(rest))
    return [article, full]


def format_report(report: Report, heading: str) -> list[str]:
    lines = [f"{heading}: {report.passages} passages", f"{'label':<16} {'P':>6} {'R':>6} {'F1':>6}"]
    for label in REPORT_ORDER:
        if label in report.scores:
            s = report.scores[label]
            lines.append(f"{label:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    if report.place_total:
        lines.append(
            f"{'claim places':<16} accuracy {report.place_accuracy:.3f} ({report.place_total} claims)"
        )
    return lines
