"""Clean a scraped news page: title, outlet/byline, and the body without site boilerplate.

The page is cut into lines (:mod:`rasd.text.lines`); the first non-empty line is the
title (unless the metadata brings one, as JSONL corpora do); a short line right
after it made of two name parts around a dash ("مدى بوست – فريق التحرير") is the
outlet and byline. Every other line is scored by the boilerplate classifier
(:mod:`rasd.text.boilerplate`): cue words of ``rasd/data/boilerplate_cues.tsv``,
position on the page, length, end punctuation and whether it reads as a sentence.
Trailing teaser paragraphs (leads of other stories appended by the site) are found
from the shape of the last paragraphs. Kept lines keep their characters exactly;
paragraphs are joined by a blank line.

>>> page = "عنوان الخبر\\n\\nمدى بوست – فريق التحرير\\n\\nقتل 11 مدنياً في غارة.\\n\\nاقرأ أيضاً: خبر آخر\\n\\nالوسوم"
>>> article = clean_page(page, doc_id="d1", source="d1.txt")
>>> article.title, article.outlet, article.byline, article.body
('عنوان الخبر', 'مدى بوست', 'فريق التحرير', 'قتل 11 مدنياً في غارة.')
>>> [(r.reason, r.text) for r in article.removed]
[('byline', 'مدى بوست – فريق التحرير'), ('read_also', 'اقرأ أيضاً: خبر آخر'), ('tags', 'الوسوم')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.errors import CleanError
from rasd.records import Article, Metadata, RemovedLine
from rasd.text.boilerplate import THRESHOLD, Verdict, classify_lines, score_line
from rasd.text.lines import CueLexicon, LineInfo, describe_lines, split_page, to_words
from rasd.text.teasers import find_related_headlines, find_teasers

__all__ = ["PageCleaner", "clean_page", "find_dateline", "parse_byline", "reads_as_lead"]

_DATELINE = re.compile(
    r"^[^\n().!?؟]{0,80}?\(\s*(?:[A-Z][A-Za-z.]{1,9}(?: [A-Z][A-Za-z.]{1,9})?|سي ?إن ?إن|رويترز|أ ?ف ?ب|د ?ب ?أ)\s*\)\s*[-–—]+"
)
_BYLINE_DASH = re.compile(r"\s+[-–—|/]\s+|\s*[–—|]\s*")
_LEAD_WORDS = 25
_CLOSERS = "\"'”’»)]"
_LABEL_START = re.compile(r"^\s*(?:\S+\s+){0,3}\S+\s*:\s")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")


@dataclass(frozen=True, slots=True)
class PageCleaner:
    """The cleaner with its cue lexicon loaded; picklable, so it can go to workers."""

    lexicon: CueLexicon
    max_teasers: int = 5

    @classmethod
    def load(cls) -> PageCleaner:
        """Load the packaged cue lexicon."""
        return cls(lexicon=CueLexicon.load())

    def clean(
        self, text: str, *, doc_id: str, source: str, meta: Metadata | None = None, encoding: str = "utf-8"
    ) -> Article:
        """Clean one page; raises CleanError C001 (no body) or C002 (no Arabic)."""
        meta = meta or Metadata()
        lines = split_page(text or "")
        if not lines:
            raise CleanError("C001", f"{source}: the page is empty after decoding; give the article text.")
        infos = describe_lines(lines, self.lexicon)
        title, start, removed = self._find_title(infos, meta)
        outlet, byline, start, removed = self._find_byline(infos, start, removed)
        verdicts = list(classify_lines(infos, self.lexicon, start))
        verdicts = self._drop_teasers(infos, verdicts, start, title)
        body, dropped = _assemble(infos, verdicts, start)
        if not body and meta.title is None and start == 1 and infos[0].sentence_like:
            title, body = "", infos[0].text  # a one-paragraph page with no title line
        _check_body(body, source)
        return Article(
            doc_id=doc_id,
            source=source,
            title=title,
            body=body,
            outlet=meta.outlet or outlet,
            byline=byline,
            url=meta.url,
            published=meta.published,
            removed=tuple(removed + dropped),
            encoding=encoding,
        )

    def _find_title(self, infos: tuple[LineInfo, ...], meta: Metadata) -> tuple[str, int, list[RemovedLine]]:
        """The title and the index of the first line after it; junk lines above it are removed."""
        if meta.title is not None and meta.title.strip():
            return meta.title.strip(), 0, []
        removed: list[RemovedLine] = []
        for info in infos[:4]:
            score, reason = score_line(info, len(infos))
            if reason is None or score < 3:
                if reads_as_lead(info, self.lexicon):
                    return "", info.index, removed  # no title line: the page opens with its lead
                return info.text, info.index + 1, removed
            removed.append(RemovedLine(info.text, reason))
        return infos[0].text, 1, []

    def _find_byline(
        self, infos: tuple[LineInfo, ...], start: int, removed: list[RemovedLine]
    ) -> tuple[str | None, str | None, int, list[RemovedLine]]:
        """Outlet and byline from the line after the title, when it is a byline."""
        if start >= len(infos):
            return None, None, start, removed
        parsed = parse_byline(infos[start].text, self.lexicon)
        if parsed is None:
            return None, None, start, removed
        return parsed[0], parsed[1], start + 1, removed + [RemovedLine(infos[start].text, "byline")]

    def _drop_teasers(
        self, infos: tuple[LineInfo, ...], verdicts: list[Verdict], start: int, title: str
    ) -> list[Verdict]:
        """Mark other stories' headlines between paragraphs and trailing teaser paragraphs as removed."""
        kept = _kept_paragraphs(infos, verdicts, start)
        reasons = [verdict.reason for verdict in verdicts]
        for position in find_related_headlines(infos, kept, reasons, self.lexicon):
            for i in kept[position]:
                verdicts[i] = Verdict(i, THRESHOLD, "related")
        kept = _kept_paragraphs(infos, verdicts, start)
        if len(kept) < 3:
            return verdicts
        lead = " ".join(infos[i].text for i in kept[0])
        dateline = find_dateline(lead) is not None
        for position in find_teasers(infos, kept, title, self.lexicon, dateline, self.max_teasers):
            for i in kept[position]:
                verdicts[i] = Verdict(i, THRESHOLD, "teaser")
        return verdicts


