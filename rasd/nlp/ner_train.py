"""Training and evaluating rasd's CRF NER (``rasd train-ner`` / ``rasd eval-ner``).

Training reads the ANERcorp train split (optionally AQMAR and the Wojood sample mapped
to PER/ORG/LOC), builds the feature lexicon from the shared gazetteers, trains a
linear-chain CRF with python-crfsuite (L-BFGS, elastic net) and scores the ANERcorp test
split with CoNLL exact match. The test split is never read before the model is written.

>>> gold = [("B-PER", "I-PER", "O", "B-LOC")]
>>> pred = [("B-PER", "I-PER", "O", "B-ORG")]
>>> scores = score_entities(gold, pred)
>>> scores.overall.correct, scores.overall.precision, scores.by_label("PER").f1
(1, 0.5, 1.0)
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rasd.nlp.ner import (
    FREQUENCY_FILE,
    LEXICON_FILE,
    META_FILE,
    MODEL_DIR,
    MODEL_FILE,
    NerModel,
)
from rasd.nlp.ner_corpus import (
    LABELS,
    TaggedSentence,
    count_labels,
    entity_spans,
    read_anercorp,
    read_aqmar,
    read_wojood,
)
from rasd.nlp.ner_features import (
    FEATURE_VERSION,
    NerLexicon,
    WordFeatures,
    document_features,
    load_frequencies,
    token_key,
)
from rasd.nlp.ner_lexicon import build_lexicon_entries, write_lexicon

__all__ = [
    "EXTRA_CORPORA",
    "FREQUENCY_SOURCE",
    "CrfParams",
    "LabelScore",
    "NerScores",
    "evaluate_model",
    "format_scores",
    "group_documents",
    "load_training_documents",
    "rare_keys",
    "score_entities",
    "train_crf",
    "train_ner",
]

EXTRA_CORPORA = ("aqmar", "wojood")
DOCUMENT_SIZE = 20
# The word-frequency table is a committed input (built by scripts/ner_wordfreq.py from
# the wordfreq package), like cues.tsv; training copies it beside the model it writes.
FREQUENCY_SOURCE = MODEL_DIR / FREQUENCY_FILE


@dataclass(frozen=True, slots=True)
class CrfParams:
    """CRF training settings (L-BFGS with L1 ``c1`` and L2 ``c2`` penalties).

    ``rare_below`` > 0 drops the identity features of words seen fewer times than that
    (off by default: it did not help on the development split).
    """

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 200
    min_freq: int = 1
    rare_below: int = 0


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Entity-level precision, recall and F1 for one label (or ``ALL``, micro-averaged)."""

    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        """Correct / predicted (0 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct / gold (0 when there is no gold entity)."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class NerScores:
    """Scores per label and overall (micro), CoNLL exact match."""

    labels: tuple[LabelScore, ...]
    overall: LabelScore

    def by_label(self, label: str) -> LabelScore:
        """The score of one label (zeros when it never occurs)."""
        return next((s for s in self.labels if s.label == label), LabelScore(label, 0, 0, 0))

    def as_dict(self) -> dict:
        """Plain numbers for JSON (precision/recall/F1 rounded to 4 places)."""
        return {
            s.label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                      "gold": s.gold, "predicted": s.predicted, "correct": s.correct}
            for s in (*self.labels, self.overall)
        }


def score_entities(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> NerScores:
    """Compare label sequences entity by entity: a prediction counts only with the exact span and type."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted hold different numbers of sentences")
    counts: dict[str, list[int]] = {}
    for gold_labels, predicted_labels in zip(gold, predicted):
        gold_spans, predicted_spans = set(entity_spans(gold_labels)), set(entity_spans(predicted_labels))
        for kind, _, _ in gold_spans:
            counts.setdefault(kind, [0, 0, 0])[0] += 1
        for kind, _, _ in predicted_spans:
            counts.setdefault(kind, [0, 0, 0])[1] += 1
        for kind, _, _ in gold_spans & predicted_spans:
            counts[kind][2] += 1
    order = [label for label in LABELS if label in counts] + sorted(set(counts) - set(LABELS))
    labels = tuple(LabelScore(label, *counts[label]) for label in order)
    overall = LabelScore("ALL", *(sum(s[i] for s in counts.values()) for i in range(3)))
    return NerScores(labels, overall)


def format_scores(scores: NerScores) -> str:
    """A plain-text table: label, precision, recall, F1, gold and predicted counts."""
    lines = [f"{'label':<6} {'prec':>6} {'rec':>6} {'f1':>6} {'gold':>6} {'pred':>6}"]
    for s in (*scores.labels, scores.overall):
        lines.append(f"{s.label:<6} {s.precision:6.4f} {s.recall:6.4f} {s.f1:6.4f} {s.gold:6d} {s.predicted:6d}")
    return "\n".join(lines)


