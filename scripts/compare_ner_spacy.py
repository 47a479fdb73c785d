"""Compare a spaCy NER trained from scratch with rasd's CRF on the ANERcorp test split.

Development tool only: spaCy is NOT a runtime dependency of rasd and this script is
never imported by the package. Install it beside rasd (``pip install spacy``) and run::

    OMP_NUM_THREADS=1 PYTHONPATH=. python scripts/compare_ner_spacy.py --data ../shared/data [--extra aqmar,wojood]

It trains ``spacy.blank("ar")`` + ``ner`` (the default CNN tok2vec, randomly initialised,
no pretrained vectors) on the ANERcorp train split, keeps 10% of it (seeded, whole
pseudo-documents) as a dev set to pick the best epoch, then scores the ANERcorp test split with rasd's CoNLL
exact-match scorer and times tagging on one thread. Tokens are fed pre-tokenised and
normalised with ``normalize_key``, like the CRF's features. Results are printed as a
table and one JSON line (copied into rasd/data/ner/MODEL_CARD.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from rasd.nlp.ner_corpus import read_anercorp
from rasd.nlp.ner_features import token_key
from rasd.nlp.ner_train import format_scores, load_training_documents, score_entities


def make_examples(nlp, sentences):
    """spaCy Examples from tagged sentences (normalised words, IOB2 entities)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for sentence in sentences:
        words = [token_key(token) for token in sentence.tokens]
        reference = Doc(nlp.vocab, words=words, ents=list(sentence.labels))
        examples.append(Example(Doc(nlp.vocab, words=words), reference))
    return examples


def predict(nlp, sentences) -> list[list[str]]:
    """IOB2 labels predicted by the spaCy pipeline for every sentence."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=[token_key(t) for t in s.tokens]) for s in sentences)
    out = []
    for doc in nlp.pipe(docs, batch_size=256):
        out.append([f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ != "O" else "O" for t in doc])
    return out


def train_spacy(train, dev, epochs: int, seed: int):
    """Train blank Arabic + NER; return the pipeline of the epoch with the best dev F1."""
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("ar")
    nlp.add_pipe("ner")
    train_examples = make_examples(nlp, train)
    optimizer = nlp.initialize(lambda: train_examples)
    best, best_bytes = -1.0, None
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(train_examples)
        losses: dict = {}
        began = time.perf_counter()
        for batch in minibatch(train_examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        f1 = score_entities([s.labels for s in dev], predict(nlp, dev)).overall.f1
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0):.0f}, dev F1 {f1:.4f}, "
              f"{time.perf_counter() - began:.0f} s", file=sys.stderr)
        if f1 > best:
            best, best_bytes = f1, nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    return nlp, best


def main(argv: list[str] | None = None) -> int:
    """Train, pick the best epoch on dev, score the test split and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="shared data folder")
    parser.add_argument("--extra", default="", help="extra corpora: aqmar,wojood")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    data = Path(args.data)
    extras = [name for name in args.extra.split(",") if name]
    documents = load_training_documents(data, extras)
    random.Random(args.seed).shuffle(documents)
    sentences = [sentence for document in documents for sentence in document]
    cut = len(sentences) // 10
    dev, train = sentences[:cut], sentences[cut:]
    began = time.perf_counter()
    nlp, dev_f1 = train_spacy(train, dev, args.epochs, args.seed)
    train_seconds = time.perf_counter() - began
    test = read_anercorp(data / "ner-anercorp" / "anercorp_test.conll")
    began = time.perf_counter()
    predicted = predict(nlp, test)
    seconds = time.perf_counter() - began
    scores = score_entities([s.labels for s in test], predicted)
    tokens = sum(len(s.tokens) for s in test)
    print(f"spaCy {__import__('spacy').__version__} blank('ar') + ner, extras: {','.join(extras) or 'none'}")
    print(format_scores(scores))
    print(f"tagging: {tokens / seconds:.0f} tokens/s on one thread; training {train_seconds:.0f} s")
    print(json.dumps({"extras": extras, "dev_f1": round(dev_f1, 4), "train_seconds": round(train_seconds),
                      "tokens_per_second": round(tokens / seconds), "scores": scores.as_dict()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
