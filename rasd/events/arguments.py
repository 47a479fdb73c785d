"""Who, how many, where and when: the arguments of an event mention in its sentence.

Each function takes the sentence view and the trigger hit and returns the record
for one field, chosen by position and by the words around it:

- quantities: counts near casualty words get kind killed/injured; other counts of
  people take the kind the event type implies (defected, displaced, arrested...);
- actors and targets: see :mod:`rasd.events.participants`;
- location: the place the trigger points at ("على / في / استهدف X"), with role
  origin for "من X" and destination for "إلى X" where people move;
- time: the time phrase nearest the trigger.
"""

from __future__ import annotations

from dataclasses import replace

from rasd.events.context import PERSON_UNITS, SentenceView
from rasd.events.triggers import TriggerHit
from rasd.records import PlaceMention, Quantity, TimeExpression
from rasd.text.numbers import is_count

__all__ = [
    "TYPE_QUANTITY_KIND",
    "assign_quantity_kinds",
    "choose_place",
    "choose_time",
    "place_role",
]

TYPE_QUANTITY_KIND = {
    "killing": "killed",
    "defection": "defected",
    "draft_evasion": "evaded",
    "displacement": "displaced",
    "arrest": "arrested",
    "abduction": "abducted",
    "protest": "protesters",
    "conscription": "conscripted",
    "religious_ruling": "signatories",
}
_THAT = {"ان", "انه", "انها", "بان", "لان", "انهم"}
_PEOPLE_MOVES = {"displacement", "defection", "draft_evasion"}
_INSIDE = {"داخل", "بداخل", "وداخل", "اراضي", "الاراضي", "عمق", "شمال", "جنوب", "شرق", "غرب"}
_AFTER_BARE_COUNT = {"من", "في", "على", "بين", "بينهم", "منهم", "اخرون", "اخرين", "اشخاص", "اخر", "جراء", "بسبب"}
_DIRECTIONAL = {"من": "origin", "الي": "destination", "نحو": "destination", "باتجاه": "destination"}


def assign_quantity_kinds(view: SentenceView, hits: list[TriggerHit]) -> list[Quantity]:
    """The sentence's counts with a kind (killed, injured, defected...), years and dates left out."""
    casualty = [(h.first, h.last, h.type) for h in hits if h.type.startswith("casualty_")]
    events = [h for h in hits if not h.type.startswith("casualty_") and h.ok]
    result: list[Quantity] = []
    for quantity in view.quantities:
        if not is_count(quantity) or _descriptive(view, quantity):
            continue
        if result and result[-1].kind and not quantity.kind and _part_of_previous(view, quantity):
            result.append(replace(quantity, kind=result[-1].kind))  # "قتل خمسة بينهم طفلان"
            continue
        kind = quantity.kind or _casualty_kind(view, quantity, casualty)
        kind = kind or _only_deaths(view, quantity, casualty, [h for h in hits if h.ok])
        kind = kind or _event_kind(view, quantity, events)
        result.append(replace(quantity, kind=kind) if kind != quantity.kind else quantity)
    return result


def _part_of_previous(view: SentenceView, quantity: Quantity) -> bool:
    """True for a count right after "بينهم / منهم" (or coordinated with one that is)."""
    position = view.word_at(quantity.start)
    before = {w.norm for w in view.words[max(position - 2, 0) : position]}
    return bool(before & {"بينهم", "منهم", "بينها", "بينهما", "غالبيتهم", "معظمهم", "بينهن"})


def _descriptive(view: SentenceView, quantity: Quantity) -> bool:
    """True for a count that describes a group rather than the event ("المكون من مئات العلماء")."""
    position = view.word_at(quantity.start)
    before = " ".join(w.norm for w in view.words[max(position - 2, 0) : position])
    return any(before.endswith(m) for m in ("المكون من", "المكونه من", "المؤلف من", "يضم", "تضم", "قوامه", "قوامها"))


def _casualty_kind(view: SentenceView, quantity: Quantity, casualty: list[tuple[int, int, str]]) -> str | None:
    """killed/injured when a casualty word stands just before or after the count."""
    first = view.word_at(quantity.start)
    last = view.word_at(max(quantity.end - 1, quantity.start))
    best: tuple[int, str] | None = None
    for c_first, c_last, c_type in casualty:
        if c_last < first:
            distance = first - c_last
        elif c_first > last:
            distance = c_first - last
        else:
            distance = 0
        if distance <= 3 and (best is None or distance < best[0]):
            best = (distance, c_type)
    if best is None:
        return None
    return "killed" if best[1] == "casualty_killed" else "injured"


def _only_deaths(view: SentenceView, quantity: Quantity, casualty: list[tuple[int, int, str]],
                 hits: list[TriggerHit]) -> str | None:
    """A count of people in a sentence that speaks of deaths (and no injuries) is of the dead when
    the word nearest to it is a death word ("تشريد 95 ألف ... اتهامات بقتل" is not)."""
    types = {c_type for _, _, c_type in casualty}
    if types != {"casualty_killed"} or not _people_like(view, quantity):
        return None
    position = view.word_at(quantity.start)
    nearest = min(hits, key=lambda h: min(abs(position - h.first), abs(position - h.last)), default=None)
    return "killed" if nearest is not None and nearest.type == "casualty_killed" else None


