"""Trailing teasers: leads of other stories that a site appends after the article.

CNN Arabic pages end with five such paragraphs ("دعا رجل الدين الشيعي العراقي،
مقتدى الصدر، الخميس، إلى ..."). They read as sentences, so cue words cannot find
them; their shape does. A teaser block is the run of last paragraphs (at most
``max_teasers``) that each

* open like a news lead: no conjunction و/ف, no opener ("من جهته", "يذكر", "كان"),
  twelve words or more, no "label:" start (interviews, timelines), and not
  announced by a colon at the end of the paragraph before;
* do not repeat the article: paragraphs at the front of the run that share 45% or
  more of their content words with the title and the paragraphs before the run
  (30% or more when they carry no lead signature, see below) are the article's
  own closing paragraphs and leave the run.

A lead signature is a weekday or month between commas ("، الخميس،"), a name in
apposition ("نوري المالكي، رئيس الوزراء الأسبق،") or a cut-off last sentence with
no final punctuation. With a "(CNN)--" style dateline at the top, two paragraphs
make a block when more than half of them carry a signature and the median share
of words with the article is under 25% (teasers may be on a related story, so
some share more). Without a dateline three or more are needed, and every one must
carry a signature and share under 15%.
"""

from __future__ import annotations

import functools

import re

from rasd.text.lines import CueLexicon, LineInfo, to_words

__all__ = ["content_words", "find_teasers", "has_lead_signature"]

_APPOSITION = re.compile(r"^(?:\S+\s+){1,9}?\S+،\s+(?:(?:\S+\s+){0,9}?\S+،|(?:إن|أن|إنه|أنه|إنها|أنها|بأن)\s)")
_FRONT_SHARE = 0.45
_OWN_SHARE = 0.3
_MEDIAN_SHARE = 0.25
_STRICT_SHARE = 0.15


def find_teasers(
    infos: tuple[LineInfo, ...],
    kept: list[list[int]],
    title: str,
    lexicon: CueLexicon,
    dateline: bool,
    max_teasers: int = 5,
) -> list[int]:
    """Positions (indexes into ``kept``, the kept paragraphs as line-index lists) of teasers."""
    run = _lead_run(infos, kept, max_teasers)
    if not run:
        return []
    core = set(_paragraph_words(infos, kept[: run[0]], title))
    scored = [(p, _shared(infos, kept[p], core), has_lead_signature(_text(infos, kept[p]), lexicon)) for p in run]
    while scored and (scored[0][1] >= _FRONT_SHARE or (scored[0][1] >= _OWN_SHARE and not scored[0][2])):
        scored = scored[1:]
    if not scored:
        return []
    shares = sorted(share for _, share, _ in scored)
    signed = sum(1 for _, _, sign in scored if sign)
    if dateline:
        median = shares[len(shares) // 2]
        ok = len(scored) >= 2 and scored[0][0] >= 1 and median < _MEDIAN_SHARE and 2 * signed > len(scored)
    else:
        ok = len(scored) >= 3 and scored[0][0] >= 2 and all(s < _STRICT_SHARE and g for _, s, g in scored)
    return [p for p, _, _ in scored] if ok else []


def _lead_run(infos: tuple[LineInfo, ...], kept: list[list[int]], max_teasers: int) -> list[int]:
    """The last paragraphs (at most ``max_teasers``) that each open like a news lead."""
    run: list[int] = []
    for position in range(len(kept) - 1, 0, -1):
        if len(run) >= max_teasers or not _lead_like(infos[kept[position][0]], infos[kept[position - 1][-1]]):
            break
        run.append(position)
    return run[::-1]


def _lead_like(first: LineInfo, previous: LineInfo) -> bool:
    """A paragraph that opens like a news lead rather than continuing the story."""
    return not (first.connective or first.opener or first.size < 12 or first.label_colon or previous.colon_end)


def has_lead_signature(paragraph: str, lexicon: CueLexicon) -> bool:
    """A weekday or month between commas, a name in apposition, or no final punctuation.

    >>> lex = CueLexicon.load()
    >>> has_lead_signature("دعا رجل الدين مقتدى الصدر، الخميس، إلى عقد جلسة.", lex)
    True
    >>> has_lead_signature("وقال المتحدث إن القوات انسحبت من المدينة.", lex)
    False
    """
    text = paragraph.strip()
    if not re.search(r"[.!?؟…][\"'”’»)\]]*$", text) or _APPOSITION.search(text):
        return True
    dates = lexicon.word_set("date_word")
    words = to_words(text[:300])
    for word in words[:25]:
        if word.text in dates and len(word.text) > 2:
            before = text[: word.start].rstrip()
            after = text[word.end :].lstrip()
            if before.endswith(("،", ",")) or after.startswith(("،", ",")):
                return True
    return False


def _text(infos: tuple[LineInfo, ...], lines: list[int]) -> str:
    """The text of a paragraph (its lines joined)."""
    return "\n".join(infos[i].text for i in lines)


def _paragraph_words(infos: tuple[LineInfo, ...], paragraphs: list[list[int]], title: str) -> tuple[str, ...]:
    """Content words of the title and of the given paragraphs."""
    texts = [w.text for w in to_words(title)]
    texts += [text for lines in paragraphs for i in lines for text in infos[i].texts]
    return content_words(tuple(texts))


def _shared(infos: tuple[LineInfo, ...], lines: list[int], core: set[str]) -> float:
    """Share of a paragraph's content words that also occur in ``core``."""
    words = content_words(tuple([text for i in lines for text in infos[i].texts]))
    if not words:
        return 1.0
    return sum(1 for w in words if w in core) / len(words)


def content_words(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Folded words of four letters or more, with a leading و/ف/ب/ل/ال removed.

    >>> content_words(("والرئيس", "في", "سوريا", "بالسوري"))
    ('رئيس', 'سوريا', 'سوري')
    """
    return tuple(filter(None, map(_content_stem, texts)))


@functools.lru_cache(maxsize=1 << 15)
def _content_stem(word: str) -> str:
    """The word without a leading و/ف/ب/ل/ال when it is a content word, else ""."""
    stem = word
    for prefix in ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل"):
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
            stem = stem[len(prefix) :]
            break
    return stem if len(stem) >= 4 or (len(stem) == 3 and len(word) >= 4) else ""
