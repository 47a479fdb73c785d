"""The scoring rule that decides which page lines are site boilerplate.

Each line gets a score from its features (:mod:`rasd.text.lines`):

* a cue of the lexicon: 3 when the line is the cue alone (``line`` mode) or the
  cue followed by a separator (``head``: "اقرأ أيضاً: <headline>"), less 1.5 when
  what follows reads as a sentence rather than a headline; 2 for a head
  cue with no separator on a short line; 2 for a cue found inside the line
  (``contains``), 3 when that cue has three words or more or is "©";
* position: +0.5 when a cue restricted to the top or tail of the page sits there,
  -2 when it sits elsewhere;
* sentence-likeness: -1.5 when a ``contains`` line reads as a sentence and the cue
  covers less than half of its words (-1 more past 30 words), -1 for a head cue
  without separator on a sentence;
* shape: a rule of dashes or underscores scores 3, a bare URL or e-mail 3, a
  date-only line 2.5 at the top or tail of the page.

A line scoring 2 or more is dropped. A "read also" or "related" line that carries
no headline of its own also drops the headline-like lines right after it, and a
"read also" cue in the middle of a line after a full sentence cuts the line there.
Trailing teaser paragraphs (other stories' leads appended by the site) are found
by :mod:`rasd.text.teasers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.text.lines import CueHit, CueLexicon, LineInfo, Word, to_words

__all__ = ["THRESHOLD", "Verdict", "classify_lines", "inline_cut", "score_line"]

THRESHOLD = 2.0
_CARRY_KINDS = ("read_also", "related")
_MAX_CARRY = 8
_SENTENCE_END = re.compile(r"(?:[.!?؟…][\"”»)]*|\.{2,})\s*$")
_SEP_AFTER = re.compile(r"^\s*(?:[:|/\-–—]+|\.{2,}|…)")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the classifier decided for one line: ``reason`` is None for a kept line;
    ``cut`` is where a kept line is cut (an inline "read also" tail), else None."""

    index: int
    score: float
    reason: str | None
    cut: int | None = None


def score_line(info: LineInfo, total: int) -> tuple[float, str | None]:
    """The boilerplate score of one line and the reason it would be dropped for."""
    if info.rule:
        return 3.0, "rule"
    if info.urlish:
        return 3.0, "contact"
    best: tuple[float, str | None] = (0.0, None)
    for hit in info.hits:
        score = _cue_score(hit, info) + _where_score(hit.where, info, total)
        if score > best[0]:
            best = (score, hit.kind)
    if info.date_only and _in_zone("edge", info, total) and best[0] < 2.5:
        best = (2.5, "date")
    return best


def _cue_score(hit: CueHit, info: LineInfo) -> float:
    """Strength of a cue hit minus the sentence penalty."""
    if hit.mode == "line":
        return 3.0
    if hit.mode in ("head", "head_sep"):
        if hit.separated:
            return 3.0 - _rest_penalty(hit)
        if info.size > 20 or info.terminal:
            return 0.0
        return 2.0 - (1.0 if info.sentence_like else 0.0)
    cue_size = len(hit.cue.split())
    score = 3.0 if cue_size >= 3 or hit.cue == "©" else 2.0
    if info.sentence_like and cue_size * 2 < info.size:
        score -= 1.5
    if info.size > 30:
        score -= 1.0
    return score


def _rest_penalty(hit: CueHit) -> float:
    """How much the text carried after a head cue reads as a sentence of the article.

    A carried headline is short and has no final full stop. A long rest (over 25
    words) costs 1.5; after a one-word cue ("أيضاً..", "اقرأ:") a rest that opens
    with the conjunction و/ف or ends with a full stop after six words costs 1.5 too.
    """
    words = to_words(hit.rest)
    if len(words) > 25:
        return 1.5
    if len(hit.cue.split()) > 1 or not words:
        return 0.0
    first = words[0].text
    opens = first[:1] in ("و", "ف") and len(first) >= 4
    ends = len(words) >= 6 and bool(re.search(r"[.!]\s*[\"”»)]*\s*$", hit.rest))
    return 1.5 if opens or ends else 0.0


