"""Page cleaning: golden checks on the seed and the dev set, and cases written here."""

from __future__ import annotations

import json
import pickle

import pytest

from conftest import DEV_DIR, SEED_DIR, dev_folders  # noqa: E402
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.errors import CleanError
from rasd.records import Metadata
from rasd.text.clean import PageCleaner, clean_page, find_dateline, parse_byline

GOLDEN = [SEED_DIR] + dev_folders()


@pytest.fixture(scope="module")
def cleaner() -> PageCleaner:
    return PageCleaner.load()


def _clean_folder(folder, cleaner):
    meta = {}
    if (folder / "meta.json").exists():
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    text = (folder / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["article"]
    article = cleaner.clean(text, doc_id=folder.name, source=str(folder), meta=Metadata(outlet=meta.get("outlet")))
    return text, gold, article


def test_golden_set_is_there():
    assert SEED_DIR.is_dir() and DEV_DIR.is_dir()
    assert len(GOLDEN) == 31


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_title(folder, cleaner):
    _, gold, article = _clean_folder(folder, cleaner)
    assert article.title == gold["title"]


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_body_keeps_what_it_must(folder, cleaner):
    _, gold, article = _clean_folder(folder, cleaner)
    missing = [snippet for snippet in gold["body_must_contain"] if snippet not in article.body]
    assert not missing


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_body_drops_what_it_must(folder, cleaner):
    _, gold, article = _clean_folder(folder, cleaner)
    present = [snippet for snippet in gold["body_must_not_contain"] if snippet in article.body]
    assert not present


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_long_original_boilerplate_is_dropped(folder, cleaner):
    # Teasers and app footers must go. Short related-story headlines in the middle of
    # a BBC page (BB-middleEast-41) read like sub-headings, which are kept on purpose.
    _, gold, article = _clean_folder(folder, cleaner)
    long_lines = [line for line in gold.get("original_boilerplate", []) if len(line.split()) >= 12 or "---" in line]
    assert not [line for line in long_lines if line in article.body]


@pytest.mark.parametrize("folder", GOLDEN, ids=lambda p: p.name)
def test_golden_kept_lines_are_source_lines(folder, cleaner):
    text, _, article = _clean_folder(folder, cleaner)
    source_lines = {line.strip() for line in text.splitlines()}
    for line in article.body.split("\n"):
        assert line == "" or line in source_lines


def test_seed_outlet_byline_and_removed(cleaner):
    _, gold, article = _clean_folder(SEED_DIR, cleaner)
    assert (article.outlet, article.byline) == (gold["outlet"], gold["byline"])
    reasons = {line.reason for line in article.removed}
    assert {"byline", "read_also", "comments", "tags", "comment_form", "related", "close"} <= reasons
    assert "الانشقاقات تأتي بعد فتوى المجلس الإسلامي السوري" in article.body.split("\n\n")


def test_cnn_teasers_are_reported(cleaner):
    _, _, article = _clean_folder(DEV_DIR / "CN-middleEast-1297-20180906", cleaner)
    teasers = [line.text for line in article.removed if line.reason == "teaser"]
    assert len(teasers) == 5
    assert teasers[0].startswith("دعا رجل الدين الشيعي العراقي")
    assert article.body.startswith("(CNN)-- قال أحمد الشيخو")


def test_meta_outlet_wins_over_byline():
    page = "عنوان الخبر\n\nمدى بوست – فريق التحرير\n\nقتل 11 مدنياً في غارة على إدلب."
    article = clean_page(page, doc_id="d", source="d", meta=Metadata(outlet="madabost"))
    assert (article.outlet, article.byline) == ("madabost", "فريق التحرير")


def test_meta_title_means_no_title_line():
    text = "قتل 11 مدنياً في غارة على إدلب.\nوقال المرصد إن الغارة استهدفت سوقاً شعبية."
    article = clean_page(text, doc_id="d", source="d", meta=Metadata(title="غارة على إدلب"))
    assert article.title == "غارة على إدلب"
    assert article.body.startswith("قتل 11 مدنياً")


def test_metadata_fields_are_carried():
    import datetime as dt

    meta = Metadata(outlet="BBC", url="http://x", published=dt.date(2018, 2, 28))
    article = clean_page("عنوان\n\nنص الخبر هنا.", doc_id="d", source="s", meta=meta, encoding="cp1256")
    assert (article.url, article.published, article.encoding, article.doc_id, article.source) == (
        "http://x",
        dt.date(2018, 2, 28),
        "cp1256",
        "d",
        "s",
    )


BODY = [
    "قالت مصادر محلية إن قوات النظام قصفت بلدة في ريف إدلب الجنوبي صباح اليوم.",
    "وأضافت المصادر أن القصف أسفر عن مقتل ثلاثة مدنيين وإصابة آخرين بجروح.",
    "وتشهد المنطقة تصعيداً عسكرياً منذ أسابيع بحسب المرصد السوري لحقوق الإنسان.",
]


def _page(*middle: str, top: tuple[str, ...] = (), tail: tuple[str, ...] = (), sep: str = "\n\n") -> str:
    return sep.join(("عنوان الخبر",) + top + (BODY[0],) + middle + tuple(BODY[1:]) + tail)


def test_read_also_in_the_middle_goes_with_its_headline():
    article = clean_page(_page("اقرأ أيضاً: روسيا تعلن هدنة جديدة في إدلب"), doc_id="d", source="d")
    assert article.body == "\n\n".join(BODY)
    assert article.removed[0].reason == "read_also"


def test_bare_read_also_carries_the_headlines_below_it():
    page = _page("اقرأ أيضاً:", "روسيا تعلن هدنة جديدة في إدلب", "ماذا تعرف عن هيئة تحرير الشام؟")
    article = clean_page(page, doc_id="d", source="d")
    assert article.body == "\n\n".join(BODY)
    assert [line.reason for line in article.removed] == ["read_also"] * 3


def test_boilerplate_at_the_top_is_removed():
    page = _page(top=("الرئيسية", "آخر تحديث: 11 مايو 2018"))
    article = clean_page(page, doc_id="d", source="d")
    assert article.body == "\n\n".join(BODY)
    assert {line.reason for line in article.removed} == {"nav"}


def test_junk_above_the_title_is_skipped():
    article = clean_page("الرئيسية\n\n" + _page(), doc_id="d", source="d")
    assert article.title == "عنوان الخبر"
    assert article.removed[0].reason == "nav"


def test_footer_block_at_the_end():
    tail = ("شارك هذا المقال", "الوسوم", "تعليقات", "مقالات ذات صلة", "جميع الحقوق محفوظة © موقع الخبر 2018", "إغلاق")
    article = clean_page(_page(tail=tail), doc_id="d", source="d")
    assert article.body == "\n\n".join(BODY)
    assert [line.reason for line in article.removed] == ["share", "tags", "comments", "related", "copyright", "close"]


def test_windows_line_endings_and_nbsp():
    page = _page("اقرأ أيضاً:\u00a0روسيا تعلن هدنة", tail=("\u00a0الوسوم\u00a0",), sep="\r\n\r\n")
    page = page.replace(BODY[1], BODY[1] + "\u00a0")
    article = clean_page(page, doc_id="d", source="d")
    assert article.body == "\n\n".join(BODY)
    assert "\r" not in article.body


def test_inner_characters_of_kept_lines_are_untouched():
    line = "قال  المرصد\u00a0إن «الغارة» أوقعت ١١ قتيلاً،   بينهم أطفال."
    article = clean_page(f"عنوان\n\n{line}\n\nالوسوم", doc_id="d", source="d")
    assert article.body == line


def test_lines_of_a_paragraph_stay_together():
    page = "عنوان\n\nسطر أول من الفقرة\nسطر ثان من الفقرة\n\nفقرة ثانية."
    assert clean_page(page, doc_id="d", source="d").body == "سطر أول من الفقرة\nسطر ثان من الفقرة\n\nفقرة ثانية."


def test_many_empty_lines():
    page = "\n\n\n  \nعنوان\n\n\n\n\u200f\n" + BODY[0] + "\n\n\n\n"
    article = clean_page(page, doc_id="d", source="d")
    assert (article.title, article.body) == ("عنوان", BODY[0])


@pytest.mark.parametrize(
    "line",
    [
        "الانشقاقات تأتي بعد فتوى المجلس الإسلامي السوري",
        "عقوبات سابقة",
        "مقتل 15 مدنيا في قصف على ريف درعا الغربي",
        "كيف تطورت الأحداث منذ صباح السبت؟",
        "وتعتبر طهران أحد أبرز حلفاء دمشق.",
        "شارك آلاف في مظاهرة",
        "إغلاق المعبر الحدودي مع الأردن",
        "تعليقات الوزير أثارت جدلاً واسعاً في البرلمان.",
    ],
)
def test_short_real_paragraphs_and_subheadings_stay(line):
    article = clean_page(_page(line), doc_id="d", source="d")
    assert line in article.body.split("\n\n")
    assert article.removed == ()


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n \u00a0 ", "عنوان فقط", "عنوان\n\nاقرأ أيضاً: خبر\n\nشارك\n\nالوسوم\n\n© 2018 الموقع"],
)
def test_no_body_is_c001(text):
    with pytest.raises(CleanError) as error:
        clean_page(text, doc_id="d", source="page.txt")
    assert error.value.code == "C001"
    assert "page.txt" in error.value.message


