"""Who did it and to whom: the actor, targets and associated actors of an event mention.

Each name is read with the phrase it ends (:mod:`rasd.events.phrases`): "مواقع لـ X"
(X's positions), "قيادي في X" (a member of X), "طائرات X" (X's aircraft). Names in a
target's place are targets, never the actor: X's positions in an attack, members of X
counted dead, made objects or passive subjects ("قُتل قيادي في X"), the subject of
"تعرض", X after "على / ضد", the other side of "معارك مع X" and of "اشتباكات بين W وX".
The actor is then, in order: a nisba adjective right after the event noun ("غارة
روسية"), a marked perpetrator ("على يد X", "كمين نصبته X", "برصاص X", "طائرات X"), an
actor named responsible, the force left by a defector, else the nearest armed actor,
preferring the subject side. Names listed with the actor ("X وY") are associated, and
civilians and protesters are targets. When only victims are named, there is no actor.
"""

from __future__ import annotations

from rasd.events.context import SentenceView
from rasd.events.phrases import (
    NamePhrase,
    coordinated,
    is_marked_agent,
    is_other_side,
    is_support,
    is_target,
    joined,
    name_phrases,
    soft_target,
)
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
_PEOPLE_KINDS = ("civilians", "protesters")


def choose_actors(view: SentenceView, hit: TriggerHit, actors: ActorLexicon, source_words: set[int]) -> list[Actor]:
    """The event's actor, targets and associated actors among the actors named in the sentence."""
    roles = actors.roles
    candidates = [a for a in view.actors + _armed_groups(view, actors) if not any(i in source_words for i in
                  range(a.first, a.last + 1)) and not _seat(view, a)]
    phrases = name_phrases(view, candidates, roles)
    targets = [p for p in phrases if not is_marked_agent(view, p, roles, hit) and is_target(view, hit, p, roles)]
    targets += [p for t in list(targets) for p in phrases if p not in targets
                and p.hit in coordinated(view, t.hit, [c.hit for c in phrases])]  # "مقاتلي X وY قضوا"
    free = [p for p in phrases if p not in targets]
    agent = _choose_agent(view, hit, free, actors)
    if agent is None and hit.type == "armed_clash":  # "معارك مع X" with only the losses of the other side told
        agent = next((p for p in targets if _armed(p.hit, actors) and is_other_side(view, hit, p, roles)), None)
        targets = [p for p in targets if p is not agent]
    return _records(view, agent, phrases, targets, actors)


def _choose_agent(view, hit, free: list[NamePhrase], actors: ActorLexicon) -> NamePhrase | None:
    """The perpetrator among the names that are not targets."""
    hits = [p.hit for p in free]
    found = _adjective_agent(view, hit, hits) or _marked_agent(view, hit, free, actors) or _responsible(view, hit, hits)
    if found is None and hit.type == "defection":
        found = _defected_from(view, hit, hits)
    if found is None:
        found = _nearest_agent(view, hit, free, actors)
        if found is not None and found.first < hit.first:
            found = _list_head(view, found, hits)  # "تركيا وفصائل سورية موالية تشن هجوما": Turkey leads
    return next((p for p in free if p.hit is found), None) if found is not None else None


def _records(view, agent: NamePhrase | None, phrases, targets, actors: ActorLexicon) -> list[Actor]:
    """Actor records: the actor, the names listed with it, the targets, the supporters."""
    chosen: list[Actor] = []
    listed: set[int] = set()
    if agent is not None:
        chosen.append(_actor_record(view, agent.hit, "actor", actors))
        partners = coordinated(view, agent.hit, [p.hit for p in phrases])
        sides = _between(view, agent.hit)
        for partner in partners:
            chosen.append(_actor_record(view, partner, "target" if sides else "associated", actors))
        listed = {id(p) for p in partners}
    seen = {agent.hit.actor} if agent is not None else set()
    for phrase in phrases:
        candidate = phrase.hit
        info = actors.info(candidate.actor)
        if phrase is agent or id(candidate) in listed or (info is not None and info.kind == "source"):
            continue
        if info is None and not candidate.actor.startswith("org:"):
            continue
        if phrase in targets or (info is not None and info.kind in _PEOPLE_KINDS and not candidate.adjective):
            role = "target"
        elif is_support(view, candidate, actors.roles):
            role = "associated"
        else:
            continue
        if candidate.actor in seen and role != "target":
            continue
        seen.add(candidate.actor)
        chosen.append(_actor_record(view, candidate, role, actors))
    return chosen


