"""The packaged NER model: loading, tagging, spans, pickling, bad input, and the test-split floor."""

from __future__ import annotations

import pickle
import shutil
import time

import pytest
from conftest import SHARED

from rasd.errors import DataError
from rasd.nlp.ner import MODEL_DIR, NerModel, find_entities, split_chunks
from rasd.nlp.ner_corpus import read_anercorp
from rasd.nlp.ner_train import evaluate_model

# Reached by the packaged model (rasd/data/ner/meta.json); the floor leaves 0.005 of slack.
TEST_F1_DOCUMENTS = 0.6945
TEST_F1_SENTENCES = 0.6729
LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}


@pytest.fixture(scope="module")
def model() -> NerModel:
    return NerModel.load()


def entities(text: str, model: NerModel) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in find_entities(text, model)]


def test_packaged_model_files_and_size():
    sizes = {p.name: p.stat().st_size for p in MODEL_DIR.iterdir()}
    assert {"model.crfsuite", "lexicon.tsv", "meta.json", "MODEL_CARD.md", "cues.tsv", "wordfreq.tsv.gz"} <= set(sizes)
    assert sum(sizes.values()) < 50 * 2**20


def test_load_from_a_folder_without_model_is_a_data_error(tmp_path):
    with pytest.raises(DataError):
        NerModel.load(tmp_path)


def test_a_model_without_its_frequency_table_is_a_data_error(tmp_path):
    for name in ("model.crfsuite", "lexicon.tsv", "meta.json"):
        shutil.copyfile(MODEL_DIR / name, tmp_path / name)
    with pytest.raises(DataError, match="wordfreq"):
        NerModel.load(tmp_path)
    shutil.copyfile(MODEL_DIR / "wordfreq.tsv.gz", tmp_path / "wordfreq.tsv.gz")
    assert NerModel.load(tmp_path).lexicon.frequencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الرئيس الأمريكي جورج بوش في واشنطن", [("جورج بوش", "PER"), ("واشنطن", "LOC")]),
        ("وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق", [("سيرغي لافروف", "PER"), ("دمشق", "LOC")]),
        ("قتل مدنيان في بلدة نوى غرب درعا", [("نوى", "LOC"), ("درعا", "LOC")]),
        ("وأكد الأمين العام للأمم المتحدة بان كي مون أن الحل سياسي", [("للأمم المتحدة", "ORG"), ("بان كي مون", "PER")]),
    ],
)
def test_tags_news_sentences_sensibly(model, text, expected):
    assert entities(text, model) == expected


@pytest.mark.parametrize(
    "text",
    ["وسلّم الجنود أسلحتهم", "ارتفعت الأسعار في الأسواق بشكل كبير", "Reuters reported the news on Monday."],
)
def test_sentences_without_names_give_no_entities(model, text):
    assert entities(text, model) == []


def test_spans_point_into_the_text_with_offset(model):
    text = "وقال جورج بوش ، في واشنطن"
    found = find_entities(text, model, offset=100)
    assert found and all(m.source == "ner" and m.label in {"PER", "ORG", "LOC", "MISC"} for m in found)
    assert all(text[m.start - 100 : m.end - 100] == m.text for m in found)


@pytest.mark.parametrize(("text", "name"), [("ورحب بذلك الأردن وسوريا", "سوريا"), ("وقال الجيش الأمريكي", None)])
def test_conjunction_is_left_out_of_the_span(model, text, name):
    texts = [m.text for m in find_entities(text, model)]
    if name:
        assert name in texts
    assert not any(t.startswith("و") and t[1:] in texts for t in texts)


def test_pickled_model_tags_the_same(model):
    tokens = "قال الرئيس جورج بوش في واشنطن".split()
    clone = pickle.loads(pickle.dumps(model))
    assert clone.tag(tokens) == model.tag(tokens)
    assert len(pickle.dumps(model)) < 5 * 2**20


@pytest.mark.parametrize("tokens", [[], ["."], ["،", "«", "»"], ["ـ"], ["🙂", "x"], ["ا" * 5000]])
def test_odd_token_lists(model, tokens):
    labels = model.tag(tokens)
    assert len(labels) == len(tokens) and set(labels) <= LABELS


@pytest.mark.parametrize("text", ["", "   \n\t", "....", "The U.N. met in New York.", "قال Trump إن ISIS في الرقة"])
def test_empty_latin_and_mixed_text(model, text):
    found = find_entities(text, model)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(any("\u0600" <= c <= "\u06ff" for c in m.text) for m in found)


def test_a_100000_token_sentence_is_tagged_in_linear_time(model):
    tokens = ("قال محمد في دمشق إن الجيش تقدم نحو حلب ، و" * 10_000).split()[:100_000]
    began = time.perf_counter()
    labels = model.tag(tokens)
    assert len(labels) == 100_000 and set(labels) <= LABELS
    assert time.perf_counter() - began < 60  # a guard against quadratic blow-ups, not a benchmark


def test_split_chunks_cover_every_token_once():
    tokens = ["ا"] * 1000 + ["."] + ["ب", "،"] * 200
    chunks = split_chunks(tokens)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(tokens)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))
    assert max(end - start for start, end in chunks) <= 150


def test_anercorp_test_split_f1_floor(model):
    test = read_anercorp(SHARED / "data" / "ner-anercorp" / "anercorp_test.conll")
    assert evaluate_model(model, test).overall.f1 >= TEST_F1_DOCUMENTS - 0.005
    assert evaluate_model(model, test, document_size=1).overall.f1 >= TEST_F1_SENTENCES - 0.005
