"""Building the NER feature lexicon from the shared gazetteers (at training time only).

The lexicon is a TSV of ``normalised phrase<TAB>CLASS[,CLASS...]`` shipped beside the
model (``rasd/data/ner/lexicon.tsv``), so the installed package never needs the
source folders. Classes:

- ``GAZ_PER``, ``GAZ_ORG``: ANERGazet person and organisation lists (Benajiba 2007; CC BY-SA);
- ``GAZ_LOC``: ANERGazet locations plus Syrian governorates, districts and
  sub-districts with their Arabic aliases (UN OCHA, CC BY 3.0 IGO; OpenSyria, CC BY
  4.0), one class so that what the model learns about ANERcorp's places carries over
  to Syrian admin names, which ANERcorp rarely mentions;
- ``GAZ_VIL``: OCHA Syria community names, a class of its own because many of them
  are also common words (UN OCHA, CC BY 3.0 IGO);
- the curated cue classes of ``rasd/data/ner/cues.tsv`` (TITLE, SPEECH, NAME, ORGHEAD,
  LOCHEAD, PREP, DIR, MONTH).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import DataError
from rasd.nlp.ner_features import NerLexicon

__all__ = [
    "CUES_PATH",
    "build_lexicon_entries",
    "read_admin_names",
    "read_anergazet",
    "read_cues",
    "read_ocha_places",
    "write_lexicon",
]

CUES_PATH = Path(__file__).resolve().parents[1] / "data" / "ner" / "cues.tsv"
_GAZET_FILES = {"GAZ_LOC": "ANERGazet_Loc.txt", "GAZ_ORG": "ANERGazet_Org.txt", "GAZ_PER": "ANERGazet_Pers.txt"}


def _read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 text file, or a DataError naming the file."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError("D404", f"cannot read the gazetteer file {path}: {error.strerror}") from error


def read_anergazet(folder: Path) -> Iterator[tuple[str, str]]:
    """``(name, GAZ_X)`` from the three ANERGazet lists; ``====``/``****`` separators skipped."""
    for label, name in _GAZET_FILES.items():
        for line in _read_lines(folder / name):
            line = line.strip()
            if line and not line.startswith(("====", "****")):
                yield line, label


def read_ocha_places(path: Path) -> Iterator[tuple[str, str]]:
    """Community names (``GAZ_VIL``) and their admin areas (``GAZ_LOC``) from the OCHA TSV."""
    rows = csv.DictReader(_read_lines(path), delimiter="\t")
    for row in rows:
        if row.get("NAME_ARA"):
            yield row["NAME_ARA"], "GAZ_VIL"
        for column in ("ADMIN1_ARA", "ADMIN2_ARA", "ADMIN3_ARA"):
            if row.get(column):
                yield row[column], "GAZ_LOC"


def read_admin_names(folder: Path) -> Iterator[tuple[str, str]]:
    """Arabic names and aliases of OpenSyria governorates, districts, sub-districts."""
    for name in ("governorates.json", "districts.json", "subdistricts.json"):
        try:
            areas = json.loads("\n".join(_read_lines(folder / name)))
        except json.JSONDecodeError as error:
            raise DataError("D405", f"{folder / name} is not valid JSON: {error.msg}") from error
        for area in areas:
            if area.get("name", {}).get("ar"):
                yield area["name"]["ar"], "GAZ_LOC"
            for alias in area.get("aliases", ()):
                if alias.get("language") == "ar" and alias.get("value"):
                    yield alias["value"], "GAZ_LOC"


def read_cues(path: Path = CUES_PATH) -> Iterator[tuple[str, str]]:
    """``(word, CLASS)`` from the curated cue file (``CLASS<TAB>word`` lines)."""
    for line in _read_lines(path):
        if line and not line.startswith("#"):
            label, _, word = line.partition("\t")
            if word.strip():
                yield word.strip(), label.strip()


def build_lexicon_entries(data_dir: Path, cues: Path = CUES_PATH) -> list[tuple[str, str]]:
    """Every ``(phrase, class)`` pair from the shared data folder and the cue file."""
    entries = list(read_anergazet(data_dir / "ner-anercorp" / "ANERGazet"))
    entries += read_ocha_places(data_dir / "syria-ocha-places" / "syria_places.tsv")
    entries += read_admin_names(data_dir / "syria-admin-gazetteer")
    entries += read_cues(cues)
    return entries


def write_lexicon(entries: Iterable[tuple[str, str]], path: Path) -> NerLexicon:
    """Normalise, merge and write the lexicon TSV (sorted, so rebuilds are byte-identical)."""
    lexicon = NerLexicon.from_entries(entries)
    header = [
        "# rasd NER feature lexicon: normalised phrase<TAB>classes. Built by `rasd train-ner`.",
        "# Sources: ANERGazet (Benajiba 2007, CC BY-SA), UN OCHA Syria places (CC BY 3.0 IGO),",
        "# OpenSyria admin gazetteer (CC BY 4.0), rasd curated cues (Apache-2.0).",
    ]
    lines = [f"{key}\t{','.join(labels)}" for key, labels in sorted(lexicon.classes.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    return lexicon

