"""Score rasd's output for one document against a gold.json (DESIGN.md, "Gold files").

A predicted event matches a gold event when its type is the gold ``type`` (or a
``type_alt``) and its evidence sentence contains the gold ``evidence`` or the
evidence of one of its re-mentions (``same_as`` / ``restates``). Each gold event is
matched at most once; required gold events are served first, and among several
candidates the prediction that agrees on most fields wins. Then:

- a prediction matched to a required event is a true positive;
- a prediction matched to an optional event, or that restates an optional event,
  counts neither way;
- any other prediction is a false positive (including a second copy of a required
  event: one real event must be one event);
- a required event left unmatched is a false negative.

Fields are scored on true positives where the gold has a value: quantity (value,
or min and max), location admin1 (country where the gold admin1 is null), location
pcode (or within 10 km), location role, actor and source (normalised containment
either way, also word by word with counted nouns reduced to their lemma so that
"شاب" is found in "شباب من محافظة درعا", or the same canonical actor), time (date, or the phrase when the gold
has no date) and factuality.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasd.text.normalize import normalize_key
from rasd.text.numbers_lexicon import NounLexicon

__all__ = ["DocumentScore", "FIELDS", "score_document", "text_contains"]

FIELDS = ("quantity", "admin1", "pcode", "role", "actor", "source", "time", "factuality")

Canonical = Callable[[str], str | None]
Locate = Callable[[str], tuple[float, float] | None]


@dataclass
class DocumentScore:
    """Counts for one document; add them up over a gold set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    must_not_hits: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)

    def add(self, other: "DocumentScore") -> None:
        """Add another document's counts to these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.neutral += other.neutral
        for name in FIELDS:
            self.field_right[name] += other.field_right[name]
            self.field_total[name] += other.field_total[name]
        self.must_not_hits += other.must_not_hits
        self.missed += other.missed
        self.false_positives += other.false_positives
        self.field_errors += other.field_errors


def text_contains(haystack: str | None, needle: str | None) -> bool:
    """Normalised containment (alef/ya/ta-marbuta, diacritics, spacing, quotes folded)."""
    if not haystack or not needle:
        return False
    return _fold(needle) in _fold(haystack)


def _fold(text: str) -> str:
    text = normalize_key(text)
    for quote in "\"'“”«»#_":
        text = text.replace(quote, " ")
    return " ".join(text.split())


def score_document(
    gold: dict[str, Any], predicted: dict[str, Any], canonical: Canonical | None = None, locate: Locate | None = None
) -> DocumentScore:
    """Score one document's output (contract shape) against its gold reading."""
    score = DocumentScore()
    gold_events = gold.get("events", [])
    evidences = _evidence_sets(gold_events)
    events = predicted.get("events", [])
    pairs = _candidate_pairs(events, gold_events, evidences, canonical, locate)
    required = [(w, p, g) for w, p, g in pairs if not gold_events[g].get("optional")]
    optional = [(w, p, g) for w, p, g in pairs if gold_events[g].get("optional")]
    assignment = _max_matching(required, set())
    assignment.update(_max_matching(optional, set(assignment)))
    taken_pred, taken_gold = set(assignment), set(assignment.values())
    for p_index, g_index in sorted(assignment.items()):
        gold_event = gold_events[g_index]
        if gold_event.get("optional"):
            score.neutral += 1
        else:
            score.tp += 1
            _score_fields(score, gold_event, events[p_index], canonical, locate)
    compatible = {p for _, p, g in pairs if gold_events[g].get("optional")}
    for p_index, event in enumerate(events):
        if p_index in taken_pred:
            continue
        if p_index in compatible:
            score.neutral += 1
        else:
            score.fp += 1
            score.false_positives.append(f"{event['type']}: {event['evidence']['text'][:120]}")
    for g_index, gold_event in enumerate(gold_events):
        if not gold_event.get("optional") and g_index not in taken_gold:
            score.fn += 1
            score.missed.append(f"{gold_event['id']} ({gold_event['type']}): {gold_event['evidence'][:100]}")
    score.must_not_hits = _must_not_hits(gold.get("must_not_extract", []), events)
    return score


