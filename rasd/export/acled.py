"""ACLED CSV: stored events in ACLED's columns, coded by ACLED's rules where rasd knows enough.

One row per atomic event, in ACLED's column order (:data:`ACLED_COLUMNS`). A field rasd
cannot fill stays empty; nothing is invented. Decisions (docs/export.md explains each):

- Types come from ``rasd/data/export_mapping.tsv``. ``displacement`` is not coded by ACLED
  and never appears here. Totals and campaigns (``aggregate`` events, the type
  ``military_offensive``, and events that others break down) are left out: ACLED codes
  atomic events. ``include_aggregates=True`` keeps them with the tag ``aggregate``.
- Events stated as negated, hypothetical or planned did not happen and are left out.
  Every left-out event is counted per reason in the returned :class:`ExportSummary`
  (the CLI prints the counts on stderr).
- ``fatalities``: the largest conservative figure among the quantities of kind
  ``killed`` ("عشرات" -> 10, "مئات" -> 100, "آلاف" -> 1000, "أكثر من 100" -> 101, an exact
  value stays); 0 when the event reports no killed at all, as ACLED writes; empty when
  deaths are reported without a number. Injuries never count.
- ``event_date`` / ``time_precision``: see :func:`rasd.export.mapping.event_date`; a date
  that stands in from the publication date has precision 2.
- Location columns are filled only when the event's place is where it happened (role
  ``site``); a place of origin or destination goes to ``tags`` ("origin=Nasib").
  ``geo_precision``: rasd 1 -> 1, 2 -> 2, 3 and 4 -> 3. ``iso`` is the ISO 3166 numeric
  code, ``country`` and ``region`` ACLED's names (``rasd/data/iso_countries.tsv``).
- Actors: the curated English name ("Military Forces of Syria") when the text names a
  curated actor, else the Arabic text as written; generic civilians and protesters get
  the event's country ("Civilians (Syria)"). ``inter1``/``inter2`` from actor kinds (state
  forces acting outside their own country are external/other, 8); ``interaction`` is the
  two codes ascending ("17"), or inter1 and 0 when there is no second actor ("10").
- ``event_id_cnty``: the ISO alpha-3 code of the event's country ("XXX" when unknown)
  followed by the decimal value of the first 12 hex digits of SHA-256(rasd event_id):
  stable across exports of the same store.
- ``source``: the outlet and the quoted source (English name when curated), joined
  by "; ". ``notes``: the Arabic evidence sentence. ``source_scale`` and ``timestamp``
  stay empty (rasd does not know the outlet's scale; the store keeps no per-row time).
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from rasd.export.mapping import (
    ExportResources, ExportSummary, TypeMapping, event_date, event_quantities, format_count, is_aggregate,
    largest_count, parent_ids,
)

__all__ = ["ACLED_COLUMNS", "INTER_CODES", "acled_event_id", "acled_row", "acled_skip_reason", "interaction_code",
           "write_acled_csv"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

INTER_CODES = {
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external/other": 8,
}
_NOT_HAPPENED = ("negated", "hypothetical", "planned", "denied")  # denied: the text only denies it
_GENERIC_GROUPS = ("civilians", "protesters", "rioters")
_GEO_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3}


def write_acled_csv(events: Iterable[dict[str, Any]], out: TextIO, resources: ExportResources,
                    include_aggregates: bool = False) -> ExportSummary:
    """Write the header and one row per exported event to ``out``; return what was written and skipped."""
    events = list(events)
    parents = parent_ids(events)
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    skipped: Counter[str] = Counter()
    written = 0
    for event in events:
        aggregate = is_aggregate(event, resources.types, parents)
        reason = acled_skip_reason(event, resources, aggregate, include_aggregates)
        if reason:
            skipped[reason] += 1
            continue
        row = acled_row(event, resources, aggregate)
        writer.writerow(["" if row[c] is None else row[c] for c in ACLED_COLUMNS])
        written += 1
    return ExportSummary(written, tuple(sorted(skipped.items())))


def acled_skip_reason(event: dict[str, Any], resources: ExportResources, aggregate: bool,
                      include_aggregates: bool = False) -> str | None:
    """Why the event stays out of the ACLED export, or None when it goes in."""
    mapping = resources.types.get(event["type"])
    if mapping is None:
        return f"type {event['type']} has no ACLED mapping"
    if mapping.acled == "none":
        return f"type {event['type']} is not coded by ACLED"
    if event.get("factuality") in _NOT_HAPPENED:
        return f"factuality {event['factuality']}"
    if aggregate and not include_aggregates:
        return "aggregate (use --include-aggregates)"
    return None


def acled_row(event: dict[str, Any], resources: ExportResources, aggregate: bool = False) -> dict[str, Any]:
    """The ACLED columns of one event (values None where rasd cannot fill them)."""
    mapping = resources.types[event["type"]]
    place = _site(event)
    country = resources.country(place.get("country"))
    date, precision = event_date(event)
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS)
    row.update(
        event_id_cnty=acled_event_id(event["event_id"], country.alpha3 if country else None),
        event_date=date, year=int(date[:4]) if date else None, time_precision=precision,
        iso=country.numeric if country else None, region=country.region if country else None,
        country=resources.country_name(place.get("country")),
        source=_sources(event, resources), notes=event["evidence"]["text"],
        fatalities=_fatalities(event), tags=_tags(event, aggregate),
    )
    row.update(_actor_columns(event, resources, mapping, place.get("country")))
    row.update(_type_columns(mapping, row["inter1"]))
    row.update(_place_columns(place, resources))
    return row


def acled_event_id(event_id: str, alpha3: str | None) -> str:
    """ACLED-style ``event_id_cnty``: country alpha-3 (or XXX) and a number from the rasd id.

    >>> acled_event_id("e8e34da9277a0e588", "SYR")
    'SYR15896529678855'
    """
    number = int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12], 16)
    return f"{alpha3 or 'XXX'}{number}"


def interaction_code(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """ACLED's interaction: both inter codes, smaller first; inter1 and 0 for a lone actor.

    >>> interaction_code(7, 1, True), interaction_code(1, None, False), interaction_code(None, 7, True)
    (17, 10, None)
    """
    if inter1 is None:
        return None
    if not has_actor2:
        return inter1 * 10
    if inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _site(event: dict[str, Any]) -> dict[str, Any]:
    location = event.get("location") or {}
    return location if location.get("role", "site") == "site" else {}


def _type_columns(mapping: TypeMapping, inter1: int | None) -> dict[str, Any]:
    sub_event = mapping.sub_event_type
    if mapping.sub_event_type_state and inter1 == INTER_CODES["state forces"]:
        sub_event = mapping.sub_event_type_state
    return {"disorder_type": mapping.disorder_type, "event_type": mapping.event_type, "sub_event_type": sub_event}


def _place_columns(place: dict[str, Any], resources: ExportResources) -> dict[str, Any]:
    if not place:
        return {}
    return {
        "admin1": resources.place_name(place.get("admin1")), "admin2": resources.place_name(place.get("admin2")),
        "admin3": resources.place_name(place.get("admin3")),
        "location": place.get("name_en") or place.get("name_ar") or place.get("text"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": _GEO_PRECISION.get(place.get("precision")),
    }


def _actor_columns(event: dict[str, Any], resources: ExportResources, mapping: TypeMapping,
                   country: str | None) -> dict[str, Any]:
    actors = [a for a in event["actors"] if a["role"] == "actor"]
    associated = actors[1:] + [a for a in event["actors"] if a["role"] == "associated"]
    targets = [a for a in event["actors"] if a["role"] == "target"]
    kinds = [_kind(a, resources, country) for a in targets]
    inter1 = INTER_CODES.get(_kind(actors[0], resources, country)) if actors else None
    inter2 = INTER_CODES.get(kinds[0]) if targets else None
    violent = "Political violence" in (mapping.disorder_type or "")
    return {
        "actor1": _actor_name(actors[0], resources, country) if actors else None,
        "assoc_actor_1": _join(_actor_name(a, resources, country) for a in associated),
        "inter1": inter1,
        "actor2": _actor_name(targets[0], resources, country) if targets else None,
        "assoc_actor_2": _join(_actor_name(a, resources, country) for a in targets[1:]),
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2, bool(targets)),
        "civilian_targeting": "Civilian targeting" if violent and "civilians" in kinds else None,
    }


def _kind(actor: dict[str, Any], resources: ExportResources, country: str | None) -> str | None:
    """The actor's ACLED kind; state forces outside their own country are external/other."""
    info = resources.actor_info(actor["text"])
    kind = actor.get("kind") or (info.kind if info and info.kind != "source" else None)
    if kind == "state forces" and info and info.country and country and info.country != country:
        return "external/other"
    return kind