def train_crf(
    documents: Sequence[Sequence[TaggedSentence]], lexicon: NerLexicon, model_path: Path, params: CrfParams = CrfParams()
) -> Path:
    """Train a CRF on documents of tagged sentences with the given lexicon; writes ``model_path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    cache: dict[str, WordFeatures] = {}
    rare = rare_keys([s for document in documents for s in document], params.rare_below)
    for document in documents:
        rows = document_features([s.tokens for s in document], lexicon, cache, rare)
        for features, sentence in zip(rows, document):
            trainer.append(features, list(sentence.labels))
    trainer.set_params({
        "c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
        "feature.minfreq": params.min_freq, "feature.possible_transitions": True,
    })
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return model_path


def rare_keys(sentences: Sequence[TaggedSentence], below: int) -> frozenset[str]:
    """Normalised words seen fewer than ``below`` times (they get no identity features).

    >>> sorted(rare_keys([TaggedSentence(("قال", "قال", "زيد"), ("O", "O", "B-PER"))], 2))
    ['زيد']
    """
    counts = Counter(token_key(token) for sentence in sentences for token in sentence.tokens)
    return frozenset(key for key, count in counts.items() if count < below)


def group_documents(sentences: Sequence[TaggedSentence], size: int) -> list[list[TaggedSentence]]:
    """Consecutive sentences in windows of ``size`` (pseudo-documents for corpora without breaks).

    >>> [len(d) for d in group_documents([TaggedSentence((), ())] * 5, 2)]
    [2, 2, 1]
    """
    size = max(1, size)
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def evaluate_model(model: NerModel, sentences: Sequence[TaggedSentence], document_size: int = DOCUMENT_SIZE) -> NerScores:
    """Tag the sentences (``document_size`` consecutive ones as a document) and score them."""
    predicted: list[list[str]] = []
    for document in group_documents(sentences, document_size):
        predicted += model.tag_document([list(s.tokens) for s in document])
    return score_entities([s.labels for s in sentences], predicted)


def load_training_documents(data_dir: Path, extras: Sequence[str] = (), document_size: int = DOCUMENT_SIZE) -> list[list[TaggedSentence]]:
    """ANERcorp train split plus the chosen extra corpora, as pseudo-documents of consecutive sentences."""
    unknown = set(extras) - set(EXTRA_CORPORA)
    if unknown:
        raise ValueError(f"unknown extra corpus: {', '.join(sorted(unknown))}")
    corpora = [read_anercorp(data_dir / "ner-anercorp" / "anercorp_train.conll")]
    if "aqmar" in extras:
        corpora.append(read_aqmar(data_dir / "ner-aqmar" / "articles"))
    if "wojood" in extras:
        corpora += [read_wojood(data_dir / "ner-wojood-sample" / f"{split}.txt") for split in ("train", "val")]
    return [document for corpus in corpora for document in group_documents(corpus, document_size)]


@dataclass(frozen=True, slots=True)
class TrainReport:
    """What a training run did: sizes, time, and the test scores (by document and by sentence)."""

    out_dir: Path
    sentences: int
    tokens: int
    seconds: float
    scores: NerScores
    sentence_scores: NerScores
    entities: dict[str, int] = field(default_factory=dict)


def _frequency_info(path: Path, words: int) -> dict:
    """meta.json's note on the word-frequency table (its file, size and source line)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        source = [line[2:].strip() for line in (handle.readline(), handle.readline()) if line.startswith("#")]
    return {"file": FREQUENCY_FILE, "words": words, "source": " ".join(source[1:])}


def train_ner(
    data_dir: Path, out_dir: Path, extras: Sequence[str] = (), seed: int = 13, params: CrfParams = CrfParams(),
    frequencies: Path | None = FREQUENCY_SOURCE,
) -> TrainReport:
    """Build the lexicon, train the CRF, write model + lexicon + meta.json, score the test split.

    ``frequencies`` is the word-frequency table of the frequency features (``None``:
    none); it is copied into ``out_dir`` so that the folder is a complete model.
    L-BFGS training is deterministic; ``seed`` fixes the order in which the training
    documents are given to crfsuite, so a run is reproducible bit for bit.
    """
    documents = load_training_documents(data_dir, extras)
    random.Random(seed).shuffle(documents)
    sentences = [sentence for document in documents for sentence in document]
    lexicon = write_lexicon(build_lexicon_entries(data_dir), out_dir / LEXICON_FILE)
    frequency_path = None
    if frequencies is not None:
        table = load_frequencies(frequencies)
        frequency_path = out_dir / FREQUENCY_FILE
        if not (frequency_path.exists() and frequency_path.samefile(frequencies)):
            shutil.copyfile(frequencies, frequency_path)
        lexicon = lexicon.with_frequencies(table)
    began = time.perf_counter()
    train_crf(documents, lexicon, out_dir / MODEL_FILE, params)
    seconds = time.perf_counter() - began
    test = read_anercorp(data_dir / "ner-anercorp" / "anercorp_test.conll")
    model = NerModel(out_dir / MODEL_FILE, lexicon, frequency_path=frequency_path)
    scores, sentence_scores = evaluate_model(model, test), evaluate_model(model, test, 1)
    tokens = sum(len(s.tokens) for s in sentences)
    meta = {
        "feature_version": FEATURE_VERSION, "algorithm": "crfsuite lbfgs", "params": asdict(params),
        "training": {"anercorp": "anercorp_train.conll", "extras": list(extras), "seed": seed,
                     "document_size": DOCUMENT_SIZE, "sentences": len(sentences), "tokens": tokens,
                     "entities": count_labels(sentences)},
        "frequencies": _frequency_info(frequency_path, len(lexicon.frequencies)) if frequency_path else None,
        "test": {"file": "anercorp_test.conll", "document_size": DOCUMENT_SIZE, "scores": scores.as_dict(),
                 "sentence_level_scores": sentence_scores.as_dict()},
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return TrainReport(out_dir, len(sentences), tokens, seconds, scores, sentence_scores, count_labels(sentences))
