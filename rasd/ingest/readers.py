"""Find documents under command-line paths and read them as RawDocuments.

A path may be:

- a text or HTML file;
- a folder holding ``article.txt`` or ``article.html`` and optionally ``meta.json``
  (``outlet``, ``url``, ``published``);
- a folder of such folders (or of text/HTML files), walked in sorted order;
- a JSONL corpus (``.jsonl``): one JSON object per line with ``text`` or ``html``
  and optional ``id``, ``title``, ``outlet``/``source``, ``url``, ``published``;
  a record's ``id`` becomes its document id and is kept in its source name
  (``corpus.jsonl:12#a1``).

Reading never stops at a bad document: each problem is yielded as a
:class:`~rasd.records.Rejection` and the walk goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from pathlib import Path

from rasd.errors import UsageError
from rasd.records import Metadata, RawDocument, Rejection

__all__ = ["document_id", "iter_documents", "parse_published"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_MAX_LINE = 5_000_000
_MAX_ID = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def document_id(content: bytes | str) -> str:
    """A stable id from a document's content, so re-reading it gives the same id."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return "d" + hashlib.sha256(data).hexdigest()[:16]


def parse_published(value: object) -> dt.date | None:
    """A publication date from ISO 8601 or RFC 822 text; None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def iter_documents(paths: list[str], overrides: Metadata | None = None) -> Iterator[RawDocument | Rejection]:
    """Yield every document (or rejection) found under ``paths``, in a stable order.

    ``overrides`` (from --outlet/--published/--url) replaces metadata read from files.
    Raises UsageError when a path does not exist.
    """
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise UsageError("U001", f"{name}: no such file or folder; check the path")
        for item in _walk(path):
            if isinstance(item, RawDocument) and overrides is not None:
                item = replace(item, meta=_merge_meta(item.meta, overrides))
            yield item


def _walk(path: Path) -> Iterator[RawDocument | Rejection]:
    """Documents under one path: a file, an article folder, or a folder of them."""
    if path.is_file():
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
        else:
            yield _read_file(path, Metadata())
        return
    article = _article_file(path)
    if article is not None:
        meta = _read_meta(path / "meta.json")
        yield meta if isinstance(meta, Rejection) else _read_file(article, meta)
        return
    for child in sorted(path.iterdir()):
        if child.name.startswith(".") or child.name in ("meta.json", "gold.json"):
            continue
        if child.is_dir() or child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield from _walk(child)


def _article_file(folder: Path) -> Path | None:
    """``article.txt`` or ``article.html`` inside a folder, if present."""
    for name in ("article.txt", "article.html", "article.htm"):
        if (folder / name).is_file():
            return folder / name
    return None


def _read_file(path: Path, meta: Metadata) -> RawDocument | Rejection:
    """Read the bytes of one file; decoding happens later, in the pipeline."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return _reject(str(path), "I007", f"{path}: cannot be read ({error.strerror}); check its permissions")
    markup = "html" if path.suffix.lower() in HTML_SUFFIXES else "auto"
    return RawDocument(doc_id=document_id(data), source=str(path), markup=markup, data=data, meta=meta)


def _read_meta(path: Path) -> Metadata | Rejection:
    """Metadata from an article folder's meta.json (absent file: empty metadata)."""
    if not path.is_file():
        return Metadata()
    try:
        record = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return _reject(str(path), "I008", f"{path}: meta.json is not valid JSON ({error}); fix or remove it")
    if not isinstance(record, dict):
        return _reject(str(path), "I008", f"{path}: meta.json must hold a JSON object ({{\"outlet\": ...}}); fix or remove it")
    return _meta_from_record(record)


def _meta_from_record(record: dict) -> Metadata:
    """Metadata fields from a meta.json object or a JSONL record."""
    outlet = record.get("outlet") or record.get("source")
    return Metadata(
        outlet=str(outlet) if outlet else None,
        url=str(record["url"]) if record.get("url") else None,
        published=parse_published(record.get("published") or record.get("date")),
        title=str(record["title"]).strip() if record.get("title") else None,
    )


def _read_jsonl(path: Path) -> Iterator[RawDocument | Rejection]:
    """One RawDocument per good line of a JSONL corpus; a Rejection per bad line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield _reject(str(path), "I007", f"{path}: cannot be read ({error.strerror}); check its permissions")
        return
    with handle:
        for number, raw_line in enumerate(handle, start=1):
            if raw_line.strip():
                yield _jsonl_document(raw_line, f"{path}:{number}")


def _jsonl_document(raw_line: bytes, source: str) -> RawDocument | Rejection:
    """Parse one JSONL line into a RawDocument, or a Rejection saying what is wrong and what to do.

    The record's ``id`` (a string or an integer) is kept: the source becomes
    ``path:line#id`` and the id is the document id, so results join back to the corpus.
    """
    if len(raw_line) > _MAX_LINE:
        return _reject(
            source, "I003",
            f"{source}: the line is {len(raw_line) / 1e6:.1f} MB, over the {_MAX_LINE / 1e6:.0f} MB limit for one "
            "JSONL record; split the article or give it as a file of its own",
        )
    try:
        record = json.loads(raw_line.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return _reject(source, "I005", f"{source}: the line is not valid JSON ({error}); fix or remove the line")
    if not isinstance(record, dict):
        return _reject(
            source, "I005",
            f"{source}: the line holds a JSON {type(record).__name__}, not an object; "
            'write one object per line, e.g. {"id": "a1", "text": "..."}',
        )
    corpus_id = _corpus_id(record)
    if corpus_id is not None:
        source = f"{source}#{corpus_id}"
    html = record.get("html")
    text = record.get("text")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return _reject(
            source, "I006",
            f"{source}: the record has no 'text' or 'html' field with content; "
            "add the article text as \"text\" (or the page as \"html\") or remove the line",
            corpus_id,
        )
    body = text if isinstance(text, str) and text.strip() else html
    meta = _meta_from_record(record)
    return RawDocument(
        doc_id=corpus_id or document_id(f"{meta.title or ''}\n{body}"),
        source=source,
        markup="html" if body is html else "text",
        text=body,
        meta=meta,
    )


def _corpus_id(record: dict) -> str | None:
    """The record's ``id`` as text when it is a usable one (a string or integer of at most
    200 characters, no control characters or line breaks), else None."""
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    if not text or len(text) > _MAX_ID or _CONTROL.search(text):
        return None
    return text


def _merge_meta(base: Metadata, overrides: Metadata) -> Metadata:
    """Command-line values win over values read from files."""
    return Metadata(
        outlet=overrides.outlet or base.outlet,
        url=overrides.url or base.url,
        published=overrides.published or base.published,
        title=base.title,
    )


def _reject(source: str, code: str, detail: str, doc_id: str | None = None) -> Rejection:
    """A Rejection of the ingest stage (its id: the corpus id when known, else from the source name)."""
    return Rejection(doc_id=doc_id or document_id(source), source=source, stage="ingest", code=code, detail=detail)
