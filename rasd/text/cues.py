"""Words of a page line and the boilerplate cues they match.

The cue lexicon (``rasd/data/boilerplate_cues.tsv``) lists cue families, not exact
lines: a cue matches on folded words, may be preceded by a label noun ("مواضيع قد
تهمك", "أخبار ذات صلة") and followed by filler words ("شارك هذا المقال", "تعليقات
القراء", "Share on Facebook") before its separator. See the file header for the
columns and :mod:`rasd.text.boilerplate` for how hits are scored.

>>> cues = CueLexicon.load()
>>> [hit.kind for hit in match_cues(to_words("مواضيع قد تهمك:"), "مواضيع قد تهمك:", cues)]
['related']
>>> match_cues(to_words("شارك آلاف في مظاهرة حاشدة"), "شارك آلاف في مظاهرة حاشدة", cues)
()
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate, repeat
from typing import NamedTuple

from rasd.errors import DataError
from rasd.text.letters import beyond_bmp, bmp_pattern
from rasd.text.normalize import dropped_marks, normalize_text

__all__ = ["BOILERPLATE_KINDS", "Cue", "CueHit", "CueLexicon", "Word", "match_cues", "to_words"]

BOILERPLATE_KINDS = frozenset(
    "read_also related share tags comments comment_form copyright close footer credit caption nav contact".split()
)
_FEATURE_KINDS = frozenset("filler label_noun opener root_waw outlet_word byline_cue date_word frame".split())
_MODES = frozenset(("line", "head", "head_sep", "contains", "word"))
_WHERE = frozenset(("any", "top", "tail", "edge"))
_MAX_LABEL = 2  # label nouns allowed before a cue ("مواضيع قد تهمك")
_MAX_FILLER = 2  # filler words allowed between a head cue and its separator ("قد يهمك أيضا:")

_FOLDED_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*|©")
_WORD_PARTS = re.compile(f"({_FOLDED_WORD.pattern})")  # the words with the text between them
_SEPARATOR = re.compile(r"^\s*(?:[:：|/\\\-–—»«>•]+|\.{2,}|…|\.)")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: folded words, kind, how it must sit in a line, and where."""

    words: tuple[str, ...]
    kind: str
    mode: str
    where: str
    text: str


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in a line; ``rest`` is the text after a head cue, ``separated``
    says whether a separator (":", "..", "|") or nothing followed the cue."""

    kind: str
    mode: str
    where: str
    cue: str
    rest: str = ""
    separated: bool = False


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The boilerplate cues and the feature word lists, loaded from the TSV file."""

    cues: tuple[Cue, ...]
    words: tuple[tuple[str, frozenset[str]], ...]
    phrases: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    by_first: dict[str, tuple[tuple[int, Cue], ...]] = field(default_factory=dict, compare=False, repr=False)
    # the feature words and phrases by kind, and the first words of each kind's phrases
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    phrase_lists: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, repr=False)
    phrase_heads: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: str | None = None) -> CueLexicon:
        """Read ``boilerplate_cues.tsv`` (or ``path``); raises DataError D101 when it is broken."""
        if path is None:
            text = resources.files("rasd.data").joinpath("boilerplate_cues.tsv").read_text(encoding="utf-8")
            path = "rasd/data/boilerplate_cues.tsv"
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        return cls.parse(text, path)

    @classmethod
    def parse(cls, text: str, path: str = "<cues>") -> CueLexicon:
        """Build the lexicon from TSV text (see the file header for the columns)."""
        cues: list[Cue] = []
        for number, row in enumerate(text.splitlines(), 1):
            if not row.strip() or row.startswith("#"):
                continue
            cues.append(_parse_row(row, number, path))
        feature = [c for c in cues if c.kind in _FEATURE_KINDS]
        kinds = sorted({c.kind for c in feature})
        words = tuple((k, frozenset(c.words[0] for c in feature if c.kind == k and len(c.words) == 1)) for k in kinds)
        phrases = tuple(
            (k, tuple(sorted((c.words for c in feature if c.kind == k and len(c.words) > 1), key=len, reverse=True)))
            for k in kinds
        )
        kept = tuple(c for c in cues if c.kind not in _FEATURE_KINDS)
        by_first: dict[str, list[tuple[int, Cue]]] = {}
        for index, cue in enumerate(kept):
            by_first.setdefault(cue.words[0], []).append((index, cue))
        return cls(cues=kept, words=words, phrases=phrases,
                   by_first={first: tuple(found) for first, found in by_first.items()},
                   word_sets=dict(words), phrase_lists=dict(phrases),
                   phrase_heads={kind: frozenset(p[0] for p in found) for kind, found in phrases})

    def __repr__(self) -> str:
        return f"CueLexicon({len(self.cues)} cues, {sum(len(w) for _, w in self.words)} feature words)"

    def word_set(self, kind: str) -> frozenset[str]:
        """The single folded words of a feature kind (e.g. ``"filler"``)."""
        return self.word_sets.get(kind, frozenset())

    def phrase_list(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """The multi-word entries of a feature kind, longest first."""
        return self.phrase_lists.get(kind, ())


def _parse_row(row: str, number: int, path: str) -> Cue:
    """One TSV row as a Cue; DataError D101 names the file and line when it is malformed."""
    parts = row.split("\t")
    if len(parts) != 4:
        raise DataError("D101", f"{path}:{number}: expected 4 tab-separated columns (cue kind mode where); fix the row")
    text, kind, mode, where = (part.strip() for part in parts)
    if kind not in BOILERPLATE_KINDS | _FEATURE_KINDS or mode not in _MODES or where not in _WHERE:
        raise DataError("D101", f"{path}:{number}: unknown kind, mode or where in {row!r}; see the file header")
    words = tuple(word.text for word in to_words(text))
    if not words:
        raise DataError("D101", f"{path}:{number}: the cue {text!r} has no word; remove the row")
    return Cue(words=words, kind=kind, mode=mode, where=where, text=text)


# --------------------------------------------------------------------------- words


class Word(NamedTuple):
    """A word (or digit run, or ©) of a line: folded text and its span in the line.

    A named tuple: every word of every line of a page gets one, and a tuple is several
    times cheaper to build than a frozen dataclass.
    """

    text: str
    start: int
    end: int


def to_words(line: str) -> tuple[Word, ...]:
    """The folded words of ``line`` (letters and digits; "©" counts as a word).

    >>> [w.text for w in to_words("إقرأ أيضاً: «عنوان»")]
    ['اقرا', 'ايضا', 'عنوان']
    """
    return line_words(line)[0]


def line_words(line: str) -> tuple[tuple[Word, ...], tuple[str, ...]]:
    """The words of ``line`` (see :func:`to_words`) and their folded texts."""
    normalized = normalize_text(line)
    split = _WORD_PARTS if beyond_bmp(normalized.text) else bmp_pattern(_WORD_PARTS.pattern)
    parts = split.split(normalized.text)  # gap, word, gap, ..., word, gap
    ends = list(accumulate(map(len, parts)))  # where each part ends in the folded text
    offsets = normalized.offsets
    starts = [offsets[end] for end in ends[:-1:2]]
    stops = [offsets[end - 1] + 1 for end in ends[1::2]]
    if _marks().search(line):  # diacritics after the last letter belong to the word
        stops = [_past_marks(line, stop) for stop in stops]
    texts = tuple(parts[1::2])
    return tuple(map(tuple.__new__, repeat(Word), zip(texts, starts, stops))), texts  # Word(*fields), in C


@functools.lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    """A pattern for the characters normalisation drops (diacritics, tatweel, bidi marks)."""
    return re.compile("[" + "".join(re.escape(mark) for mark in sorted(dropped_marks())) + "]")


def _past_marks(line: str, end: int) -> int:
    """``end`` moved past the dropped marks that follow it in ``line``."""
    marks, size = dropped_marks(), len(line)
    while end < size and line[end] in marks:
        end += 1
    return end


# --------------------------------------------------------------------------- matching


def match_cues(
    words: tuple[Word, ...], line: str, lexicon: CueLexicon, texts: tuple[str, ...] | None = None
) -> tuple[CueHit, ...]:
    """Every boilerplate cue of ``lexicon`` that ``line`` matches in its cue's mode
    (``texts``: the texts of ``words``, when the caller has them).

    A ``line``/``head``/``head_sep`` cue must open the line, after at most two label
    nouns ("مواضيع", "أخبار"); a ``contains`` cue may sit anywhere.
    """
    texts = tuple([word.text for word in words]) if texts is None else texts
    filler, labels = lexicon.word_set("filler"), lexicon.word_set("label_noun")
    opening = 0  # how many words before this position are label nouns (the cue may start after them)
    while opening < min(_MAX_LABEL, len(texts) - 1) and texts[opening] in labels:
        opening += 1
    hits: dict[int, CueHit] = {}
    for position, text in enumerate(texts):  # only cues whose first word occurs in the line can match
        for index, cue in lexicon.by_first.get(text, ()):
            if index in hits or (position > opening and cue.mode != "contains"):
                continue
            hit = _match_one(cue, texts[position:], words[position:], line, filler)
            if hit is not None:
                hits[index] = hit
    return tuple(hits[index] for index in sorted(hits))


def _match_one(cue: Cue, texts: tuple[str, ...], words: tuple[Word, ...], line: str, filler: frozenset[str]):
    """The hit of one cue on the line from ``texts[0]`` on, or None."""
    size = len(cue.words)
    if cue.mode == "contains":
        found = any(texts[i : i + size] == cue.words for i in range(len(texts) - size + 1))
        return CueHit(cue.kind, cue.mode, cue.where, cue.text) if found else None
    if texts[:size] != cue.words:
        return None
    if cue.mode == "line":
        rest = texts[size:]
        if all(word in filler or word.isdigit() for word in rest):
            return CueHit(cue.kind, cue.mode, cue.where, cue.text)
        return None
    end = size  # filler words ("أيضا", "القراء") may stand between a head cue and its separator
    while end < min(len(texts), size + _MAX_FILLER) and (texts[end] in filler or texts[end].isdigit()):
        end += 1
    after = line[words[end - 1].end :]
    separated = bool(_SEPARATOR.match(after)) or not after.strip()
    if not separated and end > size:  # the filler words belong to the rest after all
        after = line[words[size - 1].end :]
    if cue.mode == "head_sep" and not separated:
        return None
    rest = _SEPARATOR.sub("", after, count=1).strip()
    return CueHit(cue.kind, cue.mode, cue.where, cue.text, rest=rest, separated=separated)
