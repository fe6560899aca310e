"""Tables of an analysis as CSV, with the export's conventions (`indexer.export.CsvRenderer`):
UTF-8 with a BOM, CRLF, and cells a spreadsheet would run as a formula neutralised unless `raw`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyarrow as pa

from indexer.export import Column, CsvRenderer, neutralise_formula


def csv_chunks(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, raw: bool = False
) -> Iterator[bytes]:
    # Headers here hold user text (a query per column), so they are neutralised like any cell.
    names = header if raw else [neutralise_formula(name) for name in header]
    columns = [Column(name, pa.string(), True) for name in names]
    return CsvRenderer(raw=raw).render(rows, columns, {})
