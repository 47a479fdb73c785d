"""According to whom: the quoted source and speaker of a sentence, and factuality.

The source is the name next to a reporting verb or phrase ("قال X", "وفق ما أفاد
X", "بحسب X", "X قال"), given as the name ("للمرصد" -> "المرصد"). A person with an
affiliation ("X، الناطق باسم Y", "مدير Y X", "المتحدث باسم Y، X،") gives the speaker X
and the source Y. A source noun with its group ("مصدر في المعارضة", "المصدر السوري")
is one name. "نقلت X عن Y": the one quoted, Y, is the source, not the outlet that
relays it. Of two sources named together, an independent one is preferred to a
party ("قالت الوحدات الكردية والمرصد السوري"). A sentence without its own source
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
from rasd.nlp.lexmatch import skip_proclitics, word_stems
from rasd.records import EntityMention

__all__ = ["SentenceSource", "factuality_of", "find_source", "find_sources", "source_for"]

_REPORTING = ("report", "continuation", "according", "claimed")  # the cue classes that name a source
_RELAY = {"نقل", "نقلت", "ينقل", "تنقل", "نقلا"}
_THAT = {"ان", "انه", "انها", "بان", "انهم", "انهما"}
_AFFILIATION = ("باسم", "مدير", "رئيس", "مسؤول", "قائد", "المتحدث", "الناطق", "عضو", "مندوب", "وزير", "سفير")
_TITLES = {"باسم", "مدير", "مديره", "رئيس", "رئيسه", "قائد", "مسوول", "عضو", "امين", "المسوول", "مندوب", "مندوبه"}
_CLAUSE = {"ان", "انه", "انها", "بان", "قوله", "قولها", "في", "من", "علي", "الي", "عن", "قد", "لـ", "الذي", "التي"}
_LAM = ("وفقا", "طبقا", "تبعا", "نقلا")
_RANKS = {"العقيد", "اللواء", "العميد", "المقدم", "الرايد", "النقيب", "الملازم", "العماد", "الجنرال", "الكولونيل",
          "اللفتنانت", "كولونيل", "الميجر", "الميجور", "الرقيب", "الشيخ", "الدكتور", "د", "السيد", "السيده"}


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
    cues = [cue for cue in view.cues if cue.value.cls in _REPORTING]
    if not cues:
        return []  # most sentences: no reporting cue, and no need to read their names
    names = _names(view, actors)
    found = []
    for cue in cues:
        relay = view.words[cue.first].norm.lstrip("و") in _RELAY
        after = [n for n in names if cue.first < n[0] <= cue.last + (8 if relay else 4) and n[1] > cue.last
                 and not any(w.norm in _THAT for w in view.words[cue.last + 1 : n[0]])]
        if relay and len(after) > 1 and _after_an(view, after[1][0]):
            after = after[1:]  # "نقلت وكالة سانا عن مصدر عسكري": the source is the one quoted
        before = [n for n in names if cue.first - 4 <= n[1] < cue.first]
        if cue.value.cls == "continuation":
            before = []  # "أكد X ... وأضاف أن": the speaker goes on; a name before "وأضاف" is not it
            if not after and found:
                found.append(replace(found[-1], cue=cue.first, whole=not _opens_clause(view, cue.last)))
                continue
        after = after or _counted_speakers(view, cue.last)
        ordered = _independent(view, after, names, actors)
        candidates = ordered[:1] or before[-1:]
        if not candidates:
            continue
        whole = cue.value.cls == "according" or not _opens_clause(view, cue.last) or _relative(view, cue.first)
        source = _with_affiliation(view, candidates[0], names)
        if ordered is not after:  # the party named with the source is no actor of the event either
            source = replace(source, words=source.words | set(range(after[0][0], after[0][1] + 1)))
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


def _counted_speakers(view: SentenceView, last: int) -> list:
    """"قال أربعة أطباء ومسعفين إن": people counted right after the reporting verb are its source."""
    for quantity in view.quantities:
        if quantity.unit is not None and view.word_at(quantity.start) == last + 1 and quantity.kind is None:
            end = view.word_at(max(quantity.end - 1, quantity.start))
            return [(last + 1, end, "COUNT", None, quantity.text)]
    return []


def _independent(view: SentenceView, after: list, names: list, actors: ActorLexicon) -> list:
    """``after`` with an independent source first when a party is named first and the independent
    one is listed with it: "قالت الوحدات الكردية والمرصد السوري إن" -> the observatory."""
    if not after:
        return after
    listed = next((n for n in names if n[0] > after[0][1] and view.words[n[0]].norm.startswith("و")), None)
    if listed is None:
        return after
    gap = view.words[after[0][1] + 1 : listed[0]]
    if len(gap) > 1 or any(not (w.norm.startswith("ال") and w.norm.endswith(("ي", "يه"))) for w in gap):
        return after
    first, second = actors.info(after[0][3]), actors.info(listed[3])
    if first is not None and first.party and (second is None or not second.party):
        return [listed] + after
    return after


def _after_an(view: SentenceView, index: int) -> bool:
    return index > 0 and view.words[index - 1].norm == "عن"


def _opens_clause(view: SentenceView, last: int) -> bool:
    """True when "أن / إن" follows the reporting verb within five words."""
    return any(w.norm in _THAT for w in view.words[last + 1 : last + 6])


def _names(view: SentenceView, actors: ActorLexicon) -> list[tuple[int, int, str, str | None, str]]:
    """(first word, last word, label, actor id, text) of every name in the sentence, left to right."""
    names = _source_phrases(view, actors)
    taken: set[int] = {i for n in names for i in range(n[0], n[1] + 1)}
    for hit in view.actors:
        if hit.adjective or any(i in taken for i in range(hit.first, hit.last + 1)):
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
        text = _bare_entity(view, first, entity.text)
        names.append((first, last, entity.label, actors.canonical(text), text))
        taken.update(range(first, last + 1))
    names.sort()
    return names


def _source_phrases(view: SentenceView, actors: ActorLexicon) -> list[tuple[int, int, str, str | None, str]]:
    """Source nouns with the group they speak for: "مصدر في المعارضة", "مسؤول من الحشد الشعبي",
    "المصدر السوري" (a nisba adjective after the noun)."""
    found = []
    words, roles = list(view.words), actors.roles
    for index in roles.openings(words, "source_head"):
        size = roles.starts_at(words, index, "source_head")
        if not size or (found and index <= found[-1][1]):
            continue
        last = _owner_end(view, index + size, actors)
        if last is None:
            continue
        prefix = next((p for p, stem in word_stems(words[index].norm) if roles.starts_at([words[index]._replace(
            norm=stem)] + words[index + 1 : index + size], 0, "source_head")), "")
        text = _text(view, index, last, prefix)
        found.append((index, last, "SOURCE", actors.canonical(text), text))
    return found


def _owner_end(view: SentenceView, position: int, actors: ActorLexicon) -> int | None:
    """The last word of the group named at ``position`` after a source noun ("في المعارضة", "السوري")."""
    words = view.words
    if position >= len(words):
        return None
    if words[position].norm in ("في", "من", "لدي", "داخل"):
        hit = next((a for a in view.actors if a.first == position + 1 and not a.adjective), None)
        entity = next((e for e in view.entities if view.word_at(e.start) == position + 1 and e.label == "ORG"), None)
        if hit is not None:
            return hit.last
        return view.word_at(max(entity.end - 1, entity.start)) if entity is not None else None
    last = None
    while position < len(words) and _nisba(words[position].norm) and position - (last or position) <= 1:
        last, position = position, position + 1
    return last


def _nisba(norm: str) -> bool:
    return norm.startswith("ال") and norm.endswith(("ي", "يه")) and len(norm) > 4 and norm not in ("الذي", "التي")


def _bare_entity(view: SentenceView, first: int, text: str) -> str:
    """An entity's text as a name: without "لل" ("للدفاع" -> "الدفاع") or the lam of "وفقاً لـ"."""
    if text.startswith("لل") and len(text) > 4:
        return "ا" + text[1:]
    if text.startswith("ل") and first > 0 and view.words[first - 1].norm in _LAM and len(text.split()[0]) > 3:
        return text[1:]
    return text


