"""Links between drafts of one article: breakdowns of totals, and duplicates.

- A sentence that only lists counts per place ("20 من قرية X، و14 من بلدة Y")
  breaks down the last total before it: each count becomes a child event of that
  total, and the total takes the area that holds all the children.
- "بينهم 16 ... جراء غارة" inside a sentence about another attack makes the
  second event a part of the first.
- The same event told twice (the lead and the body) becomes one: the richer
  draft absorbs the poorer one's evidence.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count

from rasd.events.arguments import place_role
from rasd.events.context import SentenceView
from rasd.events.draft import Draft
from rasd.nlp.actors import ActorLexicon
from rasd.records import PlaceMention, Quantity

__all__ = ["breakdown_drafts", "link_subsets", "merge_duplicates"]

_PEOPLE_UNITS = {None, "people", "civilians", "fighters", "soldiers", "children", "women", "men", "youths"}
_SECONDARY_KINDS = {"signatories"}
_ANOTHER = {"ثانيه", "الثانيه", "ثاني", "الثاني", "جديده", "جديد", "الجديده", "اخري", "اخر", "ثالثه", "الثالثه"}
_BREAKDOWN_TYPES = {"defection", "draft_evasion", "displacement", "arrest", "killing", "airstrike", "shelling",
                    "conscription", "abduction"}


def breakdown_drafts(
    view: SentenceView, previous: list[Draft], source, keys: count, own: list[Draft] = ()
) -> list[Draft] | None:
    """Children of the last total when a sentence lists counts per place; None when it does not.

    ``own`` are the drafts the sentence made itself ("انشق منهم 30 من نصيب و12 من النعيمة"):
    the total must then be of one of their types, and the children replace them.
    ``source`` is the sentence's own source (None: the children keep the total's).
    """
    pairs = _count_place_pairs(view)
    if len(pairs) < 2:
        return None
    types = {d.type for d in own}
    parent = _last_total([d for d in previous if not types or d.type in types], view, [q for q, _ in pairs])
    if parent is None:
        return None
    children = []
    for quantity, place in pairs:
        quantity = replace(quantity, kind=quantity.kind or (parent.main_quantity.kind if parent.main_quantity else None))
        hit = parent.hit
        role = place_role(view, hit, place) if hit else "site"
        children.append(
            replace(parent, key=next(keys), view=view, quantities=(quantity,), place=place, role=role,
                    place_inferred=False, parent=parent.key, aggregate=False, mentions=(),
                    source=source or parent.source, time=parent.time)
        )
    return children


def _count_place_pairs(view: SentenceView) -> list[tuple[Quantity, PlaceMention]]:
    """(count, place) for every "N (noun) من/في PLACE" in the sentence."""
    pairs = []
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
                    pairs.append((quantity, place))
                    break
    return pairs


def _last_total(previous: list[Draft], view: SentenceView, parts: list[Quantity]) -> Draft | None:
    """The total the parts break down: a count of people within three sentences before, of a
    breakdown type; one that counts the same noun as a part ("مئات العناصر" / "25 عنصرا") wins."""
    nouns = {q.noun for q in parts if q.noun}
    candidates = []
    for order, draft in enumerate(reversed(previous)):
        if view.index - draft.view.index > 3:
            break
        quantity = draft.main_quantity
        if draft.type in _BREAKDOWN_TYPES and quantity and draft.parent is None and quantity.unit in _PEOPLE_UNITS:
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


def merge_duplicates(drafts: list[Draft], actors: ActorLexicon) -> list[Draft]:
    """Fold re-mentions of the same event into its richest draft."""
    parents = {d.parent for d in drafts if d.parent is not None}
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: -d.richness()):
        if draft.parent is not None or draft.key in parents:
            kept.append(draft)
            continue
        target = next((k for k in kept if _same_event(k, draft, actors)), None)
        if target is None:
            kept.append(draft)
            continue
        merged = replace(target, mentions=target.mentions + (draft.evidence,) + draft.mentions)
        if not target.quantities and draft.quantities:
            merged = replace(merged, quantities=draft.quantities)
        kept[kept.index(target)] = merged
    return sorted(kept, key=lambda d: (d.view.sentence.start, d.key))


def _same_event(rich: Draft, poor: Draft, actors: ActorLexicon) -> bool:
    """True when ``poor`` re-tells ``rich``: same type, and no count, place or actor of its own that differs.

    A draft with its own place (not inferred) is merged only into one at the same place;
    one with its own count only into one with the same count.
    """
    if rich.type != poor.type or rich.parent is not None or _another(rich) or _another(poor):
        return False
    if (rich.hit and rich.hit.unasserted) != (poor.hit and poor.hit.unasserted):
        return False  # a denial of an attack is not a re-telling of it
    rich_count, poor_count = _numbers(rich), _numbers(poor)
    if poor_count and not _same_count(rich_count, poor_count):
        return False
    if poor.place is not None and not poor.place_inferred and not _country_only(poor, rich):
        return False
    rich_actor, poor_actor = rich.actor, poor.actor
    if rich_actor and poor_actor:
        if actors.canonical(rich_actor.text) != actors.canonical(poor_actor.text):
            return False
    return True


def _another(draft: Draft) -> bool:
    """True when the text marks the event as a new one: "موجة ثانية", "هجوم جديد", "غارات أخرى"."""
    if draft.hit is None:
        return False
    view, hit = draft.view, draft.hit
    near = {w.norm for w in view.words[max(hit.first - 2, 0) : hit.last + 3]}
    return bool(near & _ANOTHER)


def _country_only(poor: Draft, rich: Draft) -> bool:
    """True when the poorer draft names only the country the richer one happened in."""
    place, other = poor.place, rich.place
    if place is None or place.place is None or place.place.level != "country":
        return False
    return other is not None and other.place is not None and other.place.country == place.place.country


def _numbers(draft: Draft) -> Quantity | None:
    """The draft's main count with a number (signatory counts aside), or None."""
    for quantity in draft.quantities:
        if quantity.kind in _SECONDARY_KINDS or (quantity.value is None and quantity.min is None):
            continue
        return quantity
    return None


def _same_count(a: Quantity | None, b: Quantity) -> bool:
    return a is not None and (a.value, a.min, a.max) == (b.value, b.min, b.max)
