"""Event drafts: one per (sentence, event type) before merging and numbering.

A :class:`Draft` is the working form of an event: it keeps the sentence view it
came from and the chosen arguments, so that later steps (breakdowns, merging,
parent links) can compare drafts before they become :class:`~rasd.records.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.events.attribution import SentenceSource
from rasd.events.context import SentenceView
from rasd.events.triggers import TriggerHit
from rasd.records import Actor, Evidence, PlaceMention, Quantity, TimeExpression

__all__ = ["Draft"]


@dataclass(frozen=True)
class Draft:
    """An event in the making."""

    key: int
    type: str
    view: SentenceView
    hit: TriggerHit | None
    actors: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    place: PlaceMention | None = None
    role: str = "site"
    place_inferred: bool = False
    time: TimeExpression | None = None
    source: SentenceSource | None = None
    factuality: str = "asserted"
    aggregate: bool = False
    parent: int | None = None
    mentions: tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def evidence(self) -> Evidence:
        """The sentence that states the event."""
        sentence = self.view.sentence
        return Evidence(sentence.text, sentence.start, sentence.end)

    @property
    def main_quantity(self) -> Quantity | None:
        """The first quantity, or None."""
        return self.quantities[0] if self.quantities else None

    @property
    def actor(self) -> Actor | None:
        """The first actor with role 'actor', or None."""
        return next((a for a in self.actors if a.role == "actor"), None)

    def richness(self) -> int:
        """How much the draft says: a count weighs most, then a precise place, an actor, a source.

        Used to keep the richest of duplicates; among equals the earliest mention is kept.
        """
        numbers = [q for q in self.quantities if (q.value is not None or q.min is not None) and q.kind != "signatories"]
        counted = any(q.kind is not None for q in numbers)
        actor = self.actor
        own_source = bool(self.source) and not (actor and self.source.source == actor.text)
        return (
            3 * counted
            + bool(numbers)
            + 2 * bool(self.place and not self.place_inferred and (self.place.precision or 4) <= 2)
            + bool(self.place and not self.place_inferred)
            + bool(actor)
            + own_source
        )
