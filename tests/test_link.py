"""Totals broken down by place become a parent and one child per place; parts by kind do not.

Every text here was written for these tests.
"""

from __future__ import annotations

import datetime as dt

from rasd.events.extract import extract_events
from rasd.pipeline import analyze_article
from rasd.records import Article, Event

PUBLISHED = dt.date(2026, 11, 24)


def code(pipeline, body: str) -> list[Event]:
    article = Article(doc_id="d1", source="t", title="", body=body, outlet="منفذ", published=PUBLISHED)
    return list(extract_events(analyze_article(article, pipeline), pipeline.lexicon, pipeline.actors))


def family(events: list[Event]) -> tuple[Event, list[tuple[int, str, str | None]]]:
    """The one event without a parent, and (count, place, pcode) of its children."""
    (total,) = [e for e in events if e.parent is None]
    children = [(e.quantity.value, e.location.text, e.location.pcode) for e in events if e.parent == total.event_id]
    assert len(children) == len(events) - 1
    return total, children


def test_a_total_broken_down_in_its_own_sentence(pipeline_rules):
    sentence = ("قُتل 11 مدنياً في قصف صاروخي على ريف حلب الغربي، هم خمسة في بلدة الأتارب، "
                "وأربعة في دارة عزة، واثنان في قبتان الجبل.")
    total, children = family(code(pipeline_rules, sentence))
    assert (total.type, total.aggregate, total.quantity.value) == ("shelling", True, 11)
    assert [q.value for q in total.quantities] == [11]  # the parts are children, not counts of the total
    assert total.location.text == "ريف حلب الغربي"
    assert children == [(5, "الأتارب", "C1022"), (4, "دارة عزة", "C1139"), (2, "قبتان الجبل", "C1150")]


def test_a_total_broken_down_by_governorate_is_placed_in_the_country(pipeline_rules):
    sentence = ("وثق المرصد السوري لحقوق الإنسان مقتل 20 مدنياً في سوريا يوم الأحد، "
                "بينهم 8 في محافظة درعا و7 في إدلب و5 في حلب.")
    total, children = family(code(pipeline_rules, sentence))
    assert total.quantity.value == 20 and total.aggregate
    assert (total.location.text, total.location.country) == ("سوريا", "SY")
    assert [(count, place) for count, place, _ in children] == [(8, "محافظة درعا"), (7, "إدلب"), (5, "حلب")]


def test_casualty_words_that_break_down_the_last_total_give_children_of_its_type(pipeline_rules):
    body = ("قُتل تسعة مدنيين في غارات جوية على ريف إدلب الجنوبي.\n\n"
            "وتوزع القتلى على النحو الآتي: 4 في كفرنبل، و3 في حاس، و2 في بلدة الهبيط.")
    events = code(pipeline_rules, body)
    assert {e.type for e in events} == {"airstrike"}  # no killing made of "القتلى"
    total, children = family(events)
    assert total.quantity.value == 9 and total.aggregate
    assert [(count, place) for count, place, _ in children] == [(4, "كفرنبل"), (3, "حاس"), (2, "الهبيط")]
    assert all(e.quantity.kind == "killed" for e in events)


def test_a_part_by_kind_stays_a_count_of_the_event(pipeline_rules):
    (event,) = code(pipeline_rules, "قُتل خمسة مدنيين بينهم طفلان في غارة جوية على بلدة حاس.")
    assert [q.value for q in event.quantities] == [5, 2]
    assert not event.aggregate and event.parent is None


def test_a_list_without_a_total_makes_no_children(pipeline_rules):
    # the first count is a part too: Nasib does not hold Naima
    (event,) = code(pipeline_rules, "انشق 30 عنصراً من بلدة نصيب و12 من بلدة النعيمة عن قوات النظام.")
    assert event.parent is None and not event.aggregate


def test_parts_larger_than_the_last_total_are_not_its_children(pipeline_rules):
    body = ("اعتقلت قوات النظام عشرة شبان في ريف دمشق أمس.\n\n"
            "وفي درعا، اعتقلت دورية 20 شاباً من بلدة نصيب و15 من بلدة طفس.")
    events = code(pipeline_rules, body)
    assert all(e.parent is None for e in events) and not any(e.aggregate for e in events)
