"""Dates and relative time phrases in Arabic news text, resolved against publication.

:func:`find_times` returns one :class:`rasd.records.TimeExpression` per phrase:

- explicit dates: "20 كانون الثاني/يناير" (either month series, paired with "/" or a
  space), "14 أيار/مايو 2019", "السابع من إبريل/ نيسان الحالي", "نهاية نيسان/أبريل"
  (last 7 days, precision week), "عام 2015", "14/5/2019", "2018-03-17"; a date without
  a year is the latest such date not after publication;
- relative phrases (basis ``relative``): أمس, اليوم, أول أمس, الليلة الماضية, فجر اليوم,
  weekday names (the latest such day on or before publication; with الماضي strictly
  before; with المقبل strictly after), "ليل الأربعاء الخميس" (two days), "قبل ثلاثة أيام"
  (P-3), "منذ ثلاثة أيام" (P-3..P), "قبل أيام" (P-7..P-1, week), "أقل من يومين" (P-2..P),
  "منذ حوالي عام" (P-1 year..P; a hedge widens the precision), "خلال الأيام الماضية", "الأسبوع / الشهر / العام الماضي",
  "في يوليو/تموز من العام الماضي", future phrases with المقبل / القادم / غداً;
- "منذ" before a date makes a range from it to the publication date
  ("منذ 19 يونيو/حزيران", "منذ مساء الأربعاء").

Without a publication date, phrases that need one keep their basis and precision with
``date_start`` and ``date_end`` None. Spans leave out a leading proclitic and "في".

>>> import datetime as dt
>>> [(t.text, t.date_start, t.date_end, t.basis) for t in find_times("قُتل 11 مدنياً، السبت", dt.date(2018, 3, 17))]
[('السبت', datetime.date(2018, 3, 17), datetime.date(2018, 3, 17), 'relative')]
>>> t = find_times("بعد أقل من يومين على صدور فتوى", None)[0]
>>> t.text, t.basis, t.date_start
('أقل من يومين', 'relative', None)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from rasd.records import TimeExpression
from rasd.text.dates_calendar import (
    PRECISION_OF_UNIT, WIDER, last_weekday, month_range, next_weekday, shift, week_range, year_range,
)
from rasd.text.dates_lexicon import DateLexicon
from rasd.text.normalize import normalize_text, NormalizedText, normalize_key
from rasd.text.numbers_words import parse_number_words, scan_document

__all__ = ["find_times"]

# a year (four digits) or the day or month of a numeric date ("14/5/2019"): the digit run
# must start there, which is tested after the first digit so that the engine can skip to digits
_DIGITS = re.compile(r"\d(?<!\d\d)(?:(?P<year>\d{3})(?!\d)|\d?(?=[/.-]\d))")
_REACH = 70
_SINCE = re.compile(r"(?:^|(?<=\s)|(?<=و))منذ\s+$")
_MONTH_CONTEXT = frozenset({"في", "خلال", "منذ", "حتي", "شهر", "قبل", "بعد", "ومنذ", "وفي", "طيله", "اواخر", "مطلع"})
_LESS = frozenset({"اقل من", "ما يقل عن"})
_VAGUE_SPAN = {"hour": (0, 0, "day"), "day": (7, 1, "week"), "week": (8, 2, "month"), "month": (12, 2, "month"), "year": (10, 2, "year")}
_VAGUE_LAST = {"hour": 1, "day": 7, "week": 4, "month": 6, "year": 5}


@dataclass(frozen=True, slots=True)
class _Time:
    """A time phrase found in normalised text, before mapping back to the original."""

    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str
    basis: str
    since: bool = False


def find_times(
    text: str, published: dt.date | None, offset: int = 0, *, normalized: NormalizedText | None = None
) -> list[TimeExpression]:
    """Every date or time phrase in ``text``, sorted by start; spans into ``text`` + ``offset``.

    ``published`` may be a date or a datetime. ``normalized`` may pass
    ``normalize_text(text)`` when the caller already has it.

    >>> import datetime as dt
    >>> t = find_times("منذ 19 يونيو/حزيران", dt.date(2018, 6, 28))[0]
    >>> t.text, t.date_start, t.date_end, t.precision, t.basis
    ('منذ 19 يونيو/حزيران', datetime.date(2018, 6, 19), datetime.date(2018, 6, 28), 'day', 'explicit')
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    normalized = normalize_text(text) if normalized is None else normalized
    lexicon = DateLexicon.load()
    found = []
    for name, windows in _windows(normalized.text, lexicon).items():
        pattern, handler = lexicon.patterns[name], _HANDLERS[name]
        for start, end in windows:
            for match in pattern.finditer(normalized.text, start, end):
                try:
                    item = handler(match, published, lexicon)
                except (OverflowError, ValueError):  # "قبل 99999999 عام": outside the calendar
                    item = None
                if item is not None:
                    found.append(item)
    chosen = [_with_since(normalized.text, item, published) for item in _non_overlapping(found)]
    return [_to_record(normalized, item, offset) for item in chosen]


