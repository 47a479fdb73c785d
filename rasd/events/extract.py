"""Event extraction over one analysed article: the ``rasd.events.rules`` extractor.

Steps: sentence views -> trigger hits (typed, context-checked) -> sources ->
drafts per sentence (and breakdowns of totals) -> places filled from the
paragraph or the article's main place where the sentence names none -> parts
linked to wholes -> duplicates merged -> :class:`~rasd.records.Event` records
with stable ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from itertools import count

from rasd.events.attribution import SentenceSource, find_sources
from rasd.events.build import build_sentence_drafts
from rasd.events.context import SentenceView, build_views
from rasd.events.draft import Draft
from rasd.events.lexicon import EventLexicon
from rasd.events.link import breakdown_drafts, link_subsets
from rasd.events.merge import merge_duplicates
from rasd.events.triggers import find_trigger_hits, modes_of
from rasd.nlp.actors import ActorLexicon
from rasd.records import Analysis, Attribution, Event, Location, PlaceMention, TimeExpression

__all__ = ["EXTRACTOR", "extract_events"]

EXTRACTOR = "rasd.events.rules.v1"
_SELF_SOURCED = {"religious_ruling"}
_FINAL = (".", "!", "?", "؟", ":", "\"", "”", "»", ")", "…")
_QUESTION = ("?", "؟")
_PART = {"احداها", "احدها", "احدي", "احد", "بعضها", "احداهما"}
_ANAPHORA = {"الحادث", "الحادثه", "الواقعه", "العمليه", "ذلك"}


def extract_events(
    analysis: Analysis, lexicon: EventLexicon, actors: ActorLexicon, keep_unasserted: bool = False
) -> tuple[Event, ...]:
    """Every event the article states, as Event records (with ``keep_unasserted``, also those it
    denies, negates, plans or supposes, with that factuality)."""
    views = build_views(analysis, lexicon, actors)
    keys = count()
    drafts: list[Draft] = []
    previous: SentenceSource | None = None
    recent: list[tuple[int, tuple[str, ...]]] = []
    for view in views:
        sources = find_sources(view, actors)
        source = sources[0] if sources else None
        if source is None and previous is not None and _continues(view):
            source = replace(previous, words=frozenset(), explicit=False)
            sources = [source]
        modes: tuple[str, ...] = ()
        for _, found in reversed(recent):  # the sentence just before first, then further back
            modes += tuple(m for m in found if m not in modes)
        hits = find_trigger_hits(view, actors, modes)
        recent.append((view.index, modes_of(hits)))
        if _is_headline(view, views):
            continue
        sentence_drafts = build_sentence_drafts(view, hits, sources, actors, keys, keep_unasserted)
        own_source = source if source is not None and source.explicit else None
        breakdown = breakdown_drafts(view, drafts, own_source, keys, sentence_drafts)
        if breakdown is not None:
            drafts = _with_total(drafts, breakdown.total)
            kept = [d for d in _with_total(sentence_drafts, breakdown.total) if d.key not in breakdown.replaced]
            sentence_drafts = kept + list(breakdown.children)
        elif _follows_up(view, sentence_drafts, drafts):
            drafts[-1] = _with_toll(drafts[-1], sentence_drafts[0])
            continue
        drafts += sentence_drafts
        if source is not None:
            previous = source
    drafts = _place_totals(drafts)
    drafts = _fill_places(drafts, views, analysis)
    drafts = link_subsets(drafts)
    drafts = _carry_times(drafts, views)
    drafts = merge_duplicates(drafts, actors, analysis.article.published)
    return _to_events(drafts, analysis, actors)


def _is_headline(view: SentenceView, views: list[SentenceView]) -> bool:
    """A short line standing alone without final punctuation: a sub-heading or a related-story link.

    Its events are told in the body (or belong to another article), so none is coded from it.
    """
    text = view.sentence.text.rstrip()
    return view.alone and len(view.words) <= 14 and not text.endswith(_FINAL)


def _with_total(drafts: list[Draft], total: Draft) -> list[Draft]:
    """``drafts`` with the draft of the total's key replaced by the total."""
    return [total if d.key == total.key else d for d in drafts]


