"""Sentence-level event building: trigger hits and arguments -> drafts.

One draft per event type per sentence, with its counts, actor, place, time and
source. Casualty words alone make a ``killing`` when nothing else in the sentence
explains the deaths. Campaign tolls that count several sides ("1500 من مقاتلي
الوحدات ... و496 من القوات التركية") give one draft per count.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import count

from rasd.events.arguments import (
    TYPE_QUANTITY_KIND,
    assign_quantity_kinds,
    choose_place,
    choose_time,
    place_role,
)
from rasd.events.attribution import SentenceSource, factuality_of, source_for
from rasd.events.context import PERSON_UNITS, SentenceView
from rasd.events.draft import Draft
from rasd.events.participants import choose_actors
from rasd.events.triggers import MODE_TYPES, UNASSERTED, TriggerHit
from rasd.text.clean import find_dateline
from rasd.text.numbers_lexicon import NounLexicon
from rasd.nlp.actors import ActorLexicon
from rasd.records import Actor, Quantity

__all__ = ["build_sentence_drafts", "implied_victims"]

_REMOTE = {"airstrike", "shelling", "chemical_attack", "explosion", "suicide_bombing"}
_CAUSAL = {"جراء", "بسبب", "اثر", "نتيجه", "بفعل", "جرّاء"}
_ATTACKS = {"airstrike", "shelling", "chemical_attack", "explosion", "suicide_bombing", "armed_clash", "killing",
            "military_offensive", "weapons_disrupted", "protest_repressed"}
_HARMFUL = _ATTACKS | {"riot", "abduction", "territory_captured", "looting_destruction"}  # may have dead or wounded
_SPLIT_TOLLS = {"military_offensive", "armed_clash"}
_STATEMENTS = {"religious_ruling"}
_NOUN_ACTOR_KINDS = {"draft_evasion": "civilians", "protest": "protesters"}
_SUBSET_MARKERS = {"بينهم", "منهم", "بينها", "بينهما", "غالبيتهم", "معظمهم"}
_QUANTITY_ORDER = {"killed": 0, "injured": 1}


def build_sentence_drafts(
    view: SentenceView,
    hits: list[TriggerHit],
    sources: list[SentenceSource],
    actors: ActorLexicon,
    keys: count,
    keep_unasserted: bool = False,
) -> list[Draft]:
    """Drafts for the events one sentence states; ``sources`` are the sentence's quoted sources.

    With ``keep_unasserted``, mentions the text denies, negates, plans or only supposes are
    drafted too, with that factuality.
    """
    if not hits:
        return []  # a sentence without event words states no event
    if keep_unasserted:
        hits = [replace(h, status="ok", unasserted=UNASSERTED[h.status]) if h.status in UNASSERTED else h
                for h in hits]
    quantities = assign_quantity_kinds(view, hits)
    killed = [h for h in hits if h.ok and h.type == "casualty_killed"]
    if killed and not any(q.kind == "killed" for q in quantities):
        quantities += implied_victims(view, killed)
    events = _campaign(_event_hits(view, hits, killed, quantities), quantities)
    by_type: dict[str, TriggerHit] = {}
    for hit in events:
        by_type.setdefault(hit.type, hit)
    owners = _quantity_owners(view, events, quantities)
    drafts = []
    for event_type, hit in by_type.items():
        own = sorted(owners.get(event_type, []), key=_quantity_rank)
        if event_type in _ATTACKS:  # a count of people that says nothing of harm is not the event's count
            own = [q for q in own if q.kind is not None or q.unit not in PERSON_UNITS | {None}]
        if event_type == "killing" and not own and any(t in _ATTACKS and owners.get(t) for t in by_type):
            continue  # deaths told with their cause belong to the attack that caused them
        for quantity_group in _split_tolls(event_type, own, view):
            draft = _draft(next(keys), view, hit, quantity_group, sources, actors, events)
            drafts.append(draft)
            for place in coordinated_places(view, draft.place) if event_type in _ATTACKS else ():
                drafts.append(replace(draft, key=next(keys), place=place, quantities=(),
                                      role=place_role(view, hit, place)))
    return drafts


def _event_hits(
    view: SentenceView, hits: list[TriggerHit], killed: list[TriggerHit], quantities: list[Quantity]
) -> list[TriggerHit]:
    """The hits that make events: event words, plus a killing when deaths are told without
    another cause (or by gunfire); shootings that hit nobody are left out."""
    events = [h for h in hits if h.ok and not h.type.startswith("casualty_")]
    vetoed_attack = any(not h.ok and h.type in _ATTACKS for h in hits) or any(
        c.value.cls == "condemn" for c in view.cues)  # "دانت الهجوم الذي أسفر عن مقتل": a told event, condemned
    if not events and killed and not vetoed_attack and any(q.kind == "killed" for q in quantities):
        events = [replace(killed[0], type="killing")]
    elif killed and view.has_modifier("gunfire") and not any(h.type in _REMOTE or h.type in ("killing", "protest_repressed") for h in events):
        events = [replace(killed[0], type="killing")] + events  # "قتل شاب بعد أن أطلق الجنود النار عليه"
    casualties = bool(killed) or any(h.ok and h.type == "casualty_injured" for h in hits) or any(
        q.kind in ("killed", "injured") for q in view.quantities  # kinds said by the counted noun itself
    )
    return [h for h in events if casualties or not _shooting(h)]


def coordinated_places(view: SentenceView, place) -> list:
    """Places joined to ``place`` by "و" ("الشيفونية وكفر بطنا", "ريف حماة وأرياف إدلب واللاذقية")."""
    if place is None:
        return []
    joined = []
    ordered = sorted((p for p in view.places if p.place is not None), key=lambda p: p.start)
    current = place
    for candidate in ordered:
        if candidate.start <= current.start:
            continue
        gap = view.sentence.text[current.end - view.sentence.start : candidate.start - view.sentence.start]
        if gap.strip() not in ("و", "") or "و" not in gap + view.sentence.text[candidate.start - view.sentence.start]:
            break
        joined.append(candidate)
        current = candidate
    return joined


def _shooting(hit: TriggerHit) -> bool:
    """Gunfire with nobody hit is not coded ("استمرار إطلاق النار" in a speech)."""
    return hit.type == "killing" and hit.trigger.type in ("attack", "killing") and hit.trigger.id in ("shooting", "launch",
                                                                                                    "launch_noun")


def _campaign(events: list[TriggerHit], quantities: list[Quantity]) -> list[TriggerHit]:
    """Several coordinated weapon modes plus killings with one death toll are a campaign.

    "مقتل 289 مدنيا ... في القصف الجوي والمدفعي والصاروخي وفي عمليات قتل ميداني" is one
    military_offensive, not an air strike, a shelling and a killing.
    """
    chained = [h for h in events if h.chained]
    killing = [h for h in events if h.type == "killing"]
    if not chained or not killing or not any(q.kind == "killed" for q in quantities):
        return events
    parts = {h.type for h in chained} | {"killing"}
    first = min((h for h in events if h.type in parts or h.type in MODE_TYPES.values()), key=lambda h: h.first)
    merged = replace(first, type="military_offensive", chained=False)
    return [merged] + [h for h in events if h.type not in parts and h.type not in MODE_TYPES.values()]


def implied_victims(view: SentenceView, killed: list[TriggerHit]) -> list[Quantity]:
    """One victim named right after a casualty verb ("قُتل شاب", "مقتل طفل"): a count of 1."""
    nouns = NounLexicon.load()
    found = []
    for hit in killed:
        if hit.last + 1 >= len(view.words):
            continue
        word = view.words[hit.last + 1]
        entry = nouns.match(word.norm)
        if entry is None or entry.number != "singular" or entry.unit not in PERSON_UNITS:
            continue
        found.append(Quantity(text=word.text, start=word.start, end=word.end, value=1, unit=entry.unit,
                              kind="killed", noun=entry.lemma))
    return found[:1]


def _quantity_owners(view: SentenceView, hits: list[TriggerHit], quantities: list[Quantity]) -> dict[str, list]:
    """Give each count to the event that caused it ("مقتل 9 ... جراء قصف صاروخي"), else to the nearest."""
    owners: dict[str, list[Quantity]] = {}
    harmful = [h for h in hits if h.type in _HARMFUL]
    for quantity in quantities:
        candidates = harmful if quantity.kind in ("killed", "injured") else hits
        if not candidates:
            continue  # the dead of a massacre a protest commemorates are not the protest's count
        counted = [h for h in candidates if TYPE_QUANTITY_KIND.get(h.type) == quantity.kind is not None]
        candidates = counted or candidates  # the displaced go to the displacement, not the attack nearby
        position = view.word_at(quantity.start)
        owner = _cause(view, candidates, position) or min(candidates, key=lambda h: _distance(h, position))
        owners.setdefault(owner.type, []).append(quantity)
    return owners


def _cause(view: SentenceView, hits: list[TriggerHit], position: int) -> TriggerHit | None:
    """The event named after "جراء / بسبب / إثر / نتيجة" that follows a count within ten words."""
    later = [view.word_at(q.start) for q in view.quantities if view.word_at(q.start) > position]
    stop = min(later + [position + 10, len(view.words)])  # "جراء" after the next count is that count's cause
    for index in range(position + 1, stop):
        if view.words[index].norm in _CAUSAL:
            following = [h for h in hits if index < h.first <= index + 3]
            return following[0] if following else None
    return None


def _distance(hit: TriggerHit, position: int) -> int:
    if position > hit.last:
        return position - hit.last
    if position < hit.first:
        return hit.first - position
    return 0


def _quantity_rank(quantity: Quantity) -> tuple[int, int, int]:
    """Killed before injured before other kinds; the largest count of a kind first (the total)."""
    size = quantity.value if quantity.value is not None else (quantity.min or 0)
    return (_QUANTITY_ORDER.get(quantity.kind or "", 2 if quantity.kind else 3), -size, quantity.start)


def _split_tolls(event_type: str, quantities: list[Quantity], view: SentenceView) -> Iterator[list[Quantity]]:
    """One group per independent killed count for campaign tolls; else one group."""
    subsets = _subsets(view, sorted(quantities, key=lambda q: q.start))
    killed = [q for q in quantities if q.kind == "killed" and q not in subsets]
    if event_type not in _SPLIT_TOLLS or len(killed) < 2:
        yield quantities
        return
    killed.sort(key=lambda q: q.start)
    for index, head in enumerate(killed):
        stop = killed[index + 1].start if index + 1 < len(killed) else view.sentence.end
        yield [q for q in quantities if head.start <= q.start < stop]


def _subsets(view: SentenceView, quantities: list[Quantity]) -> list[Quantity]:
    """Counts that are parts of a count given just before: "بينهم 43 طفلا و28 امرأة"."""
    parts: list[Quantity] = []
    previous_part = False
    for quantity in quantities:
        position = view.word_at(quantity.start)
        before = {w.norm for w in view.words[max(position - 2, 0) : position]}
        coordinated = view.words[position].norm.startswith("و") or (
            position > 0 and view.words[position - 1].norm == "و"
        )
        previous_part = bool(before & _SUBSET_MARKERS) or (previous_part and coordinated)
        if previous_part:
            parts.append(quantity)
    return parts


def _draft(key: int, view: SentenceView, hit: TriggerHit, quantities: list[Quantity], sources, actors,
           others: list[TriggerHit]) -> Draft:
    source = source_for(hit.first, sources)
    source_words = {i for s in sources if s.explicit for i in s.words}
    event_actors = choose_actors(view, hit, actors, set() if hit.type in _STATEMENTS else source_words)
    if source is not None and source.self_report and source.words and not any(a.role == "actor" for a in event_actors):
        info = actors.info(source.actor_id)
        if info is not None and info.kind not in ("source", "civilians", None):
            event_actors = [_source_actor(view, source, actors)] + event_actors
    if hit.type in _STATEMENTS and source is not None and source.explicit and source.words:
        event_actors = [_source_actor(view, source, actors)] + [a for a in event_actors if a.role != "actor"]
    if hit.type in _NOUN_ACTOR_KINDS and quantities:
        noun_actor = _noun_actor(view, quantities[0], _NOUN_ACTOR_KINDS[hit.type])
        if noun_actor is not None:
            event_actors = [noun_actor] + [a for a in event_actors if a.role != "actor"]
    blocked = [(a.start, a.end) for a in event_actors if a.start is not None]
    blocked += [(view.words[i].start, view.words[i].end) for i in source_words]
    dateline = find_dateline(view.sentence.text)
    if dateline:
        blocked.append((view.sentence.start, view.sentence.start + len(dateline)))
    same = [h for h in others if h.type == hit.type] or [hit]
    places = [p for h in same if (p := choose_place(view, h, blocked, others)) is not None]
    place = min(places, key=lambda p: p.precision or 4) if places else None
    return Draft(
        key=key,
        type=hit.type,
        view=view,
        hit=hit,
        actors=tuple(event_actors),
        quantities=tuple(quantities),
        place=place,
        role=place_role(view, hit, place) if place else "site",
        time=choose_time(view, hit),
        source=source,
        factuality=hit.unasserted or factuality_of(view, source, actors, hit.alleged),
        aggregate=hit.type == "military_offensive",
    )


def _source_actor(view: SentenceView, source: SentenceSource, actors: ActorLexicon) -> Actor:
    """The body that issues a statement it is quoted for (a council's ruling) as the actor."""
    first, last = min(source.words), max(source.words)
    text = source.source or view.text(first, last)
    start = view.sentence.start + view.sentence.text.find(text)
    info = actors.info(source.actor_id)
    return Actor("actor", text, start, start + len(text), info.kind if info else None)


def _noun_actor(view: SentenceView, quantity: Quantity, kind: str) -> Actor | None:
    """The people a count counts, as the actor ("100 شاب" evading, "10 آلاف كردي" protesting)."""
    if not quantity.noun:
        return None
    words = [w for w in view.words if quantity.start <= w.start and w.end <= quantity.end]
    if not words or words[-1].norm[:1].isdigit():
        return None
    last = words[-1]
    return Actor("actor", last.text, last.start, last.end, kind)