def test_no_arabic_is_c002():
    with pytest.raises(CleanError) as error:
        clean_page("Title\n\nThe army shelled the town on Monday, killing three people.", doc_id="d", source="en.txt")
    assert error.value.code == "C002"


def test_single_paragraph_page_keeps_its_text_as_body():
    line = "قتل ثلاثة مدنيين في قصف على بلدة في ريف إدلب الجنوبي صباح اليوم بحسب المرصد السوري لحقوق الإنسان."
    article = clean_page(line, doc_id="d", source="d")
    assert (article.title, article.body) == ("", line)


def test_inline_read_also_after_a_sentence_is_cut():
    line = 'وقال إنه سيسحب القوات "قريبا جداً".. اقرأ.. ترامب: سنخرج من سوريا قريبا'
    article = clean_page(f"عنوان\n\n{BODY[0]}\n\n{line}", doc_id="d", source="d")
    assert article.body.endswith('"قريبا جداً"..')
    assert article.removed[-1].text.startswith("اقرأ..")


def test_also_followed_by_a_real_sentence_is_kept():
    line = "وأكد أن الضربات وقائية ايضًا.. واضاف المسؤول الذي طلب عدم كشف هويته أن التنظيم يكدس السلاح."
    article = clean_page(f"عنوان\n\n{BODY[0]}\n\n{line}", doc_id="d", source="d")
    assert line in article.body


