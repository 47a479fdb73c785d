"""Letter runs (``[^\\W\\d_]``) that the regular-expression engine matches fast.

A letter here is what ``[^\\W\\d_]`` matches: a word character that is no digit and no
underscore. Written that way, the engine makes three Unicode category checks for every
character; the same characters listed as ranges cost one table lookup, which about
halves the time to split Arabic text into words. The ranges are built from the running
Python's own Unicode tables and cover the Basic Multilingual Plane only, so a pattern
from :func:`bmp_pattern` stands for the original on text where :func:`beyond_bmp` is
False (nearly all text; callers keep the original pattern for the rest).

>>> text = "قُتل 11 مدنياً، وأصيب 14 (CNN)"
>>> bmp_pattern(r"([^\\W\\d_]+)").split(text) == re.split(r"([^\\W\\d_]+)", text)
True
>>> beyond_bmp(text), beyond_bmp("\\U0001d400")
(False, True)
>>> fast = bmp_pattern(LETTER)
>>> all((fast.fullmatch(c) is None) == (re.fullmatch(LETTER, c) is None) for c in map(chr, range(0x10000)))
True
"""

from __future__ import annotations

import functools
import re

__all__ = ["LETTER", "beyond_bmp", "bmp_pattern"]

LETTER = r"[^\W\d_]"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def beyond_bmp(text: str) -> bool:
    """True when ``text`` holds a character beyond the BMP (where :func:`bmp_pattern` does not apply)."""
    return _ASTRAL.search(text) is not None


@functools.lru_cache(maxsize=16)
def bmp_pattern(source: str) -> re.Pattern[str]:
    """``source`` compiled with each ``[^\\W\\d_]`` in it replaced by the BMP letters as ranges."""
    return re.compile(source.replace(LETTER, _bmp_letters()))


@functools.lru_cache(maxsize=1)
def _bmp_letters() -> str:
    """A character class of the BMP characters that ``[^\\W\\d_]`` matches, as ranges."""
    everything = "".join(map(chr, range(0x10000)))
    runs = re.finditer(LETTER + "+", everything)  # the engine's own reading of the class
    return "[" + "".join(f"\\u{run.start():04x}-\\u{run.end() - 1:04x}" for run in runs) + "]"
