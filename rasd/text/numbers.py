"""Quantities in Arabic text: numbers, approximate words, hedges and the noun counted.

:func:`find_quantities` returns one :class:`rasd.records.Quantity` per number phrase:

- digits in any script, also glued to a proclitic ("و14", "بـ250"), with scales
  ("200 ألف", "5.6 مليون"); number words and compounds (:mod:`rasd.text.numbers_words`);
  duals of counted nouns ("قتيلان", "عنصرين" = 2) and "noun + واحد" (= 1);
- approximate words as ranges (DESIGN.md): عشرات 20-99, مئات 200-999, آلاف 2000-9999,
  عشرات الآلاف 20000-99999, بضعة 3-9; "عدد من" + noun keeps no numbers;
- hedges: "أكثر من N" min N+1; "ما لا يقل عن N" / "N على الأقل" min N; "نحو / حوالي /
  قرابة N" value N, approximate; "أقل من N" max N-1; "بين N و M" / "N-M" min N, max M;
- the counted noun after the number ("20 عنصراً", "مئات العناصر", "11 قتيلاً مدنياً"),
  or after "من" ("1500 من مقاتلي"); ``noun`` is its lemma, ``unit`` and ``kind`` come
  from ``rasd/data/quantity_nouns.tsv`` (قتيل -> kind killed). "20 من قرية" has no noun.

``text`` covers hedge + number + counted noun (+ "آخرين", + a trailing hedge), without a
leading proclitic: "أكثر من 100 شاب", "35 هجمة جوية روسية على الأقل", "20 من".

Numbers that are not counts are returned flagged through ``unit``: ``year`` (عام 2015,
a bare 2018), ``date`` (20 كانون الثاني, 14/5/2019), ``time`` (الساعة 5, 10:30),
``percent``, ``label`` (الفرقة 11, القرار 2401, F-16, سوخوي 24), ``ordinal`` (الذكرى
الـ17), time amounts (``days``,
``years``, ... with ``kind="age"`` for ages). :func:`is_count` says which to keep.

>>> [(q.text, q.value, q.min, q.max, q.unit) for q in find_quantities("تخلف أكثر من 100 شاب و20 من قرية الكرك")]
[('أكثر من 100 شاب', None, 101, None, 'people'), ('20 من', 20, None, None, None)]
>>> q = find_quantities("قيام مئات العناصر بالانشقاق")[0]
>>> q.text, q.min, q.max, q.approximate, q.unit
('مئات العناصر', 200, 999, True, 'fighters')
"""

from __future__ import annotations

import functools

from rasd.records import Quantity
from rasd.text.normalize import normalize_text, NormalizedText
from rasd.text.dates_lexicon import DateLexicon
from rasd.text.numbers_context import Context, Found
from rasd.text.numbers_flags import with_flags
from rasd.text.numbers_lexicon import HEDGE_PREFIXES, PROCLITICS, NounLexicon, NumberLexicon
from rasd.text.numbers_words import parse_number_words, read_number, scan_document

__all__ = ["NON_COUNT_UNITS", "find_quantities", "is_count", "parse_number_words"]

NON_COUNT_UNITS = frozenset(
    {"year", "date", "time", "percent", "label", "ordinal", "minutes", "hours", "days", "weeks", "months", "years",
     "km", "m", "tons", "usd", "eur", "currency"}
)
_GLUED = frozenset(PROCLITICS[1:] + ("ال", "بال", "وال", "لل"))
_PERSONS = frozenset({"person", "nationality"})
_NOUN_COUNTS = frozenset({"person", "nationality", "object", "place"})
_PARTITIVE = _NOUN_COUNTS  # "ثمانية من الأهداف"; a singular after "من" is an origin: "20 من قرية"
_ONE = frozenset({"واحد", "واحده", "واحدا"})
_ONE_OF = frozenset({"احد", "احدي"})
_TWO = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
_SKIP_STOP = frozenset({"في", "من", "الي", "عن", "و", "ان", "التي", "الذي", "الذين", "بعد", "قبل", "منذ", "خلال", "مع"})
# normalised words after an approximate word: "عشرات الآلاف", "بضع مئات" (مئات is "ميات")
_MULTIPLIERS = {"الاف": 1000, "الالاف": 1000, "الوف": 1000, "ملايين": 10**6, "الملايين": 10**6, "ميات": 100, "عشرات": 10}


