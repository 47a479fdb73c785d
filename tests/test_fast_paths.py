"""Speed-ups that must not change a result: each fast path equals its plain definition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.geo.gazetteer import Gazetteer
from rasd.geo.lexicon import GeoLexicon, lookup
from rasd.text.dates import _DIGITS
from rasd.text.letters import LETTER, beyond_bmp, bmp_pattern
from rasd.text.lines import _ends_sentence, _without_closers, to_words
from rasd.text.normalize import dropped_marks, normalize_text
from rasd.text.numbers_words import scan
from rasd.text.segment import _token_before

# Arabic letters and marks, digits of three scripts, punctuation, closers, spaces and a
# character beyond the BMP.
_TEXT = st.lists(
    st.sampled_from(list("قتلمدنيأإىةوبال ٠١٢0123456789.,٫/-:؟!…\"'”»)]«(\n\t\u00a0\u064b\u0651\u0640²_©ab") + ["\U0001d400"]),
    max_size=60,
).map("".join)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_the_bmp_letter_class_is_the_letter_class():
    fast = bmp_pattern(LETTER)
    assert all((fast.fullmatch(c) is None) == (re.fullmatch(LETTER, c) is None) for c in map(chr, range(0x10000)))
    assert beyond_bmp("\U0001d400") and not beyond_bmp("قتل 11")


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_tokens_and_their_offsets(text):
    tokens = scan(text)
    assert tokens.texts == re.findall(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*|\S", text)
    assert all(text[start:].startswith(piece) for piece, start in zip(tokens.texts, tokens.starts))
    assert all(a + len(piece) <= b for piece, a, b in zip(tokens.texts, tokens.starts, tokens.starts[1:]))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_line_words_are_the_folded_words(text):
    normalized, marks = normalize_text(text), dropped_marks()
    expected = []
    for match in re.finditer(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*|©", normalized.text):
        start, end = normalized.offsets[match.start()], normalized.offsets[match.end() - 1] + 1
        while end < len(text) and text[end] in marks:
            end += 1
        expected.append((match.group(), start, end))
    assert [tuple(word) for word in to_words(text)] == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_line_endings(text):
    assert _ends_sentence(text) == bool(re.search(r"(?:[.!?؟…]+)[\"'”’»)\]]*\s*$", text))
    assert _without_closers(text) == re.sub(r"[\"'”’»)\]\s]+$", "", text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_date_digit_anchors(text):
    plain = re.compile(r"(?<!\d)(?P<year>\d{4})(?!\d)|(?<!\d)\d{1,2}(?=[/.-]\d)")
    found = [(m.start(), bool(m.group("year"))) for m in _DIGITS.finditer(text)]
    assert found == [(m.start(), bool(m.group("year"))) for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(lambda t: "\n" not in t), st.data())
def test_token_before_a_dot(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _token_before(text, start, end) == re.compile(r"([^\s\"'“”«»()\[\]]*)$").search(text, start, end).group(1)


def test_lexicon_forms_are_the_lookups():
    lexicon = GeoLexicon.load()
    for name in ("descriptors", "directions", "plural", "blockers", "prepositions"):
        table = getattr(lexicon, name)
        for key in table:
            for word in (key, "و" + key, "وب" + key, "ك" + key, "فل" + key, "ال" + key, key[1:]):
                assert lexicon.form(name, word) == lookup(word, table), (name, word)


@pytest.mark.parametrize("word", ["ادلب", "وادلب", "بادلب", "وبادلب", "كالعراق", "للرقه", "وللرقه", "ادلبي", "وكادلب"])
def test_relevant_words_are_the_proclitic_readings(gaz, word):
    triggers, relevant = gaz.triggers, gaz.spot_words
    rest = word[1:] if word[:1] in ("و", "ف") else word
    head, stem = rest[:1], rest[1:]
    readable = (
        word in triggers or rest in triggers or (head in ("ب", "ل") and stem in triggers)
        or (head == "ك" and stem.startswith("ال") and stem in triggers)
        or (head == "ل" and stem[:1] == "ل" and "ا" + stem in triggers)
    )
    assert (word in relevant) == readable
