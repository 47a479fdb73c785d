"""Arabic normalisation for matching, with an offset map back to the original text.

Matching folds the spelling variation of Arabic news text: hamza-carrying alef forms
(أ إ آ ٱ -> ا), alef maqsura (ى -> ي), ta marbuta (ة -> ه), hamza on waw/ya
(ؤ -> و, ئ -> ي), diacritics and tatweel (removed), bidi and zero-width marks
(removed), NBSP and other spaces (-> " "), Arabic-Indic and Persian digits
(-> 0-9), presentation forms and ligatures (ﻻ -> لا) and Latin case.

The normalised text is for *matching only*: spans found in it are mapped back with
:meth:`NormalizedText.span_to_original`, and everything rasd outputs quotes the
original text.

>>> n = normalize_text("قُتل ١١ مدنياً في إدلب")
>>> n.text
'قتل 11 مدنيا في ادلب'
>>> s, e = n.span_to_original(n.text.index("ادلب"), len(n.text))
>>> "قُتل ١١ مدنياً في إدلب"[s:e]
'إدلب'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "NormalizedText",
    "fold_char",
    "normalize_key",
    "dropped_marks",
    "normalize_document",
    "normalize_text",
    "normalize_text_slow",
    "proclitic_splits",
]

_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, maddah/hamza marks
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic annotation marks
)

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ي": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ",
    "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ",
}
_MAP.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits


def fold_char(char: str) -> str:
    """Fold one character for matching; returns "" for characters that are dropped.

    Presentation forms and ligatures are decomposed (NFKC) and folded, so one
    character may become two ("ﻻ" -> "لا").
    """
    if char in _DROP:
        return ""
    mapped = _MAP.get(char)
    if mapped is not None:
        return mapped
    code = ord(char)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF or 0xFF00 <= code <= 0xFFEF:
        decomposed = unicodedata.normalize("NFKC", char)
        if decomposed == char:  # NFKC-stable forms such as the ornate parentheses "﴾﴿"
            return char
        return "".join(fold_char(c) for c in decomposed)
    if "A" <= char <= "Z":
        return char.lower()
    return char


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the index in the original.

    ``offsets`` has ``len(text) + 1`` entries; the last is ``len(original)``.
    """

    original: str
    text: str
    offsets: tuple[int, ...]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original it covers."""
        if end <= start:
            position = self.offsets[start]
            return position, position
        first = self.offsets[start]
        last = self.offsets[end - 1]
        # extend over characters dropped after the last kept one only if they are marks
        stop = last + 1
        dropped = _folding().dropped_chars
        while stop < len(self.original) and self.original[stop] in dropped:
            stop += 1
        return first, stop


def normalize_text(text: str) -> NormalizedText:
    """Normalise ``text`` for matching and keep the map back to the original.

    Computed with one ``str.translate`` and a map built from runs of kept characters;
    text holding a character that folds to several (a ligature such as "ﻻ") takes the
    character-by-character path, :func:`normalize_text_slow`, which defines the result.
    """
    folding = _folding()
    if folding.expanding.search(text):
        return normalize_text_slow(text)
    folded = _fold(text, folding)
    if folding.dropped.search(text) is None:
        offsets = tuple(range(len(text) + 1))
    else:
        offsets = _kept_offsets(text, folding)
    return NormalizedText(original=text, text=folded, offsets=offsets)


def _fold(text: str, folding: _Folding) -> str:
    """``text.translate(folding.ordinals)``.

    ``str.translate`` looks every character up in the table, which is slow on Arabic text;
    a long text is rather folded one distinct character at a time with ``str.replace``,
    which gives the same text because no character folds into one that folds again.
    """
    if len(text) < _LONG_TEXT or not folding.final:
        return text.translate(folding.ordinals)
    for char in set(folding.changed.findall(text)):
        text = text.replace(char, folding.table[char])
    return text


def _kept_offsets(text: str, folding: _Folding) -> tuple[int, ...]:
    """The offsets of the characters normalisation keeps, then ``len(text)``."""
    kept: list[int] = []
    for run in folding.kept.finditer(text):
        kept.extend(range(run.start(), run.end()))
    kept.append(len(text))
    return tuple(kept)


@functools.lru_cache(maxsize=4)
def normalize_document(text: str) -> NormalizedText:
    """:func:`normalize_text` memoised for the few long texts in hand (an article body is
    normalised once and shared by the word splitter, the number and the date finders)."""
    return normalize_text(text)


def dropped_marks() -> frozenset[str]:
    """The characters normalisation drops (diacritics, tatweel, bidi marks), spaces aside."""
    return _folding().dropped_chars


def normalize_text_slow(text: str) -> NormalizedText:
    """The reference definition of :func:`normalize_text`: fold character by character."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            out.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return NormalizedText(original=text, text="".join(out), offsets=tuple(offsets))


