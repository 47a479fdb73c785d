"""Lines of a scraped page and what the cleaner knows about each (its features).

A page is cut into non-empty lines; blank lines separate paragraphs (a text with no
blank line at all has one paragraph per line, the shape of JSONL corpora). Each
line gets a :class:`LineInfo`: where it sits, how long it is, how it ends, how it
starts (a connective "و/ف", an opener such as "من جهته"), whether it reads as a
sentence or as a headline, and which boilerplate cues of the lexicon
(``rasd/data/boilerplate_cues.tsv``) it matches and how.

>>> cues = CueLexicon.load()
>>> [hit.kind for hit in match_cues(to_words("شارك هذا المقال"), "شارك هذا المقال", cues)]
['share']
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
from rasd.text.normalize import dropped_marks, normalize_key, normalize_text

__all__ = [
    "BOILERPLATE_KINDS",
    "Cue",
    "CueHit",
    "CueLexicon",
    "LineInfo",
    "PageLine",
    "Word",
    "describe_lines",
    "match_cues",
    "split_page",
    "starts_with_connective",
    "starts_with_opener",
    "to_words",
]

BOILERPLATE_KINDS = frozenset(
    "read_also related share tags comments comment_form copyright close footer credit caption nav contact".split()
)
_FEATURE_KINDS = frozenset("filler opener root_waw outlet_word byline_cue date_word".split())
_MODES = frozenset(("line", "head", "head_sep", "contains", "word"))
_WHERE = frozenset(("any", "top", "tail", "edge"))

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_EDGE_JUNK = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060\u061c\u202a\u202b\u202c\u202d\u202e"
_CLOSERS = "\"'”’»)]"
_STOPS = (".", "!", "?", "؟", "…")
_FOLDED_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*|©")
_WORD_PARTS = re.compile(f"({_FOLDED_WORD.pattern})")  # the words with the text between them
_SEPARATOR = re.compile(r"^\s*(?:[:：|/\\\-–—»«>•]+|\.{2,}|…|\.)")
_RULE = re.compile(r"^[\s\-_=*~•·─━—–#+.]{3,}$")
_URLISH = re.compile(r"^(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)$", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")


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
    says whether a separator (":", "..", "|") followed the cue."""

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
        raise DataError("D101", f"{path}:{number}: expected 4 tab-separated columns (cue kind mode where)")
    text, kind, mode, where = (part.strip() for part in parts)
    if kind not in BOILERPLATE_KINDS | _FEATURE_KINDS or mode not in _MODES or where not in _WHERE:
        raise DataError("D101", f"{path}:{number}: unknown kind, mode or where in {row!r}")
    words = tuple(word.text for word in to_words(text))
    if not words:
        raise DataError("D101", f"{path}:{number}: the cue {text!r} has no word")
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
    return _line_words(line)[0]


def _line_words(line: str) -> tuple[tuple[Word, ...], tuple[str, ...]]:
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


def match_cues(
    words: tuple[Word, ...], line: str, lexicon: CueLexicon, texts: tuple[str, ...] | None = None
) -> tuple[CueHit, ...]:
    """Every boilerplate cue of ``lexicon`` that ``line`` matches in its cue's mode
    (``texts``: the texts of ``words``, when the caller has them)."""
    texts = tuple([word.text for word in words]) if texts is None else texts
    filler = lexicon.word_set("filler")
    hits: dict[int, CueHit] = {}
    for position, text in enumerate(texts):  # only cues whose first word occurs in the line can match
        for index, cue in lexicon.by_first.get(text, ()):
            if index in hits or (position > 0 and cue.mode != "contains"):
                continue
            hit = _match_one(cue, texts, words, line, filler)
            if hit is not None:
                hits[index] = hit
    return tuple(hits[index] for index in sorted(hits))


def _match_one(cue: Cue, texts: tuple[str, ...], words: tuple[Word, ...], line: str, filler: frozenset[str]):
    """The hit of one cue on one line, or None."""
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
    after = line[words[size - 1].end :]
    separated = bool(_SEPARATOR.match(after)) or not after.strip()
    if cue.mode == "head_sep" and not separated:
        return None
    rest = _SEPARATOR.sub("", after, count=1).strip()
    return CueHit(cue.kind, cue.mode, cue.where, cue.text, rest=rest, separated=separated)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class PageLine:
    """A non-empty line of the page: its text (edges stripped) and paragraph number."""

    text: str
    paragraph: int


def split_page(text: str) -> tuple[PageLine, ...]:
    """Cut a page into non-empty lines with paragraph numbers.

    Blank lines (also ones holding only spaces, NBSP or zero-width marks) separate
    paragraphs. A line is a paragraph of its own when the text has no blank line
    at all (the shape of JSONL corpora), or when its block holds two or more long
    lines (twelve words or more: prose that uses single line breaks).

    >>> [(l.text, l.paragraph) for l in split_page("عنوان\\r\\n\\r\\nسطر أول\\r\\nسطر ثان\\r\\n")]
    [('عنوان', 0), ('سطر أول', 1), ('سطر ثان', 1)]
    """
    blocks: list[list[str]] = [[]]
    for line in (_strip_edges(raw) for raw in _LINE_BREAK.split(text)):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    one_per_line = len(blocks) == 1
    lines: list[PageLine] = []
    paragraph = -1
    for block in blocks:
        split = one_per_line or sum(1 for line in block if len(line.split()) >= 12) >= 2
        for position, line in enumerate(block):
            if position == 0 or split:
                paragraph += 1
            lines.append(PageLine(line, paragraph))
    return tuple(lines)


