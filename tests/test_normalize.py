"""Normalisation: the fast path equals the character-by-character definition; folding rules; offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize_key, normalize_text, normalize_text_slow, proclitic_splits

# Arabic letters, marks, digits of three scripts, spaces and bidi marks, Latin, a
# presentation-form ligature (slow path) and NFKC-stable presentation forms.
_CHARS = st.sampled_from(
    list("قتلمدنيعصراأإآٱىئؤءةهوبABCxyz 0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳٤\n\t\u00a0\u200f\u200e\u0640\u064b\u064e\u0651\u0670ﻻﺃ﴾﴿،.%/-")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=80).map("".join))
def test_fast_path_equals_the_definition(text):
    assert normalize_text(text) == normalize_text_slow(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_CHARS, min_size=1, max_size=40).map("".join), st.data())
def test_spans_map_back_the_same_way(text, data):
    quick, slow = normalize_text(text), normalize_text_slow(text)
    start = data.draw(st.integers(0, len(quick.text)))
    end = data.draw(st.integers(start, len(quick.text)))
    if start < len(quick.text) or start == end:
        assert quick.span_to_original(start, end) == slow.span_to_original(start, end)


def test_the_ornate_parentheses_do_not_crash():
    assert normalize_text("﴿قتل 5﴾").text == "﴿قتل 5﴾"
    assert normalize_text_slow("﴿قتل 5﴾").text == "﴿قتل 5﴾"


def test_finders_accept_a_normalised_text():
    import datetime as dt

    from rasd.text.dates import find_times
    from rasd.text.numbers import find_quantities

    text = "قُتل ١١ مدنياً، السبت"
    shared = normalize_text(text)
    assert find_quantities(text, normalized=shared) == find_quantities(text)
    assert find_times(text, dt.date(2018, 3, 17), normalized=shared) == find_times(text, dt.date(2018, 3, 17))


@pytest.mark.parametrize(
    "text, folded",
    [
        ("إدلب", "ادلب"), ("أحمد", "احمد"), ("آلاف", "الاف"), ("ٱلله", "الله"),  # alef forms
        ("مستشفى", "مستشفي"), ("قرية", "قريه"), ("مسؤول", "مسوول"), ("رئيس", "رييس"),
        ("قُتِلَ", "قتل"), ("مدنيــين", "مدنيين"), ("\u200fدرعا\u200e", "درعا"),  # marks, tatweel, bidi
        ("١٤ و۱۵", "14 و15"), ("a\u00a0b", "a b"), ("ﻻ", "لا"), ("UN", "un"),
    ],
)
def test_folding_rules(text, folded):
    assert normalize_key(text) == folded


@pytest.mark.parametrize("text", ["إدلب", "درعا", "قرية", "مدنيين"])
def test_near_misses_stay_apart(text):
    # folding never merges different letters: د/ذ, ر/ز, ب/ت stay distinct
    assert normalize_key(text) != normalize_key(text.replace("د", "ذ").replace("ر", "ز").replace("ب", "ت"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalisation_is_idempotent_and_offsets_are_in_bounds(text):
    once = normalize_text(text)
    assert normalize_text(once.text).text == once.text
    assert len(once.offsets) == len(once.text) + 1
    assert all(0 <= o <= len(text) for o in once.offsets)
    assert list(once.offsets) == sorted(once.offsets)


@pytest.mark.parametrize(
    "word, stem",
    [("وبالرقه", "رقه"), ("للرقه", "الرقه"), ("والمدينه", "مدينه"), ("فبريف", "ريف"), ("كالمدينه", "مدينه")],
)
def test_proclitic_splits_offer_the_stem(word, stem):
    assert stem in [s for _, s in proclitic_splits(word)]


@pytest.mark.parametrize("word", ["بلد", "لو", "وا"])
def test_proclitic_splits_keep_short_stems_whole(word):
    assert all(len(s) >= 2 for _, s in proclitic_splits(word))
