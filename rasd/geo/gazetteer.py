"""rasd's gazetteer: Syrian communities and admin areas, areas, countries and cities abroad.

The data is built by ``scripts/build_gazetteer.py`` into ``rasd/data/gazetteer/places.tsv``
(OCHA, OpenSyria and GeoNames; see ATTRIBUTION.md there). :meth:`Gazetteer.load` reads it
once per process (well under a second); the object is immutable and picklable, so a Dask
worker can receive it.

>>> gaz = Gazetteer.load()
>>> [e.place.pcode for e in gaz.lookup("نصيب")]
['C5999']
>>> sorted(e.place.id for e in gaz.lookup("نوى") if e.level == "community")
['C2928', 'C3255', 'C6124']
>>> gaz.get("SY12").place.name_ar
'درعا'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rasd.errors import DataError
from rasd.geo.lexicon import GeoLexicon
from rasd.geo.words import word_split
from rasd.records import Place
from rasd.text.normalize import fold_char, normalize_key

__all__ = ["DATA_DIR", "Entry", "Gazetteer", "build_fold_table", "distance_km", "proclitic_triggers", "skeleton"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
_FOLD_RANGES = ((0x00A0, 0x00A1), (0x0041, 0x005B), (0x0600, 0x0700), (0x2000, 0x2070), (0xFB50, 0xFE00), (0xFE70, 0xFF00))


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer row: the :class:`Place` plus what matching and ranking need.

    ``capital`` is OCHA's CAPIT_LVL ("0" national ... "3" sub-district capital), "C" for a
    national capital abroad, or "". ``tier`` 2 marks a city abroad that needs a cue
    ("مدينة X" or its country in the sentence).

    ``is_small`` (a Syrian community that is no admin capital, no quarter of one (flag
    "city_part") and has no known population over 5,000) and ``importance`` (a prior in [0, 4]: capitals and populous
    places rank higher) are worked out once, when the entry is made, and so are ``level``
    (the place level: community, admin1, ..., country, city, area, region), ``precision``
    (the place's precision code), ``major`` (a country or a city abroad of tier 1) and
    ``lesser_abroad`` (a region or area abroad, or a city abroad that is no capital and
    has under a million people).
    """

    place: Place
    names: tuple[str, ...]
    capital: str = ""
    tier: int = 1
    adjectives: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    near_pcode: str | None = None
    capital_of: str | None = None
    is_small: bool = field(init=False, repr=False, compare=False)
    importance: float = field(init=False, repr=False, compare=False)
    level: str = field(init=False, repr=False, compare=False)
    precision: int = field(init=False, repr=False, compare=False)
    major: bool = field(init=False, repr=False, compare=False)
    lesser_abroad: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        place = self.place
        level = place.level
        small = level == "community" and not self.capital and (place.population or 0) < 5000 and "city_part" not in self.flags
        object.__setattr__(self, "is_small", small)
        object.__setattr__(self, "importance", _importance(self.capital, place.population))
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "precision", place.precision)
        object.__setattr__(self, "major", level == "country" or (level == "city" and self.tier == 1))
        lesser = place.country not in ("SY", "") and level != "country" and (
            level != "city" or (self.capital != "C" and (place.population or 0) < 1_000_000)
        )
        object.__setattr__(self, "lesser_abroad", lesser)


_CAPITAL_PRIOR = {"0": 4.0, "C": 3.5, "1": 3.0, "2": 2.2, "3": 1.4}


def _importance(capital: str, population: int | None) -> float:
    """The prior of :attr:`Entry.importance` for a capital rank and a population."""
    prior = _CAPITAL_PRIOR.get(capital, 0.0)
    size = math.log10(population) / 2 if population else 0.0
    return max(prior, min(size, 3.5))


def build_fold_table() -> dict[int, str]:
    """A str.translate table equal to rasd.text.normalize.fold_char on the characters that matter."""
    table: dict[int, str] = {}
    for low, high in _FOLD_RANGES:
        for code in range(low, high):
            char = chr(code)
            if (0xFB50 <= code < 0xFF00) and unicodedata.normalize("NFKC", char) == char:
                continue  # presentation-range code points without a decomposition fold to themselves
            folded = fold_char(char)
            if folded != char:
                table[code] = folded
    for char in "\u200b\u200c\u200d\u200e\u200f\ufeff\u061c":
        table[ord(char)] = ""
    return table