def _text(view: SentenceView, first: int, last: int, prefix: str) -> str:
    """The words ``first..last`` as a name: proclitics dropped, "لل" given back its article."""
    sentence = view.sentence
    start = skip_proclitics(sentence.text, view.words[first].start - sentence.start, prefix)
    text = sentence.text[start : view.words[last].end - sentence.start]
    return "ا" + text[1:] if prefix.endswith("لل") and text.startswith("لل") else text


def _with_affiliation(view: SentenceView, name, names) -> SentenceSource:
    """A person followed by "، الناطق باسم Y" gives speaker and source."""
    first, last, label, actor_id, text = name
    words = set(range(first, last + 1))
    if label != "PER":
        speaker = _titled_speaker(view, first, last, names)
        if speaker is not None:
            words.update(range(speaker[0], speaker[1] + 1))
            return SentenceSource(text, view.text(*speaker), actor_id, frozenset(words))
        return SentenceSource(text, None, actor_id, frozenset(words))
    window = " ".join(w.norm for w in view.words[last + 1 : last + 4])
    if any(cue in window for cue in _AFFILIATION):
        following = [n for n in names if last < n[0] <= last + 8 and n[2] != "PER"]
        if following:
            org = following[0]
            words.update(range(org[0], org[1] + 1))
            return SentenceSource(org[4], text, org[3], frozenset(words))
    return SentenceSource(text, text, actor_id, frozenset(words))


