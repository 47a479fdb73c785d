"""Rule-based names: organisations by their head noun or quotes, persons by kunya or title.

These complement the trained NER model for the names events need most: the
quoted group a spokesman speaks for ("الناطق باسم “تجمع أحرار حوران”"), bodies
named by a head noun ("مركز إعلام الغوطة", "صحيفة آي نيوز البريطانية") and
persons named by a kunya ("أبو محمود الحوراني").

>>> [(e.label, e.text) for e in find_rule_entities('وقال أبو محمود الحوراني، الناطق باسم “تجمع أحرار حوران” إن')]
[('PER', 'أبو محمود الحوراني'), ('ORG', 'تجمع أحرار حوران')]
"""

from __future__ import annotations

import re

from rasd.records import EntityMention

__all__ = ["find_rule_entities"]

_ORG_HEADS = (
    "تجمع", "حركة", "جبهة", "هيئة", "لواء", "كتائب", "كتيبة", "فصيل", "مجلس", "المجلس", "مركز", "شبكة", "منظمة",
    "اتحاد", "رابطة", "جماعة", "وكالة", "صحيفة", "قناة", "تلفزيون", "وزارة", "مكتب", "تنسيقية", "غرفة عمليات",
    "الهيئة", "المكتب", "الاتحاد", "الحركة", "الجبهة", "المركز", "الشبكة", "المنظمة", "تقرير", "المخابرات",
    "مخابرات", "الاستخبارات", "الخارجية", "وزارة الخارجية", "البيت الأبيض", "الكرملين", "صحيفة", "موقع",
    "السلطات", "فريق",
)
_STOP = {
    "في", "من", "على", "عن", "إلى", "الى", "أن", "إن", "ان", "التي", "الذي", "الذين", "قد", "كان", "كانت", "بعد", "قبل",
    "مع", "ضد", "حول", "خلال", "منذ", "لـ", "و", "أو", "ثم", "حيث", "إنه", "إنها", "أنه", "أنها", "لدى", "عبر", "بين",
    "نحو", "حوالي", "قرابة", "أكثر", "زهاء", "آلاف", "مئات", "عشرات",
    "وقال", "قال", "قالت", "أكد", "أفاد", "ذكر", "وأكد", "تحت", "عند", "لم", "لا", "هذا", "هذه", "ذلك",
}
_PARTICIPLES = {"المكون", "المؤلف", "المؤلفة", "المكونة", "المعني", "المعنية", "المسؤول", "المسؤولة", "الذي", "التي"}
_LETTER = r"[\u0621-\u064A\u0670\u0640\u064B-\u065F]"
_WORD = r"[\u0621-\u064A\u0660-\u0669\u0670\u0640\u064B-\u065F]+"
_QUOTED = re.compile(r"[“\"«]([^”\"»\n]{2,60})[”\"»]")
_KUNYA = re.compile(rf"(?<![\u0621-\u064A])(?:أبو|ابو|أبي|ابي|أم)\s+{_WORD}(?:\s+{_WORD})?")
_ORG_CUE_BEFORE = re.compile(r"(?:باسم|لـ?|عن|تابع(?:ة)? ل|مصادر في)\s*$")
_TITLED = re.compile(
    rf"(?<![\u0621-\u064A])(?:و?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أضاف|أضافت|صرح|صرحت|ذكر|ذكرت|أفاد|أفادت))\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{1,2}})،\s*(?:ال)?(?:رئيس|مدير|متحدث|المتحدث|ناطق|الناطق|مسؤول|عضو|قائد|"
    rf"وزير|سفير|سفيرة|مندوب|نائب|أمين|الأمين|محلل|مستشار|قيادي|مراسل|رئيسة|مديرة)"
)
_NISBA = rf"ال{_LETTER}+(?:ي|ية)"
_TITLE_FIRST = re.compile(
    rf"(?<![\u0621-\u064A])(?:و?ال)?(?:وزير|وزيرة|رئيس|رئيسة|سفير|سفيرة|مندوب|مندوبة|المتحدث باسم|الناطق باسم)"
    rf"(?:\s+(?!{_NISBA}\s)ال{_LETTER}+)?\s+{_NISBA}(?:\s+{_NISBA})?\s+(?P<name>{_WORD}(?:\s+{_WORD})?)"
)
_HEAD = re.compile(
    rf"(?<![\u0621-\u064A])(?P<clitic>و?[بل]?(?=ال)|و?ل?(?=لل)|[وبل]?)(?:{'|'.join(_ORG_HEADS)})((?:\s+{_WORD}){{1,4}})"
)