def _max_matching(pairs: list[tuple[float, int, int]], used: set[int]) -> dict[int, int]:
    """A maximum matching prediction -> gold over ``pairs`` (augmenting paths), skipping ``used``
    predictions; edges are tried best agreement first, so ties go to the better-fitting prediction."""
    edges: dict[int, list[int]] = {}
    for _, p_index, g_index in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if p_index not in used:
            edges.setdefault(g_index, []).append(p_index)
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(g_index: int, seen: set[int]) -> bool:
        for p_index in edges.get(g_index, ()):
            if p_index in seen:
                continue
            seen.add(p_index)
            if p_index not in owner or augment(owner[p_index], seen):
                owner[p_index] = g_index
                return True
        return False

    for g_index in sorted(edges, key=lambda g: -max(w for w, _, gg in pairs if gg == g)):
        augment(g_index, set())
    return owner


def _evidence_sets(gold_events: list[dict]) -> list[list[str]]:
    """For each gold event, its evidence plus the evidence of its re-mentions."""
    by_id = {g["id"]: [g["evidence"]] for g in gold_events}
    for g in gold_events:
        target = g.get("same_as") or g.get("restates")
        if target in by_id:
            by_id[target].append(g["evidence"])
    return [by_id[g["id"]] for g in gold_events]


def _types(gold_event: dict) -> set[str]:
    alternatives = gold_event.get("type_alt") or []
    if isinstance(alternatives, str):
        alternatives = [alternatives]
    return {gold_event["type"], *alternatives}


def _candidate_pairs(events, gold_events, evidences, canonical, locate) -> list[tuple[float, int, int]]:
    """(priority, prediction, gold) for every type- and evidence-compatible pair."""
    pairs = []
    for p_index, event in enumerate(events):
        sentence = event["evidence"]["text"]
        for g_index, gold_event in enumerate(gold_events):
            if event["type"] not in _types(gold_event):
                continue
            if not any(text_contains(sentence, e) for e in evidences[g_index]):
                continue
            agreement = sum(_field_results(gold_event, event, canonical, locate).values())
            priority = (0 if gold_event.get("optional") else 100) + agreement
            pairs.append((priority, p_index, g_index))
    return pairs


def _score_fields(score: DocumentScore, gold_event: dict, event: dict, canonical, locate) -> None:
    for name, right in _field_results(gold_event, event, canonical, locate).items():
        score.field_total[name] += 1
        score.field_right[name] += right
        if not right:
            score.field_errors.append(f"{gold_event['id']}.{name}: gold {_gold_field(gold_event, name)!r} "
                                      f"got {_pred_field(event, name)!r}")


def _field_results(gold_event: dict, event: dict, canonical, locate) -> dict[str, bool]:
    """Right/wrong for each field the gold event has a value for."""
    results: dict[str, bool] = {}
    quantity = gold_event.get("quantity") or {}
    if quantity.get("value") is not None or quantity.get("min") is not None:
        results["quantity"] = _quantity_right(quantity, event.get("quantity"))
    location = gold_event.get("location")
    predicted_location = event.get("location") or {}
    if location:
        if location.get("admin1"):
            results["admin1"] = predicted_location.get("admin1") == location["admin1"]
        elif location.get("country"):
            results["admin1"] = predicted_location.get("country") == location["country"]
        if location.get("pcode"):
            results["pcode"] = _pcode_right(location["pcode"], predicted_location, locate)
        if location.get("role"):
            results["role"] = predicted_location.get("role") == location["role"]
    if gold_event.get("actor"):
        names = _texts(gold_event["actor"]) + _texts(gold_event.get("actor_alt"))
        results["actor"] = any(_actor_right(n, _first_actor(event), canonical) for n in names)
    if gold_event.get("source"):
        attribution = event.get("attribution") or {}
        results["source"] = any(
            _actor_right(name, attribution.get(k), canonical)
            for name in _texts(gold_event["source"]) for k in ("source", "speaker")
        )
    if gold_event.get("time"):
        results["time"] = _time_right(gold_event["time"], event.get("time"))
    if gold_event.get("factuality"):
        results["factuality"] = event.get("factuality") == gold_event["factuality"]
    return results


