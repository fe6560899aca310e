"""OCOP enrichment on real excerpts kept outside the repository (../shared/ocop-real).

The folder holds real news excerpts labelled by hand; the texts stay there (never copied here).
`indexer.ocop.evaluate.blind_split` holds out a fixed quarter of it, chosen by a hash of the id
before any error was looked at: the rules were developed on the dev part, and the held-out part
was run once at the end (docs/ocop.md has both figures). The thresholds are the figures measured
at that point, rounded down: a change that loses accuracy on real text fails here.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import ocop_watch.commands.classify  # noqa: F401  (registers the eval command)
from indexer.ocop.evaluate import Report, evaluate, load_real
from ocop_watch.cli_app import app
from tests.support.environment import require_shared

# label → (precision, recall) floors for is_ocop and claims, F1 floors for the set labels
FLOORS: dict[str, dict[str, tuple[float, float] | float]] = {
    "dev": {
        # Round 7: an event named after OCOP with no OCOP substance is not OCOP (the README's fair
        # convention); two dev passages labelled "borderline positive" (a fair, a market) are now
        # read as events, which costs their recall and their groups: 0.971 and 0.957.
        "is_ocop": (0.99, 0.97),
        "provinces_2025": 0.98,
        "provinces": 0.97,
        "stars": 0.99,
        "product_groups": 0.955,  # round 3 (2026-12-05): 0.9697; round 7: 0.957
        "ocop_claims": (0.97, 0.955),  # round 4 (2026-12-05): 0.974 / 0.956
    },
    # Seen since round 1's blind run (2026-12-05): a floor at the measured figure, no longer blind.
    "heldout": {
        "is_ocop": (0.97, 0.97),
        "provinces_2025": 0.96,
        "provinces": 0.92,
        "stars": 0.965,  # round 4: 0.969
        "product_groups": 0.96,  # round 3: 0.961
        "ocop_claims": (0.89, 0.90),  # round 4: 0.897 / 0.904
    },
}


@pytest.fixture(scope="module")
def folder():
    return require_shared("ocop-real", "labels.jsonl").parent


@pytest.fixture(scope="module", params=["dev", "heldout"])
def part(request: pytest.FixtureRequest, folder) -> tuple[str, Report]:
    return request.param, evaluate(load_real(folder, request.param))


def test_the_split_holds_out_a_quarter_of_each_kind(folder) -> None:
    rows = load_real(folder)
    held = [r for r in rows if r["split"] == "heldout"]
    assert 0.24 <= len(held) / len(rows) <= 0.27
    assert any(r["is_ocop"] for r in held) and any(not r["is_ocop"] for r in held)
    assert [r["id"] for r in load_real(folder, "heldout")] == [r["id"] for r in held]


def test_per_label_figures_stay_at_what_was_measured(part) -> None:
    name, report = part
    for label, floor in FLOORS[name].items():
        score = report.scores[label]
        if isinstance(floor, tuple):
            assert score.precision >= floor[0] and score.recall >= floor[1], (
                name,
                label,
                score.precision,
                score.recall,
                score.errors,
            )
        else:
            assert score.f1 >= floor, (name, label, score.f1, score.errors)


def test_eval_command_reports_every_label_and_lists_errors(folder) -> None:
    result = CliRunner().invoke(app, ["eval", "ocop", "--data", str(folder), "--split", "dev", "--errors"])
    assert result.exit_code == 0, result.output
    for label in ("is_ocop", "provinces_2025", "provinces", "stars", "product_groups", "ocop_claims"):
        assert label in result.output
    assert "extra [" in result.output and "missing [" in result.output


def test_eval_command_refuses_a_folder_without_labels(tmp_path) -> None:
    result = CliRunner().invoke(app, ["eval", "ocop", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "passages.jsonl" in result.output
