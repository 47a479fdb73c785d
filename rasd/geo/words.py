"""The words of a text for place matching: folded once, with offsets back to the original.

Folding (rasd.text.normalize rules, as a str.translate table on the gazetteer) drops
diacritics and tatweel, so word spans live in the folded text and are mapped back with
:meth:`Words.orig`. The text is split once into alternating gaps and words (in C); the
offset of a word is summed when it is first asked for, from the nearest one asked for
before it (most words are never asked for: only those around a place name).

>>> from rasd.geo.gazetteer import Gazetteer
>>> words = find_words("قُتل ١١ مدنياً في إدلبَ.", Gazetteer.load())
>>> words.folded
('قتل', 'مدنيا', 'في', 'ادلب')
>>> text = words.text
>>> text[words.start(3):words.end(3)], words.gap(3), words.sentence(3)
('إدلبَ', ' ', 0)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, product

from rasd.text.letters import bmp_pattern
from rasd.text.normalize import fold_char, normalize_text

__all__ = ["Words", "find_words", "word_split"]

_SPLIT = re.compile(r"([^\W\d_]+)")
_BREAK = re.compile(r"[.؟?!\n]")
_EXPANDING = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# presentation forms (which fold to several letters) and characters beyond the BMP
_UNUSUAL = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\U00010000-\U0010ffff]")
# the gaps that join two words of one name: up to three spaces, "_" or "-"
_JOINING = frozenset("".join(chars) for size in range(4) for chars in product(" _-", repeat=size))
_MARKS = frozenset(chr(c) for c in list(range(0x064B, 0x0660)) + [0x0670, 0x0640] + list(range(0x06D6, 0x06EE)))
_DROPPED = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in list(range(0x0600, 0x0700)) + list(range(0x200B, 0x2070)) + [0xFEFF]
                  if fold_char(chr(c)) == "") + "]"
)


@dataclass(frozen=True, slots=True)
class Words:
    """Folded words of a text, the gaps before them, and the map back to the original.

    ``parts`` alternates gap, word, gap, word, ..., gap; :meth:`edge` ``(i)`` is where part
    ``i`` starts, so word ``k`` spans ``edge(2k + 1)`` to ``edge(2k + 2)`` in the folded
    text. ``known`` and ``known_edges`` are the parts whose edges were asked for so far, in
    order, and their edges (filled by :meth:`edge`).
    """

    text: str
    folded: tuple[str, ...]
    parts: list[str]
    shifts: tuple[int, ...]
    breaks: tuple[int, ...]
    offsets: tuple[int, ...] | None = None
    known: list[int] = field(default_factory=lambda: [0])
    known_edges: list[int] = field(default_factory=lambda: [0])

    def edge(self, part: int) -> int:
        """Where part ``part`` starts in the folded text: the lengths of the parts before it,
        summed from the nearest part asked for before."""
        known, edges = self.known, self.known_edges
        last = known[-1]
        if part >= last:
            if part == last:
                return edges[-1]
            position = edges[-1] + len("".join(self.parts[last:part]))
            known.append(part)
            edges.append(position)
            return position
        n = bisect_right(known, part) - 1
        return edges[n] + len("".join(self.parts[known[n]:part]))

    def orig(self, position: int) -> int:
        """Offset in the original text of the folded character at ``position``."""
        if self.offsets is not None:
            return self.offsets[position]
        return position + bisect_right(self.shifts, position)

    def orig_end(self, position: int) -> int:
        """Original end offset (exclusive) for a folded span ending at ``position``, marks included."""
        end = self.orig(position - 1) + 1
        while end < len(self.text) and self.text[end] in _MARKS:
            end += 1
        return end

    def folded_start(self, k: int) -> int:
        """Start of word ``k`` in the folded text."""
        return self.edge(2 * k + 1)

    def start(self, k: int) -> int:
        """Original start offset of word ``k``."""
        return self.orig(self.edge(2 * k + 1))

    def end(self, k: int) -> int:
        """Original end offset of word ``k``."""
        return self.orig_end(self.edge(2 * k + 1) + len(self.folded[k]))

    def gap(self, k: int) -> str:
        """The folded text between word ``k - 1`` and word ``k``."""
        return self.parts[2 * k]

    def sentence(self, k: int) -> int:
        """Sentence number of word ``k`` (sentences end at . ! ? ؟ and line breaks)."""
        return bisect_right(self.breaks, self.edge(2 * k + 1))

    def joinable(self, k: int) -> bool:
        """True when word ``k`` continues a name begun before it (space, "_" or "-" between)."""
        return k > 0 and self.parts[2 * k] in _JOINING


# bytes that lead the UTF-8 encoding of U+F000 and above (presentation forms, beyond the BMP)
_LOW_BYTES = bytes(range(0xEF))
# every byte but the ASCII capitals
_NOT_CAPITALS = bytes(set(range(256)) - set(range(0x41, 0x5B)))
_BREAK_CHARACTERS = ".؟?!\n"


def word_split() -> re.Pattern[str]:
    """The pattern that splits folded text into gaps and words, for text within the BMP
    (built when the gazetteer is loaded: :attr:`Gazetteer.word_split`)."""
    return bmp_pattern(_SPLIT.pattern)


def find_words(text: str, gaz) -> Words:
    """Fold ``text`` once and split it into words (runs of letters).

    Marks are dropped with one regular expression and letters folded one to one with
    ``gaz.letter_folds`` (digits stay as they are: they are never part of a word). The
    UTF-8 encoding of the text tells in C, without a regular expression, whether it holds
    presentation forms or characters beyond the BMP (the rare texts ``_UNUSUAL`` then
    checks) and whether it holds Latin capitals (else their folds are not tried).
    """
    encoded = text.encode("utf-8", "surrogatepass")
    unusual = bool(encoded.translate(None, _LOW_BYTES)) and _UNUSUAL.search(text) is not None
    if unusual and _EXPANDING.search(text):
        normal = normalize_text(text)
        folded_text, shifts, offsets = normal.text, (), normal.offsets
    else:
        pieces = _DROPPED.split(text)  # the text between dropped marks, so piece j ends where mark j was
        shifts = tuple(accumulate(map(len, pieces[:-1])))
        folded_text, offsets = "".join(pieces) if shifts else text, None
        capitals = bool(encoded.translate(None, _NOT_CAPITALS))
        for source, target in gaz.letter_folds if capitals else gaz.folds_without_capitals:
            if source in folded_text:
                folded_text = folded_text.replace(source, target)
    parts = (_SPLIT if unusual else gaz.word_split).split(folded_text)
    return Words(text, tuple(parts[1::2]), parts, shifts, _breaks(folded_text), offsets)


def _breaks(text: str) -> tuple[int, ...]:
    """Where ``text`` has a sentence break (``_BREAK``), in order."""
    out = []
    for char in _BREAK_CHARACTERS:
        at = text.find(char)
        while at >= 0:
            out.append(at)
            at = text.find(char, at + 1)
    out.sort()
    return tuple(out)
