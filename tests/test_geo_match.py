"""Place spotting: proclitics, descriptors, directions, lists, blockers; true cases and near misses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.geo.gazetteer import Gazetteer
from rasd.geo.lexicon import GeoLexicon
from rasd.geo.match import find_words, spot_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def spots(text, gaz):
    return [(text[s.start:s.end], s.key) for s in spot_places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصف على الرقة", "الرقة"),
        ("وبالرقة قتلى", "الرقة"),  # stacked proclitics و + ب
        ("غارات على حلب وإدلب", "إدلب"),
        ("زار لبنان أمس", "لبنان"),
        ("دعم للولايات المتحدة", "للولايات المتحدة"),  # ل + ال restored; span keeps the token
        ("في إدلبَ اليوم", "إدلبَ"),  # a diacritic inside the span
        ("#مطار_التيفور العسكري", "مطار_التيفور"),  # hashtag with an underscore
    ],
)
def test_names_with_proclitics(gaz, text, expected):
    assert expected in [span for span, _ in spots(text, gaz)]


@pytest.mark.parametrize(
    "text",
    [
        "السورية الرسمية",  # the article ال is never stripped to reach "سورية"
        "يسعون دوماً إلى ذلك",  # tanwin: an adverb, not Douma
        "صواريخ من طراز الجولان",  # a rocket model
        "قائد فيلق القدس",  # an organisation
        "قناة روسيا اليوم",  # a TV channel
        "عددا كبيرا من القرى",  # ك + "بيرا" is not a proclitic reading
    ],
)
def test_near_misses_give_no_spot(gaz, text):
    keys = [key for _, key in spots(text, gaz)]
    assert not any(k in ("سوريه", "دوما", "الجولان", "القدس", "روسيا", "بيرا") for k in keys), keys


@pytest.mark.parametrize(
    ("text", "descriptor", "span"),
    [
        ("من قرية الكرك الشرقي", "town", "الكرك الشرقي"),
        ("في بلدة نينوى", "town", "نينوى"),
        ("قصف على ريف حماة الشمالي", "countryside", "ريف حماة الشمالي"),
        ("في محافظة درعا", "governorate", "محافظة درعا"),
        ("في منطقة عفرين", "zone", "منطقة عفرين"),
        ("استهدف مطار حميميم العسكري", "facility", "حميميم"),
        ("مطار الضبعة العسكري قرب حمص", "near", "حمص"),
        ("الواقع بالقرب من دمشق", "near", "دمشق"),
        ("وبريف درعا", "countryside", "ريف درعا"),
        ("في الريف الشمالي لحماة", "countryside", "الريف الشمالي لحماة"),
    ],
)
def test_descriptors(gaz, text, descriptor, span):
    found = {text[s.start:s.end]: s for s in spot_places(text, gaz)}
    assert span in found, list(found)
    assert found[span].descriptor == descriptor


@pytest.mark.parametrize(
    ("text", "span", "direction", "part"),
    [
        ("قرية التمانعة في جنوب إدلب", "جنوب إدلب", "south", None),
        ("في شمال شرق سوريا", "شمال شرق سوريا", "north-east", None),
        ("جنوبي سوريا", "جنوبي سوريا", "south", None),
        ("من الكرك الشرقي", "الكرك الشرقي", None, "east"),
        ("ريف حلب الشمالي الغربي", "ريف حلب الشمالي الغربي", None, "north-west"),
    ],
)
def test_directions(gaz, text, span, direction, part):
    found = {text[s.start:s.end]: s for s in spot_places(text, gaz)}
    assert span in found, list(found)
    assert (found[span].direction, found[span].part) == (direction, part)


def test_unknown_name_after_descriptor(gaz):
    text = "قتل رجل في قرية الطهوت الجنوبية"
    (spot,) = [s for s in spot_places(text, gaz) if s.unknown]
    assert text[spot.start:spot.end] == "الطهوت الجنوبية" and spot.part == "south"
    assert not [s for s in spot_places("الانتقال من بلدة إلى أخرى", gaz) if s.unknown]
    assert not [s for s in spot_places("في منطقة تسيطر عليها المعارضة", gaz) if s.unknown]


def test_loose_spelling_after_descriptor(gaz):
    (spot,) = spot_places("تقدم في منطقة حوش الظواهرة", gaz)
    assert spot.loose and spot.key == "حوش الظواهره"


def test_plural_descriptor_spreads_over_a_list(gaz):
    text = "استهدفت مناطق الشيفونية وكفر بطنا"
    found = {text[s.start:s.end]: s for s in spot_places(text, gaz)}
    assert found["كفر بطنا"].descriptor == "zone" and found["كفر بطنا"].coordinated


def test_country_adjective_and_capital_phrases(gaz):
    text = "في محافظة إدلب السورية وفي ضواحي العاصمة السورية"
    found = {text[s.start:s.end]: s for s in spot_places(text, gaz)}
    assert found["محافظة إدلب"].nisba == "SY"
    assert found["ضواحي العاصمة السورية"].descriptor == "suburbs"


def test_road_and_between_cues(gaz):
    text = "الطريق الدولي دمشق - دير الزور بين مدينتي حمص وتدمر"
    found = {text[s.start:s.end]: s for s in spot_places(text, gaz)}
    assert found["دمشق"].city_cue and found["دير الزور"].city_cue
    assert found["تدمر"].descriptor == "city"


def test_lexicon_loads_folded():
    lexicon = GeoLexicon.load()
    assert lexicon.descriptors["قريه"] == "town"
    assert lexicon.directions["شمالي"] == "north"
    assert "طراز" in lexicon.blockers


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ًٌٍَُِّْـ،.\n#_-0123456789", max_size=80))
def test_spans_stay_in_bounds(gaz, text):
    words = find_words(text, gaz)
    for k in range(len(words.folded)):
        assert 0 <= words.start(k) < words.end(k) <= len(text)
    for spot in spot_places(text, gaz):
        assert 0 <= spot.start <= spot.name_start < spot.name_end <= spot.end <= len(text)
