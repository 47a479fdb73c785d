"""The embedded store: one SQLite file, readable by Datasette or any SQLite tool.

Rows are keyed by content hashes (``doc_id`` from the document's bytes,
``event_id`` from the event's content), and every document is written in one
transaction that replaces what that same document produced before. Running the
same input twice therefore changes nothing, and a document that fails never
removes what other documents stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasd.errors import StoreError
from rasd.output import event_to_dict, place_mention_to_dict
from rasd.records import DocumentResult, Rejection

__all__ = ["EVENT_COLUMNS", "PLACE_COLUMNS", "SCHEMA", "SqliteStore", "event_row"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_key TEXT PRIMARY KEY, rasd_version TEXT, config_json TEXT, versions_json TEXT, first_seen TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    doc_id TEXT PRIMARY KEY, source TEXT, title TEXT, outlet TEXT, byline TEXT, url TEXT,
    published TEXT, body TEXT, encoding TEXT, removed_json TEXT, run_key TEXT
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES articles(doc_id), type TEXT NOT NULL,
    aggregate INTEGER, parent TEXT, evidence TEXT, evidence_start INTEGER, evidence_end INTEGER,
    actor1 TEXT, actor1_kind TEXT, actor2 TEXT, actor2_kind TEXT,
    quantity_value INTEGER, quantity_min INTEGER, quantity_max INTEGER, quantity_kind TEXT, quantity_text TEXT,
    location TEXT, location_role TEXT, pcode TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    latitude REAL, longitude REAL, geo_precision INTEGER, country TEXT,
    date_start TEXT, date_end TEXT, time_precision TEXT, time_basis TEXT,
    outlet TEXT, source TEXT, speaker TEXT, factuality TEXT, confidence REAL, extractor TEXT,
    record_json TEXT NOT NULL, mentions_json TEXT
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS places (
    doc_id TEXT NOT NULL REFERENCES articles(doc_id), start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT, pcode TEXT, name_ar TEXT, name_en TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    lat REAL, lon REAL, precision INTEGER, country TEXT,
    PRIMARY KEY (doc_id, start, "end")
);
CREATE TABLE IF NOT EXISTS rejections (
    doc_id TEXT NOT NULL, source TEXT NOT NULL, stage TEXT, code TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (doc_id, source, code)
);
"""

EVENT_COLUMNS = (
    "event_id", "doc_id", "type", "aggregate", "parent", "evidence", "evidence_start", "evidence_end",
    "actor1", "actor1_kind", "actor2", "actor2_kind",
    "quantity_value", "quantity_min", "quantity_max", "quantity_kind", "quantity_text",
    "location", "location_role", "pcode", "admin1", "admin2", "admin3",
    "latitude", "longitude", "geo_precision", "country",
    "date_start", "date_end", "time_precision", "time_basis",
    "outlet", "source", "speaker", "factuality", "confidence", "extractor", "record_json", "mentions_json",
)
PLACE_COLUMNS = (
    "doc_id", "start", "end", "text", "pcode", "name_ar", "name_en", "admin1", "admin2", "admin3",
    "lat", "lon", "precision", "country",
)