def clean_page(
    text: str,
    *,
    doc_id: str,
    source: str,
    meta: Metadata | None = None,
    encoding: str = "utf-8",
    cleaner: PageCleaner | None = None,
) -> Article:
    """Clean a scraped page into an Article (title, outlet, byline, body, removed lines).

    Pass a loaded ``cleaner`` when cleaning many pages; otherwise the packaged cue
    lexicon is read for this call. Raises CleanError C001 when no body remains and
    C002 when the body has no Arabic letter.
    """
    cleaner = cleaner or PageCleaner.load()
    return cleaner.clean(text, doc_id=doc_id, source=source, meta=meta, encoding=encoding)


def parse_byline(line: str, lexicon: CueLexicon) -> tuple[str | None, str] | None:
    """``(outlet, byline)`` when ``line`` is a byline, else None.

    A byline is short (two to eight words), has no sentence punctuation, and is
    either two name parts of one to four words around a dash ("مدى بوست – فريق
    التحرير": outlet first, unless only the second part looks like a media name,
    as in "أبوظبي - سكاي نيوز عربية") or an author cue ("بقلم: فلان", outlet None).

    >>> lex = CueLexicon.load()
    >>> parse_byline("مدى بوست – فريق التحرير", lex)
    ('مدى بوست', 'فريق التحرير')
    >>> parse_byline("أبوظبي - سكاي نيوز عربية", lex)
    ('سكاي نيوز عربية', 'أبوظبي')
    >>> parse_byline("قتل 11 مدنيا - في غارة على إدلب.", lex) is None
    True
    """
    words = to_words(line)
    if not 1 <= len(words) <= 8 or re.search(r"[.!?؟،,:؛]\s*$", line) or "«" in line or '"' in line:
        return _author_line(line, words, lexicon)
    parts = [part.strip() for part in _BYLINE_DASH.split(line)]
    if len(parts) != 2 or not all(1 <= len(to_words(part)) <= 4 for part in parts):
        return _author_line(line, words, lexicon)
    marked = [_has_outlet_word(part, lexicon) for part in parts]
    if marked[1] and not marked[0]:
        return parts[1], parts[0]
    return parts[0], parts[1]


def _author_line(line: str, words: tuple, lexicon: CueLexicon) -> tuple[None, str] | None:
    """An author line announced by a cue and a separator ("بقلم: فلان", "كتب - فلان")."""
    if not 2 <= len(words) <= 6 or words[0].text not in lexicon.word_set("byline_cue"):
        return None
    after = line[words[0].end :]
    if not re.match(r"\s*[:\-–—]", after):
        return None
    return None, after.lstrip(" :-–—").strip()


