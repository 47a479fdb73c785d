"""Lines of a scraped page and what the cleaner knows about each (its features).

A page is cut into non-empty lines; blank lines separate paragraphs (a text with no
blank line at all has one paragraph per line, the shape of JSONL corpora). Each
line gets a :class:`LineInfo`: where it sits, how long it is, how it ends, how it
starts (a connective "و/ف", an opener such as "من جهته"), whether it reads as a
sentence or as a headline, and which boilerplate cues of the lexicon
(``rasd/data/boilerplate_cues.tsv``, matched by :mod:`rasd.text.cues`) it matches.

>>> cues = CueLexicon.load()
>>> [hit.kind for hit in match_cues(to_words("شارك هذا المقال"), "شارك هذا المقال", cues)]
['share']
>>> match_cues(to_words("شارك آلاف في مظاهرة حاشدة"), "شارك آلاف في مظاهرة حاشدة", cues)
()
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasd.text.cues import BOILERPLATE_KINDS, Cue, CueHit, CueLexicon, Word, line_words, match_cues, to_words

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

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_EDGE_JUNK = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060\u061c\u202a\u202b\u202c\u202d\u202e"
_CLOSERS = "\"'”’»)]"
_STOPS = (".", "!", "?", "؟", "…")
_RULE = re.compile(r"^[\s\-_=*~•·─━—–#+.]{3,}$")
_URLISH = re.compile(r"^(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)$", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")


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
    words, texts = line_words(text)
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
