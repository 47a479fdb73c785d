"""The grammar around a place name: what the words before and after it say.

A descriptor before it ("بلدة", "ريف", "محافظة", "مطار", "قرب مدينة"), a compass direction
before it ("جنوب إدلب", "شمال شرقي") or a direction part after it ("الكرك الشرقي"),
"وريفها", a country adjective ("إدلب السورية"), prepositions, hashtags, "بين" and road
pairs as cues, and the lists names belong to ("بلدات حرستا وكفر بطنا"). Used by
rasd.geo.match; each reader returns the Spot fields it changes, as a dict.
"""

from __future__ import annotations

import functools

from rasd.geo.gazetteer import Gazetteer
from rasd.geo.lexicon import lookup, proclitic_forms, strip_variants
from rasd.geo.words import Words

__all__ = [
    "UNKNOWN_DESCRIPTORS", "descriptor_at", "direction_before", "link_lists", "near_at", "preceding",
    "proclitic_length", "read_after", "read_before", "read_cues", "road_cue", "strip_proclitics",
]

UNKNOWN_DESCRIPTORS = ("town", "city", "quarter", "camp")
_SPAN_DESCRIPTORS = ("zone", "subdistrict", "governorate", "countryside")
_ROAD = frozenset(("طريق", "الطريق", "اوتوستراد", "الاوتوستراد"))
_CITY_WORDS = frozenset(("بين", "العاصمه")) | _ROAD
_WITHIN = frozenset(("في", "داخل", "وسط", "بوسط", "ضمن", "مدينه", "بمدينه"))


@functools.lru_cache(maxsize=1)
def _city_forms() -> dict[str, str]:
    """The proclitic forms of the road and "between" words (see :func:`proclitic_forms`)."""
    return proclitic_forms(_CITY_WORDS)


def strip_proclitics(word: str) -> str:
    """The shortest proclitic-free form of ``word`` (a lexicon check should use its forms)."""
    return strip_variants(word)[-1]


def descriptor_at(words: Words, k: int, gaz: Gazetteer) -> str | None:
    """The descriptor class of word ``k`` (after stripping its proclitics), or None."""
    if k < 0:
        return None
    return gaz.lexicon.forms["descriptors"].get(words.folded[k])


def read_before(first: int, prefix: str, sentence: int, words: Words, gaz: Gazetteer) -> dict:
    """Read descriptor, direction, preposition and road/between cues before the name at word ``first``."""
    lexicon, k = gaz.lexicon, first - 1
    if k < 0 or words.folded[k] not in _grammar_words(gaz):  # the common case: a verb or preposition before
        return read_cues(first, prefix, sentence, words, k, gaz)
    changes: dict = {}
    if k >= 0 and words.joinable(first) and "ل" in prefix:
        changes.update(_countryside_with_lam(words, k, gaz))
    direction, k_dir = direction_before(words, k, gaz) if not changes else (None, k)
    if direction and words.joinable(first):
        changes.update(direction=direction, start=words.start(k_dir) + proclitic_length(words, k_dir, gaz))
        k = k_dir - 1
    cls = descriptor_at(words, k, gaz) if k >= 0 and not changes.get("descriptor") else None
    if cls == "near" and words.folded[k] == "من":
        cls = None
    if k >= 1 and words.folded[k] == "من" and descriptor_at(words, k - 1, gaz) == "near":
        cls, k = "near", k - 1
    if cls and words.joinable(k + 1):
        changes.update(descriptor=cls, plural=words.folded[k] in lexicon.forms["plural"])
        if cls in _SPAN_DESCRIPTORS and "start" not in changes:
            changes["start"] = words.start(k) + proclitic_length(words, k, gaz)
        k -= 1
        if cls in UNKNOWN_DESCRIPTORS and near_at(words, k, gaz):  # "قرب مدينة حماة", "بالقرب من مدينة"
            changes["near"] = True
    changes.update(read_cues(first, prefix, sentence, words, k, gaz))
    return changes