def _quantity_right(gold: dict, predicted: dict | None) -> bool:
    if not predicted:
        return False
    if gold.get("value") is not None:
        return predicted.get("value") == gold["value"]
    return predicted.get("value") is None and predicted.get("min") == gold.get("min") and (
        predicted.get("max") == gold.get("max")
    )


def _pcode_right(pcode: str, predicted: dict, locate: Locate | None) -> bool:
    if predicted.get("pcode") == pcode:
        return True
    if locate is None or predicted.get("lat") is None:
        return False
    point = locate(pcode)
    if point is None:
        return False
    return _km(point, (predicted["lat"], predicted["lon"])) <= 10.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _texts(value) -> list[str]:
    """A gold name field as a list: one name, or a list of names any of which is right."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _first_actor(event: dict) -> str | None:
    return next((a["text"] for a in event.get("actors", []) if a["role"] == "actor"), None)


def _actor_right(gold: str, predicted: str | None, canonical: Canonical | None) -> bool:
    if not predicted:
        return False
    if text_contains(predicted, gold) or text_contains(gold, predicted):
        return True
    gold_words, predicted_words = _lemmas(gold), _lemmas(predicted)
    if _sublist(predicted_words, gold_words) or _sublist(gold_words, predicted_words):
        return True
    if canonical is None:
        return False
    gold_id, predicted_id = canonical(gold), canonical(predicted)
    return gold_id is not None and gold_id == predicted_id


def _lemmas(text: str) -> list[str]:
    """Words of a name with counted nouns reduced to their lemma ("الشبان" -> "شاب")."""
    nouns = NounLexicon.load()
    words = []
    for word in _fold(text).split():
        entry = nouns.match(word)
        words.append(normalize_key(entry.lemma) if entry else word)
    return words


def _sublist(small: list[str], big: list[str]) -> bool:
    """True when ``small`` occurs as a run of consecutive words in ``big``."""
    if not small:
        return False
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _time_right(gold: dict, predicted: dict | None) -> bool:
    if not predicted:
        return False
    if gold.get("start"):
        return (predicted.get("date_start") or "")[: len(gold["start"])] == gold["start"]
    return text_contains(predicted.get("text"), gold.get("text")) or text_contains(gold.get("text"), predicted.get("text"))


def _must_not_hits(rules: list[dict], events: list[dict]) -> list[str]:
    hits = []
    for rule in rules:
        for event in events:
            if rule.get("type") and event["type"] != rule["type"]:
                continue
            if text_contains(event["evidence"]["text"], rule["text"]):
                hits.append(f"{event['type']} from must_not_extract text: {rule['text'][:80]}")
    return hits


def _gold_field(gold_event: dict, name: str) -> Any:
    location = gold_event.get("location") or {}
    return {
        "quantity": gold_event.get("quantity"), "admin1": location.get("admin1") or location.get("country"),
        "pcode": location.get("pcode"), "role": location.get("role"), "actor": gold_event.get("actor"),
        "source": gold_event.get("source"), "time": gold_event.get("time"), "factuality": gold_event.get("factuality"),
    }[name]


def _pred_field(event: dict, name: str) -> Any:
    location = event.get("location") or {}
    quantity = event.get("quantity") or {}
    return {
        "quantity": {k: quantity.get(k) for k in ("value", "min", "max")} if quantity else None,
        "admin1": location.get("admin1") or location.get("country"), "pcode": location.get("pcode"),
        "role": location.get("role"), "actor": _first_actor(event),
        "source": (event.get("attribution") or {}).get("source"),
        "time": {k: (event.get("time") or {}).get(k) for k in ("text", "date_start")},
        "factuality": event.get("factuality"),
    }[name]
