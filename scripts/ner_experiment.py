"""Development harness for rasd's NER: train on 90% of the ANERcorp train split, score the rest.

Development tool only (never imported by the package)::

    PYTHONPATH=. python scripts/ner_experiment.py --name base [--c1 0.05 --c2 0.01] [--test]

The development split is the last 10% of the training pseudo-documents (20 consecutive
sentences each), in corpus order, so it is later text than what is trained on, as the
test split is. The remaining documents are shuffled with the seed as ``rasd train-ner``
does. ``--test`` also scores the ANERcorp test split: use it only to report a final
figure for an approach, never to choose one.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.nlp.ner_corpus import read_anercorp
from rasd.nlp.ner_train import CrfParams, group_documents, score_entities

DATA = Path("/work/shared/data")


def split_train_dev(data: Path = DATA, fold: int = 9, document_size: int = 20):
    """(train documents, dev documents): dev is the ``fold``-th tenth of the documents (9: the last)."""
    documents = group_documents(read_anercorp(data / "ner-anercorp" / "anercorp_train.conll"), document_size)
    start, end = round(len(documents) * fold / 10), round(len(documents) * (fold + 1) / 10)
    return documents[:start] + documents[end:], documents[start:end]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", default="base")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--fold", type=int, default=9, help="which tenth of the train documents is dev (9 = last)")
    parser.add_argument("--full", action="store_true", help="train on the whole train split (dev scores then meaningless)")
    parser.add_argument("--test", action="store_true", help="also score the test split (final figures only)")
    parser.add_argument("--out", default="/tmp/ner_exp")
    parser.add_argument("--variant", default="", help="comma-separated feature variants (see ner_variants.py)")
    parser.add_argument("--dump", action="store_true", help="write dev predictions for error analysis")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO / "scripts"))
    import ner_variants

    train_docs, dev_docs = split_train_dev(fold=args.fold)
    if args.full:
        train_docs = train_docs + dev_docs
    random.Random(args.seed).shuffle(train_docs)
    out = Path(args.out) / f"{args.name}.f{args.fold}"
    out.mkdir(parents=True, exist_ok=True)
    params = CrfParams(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    began = time.perf_counter()
    variants = tuple(v for v in args.variant.split(",") if v)
    system = ner_variants.train_system(train_docs, DATA, out, params, variants)
    seconds = time.perf_counter() - began
    result = {"name": args.name, "variant": args.variant, "fold": args.fold, "c1": args.c1, "c2": args.c2, "train_s": round(seconds)}
    splits = [("dev", dev_docs)]
    if args.test:
        splits.append(("test", group_documents(read_anercorp(DATA / "ner-anercorp" / "anercorp_test.conll"), 20)))
    for split, docs in splits:
        predicted = []
        for doc in docs:
            predicted += system.tag_document([list(s.tokens) for s in doc])
        gold = [s.labels for doc in docs for s in doc]
        scores = score_entities(gold, predicted)
        result[split] = {s.label: round(s.f1, 4) for s in (*scores.labels, scores.overall)}
        result[split + "_pr"] = [round(scores.overall.precision, 4), round(scores.overall.recall, 4)]
        if args.dump and split == "dev":
            with open(out / "dev_pred.tsv", "w", encoding="utf-8") as handle:
                for sentence, labels in zip((s for doc in docs for s in doc), predicted):
                    handle.writelines(f"{token}\t{g}\t{p}\n" for token, g, p in zip(sentence.tokens, sentence.labels, labels))
                    handle.write("\n")
    print(json.dumps(result, ensure_ascii=False))
    with open(Path(args.out) / "results.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
