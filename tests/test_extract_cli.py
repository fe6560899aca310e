"""`ocop extract` and `ocop eval extraction` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ocop_watch.commands.extract as extract_command  # registers the commands on the apps
from ocop_watch.cli_app import app
from ocop_watch.opaque_names import opaque_names

PAGES = Path(__file__).parent / "fixtures" / "pages"
SEED = PAGES / "plxh_ocop_seed.html"
FIELDS = {
    "path",
    "url",
    "title",
    "lead",
    "text",
    "author",
    "published",
    "modified",
    "site",
    "section",
    "tags",
    "captions",
    "source_agency",
}

runner = CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_one_json_object_per_page(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"%PDF-1.4 not a page")
    result = runner.invoke(app, ["extract", str(SEED), str(broken), str(tmp_path / "missing.html")])
    assert result.exit_code == 0, result.output  # some pages were read: the batch succeeded
    assert result.stderr.strip() == "ocop extract: 2 of 3 pages failed; see the error lines"
    seed, pdf, missing = lines(result.stdout)
    assert set(seed) >= FIELDS
    assert seed["path"] == str(SEED)
    assert seed["title"] == "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành"
    assert seed["author"] == ["Trịnh Hà My"]
    assert seed["published"] == "2024-10-02T07:45:00+07:00"
    assert seed["url"].startswith("https://phapluatxahoi.kinhtedothi.vn/")  # the page's canonical link
    assert pdf == {"path": str(broken), "error": "not HTML: the body is a PDF document"}
    assert set(missing) == {"path", "error"}


def test_extract_with_url_for_a_saved_page(tmp_path: Path) -> None:
    html = SEED.read_text(encoding="utf-8").replace('<link rel="canonical"', '<link rel="x-canonical"')
    html = html.replace('<meta property="og:url"', '<meta property="x-og:url"')
    page = tmp_path / "saved.html"
    page.write_text(html, encoding="utf-8")
    url = "https://phapluatxahoi.kinhtedothi.vn/bai-viet-481207.html?utm_source=zalo"
    (record,) = lines(runner.invoke(app, ["extract", str(page), "--url", url, "--json"]).output)
    assert record["url"] == "https://phapluatxahoi.kinhtedothi.vn/bai-viet-481207.html"
    assert record["site"] == "phapluatxahoi.kinhtedothi.vn"


def test_url_option_needs_a_single_page() -> None:
    result = runner.invoke(app, ["extract", str(SEED), str(SEED), "--url", "https://example.vn/a.html"])
    assert result.exit_code != 0


def test_a_url_argument_is_fetched_with_our_user_agent(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    class Response:
        headers = {"Content-Type": "text/html; charset=utf-8"}

        def __enter__(self) -> Response:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def read(self, limit: int) -> bytes:
            return SEED.read_bytes()

        def geturl(self) -> str:
            return "https://phapluatxahoi.kinhtedothi.vn/redirected-481207.html"

    def fake_urlopen(request, timeout):  # noqa: ANN001
        seen["agent"], seen["timeout"] = request.get_header("User-agent"), timeout
        return Response()

    monkeypatch.setattr(extract_command.urllib.request, "urlopen", fake_urlopen)
    (record,) = lines(
        runner.invoke(app, ["extract", "https://phapluatxahoi.kinhtedothi.vn/x-481207.html"]).output
    )
    assert record["title"] == "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành"
    assert seen["timeout"] == 20.0
    assert str(seen["agent"]).startswith("ocop-watch/")


def test_text_view() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--text"])
    assert result.exit_code == 0
    assert "Hà Nội mở phiên chợ OCOP cuối tuần cho nông sản ngoại thành" in result.output
    assert "Trịnh Hà My" in result.output and not result.output.lstrip().startswith("{")


def _gold_from_fixtures(tmp_path: Path) -> Path:
    """A small gold file over our own fixtures, in the shared scorer's format."""

    from crawler.extraction.extract import extract_article

    rows = []
    for name, url in (
        ("plxh_ocop_seed.html", "https://phapluatxahoi.kinhtedothi.vn/ocop-481207.html"),
        ("sapo_outside_body.html", "https://tinnhanh.example.vn/sam-4811234.html"),
    ):
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
        article = extract_article((PAGES / name).read_bytes(), url)
        rows.append(
            {
                "file": name,
                "url": url,
                "title": article.title,
                "published": article.published.date().isoformat(),
                "author": ", ".join(article.authors),
                "body": article.text,
                "must_include": [article.text[:60]],
                "must_exclude": ["Có thể bạn quan tâm", "Trở lại"],
            }
        )
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return gold


