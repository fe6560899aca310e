"""Exports: what a researcher gets back in CSV, JSONL and Parquet is the archive's text, exactly.

A few hundred articles carry the text that breaks exports in practice (quotes, commas, newlines,
đ, tone marks in both Unicode forms, emoji, strings a CSV reader takes for missing values), with
dates stored in UTC and in Vietnam time. Each format must give back every character and every value.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import indexer.export as export_module
from indexer.archive import Archive
from indexer.engines.embedded import EmbeddedIndex
from indexer.errors import InvalidQuery
from indexer.export import COLUMNS, SCHEMA_VERSION, Export, select_columns, type_label
from indexer.query import SearchRequest
from indexer.schema import Article
from tests.support.environment import PROJECT_ROOT
from tests.support.tricky_articles import ARTICLES, build_archive


@pytest.fixture(scope="module")
def tricky_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("export") / "archive.sqlite")


@pytest.fixture(scope="module")
def index(tricky_archive: Path) -> EmbeddedIndex:
    return EmbeddedIndex(tricky_archive)


@pytest.fixture(scope="module")
def stored(tricky_archive: Path) -> dict[str, Article]:
    """The articles as the archive holds them (with the story ids it assigned), by id."""
    with Archive(tricky_archive) as archive:
        return {article.id: article for article in archive.articles()}


def exported(
    index: EmbeddedIndex, fmt: str, request: SearchRequest | None = None, **options: object
) -> bytes:
    return b"".join(Export(index, request or SearchRequest(), fmt, **options).chunks())


# --- the schema -----------------------------------------------------------------------------------


def documented_columns() -> list[tuple[str, str, bool]]:
    """(column, Parquet type, nullable) from the table under '## Columns' in docs/export-schema.md."""
    text = (PROJECT_ROOT / "docs" / "export-schema.md").read_text("utf-8")
    section = text.split("\n## Columns", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        match = re.match(r"\|\s*`(\w+)`\s*\|\s*`([^`]+)`\s*\|\s*(yes|no)\s*\|", line)
        if match:
            rows.append((match[1], match[2], match[3] == "yes"))
    return rows


def test_the_documented_schema_is_the_schema_of_every_parquet_export(index: EmbeddedIndex) -> None:
    code = [(c.name, type_label(c.type), c.nullable) for c in COLUMNS.values()]
    assert documented_columns() == code, "docs/export-schema.md and indexer/export.py disagree"
    schema = pq.read_schema(io.BytesIO(exported(index, "parquet", limit=3)))
    assert [(f.name, type_label(f.type), f.nullable) for f in schema] == code


def test_every_article_field_is_a_column() -> None:
    assert list(COLUMNS) == list(Article.model_fields)


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_is_what_excel_expects(index: EmbeddedIndex) -> None:
    data = exported(index, "csv", fields=["id", "title", "text"])
    assert data.startswith(b"\xef\xbb\xbfid,title,text\r\n")  # UTF-8 BOM, header, CRLF
    assert '"Nói ""không"" với hàng giả, hàng nhái"'.encode() in data  # quoted, inner quotes doubled
    assert "\nDòng hai\n\nĐoạn mới".encode() in data  # newlines stay inside the quoted cell


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_a_spreadsheet_would_run_start_with_a_quote(index: EmbeddedIndex, stored: dict) -> None:
    data = exported(index, "csv", fields=["id", "title", "lead", "text", "authors"])
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    neutralised = 0
    for row in frame.to_dict("records"):
        article = stored[row["id"]]
        for name in ("title", "lead", "text"):
            cell, value = row[name], getattr(article, name)
            assert not cell.startswith(FORMULA_STARTS), (name, cell)
            if value.startswith(FORMULA_STARTS):
                assert cell == "'" + value
                neutralised += 1
            else:
                assert cell == value
        assert json.loads(row["authors"]) == article.authors  # lists are JSON: they start with [
    assert neutralised > 50
    assert json.loads(exported(index, "jsonl", limit=1))  # only CSV is touched: JSONL stays exact


@pytest.mark.parametrize("reader", ["pandas", "pyarrow"])
def test_csv_round_trips_vietnamese_text_exactly(index: EmbeddedIndex, stored: dict, reader: str) -> None:
    data = exported(index, "csv", raw=True)
    if reader == "pandas":
        frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        rows = frame.to_dict("records")
    else:
        types = {name: pa.string() for name in COLUMNS}
        table = pacsv.read_csv(io.BytesIO(data), convert_options=pacsv.ConvertOptions(column_types=types))
        rows = table.to_pylist()
    assert len(rows) == len(stored) == ARTICLES
    for row in rows:
        article = stored[row["id"]]
        for name in ("url", "site", "outlet", "title", "lead", "text"):
            assert row[name] == getattr(article, name), name
        assert row["source_agency"] == (article.source_agency or "")
        assert row["section"] == (article.section or "")
        for name in ("captions", "authors", "tags", "provinces", "provinces_2025", "stars", "product_groups"):
            assert json.loads(row[name]) == getattr(article, name), name
        assert json.loads(row["ocop_claims"]) == [c.model_dump() for c in article.ocop_claims]
        assert row["is_ocop"] == ("true" if article.is_ocop else "false")
        assert float(row["ocop_score"]) == article.ocop_score
        for name in ("published", "modified", "crawled"):
            value = getattr(article, name)
            assert (datetime.fromisoformat(row[name]) if row[name] else None) == value, name
            assert not value or row[name].endswith("+07:00")


# --- JSONL ----------------------------------------------------------------------------------------


def test_jsonl_is_one_article_per_line_with_offset_dates(index: EmbeddedIndex, stored: dict) -> None:
    data = exported(index, "jsonl")
    assert "\u2028".encode() not in data and b"\r" not in data  # nothing a line splitter could cut at
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == ARTICLES
    for line in lines[:-1]:
        record = json.loads(line)
        article = stored[record["id"]]
        assert list(record) == list(COLUMNS)
        for name in ("published", "modified", "crawled"):
            value = getattr(article, name)
            assert record[name] is None if value is None else record[name].endswith("+07:00")
            assert (datetime.fromisoformat(record[name]) if record[name] else None) == value
        expected = article.model_dump(mode="json", exclude={"published", "modified", "crawled"})
        assert {k: v for k, v in record.items() if k in expected} == expected


# --- Parquet --------------------------------------------------------------------------------------


def test_parquet_has_typed_values_and_provenance(index: EmbeddedIndex, stored: dict) -> None:
    table = pq.read_table(io.BytesIO(exported(index, "parquet")))
    assert table.num_rows == ARTICLES
    assert table.schema.field("published").type == pa.timestamp("us", tz="Asia/Ho_Chi_Minh")
    for record in table.to_pylist():
        article = stored[record["id"]]
        expected = article.model_dump()
        assert record == expected  # aware datetimes compare as instants; lists and claims as values
        assert record["crawled"].utcoffset().total_seconds() == 7 * 3600
    provenance = json.loads(table.schema.metadata[b"ocop_watch.provenance"])
    assert provenance["total"] == provenance["rows"] == ARTICLES
    assert provenance["engine"] == "embedded" and provenance["schema_version"] == SCHEMA_VERSION


def test_parquet_row_groups_leave_before_the_scan_ends(
    index: EmbeddedIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first row group is on its way while most articles have not been read yet."""
    monkeypatch.setattr(export_module, "ROW_GROUP_ROWS", 50)
    job = Export(index, SearchRequest(), "parquet")
    chunks = job.chunks()
    first = next(chunks)
    assert first.startswith(b"PAR1") and job.rows == 50
    rest = list(chunks)
    assert len(rest) == ARTICLES // 50  # five more row groups, then the footer
    assert pq.ParquetFile(io.BytesIO(first + b"".join(rest))).metadata.num_row_groups == ARTICLES // 50


