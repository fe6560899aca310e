"""Exports: the whole result set of a search as CSV, JSONL or Parquet, streamed in constant memory.

The query is the one `/search` answers (the same SearchRequest, read through `SearchIndex.scan`, so
any engine works); only the renderer differs per format. The columns are derived once from
`Article`, so the three formats, the Parquet schema and the data dictionary
(docs/export-schema.md, checked by a test) cannot drift apart.

Every renderer yields bytes in chunks as rows arrive and keeps at most one chunk (CSV, JSONL) or one
row group (Parquet) in memory. Parquet is written front to back (magic, row groups, then the footer
that indexes them), so each row group is sent as soon as it is encoded; only the footer has to wait
for the last row, and it is small.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from itertools import islice
from types import UnionType
from typing import Annotated, Any, Protocol, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from indexer import __version__
from indexer.engines.base import SearchIndex
from indexer.errors import InvalidQuery
from indexer.query import SearchRequest
from indexer.schema import VIETNAM_TZ, Article

# Bump when a column is added, removed, renamed or changes type; researchers' scripts can check it.
SCHEMA_VERSION = "2"
MAX_LIMIT = 1_000_000_000  # the largest `limit`: more rows than any archive holds, far from overflow
CHUNK_BYTES = 128 * 1024  # CSV/JSONL: bytes handed to the client at a time
ROW_GROUP_ROWS = 10_000  # Parquet: a row group ends at this many rows ...
ROW_GROUP_CHARS = 4_000_000  # ... or this many characters of text, whichever first (bounds memory)
# Parquet encodings: prose is neither dictionary-encoded (every value differs, so the writer would
# build a dictionary only to drop it) nor given min/max statistics (a whole article as "max" bloats
# the footer and helps no filter); ids and links differ per row, so no dictionary either.
_PROSE = frozenset({"title", "lead", "text", "captions", "ocop_claims"})
_UNIQUE = frozenset({"id", "url", "image", "story_id"})

# --- the columns: one schema, derived from Article ---------------------------------------------

_SCALARS: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    datetime: pa.timestamp("us", tz=VIETNAM_TZ.key),
}


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """(Arrow type, nullable) of a pydantic field annotation; a new kind of field fails loudly here."""
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        (inner,) = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _arrow_type(inner)[0], True
    if origin is Annotated:
        return _arrow_type(get_args(annotation)[0])
    if origin is list:
        item, item_nullable = _arrow_type(get_args(annotation)[0])
        return pa.list_(pa.field("element", item, nullable=item_nullable)), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = [pa.field(name, *_arrow_type(f.annotation)) for name, f in annotation.model_fields.items()]
        return pa.struct(fields), False
    if annotation in _SCALARS:
        return _SCALARS[annotation], False
    raise TypeError(f"no export type for {annotation!r}: teach indexer.export._arrow_type about it")


def _to_vietnam_time(value: datetime | None) -> datetime | None:
    # Stored datetimes may be in UTC or +07:00; one offset in every export makes them comparable by eye.
    return value.astimezone(VIETNAM_TZ) if value is not None else None


def _dump_models(value: list[BaseModel]) -> list[dict[str, Any]]:
    return [item.model_dump() for item in value]


def _dump_model(value: BaseModel | None) -> dict[str, Any] | None:
    return value.model_dump() if value is not None else None


def _identity(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One exported column: an Article field, its Arrow type, and how to read it from an Article."""

    name: str
    type: pa.DataType
    nullable: bool

    @cached_property  # called for every cell: decide once
    def convert(self) -> Callable[[Any], Any]:
        if pa.types.is_timestamp(self.type):
            return _to_vietnam_time
        if pa.types.is_struct(self.type):
            return _dump_model
        if pa.types.is_list(self.type) and pa.types.is_struct(self.type.value_type):
            return _dump_models
        return _identity

    @property
    def field(self) -> pa.Field[Any]:
        return pa.field(self.name, self.type, nullable=self.nullable)


COLUMNS: dict[str, Column] = {
    name: Column(name, *_arrow_type(info.annotation)) for name, info in Article.model_fields.items()
}


def select_columns(fields: Iterable[str] = ()) -> list[Column]:
    """The columns asked for ("a,b" and repeated values both work, in the order given); all by default."""
    names = [name.strip() for value in fields for name in value.split(",") if name.strip()]
    if not names:
        return list(COLUMNS.values())
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise InvalidQuery(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))};"
            f" known fields: {', '.join(COLUMNS)}"
        )
    return [COLUMNS[name] for name in dict.fromkeys(names)]