def test_eval_extraction_runs_both_extractors_with_the_shared_scorer(tmp_path: Path) -> None:
    from tests.support.environment import require_shared

    require_shared("eval", "score_extraction.py")  # the scorer this command runs
    gold = _gold_from_fixtures(tmp_path)
    out = tmp_path / "predictions"
    result = runner.invoke(app, ["eval", "extraction", str(gold), "--output", str(out)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "ours" in result.output and "trafilatura" in result.output
    ours = lines((out / "predictions-ours.jsonl").read_text(encoding="utf-8"))
    plain = lines((out / "predictions-trafilatura.jsonl").read_text(encoding="utf-8"))
    assert (
        {r["file"] for r in ours}
        == {r["file"] for r in plain}
        == {"plxh_ocop_seed.html", "sapo_outside_body.html"}
    )
    assert set(ours[0]) == {"file", "title", "text", "author", "published"}
    figures, _ = extract_command.run_scorer(
        extract_command.load_scorer(extract_command.DEFAULT_SCORER),
        gold,
        out / "predictions-ours.jsonl",
        per_page=False,
    )
    assert figures["f1"] == "1.0000" and figures["title_accuracy"] == "1.0000"


def test_eval_extraction_reports_a_missing_scorer(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["eval", "extraction", str(gold), "--scorer", str(tmp_path / "nope.py")])
    assert result.exit_code != 0
    assert "scorer not found" in result.output


def test_eval_extraction_scores_several_gold_files_as_one_set_and_lists_failures(tmp_path: Path) -> None:
    from tests.support.environment import require_shared

    require_shared("eval", "score_extraction.py")
    gold = _gold_from_fixtures(tmp_path)
    first, second = gold.read_text(encoding="utf-8").splitlines()
    wrong = json.loads(second)
    wrong["title"] = "Một tiêu đề khác"
    wrong["must_exclude"] = [wrong["body"].split("\n")[0][:40]]  # text that IS in the body: a "leak"
    (tmp_path / "gold.jsonl").write_text(first + "\n", encoding="utf-8")
    more = tmp_path / "gold-more.jsonl"
    more.write_text(json.dumps(wrong, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "extraction", str(gold), str(more)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "2 gold pages" in result.output
    failures = result.output.split("per page")[1]
    assert "sapo_outside_body.html" in failures and "plxh_ocop_seed.html" in failures
    assert "ours: WRONG title" in failures and "ours: LEAK" in failures
    assert "time ours / plain trafilatura" in result.output


def test_extract_manifest_gives_one_line_per_page_in_order(tmp_path: Path) -> None:
    (tmp_path / "seed.html").write_bytes(SEED.read_bytes())
    (tmp_path / "pdf.html").write_bytes(b"%PDF-1.4 not a page")
    manifest = tmp_path / "pages.jsonl"
    entries = [
        {"path": "seed.html", "url": "https://phapluatxahoi.kinhtedothi.vn/ocop-481207.html"},
        {"path": "pdf.html", "url": "https://example.vn/a.html"},
        {"path": str(SEED)},
    ]
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    result = runner.invoke(app, ["extract", "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    assert "1 of 3 pages failed" in result.stderr
    out = lines(result.stdout)
    assert [r["path"] for r in out] == [str(tmp_path / "seed.html"), str(tmp_path / "pdf.html"), str(SEED)]
    assert out[0]["title"] and "error" not in out[0]
    assert "PDF" in out[1]["error"]
    assert out[2]["text"] == out[0]["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("not json\n", "line 1 is not JSON"), ('{"url": "https://x.vn/"}\n', 'line 1 needs "path"')],
)
def test_extract_manifest_refuses_bad_lines(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--manifest", str(manifest)], terminal_width=200)
    assert result.exit_code != 0
    assert message in result.output


def test_extract_fails_when_every_page_failed(tmp_path: Path) -> None:
    pdf = tmp_path / "a.html"
    pdf.write_bytes(b"%PDF-1.4 not a page")
    single = runner.invoke(app, ["extract", str(pdf)])
    assert single.exit_code == 1
    assert lines(single.stdout) == [{"path": str(pdf), "error": "not HTML: the body is a PDF document"}]
    assert "every page failed (1 of 1)" in single.stderr
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text(
        json.dumps({"path": "a.html"}) + "\n" + json.dumps({"path": "gone.html"}) + "\n", encoding="utf-8"
    )
    batch = runner.invoke(app, ["extract", "--manifest", str(manifest), "--text"])
    assert batch.exit_code == 1
    assert "every page failed (2 of 2)" in batch.stderr
    assert "PDF" in batch.stdout


def test_extract_of_a_readable_page_says_nothing_on_stderr() -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0 and result.stderr == ""


def test_extract_needs_pages_or_a_manifest() -> None:
    result = runner.invoke(app, ["extract"])
    assert result.exit_code != 0
    assert "--manifest" in result.output


def test_eval_extraction_with_opaque_names_says_so_in_its_table(tmp_path: Path) -> None:
    from tests.support.environment import require_shared

    require_shared("eval", "score_extraction.py")
    gold = _gold_from_fixtures(tmp_path)
    result = runner.invoke(app, ["eval", "extraction", str(gold), "--opaque-names"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "class and id names made opaque" in result.output and "2 gold pages" in result.output


def test_eval_extraction_reencodes_pages_and_refuses_an_unknown_form(tmp_path: Path) -> None:
    from tests.support.environment import require_shared

    require_shared("eval", "score_extraction.py")
    gold = _gold_from_fixtures(tmp_path)
    args = ["eval", "extraction", str(gold), "--reencode"]
    result = runner.invoke(app, [*args, "windows-1258-undeclared"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "text re-encoded as windows-1258-undeclared" in " ".join(result.output.split())
    unknown = runner.invoke(app, [*args, "tcvn3"], terminal_width=200)
    assert unknown.exit_code == 2 and "'tcvn3' is not one of nfd, windows-1258" in unknown.output


def test_opaque_names_rewrite_each_page_before_either_extractor_reads_it(tmp_path: Path) -> None:
    page = tmp_path / "trang.html"
    page.write_bytes(b'<div class="tac-gia" id="ngay">x</div>')
    seen: list[bytes] = []

    def echo(raw: bytes, row: dict) -> dict:
        seen.append(raw)
        return {"title": "", "text": raw.decode(), "author": [], "published": None}

    _, predictions = extract_command.write_predictions(
        [({"file": "trang.html"}, tmp_path)], tmp_path / "out.jsonl", echo, opaque_names
    )
    assert seen and all(raw == opaque_names(page.read_bytes()) for raw in seen)  # the warm-up call too
    assert predictions["trang.html"]["text"] == opaque_names(page.read_bytes()).decode()
    assert "tac-gia" not in predictions["trang.html"]["text"]
