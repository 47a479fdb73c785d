"""The grammar of Arabic number phrases: digits, number words and their compounds.

Works on *normalised* text (see :mod:`rasd.text.normalize`): tokens are letter runs,
digit runs (with inner separators) and single other characters, so "و14" is the two
tokens "و" and "14". :func:`read_number` reads the longest number phrase starting at
a token: units, teens (خمسة عشر), tens (خمسة وعشرين), hundreds (ثلاثمئة, ثلاث مئة),
scales (ثلاثة آلاف, 200 ألف, 5.6 مليون, نصف مليون, مليون ونصف) and duals of scales
(ألفين). A phrase that breaks the grammar ends before the offending word, so "خمسة
وستة" is two numbers.

>>> parse_number_words("خمسة وعشرين")
25
>>> parse_number_words("ثلاثة آلاف وخمسمائة")
3500
>>> parse_number_words("نصف مليون")
500000
>>> parse_number_words("عشرات") is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from rasd.text.letters import beyond_bmp, bmp_pattern
from rasd.text.normalize import normalize_key
from rasd.text.numbers_lexicon import NumberLexicon

__all__ = [
    "NumberRead", "Tok", "Tokens", "as_number", "parse_digits", "parse_number_words", "read_number", "scan",
    "scan_document",
]

Number = int | float

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,٫٬]\d+)*|\S")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # tokens with the whitespace between them
_SEPARATOR = re.compile(r"[.,٫٬]")
_CONNECTOR = "و"
_SCALES = ("scale", "scale_dual", "scale_plural", "scale_construct")


class Tok(NamedTuple):
    """A token of normalised text: ``kind`` is ``w`` (word), ``d`` (digits) or ``p``."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class NumberRead:
    """A number phrase read from tokens ``first`` .. ``last`` (inclusive)."""

    value: Number
    first: int
    last: int
    words: bool


class Tokens(Sequence):
    """The tokens of a normalised text, built as :class:`Tok` only when looked at.

    Splitting the text into whitespace and tokens is one C call; the offsets are the
    running sums of their lengths (also computed in C). Most tokens of a text are never
    looked at as objects, which keeps quantity finding fast.
    """

    __slots__ = ("texts", "starts")

    def __init__(self, text: str) -> None:
        split = _TOKEN_SPLIT if beyond_bmp(text) else bmp_pattern(_TOKEN_SPLIT.pattern)
        parts = split.split(text)  # whitespace, token, whitespace, ..., token, whitespace
        self.texts: list[str] = parts[1::2]
        self.starts: list[int] = list(accumulate(map(len, parts[:-1])))[::2]

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.texts)))]
        piece, start = self.texts[index], self.starts[index]
        return Tok(piece, start, start + len(piece), _kind(piece))

    def kind(self, index: int) -> str:
        """The kind of token ``index`` (``self[index].kind`` without building the Tok)."""
        return _kind(self.texts[index])


def _kind(piece: str) -> str:
    """``d`` (digits), ``w`` (word) or ``p`` (anything else), from the first character."""
    first = piece[0]
    return "d" if first.isdigit() else ("w" if first.isalpha() else "p")


def scan(text: str) -> Tokens:
    """Tokenise normalised text into words, digit runs and single characters.

    >>> [t.text for t in scan("قتل 11 مدنيا، و14 جريحا")]
    ['قتل', '11', 'مدنيا', '،', 'و', '14', 'جريحا']
    """
    return Tokens(text)


@functools.lru_cache(maxsize=4)
def scan_document(text: str) -> Tokens:
    """:func:`scan` memoised for the few long texts in hand: the quantity and the date
    finders read the same normalised body (the tokens are shared: read them, never change them)."""
    return Tokens(text)


def as_number(value: Number) -> Number:
    """An int when ``value`` is whole (5.6 x 10^6 stays exact), else the float."""
    if isinstance(value, int):
        return value
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded


def parse_digits(text: str, scaled: bool = False) -> Number | None:
    """The value of a digit run with separators ("1,500", "5.6", "١٢"); None if malformed.

    A separator followed by exactly three digits groups thousands, except a "." or
    "٫" before a scale word (``scaled``: "1.500 مليون" is 1.5 million). "٬" always
    groups thousands and "٫" is always a decimal point.

    >>> parse_digits("1,500"), parse_digits("5.6", scaled=True), parse_digits("2.5"), parse_digits("١٢")
    (1500, 5.6, 2.5, 12)
    """
    digits = normalize_key(text)
    groups = _SEPARATOR.split(digits)
    if not all(g.isdigit() for g in groups):
        return None
    if len(groups) == 1:
        return int(groups[0])
    separators = set(_SEPARATOR.findall(digits))
    decimal_marks = separators & {".", "٫"}
    grouped = all(len(g) == 3 for g in groups[1:]) and "٫" not in separators
    if grouped and not (scaled and decimal_marks) and len(separators) == 1:
        return int("".join(groups))
    if len(groups) == 2 and separators != {"٬"}:
        return float(f"{groups[0]}.{groups[1]}")
    return None


@functools.lru_cache(maxsize=1 << 12)
def _digits_value(text: str, scaled: bool) -> Number | None:
    """:func:`parse_digits`, memoised (the same digit runs recur across articles)."""
    return parse_digits(text, scaled)


