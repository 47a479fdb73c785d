"""Decisions about spots, and what rasd decides when the gazetteer has no fitting reading.

:class:`Decision` is what the resolver (resolve.py) makes of each spot. This module holds
the decisions that do not come from ranking readings: :func:`fall_back` gives a name the
gazetteer lacks the smallest area the text supports, never a country the text does not
support; :func:`keep_one_sense` and :func:`place_quarters` revisit the decisions of an
article once all are made.
"""

from __future__ import annotations

from typing import NamedTuple

from rasd.geo.context import Context, sentence_countries
from rasd.geo.gazetteer import Entry, Gazetteer, distance_km
from rasd.geo.match import Spot

__all__ = ["Decision", "fall_back", "keep_one_sense", "place_quarters", "place_towns_named_before"]

_QUARTER_KM = 12.0


class Decision(NamedTuple):
    """What rasd decided for one spot: the place entry (or None), why, and the scores
    (a named tuple, cheap to build: one is made for every mention)."""

    spot: Spot
    entry: Entry | None
    precision: int | None
    confidence: float
    scores: tuple[tuple[str, float], ...]
    reason: str
    accepted: bool


def fall_back(i: int, spot: Spot, context: Context, gaz: Gazetteer, note: str) -> Decision:
    """The smallest area the text supports for a name the gazetteer lacks (or cannot fit).

    A country adjective after the name ("رأس العين اللبنانية"); "شمال البلاد", a part of the
    article's country; a governorate or district named in the same sentence (the nearest,
    preferring one after the name); else the article's main governorate; else the article's
    country (Syria, or the country of a foreign dateline); never a country the text does not
    support. An unknown "محافظة X" is no Syrian governorate: it gets a foreign country at most.
    """
    if spot.nisba and spot.nisba != "SY":
        entry = gaz.country(spot.nisba)
        return Decision(spot, entry, 4, 0.5, (), f"{note}; country from adjective {spot.nisba}", entry is not None)
    if spot.deictic == "country":
        return _the_country(spot, context, gaz)
    if spot.deictic == "town":
        return Decision(spot, None, None, 0.0, (), "no town named before", False)  # see place_towns_named_before
    foreign = sentence_countries(context, spot.sentence, i) - {"SY"}
    if spot.descriptor == "governorate":
        return _province_abroad(spot, context, gaz, note, foreign)
    anchors = [a for a in context.in_sentence(spot.sentence, i) if a.country == "SY" and a.admin1]
    if anchors and not foreign:
        anchor = min(anchors, key=lambda a: a.spot - i if a.spot > i else i - a.spot + 0.5)
        if anchor.level == "admin2" and anchor.admin2:
            return Decision(spot, gaz.get(anchor.admin2), 2, 0.5, (), f"{note}; district named in the sentence", True)
        return Decision(spot, gaz.get(anchor.admin1), 3, 0.5, (), f"{note}; governorate named in the sentence", True)
    if spot.first < 0:
        return Decision(spot, None, None, 0.0, (), f"{note}; no supporting context", True)
    country, share = main_country(context)
    if foreign and foreign != {country}:
        return Decision(spot, None, None, 0.0, (), f"{note}; a foreign country in the sentence", True)
    if country == "SY" and not anchors:
        governorate = _main_governorate(i, context)
        if governorate:
            return Decision(spot, gaz.get(governorate), 3, 0.4, (), f"{note}; the article's main governorate", True)
    if country and share >= 0.5 and (country != "SY" or not foreign):
        return Decision(spot, gaz.country(country), 4, 0.3, (), f"{note}; the article is about {country}", True)
    return Decision(spot, None, None, 0.0, (), f"{note}; no supporting context", True)


def _province_abroad(spot: Spot, context: Context, gaz: Gazetteer, note: str, foreign: set[str]) -> Decision:
    """"محافظة صلاح الدين": every Syrian governorate is known, so an unknown one is abroad: the
    one foreign country of its sentence, else a foreign country the article is about."""
    country, share = main_country(context)
    if len(foreign) == 1:
        country, share = next(iter(foreign)), 1.0
    if country is None or country == "SY" or share < 0.75:
        return Decision(spot, None, None, 0.0, (), f"{note}; a governorate abroad, country unclear", True)
    return Decision(spot, gaz.country(country), 4, 0.4, (), f"{note}; a governorate in {country}", True)


