"""``rasd geocode "نص"``: every place in a text, with the candidates, the choice and why.

Reads the text from the argument, from ``--file PATH``, or from stdin when the argument
is ``-``. Prints one line per place (a readable table) or, with ``--format json``, one
JSON object per line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.errors import UsageError

__all__ = ["register", "run_geocode"]


def register(subparsers) -> None:
    """Add the ``geocode`` sub-command."""
    parser = subparsers.add_parser(
        "geocode", help="find and resolve every place name in an Arabic text",
        description="Find every place name in an Arabic text and show how rasd resolved it.",
    )
    parser.add_argument("text", nargs="?", help="the text ('-' reads stdin)")
    parser.add_argument("--file", type=Path, help="read the text from this file")
    parser.add_argument("--title", default="", help="a title, used as context only")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument("--all", action="store_true", help="also show names that were rejected, and why")
    parser.add_argument("--gazetteer", type=Path, help="a gazetteer folder other than the packaged one")
    parser.set_defaults(func=run_geocode)


def _read_text(args) -> str:
    if args.file is not None:
        try:
            return args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError("U201", f"cannot read {args.file}: {error}; give a UTF-8 text file") from error
    if args.text == "-":
        return sys.stdin.read()
    if not args.text:
        raise UsageError("U202", "give a text to geocode, '-' for stdin, or --file PATH")
    return args.text


def run_geocode(args) -> int:
    """Print every place found in the text with its reasoning; returns the exit code."""
    from rasd.geo.gazetteer import Gazetteer
    from rasd.geo.resolve import explain_places

    text = _read_text(args)
    gaz = Gazetteer.load(args.gazetteer) if args.gazetteer else Gazetteer.load()
    rows = [row for row in explain_places(text, gaz, title=args.title) if args.all or row["accepted"]]
    for row in rows:
        print(json.dumps(row, ensure_ascii=False) if args.format == "json" else _line(row))
    if not rows and args.format == "table":
        print("no places found", file=sys.stderr)
    return 0


def _line(row: dict) -> str:
    """One readable line: span, text, chosen place, precision, confidence, reason, candidates."""
    where = row["pcode"] or row["admin3"] or row["admin2"] or row["admin1"] or row["country"] or "-"
    name = row["name_en"] or row["name_ar"] or ""
    status = "" if row["accepted"] else "REJECTED "
    candidates = ", ".join(f"{c['id']}:{c['score']}" for c in row["candidates"][:5])
    return (
        f"{row['start']:>6}-{row['end']:<6} {row['text']}  ->  {status}{where} {name} "
        f"(precision {row['precision']}, confidence {row['confidence']})  | {row['reason']}"
        + (f"  | candidates {candidates}" if candidates else "")
    )
