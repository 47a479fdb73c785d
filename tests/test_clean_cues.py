"""Every cue of rasd/data/boilerplate_cues.tsv: a true case and a near miss.

A true case is the cue as a page line where the cue may appear (the top of the
page for ``top`` cues, the end for ``tail``/``edge``/``any``): the line must be
removed with the cue's kind as the reason. A near miss puts the cue inside a
real sentence in the middle of the article: the line must stay.
"""

from __future__ import annotations

import pytest

from rasd.errors import DataError
from rasd.records import Metadata
from rasd.text.clean import PageCleaner
from rasd.text.lines import BOILERPLATE_KINDS, CueLexicon, describe_lines, split_page, starts_with_connective

LEXICON = CueLexicon.load()
CLEANER = PageCleaner(lexicon=LEXICON)
CUES = [cue for cue in LEXICON.cues if cue.kind in BOILERPLATE_KINDS]

BODY = [
    "قالت مصادر محلية إن قوات النظام قصفت بلدة في ريف إدلب الجنوبي صباح اليوم.",
    "وأضافت المصادر أن القصف أسفر عن مقتل ثلاثة مدنيين وإصابة آخرين بجروح.",
    "وتشهد المنطقة تصعيداً عسكرياً منذ أسابيع بحسب المرصد السوري لحقوق الإنسان.",
    "وقال ناشطون إن الطيران الحربي شن غارات على قرى مجاورة دون أن ترد أنباء عن ضحايا.",
    "وكانت فصائل المعارضة قد أعلنت صد محاولة تقدم لقوات النظام على محور البلدة الشمالي.",
    "وأشار المرصد إلى أن حصيلة القتلى مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة.",
    "ويعيش في المحافظة نحو ثلاثة ملايين شخص نصفهم من النازحين من مناطق أخرى.",
    "ودعت الأمم المتحدة إلى حماية المدنيين والسماح بدخول المساعدات الإنسانية إلى المنطقة.",
]


def _clean(lines: list[str]):
    return CLEANER.clean("\n\n".join(["عنوان الخبر", *lines]), doc_id="d", source="d", meta=Metadata())


def _true_line(cue) -> str:
    if cue.mode in ("head", "head_sep"):
        return f"{cue.text}: روسيا تعلن هدنة جديدة في إدلب"
    return cue.text


def _near_miss(cue) -> str:
    if cue.mode == "line":
        return f"{cue.text} عشرات المدنيين في مظاهرة حاشدة وسط المدينة يوم الجمعة الماضي رفضاً للقصف."
    if cue.mode in ("head", "head_sep"):
        return f"{cue.text} المتحدث باسم الدفاع المدني أن فرق الإنقاذ انتشلت جثث الضحايا من تحت الأنقاض صباح اليوم."
    return f"وقال المتحدث باسم الهيئة إن عبارة {cue.text} وردت في البيان الذي نشرته الوزارة صباح اليوم عن الأوضاع في المدينة."


def test_lexicon_has_every_kind():
    assert {cue.kind for cue in CUES} == BOILERPLATE_KINDS - {"contact"}
    assert len(CUES) > 100


@pytest.mark.parametrize("cue", CUES, ids=lambda c: f"{c.kind}-{c.mode}-{c.text}")
def test_cue_true_case_is_removed(cue):
    line = _true_line(cue)
    lines = [line, *BODY] if cue.where == "top" else [*BODY, line]
    article = _clean(lines)
    assert line not in article.body.split("\n\n")
    assert (line, cue.kind) in {(r.text, r.reason) for r in article.removed} or any(
        r.text == line for r in article.removed
    )


