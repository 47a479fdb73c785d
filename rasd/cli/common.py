"""Options and helpers shared by the sub-commands that read documents."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from rasd.config import Config, load_config
from rasd.errors import UsageError
from rasd.ingest.readers import iter_documents, parse_published
from rasd.records import DocumentResult, Metadata

__all__ = ["add_input_options", "input_config", "input_overrides", "process_paths", "warn"]


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """PATH... and the metadata/configuration flags of extract, run and eval."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="text/HTML file, article folder (article.txt|html + meta.json), folder of them, or JSONL")
    parser.add_argument("--outlet", help="the outlet that published the documents (overrides meta.json)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (overrides meta.json)")
    parser.add_argument("--url", help="the document's URL (overrides meta.json)")
    add_config_options(parser)


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """--config, --no-ner and --max-bytes."""
    parser.add_argument("--config", help="a TOML file of settings (see docs/config.md)")
    parser.add_argument("--no-ner", action="store_true", help="do not run the NER model (rules and gazetteer only)")
    parser.add_argument("--max-bytes", type=int, help="largest document accepted, in bytes (default 5000000)")
    parser.add_argument("--min-confidence", type=float, help="leave out events below this confidence (0-1, default 0)")
    parser.add_argument("--keep-unasserted", action="store_true",
                        help="also output events the text denies, negates, plans or supposes, with that factuality")
    parser.add_argument("--max-event-age", type=int, metavar="DAYS",
                        help="leave out events dated more than DAYS before publication (default 365; 0 keeps all)")


def input_overrides(args: argparse.Namespace) -> Metadata | None:
    """Metadata given on the command line, or None when no flag was given."""
    published = None
    if getattr(args, "published", None):
        published = parse_published(args.published)
        if published is None:
            raise UsageError("U002", f"--published {args.published!r} is not a date; write it as YYYY-MM-DD")
    if not (getattr(args, "outlet", None) or getattr(args, "url", None) or published):
        return None
    return Metadata(outlet=args.outlet, url=args.url, published=published)


def input_config(args: argparse.Namespace) -> Config:
    """The resolved configuration of a run."""
    return load_config(
        args.config,
        use_ner=False if args.no_ner else None,
        max_bytes=args.max_bytes,
        min_confidence=args.min_confidence,
        keep_unasserted=True if args.keep_unasserted else None,
        max_event_age_days=args.max_event_age,
    )


def process_paths(args: argparse.Namespace, pipeline) -> Iterator[DocumentResult]:
    """Process every document under the paths, printing a line on stderr for each rejection."""
    for item in iter_documents(args.paths, input_overrides(args)):
        result = pipeline.process(item)
        if result.rejection is not None:
            warn(f"rejected [{result.rejection.code}] {result.rejection.detail}")
        yield result


def warn(message: str) -> None:
    """One line on stderr."""
    print(f"rasd: {message}", file=sys.stderr)
