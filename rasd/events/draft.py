"""Event drafts: one per (sentence, event type) before merging and numbering.

A :class:`Draft` is the working form of an event: it keeps the sentence view it
came from and the chosen arguments, so that later steps (breakdowns, merging,
parent links) can compare drafts before they become :class:`~rasd.records.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rasd.events.attribution import SentenceSource
from rasd.events.context import SentenceView
from rasd.events.triggers import TriggerHit
from rasd.records import Actor, Evidence, PlaceMention, Quantity, TimeExpression

__all__ = ["Draft"]

_ROLE_ORDER = {"actor": 0, "target": 1, "associated": 2}
_KIND_ORDER = {"killed": 0, "injured": 1}


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

    @property
    def casualty_only(self) -> bool:
        """A killing told by casualty words alone ("قتل 220 شخصاً"), not by a killing word or gunfire."""
        return (self.type == "killing" and self.hit is not None and self.hit.trigger.type == "casualty_killed"
                and not self.view.has_modifier("gunfire"))

    def richness(self, source: bool = True) -> int:
        """How much the draft says: a count weighs most, then a precise place, an actor, a source
        (left out with ``source=False``: what the event is, not who tells it).

        Used to keep the richest of duplicates; among equals the earliest mention is kept.
        """
        numbers = [q for q in self.quantities if (q.value is not None or q.min is not None) and q.kind != "signatories"]
        counted = any(q.kind is not None for q in numbers)
        actor = self.actor
        own_source = source and bool(self.source) and not (actor and self.source.source == actor.text)
        return (
            3 * counted
            + bool(numbers)
            + 2 * bool(self.place and not self.place_inferred and (self.place.precision or 4) <= 2)
            + bool(self.place and not self.place_inferred)
            + bool(actor)
            + own_source
        )

    def absorb(self, other: Draft, update: bool = False) -> Draft:
        """This draft with what ``other``, another telling of the same event, adds.

        Each field keeps the richer of the two: an own place over one filled in, a place with a
        p-code over one without, then the finer; a named actor (or target) over none; a quoted
        source over none; a time from the text over none. Counts
        of other kinds are added ("وإصابة 20 آخرين"); with ``update`` (``other`` raises the toll:
        "ارتفعت الحصيلة إلى 18") its killed count comes first. Every evidence sentence is kept.
        The factuality stays this draft's: a source named in another sentence does not make
        what this sentence states a report.
        """
        place = max((self, other), key=_place_rank)  # max keeps the first of equals: self
        source = other.source if _source_rank(other) > _source_rank(self) else self.source
        return replace(
            self,
            quantities=_merge_quantities(self.quantities, other.quantities, update),
            actors=_merge_actors(self.actors, other.actors),
            place=place.place, role=place.role, place_inferred=place.place_inferred,
            time=self.time if _time_rank(self.time) >= _time_rank(other.time) else other.time,
            source=source,
            aggregate=self.aggregate or other.aggregate,
            mentions=_merge_mentions(self, other),
        )


def _place_rank(draft: Draft) -> tuple[int, int, int]:
    """An own place over an inferred one, a p-code over none, a finer precision over a coarser."""
    mention = draft.place
    if mention is None:
        return (-1, 0, 0)
    pcode = bool(mention.place and mention.place.pcode)
    return (int(not draft.place_inferred), int(pcode), -(mention.precision or 5))


def _source_rank(draft: Draft) -> int:
    """2: a source quoted in the draft's own sentence; 1: one carried from the sentence before; 0: none."""
    source = draft.source
    if source is None or not (source.source or source.speaker):
        return 0
    return 2 if source.explicit else 1


def _time_rank(time: TimeExpression | None) -> int:
    """2: a phrase resolved to dates; 1: a phrase left unresolved; 0: none (the publication date stands in)."""
    if time is None:
        return 0
    return 2 if time.date_start is not None else 1


def _merge_quantities(own: tuple[Quantity, ...], other: tuple[Quantity, ...], update: bool) -> tuple[Quantity, ...]:
    """``own`` plus the counts of ``other`` it lacks (compared by number and kind, not by span),
    killed before injured before other kinds, counts with a number before those without."""
    first = tuple(q for q in other if q.kind == "killed" and q.low is not None)[:1] if update else ()
    merged: list[Quantity] = []
    for quantity in first + own + other:
        if not any(_same_number(quantity, q) for q in merged):
            merged.append(quantity)
    if merged == list(own):
        return own
    return tuple(sorted(merged, key=lambda q: (_KIND_ORDER.get(q.kind or "", 2 if q.kind else 3), q.low is None)))


def _same_number(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.min, a.max, a.kind) == (b.value, b.min, b.max, b.kind)


def _merge_actors(own: tuple[Actor, ...], other: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """``own`` plus the participants of ``other`` in a role ``own`` leaves empty, actors first."""
    roles = {a.role for a in own}
    merged = list(own) + [a for a in other if a.role not in roles]
    return tuple(sorted(merged, key=lambda a: _ROLE_ORDER.get(a.role, 3)))


def _merge_mentions(own: Draft, other: Draft) -> tuple[Evidence, ...]:
    """Every sentence that tells the event besides ``own``'s, each once, in text order."""
    seen = {own.evidence.start}
    merged = []
    for evidence in own.mentions + (other.evidence,) + other.mentions:
        if evidence.start not in seen:
            seen.add(evidence.start)
            merged.append(evidence)
    return tuple(sorted(merged, key=lambda e: e.start))
