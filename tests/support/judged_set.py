"""The judged query set: the sample site's articles and our passages, the judged queries, the
measures (nDCG@10, recall@20) and a folded BM25 to compare with. Written for the tests.

Measures as trec_eval defines them: nDCG@10 with gains 2^grade - 1 and a log2(rank + 1) discount,
normalised by the ideal ranking of the judged documents; recall@20 the share of relevant documents
(grade ≥ 1) among the first 20.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from indexer.highlight import searchable_body
from indexer.schema import VIETNAM_TZ, Article
from indexer.text import fold, normalize, tokens
from samples.sitegen import SITE_NAME, load_articles

HERE = Path(__file__).resolve().parents[1] / "relevance"  # judged.toml, passages.toml
CRAWLED = datetime(2025, 11, 13, 12, 0, tzinfo=VIETNAM_TZ)
SAMPLE_SITE = "baomau-ocop.local"


@dataclass(frozen=True)
class Judged:
    behaviour: str
    q: str
    relevant: dict[str, int]  # slug -> grade
    min_ndcg: float = 0.85
    min_recall: float = 1.0


def articles() -> dict[str, Article]:
    """Slug -> article: every sample article and every passage."""
    out: dict[str, Article] = {}
    for sample in load_articles():
        out[sample.slug] = Article.from_url(
            f"https://{SAMPLE_SITE}/{sample.slug}.html",
            site=SAMPLE_SITE,
            outlet=SITE_NAME,
            title=sample.title,
            lead=sample.lead,
            text="\n\n".join(p for p in (sample.lead, sample.body_text()) if p),
            authors=list(sample.authors),
            published=sample.published,
            crawled=CRAWLED,
        )
    for passage in tomllib.loads((HERE / "passages.toml").read_text("utf-8"))["passage"]:
        slug = passage.pop("slug")
        site = passage.pop("site")
        out[slug] = Article.from_url(f"https://{site}/{slug}.html", site=site, crawled=CRAWLED, **passage)
    return out


def queries() -> list[Judged]:
    data = tomllib.loads((HERE / "judged.toml").read_text("utf-8"))
    return [
        Judged(q["behaviour"], q["q"], dict(q["relevant"]), q.get("min_ndcg", 0.85), q.get("min_recall", 1.0))
        for q in data["query"]
    ]


def ndcg_at(ranked: Sequence[str], relevant: dict[str, int], k: int = 10) -> float:
    def dcg(grades: Sequence[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))

    ideal = dcg(sorted(relevant.values(), reverse=True))
    return dcg([relevant.get(slug, 0) for slug in ranked]) / ideal if ideal else 0.0


def recall_at(ranked: Sequence[str], relevant: dict[str, int], k: int = 20) -> float:
    wanted = {slug for slug, grade in relevant.items() if grade > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


class FoldedBM25:
    """Plain BM25 (k1 1.2, b 0.75) over folded syllables of title and body: the baseline the
    issue compares with. Every query word is optional, as in a textbook BM25."""

    def __init__(self, docs: dict[str, Article], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.terms = {
            slug: Counter(tokens(fold(normalize(f"{a.title}\n{searchable_body(a)}"))))
            for slug, a in docs.items()
        }
        self.lengths = {slug: sum(c.values()) for slug, c in self.terms.items()}
        self.average = sum(self.lengths.values()) / len(self.lengths)
        self.df: Counter[str] = Counter(t for c in self.terms.values() for t in c)

    def rank(self, q: str) -> list[str]:
        words = tokens(fold(normalize(q)))
        n = len(self.terms)
        scores: dict[str, float] = {}
        for slug, counts in self.terms.items():
            score = 0.0
            for word in words:
                tf = counts.get(word, 0)
                if tf:
                    idf = math.log(1 + (n - self.df[word] + 0.5) / (self.df[word] + 0.5))
                    norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[slug] / self.average)
                    score += idf * tf * (self.k1 + 1) / norm
            if score > 0:
                scores[slug] = score
        return sorted(scores, key=lambda s: (-scores[s], s))


ARTICLES = articles()  # by slug
SLUG = {article.id: slug for slug, article in ARTICLES.items()}
