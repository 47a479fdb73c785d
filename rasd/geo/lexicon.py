"""The grammar words of place matching, loaded from rasd/data/gazetteer/sources/lexicon.json.

Words are stored folded (rasd.text.normalize) so that matching compares like with like.

>>> lexicon = GeoLexicon.load()
>>> lexicon.descriptors["بلده"], lexicon.descriptors["ريف"], lexicon.directions["جنوبي"]
('town', 'countryside', 'south')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import DataError
from rasd.text.normalize import normalize_key

__all__ = ["DESCRIPTOR_CLASSES", "GeoLexicon", "LEXICON_PATH"]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "sources" / "lexicon.json"
DESCRIPTOR_CLASSES = (
    "town", "city", "quarter", "camp", "subdistrict", "zone", "governorate",
    "countryside", "near", "suburbs", "facility", "capital", "territory",
)


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(word) for word in words)


@dataclass(frozen=True, slots=True)
class GeoLexicon:
    """Folded grammar words: descriptors, directions, blockers, prepositions."""

    descriptors: dict[str, str]
    plural: frozenset[str]
    directions: dict[str, str]
    direction_adjectives: dict[str, str]
    name_parts: frozenset[str]
    compound_heads: frozenset[str]
    with_countryside: frozenset[str]
    blockers: frozenset[str]
    blocked_phrases: tuple[str, ...]
    prepositions: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    verb_objects: frozenset[str]
    surrounding_admin1: dict[str, str]
    city_governorates: frozenset[str]

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
        return cls(
            descriptors=descriptors,
            plural=_keys(data.get("plural", [])),
            directions=directions,
            direction_adjectives=adjectives,
            name_parts=_keys(data.get("name_parts", [])),
            compound_heads=_keys(data.get("compound_heads", [])),
            with_countryside=_keys(data.get("with_countryside", [])),
            blockers=_keys(data.get("blockers", [])),
            blocked_phrases=tuple(sorted(_keys(data.get("blocked_phrases", [])))),
            prepositions=_keys(data.get("prepositions", [])),
            particles=_keys(data.get("particles", [])),
            not_names=_keys(data.get("not_names", [])),
            verb_objects=_keys(data.get("verb_objects", [])),
            surrounding_admin1=dict(data.get("surrounding_admin1", {})),
            city_governorates=frozenset(data.get("city_governorates", [])),
        )
