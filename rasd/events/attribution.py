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

from dataclasses import dataclass, replace

from rasd.events.context import SentenceView
from rasd.nlp.actors import ActorLexicon
from rasd.records import EntityMention

__all__ = ["SentenceSource", "factuality_of", "find_source", "find_sources", "source_for"]

_RELAY = {"نقل", "نقلت", "ينقل", "تنقل", "نقلا"}
_THAT = {"ان", "انه", "انها", "بان", "انهم", "انهما"}
_AFFILIATION = ("باسم", "مدير", "رئيس", "مسؤول", "قائد", "المتحدث", "الناطق", "عضو", "مندوب", "وزير", "سفير")


@dataclass(frozen=True, slots=True)
class SentenceSource:
    """Who a sentence is attributed to; ``words`` are the word indices the names cover."""

    source: str | None
    speaker: str | None
    actor_id: str | None
    words: frozenset[int]
    explicit: bool = True
    cue: int = -1
    whole: bool = True
    self_report: bool = False

    def covers(self, position: int) -> bool:
        """Whether this source is the source of an event word at ``position`` in its sentence."""
        return self.whole or not self.explicit or position > self.cue


def find_sources(view: SentenceView, actors: ActorLexicon) -> list[SentenceSource]:
    """Every source named next to a reporting cue in the sentence, left to right.

    "بحسب / وفق X" gives X for the whole sentence; "قال / أكد / اتهم X" gives X for what
    follows the verb, and for what precedes it only when the verb opens no clause of its
    own ("..., قالت الوكالة." but not "هجوما ... تقول إنه يستهدف").
    """
    names = _names(view, actors)
    found = []
    for cue in view.cues:
        if cue.value.cls not in ("report", "continuation", "according", "claimed"):
            continue
        relay = view.words[cue.first].norm.lstrip("و") in _RELAY
        after = [n for n in names if cue.last < n[0] <= cue.last + (8 if relay else 4)
                 and not any(w.norm in _THAT for w in view.words[cue.last + 1 : n[0]])]
        if relay and len(after) > 1 and _after_an(view, after[1][0]):
            after = after[1:]  # "نقلت وكالة سانا عن مصدر عسكري": the source is the one quoted
        before = [n for n in names if cue.first - 4 <= n[1] < cue.first]
        if cue.value.cls == "continuation":
            before = []  # "أكد X ... وأضاف أن": the speaker goes on; a name before "وأضاف" is not it
            if not after and found:
                found.append(replace(found[-1], cue=cue.first, whole=not _opens_clause(view, cue.last)))
                continue
        candidates = after[:1] or before[-1:]
        if not candidates:
            continue
        whole = cue.value.cls == "according" or not _opens_clause(view, cue.last) or _relative(view, cue.first)
        source = _with_affiliation(view, candidates[0], names)
        found.append(replace(source, cue=cue.first, whole=whole, self_report=_about_itself(view, candidates[0])))
    return found


def find_source(view: SentenceView, actors: ActorLexicon) -> SentenceSource | None:
    """The first source of the sentence (see :func:`find_sources`), or None."""
    sources = find_sources(view, actors)
    return sources[0] if sources else None


def source_for(position: int, sources: list[SentenceSource]) -> SentenceSource | None:
    """The source of an event word at ``position``: the nearest source that covers it."""
    covering = [s for s in sources if s.covers(position)]
    if not covering:
        return None
    return min(covering, key=lambda s: abs(s.cue - position))


def _about_itself(view: SentenceView, name) -> bool:
    """True for "قالت إسرائيل إنها ..." / "أعلنت X أنها ...": the source speaks of its own act."""
    following = view.words[name[1] + 1 : name[1] + 3]
    return any(w.norm in ("انها", "انه", "انهم", "بانها", "بانه", "بانهم") for w in following)


def _relative(view: SentenceView, first: int) -> bool:
    """True for "الغارة التي قال X إنها ...": the report speaks of the noun just before it."""
    return first > 0 and view.words[first - 1].norm in ("التي", "الذي", "اللتي")


def _after_an(view: SentenceView, index: int) -> bool:
    return index > 0 and view.words[index - 1].norm == "عن"


def _opens_clause(view: SentenceView, last: int) -> bool:
    """True when "أن / إن" follows the reporting verb within five words."""
    return any(w.norm in _THAT for w in view.words[last + 1 : last + 6])


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
    if info is not None and info.party:
        return "claimed"
    return "reported"


def entity_words(view: SentenceView, entity: EntityMention) -> range:
    """Word indices an entity covers in the sentence."""
    return range(view.word_at(entity.start), view.word_at(max(entity.end - 1, entity.start)) + 1)
