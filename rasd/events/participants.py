"""Who did it and to whom: the actor, targets and associated actors of an event mention.

An actor is a nisba adjective right after the trigger ("غارة روسية"), the agent of
"نفذها / يقودها / من قبل X", an actor named responsible, else the nearest armed
actor in the sentence, preferring the subject side; civilians and protesters are
targets.
"""

from __future__ import annotations

from rasd.events.arguments import _PEOPLE
from rasd.events.context import SentenceView
from rasd.events.triggers import TriggerHit
from rasd.nlp.actors import ActorHit, ActorLexicon
from rasd.nlp.lexmatch import skip_proclitics
from rasd.records import Actor

__all__ = ["choose_actors"]

_ARMED_HEADS = {"لواء", "الويه", "كتايب", "كتيبه", "فصيل", "فصايل", "جيش", "حركه", "جبهه", "تنظيم", "قوات", "ميليشيا",
                "ميليشيات", "فرقه", "غرفه", "تجمع", "سرايا", "فيلق", "مجموعه"}
_ARMED_KINDS = {"state forces", "rebel group", "political militia", "identity militia", "external/other"}
_ARMED_ONLY = {"defection", "airstrike", "shelling", "armed_clash", "military_offensive", "territory_captured",
               "explosion", "chemical_attack", "arrest", "conscription", "base_established", "reinforcement"}
_TARGET_MARKERS = {"علي", "ضد", "استهدف", "استهدفت", "يستهدف", "تستهدف", "مواقع", "صفوف", "عناصر", "مع", "مقاتلي",
                   "مقاتلو", "ضرب", "ضربت", "قصف", "قصفت"}
_AGENT_MARKERS = {"نفذتها", "نفذها", "نفذه", "يقودها", "يقوده", "تقودها", "يشنها", "تشنها", "شنتها", "شنها"}
_BY_MARKERS = ("من قبل", "بدعم من", "بدعم", "بقيادة", "بمشاركه")


def choose_actors(view: SentenceView, hit: TriggerHit, actors: ActorLexicon, source_words: set[int]) -> list[Actor]:
    """The event's actor (and targets) among the actors named in the sentence."""
    candidates = [a for a in view.actors + _armed_groups(view) if not any(i in source_words for i in range(a.first, a.last + 1))
                  and not _seat(view, a)]
    chosen = []
    agent = _adjective_agent(view, hit, candidates) or _marked_agent(view, hit, candidates)
    agent = agent or _responsible(view, hit, candidates)
    if agent is None and hit.type == "defection":
        agent = _defected_from(view, hit, candidates)
    agent = agent or _nearest_agent(view, hit, candidates, actors)
    if agent is not None:
        chosen.append(_actor_record(view, agent, "actor", actors, _coordination(view, agent, candidates)))
    listed = set(range(agent.first, _coordination(view, agent, candidates) + 1)) if agent is not None else set()
    for candidate in candidates:
        info = actors.info(candidate.actor)
        if candidate is agent or info is None or info.kind == "source" or candidate.first in listed:
            continue
        if agent is not None and candidate.actor == agent.actor:
            continue
        role = "target" if info.kind in ("civilians", "protesters") else "associated"
        if _is_support(view, candidate):
            role = "associated"
        elif role == "associated" and agent is not None:
            continue
        chosen.append(_actor_record(view, candidate, role, actors))
    return chosen


def _armed_groups(view: SentenceView) -> tuple[ActorHit, ...]:
    """Groups the curated list lacks, named by an armed-group head ("لواء شهداء اليرموك",
    "كتائب ..."): candidates of unknown kind (their id is "org:" and their name)."""
    taken = {i for a in view.actors for i in range(a.first, a.last + 1)}
    found = []
    for entity in view.entities:
        if entity.label != "ORG" or entity.key is not None:
            continue
        first, last = view.word_at(entity.start), view.word_at(max(entity.end - 1, entity.start))
        head = view.words[first].norm
        if any(i in taken for i in range(first, last + 1)) or not {head, _strip_article(head)} & _ARMED_HEADS:
            continue
        weapons = {i for m in view.modifiers for i in range(m.first, m.last + 1)}
        cut = next((i for i in range(first + 1, last + 1) if i in weapons), last + 1)  # "... بقذائف الهاون"
        found.append(ActorHit(first, cut - 1, f"org:{view.text(first, cut - 1)}", False, ""))
    return tuple(found)


