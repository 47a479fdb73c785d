"""Resolve place names in an article to gazetteer places, with precision and reasons.

:func:`find_places` is the stage the pipeline calls: every place mention of the body with
its span, the chosen :class:`~rasd.records.Place` (or None), the precision code of
DESIGN.md (1 village/town, 2 district or near a town, 3 governorate/region, 4 country),
a confidence and the candidates considered. :func:`explain_places` adds the scores and
the rejected spots for ``rasd geocode``; :func:`place_to_dict` gives the output-contract
shape.

>>> from rasd.geo.gazetteer import Gazetteer
>>> gaz = Gazetteer.load()
>>> text = "ينحدرون من محافظة درعا: 20 من قرية الكرك الشرقي و15 من النعيمة"
>>> [(m.text, m.place.pcode or m.place.admin1, m.precision) for m in find_places(text, gaz)]
[('محافظة درعا', 'SY12', 3), ('الكرك الشرقي', 'C6047', 1), ('النعيمة', 'C5997', 1)]
"""

from __future__ import annotations

import functools
import math
from operator import attrgetter, itemgetter
from typing import NamedTuple

from rasd.geo.context import (
    Anchor,
    Context,
    context_for,
    readings_in_context,
    sentence_countries,
    spot_anchor,
)
from rasd.geo.fallback import (
    Decision,
    fall_back,
    keep_one_sense,
    place_quarters,
    place_towns_named_before,
)
from rasd.geo.gazetteer import Entry, Gazetteer, distance_km
from rasd.geo.match import NAMING_DESCRIPTORS, Spot, spot_places
from rasd.geo.precision import shape_place
from rasd.records import PlaceMention

__all__ = ["Decision", "decide_places", "explain_places", "find_places", "place_to_dict"]

_POINT_DESCRIPTORS = ("town", "city", "quarter", "camp", "facility")
_COMPATIBLE = {
    "town": ("community", "city", "area"),
    "city": ("community", "city"),
    "quarter": ("community", "area"),
    "camp": ("community", "area"),
    "facility": ("community", "area", "city"),
    "subdistrict": ("admin3", "community"),
    "countryside": ("admin1", "admin2", "community", "city", "area", "region"),
    "near": ("community", "city", "area", "admin1", "admin2", "region", "country"),
    "suburbs": ("community", "city", "area", "admin1", "admin2"),
}
_NEIGHBOURS = frozenset(("LB", "JO", "IQ", "TR", "IL", "PS"))  # their towns are named bare in Syrian news ("قصف غزة")
_SENTENCE_BONUS = {"admin1": 3.0, "admin2": 3.0, "community": 2.0}
_LEVEL_PRIOR = {"country": 3.5, "region": 2.5, "area": 2.5, "admin1": 2.5, "admin2": 1.0, "admin3": 0.5}
_PREFERRED = {
    "zone": ("admin2",),
    "governorate": ("admin1", "region", "city", "admin2", "community"),
    "subdistrict": ("admin3", "community"),
}


def find_places(text: str, gaz: Gazetteer, title: str = "", extra_spans=()) -> tuple[PlaceMention, ...]:
    """Every place mention in ``text`` (offsets into ``text``), resolved against ``gaz``.

    ``title`` adds context only. ``extra_spans`` are (start, end) spans an NER model
    labelled LOC: names the gazetteer lacks get the smallest area the sentence supports,
    or place None.
    """
    return tuple(_mention(text, d) for d in decide_places(text, gaz, title, extra_spans) if d.accepted)


def explain_places(text: str, gaz: Gazetteer, title: str = "") -> list[dict]:
    """Every spot with its candidates and scores, the choice and the reason (for ``rasd geocode``)."""
    out = []
    for decision in decide_places(text, gaz, title):
        mention = _mention(text, decision)
        out.append({
            **place_to_dict(mention), "accepted": decision.accepted, "confidence": round(decision.confidence, 2),
            "chosen": decision.entry.place.id if decision.entry else None, "reason": decision.reason,
            "candidates": [{"id": pid, "score": round(score, 2)} for pid, score in decision.scores],
        })
    return out


