"""Date vocabulary (``rasd/data/date_words.tsv``) and the regular expressions built from it.

Everything is normalised (:func:`rasd.text.normalize.normalize_key`) and compiled once
per process by :meth:`DateLexicon.load`. The patterns run on normalised text; named
groups carry the parts that :mod:`rasd.text.dates` resolves.

>>> lexicon = DateLexicon.load()
>>> lexicon.months["كانون الثاني"], lexicon.weekdays["الجمعه"], lexicon.reldays["امس"]
(1, 4, -1)
>>> "كانون" in lexicon.month_first_words
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rasd.text.normalize import normalize_key
from rasd.text.numbers_lexicon import NumberLexicon, read_data_rows

__all__ = ["DateLexicon"]


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """Normalised date words and the compiled patterns of the date grammar.

    ``month_first_words`` (كانون, يناير): a number before them is a day of the month;
    ``month_last_words`` (الثاني, يناير): a number after them is a year; ``triggers``
    maps the words that anchor a phrase to the names of the patterns to run near them.
    """

    months: dict[str, int]
    strict_months: frozenset[str]
    weekdays: dict[str, int]
    reldays: dict[str, int]
    units: dict[str, tuple[str, int | None]]
    calendars: dict[str, str]
    ordinals: dict[str, int]
    monthparts: dict[str, str]
    qualifiers: dict[str, str]
    words: dict[str, frozenset[str]]
    month_first_words: frozenset[str]
    month_last_words: frozenset[str]
    triggers: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern[str]]

    @classmethod
    def load(cls) -> DateLexicon:
        """The packaged vocabulary and its patterns (built once per process)."""
        return _load()

def _alternation(forms) -> str:
    """A regex alternation of normalised forms, longest first, spaces made flexible."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


@functools.lru_cache(maxsize=1)
def _load() -> DateLexicon:
    table: dict[str, dict[str, str]] = {}
    for form, kind, value in read_data_rows("date_words.tsv", 3):
        table.setdefault(kind, {})[normalize_key(form)] = value
    months = {**{k: int(v) for k, v in table["month"].items()}, **{k: int(v) for k, v in table["month_strict"].items()}}
    units = {}
    for form, value in table["unit"].items():
        unit, _, count = value.partition(":")
        units[form] = (unit, None if count == "n" else int(count))
    qualifiers = {form: kind for kind in ("past", "current", "future") for form in table[kind]}
    words = {kind: frozenset(table.get(kind, {})) for kind in ("block", "anchor", "daypart")}
    lexicon = DateLexicon(
        months=months,
        strict_months=frozenset(table["month_strict"]),
        weekdays={k: int(v) for k, v in table["weekday"].items()},
        reldays={k: int(v) for k, v in table["relday"].items()},
        units=units,
        calendars=dict(table["calendar"]),
        ordinals={k: int(v) for k, v in table["ordinal"].items()},
        monthparts=dict(table["monthpart"]),
        qualifiers=qualifiers,
        words=words,
        month_first_words=frozenset(name.split()[0] for name in months),
        month_last_words=frozenset(name.split()[-1] for name in months),
        triggers=_triggers(table),
        patterns={},
    )
    lexicon.patterns.update(_patterns(lexicon, table))
    return lexicon


_TRIGGERED = {
    "month": ("month",), "month_strict": ("month",), "weekday": ("weekday", "relday"), "relday": ("relday",),
    "unit": ("ago", "within", "last"), "calendar": ("calendar",),
}


def _triggers(table: dict[str, dict[str, str]]) -> dict[str, tuple[str, ...]]:
    """Words that anchor a date phrase (with their proclitics) -> the patterns to try near them."""
    triggers: dict[str, set[str]] = {}
    for kind, names in _TRIGGERED.items():
        for form in table[kind]:
            for word in set(form.split()) - {"من", "هذا", "هذه", "اول", "بعد"}:
                for prefix in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "لل", "ال", "وال", "بال"):
                    triggers.setdefault(prefix + word, set()).update(names)
    return {word: tuple(sorted(names)) for word, names in triggers.items()}