def skeleton(key: str) -> str:
    """A loose spelling key: ظ as ض, long vowels inside words dropped ("الشيفونيه" ~ "الشفونيه").

    >>> skeleton("حوش الظواهره") == skeleton("حوش الضواهره")
    True
    """
    words = []
    for word in key.replace("ظ", "ض").split():
        head = "ال" if word.startswith("ال") and len(word) > 3 else ""
        rest = word[len(head):]
        words.append(head + rest[:1] + "".join(c for c in rest[1:] if c not in "اوي"))
    return " ".join(words)


def proclitic_triggers(triggers: frozenset[str]) -> frozenset[str]:
    """Every word that could start a name or be a descriptor after its proclitics.

    A trigger (first word of a name, or a descriptor) behind و/ف, then ب/ل, ك before
    ال, or لل for ال: the words the proclitic readings of rasd.geo.match and the lexicon
    forms can reach, so that one set lookup per word picks the words of a text worth
    trying. Built once, when the gazetteer is loaded.
    """
    articled = [trigger for trigger in triggers if trigger.startswith("ال")]
    stems = [trigger[2:] for trigger in articled]
    return frozenset(chain(
        triggers,
        *(map(head.__add__, triggers) for head in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")),
        *(map(head.__add__, articled) for head in ("ك", "وك", "فك")),
        *(map(head.__add__, stems) for head in ("لل", "ولل", "فلل")),
    ))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres (equirectangular: within 0.5% of great-circle below 500 km).

    >>> round(distance_km(33.51, 36.29, 33.57, 36.40))
    12
    """
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.195 * math.hypot(dx, lat2 - lat1)


def _number(text: str, kind=float):
    return kind(text) if text else None


def _parse_extra(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in text.split(";") if "=" in item)


def _entry_from_row(cells: list[str]) -> Entry:
    """One Entry from a places.tsv row (column order as in scripts/build_gazetteer.py)."""
    (pid, level, country, pcode, admin1, admin2, admin3, name_ar, name_en, lat, lon, population,
     geonames_id, capital, tier, names, extra) = cells
    info = _parse_extra(extra)
    place = Place(
        id=pid, name_ar=name_ar, name_en=name_en or None, level=level, country=country,
        pcode=pcode or None, admin1=admin1 or None, admin2=admin2 or None, admin3=admin3 or None,
        lat=_number(lat), lon=_number(lon), population=_number(population, int),
        geonames_id=_number(geonames_id, int),
    )
    return Entry(
        place=place, names=tuple(names.split("|")), capital=capital, tier=int(tier or 1),
        adjectives=tuple(normalize_key(a) for a in info.get("adjectives", "").split("|") if a),
        flags=frozenset(f for f in info.get("flags", "").split(",") if f),
        near_pcode=info.get("near_pcode"), capital_of=info.get("capital_of"),
    )


def _read_entries(path: Path) -> tuple[Entry, ...]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError("D202", f"cannot read the gazetteer {path}: {error}; rebuild it with scripts/build_gazetteer.py") from error
    rows = [line.split("\t") for line in lines[1:] if line]
    if not rows or any(len(row) != 17 for row in rows):
        raise DataError("D203", f"the gazetteer {path} is not a places.tsv of 17 columns; rebuild it")
    return tuple(_entry_from_row(row) for row in rows)


def _read_stopwords(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError("D204", f"cannot read the place stop-list {path}: {error}") from error
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    return {normalize_key(row[0]): row[1] for row in rows if len(row) >= 2}


def _capitals(entries: tuple[Entry, ...]) -> dict[str, int]:
    """Position of each country's capital city (abroad: GeoNames; Syria: the OCHA national capital)."""
    out = {e.capital_of: i for i, e in enumerate(entries) if e.capital_of}
    for i, e in enumerate(entries):
        if e.level == "community" and e.capital == "0":
            out.setdefault(e.place.country, i)
    return out


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Places and the indexes that find them by normalised name.

    A gazetteer equals only itself (it is hashed by identity, so that matching can
    memoise per-word readings against it).

    ``index`` maps a folded name ("دير الزور") to entry positions; ``first_words`` maps the
    first word of every name to the longest name length in words; ``loose`` maps
    :func:`skeleton` keys of community names; ``blocked`` holds phrases that contain a
    place name but name something else ("روسيا اليوم"); ``spot_words`` holds every word
    that may start a name or be a descriptor behind its proclitics (see :func:`proclitic_triggers`);
    ``folds_without_capitals`` are the ``letter_folds`` but A-Z (for text without Latin
    capitals) and ``word_split`` the pattern rasd.geo.words splits text with.
    """

    entries: tuple[Entry, ...]
    index: dict[str, tuple[int, ...]]
    loose: dict[str, tuple[int, ...]]
    first_words: dict[str, int]
    codes: dict[str, int]
    capitals: dict[str, int]
    adjectives: dict[str, str]
    stopwords: dict[str, str]
    blocked: frozenset[str]
    lexicon: GeoLexicon
    fold_table: dict[int, str]
    triggers: frozenset[str] = frozenset()
    letter_folds: tuple[tuple[str, str], ...] = ()
    second_words: dict[str, frozenset[str]] | None = None
    source: str = ""
    spot_words: frozenset[str] = frozenset()
    folds_without_capitals: tuple[tuple[str, str], ...] = ()
    word_split: re.Pattern[str] | None = None

    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """Load a gazetteer folder (places.tsv; sources/stopwords.tsv and lexicon.json).

        Without ``path`` the packaged build is loaded. A folder without its own
        sources/ uses the packaged stop-list and lexicon.
        """
        folder = Path(path) if path else DATA_DIR
        places = folder / "places.tsv" if folder.is_dir() else folder
        folder = places.parent
        sources = folder / "sources" if (folder / "sources").is_dir() else DATA_DIR / "sources"
        entries = _read_entries(places)
        lexicon = GeoLexicon.load(sources / "lexicon.json")
        return cls.from_entries(entries, _read_stopwords(sources / "stopwords.tsv"), lexicon, str(places))

    @classmethod
    def from_entries(cls, entries, stopwords: dict[str, str], lexicon: GeoLexicon, source: str = "") -> Gazetteer:
        """Index ``entries`` (used by :meth:`load` and by tests that build small gazetteers)."""
        entries = tuple(entries)
        index: dict[str, list[int]] = {}
        loose: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            for key in {normalize_key(name) for name in entry.names}:
                index.setdefault(key, []).append(position)
                if entry.level == "community":
                    loose.setdefault(skeleton(key), []).append(position)
        first_words: dict[str, int] = {}
        second_words: dict[str, set[str]] = {}
        for key in list(index) + list(lexicon.blocked_phrases):
            words = key.split()
            first_words[words[0]] = max(first_words.get(words[0], 0), len(words))
            if len(words) > 1:
                second_words.setdefault(words[0], set()).add(words[1])
        triggers = frozenset(first_words) | frozenset(lexicon.descriptors) | lexicon.country_words | lexicon.town_words
        return cls(
            entries=entries,
            index={k: tuple(v) for k, v in index.items()},
            loose={k: tuple(v) for k, v in loose.items()},
            first_words=first_words,
            codes={e.place.id: i for i, e in enumerate(entries)},
            capitals=_capitals(entries),
            adjectives={adj: e.place.country for e in entries if e.level == "country" for adj in e.adjectives},
            stopwords=stopwords,
            blocked=frozenset(lexicon.blocked_phrases),
            lexicon=lexicon,
            fold_table=(table := build_fold_table()),
            letter_folds=(folds := tuple(
                (chr(code), value) for code, value in sorted(table.items())
                if len(value) == 1 and code < 0xFB50 and not chr(code).isdigit()
            )),
            folds_without_capitals=tuple((source, target) for source, target in folds if not "A" <= source <= "Z"),
            triggers=triggers,
            second_words={k: frozenset(v) for k, v in second_words.items()},
            source=source,
            spot_words=proclitic_triggers(triggers),
            word_split=word_split(),
        )

    def fold(self, text: str) -> str:
        """Fold a word or phrase like :func:`rasd.text.normalize.normalize_key`, fast."""
        folded = text.translate(self.fold_table)
        if folded.isascii() or not any(0xFB50 <= ord(c) <= 0xFEFF for c in folded):
            return " ".join(folded.split())
        return normalize_key(unicodedata.normalize("NFC", text))

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Entries whose name is ``name`` (folded; no proclitic stripping)."""
        return tuple(self.entries[i] for i in self.index.get(self.fold(name), ()))

    def get(self, code: str) -> Entry | None:
        """The entry with this id: a p-code (C5999, SY12, SY0203), ``country:SY``, ``gn:276781``."""
        position = self.codes.get(code)
        return None if position is None else self.entries[position]

    def country(self, iso2: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        return self.get(f"country:{iso2}")

    def __len__(self) -> int:
        return len(self.entries)
