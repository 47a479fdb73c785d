"""One event per real event: re-tellings merged with their richest fields, distinct events kept apart.

Every text here was written for these tests. Each rule has a case it merges and a near
miss it must not merge.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.events.extract import extract_events
from rasd.pipeline import analyze_article
from rasd.records import Article, Event

PUBLISHED = dt.date(2026, 11, 24)  # a Tuesday


def code(pipeline, body: str) -> list[Event]:
    article = Article(doc_id="d1", source="t", title="", body=body, outlet="منفذ", published=PUBLISHED)
    return list(extract_events(analyze_article(article, pipeline), pipeline.lexicon, pipeline.actors))


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]


def sentence_starts(event: Event) -> set[int]:
    """Where every sentence telling the event starts: its evidence and its other mentions."""
    return {event.evidence.start} | {m.start for m in event.mentions}


def counts(event: Event) -> list[tuple[int | None, str | None]]:
    return [(q.value, q.kind) for q in event.quantities]


# --------------------------------------------------------------------------- lead and body


def test_the_lead_and_the_body_make_one_event_with_the_richest_fields(pipeline_rules):
    lead = "قُتل ستة مدنيين في قصف مدفعي لقوات النظام على بلدة كفرنبل، صباح الأحد."
    body = "وقال الدفاع المدني إن القصف على كفرنبل أدى إلى مقتل ستة مدنيين وإصابة 11 آخرين."
    text = f"{lead}\n\n{body}"
    (event,) = of_type(code(pipeline_rules, text), "shelling")
    assert sentence_starts(event) == {0, text.index(body)}
    assert counts(event) == [(6, "killed"), (11, "injured")]  # the injured of the body join the lead's dead
    assert [a.text for a in event.actors if a.role == "actor"] == ["قوات النظام"]  # named in the lead only
    assert event.attribution.source == "الدفاع المدني"  # quoted in the body only
    assert (event.time.basis, event.time.date_start) == ("relative", dt.date(2026, 11, 22))  # the lead's Sunday
    assert event.location.pcode == "C4068"


def test_a_village_with_a_pcode_beats_the_area_of_the_lead(pipeline_rules):
    lead = "قُتل أربعة مدنيين في غارة جوية على ريف إدلب الجنوبي."
    body = "وقال ناشطون إن الغارة استهدفت سوقاً في مدينة معرة النعمان وأدت إلى مقتل أربعة مدنيين."
    (event,) = of_type(code(pipeline_rules, f"{lead}\n\n{body}"), "airstrike")
    assert (event.location.text, event.location.pcode) == ("معرة النعمان", "C3985")
    assert len(sentence_starts(event)) == 2


def test_a_count_told_only_in_the_body_goes_to_the_event(pipeline_rules):
    lead = "شنت الطائرات الحربية الروسية غارات على مدينة خان شيخون صباح اليوم."
    body = "وقال الدفاع المدني إن الغارات على خان شيخون أسفرت عن مقتل ثلاثة مدنيين."
    (event,) = of_type(code(pipeline_rules, f"{lead}\n\n{body}"), "airstrike")
    assert counts(event) == [(3, "killed")]
    assert event.time.basis == "relative"


@pytest.mark.parametrize(
    "second, why",
    [
        ("وقُتل ثلاثة مدنيين في غارة جوية على مدينة أريحا.", "another town"),
        ("وكانت غارة جوية على سراقب قد قتلت 12 مدنياً في 3 آذار الماضي.", "another day"),
        ("وشنت الطائرات غارة ثانية على سراقب بعد الظهر.", "a second strike"),
        ("وقُتل ثلاثة مدنيين في غارة جوية أخرى على سراقب.", "another strike"),
    ],
)
def test_distinct_strikes_stay_distinct(pipeline_rules, second, why):
    first = "قُتل أربعة مدنيين في غارة جوية على بلدة سراقب صباح الاثنين."
    assert len(of_type(code(pipeline_rules, f"{first}\n\n{second}"), "airstrike")) == 2, why


def test_different_counts_of_the_same_kind_are_different_events(pipeline_rules):
    body = ("قُتل أربعة مدنيين في غارة جوية على بلدة سراقب.\n\n"
            "وقالت مصادر محلية إن غارة جوية على سراقب أدت إلى مقتل تسعة مدنيين.")
    assert len(of_type(code(pipeline_rules, body), "airstrike")) == 2


# --------------------------------------------------------------------------- one sentence, two words


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("فجّر انتحاري حزامه الناسف وسط سوق في مدينة منبج، ما أدى إلى مقتل تسعة أشخاص.", "suicide_bombing"),
        ("أصيب 15 مدنياً بحالات اختناق إثر قصف قوات النظام بلدة اللطامنة بقذائف تحوي غاز الكلور.",
         "chemical_attack"),
        ("سيطرت قوات النظام على بلدة الهبيط بعد معارك عنيفة مع فصائل المعارضة.", "territory_captured"),
    ],
)
def test_a_generic_and_a_specific_word_in_one_sentence_are_one_event(pipeline_rules, sentence, kept):
    events = code(pipeline_rules, sentence)
    assert [e.type for e in events] == [kept]


def test_the_injured_of_a_chlorine_shelling_stay_with_the_chemical_attack(pipeline_rules):
    sentence = "أصيب 15 مدنياً بحالات اختناق إثر قصف قوات النظام بلدة اللطامنة بقذائف تحوي غاز الكلور."
    (event,) = code(pipeline_rules, sentence)
    assert counts(event) == [(15, "injured")]


def test_bombings_in_two_towns_stay_two_each_with_its_own_sentence(pipeline_rules):
    first = "انفجرت سيارة مفخخة في مدينة أعزاز شمالي حلب، ما أدى إلى مقتل ستة أشخاص."
    second = "وفي وقت لاحق، فجر انتحاري نفسه عند حاجز في مدينة الباب، ما أدى إلى مقتل أربعة عناصر."
    events = code(pipeline_rules, f"{first}\n\n{second}")
    assert [(e.type, e.location.text, len(sentence_starts(e))) for e in events] == [
        ("explosion", "أعزاز", 1), ("suicide_bombing", "الباب", 1)]


def test_an_air_strike_and_a_shelling_in_one_sentence_stay_two(pipeline_rules):
    events = code(pipeline_rules, "استهدفت غارات جوية وقصف مدفعي بلدة اللطامنة صباح اليوم.")
    assert sorted(e.type for e in events) == ["airstrike", "shelling"]


# --------------------------------------------------------------------------- tolls


def test_a_raised_toll_updates_the_attack(pipeline_rules):
    lead = "قُتل سبعة مدنيين في قصف صاروخي على مدينة دوما، مساء السبت."
    update = "وارتفعت حصيلة ضحايا القصف على دوما إلى عشرة قتلى، بحسب الدفاع المدني."
    text = f"{lead}\n\n{update}"
    (event,) = code(pipeline_rules, text)
    assert event.type == "shelling"
    assert counts(event)[:2] == [(10, "killed"), (7, "killed")]  # the new toll first, the first one kept
    assert sentence_starts(event) == {0, text.index(update)}


def test_tolls_told_with_casualty_words_alone_fold_into_the_bombing(pipeline_rules):
    body = ("فجّر انتحاريون أحزمتهم الناسفة في سوق مدينة تدمر صباح الخميس.\n\n"
            "وقُتل 35 شخصاً في المدينة بحسب مصادر طبية.\n\n"
            "وقال المرصد السوري لحقوق الإنسان إن حصيلة القتلى ارتفعت إلى 41.")
    events = code(pipeline_rules, body)
    assert [e.type for e in events] == ["suicide_bombing"]  # no killing beside it: the dead are counted once
    assert events[0].quantity.value == 41
    assert len(sentence_starts(events[0])) == 3


@pytest.mark.parametrize(
    "second",
    [
        "وقُتل خمسة مدنيين آخرين في المدينة.",  # "آخرين": more victims, of something else
        "وأسفرت الحرب في سوريا عن مقتل أكثر من 350 ألف شخص منذ عام 2011.",  # a war's toll, not the attack's
    ],
)
def test_other_deaths_do_not_fold_into_the_attack(pipeline_rules, second):
    first = "قُتل سبعة مدنيين في قصف صاروخي على مدينة دوما."
    events = code(pipeline_rules, f"{first}\n\n{second}")
    assert sorted(e.type for e in events) == ["killing", "shelling"]
    assert of_type(events, "shelling")[0].quantity.value == 7


# --------------------------------------------------------------------------- totals and parts


def test_a_total_is_not_merged_with_its_parts(pipeline_rules):
    body = ("قُتل تسعة مدنيين في غارات جوية على ريف إدلب الجنوبي.\n\n"
            "وتوزع القتلى على النحو الآتي: أربعة في كفرنبل، وثلاثة في حاس، واثنان في بلدة الهبيط.")
    events = code(pipeline_rules, body)
    assert len(events) == 4


def test_a_restated_total_merges_into_the_total_that_keeps_its_parts(pipeline_rules):
    body = ("قُتل تسعة مدنيين في غارات جوية على ريف إدلب الجنوبي.\n\n"
            "وقال ناشطون إن الغارات على ريف إدلب الجنوبي قتلت تسعة مدنيين، هم أربعة في كفرنبل، "
            "وثلاثة في حاس، واثنان في بلدة الهبيط.")
    events = code(pipeline_rules, body)
    (total,) = [e for e in events if e.parent is None]
    assert total.aggregate and total.quantity.value == 9 and len(sentence_starts(total)) == 2
    assert sorted(e.quantity.value for e in events if e.parent == total.event_id) == [2, 3, 4]


def test_a_days_toll_within_a_longer_bombardment_is_its_own_event(pipeline_rules):
    import datetime as dt

    from rasd.records import Metadata, RawDocument

    text = ("عنوان\n\nوقال المرصد إن القصف الذي تشنه قوات النظام على البلدات منذ الأحد أوقع أكثر من 400 قتيل.\n\n"
            "وقتل ما لا يقل عن 46 مدنيا الخميس.")
    raw = RawDocument(doc_id="t", source="t", text=text, meta=Metadata(published=dt.date(2018, 2, 23)))
    events = pipeline_rules.process(raw).events
    assert sorted(e.quantity.low for e in events if e.quantity) == [46, 401]