# --- the query, fields, limits ----------------------------------------------------------------------


def test_an_export_has_exactly_the_rows_of_the_search(index: EmbeddedIndex) -> None:
    request = SearchRequest(q='"san pham" -windows', filters={"site": ["baomau.vn", "dantri.com.vn"]})
    wanted, cursor = [], None
    while True:  # every hit of /search, paged with its cursor
        page = index.search(request.model_copy(update={"size": 100, "cursor": cursor, "with_facets": False}))
        wanted += [hit.id for hit in page.hits]
        if not (cursor := page.next_cursor):
            break
    assert 0 < len(wanted) < ARTICLES
    lines = exported(index, "jsonl", request, fields=["id"]).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == wanted


def test_an_empty_result_is_a_valid_empty_file(index: EmbeddedIndex) -> None:
    nothing = SearchRequest(q="không-có-từ-này")
    assert exported(index, "csv", nothing, fields=["id", "title"]) == b"\xef\xbb\xbfid,title\r\n"
    assert exported(index, "jsonl", nothing) == b""
    table = pq.read_table(io.BytesIO(exported(index, "parquet", nothing)))
    assert table.num_rows == 0 and table.column_names == list(COLUMNS)


def test_fields_choose_and_order_the_columns(index: EmbeddedIndex) -> None:
    assert [c.name for c in select_columns(["title, id", "stars", "id"])] == ["title", "id", "stars"]
    frame = pd.read_csv(io.BytesIO(exported(index, "csv", fields=["published,title"])), keep_default_na=False)
    assert list(frame.columns) == ["published", "title"]
    table = pq.read_table(io.BytesIO(exported(index, "parquet", fields=["stars", "is_ocop"])))
    assert table.column_names == ["stars", "is_ocop"]


