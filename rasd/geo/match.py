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

from dataclasses import dataclass, replace

from rasd.geo.gazetteer import Gazetteer, skeleton
from rasd.geo.words import Words, find_words

__all__ = ["NAMING_DESCRIPTORS", "Spot", "spot_places"]

_TANWIN = ("\u064b", "\u064c", "\u064d")
_NAME_DESCRIPTORS = ("town", "city", "quarter", "camp", "zone", "facility", "subdistrict")
NAMING_DESCRIPTORS = ("town", "city", "quarter", "camp", "facility", "subdistrict")
_UNKNOWN_DESCRIPTORS = ("town", "city", "quarter", "camp")
_SPAN_DESCRIPTORS = ("zone", "subdistrict", "governorate", "countryside")
_ROAD = frozenset(("طريق", "الطريق", "اوتوستراد", "الاوتوستراد"))
_CITY_WORDS = frozenset(("بين", "العاصمه")) | _ROAD


@dataclass(frozen=True, slots=True)
class Spot:
    """A place name found in the text, with the grammar around it (see module docstring).

    ``start``/``end`` span the mention (with "ريف"/"محافظة"/direction words when they
    change the meaning); ``name_start``/``name_end`` span the name alone. ``candidates``
    are gazetteer positions; empty for an unknown name after a descriptor.
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


def _variants(word: str) -> tuple[str, ...]:
    """A word and its forms without و/ف and then ب/ل/ك proclitics ("وبريف" -> "بريف", "ريف")."""
    out = [word]
    rest = word
    if rest[:1] in ("و", "ف") and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
        out.append(rest[1:])
    return tuple(out)


def _lookup(word: str, table):
    """The value (or True) for the first form of ``word`` found in a dict or set, else None."""
    for form in _variants(word):
        if form in table:
            return table[form] if isinstance(table, dict) else form
    return None


def _strip(word: str) -> str:
    """The shortest proclitic-free form of ``word`` (a lexicon check should use :func:`_lookup`)."""
    return _variants(word)[-1]


def _longest(words: Words, i: int, gaz: Gazetteer, memo: dict) -> tuple[int, str, str] | None:
    """The longest name starting at word ``i``: (end word, proclitics, folded key) or None."""
    splits = _splits(words.folded[i], gaz, memo)
    best = None
    for prefix, stem in splits:
        longest = gaz.first_words[stem]
        if longest > 1 and (i + 1 >= len(words.folded) or words.folded[i + 1] not in gaz.second_words.get(stem, ())):
            longest = 1
        parts = [stem]
        for j in range(i + 1, min(i + longest, len(words.folded))):
            if not words.joinable(j):
                break
            parts.append(words.folded[j])
        for n in range(len(parts), 0, -1):
            key = " ".join(parts[:n])
            if key in gaz.index or key in gaz.blocked:
                if best is None or n > best[0] - i:
                    best = (i + n, prefix, key)
                break
    return best


_PROCLITIC_LETTERS = frozenset("وفبلك")
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


def _splits(word: str, gaz: Gazetteer, memo: dict) -> tuple[tuple[str, str], ...]:
    """(proclitics, stem) splits of ``word`` whose stem starts a gazetteer name (memoised per text)."""
    found = memo.get(word)
    if found is None:
        found = memo[word] = tuple(pair for pair in _stems(word) if pair[1] in gaz.first_words)
    return found


def _may_matter(word: str, triggers: frozenset[str]) -> bool:
    """Fast test: could ``word`` start a name or be a descriptor (after its proclitics)?

    Mirrors :func:`_stems` without building the readings.
    """
    if word in triggers:
        return True
    rest = word
    if rest[:1] in ("و", "ف"):
        rest = rest[1:]
        if rest in triggers:
            return True
    head, stem = rest[:1], rest[1:]
    if head in ("ب", "ل") and stem in triggers:
        return True
    if head == "ك" and stem.startswith("ال") and stem in triggers:
        return True
    return head == "ل" and stem[:1] == "ل" and "ا" + stem in triggers


def spot_places(text: str, gaz: Gazetteer) -> list[Spot]:
    """Every place name in ``text`` (including unknown names after a descriptor), in order."""
    words = find_words(text, gaz)
    memo: dict = {}
    triggers = gaz.triggers
    unique = set(words.folded)
    relevant = unique & triggers
    relevant.update(w for w in unique - relevant if w[0] in _PROCLITIC_LETTERS and _may_matter(w, triggers))
    spots: list[Spot] = []
    after = 0
    classes: dict[str, str | None] = {}
    for i in [k for k, word in enumerate(words.folded) if word in relevant]:
        if i < after or not _worth_trying(words, i, gaz, memo, classes):
            continue
        found = _adjective_spot(words, i, gaz) or _name_spot(words, i, gaz, memo)
        if found is None:
            continue
        spot, after = found
        if spot is not None:
            spots.append(spot)
    return _link_lists(spots, words, gaz)


def _name_spot(words: Words, i: int, gaz: Gazetteer, memo: dict):
    """A spot for the name at word ``i`` (or an unknown name after a descriptor), and the next word."""
    match = _longest(words, i, gaz, memo)
    if match is None:
        return _unknown_spot(words, i, gaz, memo)
    last, prefix, key = match
    if key in gaz.blocked or _blocked(words, i, gaz) or _hard_without_descriptor(words, i, key, gaz):
        return None, last
    if _has_tanwin(words, i, last):
        return None, last
    name_start, name_end, sentence = _after_prefix(words, i, prefix), words.end(last - 1), words.sentence(i)
    fields = {
        "start": name_start, "end": name_end, "name_start": name_start, "name_end": name_end, "key": key,
        "candidates": gaz.index.get(key, ()), "first": i, "last": last, "sentence": sentence, "prefix": prefix,
    }
    fields.update(_read_before(i, prefix, sentence, words, gaz))
    fields.update(_read_after(last, words, gaz))
    return Spot(**fields), fields["last"]


_OPENING_CLASSES = frozenset(("capital", "territory", "town", "city", "quarter", "camp", "zone", "facility", "subdistrict"))


def _worth_trying(words: Words, i: int, gaz: Gazetteer, memo: dict, classes: dict) -> bool:
    """Cheap test at word ``i``: a one-word name, the first two words of a longer one, or an opening descriptor."""
    word = words.folded[i]
    following = words.folded[i + 1] if i + 1 < len(words.folded) else ""
    for _, stem in _splits(word, gaz, memo):
        if stem in gaz.index or following in gaz.second_words.get(stem, ()):
            return True
    if word not in classes:
        classes[word] = _lookup(word, gaz.lexicon.descriptors)
    return classes[word] in _OPENING_CLASSES


def _hard_without_descriptor(words: Words, i: int, key: str, gaz: Gazetteer) -> bool:
    """A stop-listed common word with no naming descriptor ("بلدة", "مطار"...) right before it: not a place.

    (The resolver applies the same rule; checking it here saves building a spot.)
    """
    if gaz.stopwords.get(key) != "hard" or i == 0:
        return gaz.stopwords.get(key) == "hard" and i == 0
    return _descriptor_at(words, i - 1, gaz) not in NAMING_DESCRIPTORS


def _after_prefix(words: Words, i: int, prefix: str) -> int:
    """Offset in the text where the name starts after its proclitics (kept for "لل" + ال)."""
    if not prefix or prefix.endswith("لل"):
        return words.start(i)
    return words.orig(words.folded_start(i) + len(prefix))


def _has_tanwin(words: Words, i: int, last: int) -> bool:
    """True when the name carries tanwin ("دوماً"): a common word, not a proper name."""
    raw = words.text[words.start(i):words.end(last - 1)]
    return any(mark in raw for mark in _TANWIN)


def _blocked(words: Words, i: int, gaz: Gazetteer) -> bool:
    """True after a word that makes the name part of something else ("طراز الجولان", "فيلق القدس")."""
    return i > 0 and words.joinable(i) and _lookup(words.folded[i - 1], gaz.lexicon.blockers) is not None


def _descriptor_at(words: Words, k: int, gaz: Gazetteer) -> str | None:
    """The descriptor class of word ``k`` (after stripping its proclitics), or None."""
    if k < 0:
        return None
    return _lookup(words.folded[k], gaz.lexicon.descriptors)


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
        changes.update(descriptor=cls, plural=_lookup(words.folded[k], lexicon.plural) is not None)
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
    directions = gaz.lexicon.directions
    if k < 0:
        return None, k
    here = _lookup(words.folded[k], directions)
    if not here:
        return None, k
    before = _lookup(words.folded[k - 1], directions) if k >= 1 else None
    if before and before in ("north", "south") and here in ("east", "west") and words.joinable(k):
        return f"{before}-{here}", k - 1
    return here, k


def _proclitic_length(words: Words, k: int, gaz: Gazetteer | None = None) -> int:
    """Length of the و/ف/ب/ل proclitics on word ``k`` before its lexicon form."""
    word = words.folded[k]
    if gaz is not None:
        lexicon = gaz.lexicon
        for form in _variants(word):
            if form in lexicon.descriptors or form in lexicon.directions or form in lexicon.direction_adjectives:
                return len(word) - len(form)
    return 0


def _cues(first: int, prefix: str, sentence: int, words: Words, k: int, gaz: Gazetteer) -> dict:
    """Preposition, hashtag, "بين", road and capital cues before the name (word ``k`` precedes)."""
    lexicon = gaz.lexicon
    word = words.folded[k] if k >= 0 else ""
    before = _lookup(word, lexicon.prepositions) or _lookup(word, _CITY_WORDS) or _strip(word) if word else ""
    gap = words.gap(first)
    cue = any(c in prefix for c in "بلك") or "#" in gap or before in lexicon.prepositions
    city = before in _CITY_WORDS
    if k >= 1 and before in ("الدولي", "السريع") and _lookup(words.folded[k - 1], _ROAD):
        city = True
    joined = k >= 0 and first - k == 1 and words.sentence(k) == sentence and not gap.strip(" #")
    return {"cue": cue or city, "city_cue": city, "before": before if joined else ""}


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


def _adjective_spot(words: Words, i: int, gaz: Gazetteer):
    """"العاصمة السورية" (a capital) and "الأراضي الإسرائيلية" (a country) as place spots."""
    cls = _descriptor_at(words, i, gaz)
    if cls not in ("capital", "territory") or i + 1 >= len(words.folded) or not words.joinable(i + 1):
        return None
    iso = gaz.adjectives.get(words.folded[i + 1])
    position = (gaz.capitals.get(iso) if cls == "capital" else gaz.codes.get(f"country:{iso}")) if iso else None
    if position is None:
        return None
    start = words.start(i) + _proclitic_length(words, i, gaz)
    spot = Spot(
        start=start, end=words.end(i + 1), name_start=start, name_end=words.end(i + 1),
        key=f"{words.folded[i]} {words.folded[i + 1]}", candidates=(position,), first=i, last=i + 2,
        sentence=words.sentence(i), descriptor=cls, nisba=iso,
    )
    spot = replace(spot, **_cues(spot.first, "", spot.sentence, words, i - 1, gaz))
    return _near_before(spot, words, gaz), i + 2


def _near_before(spot: Spot, words: Words, gaz: Gazetteer) -> Spot:
    """Mark "ضواحي العاصمة" and similar: a near-descriptor before a capital phrase."""
    k = spot.first - 1
    if k >= 0 and words.joinable(spot.first) and _descriptor_at(words, k, gaz) in ("near", "suburbs", "countryside"):
        return replace(spot, descriptor=_descriptor_at(words, k, gaz), start=words.start(k) + _proclitic_length(words, k, gaz), city_cue=True)
    return spot


def _unknown_spot(words: Words, i: int, gaz: Gazetteer, memo: dict):
    """A name the gazetteer lacks right after a town/city/quarter/camp/zone descriptor, or None."""
    cls = _descriptor_at(words, i, gaz)
    j = i + 1
    if cls not in _NAME_DESCRIPTORS or j >= len(words.folded) or not words.joinable(j):
        return None
    lexicon, word = gaz.lexicon, words.folded[j]
    stop = lexicon.not_names | lexicon.prepositions | lexicon.particles
    if _lookup(word, stop) or _lookup(word, lexicon.descriptors) or _lookup(word, lexicon.directions) or len(word) < 3:
        return None
    if _has_tanwin(words, j, j + 1) or _longest(words, j, gaz, memo) is not None:
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
    spot = Spot(
        start=words.start(j), end=words.end(last - 1), name_start=words.start(j), name_end=words.end(last - 1),
        key=key, candidates=loose, first=j, last=last, sentence=words.sentence(j), descriptor=cls,
        plural=_lookup(words.folded[i], lexicon.plural) is not None,
        loose=bool(loose), unknown=not loose,
    )
    spot = replace(spot, **_cues(spot.first, "", spot.sentence, words, i - 1, gaz), **_read_after(spot.last, words, gaz))
    return spot, spot.last


def _link_lists(spots: list[Spot], words: Words, gaz: Gazetteer) -> list[Spot]:
    """Coordinated names share a plural descriptor and "بين"/road cues ("بلدات حرستا وكفر بطنا")."""
    out: list[Spot] = []
    for spot in spots:
        previous = out[-1] if out else None
        if previous and _coordinated(previous, spot, words):
            changes: dict = {"coordinated": True, "cue": True}
            if previous.plural and spot.descriptor is None:
                changes.update(descriptor=previous.descriptor, plural=True)
            if previous.city_cue:
                changes["city_cue"] = True
            spot = replace(spot, **changes)
        elif previous and _road_pair(previous, spot, words):
            out[-1] = replace(previous, city_cue=True)
            spot = replace(spot, city_cue=True, cue=True)
        out.append(spot)
    return out


def _coordinated(previous: Spot, spot: Spot, words: Words) -> bool:
    """True when ``spot`` follows ``previous`` joined by و or a comma."""
    if spot.first != previous.last or words.sentence(spot.first) != previous.sentence:
        return False
    gap = words.gap(spot.first).strip()
    return (gap == "" and spot.prefix.startswith("و")) or gap in ("،", ",")


def _road_pair(previous: Spot, spot: Spot, words: Words) -> bool:
    """"دمشق - دير الزور": two names joined by a spaced dash (a road or a route)."""
    return spot.first == previous.last and words.gap(spot.first).strip() in ("-", "–")
