"""``rasd export --db FILE --format acled-csv|plover-jsonl|geojson|csv`` writes stored events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasd.cli.common import warn
from rasd.errors import UsageError
from rasd.export import FORMATS, ExportResources, ExportSummary, export_events
from rasd.store import open_store

__all__ = ["register", "run_export"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="write the stored events as ACLED CSV, PLOVER JSONL, GeoJSON or plain CSV",
        description="Write the events of a database in a format other tools read. "
                    + "; ".join(f"{name}: {text}" for name, text in FORMATS.items())
                    + ". Events left out are counted on stderr (see docs/export.md).",
    )
    parser.add_argument("--db", required=True, help="SQLite file written by `rasd run`")
    parser.add_argument("--format", required=True, choices=tuple(FORMATS), help="the export format")
    parser.add_argument("--output", "-o", help="file to write (default: stdout)")
    parser.add_argument("--type", help="only events of this type (e.g. airstrike)")
    parser.add_argument("--include-aggregates", action="store_true",
                        help="ACLED/PLOVER: keep totals and campaigns (tagged aggregate); default off")
    parser.add_argument("--include-unmapped", action="store_true",
                        help="PLOVER: keep types without a PLOVER category, with event null")
    parser.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Read the stored events and write them in the chosen format."""
    if not Path(args.db).is_file():
        raise UsageError("U401", f"{args.db}: no such database; run `rasd run PATH... --db {args.db}` first")
    with open_store(args.db) as store:
        events = list(store.iter_events(args.type))
    resources = ExportResources.load()
    options = {"include_aggregates": args.include_aggregates, "include_unmapped": args.include_unmapped}
    if not args.output:
        summary = export_events(events, args.format, sys.stdout, resources, **options)
    else:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                summary = export_events(events, args.format, out, resources, **options)
        except OSError as error:
            raise UsageError("U402", f"{args.output}: cannot write the export ({error.strerror})") from error
    _report(summary, args.format, args.output)
    return 0


def _report(summary: ExportSummary, fmt: str, output: str | None) -> None:
    """One line on stderr with the count written, and one per reason for events left out."""
    warn(f"{summary.written} events written as {fmt}" + (f" to {output}" if output else ""))
    for reason, count in summary.skipped:
        warn(f"{count} events left out: {reason}")
