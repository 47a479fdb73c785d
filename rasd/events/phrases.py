"""The phrase an actor's name ends, and what its place in the sentence says of its part.

"مواقع لتنظيم الدولة", "قيادياً في هيئة تحرير الشام", "تجمع لعناصر من قسد", "طائرات
تتبع التحالف": a name is often the owner at the end of a chain of nouns tied by idafa,
by "لـ", or by "في / من / التابعة لـ". The outermost noun says what the phrase is: a
group's people (member), its positions or vehicles (site), or its arms (weapon). Role
words come from ``rasd/data/roles.tsv`` (:class:`rasd.nlp.actors.RoleWords`).

>>> from rasd.nlp.actors import RoleWords
>>> from rasd.nlp.lexmatch import split_words
>>> words = split_words("شنت الطائرات غارات على مواقع لتنظيم الدولة")
>>> owner_noun(words, 5, "ل", RoleWords.load())
(4, 'site')
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.context import PERSON_UNITS, SentenceView
from rasd.events.triggers import TriggerHit
from rasd.nlp.actors import ActorHit, RoleWords
from rasd.nlp.lexmatch import Word

__all__ = [
    "NamePhrase",
    "coordinated",
    "is_marked_agent",
    "is_other_side",
    "is_support",
    "is_target",
    "joined",
    "name_phrases",
    "owner_noun",
    "soft_target",
]

_NOUN_CLASSES = ("site", "weapon", "member")
_VIOLENT = {"airstrike", "shelling", "explosion", "suicide_bombing", "chemical_attack", "armed_clash", "killing",
            "military_offensive", "territory_captured", "weapons_disrupted", "looting_destruction", "abduction"}
_VICTIM_WORDS = {"casualty_killed", "casualty_injured"}
_VICTIM_NOUNS = {"killing", "abduction", "arrest"}
_LOSSES = {"خساير", "الخساير", "خسايرها", "قتلي", "القتلي", "اصابات"}
_SOFT_MARKERS = {"استهدف", "استهدفت", "يستهدف", "تستهدف", "صفوف", "ضرب", "ضربت", "قصف", "قصفت", "مع"}


@dataclass(frozen=True, slots=True)
class NamePhrase:
    """An actor's name and the phrase it ends: ``head`` is the first word of the phrase, ``noun`` its class."""

    hit: ActorHit
    head: int
    noun: str | None


def name_phrases(view: SentenceView, candidates: list[ActorHit], roles: RoleWords) -> list[NamePhrase]:
    """The phrase of every name; a name inside another's phrase ("مسلحين من داعش") is left out."""
    phrases = []
    for candidate in candidates:
        head, noun = candidate.first, None
        position, prefix = candidate.first, candidate.prefix
        for _ in range(4):  # "تجمع لعناصر من قوات X": a few links at most
            found = owner_noun(list(view.words), position, prefix, roles) if not candidate.adjective else (
                _qualified_member(view, candidate, roles))
            if found is None:
                break
            head, noun = found
            position, prefix = head, roles.split(view.words[head].norm, noun) or ""
        phrases.append(NamePhrase(candidate, head, noun))
    return [p for p in phrases if not any(o is not p and o.head <= p.hit.first and p.hit.last < o.hit.first
                                            for o in phrases)]


def _qualified_member(view: SentenceView, adjective: ActorHit, roles: RoleWords) -> tuple[int, str] | None:
    """"جنديان عراقيان", "عناصر إيرانيين": people a nisba adjective qualifies are a member phrase."""
    previous = adjective.first - 1
    if previous >= 0 and roles.word_class(view.words[previous].norm, "member"):
        return previous, "member"
    return None


def owner_noun(words: list[Word], position: int, prefix: str, roles: RoleWords) -> tuple[int, str] | None:
    """(index, class) of the noun that the word at ``position`` (with proclitics ``prefix``) is the owner of."""
    if position == 0:
        return None
    previous = position - 1
    if "ل" in prefix.replace("ال", ""):  # "مواقع لتنظيم", "مواقع عسكرية للنظام": possessive lam
        for index in (previous, previous - 1) if previous > 0 and _adjective(words[previous].norm) else (previous,):
            noun = _noun_class(words[index].norm, roles)
            if noun is not None:
                return index, noun
    if roles.word_class(words[previous].norm, "link"):  # "قيادي في X", "طائرات تتبع X", "المستودع التابع لـ X"
        for index in range(previous - 1, max(previous - 4, -1), -1):
            noun = _noun_class(words[index].norm, roles)
            if noun is not None:
                return index, noun
            if words[previous].norm in ("في", "من"):
                return None
        return None
    noun = _noun_class(words[previous].norm, roles)
    if noun is not None and not prefix and _construct(words[previous].norm, roles, noun):  # idafa: "مواقع قوات X"
        return previous, noun
    return None