def _follows_up(view: SentenceView, new: list[Draft], drafts: list[Draft]) -> bool:
    """A death toll told about the event just before completes it instead of making another.

    "وأفادت تقارير بمقتل طيار واحد في الحادث" and "وأسفر التفجير عن مقتل 14 عنصرا" (a
    definite "the explosion", no place of its own) add their count to the last event.
    """
    if len(new) != 1 or new[0].hit is None or not drafts or new[0].place is not None:
        return False
    draft, last = new[0], drafts[-1]
    if view.index - last.view.index > 2 or last.quantities or any(w.norm in _PART for w in view.words):
        return False
    if not any(q.kind in ("killed", "injured") for q in draft.quantities):
        return False
    if draft.hit.trigger.type == "casualty_killed":
        return any(w.norm in _ANAPHORA for w in view.words)
    definite = draft.hit.prefix.endswith("ال") or view.words[draft.hit.first].norm.startswith("ال")
    return draft.type == last.type and definite and draft.hit.trigger.pos == "noun"


def _with_toll(draft: Draft, follow_up: Draft) -> Draft:
    """The event with the follow-up's death toll and evidence added."""
    return replace(draft, quantities=follow_up.quantities + draft.quantities,
                   mentions=draft.mentions + (follow_up.evidence,))


def _carry_times(drafts: list[Draft], views: list[SentenceView]) -> list[Draft]:
    """Times for drafts whose sentence gives none: a sentence that continues a statement ("وأضاف:
    نفذت 35 هجمة") tells of the time of the sentence just before it; one under a question
    sub-heading that gives a time ("كيف تطورت الأحداث منذ صباح السبت؟") of that time."""
    result = list(drafts)
    for index, draft in enumerate(result):
        if draft.time is not None:
            continue
        before = [d for d in result[:index] if d.view.index == draft.view.index - 1 and d.time is not None]
        time = before[0].time if before and _continues(draft.view) else _heading_time(draft.view, views)
        if time is not None:
            result[index] = replace(draft, time=time)
    return result


def _heading_time(view: SentenceView, views: list[SentenceView]) -> TimeExpression | None:
    """The time of the sub-heading the sentence stands under, when that sub-heading is a question
    ("كيف تطورت الأحداث منذ صباح السبت؟"); a plain one may be a related headline, and gives none."""
    for other in reversed(views[: view.index]):
        text = other.sentence.text.rstrip()
        if other.alone and len(other.words) <= 14 and text.endswith(_QUESTION):
            return next((t for t in other.times if t.date_start is not None), None)
        if _is_headline(other, views):
            return None
    return None


def _continues(view: SentenceView) -> bool:
    """True when the sentence opens with a continuation ("وأضاف", "وكذلك", "كما")."""
    return any(cue.value.cls == "continuation" and cue.first < 2 for cue in view.cues)


def _place_totals(drafts: list[Draft]) -> list[Draft]:
    """A total broken down by place takes the area holding all its parts (an admin1 named nearby)."""
    result = list(drafts)
    for index, draft in enumerate(result):
        children = [d for d in drafts if d.parent == draft.key and d.place and d.place.place]
        if not children:
            continue
        if draft.place and not draft.place_inferred:
            result[index] = replace(draft, aggregate=True)
            continue
        admin1 = {c.place.place.admin1 for c in children}
        if len(admin1) != 1:
            continue
        area = _admin1_mention(children[0].view.places, admin1.pop())
        if area is not None:
            result[index] = replace(draft, place=area, role=children[0].role, aggregate=True, place_inferred=False)
        else:
            result[index] = replace(draft, aggregate=True)
    return result


def _admin1_mention(places: tuple[PlaceMention, ...], admin1: str) -> PlaceMention | None:
    for place in places:
        if place.place is not None and place.place.level == "admin1" and place.place.admin1 == admin1:
            return place
    return None


def _fill_places(drafts: list[Draft], views: list[SentenceView], analysis: Analysis) -> list[Draft]:
    """Events whose sentence names no place take the paragraph's last place, else the article's main place."""
    main = _main_place(analysis)
    result = []
    for draft in drafts:
        if draft.place is None:
            place = _paragraph_place(draft, views) or main
            if place is not None and main is not None and _coarser_in(place, main):
                place = main  # "لسوريا" in the sentence before is coarser than the Ghouta the article is about
            if place is not None:
                draft = replace(draft, place=place, place_inferred=True, role=_inferred_role(draft))
        result.append(draft)
    return result


