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