def _armed_groups(view: SentenceView, actors: ActorLexicon) -> tuple[ActorHit, ...]:
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
        if first < last and _possessive_noun(view.words[first + 1].norm, actors):
            continue  # "تجمع لعناصر من ...": a gathering of members, not a group's name
        weapons = {i for m in view.modifiers for i in range(m.first, m.last + 1)}
        cut = next((i for i in range(first + 1, last + 1) if i in weapons), last + 1)  # "... بقذائف الهاون"
        found.append(ActorHit(first, cut - 1, f"org:{view.text(first, cut - 1)}", False, ""))
    return tuple(found)


def _possessive_noun(norm: str, actors: ActorLexicon) -> bool:
    roles = actors.roles
    return any("ل" in (roles.split(norm, cls) or "") for cls in ("member", "site"))


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


def _marked_agent(view, hit, free: list[NamePhrase], actors: ActorLexicon):
    """The perpetrator the words before its name mark ("على يد X", "نفذها X", "كمين نصبته X", "طائرات X"),
    the nearest to the event word."""
    marked = [p for p in free if not p.hit.adjective and is_marked_agent(view, p, actors.roles, hit)
              and hit.first - 8 <= p.head and p.hit.first <= hit.last + 10]
    if not marked:
        return None
    return min(marked, key=lambda p: min(abs(p.head - hit.last), abs(p.hit.last - hit.first))).hit


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


def _defected_from(view, hit, candidates):
    """For a defection, the force left: "عن X" or "في صفوف X" after the trigger."""
    for candidate in candidates:
        if candidate.adjective or not (hit.last < candidate.first <= hit.last + 4) or candidate.first == 0:
            continue
        if view.words[candidate.first - 1].norm in ("عن", "صفوف"):
            return candidate
    return None


def _armed(candidate: ActorHit, actors: ActorLexicon) -> bool:
    info = actors.info(candidate.actor)
    return candidate.actor.startswith("org:") or (info is not None and info.kind in _ARMED_KINDS)


def _nearest_agent(view, hit, free: list[NamePhrase], actors: ActorLexicon):
    """The nearest armed actor (not civilians, not a supporter), preferring the subject side."""
    best, best_distance = None, None
    for phrase in free:
        candidate = phrase.hit
        info = actors.info(candidate.actor)
        unknown = candidate.actor.startswith("org:")  # an armed group the curated list lacks
        if (info is None and not unknown) or is_support(view, candidate, actors.roles):
            continue
        kind = "rebel group" if unknown else info.kind
        if kind in ("source",) + _PEOPLE_KINDS:
            continue
        if candidate.adjective or (hit.type in _ARMED_ONLY and kind not in _ARMED_KINDS):
            continue
        if candidate.first > hit.last:
            distance = candidate.first - hit.last
            if soft_target(view, phrase, actors.roles):
                distance += 20
        else:
            distance = hit.first - candidate.last + 1
        if best_distance is None or distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _list_head(view, found: ActorHit, candidates: list[ActorHit]) -> ActorHit:
    """The first name of a list the found name closes: "تركيا وفصائل سورية موالية تشن" -> تركيا."""
    current = found
    while True:
        previous = next((c for c in candidates if not c.adjective and c.last < current.first
                         and joined(view, c.last, current.first)), None)
        if previous is None:
            break
        current = previous
    return found if _between(view, current) else current


def _between(view, agent: ActorHit) -> bool:
    """True for "بين X وY": the names listed are the other side."""
    return agent.first > 0 and view.words[agent.first - 1].norm in ("بين", "وبين")


def _actor_record(view: SentenceView, hit, role: str, actors: ActorLexicon) -> Actor:
    info = actors.info(hit.actor)
    start = skip_proclitics(view.sentence.text, view.words[hit.first].start - view.sentence.start, hit.prefix)
    start += view.sentence.start
    end = view.words[hit.last].end
    text = view.sentence.text[start - view.sentence.start : end - view.sentence.start]
    return Actor(role=role, text=text, start=start, end=end, kind=info.kind if info else None)
