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

__all__ = ["content_words", "find_related_headlines", "find_teasers", "has_lead_signature"]

_APPOSITION = re.compile(r"^(?:\S+\s+){1,9}?\S+،\s+(?:(?:\S+\s+){0,9}?\S+،|(?:إن|أن|إنه|أنه|إنها|أنها|بأن)\s)")
_FRONT_SHARE = 0.45
_OWN_SHARE = 0.3
_MEDIAN_SHARE = 0.25
_STRICT_SHARE = 0.15
_HEADLINE_WORDS = (5, 20)  # a sub-heading is usually shorter; a sentence longer or with a full stop
_INTRO_SHARE = 0.5  # a line sharing this much with the paragraphs after it introduces them
_INTRO_SPAN = 2
_LABEL_HEAD = re.compile(r"^\s*(?:\S+\s+){0,2}\S+\s*:\s*\S+(?:\s+\S+)+")
_LIST_MARK = re.compile(r"^\s*(?:[-–—•*·▪]|\d+\s*[.)-])")
_VALUE_ITEM = re.compile(r"^[^:]{1,60}:\s*[\d٠-٩]")  # "درع الفرات: 3695 كيلومترا": a list item
_SPEAKER = re.compile(r"^\s*(?:\S+\s+){0,2}\S+\s*:")
_LABEL_MAX_WORDS = 14
_PRESENT_FRAMES = frozenset(("يقول", "تقول", "يؤكد", "تؤكد", "يعلن", "تعلن", "يفيد", "تفيد", "يرى", "ترى"))


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


def find_related_headlines(
    infos: tuple[LineInfo, ...], kept: list[list[int]], reasons: list[str | None], lexicon: CueLexicon
) -> list[int]:
    """Positions (indexes into ``kept``) of other stories' headlines standing between paragraphs.

    BBC-style pages put links to related stories between the paragraphs, one headline
    per line, often two or three in a row. A candidate is a one-line paragraph after
    the lead that reads as a headline: 5-20 words, no full stop (a question mark is
    allowed), no comma, not opening with و/ف, an opener or a list mark, not announced
    by a colon. Dropped are

    * runs of two or more candidates;
    * a single candidate that does not introduce the paragraph after it (shares under
      half of its content words with it) and either has the headline shape "X: Y"
      (with a question mark or six words or more) or sits right after a dropped
      "read also" or related line.

    A real sub-heading ("الانشقاقات تأتي بعد فتوى المجلس الإسلامي السوري") stands alone
    and announces the paragraph below it, so it stays.
    """
    candidates = [p >= 1 and _headline_candidate(infos, kept, p, lexicon) for p in range(len(kept))]
    found: list[int] = []
    p = 0
    while p < len(kept):
        if not candidates[p]:
            p += 1
            continue
        end = p
        while end + 1 < len(kept) and candidates[end + 1]:
            end += 1
        if end > p and _introduces(infos, kept, end):
            end -= 1  # the last line of the run is the sub-heading of the paragraphs below it
        if _announced(infos, kept, p):
            pass  # a list announced by a colon ("وفيما يلي أبرز الأحداث:")
        elif (end > p and not _in_verse(infos, kept, p, end)) or (end == p and _lone_related(infos, kept, reasons, p)):
            found.extend(range(p, end + 1))
        p = max(end, p) + 1
    return found


def _headline_candidate(infos: tuple[LineInfo, ...], kept: list[list[int]], p: int, lexicon: CueLexicon) -> bool:
    """A one-line paragraph shaped like a headline (see :func:`find_related_headlines`)."""
    if len(kept[p]) != 1:
        return False
    info, previous = infos[kept[p][0]], infos[kept[p - 1][-1]]
    low, high = _HEADLINE_WORDS
    return (
        low <= info.size <= high
        and info.headline_like
        and not (info.connective or info.opener or previous.colon_end)
        and "،" not in info.text
        and "," not in info.text
        and not _LIST_MARK.match(info.text)
        and not _VALUE_ITEM.match(info.text)
        and not _reports(info, lexicon)
    )


def _reports(info: LineInfo, lexicon: CueLexicon) -> bool:
    """A reporting frame ("المرصد يقول إن ...", "قال إن"): the line is a sentence, not a headline."""
    frames = lexicon.word_set("frame") | _PRESENT_FRAMES
    texts = info.texts
    return any(word in frames and texts[i + 1 : i + 2] in (("ان",), ("انه",), ("انها",)) for i, word in enumerate(texts))


def _in_verse(infos: tuple[LineInfo, ...], kept: list[list[int]], first: int, last: int) -> bool:
    """A run next to a short line that is no sentence belongs to verse or a list, not to links."""
    around = [q for q in (first - 1, last + 1) if 0 <= q < len(kept)]
    return any(len(kept[q]) == 1 and infos[kept[q][0]].size < _HEADLINE_WORDS[0]
               and not infos[kept[q][0]].terminal for q in around)


def _dialogue(infos: tuple[LineInfo, ...], kept: list[list[int]], p: int) -> bool:
    """A speaker turn of an interview: the paragraph before or after also opens with "label:"."""
    around = [q for q in (p - 1, p + 1) if 0 <= q < len(kept)]
    return any(_SPEAKER.match(infos[kept[q][0]].text) for q in around)


def _lone_related(infos: tuple[LineInfo, ...], kept: list[list[int]], reasons: list[str | None], p: int) -> bool:
    """A single headline line that is another story's: shaped "X: Y" or after a read-also line."""
    index = kept[p][0]
    info = infos[index]
    if _introduces(infos, kept, p):
        return False
    labelled = (
        bool(_LABEL_HEAD.match(info.text))
        and ("؟" in info.text or "?" in info.text)
        and info.size <= _LABEL_MAX_WORDS
        and not _dialogue(infos, kept, p)
    )
    after_link = index > 0 and reasons[index - 1] in ("read_also", "related")
    return labelled or after_link


def _announced(infos: tuple[LineInfo, ...], kept: list[list[int]], p: int) -> bool:
    """Whether the headline-like lines up to paragraph ``p`` follow a paragraph ending with a colon."""
    q = p - 1
    while q >= 0 and len(kept[q]) == 1 and infos[kept[q][0]].headline_like:
        q -= 1
    return q >= 0 and infos[kept[q][-1]].colon_end


def _introduces(infos: tuple[LineInfo, ...], kept: list[list[int]], p: int) -> bool:
    """Whether half or more of the content words of line ``p`` recur (by their first four
    letters) in the two paragraphs after it: then it is their sub-heading."""
    own = {word[:4] for word in content_words(infos[kept[p][0]].texts)}
    if not own:
        return False
    below = {word[:4] for q in kept[p + 1 : p + 1 + _INTRO_SPAN] for i in q for word in content_words(infos[i].texts)}
    return len(own & below) >= _INTRO_SHARE * len(own)
