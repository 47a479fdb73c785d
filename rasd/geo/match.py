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
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from rasd.geo.gazetteer import Gazetteer, skeleton
from rasd.geo.lexicon import lookup, proclitic_forms, strip_variants
from rasd.geo.words import Words, find_words

__all__ = ["NAMING_DESCRIPTORS", "Spot", "spot_places"]

_TANWIN = re.compile("[\u064b\u064c\u064d]")
_NAME_DESCRIPTORS = ("town", "city", "quarter", "camp", "zone", "facility", "subdistrict")
NAMING_DESCRIPTORS = ("town", "city", "quarter", "camp", "facility", "subdistrict")
_UNKNOWN_DESCRIPTORS = ("town", "city", "quarter", "camp")
_SPAN_DESCRIPTORS = ("zone", "subdistrict", "governorate", "countryside")
_ROAD = frozenset(("طريق", "الطريق", "اوتوستراد", "الاوتوستراد"))
_CITY_WORDS = frozenset(("بين", "العاصمه")) | _ROAD


class Spot(NamedTuple):
    """A place name found in the text, with the grammar around it (see module docstring).

    ``start``/``end`` span the mention (with "ريف"/"محافظة"/direction words when they
    change the meaning); ``name_start``/``name_end`` span the name alone. ``candidates``
    are gazetteer positions; empty for an unknown name after a descriptor.

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


@functools.lru_cache(maxsize=1)
def _city_forms() -> dict[str, str]:
    """The proclitic forms of the road and "between" words (see :func:`proclitic_forms`)."""
    return proclitic_forms(_CITY_WORDS)


def _strip(word: str) -> str:
    """The shortest proclitic-free form of ``word`` (a lexicon check should use its forms)."""
    return strip_variants(word)[-1]


def _longest(words: Words, i: int, gaz: Gazetteer) -> tuple[int, str, str] | None:
    """The longest name starting at word ``i``: (end word, proclitics, folded key) or None."""
    folded = words.folded
    best = None
    for reading in _splits(gaz, folded[i]):
        longest = reading.longest
        if longest > 1 and (i + 1 >= len(folded) or folded[i + 1] not in reading.seconds):
            longest = 1
        if longest == 1:  # the stem alone: no longer name can follow
            if reading.matched and best is None:
                best = (i + 1, reading.prefix, reading.stem)
            continue
        parts = [reading.stem]
        for j in range(i + 1, min(i + longest, len(folded))):
            if not words.joinable(j):
                break
            parts.append(folded[j])
        for n in range(len(parts), 0, -1):
            key = " ".join(parts[:n])
            if key in gaz.index or key in gaz.blocked:
                if best is None or n > best[0] - i:
                    best = (i + n, reading.prefix, key)
                break
    return best


_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل", "ولل", "فلل")


def _stems(word: str):
    """(proclitics, stem) readings of a word: itself, then without و ف ب ل ك stacks.

    The article ال is never stripped (a name keeps it), "لل" restores it ("للرقه" -> "الرقه"),
    and ك only goes before ال ("كالعراق").
    """
    yield "", word
    for prefix in _PREFIXES:
        if not word.startswith(prefix) or len(word) - len(prefix) < 2:
            continue
        stem = word[len(prefix):]
        if prefix.endswith("لل"):
            stem = "ال" + stem
        elif "ك" in prefix and not stem.startswith("ال"):
            continue
        yield prefix, stem


@dataclass(frozen=True, slots=True)
class _Reading:
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


@functools.lru_cache(maxsize=4)
def _relevant_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word that could start a name or be a descriptor after its proclitics.

    A trigger (first word of a name, or a descriptor) behind و/ف, then ب/ل, ك before
    ال, or لل for ال: the words the readings of :func:`_stems` and the lexicon forms
    can reach, so that one set lookup per word picks the words of a text worth trying.
    """
    triggers = gaz.triggers
    articled = [trigger for trigger in triggers if trigger.startswith("ال")]
    stems = [trigger[2:] for trigger in articled]
    return frozenset(chain(
        triggers,
        *(map(head.__add__, triggers) for head in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")),
        *(map(head.__add__, articled) for head in ("ك", "وك", "فك")),
        *(map(head.__add__, stems) for head in ("لل", "ولل", "فلل")),
    ))


def spot_places(text: str, gaz: Gazetteer) -> list[Spot]:
    """Every place name in ``text`` (including unknown names after a descriptor), in order.

    Each spot is read as a dict of its fields (only those that differ from the
    defaults of :class:`Spot`); lists are linked on those dicts and each Spot is
    built once at the end.
    """
    words = find_words(text, gaz)
    relevant, descriptors = _relevant_words(gaz), gaz.lexicon.forms["descriptors"]
    spots: list[dict] = []
    after = 0
    for i in [k for k, word in enumerate(words.folded) if word in relevant]:
        if i < after:
            continue
        cls = descriptors.get(words.folded[i])
        if not _worth_trying(words, i, gaz, cls):
            continue
        adjective = cls in ("capital", "territory") and _adjective_spot(words, i, gaz, cls)
        found = adjective or _name_spot(words, i, gaz, cls)
        if found is None:
            continue
        fields, after = found
        if fields is not None:
            spots.append(fields)
    return [Spot(**fields) for fields in _link_lists(spots, words)]


def _name_spot(words: Words, i: int, gaz: Gazetteer, cls: str | None):
    """A spot for the name at word ``i`` (or an unknown name after a descriptor of class ``cls``),
    and the next word."""
    match = _longest(words, i, gaz)
    if match is None:
        return _unknown_spot(words, i, gaz, cls)
    last, prefix, key = match
    if key in gaz.blocked or _blocked(words, i, gaz) or _hard_without_descriptor(words, i, key, gaz):
        return None, last
    start, name_end = words.start(i), words.end(last - 1)
    if _TANWIN.search(words.text, start, name_end):  # "دوماً": a common word, not a proper name
        return None, last
    name_start, sentence = _after_prefix(words, i, prefix, start), words.sentence(i)
    fields = {
        "start": name_start, "end": name_end, "name_start": name_start, "name_end": name_end, "key": key,
        "candidates": gaz.index.get(key, ()), "first": i, "last": last, "sentence": sentence, "prefix": prefix,
    }
    fields.update(_read_before(i, prefix, sentence, words, gaz))
    fields.update(_read_after(last, words, gaz))
    return fields, fields["last"]


_OPENING_CLASSES = frozenset(("capital", "territory", "town", "city", "quarter", "camp", "zone", "facility", "subdistrict"))


def _worth_trying(words: Words, i: int, gaz: Gazetteer, cls: str | None) -> bool:
    """Cheap test at word ``i`` (of descriptor class ``cls``): a one-word name, the first
    two words of a longer one, or an opening descriptor."""
    following = words.folded[i + 1] if i + 1 < len(words.folded) else ""
    for reading in _splits(gaz, words.folded[i]):
        if reading.named or following in reading.seconds:
            return True
    return cls in _OPENING_CLASSES


def _hard_without_descriptor(words: Words, i: int, key: str, gaz: Gazetteer) -> bool:
    """A stop-listed common word with no naming descriptor ("بلدة", "مطار"...) right before it: not a place.

    (The resolver applies the same rule; checking it here saves building a spot.)
    """
    if gaz.stopwords.get(key) != "hard":
        return False
    return i == 0 or _descriptor_at(words, i - 1, gaz) not in NAMING_DESCRIPTORS


def _after_prefix(words: Words, i: int, prefix: str, start: int) -> int:
    """Offset in the text where the name starts after its proclitics (kept for "لل" + ال);
    ``start`` is where word ``i`` starts."""
    if not prefix or prefix.endswith("لل"):
        return start
    return words.orig(words.folded_start(i) + len(prefix))


def _has_tanwin(words: Words, i: int, last: int) -> bool:
    """True when the name carries tanwin ("دوماً"): a common word, not a proper name."""
    return _TANWIN.search(words.text, words.start(i), words.end(last - 1)) is not None


def _blocked(words: Words, i: int, gaz: Gazetteer) -> bool:
    """True after a word that makes the name part of something else ("طراز الجولان", "فيلق القدس")."""
    return i > 0 and words.joinable(i) and words.folded[i - 1] in gaz.lexicon.forms["blockers"]


def _descriptor_at(words: Words, k: int, gaz: Gazetteer) -> str | None:
    """The descriptor class of word ``k`` (after stripping its proclitics), or None."""
    if k < 0:
        return None
    return gaz.lexicon.forms["descriptors"].get(words.folded[k])


def _read_before(first: int, prefix: str, sentence: int, words: Words, gaz: Gazetteer) -> dict:
    """Read descriptor, direction, preposition and road/between cues before the name at word ``first``."""
    lexicon, k = gaz.lexicon, first - 1
    changes: dict = {}
    if k >= 0 and words.joinable(first) and "ل" in prefix:
        changes.update(_countryside_with_lam(words, k, gaz))
    direction, k_dir = _direction_before(words, k, gaz) if not changes else (None, k)
    if direction and words.joinable(first):
        changes.update(direction=direction, start=words.start(k_dir) + _proclitic_length(words, k_dir, gaz))
        k = k_dir - 1
    cls = _descriptor_at(words, k, gaz) if k >= 0 and not changes.get("descriptor") else None
    if cls == "near" and words.folded[k] == "من":
        cls = None
    if k >= 1 and words.folded[k] == "من" and _descriptor_at(words, k - 1, gaz) == "near":
        cls, k = "near", k - 1
    if cls and words.joinable(k + 1):
        changes.update(descriptor=cls, plural=words.folded[k] in lexicon.forms["plural"])
        if cls in _SPAN_DESCRIPTORS and "start" not in changes:
            changes["start"] = words.start(k) + _proclitic_length(words, k, gaz)
        k -= 1
    changes.update(_cues(first, prefix, sentence, words, k, gaz))
    return changes


def _countryside_with_lam(words: Words, k: int, gaz: Gazetteer) -> dict:
    """"الريف الشمالي لحماة": countryside + direction before a name with the preposition ل."""
    part = gaz.lexicon.direction_adjectives.get(words.folded[k])
    if part and k >= 1 and _descriptor_at(words, k - 1, gaz) == "countryside":
        return {"descriptor": "countryside", "part": part, "start": words.start(k - 1) + _proclitic_length(words, k - 1, gaz)}
    if _descriptor_at(words, k, gaz) == "countryside" and words.folded[k].endswith("الريف"):
        return {"descriptor": "countryside", "start": words.start(k) + _proclitic_length(words, k, gaz)}
    return {}


def _direction_before(words: Words, k: int, gaz: Gazetteer) -> tuple[str | None, int]:
    """A compass direction right before the name ("جنوب", "شمال شرقي"), and its first word."""
    directions = gaz.lexicon.forms["directions"]
    if k < 0:
        return None, k
    here = directions.get(words.folded[k])
    if not here:
        return None, k
    before = directions.get(words.folded[k - 1]) if k >= 1 else None
    if before and before in ("north", "south") and here in ("east", "west") and words.joinable(k):
        return f"{before}-{here}", k - 1
    return here, k


def _proclitic_length(words: Words, k: int, gaz: Gazetteer | None = None) -> int:
    """Length of the و/ف/ب/ل proclitics on word ``k`` before its lexicon form."""
    word = words.folded[k]
    if gaz is not None:
        lexicon = gaz.lexicon
        for form in strip_variants(word):
            if form in lexicon.descriptors or form in lexicon.directions or form in lexicon.direction_adjectives:
                return len(word) - len(form)
    return 0


def _cues(first: int, prefix: str, sentence: int, words: Words, k: int, gaz: Gazetteer) -> dict:
    """Preposition, hashtag, "بين", road and capital cues before the name (word ``k`` precedes)."""
    before, preposition, city = _preceding(gaz, words.folded[k] if k >= 0 else "")
    gap = words.gap(first)
    cue = (prefix != "" and ("ب" in prefix or "ل" in prefix or "ك" in prefix)) or "#" in gap or preposition
    if k >= 1 and before in ("الدولي", "السريع") and lookup(words.folded[k - 1], _ROAD):
        city = True
    joined = k >= 0 and first - k == 1 and words.sentence(k) == sentence and not gap.strip(" #")
    return {"cue": cue or city, "city_cue": city, "before": before if joined else ""}


@functools.lru_cache(maxsize=1 << 16)
def _preceding(gaz: Gazetteer, word: str) -> tuple[str, bool, bool]:
    """The word before a name as :func:`_cues` reads it: its preposition or road form (else
    its proclitic-free form), whether that is a preposition, and whether a road or "بين"."""
    if not word:
        return "", False, False
    before = gaz.lexicon.forms["prepositions"].get(word) or _city_forms().get(word) or _strip(word)
    return before, before in gaz.lexicon.prepositions, before in _CITY_WORDS


def _read_after(last: int, words: Words, gaz: Gazetteer) -> dict:
    """Read a direction part ("الشرقي"), "وريفها" and a country adjective after the name (ending before ``last``)."""
    lexicon, k = gaz.lexicon, last
    changes: dict = {}
    if k < len(words.folded) and words.joinable(k):
        word = words.folded[k]
        if word in lexicon.direction_adjectives:
            part = lexicon.direction_adjectives[word]
            if k + 1 < len(words.folded) and words.joinable(k + 1) and words.folded[k + 1] in lexicon.direction_adjectives:
                part, k = f"{part}-{lexicon.direction_adjectives[words.folded[k + 1]]}", k + 1
            changes.update(part=part, end=words.end(k), last=k + 1)
            k += 1
        elif word in lexicon.with_countryside:
            changes["with_countryside"] = True
    if k < len(words.folded) and words.joinable(k) and words.folded[k] in gaz.adjectives:
        changes["nisba"] = gaz.adjectives[words.folded[k]]
    return changes


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
    start, sentence = words.start(i) + _proclitic_length(words, i, gaz), words.sentence(i)
    fields = {
        "start": start, "end": words.end(i + 1), "name_start": start, "name_end": words.end(i + 1),
        "key": f"{words.folded[i]} {words.folded[i + 1]}", "candidates": (position,), "first": i, "last": i + 2,
        "sentence": sentence, "descriptor": cls, "nisba": iso,
    }
    fields.update(_cues(i, "", sentence, words, i - 1, gaz))
    fields.update(_near_before(i, words, gaz))
    return fields, i + 2


def _near_before(first: int, words: Words, gaz: Gazetteer) -> dict:
    """Mark "ضواحي العاصمة" and similar: a near-descriptor before a capital phrase (at word ``first``)."""
    k = first - 1
    if k >= 0 and words.joinable(first) and _descriptor_at(words, k, gaz) in ("near", "suburbs", "countryside"):
        start = words.start(k) + _proclitic_length(words, k, gaz)
        return {"descriptor": _descriptor_at(words, k, gaz), "start": start, "city_cue": True}
    return {}


def _unknown_spot(words: Words, i: int, gaz: Gazetteer, cls: str | None):
    """A name the gazetteer lacks right after a town/city/quarter/camp/zone descriptor, or None.

    The descriptor is word ``i``, of class ``cls``.
    """
    j = i + 1
    if cls not in _NAME_DESCRIPTORS or j >= len(words.folded) or not words.joinable(j):
        return None
    lexicon, word = gaz.lexicon, words.folded[j]
    forms = lexicon.forms
    if forms["stop"].get(word) or forms["descriptors"].get(word) or forms["directions"].get(word) or len(word) < 3:
        return None
    if _has_tanwin(words, j, j + 1) or _longest(words, j, gaz) is not None:
        return None
    last = j + 1
    if word in lexicon.compound_heads and last < len(words.folded) and words.joinable(last):
        last += 1
    if last < len(words.folded) and words.folded[last] in lexicon.verb_objects:
        return None  # "منطقة تسيطر عليها": a verb, not a name
    key = " ".join(words.folded[j:last])
    loose = gaz.loose.get(skeleton(key), ())
    if not loose and cls not in _UNKNOWN_DESCRIPTORS:
        return None
    sentence = words.sentence(j)
    fields = {
        "start": words.start(j), "end": words.end(last - 1), "name_start": words.start(j),
        "name_end": words.end(last - 1), "key": key, "candidates": loose, "first": j, "last": last,
        "sentence": sentence, "descriptor": cls, "plural": words.folded[i] in forms["plural"],
        "loose": bool(loose), "unknown": not loose,
    }
    fields.update(_cues(j, "", sentence, words, i - 1, gaz))
    fields.update(_read_after(last, words, gaz))
    return fields, fields["last"]


def _link_lists(spots: list[dict], words: Words) -> list[dict]:
    """Coordinated names share a plural descriptor and "بين"/road cues ("بلدات حرستا وكفر بطنا").

    ``spots`` are the field dicts of the spots in order; they are updated in place.
    """
    previous = None
    for spot in spots:
        if previous and _coordinated(previous, spot, words):
            spot.update(coordinated=True, cue=True)
            if previous.get("plural") and spot.get("descriptor") is None:
                spot.update(descriptor=previous.get("descriptor"), plural=True)
            if previous.get("city_cue"):
                spot["city_cue"] = True
        elif previous and _road_pair(previous, spot, words):
            previous["city_cue"] = True
            spot.update(city_cue=True, cue=True)
        previous = spot
    return spots


def _coordinated(previous: dict, spot: dict, words: Words) -> bool:
    """True when ``spot`` follows ``previous`` joined by و or a comma (both as field dicts)."""
    if spot["first"] != previous["last"] or words.sentence(spot["first"]) != previous["sentence"]:
        return False
    gap = words.gap(spot["first"]).strip()
    return (gap == "" and spot.get("prefix", "").startswith("و")) or gap in ("،", ",")


def _road_pair(previous: dict, spot: dict, words: Words) -> bool:
    """"دمشق - دير الزور": two names joined by a spaced dash (a road or a route)."""
    return spot["first"] == previous["last"] and words.gap(spot["first"]).strip() in ("-", "–")