def arrow_schema(columns: Sequence[Column], provenance: dict[str, Any] | None = None) -> pa.Schema:
    metadata: dict[bytes | str, bytes | str] | None = (
        {"ocop_watch.provenance": json.dumps(provenance, ensure_ascii=False)} if provenance else None
    )
    return pa.schema([column.field for column in columns], metadata=metadata)


def type_label(data_type: pa.DataType) -> str:
    """Arrow's name for a type, with list items unnamed: the spelling used in docs/export-schema.md."""
    if pa.types.is_list(data_type):
        return f"list<{type_label(data_type.value_type)}>"
    return str(data_type)


def row_of(article: Article, columns: Sequence[Column]) -> list[Any]:
    return [column.convert(getattr(article, column.name)) for column in columns]


# --- renderers: one per format, same rows in ----------------------------------------------------


class Renderer(Protocol):
    """Turns rows (values in column order) into one file format's bytes, a chunk at a time."""

    name: str
    extension: str
    media_type: str

    def render(
        self, rows: Iterable[Sequence[Any]], columns: Sequence[Column], provenance: dict[str, Any]
    ) -> Iterator[bytes]: ...


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__} as JSON")


def _take(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate(0)
    return data


# OWASP "CSV injection": a cell starting with one of these is a formula to Excel, LibreOffice and
# Google Sheets (tab and carriage return too, which some of them skip before looking).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Text that a spreadsheet would run as a formula, prefixed with ' so it is shown as text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class CsvRenderer:
    """RFC 4180 CSV that Excel opens with Vietnamese intact: UTF-8 with a BOM, CRLF, quoted as needed.

    Lists and nested values are JSON arrays in one cell (unambiguous, unlike a separator that a
    name might contain); missing values are empty cells; booleans are true/false. Text cells that
    a spreadsheet would evaluate as a formula get a leading ' unless `raw` (docs/export-schema.md):
    the page's "Tải CSV" link is opened by double-click, and a title is not a macro.
    """

    name = "csv"
    extension = "csv"
    media_type = "text/csv; charset=utf-8; header=present"

    def __init__(self, raw: bool = False):
        self.raw = raw

    def _cell(self, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False, default=_json_default)  # starts with [ or {
        if isinstance(value, str) and not self.raw:
            return neutralise_formula(value)
        return value

    def render(
        self, rows: Iterable[Sequence[Any]], columns: Sequence[Column], provenance: dict[str, Any]
    ) -> Iterator[bytes]:
        buffer = io.StringIO()
        buffer.write("\ufeff")  # the BOM is what makes Excel read the file as UTF-8
        writer = csv.writer(buffer, lineterminator="\r\n")  # QUOTE_MINIMAL: quotes , " CR LF; doubles "
        writer.writerow([column.name for column in columns])
        cell = self._cell
        for row in rows:
            writer.writerow([cell(value) for value in row])
            if buffer.tell() >= CHUNK_BYTES:
                yield _take(buffer)
        yield _take(buffer)


# Characters some line splitters (str.splitlines, JavaScript) treat as line ends; json.dumps leaves them.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


class JsonlRenderer:
    """One JSON object per line (UTF-8, no BOM); dates are ISO 8601 with their +07:00 offset."""

    name = "jsonl"
    extension = "jsonl"
    media_type = "application/x-ndjson"

    def render(
        self, rows: Iterable[Sequence[Any]], columns: Sequence[Column], provenance: dict[str, Any]
    ) -> Iterator[bytes]:
        names = [column.name for column in columns]
        buffer = io.StringIO()
        for row in rows:
            record = dict(zip(names, row, strict=True))
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=_json_default)
            for char, escaped in _LINE_BREAKS.items():
                if char in line:
                    line = line.replace(char, escaped)
            buffer.write(line)
            buffer.write("\n")
            if buffer.tell() >= CHUNK_BYTES:
                yield _take(buffer)
        if buffer.tell():
            yield _take(buffer)


