"""Score saved development-split models (scripts/ner_experiment.py) on the ANERcorp test split.

Final figures only: the models were chosen on the development split before this is run.

    PYTHONPATH=. python scripts/ner_eval_saved.py base.f9:  wf.f9:wf  stack.f9:stack
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import ner_variants as nv
import pycrfsuite
from ner_experiment import DATA

from rasd.nlp.ner_corpus import read_anercorp
from rasd.nlp.ner_features import NerLexicon
from rasd.nlp.ner_lexicon import build_lexicon_entries
from rasd.nlp.ner_train import group_documents, score_entities


def load_system(folder: Path, variants: tuple[str, ...]):
    entries = build_lexicon_entries(DATA)
    if "gz" in variants:
        entries += nv.extra_gazetteers()
    lexicon = NerLexicon.from_entries(entries)
    if "stack" in variants:
        t1, t2 = pycrfsuite.Tagger(), pycrfsuite.Tagger()
        t1.open(str(folder / "pass1.crfsuite"))
        t2.open(str(folder / "pass2.crfsuite"))
        return nv.StackSystem(t1, t2, lexicon, variants, {})
    return nv.System(folder / "model.crfsuite", lexicon, variants, {})


def main(argv=None):
    test = group_documents(read_anercorp(DATA / "ner-anercorp" / "anercorp_test.conll"), 20)
    gold = [s.labels for d in test for s in d]
    for spec in argv or sys.argv[1:]:
        name, _, variant = spec.partition(":")
        variants = tuple(v for v in variant.split(",") if v)
        system = load_system(Path("/tmp/ner_exp") / name, variants)
        pred = [labels for d in test for labels in system.tag_document([list(s.tokens) for s in d])]
        scores = score_entities(gold, pred)
        row = {s.label: round(s.f1, 4) for s in (*scores.labels, scores.overall)}
        row["P"], row["R"] = round(scores.overall.precision, 4), round(scores.overall.recall, 4)
        print(json.dumps({"model": name, "variants": variant, "test": row}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