def _has_outlet_word(part: str, lexicon: CueLexicon) -> bool:
    """Whether a byline part contains a media-name word ("نيوز", "بوست", ".نت")."""
    outlet_words = lexicon.word_set("outlet_word")
    texts = tuple(w.text for w in to_words(part))
    if any(t in outlet_words for t in texts):
        return True
    phrases = lexicon.phrase_list("outlet_word")
    return any(texts[i : i + len(p)] == p for p in phrases for i in range(len(texts)))


def reads_as_lead(info: LineInfo, lexicon: CueLexicon) -> bool:
    """Whether a first line is the article's lead sentence rather than its title.

    News titles are short and end without a full stop; a lead is a full sentence.
    A first line is a lead when it has 25 words or more; or it ends with a full
    stop and has eight words or more with a clause comma ("،"), a reporting or
    consequence verb ("قال", "أفاد", "أدى", "أسفر", "وفق") or fourteen words; or it
    has twelve words or more, a clause comma and such a verb, even without the
    full stop (HTML pages whose first paragraph lost its punctuation). A question
    or a "label: headline" line is never a lead.

    >>> lex = CueLexicon.load()
    >>> reads_as_lead(describe_lines(split_page("قصفت قوات النظام بلدة كفرنبل أمس، ما أدى إلى مقتل ثلاثة مدنيين."), lex)[0], lex)
    True
    >>> reads_as_lead(describe_lines(split_page("مقتل 5 مدنيين، بينهم طفلان، في غارة على إدلب"), lex)[0], lex)
    False
    """
    text = info.text.rstrip()
    if info.size >= _LEAD_WORDS:
        return True
    if text.rstrip(_CLOSERS + " ").endswith(("?", "؟", "!", ":")) or _LABEL_START.match(text):
        return False
    comma = "،" in text or ", " in text
    framed = bool(set(info.texts) & lexicon.word_set("frame"))
    full_stop = bool(re.search(r"(?<!\.)\.[" + re.escape(_CLOSERS) + r"]*$", text))
    if full_stop and info.size >= 8 and (comma or framed or info.size >= 14):
        return True
    return info.size >= 12 and comma and framed


def find_dateline(paragraph: str) -> str | None:
    """The "(CNN)--" style dateline opening a paragraph, or None.

    >>> find_dateline("دبي، الإمارات العربية المتحدة (CNN)-- أصدر المكتب الإعلامي بيانا")
    'دبي، الإمارات العربية المتحدة (CNN)--'
    >>> find_dateline("قال المرصد (المعارض) إن 5 قتلوا") is None
    True
    """
    match = _DATELINE.match(paragraph)
    return match.group(0) if match else None


def _kept_paragraphs(infos: tuple[LineInfo, ...], verdicts: list[Verdict], start: int) -> list[list[int]]:
    """Kept lines from ``start`` on, grouped by source paragraph."""
    groups: list[list[int]] = []
    last_paragraph = None
    for i in range(start, len(infos)):
        if verdicts[i].reason is not None:
            continue
        if infos[i].paragraph != last_paragraph:
            groups.append([])
            last_paragraph = infos[i].paragraph
        groups[-1].append(i)
    return groups


def _assemble(infos: tuple[LineInfo, ...], verdicts: list[Verdict], start: int) -> tuple[str, list[RemovedLine]]:
    """The body text (kept lines, paragraphs joined by a blank line) and the removed lines."""
    removed: list[RemovedLine] = []
    paragraphs: list[list[str]] = []
    last_paragraph = None
    for i in range(start, len(infos)):
        info, verdict = infos[i], verdicts[i]
        if verdict.reason is not None:
            removed.append(RemovedLine(info.text, verdict.reason))
            continue
        text = info.text
        if verdict.cut is not None:
            removed.append(RemovedLine(text[verdict.cut :].strip(), "read_also"))
            text = text[: verdict.cut].rstrip()
        if info.paragraph != last_paragraph:
            paragraphs.append([])
            last_paragraph = info.paragraph
        paragraphs[-1].append(text)
    return "\n\n".join("\n".join(lines) for lines in paragraphs), removed


def _check_body(body: str, source: str) -> None:
    """Raise C001 when the body is empty and C002 when it has no Arabic letter."""
    if not body.strip():
        raise CleanError(
            "C001",
            f"{source}: nothing that reads as article text remains after removing the title and site boilerplate; "
            "give the article body (a title line, then its paragraphs).",
        )
    if not _ARABIC_LETTER.search(body):
        raise CleanError(
            "C002", f"{source}: the body has no Arabic letters; rasd reads Arabic news only: give an Arabic article."
        )
