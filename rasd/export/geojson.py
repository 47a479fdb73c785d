"""GeoJSON: a FeatureCollection of points, one per event with coordinates, for maps.

Every event whose location has a latitude and longitude becomes a Point feature
(coordinates ``[lon, lat]`` as GeoJSON requires); events without coordinates are left
out and counted. Unlike the ACLED and PLOVER exports, places of origin and destination
are mapped too: the property ``location_role`` says which (``site``, ``origin``,
``destination``), and totals stay in with ``aggregate`` true, so a map can filter both.

Properties: ``event_id, type, date, actor, count, place, name_en, admin1, pcode,
precision, location_role, source, outlet, factuality, aggregate, evidence``. ``actor`` and
``place`` are the Arabic text as written, ``count`` the main quantity as text ("25",
"200-999", "101+").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from rasd.export.mapping import ExportResources, ExportSummary, event_date, format_count

__all__ = ["event_feature", "write_geojson"]


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO,
                  resources: ExportResources | None = None) -> ExportSummary:
    """Write one FeatureCollection (one feature per line) to ``out``; return what was written and skipped."""
    features, skipped = [], 0
    for event in events:
        feature = event_feature(event)
        if feature is None:
            skipped += 1
            continue
        features.append(json.dumps(feature, ensure_ascii=False))
    out.write('{"type": "FeatureCollection", "features": [\n')
    out.write(",\n".join(features))
    out.write("\n]}\n" if features else "]}\n")
    return ExportSummary(len(features), (("no coordinates", skipped),) if skipped else ())


def event_feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """The Point feature of one event, or None when its location has no coordinates.

    >>> event_feature({"event_id": "e1", "type": "airstrike", "location": None}) is None
    True
    """
    location = event.get("location") or {}
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return None
    actor = next((a["text"] for a in event.get("actors") or [] if a["role"] == "actor"), None)
    quantity = event.get("quantity")
    attribution = event.get("attribution") or {}
    properties = {
        "event_id": event["event_id"], "type": event["type"], "date": event_date(event)[0], "actor": actor,
        "count": format_count(quantity) if quantity else None, "place": location.get("text"),
        "name_en": location.get("name_en"), "admin1": location.get("admin1"), "pcode": location.get("pcode"),
        "precision": location.get("precision"), "location_role": location.get("role"),
        "source": attribution.get("source"), "outlet": attribution.get("outlet"),
        "factuality": event.get("factuality"), "aggregate": bool(event.get("aggregate")),
        "evidence": event["evidence"]["text"],
    }
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}