def find_rule_entities(text: str, offset: int = 0) -> list[EntityMention]:
    """ORG and PER mentions found by rules in ``text`` (spans + offset), sorted by start."""
    found = _kunya_persons(text) + _titled_persons(text) + _title_first_persons(text) + _quoted_orgs(text)
    found += _headed_orgs(text)
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[EntityMention] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return [EntityMention(e.text, e.start + offset, e.end + offset, e.label, "rule", e.confidence) for e in kept]


def _kunya_persons(text: str) -> list[EntityMention]:
    persons = []
    for match in _KUNYA.finditer(text):
        words = match.group().split()
        while len(words) > 2 and words[-1] in _STOP:
            words.pop()
        name = " ".join(words)
        if words[-1] in _STOP or len(words) < 2:
            continue
        # a kunya of three words takes a nisba/family name ("أبو محمود الحوراني")
        tail = text[match.end() : match.end() + 30]
        extra = re.match(rf"\s+(ال{_LETTER}+ي)(?![\u0621-\u064A])", tail) if len(words) == 2 else None
        if extra:
            name = f"{name} {extra.group(1)}"
        persons.append(EntityMention(name, match.start(), match.start() + len(name), "PER", "rule", 0.7))
    return persons


def _titled_persons(text: str) -> list[EntityMention]:
    """"قال أحمد الشيخو، رئيس المكتب ...": the words between a reporting verb and a comma that
    opens a title are a person's name."""
    persons = []
    for match in _TITLED.finditer(text):
        name = match.group("name")
        if any(word in _STOP for word in name.split()):
            continue
        persons.append(EntityMention(name, match.start("name"), match.end("name"), "PER", "rule", 0.6))
    return persons


def _title_first_persons(text: str) -> list[EntityMention]:
    """"وزير الخارجية الألماني هايكو ماس", "الرئيس الأمريكي دونالد ترامب": a title, an office and a
    nationality, then one or two name words."""
    persons = []
    for match in _TITLE_FIRST.finditer(text):
        words = match.group("name").split()
        while words and (words[-1] in _STOP or words[-1].startswith(("ال", "و"))):
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        start = match.start("name")
        persons.append(EntityMention(name, start, start + len(name), "PER", "rule", 0.5))
    return persons


def _quoted_orgs(text: str) -> list[EntityMention]:
    """A quoted name right after "باسم" or after an organisation head noun."""
    orgs = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip()
        before = text[max(0, match.start() - 20) : match.start()]
        head_before = any(before.rstrip().endswith(h) for h in _ORG_HEADS)
        starts_with_head = inner.split()[0] in _ORG_HEADS or inner.split()[0].lstrip("وبل") in _ORG_HEADS
        if not (_ORG_CUE_BEFORE.search(before) or head_before or starts_with_head):
            continue
        if len(inner.split()) > 6 or any(c in inner for c in ".:،؛?!؟"):
            continue
        start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
        orgs.append(EntityMention(inner, start, start + len(inner), "ORG", "rule", 0.7))
    return orgs


def _headed_orgs(text: str) -> list[EntityMention]:
    """A head noun ("مركز", "صحيفة"...) and up to four name words, cut at the first stop word."""
    orgs = []
    for match in _HEAD.finditer(text):
        tail_words = match.group(2).split()
        kept = []
        for word in tail_words:
            if word in _STOP or word in _PARTICIPLES or word.startswith(("وقال", "وأكد", "بأن", "لأن", "بان")):
                break
            if kept and kept[-1].startswith("ال") and kept[-1].endswith(("ية", "ي")) and not word.startswith("ال"):
                break  # "تقرير للمخابرات الفرنسية رفعت ...": the name ends with its adjective
            kept.append(word)
        if not kept:
            continue
        start = match.end("clitic")
        end = match.start(2) + match.group(2).index(kept[-1]) + len(kept[-1])
        orgs.append(EntityMention(text[start:end], start, end, "ORG", "rule", 0.5))
    return orgs
