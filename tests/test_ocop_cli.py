"""`ocop classify` and `ocop eval ocop` as a user runs them, and `enrich` on an Article."""

from __future__ import annotations

import io
import json
from datetime import datetime

from typer.testing import CliRunner

import ocop_watch.commands.classify as classify_command  # registers the commands on the apps
from indexer.ocop import enrich
from indexer.schema import VIETNAM_TZ, Article
from ocop_watch.cli_app import app
from tests.support.environment import require_shared

FIELDS = [
    "id",
    "ocop_score",
    "is_ocop",
    "provinces",
    "provinces_2025",
    "stars",
    "product_groups",
    "ocop_claims",
]
GOOD = {
    "id": "a1",
    "title": "Hà Tĩnh có thêm 20 sản phẩm OCOP",
    "text": "UBND tỉnh Hà Tĩnh vừa công nhận 20 sản phẩm OCOP 3 sao, gồm kẹo cu đơ và nước mắm.",
    "published": "2023-01-02T08:00:00+07:00",
}


def test_classify_writes_one_line_per_passage_and_errors_in_place() -> None:
    lines = [
        json.dumps(GOOD, ensure_ascii=False),
        "not json",
        "[1, 2]",
        '{"id": "c", "title": 5}',
        '{"id": "d", "title": "x", "published": "hôm qua"}',
        "",
        '{"id": "e", "title": "Giá vàng", "text": ""}',
    ]
    out, err = io.StringIO(), io.StringIO()
    done, bad = classify_command.classify_lines(io.StringIO("\n".join(lines) + "\n"), out, err)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (done, bad) == (2, 4)
    assert len(records) == 6
    first = records[0]
    assert list(first) == FIELDS
    assert first["is_ocop"] and first["provinces_2025"] == ["Hà Tĩnh"] and first["stars"] == [3]
    assert first["ocop_claims"][0] == {
        "count": 20,
        "stars": 3,
        "place": "Hà Tĩnh",
        "sentence": "UBND tỉnh Hà Tĩnh vừa công nhận 20 sản phẩm OCOP 3 sao, gồm kẹo cu đơ và nước mắm.",
    }
    assert [r.get("error", "")[:8] for r in records[1:5]] == ["not JSON", "expected", "'title' ", "'publish"]
    assert records[3]["id"] == "c" and records[3]["line"] == 4
    assert records[5]["id"] == "e" and records[5]["is_ocop"] is False
    assert err.getvalue().count("line ") == 4


def test_classify_reads_an_empty_published_as_undated() -> None:
    # round 19: the stress harness writes undated passages with "published": ""; that crashed the run
    line = json.dumps({**GOOD, "published": ""}, ensure_ascii=False)
    out, err = io.StringIO(), io.StringIO()
    assert classify_command.classify_lines(io.StringIO(line + "\n"), out, err) == (1, 0)
    assert json.loads(out.getvalue())["stars"] == [3]


def test_classify_command_reads_stdin() -> None:
    result = CliRunner().invoke(app, ["classify"], input=json.dumps(GOOD) + "\nbroken\n")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert json.loads(lines[0])["id"] == "a1"
    assert json.loads(lines[1])["error"].startswith("not JSON")


def test_eval_ocop_prints_per_label_figures() -> None:
    # The dev split of the real excerpts and the seed page live in ../shared, not in the repository.
    require_shared("ocop-real")
    require_shared("corpus")
    result = CliRunner().invoke(app, ["eval", "ocop", "--split", "dev"])
    assert result.exit_code == 0, result.output
    for label in ("is_ocop", "provinces_2025", "provinces", "stars", "product_groups"):
        assert label in result.output
    assert "seed-page" in result.output


def test_enrich_returns_a_filled_copy() -> None:
    article = Article.from_url(
        "https://vi.example/ocop.html",
        site="vi.example",
        title=GOOD["title"],
        text=GOOD["text"],
        crawled=datetime(2024, 1, 1, tzinfo=VIETNAM_TZ),
        published=datetime(2023, 1, 2, tzinfo=VIETNAM_TZ),
    )
    enriched = enrich(article)
    assert enriched is not article and article.is_ocop is False
    assert enriched.is_ocop and enriched.provinces_2025 == ["Hà Tĩnh"]
    assert enriched.ocop_claims[0].count == 20 and enriched.ocop_claims[0].stars == 3
    assert Article.model_validate(enriched.model_dump()) == enriched
