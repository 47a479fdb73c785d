"""Numbers that are not counts: years, dates, times, percentages, labels, ordinals, ages.

:func:`with_flags` marks them through ``unit`` (``year``, ``date``, ``time``, ``percent``,
``label``, ``ordinal``) or ``kind="age"``, so that the event extractor can skip them
while they stay available (see :func:`rasd.text.numbers.is_count`).
"""

from __future__ import annotations

from rasd.text.numbers_context import Context, Found

__all__ = ["with_flags"]


def with_flags(context: Context, found: Found, nucleus: Found) -> Found:
    """Mark years, dates, times, percentages, labels and ages (see the module docstring)."""
    if found.unit in ("years", "months", "days") and _is_age(context, found):
        return found._replace(kind="age")
    if context.word(nucleus.last + 1) == "من" and context.numbers.marker("age_word", context.word(nucleus.last + 2)):
        return found._replace(last=nucleus.last + 2, unit="years", kind="age", noun=None)
    if nucleus.value is None or not nucleus.bare:
        return _with_percent(context, found)
    flagged = _digit_flag(context, nucleus)
    if flagged is not None:
        unit, last = flagged
        if unit != "year" or found.noun is None:
            last = found.last if unit == "year" and found.high is not None else max(nucleus.last, last)
            return found._replace(unit=unit, last=last, noun=None, kind=None)
    return _with_percent(context, found)


def _with_percent(context: Context, found: Found) -> Found:
    position = found.last + 1
    for length in (2, 1):
        words = " ".join(context.word(i) for i in range(position, position + length))
        if context.numbers.marker("percent", words):
            return found._replace(last=position + length - 1, unit="percent", noun=None, kind=None)
    return found


def _digit_flag(context: Context, nucleus: Found) -> tuple[str, int] | None:
    """(unit, last token) for a bare digit run that is a year, date, time or label."""
    tokens, index, value = context.tokens, nucleus.first, nucleus.value
    after, before = context.word(index + 1), context.word(index - 1)
    glued_after = index + 2 < len(tokens) and tokens[index + 1].start == tokens[index].end and tokens[index + 2].kind == "d"
    if after == ":" and glued_after:
        return "time", index + 2
    if after in ("ه", "م") and tokens.starts[index + 1] == tokens.starts[index] + len(tokens.texts[index]):
        return "year", index + 1  # 1433هـ (hijri), 2018م
    if after in ("-", ".", ")") and _starts_line(context, index):
        return "label", index  # a list item: "4- الكويت"
    if after in ("/", "-", ".") and glued_after:
        if context.word(index + 3) == after and index + 4 < len(tokens) and tokens[index + 4].kind == "d":
            return "date", index + 4
    if context.numbers.marker("time_word", before):
        return "time", index
    if _is_label(context, index - 1) or (before == "-" and _is_label(context, index - 2)):
        return "label", index
    if before == "ال" and not context.noun(index + 1):
        return "ordinal", index
    months = context.dates.month_first_words
    if 1 <= value <= 31 and (after in months or (after in ("/", "من") and context.word(index + 2) in months)):
        return "date", index
    if len(tokens[index].text) == 4 and (context.numbers.marker("year_word", before) or before in context.dates.month_last_words):
        return "year", index
    if len(tokens[index].text) == 4 and 1900 <= value <= 2100:
        return "year", index
    return None


def _starts_line(context: Context, index: int) -> bool:
    """True when the token at ``index`` is the first thing on its line."""
    start = context.tokens.starts[index]
    return context.text[:start].rstrip(" ")[-1:] in ("", "\n")


def _is_label(context: Context, index: int) -> bool:
    """A label word (الفرقة, سوخوي, إف) or a Latin word (F, S) before a number."""
    word = context.word(index)
    return context.numbers.marker("label", word) or (word.isascii() and word.isalpha())


def _is_age(context: Context, found: Found) -> bool:
    """"يبلغ من العمر 16 عاماً", "البالغ 58 عاما", "في الـ 16 من عمره"."""
    window = range(max(0, found.first - 3), found.first)
    if any(context.numbers.marker("age_word", context.word(i)) for i in window):
        return True
    if context.word(found.first - 1) == "(" and context.word(found.last + 1) == ")":
        return True
    return False