def find_quantities(text: str, offset: int = 0, *, normalized: NormalizedText | None = None) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start; spans are into ``text`` plus ``offset``.

    ``normalized`` may pass ``normalize_text(text)`` when the caller already has it
    (the same object serves :func:`rasd.text.dates.find_times`).

    >>> [(q.text, q.value, q.kind, q.unit) for q in find_quantities("قتيل و6 جرحى")]
    [('قتيل', 1, 'killed', 'people'), ('6 جرحى', 6, 'injured', 'people')]
    >>> [(q.text, q.unit) for q in find_quantities("منذ عام 2015")]
    [('2015', 'year')]
    """
    normalized = normalize_text(text) if normalized is None else normalized
    tokens = scan_document(normalized.text)
    context = Context(normalized.text, tokens, NumberLexicon.load(), NounLexicon.load(), DateLexicon.load(), {})
    found: list[Found] = []
    openers, following = _openers(), 0
    for index in [i for i, word in enumerate(tokens.texts) if word in openers or word[0].isdigit()]:
        if index < following:  # inside the quantity found before
            continue
        quantity = _quantity_at(context, index, found[-1] if found else None)
        if quantity is not None:
            found.append(quantity)
            following = quantity.last + 1
    return [_to_record(normalized, context, item, offset) for item in found]


@functools.lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """The words a quantity can start with: number phrase starters and counted nouns (digits aside)."""
    return frozenset(NumberLexicon.load().starters) | frozenset(NounLexicon.load().bare)


def is_count(quantity: Quantity) -> bool:
    """True when the quantity counts people or things (not a year, date, label, age...)."""
    return quantity.unit not in NON_COUNT_UNITS and quantity.kind != "age"


def _to_record(normalized: NormalizedText, context: Context, found: Found, offset: int) -> Quantity:
    start, end = normalized.span_to_original(found.start, context.tokens[found.last].end)
    value = found.value if isinstance(found.value, int) or found.value is None else None
    return Quantity(
        text=normalized.original[start:end], start=start + offset, end=end + offset, value=value,
        min=found.low, max=found.high, approximate=found.approximate,
        unit=found.unit, kind=found.kind, noun=found.noun,
    )


def _quantity_at(context: Context, index: int, previous: Found | None) -> Found | None:
    """The quantity that starts at token ``index``, with its hedges, noun and flags."""
    nucleus = _nucleus(context, index)
    if nucleus is None:
        return _noun_quantity(context, index, previous)
    hedge = _hedge_before(context, nucleus.first)
    found = _with_range(context, _with_hedge(nucleus, hedge), hedge)
    found = _with_noun(context, _with_post_hedge(context, found, skip=0))
    found = _with_post_hedge(context, found, skip=3 if found.noun else 0)
    return with_flags(context, found, nucleus)


def _nucleus(context: Context, index: int) -> Found | None:
    """A number, approximate word or "عدد من" at token ``index`` (before hedges and noun)."""
    if index >= len(context.tokens.texts):
        return None
    tokens = context.tokens
    kind = tokens.kind(index)
    if kind == "d":
        read = read_number(tokens, index, context.numbers)
        if read is None or not isinstance(read.value, int):
            return None
        return Found(index, read.last, tokens.starts[index], value=read.value, bare=not read.words)
    split = context.numbers.starters.get(tokens.texts[index]) if kind == "w" else None
    return None if split is None else _word_nucleus(context, index, *split)


def _word_nucleus(context: Context, index: int, prefix: str, stem: str) -> Found | None:
    atoms, start = context.numbers.atoms, context.tokens[index].start + len(prefix)
    if prefix.endswith(("ال", "لل")):  # the article stays in the span: "العشرات", "بالآلاف" -> "الآلاف"
        start -= 2 if prefix.endswith("ال") else 1
    if stem in atoms and prefix in PROCLITICS and (len(stem) > 2 or prefix in ("", "و")):
        read = read_number(context.tokens, index, context.numbers, first_word=stem)
        if read is not None and isinstance(read.value, int):
            if read.last == index and (stem in _ONE or stem in _ONE_OF):
                return _one(context, index, start, stem)
            if read.last == index and stem in _TWO and not prefix:
                return _two(context, index, start)
            return Found(index, read.last, start, value=read.value)
    entry = context.numbers.ranges.get(stem)
    if entry is None or (prefix not in PROCLITICS and entry[0] != "vague"):
        return None
    role, low, high = entry
    if role == "some":
        return _some(context, index, start)
    multiplier = _MULTIPLIERS.get(context.word(index + 1)) if role == "few" or low < 1000 else None
    if multiplier and (role == "few" or multiplier == 1000 or multiplier == 10**6):
        return Found(index, index + 1, start, low=low * multiplier, high=(high + 1) * multiplier - 1, approximate=True)
    return Found(index, index, start, low=low, high=high, approximate=True)


def _one(context: Context, index: int, start: int, stem: str) -> Found | None:
    """"أحد العناصر" and "واحد من المدنيين" are 1; a bare "واحد" or "أحد" is not a count."""
    follower = index + 2 if stem in _ONE and context.word(index + 1) == "من" else index + 1
    entry = context.noun(follower)
    if entry is None or entry.cls not in _NOUN_COUNTS or (stem in _ONE and follower == index + 1):
        return None
    return Found(index, follower, start, value=1, unit=entry.unit, kind=entry.kind, noun=entry.lemma)


def _two(context: Context, index: int, start: int) -> Found:
    """"مدنيين اثنين", "مقاتلين اثنين": the noun before "اثنين" is the one counted."""
    entry = context.noun(index - 1)
    if entry is None or entry.cls not in _NOUN_COUNTS or entry.definite:
        return Found(index, index, start, value=2)
    return Found(index - 1, index, context.tokens.starts[index - 1], value=2, unit=entry.unit, kind=entry.kind, noun=entry.lemma)


def _some(context: Context, index: int, start: int) -> Found | None:
    """"عدد من القتلى", "عدداً كبيراً من", "العديد من", "عدة مناطق": approximate, no numbers."""
    position = index + 1
    if context.word(position) in ("كبير", "كبيرا", "قليل", "قليلا", "محدود", "محدودا"):
        position += 1
    if context.word(position) == "من":
        position += 1
    elif context.word(index) not in ("عده", "وعده"):
        return None
    entry = context.noun(position)
    if entry is None or entry.number == "singular":
        return None
    return Found(index, position, start, approximate=True, unit=entry.unit, kind=entry.kind, noun=entry.lemma)


def _hedge_before(context: Context, index: int) -> tuple[str, int, int] | None:
    """(role, first token, normalised start) of a hedge that ends just before ``index``."""
    texts, starts, end = context.tokens.texts, context.tokens.starts, index
    if end > 0 and texts[end - 1] in _GLUED and starts[end - 1] + len(texts[end - 1]) == starts[end]:
        end -= 1
    if end == 0 or texts[end - 1] not in context.numbers.hedge_ends:  # no hedge ends here
        return None
    for length in (4, 3, 2, 1):
        first = end - length
        if first < 0 or not all(w.isalpha() for w in texts[first:end]):
            continue
        words = texts[first:end]
        for prefix in HEDGE_PREFIXES:
            if words[0].startswith(prefix) and len(words[0]) > len(prefix) + 1:
                role = context.numbers.hedges.get((words[0][len(prefix):], *words[1:]))
                if role is not None:
                    return role, first, starts[first] + len(prefix)
    return None


def _with_hedge(found: Found, hedge: tuple[str, int, int] | None) -> Found:
    if hedge is None or hedge[0] == "between":
        return found
    role, _, start = hedge
    return _apply(found, role)._replace(start=start, bare=False)


def _apply(found: Found, role: str) -> Found:
    """The numbers of ``found`` under a hedge (DESIGN.md conventions)."""
    exact, low = found.value, found.value if found.value is not None else found.low
    if low is None:
        return found._replace(approximate=True)
    if role == "more":
        return found._replace(value=None, low=(exact + 1) if exact is not None else low, high=None, approximate=True)
    if role in ("atleast", "post_more"):
        return found._replace(value=None, low=low, high=None, approximate=True)
    if role == "over":
        return found._replace(value=None, low=low + 1, high=None, approximate=True)
    if role == "less" and exact is not None:
        return found._replace(value=None, low=None, high=exact - 1, approximate=True)
    if role == "atmost" and exact is not None:
        return found._replace(value=None, low=None, high=exact, approximate=True)
    return found._replace(approximate=True)


def _with_range(context: Context, found: Found, hedge: tuple[str, int, int] | None) -> Found:
    """"بين 100 و200", "20-30", "20 إلى 30": min and max, approximate."""
    if found.value is None:
        return found
    between = hedge is not None and hedge[0] == "between"
    joiner = context.word(found.last + 1)
    if not (between and joiner == "و") and not (joiner in ("-", "الي") and context.word(found.first - 1) != "من"):
        return found
    second = _nucleus(context, found.last + 2)
    if second is None or second.value is None or second.value <= found.value:
        return found
    start = hedge[2] if between else found.start
    return found._replace(
        last=second.last, start=start, value=None, low=found.value, high=second.value, approximate=True, bare=False
    )


def _with_noun(context: Context, found: Found) -> Found:
    """The counted noun after the number, a second noun that narrows the unit, "آخرين", "من X"."""
    if found.noun is not None:
        return found
    position, entry = found.last + 1, context.noun(found.last + 1)
    if entry is not None and entry.number != "dual":
        found = found._replace(last=position, unit=entry.unit, kind=entry.kind, noun=entry.lemma, bare=False)
        position += 1
        extra = context.noun(position)
        if extra is not None and extra.cls in _PERSONS and extra.lemma != entry.lemma:
            unit = extra.unit if entry.unit == "people" else entry.unit
            found = found._replace(last=position, unit=unit, kind=entry.kind or extra.kind)
            position += 1
        joined = context.word(position)
        also = context.noun(position, proclitics=True) if joined.startswith("و") else None
        if also is not None and also.cls == entry.cls and also.lemma != entry.lemma and also.number == entry.number == "plural":
            found, position = found._replace(last=position), position + 1
    if context.numbers.marker("other", context.word(position)):
        found, position = found._replace(last=position, bare=False), position + 1
    if found.noun is None and context.word(position) == "من":
        partitive = context.noun(position + 1)
        if partitive is not None and partitive.cls in _PARTITIVE and partitive.number == "plural":
            return found._replace(last=position + 1, unit=partitive.unit, kind=partitive.kind, noun=partitive.lemma, bare=False)
        return found._replace(last=position)
    return found


def _with_post_hedge(context: Context, found: Found, skip: int) -> Found:
    """"على الأقل", "تقريباً", "أو أكثر", "ونيف" after the number or its noun phrase."""
    hedges = context.numbers.post_hedges
    for offset in range(skip + 1):
        position = found.last + 1 + offset
        word = context.word(position)
        if word in context.numbers.post_firsts:  # only then can a hedge start here
            for length in (2, 1):
                role = hedges.get(tuple(context.word(i) for i in range(position, position + length)))
                if role is not None:
                    role = "post_more" if role == "more" else role
                    return _apply(found, role)._replace(last=position + length - 1, bare=False)
        if not word.isalpha() or word in _SKIP_STOP:
            break
    return found


def _noun_quantity(context: Context, index: int, previous: Found | None) -> Found | None:
    """Counts carried by a noun: duals ("قتيلان" = 2), "طيار واحد" = 1, "قتيل و6 جرحى"."""
    token = context.tokens[index]
    if token.kind != "w":
        return None
    bare = context.nouns.match_bare(token.text)
    if bare is None or bare[1].cls not in _NOUN_COUNTS:
        return None
    prefix, entry = bare
    start = token.start + len(prefix)
    if entry.number == "dual":
        last, unit = index, entry.unit
        adjective = context.nouns.match_bare(context.word(index + 1))
        if adjective is not None and adjective[1].number == "dual" and not adjective[0]:
            last, unit = index + 1, adjective[1].unit if entry.unit in ("aircraft", "people") else unit
        last = last + 1 if context.word(last + 1) in _TWO else last
        found = Found(index, last, start, value=2, unit=unit, kind=entry.kind, noun=entry.lemma)
        return _with_post_hedge(context, found, skip=1)
    if entry.number != "singular":
        return None
    if context.word(index + 1) in _ONE:
        found = Found(index, index + 1, start, value=1, unit=entry.unit, kind=entry.kind, noun=entry.lemma)
        return _with_post_hedge(context, found, skip=0)
    if entry.kind and _coordinated(context, index, previous):
        return Found(index, index, start, value=1, unit=entry.unit, kind=entry.kind, noun=entry.lemma)
    return None


def _coordinated(context: Context, index: int, previous: Found | None) -> bool:
    """A bare singular noun joined by "و" to a count: "قتيل و6 جرحى", "5 قتلى وجريح"."""
    word = context.word(index)
    if word.startswith("و") and previous is not None and previous.last == index - 1:
        counted = context.noun(previous.last)  # "5 قتلى وجريح"; not "1500 مدني وسجين" (one number)
        return counted is not None and counted.number == "plural"
    if context.word(index + 1) != "و" or index + 2 >= len(context.tokens):
        return False
    following = context.tokens[index + 2]
    return following.kind == "d" or following.text in context.numbers.atoms
