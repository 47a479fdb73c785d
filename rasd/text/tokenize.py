"""Word tokenisation with character offsets.

A token is a run of letters (Arabic with its diacritics and tatweel, or Latin), a
run of digits in any script (with inner separators: "1,500", "3.5", "٢٠١٨"), or one
other non-space character. Letters and digits are split apart, so "و14" gives
"و" and "14", and "بـ250" gives "بـ" and "250".

>>> [t.text for t in tokenize("قُتل 11 مدنياً، و14 جريحاً")]
['قُتل', '11', 'مدنياً', '،', 'و', '14', 'جريحاً']
"""

from __future__ import annotations

import re

from rasd.records import Token

__all__ = ["TOKEN_PATTERN", "tokenize"]

_LETTER = r"[A-Za-z\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC\u00C0-\u024F]"
_MARK = r"[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200c\u200d]"
_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"

TOKEN_PATTERN = re.compile(
    rf"(?:{_LETTER}|{_MARK})+"  # a word: letters with their marks
    rf"|{_DIGIT}+(?:[.,٫٬]{_DIGIT}+)*"  # a number with inner separators
    r"|\S",  # any other visible character
)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; ``offset`` is added to every span."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_PATTERN.finditer(text)]
