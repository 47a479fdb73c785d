"""The geographic context of an article: which areas and countries it is about.

Anchors are place spots that are unambiguous enough to say where the article is:
an explicit governorate ("محافظة درعا", "ريف حماة"), a district, a named area, a town that
has one reading. Each anchor has a weight, a sentence, a governorate (admin1), a district
(admin2) and a point. Ambiguous names are then ranked by the anchors in their sentence
and in the article, by distance to anchor points, and by the countries the text names; :func:`readings_in_context` drops readings that do
not fit the article at all (a foreign town among Syrian villages, a Syrian village in a
sentence about Jordan, a loose spelling outside its governorate).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from rasd.geo.gazetteer import Entry
from rasd.geo.match import Spot

__all__ = ["Anchor", "Context", "build_context", "context_for", "readings_in_context", "sentence_countries", "spot_anchor"]

_IS_SMALL = attrgetter("is_small")
_LESSER_ABROAD = attrgetter("lesser_abroad")  # a region or lesser town abroad (see Entry)
_WEIGHTS = {"admin1": 3.0, "admin2": 2.5, "admin3": 2.0, "area": 2.0, "region": 1.5, "community": 1.5}


class Anchor(NamedTuple):
    """One unambiguous place in the article, as context for the others (a named tuple,
    cheap to build: one is made for most mentions)."""

    spot: int
    sentence: int
    weight: float
    country: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    level: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """Anchors of an article (title anchors have sentence -1), indexed for fast lookups.

    ``peers`` gives, for a spot in a list ("القاهرة وعمان وبيروت"), the levels of the anchors
    listed beside it (city, country, ...).
    """

    anchors: tuple[Anchor, ...]
    admin1_weight: dict[str, float]
    country_weight: dict[str, float]
    total: float
    syrian_total: float
    by_sentence: dict[int, tuple[Anchor, ...]]
    by_spot: dict[int, Anchor]
    points: tuple[tuple[int, float, float, float], ...]
    admin2s: dict[str, int]
    peers: dict[int, frozenset[str]] = field(default_factory=dict)

    def admin1_share(self, admin1: str | None, exclude: int = -1) -> float:
        """Share of the Syrian anchor weight on ``admin1`` (without the anchor of spot ``exclude``)."""
        if not admin1:
            return 0.0
        own = self.by_spot.get(exclude)
        weight, syrian = self.admin1_weight.get(admin1, 0.0), self.syrian_total
        if own is not None and own.country == "SY" and own.admin1:
            syrian -= own.weight
            weight -= own.weight if own.admin1 == admin1 else 0.0
        return weight / syrian if syrian > 0 else 0.0

    def country_share(self, country: str) -> float:
        """Share of all anchor weight on ``country``."""
        return self.country_weight.get(country, 0.0) / self.total if self.total else 0.0

    def in_sentence(self, sentence: int, exclude: int = -1) -> tuple[Anchor, ...]:
        """Anchors of one sentence, other than spot ``exclude``'s own."""
        anchors = self.by_sentence.get(sentence, ())
        own = self.by_spot.get(exclude)
        if own is None or own.sentence != sentence:
            return anchors
        return tuple(a for a in anchors if a is not own)

    def nearest_km(self, entry: Entry, exclude: int = -1) -> float:
        """Distance from ``entry`` to the nearest Syrian anchor point (inf when none)."""
        place = entry.place
        if place.lat is None or not self.points:
            return math.inf
        lat, lon, scale = place.lat, place.lon, math.cos(math.radians(place.lat))
        best = math.inf
        for spot, a_lat, a_lon, _ in self.points:
            if spot != exclude:
                distance = math.hypot((a_lon - lon) * scale, a_lat - lat)
                best = min(best, distance)
        return best * 111.195

    def has_admin2(self, admin2: str | None, exclude: int = -1) -> bool:
        """True when an anchor (other than spot ``exclude``) lies in district ``admin2``."""
        if not admin2:
            return False
        count = self.admin2s.get(admin2, 0)
        own = self.by_spot.get(exclude)
        return count - (1 if own is not None and own.admin2 == admin2 else 0) > 0


