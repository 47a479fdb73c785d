"""Find place names in Arabic text: the spotting half of rasd.geo (resolution is in resolve.py).

Matching folds spelling (rasd.text.normalize: hamza/alef, ya, ta marbuta, diacritics),
strips stacked proclitics ("وبالرقة" -> "الرقة"), takes the longest gazetteer name, and
reads the grammar around it: a descriptor before it ("بلدة", "ريف", "محافظة", "مطار"), a
direction before it ("جنوب إدلب") or after it ("الكرك الشرقي"), a country adjective after
it ("إدلب السورية"), a preposition or a list it belongs to. Offsets are into the text given.

>>> from rasd.geo.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> [(s.key, s.descriptor, s.part) for s in spot_places("من قرية الكرك الشرقي وبالرقة", gaz)]
[('الكرك', 'town', 'east'), ('الرقه', None, None)]
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import compress, count
from typing import NamedTuple

from rasd.geo.gazetteer import Gazetteer, skeleton
from rasd.geo.grammar import (
    UNKNOWN_DESCRIPTORS,
    descriptor_at,
    direction_before,
    link_lists,
    near_at,
    preceding,
    proclitic_length,
    read_after,
    read_before,
    read_cues,
    road_cue,
    strip_proclitics,
)
from rasd.geo.words import _JOINING, _MARKS, Words, find_words

__all__ = ["NAMING_DESCRIPTORS", "Spot", "spot_places"]

_TANWIN = re.compile("[\u064b\u064c\u064d]")
_NAME_DESCRIPTORS = ("town", "city", "quarter", "camp", "zone", "facility", "subdistrict")
NAMING_DESCRIPTORS = ("town", "city", "quarter", "camp", "facility", "subdistrict")
# descriptors that may introduce a name the gazetteer lacks ("محافظة البصرة" abroad: a country at most)
_UNKNOWN_AFTER = UNKNOWN_DESCRIPTORS + ("governorate",)
_PROVINCE_WORDS = frozenset(("محافظه", "محافظات", "محافظتي"))  # other governorate words need a country adjective


class Spot(NamedTuple):
    """A place name found in the text, with the grammar around it (see module docstring).

    ``start``/``end`` span the mention (with "ريف"/"محافظة"/direction words when they
    change the meaning); ``name_start``/``name_end`` span the name alone. ``candidates``
    are gazetteer positions; empty for an unknown name after a descriptor.

    ``near``: a near-word stands before the descriptor ("قرب مدينة حماة"); ``inside``: the
    name is a quarter or camp of the place spotted right after it ("حي الحمدانية في مدينة
    حلب"); ``compound``: an unknown name opened by a name head ("كفر روما"); ``deictic``:
    "country" for "البلاد" (the country the article is about), "town" for "المدينة" after a
    near-word (the town named before).

    An immutable named tuple rather than a frozen dataclass: one is made for every
    mention, and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    key: str
    candidates: tuple[int, ...]
    first: int
    last: int
    sentence: int
    prefix: str = ""
    descriptor: str | None = None
    plural: bool = False
    direction: str | None = None
    part: str | None = None
    nisba: str | None = None
    cue: bool = False
    coordinated: bool = False
    city_cue: bool = False
    with_countryside: bool = False
    loose: bool = False
    unknown: bool = False
    before: str = ""
    near: bool = False
    inside: bool = False
    compound: bool = False
    deictic: str | None = None


def _longest(words: Words, i: int, readings: tuple[_Reading, ...], gaz: Gazetteer) -> tuple[int, str, str] | None:
    """The longest name starting at word ``i`` (whose readings are ``readings``): (end word,
    proclitics, folded key) or None."""
    folded = words.folded
    best = None
    for prefix, stem, _, matched, longest, seconds in readings:
        if longest > 1 and (i + 1 >= len(folded) or folded[i + 1] not in seconds):
            longest = 1
        if longest == 1:  # the stem alone: no longer name can follow
            if matched and best is None:
                best = (i + 1, prefix, stem)
            continue
        parts = [stem]
        for j in range(i + 1, min(i + longest, len(folded))):
            if not words.joinable(j):
                break
            parts.append(folded[j])
        for n in range(len(parts), 0, -1):
            key = " ".join(parts[:n])
            if key in gaz.index or key in gaz.blocked:
                if best is None or n > best[0] - i:
                    best = (i + n, prefix, key)
                break
    return best


_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل")


def _stems(word: str):
    """(proclitics, stem) readings of a word: itself, then without و ف ب ل ك stacks.

    The article ال is never stripped (a name keeps it), "لل" restores it ("للرقه" -> "الرقه"),
    and ك only goes before ال ("كالعراق").
    """
    yield "", word
    if word[:1] not in "وفبلك":  # what every proclitic stack begins with
        return
    for prefix in _PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < 2:
            continue
        stem = word[len(prefix):]
        if prefix.endswith("لل"):
            stem = "ال" + stem
        elif "ك" in prefix and not stem.startswith("ال"):
            continue
        yield prefix, stem


class _Reading(NamedTuple):
    """A (proclitics, stem) reading of a word whose stem starts a gazetteer name.

    ``named``: the stem alone is a name; ``matched``: it is a name or a blocked phrase;
    ``longest``: words in the longest name it starts; ``seconds``: the second words of
    the longer names.
    """

    prefix: str
    stem: str
    named: bool
    matched: bool
    longest: int
    seconds: frozenset[str]


@functools.lru_cache(maxsize=1 << 16)
def _splits(gaz: Gazetteer, word: str) -> tuple[_Reading, ...]:
    """The readings of ``word`` whose stem starts a gazetteer name (memoised across texts)."""
    return tuple(
        _Reading(prefix, stem, stem in gaz.index, stem in gaz.index or stem in gaz.blocked,
                 gaz.first_words[stem], gaz.second_words.get(stem, frozenset()))
        for prefix, stem in _stems(word) if stem in gaz.first_words
    )


class _Word(NamedTuple):
    """What spotting needs to know of a word of :attr:`Gazetteer.spot_words` (see :func:`_word`)."""

    deictic: bool
    descriptor: str | None
    always: bool
    seconds: frozenset[str]
    readings: tuple[_Reading, ...]
    alone: tuple[str, str] | None


_OPENING_CLASSES = frozenset(("capital", "territory", "town", "city", "quarter", "camp", "zone", "facility", "subdistrict", "governorate"))


@functools.lru_cache(maxsize=1 << 16)
def _word(gaz: Gazetteer, word: str) -> _Word:
    """A word's readings, once per word (memoised across texts): whether it is "البلاد" or
    "المدينة", its descriptor class, whether it is always worth trying (a reading is a name or
    a name head, or it is an opening descriptor) and otherwise the second words that make it
    worth trying (those of the longer names its readings begin), and the (proclitics, name)
    it is when the next word is none of those (:func:`_longest` of the word alone)."""
    readings = _splits(gaz, word)
    lexicon = gaz.lexicon
    descriptor = lexicon.forms["descriptors"].get(word)
    always = any(r.named or r.stem in lexicon.name_heads for r in readings) or descriptor in _OPENING_CLASSES
    alone = next(((r.prefix, r.stem) for r in readings if r.matched), None)
    return _Word(
        word in lexicon.country_words or word in lexicon.town_words, descriptor, always,
        frozenset().union(*(r.seconds for r in readings)), readings, alone,
    )


def spot_places(text: str, gaz: Gazetteer) -> list[Spot]:
    """Every place name in ``text`` (including unknown names after a descriptor), in order.

    One set lookup per word picks the words worth trying (:attr:`Gazetteer.spot_words`);
    what each of those may start is read once per word (:func:`_word`). A plain name (no
    grammar word before it, no direction after it) is read straight into its Spot; the
    others are read as a dict of the fields that differ from the defaults of :class:`Spot`.
    Lists are linked at the end.
    """
    words = find_words(text, gaz)
    folded = words.folded
    size = len(folded)
    spots: list[Spot] = []
    after = 0
    for i in compress(count(), map(gaz.spot_words.__contains__, folded)):
        if i < after:
            continue
        deictic, cls, always, seconds, readings, alone = _word(gaz, folded[i])
        if deictic:
            fields = _deictic_spot(words, i, gaz)
            if fields:
                spots.append(Spot(**fields))
                continue
        longer = i + 1 < size and folded[i + 1] in seconds
        if not always and not longer:
            continue  # not a name, and no longer name starts here
        adjective = cls in ("capital", "territory") and _adjective_spot(words, i, gaz, cls)
        if adjective:
            found = adjective
        else:
            match = _longest(words, i, readings, gaz) if longer else (i + 1, *alone) if alone else None
            found = _name_spot(words, i, gaz, cls, match)
        if found is None:
            continue
        spot, after = found
        if spot is not None:
            spots.append(spot)
    return link_lists(spots, words)


def _deictic_spot(words: Words, i: int, gaz: Gazetteer) -> dict | None:
    """"شمال البلاد" (a part of the article's country) and "أطراف المدينة" (near the town named
    before): places the resolver finds from the article; None without the direction or near-word."""
    word, k = words.folded[i], i - 1
    if not words.joinable(i) or k < 0:
        return None
    if word in gaz.lexicon.country_words:
        kind, (cue, k) = "country", direction_before(words, k, gaz)
    else:
        kind, cue = "town", near_at(words, k, gaz)
        k -= words.folded[k] == "من"
    if not cue:
        return None
    start = words.start(k) + proclitic_length(words, k, gaz) if kind == "country" else words.start(i)
    fields = {
        "start": start, "end": words.end(i), "name_start": words.start(i), "name_end": words.end(i), "key": word,
        "candidates": (), "first": i, "last": i + 1, "sentence": words.sentence(i), "unknown": True, "deictic": kind,
    }
    if kind == "country":
        fields["direction"] = cue
    else:
        fields.update(descriptor="near", near=True)
        fields.update(read_after(i + 1, words, gaz))
        fields["end"] = words.end(i)
    return fields


# proclitics that make a name's word a place cue (a preposition: ب ل ك)
_CUE_PREFIXES = frozenset(prefix for prefix in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل")
                          if "ب" in prefix or "ل" in prefix or "ك" in prefix)
_new_spot = tuple.__new__


def _name_spot(words: Words, i: int, gaz: Gazetteer, cls: str | None, match: tuple[int, str, str] | None):
    """A spot for the name at word ``i`` (or an unknown name after a descriptor of class ``cls``),
    and the next word. ``match`` is :func:`_longest` at word ``i``."""
    if match is None:
        return _unknown_spot(words, i, gaz, cls) or _compound_spot(words, i, gaz)
    last, prefix, key = match
    folded, parts, forms = words.folded, words.parts, gaz.lexicon.forms
    previous = folded[i - 1] if i > 0 else ""
    joined = i > 0 and parts[2 * i] in _JOINING
    if key in gaz.blocked or (joined and previous in forms["blockers"]):
        return None, last  # "فيلق القدس", "روسيا اليوم"
    if key in gaz.stopwords and _hard_without_descriptor(words, i, key, gaz):
        return None, last
    if not prefix and joined and previous in forms["name_heads"]:  # "كفر روما": not Rome
        return None, last
    shortened = " " in key and cls is None and _town_before_part(words, i, last, key, gaz)
    if (
        shortened
        # grammar before it (read by grammar.read_before): a descriptor, a direction, "بالقرب من"
        or previous in forms["grammar"] or (previous == "من" and i >= 2 and forms["descriptors"].get(folded[i - 2]) == "near")
        or (last < len(folded) and parts[2 * last] in _JOINING and folded[last] in gaz.lexicon.direction_adjectives)
    ):
        return _read_name(words, i, gaz, last, prefix, key, shortened)
    # a plain name: only the cues before it and "وريفها" or a country adjective after it
    position, end = words.edge(2 * i + 1), words.edge(2 * last)
    if words.offsets is None:  # Words.start and Words.end, inline: original offsets shift by the marks dropped before
        text, shifts = words.text, words.shifts
        start = position + bisect_right(shifts, position)
        name_end = end + bisect_right(shifts, end - 1)
        while name_end < len(text) and text[name_end] in _MARKS:
            name_end += 1
        if name_end - start != end - position and _TANWIN.search(text, start, name_end):
            return None, last  # "دوماً": a common word, not a proper name
        if prefix and not prefix.endswith("لل"):
            name_start = position + len(prefix) + bisect_right(shifts, position + len(prefix))
        else:
            name_start = start
    else:
        start, name_end = words.start(i), words.end(last - 1)
        if _TANWIN.search(words.text, start, name_end):
            return None, last
        name_start = _after_prefix(words, i, prefix, start)
    before, preposition, city = preceding(gaz, previous)
    gap = parts[2 * i]
    cue = prefix in _CUE_PREFIXES or "#" in gap or preposition
    if i >= 2 and road_cue(before, folded[i - 2]):
        city = True
    if i == 0 or gap.strip(" #"):
        before = ""  # not the word right before the name
    with_countryside, nisba = False, None
    if last < len(folded) and parts[2 * last] in _JOINING:
        with_countryside, nisba = folded[last] in gaz.lexicon.with_countryside, gaz.adjectives.get(folded[last])
    return _new_spot(Spot, (
        name_start, name_end, name_start, name_end, key, gaz.index.get(key, ()), i, last,
        bisect_right(words.breaks, position), prefix, None, False, None, None, nisba, cue or city, False, city,
        with_countryside, False, False, before, False, False, False, None,
    )), last


def _read_name(words: Words, i: int, gaz: Gazetteer, last: int, prefix: str, key: str, shortened: bool):
    """The spot of a name with grammar around it (a descriptor or direction before it, a
    direction part after it), read as a dict of fields, and the next word."""
    if shortened:
        last, key = last - 1, key.rpartition(" ")[0]
    start, name_end = words.start(i), words.end(last - 1)
    if _TANWIN.search(words.text, start, name_end):  # "دوماً": a common word, not a proper name
        return None, last
    name_start, sentence = _after_prefix(words, i, prefix, start), words.sentence(i)
    fields = {
        "start": name_start, "end": name_end, "name_start": name_start, "name_end": name_end, "key": key,
        "candidates": gaz.index.get(key, ()), "first": i, "last": last, "sentence": sentence, "prefix": prefix,
    }
    fields.update(read_before(i, prefix, sentence, words, gaz))
    fields.update(read_after(last, words, gaz))
    if shortened:
        fields["end"] = name_end
    return Spot(**fields), fields["last"]


def _town_before_part(words: Words, i: int, last: int, key: str, gaz: Gazetteer) -> bool:
    """True for "أطراف مدينة حلب الشرقية": after a town descriptor, an area named "X + direction"
    that is no town is the town X, and the direction (read by :func:`_read_after`, outside the
    span) a part of it or of what comes before ("the eastern outskirts"). X must be a town
    (an admin centre or a city abroad): "مدن الغوطة الشرقية" stays the area."""
    head, _, tail = key.rpartition(" ")
    if tail not in gaz.lexicon.direction_adjectives or head not in gaz.index:
        return False
    if descriptor_at(words, i - 1, gaz) not in UNKNOWN_DESCRIPTORS or not words.joinable(i):
        return False
    if words.folded[i - 1] in gaz.lexicon.forms["plural"] or any(gaz.entries[c].level in ("community", "city") for c in gaz.index[key]):
        return False
    return any(gaz.entries[c].level == "city" or gaz.entries[c].capital for c in gaz.index[head])


def _compound_spot(words: Words, i: int, gaz: Gazetteer):
    """An unknown compound name at word ``i``: a name head and the word after it ("وكفر روما").

    It names a village the gazetteer lacks (or spells otherwise); the resolver gives it the
    area its descriptor and sentence support, and rejects it without a descriptor.
    """
    stem = strip_proclitics(words.folded[i])
    j = i + 1
    if stem not in gaz.lexicon.name_heads or j >= len(words.folded) or not words.joinable(j):
        return None
    word, forms = words.folded[j], gaz.lexicon.forms
    if forms["stop"].get(word) or forms["descriptors"].get(word) or forms["directions"].get(word) or len(word) < 2:
        return None
    prefix = words.folded[i][:len(words.folded[i]) - len(stem)]
    start, end, sentence = _after_prefix(words, i, prefix, words.start(i)), words.end(j), words.sentence(i)
    fields = {
        "start": start, "end": end, "name_start": start, "name_end": end, "key": f"{stem} {word}",
        "candidates": (), "first": i, "last": j + 1, "sentence": sentence, "prefix": prefix,
        "unknown": True, "compound": True,
    }
    fields.update(read_before(i, prefix, sentence, words, gaz))
    fields.update(read_after(j + 1, words, gaz))
    return Spot(**fields), fields["last"]


def _hard_without_descriptor(words: Words, i: int, key: str, gaz: Gazetteer) -> bool:
    """A stop-listed common word with no naming descriptor ("بلدة", "مطار"...) right before it: not a place.

    (The resolver applies the same rule; checking it here saves building a spot.)
    """
    if gaz.stopwords.get(key) != "hard":
        return False
    return i == 0 or descriptor_at(words, i - 1, gaz) not in NAMING_DESCRIPTORS


def _after_prefix(words: Words, i: int, prefix: str, start: int) -> int:
    """Offset in the text where the name starts after its proclitics (kept for "لل" + ال);
    ``start`` is where word ``i`` starts."""
    if not prefix or prefix.endswith("لل"):
        return start
    return words.orig(words.folded_start(i) + len(prefix))


def _has_tanwin(words: Words, i: int, last: int) -> bool:
    """True when the name carries tanwin ("دوماً"): a common word, not a proper name."""
    return _TANWIN.search(words.text, words.start(i), words.end(last - 1)) is not None


def _adjective_spot(words: Words, i: int, gaz: Gazetteer, cls: str):
    """"العاصمة السورية" (a capital) and "الأراضي الإسرائيلية" (a country) as place spots.

    ``cls`` is the descriptor class of word ``i``.
    """
    if cls not in ("capital", "territory") or i + 1 >= len(words.folded) or not words.joinable(i + 1):
        return None
    iso = gaz.adjectives.get(words.folded[i + 1])
    position = (gaz.capitals.get(iso) if cls == "capital" else gaz.codes.get(f"country:{iso}")) if iso else None
    if position is None:
        return None
    start, sentence = words.start(i) + proclitic_length(words, i, gaz), words.sentence(i)
    fields = {
        "start": start, "end": words.end(i + 1), "name_start": start, "name_end": words.end(i + 1),
        "key": f"{words.folded[i]} {words.folded[i + 1]}", "candidates": (position,), "first": i, "last": i + 2,
        "sentence": sentence, "descriptor": cls, "nisba": iso,
    }
    fields.update(read_cues(i, "", sentence, words, i - 1, gaz))
    fields.update(_near_before(i, words, gaz))
    return Spot(**fields), i + 2


def _near_before(first: int, words: Words, gaz: Gazetteer) -> dict:
    """Mark "ضواحي العاصمة" and similar: a near-descriptor before a capital phrase (at word ``first``)."""
    k = first - 1
    if k >= 0 and words.joinable(first) and descriptor_at(words, k, gaz) in ("near", "suburbs", "countryside"):
        start = words.start(k) + proclitic_length(words, k, gaz)
        return {"descriptor": descriptor_at(words, k, gaz), "start": start, "city_cue": True}
    return {}


def _unknown_spot(words: Words, i: int, gaz: Gazetteer, cls: str | None):
    """A name the gazetteer lacks right after a town/city/quarter/camp/zone descriptor, or None.

    The descriptor is word ``i``, of class ``cls``.
    """
    j = i + 1
    if (cls not in _NAME_DESCRIPTORS and cls not in _UNKNOWN_AFTER) or j >= len(words.folded) or not words.joinable(j):
        return None
    lexicon, word = gaz.lexicon, words.folded[j]
    forms = lexicon.forms
    if forms["stop"].get(word) or forms["descriptors"].get(word) or forms["directions"].get(word) or len(word) < 3:
        return None
    if word in gaz.adjectives or "ال" + word in gaz.adjectives:  # "محافظة إيرانية": an adjective
        return None
    if _has_tanwin(words, j, j + 1) or _longest(words, j, _splits(gaz, word), gaz) is not None:
        return None
    last = j + 1
    if word in lexicon.compound_heads and last < len(words.folded) and words.joinable(last):
        last += 1
    if last < len(words.folded) and words.folded[last] in lexicon.verb_objects:
        return None  # "منطقة تسيطر عليها": a verb, not a name
    key = " ".join(words.folded[j:last])
    loose = gaz.loose.get(skeleton(key), ()) if cls != "governorate" else ()
    if not loose and cls not in _UNKNOWN_AFTER:
        return None
    sentence = words.sentence(j)
    fields = {
        "start": words.start(j), "end": words.end(last - 1), "name_start": words.start(j),
        "name_end": words.end(last - 1), "key": key, "candidates": loose, "first": j, "last": last,
        "sentence": sentence, "descriptor": cls, "plural": words.folded[i] in forms["plural"],
        "loose": bool(loose), "unknown": not loose,
    }
    fields.update(read_cues(j, "", sentence, words, i - 1, gaz))
    fields.update(read_after(last, words, gaz))
    if cls == "governorate" and not fields.get("nisba") and strip_proclitics(words.folded[i]) not in _PROVINCE_WORDS:
        return None  # "لولاية رابعة": a term of office, not a state; "ولاية أيوا الأمريكية" is one
    return Spot(**fields), fields["last"]


