"""``rasd train-ner`` and ``rasd eval-ner``: train the packaged NER model, and score a model.

``rasd train-ner`` trains the CRF on the ANERcorp train split (``--extra aqmar,wojood``
adds the other corpora mapped to PER/ORG/LOC), writes the model, lexicon and meta.json
to ``--out`` (the packaged ``rasd/data/ner`` by default), copies the word-frequency
table beside them, and prints the test scores.
``rasd eval-ner`` prints entity-level precision, recall and F1 per type (CoNLL exact
match) of a model on the ANERcorp test split or on ``--test FILE``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasd.errors import UsageError

__all__ = ["find_data_dir", "register", "run_eval", "run_train"]

_FALLBACK_DATA = Path("/work/shared/data")


def find_data_dir(option: str | None) -> Path:
    """The shared data folder: ``--data``, else ``../shared/data`` from here, else /work/shared/data."""
    if option:
        folder = Path(option)
        if not folder.is_dir():
            raise UsageError("U301", f"--data {option} is not a folder; point it at the shared data folder (with ner-anercorp/).")
        return folder
    for folder in (Path.cwd().parent / "shared" / "data", _FALLBACK_DATA):
        if (folder / "ner-anercorp").is_dir():
            return folder
    raise UsageError("U302", "no shared data folder found (../shared/data or /work/shared/data); pass --data DIR.")


def _parse_extras(option: str) -> tuple[str, ...]:
    """The ``--extra`` list, checked against the known corpora."""
    from rasd.nlp.ner_train import EXTRA_CORPORA

    extras = tuple(name.strip() for name in option.split(",") if name.strip())
    unknown = [name for name in extras if name not in EXTRA_CORPORA]
    if unknown:
        raise UsageError("U303", f"--extra {','.join(unknown)} is unknown; choose from {','.join(EXTRA_CORPORA)}.")
    return extras


def run_train(args: argparse.Namespace) -> int:
    """Train the NER model and print its test scores; returns the exit code."""
    from rasd.nlp.ner import MODEL_DIR
    from rasd.nlp.ner_train import DOCUMENT_SIZE, FREQUENCY_SOURCE, CrfParams, format_scores, train_ner

    data_dir = find_data_dir(args.data)
    extras = _parse_extras(args.extra)
    if not (data_dir / "ner-anercorp" / "anercorp_train.conll").is_file():
        raise UsageError("U304", f"{data_dir} has no ner-anercorp/anercorp_train.conll; pass --data DIR.")
    out_dir = Path(args.out) if args.out else MODEL_DIR
    frequencies = None if args.frequencies == "none" else Path(args.frequencies or FREQUENCY_SOURCE)
    if frequencies is not None and not frequencies.is_file():
        raise UsageError("U308", f"--frequencies {frequencies} is not a file; build it with scripts/ner_wordfreq.py or pass 'none'.")
    params = CrfParams(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    print(f"training NER on {data_dir} (extras: {','.join(extras) or 'none'}) -> {out_dir}", file=sys.stderr)
    report = train_ner(data_dir, out_dir, extras, args.seed, params, frequencies)
    print(f"trained on {report.sentences} sentences, {report.tokens} tokens in {report.seconds:.0f} s", file=sys.stderr)
    print(f"ANERcorp test split, CoNLL exact match (documents of {DOCUMENT_SIZE} consecutive sentences):")
    print(format_scores(report.scores))
    print("ANERcorp test split, CoNLL exact match (each sentence alone):")
    print(format_scores(report.sentence_scores))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    """Score a model on a CoNLL test file and print the table (or JSON); returns the exit code."""
    from rasd.nlp.ner import NerModel
    from rasd.nlp.ner_corpus import read_anercorp
    from rasd.nlp.ner_train import evaluate_model, format_scores

    if args.document_size < 1:
        raise UsageError("U307", f"--document-size {args.document_size} must be 1 or more.")
    if args.test:
        test_file = Path(args.test)
        if not test_file.is_file():
            raise UsageError("U305", f"--test {args.test} is not a file; give a CoNLL file (token TAG per line).")
    else:
        test_file = find_data_dir(args.data) / "ner-anercorp" / "anercorp_test.conll"
    if args.model and not Path(args.model).exists():
        raise UsageError("U306", f"--model {args.model} does not exist; give a folder written by `rasd train-ner`.")
    model = NerModel.load(args.model)
    scores = evaluate_model(model, read_anercorp(test_file), args.document_size)
    if args.format == "json":
        print(json.dumps({"test": str(test_file), "document_size": args.document_size, "scores": scores.as_dict()},
                         ensure_ascii=False))
    else:
        print(f"{test_file}, CoNLL exact match, documents of {args.document_size} consecutive sentence(s):")
        print(format_scores(scores))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``train-ner`` and ``eval-ner`` sub-commands."""
    train = subparsers.add_parser("train-ner", help="train the NER model on ANERcorp and print test scores",
                                  description=run_train.__doc__)
    train.add_argument("--data", help="shared data folder (default ../shared/data or /work/shared/data)")
    train.add_argument("--extra", default="", help="extra corpora to add, comma-separated: aqmar,wojood")
    train.add_argument("--out", help="output folder (default: the packaged rasd/data/ner)")
    train.add_argument("--seed", type=int, default=13, help="seed for the order of training sentences (default 13)")
    train.add_argument("--c1", type=float, default=0.05, help="L1 penalty (default 0.05)")
    train.add_argument("--c2", type=float, default=0.01, help="L2 penalty (default 0.01)")
    train.add_argument("--iterations", type=int, default=200, help="maximum L-BFGS iterations (default 200)")
    train.add_argument("--frequencies", help="word-frequency table of the frequency features "
                       "(default: the packaged rasd/data/ner/wordfreq.tsv.gz; 'none': no frequency features)")
    train.set_defaults(func=run_train)
    evaluate = subparsers.add_parser("eval-ner", help="print NER precision, recall and F1 per type",
                                     description=run_eval.__doc__)
    evaluate.add_argument("--model", help="model folder (default: the packaged model)")
    evaluate.add_argument("--test", help="CoNLL test file (default: the ANERcorp test split in --data)")
    evaluate.add_argument("--data", help="shared data folder (default ../shared/data or /work/shared/data)")
    evaluate.add_argument("--document-size", type=int, default=20,
                          help="consecutive sentences tagged together as one document (default 20; 1 = each alone)")
    evaluate.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    evaluate.set_defaults(func=run_eval)
