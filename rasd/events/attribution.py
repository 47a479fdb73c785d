"""According to whom: the quoted source and speaker of a sentence, and factuality.

The source is the name next to a reporting verb or phrase ("قال X", "وفق ما أفاد
X", "بحسب X", "X قال"). A person with an affiliation ("X، الناطق باسم Y", "مدير Y
X") gives the speaker X and the source Y. A sentence without its own source
takes the previous one when it continues a statement ("وأضاف", "وكذلك") or
belongs to the same paragraph as a quoted statement.

Factuality: "claimed" when a party to the conflict says so (or the sentence
accuses, alleges or claims), "reported" when a monitor, agency or witness says
so, else "asserted" (the outlet's own voice).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.context import SentenceView
from rasd.nlp.actors import ActorLexicon
from rasd.records import EntityMention

__all__ = ["SentenceSource", "find_source", "factuality_of"]

_AFFILIATION = ("باسم", "مدير", "رئيس", "مسؤول", "قائد", "المتحدث", "الناطق", "عضو", "مندوب", "وزير", "سفير")
_PARTY_KINDS = {"state forces", "rebel group", "political militia", "identity militia", "external/other"}


@dataclass(frozen=True, slots=True)
class SentenceSource:
    """Who a sentence is attributed to; ``words`` are the word indices the names cover."""

    source: str | None
    speaker: str | None
    actor_id: str | None
    words: frozenset[int]
    explicit: bool = True


def find_source(view: SentenceView, actors: ActorLexicon) -> SentenceSource | None:
    """The source named next to a reporting cue in the sentence, or None."""
    names = _names(view, actors)
    for cue in view.cues:
        if cue.value.cls not in ("report", "continuation"):
            continue
        after = [n for n in names if cue.last < n[0] <= cue.last + 4]
        before = [n for n in names if cue.first - 4 <= n[1] < cue.first]
        candidates = after[:1] or before[-1:]
        if candidates:
            return _with_affiliation(view, candidates[0], names)
    return None


def _names(view: SentenceView, actors: ActorLexicon) -> list[tuple[int, int, str, str | None, str]]:
    """(first word, last word, label, actor id, text) of every name in the sentence, left to right."""
    names = []
    taken: set[int] = set()
    for hit in view.actors:
        if hit.adjective:
            continue
        info = actors.info(hit.actor)
        label = "SOURCE" if info and info.kind == "source" else "ACTOR"
        names.append((hit.first, hit.last, label, hit.actor, _text(view, hit.first, hit.last, hit.prefix)))
        taken.update(range(hit.first, hit.last + 1))
    for entity in view.entities:
        if entity.label not in ("PER", "ORG"):
            continue
        first, last = view.word_at(entity.start), view.word_at(max(entity.end - 1, entity.start))
        if any(i in taken for i in range(first, last + 1)):
            continue
        names.append((first, last, entity.label, actors.canonical(entity.text), entity.text))
        taken.update(range(first, last + 1))
    names.sort()
    return names


def _text(view: SentenceView, first: int, last: int, prefix: str) -> str:
    from rasd.nlp.lexmatch import skip_proclitics

    sentence = view.sentence
    start = skip_proclitics(sentence.text, view.words[first].start - sentence.start, prefix)
    return sentence.text[start : view.words[last].end - sentence.start]


def _with_affiliation(view: SentenceView, name, names) -> SentenceSource:
    """A person followed by "، الناطق باسم Y" gives speaker and source."""
    first, last, label, actor_id, text = name
    words = set(range(first, last + 1))
    if label != "PER":
        return SentenceSource(text, None, actor_id, frozenset(words))
    window = " ".join(w.norm for w in view.words[last + 1 : last + 4])
    if any(cue in window for cue in _AFFILIATION):
        following = [n for n in names if last < n[0] <= last + 8 and n[2] != "PER"]
        if following:
            org = following[0]
            words.update(range(org[0], org[1] + 1))
            return SentenceSource(org[4], text, org[3], frozenset(words))
    return SentenceSource(text, text, actor_id, frozenset(words))


def factuality_of(view: SentenceView, source: SentenceSource | None, actors: ActorLexicon, alleged: bool) -> str:
    """claimed, reported or asserted for an event stated in this sentence."""
    if any(c.value.cls == "claimed" for c in view.cues):
        return "claimed"
    if source is None:
        return "reported" if alleged else "asserted"
    info = actors.info(source.actor_id)
    if info is not None and (info.kind in _PARTY_KINDS or (info.kind == "source" and info.country)):
        return "claimed"
    return "reported"


def entity_words(view: SentenceView, entity: EntityMention) -> range:
    """Word indices an entity covers in the sentence."""
    return range(view.word_at(entity.start), view.word_at(max(entity.end - 1, entity.start)) + 1)
