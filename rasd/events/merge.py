"""Re-tellings of one event in an article, merged into one draft.

The same attack told in the lead and again in the body, a generic and a specific word for
it in one sentence ("انفجار" / "انتحاري", "قصف" / "غاز الكلور", "معارك" / "استعادت السيطرة"),
or its toll told later with casualty words alone ("ارتفعت حصيلة القتلى إلى 220") become one
event: the telling that says most of it absorbs the others (:meth:`Draft.absorb`: the
richest place, actor, source, time and counts, and every evidence sentence).

Distinct events stay apart: other places, other days, counts that differ, another actor,
words that mark a new one ("غارة ثانية", "خمسة مدنيين آخرين", "ضربت إحداها"), a total and
the parts that break it down.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rasd.events.draft import Draft
from rasd.nlp.actors import ActorLexicon
from rasd.records import PlaceMention, Quantity
from rasd.text.normalize import normalize_key, proclitic_splits

__all__ = ["contains_place", "merge_duplicates", "same_event"]

_SECONDARY_KINDS = {"signatories"}
_ANOTHER = {"ثانيه", "الثانيه", "ثاني", "الثاني", "جديده", "جديد", "الجديده", "اخري", "اخر", "ثالثه", "الثالثه",
            "احداها", "احدها", "احداهما", "بعضها"}  # "موجة ثانية", "ضربت إحداها قبواً": not the one just told
_OTHER_VICTIMS = {"اخرين", "اخرون", "اخريات"}  # "وقتل خمسة مدنيين آخرين": more victims, another event
_UPDATE = {"ارتفعت", "ارتفع", "ارتفاع", "ترتفع", "يرتفع", "حصيله"}  # "ارتفعت حصيلة القتلى إلى 18"
# (generic, specific): one sentence telling both words tells one event of the specific type
_SPECIFIC = {("explosion", "suicide_bombing"), ("shelling", "chemical_attack"), ("airstrike", "chemical_attack"),
             ("armed_clash", "territory_captured")}
# ... and these also across sentences ("فجر انتحاري حزامه" ... "وأسفر الانفجار عن")
_SPECIFIC_ANYWHERE = {("explosion", "suicide_bombing")}
# attacks whose toll another sentence may tell with casualty words alone
_TOLL_TYPES = {"airstrike", "shelling", "chemical_attack", "explosion", "suicide_bombing", "armed_clash"}
_LEVEL_CODES = {"admin1": "admin1", "admin2": "admin2", "admin3": "admin3", "community": "pcode"}
_FOLD_DISTANCE = 3  # sentences between an attack and a toll of it that does not say it updates one
_EPISODE_DAYS = 7  # a time longer than this is a campaign or a war, not one attack


def merge_duplicates(drafts: list[Draft], actors: ActorLexicon, published: dt.date | None = None) -> list[Draft]:
    """Fold re-tellings of the same event into one draft with the richest fields of each.

    The telling that says most of the event is kept (the first of equals; who tells it does
    not count, a source is taken from any telling) and absorbs the others. Tolls told with
    casualty words alone come last, to fold into the attack they count. The parts of a
    breakdown stay apart. A draft without a date is taken to be of the week before ``published``.
    """
    parents = {d.parent for d in drafts if d.parent is not None}
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.casualty_only, -d.richness(source=False))):
        index = _target(kept, draft, parents, actors, published)
        if index is None:
            kept.append(draft)
        else:
            kept[index] = _merge(kept[index], draft, parents)
    return sorted(kept, key=lambda d: (d.view.sentence.start, d.key))


def _target(kept: list[Draft], draft: Draft, parents: set[int], actors: ActorLexicon,
            published: dt.date | None) -> int | None:
    """Index of the kept draft ``draft`` re-tells: one told in the same sentence ("فجر انتحاري
    نفسه" beside its "تفجير"), else the richest; for a toll, the nearest attack."""
    if draft.parent is not None:
        return None
    found = [i for i, k in enumerate(kept) if _mergeable(k, draft, parents, actors, published)]
    if draft.casualty_only:
        return min(found, key=lambda i: abs(kept[i].view.index - draft.view.index), default=None)
    return min(found, key=lambda i: (draft.evidence.start not in _sentences(kept[i]), i), default=None)


def _sentences(draft: Draft) -> set[int]:
    """Where the sentences that tell the draft start."""
    return {draft.evidence.start} | {m.start for m in draft.mentions}


def _mergeable(kept: Draft, draft: Draft, parents: set[int], actors: ActorLexicon, published: dt.date | None) -> bool:
    if kept.parent is not None or (kept.key in parents and draft.key in parents):
        return False  # a part of a total, or two totals each with its own parts
    return same_event(kept, draft, actors, published)


def _merge(target: Draft, other: Draft, parents: set[int]) -> Draft:
    """``target`` absorbing ``other``, typed by the more specific word; a total keeps its key for its parts."""
    event_type = _merged_type(target, other)
    if other.key in parents:
        target, other = other, target
    merged = target.absorb(other, update=_updates(other, target))
    return replace(merged, type=event_type)


def same_event(a: Draft, b: Draft, actors: ActorLexicon, published: dt.date | None = None) -> bool:
    """True when ``b`` tells again the event ``a`` (as rich or richer) tells.

    Their types agree (the same type in two sentences; a generic and a specific word in one
    sentence, or an explosion and a suicide bombing anywhere; casualty words within three
    sentences of an attack), nothing marks either as another event ("موجة ثانية", "خمسة
    مدنيين آخرين", "ضربت إحداها"), and what both say agrees: the place (the same; one holding
    the other when they share a sentence, a count, a calendar day or a toll; only the country
    in ``b``), the actor, the day (no date: the week before ``published``) and the counts (each
    kind counted by both the same, one kind at least in common). A later sentence raising the
    toll ("ارتفعت حصيلة القتلى إلى 18") may change the count and come days later.
    """
    if _merged_type(a, b) is None or _another(a) or _another(b):
        return False
    if (a.hit and a.hit.unasserted) != (b.hit and b.hit.unasserted):
        return False  # a denial of an attack is not a re-telling of it
    fold = _folds(a, b) or _folds(b, a)
    update = _updates(a, b) or _updates(b, a)
    if fold and not update and abs(a.view.index - b.view.index) > _FOLD_DISTANCE:
        return False
    return (
        _places_agree(a, b, loose=fold or _counts_equal(a, b) or _same_day(a, b))
        and _actors_agree(a, b, actors)
        and (update or _times_agree(a, b, published))
        and (update or fold or _counts_agree(a, b))
    )


def _merged_type(a: Draft, b: Draft) -> str | None:
    """The type of ``a`` and ``b`` as one event, or None when they cannot be one."""
    same_sentence = a.view.index == b.view.index
    if a.type == b.type:
        return None if same_sentence else a.type  # one sentence's drafts of a type were split on purpose
    pairs = _SPECIFIC if same_sentence else _SPECIFIC_ANYWHERE
    specific = next((s for g, s in pairs if {a.type, b.type} == {g, s}), None)
    if specific is not None or same_sentence:
        return specific
    if _folds(a, b):
        return b.type
    return a.type if _folds(b, a) else None


def _folds(toll: Draft, attack: Draft) -> bool:
    """True when ``toll`` (casualty words alone, in another sentence) may count the attack ``attack``."""
    return (toll.casualty_only and attack.type in _TOLL_TYPES and not attack.aggregate
            and toll.view.index != attack.view.index and not _long(toll) and not _long(attack)
            and not _day_of_spell(toll, attack))


def _day_of_spell(toll: Draft, attack: Draft) -> bool:
    """True when the toll names one day and the attack spans several ("قتل 46 مدنيا الخميس" after
    "القصف ... منذ الأحد"): a day's toll of a bombardment is that day's event, as ACLED codes days."""
    x, y = toll.time, attack.time
    if x is None or y is None or None in (x.date_start, x.date_end, y.date_start, y.date_end):
        return False
    return x.basis != "published" and x.date_start == x.date_end and y.date_end > y.date_start


def _long(draft: Draft) -> bool:
    """True when the draft's time spans more than an episode ("منذ 2011")."""
    time = draft.time
    if time is None or time.date_start is None or time.date_end is None:
        return False
    return (time.date_end - time.date_start).days > _EPISODE_DAYS


def _updates(new: Draft, old: Draft) -> bool:
    """True when ``new``, told after ``old``, raises its toll: a later sentence saying the toll
    rose, to no fewer dead than ``old`` counts."""
    if new.view.index <= old.view.index or not _is_update(new):
        return False
    before, after = _counts(old).get("killed"), _counts(new).get("killed")
    return before is None or (after is not None and before.low <= after.low)


def _is_update(draft: Draft) -> bool:
    """True when the draft's sentence raises the toll of one attack ("ارتفعت حصيلة الضحايا إلى 18
    قتيلاً"); a campaign's tolls ("ارتفاع تعداد القتلى ... إلى 496") are its own counts."""
    if draft.aggregate or (draft.type not in _TOLL_TYPES and not draft.casualty_only):
        return False
    if not any(q.kind in ("killed", "injured") and q.low is not None for q in draft.quantities):
        return False
    return any(stem in _UPDATE for w in draft.view.words for _, stem in proclitic_splits(w.norm))


def _another(draft: Draft) -> bool:
    """True when the text marks the event as not the one told before: "موجة ثانية", "هجوم جديد",
    "غارات أخرى", "ضربت إحداها", "وقتل خمسة مدنيين آخرين"."""
    if draft.hit is None:
        return False
    view, hit = draft.view, draft.hit
    if any(w.norm in _ANOTHER for w in view.words[max(hit.first - 2, 0) : hit.last + 3]):
        return True
    main = draft.main_quantity
    if main is None or not view.sentence.start <= main.start < view.sentence.end:
        return False
    first, last = view.word_at(main.start), view.word_at(max(main.end - 1, main.start))
    return any(w.norm in _OTHER_VICTIMS for w in view.words[first : last + 2])


def _places_agree(a: Draft, b: Draft, loose: bool) -> bool:
    """The same place, or none of its own on one side; the country of ``a``'s place in ``b`` (the
    poorer telling); with ``loose`` (one sentence, one count, a toll) an area holds its towns."""
    x, y = _own_place(a), _own_place(b)
    if x is None or y is None or _same_place(x, y):
        return True
    if contains_place(x, y) or contains_place(y, x):
        return loose or (_level(y) == "country" and contains_place(y, x))
    same_sentence = a.view.index == b.view.index
    return same_sentence and x.place is not None and y.place is not None and x.place.admin1 == y.place.admin1


def _own_place(draft: Draft) -> PlaceMention | None:
    return None if draft.place_inferred else draft.place


def _level(mention: PlaceMention) -> str | None:
    return mention.place.level if mention.place else None


def _same_place(x: PlaceMention, y: PlaceMention) -> bool:
    """One place: the same gazetteer entry, the same area at the same level, or the same name."""
    a, b = x.place, y.place
    if a is not None and b is not None:
        if a.id == b.id or (a.pcode is not None and a.pcode == b.pcode):
            return True
        code = _LEVEL_CODES.get(a.level)
        if a.level == b.level and code and getattr(a, code) is not None and getattr(a, code) == getattr(b, code):
            return True
    return normalize_key(x.text) == normalize_key(y.text)


def contains_place(big: PlaceMention, small: PlaceMention) -> bool:
    """True when ``big`` is a country or an admin area that holds the smaller place ``small``
    ("سوريا" holds "محافظة إدلب", "ريف إدلب" holds "خان شيخون")."""
    a, b = big.place, small.place
    if a is None or b is None or a.id == b.id:
        return False
    if a.level == "country":
        return b.level != "country" and b.country == a.country
    code = _LEVEL_CODES.get(a.level)
    return (a.level != "community" and code is not None and getattr(a, code) is not None
            and getattr(a, code) == getattr(b, code) and b.precision < a.precision)


def _actors_agree(a: Draft, b: Draft, actors: ActorLexicon) -> bool:
    """No actor on one side, the same curated actor, one name inside the other ("قوات النظام"),
    or a perpetrator that the sources dispute: the same place, each telling on the word of its
    own source ("قالت صحيفة ... إن النظام شن الهجوم على دوما" beside another source's account)."""
    x, y = a.actor, b.actor
    if x is None or y is None:
        return True
    known = actors.canonical(x.text)
    if known is not None and known == actors.canonical(y.text):
        return True
    tx, ty = normalize_key(x.text), normalize_key(y.text)
    return tx in ty or ty in tx or _disputed(a, b)


def _disputed(a: Draft, b: Draft) -> bool:
    """True when the two tellings place the event at the same place but name their actors on the
    word of different sources, one at least quoted in its own sentence."""
    x, y = a.source, b.source
    explicit = (x is not None and x.explicit) or (y is not None and y.explicit)
    if not explicit or (x.source if x else None) == (y.source if y else None):
        return False
    return a.place is not None and b.place is not None and _same_place(a.place, b.place)


def _times_agree(a: Draft, b: Draft, published: dt.date | None) -> bool:
    """False when the drafts' dates do not overlap; a draft without a date stands for the
    week before publication ("11 مارس الماضي" is not the attack reported today)."""
    x, y = _dates(a, published), _dates(b, published)
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def _same_day(a: Draft, b: Draft) -> bool:
    """Both sentences give a calendar date, the same ("منذ 20 كانون الثاني/يناير")."""
    x, y = _own_date(a), _own_date(b)
    return x is not None and x == y


def _own_date(draft: Draft) -> dt.date | None:
    time, sentence = draft.time, draft.view.sentence
    if time is None or time.basis != "explicit" or time.start is None:
        return None
    return time.date_start if sentence.start <= time.start < sentence.end else None


def _dates(draft: Draft, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The draft's dates; for no time or an unresolved one ("قبل ساعات"), the week before publication."""
    time = draft.time
    if time is None or time.date_start is None:
        return (published - dt.timedelta(days=_EPISODE_DAYS), published) if published else None
    return time.date_start, time.date_end or time.date_start


def _counts(draft: Draft) -> dict[str | None, Quantity]:
    """The first count with a number of each kind (signatory counts aside)."""
    found: dict[str | None, Quantity] = {}
    for quantity in draft.quantities:
        if quantity.kind not in _SECONDARY_KINDS and quantity.low is not None:
            found.setdefault(quantity.kind, quantity)
    return found


def _counts_agree(a: Draft, b: Draft) -> bool:
    """Every kind counted by both has the same count, and when both count, one kind is shared
    ("35 هجمة" on a town is not the "22 قتيلاً" of the day's strikes)."""
    x, y = _counts(a), _counts(b)
    shared = x.keys() & y.keys()
    if x and y and not shared:
        return False
    return all(_same_count(x[kind], y[kind]) for kind in shared)


def _counts_equal(a: Draft, b: Draft) -> bool:
    """Both count the same number of the same kind first ("ثمانية مدنيين" / "ثمانية")."""
    x, y = _numbers(a), _numbers(b)
    return x is not None and y is not None and x.kind == y.kind and _same_count(x, y)


def _numbers(draft: Draft) -> Quantity | None:
    """The draft's main count with a number (signatory counts aside), or None."""
    return next(iter(_counts(draft).values()), None)


def _same_count(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.min, a.max) == (b.value, b.min, b.max)
