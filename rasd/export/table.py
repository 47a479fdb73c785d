"""Plain CSV: one row per event with the flat columns of the store's ``events`` table.

The columns are those of :func:`rasd.store.sqlite.event_row` (the ``events`` table),
without ``record_json``, in the same order. The file starts with a UTF-8 byte order
mark so that Excel reads the Arabic text; empty cells stand for unknown values.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from rasd.export.mapping import ExportResources, ExportSummary
from rasd.store.sqlite import EVENT_COLUMNS, event_row

__all__ = ["BOM", "table_columns", "write_table_csv"]

BOM = "\ufeff"


def table_columns() -> tuple[str, ...]:
    """The CSV header: the ``events`` table's columns without ``record_json``.

    >>> table_columns()[:4]
    ('event_id', 'doc_id', 'type', 'aggregate')
    """
    return tuple(c for c in EVENT_COLUMNS if c != "record_json")


def write_table_csv(events: Iterable[dict[str, Any]], out: TextIO,
                    resources: ExportResources | None = None) -> ExportSummary:
    """Write the BOM, the header and one row per event to ``out``."""
    columns = table_columns()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(columns)
    written = 0
    for event in events:
        row = event_row(event.get("doc_id", ""), event)
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
        written += 1
    return ExportSummary(written)
