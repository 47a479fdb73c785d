"""Reading documents: encodings, bad files, folders, JSONL corpora, HTML."""

from __future__ import annotations

import json

import pytest

from rasd.errors import IngestError, UsageError
from rasd.ingest.decode import decode_bytes, looks_like_html
from rasd.ingest.html import extract_html
from rasd.ingest.readers import document_id, iter_documents, parse_published
from rasd.records import Metadata, RawDocument, Rejection

ARABIC = "قُتل ثلاثة مدنيين في قصف على بلدة كفرنبل، بحسب ناشطين."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC.encode("cp1256"), "windows-1256"),
        (ARABIC.encode("utf-16"), "utf-16"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    text, found = decode_bytes(data, "x.txt")
    assert text == ARABIC
    assert found == encoding


def test_decode_normalises_line_endings():
    text, _ = decode_bytes("سطر أول\r\nسطر ثان\rسطر ثالث".encode(), "x.txt")
    assert text == "سطر أول\nسطر ثان\nسطر ثالث"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "I001"),
        (b"   \n\n  ", "I001"),
        (b"\x00\x01\x02binary\x00stuff", "I002"),
        (b"%PDF-1.7 some pdf", "I002"),
        (b"\x89PNG\r\n\x1a\n....", "I002"),
        (b"caf\xe9 \xff\xfe\xfd latin bytes that are neither", "I004"),
    ],
)
def test_decode_rejects_bad_input_with_a_code(data, code):
    with pytest.raises(IngestError) as error:
        decode_bytes(data, "bad.txt")
    assert error.value.code == code
    assert "bad.txt" in error.value.message


def test_decode_rejects_a_huge_file():
    with pytest.raises(IngestError) as error:
        decode_bytes(b"a" * 20_000_001, "huge.txt")
    assert error.value.code == "I003"
    assert "20.0 MB" in error.value.message and "--max-bytes" in error.value.message


def test_size_limit_message_reads_well_for_small_limits():
    with pytest.raises(IngestError) as error:
        decode_bytes(b"a" * 2_000, "small.txt", max_bytes=1_000)
    assert "2 kB is larger than the 1 kB limit" in error.value.message


def test_html_is_sniffed_and_extracted():
    html = (
        "<html><head><title>غارة على البلدة</title></head><body><article><h1>غارة على البلدة</h1>"
        f"<p>{ARABIC}</p><p>وأضاف الناشطون أن الغارة دمرت عددا من المنازل في البلدة.</p></article>"
        "<div class='comments'><p>تعليق من قارئ لا علاقة له بالخبر</p></div></body></html>"
    )
    assert looks_like_html(html)
    assert not looks_like_html(ARABIC + " a < b")
    page = extract_html(html, "page.html")
    assert page.text.startswith("غارة على البلدة\n\n")
    assert ARABIC in page.text


def test_broken_html_gives_a_clear_error():
    with pytest.raises(IngestError) as error:
        extract_html("<html><body><div></div></body></html>", "empty.html")
    assert error.value.code == "I009"


def test_document_id_is_stable_and_content_based():
    assert document_id(b"abc") == document_id("abc")
    assert document_id(b"abc") != document_id(b"abd")
    assert document_id(b"abc").startswith("d") and len(document_id(b"abc")) == 17


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2018-03-17T15:23:32+04:00", "2018-03-17"),
        ("2018-03-17", "2018-03-17"),
        ("Sun, 18 Mar 2018 20:10:11 GMT", "2018-03-18"),
        ("not a date", None),
        (None, None),
    ],
)
def test_parse_published(value, expected):
    parsed = parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_folder_with_meta(tmp_path):
    folder = tmp_path / "a1"
    folder.mkdir()
    (folder / "article.txt").write_text("عنوان\n\n" + ARABIC, encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({"outlet": "X", "published": "2018-01-02"}), encoding="utf-8")
    (document,) = list(iter_documents([str(tmp_path)]))
    assert isinstance(document, RawDocument)
    assert document.meta.outlet == "X" and document.meta.published.isoformat() == "2018-01-02"