def _where_score(where: str, info: LineInfo, total: int) -> float:
    """+0.5 for a restricted cue in its zone, -2 outside it, 0 for ``any``."""
    if where == "any":
        return 0.0
    return 0.5 if _in_zone(where, info, total) else -2.0


def _in_zone(where: str, info: LineInfo, total: int) -> bool:
    """Whether a line sits at the top (first 4 lines) or in the tail (last 30%, at least 4 lines)."""
    top = info.from_start <= 3
    tail = info.from_end < max(4, int(0.3 * total))
    return {"top": top, "tail": tail, "edge": top or tail}.get(where, True)


def classify_lines(infos: tuple[LineInfo, ...], lexicon: CueLexicon, start: int = 0) -> tuple[Verdict, ...]:
    """Decide every line from ``start`` on (lines before it are title and byline).

    Returns one Verdict per line of ``infos``; lines before ``start`` are kept.
    """
    total = len(infos)
    scored = [score_line(info, total) if i >= start else (0.0, None) for i, info in enumerate(infos)]
    reasons = [reason if score >= THRESHOLD else None for score, reason in scored]
    for i in range(start, total):
        if reasons[i] in _CARRY_KINDS and _carries(infos[i]):
            _carry_headlines(infos, reasons, i)
    verdicts = []
    for i, info in enumerate(infos):
        cut = inline_cut(info, lexicon) if i >= start and reasons[i] is None else None
        verdicts.append(Verdict(i, scored[i][0], reasons[i], cut))
    return tuple(verdicts)


def _carries(info: LineInfo) -> bool:
    """A read-also or related line with no headline of its own announces the next lines."""
    return any(hit.kind in _CARRY_KINDS and not hit.rest and hit.mode != "contains" for hit in info.hits)


def _carry_headlines(infos: tuple[LineInfo, ...], reasons: list[str | None], at: int) -> None:
    """Mark the headline-like lines after a bare read-also line with its reason."""
    carried = 0
    for j in range(at + 1, len(infos)):
        if reasons[j] is not None:
            if carried:
                break
            continue
        if not infos[j].headline_like or carried >= _MAX_CARRY:
            break
        reasons[j] = reasons[at]
        carried += 1


def inline_cut(info: LineInfo, lexicon: CueLexicon) -> int | None:
    """Where a "read also" cue starts inside a line after a full sentence, or None.

    >>> from rasd.text.lines import split_page, describe_lines
    >>> lex = CueLexicon.load()
    >>> line = 'وقال إنه سيسحب القوات "قريبا جداً".. اقرأ.. ترامب: سنخرج من سوريا'
    >>> info = describe_lines(split_page(line), lex)[0]
    >>> line[:inline_cut(info, lex)]
    'وقال إنه سيسحب القوات "قريبا جداً".. '
    """
    texts = info.texts
    for i in range(3, len(texts)):
        for _, cue in lexicon.by_first.get(texts[i], ()):  # only cues opening with this word
            if cue.kind != "read_also" or cue.mode == "contains":
                continue
            size = len(cue.words)
            if texts[i : i + size] == cue.words and _cut_here(info, info.words, i, size):
                return info.words[i].start
    return None


def _cut_here(info: LineInfo, words: tuple[Word, ...], i: int, size: int) -> bool:
    """The cue at word ``i`` follows a sentence end, has a separator and a short tail."""
    before = info.text[: words[i].start]
    after = info.text[words[i + size - 1].end :]
    if not (_SENTENCE_END.search(before) and _SEP_AFTER.match(after)):
        return False
    cue = " ".join(word.text for word in words[i : i + size])
    rest = _SEP_AFTER.sub("", after, count=1).strip()
    return _rest_penalty(CueHit("read_also", "head", "any", cue, rest, True)) == 0.0
