"""Place resolution: seed places, homonyms, common-word collisions, precision, fallbacks, API shapes."""

from __future__ import annotations

import json
import pickle

import pytest

from rasd.geo import Gazetteer, explain_places, find_places, place_to_dict
from rasd.records import PlaceMention

from conftest import SHARED  # noqa: E402
SEED = SHARED / "examples" / "seed-defections"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def seed_places(gaz) -> dict[str, dict]:
    title, _, body = (SEED / "article.txt").read_text(encoding="utf-8").partition("\n")
    out: dict[str, dict] = {}
    for mention in find_places(body, gaz, title=title):
        out.setdefault(mention.text, place_to_dict(mention))
    return out


def resolve(text: str, gaz: Gazetteer, title: str = "") -> dict[str, dict]:
    return {m.text: place_to_dict(m) for m in find_places(text, gaz, title=title)}


@pytest.mark.parametrize(
    ("text", "pcode"),
    [("الكرك الشرقي", "C6047"), ("النعيمة", "C5997"), ("نصيب", "C5999"), ("خربة غزالة", "C6012")],
)
def test_seed_villages(seed_places, text, pcode):
    place = seed_places[text]
    assert (place["pcode"], place["admin1"], place["country"]) == (pcode, "SY12", "SY")


@pytest.mark.parametrize(
    ("text", "admin1", "precision", "country"),
    [
        ("محافظة درعا", "SY12", 3, "SY"),
        ("إدلب", "SY07", 3, "SY"),
        ("ريف حماة الشمالي", "SY05", 3, "SY"),
        ("اللاذقية", "SY06", 3, "SY"),
        ("روسيا", None, 4, "RU"),
    ],
)
def test_seed_areas(seed_places, text, admin1, precision, country):
    place = seed_places[text]
    assert (place["admin1"], place["precision"], place["country"], place["pcode"]) == (admin1, precision, country, None)


def test_seed_nineveh_stays_in_daraa(seed_places):
    assert seed_places["نينوى"]["admin1"] == "SY12" and seed_places["نينوى"]["country"] == "SY"


def test_seed_common_words_are_not_places(seed_places):
    for word in ("بيان", "له", "الأسد", "عليه", "سورية"):
        assert word not in seed_places


@pytest.mark.parametrize(
    ("text", "name", "pcode", "admin1"),
    [
        ("غارات على مدينة نوى في ريف درعا الغربي", "نوى", "C6124", "SY12"),
        ("قصف في منطقة الكسوة في ريف دمشق", "منطقة الكسوة", "C2280", "SY03"),
        ("هجوم كيماوي على مدينة دوما في الغوطة الشرقية", "دوما", "C2338", "SY03"),
        ("سيطرت القوات التركية على مدينة عفرين", "عفرين", "C1366", "SY02"),
        ("منطقة صيدا على أطراف وادي اليرموك بسوريا في جنوب هضبة الجولان", "منطقة صيدا", "C6302", "SY14"),
        ("ضربات في بلدة الهرى جنوب شرقي البوكمال", "الهرى", "C5162", "SY09"),
        ("مناطق الشيفونية وكفر بطنا في الغوطة", "الشيفونية", "C2334", "SY03"),
    ],
)
def test_homonyms_follow_context(gaz, text, name, pcode, admin1):
    place = resolve(text, gaz)[name]
    assert (place["pcode"], place["admin1"]) == (pcode, admin1)


