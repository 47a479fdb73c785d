"""NER features: true cases and near misses for cues, clitics, gazetteer runs, shapes and word frequencies."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.errors import DataError
from rasd.nlp.ner_features import (
    NerLexicon,
    document_context,
    document_features,
    frequency_features,
    load_frequencies,
    match_gazetteer,
    sentence_features,
    token_key,
    word_features,
    word_shape,
)
from rasd.nlp.ner_lexicon import read_cues, write_lexicon

LEXICON = NerLexicon.from_entries(
    [
        ("دير الزور", "GAZ_ADM"),
        ("دمشق", "GAZ_LOC"),
        ("محمد", "GAZ_PER"),
        ("الأمم المتحدة", "GAZ_ORG"),
        ("قال", "SPEECH"),
        ("الرئيس", "TITLE"),
        ("وزارة", "ORGHEAD"),
    ]
)


def features_of(sentence: str) -> list[list[str]]:
    return sentence_features(sentence.split(), LEXICON)


@pytest.mark.parametrize(
    ("token", "key"),
    [("إدلب", "ادلب"), ("الرقة", "الرقه"), ("مصطفى", "مصطفي"), ("قُتِلَ", "قتل"), ("١١", "11"), ("ـ", "<mark>")],
)
def test_token_key_folds_spelling_variants(token, key):
    assert token_key(token) == key


@pytest.mark.parametrize(
    ("token", "shape"),
    [("دمشق", "A"), ("CNN", "LU"), ("Reuters", "Lc"), ("iphone", "L"), ("2018", "D"), ("،", "P"), ("G20", "LD")],
)
def test_word_shape(token, shape):
    assert word_shape(token) == shape


@pytest.mark.parametrize(
    ("token", "present", "absent"),
    [
        ("وقال", "lxs=SPEECH", "lx=SPEECH"),  # the cue behind a conjunction
        ("قال", "lx=SPEECH", "lxs=SPEECH"),
        ("بدمشق", "st=دمشق", "lx=GAZ_LOC"),
        ("والرئيس", "lxs=TITLE", "w=الرييس"),
    ],
)
def test_word_features_see_through_proclitics(token, present, absent):
    own = word_features(token, LEXICON).own
    assert present in own
    assert absent not in own


@pytest.mark.parametrize("token", ["قالب", "دمشقي", "الرئيسية", "وزاري"])
def test_near_misses_are_not_cue_words(token):
    # a longer word that starts with a cue word is not that cue
    assert not any(f.startswith(("lx=", "lxs=")) for f in word_features(token, LEXICON).own)


def test_unknown_words_get_no_identity_features():
    features = word_features("رامسفيلد", LEXICON, known=False)
    assert not any(f.startswith("w=") for f in features.own)
    assert any(f.startswith("s3=") for f in features.own)


@pytest.mark.parametrize(
    ("sentence", "tags"),
    [
        ("وصل الى دير الزور امس", [[], [], ["GAZ_ADM:B"], ["GAZ_ADM:I"], []]),
        ("وبدير الزور", [["GAZ_ADM:B"], ["GAZ_ADM:I"]]),  # clitics on the first word
        ("دير الراهبات", [[], []]),  # near miss: only the first word of the name
        ("في الأمم المتحدة", [[], ["GAZ_ORG:B"], ["GAZ_ORG:I"]]),
        ("", []),
    ],
)
def test_gazetteer_runs(sentence, tags):
    words = [word_features(token, LEXICON) for token in sentence.split()]
    assert [sorted(t) for t in match_gazetteer(words, LEXICON)] == tags


def test_sentence_features_carry_neighbours_and_edges():
    rows = features_of("قال الرئيس محمد في دمشق")
    assert "-1:lx=TITLE" in rows[2] and "-2:lx=SPEECH" in rows[2]
    assert "-1:EDGE" in rows[0] and "+1:EDGE" in rows[4]
    assert "g=GAZ_PER:B" in rows[2] and "+1:g=GAZ_LOC:B" in rows[3]
    assert "w-1|w=الرييس|محمد" in rows[2]


def test_document_context_ties_occurrences_of_a_name():
    document = ["قال بوش ان", "وأضاف بوش"]
    words = [[word_features(t, LEXICON) for t in s.split()] for s in document]
    context = document_context(words)
    assert context["بوش"] == ("dn=2", "dL=SPEECH")
    rows = document_features([s.split() for s in document], LEXICON)
    assert "dL=SPEECH" in rows[1][1]  # the second mention knows about the first
    assert "قال" not in context  # cue words are not described


def test_lexicon_round_trip(tmp_path):
    path = tmp_path / "lexicon.tsv"
    written = write_lexicon([("دير الزور", "GAZ_ADM"), ("إدلب", "GAZ_VIL"), ("ادلب", "GAZ_ADM"), ("*", "GAZ_LOC")], path)
    loaded = NerLexicon.load(path)
    assert loaded.classes == written.classes
    assert loaded.lookup("ادلب") == ("GAZ_ADM", "GAZ_VIL")
    assert "*" not in loaded.classes  # no letters, no entry
    assert loaded.prefixes == frozenset({"دير"}) and loaded.max_words == 2


def test_missing_lexicon_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        NerLexicon.load(tmp_path / "none.tsv")


def test_curated_cues_have_known_classes():
    classes = {label for _, label in read_cues()}
    assert classes == {"TITLE", "SPEECH", "NAME", "ORGHEAD", "LOCHEAD", "PREP", "DIR", "MONTH"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8).filter(lambda t: not t.isspace()), max_size=12))
def test_any_tokens_get_one_row_each(tokens):
    rows = sentence_features(tokens, LEXICON)
    assert len(rows) == len(tokens)
    assert all(row and all(isinstance(f, str) for f in row) for row in rows)


FREQUENCIES = {"بوش": 45, "البوش": 21, "كتاب": 54, "الكتاب": 55, "كتابه": 47, "كتب": 52, "الخرطوم": 42, "خرطوم": 32}


def test_frequency_features_tell_names_from_common_nouns():
    name = frequency_features("بوش", ("بوش",), FREQUENCIES)
    noun = frequency_features("كتاب", ("كتاب", "تاب"), FREQUENCIES)
    assert "wfal=-2" in name and "wfpron=-4" in name  # rarely "البوش", never "بوشه"
    assert "wfal=0" in noun and "wfpron=-1" in noun  # "الكتاب", "كتابه" are common


@pytest.mark.parametrize(
    ("key", "stems", "present"),
    [
        ("وبوش", ("وبوش", "بوش"), {"wf=0", "wfs=4", "wfal=-2"}),  # the clitic is seen through
        ("الخرطوم", ("الخرطوم", "خرطوم"), {"wf=4", "wfbare=-1"}),  # the stem keeps its article
        ("تياغو", ("تياغو",), {"wf=0", "wf0"}),  # unknown to the list
    ],
)
def test_frequency_features_pick_the_most_frequent_split(key, stems, present):
    assert present <= set(frequency_features(key, stems, FREQUENCIES))


def test_word_features_use_frequencies_only_when_the_lexicon_has_them():
    plain = word_features("بوش", LEXICON)
    rich = word_features("بوش", LEXICON.with_frequencies(FREQUENCIES))
    assert not any(f.startswith("wf") for f in plain.own)
    assert "wf=4" in rich.own and set(plain.own) < set(rich.own)
    assert LEXICON.with_frequencies(FREQUENCIES) == LEXICON  # the table is not part of equality


def test_frequency_table_round_trip_and_errors(tmp_path):
    path = tmp_path / "f.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("# comment\n# another\nبوش\t45\nكتاب\t54\n")
    assert load_frequencies(path) == {"بوش": 45, "كتاب": 54}
    with pytest.raises(DataError):
        load_frequencies(tmp_path / "missing.tsv.gz")
    path.write_bytes(gzip.compress("بوش\t45\nكتاب\n".encode()))
    with pytest.raises(DataError):
        load_frequencies(path)
    path.write_bytes(b"not gzip")
    with pytest.raises(DataError):
        load_frequencies(path)
