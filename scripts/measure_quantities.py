"""Agreement of rasd.text.numbers / rasd.text.dates with the gold quantities and times.

For every gold event quantity (``quantity``, ``quantity_2``, ``munitions``, ``targets``)
that has a value or a min/max, and every gold ``time`` phrase with a date or a
relative reading (basis ``published`` is no phrase and is left out), look in the paragraph holding the event's evidence for a found quantity /
time expression that agrees: quantities on value or (min, max) exactly, times on
``date_start`` (and ``date_end`` when the gold has one) at the gold's precision, or,
without a publication date, on an unresolved relative phrase with the same text.
Times are looked for in the evidence paragraph, then anywhere with the gold's words.
Also times ``find_quantities`` + ``find_times`` per article (CPU time, best of 5 warm runs).

Usage (from the repository root): python scripts/measure_quantities.py [SHARED_DIR] [--verbose]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from rasd.text.dates import find_times  # noqa: E402
from rasd.text.normalize import normalize_key  # noqa: E402
from rasd.text.numbers import find_quantities, is_count  # noqa: E402

QUANTITY_FIELDS = ("quantity", "quantity_2", "munitions", "targets")


def folders(shared: Path) -> list[Path]:
    """The seed folder and every dev folder with a gold.json."""
    return [shared / "examples" / "seed-defections"] + sorted(p.parent for p in (shared / "examples" / "dev").glob("*/gold.json"))


def published_of(folder: Path) -> dt.date | None:
    meta = folder / "meta.json"
    if not meta.exists():
        return None
    value = json.loads(meta.read_text(encoding="utf-8")).get("published")
    return dt.date.fromisoformat(value[:10]) if value else None


def paragraph_span(text: str, evidence: str) -> tuple[int, int] | None:
    """The line of ``text`` that holds ``evidence`` (compared normalised)."""
    key = normalize_key(evidence)
    position = 0
    for line in text.split("\n"):
        if key and key in normalize_key(line):
            return position, position + len(line)
        position += len(line) + 1
    return None


def quantity_agrees(gold: dict, found) -> bool:
    if gold.get("value") is not None:
        return found.value == gold["value"]
    return (found.min, found.max) == (gold.get("min"), gold.get("max"))


def time_agrees(gold: dict, found, published: dt.date | None, both_ends: bool) -> bool:
    """Agreement on ``date_start`` (and ``date_end`` with ``both_ends``) at the gold's precision."""
    if published is None:
        return found.basis == "relative" and found.date_start is None and normalize_key(found.text) in normalize_key(gold["text"])
    if found.date_start is None:
        return False
    start = str(gold["start"])
    if found.date_start.isoformat()[: len(start)] != start:
        return False
    end = gold.get("end")
    return not both_ends or end is None or found.date_end is not None and found.date_end.isoformat()[: len(str(end))] == str(end)


def time_candidates(text: str, span: tuple[int, int], times: list, gold: dict) -> list:
    """Time expressions in the evidence paragraph; else those elsewhere with the gold's words."""
    inside = [t for t in times if span[0] <= t.start < span[1]]
    key = normalize_key(gold["text"])
    if any(normalize_key(t.text) in key or key in normalize_key(t.text) for t in inside):
        return inside
    return inside + [t for t in times if normalize_key(t.text) in key or key in normalize_key(t.text)]


def cpu_seconds(work, repeats: int = 5) -> float:
    """The least CPU time of ``repeats`` warm runs (other jobs on a shared machine add noise)."""
    best = float("inf")
    for _ in range(repeats):
        began = time.process_time()
        work()
        best = min(best, time.process_time() - began)
    return best


def measure(shared: Path, verbose: bool) -> dict:
    totals = {"quantities": 0, "quantities_agree": 0, "times": 0, "times_agree": 0, "times_both": 0, "chars": 0,
              "seconds": 0.0, "articles": 0}
    for folder in folders(shared):
        text = (folder / "article.txt").read_text(encoding="utf-8")
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        published = published_of(folder)
        quantities, times = find_quantities(text), find_times(text, published)
        totals["seconds"] += cpu_seconds(lambda: (find_quantities(text), find_times(text, published)))
        totals["chars"] += len(text)
        totals["articles"] += 1
        for event in gold["events"]:
            span = paragraph_span(text, event.get("evidence", ""))
            if span is None:
                continue
            inside_q = [q for q in quantities if span[0] <= q.start < span[1]]
            for field in QUANTITY_FIELDS:
                item = event.get(field)
                if not item or (item.get("value") is None and item.get("min") is None):
                    continue
                ok = any(quantity_agrees(item, q) for q in inside_q)
                totals["quantities"] += 1
                totals["quantities_agree"] += ok
                if verbose and not ok:
                    print(f"MISS quantity {folder.name} {event['id']}: {json.dumps(item, ensure_ascii=False)}")
                    print("     found:", [(q.text, q.value, q.min, q.max) for q in inside_q if is_count(q)])
            item = event.get("time")
            if item and item.get("text") and item.get("basis") != "published" and (item.get("start") or published is None):
                inside_t = time_candidates(text, span, times, item)
                ok = any(time_agrees(item, t, published, False) for t in inside_t)
                totals["times"] += 1
                totals["times_agree"] += ok
                totals["times_both"] += any(time_agrees(item, t, published, True) for t in inside_t)
                if verbose and not ok:
                    print(f"MISS time {folder.name} {event['id']}: {json.dumps(item, ensure_ascii=False)}")
                    print("     found:", [(t.text, str(t.date_start), str(t.date_end)) for t in inside_t])
    return totals


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else REPO.parent / "shared"
    totals = measure(shared, "--verbose" in argv)
    q, t = totals["quantities"], totals["times"]
    print(f"quantities: {totals['quantities_agree']}/{q} agree ({totals['quantities_agree'] / max(q, 1):.1%})")
    print(f"times:      {totals['times_agree']}/{t} agree on the start date ({totals['times_agree'] / max(t, 1):.1%}), "
          f"{totals['times_both']}/{t} on start and end ({totals['times_both'] / max(t, 1):.1%})")
    per_2kb = totals["seconds"] / max(totals["chars"], 1) * 2048 * 1000
    print(f"speed:      {totals['seconds'] / totals['articles'] * 1000:.2f} ms CPU per article for both, "
          f"{per_2kb:.2f} ms per 2 KB ({totals['articles']} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
