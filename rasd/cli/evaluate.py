"""``rasd eval GOLD_ROOT...``: precision, recall, F1 and field accuracy over gold folders."""

from __future__ import annotations

import argparse
import json
import sys

from rasd.cli.common import add_config_options, input_config
from rasd.eval.gold import EvalReport, evaluate
from rasd.pipeline import Pipeline

__all__ = ["print_report", "register", "run_eval"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``eval`` sub-command."""
    parser = subparsers.add_parser(
        "eval",
        help="score rasd against gold folders (article + gold.json)",
        description="Run rasd on every folder holding a gold.json under the roots and print event precision, "
        "recall and F1, per-field accuracy, cleaning checks and place resolution.",
    )
    parser.add_argument("roots", nargs="+", metavar="GOLD_ROOT", help="a gold folder or a folder of them")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--details", action="store_true", help="also list misses, false positives and field errors")
    add_config_options(parser)
    parser.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    """Evaluate and print; exit 0 (scores are reported, not judged), or 1 when a gold folder was skipped."""
    pipeline = Pipeline.load(input_config(args))
    report = evaluate(args.roots, pipeline, canonical=pipeline.actors.canonical, locate=_locator(pipeline.gazetteer))
    for message in report.bad_gold:
        print(f"rasd: skipped gold folder: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print_report(report, details=args.details)
    return 1 if report.bad_gold else 0


def _locator(gazetteer):
    """pcode -> (lat, lon) from the gazetteer, for the within-10-km rule."""

    def locate(code: str) -> tuple[float, float] | None:
        entry = gazetteer.get(code)
        if entry is None or entry.place.lat is None:
            return None
        return entry.place.lat, entry.place.lon

    return locate


def print_report(report: EvalReport, details: bool = False) -> None:
    """The figures as readable lines."""
    events = report.events
    print(f"documents: {report.documents}" + (f" ({len(report.rejected)} rejected)" if report.rejected else "")
          + (f"; {len(report.bad_gold)} gold folders skipped (bad gold.json)" if report.bad_gold else ""))
    print(f"events: precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}  "
          f"(tp {events.tp}, fp {events.fp}, fn {events.fn}, optional/duplicate matches {events.neutral})")
    print("field accuracy on matched required events:")
    for name, value in report.field_accuracy().items():
        total = events.field_total[name]
        shown = f"{value:.3f}" if value is not None else "  -  "
        print(f"  {name:11} {shown}  ({events.field_right[name]}/{total})")
    print(f"must_not_extract hits: {len(events.must_not_hits)}")
    print(f"cleaning checks: {report.cleaning_passed}/{report.cleaning_total} passed")
    places = report.places
    for name in ("pcode", "admin1", "country"):
        total = places.get(f"{name}_total", 0)
        if total:
            print(f"places {name:8} {places[f'{name}_right'] / total:.3f}  ({places[f'{name}_right']}/{total})")
    print(f"must_not_geocode violations: {len(report.geocode_violations)}")
    if details:
        for title, lines in (
            ("missed", events.missed), ("false positives", events.false_positives),
            ("field errors", events.field_errors), ("must_not_extract hits", events.must_not_hits),
            ("cleaning failures", report.cleaning_failures), ("geocode violations", report.geocode_violations),
            ("place misses", report.place_misses),
            ("rejected", report.rejected),
        ):
            if lines:
                print(f"\n{title}:")
                for line in lines:
                    print(f"  {line}")
