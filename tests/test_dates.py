"""Dates and relative time phrases, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.dates import find_times
from rasd.text.dates_calendar import last_weekday, month_range, next_weekday, shift, week_range
from rasd.text.dates_lexicon import DateLexicon

D = dt.date
SAT = D(2018, 3, 17)  # a Saturday


def _row(t):
    return (t.text, t.date_start, t.date_end, t.precision, t.basis)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # explicit dates, both month series, paired or not
        ("في 20 كانون الثاني/يناير", SAT, ("20 كانون الثاني/يناير", D(2018, 1, 20), D(2018, 1, 20), "day", "explicit")),
        ("يوم 14 أيار/مايو 2019", SAT, ("14 أيار/مايو 2019", D(2019, 5, 14), D(2019, 5, 14), "day", "explicit")),
        ("في ١٤ أيار ٢٠١٩", None, ("١٤ أيار ٢٠١٩", D(2019, 5, 14), D(2019, 5, 14), "day", "explicit")),
        ("منذ 19 يونيو/حزيران.", D(2018, 6, 28), ("منذ 19 يونيو/حزيران", D(2018, 6, 19), D(2018, 6, 28), "day", "explicit")),
        ("يوم 10/ سبتمبر أيلول، حسبما", D(2018, 9, 11), ("10/ سبتمبر أيلول", D(2018, 9, 10), D(2018, 9, 10), "day", "explicit")),
        ("في السابع من إبريل/ نيسان الحالي", D(2018, 4, 14), ("السابع من إبريل/ نيسان الحالي", D(2018, 4, 7), D(2018, 4, 7), "day", "explicit")),
        ("في التاسع من نيسان/أبريل", D(2018, 5, 8), ("التاسع من نيسان/أبريل", D(2018, 4, 9), D(2018, 4, 9), "day", "explicit")),
        ("في نوفمبر/ تشرين الثاني", D(2018, 2, 11), ("نوفمبر/ تشرين الثاني", D(2017, 11, 1), D(2017, 11, 30), "month", "explicit")),
        ("في نهاية نيسان/أبريل", D(2018, 5, 8), ("نهاية نيسان/أبريل", D(2018, 4, 24), D(2018, 4, 30), "week", "explicit")),
        ("مطلع آذار", SAT, ("مطلع آذار", D(2018, 3, 1), D(2018, 3, 7), "week", "explicit")),
        ("أنه 11 مارس الماضي قد", D(2018, 4, 25), ("11 مارس الماضي", D(2018, 3, 11), D(2018, 3, 11), "day", "explicit")),
        ("في 8 أكتوبر من العام المنصرم", D(2018, 4, 25), ("8 أكتوبر من العام المنصرم", D(2017, 10, 8), D(2017, 10, 8), "day", "explicit")),
        ("في عام 2012", None, ("عام 2012", D(2012, 1, 1), D(2012, 12, 31), "year", "explicit")),
        ("منذ عام 2015، عن", SAT, ("منذ عام 2015", D(2015, 1, 1), SAT, "year", "explicit")),
        ("منذ 2011.", SAT, ("منذ 2011", D(2011, 1, 1), SAT, "year", "explicit")),
        ("في 14/5/2019", None, ("14/5/2019", D(2019, 5, 14), D(2019, 5, 14), "day", "explicit")),
        ("بتاريخ 2018-03-17", None, ("2018-03-17", SAT, SAT, "day", "explicit")),
        # a month with a relative year
        ("وفي يوليو/تموز من العام الماضي اتفقت", D(2018, 6, 28), ("يوليو/تموز من العام الماضي", D(2017, 7, 1), D(2017, 7, 31), "month", "relative")),
        ("في كانون الأول/ديسمبر الماضي", D(2018, 5, 8), ("كانون الأول/ديسمبر الماضي", D(2017, 12, 1), D(2017, 12, 31), "month", "relative")),
        ("في أيلول المقبل", SAT, ("أيلول المقبل", D(2018, 9, 1), D(2018, 9, 30), "month", "relative")),
        # days relative to publication
        ("أمس", SAT, ("أمس", D(2018, 3, 16), D(2018, 3, 16), "day", "relative")),
        ("البارحة", SAT, ("البارحة", D(2018, 3, 16), D(2018, 3, 16), "day", "relative")),
        ("أول أمس", SAT, ("أول أمس", D(2018, 3, 15), D(2018, 3, 15), "day", "relative")),
        ("الليلة الماضية", SAT, ("الليلة الماضية", D(2018, 3, 16), D(2018, 3, 16), "day", "relative")),
        ("فجر اليوم", SAT, ("فجر اليوم", SAT, SAT, "day", "relative")),
        ("اليوم الأربعاء", D(2018, 7, 18), ("اليوم الأربعاء", D(2018, 7, 18), D(2018, 7, 18), "day", "relative")),
        ("أمس الثلاثاء أن", D(2018, 4, 25), ("أمس الثلاثاء", D(2018, 4, 24), D(2018, 4, 24), "day", "relative")),
        ("غداً", SAT, ("غداً", D(2018, 3, 18), D(2018, 3, 18), "day", "relative")),
        # weekdays: the latest such day on or before publication; الماضي strictly before
        ("قُتل 11 مدنياً، السبت، في", SAT, ("السبت", SAT, SAT, "day", "relative")),
        ("وأسفر القصف، الجمعة، عن", SAT, ("الجمعة", D(2018, 3, 16), D(2018, 3, 16), "day", "relative")),
        ("فجر الاثنين", D(2018, 4, 11), ("فجر الاثنين", D(2018, 4, 9), D(2018, 4, 9), "day", "relative")),
        ("والثلاثاء الماضي", D(2018, 9, 6), ("الثلاثاء الماضي", D(2018, 9, 4), D(2018, 9, 4), "day", "relative")),
        ("يوم الجمعة الماضية", D(2018, 9, 11), ("يوم الجمعة الماضية", D(2018, 9, 7), D(2018, 9, 7), "day", "relative")),
        ("السبت الماضي", SAT, ("السبت الماضي", D(2018, 3, 10), D(2018, 3, 10), "day", "relative")),
        ("الخميس المقبل", SAT, ("الخميس المقبل", D(2018, 3, 22), D(2018, 3, 22), "day", "relative")),
        ("ليل الأربعاء الخميس", D(2018, 5, 11), ("ليل الأربعاء الخميس", D(2018, 5, 9), D(2018, 5, 10), "day", "relative")),
        ("ليل الثلاثاء إلى الأربعاء", D(2018, 7, 18), ("ليل الثلاثاء إلى الأربعاء", D(2018, 7, 17), D(2018, 7, 18), "day", "relative")),
        ("ومنذ مساء الأربعاء، نزح", SAT, ("منذ مساء الأربعاء", D(2018, 3, 14), SAT, "day", "relative")),
        ("في وقت مبكر الاثنين", D(2018, 4, 9), ("في وقت مبكر الاثنين", D(2018, 4, 9), D(2018, 4, 9), "day", "relative")),
        # durations
        ("قبل ثلاثة أيام", SAT, ("قبل ثلاثة أيام", D(2018, 3, 14), D(2018, 3, 14), "day", "relative")),
        ("قبل يومين", SAT, ("قبل يومين", D(2018, 3, 15), D(2018, 3, 15), "day", "relative")),
        ("منذ ثلاثة أيام", SAT, ("منذ ثلاثة أيام", D(2018, 3, 14), SAT, "day", "relative")),
        ("قبل أيام", SAT, ("قبل أيام", D(2018, 3, 10), D(2018, 3, 16), "week", "relative")),
        ("قبل بضعة أيام", SAT, ("قبل بضعة أيام", D(2018, 3, 10), D(2018, 3, 16), "week", "relative")),
        ("بعد أقل من يومين على صدور فتوى", SAT, ("أقل من يومين", D(2018, 3, 15), SAT, "day", "relative")),
        ("منذ حوالي عام تقريباً، قبل", SAT, ("منذ حوالي عام تقريباً", D(2017, 3, 17), SAT, "year", "relative")),
        ("منذ نحو شهر", SAT, ("منذ نحو شهر", D(2018, 2, 17), SAT, "month", "relative")),
        ("خلال الـ24 ساعة الماضية", SAT, ("الـ24 ساعة الماضية", D(2018, 3, 16), SAT, "day", "relative")),
        ("خلال الأيام الثلاثة الماضية", SAT, ("الأيام الثلاثة الماضية", D(2018, 3, 14), SAT, "day", "relative")),
        ("خلال الأيام المقبلة", SAT, ("الأيام المقبلة", SAT, D(2018, 3, 24), "week", "relative")),
        # calendar periods (weeks run Saturday to Friday)
        ("الأسبوع الماضي", SAT, ("الأسبوع الماضي", D(2018, 3, 10), D(2018, 3, 16), "week", "relative")),
        ("هذا الأسبوع", SAT, ("هذا الأسبوع", SAT, D(2018, 3, 23), "week", "relative")),
        ("الشهر الماضي", SAT, ("الشهر الماضي", D(2018, 2, 1), D(2018, 2, 28), "month", "relative")),
        ("خلال العام الفائت", D(2018, 4, 25), ("العام الفائت", D(2017, 1, 1), D(2017, 12, 31), "year", "relative")),
        ("السنة المقبلة", SAT, ("السنة المقبلة", D(2019, 1, 1), D(2019, 12, 31), "year", "relative")),
    ],
)
def test_find_times_resolves(text, published, expected):
    assert [_row(t) for t in find_times(text, published)] == [expected]


@pytest.mark.parametrize(
    ("text", "precision", "basis"),
    [
        ("بعد أقل من يومين على صدور فتوى", "day", "relative"),
        ("منذ حوالي عام تقريباً", "year", "relative"),
        ("السبت", "day", "relative"),
        ("أمس", "day", "relative"),
        ("العام الماضي", "year", "relative"),
        ("20 كانون الثاني", "day", "explicit"),  # no year and no publication date
        ("في يوليو/تموز من العام الماضي", "month", "relative"),
    ],
)
def test_without_a_publication_date_nothing_is_guessed(text, precision, basis):
    (time,) = find_times(text, None)
    assert (time.date_start, time.date_end, time.precision, time.basis) == (None, None, precision, basis)


def test_an_explicit_year_needs_no_publication_date():
    (time,) = find_times("في 20 كانون الثاني/يناير 2018", None)
    assert time.date_start == D(2018, 1, 20)


def test_a_phrase_anchored_on_another_event_is_not_resolved():
    (time,) = find_times("قبل يومين من الهجوم", SAT)
    assert time.text == "قبل يومين" and time.date_start is None and time.basis == "relative"


@pytest.mark.parametrize(
    "text",
    [
        "الأمين العام للأمم المتحدة",  # "العام" is "general"
        "الرأي العام",
        "في اليوم التالي",  # the next day, relative to another event
        "ذلك اليوم",
        "نحو 5 حبارى في اليوم",  # per day
        "صلاة الجمعة",  # a Friday in general
        "كل أحد",
        "مارس الضغط على الحكومة",  # "مارس" the verb
        "حرب يونيو",  # a month name with no date context
        "عاد إلى أبيه",
        "بعد يوم واحد من الهجوم",  # "بعد" phrases are anchored on an event
        "في 1850 شخصا",  # not a year in range with a year word
        "في 31/2/2018",  # no such day
        "",
    ],
)
def test_near_misses_give_no_time(text):
    assert find_times(text, SAT) == []


def test_spans_follow_the_offset_and_leave_out_proclitics():
    text = "وقتل مساء الجمعة 16 مدنياً"
    (time,) = find_times(text, SAT, offset=10)
    assert time.text == "مساء الجمعة"
    assert text[time.start - 10 : time.end - 10] == time.text


def test_datetime_publication_is_accepted():
    (time,) = find_times("أمس", dt.datetime(2018, 3, 17, 16, 32))
    assert time.date_start == D(2018, 3, 16)


def test_several_phrases_are_sorted_by_start():
    texts = [t.text for t in find_times("قتل السبت 5، بعد غارات الجمعة، منذ 20 كانون الثاني/يناير", SAT)]
    assert texts == ["السبت", "الجمعة", "منذ 20 كانون الثاني/يناير"]


def test_lexicon_loads_and_pickles():
    lexicon = DateLexicon.load()
    assert pickle.loads(pickle.dumps(lexicon)).months == lexicon.months
    assert lexicon.weekdays["السبت"] == 5


def test_calendar_helpers():
    assert shift(D(2018, 3, 31), "month", -1) == D(2018, 2, 28)
    assert shift(D(2016, 2, 29), "year", -1) == D(2015, 2, 28)
    assert month_range(2018, 2) == (D(2018, 2, 1), D(2018, 2, 28))
    assert week_range(D(2018, 3, 16)) == (D(2018, 3, 10), D(2018, 3, 16))
    assert last_weekday(SAT, 5) == SAT and last_weekday(SAT, 5, strict=True) == D(2018, 3, 10)
    assert next_weekday(SAT, 5) == D(2018, 3, 24)
    with pytest.raises(OverflowError):
        shift(D(2018, 1, 1), "year", -10**6)


_PIECES = st.sampled_from(
    ["السبت ", "الجمعة ", "الماضي ", "المقبل ", "أمس ", "اليوم ", "فجر ", "ليل ", "منذ ", "قبل ", "أقل من ", "حوالي ",
     "أيام ", "يومين ", "عام ", "العام ", "الشهر ", "20 ", "2018 ", "١٤ ", "كانون الثاني", "/يناير ", "نيسان ", "من ",
     "التاسع ", "نهاية ", "و", "، ", "\n", "ً", "ـ", "x", "14/5/2019 ", "99999999 ", "31 "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.sampled_from([None, SAT, D(1, 1, 3), D(9999, 12, 30)]), st.integers(0, 50))
def test_spans_are_in_bounds_and_dates_ordered(text, published, offset):
    for time in find_times(text, published, offset):
        assert offset <= time.start <= time.end <= offset + len(text)
        assert text[time.start - offset : time.end - offset] == time.text
        assert time.basis in ("explicit", "relative")
        assert time.precision in ("day", "week", "month", "year")
        if time.date_start is not None and time.date_end is not None:
            assert time.date_start <= time.date_end
