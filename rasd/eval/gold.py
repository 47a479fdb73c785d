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

__all__ = ["EvalReport", "evaluate", "find_gold_folders"]


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
    """Run the pipeline over every gold folder under ``roots`` and add up the scores."""
    report = EvalReport()
    for folder in find_gold_folders(roots):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        item = next(iter_documents([str(folder)]))
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


def _label(document: DocumentScore, name: str) -> None:
    for attribute in ("missed", "false_positives", "field_errors", "must_not_hits"):
        setattr(document, attribute, [f"{name}: {line}" for line in getattr(document, attribute)])


def _score_cleaning(report: EvalReport, name: str, gold_article: dict, article: dict | None) -> None:
    body = (article or {}).get("body") or ""
    checks: list[tuple[str, bool]] = []
    if gold_article.get("title"):
        got = (article or {}).get("title") or ""
        checks.append((f"title {gold_article['title'][:50]!r}", _same_text(got, gold_article["title"])))
    checks += [(f"body has {s[:50]!r}", text_contains(body, s)) for s in gold_article.get("body_must_contain", [])]
    checks += [(f"body lacks {s[:50]!r}", not _raw_contains(body, s))
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
