"""The grammar words of place matching, loaded from rasd/data/gazetteer/sources/lexicon.json.

Words are stored folded (rasd.text.normalize) so that matching compares like with like.

>>> lexicon = GeoLexicon.load()
>>> lexicon.descriptors["بلده"], lexicon.descriptors["ريف"], lexicon.directions["جنوبي"]
('town', 'countryside', 'south')
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import DataError
from rasd.text.normalize import normalize_key

__all__ = ["DESCRIPTOR_CLASSES", "LEXICON_PATH", "GeoLexicon", "lookup", "proclitic_forms", "strip_variants"]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "sources" / "lexicon.json"
DESCRIPTOR_CLASSES = (
    "town", "city", "quarter", "camp", "subdistrict", "zone", "governorate",
    "countryside", "near", "suburbs", "facility", "capital", "territory",
)


# what may stand before a lexicon word: و/ف, then ب/ل/ك (see strip_variants)
_HEADS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# the tables matching looks words up in, through their proclitic forms
_FORM_TABLES = ("descriptors", "plural", "directions", "blockers", "prepositions")


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(word) for word in words)


@functools.lru_cache(maxsize=1 << 16)
def strip_variants(word: str) -> tuple[str, ...]:
    """A word and its forms without و/ف and then ب/ل/ك proclitics.

    >>> strip_variants("وبريف")
    ('وبريف', 'بريف', 'ريف')
    """
    out = [word]
    rest = word
    if rest[:1] in ("و", "ف") and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
        out.append(rest[1:])
    return tuple(out)


def lookup(word: str, table):
    """The value (or the form, for a set) of the first form of ``word`` found in ``table``, else None."""
    for form in strip_variants(word):
        if form in table:
            return table[form] if isinstance(table, dict) else form
    return None


def proclitic_forms(table) -> dict[str, str]:
    """Every word that :func:`lookup` finds in ``table``, mapped to what it returns.

    A word is found when it is a key behind at most one و/ف and one ب/ل/ك, so the
    keys with those heads are all the words there are; ``forms.get(word)`` then
    equals ``lookup(word, table)``.

    >>> proclitic_forms({"ريف": "countryside"})["وبريف"]
    'countryside'
    """
    forms = {}
    for key in table:
        for head in _HEADS:
            found = lookup(head + key, table)
            if found is not None:
                forms[head + key] = found
    return forms


@dataclass(frozen=True, slots=True)
class GeoLexicon:
    """Folded grammar words: descriptors, directions, blockers, prepositions."""

    descriptors: dict[str, str]
    plural: frozenset[str]
    directions: dict[str, str]
    direction_adjectives: dict[str, str]
    name_parts: frozenset[str]
    compound_heads: frozenset[str]
    name_heads: frozenset[str]
    country_words: frozenset[str]
    town_words: frozenset[str]
    with_countryside: frozenset[str]
    blockers: frozenset[str]
    blocked_phrases: tuple[str, ...]
    prepositions: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    verb_objects: frozenset[str]
    surrounding_admin1: dict[str, str]
    city_governorates: frozenset[str]
    forms: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> GeoLexicon:
        """Read the lexicon JSON file (the packaged one by default)."""
        path = path or LEXICON_PATH
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise DataError("D201", f"cannot read the place lexicon {path}: {error}") from error
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> GeoLexicon:
        """Build the lexicon from its JSON object."""
        descriptors = {}
        for name in DESCRIPTOR_CLASSES:
            descriptors.update({key: name for key in _keys(data.get(name, []))})
        directions = {k: d for d, words in data["directions"].items() for k in _keys(words)}
        adjectives = {k: d for d, words in data["direction_adjectives"].items() for k in _keys(words)}
        tables = {
            "descriptors": descriptors,
            "plural": _keys(data.get("plural", [])),
            "directions": directions,
            "blockers": _keys(data.get("blockers", [])),
            "prepositions": _keys(data.get("prepositions", [])),
            "particles": _keys(data.get("particles", [])),
            "not_names": _keys(data.get("not_names", [])),
        }
        forms = {name: proclitic_forms(tables[name]) for name in _FORM_TABLES}
        forms["stop"] = proclitic_forms(tables["not_names"] | tables["prepositions"] | tables["particles"])
        forms["direction_adjectives"] = proclitic_forms(adjectives)
        forms["name_heads"] = proclitic_forms(_keys(data.get("name_heads", [])))
        # the words that open the grammar before a name (descriptor, direction, direction adjective)
        forms["grammar"] = {
            word: table for table in ("direction_adjectives", "directions", "descriptors") for word in forms[table]
        }
        return cls(
            **tables,
            direction_adjectives=adjectives,
            name_parts=_keys(data.get("name_parts", [])),
            compound_heads=_keys(data.get("compound_heads", [])),
            name_heads=_keys(data.get("name_heads", [])),
            country_words=_keys(data.get("country_words", [])),
            town_words=_keys(data.get("town_words", [])),
            with_countryside=_keys(data.get("with_countryside", [])),
            blocked_phrases=tuple(sorted(_keys(data.get("blocked_phrases", [])))),
            verb_objects=_keys(data.get("verb_objects", [])),
            surrounding_admin1=dict(data.get("surrounding_admin1", {})),
            city_governorates=frozenset(data.get("city_governorates", [])),
            forms=forms,
        )

    def form(self, table: str, word: str):
        """:func:`lookup` of ``word`` in the table named ``table`` ("stop": not-names,
        prepositions and particles together; "grammar": the table a word before a name is
        read from), through the precomputed proclitic forms.

        >>> GeoLexicon.load().form("descriptors", "وبريف")
        'countryside'
        """
        return self.forms[table].get(word)
