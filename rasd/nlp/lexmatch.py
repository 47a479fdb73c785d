"""Arabic-aware phrase matching over normalised words, with spans into the original text.

Lexicons (event triggers, modifiers, cue words, actors) are lists of phrases. A
phrase matches when its first word equals a word of the text after removing
proclitics (و ف ب ل ك ال, stacked) and, where allowed, an enclitic pronoun
(ه ها هم هما هن نا), and its further words follow exactly (their own "ال" and
conjunction "و" are tolerated). Matching is done on normalised text
(:func:`rasd.text.normalize.normalize_text`), so diacritics, tatweel and
alef/ya/ta-marbuta spelling do not matter.

>>> index = PhraseIndex.build({"قصف جوي": "air", "غاره": "raid"})
>>> text = "وبالقصفِ الجوي وغارةٍ"
>>> [(m.value, text[m.start:m.end], m.prefix) for m in index.find(split_words(text))]
[('air', 'وبالقصفِ الجوي', 'وبال'), ('raid', 'وغارةٍ', 'و')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from itertools import accumulate, repeat
from typing import Generic, NamedTuple, TypeVar

from rasd.text.normalize import dropped_marks, normalize_document, normalize_key, proclitic_splits

__all__ = ["Match", "PhraseIndex", "Word", "find_all", "skip_proclitics", "split_words", "word_stems"]

T = TypeVar("T")

_WORD = re.compile(r"[a-z\u0621-\u064A\u0671-\u06D3]+|[0-9]+(?:[.,][0-9]+)*")
_WORD_PARTS = re.compile(f"({_WORD.pattern})")  # splits a text into gaps and words
_ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "نا", "كم", "ني")
_ENCLITIC_ENDINGS = tuple(sorted({suffix[-1] for suffix in _ENCLITICS}))  # a stem not ending so has no suffix pronoun


class Word(NamedTuple):
    """A word of the text: its normalised form and its span in the original text.

    (A named tuple rather than a frozen dataclass: articles make hundreds of them, and
    tuples are several times cheaper to build.)
    """

    norm: str
    start: int
    end: int
    text: str


class Match(NamedTuple, Generic[T]):
    """A lexicon phrase found in the text: words ``first..last`` (inclusive) and the span."""

    value: T
    first: int
    last: int
    start: int
    end: int
    prefix: str


def split_words(text: str, offset: int = 0) -> list[Word]:
    """The words (letters or digits) of ``text`` with their original spans (+offset)."""
    return list(_split_words(text, offset))


@functools.lru_cache(maxsize=8)
def _split_words(text: str, offset: int) -> tuple[Word, ...]:
    """Memoised for the few texts in hand (an article's body is split by several stages).

    Built with one ``re.split`` and maps rather than a loop over matches: a body has
    thousands of words.
    """
    normalized = normalize_document(text)
    parts = _WORD_PARTS.split(normalized.text)  # gap, word, gap, ..., word, gap
    ends = list(accumulate(map(len, parts)))  # where each part ends in the normalised text
    starts, stops = ends[:-1:2], ends[1::2]
    if len(normalized.text) != len(text):  # characters dropped or expanded: map back to the text
        offsets, marks, size = normalized.offsets, dropped_marks(), len(text)
        starts = [offsets[start] for start in starts]
        stops = [offsets[stop - 1] + 1 for stop in stops]
        for index, end in enumerate(stops):
            while end < size and text[end] in marks:  # diacritics and tatweel after the last letter
                end += 1
            stops[index] = end
    originals = map(text.__getitem__, map(slice, starts, stops))
    if offset:
        starts, stops = [start + offset for start in starts], [stop + offset for stop in stops]
    return tuple(map(tuple.__new__, repeat(Word), zip(parts[1::2], starts, stops, originals)))  # Word(*fields), in C


@functools.lru_cache(maxsize=1 << 18)
def word_stems(norm: str, enclitics: bool = False) -> tuple[tuple[str, str], ...]:
    """(proclitics, stem) candidates of a normalised word; with ``enclitics`` also without a suffix pronoun.

    An indefinite accusative alef ("هجوما", "بريا") is also tried without it.
    """
    if not enclitics:
        candidates = proclitic_splits(norm)
        candidates += [(p, s[:-1]) for p, s in candidates if s.endswith("ا") and len(s) > 3]
        return tuple(candidates)
    candidates = word_stems(norm)  # the plain readings come from the memo: a word is split once
    extra = []
    for prefix, stem in candidates:
        if not stem.endswith(_ENCLITIC_ENDINGS):
            continue
        for suffix in _ENCLITICS:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                bare = stem[: -len(suffix)]
                extra.append((prefix, bare))
                if bare.endswith("ت") and len(bare) >= 3:  # "حملتها": the ta marbuta of "حملة"
                    extra.append((prefix, bare[:-1] + "ه"))
    return candidates + tuple(extra)


class PhraseIndex(Generic[T]):
    """Phrases (normalised word tuples) -> values, searchable in a list of Words."""

    def __init__(self, by_first: Mapping[str, list[tuple[tuple[str, ...], T]]], enclitics: bool | str) -> None:
        self._by_first = by_first
        self._enclitics = enclitics
        self._starts: dict[str, tuple] = {}  # word -> the (prefix, phrases) it may open; filled as words come

    @classmethod
    def build(cls, phrases: Mapping[str, T] | Iterable[tuple[str, T]], enclitics: bool | str = False) -> "PhraseIndex[T]":
        """Index phrases given as text (normalised here) with their values."""
        items = phrases.items() if isinstance(phrases, Mapping) else phrases
        by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, value in items:
            words = tuple(normalize_key(phrase).split())
            if words:
                by_first.setdefault(words[0], []).append((words, value))
        for entries in by_first.values():
            entries.sort(key=lambda item: -len(item[0]))
        return cls(by_first, enclitics)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def __getstate__(self) -> dict:
        return {"by_first": self._by_first, "enclitics": self._enclitics}

    def __setstate__(self, state: dict) -> None:
        self._by_first = state["by_first"]
        self._enclitics = state["enclitics"]
        self._starts = {}

    def find(self, words: list[Word], overlapping: bool = False) -> list[Match[T]]:
        """Every phrase found in ``words``; the longest at each position, left to right."""
        found: list[Match[T]] = []
        index = 0
        while index < len(words):
            match = self.match_at(words, index)
            if match is None:
                index += 1
                continue
            found.append(match)
            index = index + 1 if overlapping else match.last + 1
        return found

    def match_at(self, words: list[Word], index: int) -> Match[T] | None:
        """The longest phrase starting at word ``index``, or None."""
        best: Match[T] | None = None
        for prefix, phrases in self._openings(words[index].norm):
            for phrase, value in phrases:
                last = self._match_rest(words, index, phrase)
                if last is None or (best is not None and last <= best.last):
                    continue
                best = Match(value, index, last, words[index].start, words[last].end, prefix)
        return best

    def _openings(self, norm: str) -> tuple:
        """(prefix, phrases) for every reading of a word that opens a phrase; memoised per word.

        With ``enclitics="single"`` a word that only opens a phrase once a suffix pronoun is
        removed ("يمكنها") opens one-word phrases only: "أنه لم" is not "إن لم".
        """
        found = self._starts.get(norm)
        if found is None:
            plain = word_stems(norm) if self._enclitics == "single" else ()
            stems = word_stems(norm, True) if self._enclitics else word_stems(norm)  # one memo key per reading
            found = tuple(
                (prefix, self._by_first[stem] if self._enclitics != "single" or (prefix, stem) in plain
                 else [(phrase, value) for phrase, value in self._by_first[stem] if len(phrase) == 1])
                for prefix, stem in stems
                if stem in self._by_first
            )
            found = tuple(item for item in found if item[1])
            if len(self._starts) < 200_000:
                self._starts[norm] = found
        return found

    @staticmethod
    def _match_rest(words: list[Word], index: int, phrase: tuple[str, ...]) -> int | None:
        """Index of the last word when the rest of ``phrase`` follows word ``index``."""
        position = index
        for expected in phrase[1:]:
            position += 1
            if position >= len(words):
                return None
            norm = words[position].norm
            if norm != expected and norm not in ("ال" + expected, "و" + expected, "وال" + expected, expected + "ا"):
                return None
        return position


def skip_proclitics(text: str, start: int, prefix: str) -> int:
    """Move ``start`` past the conjunctions/prepositions of ``prefix``, keeping "ال".

    "لل" (ل + ال) is kept whole, since "لمرصد" would be no word: the span stays verbatim.

    >>> text = "وبالقوات"
    >>> text[skip_proclitics(text, 0, "وبال"):]
    'القوات'
    >>> "وللمرصد"[skip_proclitics("وللمرصد", 0, "ولل"):]
    'للمرصد'
    """
    letters = len(prefix) - (2 if prefix.endswith("ال") or prefix.endswith("لل") else 0)
    position = start
    while letters > 0 and position < len(text):
        if normalize_key(text[position]):
            letters -= 1
        position += 1
    while position < len(text) and not normalize_key(text[position]).strip() and text[position] not in " \n":
        position += 1
    return position


def find_all(indexes: tuple[PhraseIndex, ...], words: list[Word]) -> tuple[list[Match], ...]:
    """``tuple(index.find(words) for index in indexes)``, in one pass over the words.

    Each word is looked up once for all the indexes (most words open no phrase of any),
    which is what makes several lexicons cheap on a long article.
    """
    found: tuple[list[Match], ...] = tuple([] for _ in indexes)
    free = [0] * len(indexes)
    openers = _openers(indexes)
    for position, word in enumerate(words):
        numbers = openers.get(word.norm)
        if numbers is None:
            numbers = tuple(n for n, index in enumerate(indexes) if index._openings(word.norm))
            if len(openers) < 200_000:
                openers[word.norm] = numbers
        for number in numbers:
            if position < free[number]:
                continue
            match = indexes[number].match_at(words, position)
            if match is not None:
                found[number].append(match)
                free[number] = match.last + 1
    return found


@functools.lru_cache(maxsize=8)
def _openers(indexes: tuple[PhraseIndex, ...]) -> dict[str, tuple[int, ...]]:
    """A memo, per set of indexes, of which indexes each word may open a phrase in."""
    return {}
