"""The SQLite store: idempotent writes, round trips, nothing lost on failures."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.errors import StoreError
from rasd.output import event_to_dict
from rasd.records import (
    Actor, Article, Attribution, DocumentResult, Event, Evidence, Location, Quantity, Rejection, TimeExpression,
)
from rasd.store.sqlite import SqliteStore


def _result(doc_id: str, body: str, quantity: int | None = 3) -> DocumentResult:
    article = Article(doc_id=doc_id, source=f"{doc_id}.txt", title="عنوان", body=body, outlet="منفذ",
                      published=dt.date(2018, 3, 17))
    quantities = (Quantity(text=str(quantity), start=0, end=1, value=quantity, kind="killed"),) if quantity else ()
    event = Event(
        event_id=f"e-{doc_id}", type="airstrike", evidence=Evidence(body, 0, len(body)),
        actors=(Actor("actor", "القوات الروسية", 0, 5, "external/other"),), quantities=quantities,
        location=Location("إدلب", 0, 4, "site", None, "إدلب", "Idleb", "SY07", None, None, 35.9, 36.6, 3, "SY"),
        time=TimeExpression("السبت", 0, 5, dt.date(2018, 3, 17), dt.date(2018, 3, 17), "day", "relative"),
        attribution=Attribution("منفذ", "المرصد", None), factuality="reported", confidence=0.7, extractor="t",
    )
    return DocumentResult(doc_id=doc_id, source=article.source, article=article, events=(event,))


def test_saving_twice_changes_nothing(tmp_path):
    path = tmp_path / "r.sqlite"
    with SqliteStore.open(path) as store:
        key = store.begin_run("0", {"a": 1}, {"s": "v1"})
        store.save(_result("d1", "غارة على إدلب"), key)
        store.save(_result("d2", "غارة أخرى"), key)
    before = path.read_bytes()
    with SqliteStore.open(path) as store:
        key = store.begin_run("0", {"a": 1}, {"s": "v1"})
        store.save(_result("d1", "غارة على إدلب"), key)
        store.save(_result("d2", "غارة أخرى"), key)
        assert store.counts() == {"articles": 2, "events": 2, "places": 0, "rejections": 0, "runs": 1}
    assert _dump(path) == _dump_bytes(before, tmp_path)


def _dump(path) -> list[str]:
    connection = sqlite3.connect(str(path))
    lines = [line for line in connection.iterdump() if "first_seen" not in line]
    connection.close()
    return lines


def _dump_bytes(data: bytes, tmp_path) -> list[str]:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(data)
    return _dump(copy)


def test_a_rejection_never_removes_stored_documents(tmp_path):
    with SqliteStore.open(tmp_path / "r.sqlite") as store:
        store.save(_result("d1", "غارة على إدلب"))
        store.save(DocumentResult("d9", "bad.bin", None, rejection=Rejection("d9", "bad.bin", "ingest", "I002", "x")))
        assert store.counts()["articles"] == 1 and store.counts()["rejections"] == 1
        assert store.rejections()[0]["code"] == "I002"


def test_reprocessing_a_document_replaces_its_events(tmp_path):
    with SqliteStore.open(tmp_path / "r.sqlite") as store:
        store.save(_result("d1", "غارة على إدلب", quantity=3))
        store.save(_result("d1", "غارة على إدلب", quantity=None))
        (event,) = list(store.iter_events())
        assert event["quantity"] is None


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "not.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError) as error:
        SqliteStore.open(path)
    assert error.value.code == "S001"


@settings(max_examples=40, deadline=None)
@given(
    body=st.text(min_size=1, max_size=200),
    value=st.one_of(st.none(), st.integers(min_value=1, max_value=10**7)),
)
def test_round_trip(tmp_path_factory, body, value):
    path = tmp_path_factory.mktemp("rt") / "r.sqlite"
    result = _result("d1", body, quantity=value)
    with SqliteStore.open(path) as store:
        store.save(result)
        (stored,) = list(store.iter_events())
    expected = json.loads(json.dumps(event_to_dict(result.events[0]), ensure_ascii=False))
    for extra in ("doc_id", "published", "title", "url"):
        stored.pop(extra)
    assert stored == expected


def test_a_document_that_now_reads_well_drops_its_old_rejection(tmp_path):
    with SqliteStore.open(tmp_path / "r.sqlite") as store:
        store.save(DocumentResult("d1", "a.txt", None, rejection=Rejection("d1", "a.txt", "ingest", "I003", "big")))
        store.save(_result("d1", "غارة على إدلب"))
        assert store.counts()["rejections"] == 0 and store.counts()["articles"] == 1


def test_merged_mentions_are_stored(tmp_path):
    result = _result("d1", "غارة على إدلب")
    event = result.events[0]
    merged = DocumentResult("d1", "a.txt", result.article, events=(
        __import__("dataclasses").replace(event, mentions=(Evidence("غارة", 0, 4),)),))
    with SqliteStore.open(tmp_path / "r.sqlite") as store:
        store.save(merged)
        (mentions,) = store._db.execute("SELECT mentions_json FROM events").fetchone()
    assert json.loads(mentions) == [{"text": "غارة", "start": 0, "end": 4}]
