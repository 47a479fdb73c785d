"""PLOVER JSONL: one JSON object per event, with PLOVER's event, mode and context.

Each line holds ``id, date, actor, recipient, event, mode, context, event_loc,
event_text, size {dead, injured, arrested}, cite_info {outlet, source, url}, coder``
(DESIGN.md), plus ``factuality`` and ``aggregate``. Decisions (docs/export.md):

- ``event``, ``mode`` and ``context`` come from ``rasd/data/export_mapping.tsv``. ``event``
  and ``mode`` are single strings (or null), ``context`` a list. A repression of
  protesters is ``COERCE`` by the forces: PLOVER codes one record per source actor, and
  the protest itself is a ``PROTEST`` event of its own.
- Types with no PLOVER category (defection, draft evasion, religious ruling,
  displacement) are left out and counted, since PLOVER requires ``event``;
  ``include_unmapped=True`` keeps them with ``"event": null`` and their context
  (military, religion_ethnicity, migration).
- Negated events are left out (PLOVER: "negated events can be excluded"); planned and
  hypothetical events get the contexts ``future`` and ``hypothetical``. Totals and
  campaigns are left out unless ``include_aggregates=True``, as in the ACLED export.
- ``actor`` lists the event's actors and the actors associated with them, ``recipient``
  its targets, each as ``{actor_text, identifier_id, identifier_text, code, kind}``:
  the Arabic text, the curated actor id and English name, the ISO alpha-3 code of the
  actor's country (null for non-state actors without one).
- ``size`` figures are ACLED's conservative single figures (null when not reported).
- ``event_loc`` is filled only when the place is where the event happened (role site).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from rasd.export.mapping import (
    ExportResources, ExportSummary, event_date, is_aggregate, largest_count, parent_ids,
)

__all__ = ["PLOVER_KEYS", "plover_record", "plover_skip_reason", "write_plover_jsonl"]

PLOVER_KEYS = (
    "id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "size",
    "cite_info", "coder", "factuality", "aggregate",
)
_FACTUALITY_CONTEXT = {"planned": "future", "hypothetical": "hypothetical"}


def write_plover_jsonl(events: Iterable[dict[str, Any]], out: TextIO, resources: ExportResources,
                       include_aggregates: bool = False, include_unmapped: bool = False) -> ExportSummary:
    """Write one PLOVER JSON object per exported event to ``out``, one per line."""
    events = list(events)
    parents = parent_ids(events)
    skipped: Counter[str] = Counter()
    written = 0
    for event in events:
        aggregate = is_aggregate(event, resources.types, parents)
        reason = plover_skip_reason(event, resources, aggregate, include_aggregates, include_unmapped)
        if reason:
            skipped[reason] += 1
            continue
        out.write(json.dumps(plover_record(event, resources, aggregate), ensure_ascii=False) + "\n")
        written += 1
    return ExportSummary(written, tuple(sorted(skipped.items())))


def plover_skip_reason(event: dict[str, Any], resources: ExportResources, aggregate: bool,
                       include_aggregates: bool = False, include_unmapped: bool = False) -> str | None:
    """Why the event stays out of the PLOVER export, or None when it goes in."""
    mapping = resources.types.get(event["type"])
    if (mapping is None or mapping.plover_event is None) and not include_unmapped:
        return f"type {event['type']} has no PLOVER event (use --include-unmapped)"
    if event.get("factuality") == "negated":
        return "factuality negated"
    if aggregate and not include_aggregates:
        return "aggregate (use --include-aggregates)"
    return None


def plover_record(event: dict[str, Any], resources: ExportResources, aggregate: bool = False) -> dict[str, Any]:
    """The PLOVER object of one event."""
    mapping = resources.types.get(event["type"])
    context = list(mapping.plover_context) if mapping else []
    extra = _FACTUALITY_CONTEXT.get(event.get("factuality") or "")
    if extra and extra not in context:
        context.append(extra)
    attribution = event.get("attribution") or {}
    actors = event.get("actors") or []
    return {
        "id": event["event_id"],
        "date": event_date(event)[0],
        "actor": [_actor(a, resources) for a in actors if a["role"] in ("actor", "associated")],
        "recipient": [_actor(a, resources) for a in actors if a["role"] == "target"],
        "event": mapping.plover_event if mapping else None,
        "mode": mapping.plover_mode if mapping else None,
        "context": context,
        "event_loc": _location(event, resources),
        "event_text": event["evidence"]["text"],
        "size": _size(event),
        "cite_info": {
            "outlet": attribution.get("outlet"), "source": resources.source_name(attribution.get("source")),
            "url": event.get("url"),
        },
        "coder": event.get("extractor") or None,
        "factuality": event.get("factuality"),
        "aggregate": aggregate,
    }


def _size(event: dict[str, Any]) -> dict[str, int | None]:
    return {
        "dead": largest_count(event, "killed"),
        "injured": largest_count(event, "injured"),
        "arrested": largest_count(event, "arrested"),
    }


def _actor(actor: dict[str, Any], resources: ExportResources) -> dict[str, Any]:
    info = resources.actor_info(actor["text"])
    country = resources.country(info.country) if info else None
    return {
        "actor_text": actor["text"],
        "identifier_id": info.id if info else None,
        "identifier_text": info.name_en if info else None,
        "code": country.alpha3 if country else None,
        "kind": actor.get("kind") or (info.kind if info and info.kind != "source" else None),
    }


def _location(event: dict[str, Any], resources: ExportResources) -> dict[str, Any] | None:
    location = event.get("location") or {}
    if not location or location.get("role", "site") != "site":
        return None
    country = resources.country(location.get("country"))
    return {
        "name": location.get("name_en") or location.get("name_ar") or location.get("text"),
        "text": location.get("text"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "pcode": location.get("pcode"),
        "admin1": location.get("admin1"),
        "admin1_name": resources.place_name(location.get("admin1")),
        "country": location.get("country"),
        "cc3": country.alpha3 if country else None,
        "precision": location.get("precision"),
    }
