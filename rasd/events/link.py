"""Links between drafts of one article: breakdowns of totals, and parts of wholes.

- Counts per place ("ستة في خان شيخون، وخمسة في التمانعة") break down a total: the total
  told earlier in the same sentence ("قتل 14 مدنياً ... هم ستة في ..."), else the last total
  before it ("وتوزع القتلى: 7 في كفرزيتا، و3 في ..."). Each count becomes a child event of
  the total, which becomes an aggregate. A part by kind ("بينهم طفلان") names no place and
  stays a count of the same event.
- "بينهم 16 ... جراء غارة" inside a sentence about another attack makes the
  second event a part of the first.

Re-tellings of one event are merged by :mod:`rasd.events.merge`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import count

from rasd.events.arguments import place_role
from rasd.events.context import PERSON_UNITS, SentenceView
from rasd.events.draft import Draft
from rasd.events.merge import contains_place
from rasd.records import PlaceMention, Quantity

__all__ = ["Breakdown", "breakdown_drafts", "link_subsets"]

_PEOPLE_UNITS = PERSON_UNITS | {None}
_BREAKDOWN_TYPES = {"defection", "draft_evasion", "displacement", "arrest", "killing", "airstrike", "shelling",
                    "conscription", "abduction", "explosion", "suicide_bombing", "chemical_attack", "armed_clash"}


@dataclass(frozen=True)
class Breakdown:
    """A total, the per-place counts that break it down, and the sentence's drafts they replace."""

    total: Draft
    children: tuple[Draft, ...]
    replaced: frozenset[int]


def breakdown_drafts(
    view: SentenceView, previous: list[Draft], source, keys: count, own: list[Draft] = ()
) -> Breakdown | None:
    """The total a sentence's counts per place break down, with one child per count; None when none.

    ``own`` are the drafts the sentence made itself. A total told in the sentence before
    its parts comes first; otherwise the last total before the sentence, of one of the
    types of ``own`` (casualty words alone type nothing: "وتوزع القتلى" parts a shelling).
    ``source`` is the sentence's own source (None: the children keep the total's).
    """
    pairs = _count_place_pairs(view)
    if len(pairs) < 2:
        return None
    found = _sentence_total(view, own, pairs)
    if found is None:
        types = {d.type for d in own if not d.casualty_only}
        total = _last_total([d for d in previous if not types or d.type in types], view, pairs)
        found = (total, pairs) if total is not None else None
    if found is None:
        return None
    total, parts = found
    children = tuple(_child(total, quantity, place, view, source, next(keys)) for quantity, place in parts)
    replaced = frozenset(d.key for d in own if d.key != total.key and (d.type == total.type or d.casualty_only))
    return Breakdown(total, children, replaced)


def _child(total: Draft, quantity: Quantity, place: PlaceMention, view: SentenceView, source, key: int) -> Draft:
    main = total.main_quantity
    quantity = replace(quantity, kind=quantity.kind or (main.kind if main else None))
    role = place_role(view, total.hit, place) if total.hit else "site"
    return replace(total, key=key, view=view, quantities=(quantity,), place=place, role=role, place_inferred=False,
                   parent=total.key, aggregate=False, mentions=(), source=source or total.source, time=total.time)


def _sentence_total(
    view: SentenceView, own: list[Draft], pairs: list[tuple[Quantity, PlaceMention]]
) -> tuple[Draft, list[tuple[Quantity, PlaceMention]]] | None:
    """A draft of the sentence whose count comes before the parts and holds them
    ("قتل 27 مدنياً في سوريا، بينهم 9 في إدلب و8 في حماة"), as an aggregate without the parts' counts."""
    for draft in own:
        if draft.type not in _BREAKDOWN_TYPES:
            continue
        for total in draft.quantities:
            parts = [(q, p) for q, p in pairs if q.start > total.start]
            own_place = next((p for q, p in pairs if q.start == total.start), None)
            if len(parts) < 2 or not _holds(total, [q for q, _ in parts]):
                continue
            if own_place is not None and not all(contains_place(own_place, p) for _, p in parts):
                continue  # "30 من نصيب، و12 من النعيمة": the first is a part too
            return _as_total(draft, view, own_place, parts), parts
    return None


