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
  date-only line 2.5 at the top or tail of the page; a short line of Latin words
  only ("Share on Facebook") 1.5, 2.5 next to other boilerplate;
* tags: 1.5 less when what follows a tags label ("كلمات مفتاحية: ...") reads as a
  sentence rather than a list of short items.

A line scoring 2 or more is dropped. Position among other boilerplate counts: a
line next to a dropped line is scored again as part of that block (a ``top`` or
``tail`` cue is then in its zone, so a comment form's "الاسم" goes wherever the
form sits), and a stub of one to three words between dropped lines goes with
them. A "read also" or "related" line that carries no headline of its own also
drops the headline-like lines right after it, a bare tags label the short items
below it, and a "read also" cue in the middle of a line after a full sentence cuts
the line there. Other stories' headlines between paragraphs and trailing teaser
paragraphs are found by :mod:`rasd.text.teasers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.text.lines import CueHit, CueLexicon, LineInfo, Word, to_words

__all__ = ["THRESHOLD", "Verdict", "classify_lines", "inline_cut", "score_line"]

THRESHOLD = 2.0
_CARRY_KINDS = ("read_also", "related")
_MAX_CARRY = 8
_MAX_ITEMS = 12
_BLOCK_PASSES = 3
_UI_SCORE = 1.5
_STUB_KINDS = ("share", "tags", "comments", "comment_form", "nav")
_LATIN = re.compile(r"[A-Za-z]")
_LIST_SPLIT = re.compile(r"\s*[،,|؛;/]\s*|\s+[-–—]\s+")
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


def score_line(info: LineInfo, total: int, block: bool = False) -> tuple[float, str | None]:
    """The boilerplate score of one line and the reason it would be dropped for.

    ``block``: the line sits among dropped boilerplate lines (see :func:`classify_lines`),
    which counts as being in the zone of a ``top``/``tail`` cue.
    """
    if info.rule:
        return 3.0, "rule"
    if info.urlish:
        return 3.0, "contact"
    best: tuple[float, str | None] = (0.0, None)
    longest = 0
    for hit in info.hits:  # the strongest cue wins; among equals the longest ("مقالات ذات صلة")
        score = _cue_score(hit, info) + _where_score(hit.where, info, total, block)
        size = len(hit.cue.split())
        if score > best[0] or (score == best[0] and size > longest):
            best, longest = (score, hit.kind), size
    if info.date_only and (block or _in_zone("edge", info, total)) and best[0] < 2.5:
        best = (2.5, "date")
    if best[0] < THRESHOLD and _ui_line(info):
        best = (max(best[0], _UI_SCORE + (1.0 if block else 0.0)), "nav")
    return best


def _ui_line(info: LineInfo) -> bool:
    """A short line of Latin words only on an Arabic page ("Share on Facebook", "Next")."""
    return not info.arabic and 1 <= info.size <= 5 and not info.terminal and bool(_LATIN.search(info.text))


def _cue_score(hit: CueHit, info: LineInfo) -> float:
    """Strength of a cue hit minus the sentence penalty."""
    if hit.mode == "line":
        return 3.0
    if hit.mode in ("head", "head_sep"):
        if hit.separated:
            return 3.0 - (_label_penalty(hit) if hit.kind == "tags" else _rest_penalty(hit))
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


def _label_penalty(hit: CueHit) -> float:
    """1.5 when what follows a tags label reads as a sentence, not as a list of short items.

    >>> _label_penalty(CueHit("tags", "head_sep", "any", "كلمات مفتاحية", "سوريا، إدلب، قصف", True))
    0.0
    """
    if not hit.rest:
        return 0.0
    items = [item for item in _LIST_SPLIT.split(hit.rest) if item.strip()]
    if len(items) >= 2 and all(len(to_words(item)) <= 4 for item in items):
        return 0.0
    words = len(to_words(hit.rest))
    ends = bool(re.search(r"[.!]\s*[\"”»)]*\s*$", hit.rest))
    return 1.5 if words >= 12 or (words >= 6 and ends) else 0.0


def _where_score(where: str, info: LineInfo, total: int, block: bool = False) -> float:
    """+0.5 for a restricted cue in its zone (or among boilerplate), -2 outside it, 0 for ``any``."""
    if where == "any":
        return 0.0
    return 0.5 if block or _in_zone(where, info, total) else -2.0


def _in_zone(where: str, info: LineInfo, total: int) -> bool:
    """Whether a line sits at the top (first 4 lines) or in the tail (last 30%, at least 4 lines)."""
    top = info.from_start <= 3
    tail = info.from_end < max(4, int(0.3 * total))
    return {"top": top, "tail": tail, "edge": top or tail}.get(where, True)


def classify_lines(infos: tuple[LineInfo, ...], lexicon: CueLexicon, start: int = 0) -> tuple[Verdict, ...]:
    """Decide every line from ``start`` on (lines before it are title and byline).

    A first pass scores each line alone. Then lines next to dropped lines are scored
    again as part of a boilerplate block (a ``tail`` cue such as "الاسم" counts as in
    its zone there; a lone short line between two dropped lines goes with them), until
    nothing changes. Last, bare "read also"/"related" labels take the headlines below
    them and tag labels the short items below them.

    Returns one Verdict per line of ``infos``; lines before ``start`` are kept.
    """
    total = len(infos)
    scored = [score_line(info, total) if i >= start else (0.0, None) for i, info in enumerate(infos)]
    reasons = [reason if score >= THRESHOLD else None for score, reason in scored]
    for _ in range(_BLOCK_PASSES):
        changed = False
        for i in range(start, total):
            if reasons[i] is None and _next_to_dropped(reasons, i, start):
                score, reason = _block_score(infos, reasons, i, start)
                if score >= THRESHOLD:
                    scored[i], reasons[i], changed = (score, reason), reason, True
        if not changed:
            break
    for i in range(start, total):
        if reasons[i] in _CARRY_KINDS and _carries(infos[i]):
            _carry_headlines(infos, reasons, i)
        elif reasons[i] == "tags" and _carries(infos[i], ("tags",)):
            _carry_items(infos, reasons, i)
    verdicts = []
    for i, info in enumerate(infos):
        cut = inline_cut(info, lexicon) if i >= start and reasons[i] is None else None
        verdicts.append(Verdict(i, scored[i][0], reasons[i], cut))
    return tuple(verdicts)


def _next_to_dropped(reasons: list[str | None], i: int, start: int) -> bool:
    """Whether the line before or after line ``i`` was dropped."""
    before = i - 1 >= start and reasons[i - 1] is not None
    return before or (i + 1 < len(reasons) and reasons[i + 1] is not None)


def _block_score(infos: tuple[LineInfo, ...], reasons: list[str | None], i: int, start: int) -> tuple[float, str | None]:
    """The score of a line that sits next to dropped boilerplate."""
    info = infos[i]
    score = score_line(info, len(infos), block=True)
    if score[0] >= THRESHOLD:
        return score
    last = i + 1 == len(infos)
    sandwiched = i - 1 >= start and reasons[i - 1] is not None and (last or reasons[i + 1] is not None)
    if sandwiched and _stub(info):
        return THRESHOLD, reasons[i - 1] if reasons[i - 1] in _STUB_KINDS else "nav"
    return score


def _stub(info: LineInfo) -> bool:
    """A line of at most three words that is no sentence: a button, a label, a count."""
    return 1 <= info.size <= 3 and not info.terminal and not info.connective and not info.colon_end


def _carries(info: LineInfo, kinds: tuple[str, ...] = _CARRY_KINDS) -> bool:
    """A read-also, related or tags line with nothing after its cue announces the next lines."""
    return any(hit.kind in kinds and not hit.rest and hit.mode != "contains" for hit in info.hits)


def _carry_items(infos: tuple[LineInfo, ...], reasons: list[str | None], at: int) -> None:
    """Mark the short items (one to three words, no full stop) after a bare tags label."""
    for j in range(at + 1, min(len(infos), at + 1 + _MAX_ITEMS)):
        if reasons[j] is not None or not _stub(infos[j]):
            break
        reasons[j] = "tags"


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
