"""Curated conflict actors and quoted sources (``rasd/data/actors.tsv``).

Finds actor names in text ("قوات النظام السوري", "قسد", "المرصد السوري") and
nisba adjectives that name an actor after a noun ("غارة روسية" -> Russia), and
maps any actor text to its canonical id, so that "جيش الأسد" and "القوات
الحكومية" are known to be the same actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from rasd.events.lexicon import conjugate, read_tsv
from rasd.nlp.lexmatch import (
    PhraseIndex,
    Word,
    skip_proclitics,
    split_words,
    word_stems,
)
from rasd.records import EntityMention
from rasd.text.normalize import normalize_key

__all__ = ["ActorHit", "ActorInfo", "ActorLexicon", "RoleWords", "find_actor_mentions", "nisba_forms"]

ACLED_KINDS = (
    "state forces", "rebel group", "political militia", "identity militia", "rioters", "protesters", "civilians",
    "external/other",
)


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One curated actor: ACLED kind (or "source"), country, English name."""

    id: str
    kind: str | None
    country: str | None
    name_en: str
    default_attack: str | None
    party: bool = False


class ActorHit(NamedTuple):
    """An actor named by words ``first..last`` of a word list (``prefix``: the proclitics of the first)."""

    first: int
    last: int
    actor: str
    adjective: bool
    prefix: str


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: str
    weak: bool
    adjective: bool = False


_VERB_CLASSES = ("agent_verb", "suffered")
_PHRASE_CLASSES = ("by", "support", "source_head", "cooperate")
_PRONOUNS = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True)
class RoleWords:
    """Words around a name that tell its part in an event (``rasd/data/roles.tsv``).

    >>> roles = RoleWords.load()
    >>> roles.word_class("لعناصر", "member"), roles.word_class("بنيران", "weapon"), roles.word_class("مدينة", "site")
    (True, True, False)
    >>> roles.agent_verb("نصبته"), roles.agent_verb("نصبت")
    (True, False)
    """

    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    by_first: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict, compare=False)
    by_last: dict[str, dict[str, tuple[tuple[int, tuple[str, ...]], ...]]] = field(default_factory=dict, compare=False)
    memo: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        ends: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
        for cls, phrases in self.phrases.items():
            for order, phrase in enumerate(phrases):  # longest first, as in ``phrases``
                index.setdefault(cls, {}).setdefault(phrase[0], []).append(phrase)
                # one-word phrases are kept apart: their word may carry proclitics (see ``_same``)
                last = phrase[-1] if len(phrase) > 1 else " " + phrase[0]
                ends.setdefault(cls, {}).setdefault(last, []).append((order, phrase))
        self.by_first.update({cls: {w: tuple(p) for w, p in found.items()} for cls, found in index.items()})
        self.by_last.update({cls: {w: tuple(p) for w, p in found.items()} for cls, found in ends.items()})

    @classmethod
    def load(cls, path: str | Path | None = None) -> RoleWords:
        """Load the packaged role words (or the TSV at ``path``)."""
        path = Path(path) if path else Path(str(resources.files("rasd") / "data" / "roles.tsv"))
        words: dict[str, frozenset[str]] = {}
        phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
        for row in read_tsv(path):
            forms = [f.strip() for f in row["forms"].split(",") if f.strip()]
            if row["class"] in _VERB_CLASSES:
                forms = [form for verb in forms for form, _ in conjugate(*verb.split("|")[:2])]
                forms += [normalize_key(verb.split("|")[0]) + "و" for verb in row["forms"].split(",")]
            words[row["class"]] = frozenset(normalize_key(f) for f in forms)
            if row["class"] in _PHRASE_CLASSES:
                keys = sorted({tuple(normalize_key(f).split()) for f in forms}, key=lambda k: (-len(k), k))
                phrases[row["class"]] = tuple(keys)
        return cls(words, phrases)

    def word_class(self, norm: str, cls: str) -> bool:
        """Whether a normalised word (its proclitics aside) is a word of class ``cls``."""
        return self.split(norm, cls) is not None

    def split(self, norm: str, cls: str) -> str | None:
        """The proclitics of a word of class ``cls`` ("ل" for "لعناصر"), or None when it is not one."""
        memo = self._memo("split:" + cls)
        found = memo.get(norm, _UNKNOWN)
        if found is _UNKNOWN:
            forms = self.words.get(cls, frozenset())
            found = next((prefix for prefix, stem in word_stems(norm) if stem in forms), None)
            _remember(memo, norm, found)
        return found

    def agent_verb(self, norm: str) -> bool:
        """Whether a word is a perpetrator's verb carrying an object pronoun ("نصبته", "زرعها")."""
        forms = self.words["agent_verb"]
        for _, stem in word_stems(norm):
            if any(stem.endswith(p) and stem[: -len(p)] in forms for p in _PRONOUNS):
                return True
            if stem.endswith("ته") and stem[:-1] in forms:  # "نفذته": the ta of the feminine past
                return True
        return False

    def ends_before(self, words: list[Word], first: int, cls: str) -> int:
        """The length of the phrase of class ``cls`` that ends right before word ``first`` (0 if none)."""
        if first < 1:
            return 0
        for phrase in self._enders(words[first - 1].norm, cls):
            start = first - len(phrase)
            if start < 0:
                continue
            if all(_same(words[start + i].norm, w, i == 0) for i, w in enumerate(phrase)):
                return len(phrase)
        return 0

    def _enders(self, norm: str, cls: str) -> tuple[tuple[str, ...], ...]:
        """The phrases of class ``cls`` a word may end, longest first (memoised per word).

        Its readings as a last word are the word itself and the word without "ال", "و" or
        "وال" (see ``_same``); a one-word phrase may also be any stem of the word.
        """
        memo = self._memo("ends:" + cls)
        found = memo.get(norm)
        if found is None:
            index = self.by_last.get(cls, {})
            readings = {norm} | {norm[len(p):] for p in ("ال", "و", "وال") if norm.startswith(p)}
            readings |= {" " + stem for _, stem in word_stems(norm)} | {" " + norm}
            found = tuple(phrase for _, phrase in sorted(item for reading in readings for item in index.get(reading, ())))
            _remember(memo, norm, found)
        return found

    def _openers(self, norm: str, cls: str) -> tuple[tuple[str, ...], ...]:
        """The phrases of class ``cls`` a word may open, longest first (memoised per word)."""
        memo = self._memo(cls)
        found = memo.get(norm)
        if found is None:
            index = self.by_first.get(cls, {})
            readings = {norm} | {stem for _, stem in word_stems(norm)}
            found = tuple(sorted({p for reading in readings for p in index.get(reading, ())},
                                 key=lambda k: (-len(k), k)))
            _remember(memo, norm, found)
        return found

    def _memo(self, name: str) -> dict[str, Any]:
        """The memo of one question (``name``) about single words."""
        memo = self.memo.get(name)
        if memo is None:
            memo = self.memo[name] = {}
        return memo

    def openings(self, words: list[Word], cls: str) -> list[int]:
        """Indices of the words that may open a phrase of class ``cls`` (where :meth:`starts_at` may match)."""
        memo = self._memo(cls)
        return [index for index, word in enumerate(words)
                if (memo[word.norm] if word.norm in memo else self._openers(word.norm, cls))]

    def starts_at(self, words: list[Word], first: int, cls: str) -> int:
        """The length of the phrase of class ``cls`` that starts at word ``first`` (0 if none).

        Only the phrases whose first word is a reading of word ``first`` are tried (an index by
        first word: this runs for every word of every sentence).
        """
        if first >= len(words):
            return 0
        candidates = self._openers(words[first].norm, cls)
        for phrase in candidates:
            if first + len(phrase) > len(words):
                continue
            if all(_same(words[first + i].norm, w, i == 0) for i, w in enumerate(phrase)):
                return len(phrase)
        return 0


