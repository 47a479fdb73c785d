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
    rows = list(csv.DictReader(lines, delimiter="\t"))
    key = "id" if "id" in rows[0] else "class"
    return [(row[key], row["expect"], row["sentence"]) for row in rows]


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


CUE_CASES = _cases("cue_cases.tsv")
MODIFIER_CASES = _cases("modifier_cases.tsv")


def _classes(name: str) -> set[str]:
    rows = read_tsv(Path(__file__).parents[1] / "rasd" / "data" / "events" / name)
    return {row["class"] for row in rows}


def test_every_cue_and_modifier_class_has_cases():
    for name, cases in (("cues.tsv", CUE_CASES), ("modifiers.tsv", MODIFIER_CASES)):
        classes = _classes(name)
        covered = {c for c, _, _ in cases}
        assert classes <= covered, f"{name}: no cases for {sorted(classes - covered)}"
        assert covered <= classes, f"{name}: cases for unknown classes {sorted(covered - classes)}"
        for cls in classes:
            expects = {e for c, e, _ in cases if c == cls}
            assert len(expects) >= 2, f"{name}: {cls} needs a true case and a near miss"


def _coded(pipeline, sentence: str):
    article = Article(doc_id="t", source="t", title="", body=sentence)
    return extract_events(analyze_article(article, pipeline), pipeline.lexicon, pipeline.actors)


@pytest.mark.parametrize("cls, expect, sentence", CUE_CASES + MODIFIER_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CUE_CASES + MODIFIER_CASES])
def test_cue_and_modifier_case(pipeline_rules, cls, expect, sentence):
    events = _coded(pipeline_rules, sentence)
    if expect == "none":
        assert not events, f"{cls}: coded {[e.type for e in events]}"
    elif expect.startswith("factuality="):
        assert events and events[0].factuality == expect.split("=")[1], (
            f"{cls}: {[(e.type, e.factuality) for e in events]}"
        )
    else:
        assert expect in {e.type for e in events}, f"{cls}: coded {[e.type for e in events]}"
