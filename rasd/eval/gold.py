"""Run rasd over gold folders and score it: events, fields, cleaning, places.

A gold folder holds ``article.txt`` (or ``article.html``), optionally ``meta.json``,
and ``gold.json``. :func:`evaluate` finds every gold folder under the roots, runs
the pipeline on it and adds up the scores into an :class:`EvalReport`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import UsageError
from rasd.eval.places import check_must_not_geocode, score_places
from rasd.eval.score import FIELDS, DocumentScore, score_document, text_contains
from rasd.ingest.readers import iter_documents
from rasd.output import result_to_dict

__all__ = ["BadGold", "EvalReport", "evaluate", "find_gold_folders", "load_gold"]


@dataclass
class EvalReport:
    """Scores over a gold set."""

    documents: int = 0
    events: DocumentScore = field(default_factory=DocumentScore)
    cleaning_passed: int = 0
    cleaning_total: int = 0
    cleaning_failures: list[str] = field(default_factory=list)
    places: dict[str, int] = field(default_factory=dict)
    geocode_violations: list[str] = field(default_factory=list)
    place_misses: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    bad_gold: list[str] = field(default_factory=list)  # gold folders skipped: one message each

    @property
    def precision(self) -> float:
        """Event precision (1.0 when nothing was predicted)."""
        predicted = self.events.tp + self.events.fp
        return self.events.tp / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """Event recall over required gold events (1.0 when there are none)."""
        gold = self.events.tp + self.events.fn
        return self.events.tp / gold if gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self) -> dict[str, float | None]:
        """Accuracy per field over matched required events (None where nothing was scored)."""
        return {
            name: (self.events.field_right[name] / total if (total := self.events.field_total[name]) else None)
            for name in FIELDS
        }

    def to_dict(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict."""
        return {
            "documents": self.documents,
            "events": {"tp": self.events.tp, "fp": self.events.fp, "fn": self.events.fn,
                       "neutral": self.events.neutral, "precision": self.precision, "recall": self.recall,
                       "f1": self.f1},
            "fields": self.field_accuracy(),
            "field_counts": dict(self.events.field_total),
            "must_not_extract_hits": len(self.events.must_not_hits),
            "cleaning": {"passed": self.cleaning_passed, "total": self.cleaning_total},
            "places": self.places,
            "must_not_geocode_violations": len(self.geocode_violations),
            "rejected": len(self.rejected),
            "bad_gold": len(self.bad_gold),
        }


def find_gold_folders(roots: list[str]) -> list[Path]:
    """Every folder holding a gold.json under the roots (a root may itself be one)."""
    folders: list[Path] = []
    for root in roots:
        path = Path(root)
        if not path.exists():
            raise UsageError("U003", f"{root}: no such folder")
        if (path / "gold.json").is_file():
            folders.append(path)
        else:
            folders.extend(sorted(p.parent for p in path.rglob("gold.json")))
    if not folders:
        raise UsageError("U004", f"no gold.json found under {', '.join(roots)}")
    return folders


def evaluate(roots: list[str], pipeline, canonical=None, locate=None) -> EvalReport:
    """Run the pipeline over every gold folder under ``roots`` and add up the scores.

    A folder whose ``gold.json`` is broken (see :func:`load_gold`) is skipped: its
    message goes to ``report.bad_gold`` and the other folders are scored.
    """
    report = EvalReport()
    for folder in find_gold_folders(roots):
        try:
            gold = load_gold(folder / "gold.json")
        except BadGold as error:
            report.bad_gold.append(str(error))
            continue
        item = next(iter_documents([str(folder)]), None)
        if item is None:
            report.bad_gold.append(_bad(folder, "holds a gold.json but no article.txt or article.html", "add the article"))
            continue
        result = pipeline.process(item)
        report.documents += 1
        if result.rejection is not None:
            report.rejected.append(f"{folder.name}: {result.rejection.detail}")
        predicted = result_to_dict(result)
        _score_cleaning(report, folder.name, gold.get("article", {}), predicted.get("article"))
        document = score_document(gold, predicted, canonical, locate)
        _label(document, folder.name)
        report.events.add(document)
        places = score_places(gold.get("places", []), predicted["places"])
        report.place_misses += [f"{folder.name}: {m}" for m in places.pop("misses", [])]
        _add_counts(report.places, places)
        report.geocode_violations += [
            f"{folder.name}: {v}" for v in check_must_not_geocode(gold.get("must_not_geocode", []), predicted["places"])
        ]
    return report