def place_to_dict(mention: PlaceMention) -> dict:
    """The output-contract shape of a place mention (DESIGN.md "places")."""
    place = mention.place
    keys = ("pcode", "name_ar", "name_en", "admin1", "admin2", "admin3", "lat", "lon")
    values = {key: getattr(place, key) if place else None for key in keys}
    return {
        "text": mention.text, "start": mention.start, "end": mention.end, **values,
        "precision": mention.precision, "country": (place.country or None) if place else None,
    }


def _mention(text: str, decision: Decision) -> PlaceMention:
    spot = decision.spot
    return PlaceMention(  # text, start, end, place, precision, confidence, candidates, reason, part
        text[spot.start:spot.end], spot.start, spot.end, decision.entry.place if decision.entry else None,
        decision.precision, round(decision.confidence, 3), tuple(map(_FIRST, decision.scores)), decision.reason,
        spot.part or spot.direction,
    )


_FIRST = itemgetter(0)
_LEVEL = attrgetter("level")


# --------------------------------------------------------------------------- pipeline


def decide_places(text: str, gaz: Gazetteer, title: str = "", extra_spans=()) -> list[Decision]:
    """Spot, read the context, and decide every spot of ``text`` (accepted or not)."""
    spots = spot_places(text, gaz)
    extra = _extra_spots(text, gaz, extra_spans, spots)
    if extra:
        spots = sorted(spots + extra, key=lambda s: s.start)
    readings = [_readings(spot, gaz) for spot in spots]
    context = context_for(spots, [r for r, _ in readings], _title_anchors(title, gaz), _dateline(text, spots))
    decisions = [_decide(i, spot, entries, note, context, gaz) for i, (spot, (entries, note)) in enumerate(zip(spots, readings))]
    return place_towns_named_before(place_quarters(keep_one_sense(decisions, gaz), gaz))


def _dateline(text: str, spots: list[Spot]) -> int:
    """How many spots open the body as its dateline ("عمان، الأردن (CNN)--", "دمشق - "): they say
    where the article is from, and count more (0 when there is none)."""
    count = 0
    for spot in spots[:2]:
        if spot.start > 40 or "\n" in text[:spot.start].strip() or text[spot.end:spot.end + 3].strip()[:1] not in ("،", ",", "-", "(", "–", ":"):
            break
        count += 1
    return count


def _title_anchors(title: str, gaz: Gazetteer) -> list[Anchor]:
    anchors = []
    for k, spot in enumerate(spot_places(title, gaz) if title else []):
        entries, _ = _readings(spot, gaz)
        anchor = spot_anchor(-2 - k, spot, entries, sentence=-1)
        if anchor is not None:
            anchors.append(anchor)
    return anchors


def _extra_spots(text: str, gaz: Gazetteer, spans, spots: list[Spot]) -> list[Spot]:
    """Spots for NER spans that no gazetteer spot covers."""
    out = []
    for start, end in spans or ():
        if any(s.start < end and start < s.end for s in spots) or end <= start:
            continue
        inner = spot_places(text[start:end], gaz)
        base = inner[0] if inner else None
        key = base.key if base else gaz.fold(text[start:end])
        sentence = text.count("\n", 0, start) + sum(text.count(p, 0, start) for p in ".؟!")
        out.append(Spot(
            start=start, end=end, name_start=start, name_end=end, key=key,
            candidates=base.candidates if base else (), first=-1, last=-1, sentence=sentence,
            cue=True, unknown=base is None, nisba=base.nisba if base else None,
        ))
    return out


# --------------------------------------------------------------------------- readings


class _Grammar(NamedTuple):
    """The fields of a Spot that :func:`_readings` reads (a spot's position does not matter;
    of the word before it only whether there is one and whether it has the article: ``before``
    is "", "ال" or "-")."""

    key: str
    candidates: tuple[int, ...]
    prefix: str
    descriptor: str | None
    nisba: str | None
    cue: bool
    coordinated: bool
    city_cue: bool
    unknown: bool
    before: str


def _readings(spot: Spot, gaz: Gazetteer) -> tuple[tuple[Entry, ...], str]:
    """The entries a spot can be, after grammar filters; empty with a note when it is none
    (memoised on what it reads of the spot: names recur, in an article and across)."""
    before = spot.before
    fields = (
        spot.key, spot.candidates, spot.prefix, spot.descriptor, spot.nisba, spot.cue, spot.coordinated,
        spot.city_cue, spot.unknown, "" if not before else "ال" if before.startswith("ال") else "-",
    )
    return _grammar_readings(gaz, fields)


