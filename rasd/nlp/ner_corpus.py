"""Reading NER corpora (ANERcorp, AQMAR, Wojood) into one BIO tag set, and BIO chunking.

Every corpus is mapped to rasd's labels ``PER``, ``ORG``, ``LOC`` and ``MISC`` in IOB2
(``B-X`` starts an entity, ``I-X`` continues it):

- ANERcorp: ``PERS`` -> ``PER``; ``LOC``, ``ORG``, ``MISC`` kept.
- AQMAR: ``PER``, ``LOC``, ``ORG`` kept; the article-specific ``MIS0..MIS3`` classes
  and the few tag typos (``IO``, ``OO``, ``B-ENGLISH``...) become ``O``.
- Wojood (nested): the outermost ``PERS``/``ORG``/``GPE``/``LOC`` span wins; ``GPE``
  -> ``LOC``; every other type (OCC, NORP, DATE...) is ``O``; ``$#$`` markers are dropped.

>>> entity_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])
[('PER', 0, 2), ('LOC', 3, 4), ('LOC', 4, 5), ('ORG', 5, 6)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import DataError

__all__ = [
    "LABELS",
    "TaggedSentence",
    "count_labels",
    "entity_spans",
    "read_anercorp",
    "read_aqmar",
    "read_conll",
    "read_wojood",
    "repair_bio",
]

LABELS = ("PER", "ORG", "LOC", "MISC")
_ANERCORP_TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_AQMAR_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "-ORG": "ORG"}
_WOJOOD_TYPES = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """A sentence as tokens and one IOB2 label per token."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def entity_spans(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entities as ``(type, start, end)`` token spans, chunked the way conlleval does.

    An ``I-X`` after ``O`` or after another type starts a new entity; ``B-X`` always does.
    """
    spans: list[tuple[str, int, int]] = []
    start, kind = -1, ""
    for index, label in enumerate([*labels, "O"]):
        prefix, _, label_type = label.partition("-")
        if start >= 0 and (prefix != "I" or label_type != kind):
            spans.append((kind, start, index))
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, kind = index, label_type
    return spans


def repair_bio(labels: Sequence[str]) -> tuple[str, ...]:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X`` (IOB1 -> IOB2).

    >>> repair_bio(["I-LOC", "I-LOC", "O", "I-PER", "I-ORG"])
    ('B-LOC', 'I-LOC', 'O', 'B-PER', 'B-ORG')
    """
    out = ["O"] * len(labels)
    for kind, start, end in entity_spans(labels):
        out[start] = f"B-{kind}"
        out[start + 1 : end] = [f"I-{kind}"] * (end - start - 1)
    return tuple(out)


def _map_tag(tag: str, types: dict[str, str]) -> str:
    """Map one corpus tag to rasd's IOB2 label, or ``O`` when its type is not kept."""
    prefix, _, kind = tag.partition("-")
    mapped = types.get(kind)
    if prefix not in ("B", "I") or mapped is None:
        return "O"
    return f"{prefix}-{mapped}"


def _read_blocks(path: Path) -> list[list[list[str]]]:
    """Blank-line separated blocks of whitespace-split lines; tokens that are empty are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError("D402", f"cannot read the NER corpus {path}: {error.strerror}") from error
    blocks: list[list[list[str]]] = [[]]
    for line in text.splitlines():
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        fields = line.split() if not line[:1].isspace() else []
        if len(fields) >= 2 and fields[0]:
            blocks[-1].append(fields)
    return [block for block in blocks if block]


def read_conll(path: str | Path, types: dict[str, str] | None = None) -> list[TaggedSentence]:
    """Read ``token TAG`` lines with a blank line between sentences (ANERcorp by default).

    Tags are mapped with ``types`` (corpus type -> rasd type) and repaired to IOB2.
    """
    types = _ANERCORP_TYPES if types is None else types
    sentences = []
    for block in _read_blocks(Path(path)):
        tokens = tuple(fields[0] for fields in block)
        labels = repair_bio([_map_tag(fields[-1], types) for fields in block])
        sentences.append(TaggedSentence(tokens, labels))
    return sentences


def read_anercorp(path: str | Path) -> list[TaggedSentence]:
    """Read an ANERcorp CoNLL split (PERS -> PER)."""
    return read_conll(path, _ANERCORP_TYPES)


def read_aqmar(folder: str | Path) -> list[TaggedSentence]:
    """Read every AQMAR article of ``folder`` (sorted by name); MIS* classes become ``O``."""
    folder = Path(folder)
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise DataError("D403", f"no AQMAR articles (*.txt) in {folder}")
    return [sentence for path in files for sentence in read_conll(path, _AQMAR_TYPES)]


def _outermost_spans(tag_rows: Sequence[Sequence[str]]) -> list[tuple[str, int, int]]:
    """Non-overlapping PER/ORG/LOC spans of nested tags, longest (outermost) first."""
    candidates = []
    for kind in set(_WOJOOD_TYPES.values()):
        begins = [any(_map_tag(t, _WOJOOD_TYPES) == f"B-{kind}" for t in tags) for tags in tag_rows]
        inside = [any(_map_tag(t, _WOJOOD_TYPES) == f"I-{kind}" for t in tags) for tags in tag_rows]
        for start, _ in enumerate(tag_rows):
            if begins[start] or (inside[start] and not (start and (begins[start - 1] or inside[start - 1]))):
                end = start + 1
                while end < len(tag_rows) and inside[end]:
                    end += 1
                candidates.append((kind, start, end))
    chosen: list[tuple[str, int, int]] = []
    taken: set[int] = set()
    for kind, start, end in sorted(candidates, key=lambda s: (s[1] - s[2], s[1])):
        if not taken.intersection(range(start, end)):
            chosen.append((kind, start, end))
            taken.update(range(start, end))
    return sorted(chosen, key=lambda s: s[1])


def read_wojood(path: str | Path) -> list[TaggedSentence]:
    """Read a Wojood nested-NER file keeping the outermost PERS/ORG/GPE/LOC spans."""
    sentences = []
    for block in _read_blocks(Path(path)):
        rows = [fields for fields in block if fields[0] != "$#$"]
        if not rows:
            continue
        labels = ["O"] * len(rows)
        for kind, start, end in _outermost_spans([fields[1:] for fields in rows]):
            labels[start] = f"B-{kind}"
            labels[start + 1 : end] = [f"I-{kind}"] * (end - start - 1)
        sentences.append(TaggedSentence(tuple(fields[0] for fields in rows), tuple(labels)))
    return sentences


def count_labels(sentences: Iterable[TaggedSentence]) -> dict[str, int]:
    """Entities per type over sentences (for reports).

    >>> count_labels([TaggedSentence(("a", "b"), ("B-PER", "I-PER"))])
    {'PER': 1}
    """
    counts: dict[str, int] = {}
    for sentence in sentences:
        for kind, _, _ in entity_spans(sentence.labels):
            counts[kind] = counts.get(kind, 0) + 1
    return counts