def _strip_article(word: str) -> str:
    for prefix in ("وال", "بال", "ال", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _seat(view: SentenceView, candidate) -> bool:
    """True for "ومقره بريطانيا": the country a body sits in, not an actor of the event."""
    return candidate.first > 0 and view.words[candidate.first - 1].norm in ("مقره", "ومقره", "مقرها", "ومقرها")


def _adjective_agent(view, hit, candidates):
    """A nisba adjective qualifying the event noun: "غارة تركية", "هجمات جوية روسية", "الهجوم التركي".

    Only weapon words may stand between the noun and the adjective; after a verb, an
    adjective qualifies its object ("ضرب الأهداف الإيرانية"), not the attacker.
    """
    if hit.trigger.pos == "verb":
        return None
    for candidate in candidates:
        if not candidate.adjective:
            continue
        if hit.first < candidate.first <= hit.last:
            return candidate
        if hit.last < candidate.first <= hit.last + 3:
            between = range(hit.last + 1, candidate.first)
            modifiers = {i for i, _ in view.modifier_classes(hit.last + 1, candidate.first - 1)}
            if all(i in modifiers for i in between):
                return candidate
    return None


def _responsible(view, hit, candidates):
    """Who is named responsible: "... إنها إسرائيلية", "أن تكون إسرائيل مسؤولة عنها"."""
    for candidate in candidates:
        before = view.words[candidate.first - 1].norm if candidate.first > 0 else ""
        after = view.words[candidate.last + 1].norm if candidate.last + 1 < len(view.words) else ""
        if candidate.adjective and before in ("انها", "انه", "بانها", "بانه") and candidate.first > hit.last:
            return candidate
        if not candidate.adjective and after in ("مسووله", "مسوول", "المسووله", "المسوول", "مسوولين"):
            return candidate
    return None


def _marked_agent(view, hit, candidates):
    """An actor after "نفذها / يقودها / من قبل / بقيادة" near the trigger."""
    for candidate in candidates:
        if candidate.adjective or not (hit.last < candidate.first <= hit.last + 5):
            continue
        before = " ".join(w.norm for w in view.words[max(candidate.first - 2, 0) : candidate.first])
        if any(before.endswith(m) for m in _BY_MARKERS if m != "بدعم من" and m != "بدعم"):
            return candidate
        if candidate.first > 0 and view.words[candidate.first - 1].norm in _AGENT_MARKERS:
            return candidate
    return None


def _defected_from(view, hit, candidates):
    """For a defection, the force left: "عن X" or "في صفوف X" after the trigger."""
    for candidate in candidates:
        if candidate.adjective or not (hit.last < candidate.first <= hit.last + 4) or candidate.first == 0:
            continue
        if view.words[candidate.first - 1].norm in ("عن", "صفوف"):
            return candidate
    return None


def _nearest_agent(view, hit, candidates, actors: ActorLexicon):
    """The nearest armed actor (not civilians, not a supporter), preferring the subject side."""
    best, best_distance = None, None
    for candidate in candidates:
        info = actors.info(candidate.actor)
        unknown = candidate.actor.startswith("org:")  # an armed group the curated list lacks
        if (info is None and not unknown) or _is_support(view, candidate):
            continue
        kind = "rebel group" if unknown else info.kind
        if kind in ("source", "civilians", "protesters"):
            continue
        if candidate.adjective or (hit.type in _ARMED_ONLY and kind not in _ARMED_KINDS):
            continue
        if candidate.first > hit.last:
            distance = candidate.first - hit.last
            if _after_target_marker(view, candidate):
                distance += 20
        else:
            distance = hit.first - candidate.last + 1
        if best_distance is None or distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _is_support(view: SentenceView, candidate) -> bool:
    """True for "بدعم (من) X" / "المدعومة من X": a supporter, not the agent."""
    before = " ".join(w.norm for w in view.words[max(candidate.first - 2, 0) : candidate.first])
    return before.endswith("بدعم") or before.endswith("بدعم من") or before.endswith("المدعومه من") or (
        before.endswith("المدعوم من")
    )


def _after_target_marker(view: SentenceView, candidate) -> bool:
    """True when the actor follows "على / ضد / استهدف" (or is listed with one that does): the target."""
    if candidate.first == 0:
        return False
    previous = view.words[candidate.first - 1].norm
    if view.words[candidate.first].norm.startswith("و"):
        partner = next((a for a in view.actors if a.last == candidate.first - 1 and not a.adjective), None)
        if partner is not None and _after_target_marker(view, partner):
            return True
    if previous in _TARGET_MARKERS:
        return True
    return _after_victims(view, candidate)


def _after_victims(view: SentenceView, candidate) -> bool:
    """True for an actor named right after a count of dead or wounded: they are the victims."""
    for quantity in view.quantities:
        last = view.word_at(max(quantity.end - 1, quantity.start))
        if 0 < candidate.first - last <= 7 and quantity.unit in _PEOPLE:
            before = {w.norm for w in view.words[last + 1 : candidate.first]}
            if before & {"من", "غالبيتهم", "معظمهم", "بينهم", "مواليا", "موالين"} or candidate.first - last == 1:
                return True
    return False


def _coordination(view: SentenceView, agent, candidates) -> int:
    """The last word of the list of actors the agent heads ("الولايات المتحدة وبريطانيا وفرنسا")."""
    last = agent.last
    for candidate in sorted(candidates, key=lambda c: c.first):
        if candidate.first == last + 1 and view.words[candidate.first].norm.startswith("و") and not candidate.adjective:
            last = candidate.last
    return last


def _actor_record(view: SentenceView, hit, role: str, actors: ActorLexicon, last: int | None = None) -> Actor:
    info = actors.info(hit.actor)
    start = skip_proclitics(view.sentence.text, view.words[hit.first].start - view.sentence.start, hit.prefix)
    start += view.sentence.start
    end = view.words[last if last is not None else hit.last].end
    text = view.sentence.text[start - view.sentence.start : end - view.sentence.start]
    return Actor(role=role, text=text, start=start, end=end, kind=info.kind if info else None)
