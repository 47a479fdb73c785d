"""``rasd train-ner`` and ``rasd eval-ner``: end to end on a tiny data folder, and bad arguments."""

from __future__ import annotations

import json

import pytest

from rasd.cli.main import build_parser, main

TRAIN = """وقال O
الرئيس O
جورج B-PERS
بوش I-PERS
في O
واشنطن B-LOC
. O

وأعلنت O
وزارة B-ORG
الخارجية I-ORG
في O
دمشق B-LOC
. O

وقال O
محمد B-PERS
علي I-PERS
إن O
الأمم B-ORG
المتحدة I-ORG
. O
"""

TEST = """قال O
الرئيس O
جورج B-PERS
بوش I-PERS
في O
دمشق B-LOC
. O
"""


@pytest.fixture()
def tiny_data(tmp_path):
    """A data folder with the layout train-ner reads, holding a few sentences."""
    data = tmp_path / "data"
    gazet = data / "ner-anercorp" / "ANERGazet"
    gazet.mkdir(parents=True)
    (data / "ner-anercorp" / "anercorp_train.conll").write_text(TRAIN, encoding="utf-8")
    (data / "ner-anercorp" / "anercorp_test.conll").write_text(TEST, encoding="utf-8")
    for name, text in (("Loc", "دمشق\n====\nواشنطن\n"), ("Org", "الأمم المتحدة\n"), ("Pers", "محمد\nجورج\n")):
        (gazet / f"ANERGazet_{name}.txt").write_text(text, encoding="utf-8")
    places = data / "syria-ocha-places"
    places.mkdir()
    header = "PCODE\tNAME_ARA\tNAME_EN\tADMIN3_ARA\tADMIN2_ARA\tADMIN1_ARA\n"
    (places / "syria_places.tsv").write_text(header + "C1\tنصيب\tNasib\tمركز درعا\tدرعا\tدرعا\n", encoding="utf-8")
    admin = data / "syria-admin-gazetteer"
    admin.mkdir()
    (admin / "governorates.json").write_text(json.dumps([{"name": {"ar": "درعا"}, "aliases": []}]), encoding="utf-8")
    for name in ("districts.json", "subdistricts.json"):
        (admin / name).write_text("[]", encoding="utf-8")
    return data


def test_commands_are_registered_with_help():
    parser = build_parser()
    help_text = parser.format_help()
    assert "train-ner" in help_text and "eval-ner" in help_text


def test_train_then_eval_end_to_end(tiny_data, tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["train-ner", "--data", str(tiny_data), "--out", str(out), "--iterations", "30"]) == 0
    printed = capsys.readouterr().out
    assert "ALL" in printed and "PER" in printed
    assert {p.name for p in out.iterdir()} == {"model.crfsuite", "lexicon.tsv", "meta.json", "wordfreq.tsv.gz"}
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["sentences"] == 3 and meta["training"]["seed"] == 13
    assert meta["frequencies"]["file"] == "wordfreq.tsv.gz" and meta["frequencies"]["words"] > 100_000
    assert main(["eval-ner", "--model", str(out), "--data", str(tiny_data), "--format", "json"]) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert set(scores) >= {"PER", "LOC", "ALL"}


def test_train_without_frequency_features(tiny_data, tmp_path, capsys):
    out = tmp_path / "model"
    argv = ["train-ner", "--data", str(tiny_data), "--out", str(out), "--iterations", "10", "--frequencies", "none"]
    assert main(argv) == 0
    assert {p.name for p in out.iterdir()} == {"model.crfsuite", "lexicon.tsv", "meta.json"}
    assert json.loads((out / "meta.json").read_text(encoding="utf-8"))["frequencies"] is None
    assert main(["eval-ner", "--model", str(out), "--data", str(tiny_data), "--format", "json"]) == 0


def test_eval_packaged_model_on_a_given_file(tmp_path, capsys):
    test_file = tmp_path / "t.conll"
    test_file.write_text(TEST, encoding="utf-8")
    assert main(["eval-ner", "--test", str(test_file), "--document-size", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["label", "prec", "rec", "f1", "gold", "pred"]
    assert lines[-1].startswith("ALL")


@pytest.mark.parametrize(
    "argv",
    [
        ["train-ner", "--data", "/nonexistent/data"],
        ["train-ner", "--extra", "conll2003"],
        ["train-ner", "--frequencies", "/nonexistent/wordfreq.tsv.gz"],
        ["eval-ner", "--test", "/nonexistent/test.conll"],
        ["eval-ner", "--model", "/nonexistent/model"],
        ["eval-ner", "--document-size", "0"],
    ],
)
def test_bad_arguments_are_usage_errors(argv, capsys):
    assert main(argv) == 2
    message = capsys.readouterr().err
    assert message.startswith("rasd: error:") and message.count("\n") == 1


def test_train_needs_the_anercorp_split(tmp_path, capsys):
    (tmp_path / "ner-anercorp").mkdir()
    assert main(["train-ner", "--data", str(tmp_path)]) == 2
    assert "anercorp_train.conll" in capsys.readouterr().err
