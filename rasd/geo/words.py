"""The words of a text for place matching: folded once, with offsets back to the original.

Folding (rasd.text.normalize rules, as a str.translate table on the gazetteer) drops
diacritics and tatweel, so word spans live in the folded text and are mapped back with
:meth:`Words.orig`. The text is split once into alternating gaps and words; positions are
cumulative lengths, all computed in C.

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
from dataclasses import dataclass
from itertools import accumulate, product

from rasd.text.letters import bmp_pattern
from rasd.text.normalize import fold_char, normalize_text

__all__ = ["Words", "find_words"]

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

    ``parts`` alternates gap, word, gap, word, ..., gap; ``edges[i]`` is where part ``i``
    starts, so word ``k`` spans ``edges[2k + 1]`` to ``edges[2k + 2]`` in the folded text.
    """

    text: str
    folded: tuple[str, ...]
    parts: list[str]
    edges: list[int]
    shifts: tuple[int, ...]
    breaks: tuple[int, ...]
    offsets: tuple[int, ...] | None = None

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
        return self.edges[2 * k + 1]

    def start(self, k: int) -> int:
        """Original start offset of word ``k``."""
        return self.orig(self.edges[2 * k + 1])

    def end(self, k: int) -> int:
        """Original end offset of word ``k``."""
        return self.orig_end(self.edges[2 * k + 2])

    def gap(self, k: int) -> str:
        """The folded text between word ``k - 1`` and word ``k``."""
        return self.parts[2 * k]

    def sentence(self, k: int) -> int:
        """Sentence number of word ``k`` (sentences end at . ! ? ؟ and line breaks)."""
        return bisect_right(self.breaks, self.edges[2 * k + 1])

    def joinable(self, k: int) -> bool:
        """True when word ``k`` continues a name begun before it (space, "_" or "-" between)."""
        return k > 0 and self.parts[2 * k] in _JOINING


def find_words(text: str, gaz) -> Words:
    """Fold ``text`` once and split it into words (runs of letters).

    Marks are dropped with one regular expression and letters folded one to one with
    ``gaz.letter_folds`` (digits stay as they are: they are never part of a word).
    """
    unusual = _UNUSUAL.search(text) is not None
    if unusual and _EXPANDING.search(text):
        normal = normalize_text(text)
        folded_text, shifts, offsets = normal.text, (), normal.offsets
    else:
        pieces = _DROPPED.split(text)  # the text between dropped marks, so piece j ends where mark j was
        shifts = tuple(accumulate(map(len, pieces[:-1])))
        folded_text, offsets = "".join(pieces) if shifts else text, None
        for source, target in gaz.letter_folds:
            if source in folded_text:
                folded_text = folded_text.replace(source, target)
    parts = (_SPLIT if unusual else bmp_pattern(_SPLIT.pattern)).split(folded_text)
    edges = list(accumulate(map(len, parts), initial=0))
    breaks = [m.start() for m in _BREAK.finditer(folded_text)]
    return Words(text, tuple(parts[1::2]), parts, edges, shifts, tuple(breaks), offsets)

