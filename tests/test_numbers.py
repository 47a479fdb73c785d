"""Quantities: number words, digits, approximate words, hedges, counted nouns, non-counts."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.numbers import NON_COUNT_UNITS, find_quantities, is_count, parse_number_words
from rasd.text.numbers_lexicon import NounLexicon, NumberLexicon
from rasd.text.normalize import normalize_key
from rasd.text.numbers_words import parse_digits

# ------------------------------------------------------------------ number words


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("واحد", 1),
        ("ألفي", 2000),  # the construct dual: "نزح أكثر من ألفي شخص"
        ("ألفا", 2000),  # alone, the dual of a construct: "ألفا شخص"
        ("خمسين ألفا", 50000),  # after a number, the accusative of ألف
        ("مليوني", 2000000),
        ("ثلاثة", 3),
        ("عشرة", 10),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("إحدى عشرة", 11),
        ("تسعة عشر", 19),
        ("عشرين", 20),
        ("خمسة وعشرين", 25),
        ("خمسةٌ وعشرونَ", 25),  # case endings do not matter
        ("خمسة و عشرين", 25),  # a spaced "و"
        ("تسعة وتسعين", 99),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتين", 200),
        ("ثلاثمئة", 300),
        ("ثلاث مئة", 300),  # spaced hundreds (pyarabic reads 103)
        ("ثلاث مائة وخمسون", 350),
        ("مئة وخمسة وعشرون", 125),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("أربعة عشر ألفاً", 14000),
        ("خمسين ألف", 50000),
        ("مئة ألف", 100000),
        ("مليون", 1000000),
        ("مليون ونصف", 1500000),
        ("نصف مليون", 500000),
        ("ثلاثة ملايين", 3000000),
        ("200 ألف", 200000),
        ("5.6 مليون", 5600000),
        ("مليون و200 ألف", 1200000),
        ("1,500", 1500),
        ("١٤", 14),
        ("۱۴", 14),
    ],
)
def test_parse_number_words_reads_numbers(phrase, value):
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize(
    "phrase",
    [
        "عشرات",  # approximate: a range, not a number
        "مئات",
        "خمسة وستة",  # two numbers
        "عشرين وخمسة",  # units come before tens
        "ألف ألف",
        "الثالث",  # ordinal
        "الأحد",  # Sunday
        "نصف",  # a fraction with no scale
        "مدينة",
        "2.5",  # not a whole number
        "",
    ],
)
def test_parse_number_words_refuses_what_is_not_a_number(phrase):
    assert parse_number_words(phrase) is None


def test_parse_digits_separators():
    assert parse_digits("1,500") == 1500
    assert parse_digits("1٬500") == 1500
    assert parse_digits("2٫5") == 2.5
    assert parse_digits("5.6", scaled=True) == 5.6
    assert parse_digits("1.500") == 1500  # grouping without a scale word
    assert parse_digits("1.500", scaled=True) == 1.5


# ------------------------------------------------------------------ quantities


def _row(q):
    return (q.text, q.value, q.min, q.max, q.approximate, q.unit, q.kind, q.noun)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits and their counted noun
        ("قتل 11 مدنياً في إدلب", [("11 مدنياً", 11, None, None, False, "civilians", None, "مدني")]),
        ("11 قتيلاً مدنياً في قصف", [("11 قتيلاً مدنياً", 11, None, None, False, "civilians", "killed", "قتيل")]),
        ("فضلاً عن 25 عنصر من نصيب", [("25 عنصر", 25, None, None, False, "fighters", None, "عنصر")]),
        ("انشق ٢٠ عنصراً", [("٢٠ عنصراً", 20, None, None, False, "fighters", None, "عنصر")]),
        ("اعتقال ۱۲ شاباً", [("۱۲ شاباً", 12, None, None, False, "people", None, "شاب")]),
        ("نزح أكثر من ألفي شخص", [("أكثر من ألفي شخص", None, 2001, None, True, "people", None, "شخص")]),
        ("تجاوز عدد القتلى 300", [("300", 300, None, None, False, None, None, None)]),
        ("قتل ما يتجاوز 300 شخص", [("ما يتجاوز 300 شخص", None, 301, None, True, "people", None, "شخص")]),
        ("قتل ما تجاوز 300 شخص", [("تجاوز 300 شخص", None, 301, None, True, "people", None, "شخص")]),
        # a proclitic glued on digits stays out of the span
        ("و14 من بلدة نينوى", [("14 من", 14, None, None, False, None, None, None)]),
        ("دفع بـ250 ألف شخص للفرار", [("250 ألف شخص", 250000, None, None, False, "people", None, "شخص")]),
        # the noun after "من": a plural noun is counted, a singular one is an origin
        ("ما لا يقل عن 1500 من مقاتلي الوحدات", [("ما لا يقل عن 1500 من مقاتلي", None, 1500, None, True, "fighters", None, "مقاتل")]),
        ("أكثر من 12 من علمائه", [("أكثر من 12 من علمائه", None, 13, None, True, "people", None, "عالم")]),
        ("20 من قرية الكرك الشرقي", [("20 من", 20, None, None, False, None, None, None)]),
        ("و5 أخرين من خربة غزالة", [("5 أخرين من", 5, None, None, False, None, None, None)]),
        # number words
        ("قتل خمسة وعشرين عنصرا", [("خمسة وعشرين عنصرا", 25, None, None, False, "fighters", None, "عنصر")]),
        ("ثلاثمئة وخمسون شخصا", [("ثلاثمئة وخمسون شخصا", 350, None, None, False, "people", None, "شخص")]),
        ("مقتل تسعة مقاتلين", [("تسعة مقاتلين", 9, None, None, False, "fighters", None, "مقاتل")]),
        ("بثلاثة صواريخ", [("ثلاثة صواريخ", 3, None, None, False, "missiles", None, "صاروخ")]),
        # approximate words (DESIGN.md ranges)
        ("قيام مئات العناصر بالانشقاق", [("مئات العناصر", None, 200, 999, True, "fighters", None, "عنصر")]),
        ("تخلف آلاف الشبان", [("آلاف الشبان", None, 2000, 9999, True, "people", None, "شاب")]),
        ("يفرون بالآلاف", [("الآلاف", None, 2000, 9999, True, None, None, None)]),
        ("مقتل العشرات", [("العشرات", None, 20, 99, True, None, None, None)]),
        ("نزوح عشرات الآلاف من المدنيين", [("عشرات الآلاف من المدنيين", None, 20000, 99999, True, "civilians", None, "مدني")]),
        ("مئات الآلاف", [("مئات الآلاف", None, 200000, 999999, True, None, None, None)]),
        ("بضعة آلاف من العناصر", [("بضعة آلاف من العناصر", None, 3000, 9999, True, "fighters", None, "عنصر")]),
        ("بضع مئات من المقاتلين", [("بضع مئات من المقاتلين", None, 300, 999, True, "fighters", None, "مقاتل")]),
        ("نحو مئات", [("نحو مئات", None, 200, 999, True, None, None, None)]),
        ("مقتل مدنيين اثنين", [("مدنيين اثنين", 2, None, None, False, "civilians", None, "مدني")]),
        ("ثمانية من الأهداف", [("ثمانية من الأهداف", 8, None, None, False, "targets", None, "هدف")]),
        ("عشرات المدن والبلدات", [("عشرات المدن والبلدات", None, 20, 99, True, "towns", None, "مدينة")]),
        ("سقوط عدد من القتلى", [("عدد من القتلى", None, None, None, True, "people", "killed", "قتيل")]),
        # hedges
        ("تخلف أكثر من 100 شاب", [("أكثر من 100 شاب", None, 101, None, True, "people", None, "شاب")]),
        ("نزح أكثر من 200 ألف مدني", [("أكثر من 200 ألف مدني", None, 200001, None, True, "civilians", None, "مدني")]),
        ("مقتل ما لا يقل عن 14 شخصاً", [("ما لا يقل عن 14 شخصاً", None, 14, None, True, "people", None, "شخص")]),
        ("نفذت 35 هجمة جوية روسية على الأقل", [("35 هجمة جوية روسية على الأقل", None, 35, None, True, "strikes", None, "هجمة")]),
        ("أوقعت 27 قتيلا على الأقل", [("27 قتيلا على الأقل", None, 27, None, True, "people", "killed", "قتيل")]),
        ("تظاهر نحو عشرة آلاف كردي", [("نحو عشرة آلاف كردي", 10000, None, None, True, "people", None, "كردي")]),
        ("ضمت نحو 15 ألف شخص", [("نحو 15 ألف شخص", 15000, None, None, True, "people", None, "شخص")]),
        ("مقتل ما يقدر بنحو نصف مليون شخص", [("ما يقدر بنحو نصف مليون شخص", 500000, None, None, True, "people", None, "شخص")]),
        ("فرار قرابة 5.6 مليون إلى الخارج", [("قرابة 5.6 مليون", 5600000, None, None, True, None, None, None)]),
        ("حوالي 30 صاروخا", [("حوالي 30 صاروخا", 30, None, None, True, "missiles", None, "صاروخ")]),
        ("زهاء 40 قذيفة", [("زهاء 40 قذيفة", 40, None, None, True, "shells", None, "قذيفة")]),
        ("أقل من 10 أشخاص", [("أقل من 10 أشخاص", None, None, 9, True, "people", None, "شخص")]),
        ("ما بين 100 و200 كيلومتر", [("ما بين 100 و200 كيلومتر", None, 100, 200, True, "km", None, "كيلومتر")]),
        ("اعتقال 20-30 شخصا", [("20-30 شخصا", None, 20, 30, True, "people", None, "شخص")]),
        ("عشرين ونيف قتيلا", [("عشرين ونيف قتيلا", None, 21, None, True, "people", "killed", "قتيل")]),
        # duals, "واحد", and a bare singular joined to a count
        ("سقوط قتيلين", [("قتيلين", 2, None, None, False, "people", "killed", "قتيل")]),
        ("انشقاق عنصرين من قوات النظام", [("عنصرين", 2, None, None, False, "fighters", None, "عنصر")]),
        ("مقتل جنديين", [("جنديين", 2, None, None, False, "soldiers", None, "جندي")]),
        ("طفلان", [("طفلان", 2, None, None, False, "children", None, "طفل")]),
        ("تصدت لصاروخين إسرائيليين", [("صاروخين", 2, None, None, False, "missiles", None, "صاروخ")]),
        ("طائرتين مسيرتين", [("طائرتين مسيرتين", 2, None, None, False, "drones", None, "طائرة")]),
        ("مقتل طيار واحد", [("طيار واحد", 1, None, None, False, "soldiers", None, "طيار")]),
        ("قتل رجلا واحدا على الأقل", [("رجلا واحدا على الأقل", None, 1, None, True, "people", None, "رجل")]),
        ("مقتل أحد العناصر", [("أحد العناصر", 1, None, None, False, "fighters", None, "عنصر")]),
        ("قتيل و6 جرحى في غارات", [("قتيل", 1, None, None, False, "people", "killed", "قتيل"),
                                   ("6 جرحى", 6, None, None, False, "people", "injured", "جريح")]),
        ("مقتل 5 أشخاص وإصابة 10 آخرين", [("5 أشخاص", 5, None, None, False, "people", None, "شخص"),
                                          ("10 آخرين", 10, None, None, False, None, None, None)]),
        ("ارتفع العدد من 20 إلى 30 قتيلا", [("20", 20, None, None, False, None, None, None),
                                            ("30 قتيلا", 30, None, None, False, "people", "killed", "قتيل")]),
    ],
)
def test_find_quantities(text, expected):
    assert [_row(q) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("منذ عام 2015", "year", None),
        ("© قناة العربية 2018", "year", None),
        ("في 20 كانون الثاني/يناير", "date", None),
        ("في 14/5/2019 قتل", "date", None),
        ("في 2018-03-17", "date", None),
        ("في الساعة 10:30 صباحا", "time", None),
        ("الساعة 5 فجرا", "time", None),
        ("دكتاتوري 100%", "percent", None),
        ("ارتفع 40 في المئة", "percent", None),
        ("القرار 2401 الصادر", "label", None),
        ("الفرقة 11 دبابات", "label", None),
        ("من نوع إف-16", "label", None),
        ("مقاتلة F35 إسرائيلية", "label", None),
        ("في 1433هـ", "year", None),
        ("\n4- الكويت", "label", None),
        ("طائرة سوخوي 24", "label", None),
        ("في الذكرى الـ17 لأحداث", "ordinal", None),
        ("يبلغ من العمر 16 عاماً", "years", "age"),
        ("عمره 16 عاماً", "years", "age"),
        ("طائرة F-16", "label", None),
        ("البالغ 58 عاما", "years", "age"),
        ("صبي في الـ 16 من عمره", "years", "age"),
        ("منذ 25 عاما", "years", None),
        ("قبل ثلاثة أيام", "days", None),
    ],
)
def test_numbers_that_are_not_counts_are_flagged(text, unit, kind):
    quantities = find_quantities(text)
    assert [(q.unit, q.kind) for q in quantities] == [(unit, kind)]
    assert not is_count(quantities[0])
    assert unit in NON_COUNT_UNITS


@pytest.mark.parametrize(
    "text",
    [
        "أكثر من مرة",  # a hedge with no number
        "توجه نحو المدينة",  # "نحو" is "towards" here
        "في وقت واحد",  # "واحد" without a counted noun
        "لم يصب أحد",  # "أحد" is "anyone"
        "يوم الأحد",  # Sunday
        "يوم الاثنين",  # Monday, not "two"
        "الدول الثالثة",  # ordinal
        "لست أدري",  # "لست" is not "ل + ست"
        "العديد",  # "many" with no noun
        "مدنيين",  # a plural that looks like a dual
        "القتيلين",  # a definite dual refers back, it does not count
        "حركة طالبان",  # the Taliban, not two students
        "بحسب عاملين في الإغاثة",  # a plural that looks like a dual
        "تحدث عن الأوضاع",
        "",
    ],
)
def test_near_misses_give_no_count(text):
    assert [q for q in find_quantities(text) if is_count(q)] == []


def test_a_counted_noun_takes_no_preposition():
    (quantity,) = find_quantities("مقتل العشرات بهجوم")
    assert quantity.text == "العشرات" and quantity.noun is None


def test_a_coordinated_singular_shares_the_number():
    # "وسجين" shares the number of "1500 مدني" (a singular after 100+): no count of 1
    assert [q.text for q in find_quantities("أكثر من 1500 مدني وسجين")] == ["أكثر من 1500 مدني"]


def test_killed_and_injured_are_two_quantities():
    rows = [(q.text, q.value, q.kind) for q in find_quantities("سقوط 20 قتيلاً و30 جريحاً")]
    assert rows == [("20 قتيلاً", 20, "killed"), ("30 جريحاً", 30, "injured")]


def test_two_counts_in_one_phrase():
    rows = [(q.value, q.kind) for q in find_quantities("قتل 5 قتلى وجريح")]
    assert rows == [(5, "killed"), (1, "injured")]


def test_spans_follow_the_offset():
    text = "قتل 11 مدنياً"
    (quantity,) = find_quantities(text, offset=100)
    assert (quantity.start, quantity.end) == (104, 113)
    assert text[quantity.start - 100 : quantity.end - 100] == quantity.text


def test_diacritics_and_tatweel_do_not_matter():
    (quantity,) = find_quantities("قُتِلَ خَمْسَةٌ وَعِشْرُونَ عُنْصُـــراً")
    assert quantity.value == 25 and quantity.unit == "fighters"
    assert quantity.text == "خَمْسَةٌ وَعِشْرُونَ عُنْصُـــراً"


def test_lexicons_load_and_pickle():
    numbers, nouns = NumberLexicon.load(), NounLexicon.load()
    assert pickle.loads(pickle.dumps(numbers)) == numbers
    assert pickle.loads(pickle.dumps(nouns)) == nouns
    assert numbers.ranges[normalize_key("مئات")] == ("vague", 200, 999)
    assert nouns.match("وقتيلين").number == "dual"
    assert nouns.match("مدنيين").number == "plural"  # never read as a dual
    assert nouns.match("بالمدنيين", proclitics=False) is None


# ------------------------------------------------------------------ properties

_SCRIPTS = {"latin": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


def _in_script(number: int, script: str) -> str:
    return "".join(_SCRIPTS[script][int(d)] for d in str(number))


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(sorted(_SCRIPTS)), st.sampled_from(["", "و", "ب", "بـ", "ل"]))
def test_any_number_in_digits_is_read_back(number, script, proclitic):
    digits = _in_script(number, script)
    text = f"قال {proclitic}{digits} فقط"
    (quantity,) = find_quantities(text)
    assert quantity.value == number
    assert quantity.text == digits


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(sorted(_SCRIPTS)))
def test_parse_number_words_reads_any_digits(number, script):
    assert parse_number_words(_in_script(number, script)) == number


_ALPHABET = st.sampled_from(
    list("قتلمدنيعصرابوهةىئءأإآ") + list("0123456789٠١٢٣٤٥٦٧٨٩۱۲") + [" ", "\n", "،", ".", "/", "-", "%", "\u064b", "\u0640", "\u0651"]
    + ["عشرات ", "مئات ", "آلاف ", "أكثر من ", "نحو ", "على الأقل ", "خمسة ", "وعشرين ", "ألف ", "قتيلا ", "من ", "عنصرين "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.integers(min_value=0, max_value=500))
def test_spans_are_in_bounds_and_quote_the_source(text, offset):
    previous_start = -1
    for quantity in find_quantities(text, offset):
        assert offset <= quantity.start <= quantity.end <= offset + len(text)
        assert text[quantity.start - offset : quantity.end - offset] == quantity.text
        assert quantity.start >= previous_start
        previous_start = quantity.start
        assert quantity.min is None or quantity.max is None or quantity.min <= quantity.max
