"""Speed of OCOP enrichment: classify 10,000 realistic articles on one core, print articles/s.

Articles are built from the labelled passages (tests/data/ocop_labels.jsonl): half of them take
the title, date and paragraphs of OCOP passages mixed with other paragraphs, half only non-OCOP
passages, until the body reaches about 600 words. That gives place names, star ratings, counts
and link lines in realistic amounts. The seed is fixed, so runs are comparable.

    .venv/bin/python bench/bench_ocop.py [--articles 10000] [--words 600]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "ocop_labels.jsonl"


def build_articles(count: int, words: int, seed: int = 2025) -> list[dict]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    pools = {
        flag: [p for r in rows if r["is_ocop"] == flag for p in r["text"].split("\n\n") if len(p.split()) > 8]
        for flag in (True, False)
    }
    mixed = pools[True] + pools[False]
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        theme = n % 2 == 0
        head = rng.choice([r for r in rows if r["is_ocop"] == theme])
        body: list[str] = []
        total = 0
        while total < words:
            paragraph = rng.choice(mixed if theme else pools[False])
            body.append(paragraph)
            total += len(paragraph.split())
        published = head.get("published")
        articles.append(
            {
                "id": f"bench-{n}",
                "title": head["title"],
                "text": "\n\n".join(body),
                "published": datetime.fromisoformat(published) if published else None,
            }
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    started = time.perf_counter()
    from indexer.ocop import enrich_text  # noqa: PLC0415  (import time is part of what we report)

    enrich_text("khởi động", "Hà Nội có 10 sản phẩm OCOP 4 sao.")  # loads the data files once
    load_seconds = time.perf_counter() - started

    articles = build_articles(args.articles, args.words)
    mean_words = statistics.mean(len((a["title"] + " " + a["text"]).split()) for a in articles)
    ocop = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for a in articles:
        facts = enrich_text(a["title"], a["text"], published=a["published"])
        ocop += facts.is_ocop
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(f"articles:            {len(articles)} (mean {mean_words:.0f} words)")
    print(f"data load + warm-up: {load_seconds:.2f} s")
    print(
        f"classification:      {seconds:.1f} s on one core = {len(articles) / seconds:.0f} articles/s "
        f"({1000 * seconds / len(articles):.2f} ms/article)"
    )
    print(
        f"CPU time:            {cpu_seconds:.1f} s = {len(articles) / cpu_seconds:.0f} articles/s of CPU "
        "(wall and CPU differ when other processes share the core)"
    )
    print(f"classified OCOP:     {ocop} ({100 * ocop / len(articles):.0f}%)")


if __name__ == "__main__":
    main()
