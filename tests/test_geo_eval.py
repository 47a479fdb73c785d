"""Scoring places against gold, must_not_geocode checks, and the quality floor on seed + dev."""

from __future__ import annotations


import pytest

from rasd.eval.places import check_must_not_geocode, gold_locations, measure_folders, score_places
from rasd.geo import Gazetteer

from conftest import SHARED  # noqa: E402


def place(text, pcode=None, admin1=None, country="SY", start=0, end=0):
    return {"text": text, "pcode": pcode, "admin1": admin1, "country": country, "start": start, "end": end}


def test_score_counts_pcode_admin1_country():
    gold = [
        {"text": "نصيب", "country": "SY", "admin1": "SY12", "pcode": "C5999"},
        {"text": "محافظة درعا", "country": "SY", "admin1": "SY12", "pcode": None},
        {"text": "روسيا", "country": "RU", "admin1": None, "pcode": None},
        {"text": "الطهوت", "country": "SY", "admin1": "SY07", "pcode": None},
    ]
    predicted = [place("نصيب", "C5999", "SY12"), place("محافظة درعا", None, "SY12"), place("روسيا", country="RU"),
                 place("الطهوت الجنوبية", None, "SY05")]
    result = score_places(gold, predicted)
    assert (result["pcode_right"], result["pcode_total"]) == (1, 1)
    assert (result["admin1_right"], result["admin1_total"]) == (1, 2)  # الطهوت matched by containment, wrong admin1
    assert (result["country_right"], result["country_total"]) == (4, 4)
    assert result["found"] == 4 and len(result["misses"]) == 1


def test_exact_text_wins_over_containment():
    gold = [{"text": "عفرين", "country": "SY", "admin1": "SY02", "pcode": "C1366"}]
    predicted = [place("منطقة عفرين", None, "SY02"), place("عفرين", "C1131", "SY02")]
    assert score_places(gold, predicted)["pcode_right"] == 0
    assert score_places(gold, predicted[:1])["pcode_right"] == 0
    assert score_places(gold, [place("#عفرين", "C1366", "SY02")])["pcode_right"] == 1


def test_must_not_geocode_with_body_offsets():
    body = "طرد سليماني وفيلق القدس من سوريا، وفي القدس أيضا. يسعون دوماً. مدينة دوما"
    rules = [{"text": "فيلق القدس", "outside_admin1": None, "why": "organisation"},
             {"text": "دوماً", "outside_admin1": None, "why": "adverb"},
             {"text": "دوما", "outside_admin1": "SY03", "why": "Duma"}]
    quds = body.index("القدس")
    later = body.index("القدس", quds + 1)
    duma = body.rindex("دوما")
    good = [place("القدس", country="IL", start=later, end=later + 5), place("دوما", "C2338", "SY03", start=duma, end=duma + 4)]
    assert check_must_not_geocode(rules, good, body) == []
    bad = good + [place("القدس", country="IL", start=quds, end=quds + 5), place("دوما", "C3076", "SY05", start=duma, end=duma + 4)]
    assert len(check_must_not_geocode(rules, bad, body)) == 2


def test_must_not_geocode_without_body():
    rules = [{"text": "نينوى", "outside_admin1": "SY12", "why": "Dar'a town"}]
    assert check_must_not_geocode(rules, [place("نينوى", None, "SY12")]) == []
    assert check_must_not_geocode(rules, [place("نينوى", country="IQ")])


def test_gold_locations_adds_event_locations():
    gold = {"places": [{"text": "نوى", "country": "SY", "admin1": "SY12", "pcode": "C6124"}],
            "events": [{"location": {"text": "نوى", "admin1": "SY12", "pcode": "C6124"}},
                       {"location": {"text": "جاسم", "admin1": "SY12"}}, {"location": None}]}
    assert [p["text"] for p in gold_locations(gold)] == ["نوى", "جاسم"]


@pytest.fixture(scope="module")
def measured() -> dict:
    examples = SHARED / "examples"
    folders = [examples / "seed-defections"] + sorted(p.parent for p in (examples / "dev").glob("*/gold.json"))
    assert len(folders) > 10, f"examples not found under {examples}; set RASD_SHARED"
    return measure_folders(folders, Gazetteer.load())


def test_dev_floor_pcode(measured):
    assert measured["pcode_right"] / measured["pcode_total"] >= 0.90


def test_dev_floor_admin1(measured):
    assert measured["admin1_right"] / measured["admin1_total"] >= 0.95


def test_dev_floor_country_and_rules(measured):
    assert measured["country_right"] / measured["country_total"] >= 0.90
    assert measured["violations"] == []
