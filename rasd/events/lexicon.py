"""The event lexicons: triggers, modifiers and cue words, loaded from ``rasd/data/events``.

Verb triggers are listed as ``past|present`` stems and conjugated here: past
suffixes (ت وا ا تا ن نا تم), present prefixes (ي ت ن ا) and suffixes (ون ان ن وا ين),
and the future (س + present), which is flagged so the extractor treats it as planned.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rasd.errors import DataError
from rasd.nlp.lexmatch import PhraseIndex
from rasd.text.normalize import normalize_key

__all__ = ["Cue", "EventLexicon", "Trigger", "conjugate", "read_tsv"]

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ن", "وا", "ين")


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a matched trigger form means: its lexicon row and the tense of the form."""

    id: str
    type: str
    pos: str
    needs: str | None
    tense: str | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word's class and how far before a trigger it may stand (None: anywhere)."""

    cls: str
    window: int | None
    after: bool = False


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header line; lines starting with # are comments."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    except OSError as error:
        raise DataError("D001", f"{path}: cannot read the data file ({error}); reinstall rasd") from error
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def conjugate(past: str, present: str) -> list[tuple[str, str]]:
    """(form, tense) pairs of a verb from its past and present 3rd-person stems.

    >>> forms = dict(conjugate("قصف", "يقصف"))
    >>> forms["قصفت"], forms["يقصفون"], forms["سيقصف"]
    ('past', 'present', 'future')
    """
    past, present = normalize_key(past), normalize_key(present)
    forms: dict[str, str] = {past + s: "past" for s in _PAST_SUFFIXES}
    stem = present[1:] if present[:1] in _PRESENT_PREFIXES else present
    for prefix in _PRESENT_PREFIXES:
        for suffix in _PRESENT_SUFFIXES:
            forms.setdefault(prefix + stem + suffix, "present")
            forms.setdefault("س" + prefix + stem + suffix, "future")
    return list(forms.items())


@dataclass(frozen=True)
class EventLexicon:
    """Trigger, modifier and cue indexes (picklable)."""

    triggers: PhraseIndex
    modifiers: PhraseIndex
    cues: PhraseIndex
    trigger_ids: tuple[str, ...]

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "EventLexicon":
        """Load the packaged lexicons (or those in ``folder``)."""
        base = Path(folder) if folder else Path(str(resources.files("rasd") / "data" / "events"))
        trigger_rows = read_tsv(base / "triggers.tsv")
        return cls(
            triggers=PhraseIndex.build(_trigger_forms(trigger_rows), enclitics=True),
            modifiers=PhraseIndex.build(_modifier_forms(read_tsv(base / "modifiers.tsv"))),
            cues=PhraseIndex.build(_cue_forms(read_tsv(base / "cues.tsv")), enclitics="single"),
            trigger_ids=tuple(row["id"] for row in trigger_rows),
        )


def _modifier_forms(rows: list[dict[str, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """Each modifier form with every class it belongs to ("طائرة" is air and aircraft)."""
    classes: dict[str, list[str]] = {}
    for row in rows:
        for form in _split(row["forms"]):
            classes.setdefault(normalize_key(form), []).append(row["class"])
    return [(form, tuple(names)) for form, names in classes.items()]


def _split(forms: str) -> list[str]:
    return [form.strip() for form in forms.split(",") if form.strip()]


def _trigger_forms(rows: list[dict[str, str]]) -> list[tuple[str, Trigger]]:
    """Every surface form of every trigger row, with what it means."""
    items: list[tuple[str, Trigger]] = []
    for row in rows:
        needs = None if row["needs"] in ("", "-") else row["needs"]
        if row["pos"] != "verb":
            items += [(form, Trigger(row["id"], row["type"], row["pos"], needs)) for form in _split(row["forms"])]
            continue
        for spec in _split_verbs(row["forms"]):
            parts = spec.split("|")
            if len(parts) < 2:
                raise DataError("D002", f"triggers.tsv: verb {row['id']} needs 'past|present' forms, got {spec!r}")
            for form, tense in conjugate(parts[0], parts[1]):
                items.append((form, Trigger(row["id"], row["type"], "verb", needs, tense)))
            for extra in parts[2].split(",") if len(parts) > 2 else ():
                items.append((extra, Trigger(row["id"], row["type"], "verb", needs, "past")))
    return items


def _split_verbs(forms: str) -> list[str]:
    """Verb specs are separated by ';' (a spec's extras use ',')."""
    return [spec.strip() for spec in forms.split(";") if spec.strip()]


def _cue_forms(rows: list[dict[str, str]]) -> list[tuple[str, tuple[Cue, ...]]]:
    """Each cue form with every cue it stands for ("مرارا" is habitual before and after a verb)."""
    cues: dict[str, list[Cue]] = {}
    for row in rows:
        window, after = row["window"], False
        if window.startswith("after:"):
            window, after = window[6:], True
        cue = Cue(row["class"], None if window == "sentence" else int(window), after)
        for form in _split(row["forms"]):
            cues.setdefault(normalize_key(form), []).append(cue)
    return [(form, tuple(found)) for form, found in cues.items()]