class BadGold(ValueError):
    """A gold.json that cannot be scored; the message names the file, the problem and the fix."""


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check one ``gold.json``; raises :class:`BadGold` with one clear sentence.

    Checked: the file is UTF-8 JSON holding an object; ``article`` is an object whose
    snippet lists hold strings; every event is an object with ``id``, ``type`` and
    ``evidence``, ids are unique and ``same_as``/``restates`` name one of them;
    ``must_not_extract``, ``must_not_geocode`` and ``places`` hold objects with ``text``.
    """
    try:
        gold = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise BadGold(_bad(path, f"cannot be read as UTF-8 text ({error})")) from error
    except json.JSONDecodeError as error:
        raise BadGold(_bad(path, f"is not valid JSON ({error})")) from error
    problem = _gold_problem(gold)
    if problem:
        raise BadGold(_bad(path, problem))
    return gold


def _bad(path: Path, problem: str, fix: str = "fix it (docs/eval.md, 'The gold format')") -> str:
    """One sentence: the file, what is wrong, what to do."""
    return f"{path}: {problem}; {fix} or remove the folder"


def _gold_problem(gold: Any) -> str | None:
    """What is wrong with a parsed gold.json, or None."""
    if not isinstance(gold, dict):
        return f"holds a JSON {type(gold).__name__}, not an object"
    article = gold.get("article", {})
    if not isinstance(article, dict):
        return "'article' is not an object"
    for key in ("body_must_contain", "body_must_not_contain"):
        if not _list_of(article.get(key, []), str):
            return f"'article.{key}' is not a list of strings"
    if article.get("title") is not None and not isinstance(article["title"], str):
        return "'article.title' is not a string"
    for key in ("events", "must_not_extract", "must_not_geocode", "places"):
        if not _list_of(gold.get(key, []), dict):
            return f"'{key}' is not a list of objects"
    return _events_problem(gold.get("events", [])) or _texts_problem(gold)


def _events_problem(events: list[dict]) -> str | None:
    """Events need an id (unique), a type and an evidence; re-mentions must name an event."""
    ids: set[Any] = set()
    for number, event in enumerate(events, 1):
        for key in ("id", "type", "evidence"):
            if not isinstance(event.get(key), (str, int)) or isinstance(event.get(key), bool) or event[key] == "":
                return f"event {number} has no '{key}'"
        if event["id"] in ids:
            return f"event id {event['id']!r} is used twice"
        ids.add(event["id"])
    for event in events:
        for key in ("same_as", "restates"):
            if event.get(key) is not None and event[key] not in ids:
                return f"event {event['id']!r}: '{key}' names no event ({event[key]!r})"
    return None


def _texts_problem(gold: dict) -> str | None:
    """``must_not_extract``, ``must_not_geocode`` and ``places`` entries need a ``text``."""
    for key in ("must_not_extract", "must_not_geocode", "places"):
        for number, entry in enumerate(gold.get(key, []), 1):
            if not isinstance(entry.get("text"), str) or not entry["text"]:
                return f"'{key}' entry {number} has no 'text'"
    return None


def _list_of(value: Any, kind: type) -> bool:
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


def _label(document: DocumentScore, name: str) -> None:
    for attribute in ("missed", "false_positives", "field_errors", "must_not_hits"):
        setattr(document, attribute, [f"{name}: {line}" for line in getattr(document, attribute)])


def _score_cleaning(report: EvalReport, name: str, gold_article: dict, article: dict | None) -> None:
    """Add the title, body_must_contain and body_must_not_contain checks; list the failures."""
    body = (article or {}).get("body") or ""
    checks: list[tuple[str, bool]] = []
    # each check with the words that say what went wrong when it fails
    if gold_article.get("title"):
        got = (article or {}).get("title") or ""
        checks.append((f"title is {got[:50]!r}, gold {gold_article['title'][:50]!r}",
                       _same_text(got, gold_article["title"])))
    checks += [(f"body misses {s[:50]!r}", text_contains(body, s)) for s in gold_article.get("body_must_contain", [])]
    checks += [(f"body keeps {s[:50]!r}", not _raw_contains(body, s))
               for s in gold_article.get("body_must_not_contain", [])]
    for label, passed in checks:
        report.cleaning_total += 1
        report.cleaning_passed += passed
        if not passed:
            report.cleaning_failures.append(f"{name}: {label}")


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _raw_contains(body: str, snippet: str) -> bool:
    """Exact containment for must-not checks (after whitespace folding)."""
    return " ".join(snippet.split()) in " ".join(body.split())


def _add_counts(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value
