"""The command line: every command documented, output contract, exit codes, bad input, idempotent runs."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED_DIR
from rasd.cli.main import build_parser, main

EXAMPLE = REPO / "examples" / "report"
ARTICLE = "غارة على بلدة\n\nقتل أربعة مدنيين في غارة جوية على بلدة سراقب، وفق ما أفاد الدفاع المدني السوري.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_and_option_has_help():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"extract", "run", "events", "eval", "geocode", "train-ner", "eval-ner"} <= set(commands)
    for name, sub in commands.items():
        assert sub.description or sub.format_help(), name
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest} has no help"


def test_extract_json_follows_the_contract(capsys):
    code, out, _ = run(capsys, "extract", str(SEED_DIR), "--format", "json")
    assert code == 0
    (line,) = out.splitlines()
    result = json.loads(line)
    assert list(result) == ["doc_id", "article", "places", "events", "rejection"]
    assert list(result["article"]) == ["title", "outlet", "byline", "url", "published", "body"]
    assert result["article"]["outlet"] == "مدى بوست" and result["rejection"] is None
    body = result["article"]["body"]
    for place in result["places"]:
        assert body[place["start"] : place["end"]] == place["text"]
    for event in result["events"]:
        assert body[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]


def test_extract_table_and_flags(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path), "--format", "table", "--outlet", "X", "--published", "2026-11-24")
    assert code == 0 and "airstrike" in out and "2026-11-24" in out
    code, out, _ = run(capsys, "extract", str(path), "--url", "https://example.org/a")
    assert json.loads(out)["article"]["url"] == "https://example.org/a"


@pytest.mark.parametrize(
    "argv",
    [["extract"], ["extract", "/no/such/file"], ["extract", ".", "--published", "yesterday"], ["events", "--db", "/no/db"],
     ["nonsense"], []],
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as stop:
        code = main(argv)
        raise SystemExit(code)
    assert stop.value.code == 2
    assert "rasd" in capsys.readouterr().err


def test_bad_documents_are_rejected_and_the_others_processed(capsys, tmp_path):
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "d_invalid.txt").write_bytes("نص عربي".encode("utf-8") + b"\xff\xfe latin \xe9")
    (tmp_path / "e_huge.txt").write_bytes(("قصف " * 5_000_000).encode("utf-8"))
    (tmp_path / "f_cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "g.jsonl").write_text('{"text": "' + ARTICLE.replace("\n", "\\n") + '"}\nnot json\n{"id": 3}\n',
                                      encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    codes = sorted(r["rejection"]["code"] for r in results if r["rejection"])
    assert codes == ["I001", "I002", "I003", "I004", "I005", "I006"]
    good = [r for r in results if not r["rejection"]]
    assert len(good) == 3 and all(any(e["type"] == "airstrike" for e in r["events"]) for r in good)
    lines = err.strip().splitlines()
    assert len(lines) == 6 and all(line.startswith("rasd: rejected [I") for line in lines)
    assert "g.jsonl:2" in err and "e_huge.txt" in err


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(str(path))
    try:
        return [line for line in connection.iterdump() if "first_seen" not in line]
    finally:
        connection.close()


def test_run_is_idempotent_and_events_lists_them(capsys, tmp_path):
    db = tmp_path / "r.sqlite"
    code, _, err = run(capsys, "run", str(EXAMPLE), str(SEED_DIR), "--db", str(db))
    assert code == 0 and "2 documents stored" in err
    first = _dump(db)
    code, _, _ = run(capsys, "run", str(EXAMPLE), str(SEED_DIR), "--db", str(db))
    assert code == 0 and _dump(db) == first
    code, out, _ = run(capsys, "events", "--db", str(db))
    assert code == 0 and "defection" in out and "shelling" in out
    code, out, _ = run(capsys, "events", "--db", str(db), "--type", "defection", "--format", "json")
    assert code == 0 and all(json.loads(line)["type"] == "defection" for line in out.splitlines())


def test_a_rejected_document_keeps_what_was_stored(capsys, tmp_path):
    db = tmp_path / "r.sqlite"
    run(capsys, "run", str(EXAMPLE), "--db", str(db))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 50)
    code, _, _ = run(capsys, "run", str(bad), "--db", str(db))
    assert code == 1
    connection = sqlite3.connect(str(db))
    assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    assert connection.execute("SELECT code FROM rejections").fetchall() == [("I002",)]
    connection.close()


def test_eval_prints_scores(capsys):
    code, out, _ = run(capsys, "eval", str(SEED_DIR))
    assert code == 0
    assert "precision" in out and "recall" in out and "F1" in out and "quantity" in out
    code, out, _ = run(capsys, "eval", str(SEED_DIR), "--json")
    figures = json.loads(out)
    assert figures["events"]["recall"] == 1.0 and figures["cleaning"]["passed"] == figures["cleaning"]["total"]


def test_python_dash_m_runs():
    done = subprocess.run([sys.executable, "-m", "rasd", "--version"], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0 and done.stdout.startswith("rasd ")


def test_the_bundled_example_gives_events(capsys):
    code, out, _ = run(capsys, "extract", str(EXAMPLE))
    result = json.loads(out)
    types = sorted(e["type"] for e in result["events"])
    assert "shelling" in types and "arrest" in types and "displacement" in types
    body = result["article"]["body"]
    assert "اقرأ أيضاً" not in body and "الوسوم" not in body


def test_unasserted_events_on_request_and_confidence_floor(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("غارة\n\nنفى الجيش شن أي غارة على بلدة سراقب.\n\nقتل ثلاثة مدنيين في غارة على بلدة كفرنبل.\n",
                    encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(path))
    assert [e["factuality"] for e in json.loads(out)["events"]] == ["asserted"]
    _, out, _ = run(capsys, "extract", str(path), "--keep-unasserted")
    assert sorted(e["factuality"] for e in json.loads(out)["events"]) == ["asserted", "denied"]
    _, out, _ = run(capsys, "extract", str(path), "--min-confidence", "0.99")
    assert json.loads(out)["events"] == []


def test_store_errors_exit_2(capsys, tmp_path):
    bad = tmp_path / "not.sqlite"
    bad.write_bytes(b"not a database" * 100)
    code, _, err = run(capsys, "run", str(EXAMPLE), "--db", str(bad))
    assert code == 2 and "[S001]" in err


PAGE = """<!doctype html><html><head><title>غارة على سراقب</title>
<meta property="article:published_time" content="2026-11-20"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/s">سوريا</a></nav>
<article><h1>غارة على سراقب</h1>
<p>قُتل أربعة مدنيين في غارة جوية على بلدة سراقب أمس، وفق ما أفاد الدفاع المدني السوري.</p>
<p>اقرأ أيضاً: <a href="/x">مقتل عشرة في قصف على مدينة أخرى</a></p>
<p>وأضاف الدفاع المدني أن فرقه انتشلت الضحايا من تحت الأنقاض في البلدة الواقعة جنوب إدلب.</p>
<p>الوسوم</p><p>شارك</p></article>
<div class="comments"><p>تعليق: قصف رهيب على المدينة قتل فيه كثيرون حسب قولي</p></div>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_page_end_to_end(capsys, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path))
    result = json.loads(out)
    assert code == 0 and result["article"]["title"] == "غارة على سراقب"
    assert result["article"]["published"] == "2026-11-20"
    body = result["article"]["body"]
    assert "اقرأ أيضاً" not in body and "مقتل عشرة" not in body and "تعليق" not in body and "الوسوم" not in body
    (event,) = result["events"]
    assert event["type"] == "airstrike" and event["quantity"]["value"] == 4
    assert event["location"]["pcode"] == "C3916" and event["time"]["date_start"] == "2026-11-19"
