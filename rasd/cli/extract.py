"""``rasd extract PATH... --format json|table``: print what rasd reads from each document."""

from __future__ import annotations

import argparse
import json
import sys

from rasd.cli.common import add_input_options, input_config, process_paths
from rasd.cli.table import print_events_table
from rasd.output import result_to_dict
from rasd.pipeline import Pipeline

__all__ = ["register", "run_extract"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``extract`` sub-command."""
    parser = subparsers.add_parser(
        "extract",
        help="read documents and print their events (JSON lines or a table)",
        description="Read documents and print, per document, the cleaned article, its places and its events.",
    )
    add_input_options(parser)
    parser.add_argument("--format", choices=("json", "table"), default="json",
                        help="json: one JSON object per document per line (default); table: a readable table")
    parser.set_defaults(func=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    """Print one JSON line (or table) per document; exit 1 if any was rejected."""
    pipeline = Pipeline.load(input_config(args))
    rejected = 0
    for result in process_paths(args, pipeline):
        rejected += result.rejection is not None
        if args.format == "json":
            sys.stdout.write(json.dumps(result_to_dict(result), ensure_ascii=False) + "\n")
        elif result.article is not None:
            print(f"# {result.source}  {result.article.title}")
            print_events_table([_flat(e, result) for e in result_to_dict(result)["events"]])
    sys.stdout.flush()
    return 1 if rejected else 0


def _flat(event: dict, result) -> dict:
    event = dict(event)
    event["published"] = result.article.published.isoformat() if result.article.published else None
    return event
