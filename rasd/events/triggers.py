"""From trigger matches to typed event mentions, with the context rules that veto them.

A trigger match becomes a :class:`TriggerHit` with an ontology type. Generic
attack words ("قصف", "هجوم", "ضربة", "استهدف") take their type from the weapon
words around them (air -> airstrike, artillery/rockets -> shelling, chemical ->
chemical_attack), else from the sentence, else from the attacker's usual mode
(an Israeli "attack" in Syria is an air strike). Then the context decides whether
the mention reports a real event: negation, denial, conditions, plans and future
tense, threats, calls, anniversaries, metaphors and sports all veto it, and the
veto is kept as ``status`` so that it can be inspected.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rasd.events.context import SentenceView
from rasd.events.lexicon import Trigger
from rasd.nlp.actors import ActorLexicon

__all__ = ["TriggerHit", "VETO_CLASSES", "find_trigger_hits"]

VETO_CLASSES = ("negated", "denied", "hypothetical", "planned", "threat", "call", "anniversary")
_MODE_ORDER = ("chemical", "air", "artillery", "explosive")
_MODE_TYPES = {"chemical": "chemical_attack", "air": "airstrike", "artillery": "shelling", "explosive": "explosion"}
_WEAPON = {"air", "artillery", "chemical", "explosive"}
_VIOLENT = {
    "airstrike", "shelling", "chemical_attack", "explosion", "suicide_bombing", "armed_clash", "killing",
    "military_offensive", "territory_captured", "weapons_disrupted", "abduction", "looting_destruction",
}
_STATE_BEFORE = {"تحت", "مناطق", "منطقه", "مناطق", "نفوذ", "خطوط"}
_RELATIVE_PEOPLE = {"الذين", "اللذين", "اللواتي", "اللاتي", "ممن"}
_STILL = {"يزال", "تزال", "زال", "زالت", "يزالون", "يزالوا", "تزالان", "يزالان"}
_PURPOSE_TYPES = {"territory_captured", "attack", "agreement", "arrest", "killing", "military_offensive"}


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger in a sentence with its ontology type and whether it reports a real event."""

    type: str
    trigger: Trigger
    first: int
    last: int
    start: int
    end: int
    prefix: str
    status: str = "ok"
    alleged: bool = False

    @property
    def ok(self) -> bool:
        """True when no context rule vetoed the mention."""
        return self.status == "ok"


def find_trigger_hits(view: SentenceView, actors: ActorLexicon) -> list[TriggerHit]:
    """Typed trigger hits of a sentence; vetoed ones keep the reason in ``status``."""
    hits = []
    actor_words = {i for hit in view.actors if not hit.adjective for i in range(hit.first, hit.last + 1)}
    sports = any(m.value == "sports" for m in view.modifiers)
    for match in view.triggers:
        trigger: Trigger = match.value
        if any(i in actor_words for i in range(match.first, match.last + 1)):
            continue
        hit = TriggerHit(trigger.type, trigger, match.first, match.last, match.start, match.end, match.prefix)
        hit = _resolve_type(hit, view, actors)
        if hit is None:
            continue
        hits.append(_apply_context(hit, view, sports))
    return _drop_nested(hits)


def _resolve_type(hit: TriggerHit, view: SentenceView, actors: ActorLexicon) -> TriggerHit | None:
    """Settle generic attack words and 'needs' conditions; None when the word is not a trigger here."""
    trigger = hit.trigger
    if trigger.needs and not _needs_met(trigger.needs, hit, view):
        return None
    if hit.type != "attack":
        return hit
    near = [c for i, c in view.modifier_classes(hit.first - 3, hit.last + 5) if c in _WEAPON]
    following = _coordinated_modes(hit, view)
    if len({"air", "artillery"} & set(following)) == 2 and trigger.pos == "noun":
        return replace(hit, type="military_offensive")
    for mode in _MODE_ORDER:
        if mode in near:
            return replace(hit, type=_MODE_TYPES[mode])
    sentence_modes = {m.value for m in view.modifiers}
    for mode in _MODE_ORDER:
        if mode in sentence_modes:
            return replace(hit, type=_MODE_TYPES[mode])
    for actor_hit in view.actors:
        info = actors.info(actor_hit.actor)
        if info and info.default_attack:
            return replace(hit, type=info.default_attack)
    if trigger.id in ("qasf", "qasf_noun"):
        return replace(hit, type="shelling")
    return None


