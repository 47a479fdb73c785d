"""The gold scorer: matching, precision/recall arithmetic, field accuracy."""

from __future__ import annotations

from rasd.eval.score import score_document, text_contains


def _event(type_, sentence, **fields):
    event = {
        "type": type_, "evidence": {"text": sentence, "start": 0, "end": len(sentence)}, "actors": [],
        "quantity": None, "location": None, "time": None, "attribution": {"outlet": None, "source": None,
                                                                            "speaker": None},
        "factuality": "asserted",
    }
    event.update(fields)
    return event


GOLD = {
    "events": [
        {"id": "a", "type": "airstrike", "evidence": "غارة على البلدة", "actor": "القوات الروسية",
         "quantity": {"value": 5}, "location": {"admin1": "SY07", "role": "site", "pcode": "C1"},
         "source": "المرصد السوري"},
        {"id": "a2", "type": "airstrike", "evidence": "الغارة الروسية", "same_as": "a", "optional": True},
        {"id": "b", "type": "protest", "evidence": "مظاهرة في المدينة", "actor": None},
        {"id": "c", "type": "agreement", "evidence": "اتفاق قديم", "optional": True},
    ],
    "must_not_extract": [{"text": "هدد بقصف"}],
}


def test_matching_counts_true_false_and_neutral():
    predicted = {"events": [
        _event("airstrike", "قتل 5 في غارة على البلدة أمس", quantity={"value": 5, "min": None, "max": None},
               location={"admin1": "SY07", "role": "site", "pcode": "C1", "lat": None, "lon": None},
               actors=[{"role": "actor", "text": "روسية"}], attribution={"source": "المرصد"}),
        _event("airstrike", "وكانت الغارة الروسية عنيفة"),  # a re-mention of a: neutral
        _event("agreement", "ذكر اتفاق قديم"),  # optional: neutral
        _event("shelling", "مظاهرة في المدينة"),  # wrong type: false positive
        _event("shelling", "هدد بقصف المدينة"),  # false positive and a must-not hit
    ]}
    score = score_document(GOLD, predicted, canonical=lambda t: "ru" if "روس" in t else None)
    assert (score.tp, score.fp, score.fn, score.neutral) == (1, 2, 1, 2)
    assert score.must_not_hits and "هدد بقصف" in score.must_not_hits[0]
    assert score.field_right["quantity"] == score.field_total["quantity"] == 1
    assert score.field_right["actor"] == 1 and score.field_right["source"] == 1
    assert score.field_right["pcode"] == 1 and score.field_right["admin1"] == 1


def test_second_copy_of_a_required_event_is_a_false_positive():
    predicted = {"events": [_event("protest", "مظاهرة في المدينة"), _event("protest", "مظاهرة في المدينة اليوم")]}
    score = score_document(GOLD, predicted)
    assert score.tp == 1 and score.fp == 1


def test_fields_pick_the_best_candidate_among_same_sentence_events():
    gold = {"events": [
        {"id": "x", "type": "defection", "evidence": "20 من قرية", "quantity": {"value": 20}},
        {"id": "y", "type": "defection", "evidence": "14 من بلدة", "quantity": {"value": 14}},
    ]}
    sentence = "بينهم 20 من قرية و14 من بلدة"
    predicted = {"events": [
        _event("defection", sentence, quantity={"value": 14}),
        _event("defection", sentence, quantity={"value": 20}),
    ]}
    score = score_document(gold, predicted)
    assert score.tp == 2 and score.field_right["quantity"] == 2


def test_pcode_within_ten_km_counts():
    gold = {"events": [{"id": "x", "type": "airstrike", "evidence": "غارة", "location": {"pcode": "C9"}}]}
    predicted = {"events": [_event("airstrike", "غارة", location={"pcode": "C8", "lat": 35.0, "lon": 36.0})]}
    near = score_document(gold, predicted, locate=lambda p: (35.05, 36.0))
    far = score_document(gold, predicted, locate=lambda p: (35.5, 36.0))
    assert near.field_right["pcode"] == 1 and far.field_right["pcode"] == 0


def test_text_contains_folds_spelling():
    assert text_contains("قُتل 11 مدنياً في إدلب", "قتل 11 مدنيا في ادلب")
    assert text_contains("“تجمع أحرار حوران”", "تجمع احرار حوران")
    assert not text_contains("", "x") and not text_contains("x", None)


def test_gold_names_may_be_lists_of_alternatives():
    from rasd.eval.score import score_document

    gold = {"events": [{"id": "g1", "type": "airstrike", "type_alt": ["shelling"], "actor": "قوات النظام",
                        "actor_alt": ["الجيش السوري", "النظام"], "source": ["ناشطون", "المرصد"],
                        "evidence": "غارة على البلدة"}]}
    predicted = {"events": [{"type": "shelling", "evidence": {"text": "غارة على البلدة صباح اليوم", "start": 0, "end": 26},
                             "actors": [{"role": "actor", "text": "الجيش السوري"}],
                             "attribution": {"source": "المرصد", "speaker": None}}]}
    score = score_document(gold, predicted)
    assert score.tp == 1 and score.field_right["actor"] == 1 and score.field_right["source"] == 1