def _windows(text: str, lexicon: DateLexicon) -> dict[str, list[tuple[int, int]]]:
    """Per pattern, the stretches of text around the words that can anchor it.

    A window reaches ``_REACH`` characters before a trigger and ``_REACH`` after it, to
    a space, so no phrase is cut ("في وقت مبكر من صباح يوم الاثنين" fits). Patterns run
    only inside their windows: most of an article is never scanned by them.
    """
    anchors: dict[str, list[int]] = {}
    present = set(scan_document(text).texts).intersection(lexicon.triggers)  # triggers are words
    for word in sorted(present):  # a fixed order: the same text always gives the same dates
        names = lexicon.triggers[word]
        for start in _occurrences(text, word):
            for name in names:
                anchors.setdefault(name, []).append(start)
    for match in _DIGITS.finditer(text):
        for name in ("year", "numeric") if match.group("year") else ("numeric",):
            anchors.setdefault(name, []).append(match.start())
    return {name: _merge(text, sorted(anchors[name])) for name in sorted(anchors)}


def _occurrences(text: str, word: str) -> list[int]:
    """Starts of ``word`` as a whole word in ``text`` (str.find: faster than a regex)."""
    starts, position, size = [], text.find(word), len(word)
    while position >= 0:
        end = position + size
        if (position == 0 or not text[position - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            starts.append(position)
        position = text.find(word, end)
    return starts


def _merge(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for anchor in anchors:
        start = max(0, anchor - _REACH)
        stop = text.find(" ", min(len(text), anchor + _REACH))
        stop = len(text) if stop < 0 else stop
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], stop)
        else:
            windows.append((start, stop))
    return windows


def _non_overlapping(found: list[_Time]) -> list[_Time]:
    """The longest phrases first, then every phrase that does not overlap them, by start."""
    kept: list[_Time] = []
    for item in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda t: t.start)


def _with_since(text: str, item: _Time, published: dt.date | None) -> _Time:
    """"منذ X": a range from X to the publication date."""
    match = _SINCE.search(text, max(0, item.start - 8), item.start)
    if item.since or match is None:
        return item
    end = published if published is not None and item.date_start is not None and item.date_start <= published else item.date_end
    return replace(item, start=match.start(), date_end=end, since=True)


def _to_record(normalized: NormalizedText, item: _Time, offset: int) -> TimeExpression:
    start, end = normalized.span_to_original(item.start, item.end)
    return TimeExpression(
        text=normalized.original[start:end], start=start + offset, end=end + offset,
        date_start=item.date_start, date_end=item.date_end, precision=item.precision, basis=item.basis,
    )


def _span(match: re.Match[str]) -> tuple[int, int]:
    return match.span("x") if "x" in match.re.groupindex else match.span()


@functools.lru_cache(maxsize=1 << 12)
def _key(text: str | None) -> str:
    return normalize_key(text) if text else ""


def _previous_word(match: re.Match[str]) -> str:
    before = match.string[: _span(match)[0]].rsplit(None, 1)  # the last word only
    return before[-1] if before else ""


def _time(match, day_start, day_end, precision, basis, since=False) -> _Time:
    start, end = _span(match)
    return _Time(start, end, day_start, day_end, precision, basis, since)


# --------------------------------------------------------------------------- explicit


