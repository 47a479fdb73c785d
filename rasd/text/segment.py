"""Paragraphs and sentences of an article body, with character offsets into it.

Rules (data: ``rasd/data/abbreviations.txt``):

* Paragraphs are separated by blank lines; every line break ends a sentence.
* A sentence ends at "." "!" "?" "؟" (or a run of them) followed by a space or
  the end of the line; closing quotes and brackets (” " » ) ] ’) right after the
  mark stay with the sentence they end. No split at "،" "؛" ":" ",".
* No split inside numbers or web addresses ("3.5", "1.500", "www.bbc.com": no
  space after the dot), after an abbreviation or a single letter ("أ.ف.ب",
  "د.", "U.S."), or after a list number at the start of a line ("1. ").
  "م." and "هـ." after a year may end a sentence.
* A quotation that closes with a full stop inside it ('إنه "انتهى." حسب المصدر')
  does not end the sentence when what follows is a continuation word ("حسب",
  "قائلا", "في" ...) or punctuation.
* ".." / "..." / "…" inside a line is a soft pause, as in titles
  ("بعد فتوى المجلس الإسلامي السوري.. انشقاقات كبيرة"): it ends a sentence only
  when both the part before it and the part after it have eight words or more.
  "?.." and "!.." are hard ends.
* A sentence longer than 600 characters is cut after each "؛" it holds.

>>> body = "قُتل 3.5 ألف شخص. وقال المرصد: «انتهى».\\n\\nعنوان.. فرعي قصير"
>>> [(s.text, s.paragraph) for s in split_sentences(body)]
[('قُتل 3.5 ألف شخص.', 0), ('وقال المرصد: «انتهى».', 0), ('عنوان.. فرعي قصير', 1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from rasd.errors import DataError
from rasd.records import Sentence
from rasd.text.normalize import normalize_key

__all__ = ["Abbreviations", "split_paragraphs", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0\u200b\u200f\u200e\ufeff]*\n\s*")
_LINE = re.compile(r"[^\r\n]+")
_MARKS = re.compile(r"[.!?؟…]+")
_CLOSERS = "\"'”’»)]}›"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NOT_IN_TOKEN = frozenset("\"'“”«»()[]")  # with the spaces, what ends the token before a dot
_SOFT_MIN_WORDS = 8
_LONG_SENTENCE = 600
_MAX_QUOTE = 300
_QUOTE_CLOSE = {"»": "«", "”": "“"}
_QUOTE_MARKS = re.compile('[«“»”"]')
_AFTER_CLOSE = frozenset(".,،؛;:!?؟)]»”")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Folded abbreviations, era marks and continuation words for the splitter."""

    abbr: frozenset[str]
    era: frozenset[str]
    continues: frozenset[str]

    @classmethod
    def load(cls, path: str | None = None) -> Abbreviations:
        """Read ``abbreviations.txt`` (or ``path``); DataError D102 when a line is malformed."""
        if path is None:
            text = resources.files("rasd.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
            path = "rasd/data/abbreviations.txt"
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        kinds: dict[str, set[str]] = {"abbr": set(), "era": set(), "continues": set()}
        for number, row in enumerate(text.splitlines(), 1):
            if not row.strip() or row.startswith("#"):
                continue
            word, _, kind = row.partition("\t")
            kind = kind.strip() or "abbr"
            if kind not in kinds or not word.strip():
                raise DataError("D102", f"{path}:{number}: expected 'word<TAB>abbr|era|continues', got {row!r}")
            kinds[kind].add(_fold(word))
        return cls(frozenset(kinds["abbr"]), frozenset(kinds["era"]), frozenset(kinds["continues"]))


def _fold(word: str) -> str:
    """Fold a word for lookup: hamza/alef, case, diacritics, tatweel; dots and spaces dropped."""
    return normalize_key(word).replace(".", "").replace(" ", "")


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``body`` (separated by blank lines), edges stripped.

    >>> split_paragraphs("أ ب.\\n\\n  ج د.\\n")
    [(0, 4), (8, 12)]
    """
    spans = []
    position = 0
    for match in list(_PARAGRAPH_BREAK.finditer(body)) + [None]:
        stop = match.start() if match else len(body)
        span = _strip_span(body, position, stop)
        if span[1] > span[0]:
            spans.append(span)
        if match:
            position = match.end()
    return spans


def split_sentences(body: str, abbreviations: Abbreviations | None = None) -> tuple[Sentence, ...]:
    """The sentences of ``body`` with offsets (``text == body[start:end]``) and paragraph numbers."""
    abbreviations = abbreviations or Abbreviations.load()
    sentences: list[Sentence] = []
    for number, (start, stop) in enumerate(split_paragraphs(body)):
        for line in _LINE.finditer(body, start, stop):
            for s, e in _split_line(body, line.start(), line.end(), abbreviations):
                sentences.append(Sentence(body[s:e], s, e, number))
    return tuple(sentences)


def _split_line(text: str, start: int, stop: int, abbreviations: Abbreviations) -> list[tuple[int, int]]:
    """Sentence spans of one line."""
    cuts = [start]
    quotes = _quote_spans(text, start, stop)
    for match in _MARKS.finditer(text, start, stop):
        end = match.end()
        while end < stop and text[end] in _CLOSERS:
            end += 1
        if any(open_ < match.start() and close >= end for open_, close in quotes):
            continue  # inside a short quotation: «لن نتراجع. سنقاتل حتى النهاية»
        if _is_boundary(text, match.start(), match.end(), end, start, stop, abbreviations):
            cuts.append(end)
    cuts.append(stop)
    spans: list[tuple[int, int]] = []
    for s, e in zip(cuts, cuts[1:]):
        span = _strip_span(text, s, e)
        if span[1] <= span[0]:
            continue
        if not _WORD.search(text[span[0] : span[1]]):
            if spans:  # a stray mark or quote joins the sentence before; alone it is no sentence
                spans[-1] = (spans[-1][0], span[1])
            continue
        spans.append(span)
    return [piece for span in spans for piece in _cut_long(text, span)]


def _quote_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """(opening, closing) positions of the short quotations of a line.

    « » and “ ” pair by nesting. A straight double quote opens before a word and
    closes after one; a closing mark with no opening one (a quotation that began in
    an earlier line) is left alone. A quotation
    longer than 300 characters is speech over several sentences and is not kept
    whole; an opening mark without its closing mark in the line opens nothing.
    """
    spans: list[tuple[int, int]] = []
    stacks: dict[str, list[int]] = {"«": [], "“": []}
    straight: int | None = None
    for mark in _QUOTE_MARKS.finditer(text, start, stop):  # the quotation marks only, not every character
        position, char = mark.start(), mark.group()
        if char in stacks:
            stacks[char].append(position)
        elif char in _QUOTE_CLOSE and stacks[_QUOTE_CLOSE[char]]:
            spans.append((stacks[_QUOTE_CLOSE[char]].pop(), position))
        elif char == '"':
            after = text[position + 1] if position + 1 < stop else " "
            if straight is not None and not text[position - 1].isspace():
                spans.append((straight, position))  # a closing mark: right after a word
                straight = None
            elif not after.isspace() and after not in _AFTER_CLOSE:
                straight = position  # an opening mark: right before a word
    return [(open_, close) for open_, close in spans if close - open_ <= _MAX_QUOTE]


def _is_boundary(
    text: str, mark: int, mark_end: int, end: int, line_start: int, stop: int, abbreviations: Abbreviations
) -> bool:
    """Whether the terminator run ``text[mark:mark_end]`` (closers up to ``end``) ends a sentence."""
    if end >= stop:
        return True
    if not text[end].isspace():
        return False
    run = text[mark:mark_end]
    after = text[end:stop].lstrip()
    if any(ch in run for ch in "!?؟"):
        return True
    if run != ".":
        return _soft_break(text[line_start:mark], after)
    if _dot_belongs_to_word(text, line_start, mark, after, abbreviations):
        return False
    if end > mark_end and _continues(after, abbreviations):
        return False
    return True


def _soft_break(before: str, after: str) -> bool:
    """".." or "…" ends a sentence only between two long parts."""
    following = _MARKS.split(after, maxsplit=1)[0]
    last_cut = re.split(r"[.!?؟…]\s", before)[-1]
    return len(_WORD.findall(last_cut)) >= _SOFT_MIN_WORDS and len(_WORD.findall(following)) >= _SOFT_MIN_WORDS


def _dot_belongs_to_word(text: str, line_start: int, mark: int, after: str, abbreviations: Abbreviations) -> bool:
    """An abbreviation dot, an initial, or a list number at the start of the line."""
    token = _token_before(text, line_start, mark)
    if not token:
        return False
    if re.fullmatch(r"[\d.,٫٬]+", token):
        return text[line_start:mark].strip(" \t-•*(") == token  # "1. " opening a list item
    key = _fold(token)
    letters = re.sub(r"[^\w]", "", token.replace("_", ""))
    previous = text[line_start : mark - len(token)].split()
    if key in abbreviations.era and previous and previous[-1].isdigit():
        return False
    initial = len(letters) == 1 and not letters.isdigit()
    return key in abbreviations.abbr or initial or ("." in token and len(key) <= 6)


def _token_before(text: str, start: int, end: int) -> str:
    """The run of characters ending at ``end`` (not before ``start``) with no space, quote or bracket.

    Read backwards from ``end``: in a line, what a search for the run before the end
    (a regular expression ending in ``*$``) finds, without trying every start position.
    """
    position = end
    while position > start and not text[position - 1].isspace() and text[position - 1] not in _NOT_IN_TOKEN:
        position -= 1
    return text[position:end]


def _continues(after: str, abbreviations: Abbreviations) -> bool:
    """What follows a closed quotation shows that the sentence goes on."""
    if not after or after[0] in "،,؛;:-–—":
        return True
    match = _WORD.match(after)
    return bool(match) and _fold(match.group()) in abbreviations.continues


def _cut_long(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence over 600 characters cut after each "؛" it holds; others as they are."""
    start, end = span
    if end - start <= _LONG_SENTENCE or "؛" not in text[start:end]:
        return [span]
    pieces, position = [], start
    for match in re.finditer("؛", text[start:end]):
        pieces.append(_strip_span(text, position, start + match.end()))
        position = start + match.end()
    pieces.append(_strip_span(text, position, end))
    return [piece for piece in pieces if piece[1] > piece[0]]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace (spaces, NBSP, zero-width and bidi marks)."""
    while start < end and (text[start].isspace() or text[start] in "\u200b\u200e\u200f\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200b\u200e\u200f\ufeff"):
        end -= 1
    return start, end