def _coordinated_modes(hit: TriggerHit, view: SentenceView) -> list[str]:
    """Weapon classes of the adjective chain right after a noun ("القصف الجوي والمدفعي والصاروخي")."""
    modes = []
    position = hit.last + 1
    while position < len(view.words) and position <= hit.last + 6:
        classes = [c for i, c in view.modifier_classes(position, position)]
        if not classes:
            break
        modes += classes
        position += 1
    return modes


def _needs_met(needs: str, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether the cue class a trigger needs stands near it."""
    if needs == "weapon":
        return any(c in _WEAPON for _, c in view.modifier_classes(hit.first - 4, hit.last + 6))
    if needs == "aircraft":
        return any(c == "aircraft" for _, c in view.modifier_classes(hit.last + 1, hit.last + 3))
    if needs == "territory":
        reach = 10 if hit.trigger.pos == "noun" else 6
        return any(hit.last < view.word_at(p.start) <= hit.last + reach for p in view.places)
    return True


def _apply_context(hit: TriggerHit, view: SentenceView, sports: bool) -> TriggerHit:
    """Veto the hit when its context says it did not (yet, really) happen."""
    status = _grammar_veto(hit, view)
    if status is None and sports and hit.type in _VIOLENT:
        status = "sports"
    if status is None and any(c == "metaphor" for _, c in view.modifier_classes(hit.last + 1, hit.last + 2)):
        status = "metaphor"
    alleged = False
    for cue_match in view.cues:
        cue = cue_match.value
        if cue.cls == "alleged" and abs(cue_match.first - hit.last) <= (cue.window or 99):
            alleged = True
        if status is None and cue.cls in VETO_CLASSES and _cue_governs(cue_match, hit, view):
            status = cue.cls
        if status is None and cue.cls == "return" and hit.type == "displacement" and _cue_governs(cue_match, hit, view):
            status = "return"
    return replace(hit, status=status or "ok", alleged=alleged)


def _grammar_veto(hit: TriggerHit, view: SentenceView) -> str | None:
    """Vetoes read off the trigger word itself: future tense, purpose, states of control."""
    trigger = hit.trigger
    if trigger.tense == "future":
        return "planned"
    previous = view.words[hit.first - 1].norm if hit.first > 0 else ""
    if {w.norm for w in view.words[max(hit.first - 2, 0) : hit.first]} & _RELATIVE_PEOPLE:
        return "background"
    if hit.type == "territory_captured":
        if trigger.tense == "present" or previous in _STATE_BEFORE:
            return "state"
    if trigger.pos == "noun" and hit.prefix in ("ل", "ول", "لل", "ولل"):
        if hit.type in _PURPOSE_TYPES or trigger.type in _PURPOSE_TYPES:
            return "planned"
    if trigger.type == "agreement" and trigger.pos == "verb":
        following = " ".join(w.norm for w in view.words[hit.last + 1 : hit.last + 3])
        if following.startswith("علي ان") or following.startswith("علي ضروره"):
            return "opinion"
    return None


def _cue_governs(cue_match, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether a veto cue stands close enough before the trigger (or after it, for 'after' cues)."""
    cue = cue_match.value
    window = cue.window if cue.window is not None else len(view.words)
    if cue.after:
        return hit.last < cue_match.first <= hit.last + window
    if not (hit.first - window <= cue_match.last < hit.first):
        return False
    if cue.cls == "negated":
        following = view.words[cue_match.last + 1].norm if cue_match.last + 1 < len(view.words) else ""
        return following not in _STILL
    return True


def _drop_nested(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Remove hits whose words lie inside a longer hit."""
    kept = []
    for hit in hits:
        inside = any(
            other is not hit and other.first <= hit.first and hit.last <= other.last
            and (other.last - other.first) > (hit.last - hit.first)
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept
