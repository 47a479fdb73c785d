"""From trigger matches to typed event mentions, with the context rules that veto them.

A trigger match becomes a :class:`TriggerHit` with an ontology type. Generic
attack words ("قصف", "هجوم", "ضربة", "استهدف", "أطلق") take their type from the
weapon words around them (air -> airstrike, artillery/rockets -> shelling,
chemical -> chemical_attack, explosives -> explosion, gunfire -> killing), else
from the sentence, else from the attacks told in the sentences just before
("ضربت إحداها" after "35 هجمة جوية"), else from the attacker's usual mode (an
Israeli "attack" in Syria is an air strike). Then the context decides whether the
mention reports a real event: negation (also of a support verb: "لم تشن ضربات"),
denial, conditions, plans and future tense, threats, calls, condemnations,
anniversaries, drawings, metaphors and sports all veto it; the veto is kept as
``status`` so that it can be inspected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rasd.events.context import PERSON_UNITS, SentenceView
from rasd.events.lexicon import Trigger
from rasd.nlp.actors import ActorLexicon

__all__ = ["MODE_TYPES", "TriggerHit", "UNASSERTED", "VETO_CLASSES", "find_trigger_hits", "modes_of"]

VETO_CLASSES = ("negated", "denied", "hypothetical", "planned", "planned_after", "threat", "call", "anniversary",
                "condemn", "depiction", "refrain", "intent", "habitual", "habitual_after", "any", "foiled",
                "hypothetical_after", "denied_after", "feared", "habitual_far")
TYPE_VETOES = {"return": {"displacement"}, "perceived": {"explosion", "shelling"}, "consequence": {"explosion"},
               "attempt": {"territory_captured"}}
_DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هكذا"}
UNASSERTED = {  # veto -> the factuality an event keeps when unasserted events are asked for
    "negated": "negated", "refrain": "negated", "foiled": "negated", "denied": "denied",
    "planned": "planned", "planned_after": "planned", "intent": "planned",
    "hypothetical": "hypothetical", "hypothetical_after": "hypothetical", "any": "hypothetical",
    "feared": "hypothetical",
}
_MODE_ORDER = ("chemical", "air", "artillery", "explosive", "gunfire", "ground")
MODE_TYPES = {"chemical": "chemical_attack", "air": "airstrike", "artillery": "shelling", "explosive": "explosion",
              "gunfire": "killing", "ground": "military_offensive"}
_TYPE_MODES = {v: k for k, v in MODE_TYPES.items()}
_WEAPON = set(_MODE_ORDER) - {"ground"}
_VIOLENT = {
    "airstrike", "shelling", "chemical_attack", "explosion", "suicide_bombing", "armed_clash", "killing",
    "military_offensive", "territory_captured", "weapons_disrupted", "abduction", "looting_destruction",
}
_STATE_BEFORE = {"تحت", "مناطق", "منطقه", "نفوذ", "خطوط"}
_RELATIVE_PEOPLE = {"الذين", "اللذين", "اللواتي", "اللاتي", "ممن"}
_STILL = {"يزال", "تزال", "زال", "زالت", "يزالون", "يزالوا", "تزالان", "يزالان"}
_PURPOSE_TYPES = {"territory_captured", "agreement", "exit"}  # "لاستعادة السيطرة", "للتوصل إلى اتفاق"; elsewhere ل is
# often genitive ("تجديد الجيش لعملياته العسكرية"), and "لشن/لتنفيذ" are planned cues of their own
_OPINION = ("علي ان", "علي ضروره", "علي وجوب", "علي اهميه", "علي رفض")
_STRIKE_WORDS = {"dharba", "dharab", "qasf", "qasf_noun"}  # a "strike" or "bombardment" is not a gas attack
_AGENT_VERBS = {"نفذتها", "نفذها", "شنتها", "شنها", "يشنها", "تشنها", "نفذته", "شنه"}
_ABOUT = {"عن", "حول", "بشان"}
_FIRE_VERBS = ("launch",)
_ON = {"علي", "ضد"}
_REGION_WORDS = {"منطقه", "ريف", "محافظه", "مناطق", "جنوب", "شمال", "شرق", "غرب", "ارياف"}
_DAY_WORDS = {"اليوم", "امس", "يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
              "الغد", "غد", "ذلك", "تلك", "الاول", "الثاني"}
_PURPOSE_MASDARS = {"لاستعاده", "للسيطره", "لاحكام", "لبسط", "لانتزاع", "لاقتحام", "لتحرير", "لطرد", "لاسترجاع"}
_CAMPAIGN_VERBS = {"بدات", "بدا", "بدء", "بداو", "تبدا", "يبدا", "واصلت", "واصل", "تواصل", "يواصل", "استانفت", "استانف",
                   "تستانف", "يستانف", "صعدت", "صعد", "تصعد", "يصعد", "وسعت", "وسع", "توسع", "يوسع"}
_TURNS = {"لكن", "ولكن", "لكنه", "لكنها", "بينما", "فيما", "حين", "غير", "الا", "بل"}
_DENIAL_REACH = 25
_CLAUSE_MARKS = "،,;؛"
_PAST_WORDS = {"الماضيه", "الماضي", "الاخيره", "المنصرمه", "الفايته", "السابقه"}
_FACT_CLAUSE = {"حيث", "اذ", "بعدما", "عقب", "اثر"}
_TITLES = {"الرييس", "رييس", "وزير", "الوزير", "وزيره", "المتحدث", "متحدث", "السفير", "سفير", "المندوب", "مندوب",
           "الزعيم", "زعيم", "المرشد", "الملك", "الامير", "رييسه", "المستشار", "مستشار", "الناطق", "ناطق"}
_UNDER_DEAL = {"بموجب", "وفق", "وفقا", "اطار", "ضمن", "خرق", "خرقا", "خروقات", "انتهاك", "انتهاكا", "انتهاكات",
               "لخرق", "لانتهاك", "بخرق", "بانتهاك", "تطبيق", "لتطبيق", "بنود"}
_MODAL_REACH = 12
_THAT_WORDS = {"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم"}
_DEAL_WORDS = {"الاتفاق", "اتفاق", "الاتفاقيه", "اتفاقيه", "المعاهده", "معاهده", "الاتفاقات"}


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
    chained: bool = False
    unasserted: str | None = None  # factuality of a vetoed mention kept on request

    @property
    def ok(self) -> bool:
        """True when no context rule vetoed the mention."""
        return self.status == "ok"


def modes_of(hits: Iterable[TriggerHit]) -> tuple[str, ...]:
    """The weapon modes (air, artillery...) of the accepted attack hits."""
    return tuple(_TYPE_MODES[h.type] for h in hits if h.ok and h.type in _TYPE_MODES)


def find_trigger_hits(view: SentenceView, actors: ActorLexicon, recent_modes: tuple[str, ...] = ()) -> list[TriggerHit]:
    """Typed trigger hits of a sentence; vetoed ones keep the reason in ``status``.

    ``recent_modes`` are the weapon modes of the attacks told in the sentences just before.
    """
    if not view.triggers:
        return []  # most sentences: nothing to read
    hits = []
    names = [(hit.first, hit.last) for hit in view.actors if not hit.adjective]
    names += [  # organisations the model found or that are quoted; a head-word guess ("حركة نزوح") is too loose
        (view.word_at(e.start), view.word_at(max(e.end - 1, e.start)))
        for e in view.entities if e.label == "ORG" and (e.source == "ner" or e.confidence >= 0.7)
    ]
    sports = view.has_modifier("sports") and not _violence_said(view)
    fixed = [(c.first, c.last) for c in view.cues if c.value.cls == "non_event"]
    for match in view.triggers:
        trigger: Trigger = match.value
        if any(first <= match.first and match.last <= last for first, last in names):
            continue  # a word inside a name ("الحشد" in "الحشد الشعبي") is not a trigger
        if any(first <= match.last and match.first <= last for first, last in fixed):
            continue  # "مناطق خفض التصعيد", "إزالة الألغام", "ضربة جزاء": a fixed phrase, no event
        if any(t.start is not None and t.start <= match.start < (t.end or t.start) for t in view.times):
            continue  # "فجر الخميس" is a time, not a detonation
        if trigger.id == "detonated_verb" and _time_word_after(match, view):
            continue  # "فجر هذا اليوم", "فجر يوم الجمعة": dawn
        hit = TriggerHit(trigger.type, trigger, match.first, match.last, match.start, match.end, match.prefix)
        hit = _resolve_type(hit, view, actors, recent_modes)
        if hit is None:
            continue
        if _predicate_of_earlier(hit, hits):
            continue  # "سلسلة من الغارات الجوية والقصف المدفعي ضربت إدلب": ضربت tells those strikes
        hit = _apply_context(hit, view, sports)
        hits.append(hit)
        hits += [replace(hit, type=MODE_TYPES[m], chained=True) for m in _chained_modes(hit, view)]
    return _spread_denials(_drop_nested(_absorb_objects(hits)))


def _absorb_objects(hits: list[TriggerHit]) -> list[TriggerHit]:
    """A protest that is dispersed, or a bomb that is defused, is the object of that event, not an
    event of its own ("فرقت قوات الأمن مظاهرة", "فككت الفرق عبوة ناسفة")."""
    absorbed = {"protest_repressed": "protest", "weapons_disrupted": "explosion"}
    result = []
    for hit in hits:
        owner = next((h for h in hits if h.ok and absorbed.get(h.type) == hit.type
                      and h.first - 2 <= hit.first <= h.last + 6 and h is not hit), None)
        result.append(replace(hit, status="object") if owner is not None and hit.ok else hit)
    return result


def _time_word_after(match, view: SentenceView) -> bool:
    """The word after "فجر" names a day or a time ("فجر هذا اليوم", "فجر السبت")."""
    following = [w.norm for w in view.words[match.last + 1 : match.last + 3]]
    return bool(following) and (following[0] in _DAY_WORDS or following[0].isdigit()
                                or following[:2] == ["هذا", "اليوم"])  # "فجر 14 أبريل"


def _violence_said(view: SentenceView) -> bool:
    """Weapons or casualty words in the sentence: a match is then only the setting of real violence
    ("قتل العشرات في هجوم كيماوي بعد المباراة")."""
    weapons = any(set(m.value) & _WEAPON for m in view.modifiers)
    return weapons or any(t.value.type in ("casualty_killed", "casualty_injured") for t in view.triggers)


def _spread_denials(hits: list[TriggerHit]) -> list[TriggerHit]:
    """A sentence that denies or negates one mention of an event denies the mentions after it too
    ("تنفي سوريا استخدام الغاز السام ... خلال هجوم على دوما"); a claim told before a denial
    ("... قصفت موقعنا، لكن الجيش الأميركي نفى") stays."""
    denied = {}
    for hit in hits:
        if hit.status in ("denied", "negated") and hit.type not in denied:
            denied[hit.type] = hit
    return [
        replace(h, status=denied[h.type].status) if h.ok and h.type in denied and h.first > denied[h.type].first else h
        for h in hits
    ]


def _predicate_of_earlier(hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """A generic attack verb right after explicit attack nouns is their verb, not another event."""
    if hit.trigger.type != "attack" or hit.trigger.pos != "verb":
        return False
    return any(h.trigger.type != "attack" and h.type in _TYPE_MODES and 0 < hit.first - h.last <= 3 for h in hits)


def _chained_modes(hit: TriggerHit, view: SentenceView) -> list[str]:
    """Further weapon modes coordinated after an attack word: "القصف الجوي والصاروخي" is air and artillery."""
    if hit.type not in _TYPE_MODES:
        return []
    modes: list[str] = []
    position = hit.last + 1
    while position < len(view.words) and position <= hit.last + 6:
        classes = [c for _, c in view.modifier_classes(position, position) if c in ("air", "artillery")]
        if not classes or not view.words[position].norm.startswith(("و", "وال")):
            break
        modes += [c for c in classes if c != _TYPE_MODES[hit.type] and c not in modes]
        position += 1
    return modes


def _resolve_type(
    hit: TriggerHit, view: SentenceView, actors: ActorLexicon, recent_modes: tuple[str, ...]
) -> TriggerHit | None:
    """Settle generic attack words and 'needs' conditions; None when the word is not a trigger here."""
    trigger = hit.trigger
    if trigger.id in _FIRE_VERBS and _fire_at(hit, view):  # "أطلق الجيش النار على محتجين"
        trigger = replace(trigger, id="shooting", type="killing", needs=None)
        hit = replace(hit, type="killing", trigger=trigger)
    if trigger.id in _FIRE_VERBS + ("shooting",) and _at_protest(hit, view):
        return replace(hit, type="protest_repressed")
    subject = _subject_mode(hit, view, actors)
    if trigger.needs and not _needs_met(trigger.needs, hit, view) and not (trigger.needs == "weapon" and subject):
        return None
    if hit.type in ("airstrike", "shelling") and trigger.pos == "phrase" and _ground_follows(hit, view):
        return replace(hit, type="military_offensive")  # "هجوما جويا وبريا": a combined offensive
    if hit.type == "exit":
        return _exit_type(hit, view)
    if hit.type != "attack":
        return hit
    near = [c for i, c in view.modifier_classes(hit.first - 3, hit.last + 5) if c in _MODE_ORDER
            and not _beyond_other(hit, i, view)]
    if trigger.id == "launch" and _aircraft_subject(hit, view):
        near = ["air"] + near  # "طائرات إسرائيلية من طراز إف 15 أطلقت عدة صواريخ": an air strike
    if trigger.pos == "verb" and _aircraft_object(hit, view):
        return replace(hit, type="shelling")  # firing at an aircraft ("استهدفت إحدى المقاتلات")
    if trigger.pos != "verb" and (_campaign_verb_before(hit, view) or _lasting(hit, view) or _on_region(hit, view)):
        return replace(hit, type="military_offensive")  # "بدأت تركيا ... هجوماً على منطقة عفرين"
    if trigger.pos != "verb" and "ground" in near and {"air", "artillery"} & set(near):
        return replace(hit, type="military_offensive")  # "هجوما جويا وبريا": a combined offensive
    owned = {i for t in view.triggers if t.first != hit.first for i in range(t.last + 1, t.last + 3)}
    sentence = [c for i, c in view.modifier_classes(0, len(view.words))  # not "كيماوية" of "ضربة كيماوية"
                if c != "explosive" and i not in owned]
    for modes in (near, sentence, [subject]):
        for mode in _MODE_ORDER:
            if mode in modes and not (mode == "explosive" and trigger.id in _STRIKE_WORDS):
                if modes is sentence and trigger.pos == "verb" and _told_explicitly(MODE_TYPES[mode], hit, view):
                    return None  # "هاجم ترامب روسيا ... بعد هجوم كيماوي": the gas attack is told by its own words
                return replace(hit, type=MODE_TYPES[mode])
    for mode in recent_modes:  # most recent first; a gas attack must be said in its own sentence
        if mode != "chemical":
            return replace(hit, type=MODE_TYPES[mode])
    if trigger.id in ("qasf", "qasf_noun"):
        return replace(hit, type="shelling")
    return None


def _campaign_verb_before(hit: TriggerHit, view: SentenceView) -> bool:
    """An attack noun that something begins, continues, resumes or widens is a campaign."""
    if hit.trigger.id != "hujum":  # "تواصل القصف" is still shelling
        return False
    low = max([t.last + 1 for t in view.triggers if t.last < hit.first] + [hit.first - 15, 0])
    after = range(hit.last + 1, min(hit.last + 3, len(view.words)))  # "بعد هجوم بدأ في يونيو"
    return any(view.words[i].norm.lstrip("و") in _CAMPAIGN_VERBS for i in [*range(low, hit.first), *after])


def _on_region(hit: TriggerHit, view: SentenceView) -> bool:
    """An attack on a whole region ("هجوما على منطقة عفرين", "ضد ريف إدلب"): a campaign."""
    if hit.trigger.id != "hujum":
        return False
    following = [w.norm for w in view.words[hit.last + 1 : hit.last + 4]]
    return any(a in _ON and b.lstrip("و") in _REGION_WORDS for a, b in zip(following, following[1:]))


def _lasting(hit: TriggerHit, view: SentenceView) -> bool:
    """An attack said to go on for a while ("تشن منذ شهر هجوما"): a campaign."""
    if hit.trigger.id != "hujum":
        return False
    return any(t.text.startswith(("منذ", "طيلة", "طوال")) and abs(view.word_at(t.start or 0) - hit.first) <= 6
               for t in view.times)


def _fire_at(hit: TriggerHit, view: SentenceView) -> bool:
    """"أطلق X النار / الرصاص": opening fire, with the subject between the verb and its object."""
    return any(view.words[i].norm.lstrip("و") in ("النار", "الرصاص", "النيران")
               for i in range(hit.last + 1, min(hit.last + 5, len(view.words))))


def _at_protest(hit: TriggerHit, view: SentenceView) -> bool:
    """Gunfire aimed at a protest or protesters ("... النار على محتجين", "على المتظاهرين")."""
    return any(c == "protest_object" for _, c in view.modifier_classes(hit.last + 1, hit.last + 7))


def _told_explicitly(event_type: str, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether another trigger of the sentence names this type by itself ("هجوم كيماوي", "غارة")."""
    return any(t.value.type == event_type and t.first != hit.first for t in view.triggers)


def _exit_type(hit: TriggerHit, view: SentenceView) -> TriggerHit | None:
    """Civilians leaving a place (with fighters or not) are displaced; fighters alone hand it over; else nothing."""
    near = {c for _, c in view.modifier_classes(hit.first - 3, hit.last + 6)}
    if "civilians_leaving" in near:  # "إجلاء المقاتلين والمدنيين": people are moved out
        return replace(hit, type="displacement")
    if "fighters_leaving" in near:
        return replace(hit, type="territory_transfer")
    return None


def _aircraft_subject(hit: TriggerHit, view: SentenceView) -> bool:
    """Aircraft named in the eight words before a firing verb, with no other event word between."""
    low = max([t.last + 1 for t in view.triggers if t.last < hit.first] + [hit.first - 8, 0])
    return any(c == "air" for _, c in view.modifier_classes(low, hit.first - 1))  # not "aircraft": it holds missiles


def _ground_follows(hit: TriggerHit, view: SentenceView) -> bool:
    """A ground attack coordinated right after an air or missile attack phrase ("جويا وبريا")."""
    return any(c == "ground" and view.words[i].norm.startswith("و")
               for i, c in view.modifier_classes(hit.last + 1, hit.last + 2))


def _aircraft_object(hit: TriggerHit, view: SentenceView) -> bool:
    """An attack verb whose object is "one of the aircraft" ("استهدفت إحدى المقاتلات"): firing at it.

    A bare aircraft after the verb is its subject (Arabic puts the verb first:
    "استهدفت طائرة مسيرة سيارة"), so only "إحدى/أحد + aircraft" counts.
    """
    following = view.words[hit.last + 1 : hit.last + 3]
    if not following or following[0].norm not in ("احدي", "احد"):
        return False
    return "aircraft" in [c for _, c in view.modifier_classes(hit.last + 2, hit.last + 2)]


def _subject_mode(hit: TriggerHit, view: SentenceView, actors: ActorLexicon) -> str | None:
    """The usual attack mode of an actor standing as the subject of the trigger.

    For a verb: an actor name up to four words before it or two after; for a noun: a
    nisba adjective right after it ("الهجمات الروسية").
    """
    for actor_hit in view.actors:
        info = actors.info(actor_hit.actor)
        if info is None or not info.default_attack or view.words[actor_hit.first].norm in _TITLES:
            continue  # "هاجم الرئيس الأمريكي روسيا": a politician attacks with words
        mode = _TYPE_MODES.get(info.default_attack)
        if hit.trigger.pos == "verb" and not actor_hit.adjective:
            if hit.first - 4 <= actor_hit.last < hit.first or hit.last < actor_hit.first <= hit.last + 2:
                return mode
        elif actor_hit.adjective and hit.last < actor_hit.first <= hit.last + 2:
            return mode
        elif not actor_hit.adjective and hit.first - 2 <= actor_hit.last < hit.first:
            return mode  # "إسرائيل بشن هجوم"
        elif not actor_hit.adjective and hit.last < actor_hit.first <= hit.last + 3 and actor_hit.first > 0:
            if view.words[actor_hit.first - 1].norm in _AGENT_VERBS:
                return mode  # "ضربات منسقة نفذتها بريطانيا"
    return None


