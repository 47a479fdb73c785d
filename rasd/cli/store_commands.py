"""``rasd run PATH... --db FILE`` stores results; ``rasd events --db FILE`` lists stored events."""

from __future__ import annotations

import argparse
import json
import sys

from pathlib import Path

from rasd import __version__
from rasd.errors import UsageError
from rasd.cli.common import add_input_options, input_config, process_paths, warn
from rasd.cli.table import print_events_table
from rasd.pipeline import Pipeline
from rasd.store import open_store

__all__ = ["register", "run_events", "run_run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``run`` and ``events`` sub-commands."""
    run = subparsers.add_parser(
        "run",
        help="read documents and store articles, events, places and rejections in a database",
        description="Read documents and store them idempotently: running twice changes nothing.",
    )
    add_input_options(run)
    run.add_argument("--db", required=True, help="SQLite file to create or update (e.g. rasd.sqlite)")
    run.set_defaults(func=run_run)
    events = subparsers.add_parser("events", help="list the events stored in a database",
                                   description="List stored events as a readable table or JSON lines.")
    events.add_argument("--db", required=True, help="SQLite file written by `rasd run`")
    events.add_argument("--type", help="only events of this type (e.g. airstrike)")
    events.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json lines")
    events.set_defaults(func=run_events)


def run_run(args: argparse.Namespace) -> int:
    """Process and store every document; print a summary on stderr."""
    config = input_config(args)
    pipeline = Pipeline.load(config)
    stored = rejected = events = 0
    with open_store(args.db) as store:
        run_key = store.begin_run(__version__, config.to_dict(), pipeline.versions)
        for result in process_paths(args, pipeline):
            store.save(result, run_key)
            stored += result.rejection is None
            rejected += result.rejection is not None
            events += len(result.events)
        totals = store.counts()
    warn(f"{_count(stored, 'document')} stored with {_count(events, 'event')}, {rejected} rejected; "
         f"{args.db} now holds {_count(totals['articles'], 'article')} and {_count(totals['events'], 'event')}")
    return 1 if rejected else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def run_events(args: argparse.Namespace) -> int:
    """Print the stored events."""
    if not Path(args.db).is_file():
        raise UsageError("U005", f"{args.db}: no such database; create it with `rasd run PATH... --db {args.db}`")
    with open_store(args.db) as store:
        events = list(store.iter_events(args.type))
    if args.format == "json":
        for event in events:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    else:
        print_events_table(events)
    return 0
