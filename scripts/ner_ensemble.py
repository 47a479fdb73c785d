"""Ensemble of the CRF and the neural tagger on the dev split: average of label posteriors, IOB2 Viterbi.

    PYTHONPATH=. python scripts/ner_ensemble.py --crf /tmp/ner_exp/base.f9 --fold 9
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import pycrfsuite
from ner_experiment import DATA, split_train_dev
from ner_neural import LABELS, allowed_transitions, marginals_np, viterbi

from rasd.nlp.ner_features import NerLexicon, document_features
from rasd.nlp.ner_lexicon import build_lexicon_entries
from rasd.nlp.ner_train import score_entities


def main(argv=None):
    import torch

    parser = argparse.ArgumentParser()
    parser.add_argument("--crf", required=True)
    parser.add_argument("--fold", type=int, default=9)
    parser.add_argument("--test", action="store_true", help="score the test split instead (final figures only)")
    parser.add_argument("--alphas", default="1.0,0.8,0.7,0.6,0.5,0.4,0.0")
    args = parser.parse_args(argv)
    _, dev_docs = split_train_dev(fold=args.fold)
    if args.test:
        from rasd.nlp.ner_corpus import read_anercorp
        from rasd.nlp.ner_train import group_documents

        dev_docs = group_documents(read_anercorp(DATA / "ner-anercorp" / "anercorp_test.conll"), 20)
    lexicon = NerLexicon.from_entries(build_lexicon_entries(DATA))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(Path(args.crf) / "model.crfsuite"))
    crf_p = []
    for doc in dev_docs:
        rows = document_features([s.tokens for s in doc], lexicon, {})
        for r in rows:
            tagger.set(r)
            crf_p.append(np.array([[tagger.marginal(y, i) for y in LABELS] for i in range(len(r))]))
    state = torch.load(f"/tmp/ner_exp/neural/model.f{args.fold}.pt")
    trans, start, end = (state[k].numpy() for k in ("trans", "start", "end"))
    if args.test:
        import ner_neural

        train_docs, _ = split_train_dev(fold=args.fold)
        enc = ner_neural.Encoder([s for d in train_docs for s in d if s.tokens], lexicon)
        model = ner_neural.build_model(len(enc.words), len(enc.chars), len(enc.feats))
        model.load_state_dict(state)
        ems = ner_neural.emissions_np(model, enc, [s.tokens for d in dev_docs for s in d])
    else:
        ems = np.load(f"/tmp/ner_exp/neural/dev_em.f{args.fold}.npy", allow_pickle=True)
    nn_p = [marginals_np(em, trans, start, end) if len(em) else np.zeros((0, len(LABELS))) for em in ems]
    gold = [s.labels for d in dev_docs for s in d]
    mask, first = allowed_transitions()
    for alpha in (float(a) for a in args.alphas.split(",")):
        pred = []
        for a, b in zip(crf_p, nn_p):
            if not len(a):
                pred.append([])
                continue
            p = np.log(alpha * a + (1 - alpha) * b + 1e-9)
            pred.append([LABELS[i] for i in viterbi(p, mask, first, np.zeros(len(LABELS)))])
        s = score_entities(gold, pred)
        print(alpha, round(s.overall.f1, 4), round(s.overall.precision, 4), round(s.overall.recall, 4),
              {x.label: round(x.f1, 4) for x in s.labels})


if __name__ == "__main__":
    raise SystemExit(main())