class SqliteStore:
    """Articles, events, places and rejections in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> "SqliteStore":
        """Open (creating if needed) the SQLite file at ``path``."""
        try:
            connection = sqlite3.connect(str(path))
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise StoreError("S001", f"{path}: cannot open as an SQLite database ({error})") from error
        return cls(connection, str(path))

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def begin_run(self, rasd_version: str, config: dict[str, Any], versions: dict[str, str]) -> str:
        """Record the configuration and stage versions of a run; returns its key."""
        payload = json.dumps({"v": rasd_version, "c": config, "s": versions}, sort_keys=True)
        run_key = hashlib.sha256(payload.encode()).hexdigest()[:16]
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, ?, ?)",
                (run_key, rasd_version, json.dumps(config, sort_keys=True), json.dumps(versions, sort_keys=True),
                 dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
        return run_key

    def save(self, result: DocumentResult, run_key: str | None = None) -> None:
        """Store one document's result, replacing what the same document stored before.

        A document that now reads well also loses the rejections it had before (say, once
        --max-bytes was raised); a rejection never removes a stored article.
        """
        try:
            with self._db:
                if result.rejection is not None:
                    self._save_rejection(result.rejection)
                else:
                    self._save_article(result, run_key)
        except sqlite3.DatabaseError as error:
            raise StoreError("S002", f"{self.path}: cannot write {result.source} ({error})") from error

    def _save_rejection(self, rejection: Rejection) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO rejections VALUES (?, ?, ?, ?, ?)",
            (rejection.doc_id, rejection.source, rejection.stage, rejection.code, rejection.detail),
        )

    def _save_article(self, result: DocumentResult, run_key: str | None) -> None:
        article = result.article
        assert article is not None
        removed = json.dumps([[r.text, r.reason] for r in article.removed], ensure_ascii=False)
        self._db.execute("DELETE FROM events WHERE doc_id = ?", (article.doc_id,))
        self._db.execute("DELETE FROM places WHERE doc_id = ?", (article.doc_id,))
        self._db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.doc_id, article.source, article.title, article.outlet, article.byline, article.url,
             article.published.isoformat() if article.published else None, article.body, article.encoding,
             removed, run_key),
        )
        marks = ", ".join("?" for _ in EVENT_COLUMNS)
        self._db.execute("DELETE FROM rejections WHERE doc_id = ?", (article.doc_id,))
        for event in result.events:
            row = event_row(article.doc_id, event_to_dict(event))
            row["mentions_json"] = json.dumps(
                [{"text": m.text, "start": m.start, "end": m.end} for m in event.mentions], ensure_ascii=False
            )
            self._db.execute(f"INSERT OR REPLACE INTO events VALUES ({marks})", [row[c] for c in EVENT_COLUMNS])
        place_marks = ", ".join("?" for _ in PLACE_COLUMNS)
        for mention in result.places:
            place = place_mention_to_dict(mention)
            place["doc_id"] = article.doc_id
            self._db.execute(
                f"INSERT OR REPLACE INTO places VALUES ({place_marks})", [place[c] for c in PLACE_COLUMNS]
            )

    def iter_events(self, event_type: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored events as dicts in the output contract's shape, with ``doc_id`` and article fields."""
        query = (
            "SELECT e.record_json, e.doc_id, a.published, a.title, a.url FROM events e "
            "JOIN articles a USING (doc_id)"
        )
        params: tuple[str, ...] = ()
        if event_type:
            query += " WHERE e.type = ?"
            params = (event_type,)
        query += " ORDER BY a.published, e.doc_id, e.evidence_start, e.event_id"
        for row in self._db.execute(query, params):
            record = json.loads(row["record_json"])
            record.update(doc_id=row["doc_id"], published=row["published"], title=row["title"], url=row["url"])
            yield record

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        tables = ("articles", "events", "places", "rejections", "runs")
        return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    def rejections(self) -> list[dict[str, Any]]:
        """Every stored rejection."""
        return [dict(row) for row in self._db.execute("SELECT * FROM rejections ORDER BY source")]


def event_row(doc_id: str, event: dict[str, Any]) -> dict[str, Any]:
    """Flatten an event dict into the columns of the ``events`` table."""
    actors = [a for a in event["actors"] if a["role"] == "actor"]
    targets = [a for a in event["actors"] if a["role"] != "actor"]
    quantity = event["quantity"] or {}
    location = event["location"] or {}
    time = event["time"] or {}
    return {
        "event_id": event["event_id"], "doc_id": doc_id, "type": event["type"],
        "aggregate": int(bool(event["aggregate"])), "parent": event["parent"],
        "evidence": event["evidence"]["text"], "evidence_start": event["evidence"]["start"],
        "evidence_end": event["evidence"]["end"],
        "actor1": actors[0]["text"] if actors else None, "actor1_kind": actors[0]["kind"] if actors else None,
        "actor2": targets[0]["text"] if targets else None, "actor2_kind": targets[0]["kind"] if targets else None,
        "quantity_value": quantity.get("value"), "quantity_min": quantity.get("min"),
        "quantity_max": quantity.get("max"), "quantity_kind": quantity.get("kind"),
        "quantity_text": quantity.get("text"),
        "location": location.get("text"), "location_role": location.get("role"), "pcode": location.get("pcode"),
        "admin1": location.get("admin1"), "admin2": location.get("admin2"), "admin3": location.get("admin3"),
        "latitude": location.get("lat"), "longitude": location.get("lon"),
        "geo_precision": location.get("precision"), "country": location.get("country"),
        "date_start": time.get("date_start"), "date_end": time.get("date_end"),
        "time_precision": time.get("precision"), "time_basis": time.get("basis"),
        "outlet": event["attribution"]["outlet"], "source": event["attribution"]["source"],
        "speaker": event["attribution"]["speaker"], "factuality": event["factuality"],
        "confidence": event["confidence"], "extractor": event["extractor"],
        "record_json": json.dumps(event, ensure_ascii=False, sort_keys=True),
        "mentions_json": None,
    }