@pytest.mark.parametrize("cue", CUES, ids=lambda c: f"{c.kind}-{c.mode}-{c.text}")
def test_cue_near_miss_is_kept(cue):
    line = _near_miss(cue)
    article = _clean([*BODY[:4], line, *BODY[4:]])
    assert line in article.body.split("\n\n")
    assert article.removed == ()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("شارك", "share"),
        ("شارك هذا المقال", "share"),
        ("شارك عبر", "share"),
        ("إغلاق", "close"),
        ("الوسوم", "tags"),
        ("الوسوم: سوريا، إدلب، روسيا", "tags"),
        ("تعليقات فيسبوك", "comments"),
        ("اترك تعليقاً", "comments"),
        ("لن يتم نشر عنوان بريدك الإلكتروني.", "comment_form"),
        ("مقالات ذات صلة", "related"),
        ("...المزيد", "related"),
        ("إقرأ أيضاً: روسيا حسمت أمرها", "read_also"),
        ("اقرأ أيضا| السعودية تنفي أنباء مقتل الصحفي", "read_also"),
        ("اقرأ.. سوريا.. مقتل العشرات بهجوم كيماوي محتمل.. والنظام ينفي", "read_also"),
        ("للمزيد: الدول الغربية مصممة على شن ضربات عسكرية", "read_also"),
        ("أيضاً.. ترامب يجمّد مساعدات بقيمة 200 مليون دولار", "read_also"),
        ("© 2018 بي بي سي. جميع الحقوق محفوظة", "copyright"),
        ("بي بي سي ليست مسؤولة عن محتوى المواقع الخارجية.", "footer"),
        (
            "يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
            "footer",
        ),
        ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "footer"),
        ("// انتهى //", "footer"),
        ("فرانس 24/ أ ف ب", "credit"),
        ('* نقلا عن "الحياة" اللندنية', "credit"),
        ("---------------------------------------", "rule"),
        ("___________________________________________", "rule"),
        ("tariq@example.com", "contact"),
        ("14:31 ت م", "date"),
    ],
)
def test_footer_lines_are_removed_with_their_reason(line, reason):
    article = _clean([*BODY, line])
    assert [(r.text, r.reason) for r in article.removed] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "شارك آلاف في مظاهرة",
        "شارك آلاف السوريين في مظاهرة حاشدة وسط إدلب يوم الجمعة.",
        "إغلاق المعبر الحدودي مع الأردن",
        "إغلاق المعبر الحدودي مع الأردن أمام حركة الشاحنات منذ أسبوع.",
        "وقال إن الوسوم التي انتشرت على تويتر تطالب بوقف القصف على المدينة.",
        "تعليقات الوزير أثارت جدلاً واسعاً في البرلمان.",
        "وأضاف أن جميع الحقوق محفوظة للشعب السوري في تقرير مصيره بعد سنوات الحرب الطويلة.",
        "ونقلت وكالة رويترز عن مصدر عسكري أن القوات انسحبت من المدينة بعد معارك عنيفة.",
        "نقلا عن مصادر محلية، قال المرصد إن القصف أسفر عن مقتل خمسة مدنيين في البلدة.",
        "وأكد أن الضربات وقائية ايضًا.. واضاف المسؤول أن التنظيم يكدس السلاح منذ أسابيع.",
        "الموقع الذي استهدفته الغارة يقع قرب الحدود السورية اللبنانية.",
        "- 2013 -",
    ],
)
def test_sentences_holding_cue_words_are_kept(line):
    article = _clean([*BODY[:4], line, *BODY[4:]])
    assert line in article.body.split("\n\n")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("وقال", "المرصد"), True),
        (("فيما", "قال"), True),
        (("و", "قال"), True),
        (("وجه", "رئيس"), False),
        (("وزير", "الخارجية"), False),
        (("واشنطن", "تعلن"), False),
        (("فرض", "الاتحاد"), False),
        (("في", "أول"), False),
        (("قال", "المرصد"), False),
    ],
)
def test_connective_start(words, expected):
    from rasd.text.normalize import normalize_key

    assert starts_with_connective(tuple(normalize_key(w) for w in words), LEXICON) is expected


def test_opener_start():
    infos = describe_lines(split_page("من جهته، قال المتحدث إن القوات انسحبت.\nيذكر أن المدينة تشهد معارك.\nقال المتحدث إن القوات انسحبت."), LEXICON)
    assert [info.opener for info in infos] == [True, True, False]


def test_broken_lexicon_row_is_a_data_error():
    with pytest.raises(DataError) as error:
        CueLexicon.parse("شارك\tshare\tline\n", "cues.tsv")
    assert error.value.code == "D101" and "cues.tsv:1" in error.value.message
    with pytest.raises(DataError):
        CueLexicon.parse("شارك\tshare\teverywhere\tany\n")
