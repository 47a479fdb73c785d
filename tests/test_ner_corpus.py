"""NER corpora: CoNLL reading and tag mapping, BIO chunking, and the exact-match scorer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.errors import DataError
from rasd.nlp.ner_corpus import (
    TaggedSentence,
    count_labels,
    entity_spans,
    read_anercorp,
    read_aqmar,
    read_conll,
    read_wojood,
    repair_bio,
)
from rasd.nlp.ner_train import format_scores, group_documents, score_entities


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_anercorp_reader_maps_pers_and_splits_sentences(tmp_path):
    conll = write(tmp_path / "a.conll", "وقال O\nجورج B-PERS\nبوش I-PERS\n. O\n\nفي O\nدمشق B-LOC\n")
    sentences = read_anercorp(conll)
    assert [s.tokens for s in sentences] == [("وقال", "جورج", "بوش", "."), ("في", "دمشق")]
    assert sentences[0].labels == ("O", "B-PER", "I-PER", "O")
    assert sentences[1].labels == ("O", "B-LOC")


def test_reader_skips_empty_tokens_and_repairs_iob1(tmp_path):
    # ANERcorp has a few lines " O" with an empty token; IOB1 "I-" starts are repaired.
    conll = write(tmp_path / "a.conll", " O\nالأمم I-ORG\nالمتحدة I-ORG\n\n\n\nقال O\n")
    sentences = read_conll(conll)
    assert sentences[0].tokens == ("الأمم", "المتحدة")
    assert sentences[0].labels == ("B-ORG", "I-ORG")
    assert len(sentences) == 2


def test_aqmar_keeps_per_org_loc_and_drops_mis_classes_and_typos(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder / "x.txt", "دمشق B-LOC\nهي O\nالعاصمة B-MIS1\nالأمن I--ORG\nزيد IO\nابن B-PER\nسينا I-PER\n")
    (sentence,) = read_aqmar(folder)
    assert sentence.labels == ("B-LOC", "O", "O", "B-ORG", "O", "B-PER", "I-PER")


def test_aqmar_folder_without_articles_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        read_aqmar(tmp_path)


def test_wojood_takes_outermost_span_and_maps_gpe(tmp_path):
    text = (
        "مراسلة O\nسكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n$#$ O\n\n"
        "مجلس B-ORG\nالأمن I-ORG\nضد I-ORG\nالأسد I-ORG B-PERS\n"
    )
    first, second = read_wojood(write(tmp_path / "w.txt", text))
    assert first.tokens[-1] == "نابلس"  # the $#$ marker is dropped
    assert first.labels == ("O", "O", "B-ORG", "I-ORG", "O", "B-LOC")
    assert second.labels == ("B-ORG", "I-ORG", "I-ORG", "I-ORG")  # the nested PERS is inside the ORG


def test_missing_corpus_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        read_conll(tmp_path / "nope.conll")


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O"], [("PER", 0, 2)]),
        (["B-PER", "B-PER"], [("PER", 0, 1), ("PER", 1, 2)]),  # B always starts a new entity
        (["O", "I-LOC", "I-LOC"], [("LOC", 1, 3)]),  # I after O starts one (conlleval)
        (["B-ORG", "I-LOC"], [("ORG", 0, 1), ("LOC", 1, 2)]),  # a type change ends it
        (["O", "O"], []),
        ([], []),
    ],
)
def test_entity_spans_follow_conlleval(labels, spans):
    assert entity_spans(labels) == spans


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=30))
def test_repair_bio_keeps_the_entities(labels):
    repaired = repair_bio(labels)
    assert entity_spans(repaired) == entity_spans(labels)
    assert all(not label.startswith("I-") or repaired[i - 1][2:] == label[2:] for i, label in enumerate(repaired))


def test_scorer_arithmetic_on_a_hand_made_example():
    gold = [
        ("B-PER", "I-PER", "O", "B-LOC", "O"),  # PER right, LOC labelled ORG
        ("B-ORG", "I-ORG", "I-ORG", "O", "B-MISC"),  # ORG cut short, MISC missed
    ]
    predicted = [
        ("B-PER", "I-PER", "O", "B-ORG", "O"),
        ("B-ORG", "I-ORG", "O", "O", "O"),
    ]
    scores = score_entities(gold, predicted)
    # gold: PER 1, LOC 1, ORG 1, MISC 1; predicted: PER 1, ORG 2; correct: PER only.
    assert (scores.overall.gold, scores.overall.predicted, scores.overall.correct) == (4, 3, 1)
    assert scores.overall.precision == pytest.approx(1 / 3)
    assert scores.overall.recall == pytest.approx(1 / 4)
    assert scores.overall.f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
    assert scores.by_label("PER").f1 == 1.0
    assert scores.by_label("ORG").precision == 0.0 and scores.by_label("ORG").predicted == 2
    assert scores.by_label("LOC").recall == 0.0 and scores.by_label("LOC").predicted == 0
    assert [s.label for s in scores.labels] == ["PER", "ORG", "LOC", "MISC"]
    table = format_scores(scores)
    assert table.splitlines()[-1].split()[0] == "ALL" and "MISC" in table


def test_scorer_needs_the_same_number_of_sentences():
    with pytest.raises(ValueError):
        score_entities([("O",)], [])


def test_count_labels_and_documents():
    sentences = [TaggedSentence(("جورج", "بوش", "دمشق"), ("B-PER", "I-PER", "B-LOC"))]
    assert count_labels(sentences) == {"PER": 1, "LOC": 1}
    assert [len(d) for d in group_documents(list(range(45)), 20)] == [20, 20, 5]
