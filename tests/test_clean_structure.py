"""The structural side of the boilerplate classifier, with pages written here.

Cue families (a label noun before a cue, filler words after it, tag lists, a
comment form wherever it sits, Latin UI words), other stories' headlines between
paragraphs, and the first line that is a lead rather than a title. Each rule has
true cases and near misses: a real sub-heading, a one-line paragraph and a quoted
sentence must stay.
"""

from __future__ import annotations

import pytest

from rasd.records import Metadata
from rasd.text.clean import PageCleaner, reads_as_lead
from rasd.text.lines import describe_lines, split_page

CLEANER = PageCleaner.load()

# An invented article: a lead and six paragraphs on one story.
LEAD = "أعلنت فرق الدفاع المدني في ريف حماة الشمالي صباح الثلاثاء انتشال جثث سبعة مدنيين من تحت أنقاض مبنى سكني في بلدة اللطامنة."
PARAS = [
    "وقال متطوع في الفرق إن المبنى انهار بعد غارتين متتاليتين استهدفتا الحي الغربي للبلدة قبيل الفجر.",
    "وأضاف أن بين الضحايا امرأتين وثلاثة أطفال، وأن عمليات البحث ما زالت جارية عن مفقودين آخرين.",
    "ويعاني سكان البلدة من نقص حاد في الوقود والمواد الطبية منذ أشهر بسبب إغلاق الطرق المؤدية إليها.",
    "وكانت منظمات إغاثية قد حذرت الشهر الماضي من موجة نزوح جديدة إذا استمرت العمليات العسكرية في المنطقة.",
    "وتقع اللطامنة على خطوط التماس بين قوات الحكومة وفصائل المعارضة منذ سنوات عدة.",
    "وناشد المجلس المحلي في البلدة المنظمات الدولية إرسال فرق طبية ومعدات لرفع الأنقاض.",
]
TITLE = "انتشال جثث سبعة مدنيين من تحت الأنقاض في اللطامنة"


def _clean(*lines: str, title: str | None = TITLE):
    page = "\n\n".join(([title] if title is not None else []) + list(lines))
    return CLEANER.clean(page, doc_id="d", source="page.txt", meta=Metadata())


def _between(*middle: str, at: int = 2) -> tuple[str, ...]:
    return (LEAD, *PARAS[:at], *middle, *PARAS[at:])


def _kept(article) -> list[str]:
    return article.body.split("\n\n")


def _expected_body() -> str:
    return "\n\n".join([LEAD, *PARAS])


# ----------------------------------------------------------------- cue families


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("مواضيع قد تهمك: الأمم المتحدة تدعو إلى هدنة إنسانية في الشمال", "related"),
        ("موضوعات قد يهمك أيضاً | هدنة جديدة في الشمال", "related"),
        ("أخبار ذات صلة", "related"),
        ("كلمات مفتاحية: حماة، اللطامنة، غارات جوية", "tags"),
        ("وسوم: الدفاع المدني - الشمال السوري", "tags"),
        ("التصنيف: تقارير، أخبار سوريا", "tags"),
        ("لن ينشر بريدك الإلكتروني ولن يظهر للزوار", "comment_form"),
        ("تعليقات القراء", "comments"),
        ("آراء القراء (12)", "comments"),
        ("اكتب تعليقك هنا", "comments"),
        ("المقال التالي", "nav"),
        ("السابق", "nav"),
        ("Share on Facebook", "share"),
        ("Tweet this", "share"),
        ("Leave a reply", "comments"),
    ],
)
def test_cue_families_at_the_end_of_the_page(line, reason):
    article = _clean(LEAD, *PARAS, line)
    assert article.body == _expected_body()
    assert (line, reason) in {(r.text, r.reason) for r in article.removed}


@pytest.mark.parametrize(
    "line",
    [
        "مواضيع قد تهمك:",
        "قد تعجبك أيضاً",
        "اخترنا لكم",
    ],
)
def test_a_bare_related_label_takes_the_headlines_below_it(line):
    headlines = ("الأمم المتحدة تدعو إلى هدنة إنسانية في الشمال", "قافلة مساعدات تصل إلى إدلب بعد تأخير أسبوعين")
    article = _clean(*_between(line, *headlines))
    assert article.body == _expected_body()
    assert {r.text for r in article.removed} == {line, *headlines}