def _adjective(norm: str) -> bool:
    """An indefinite nisba adjective ("عسكرية", "جديد" aside): it may stand between a noun and its owner."""
    return not norm.startswith("ال") and norm.endswith(("يه", "ي")) and len(norm) > 3


def _noun_class(norm: str, roles: RoleWords) -> str | None:
    return next((cls for cls in _NOUN_CLASSES if roles.word_class(norm, cls)), None)


def _construct(norm: str, roles: RoleWords, noun: str) -> bool:
    """True when the noun can head an idafa: it has no article ("الطائرات قوات" is two phrases)."""
    prefix = roles.split(norm, noun) or ""
    return not prefix.endswith("ال") and not prefix.endswith("لل")


def is_marked_agent(view: SentenceView, phrase: NamePhrase, roles: RoleWords, hit: TriggerHit) -> bool:
    """True for a name the words before it mark as the perpetrator: "على يد X", "نفذها X", "كمين
    نصبته X", or the owner of arms ("برصاص X", "طائرات X")."""
    if phrase.hit.adjective:
        return False
    if phrase.noun == "weapon":
        return hit.type != "weapons_disrupted"
    head = phrase.head
    if head > 0 and roles.agent_verb(view.words[head - 1].norm):
        return True
    return roles.ends_before(list(view.words), head, "by") > 0


def is_support(view: SentenceView, candidate: ActorHit, roles: RoleWords) -> bool:
    """True for "بدعم (من) X" / "المدعومة من X" / "بالتنسيق مع X": a supporter or partner, not the agent."""
    first = candidate.first
    if first >= 2 and view.words[first - 1].norm in ("مع", "ومع") and roles.word_class(view.words[first - 2].norm,
                                                                                          "cooperate"):
        return True
    return roles.ends_before(list(view.words), first, "support") > 0


def is_target(view: SentenceView, hit: TriggerHit, phrase: NamePhrase, roles: RoleWords) -> bool:
    """True when the name stands in a target's place (see the module docstring of participants)."""
    if phrase.hit.adjective:
        return phrase.noun == "member" and _member_victim(view, hit, phrase)
    if phrase.noun == "weapon":  # "أسقطت الدفاعات طائرة مسيرة لـ X": X's weapon is what was hit
        return hit.type == "weapons_disrupted"
    if phrase.noun == "site":  # "على حاجز لقوات X": hit in an attack, the arresting force otherwise
        return hit.type in _VIOLENT
    if _suffered(view, phrase, roles) or _after_against(view, phrase, roles) or is_other_side(view, hit, phrase, roles):
        return True
    if after_victims(view, phrase.hit) or _counted_victims(view, phrase, _list_end(view, phrase.hit)):
        return True
    if _in_ranks(view, phrase):
        return True
    return phrase.noun == "member" and _member_victim(view, hit, phrase)


def soft_target(view: SentenceView, phrase: NamePhrase, roles: RoleWords) -> bool:
    """True when a name after the event word follows a word that mostly introduces an object
    ("استهدف X", "في صفوف X"): a weaker actor, not excluded."""
    head = phrase.head
    if head == 0:
        return False
    if view.words[head - 1].norm in _SOFT_MARKERS or roles.word_class(view.words[head - 1].norm, "against"):
        return True
    partner = next((a for a in view.actors if a.last == phrase.hit.first - 1 and not a.adjective), None)
    if partner is not None and view.words[phrase.hit.first].norm.startswith("و") and partner.first > 0:
        return view.words[partner.first - 1].norm in _SOFT_MARKERS
    return False


def _suffered(view: SentenceView, phrase: NamePhrase, roles: RoleWords) -> bool:
    """"تعرضت دورية لـ X لهجوم" / "X تعرض لقصف": the subject of "to undergo" is the target."""
    before = phrase.head - 1
    if before >= 0 and roles.word_class(view.words[before].norm, "suffered"):
        return True
    after = view.words[phrase.hit.last + 1 : phrase.hit.last + 3]
    return any(roles.word_class(w.norm, "suffered") for w in after)


def _after_against(view: SentenceView, phrase: NamePhrase, roles: RoleWords) -> bool:
    """"على X" / "ضد X" (and names listed after one): the target; "على يد X" is the perpetrator."""
    head = phrase.head
    if head == 0 or roles.ends_before(list(view.words), head, "by"):
        return False
    if roles.word_class(view.words[head - 1].norm, "against"):
        return True
    if view.words[head].norm.startswith("و"):
        partner = next((a for a in view.actors if a.last == head - 1 and not a.adjective), None)
        return partner is not None and partner.first > 0 and roles.word_class(view.words[partner.first - 1].norm,
                                                                               "against")
    return False


