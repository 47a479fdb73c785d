"""What the exports need besides the stored events, and the fields they share.

:class:`ExportResources` bundles the data the formats read: the type mapping
(``rasd/data/export_mapping.tsv``: rasd type -> ACLED disorder/event/sub-event type and
PLOVER event/mode/context), the country table (``rasd/data/iso_countries.tsv``: ISO
codes, ACLED's English names and regions), the curated actors (English names, kinds,
countries) and the gazetteer (English names of OCHA admin codes). Load it once with
:meth:`ExportResources.load` and pass it to the writers; it is immutable and picklable.

The helpers below derive the values more than one format uses from an event dict in
the output-contract shape (DESIGN.md): the conservative single figure of a quantity, the
event date and ACLED's time precision, the actor names. Nothing here guesses: a value
that cannot be derived is None and is written as an empty field.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from typing import Any

from rasd.errors import DataError
from rasd.events.lexicon import read_tsv
from rasd.geo.gazetteer import Gazetteer
from rasd.nlp.actors import ActorInfo, ActorLexicon

__all__ = [
    "CountryInfo",
    "ExportResources",
    "ExportSummary",
    "TypeMapping",
    "conservative_count",
    "event_date",
    "event_quantities",
    "format_count",
    "is_aggregate",
    "largest_count",
    "load_countries",
    "load_type_mappings",
    "parent_ids",
]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}
_ACLED_USES = ("atomic", "aggregate", "none")


@dataclass(frozen=True, slots=True)
class TypeMapping:
    """How one rasd event type is exported (a row of ``export_mapping.tsv``; None for "-")."""

    type: str
    acled: str
    disorder_type: str | None
    event_type: str | None
    sub_event_type: str | None
    sub_event_type_state: str | None
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """A country of ``iso_countries.tsv``: ISO alpha-2/alpha-3/numeric, ACLED's name and region."""

    alpha2: str
    alpha3: str
    numeric: int | None
    name: str
    region: str | None


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What a writer did: rows written and events left out, per reason (sorted pairs)."""

    written: int
    skipped: tuple[tuple[str, int], ...] = ()

    @property
    def skipped_total(self) -> int:
        """Number of events left out for any reason."""
        return sum(count for _, count in self.skipped)


def _none(cell: str) -> str | None:
    cell = cell.strip()
    return None if cell in ("", "-") else cell


def _data_path(name: str) -> Path:
    return Path(str(package_files.files("rasd") / "data" / name))


def load_type_mappings(path: str | Path | None = None) -> dict[str, TypeMapping]:
    """The rasd type -> ACLED/PLOVER table (the packaged one, or the TSV at ``path``).

    >>> load_type_mappings()["airstrike"].sub_event_type
    'Air/drone strike'
    """
    path = Path(path) if path else _data_path("export_mapping.tsv")
    table: dict[str, TypeMapping] = {}
    for row in read_tsv(path):
        if row.get("acled") not in _ACLED_USES:
            raise DataError("D401", f"{path}: type {row.get('type')!r} has acled={row.get('acled')!r}; "
                                    f"use one of {', '.join(_ACLED_USES)}")
        context = _none(row["plover_context"])
        table[row["type"]] = TypeMapping(
            type=row["type"], acled=row["acled"], disorder_type=_none(row["disorder_type"]),
            event_type=_none(row["event_type"]), sub_event_type=_none(row["sub_event_type"]),
            sub_event_type_state=_none(row["sub_event_type_state"]), plover_event=_none(row["plover_event"]),
            plover_mode=_none(row["plover_mode"]),
            plover_context=tuple(c.strip() for c in context.split(",")) if context else (),
        )
    return table


def load_countries(path: str | Path | None = None) -> dict[str, CountryInfo]:
    """ISO alpha-2 -> :class:`CountryInfo` (the packaged table, or the TSV at ``path``).

    >>> country = load_countries()["SY"]
    >>> country.alpha3, country.numeric, country.name, country.region
    ('SYR', 760, 'Syria', 'Middle East')
    """
    path = Path(path) if path else _data_path("iso_countries.tsv")
    table: dict[str, CountryInfo] = {}
    for row in read_tsv(path):
        numeric = _none(row["numeric"])
        table[row["alpha2"]] = CountryInfo(
            alpha2=row["alpha2"], alpha3=row["alpha3"], numeric=int(numeric) if numeric else None,
            name=row["name"], region=_none(row["region"]),
        )
    return table


@dataclass(frozen=True)
class ExportResources:
    """The data every export format reads; build it with :meth:`load`."""

    types: dict[str, TypeMapping]
    countries: dict[str, CountryInfo]
    actors: ActorLexicon
    gazetteer: Gazetteer | None = None

    @classmethod
    def load(cls, gazetteer: Gazetteer | None = None, actors: ActorLexicon | None = None) -> "ExportResources":
        """Load the packaged tables (pass an already loaded gazetteer or actor list to reuse it)."""
        return cls(
            types=load_type_mappings(),
            countries=load_countries(),
            actors=actors or ActorLexicon.load(),
            gazetteer=gazetteer or Gazetteer.load(),
        )

    def actor_info(self, text: str | None) -> ActorInfo | None:
        """The curated actor that ``text`` names (the longest name in it), or None."""
        return self.actors.info(self.actors.canonical(text)) if text else None

    def country(self, alpha2: str | None) -> CountryInfo | None:
        """The country row of an ISO alpha-2 code, or None."""
        return self.countries.get(alpha2) if alpha2 else None

    def country_name(self, alpha2: str | None) -> str | None:
        """ACLED's English name of a country, else the gazetteer's, else None."""
        info = self.country(alpha2)
        if info is not None:
            return info.name
        entry = self.gazetteer.country(alpha2) if self.gazetteer and alpha2 else None
        return entry.place.name_en if entry else None

    def place_name(self, code: str | None) -> str | None:
        """The English name of a gazetteer code (OCHA p-code such as SY12 or C5999), or None."""
        if not code or self.gazetteer is None:
            return None
        entry = self.gazetteer.get(code)
        return entry.place.name_en if entry else None

    def source_name(self, text: str | None) -> str | None:
        """A quoted source's English name when it is a curated actor or source, else the text as written."""
        if not text:
            return None
        info = self.actor_info(text)
        return info.name_en if info else text