def _beyond_other(hit: TriggerHit, position: int, view: SentenceView) -> bool:
    """True when another trigger stands between the hit and a weapon word after it: the weapon
    belongs to that other event ("ضرب ... رداً على إطلاق صواريخ")."""
    return any(hit.last < t.first < position for t in view.triggers if t.first != hit.first)


def _needs_met(needs: str, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether the cue class a trigger needs stands near it."""
    if needs in ("weapon", "artillery"):
        reach = 10 if hit.trigger.pos == "verb" else 6
        wanted = _WEAPON if needs == "weapon" else {"artillery"}
        return any(c in wanted and not _beyond_other(hit, i, view)
                   for i, c in view.modifier_classes(hit.first - 4, hit.last + reach))
    if needs == "service":  # "تخلف نحو 200 شاب من أبناء المدينة عن الالتحاق"
        return any(c == "service" for _, c in view.modifier_classes(hit.first - 3, hit.last + 10))
    if needs == "protest_object":
        return any(c == "protest_object" for _, c in view.modifier_classes(hit.last + 1, hit.last + 6))
    if needs == "aircraft":
        return any(c == "aircraft" for _, c in view.modifier_classes(hit.last + 1, hit.last + 3))
    if needs == "territory":
        reach = 10  # "سيطرت القوات الحكومية والمليشيا الداعمة لها على عدد من البلدات"
        if any(w.norm in _DEAL_WORDS for w in view.words[hit.last + 1 : hit.last + 4]):
            return False
        named = [(view.words[a.first].start, view.words[a.last].end) for a in view.actors if not a.adjective]
        if any(c == "terrain" for _, c in view.modifier_classes(hit.last + 1, hit.last + reach)):
            return True  # "سيطرت الفصائل على تلال استراتيجية", "على 90 بالمئة من الغوطة"
        after = view.words[hit.last + 1].norm if hit.last + 1 < len(view.words) else ""
        low = hit.first - 6 if after in ("عليها", "عليه", "منها", "منه") else hit.last + 1  # "التي سيطر عليها"
        return any(
            low <= view.word_at(p.start) <= hit.last + reach and not any(s <= p.start < e for s, e in named)
            and not hit.first <= view.word_at(p.start) <= hit.last
            for p in view.places
        )
    if needs == "victims":
        return any(hit.last < view.word_at(q.start) <= hit.last + 3 and q.unit in PERSON_UNITS for q in view.quantities)
    if needs == "town":  # "طوقا على مدينة عفرين"
        return any(hit.last < view.word_at(p.start) <= hit.last + 4 and p.place is not None for p in view.places)
    if needs == "advance":  # "تقدم قوات النظام", "حققت القوات تقدما", "تقدما باتجاه البلدة"
        return any(c == "advance" for _, c in view.modifier_classes(hit.first - 5, hit.last + 1)) or any(
            c == "direction" for _, c in view.modifier_classes(hit.last + 1, hit.last + 3))
    if needs == "troops":
        return any(c == "troops" for _, c in view.modifier_classes(hit.first - 3, hit.last + 6))
    return any(c == needs for _, c in view.modifier_classes(hit.first - 6, hit.last + 4))


def _apply_context(hit: TriggerHit, view: SentenceView, sports: bool) -> TriggerHit:
    """Veto the hit when its context says it did not (yet, really) happen."""
    status = _grammar_veto(hit, view)
    if status is None and sports:
        status = "sports"
    reach = 6 if hit.type in ("abduction", "territory_captured") and hit.trigger.pos == "verb" else 2
    if status is None and any(c == "metaphor" for _, c in view.modifier_classes(hit.first + 1, hit.last + reach)):
        status = "metaphor"  # "انفجار الأسعار"; "خطف الممثل ... جائزة أفضل ممثل"
    alleged = False
    for cue_match in view.cues:
        cue = cue_match.value
        if cue.cls == "hearsay" or cue.cls == "alleged" and abs(cue_match.first - hit.last) <= (cue.window or 99):
            alleged = True
        if status is not None or not _cue_governs(cue_match, hit, view):
            continue
        if cue.cls in VETO_CLASSES or hit.type in TYPE_VETOES.get(cue.cls, ()):
            status = "denied" if cue.cls == "denied_after" else cue.cls
    return replace(hit, status=status or "ok", alleged=alleged)


def _grammar_veto(hit: TriggerHit, view: SentenceView) -> str | None:
    """Vetoes read off the trigger word and its neighbours: tense, purpose, states, background."""
    trigger = hit.trigger
    if trigger.tense == "future":
        return "planned"
    previous = view.words[hit.first - 1].norm if hit.first > 0 else ""
    if {w.norm for w in view.words[max(hit.first - 2, 0) : hit.first]} & _RELATIVE_PEOPLE:
        return "background"
    if hit.type == "territory_captured" and (trigger.tense == "present" or previous in _STATE_BEFORE):
        return "state"
    if hit.type == "territory_captured" and previous.lstrip("و") in _PURPOSE_MASDARS:
        return "planned"  # "لاستعادة السيطرة على المنطقة"
    if trigger.pos == "noun" and hit.prefix in ("ل", "ول", "لل", "ولل"):
        if hit.type in _PURPOSE_TYPES or trigger.type in _PURPOSE_TYPES:
            return "planned"
    if trigger.type == "agreement" and trigger.pos == "noun" and (_known_deal(hit, view) or previous in _UNDER_DEAL):
        return "reference"  # "الاتفاق النووي"; "دوريات بموجب اتفاق", "خرق الهدنة": a deal already made
    if previous == "قد" and trigger.tense == "present" or _modal_before(hit, view):
        return "hypothetical"  # "قد تطلق", "قد تندلع اشتباكات"
    if trigger.pos == "noun" and previous in _DEMONSTRATIVES:
        return "reference"  # "هذا الذبح", "مثل هذا الهجوم": an event told before
    if trigger.pos == "verb" and trigger.tense == "present" and previous in ("التي", "الذي", "اللتي"):
        return "background"
    if trigger.type == "agreement" and trigger.pos == "verb":
        following = " ".join(w.norm for w in view.words[hit.last + 1 : hit.last + 3])
        if following.startswith(_OPINION):
            return "opinion"
    return None


def _modal_before(hit: TriggerHit, view: SentenceView) -> bool:
    """"قد" with a present-tense verb just before the trigger: a possibility, not a fact."""
    for index in range(max(hit.first - _MODAL_REACH, 0), hit.first - 1):
        word = view.words[index].norm
        if word.lstrip("و") == "قد" and view.words[index + 1].norm[:1] in ("ي", "ت", "ن"):
            return index >= hit.first - 3 or _same_clause(view, index, hit.first)
    return False


def _gap(view: SentenceView, first: int, last: int) -> str:
    """The text between the end of word ``first`` and the start of word ``last``."""
    start, end = view.words[first].end, view.words[last].start
    return view.sentence.text[start - view.sentence.start : end - view.sentence.start]


def _comma_between(view: SentenceView, first: int, last: int) -> bool:
    return any(mark in _gap(view, first, last) for mark in _CLAUSE_MARKS)


def _same_clause(view: SentenceView, first: int, last: int) -> bool:
    """No comma, turn ("لكن") or new statement between words ``first`` and ``last``: "وقد يسمح فتح
    طريق آمن للمقاتلين بالتوصل إلى اتفاق" keeps the deal under the modal."""
    if _comma_between(view, first, last):
        return False
    if any(w.norm in _TURNS for w in view.words[first + 1 : last]):
        return False
    return not any(c.value.cls in ("report", "continuation") and first < c.first < last for c in view.cues)


def _known_deal(hit: TriggerHit, view: SentenceView) -> bool:
    """A definite deal word that names a known agreement ("الاتفاق النووي", "الاتفاق المذكور")
    rather than one being made ("الاتفاق على وقف إطلاق النار", "الاتفاق بين")."""
    word = view.words[hit.first].norm
    if not (hit.prefix.endswith("ال") or word.startswith("ال")) or hit.last > hit.first:
        return False
    following = view.words[hit.last + 1].norm if hit.last + 1 < len(view.words) else ""
    return following not in ("علي", "بين", "مع", "حول", "بشان")


def _cue_governs(cue_match, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether a cue stands close enough before the trigger (or after it, for 'after' cues).

    A negation before a support verb ("لم تشن", "لم ينفذ أي فرد ... ضربات") reaches the
    verb's object up to eight words on.
    """
    cue = cue_match.value
    window = cue.window if cue.window is not None else len(view.words)
    if cue.after:
        if cue.cls == "denied_after" and not _topic_of_talk(hit, view):
            return False
        if cue.cls == "habitual_far" and _comma_between(view, hit.last, cue_match.first):
            return False
        return hit.last < cue_match.first <= hit.last + window
    if cue.cls == "denied" and cue_match.last < hit.first:
        return _in_denied_clause(cue_match, hit, view)
    if cue.cls == "planned" and _past_after(cue_match, view):
        return False  # "خلال الأيام الماضية" is no plan
    if cue.cls == "condemn" and any(w.norm in _FACT_CLAUSE for w in view.words[cue_match.last + 1 : hit.first]):
        return False  # "استنكر معاناة السكان حيث أدى القصف إلى": the clause after حيث states a fact
    if cue.window is not None and _past_clause_after_comma(cue_match, hit, view):
        return False
    if cue.cls == "negated" and _before_support_verb(cue_match, view):
        window = 12
    overlapping = cue_match.first < hit.first <= cue_match.last
    if not (overlapping or hit.first - window <= cue_match.last < hit.first):
        return False
    if cue.cls == "negated":
        following = view.words[cue_match.last + 1].norm if cue_match.last + 1 < len(view.words) else ""
        return following not in _STILL
    return True


def _topic_of_talk(hit: TriggerHit, view: SentenceView) -> bool:
    """An event noun talked about: "الأنباء التي تحدثت عن قصف", "تقارير حول هجوم"."""
    before = {w.norm for w in view.words[max(hit.first - 2, 0) : hit.first]}
    return bool(before & _ABOUT)  # after "عن" even "قصف" is the noun


def _in_denied_clause(cue_match, hit: TriggerHit, view: SentenceView) -> bool:
    """Whether a denial before the trigger governs it: a denial verb's object runs on
    ("نفى المتحدث باسم الحكومة، الدكتور ...، الإثنين، الأنباء التي تحدثت عن قصف ...")
    until the sentence turns: "لكن / بينما / في حين", or someone else reports something."""
    if hit.first - cue_match.last > _DENIAL_REACH:
        return False
    for word in view.words[cue_match.last + 1 : hit.first]:
        if word.norm in _TURNS:
            return False
    return not any(
        c.value.cls in ("report", "continuation") and cue_match.last < c.first < hit.first and _new_statement(c, view)
        for c in view.cues
    )


def _new_statement(cue_match, view: SentenceView) -> bool:
    """A reporting verb that opens a statement of its own: "وقال ...", "أكد أن ..." (not "في بيان")."""
    following = view.words[cue_match.last + 1].norm if cue_match.last + 1 < len(view.words) else ""
    return view.words[cue_match.first].norm.startswith("و") or following in _THAT_WORDS


def _past_clause_after_comma(cue_match, hit: TriggerHit, view: SentenceView) -> bool:
    """A past-tense event verb that opens a new clause after a comma is out of reach of the cues
    of the clause before it ("وخشية من تقدم الفصائل، قصفت قوات النظام البلدة")."""
    if cue_match.last >= hit.first:
        return False
    text = _gap(view, cue_match.last, hit.first)
    comma = max(text.rfind(mark) for mark in _CLAUSE_MARKS)
    if comma < 0:
        return False
    if hit.trigger.pos == "verb" and hit.trigger.tense == "past":
        return True
    after_comma = view.word_at(view.words[cue_match.last].end + comma)  # "، شنت الطائرات غارات"
    return any(c.value.cls == "support" and after_comma <= c.first < hit.first and
               not view.words[c.first].norm.lstrip("و").startswith(("ي", "ت", "ن"))
               for c in view.cues)


def _past_after(cue_match, view: SentenceView) -> bool:
    following = view.words[cue_match.last + 1].norm if cue_match.last + 1 < len(view.words) else ""
    return following in _PAST_WORDS


def _before_support_verb(cue_match, view: SentenceView) -> bool:
    return any(c.value.cls == "support" and c.first == cue_match.last + 1 for c in view.cues)


def _drop_nested(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Remove hits whose words lie inside a longer hit."""
    kept = []
    for hit in hits:
        inside = not hit.chained and any(
            other is not hit and other.first <= hit.first and hit.last <= other.last
            and (other.last - other.first) > (hit.last - hit.first)
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept
