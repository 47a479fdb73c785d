"""Exports users already know: ACLED CSV, PLOVER JSONL, GeoJSON and plain CSV.

Every writer takes the stored events (dicts in the output-contract shape, as
:meth:`rasd.store.sqlite.SqliteStore.iter_events` yields them), a text stream and the
:class:`ExportResources`, writes the format and returns an :class:`ExportSummary`
(rows written, events left out per reason). A field rasd cannot fill stays empty;
nothing is invented. docs/export.md explains every mapping decision.

>>> sorted(FORMATS)
['acled-csv', 'csv', 'geojson', 'plover-jsonl']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from rasd.export.acled import ACLED_COLUMNS, write_acled_csv
from rasd.export.geojson import write_geojson
from rasd.export.mapping import ExportResources, ExportSummary
from rasd.export.plover import write_plover_jsonl
from rasd.export.table import write_table_csv

__all__ = ["ACLED_COLUMNS", "FORMATS", "ExportResources", "ExportSummary", "export_events"]

FORMATS = {
    "acled-csv": "ACLED's columns, one row per atomic event (displacement and totals left out)",
    "plover-jsonl": "one PLOVER JSON object per line",
    "geojson": "a FeatureCollection of points for events with coordinates",
    "csv": "the events table's flat columns, UTF-8 with BOM for Excel",
}


def export_events(events: Iterable[dict[str, Any]], fmt: str, out: TextIO, resources: ExportResources,
                  include_aggregates: bool = False, include_unmapped: bool = False) -> ExportSummary:
    """Write ``events`` to ``out`` in format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt == "acled-csv":
        return write_acled_csv(events, out, resources, include_aggregates=include_aggregates)
    if fmt == "plover-jsonl":
        return write_plover_jsonl(events, out, resources, include_aggregates=include_aggregates,
                                  include_unmapped=include_unmapped)
    if fmt == "geojson":
        return write_geojson(events, out, resources)
    if fmt == "csv":
        return write_table_csv(events, out, resources)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