def is_other_side(view: SentenceView, hit: TriggerHit, phrase: NamePhrase, roles: RoleWords) -> bool:
    """"معارك مع X" / "اشتبكت ... مع X": X is the other side of the fight (not "بالتنسيق مع X")."""
    head = phrase.head
    if head < 1 or view.words[head - 1].norm not in ("مع", "ومع"):
        return False
    if head >= 2 and roles.word_class(view.words[head - 2].norm, "cooperate"):
        return False
    window = view.words[max(head - 5, 0) : head - 1]
    return any(roles.word_class(w.norm, "battle") for w in window) or (hit.type == "armed_clash" and head > hit.last)


def after_victims(view: SentenceView, candidate: ActorHit) -> bool:
    """True for an actor named right after a count of dead or wounded: they are the victims."""
    for quantity in view.quantities:
        last = view.word_at(max(quantity.end - 1, quantity.start))
        if 0 < candidate.first - last <= 7 and quantity.unit in PERSON_UNITS:
            before = {w.norm for w in view.words[last + 1 : candidate.first]}
            if before & {"من", "غالبيتهم", "معظمهم", "بينهم", "مواليا", "موالين"} or candidate.first - last == 1:
                return _harm_near(view, view.word_at(quantity.start), candidate.last)
    return False


def _counted_victims(view: SentenceView, phrase: NamePhrase, end: int) -> bool:
    """"مقتل خمسة من عناصر X": a count before the phrase, with harm told around it (up to word ``end``)."""
    for quantity in view.quantities:
        last = view.word_at(max(quantity.end - 1, quantity.start))
        if phrase.head - 2 <= last <= phrase.head and quantity.unit in PERSON_UNITS | {None}:
            return _harm_near(view, view.word_at(quantity.start), end)
    return False


def _in_ranks(view: SentenceView, phrase: NamePhrase) -> bool:
    """"قتلى في صفوف X", "خسائر في صفوف X": losses in X's ranks."""
    head = phrase.head
    if head < 1 or view.words[head - 1].norm not in ("صفوف", "بصفوف"):
        return False
    return _harm_near(view, head - 2, head - 1) or any(w.norm in _LOSSES for w in view.words[max(head - 4, 0) : head])


def _list_end(view: SentenceView, name: ActorHit) -> int:
    """The last word of the list of names that ``name`` opens ("مقاتلي X وY قضوا": the end of Y)."""
    last = name.last
    for other in sorted(view.actors, key=lambda a: a.first):
        if not other.adjective and joined(view, last, other.first):
            last = other.last
    return last


def _harm_near(view: SentenceView, first: int, last: int) -> bool:
    """Whether a casualty word stands within four words before ``first`` or three after ``last``."""
    for match in view.triggers:
        if match.value.type not in _VICTIM_WORDS:
            continue
        if first - 4 <= match.last < first or last < match.first <= last + 3:
            return True
    return any(q.kind in ("killed", "injured") for q in view.quantities if first <= view.word_at(q.start) <= last)


def _member_victim(view: SentenceView, hit: TriggerHit, phrase: NamePhrase) -> bool:
    """People of a group who suffer the event: after a casualty word or a killing noun ("قُتل قيادي في
    X", "اغتيال عناصر من X"), told dead after the name ("... من X قُتلوا"), or the object of the event
    verb ("اغتال مجهولون قيادياً في X")."""
    head = phrase.head
    if _harm_near(view, head, _list_end(view, phrase.hit)):
        return True
    for match in view.triggers:
        if match.value.type in _VICTIM_NOUNS and match.value.pos != "verb" and head - 3 <= match.last < head:
            return True
    if head <= hit.last:
        return False
    if head > hit.last + 1:
        return True  # a subject stands between the verb and the phrase
    return view.words[head].norm.endswith("ا") or hit.trigger.id == "istihdaf"


def coordinated(view: SentenceView, agent: ActorHit, candidates: list[ActorHit]) -> list[ActorHit]:
    """The names listed after the agent with "و" ("الولايات المتحدة وبريطانيا وفرنسا", "قوات النظام
    وحليفتها روسيا")."""
    listed = []
    last = agent.last
    for candidate in sorted(candidates, key=lambda c: c.first):
        if not candidate.adjective and joined(view, last, candidate.first):
            listed.append(candidate)
            last = candidate.last
    return listed


def joined(view: SentenceView, last: int, first: int) -> bool:
    """True when a name starting at ``first`` is listed after one ending at ``last``: "X وY", "X وحليفتها Y"."""
    if first == last + 1:
        return view.words[first].norm.startswith("و")
    return first == last + 2 and view.words[last + 1].norm.startswith(("وحليف", "وحلفا"))