def test_bad_meta_json_is_a_rejection(tmp_path):
    (tmp_path / "article.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    (item,) = list(iter_documents([str(tmp_path)]))
    assert isinstance(item, Rejection) and item.code == "I008"


def test_overrides_win_over_meta(tmp_path):
    (tmp_path / "article.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"outlet": "X"}), encoding="utf-8")
    (document,) = list(iter_documents([str(tmp_path)], Metadata(outlet="Y")))
    assert document.meta.outlet == "Y"


def test_jsonl_bad_lines_are_rejected_and_good_lines_read(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": "1", "title": "t", "text": "' + ARABIC.encode() + b'"}\n'
        b"this is not json\n"
        b'{"id": "3", "title": "no text"}\n'
        b'["a", "list"]\n'
        b"\n"
        b'{"id": "5", "html": "<html><body><p>x</p></body></html>"}\n'
    )
    items = list(iter_documents([str(corpus)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "Rejection", "Rejection", "RawDocument"]
    assert [i.code for i in items if isinstance(i, Rejection)] == ["I005", "I006", "I005"]
    assert items[1].source.endswith("c.jsonl:2")
    assert items[0].meta.title == "t" and items[4].markup == "html"


def test_missing_path_is_a_usage_error():
    with pytest.raises(UsageError):
        list(iter_documents(["/no/such/path"]))


# ----------------------------------------------------------------- JSONL ids and messages

LEAD = "قصفت مدفعية القوات الحكومية بلدة كفرنبل في ريف إدلب فجر اليوم، ما أدى إلى مقتل ثلاثة مدنيين."


def _jsonl(tmp_path, *records) -> list:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records),
                      encoding="utf-8")
    return list(iter_documents([str(corpus)]))


def test_jsonl_id_is_the_document_id_and_part_of_the_source(tmp_path):
    first, second = _jsonl(tmp_path, {"id": "sy-0042", "text": LEAD}, {"id": 17, "text": LEAD})
    assert first.doc_id == "sy-0042" and first.source.endswith("corpus.jsonl:1#sy-0042")
    assert second.doc_id == "17" and second.source.endswith("corpus.jsonl:2#17")
    again = _jsonl(tmp_path, {"id": "sy-0042", "text": LEAD})
    assert again[0].doc_id == first.doc_id  # stable across runs


@pytest.mark.parametrize("bad_id", [None, "", "   ", True, {"a": 1}, ["x"], "x" * 201, "a\nb"])
def test_jsonl_without_a_usable_id_gets_a_content_id(tmp_path, bad_id):
    (document,) = _jsonl(tmp_path, {"id": bad_id, "title": "غارة", "text": LEAD})
    assert document.doc_id == document_id(f"غارة\n{LEAD}")
    assert document.source.endswith("corpus.jsonl:1")


def test_jsonl_rejections_say_where_what_and_what_to_do(tmp_path):
    items = _jsonl(tmp_path, {"id": "a7", "title": "بلا نص"}, "{broken", '["a", "list"]', {"text": "   "})
    no_text, not_json, not_object, empty = items
    assert (no_text.code, no_text.doc_id) == ("I006", "a7")
    assert no_text.detail.startswith(f"{no_text.source}: ") and no_text.source.endswith("corpus.jsonl:1#a7")
    assert "add the article text" in no_text.detail and "remove the line" in no_text.detail
    assert not_json.code == "I005" and "fix or remove the line" in not_json.detail
    assert not_object.code == "I005" and "one object per line" in not_object.detail
    assert empty.code == "I006" and empty.source.endswith("corpus.jsonl:4")


def test_a_jsonl_line_over_the_line_limit_says_what_to_do(tmp_path, monkeypatch):
    from rasd.ingest import readers

    monkeypatch.setattr(readers, "_MAX_LINE", 100)
    (item,) = _jsonl(tmp_path, {"id": "big", "text": LEAD * 3})
    assert item.code == "I003" and "corpus.jsonl:1" in item.detail
    assert "split the article or give it as a file of its own" in item.detail


def test_html_without_a_title_keeps_its_lead_in_the_body():
    from rasd.ingest.article import read_article

    html = f"<html><body><div><p>{LEAD[:-1]}</p><p>وقال ناشطون إن الطيران الحربي شن غارات على معرة النعمان.</p></div></body></html>"
    article = read_article(RawDocument(doc_id="d", source="page.html", markup="html", text=html))
    assert article.title == ""
    assert article.body.startswith(LEAD[:-1])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{LEAD}\n\nوقال ناشطون إن الطيران الحربي شن غارات على معرة النعمان.", ""),
        (f"قصف على كفرنبل في ريف إدلب\n\n{LEAD}", "قصف على كفرنبل في ريف إدلب"),
    ],
)
def test_plain_text_title_or_lead(text, title):
    from rasd.ingest.article import read_article

    article = read_article(RawDocument(doc_id="d", source="page.txt", text=text))
    assert article.title == title and LEAD in article.body