def _titled_speaker(view: SentenceView, first: int, last: int, names) -> tuple[int, int] | None:
    """"المتحدث باسم Y (في إدلب)، X،" / "مدير Y X": the person X after a group Y that a title names.

    Ranks ("العقيد", "اللفتنانت كولونيل") before the name are left out.
    """
    if first == 0 or not _TITLES & {view.words[first - 1].norm, view.words[max(first - 2, 0)].norm}:
        return None
    position = last + 1
    comma = next((i for i in range(last + 1, min(last + 5, len(view.words))) if "،" in _gap(view, i)), None)
    if comma is not None and view.words[last + 1].norm in ("في", "من") or comma == last + 1:
        position = comma
    person = next((n for n in names if n[2] == "PER" and position <= n[0] <= position + 3), None)
    if person is not None and not any(w.norm in _RANKS for w in view.words[person[0] : person[1] + 1]):
        return person[0], person[1]
    while position < len(view.words) and view.words[position].norm in _RANKS:
        position += 1
    return _name_words(view, position)


def _name_words(view: SentenceView, position: int) -> tuple[int, int] | None:
    """Two or three words of a person's name from ``position`` (the first without an article)."""
    words = view.words
    if position >= len(words) or words[position].norm.startswith(("ال", "و")) or words[position].norm in _CLAUSE:
        return None
    last = position
    while last + 1 < len(words) and last - position < 2 and not _gap(view, last + 1).strip():
        following = words[last + 1].norm
        if following in _CLAUSE or following.startswith("و") or not following.isalpha():
            break
        last += 1
    return (position, last) if last > position else None


def _gap(view: SentenceView, index: int) -> str:
    """The text between word ``index - 1`` and word ``index`` (spaces, punctuation)."""
    start = view.words[index - 1].end - view.sentence.start
    return view.sentence.text[start : view.words[index].start - view.sentence.start].replace(" ", "")


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