_UNKNOWN = object()  # a memo's "not asked yet" (None is an answer)
_MEMO_LIMIT = 100_000  # words remembered per memo


def _remember(memo: dict, key: str, value) -> None:
    """Store an answer in a bounded memo."""
    if len(memo) < _MEMO_LIMIT:
        memo[key] = value


def _same(norm: str, form: str, clitics: bool) -> bool:
    """A word equals a phrase word (with proclitics on the first word, "ال" or "و" on the others)."""
    if norm == form:
        return True
    if clitics:
        return any(stem == form for _, stem in word_stems(norm))
    return norm in ("ال" + form, "و" + form, "وال" + form) or (form.startswith("ال") and norm == "و" + form)


class ActorLexicon:
    """Actor aliases and adjectives, searchable in text; picklable."""

    def __init__(self, actors: dict[str, ActorInfo], aliases: PhraseIndex, roles: RoleWords | None = None) -> None:
        self.actors = actors
        self._aliases = aliases
        self.roles = roles or RoleWords({}, {})
        self._canonical: dict[str, str | None] = {}  # memo of canonical(), filled as texts come

    @classmethod
    def load(cls, path: str | Path | None = None, roles: str | Path | None = None) -> ActorLexicon:
        """Load the packaged actor list (or the TSV at ``path``) and role words (or the TSV at ``roles``)."""
        path = Path(path) if path else Path(str(resources.files("rasd") / "data" / "actors.tsv"))
        actors: dict[str, ActorInfo] = {}
        phrases: list[tuple[str, _Alias]] = []
        for row in read_tsv(path):
            actors[row["id"]] = ActorInfo(
                id=row["id"],
                kind=None if row["kind"] == "-" else row["kind"].split(":")[0],
                country=None if row["country"] == "-" else row["country"],
                name_en=row["name_en"],
                default_attack=None if row["default_attack"] == "-" else row["default_attack"],
                party=row["kind"] != "source" and row["kind"] not in ("-", "civilians", "protesters"),
            )
            for alias in (a.strip() for a in row["aliases"].split(",") if a.strip()):
                phrases.append((alias.lstrip("~"), _Alias(row["id"], alias.startswith("~"))))
            for adjective in (a.strip() for a in row["adjectives"].split(",") if a.strip() and a != "-"):
                for form in nisba_forms(adjective):
                    phrases.append((form, _Alias(row["id"], False, adjective=True)))
        return cls(actors, PhraseIndex.build(phrases), RoleWords.load(roles))

    @property
    def index(self) -> PhraseIndex:
        """The phrase index of names and adjectives (for :func:`rasd.nlp.lexmatch.find_all`)."""
        return self._aliases

    def find(self, words: list[Word], adjectives: bool = True, matches: list | None = None) -> list[ActorHit]:
        """Every actor named in ``words`` (by name, and by nisba adjective unless ``adjectives`` is False).

        ``matches`` may pass the result of ``self.index.find(words)`` made already.
        """
        found = []
        for match in self._aliases.find(words) if matches is None else matches:
            alias: _Alias = match.value
            if alias.actor.startswith("_"):
                continue
            if alias.adjective and not adjectives:
                continue
            if alias.adjective and match.prefix not in ("", "ال", "و", "وال"):
                continue
            if alias.weak and _followed_by_nisba(words, match.last):
                continue
            found.append(ActorHit(match.first, match.last, alias.actor, alias.adjective, match.prefix))
        return found

    @property
    def ids(self) -> list[str]:
        """The ids of the real actors (blocker rows left out)."""
        return [i for i in self.actors if not i.startswith("_")]

    def canonical(self, text: str) -> str | None:
        """The id of the actor a text names (the longest name in it), or None.

        >>> lexicon = ActorLexicon.load()
        >>> lexicon.canonical("جيش الأسد") == lexicon.canonical("قوات النظام السوري") == "sy_gov"
        True
        """
        if text in self._canonical:
            return self._canonical[text]
        hits = self.find(split_words(text))
        found = max(hits, key=lambda h: (not h.adjective, h.last - h.first)).actor if hits else None
        if len(self._canonical) < 100_000:
            self._canonical[text] = found
        return found

    def __getstate__(self) -> dict:
        return {"actors": self.actors, "aliases": self._aliases, "roles": self.roles}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["actors"], state["aliases"], state.get("roles"))

    def info(self, actor_id: str | None) -> ActorInfo | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id) if actor_id else None