def spot_anchor(
    index: int, spot: Spot, entries: list[Entry], weight_factor: float = 1.0, sentence: int | None = None
) -> Anchor | None:
    """The anchor a spot gives, when all its readings agree on a governorate or a country.

    ``sentence`` overrides the spot's sentence number (-1 for the title).
    """
    if not entries:
        return None
    place, several = entries[0].place, len(entries) > 1
    if several and len({e.place.country for e in entries}) != 1:
        return None
    sentence = spot.sentence if sentence is None else sentence
    if place.country != "SY":
        return Anchor(index, sentence, 1.0 * weight_factor, place.country, None, None, None, None, place.level)
    if several:
        if len({e.place.admin1 for e in entries}) != 1:
            return None
        best = max(entries, key=_anchor_rank)
        admin2s = {e.place.admin2 for e in entries if e.place.admin2}
        admin2 = next(iter(admin2s)) if len(admin2s) == 1 else None
    else:
        best, admin2 = entries[0], place.admin2 or None
    weight = _WEIGHTS.get(best.place.level, 1.0) * weight_factor
    if spot.descriptor in ("governorate", "countryside"):
        weight = _WEIGHTS["admin1"] * weight_factor
    return Anchor(index, sentence, weight, "SY", place.admin1, admin2, best.place.lat, best.place.lon, best.place.level)


_RANK = {"community": 3, "area": 2, "admin3": 1}


def _anchor_rank(entry: Entry) -> tuple:
    return (_RANK.get(entry.place.level, 0), entry.importance)


def build_context(anchors: list[Anchor], peers: dict[int, frozenset[str]] | None = None) -> Context:
    """Sum anchor weights per governorate and per country, and index anchors by sentence and spot."""
    admin1_weight: dict[str, float] = {}
    country_weight: dict[str, float] = {}
    by_sentence: dict[int, list[Anchor]] = {}
    admin2s: dict[str, int] = {}
    for anchor in anchors:
        country_weight[anchor.country] = country_weight.get(anchor.country, 0.0) + anchor.weight
        if anchor.admin1:
            admin1_weight[anchor.admin1] = admin1_weight.get(anchor.admin1, 0.0) + anchor.weight
        if anchor.admin2:
            admin2s[anchor.admin2] = admin2s.get(anchor.admin2, 0) + 1
        by_sentence.setdefault(anchor.sentence, []).append(anchor)
    points = tuple([
        (a.spot, a.lat, a.lon, a.weight) for a in anchors if a.lat is not None and a.level in ("community", "area", "admin3")
    ])
    syrian = sum([a.weight for a in anchors if a.country == "SY" and a.admin1])
    return Context(
        tuple(anchors), admin1_weight, country_weight, sum(country_weight.values()), syrian,
        {k: tuple(v) for k, v in by_sentence.items()}, {a.spot: a for a in anchors}, points, admin2s, peers or {},
    )


def context_for(
    spots: list[Spot], readings: list[list[Entry]], title_anchors: list[Anchor], dateline: int = 0
) -> Context:
    """The article context from the accepted readings of its spots plus the title's anchors.

    The first ``dateline`` spots open the body as a dateline ("عمان، الأردن (CNN)--"): they
    weigh half as much again (a news desk's city is a hint, not the story's place).
    """
    anchors = list(title_anchors)
    for index, (spot, entries) in enumerate(zip(spots, readings)):
        if spot.descriptor is None and all(map(_IS_SMALL, entries)):
            continue  # a bare small village says little until it is accepted
        anchor = spot_anchor(index, spot, entries, 1.5 if index < dateline else 1.0)
        if anchor is not None:
            anchors.append(anchor)
    return build_context(anchors, _list_peers(spots, anchors))


