"""Every single form of the event lexicons is found in running text as what it is listed as.

tests/data/*_cases.tsv hold a true case and a near miss for each trigger row and cue or
modifier class (what the rules do with a match); this file checks each form itself: that
it survives normalisation and is matched whole in a sentence, with a proclitic on it too,
so that no entry is dead weight or shadowed by a typo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.events.lexicon import EventLexicon, conjugate, read_tsv
from rasd.nlp.lexmatch import split_words

DATA = Path(__file__).parents[1] / "rasd" / "data" / "events"


def _split(forms: str, separator: str = ",") -> list[str]:
    return [f.strip() for f in forms.split(separator) if f.strip()]


def _trigger_forms() -> list[tuple[str, str]]:
    items = []
    for row in read_tsv(DATA / "triggers.tsv"):
        if row["pos"] != "verb":
            items += [(row["id"], form) for form in _split(row["forms"])]
            continue
        for spec in _split(row["forms"], ";"):
            past, present, *extra = spec.split("|")
            items += [(row["id"], past), (row["id"], present)]
            items += [(row["id"], e) for e in (_split(extra[0]) if extra else [])]
    return items


def _class_forms(name: str) -> list[tuple[str, str]]:
    return [(row["class"], form) for row in read_tsv(DATA / name) for form in _split(row["forms"])]


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def _found(index, text: str, form: str):
    """The matches of ``index`` in ``text`` that cover exactly the words of ``form``."""
    words = split_words(text)
    count = len(split_words(form))
    return [m for m in index.find(words, overlapping=True) if m.last - m.first + 1 == count]


@pytest.mark.parametrize("row_id, form", _trigger_forms(), ids=lambda x: x)
def test_trigger_form_is_matched_whole(lexicon, row_id, form):
    for text in (f"وقال شهود إن {form} وقع اليوم", f"وقال شهود إن و{form} وقع اليوم"):
        matches = _found(lexicon.triggers, text, form)
        assert matches, f"{row_id}: {form!r} is not matched in {text!r}"


@pytest.mark.parametrize("cls, form", _class_forms("cues.tsv"), ids=lambda x: x)
def test_cue_form_is_matched_as_its_class(lexicon, cls, form):
    matches = _found(lexicon.cues, f"قالوا {form} شيئا", form)
    assert any(cue.cls == cls for m in matches for cue in m.value), f"{cls}: {form!r} not matched"


@pytest.mark.parametrize("cls, form", _class_forms("modifiers.tsv"), ids=lambda x: x)
def test_modifier_form_is_matched_as_its_class(lexicon, cls, form):
    matches = _found(lexicon.modifiers, f"قالوا {form} شيئا", form)
    assert any(cls in m.value for m in matches), f"{cls}: {form!r} not matched"


def test_every_verb_conjugates_to_a_future_the_extractor_can_flag():
    for row in read_tsv(DATA / "triggers.tsv"):
        if row["pos"] == "verb":
            for spec in _split(row["forms"], ";"):
                past, present = spec.split("|")[:2]
                assert "future" in dict(conjugate(past, present)).values(), row["id"]


# ---------------------------------------------------------------- actors and role words

ACTORS = Path(__file__).parents[1] / "rasd" / "data" / "actors.tsv"
ROLES = Path(__file__).parents[1] / "rasd" / "data" / "roles.tsv"


def _aliases() -> list[tuple[str, str]]:
    """(actor id, alias) for every alias of every actor (blocker rows "_..." included)."""
    items = []
    for row in read_tsv(ACTORS):
        items += [(row["id"], alias.lstrip("~").strip()) for alias in _split(row["aliases"])]
    return items


@pytest.fixture(scope="module")
def actor_lexicon():
    from rasd.nlp.actors import ActorLexicon

    return ActorLexicon.load()


@pytest.mark.parametrize("actor_id, alias", _aliases(), ids=lambda x: x)
def test_actor_alias_is_matched_as_its_actor(actor_lexicon, actor_id, alias):
    text = f"وقالت مصادر إن {alias} اليوم"
    matches = _found(actor_lexicon.index, text, alias)
    assert matches, f"{actor_id}: {alias!r} is not matched whole"


@pytest.mark.parametrize("cls, form", [(row["class"], f) for row in read_tsv(ROLES) for f in _split(row["forms"])],
                         ids=lambda x: x)
def test_role_word_is_known_in_its_class(actor_lexicon, cls, form):
    roles = actor_lexicon.roles
    words = split_words(form)
    if cls in roles.phrases:  # a phrase class: the phrase is found at its first word
        assert roles.starts_at(words, 0, cls) == len(words), f"{cls}: {form!r}"
    elif "|" in form:  # a verb class: its past form, with an object pronoun for perpetrators' verbs
        past = form.split("|")[0]
        assert roles.word_class(split_words(past)[0].norm, cls) or roles.agent_verb(split_words(past + "ه")[0].norm)
    else:
        assert roles.word_class(words[0].norm, cls), f"{cls}: {form!r} is not a word of its class"
