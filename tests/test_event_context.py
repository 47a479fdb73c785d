"""Context rules that decide whether a mention is news: background dates, commemorations,
what a count belongs to. Sentences written for these tests (news style, no real event)."""

from __future__ import annotations

import datetime as dt

from rasd.config import Config
from rasd.pipeline import Pipeline
from rasd.records import Metadata, RawDocument


def _events(pipeline, body: str, published=dt.date(2018, 5, 10)):
    raw = RawDocument(doc_id="t", source="t", text="عنوان\n\n" + body, meta=Metadata(published=published))
    return pipeline.process(raw).events


def test_an_event_dated_years_before_publication_is_background(pipeline_rules):
    body = "وفي عام 2012 قتل صحفيان في قصف مدفعي على حي بابا عمرو في مدينة حمص."
    assert not _events(pipeline_rules, body)


def test_a_recent_dated_event_is_kept(pipeline_rules):
    body = "قتل صحفيان في قصف مدفعي على حي بابا عمرو في مدينة حمص يوم 2 أيار/مايو 2018."
    assert [e.type for e in _events(pipeline_rules, body)] == ["shelling"]


def test_the_age_limit_is_a_setting():
    pipeline = Pipeline.load(Config(use_ner=False, max_event_age_days=0))
    body = "وفي عام 2012 قتل صحفيان في قصف مدفعي على حي بابا عمرو في مدينة حمص."
    assert [e.type for e in _events(pipeline, body)] == ["shelling"]


def test_without_a_publication_date_nothing_is_background(pipeline_rules):
    body = "وفي عام 2012 قتل صحفيان في قصف مدفعي على حي بابا عمرو في مدينة حمص."
    assert [e.type for e in _events(pipeline_rules, body, published=None)] == ["shelling"]


def test_a_commemoration_does_not_take_the_dead_it_recalls(pipeline_rules):
    body = "نظم ناشطون وقفة احتجاجية في مدينة إعزاز، في ذكرى مجزرة قتل فيها مئات المدنيين عام 2013."
    events = _events(pipeline_rules, body)
    assert [e.type for e in events] == ["protest"]
    assert all(q.kind not in ("killed", "injured") for q in events[0].quantities)


def test_a_denied_report_is_no_event_however_far_the_denial(pipeline_rules):
    body = ("نفى المتحدث باسم الحكومة، العقيد سامر الأحمد، في تصريح صحفي مساء الإثنين، "
            "الأنباء التي تحدثت عن قصف مدفعي على قرى الحدود.")
    assert not _events(pipeline_rules, body)


def test_a_turn_after_a_denial_reports_again(pipeline_rules):
    body = "نفت الحكومة الأنباء عن الانسحاب من البلدة، لكن الطائرات الحربية شنت غارات على أطرافها صباح اليوم."
    assert "airstrike" in [e.type for e in _events(pipeline_rules, body)]


def test_the_report_date_stands_in_when_the_event_has_none(pipeline_rules):
    body = "وقال المرصد السوري لحقوق الإنسان الاثنين إن مئات المدنيين نزحوا من بلدة جنديرس."
    (event,) = _events(pipeline_rules, body, published=dt.date(2018, 3, 13))
    assert event.type == "displacement" and event.time.date_start == dt.date(2018, 3, 12)


def test_the_event_date_beats_the_report_date(pipeline_rules):
    body = "أعلن الجيش الثلاثاء أن طائراته قصفت مواقع للمسلحين قرب بلدة جنديرس فجر الاثنين."
    (event,) = _events(pipeline_rules, body, published=dt.date(2018, 3, 14))
    assert event.time.date_start == dt.date(2018, 3, 12)


def test_the_displaced_of_an_attack_belong_to_the_displacement(pipeline_rules):
    body = "وقالت الأمم المتحدة إن القصف الجوي والهجوم البري أجبر أكثر من 160 ألفا من سكان المحافظة على النزوح."
    events = {e.type: e for e in _events(pipeline_rules, body)}
    assert events["displacement"].quantity.min == 160001 and events["displacement"].quantity.kind == "displaced"
    assert events["airstrike"].quantity is None


def test_a_number_of_unknown_things_is_no_count_of_dead(pipeline_rules):
    body = "وقال التحالف إنه درس 159 بلاغا عن سقوط ضحايا مدنيين في غاراته خلال الشهر الماضي."
    assert all(q.value != 159 for e in _events(pipeline_rules, body) for q in e.quantities)
