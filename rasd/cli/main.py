"""The ``rasd`` command line: a thin wrapper over the library.

Each sub-command lives in its own module under ``rasd.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a function
taking the parsed arguments and returning an exit code. Results go to stdout,
progress and messages to stderr. Exit codes: 0 ok, 1 some documents rejected,
2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from rasd import __version__
from rasd.errors import RasdError, UsageError

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

COMMAND_MODULES = (
    "rasd.cli.extract",
    "rasd.cli.store_commands",
    "rasd.cli.evaluate",
    "rasd.cli.geocode",
    "rasd.cli.ner",
    "rasd.cli.export",
)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors exit with code 2 and one clear line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"rasd: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every available sub-command registered."""
    parser = _Parser(prog="rasd", description="Arabic conflict-event extraction (رصد).")
    parser.add_argument("--version", action="version", version=f"rasd {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except UsageError as error:
        print(f"rasd: error: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except RasdError as error:  # a store, data or configuration problem: nothing to do but fix it
        print(f"rasd: error [{error.code}]: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
