"""The curated actor list: every actor has a text that names it and a near miss."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasd.events.lexicon import read_tsv
from rasd.nlp.actors import ACLED_KINDS, ActorLexicon, find_actor_mentions, nisba_forms
from rasd.nlp.lexmatch import split_words

DATA = Path(__file__).parent / "data"
ROWS = [r for r in csv.DictReader(
    [line for line in (DATA / "actor_cases.tsv").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"],
    delimiter="\t",
)]


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


def test_every_actor_has_a_case_and_a_near_miss(lexicon):
    ids = set(lexicon.ids)
    named = {r["id"] for r in ROWS if r["expect"] == r["id"]}
    missed = {r["id"] for r in ROWS if r["expect"] != r["id"]}
    assert ids <= named and ids <= missed, sorted(ids - (named & missed))


def test_kinds_are_acled_types_or_source(lexicon):
    for actor_id in lexicon.ids:
        assert lexicon.actors[actor_id].kind in ACLED_KINDS + ("source", None), actor_id


@pytest.mark.parametrize("actor_id, expect, text", [(r["id"], r["expect"], r["text"]) for r in ROWS],
                         ids=[f"{r['id']}:{r['expect']}" for r in ROWS])
def test_actor_case(lexicon, actor_id, expect, text):
    found = {hit.actor for hit in lexicon.find(split_words(text))}
    if expect == "-":
        assert actor_id not in found
    else:
        assert expect in found


def test_canonical_names_the_same_actor_across_aliases(lexicon):
    assert lexicon.canonical("جيش الأسد") == lexicon.canonical("القوات الحكومية") == "sy_gov"
    assert lexicon.canonical("غارة روسية") == "ru"
    assert lexicon.canonical("مكتب البريد") is None


def test_weak_alias_is_dropped_before_a_foreign_nisba(lexicon):
    mentions = find_actor_mentions("قالت الحكومة المصرية والحكومة إن", lexicon)
    assert [m.text for m in mentions] == ["الحكومة"]


def test_mentions_skip_the_conjunction_but_keep_the_article(lexicon):
    (mention,) = find_actor_mentions("وقصفت وبالقوات التركية", lexicon)
    assert mention.text == "القوات التركية" and mention.key == "tr"


def test_nisba_forms():
    assert "الروسية" in nisba_forms("روسي") and "روسيون" in nisba_forms("الروسي")
    assert nisba_forms("كردستان") == ["كردستان"]


def test_actor_file_has_no_duplicate_ids():
    rows = read_tsv(Path(__file__).parents[1] / "rasd" / "data" / "actors.tsv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
