"""Every trigger of rasd/data/events/triggers.tsv against its true cases and near misses.

The cases live in tests/data/trigger_cases.tsv: an expected type must be found (and not
vetoed) in the sentence; "!type" means that type must not be found there.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasd.events.extract import extract_events
from rasd.events.lexicon import EventLexicon, conjugate, read_tsv
from rasd.pipeline import analyze_article
from rasd.records import Article

DATA = Path(__file__).parent / "data"


def _cases(name: str) -> list[tuple[str, str, str]]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return [(row["id"], row["expect"], row["sentence"]) for row in csv.DictReader(lines, delimiter="\t")]


TRIGGER_CASES = _cases("trigger_cases.tsv")


def ok_types(pipeline, sentence: str) -> set[str]:
    """The types of the events rasd codes from a one-sentence article."""
    article = Article(doc_id="t", source="t", title="", body=sentence)
    analysis = analyze_article(article, pipeline)
    return {event.type for event in extract_events(analysis, pipeline.lexicon, pipeline.actors)}


def test_every_trigger_has_a_true_case_and_a_near_miss():
    ids = EventLexicon.load().trigger_ids
    positive = {i for i, expect, _ in TRIGGER_CASES if not expect.startswith("!")}
    negative = {i for i, expect, _ in TRIGGER_CASES if expect.startswith("!")}
    assert set(ids) <= positive, f"no true case for {sorted(set(ids) - positive)}"
    assert set(ids) <= negative, f"no near miss for {sorted(set(ids) - negative)}"
    assert {i for i, _, _ in TRIGGER_CASES} <= set(ids), "cases name unknown trigger ids"


@pytest.mark.parametrize("trigger_id, expect, sentence", TRIGGER_CASES, ids=[f"{c[0]}:{c[1]}" for c in TRIGGER_CASES])
def test_trigger_case(pipeline_rules, trigger_id, expect, sentence):
    found = ok_types(pipeline_rules, sentence)
    if expect.startswith("!"):
        assert expect[1:] not in found, f"{trigger_id}: {expect[1:]} found in a near miss"
    else:
        assert expect in found, f"{trigger_id}: {expect} not found (found {sorted(found)})"


def test_conjugation_covers_tenses_and_flags_the_future():
    forms = dict(conjugate("اعتقل", "يعتقل"))
    assert forms["اعتقلت"] == "past" and forms["اعتقلوا"] == "past"
    assert forms["تعتقل"] == "present" and forms["يعتقلون"] == "present"
    assert forms["ستعتقل"] == "future" and forms["سيعتقلون"] == "future"


def test_lexicon_rows_are_well_formed():
    rows = read_tsv(Path(__file__).parents[1] / "rasd" / "data" / "events" / "triggers.tsv")
    for row in rows:
        assert row["pos"] in ("verb", "noun", "phrase"), row["id"]
        assert row["forms"].strip(), row["id"]
        if row["pos"] == "verb":
            assert "|" in row["forms"], row["id"]
