"""Everything the event rules look at in one sentence, computed once.

A :class:`SentenceView` holds the sentence's words (normalised, with spans into
the body), the trigger, modifier, cue and actor matches over those words, and
the mentions (places, entities, quantities, times) that fall inside it.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass

from rasd.events.lexicon import Cue, EventLexicon, Trigger
from rasd.nlp.actors import ActorHit, ActorLexicon
from rasd.nlp.lexmatch import Match, Word, find_all, split_words
from rasd.records import Analysis, EntityMention, PlaceMention, Quantity, Sentence, TimeExpression

__all__ = ["BodyMatches", "PERSON_UNITS", "SentenceView", "build_views", "match_body"]

PERSON_UNITS = frozenset({"people", "civilians", "fighters", "soldiers", "children", "women", "men", "youths"})
"""Units of counted nouns that count people (the rest count strikes, towns, days...)."""
_WEAPON_MODES = {"air", "artillery", "chemical", "explosive", "gunfire"}
_WEAPON_TYPES = {"attack", "airstrike", "shelling", "chemical_attack", "explosion", "killing"}


@dataclass(frozen=True)
class SentenceView:
    """One sentence and what was found in it."""

    index: int
    sentence: Sentence
    words: tuple[Word, ...]
    triggers: tuple[Match[Trigger], ...]
    modifiers: tuple[Match[tuple[str, ...]], ...]
    cues: tuple[Match[Cue], ...]
    actors: tuple[ActorHit, ...]
    entities: tuple[EntityMention, ...]
    places: tuple[PlaceMention, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    starts: tuple[int, ...] = ()  # the words' start offsets, for word_at
    alone: bool = False  # the only sentence of its paragraph

    def word_at(self, offset: int) -> int:
        """Index of the word that holds (or follows) a character offset of the body."""
        position = bisect.bisect_right(self.starts, offset) - 1
        return max(position, 0)

    def text(self, first: int, last: int) -> str:
        """The body text of words ``first..last``."""
        start, end = self.words[first].start, self.words[last].end
        return self.sentence.text[start - self.sentence.start : end - self.sentence.start]

    def modifier_classes(self, low: int, high: int) -> list[tuple[int, str]]:
        """(word index, class) of modifiers whose first word lies in ``low..high``."""
        return [(m.first, name) for m in self.modifiers if low <= m.first <= high for name in m.value]

    def has_modifier(self, name: str) -> bool:
        """Whether a modifier of this class occurs anywhere in the sentence."""
        return any(name in m.value for m in self.modifiers)


@dataclass(frozen=True)
class BodyMatches:
    """The words of a body and every lexicon match over them (word indices into ``words``)."""

    words: tuple[Word, ...]
    triggers: tuple[Match[Trigger], ...]
    modifiers: tuple[Match[tuple[str, ...]], ...]
    cues: tuple[Match, ...]
    actors: tuple[ActorHit, ...]


@functools.lru_cache(maxsize=4)
def match_body(body: str, lexicon: EventLexicon, actors: ActorLexicon) -> BodyMatches:
    """Split a body into words and run every lexicon over it once (memoised: several stages ask)."""
    words = split_words(body)
    triggers, modifiers, cues, names = find_all((lexicon.triggers, lexicon.modifiers, lexicon.cues, actors.index), words)
    return BodyMatches(
        words=tuple(words),
        triggers=tuple(triggers),
        modifiers=tuple(modifiers),
        cues=tuple(cues),
        actors=tuple(actors.find(words, matches=names)),
    )


def _slice(matches: tuple, firsts: list[int], low: int, high: int) -> tuple:
    """The matches lying within words ``low..high-1``, renumbered from the sentence's first word.

    ``matches`` are in text order and ``firsts`` are their first words (bisected, not scanned).
    """
    begin, stop = bisect.bisect_left(firsts, low), bisect.bisect_left(firsts, high)
    inside = [m for m in matches[begin:stop] if m.last < high]
    if not low or not inside:
        return tuple(inside)
    if type(inside[0]) is ActorHit:  # (first, last, ...); built with tuple.__new__, far cheaper than _replace
        return tuple(tuple.__new__(ActorHit, (m[0] - low, m[1] - low, *m[2:])) for m in inside)
    return tuple(tuple.__new__(Match, (m[0], m[1] - low, m[2] - low, *m[3:])) for m in inside)


def build_views(analysis: Analysis, lexicon: EventLexicon, actors: ActorLexicon) -> list[SentenceView]:
    """A view of every sentence of the body."""
    views = []
    body = match_body(analysis.article.body, lexicon, actors)
    starts = [w.start for w in body.words]
    entities, places, quantities = (_by_start(items) for items in (analysis.entities, analysis.places,
                                                                   analysis.quantities))
    times = _by_start(tuple(t for t in analysis.times if t.start is not None))
    paragraphs = Counter(s.paragraph for s in analysis.sentences)
    lists = {name: getattr(body, name) for name in ("triggers", "modifiers", "cues", "actors")}
    firsts = {name: [m.first for m in found] for name, found in lists.items()}
    for index, sentence in enumerate(analysis.sentences):
        low, high = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        while high > low and body.words[high - 1].end > sentence.end:
            high -= 1
        words = body.words[low:high]
        triggers = _slice(lists["triggers"], firsts["triggers"], low, high)
        actor_hits = _slice(lists["actors"], firsts["actors"], low, high)
        source_names = tuple(a for a in actor_hits if (info := actors.info(a.actor)) is not None and info.kind == "source")
        cues = tuple(m._replace(value=cue) for m in _slice(lists["cues"], firsts["cues"], low, high) for cue in m.value)
        fixed = tuple(c for c in cues if c.value.cls == "non_event")  # no weapon of "منشآت الأسلحة الكيماوية"
        fixed += _person_names(_inside(entities, sentence), starts[low:high], low)  # "شيروان بري" is no ground attack
        views.append(
            SentenceView(
                index=index,
                sentence=sentence,
                words=words,
                triggers=triggers,
                modifiers=_free_modifiers(_slice(lists["modifiers"], firsts["modifiers"], low, high), triggers,
                                          source_names + fixed),
                cues=cues,
                actors=actor_hits,
                entities=_inside(entities, sentence),
                places=_inside(places, sentence),
                quantities=_inside(quantities, sentence),
                times=_inside(times, sentence),
                starts=tuple(w.start for w in words),
                alone=paragraphs[sentence.paragraph] == 1,
            )
        )
    return views


def _person_names(entities, starts: list[int], low: int) -> tuple:
    """Spans (as word-index matches) of the persons named in a sentence: their words modify nothing."""
    spans = []
    for entity in entities:
        if entity.label != "PER":
            continue
        first = bisect.bisect_right(starts, entity.start) - 1
        last = bisect.bisect_right(starts, max(entity.end - 1, entity.start)) - 1
        spans.append(Match(None, max(first, 0), max(last, 0), entity.start, entity.end, ""))
    return tuple(spans)


def _free_modifiers(modifiers, triggers, actor_hits) -> tuple:
    """Modifiers outside longer non-weapon trigger phrases ("النار" in "وقف إطلاق النار") and outside
    the names of quoted bodies ("الكيميائية" in "منظمة حظر الأسلحة الكيميائية") and fixed phrases
    ("منشآت الأسلحة الكيماوية")."""
    inside = {
        i for t in triggers if t.last > t.first and t.value.type not in _WEAPON_TYPES for i in range(t.first, t.last + 1)
    }
    inside |= {i for a in actor_hits if not getattr(a, "adjective", False) for i in range(a.first, a.last + 1)}
    return tuple(m for m in modifiers if m.first not in inside or not set(m.value) & _WEAPON_MODES)


def _contains(sentence: Sentence, start: int, end: int | None) -> bool:
    return sentence.start <= start and (end or start) <= sentence.end


def _by_start(items) -> tuple[list[int], tuple]:
    ordered = tuple(sorted(items, key=lambda item: item.start))
    return [item.start for item in ordered], ordered


def _inside(indexed: tuple[list[int], tuple], sentence: Sentence) -> tuple:
    """The items (sorted by start) that lie within the sentence."""
    starts, items = indexed
    low, high = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    return tuple(item for item in items[low:high] if _contains(sentence, item.start, item.end))
