"""Who did it, to whom, according to whom: sentences written for these tests, each read as an ACLED coder reads it.

The cases live in tests/data/participant_cases.tsv: one or more per role word class of rasd/data/roles.tsv and
per attribution rule, with near misses ("~"). The pipeline reads them without the NER model, so the rules alone
must get them right.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasd.events.extract import extract_events
from rasd.nlp.actors import RoleWords
from rasd.nlp.lexmatch import split_words
from rasd.output import event_to_dict
from rasd.pipeline import analyze_article
from rasd.records import Article

DATA = Path(__file__).parent / "data"
CASES = list(csv.DictReader(
    [line for line in (DATA / "participant_cases.tsv").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"],
    delimiter="\t",
))


def code(pipeline, body: str) -> list[dict]:
    article = Article(doc_id="d1", source="t", title="", body=body, outlet=None, published=None)
    events = extract_events(analyze_article(article, pipeline), pipeline.lexicon, pipeline.actors)
    return [event_to_dict(e) for e in events]


def _texts(event: dict, role: str) -> list[str]:
    """The names in a role; an actor span keeps the text verbatim, so "للنظام" is read as "النظام"."""
    return ["ا" + a["text"][1:] if a["text"].startswith("لل") else a["text"] for a in event["actors"] if a["role"] == role]


def _names(cell: str) -> list[str]:
    return [] if cell == "-" else cell.split("|")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}:{c['type']}:{i}" for i, c in enumerate(CASES)])
def test_participants_and_attribution(pipeline_rules, case):
    events = [e for e in code(pipeline_rules, case["text"]) if e["type"] == case["type"]]
    assert events, (case["type"], [e["type"] for e in code(pipeline_rules, case["text"])])
    event = events[0]
    assert _texts(event, "actor")[:1] == _names(case["actor"]), event["actors"]
    assert sorted(_texts(event, "target")) == sorted(t for t in _names(case["targets"]) if t) or (
        case["targets"] == "-" and all(a["kind"] in ("civilians", "protesters") for a in event["actors"]
                                       if a["role"] == "target")), event["actors"]
    assert sorted(_texts(event, "associated")) == sorted(_names(case["associated"])), event["actors"]
    for field in ("source", "speaker"):
        if case[field] != "*":
            assert event["attribution"][field] == (None if case[field] == "-" else case[field]), event["attribution"]


def test_every_role_class_has_a_case_and_a_near_miss():
    rules = {c["rule"] for c in CASES}
    for cls in ("member", "site", "weapon", "between", "source_head"):
        assert cls in rules and "~" + cls in rules, cls
    for cls in ("agent_verb", "by", "support", "cooperate", "suffered", "against", "battle"):
        assert cls in rules, cls


@pytest.mark.parametrize("word, cls, expected", [
    ("لعناصر", "member", True), ("لعناصرها", "member", False),
    ("ومواقع", "site", True), ("موافقة", "site", False),
    ("بنيران", "weapon", True), ("بنيامين", "weapon", False),
    ("التابعة", "link", True), ("المتابعة", "link", False),
    ("تعرضت", "suffered", True), ("عرضت", "suffered", False),
    ("ضد", "against", True), ("ضمن", "against", False),
    ("ومعارك", "battle", True), ("معارض", "battle", False),
    ("بالتنسيق", "cooperate", True), ("التنسيقية", "cooperate", False),
])
def test_role_words(word, cls, expected):
    assert RoleWords.load().word_class(split_words(word)[0].norm, cls) is expected


@pytest.mark.parametrize("word, expected", [
    ("نصبته", True), ("زرعها", True), ("أطلقه", True), ("نفذتها", True), ("يشنها", True),
    ("نصبت", False), ("زرع", False), ("كتبها", False),
])
def test_agent_verbs_need_an_object_pronoun(word, expected):
    assert RoleWords.load().agent_verb(split_words(word)[0].norm) is expected


@pytest.mark.parametrize("text, cls, expected", [
    ("قتل على يد", "by", 2), ("قتل على", "by", 0),
    ("بدعم من", "support", 2), ("بعد من", "support", 0),
])
def test_phrases_before_a_name(text, cls, expected):
    words = split_words(text + " الفصائل")
    assert RoleWords.load().ends_before(words, len(words) - 1, cls) == expected


@pytest.mark.parametrize("text, expected", [
    ("قال مصدر في المعارضة", 1), ("قالت مصادر في", 1), ("قال مصطفى", 0),
])
def test_source_heads(text, expected):
    words = split_words(text)
    assert (RoleWords.load().starts_at(words, 1, "source_head") > 0) == bool(expected)
