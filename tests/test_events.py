"""Event extraction on sentences written for these tests: counts, parts, places, time, sources."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.events.extract import extract_events
from rasd.output import event_to_dict
from rasd.pipeline import analyze_article
from rasd.records import Article

PUBLISHED = dt.date(2026, 11, 24)  # a Tuesday


def code(pipeline, body: str, published: dt.date | None = PUBLISHED, outlet: str = "منفذ") -> list[dict]:
    article = Article(doc_id="d1", source="t", title="", body=body, outlet=outlet, published=published)
    events = extract_events(analyze_article(article, pipeline), pipeline.lexicon, pipeline.actors)
    return [event_to_dict(e) for e in events]


def only(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["type"] == event_type]
    assert len(found) == 1, [(e["type"], e["evidence"]["text"]) for e in events]
    return found[0]


def test_killed_and_injured_of_one_attack_are_one_event(pipeline_rules):
    event = only(code(pipeline_rules, "قتل ثلاثة مدنيين وأصيب خمسة آخرون في غارة جوية على بلدة سراقب."), "airstrike")
    kinds = {q["kind"]: q["value"] for q in event["quantities"]}
    assert kinds == {"killed": 3, "injured": 5}
    assert event["quantity"]["kind"] == "killed"


def test_a_part_of_the_dead_stays_with_the_total(pipeline_rules):
    event = only(code(pipeline_rules, "قتل خمسة مدنيين بينهم طفلان في قصف مدفعي على بلدة كفرنبل."), "shelling")
    assert event["quantity"]["value"] == 5 and event["quantity"]["kind"] == "killed"
    assert [q["value"] for q in event["quantities"]] == [5, 2]


@pytest.mark.parametrize(
    "phrase, low, high, value",
    [("عشرات المدنيين", 20, 99, None), ("أكثر من 100 مدني", 101, None, None), ("مئات المدنيين", 200, 999, None),
     ("17 مدنيا", None, None, 17)],
)
def test_approximate_counts_stay_ranges(pipeline_rules, phrase, low, high, value):
    event = only(code(pipeline_rules, f"قتل {phrase} في غارات جوية على مدينة دوما."), "airstrike")
    quantity = event["quantity"]
    assert (quantity["value"], quantity["min"], quantity["max"]) == (value, low, high)
    assert quantity["approximate"] == (value is None)


def test_a_total_and_its_breakdown_by_village(pipeline_rules):
    body = (
        "وأفادت مصادر محلية بانشقاق مئات العناصر عن قوات النظام خلال الشهر الماضي.\n\n"
        "وينحدر أغلب هؤلاء العناصر من محافظة درعا، حيث انشق منهم 30 من بلدة نصيب و12 من بلدة النعيمة."
    )
    events = code(pipeline_rules, body)
    defections = [e for e in events if e["type"] == "defection"]
    parent = next(e for e in defections if e["quantity"] and e["quantity"]["min"] == 200)
    children = [e for e in defections if e["parent"] == parent["event_id"]]
    assert sorted(c["quantity"]["value"] for c in children) == [12, 30]
    assert {c["location"]["pcode"] for c in children} == {"C5999", "C5997"}
    assert all(c["location"]["role"] == "origin" for c in children)
    assert parent["aggregate"] is True


def test_displacement_has_origin_and_count(pipeline_rules):
    event = only(code(pipeline_rules, "نزح أكثر من ألف مدني من مدينة عفرين خلال يومين."), "displacement")
    assert event["location"]["role"] == "origin" and event["location"]["pcode"] == "C1366"
    assert event["quantity"]["min"] == 1001 and event["quantity"]["kind"] == "displaced"


def test_relative_time_resolves_against_publication(pipeline_rules):
    event = only(code(pipeline_rules, "قتل مدنيان في قصف مدفعي على بلدة سراقب أمس."), "shelling")
    assert event["time"]["date_start"] == "2026-11-23" and event["time"]["basis"] == "relative"


def test_publication_date_is_the_last_resort(pipeline_rules):
    event = only(code(pipeline_rules, "قتل مدنيان في قصف مدفعي على بلدة سراقب."), "shelling")
    assert event["time"]["basis"] == "published" and event["time"]["date_start"] == "2026-11-24"
    unknown = only(code(pipeline_rules, "قتل مدنيان في قصف مدفعي على بلدة سراقب.", published=None), "shelling")
    assert unknown["time"] is None


def test_source_speaker_and_reported_factuality(pipeline_rules):
    body = "وقال أبو أحمد الإدلبي، الناطق باسم “شبكة أخبار المعرة”، إن غارة جوية استهدفت بلدة كفرنبل."
    event = only(code(pipeline_rules, body), "airstrike")
    assert event["attribution"]["speaker"] == "أبو أحمد الإدلبي"
    assert event["attribution"]["source"] == "شبكة أخبار المعرة"
    assert event["attribution"]["outlet"] == "منفذ"
    assert event["factuality"] == "reported"


def test_a_party_speaking_makes_a_claim(pipeline_rules):
    event = only(code(pipeline_rules, "قالت وكالة سانا إن الفصائل قصفت حي الحمدانية في حلب بقذائف الهاون."), "shelling")
    assert event["factuality"] == "claimed"


def test_actor_from_an_adjective_and_kind_outside_its_country(pipeline_rules):
    event = only(code(pipeline_rules, "قتل سبعة مدنيين في غارة روسية على بلدة كفرنبل."), "airstrike")
    actor = next(a for a in event["actors"] if a["role"] == "actor")
    assert actor["text"] == "روسية" and actor["kind"] == "external/other"
    assert any(a["role"] == "target" and a["kind"] == "civilians" for a in event["actors"])


@pytest.mark.parametrize(
    "sentence",
    [
        "هدد الجيش بقصف مواقع المسلحين في المدينة.",
        "نفى الجيش تنفيذ أي غارة على البلدة.",
        "لم تشن الطائرات أي غارة على المدينة.",
        "في ذكرى مجزرة الكيماوي نظم الأهالي وقفة صامتة.",
        "شن المنتخب هجوما قويا على مرمى الخصم في المباراة.",
        "شن الوزير هجوما إعلاميا لاذعا على المعارضة.",
        "ستقصف القوات مواقع المسلحين غدا.",
    ],
)
def test_no_event_from_threats_denials_negations_anniversaries_sports_metaphors(pipeline_rules, sentence):
    assert code(pipeline_rules, sentence) == []


def test_the_lead_and_the_body_telling_one_attack_make_one_event(pipeline_rules):
    body = (
        "شنت الطائرات الحربية غارة على المدينة صباح اليوم.\n\n"
        "وقتل 12 مدنيا في الغارة التي استهدفت سوق مدينة سراقب، بحسب الدفاع المدني."
    )
    airstrikes = [e for e in code(pipeline_rules, body) if e["type"] == "airstrike"]
    assert len(airstrikes) == 1
    assert airstrikes[0]["quantity"]["value"] == 12


def test_event_ids_are_stable_and_offsets_point_into_the_body(pipeline_rules):
    body = "قتل أربعة مدنيين في غارة جوية على بلدة سراقب، وفق ما أفاد الدفاع المدني."
    first, second = code(pipeline_rules, body), code(pipeline_rules, body)
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    event = first[0]
    assert body[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]
    for actor in event["actors"]:
        assert body[actor["start"] : actor["end"]] == actor["text"]
    assert body[event["location"]["start"] : event["location"]["end"]] == event["location"]["text"]
    assert body[event["quantity"]["start"] : event["quantity"]["end"]] == event["quantity"]["text"]


def test_event_dict_has_exactly_the_contract_fields(pipeline_rules):
    event = code(pipeline_rules, "قتل أربعة مدنيين في غارة جوية على بلدة سراقب.")[0]
    assert list(event) == ["event_id", "type", "aggregate", "parent", "evidence", "mentions", "actors", "quantity",
                           "quantities", "location", "time", "attribution", "factuality", "confidence", "extractor"]
    assert set(event["location"]) == {"text", "start", "end", "role", "pcode", "name_ar", "name_en", "admin1", "admin2",
                                      "admin3", "lat", "lon", "precision", "country"}
    assert set(event["quantity"]) == {"value", "min", "max", "approximate", "unit", "kind", "text", "start", "end"}
    assert set(event["time"]) == {"text", "start", "end", "date_start", "date_end", "precision", "basis"}
    assert set(event["attribution"]) == {"outlet", "source", "speaker"}


def test_an_armed_group_missing_from_the_curated_list_is_still_the_actor(pipeline_rules):
    event = only(code(pipeline_rules, "قصف لواء شهداء اليرموك بقذائف الهاون مواقع قوات النظام في بلدة الشيخ مسكين."),
                 "shelling")
    actor = next(a for a in event["actors"] if a["role"] == "actor")
    assert actor["text"] == "لواء شهداء اليرموك" and actor["kind"] is None


def test_a_word_inside_a_group_name_is_no_trigger(pipeline_rules):
    events = code(pipeline_rules, "أعلن لواء شهداء اليرموك انضمامه إلى الجبهة الجنوبية.")
    assert events == []
