"""Sentence splitting and paragraphs: rules, abbreviations (true cases and near misses), offsets."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_DIR, dev_folders  # noqa: E402

from rasd.errors import DataError  # noqa: E402
from rasd.text.clean import PageCleaner  # noqa: E402
from rasd.text.segment import Abbreviations, split_paragraphs, split_sentences  # noqa: E402

ABBREVIATIONS = Abbreviations.load()


def _texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body, ABBREVIATIONS)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # full stops, Arabic and Latin question and exclamation marks
        ("قتل خمسة. وأصيب عشرة.", ["قتل خمسة.", "وأصيب عشرة."]),
        ("هل انتهت الحرب؟ لا أحد يعرف.", ["هل انتهت الحرب؟", "لا أحد يعرف."]),
        ("What now? Nobody knows!", ["What now?", "Nobody knows!"]),
        ("يا للهول! قالها ومضى.", ["يا للهول!", "قالها ومضى."]),
        ("ماذا؟! لا أصدق.", ["ماذا؟!", "لا أصدق."]),
        # no split at Arabic comma, semicolon, colon
        ("قال المرصد، في بيان؛ إن القصف: عنيف.", ["قال المرصد، في بيان؛ إن القصف: عنيف."]),
        # line and paragraph breaks always end a sentence
        ("سطر أول بلا نقطة\nسطر ثان", ["سطر أول بلا نقطة", "سطر ثان"]),
        ("فقرة أولى\n\nفقرة ثانية", ["فقرة أولى", "فقرة ثانية"]),
        # closing quotes and brackets stay with the sentence they end
        ("وقال: «انتهى الأمر.» ثم غادر.", ["وقال: «انتهى الأمر.»", "ثم غادر."]),
        ('وأضاف: "لا نرغب في التصعيد." وتنفي سوريا ذلك.', ['وأضاف: "لا نرغب في التصعيد."', "وتنفي سوريا ذلك."]),
        ("وقال (في بيان لاحق.) إن العدد ارتفع.", ["وقال (في بيان لاحق.)", "إن العدد ارتفع."]),
        ("قال: “انتهى.” وغادر.", ["قال: “انتهى.”", "وغادر."]),
        # a quotation closing with a full stop inside a longer sentence
        ('وقال إن "الوضع خطير." حسب المرصد.', ['وقال إن "الوضع خطير." حسب المرصد.']),
        ('ووصفه بأنه "حبر على ورق." في تصريحات لـCNN.', ['ووصفه بأنه "حبر على ورق." في تصريحات لـCNN.']),
        ('وقال: "سنضرب."، مضيفاً أن الرد قادم.', ['وقال: "سنضرب."، مضيفاً أن الرد قادم.']),
        # numbers and addresses
        ("ارتفع العدد إلى 3.5 مليون. وقال الوزير", ["ارتفع العدد إلى 3.5 مليون.", "وقال الوزير"]),
        ("وصل 1.500 لاجئ. وعاد آخرون.", ["وصل 1.500 لاجئ.", "وعاد آخرون."]),
        ("نشر على www.bbc.com/arabic خبرا.", ["نشر على www.bbc.com/arabic خبرا."]),
        ("بلغت النسبة 3.5. وقال الوزير", ["بلغت النسبة 3.5.", "وقال الوزير"]),
        ("قتل في عام 2017. 15 شخصا قتلوا لاحقا.", ["قتل في عام 2017.", "15 شخصا قتلوا لاحقا."]),
        # list numbers at the start of a line
        ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
        # very long sentences are cut at ؛ only
        ("كلمة " * 130 + "؛ " + "كلمة " * 10, ["كلمة " * 130 + "؛", ("كلمة " * 10).strip()]),
        ("كلمة " * 30 + "؛ " + "كلمة " * 10, [("كلمة " * 30 + "؛ " + "كلمة " * 10).strip()]),
    ],
)
def test_split_rules(body, expected):
    assert _texts(body) == [e.strip() for e in expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # ".." in a title-like line is a soft pause: one sentence
        ("بعد فتوى المجلس الإسلامي السوري.. انشقاقات كبيرة في صفوف قوات الأسد", 1),
        ("في ذكرى 11 سبتمبر.. الظواهري يحث أنصاره على مهاجمة العدو", 1),
        ("سوريا.. مقتل العشرات بهجوم كيماوي محتمل.. والنظام ينفي", 1),
        ("إن الهجوم البري،...", 1),
        ("وقال إن الأمر انتهى… ثم صمت", 1),
        # between two long parts it ends a sentence
        (
            "صحيفة لوموند كتبت إن إمكانية ترشحه باتت تتحدد شيئا فشيئا يوما بعد يوم.. "
            "ولاسيما بعد ظهوره قبل يومين وبعد دعوة رئيس الحزب الحاكم إلى الترشح",
            2,
        ),
        # ?.. and !.. are hard ends
        ("هل فكر ترامب في اغتيال الأسد؟.. الرئيس يرد", 2),
    ],
)
def test_soft_pauses(body, expected):
    assert len(_texts(body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # abbr: true cases (no split) ...
        ("نقلت أ.ف.ب. عن مصدر أن القصف مستمر.", 1),
        ("وقال د. محمد إن الوضع صعب.", 1),
        ("وصرح م. أحمد بأن الجسر انهار.", 1),
        ("U.S. officials said the strike hit a depot.", 1),
        ("قال لشبكة سي. إن. إن. الأمريكية إن القصف مستمر.", 1),
        ("كما ذكر Mr. Smith أن الوفد وصل.", 1),
        ("أصدر المكتب ص.ب. 123 بيانا.", 1),
        # ... and near misses (a real word before the dot: split)
        ("وقال محمد. ثم غادر القاعة.", 2),
        ("وصل الوفد الأمريكي. ثم بدأت المحادثات.", 2),
        # era after a year may end the sentence; without a year it is a title
        ("ولد عام 1950 م. وتوفي عام 2010 م.", 2),
        ("توفي سنة 1436 هـ. ودفن في المدينة.", 2),
        ("وقال م. خالد إن المشروع توقف.", 1),
        # continues: true case after a closed quotation, near miss without a quotation
        ('ووصف الوضع بأنه "كارثي." بحسب المرصد.', 1),
        ("ووصف الوضع بأنه كارثي. بحسب المرصد قتل خمسة.", 2),
    ],
)
def test_abbreviation_kinds(body, expected):
    assert len(_texts(body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a short quotation is one piece of its sentence, whatever it holds
        ("وقال القائد: «لن ننسحب. سنبقى في مواقعنا» قبل أن يغلق الهاتف.",
         ["وقال القائد: «لن ننسحب. سنبقى في مواقعنا» قبل أن يغلق الهاتف."]),
        ('وصاح أحدهم "اهربوا! الطائرة عادت" ثم اختفى في الغبار.', ['وصاح أحدهم "اهربوا! الطائرة عادت" ثم اختفى في الغبار.']),
        ("وكتب: “الوضع سيئ. لا ماء ولا كهرباء” في منشور على صفحته.",
         ["وكتب: “الوضع سيئ. لا ماء ولا كهرباء” في منشور على صفحته."]),
        ('وأضاف أن القصف لم يتوقف منذ الفجر بـ"قذائف ثقيلة. وصواريخ" على الأحياء.',
         ['وأضاف أن القصف لم يتوقف منذ الفجر بـ"قذائف ثقيلة. وصواريخ" على الأحياء.']),
        # a closing quotation followed by a full stop ends the sentence
        ("وقال: «لن ننسحب. سنبقى». ثم غادر القاعة.", ["وقال: «لن ننسحب. سنبقى».", "ثم غادر القاعة."]),
        ('وقال "لن ننسحب". وأضاف "سنبقى". ثم غادر.', ['وقال "لن ننسحب".', 'وأضاف "سنبقى".', "ثم غادر."]),
        # a quotation that closes where its last sentence ends is split as before
        ("وقال: «انتهى الأمر.» ثم غادر.", ["وقال: «انتهى الأمر.»", "ثم غادر."]),
        # a closing mark whose quotation began earlier does not pair with the next opening one
        ('الطعام والدواء". وقال الجيش إن مسلحي "جيش الإسلام" سلموا أسلحتهم.',
         ['الطعام والدواء".', 'وقال الجيش إن مسلحي "جيش الإسلام" سلموا أسلحتهم.']),
        # an opening mark without its closing one opens nothing
        ("وقال: «لن ننسحب. سنبقى في مواقعنا", ["وقال: «لن ننسحب.", "سنبقى في مواقعنا"]),
    ],
)
def test_quotations(body, expected):
    assert _texts(body) == expected


def test_long_quoted_speech_is_still_split():
    first = "لقد عشنا أياما صعبة جدا في الأقبية تحت القصف المتواصل ليلا ونهارا دون طعام كاف. " * 4
    body = f"وقال أحد السكان: «{first}ولم يبق لنا شيء نخسره بعد اليوم.»"
    assert len(body) > 300 and len(_texts(body)) == 5


def test_offsets_and_paragraph_numbers():
    body = "  قتل خمسة.  وأصيب عشرة.\n\nفقرة ثانية هنا\nوسطر آخر.\n\n\n«اقتباس.»"
    sentences = split_sentences(body, ABBREVIATIONS)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("قتل خمسة.", 0),
        ("وأصيب عشرة.", 0),
        ("فقرة ثانية هنا", 1),
        ("وسطر آخر.", 1),
        ("«اقتباس.»", 2),
    ]
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text


def test_split_paragraphs():
    body = "فقرة أولى.\nسطرها الثاني.\n\n \n\u00a0\nفقرة ثانية.\n"
    assert [body[s:e] for s, e in split_paragraphs(body)] == ["فقرة أولى.\nسطرها الثاني.", "فقرة ثانية."]
    assert split_paragraphs("") == [] and split_paragraphs("\n\n  \n") == []


def test_windows_line_breaks_and_nbsp():
    body = "قتل خمسة.\u00a0وأصيب عشرة.\r\n\r\nفقرة ثانية."
    sentences = split_sentences(body, ABBREVIATIONS)
    assert [s.text for s in sentences] == ["قتل خمسة.", "وأصيب عشرة.", "فقرة ثانية."]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_marks_alone_are_no_sentences():
    assert _texts(".\n\n…\n\n«»") == []
    assert _texts('قال كذا.\n"') == ["قال كذا."]


def test_default_abbreviations_are_loaded():
    assert [s.text for s in split_sentences("قال د. محمد كذا.")] == ["قال د. محمد كذا."]


def test_broken_abbreviation_file_is_a_data_error(tmp_path):
    path = tmp_path / "abbr.txt"
    path.write_text("د\tabbreviation\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        Abbreviations.load(str(path))
    assert error.value.code == "D102"


@pytest.mark.parametrize("folder", [SEED_DIR] + dev_folders(), ids=lambda p: p.name)
def test_gold_evidence_lies_in_one_sentence(folder):
    cleaner = PageCleaner.load()
    article = cleaner.clean((folder / "article.txt").read_text(encoding="utf-8"), doc_id=folder.name, source=folder.name)
    sentences = [s.text for s in split_sentences(article.body, ABBREVIATIONS)]
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    for event in gold.get("events", []):
        evidence = event.get("evidence")
        if evidence and evidence not in article.title:
            assert any(evidence in sentence for sentence in sentences), evidence


def test_seed_title_like_line_is_one_sentence():
    article = PageCleaner.load().clean((SEED_DIR / "article.txt").read_text(encoding="utf-8"), doc_id="s", source="s")
    sentences = _texts(article.body)
    assert "الانشقاقات تأتي بعد فتوى المجلس الإسلامي السوري" in sentences
    assert any(s.startswith("وأغلب العناصر") and s.endswith("خربة غزالة.") for s in sentences)


_PIECES = st.sampled_from(
    ["قتل", "خمسة", "3.5", "1.500", "د.", "أ.ف.ب.", ".", "..", "...", "؟", "!", "،", "؛", "«", "»", '"', "(", ")", "\n", "\n\n", " ", "\u00a0", "U.S.", "م.", "2017"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_sentences_are_exact_non_overlapping_spans(body):
    sentences = split_sentences(body, ABBREVIATIONS)
    previous_end = 0
    paragraphs = split_paragraphs(body)
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        assert "\n" not in sentence.text
        start, end = paragraphs[sentence.paragraph]
        assert start <= sentence.start and sentence.end <= end
        previous_end = sentence.end