def _numeric(match, published, lexicon) -> _Time | None:
    """"14/5/2019", "14-05-2019", "2018-03-17"."""
    if match["d"]:
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    else:
        day, month, year = int(match["id"]), int(match["im"]), int(match["iy"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _time(match, date, date, "day", "explicit") if 1900 <= year <= 2100 else None


def _year(match, published, lexicon) -> _Time | None:
    """"عام 2015", "في 2011", "منذ العام 2013"."""
    year = int(match["year"])
    if not (match["pre"] or match["yw"]) or not 1900 <= year <= 2100:
        return None
    return _time(match, *year_range(year), "year", "explicit")


def _month(match, published, lexicon) -> _Time | None:
    """A month name with an optional day, pair, year, relative year and part of month."""
    month = lexicon.months[_key(match["m1"])]
    day = int(match["day"]) if match["day"] else lexicon.ordinals.get(_key(match["ord"]))
    dated = bool(day or match["year"] or match["rel"] or match["m2"] or match["part"])
    if not dated and (_key(match["m1"]) in lexicon.strict_months or _previous_word(match) not in _MONTH_CONTEXT):
        if not match["m3"]:
            return None
    basis = "relative" if match["rel"] and not day and not match["year"] else "explicit"
    precision = "day" if day else ("week" if match["part"] else "month")
    year = int(match["year"]) if match["year"] else _month_year(match, published, lexicon, month, day)
    if year is None:
        return _time(match, None, None, precision, basis)
    try:
        if day:
            first = last = dt.date(year, month, day)
        else:
            first, last = _month_part(year, month, lexicon.monthparts.get(_key(match["part"])))
    except ValueError:
        return None
    return _time(match, first, last, precision, basis)


def _month_year(match, published, lexicon, month: int, day: int | None) -> int | None:
    """The year of a month named without one, from the publication date and a qualifier."""
    if published is None:
        return None
    rel = _key(match["rel"])
    words = rel.split()
    kind = lexicon.qualifiers.get(words[-1], "current") if words else None
    here = (month, day or 0) if day else (month, 0)
    now = (published.month, published.day) if day else (published.month, 0)
    if len(words) > 1:  # من العام الماضي / هذا العام
        return published.year + {"past": -1, "current": 0, "future": 1}[kind]
    if kind == "future":
        return published.year if here > now else published.year + 1
    if kind == "current":
        return published.year
    if kind == "past" and not day:
        return published.year if month < published.month else published.year - 1
    return published.year if here <= now else published.year - 1


def _month_part(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    first, last = month_range(year, month)
    if part == "start":
        return first, first + dt.timedelta(days=6)
    if part == "middle":
        return first + dt.timedelta(days=10), first + dt.timedelta(days=19)
    if part == "end":
        return last - dt.timedelta(days=6), last
    return first, last


# --------------------------------------------------------------------------- relative


def _relday(match, published, lexicon) -> _Time | None:
    """أمس, اليوم, أول أمس, الليلة الماضية, فجر اليوم, "اليوم الأربعاء", غداً."""
    word = _key(match["rd"])
    if word == "اليوم" and not match["wd"]:
        following = match.string[match.end():].split()
        previous = _previous_word(match)
        if following and following[0].startswith("ال") or previous in lexicon.words["anchor"] or previous in ("في", "وفي"):
            return None  # اليوم التالي, ذلك اليوم, "5 في اليوم" (a day, not today)
    if published is None:
        return _time(match, None, None, "day", "relative")
    day = published + dt.timedelta(days=lexicon.reldays[word])
    return _time(match, day, day, "day", "relative")


def _weekday(match, published, lexicon) -> _Time | None:
    """"السبت", "مساء الجمعة", "الأحد الماضي", "ليل الأربعاء الخميس", "الخميس المقبل"."""
    if _previous_word(match) in lexicon.words["block"]:
        return None
    if published is None:
        return _time(match, None, None, "day", "relative")
    first = lexicon.weekdays[_key(match["w1"])]
    kind = lexicon.qualifiers.get(_key(match["rel"]), "")
    if match["w2"]:
        second = lexicon.weekdays[_key(match["w2"])]
        end = _resolve_weekday(published, second, kind)
        return _time(match, end - dt.timedelta(days=(second - first) % 7 or 7), end, "day", "relative")
    day = _resolve_weekday(published, first, kind)
    return _time(match, day, day, "day", "relative")


def _resolve_weekday(published: dt.date, weekday: int, kind: str) -> dt.date:
    if kind == "future":
        return next_weekday(published, weekday)
    return last_weekday(published, weekday, strict=kind == "past")


def _count(match, lexicon) -> tuple[str, int | None]:
    """(unit, count) of a duration: "ثلاثة أيام" (day, 3), "يومين" (day, 2), "أيام" (day, None)."""
    unit, count = lexicon.units[_key(match["unit"])]
    number = match["num"] if "num" in match.re.groupindex else None
    if number:
        value = parse_number_words(number.replace("ال", "", 1) if number.startswith("ال") else number)
        return unit, value
    return unit, count


def _ago(match, published, lexicon) -> _Time | None:
    """"قبل ثلاثة أيام", "منذ حوالي عام تقريباً", "قبل أيام", "منذ أقل من يومين"."""
    unit, count = _count(match, lexicon)
    hedge = _key(match["hedge"])
    anchored = match.string[match.end():].split()[:1] in (["من"], ["علي"])
    precision = PRECISION_OF_UNIT[unit]
    if count is None or match["few"]:
        back, near, precision = _VAGUE_SPAN[unit]
        if published is None or anchored:
            return _time(match, None, None, precision, "relative", since=True)
        near_day = shift(published, unit if unit != "hour" else "day", -near) if near else published
        return _time(match, shift(published, unit if unit != "hour" else "day", -back), near_day, precision, "relative", True)
    if hedge in _LESS:
        start = None if published is None or anchored else shift(published, unit, -count)
        return _time(match, start, published if start else None, precision, "relative", since=True)
    if hedge or match["approx"]:
        precision = WIDER[precision]
    day = None if published is None or anchored else shift(published, unit, -count)
    until = published if day is not None and match["pre"] == "منذ" else day  # منذ: since then
    return _time(match, day, until, precision, "relative", since=True)


def _within(match, published, lexicon) -> _Time | None:
    """"أقل من يومين": a range from that long before publication to publication."""
    if _key(match["hedge"]) not in _LESS:
        return None
    unit, count = _count(match, lexicon)
    if count is None:
        return None
    precision = PRECISION_OF_UNIT[unit]
    if published is None:
        return _time(match, None, None, precision, "relative")
    return _time(match, shift(published, unit, -count), published, precision, "relative")


def _last(match, published, lexicon) -> _Time | None:
    """"خلال الأيام الماضية", "خلال الـ24 ساعة الماضية", "في الأشهر الأخيرة", "الأيام المقبلة"."""
    unit, count = _count(match, lexicon)
    if match["num2"]:
        count = parse_number_words(match["num2"][2:])
    if count == 1 and not match["num"]:
        return None
    precision = PRECISION_OF_UNIT[unit] if count else WIDER[PRECISION_OF_UNIT[unit]]
    if published is None:
        return _time(match, None, None, precision, "relative")
    span = count or _VAGUE_LAST[unit]
    if _key(match["rel"]) in ("المقبله", "القادمه", "المقبل", "القادم"):
        return _time(match, published, shift(published, unit, span), precision, "relative")
    return _time(match, shift(published, unit, -span), published, precision, "relative")


def _calendar(match, published, lexicon) -> _Time | None:
    """"الأسبوع الماضي", "هذا الشهر", "العام الماضي", "السنة المقبلة"."""
    kind = lexicon.qualifiers.get(_key(match["rel"]), "") or ("current" if match["this"] else "")
    if not kind:
        return None
    period = lexicon.calendars[_key(match["cal"])]
    if published is None:
        return _time(match, None, None, period, "relative")
    step = {"past": -1, "current": 0, "future": 1}[kind]
    if period == "week":
        first, last = week_range(published, step)
    elif period == "month":
        moved = shift(published.replace(day=1), "month", step)
        first, last = month_range(moved.year, moved.month)
    else:
        first, last = year_range(published.year + step)
    return _time(match, first, last, period, "relative")


_HANDLERS = {
    "numeric": _numeric,
    "month": _month,
    "year": _year,
    "relday": _relday,
    "weekday": _weekday,
    "ago": _ago,
    "within": _within,
    "last": _last,
    "calendar": _calendar,
}