def test_a_bare_tags_label_takes_the_short_items_below_it():
    article = _clean(LEAD, *PARAS, "الوسوم", "حماة", "الدفاع المدني", "غارات جوية")
    assert article.body == _expected_body()
    assert [r.reason for r in article.removed] == ["tags"] * 4


def test_a_comment_form_goes_wherever_it_sits():
    # "اسمك" is a tail cue: in the middle of the page it goes because the form's other lines go.
    form = ("اترك رداً", "اسمك (مطلوب)", "الاسم", "البريد الإلكتروني", "إرسال التعليق")
    article = _clean(*_between(*form, at=1))
    assert article.body == _expected_body()
    assert [r.text for r in article.removed] == list(form)


def test_a_stub_between_boilerplate_lines_goes_with_them():
    article = _clean(LEAD, *PARAS, "شارك هذا المقال", "لينكد إن", "الوسوم")
    assert article.body == _expected_body()
    assert [r.reason for r in article.removed] == ["share", "share", "tags"]


def test_latin_ui_words_next_to_boilerplate_go():
    article = _clean(LEAD, *PARAS, "شارك", "Pinterest", "Email this page")
    assert article.body == _expected_body()
    assert len(article.removed) == 3


@pytest.mark.parametrize(
    "line",
    [
        "تعليقات القراء على المقال السابق أثارت جدلاً واسعاً في أوساط المعارضة.",
        "الكلمات المفتاحية في خطاب المبعوث كانت التهدئة والممرات الإنسانية.",
        "وجاء نص البيان على النحو التالي:",
        "Syrian Civil Defence",
        "قد يهمك أن تعرف أن البلدة فقدت نصف سكانها خلال عامين من القصف.",
        "لن يتم نشر القوات الإضافية قبل نهاية الشهر المقبل بحسب مصدر عسكري.",
    ],
)
def test_cue_words_inside_the_article_stay(line):
    article = _clean(*_between(line))
    assert line in _kept(article)


# ----------------------------------------------------------------- headlines of other stories

RELATED = (
    "الأمم المتحدة تدعو إلى هدنة إنسانية عاجلة في الشمال السوري",
    "تركيا تعزز نقاط المراقبة قرب الحدود مع إدلب",
    "ما الذي تغير في خريطة السيطرة بعد عامين من المعارك؟",
)


@pytest.mark.parametrize("run", [RELATED[:2], RELATED, RELATED[1:]])
def test_a_run_of_other_stories_headlines_between_paragraphs_goes(run):
    article = _clean(*_between(*run))
    assert article.body == _expected_body()
    assert [r.reason for r in article.removed] == ["related"] * len(run)


def test_a_lone_label_question_headline_goes():
    line = "الملف الكردي: إلى أين تتجه مفاوضات شرق الفرات؟"
    article = _clean(*_between(line))
    assert article.body == _expected_body()
    assert [(r.text, r.reason) for r in article.removed] == [(line, "related")]


def test_a_lone_headline_after_a_read_also_line_goes():
    article = _clean(*_between("اقرأ أيضاً: قافلة مساعدات تصل إلى إدلب", "تركيا تعزز نقاط المراقبة قرب الحدود مع إدلب"))
    assert article.body == _expected_body()
    assert [r.reason for r in article.removed] == ["read_also", "related"]


@pytest.mark.parametrize(
    "line",
    [
        "ضحايا الغارات بين النساء والأطفال",  # a sub-heading announcing the paragraph below
        "نقص حاد في الوقود والمواد الطبية",  # the same, without a verb
        "كيف بدأت الغارات على البلدة؟",  # a question sub-heading without a label
        "قصف مدفعي على قرية كفرزيتا المجاورة",  # a lone line that reads as a headline: kept, may be news
        "المرصد يقول إن عدد القتلى ارتفع إلى تسعة",  # a reporting frame makes it a sentence
        "عقوبات جديدة",  # a short sub-heading
    ],
)
def test_a_real_subheading_or_one_line_paragraph_stays(line):
    article = _clean(*_between(line))
    assert line in _kept(article)
    assert article.removed == ()