def nisba_forms(adjective: str) -> list[str]:
    """A nisba adjective in its forms: feminine, plural, dual, with the article.

    >>> nisba_forms("إسرائيلي")
    ['إسرائيلي', 'إسرائيلية', 'إسرائيليين', 'إسرائيليون', 'إسرائيليان', 'الإسرائيلي', 'الإسرائيلية', 'الإسرائيليين', 'الإسرائيليون', 'الإسرائيليان']
    """
    base = adjective.removeprefix("ال")
    base = base.removesuffix("ة")
    if not base.endswith("ي"):
        return [adjective]
    forms = [base, base + "ة", base + "ين", base + "ون", base + "ان"]
    return forms + ["ال" + f for f in forms]


def _followed_by_nisba(words: list[Word], last: int) -> bool:
    """True when the word after ``last`` is a definite nisba adjective ("العراقية")."""
    if last + 1 >= len(words):
        return False
    norm = words[last + 1].norm
    return norm.startswith("ال") and (norm.endswith("يه") or norm.endswith("ي")) and len(norm) > 4


def find_actor_mentions(text: str, lexicon: ActorLexicon, hits: list[ActorHit] | None = None,
                        words: list[Word] | None = None) -> tuple[EntityMention, ...]:
    """Actor names (not adjectives) in ``text`` as entity mentions with ``key`` set to the actor id.

    ``hits`` and ``words`` may pass a search already made over ``text``.
    """
    if hits is None or words is None:
        words = split_words(text)
        hits = lexicon.find(words)
    mentions = []
    for hit in hits:
        if hit.adjective:
            continue
        start = skip_proclitics(text, words[hit.first].start, hit.prefix)
        end = words[hit.last].end
        label = "SOURCE" if lexicon.actors[hit.actor].kind == "source" else "ACTOR"
        mentions.append(EntityMention(text[start:end], start, end, label, source="actors", key=hit.actor))
    return tuple(mentions)