def test_limit_caps_the_rows_and_is_recorded(index: EmbeddedIndex) -> None:
    job = Export(index, SearchRequest(), "jsonl", limit=7)
    assert len(b"".join(job.chunks()).splitlines()) == 7 == job.rows
    assert job.provenance()["total"] == ARTICLES and job.provenance()["rows"] == 7


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"format": "xlsx"}, "unknown format 'xlsx'"),
        ({"fields": ["title,body"]}, "unknown field 'body'"),
        ({"limit": 0}, "limit"),
    ],
)
def test_bad_options_are_refused_before_any_work(index: EmbeddedIndex, options: dict, fragment: str) -> None:
    with pytest.raises(InvalidQuery, match=fragment):
        Export(index, SearchRequest(), **options)


def test_filename_and_media_types(index: EmbeddedIndex) -> None:
    now = datetime(2025, 11, 29, 5, 5, tzinfo=UTC)
    names = {fmt: Export(index, SearchRequest(), fmt, now=now) for fmt in ("csv", "jsonl", "parquet")}
    assert names["csv"].filename == "ocop-export-20251129-1205.csv"  # Vietnam time
    assert names["jsonl"].media_type == "application/x-ndjson"
    assert names["parquet"].media_type == "application/vnd.apache.parquet"


# --- the command line ---------------------------------------------------------------------------------


def test_cli_writes_the_file_and_its_provenance(tricky_archive: Path, tmp_path: Path, ocop) -> None:  # noqa: ANN001
    output = tmp_path / "ocop.parquet"
    args = ["export", "--format", "parquet", "--output", str(output), "--archive", str(tricky_archive)]
    query = ["--q", "san pham", "--site", "baomau.vn", "--fields", "id,title"]
    result = ocop(*args, *query)
    assert result.code == 0, result.err
    provenance = json.loads((tmp_path / "ocop.parquet.provenance.json").read_text("utf-8"))
    assert provenance["query"] == "san pham" and provenance["filters"] == {"site": ["baomau.vn"]}
    assert pq.read_table(output).num_rows == provenance["rows"] == provenance["total"] == ARTICLES // 3
    assert not list(tmp_path.glob("*.part"))

    refused = ocop(*args, "--fields", "nope")
    assert refused.code == 2 and refused.error.startswith("ocop: error: unknown field 'nope'")