def conservative_count(quantity: dict[str, Any] | None) -> int | None:
    """ACLED's most conservative single figure for a stored quantity, or None.

    An exact value stays. A range of the "tens/hundreds/thousands" shape (20-99, 200-999,
    2000-9999: "عشرات", "مئات", "آلاف") gives its magnitude (10, 100, 1000), as ACLED
    codes "tens", "hundreds", "thousands". Any other range gives its lower bound ("أكثر
    من 100", min 101, gives 101; "بضعة", 3-9, gives 3). A quantity with only an upper
    bound, or none, gives None.

    >>> [conservative_count(q) for q in ({"value": 7}, {"min": 20, "max": 99}, {"min": 200, "max": 999},
    ...                                   {"min": 2000, "max": 9999}, {"min": 101, "max": None},
    ...                                   {"min": 3, "max": 9}, {"min": None, "max": 10}, None)]
    [7, 10, 100, 1000, 101, 3, None, None]
    """
    if not quantity:
        return None
    if quantity.get("value") is not None:
        return int(quantity["value"])
    low, high = quantity.get("min"), quantity.get("max")
    if low is None:
        return None
    if high is not None and low >= 20:
        magnitude = 10 ** (len(str(low)) - 1)
        if low == 2 * magnitude and high == 10 * magnitude - 1:
            return magnitude
    return int(low)


def largest_count(event: dict[str, Any], kind: str) -> int | None:
    """The largest conservative figure among the event's quantities of ``kind``, or None.

    The largest, not the sum: "5 killed, 2 of them children" must not give 7, and a
    largest figure never exceeds what the text states.
    """
    figures = [conservative_count(q) for q in event_quantities(event) if q.get("kind") == kind]
    known = [f for f in figures if f is not None]
    return max(known) if known else None


def event_quantities(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Every quantity of the event, the main one first (``quantity`` alone in older records)."""
    quantities = list(event.get("quantities") or [])
    if not quantities and event.get("quantity"):
        quantities = [event["quantity"]]
    return quantities


def format_count(quantity: dict[str, Any]) -> str | None:
    """A quantity as text: "25", "200-999", "101+", "<=99", or None when it has no number.

    >>> format_count({"value": 25}), format_count({"min": 200, "max": 999}), format_count({"min": 101, "max": None})
    ('25', '200-999', '101+')
    """
    if quantity.get("value") is not None:
        return str(quantity["value"])
    low, high = quantity.get("min"), quantity.get("max")
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return f"{low}+"
    if high is not None:
        return f"<={high}"
    return None


def event_date(event: dict[str, Any]) -> tuple[str | None, int | None]:
    """The event's date (ISO) and ACLED time precision (1 day, 2 week/month, 3 year).

    The date is the first day the time expression allows. With no resolved time, or a
    time whose basis is the publication date, the date is the article's publication date
    and the precision 2: the event happened on or shortly before it, on a day the text
    does not give. No date at all gives (None, None).

    >>> event_date({"time": {"date_start": "2018-03-17", "precision": "day", "basis": "relative"}})
    ('2018-03-17', 1)
    >>> event_date({"time": None, "published": "2018-03-18"})
    ('2018-03-18', 2)
    """
    time = event.get("time") or {}
    start = time.get("date_start")
    if start and time.get("basis") != "published":
        return start, _TIME_PRECISION.get(time.get("precision") or "", None)
    published = event.get("published") or start
    return (published, 2) if published else (None, None)


def parent_ids(events: list[dict[str, Any]]) -> frozenset[str]:
    """Ids of events that other events break down (their ``parent``)."""
    return frozenset(e["parent"] for e in events if e.get("parent"))


def is_aggregate(event: dict[str, Any], types: dict[str, TypeMapping], parents: frozenset[str]) -> bool:
    """True for a total or campaign: flagged aggregate, of an aggregate type, or broken down by other events."""
    mapping = types.get(event["type"])
    return bool(event.get("aggregate")) or (mapping is not None and mapping.acled == "aggregate") or (
        event["event_id"] in parents
    )
