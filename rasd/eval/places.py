"""Score predicted places against a gold.json ``places`` list, and check ``must_not_geocode``.

A gold place is matched by predicted mentions whose normalised text equals its text (or,
when none does, contains it or is contained in it; "#" and "_" count as spaces). It is
*right* when one of those mentions has the gold p-code (gold with a p-code), the gold
governorate (gold with admin1 only) or the gold country.

>>> gold = [{"text": "نصيب", "country": "SY", "admin1": "SY12", "pcode": "C5999"},
...         {"text": "محافظة درعا", "country": "SY", "admin1": "SY12", "pcode": None}]
>>> predicted = [{"text": "نصيب", "pcode": "C5999", "admin1": "SY12", "country": "SY"},
...              {"text": "محافظة درعا", "pcode": None, "admin1": "SY12", "country": "SY"}]
>>> r = score_places(gold, predicted)
>>> (r["pcode_right"], r["pcode_total"], r["admin1_right"], r["admin1_total"])
(1, 1, 1, 1)
"""

from __future__ import annotations

import json
from pathlib import Path

from rasd.text.normalize import normalize_key

__all__ = ["check_must_not_geocode", "gold_locations", "measure_folders", "score_places"]

_TANWIN = {0x064B: "~", 0x064C: "~", 0x064D: "~"}


def _key(text: str) -> str:
    """Normalised matching key: folded, "#"/"_" as spaces, tanwin kept as a mark."""
    return normalize_key(text.translate(_TANWIN).replace("#", " ").replace("_", " "))


def _matches(gold_text: str, predicted: list[dict]) -> list[dict]:
    """Predicted places whose text equals the gold text, else those that contain or are in it."""
    key = _key(gold_text)
    exact = [p for p in predicted if _key(p.get("text") or "") == key]
    if exact:
        return exact
    return [p for p in predicted if (k := _key(p.get("text") or "")) and (key in k or k in key)]


def score_places(gold_places: list[dict], predicted: list[dict]) -> dict:
    """Counts of gold places found and right (p-code, admin1-only, country), plus the misses."""
    out = {"total": 0, "found": 0, "pcode_total": 0, "pcode_right": 0, "admin1_total": 0, "admin1_right": 0,
           "country_total": 0, "country_right": 0, "misses": []}
    for gold in gold_places:
        matched = _matches(gold["text"], predicted)
        out["total"] += 1
        out["found"] += bool(matched)
        checks = []
        if gold.get("country") == "SY" and gold.get("pcode"):
            checks.append(("pcode", any(p.get("pcode") == gold["pcode"] for p in matched)))
        elif gold.get("country") == "SY" and gold.get("admin1"):
            checks.append(("admin1", any(p.get("admin1") == gold["admin1"] for p in matched)))
        if gold.get("country"):
            checks.append(("country", any(p.get("country") == gold["country"] for p in matched)))
        for name, right in checks:
            out[f"{name}_total"] += 1
            out[f"{name}_right"] += right
            if not right:
                got = [(p.get("text"), p.get("pcode") or p.get("admin1") or p.get("country")) for p in matched]
                out["misses"].append({"text": gold["text"], "check": name, "gold": gold.get(name if name != "admin1" else "admin1"), "got": got})
    return out


def _occurrences(rule_text: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``rule_text`` in ``text``: exact first, else after normalisation."""
    spans, start = [], text.find(rule_text)
    while start >= 0:
        spans.append((start, start + len(rule_text)))
        start = text.find(rule_text, start + 1)
    if spans:
        return spans
    from rasd.text.normalize import normalize_text

    normal, key = normalize_text(text), normalize_key(rule_text)
    position = normal.text.find(key)
    while position >= 0 and key:
        spans.append(normal.span_to_original(position, position + len(key)))
        position = normal.text.find(key, position + 1)
    return spans


def _violates(rule: dict, place: dict) -> bool:
    """True when a predicted place breaks a rule (resolved outside its admin1, or at all)."""
    country = place.get("country")
    if rule.get("outside_admin1") is None:
        return country is not None or place.get("pcode") is not None
    if country not in (None, "SY"):
        return True
    return place.get("admin1") not in (None, rule["outside_admin1"])


def check_must_not_geocode(rules: list[dict], predicted: list[dict], text: str | None = None) -> list[str]:
    """Violations of gold ``must_not_geocode`` rules, one sentence each.

    With ``text`` (the body the offsets point into) a predicted place violates a rule when
    it overlaps an occurrence of the rule text; without it, when its text equals or
    contains the rule text.
    """
    violations = []
    for rule in rules:
        if text is not None:
            spans = _occurrences(rule["text"], text)
            hits = [p for p in predicted if any(p.get("start", -1) < e and s < p.get("end", -1) for s, e in spans)]
        else:
            key = _key(rule["text"])
            hits = [p for p in predicted if key in _key(p.get("text") or "")]
        for place in hits:
            if _violates(rule, place):
                where = place.get("admin1") or place.get("country")
                violations.append(f"'{place.get('text')}' at {place.get('start')} resolved to {where}; rule: {rule['text']} ({rule.get('why', '')})")
    return violations


def gold_locations(gold: dict) -> list[dict]:
    """The gold places plus the event locations of a gold.json (as place dicts, deduplicated)."""
    places = list(gold.get("places", []))
    seen = {(_key(p["text"]), p.get("pcode"), p.get("admin1")) for p in places}
    for event in gold.get("events", []):
        location = event.get("location") or {}
        if not location.get("text") or not (location.get("admin1") or location.get("pcode")):
            continue
        item = {"text": location["text"], "country": "SY", "admin1": location.get("admin1"), "pcode": location.get("pcode")}
        marker = (_key(item["text"]), item["pcode"], item["admin1"])
        if marker not in seen and str(location.get("admin1", "")).startswith("SY"):
            seen.add(marker)
            places.append(item)
    return places


def measure_folders(folders, gaz) -> dict:
    """Run rasd.geo over example folders (article.txt: title line, then body) and total the scores."""
    from rasd.geo.resolve import find_places, place_to_dict

    totals = {"articles": 0, "total": 0, "found": 0, "pcode_total": 0, "pcode_right": 0, "admin1_total": 0,
              "admin1_right": 0, "country_total": 0, "country_right": 0, "violations": [], "misses": []}
    for folder in folders:
        folder = Path(folder)
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        title, _, body = (folder / "article.txt").read_text(encoding="utf-8").partition("\n")
        predicted = [place_to_dict(m) for m in find_places(body, gaz, title=title)]
        scores = score_places(gold_locations(gold), predicted)
        for name in ("total", "found", "pcode_total", "pcode_right", "admin1_total", "admin1_right", "country_total", "country_right"):
            totals[name] += scores[name]
        totals["misses"] += [dict(miss, article=folder.name) for miss in scores["misses"]]
        totals["violations"] += [f"{folder.name}: {v}" for v in check_must_not_geocode(gold.get("must_not_geocode", []), predicted, body)]
        totals["articles"] += 1
    return totals