def _coarser_in(place: PlaceMention, main: PlaceMention) -> bool:
    """True when ``place`` is a whole country and ``main`` a place inside it."""
    outer, inner = place.place, main.place
    return (outer is not None and inner is not None and outer.level == "country"
            and inner.level != "country" and inner.country == outer.country)


def _inferred_role(draft: Draft) -> str:
    return "origin" if draft.type in ("displacement", "defection", "draft_evasion") else "site"


def _paragraph_place(draft: Draft, views: list[SentenceView]) -> PlaceMention | None:
    paragraph = draft.view.sentence.paragraph
    for view in reversed(views[: draft.view.index]):
        if view.sentence.paragraph != paragraph:
            return None
        resolved = [p for p in view.places if p.place is not None]
        if resolved:
            return resolved[-1]
    return None


def _main_place(analysis: Analysis) -> PlaceMention | None:
    """The place the article names most, counting the lead twice: a Syrian one when there is
    one (rasd's articles are mostly about Syria), else one of the country the article is about."""
    return _most_named(analysis, syrian=True) or _most_named(analysis, syrian=False)


def _most_named(analysis: Analysis, syrian: bool) -> PlaceMention | None:
    lead_end = analysis.sentences[0].end if analysis.sentences else 0
    counter: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    for mention in analysis.places:
        place = mention.place
        if place is None or place.level == "country" or (place.country == "SY") != syrian:
            continue
        key = place.pcode or place.admin3 or place.admin2 or place.admin1 or place.id
        counter[key] += 2 if mention.start < lead_end else 1
        first.setdefault(key, mention)
    if not counter:
        return None
    key, _ = counter.most_common(1)[0]
    return first[key]


def _to_events(drafts: list[Draft], analysis: Analysis, actors: ActorLexicon) -> tuple[Event, ...]:
    ids = {d.key: _event_id(analysis.article.doc_id, d) for d in drafts}
    events = []
    for draft in drafts:
        source = draft.source
        source_text = source.source if source else None
        if source_text is None and draft.type in _SELF_SOURCED and draft.actor is not None:
            source_text = draft.actor.text
        events.append(
            Event(
                event_id=ids[draft.key],
                type=draft.type,
                evidence=draft.evidence,
                aggregate=draft.aggregate,
                parent=ids.get(draft.parent) if draft.parent is not None else None,
                actors=tuple(_external(a, draft, actors) for a in draft.actors),
                quantities=draft.quantities,
                location=_location(draft),
                time=draft.time or _published_time(analysis),
                attribution=Attribution(analysis.article.outlet, source_text, source.speaker if source else None),
                factuality=draft.factuality,
                confidence=_confidence(draft),
                extractor=EXTRACTOR,
                mentions=draft.mentions,
            )
        )
    return tuple(events)


def _event_id(doc_id: str, draft: Draft) -> str:
    quantity = draft.main_quantity
    place = draft.place
    payload = "|".join(
        str(x) for x in (doc_id, draft.type, draft.view.sentence.start, quantity.start if quantity else "",
                         place.start if place else "", draft.role)
    )
    return "e" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _external(actor, draft: Draft, actors: ActorLexicon):
    """State forces acting outside their own country are ACLED's external/other forces."""
    if actor.kind != "state forces" or draft.place is None or draft.place.place is None:
        return actor
    info = actors.info(actors.canonical(actor.text))
    if info and info.country and info.country != draft.place.place.country:
        return replace(actor, kind="external/other")
    return actor


def _location(draft: Draft) -> Location | None:
    mention = draft.place
    if mention is None:
        return None
    place = mention.place
    precision = mention.precision
    if draft.place_inferred and precision is not None and precision < 2:
        precision = 2
    return Location(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        role=draft.role,
        pcode=place.pcode if place else None,
        name_ar=place.name_ar if place else None,
        name_en=place.name_en if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        admin3=place.admin3 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        precision=precision,
        country=(place.country or None) if place else None,  # a region over several countries: null
    )


def _published_time(analysis: Analysis) -> TimeExpression | None:
    published = analysis.article.published
    if published is None:
        return None
    return TimeExpression(text="", start=None, end=None, date_start=published, date_end=published,
                          precision="day", basis="published")


def _confidence(draft: Draft) -> float:
    score = 0.4 + 0.08 * draft.richness()
    if draft.place_inferred:
        score -= 0.05
    if draft.factuality == "claimed":
        score -= 0.05
    return max(0.05, min(0.95, score))