class _Phrase:
    """The state of one number phrase: the total so far and the group below a scale."""

    __slots__ = ("total", "hundreds", "units", "tens", "teen", "digits", "fraction", "last_scale", "after_scale")

    def __init__(self) -> None:
        self.total: Number = 0
        self.hundreds = self.units = self.tens = 0
        self.teen = False
        self.digits: Number | None = None
        self.fraction: Number = 0
        self.last_scale: Number = 0
        self.after_scale = False

    @property
    def empty(self) -> bool:
        return not (self.hundreds or self.units or self.tens or self.teen or self.fraction) and self.digits is None

    @property
    def group(self) -> Number:
        return self.hundreds + self.units + self.tens + (self.digits or 0) + self.fraction

    @property
    def pending(self) -> bool:
        """A bare fraction ("نصف") waits for its scale and is no number yet."""
        return bool(self.fraction) and not self.total

    def accept(self, role: str, value: Number, joined: bool) -> bool:
        """Take one atom (``joined``: it came after "و"); False if the grammar forbids it."""
        if role in _SCALES:
            return self._scale(role, value, joined)
        if role == "fraction":
            return self._fraction(value, joined)
        free = not joined and self.digits is None and not (self.tens or self.teen)
        if role == "ten_word" and free and 1 <= self.units <= 9:
            self.units, self.teen = self.units + 10, True
            return True
        if role == "hundred" and free and value == 100 and 3 <= self.units <= 9 and not self.hundreds:
            self.hundreds, self.units = self.units * 100, 0
            return True
        if self.empty:
            if joined != self.after_scale:
                return False
        elif not joined or self.digits is not None or not self._follows(role):
            return False
        self._set(role, value)
        return True

    def _follows(self, role: str) -> bool:
        """Inside a group: hundreds, then a unit, then tens (مئة وخمسة وعشرون)."""
        if role in ("unit", "ten_word"):
            return bool(self.hundreds) and not (self.units or self.tens or self.teen)
        if role == "tens":
            return not (self.tens or self.teen) and (bool(self.hundreds) or 1 <= self.units <= 9)
        return False

    def _set(self, role: str, value: Number) -> None:
        if role == "unit":
            self.units = int(value)
        elif role == "ten_word":
            self.units, self.teen = 10, True
        elif role == "tens":
            self.tens = int(value)
        elif role == "hundred":
            self.hundreds = int(value)
        else:
            self.digits = value
        self.after_scale = False

    def _scale(self, role: str, scale: Number, joined: bool) -> bool:
        if self.last_scale and scale >= self.last_scale:
            return False
        if self.empty:
            if joined != self.after_scale or role == "scale_plural":
                return False
            group: Number = 2 if role in ("scale_dual", "scale_construct") else 1
        elif joined or role == "scale_dual":
            return False
        elif role == "scale_plural" and not 3 <= self.group <= 10:
            return False
        else:
            group = self.group
        self.total += group * scale
        self.hundreds = self.units = self.tens = 0
        self.teen, self.digits, self.fraction = False, None, 0
        self.last_scale, self.after_scale = scale, True
        return True

    def _fraction(self, value: Number, joined: bool) -> bool:
        if joined and self.after_scale and self.empty:
            self.total += value * self.last_scale
            return True
        if not joined and self.empty and not self.total:
            self.fraction = value
            return True
        return False


def _atom(tokens: Tokens, position: int, lexicon: NumberLexicon, text: str | None = None) -> tuple[str, Number] | None:
    piece = tokens.texts[position]
    if tokens.kind(position) == "d":
        following = tokens.texts[position + 1] if position + 1 < len(tokens.texts) else ""
        scaled = lexicon.atoms.get(following, ("",))[0] in _SCALES
        value = _digits_value(piece, scaled)
        return None if value is None else ("digits", value)
    return lexicon.atoms.get(piece if text is None else text)


def _next_atom(tokens: Tokens, position: int, lexicon: NumberLexicon, first: bool, first_word: str | None):
    """(atom, joined, tokens used) for the atom at ``position``, or None."""
    if first:
        return _atom(tokens, position, lexicon, first_word), False, 1
    piece = tokens.texts[position]
    if piece == _CONNECTOR and position + 1 < len(tokens.texts):
        return _atom(tokens, position + 1, lexicon), True, 2
    if piece.startswith(_CONNECTOR) and piece not in lexicon.atoms and tokens.kind(position) == "w":
        return lexicon.atoms.get(piece[1:]), True, 1
    return _atom(tokens, position, lexicon), False, 1


def read_number(tokens: Tokens, index: int, lexicon: NumberLexicon, first_word: str | None = None) -> NumberRead | None:
    """The longest number phrase starting at ``tokens[index]``, or None.

    ``first_word`` replaces the text of the first token (the caller strips a proclitic
    such as "ب" from "بثلاثة").
    """
    phrase, best, position = _Phrase(), None, index
    while position < len(tokens):
        atom, joined, used = _next_atom(tokens, position, lexicon, position == index, first_word)
        if atom is None or not phrase.accept(atom[0], atom[1], joined):
            break
        position += used
        if not phrase.pending:
            words = any(tokens.kind(i) == "w" for i in range(index, position))
            best = NumberRead(as_number(phrase.total + phrase.group), index, position - 1, words)
    return best


def parse_number_words(text: str) -> int | None:
    """The integer value of a whole number phrase (words, digits or both), else None.

    Approximate words (عشرات, مئات) are not numbers here: see
    :func:`rasd.text.numbers.find_quantities` for their ranges.

    >>> parse_number_words("مئة وخمسون")
    150
    >>> parse_number_words("5.6 مليون")
    5600000
    >>> parse_number_words("أحد عشر"), parse_number_words("ثلاث مئة"), parse_number_words("ألفين")
    (11, 300, 2000)
    >>> parse_number_words("خمسة وستة") is None
    True
    """
    tokens = scan(normalize_key(text))
    if not tokens:
        return None
    read = read_number(tokens, 0, NumberLexicon.load())
    if read is None or read.last != len(tokens) - 1 or not isinstance(read.value, int):
        return None
    return read.value