CNN_LEAD = "دبي، الإمارات العربية المتحدة (CNN)-- قالت مصادر محلية إن قوات النظام قصفت بلدة في ريف إدلب الجنوبي، الخميس، ما أسفر عن مقتل ثلاثة مدنيين."
CNN_BODY = [
    "وأضافت المصادر أن القصف استهدف سوقاً شعبية في البلدة وأن فرق الدفاع المدني عملت على انتشال الضحايا من تحت الأنقاض.",
    "وتشهد محافظة إدلب تصعيداً عسكرياً منذ أسابيع بحسب المرصد السوري لحقوق الإنسان الذي يتخذ من بريطانيا مقراً له.",
]
TEASERS = [
    "أعلنت وزارة الداخلية البحرينية، السبت، القبض على خلية قالت إنها كانت تخطط لتنفيذ عمليات داخل المملكة بتمويل خارجي.",
    "قال وزير الخارجية الأردني، أيمن الصفدي، إن بلاده لن تستقبل مزيداً من اللاجئين السوريين في ظل الظروف الاقتصادية الحالية.",
    "رفضت الحكومة العراقية، الأحد، ما وصفته بالتدخل في شؤونها الداخلية بعد تصريحات لمسؤول إيراني حول الانتخابات البرلمانية المقبلة",
]


def test_teasers_after_a_cnn_dateline_are_removed():
    page = "\n\n".join(["بلدة في إدلب تحت القصف", CNN_LEAD] + CNN_BODY + TEASERS)
    article = clean_page(page, doc_id="d", source="d")
    assert article.body == "\n\n".join([CNN_LEAD] + CNN_BODY)
    assert [line.reason for line in article.removed] == ["teaser"] * 3
    assert find_dateline(CNN_LEAD) == "دبي، الإمارات العربية المتحدة (CNN)--"


def test_without_dateline_only_signed_unrelated_leads_are_teasers():
    page = "\n\n".join(["بلدة في إدلب تحت القصف", BODY[0]] + CNN_BODY + TEASERS)
    assert [line.reason for line in clean_page(page, doc_id="d", source="d").removed] == ["teaser"] * 3


