"""OCOP enrichment against the labelled passages and the seed page: the issue's "done" thresholds.

tests/data/ocop_labels.jsonl holds passages written after real coverage (not copied), each with a
`split`: "dev" passages were used while developing the rules, "heldout" ones were written before
tuning and only evaluated at the end. Both must meet the thresholds.
"""

from __future__ import annotations

import pytest

from indexer.ocop import enrich_text
from indexer.ocop.evaluate import evaluate, load_labels, seed_rows
from tests.support.environment import require_shared

LABEL_FIELDS = {
    "id",
    "title",
    "text",
    "is_ocop",
    "provinces",
    "provinces_2025",
    "stars",
    "product_groups",
    "note",
}


@pytest.fixture(scope="module", params=["dev", "heldout"])
def report(request: pytest.FixtureRequest):
    return evaluate(load_labels(split=request.param))


def test_dev_set_is_large_and_complete() -> None:
    rows = load_labels()
    assert len(rows) >= 90
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) >= LABEL_FIELDS, row["id"]
    held_out = [r for r in rows if r["split"] == "heldout"]
    assert 0.2 <= len(held_out) / len(rows) <= 0.3
    negatives = [r for r in rows if not r["is_ocop"]]
    assert len(negatives) >= 30


def test_is_ocop_precision_and_recall(report) -> None:
    score = report.scores["is_ocop"]
    assert score.precision >= 0.95, score.errors
    assert score.recall >= 0.95, score.errors


def test_province_f1_in_the_2025_structure(report) -> None:
    assert report.scores["provinces_2025"].f1 >= 0.95, report.scores["provinces_2025"].errors


def test_star_and_product_group_f1(report) -> None:
    assert report.scores["stars"].f1 >= 0.9, report.scores["stars"].errors
    assert report.scores["product_groups"].f1 >= 0.9, report.scores["product_groups"].errors


def test_old_province_names_and_claims_are_close(report) -> None:
    # Not thresholds of the issue, but a regression net for the 63-province names and the counts.
    assert report.scores["provinces"].f1 >= 0.9, report.scores["provinces"].errors
    assert report.scores["ocop_claims"].f1 >= 0.85, report.scores["ocop_claims"].errors


@pytest.fixture(scope="module")
def seed():
    folder = require_shared("corpus", "seed-page-text.txt").parent
    rows = seed_rows(folder)
    assert rows is not None
    return rows


def test_seed_article_up_to_the_writers_line(seed) -> None:
    article, full = seed
    assert full["text"].startswith(article["text"])
    after = full["text"][len(article["text"]) :].strip().splitlines()
    assert 1 <= len(after[0].split()) <= 4  # the cut falls right before the writer's name line
    assert "Zalo" not in article["text"] and "Zalo" in full["text"]  # the page chrome stays out
    facts = enrich_text(article["title"], article["text"])
    assert facts.is_ocop
    assert facts.provinces == ["Hà Nội"] and facts.provinces_2025 == ["Hà Nội"]
    claims = {(c.count, c.stars): c.place for c in facts.ocop_claims}
    assert claims == {(1649, None): "Hà Nội", (1098, 4): "Hà Nội", (534, 3): "Hà Nội"}
    sentence = next(c.sentence for c in facts.ocop_claims if c.count == 1649)
    assert "1.649" in sentence and "OCOP" in sentence


def test_seed_full_page_with_its_chrome(seed) -> None:
    full = seed[1]
    assert "Xổ số" in full["text"] or "xổ số" in full["text"]  # the lottery and stock chrome is there
    facts = enrich_text(full["title"], full["text"])
    assert facts.is_ocop
    assert facts.provinces == ["Hà Nội"]
    assert facts.provinces_2025 == ["Hà Nội"]