@functools.lru_cache(maxsize=1 << 16)
def _grammar_readings(gaz: Gazetteer, fields: tuple) -> tuple[tuple[Entry, ...], str]:
    """:func:`_readings` of a spot with these :class:`_Grammar` fields."""
    entries, note = _filter_readings(_Grammar(*fields), gaz)
    return tuple(entries), note


def _filter_readings(spot: _Grammar, gaz: Gazetteer) -> tuple[list[Entry], str]:
    """The entries a spot can be, after grammar filters; empty with a note when it is none."""
    if spot.unknown:
        return [], "unknown name"
    entries = list(map(gaz.entries.__getitem__, spot.candidates))
    stop = gaz.stopwords.get(spot.key)
    if stop == "hard" and spot.descriptor not in NAMING_DESCRIPTORS:
        return [], "common word (stop-list): needs a descriptor"
    allowed = _COMPATIBLE.get(spot.descriptor or "")
    if allowed:
        entries = [e for e in entries if e.place.level in allowed]
        if not entries:
            return [], f"no reading fits '{spot.descriptor}'"
    elif spot.descriptor in _PREFERRED:
        entries = _preferred(entries, _PREFERRED[spot.descriptor])
        if spot.descriptor == "zone":
            entries = [e for e in entries if e.place.level != "country"] or entries
    if spot.descriptor != "subdistrict" and len(entries) > 1:  # one reading cannot be its own centre
        centres = {e.place.admin3 for e in entries if e.place.level == "community"}
        entries = [e for e in entries if not (e.place.level == "admin3" and e.place.admin3 in centres)]
    if spot.nisba:
        fitting = [e for e in entries if e.place.country == spot.nisba]
        if not fitting and spot.nisba != "SY" and spot.descriptor not in ("facility", "zone"):
            if stop or not spot.descriptor:  # "السفيرة الأمريكية", "النجمة الأمريكية": a person, not a town
                return [], "a word before a country adjective"
            return [], f"no reading in country {spot.nisba}"  # "بلدة رأس العين اللبنانية": not the Syrian town
        entries = fitting or entries
    if "country" in map(_LEVEL, entries):
        entries = [e for e in entries if e.level != "country" or not _adjective_reading(spot, e)]
        if not entries:
            return [], "an adjective here, not a country"
    return _capital_rule(spot, entries, gaz), ""


def _preferred(entries: list[Entry], order: tuple[str, ...]) -> list[Entry]:
    """The entries of the first level in ``order`` that has any (all entries when none has)."""
    for level in order:
        found = [e for e in entries if e.place.level == level]
        if found:
            return found
    return entries


def _adjective_reading(spot: Spot, entry: Entry) -> bool:
    """True when a country name that is also an adjective reads as the adjective here.

    "مصادر سورية" and "القوات السعودية" are adjectives; "في سورية", "وسورية", "إن السعودية"
    are the countries.
    """
    if entry.place.level != "country" or spot.key.count(" "):
        return False
    adjectival = "adjectival" in entry.flags or spot.key in entry.adjectives or "ال" + spot.key in entry.adjectives
    if not adjectival or spot.cue or spot.coordinated or any(c in spot.prefix for c in "وفبل"):
        return False
    if spot.key.startswith("ال"):
        return spot.before.startswith("ال")
    return spot.before != "" or spot.descriptor is not None


# --------------------------------------------------------------------------- decisions