def test_lead_like_closing_paragraphs_without_dateline_are_kept():
    # An analysis ending with lead-shaped paragraphs that carry no lead signature.
    closing = [
        "لم تكتف روسيا بتكثيف جهودها الدبلوماسية مع اللاعبين الأساسيين في المنطقة فإيران حليف لها منذ سنوات طويلة.",
        "لم يقتصر الأمر على ذلك إذ كثفت موسكو علاقاتها مع دول الخليج وأقامت مراسم استقبال حافلة لقادتها.",
        "مؤخرا استضاف الرئيس الروسي رئيس الوزراء الإسرائيلي للتوصل إلى تفاهمات حول الملف السوري والحدود.",
    ]
    page = "\n\n".join(["دبلوماسية روسيا في الشرق الأوسط", BODY[0]] + CNN_BODY + closing)
    assert clean_page(page, doc_id="d", source="d").removed == ()


def test_closing_paragraphs_on_the_same_story_are_kept_after_a_dateline():
    closing = [
        "شهدت بلدة في ريف إدلب الجنوبي قصفاً عنيفاً من قوات النظام أسفر عن مقتل مدنيين في سوق شعبية بحسب مصادر محلية.",
        "تعرضت محافظة إدلب لتصعيد عسكري من قوات النظام منذ أسابيع بحسب المرصد السوري لحقوق الإنسان وفرق الدفاع المدني.",
    ]
    page = "\n\n".join(["بلدة في إدلب تحت القصف", CNN_LEAD] + CNN_BODY + closing)
    assert clean_page(page, doc_id="d", source="d").removed == ()


def test_paragraph_announced_by_a_colon_is_not_a_teaser():
    quote = "شرعت قوات سوريا الديمقراطية، الاثنين، بالعمليات البرية ضمن المرحلة الثالثة من العملية في ريف دير الزور الشرقي."
    page = "\n\n".join(
        ["عنوان", CNN_LEAD, "وجاء نص البيان على النحو التالي بصفحة تابعة للتحالف الدولي على موقع فيسبوك:", quote]
    )
    assert quote in clean_page(page, doc_id="d", source="d").body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("مدى بوست – فريق التحرير", ("مدى بوست", "فريق التحرير")),
        ("أبوظبي - سكاي نيوز عربية", ("سكاي نيوز عربية", "أبوظبي")),
        ("عمر إبراهيم – عين اليوم", ("عين اليوم", "عمر إبراهيم")),
        ("بقلم: أحمد محمود", (None, "أحمد محمود")),
        ("قتل 11 مدنياً - في غارة على إدلب.", None),
        ("أكدت مصادر سورية محلية ارتفاع وتيرة الانشقاقات في صفوف قوات النظام", None),
        ("حلب - إدلب - حماة - حمص - دمشق", None),
        ("كتب الرئيس رسالة إلى نظيره", None),
    ],
)
def test_parse_byline(line, expected, cleaner):
    assert parse_byline(line, cleaner.lexicon) == expected


def test_cleaner_is_picklable(cleaner):
    copy = pickle.loads(pickle.dumps(cleaner))
    assert copy.clean(_page(), doc_id="d", source="d").body == "\n\n".join(BODY)


_ARABIC_WORDS = st.sampled_from(["قال", "المرصد", "إن", "قوات", "النظام", "قصفت", "بلدة", "في", "إدلب", "اقرأ", "أيضاً", "شارك", "الوسوم", "©", "11", "،", ".", ":"])
_LINES = st.lists(st.lists(_ARABIC_WORDS, min_size=1, max_size=14).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]))
def test_body_lines_always_come_from_the_source(lines, sep):
    text = "عنوان\n\n" + sep.join(lines)
    try:
        article = clean_page(text, doc_id="d", source="d")
    except CleanError as error:
        assert error.code in ("C001", "C002")
        return
    source = {line.strip() for line in text.splitlines()}
    for line in article.body.split("\n"):
        assert line == "" or line in source or any(s.startswith(line) for s in source)
    assert "\n\n\n" not in article.body and article.body == article.body.strip()
    removed = [line.text for line in article.removed]
    for line in (line.strip() for line in lines):
        cut = any(line.endswith(r) and line[: -len(r)].strip() in article.body for r in removed)
        assert not line or line in article.body or line in removed or cut
