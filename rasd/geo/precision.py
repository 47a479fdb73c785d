"""The place to report for a chosen reading, and its precision code (DESIGN.md "Precision").

1 a community (village, town, city) or a city abroad; 2 a district or sub-district, an
area, near or a direction from a town ("قرب مدينة حماة", "شرق سراقب"), the countryside of
a district capital or a town, a facility or zone at a town ("منطقة دوما": the district's
centre town); 3 a governorate or region, the countryside of a governorate capital ("ريف
إدلب الجنوبي"), a direction in an area or a country ("شمال سوريا"); 4 a country.
"""

from __future__ import annotations

from dataclasses import replace

from rasd.geo.context import Context
from rasd.geo.gazetteer import Entry, Gazetteer
from rasd.geo.match import Spot

__all__ = ["shape_place"]


def shape_place(spot: Spot, entry: Entry, gaz: Gazetteer, context: Context, i: int) -> tuple[Entry, int, str]:
    """The place to report and its precision, given the descriptor and direction around the name."""
    if "context_admin1" in entry.flags and not entry.place.admin1:
        entry = _with_sentence_admin1(entry, spot, context, i)
    elif spot.descriptor is None and not spot.direction and not spot.near and not spot.with_countryside:
        return entry, entry.precision, ""  # a bare name (the common case): the place itself
    place = entry.place
    level = place.level
    descriptor = spot.descriptor
    if spot.near and level in ("community", "city"):
        return entry, 2, "near a town"
    if descriptor == "zone" and level == "admin2":
        centre = _district_centre(spot, entry, gaz)
        if centre is not None:
            return centre, 2, "zone at a district centre"
    if descriptor == "countryside" or (spot.with_countryside and descriptor is None and level == "community"):
        return _countryside(entry, gaz)
    if descriptor == "suburbs" and place.admin1 in gaz.lexicon.surrounding_admin1 and level in ("community", "admin1"):
        return gaz.get(gaz.lexicon.surrounding_admin1[place.admin1]) or entry, 3, "suburbs of a city-governorate"
    if descriptor in ("near", "suburbs") and level in ("community", "city"):
        return entry, 2, "near a town"
    if descriptor == "near" and level == "admin1":
        around = gaz.get(gaz.lexicon.surrounding_admin1.get(place.id, place.id))
        return around, 3, "around the governorate"
    if descriptor in ("facility", "zone") and level in ("community", "city"):
        return entry, 2, f"{descriptor} at a town"
    if descriptor == "subdistrict" and level == "community" and place.admin3:
        return gaz.get(place.admin3) or entry, 2, "sub-district"
    if descriptor == "governorate" and level == "community" and place.country == "SY":
        return gaz.get(place.admin1) or entry, 3, "governorate"
    if descriptor == "governorate" and level == "city":
        return entry, 3, "the governorate of a city abroad"
    if spot.direction:
        return _directed(entry)
    if descriptor == "territory" and level == "country":
        return entry, 4, "territory of a country"
    return entry, entry.precision, ""


def _district_centre(spot: Spot, entry: Entry, gaz: Gazetteer) -> Entry | None:
    """"منطقة دوما": the town of the same name in the district's centre sub-district ("مركز",
    p-code ending 00), if there is one."""
    centre = entry.place.id + "00"
    for position in spot.candidates:
        town = gaz.entries[position]
        if town.level == "community" and town.place.admin3 == centre:
            return town
    return None


def _with_sentence_admin1(entry: Entry, spot: Spot, context: Context, i: int) -> Entry:
    """A river or area over several governorates takes the one named in its sentence."""
    admin1s = {a.admin1 for a in context.in_sentence(spot.sentence, i) if a.admin1 and a.country == "SY"}
    if len(admin1s) != 1:
        return entry
    return replace(entry, place=replace(entry.place, admin1=admin1s.pop()))


def _countryside(entry: Entry, gaz: Gazetteer) -> tuple[Entry, int, str]:
    """"ريف X": the governorate of a governorate capital, the district of a district capital, else near X."""
    place = entry.place
    if entry.level == "admin1" or (entry.level == "community" and entry.capital in ("0", "1")):
        code = gaz.lexicon.surrounding_admin1.get(place.admin1, place.admin1)
        return gaz.get(code) or entry, 3, "countryside of a governorate capital"
    if entry.level == "admin2" or (entry.level == "community" and entry.capital == "2"):
        return gaz.get(place.admin2) or entry, 2, "countryside of a district capital"
    if entry.level in ("region", "area"):
        return entry, entry.precision, "countryside of an area"
    return entry, 2, "countryside of a town"


def _directed(entry: Entry) -> tuple[Entry, int, str]:
    """"جنوب إدلب", "شمال سوريا", "شرقي دمشق": a part of an area, or near a town."""
    level = entry.level
    if level in ("community", "city"):
        return entry, 2, "direction from a town"
    if level == "country":
        return entry, 3, "part of a country"
    return entry, max(entry.precision, 2), "part of an area"