def _strip_edges(line: str) -> str:
    """The line without surrounding spaces, NBSP, BOM and zero-width or bidi marks."""
    return line.strip().strip(_EDGE_JUNK).strip()


@dataclass(frozen=True, slots=True)
class LineInfo:
    """Features of one page line, for the boilerplate classifier."""

    index: int
    text: str
    paragraph: int
    words: tuple[Word, ...]
    hits: tuple[CueHit, ...]
    from_start: int
    from_end: int
    terminal: bool
    colon_end: bool
    label_colon: bool
    connective: bool
    opener: bool
    rule: bool
    urlish: bool
    date_only: bool
    arabic: bool
    texts: tuple[str, ...] = field(repr=False, compare=False)  # the folded texts of ``words``

    @property
    def size(self) -> int:
        """Length in words."""
        return len(self.words)

    @property
    def sentence_like(self) -> bool:
        """Reads as a sentence: six words or more ending with . ! ? ؟, or fifteen or more."""
        return (self.size >= 6 and self.terminal) or self.size >= 15

    @property
    def headline_like(self) -> bool:
        """Reads as a headline: two to twenty words, no full stop or colon at the end."""
        ends_stop = self.terminal and not self.text.rstrip("\"'”’»)] ").endswith(("?", "؟"))
        return 2 <= self.size <= 20 and not ends_stop and not self.colon_end and not self.rule


def describe_lines(lines: tuple[PageLine, ...], lexicon: CueLexicon) -> tuple[LineInfo, ...]:
    """Features of every line of a page."""
    total = len(lines)
    return tuple(_describe(i, line, total, lexicon) for i, line in enumerate(lines))


def _describe(index: int, line: PageLine, total: int, lexicon: CueLexicon) -> LineInfo:
    """Features of one line."""
    text = line.text
    words, texts = _line_words(text)
    head = text[: words[min(3, len(words) - 1)].end] if words else text
    return LineInfo(
        index=index,
        text=text,
        paragraph=line.paragraph,
        words=words,
        hits=match_cues(words, text, lexicon, texts) if words else (),
        from_start=index,
        from_end=total - 1 - index,
        terminal=_ends_sentence(text),
        colon_end=_without_closers(text).endswith((":", "：")),
        label_colon=":" in head and len(words) > 4,
        connective=starts_with_connective(texts, lexicon),
        opener=starts_with_opener(texts, lexicon),
        rule=bool(_RULE.match(text)) and not words,
        urlish=bool(_URLISH.match(text)),
        date_only=_is_date_only(texts, text, lexicon),
        arabic=bool(_ARABIC.search(text)),
        texts=texts,
    )


def _ends_sentence(text: str) -> bool:
    """True when the line ends with . ! ? ؟ or …, then closing quotes or brackets, then spaces."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _STOPS


def _without_closers(text: str) -> str:
    """The line without the closing quotes, brackets and spaces at its end."""
    while True:
        stripped = text.rstrip().rstrip(_CLOSERS)
        if len(stripped) == len(text):
            return text
        text = stripped


def starts_with_connective(texts: tuple[str, ...], lexicon: CueLexicon) -> bool:
    """True when the first word carries the conjunction و or ف ("وقال", "فيما").

    Words whose و/ف is a root letter ("وجه", "وزير", "فرض") are listed as
    ``root_waw`` in the lexicon and do not count.
    """
    if not texts:
        return False
    first = texts[0]
    if first in ("و", "ف"):
        return True
    return first[:1] in ("و", "ف") and len(first) >= 3 and first not in lexicon.word_set("root_waw")


def starts_with_opener(texts: tuple[str, ...], lexicon: CueLexicon) -> bool:
    """True when the line opens with a discourse opener ("كما", "من جهته", "يذكر")."""
    if not texts:
        return False
    if texts[0] in lexicon.word_set("opener"):
        return True
    if texts[0] not in lexicon.phrase_heads.get("opener", ()):  # no phrase starts with this word
        return False
    return any(texts[: len(phrase)] == phrase for phrase in lexicon.phrase_list("opener"))


def _is_date_only(texts: tuple[str, ...], text: str, lexicon: CueLexicon) -> bool:
    """A line holding a date or time and nothing else ("11 مايو 2018", "14:31 ت م")."""
    if not texts or len(texts) > 8 or not _DIGIT.search(text):
        return False
    dates = lexicon.word_set("date_word")
    if not any(word in dates for word in texts) and not re.search(r"\d\s*[:/.\-]\s*\d", text):
        return False
    return all(word.isdigit() or word in dates for word in texts)