def main_country(context: Context) -> tuple[str | None, float]:
    """The country with the most anchor weight in the article, and its share."""
    if not context.country_weight:
        return None, 0.0
    country = max(sorted(context.country_weight), key=context.country_weight.__getitem__)
    return country, context.country_share(country)


def _main_governorate(i: int, context: Context) -> str | None:
    """The governorate with half the article's Syrian anchor weight (and at least one explicit anchor)."""
    code, weight = max(context.admin1_weight.items(), key=lambda kv: kv[1], default=(None, 0.0))
    if code and context.admin1_share(code, i) >= 0.5 and weight >= 2.0:
        return code
    return None


def _the_country(spot: Spot, context: Context, gaz: Gazetteer) -> Decision:
    """"شمال البلاد": a part of the country the article is about (precision 3), if it is clear."""
    country, share = main_country(context)
    if country is None or share < 0.5:
        return Decision(spot, None, None, 0.0, (), "the country of the article is not clear", False)
    return Decision(spot, gaz.country(country), 3, 0.6, (), f"the country of the article ({country}); part of a country", True)


def keep_one_sense(decisions: list[Decision], gaz: Gazetteer) -> list[Decision]:
    """A name resolved confidently once keeps that reading elsewhere in the article."""
    known: dict[str, Decision] = {}
    for decision in decisions:
        if decision.accepted and decision.entry and decision.spot.candidates and decision.entry.place.level in ("community", "area", "city"):
            known.setdefault(decision.spot.key, decision)
    out = []
    for decision in decisions:
        same = known.get(decision.spot.key)
        if not decision.accepted and decision.scores and same and gaz.stopwords.get(decision.spot.key) != "hard":
            decision = decision._replace(
                entry=same.entry, precision=same.entry.precision, confidence=0.6, accepted=True,
                reason=f"same name resolved elsewhere in the article ({same.entry.place.id})",
            )
        out.append(decision)
    return out


def place_quarters(decisions: list[Decision], gaz: Gazetteer) -> list[Decision]:
    """A quarter or camp named inside a town ("حي الحمدانية في مدينة حلب") lies in that town:
    its reading within 12 km of the town, else the town itself."""
    for k in range(len(decisions) - 1):
        decision, town = decisions[k], decisions[k + 1].entry
        if not decision.spot.inside or town is None or town.level not in ("community", "city") or not decisions[k + 1].accepted:
            continue
        if decision.entry is not None and decision.accepted and _within_km(decision.entry, town) and decision.precision == 1:
            continue
        inner = [gaz.get(pid) for pid, _ in decision.scores]
        inner = [e for e in inner if e is not None and e.level in ("community", "area") and _within_km(e, town)]
        entry, how = (inner[0], "inside") if inner else (town, "a quarter of")
        decisions[k] = decision._replace(
            entry=entry, precision=1, confidence=0.7, accepted=True,
            reason=f"{decision.reason}; {how} {town.place.id}",
        )
    return decisions


def place_towns_named_before(decisions: list[Decision]) -> list[Decision]:
    """"أطراف المدينة": near the town the article named last before it (within five sentences:
    a city, a capital, or a town named with a descriptor)."""
    last: Decision | None = None
    for k, decision in enumerate(decisions):
        spot = decision.spot
        if spot.deictic == "town" and last is not None and spot.sentence - last.spot.sentence <= 5:
            decisions[k] = decision._replace(
                entry=last.entry, precision=2, confidence=0.6, accepted=True,
                reason=f"the town named before ({last.entry.place.id}); near a town",
            )
        elif decision.accepted and _named_town(decision):
            last = decision
    return decisions


def _named_town(decision: Decision) -> bool:
    entry, spot = decision.entry, decision.spot
    if entry is None or entry.level not in ("community", "city") or spot.deictic:
        return False
    return entry.level == "city" or entry.capital != "" or spot.descriptor in ("town", "city")


def _within_km(entry: Entry, town: Entry) -> bool:
    one, other = entry.place, town.place
    if one.lat is None or other.lat is None:
        return False
    return distance_km(one.lat, one.lon, other.lat, other.lon) <= _QUARTER_KM