def _decide(i: int, spot: Spot, entries: list[Entry], note: str, context: Context, gaz: Gazetteer) -> Decision:
    if not entries:
        if spot.compound and spot.descriptor is None:
            return Decision(spot, None, None, 0.0, (), "a name head without a descriptor", False)
        if spot.unknown or note.startswith("no reading"):
            return fall_back(i, spot, context, gaz, note)
        return Decision(spot, None, None, 0.0, (), note, False)
    entries = readings_in_context(i, spot, entries, context)
    if not entries:
        if spot.descriptor or spot.cue:
            return fall_back(i, spot, context, gaz, "no reading fits the context")
        return Decision(spot, None, None, 0.0, (), "no reading fits the context", False)
    if spot.descriptor is None and len(entries) > 1 and any(e.major for e in entries):
        entries = [e for e in entries if not e.is_small] or entries  # "قطر" is Qatar unless "قرية قطر"
    if len(entries) == 1:  # one reading: no ranking needed
        return _decide_one(i, spot, entries[0], context, gaz, _prior(entries[0]))
    nearby = context.in_sentence(spot.sentence, i)
    countries = {a.country for a in nearby}
    scored = [(e, _score(i, e, spot, context, nearby, countries)) for e in entries]
    scored.sort(key=lambda pair: -pair[1])
    scores = tuple([(e.place.id, s) for e, s in scored])
    best, first_refusal = None, ""
    for entry, _ in scored:
        why_not = _acceptance(i, spot, entry, context, gaz)
        if not why_not:
            best = entry
            break
        first_refusal = first_refusal or why_not
    if best is None:
        return Decision(spot, scored[0][0], None, 0.0, scores, first_refusal, False)
    if best is not scored[0][0]:
        scored = [pair for pair in scored if pair[0] is best] + [pair for pair in scored if pair[0] is not best]
    entry, precision, how = shape_place(spot, best, gaz, context, i)
    confidence = _confidence([s for _, s in scored], spot)
    reason = _reason(spot, best, scored, how)
    return Decision(spot, entry, precision, confidence, scores, reason, True)


def _decide_one(i: int, spot: Spot, entry: Entry, context: Context, gaz: Gazetteer, score: float) -> Decision:
    """:func:`_decide` for a spot with one reading left (``entry``, of prior ``score``)."""
    scores = ((entry.place.id, score),)
    why_not = _acceptance(i, spot, entry, context, gaz)
    if why_not:
        return Decision(spot, entry, None, 0.0, scores, why_not, False)
    place, precision, how = shape_place(spot, entry, gaz, context, i)
    confidence = min(0.75 if spot.loose else 0.95, 0.95 if spot.descriptor or spot.cue else 0.85)  # _confidence of one score
    return Decision(spot, place, precision, confidence, scores, _reason(spot, entry, ((entry, score),), how), True)


def _capital_rule(spot: Spot, entries: list[Entry], gaz: Gazetteer) -> list[Entry]:
    """A bare governorate-capital name means the governorate; "مدينة X", "قرب X" mean the city.

    Damascus, a city-governorate, is always the city.
    """
    if len(entries) == 1 and entries[0].place.level != "admin1":  # the common case: nothing to choose
        return entries
    admin1 = [e for e in entries if e.place.level == "admin1"]
    if not admin1 or spot.descriptor in ("governorate", "zone", "subdistrict"):
        return entries
    entries = [e for e in entries if e.place.level not in ("admin2", "admin3")]
    code = admin1[0].place.id
    capital = [e for e in entries if e.place.level == "community" and e.capital in ("0", "1") and e.place.admin1 == code]
    if not capital:
        return entries
    if code in gaz.lexicon.city_governorates or spot.descriptor in _POINT_DESCRIPTORS + ("near", "suburbs") or spot.city_cue:
        return capital
    return admin1


def _prior(entry: Entry) -> float:
    """The context-free part of a reading's score: its level, capital rank and population."""
    level = entry.place.level
    if level == "community":
        return 0.5 + entry.importance
    if level == "city":
        return entry.importance - 0.5
    return _LEVEL_PRIOR.get(level, 1.0)


def _score(i: int, entry: Entry, spot: Spot, context: Context, nearby: tuple[Anchor, ...], countries: set[str]) -> float:
    """How well a reading fits: level and importance, then sentence and article context.

    ``nearby`` are the other anchors of the spot's sentence and ``countries`` their countries.
    """
    place = entry.place
    score = _prior(entry)
    if spot.city_cue and place.level in ("community", "city"):
        score += 1.0
    if place.country != "SY":
        peers = 1.0 if ("city" if place.level == "city" else place.level) in context.peers.get(i, ()) else 0.0
        return score + peers + 2.0 * context.country_share(place.country) + (3.0 if place.country in countries else 0.0)
    score += 1.5 * context.country_share("SY") + (1.0 if "SY" in countries else 0.0)
    score += _sentence_bonus(entry, nearby)
    score += 3.0 * context.admin1_share(place.admin1, exclude=i)
    score += 1.5 if context.has_admin2(place.admin2, exclude=i) else 0.0
    return score + 1.5 * math.exp(-context.nearest_km(entry, exclude=i) / 25.0)