class _ChunkSink(io.RawIOBase):
    """A write-only file that hands over what was written since the last `take()`."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts = []
        return data


def _table(batch: list[list[Any]], schema: pa.Schema) -> pa.Table:
    """Converts and empties `batch` column by column, so Python and Arrow copies never all coexist."""
    arrays = []
    for position, field in enumerate(schema):
        arrays.append(pa.array(batch[position], type=field.type))
        batch[position] = []
    return pa.Table.from_arrays(arrays, schema=schema)


class ParquetRenderer:
    """Typed columns (timestamps with time zone, lists), one row group at a time; provenance in the schema."""

    name = "parquet"
    extension = "parquet"
    media_type = "application/vnd.apache.parquet"

    def render(
        self, rows: Iterable[Sequence[Any]], columns: Sequence[Column], provenance: dict[str, Any]
    ) -> Iterator[bytes]:
        schema = arrow_schema(columns, provenance)
        text_positions = [i for i, column in enumerate(columns) if pa.types.is_string(column.type)]
        sink = _ChunkSink()
        names = [column.name for column in columns]
        # The stubs know neither a RawIOBase sink nor use_dictionary's list of columns; pyarrow
        # takes both (a file-like object; "Specify if we should use dictionary encoding in general
        # or only for some columns").
        writer = pq.ParquetWriter(
            sink,  # type: ignore[arg-type]
            schema,
            use_dictionary=[name for name in names if name not in _PROSE | _UNIQUE],  # type: ignore[arg-type]
            write_statistics=[name for name in names if name not in _PROSE],
        )
        try:
            batch: list[list[Any]] = [[] for _ in columns]
            count = chars = 0
            for row in rows:
                for values, value in zip(batch, row, strict=True):
                    values.append(value)
                count += 1
                chars += sum(len(row[i]) for i in text_positions if row[i])
                if count >= ROW_GROUP_ROWS or chars >= ROW_GROUP_CHARS:
                    writer.write_table(_table(batch, schema))
                    count = chars = 0
                    yield sink.take()
            if count:
                writer.write_table(_table(batch, schema))
            writer.close()  # writes the footer
            yield sink.take()
        finally:
            if writer.is_open:
                writer.close()


FORMATS: dict[str, Renderer] = {r.name: r for r in (CsvRenderer(), JsonlRenderer(), ParquetRenderer())}


def renderer_for(name: str, *, raw: bool = False) -> Renderer:
    try:
        renderer = FORMATS[name.strip().lower()]
    except KeyError:
        raise InvalidQuery(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}") from None
    return CsvRenderer(raw=True) if raw and renderer.name == "csv" else renderer


# --- one export ---------------------------------------------------------------------------------


class Export:
    """One search exported in one format.

    Everything that can be refused (format, fields, limit, the query and its filters, an engine that
    is down) is checked in the constructor, before the first byte, so the API can still answer with
    a 4xx; `chunks()` then streams the bytes.
    """

    def __init__(
        self,
        index: SearchIndex,
        request: SearchRequest,
        format: str = "csv",
        fields: Iterable[str] = (),
        limit: int | None = None,
        *,
        raw: bool = False,
        now: datetime | None = None,
    ):
        self.renderer = renderer_for(format, raw=raw)
        self.raw = raw
        self.columns = select_columns(fields)
        if limit is not None and not 1 <= limit <= MAX_LIMIT:
            raise InvalidQuery(f"limit must be between 1 and {MAX_LIMIT:,}, not {limit}")
        self.index = index
        self.request = request.model_copy(update={"page": 1, "cursor": None})
        self.limit = limit
        counting = self.request.model_copy(update={"size": 0, "with_facets": False})
        self.total = index.search(counting).total  # also where a bad query or filter is refused
        self.exported_at = (now or datetime.now(VIETNAM_TZ)).astimezone(VIETNAM_TZ)
        self.rows = 0  # rows handed to the renderer so far

    @property
    def expected_rows(self) -> int:
        return self.total if self.limit is None else min(self.total, self.limit)

    @property
    def filename(self) -> str:
        return f"ocop-export-{self.exported_at:%Y%m%d-%H%M}.{self.renderer.extension}"

    @property
    def media_type(self) -> str:
        return self.renderer.media_type

    def provenance(self, rows: int | None = None) -> dict[str, Any]:
        """Where the data came from; `rows` defaults to the rows expected (the total, capped by limit)."""
        request = self.request
        sort = request.effective_sort
        return {
            "query": request.q,
            "filters": request.filters,
            "from": request.date_from.isoformat() if request.date_from else None,
            "to": request.date_to.isoformat() if request.date_to else None,
            "sort": sort,
            "format": self.renderer.name,
            "fields": [column.name for column in self.columns],
            "limit": self.limit,
            "raw": self.raw,
            "engine": self.index.name,
            "exported_at": self.exported_at.isoformat(timespec="seconds"),
            "ocop_watch_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "total": self.total,
            "rows": self.expected_rows if rows is None else rows,
        }

    def _rows(self, articles: Iterable[Article]) -> Iterator[list[Any]]:
        for article in islice(articles, self.limit):
            self.rows += 1
            yield row_of(article, self.columns)

    def chunks(self) -> Generator[bytes, None, None]:
        """The file's bytes; closing this generator early also closes the engine's scan."""
        articles = self.index.scan(self.request)
        try:
            for chunk in self.renderer.render(self._rows(articles), self.columns, self.provenance()):
                if chunk:
                    yield chunk
        finally:
            close = getattr(articles, "close", None)
            if close is not None:
                close()  # releases the SQLite connection or the point in time now, not at garbage collection