@pytest.mark.parametrize(
    ("text", "name", "admin1", "pcode", "precision"),
    [
        ("هجوم على إدلب", "إدلب", "SY07", None, 3),  # a bare governorate capital: the governorate
        ("النازحون في مدينة إدلب", "إدلب", "SY07", "C3871", 1),  # "مدينة X": the city
        ("الغارة على مطار الضبعة قرب حمص", "حمص", "SY04", "C2528", 2),  # near the city
        ("في منطقة عفرين", "منطقة عفرين", "SY02", "C1366", 2),  # the district, at its centre town (admin2 SY0203 kept)
        ("في جنوب إدلب", "جنوب إدلب", "SY07", None, 3),
        ("بلدة دوما شرقي دمشق", "شرقي دمشق", "SY01", "C1001", 2),
        ("في ضواحي العاصمة السورية", "ضواحي العاصمة السورية", "SY03", None, 3),
        ("مدينة الرقة وريفها", "الرقة", "SY11", "C5710", 1),
        ("في ريف دمشق", "ريف دمشق", "SY03", None, 3),
    ],
)
def test_levels_and_precision(gaz, text, name, admin1, pcode, precision):
    place = resolve(text, gaz)[name]
    assert (place["admin1"], place["pcode"], place["precision"]) == (admin1, pcode, precision)


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("التوتر في شمال سوريا", "شمال سوريا", "SY", None),
        ("المعارك في جنوبي سوريا", "جنوبي سوريا", "SY", None),
        ("زيارة لمرتفعات الجولان المحتلة", "مرتفعات الجولان", "SY", "SY14"),
        ("مسؤول في العاصمة الروسية", "العاصمة الروسية", "RU", None),
        ("سقوط صواريخ على الأراضي الإسرائيلية", "الأراضي الإسرائيلية", "IL", None),
        ("السعودية والبحرين والكويت وعمان وقطر", "عمان", "OM", None),
        ("السعودية والبحرين والكويت وعمان وقطر", "قطر", "QA", None),
        ("وصل إلى واشنطن", "واشنطن", "US", None),
    ],
)
def test_countries_and_regions(gaz, text, name, country, admin1):
    place = resolve(text, gaz)[name]
    assert (place["country"], place["admin1"]) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وطرد قاسم سليماني وفيلق القدس من سوريا", "القدس"),
        ("إيران وحلفاؤها يسعون دوماً إلى التوسع", "دوماً"),
        ("صواريخ أرض-أرض من طراز الجولان", "الجولان"),
        ("نقلت قناة روسيا اليوم عن مصدر", "روسيا"),
        ("وقال في بيان له إن", "بيان"),
        ("قال بشار الأسد", "بشار"),
        ("مصادر سورية محلية", "سورية"),
        ("أكدت القوات السعودية", "السعودية"),
        ("الطبقة السياسية في البلاد", "الطبقة"),
    ],
)
def test_common_words_are_not_geocoded(gaz, text, word):
    found = resolve(text, gaz)
    assert not [t for t in found if word in t], found


@pytest.mark.parametrize(
    ("text", "name"),
    [("في سورية", "سورية"), ("وسورية", "سورية"), ("إن السعودية", "السعودية"), ("بلدة الطبقة", "الطبقة")],
)
def test_adjective_like_names_with_a_cue_are_places(gaz, text, name):
    assert name in resolve(text, gaz)


def test_unknown_village_gets_the_sentence_governorate(gaz):
    text = "قتل رجل في قرية التمانعة في جنوب إدلب، وآخر في قرية الطهوت الجنوبية"
    place = resolve(text, gaz)["الطهوت الجنوبية"]
    assert (place["admin1"], place["pcode"], place["precision"], place["country"]) == ("SY07", None, 3, "SY")


def test_unknown_village_never_goes_abroad(gaz):
    text = "ينحدرون من محافظة درعا، و14 من بلدة نينوى"
    place = resolve(text, gaz)["نينوى"]
    assert place["country"] == "SY" and place["admin1"] == "SY12"


def test_bare_small_village_needs_support(gaz):
    # "الفوز" (a village name) is a common word; without a descriptor it is no place
    assert "الفوز" not in resolve("أعلن الفوز في الانتخابات", gaz)
    assert "الفوز" in resolve("قصف على قرية الفوز", gaz)


def test_extra_spans_from_ner(gaz):
    text = "وصل الوفد إلى فريبورغ ثم إلى قرية مجهولة"
    start = text.index("فريبورغ")
    found = find_places(text, gaz, extra_spans=[(start, start + len("فريبورغ")), (0, 3)])
    assert any(m.start == start for m in found)


def test_offsets_are_into_the_text_and_records_are_typed(gaz):
    text = "قُتل ١١ مدنياً في غاراتٍ على إدلبَ وبريف حماة"
    for mention in find_places(text, gaz):
        assert isinstance(mention, PlaceMention)
        assert text[mention.start:mention.end] == mention.text
        assert mention.candidates and 0 < mention.confidence <= 1


def test_place_to_dict_shape(gaz):
    (mention,) = find_places("عند معبر نصيب", gaz)
    data = place_to_dict(mention)
    assert list(data) == ["text", "start", "end", "pcode", "name_ar", "name_en", "admin1", "admin2", "admin3",
                          "lat", "lon", "precision", "country"]
    json.dumps(data, ensure_ascii=False)


def test_explain_lists_rejections_with_reasons(gaz):
    rows = explain_places("قال مصدر من نصيب في دمشق", gaz)
    assert any(not r["accepted"] and "small village" in r["reason"] for r in rows)
    assert any(r["accepted"] and r["pcode"] == "C1001" for r in rows)


def test_resolver_is_deterministic_and_picklable(gaz):
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    copy = pickle.loads(pickle.dumps(gaz))
    assert find_places(text, gaz) == find_places(text, copy)


def test_title_gives_context_only(gaz):
    found = find_places("غارات على نوى", gaz, title="قصف على ريف درعا")
    assert [m.place.pcode for m in found] == ["C6124"]