def _sentence_bonus(entry: Entry, nearby: tuple[Anchor, ...]) -> float:
    """Bonus for a governorate named in the same sentence, and for nearness to places there.

    ``nearby`` are the other anchors of the sentence.
    """
    bonus, nearest = 0.0, math.inf
    for anchor in nearby:
        if anchor.admin1 == entry.place.admin1:
            bonus = max(bonus, _SENTENCE_BONUS.get(anchor.level, 1.0))
        if anchor.lat is not None and entry.place.lat is not None and anchor.level in ("community", "area", "admin3"):
            nearest = min(nearest, distance_km(entry.place.lat, entry.place.lon, anchor.lat, anchor.lon))
    return bonus + 3.0 * math.exp(-nearest / 20.0)


def _acceptance(i: int, spot: Spot, entry: Entry, context: Context, gaz: Gazetteer) -> str:
    """Why a reading is not accepted ("" when it is): small villages and minor cities need support."""
    if spot.descriptor or spot.nisba:
        return ""
    if entry.place.level == "city" and entry.tier == 2 and entry.place.country not in sentence_countries(context, spot.sentence, i):
        return "a minor city abroad: needs 'مدينة' or its country in the sentence"
    if entry.place.level == "city" and entry.capital != "C" and entry.place.country not in _NEIGHBOURS and _bare_short(spot) \
            and i not in context.peers and not _country_named(i, entry, context):
        return "a short name of a city abroad: needs a cue or its country in the article"
    small = entry.is_small or gaz.stopwords.get(spot.key) == "soft"
    if not small:
        return ""
    if not spot.cue:
        return "a small village without descriptor or preposition"
    if not _supported(i, entry, spot, context):
        return "a small village without supporting context"
    return ""


def _bare_short(spot: Spot) -> bool:
    """A name of three letters or fewer, with no cue: as often a word ("فأس", "جدة") as a city
    (a name listed beside other places is not bare: see Context.peers)."""
    return not spot.cue and not spot.coordinated and len(spot.key) <= 3


def _country_named(i: int, entry: Entry, context: Context) -> bool:
    """True when the article names the entry's country (by an anchor other than spot ``i``'s own)."""
    own = context.by_spot.get(i)
    return context.country_weight.get(entry.place.country, 0.0) > (own.weight if own else 0.0)


def _supported(i: int, entry: Entry, spot: Spot, context: Context) -> bool:
    """Context supports a small Syrian village: its governorate in the sentence, its district, or near a place."""
    place = entry.place
    if any(a.admin1 == place.admin1 for a in context.in_sentence(spot.sentence, i)):
        return True
    if context.has_admin2(place.admin2, i) or context.nearest_km(entry, i) < 30:
        return True
    return context.admin1_share(place.admin1, i) >= 0.5


def _confidence(scores: list[float], spot: Spot) -> float:
    """Softmax probability of the best reading, raised for descriptors and single readings."""
    ceiling = 0.75 if spot.loose else 0.95  # a spelling that only resembles the name
    if len(scores) == 1:
        return min(ceiling, 0.95 if spot.descriptor or spot.cue else 0.85)
    top = max(scores)
    total = sum(math.exp(s - top) for s in scores)
    return min(ceiling, 1.0 / total + (0.1 if spot.descriptor else 0.0))


def _reason(spot: Spot, best: Entry, scored: list, how: str) -> str:
    if len(scored) == 1 and not (how or spot.descriptor or spot.direction or spot.part or spot.nisba or spot.loose):
        return f"one reading {best.place.id}"  # the common case
    parts = [f"descriptor {spot.descriptor}"] if spot.descriptor else []
    if spot.direction or spot.part:
        parts.append(f"direction {spot.direction or spot.part}")
    if spot.nisba:
        parts.append(f"country adjective {spot.nisba}")
    if spot.loose:
        parts.append("loose spelling match")
    if len(scored) > 1:
        parts.append(f"{len(scored)} readings, best {best.place.id} {scored[0][1]:.1f} vs {scored[1][1]:.1f}")
    else:
        parts.append(f"one reading {best.place.id}")
    return "; ".join(parts + ([how] if how else []))
