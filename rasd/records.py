"""Typed, immutable records passed between pipeline stages.

Every record that points into text keeps character offsets into ``Article.body``
(``start`` inclusive, ``end`` exclusive), so any field can be traced back to the
words it came from. Records are frozen dataclasses; stages build new ones instead
of mutating old ones. ``to_dict`` gives the JSON shape of the output contract in
DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Attribution",
    "DocumentResult",
    "EntityMention",
    "Event",
    "Evidence",
    "Location",
    "Metadata",
    "Place",
    "PlaceMention",
    "Quantity",
    "RawDocument",
    "Rejection",
    "RemovedLine",
    "Sentence",
    "TimeExpression",
    "Token",
    "to_dict",
]


def to_dict(record: Any) -> Any:
    """Convert a record (or nested records, tuples, dates) to JSON-ready values."""
    if hasattr(record, "__dataclass_fields__"):
        return {f.name: to_dict(getattr(record, f.name)) for f in fields(record) if not f.name.startswith("_")}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    return record


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document besides its text (from meta.json, JSONL, flags)."""

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from disk, before decoding and cleaning.

    ``source`` names where it came from (a path, or ``path:line`` in a JSONL corpus)
    so that messages and rejections can point at it. Exactly one of ``data``
    (undecoded bytes) or ``text`` (already decoded, e.g. a JSONL field) is set.
    ``markup`` is ``"text"`` or ``"html"``.
    """

    doc_id: str
    source: str
    markup: str = "text"
    data: bytes | None = None
    text: str | None = None
    meta: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that was dropped, with the stage and a stable reason code."""

    doc_id: str
    source: str
    stage: str
    code: str
    detail: str


# --------------------------------------------------------------------------- article


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the scraped page that cleaning removed, and why (for audit)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: title, byline and body, plus the metadata it carries."""

    doc_id: str
    source: str
    title: str
    body: str
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    published: dt.date | None = None
    removed: tuple[RemovedLine, ...] = ()
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body; ``paragraph`` counts paragraphs from 0."""

    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark of the body."""

    text: str
    start: int
    end: int


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count of something: an exact value, or a range for hedged/approximate words.

    ``value`` is set only for exact counts. Approximate words keep a range:
    "مئات" is min 200, max 999; "أكثر من 100" is min 101, max None.
    """

    text: str
    start: int
    end: int
    value: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False
    unit: str | None = None
    kind: str | None = None
    noun: str | None = None

    @property
    def low(self) -> int | None:
        """The smallest number the quantity admits."""
        return self.value if self.value is not None else self.min


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date or relative time phrase, resolved when an anchor date is known.

    ``basis`` is ``explicit`` (a calendar date in the text), ``relative`` (resolved
    or resolvable against the publication date) or ``published`` (no phrase; the
    publication date stands in).
    """

    text: str
    start: int | None
    end: int | None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: str | None = None
    basis: str = "explicit"


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named entity found in the body by NER, gazetteer or rule.

    ``key`` is the canonical id when the mention matched a curated list (an actor of
    ``rasd/data/actors.tsv``), else None.
    """

    text: str
    start: int
    end: int
    label: str
    source: str = "rule"
    confidence: float = 1.0
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a Syrian community or admin area, or a place abroad.

    ``level`` is one of ``community``, ``admin3``, ``admin2``, ``admin1``,
    ``region``, ``country``, ``city`` (abroad), ``area``.
    """

    id: str
    name_ar: str
    name_en: str | None
    level: str
    country: str
    pcode: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonames_id: int | None = None

    @property
    def precision(self) -> int:
        """DESIGN.md precision code: 1 town, 2 district/near, 3 region, 4 country."""
        return {"community": 1, "city": 1, "admin3": 2, "admin2": 2, "area": 2}.get(
            self.level, 4 if self.level == "country" else 3
        )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in the body and the place it resolved to (None if unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None
    precision: int | None
    confidence: float = 0.0
    candidates: tuple[str, ...] = ()
    reason: str = ""
    part: str | None = None


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant of an event: ``role`` is actor, target or associated."""

    role: str
    text: str
    start: int | None
    end: int | None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (site), or where its people came from / went to."""

    text: str
    start: int | None
    end: int | None
    role: str
    pcode: str | None
    name_ar: str | None
    name_en: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    lat: float | None
    lon: float | None
    precision: int | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says so: the outlet, the group or agency it quotes, the person speaking."""

    outlet: str | None = None
    source: str | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states an event, with its offsets in the body."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event; every field keeps the span it came from."""

    event_id: str
    type: str
    evidence: Evidence
    aggregate: bool = False
    parent: str | None = None
    actors: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    location: Location | None = None
    time: TimeExpression | None = None
    attribution: Attribution = field(default_factory=Attribution)
    factuality: str = "asserted"
    confidence: float = 0.5
    extractor: str = ""
    mentions: tuple[Evidence, ...] = ()

    @property
    def quantity(self) -> Quantity | None:
        """The main quantity (the first), or None."""
        return self.quantities[0] if self.quantities else None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything found in one article before events are coded."""

    article: Article
    sentences: tuple[Sentence, ...]
    places: tuple[PlaceMention, ...]
    entities: tuple[EntityMention, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything rasd read from one document, or why it could not."""

    doc_id: str
    source: str
    article: Article | None
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    rejection: Rejection | None = None