def test_the_last_line_of_a_run_that_announces_the_paragraph_below_stays():
    subheading = "نقص الوقود والمواد الطبية في البلدة"
    article = _clean(*_between(RELATED[0], RELATED[1], subheading))
    assert subheading in _kept(article)
    assert [r.text for r in article.removed] == list(RELATED[:2])


def test_a_list_announced_by_a_colon_stays():
    items = ("مقتل سبعة مدنيين في اللطامنة بريف حماة", "إصابة عشرة آخرين بجروح متفاوتة في الغارات", "نزوح مئات العائلات نحو الحدود التركية")
    article = _clean(*_between("وجاءت أبرز أحداث اليوم على النحو التالي:", *items))
    assert all(item in _kept(article) for item in items)


def test_an_interview_with_speaker_labels_stays():
    turns = (
        "المراسل: هل تسمح الحكومة بدخول فرق التحقيق إلى البلدة؟",
        "المتحدث: لا توجد أي عقبات أمام الفرق، وقد أبلغناهم بذلك.",
        "المراسل: لماذا تأخر دخولهم إذن أسبوعين كاملين؟",
    )
    article = _clean(*_between(*turns))
    assert all(turn in _kept(article) for turn in turns)


def test_verse_lines_stay():
    verse = ("يا حماة", "كم من بيت هدمته الغارات في ليل طويل", "وكم من طفل نام تحت الركام ولم يستيقظ", "يا حماة")
    article = _clean(*_between(*verse))
    assert all(line in _kept(article) for line in verse)


def test_a_quoted_sentence_ending_the_paragraph_stays():
    line = 'وختم المتطوع حديثه بالقول: "سنبقى هنا حتى نخرج آخر طفل من تحت الركام"'
    article = _clean(*_between(line))
    assert line in _kept(article)


# ----------------------------------------------------------------- title or lead


def test_a_page_opening_with_its_lead_has_no_title():
    article = _clean(LEAD, *PARAS, title=None)
    assert article.title == ""
    assert article.body == _expected_body()


def test_a_lead_that_lost_its_full_stop_is_still_body():
    lead = "قصفت مدفعية القوات الحكومية بلدة اللطامنة في ريف حماة فجر اليوم، ما أدى إلى مقتل سبعة مدنيين"
    article = _clean(lead, "وقال ناشطون إن", title=None)
    assert article.title == ""
    assert article.body.startswith(lead)


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "مقتل 7 مدنيين، بينهم ثلاثة أطفال، في غارات على ريف حماة",
        "روسيا تعلن إقامة مركز جديد في سوريا لاستقبال اللاجئين العائدين إلى مدنهم وقراهم",
        "الدفاع المدني: انتشال جثث سبعة مدنيين من تحت أنقاض مبنى في اللطامنة بعد غارتين.",
        "لماذا تصاعدت الغارات على ريف حماة الشمالي في الأسابيع الأخيرة، وما الذي تريده دمشق؟",
        "بعد غارتين فجراً.. انتشال جثث سبعة مدنيين في اللطامنة",
    ],
)
def test_a_title_stays_a_title(title):
    article = _clean(LEAD, *PARAS, title=title)
    assert article.title == title
    assert article.body == _expected_body()


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        (LEAD, True),
        ("قتل مدنيان في قصف على كفرنبل.", False),  # eight words needed with a full stop
        ("قتل مدنيان، بينهم طفل، في قصف على بلدة كفرنبل.", True),
        ("قال المرصد السوري إن مدنيين قتلا في قصف مدفعي على بلدة كفرنبل الليلة الماضية.", True),
        ("قصف مدفعي على كفرنبل، والمعارضة ترد باستهداف مواقع للقوات الحكومية قرب المدينة", False),
        ("قصفت القوات الحكومية كفرنبل، ما أسفر عن مقتل مدنيين اثنين وإصابة خمسة آخرين", True),
    ],
)
def test_reads_as_lead(line, lead):
    info = describe_lines(split_page(line), CLEANER.lexicon)[0]
    assert reads_as_lead(info, CLEANER.lexicon) is lead
