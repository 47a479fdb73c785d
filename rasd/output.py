"""The JSON output contract of ``rasd extract`` (DESIGN.md, "Command-line output").

Other tools and the evaluation read this shape, so it is built field by field here
and nowhere else.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from rasd.records import (
    Actor,
    Article,
    DocumentResult,
    Event,
    Location,
    PlaceMention,
    Quantity,
    Rejection,
    TimeExpression,
)

_QUANTITY_FIELDS = ("value", "min", "max", "approximate", "unit", "kind", "text", "start", "end")

__all__ = [
    "article_to_dict",
    "event_to_dict",
    "location_to_dict",
    "place_mention_to_dict",
    "quantity_to_dict",
    "result_to_dict",
    "time_to_dict",
]


def result_to_dict(result: DocumentResult) -> dict[str, Any]:
    """One line of ``rasd extract --format json``."""
    return {
        "doc_id": result.doc_id,
        "article": article_to_dict(result.article) if result.article else None,
        "places": [place_mention_to_dict(p) for p in result.places],
        "events": [event_to_dict(e) for e in result.events],
        "rejection": _rejection_to_dict(result.rejection) if result.rejection else None,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """The ``article`` object: title, outlet, byline, url, published, body."""
    return {
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "body": article.body,
    }


def place_mention_to_dict(mention: PlaceMention) -> dict[str, Any]:
    """A place of the ``places`` list: the mention's span and what it resolved to."""
    place = mention.place
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "pcode": place.pcode if place else None,
        "name_ar": place.name_ar if place else None,
        "name_en": place.name_en if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": place.admin3 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": mention.precision,
        "country": (place.country or None) if place else None,  # a region over several countries: unknown, null
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """One event in the output contract's shape."""
    return {
        "event_id": event.event_id,
        "type": event.type,
        "aggregate": event.aggregate,
        "parent": event.parent,
        "evidence": {"text": event.evidence.text, "start": event.evidence.start, "end": event.evidence.end},
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in event.mentions],
        "actors": [_actor_to_dict(a) for a in event.actors],
        "quantity": quantity_to_dict(event.quantity) if event.quantity else None,
        "quantities": [quantity_to_dict(q) for q in event.quantities],
        "location": location_to_dict(event.location) if event.location else None,
        "time": time_to_dict(event.time) if event.time else None,
        "attribution": {
            "outlet": event.attribution.outlet,
            "source": event.attribution.source,
            "speaker": event.attribution.speaker,
        },
        "factuality": event.factuality,
        "confidence": round(event.confidence, 3),
        "extractor": event.extractor,
    }


def _actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {"role": actor.role, "text": actor.text, "start": actor.start, "end": actor.end, "kind": actor.kind}


def quantity_to_dict(quantity: Quantity) -> dict[str, Any]:
    """A quantity: exact value, or min/max for approximate words."""
    return {name: getattr(quantity, name) for name in _QUANTITY_FIELDS}


def location_to_dict(location: Location) -> dict[str, Any]:
    """An event's location with its role (the record's fields, in the contract's order)."""
    return {f.name: getattr(location, f.name) for f in fields(Location)}


def time_to_dict(time: TimeExpression) -> dict[str, Any]:
    """An event's time: the phrase, the resolved dates, precision and basis."""
    return {
        "text": time.text,
        "start": time.start,
        "end": time.end,
        "date_start": time.date_start.isoformat() if time.date_start else None,
        "date_end": time.date_end.isoformat() if time.date_end else None,
        "precision": time.precision,
        "basis": time.basis,
    }


def _rejection_to_dict(rejection: Rejection) -> dict[str, Any]:
    return {"stage": rejection.stage, "code": rejection.code, "detail": rejection.detail}
