"""rasd's exception hierarchy. Every error has a stable code and names its stage.

::

    RasdError                      (base; never raised itself)
    ├── UsageError          U...   bad command line or configuration (exit code 2)
    ├── DataError           D...   a packaged data file (gazetteer, model, lexicon) is missing or broken
    ├── StoreError          S...   the database cannot be opened or written
    └── DocumentError              one document cannot be read; becomes a Rejection
        ├── IngestError     I...   unreadable file, bad encoding, binary, empty, too big, bad JSONL line
        └── CleanError      C...   nothing that reads as an article remains after cleaning

A document that trips a bug inside extraction is not raised at all: the pipeline records a
Rejection with stage "extract" and code E001 (with the exception's type and message) and
the run goes on.

Codes are part of the interface: they are stored with rejections and tested.
"""

from __future__ import annotations

__all__ = [
    "CleanError",
    "DataError",
    "DocumentError",
    "IngestError",
    "RasdError",
    "StoreError",
    "UsageError",
]


class RasdError(Exception):
    """Base class: ``code`` is stable (e.g. ``I003``), ``stage`` names the pipeline stage."""

    stage = "rasd"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class UsageError(RasdError):
    """The command line or configuration is wrong; the user must change it."""

    stage = "cli"


class DataError(RasdError):
    """A packaged data file is missing or corrupt; reinstall or rebuild it."""

    stage = "data"


class StoreError(RasdError):
    """The store (SQLite or PostgreSQL) cannot be opened or written."""

    stage = "store"


class DocumentError(RasdError):
    """One document cannot be processed; the run continues and records a Rejection."""


class IngestError(DocumentError):
    """Reading or decoding failed (I001 empty, I002 binary, I003 too big, I004 encoding,
    I005 JSONL line is not JSON, I006 JSONL record has no text, I007 unreadable, I008 bad metadata)."""

    stage = "ingest"


class CleanError(DocumentError):
    """Cleaning left no article body (C001 no body, C002 body is not Arabic text)."""

    stage = "clean"