def _holds(total: Quantity, parts: list[Quantity]) -> bool:
    """True when the parts add up to no more than the total ("مئات" holds 20 + 14 + 15)."""
    if total.unit not in _PEOPLE_UNITS or total.low is None or any(q.low is None for q in parts):
        return False
    high = total.value if total.value is not None else total.max
    return high is None or sum(q.low for q in parts) <= high


def _as_total(
    draft: Draft, view: SentenceView, own_place: PlaceMention | None, parts: list[tuple[Quantity, PlaceMention]]
) -> Draft:
    """The draft as the total of ``parts``: without their counts, and not placed at one of them."""
    starts = {q.start for q, _ in parts}
    quantities = tuple(q for q in draft.quantities if q.start not in starts)
    place_starts = {p.start for _, p in parts}
    if draft.place is None or draft.place.start not in place_starts:
        return replace(draft, quantities=quantities, aggregate=True)
    first = min(q.start for q, _ in parts)
    before = [p for p in view.places if p.place is not None and p.end <= first and p.start not in place_starts]
    place = own_place or (before[-1] if before else None)
    role = place_role(view, draft.hit, place) if place is not None and draft.hit else draft.role
    return replace(draft, quantities=quantities, aggregate=True, place=place, role=role, place_inferred=False)


def _count_place_pairs(view: SentenceView) -> list[tuple[Quantity, PlaceMention]]:
    """(count, place) for every "N (noun) من/في PLACE" in the sentence; a place goes to the count
    nearest before it ("قتلت تسعة مدنيين، هم أربعة في كفرنبل": four, not nine, in Kafr Nabl)."""
    pairs: dict[int, tuple[Quantity, PlaceMention]] = {}
    for quantity in view.quantities:
        if quantity.unit not in _PEOPLE_UNITS or (quantity.value is None and quantity.min is None):
            continue
        first = view.word_at(quantity.start)
        last = view.word_at(max(quantity.end - 1, quantity.start))
        for place in view.places:
            position = view.word_at(place.start)
            if last < position <= last + 4 and place.place is not None:
                between = {w.norm for w in view.words[first + 1 : position]}
                if between & {"من", "في"}:
                    pairs[place.start] = (quantity, place)
                    break
    return sorted(pairs.values(), key=lambda pair: pair[0].start)


def _last_total(previous: list[Draft], view: SentenceView, pairs: list[tuple[Quantity, PlaceMention]]) -> Draft | None:
    """The total the parts break down: a count of people within three sentences before, of a
    breakdown type, that holds the parts; one that counts the same noun as a part ("مئات
    العناصر" / "25 عنصرا") wins."""
    parts = [q for q, _ in pairs]
    nouns = {q.noun for q in parts if q.noun}
    candidates = []
    for order, draft in enumerate(reversed(previous)):
        if view.index - draft.view.index > 3:
            break
        quantity = draft.main_quantity
        if draft.type in _BREAKDOWN_TYPES and quantity and draft.parent is None and _holds(quantity, parts):
            candidates.append((quantity.noun in nouns, -order, draft))
    return max(candidates, key=lambda c: c[:2])[2] if candidates else None


def link_subsets(drafts: list[Draft]) -> list[Draft]:
    """Within a sentence, an event whose count follows "بينهم" is a part of the event before it."""
    linked = list(drafts)
    for index, draft in enumerate(linked):
        quantity = draft.main_quantity
        if quantity is None or draft.parent is not None:
            continue
        position = draft.view.word_at(quantity.start)
        before = {w.norm for w in draft.view.words[max(position - 2, 0) : position]}
        if not before & {"بينهم", "منهم", "بينها"}:
            continue
        for other in linked:
            if other is draft or other.view.index != draft.view.index or not other.main_quantity:
                continue
            if other.main_quantity.start < quantity.start and other.type != draft.type:
                linked[index] = replace(draft, parent=other.key)
                break
    return linked