def _actor_name(actor: dict[str, Any], resources: ExportResources, country: str | None) -> str:
    info = resources.actor_info(actor["text"])
    if info is None:
        return actor["text"]
    name = resources.country_name(country)
    if info.kind in _GENERIC_GROUPS and info.country is None and name:
        return f"{info.name_en} ({name})"
    return info.name_en


def _sources(event: dict[str, Any], resources: ExportResources) -> str | None:
    attribution = event.get("attribution") or {}
    return _join([attribution.get("outlet"), resources.source_name(attribution.get("source"))])


def _fatalities(event: dict[str, Any]) -> int | None:
    killed = [q for q in event_quantities(event) if q.get("kind") == "killed"]
    return largest_count(event, "killed") if killed else 0


def _tags(event: dict[str, Any], aggregate: bool) -> str | None:
    tags = ["aggregate"] if aggregate else []
    if event.get("factuality") not in (None, "asserted", "reported"):
        tags.append(f"factuality={event['factuality']}")
    location = event.get("location") or {}
    if location and location.get("role", "site") != "site":
        tags.append(f"{location['role']}={location.get('name_en') or location.get('text')}")
    for quantity in event_quantities(event):
        tags.append(_quantity_tag(quantity))
    return _join(tags)


def _quantity_tag(quantity: dict[str, Any]) -> str | None:
    """A count ACLED has no column for ("defected=25", "crowd size=2000-9999", "killed=20-99"), or None.

    Exact killed counts are the fatalities column already; a count without a number is
    tagged only for the killed, to say why fatalities is empty.
    """
    kind, figure = quantity.get("kind"), format_count(quantity)
    if kind == "killed" and quantity.get("value") is not None:
        return None
    if figure is None:
        return "killed=unquantified" if kind == "killed" else None
    label = "crowd size" if kind == "protesters" else kind or quantity.get("unit") or "count"
    return f"{label}={figure}"


def _join(items: Iterable[str | None]) -> str | None:
    """Distinct non-empty items joined by "; ", or None."""
    seen = list(dict.fromkeys(i for i in items if i))
    return "; ".join(seen) if seen else None