def _event_kind(view: SentenceView, quantity: Quantity, events: list[TriggerHit]) -> str | None:
    """The kind the nearest event's type implies for a count of people."""
    if not events or not _people_like(view, quantity):
        return None
    position = view.word_at(quantity.start)
    counting = [h for h in events if h.type in TYPE_QUANTITY_KIND and abs(h.first - position) <= 10]
    nearest = min(counting or events, key=lambda h: abs(h.first - position))  # "أجبر 160 ألفا على النزوح"
    return TYPE_QUANTITY_KIND.get(nearest.type)


def _people_like(view: SentenceView, quantity: Quantity) -> bool:
    """A count of people, or a bare number that may be one ("قتل 5", "5 من المدنيين"); not a number
    followed by a word the noun lexicon does not know ("159 بلاغا")."""
    if quantity.unit is not None:
        return quantity.unit in PERSON_UNITS
    following = view.word_at(quantity.end)
    if following < len(view.words) and view.words[following].start < quantity.end:
        following += 1  # word_at gives the word holding the offset: the count's own last word
    if following >= len(view.words):
        return True
    word = view.words[following]
    return word.norm in _AFTER_BARE_COUNT or any(t.first == following for t in view.triggers)


def choose_place(
    view: SentenceView, hit: TriggerHit, blocked: list[tuple[int, int]], others: list[TriggerHit]
) -> PlaceMention | None:
    """The place the trigger points at: resolved places after it first, then before it.

    Places inside actor names are skipped, and a place that lies beyond another event
    word of the sentence belongs to that event rather than to this one.
    """
    best, best_score = None, None
    actor_spans = [(view.words[a.first].start, view.words[a.last].end) for a in view.actors if not a.adjective]
    for place in view.places:
        if place.place is None and place.precision is None:
            continue
        position = view.word_at(place.start)
        inside = position > 0 and view.words[position - 1].norm in _INSIDE  # "داخل إسرائيل": a place, not a party
        if any(s <= place.start < e for s, e in blocked + ([] if inside else actor_spans)):
            continue
        if hit.type == "agreement" and _after_word(view, position, ("مع",)):
            continue
        if position > hit.last:
            score = position - hit.last
            if any(hit.last < o.first < position and o.type != hit.type for o in others):
                continue
        else:
            score = (hit.first - position) + 6
            if any(position < o.first < hit.first and o.type != hit.type for o in others):
                score += 12
        score += {1: 0, 2: 1, 3: 2, 4: 8}.get(place.precision or 4, 8)  # a country says least
        if _actor_base(view, position):
            score += 15
        if best_score is None or score < best_score:
            best, best_score = place, score
    return best


def _actor_base(view: SentenceView, position: int) -> bool:
    """True for "القوات الإيرانية في سوريا": a place after an actor's name tells where the actor is."""
    if position < 2 or view.words[position - 1].norm != "في":
        return False
    return any(a.last == position - 2 for a in view.actors)


def _after_word(view: SentenceView, position: int, words: tuple[str, ...]) -> bool:
    return position > 0 and view.words[position - 1].norm in words


def place_role(view: SentenceView, hit: TriggerHit, place: PlaceMention) -> str:
    """site, or origin/destination for events that move people."""
    if hit.type not in _PEOPLE_MOVES:
        return "site"
    position = view.word_at(place.start)
    for offset in (1, 2, 3):
        if position - offset < 0:
            break
        norm = view.words[position - offset].norm
        for marker, role in _DIRECTIONAL.items():
            if norm == marker or (marker == "من" and norm in ("ينحدرون", "ابناء")):
                return role
    return "origin"


def choose_time(view: SentenceView, hit: TriggerHit) -> TimeExpression | None:
    """The time phrase nearest the trigger in the sentence.

    A time before a reporting clause ("أعلنت الثلاثاء أن الضربة التي استهدفت فجر الاثنين")
    dates the report, not the event (it is taken only when the event has no time of its own:
    the event happened by then), and a time after "ذكرى" dates what is remembered.
    """
    candidates, reported = [], []
    recalled = [c.first for c in view.cues if c.value.cls == "anniversary" and c.first > hit.last]
    for time in view.times:
        position = view.word_at(time.start or 0)
        if any(first < position for first in recalled):
            continue  # "وقفة ... في ذكرى مجزرة عام 2013": the date of what is remembered
        if position < hit.first and any(w.norm in _THAT for w in view.words[position + 1 : hit.first]):
            reported.append((abs(position - hit.first), time))
            continue
        candidates.append((abs(position - hit.first), time))
    candidates = candidates or reported  # "أعلن الاثنين أن مئات المدنيين فروا": no closer date than the report's
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
