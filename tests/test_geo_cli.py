"""``rasd geocode``: table and JSON output, stdin, and usage errors."""

from __future__ import annotations

import io
import json

from rasd.cli.main import main


def test_geocode_table(capsys):
    assert main(["geocode", "قصف على مدينة نوى في ريف درعا الغربي"]) == 0
    out = capsys.readouterr().out
    assert "C6124" in out and "SY12" in out and "candidates" in out


def test_geocode_json_and_rejections(capsys):
    assert main(["geocode", "--format", "json", "--all", "قال مصدر من نصيب في دمشق"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["text"] for r in rows} == {"نصيب", "دمشق"}
    assert [r["accepted"] for r in rows] == [False, True]
    assert all("reason" in r and "candidates" in r for r in rows)


def test_geocode_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("في محافظة إدلب"))
    assert main(["geocode", "-"]) == 0
    assert "SY07" in capsys.readouterr().out


def test_geocode_usage_errors(capsys, tmp_path):
    assert main(["geocode"]) == 2
    assert main(["geocode", "--file", str(tmp_path / "missing.txt")]) == 2
    assert "error" in capsys.readouterr().err


def test_geocode_has_help(capsys):
    try:
        main(["geocode", "--help"])
    except SystemExit as stop:
        assert stop.code == 0
    assert "--format" in capsys.readouterr().out