def _list_peers(spots: list[Spot], anchors: list[Anchor]) -> dict[int, frozenset[str]]:
    """For each spot coordinated with a neighbour, the levels of its neighbours' anchors."""
    listed = [index for index in range(1, len(spots)) if spots[index].coordinated]
    if not listed:
        return {}
    levels = {a.spot: a.level for a in anchors if a.spot >= 0}
    peers: dict[int, set[str]] = {}
    for index in listed:
        for one, other in ((index, index - 1), (index - 1, index)):
            if other in levels:
                peers.setdefault(one, set()).add(_kind(levels[other]))
    return {k: frozenset(v) for k, v in peers.items()}


def _kind(level: str) -> str:
    """A city abroad and a Syrian community are both towns in a list."""
    return "city" if level in ("community", "city") else level


def sentence_countries(context: Context, sentence: int, exclude: int = -1) -> set[str]:
    """Countries named by anchors in one sentence."""
    return {a.country for a in context.in_sentence(sentence, exclude)}


def readings_in_context(i: int, spot: Spot, entries: list[Entry], context: Context) -> list[Entry]:
    """The readings that fit the article: foreign towns among Syrian places, Syrian villages
    in a foreign article and loose spellings outside their governorate are dropped."""
    entries = _foreign_among_syrian(i, spot, entries, context) if spot.candidates else entries
    entries = _syrian_village_abroad(i, spot, entries, context) if spot.descriptor else entries
    return _loose_in_context(i, spot, entries, context) if spot.loose else entries


def _foreign_among_syrian(i: int, spot: Spot, entries: list[Entry], context: Context) -> list[Entry]:
    """Drop a region or lesser town abroad named in a sentence about a Syrian area when the
    article never names its country: "ينحدرون من محافظة درعا، و14 من نينوى" is a Dar'a village,
    not Iraq's Nineveh."""
    if not any(map(_LESSER_ABROAD, entries)) or spot.nisba or context.country_share("SY") < 0.5:
        return entries
    foreign = [e for e in entries if e.lesser_abroad]
    nearby = context.in_sentence(spot.sentence, i)
    if not any(a.country == "SY" and a.level in ("admin1", "admin2") for a in nearby):
        return entries
    own = context.by_spot.get(i)
    named = {e.place.country for e in foreign if context.country_weight.get(e.place.country, 0.0) > (own.weight if own else 0.0)}
    return [e for e in entries if not e.lesser_abroad or e.place.country in named]


def _syrian_village_abroad(i: int, spot: Spot, entries: list[Entry], context: Context) -> list[Entry]:
    """Drop Syrian villages (no admin centres) from a sentence about another country, in an
    article mostly about that country: "انفجار في بلدة الحصن التابعة لمحافظة إربد" in a
    Jordanian article is no Syrian village (the fallback then gives the country)."""
    if spot.nisba == "SY" or not any(e.level == "community" and not e.capital for e in entries):
        return entries
    nearby = {a.country for a in context.in_sentence(spot.sentence, i)}
    if not nearby or "SY" in nearby or context.country_share("SY") >= 0.3:
        return entries
    return [e for e in entries if e.level != "community" or e.capital]


def _loose_in_context(i: int, spot: Spot, entries: list[Entry], context: Context) -> list[Entry]:
    """A loose spelling match ("كفرروما" ~ "كفرروم") counts only inside the governorates its
    sentence names, or near the article's places when the sentence names none."""
    admin1s = {a.admin1 for a in context.in_sentence(spot.sentence, i) if a.country == "SY" and a.admin1}
    if admin1s:
        return [e for e in entries if e.place.admin1 in admin1s]
    own = context.by_spot.get(i)
    if context.syrian_total - (own.weight if own is not None and own.country == "SY" and own.admin1 else 0.0) <= 0:
        return entries
    return [e for e in entries if context.admin1_share(e.place.admin1, i) >= 0.3 or context.nearest_km(e, i) < 30]
