"""The reading state shared by :mod:`rasd.text.numbers` and :mod:`rasd.text.numbers_flags`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rasd.text.dates_lexicon import DateLexicon
from rasd.text.numbers_lexicon import NounEntry, NounLexicon, NumberLexicon
from rasd.text.numbers_words import Tokens

__all__ = ["Context", "Found"]


class Found(NamedTuple):
    """A quantity while it is being read: token range, normalised start, numbers, noun.

    A named tuple (changed with ``_replace``): several are made for every number read,
    and a tuple is much cheaper to build than a frozen dataclass.
    """

    first: int
    last: int
    start: int
    value: int | float | None = None
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    unit: str | None = None
    kind: str | None = None
    noun: str | None = None
    bare: bool = False  # digits only, no word, hedge or noun: may be a year, date, label...


@dataclass(frozen=True, slots=True)
class Context:
    """One text being read: its normalised text and tokens, the lexicons, a noun memo."""

    text: str
    tokens: Tokens
    numbers: NumberLexicon
    nouns: NounLexicon
    dates: DateLexicon
    memo: dict[tuple[str, bool], NounEntry | None]

    def noun(self, index: int, proclitics: bool = False) -> NounEntry | None:
        """The counted-noun entry of the word at ``index`` (memoised per text).

        A counted noun takes the article or a possessive suffix but no proclitic:
        "العشرات بهجوم" counts no attacks. ``proclitics`` allows "و" and the like.
        """
        texts = self.tokens.texts
        if index < 0 or index >= len(texts) or not texts[index].isalpha():
            return None
        key = (texts[index], proclitics)
        if key not in self.memo:
            self.memo[key] = self.nouns.match(texts[index], proclitics)
        return self.memo[key]

    def word(self, index: int) -> str:
        """The text of the token at ``index``, or "" outside the text."""
        texts = self.tokens.texts
        return texts[index] if 0 <= index < len(texts) else ""