@functools.lru_cache(maxsize=4)
def _grammar_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word :func:`_read_before` reads beyond the cues: descriptors, directions and
    direction adjectives with their proclitics, and "من" (of "بالقرب من")."""
    forms = gaz.lexicon.forms
    adjectives = proclitic_forms(gaz.lexicon.direction_adjectives)
    return frozenset(forms["descriptors"]) | frozenset(forms["directions"]) | frozenset(adjectives) | {"من"}


def near_at(words: Words, k: int, gaz: Gazetteer) -> bool:
    """True when word ``k`` (or "من" at ``k`` after one) is a near-word joined to what follows."""
    if k >= 1 and words.folded[k] == "من":
        k -= 1
    return k >= 0 and words.joinable(k + 1) and descriptor_at(words, k, gaz) == "near" and words.folded[k] != "من"


def _countryside_with_lam(words: Words, k: int, gaz: Gazetteer) -> dict:
    """"الريف الشمالي لحماة": countryside + direction before a name with the preposition ل."""
    part = gaz.lexicon.direction_adjectives.get(words.folded[k])
    if part and k >= 1 and descriptor_at(words, k - 1, gaz) == "countryside":
        return {"descriptor": "countryside", "part": part, "start": words.start(k - 1) + proclitic_length(words, k - 1, gaz)}
    if descriptor_at(words, k, gaz) == "countryside" and words.folded[k].endswith("الريف"):
        return {"descriptor": "countryside", "start": words.start(k) + proclitic_length(words, k, gaz)}
    return {}


def direction_before(words: Words, k: int, gaz: Gazetteer) -> tuple[str | None, int]:
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


def proclitic_length(words: Words, k: int, gaz: Gazetteer | None = None) -> int:
    """Length of the و/ف/ب/ل proclitics on word ``k`` before its lexicon form."""
    word = words.folded[k]
    if gaz is not None:
        lexicon = gaz.lexicon
        for form in strip_variants(word):
            if form in lexicon.descriptors or form in lexicon.directions or form in lexicon.direction_adjectives:
                return len(word) - len(form)
    return 0


def read_cues(first: int, prefix: str, sentence: int, words: Words, k: int, gaz: Gazetteer) -> dict:
    """Preposition, hashtag, "بين", road and capital cues before the name (word ``k`` precedes)."""
    before, preposition, city = preceding(gaz, words.folded[k] if k >= 0 else "")
    gap = words.gap(first)
    cue = (prefix != "" and ("ب" in prefix or "ل" in prefix or "ك" in prefix)) or "#" in gap or preposition
    if k >= 1 and road_cue(before, words.folded[k - 1]):
        city = True
    joined = k >= 0 and first - k == 1 and words.sentence(k) == sentence and not gap.strip(" #")
    return {"cue": cue or city, "city_cue": city, "before": before if joined else ""}


@functools.lru_cache(maxsize=1 << 16)
def preceding(gaz: Gazetteer, word: str) -> tuple[str, bool, bool]:
    """The word before a name as :func:`read_cues` reads it: its preposition or road form (else
    its proclitic-free form), whether that is a preposition, and whether a road or "بين"."""
    if not word:
        return "", False, False
    before = gaz.lexicon.forms["prepositions"].get(word) or _city_forms().get(word) or strip_proclitics(word)
    return before, before in gaz.lexicon.prepositions, before in _CITY_WORDS


def road_cue(before: str, word: str) -> bool:
    """True for "الطريق الدولي X", "الأوتوستراد السريع X": ``before`` (as :func:`preceding`
    reads it) is "الدولي" or "السريع" and ``word`` before it a road."""
    return before in ("الدولي", "السريع") and lookup(word, _ROAD) is not None


def read_after(last: int, words: Words, gaz: Gazetteer) -> dict:
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


def link_lists(spots: list, words: Words) -> list:
    """Coordinated names share a plural descriptor and "بين"/road cues ("بلدات حرستا وكفر بطنا").

    ``spots`` are the Spots of a text (rasd.geo.match) in order; the list is updated in
    place (a linked spot is replaced by its updated copy) and returned. A spot's
    ``sentence`` is that of its word ``first``.
    """
    for n in range(1, len(spots)):
        previous, spot = spots[n - 1], spots[n]
        changes: dict = {}
        if spot.first == previous.last:  # adjacent (most spots have words between them)
            if _coordinated(previous, spot, words):
                changes.update(coordinated=True, cue=True)
                if previous.plural and spot.descriptor is None:
                    changes.update(descriptor=previous.descriptor, plural=True)
                if previous.city_cue:
                    changes["city_cue"] = True
            elif _road_pair(previous, spot, words):
                spots[n - 1] = previous = previous._replace(city_cue=True)
                changes.update(city_cue=True, cue=True)
        if previous.descriptor in ("quarter", "camp") and _within(previous, spot, words):
            spots[n - 1] = previous._replace(inside=True)
        if changes:
            spots[n] = spot._replace(**changes)
    return spots


def _within(previous, spot, words: Words) -> bool:
    """"حي الحمدانية في مدينة حلب", "مخيم اليرموك بدمشق": ``spot`` names the place that holds ``previous``."""
    between = words.folded[previous.last:spot.first]
    if spot.sentence != previous.sentence or len(between) > 2 or not set(between) <= _WITHIN:
        return False
    return bool(between) or "ب" in spot.prefix


def _coordinated(previous, spot, words: Words) -> bool:
    """True when ``spot`` follows ``previous`` joined by و or a comma."""
    if spot.first != previous.last or spot.sentence != previous.sentence:
        return False
    gap = words.gap(spot.first).strip()
    return (gap == "" and spot.prefix.startswith("و")) or gap in ("،", ",")


def _road_pair(previous, spot, words: Words) -> bool:
    """"دمشق - دير الزور": two names joined by a spaced dash (a road or a route)."""
    return spot.first == previous.last and words.gap(spot.first).strip() in ("-", "–")