@dataclass(frozen=True, slots=True)
class _Folding:
    """The folding of every character fold_char changes, as a table and three patterns."""

    table: dict[str, str]
    ordinals: dict[int, str]
    chars: frozenset[str]
    dropped_chars: frozenset[str]
    dropped: re.Pattern[str]
    kept: re.Pattern[str]
    expanding: re.Pattern[str]
    changed: re.Pattern[str]  # any character of the table
    final: bool  # no character folds into a character that folds again


# every code point that fold_char can change lies in these ranges
_LONG_TEXT = 48  # from this length on, folding by str.replace beats str.translate

_RANGES = ((0x0000, 0x0800), (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFFF0))


@functools.lru_cache(maxsize=1)
def _folding() -> _Folding:
    """Built once per process from fold_char itself, so the rules live in one place."""
    table: dict[str, str] = {}
    dropped, expanding = [], []
    for low, high in _RANGES:
        for code in range(low, high):
            char = chr(code)
            folded = fold_char(char)
            if folded == char:
                continue
            table[char] = folded
            if not folded:
                dropped.append(re.escape(char))
            elif len(folded) > 1:
                expanding.append(re.escape(char))
    return _Folding(
        table=table,
        ordinals={ord(char): folded for char, folded in table.items()},
        chars=frozenset(table),
        dropped_chars=frozenset(c for c, folded in table.items() if not folded and c not in " \n"),
        dropped=re.compile(f"[{''.join(dropped)}]"),
        kept=re.compile(f"[^{''.join(dropped)}]+"),
        expanding=re.compile(f"[{''.join(expanding)}]"),
        changed=re.compile(f"[{''.join(re.escape(char) for char in table)}]"),
        final=not any(char in table for folded in table.values() for char in folded),
    )


def normalize_key(text: str) -> str:
    """Normalise a name or phrase to a lookup key: folded, single-spaced, stripped."""
    return " ".join(normalize_text(text).text.split())


_PROCLITICS = ("وبال", "وكال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Candidate (proclitics, stem) splits of a normalised word, longest stem first.

    The word itself is always the first candidate. Stems shorter than two letters
    are not offered. "لل" is also offered as "ل" + "ال" restored ("للرقه" -> "الرقه").

    >>> proclitic_splits("وبالرقه")
    [('', 'وبالرقه'), ('و', 'بالرقه'), ('وب', 'الرقه'), ('وبال', 'رقه')]
    """
    splits = [("", word)]
    if word[:1] not in _CLITIC_LETTERS:  # most words: no proclitic can open them
        return splits
    seen = {word}
    chains = _proclitic_chains()
    for length in range(1, min(5, len(word) - 1)):
        prefix = word[:length]
        if prefix not in chains:
            continue
        stem = word[length:]
        for candidate in (stem,) + (("ال" + stem,) if prefix.endswith("لل") else ()):
            if candidate not in seen:
                seen.add(candidate)
                splits.append((prefix, candidate))
    return splits


_CLITIC_LETTERS = frozenset("وفبلكا")  # the letters of the proclitics


@functools.lru_cache(maxsize=1)
def _proclitic_chains() -> frozenset[str]:
    """Every stack of proclitics of one to four letters (the strings :func:`_is_proclitic_chain` accepts)."""
    chains, layer = set(), [""]
    for _ in range(4):
        layer = [chain + letter for chain in layer for letter in sorted(_CLITIC_LETTERS)]
        chains.update(chain for chain in layer if _is_proclitic_chain(chain))
    return frozenset(chains)


def _is_proclitic_chain(prefix: str) -> bool:
    """True when ``prefix`` is a valid stack of proclitics (و/ف then ب/ل/ك then ال)."""
    rest = prefix
    if rest[:1] in ("و", "ف"):
        rest = rest[1:]
    if rest[:1] in ("ب", "ل", "ك"):
        rest = rest[1:]
    if rest.startswith("ال"):
        rest = rest[2:]
    elif rest == "ل" and prefix.endswith("لل"):
        rest = ""
    return rest == ""