def _number_alternation() -> str:
    """Digits, or a run of number words (joined by spaces and "و"), for durations."""
    atoms = NumberLexicon.load().atoms
    word = f"(?:{_alternation(atoms)})"
    return rf"\d+|{word}(?:\s+و?\s*{word}|\s*و{word})*"


def _patterns(lexicon: DateLexicon, table: dict[str, dict[str, str]]) -> dict[str, re.Pattern[str]]:
    month = _alternation(lexicon.months)
    weekday = _alternation(lexicon.weekdays)
    qualifier = _alternation(lexicon.qualifiers)
    daypart = _alternation(table["daypart"])
    unit = _alternation(lexicon.units)
    number = _number_alternation()
    before = r"(?<!\w)(?:[وفبل]|وب|ول|فب|فل)?"
    after = r"(?!\w)"
    hedge = r"حوالي|نحو|قرابه|زهاء|ما\s+يقارب|ما\s+يزيد\s+عن|اكثر\s+من|اقل\s+من|ما\s+يقل\s+عن"
    sources = {
        "numeric": r"(?<![\w/.-])(?:(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
        r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))(?![\w/-])",
        "month": before + rf"(?P<x>(?:(?P<part>{_alternation(lexicon.monthparts)})\s+(?:شهر\s+)?)?"
        rf"(?:(?P<day>\d{{1,2}})\s*/?\s*(?:من\s+)?(?:شهر\s+)?|(?P<ord>{_alternation(lexicon.ordinals)})\s+من\s+(?:شهر\s+)?)?"
        rf"(?P<m1>{month})(?:\s*[/\\-]\s*(?P<m2>{month})|\s+(?P<m3>{month}))?"
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(?P<year>\d{{4}})(?!\d)"
        rf"|\s+(?:من\s+)?(?P<rel>(?:العام|السنه)\s+(?:{qualifier})|هذا\s+العام|{qualifier})(?!\w))?){after}",
        "year": before + r"(?:(?P<pre>في|منذ|حتي|خلال|مطلع|اواخر|بدايه|نهايه|منتصف|اوايل|قبل|بعد)\s+)?"
        r"(?P<x>(?:(?P<yw>عام|العام|سنه|السنه|لعام|للعام)\s+)?(?P<year>\d{4}))(?![\d/-])",
        "relday": before + rf"(?P<x>(?:(?P<dp>{daypart})\s+)?(?P<rd>{_alternation(lexicon.reldays)})"
        rf"(?:\s+(?P<wd>{weekday}))?){after}",
        "weekday": before + rf"(?P<x>(?:يوم\s+|يومي\s+)?(?:(?P<dp>{daypart})\s+)?(?P<w1>{weekday})"
        rf"(?:\s*(?:الي|-|/|و)?\s*(?P<w2>{weekday}))?(?:\s+(?P<rel>{qualifier}))?){after}",
        "ago": before + rf"(?P<x>(?P<pre>قبل|منذ)\s+(?:(?P<hedge>{hedge})\s+)?(?:(?P<few>بضعه|بضع|عده)\s+)?"
        rf"(?:(?P<num>{number})\s+)?(?P<unit>{unit})(?:\s+(?:قليله|عديده))?(?!\s*\d)(?:\s+(?P<approx>تقريبا))?){after}",
        "within": before + rf"(?P<x>(?P<hedge>{hedge})\s+(?:(?P<num>{number})\s+)?(?P<unit>{unit})){after}",
        "last": before + rf"(?P<pre>خلال|في|طيله|طوال)\s+(?P<x>(?:ال)?(?:(?P<num>\d+|{number})\s+)?(?:ال)?(?P<unit>{unit})"
        rf"\s+(?:(?P<num2>ال(?:{number}))\s+)?(?P<rel>الماضيه|الماضي|الاخيره|الاخير|المنصرمه|الفايته|المقبله|القادمه|المقبل|القادم)){after}",
        "calendar": before + rf"(?P<x>(?:(?P<this>هذا|هذه)\s+)?(?P<cal>{_alternation(lexicon.calendars)})"
        rf"(?:\s+(?P<rel>{qualifier}))?){after}",
    }
    return {name: re.compile(source) for name, source in sources.items()}