# ----------------------------------------------------------------- gold folders (rasd eval reads them like article folders)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"article": {"title": "x"', "is not valid JSON"),
        ("[1, 2]", "holds a JSON list, not an object"),
        ('{"events": [{"type": "airstrike", "evidence": "غارة"}]}', "event 1 has no 'id'"),
        ('{"events": [{"id": "a", "evidence": "غارة"}]}', "event 1 has no 'type'"),
        ('{"events": [{"id": "a", "type": "x", "evidence": "غ"}, {"id": "a", "type": "x", "evidence": "غ"}]}',
         "event id 'a' is used twice"),
        ('{"events": [{"id": "a", "type": "x", "evidence": "غ", "same_as": "b"}]}', "'same_as' names no event"),
        ('{"article": {"body_must_contain": "نص"}}', "'article.body_must_contain' is not a list of strings"),
        ('{"must_not_extract": [{"why": "x"}]}', "'must_not_extract' entry 1 has no 'text'"),
    ],
)
def test_a_bad_gold_file_is_one_clear_line(tmp_path, content, problem):
    from rasd.eval.gold import BadGold, load_gold

    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadGold) as error:
        load_gold(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message
    assert "fix it" in message and "remove the folder" in message


def test_bad_gold_folders_are_skipped_and_counted(tmp_path):
    from rasd.eval.gold import evaluate

    class Pipeline:  # the pipeline is not needed for skipped folders
        def process(self, item):  # pragma: no cover - never called here
            raise AssertionError("a bad gold folder was run")

    for name, gold in (("a", "{not json"), ("b", '{"events": [{"type": "x", "evidence": "y"}]}')):
        (tmp_path / name).mkdir()
        (tmp_path / name / "article.txt").write_text(LEAD, encoding="utf-8")
        (tmp_path / name / "gold.json").write_text(gold, encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "gold.json").write_text("{}", encoding="utf-8")
    report = evaluate([str(tmp_path)], Pipeline())
    assert report.documents == 0 and len(report.bad_gold) == 3
    assert "no article.txt or article.html; add the article" in report.bad_gold[2]
    assert report.to_dict()["bad_gold"] == 3


def test_rasd_eval_reports_a_bad_gold_folder_and_exits_1(tmp_path, capsys):
    from rasd.cli.main import main

    (tmp_path / "g1").mkdir()
    (tmp_path / "g1" / "article.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "g1" / "gold.json").write_text('{"events": [{"id": "e1", "type": "shelling"}]}', encoding="utf-8")
    assert main(["eval", str(tmp_path), "--no-ner"]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("rasd: skipped gold folder: ") and "event 1 has no 'evidence'" in line
    assert "documents: 0; 1 gold folders skipped" in captured.out
