"""Held-out gold set: pick unseen corpus articles and materialise them as gold folders.

The gold readings (``eval/heldout/<id>/gold.json``) are rasd's own work and live in the
repository; the article text belongs to its outlet and does not: it is rebuilt from
``../shared/data/news-ant-syria`` by ``materialise``, with the boilerplate insertions that
``eval/heldout/<id>/source.json`` describes (other corpus headlines as "read also" lines,
footer lines written for rasd).

    python scripts/heldout.py select --count 24          # print a deterministic sample
    python scripts/heldout.py materialise OUT_DIR        # article.txt, meta.json, gold.json
    rasd eval OUT_DIR
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "eval" / "heldout"
CORPUS = "data/news-ant-syria/ant_syria_2018.jsonl"
OUTLETS = {"alarabia": "AL", "BBC": "BB", "CNN": "CN", "france24": "FR", "skynews": "SK"}


def read_corpus(shared: Path) -> dict[str, dict]:
    """Every corpus row by id."""
    rows = {}
    with open(shared / CORPUS, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows[row["id"]] = row
    return rows


def select_articles(rows: dict[str, dict], excluded: set[str], count: int, seed: int) -> list[str]:
    """A seeded sample of conflict articles of middling length, balanced over outlets."""
    pool: dict[str, list[str]] = {}
    for doc_id, row in sorted(rows.items()):
        if doc_id in excluded or int(row["conflict_hits"]) < 3:
            continue
        if not 900 <= len(row["text"]) <= 3200:
            continue
        pool.setdefault(row["source"], []).append(doc_id)
    rng = random.Random(seed)
    for ids in pool.values():
        rng.shuffle(ids)
    chosen: list[str] = []
    while len(chosen) < count and any(pool.values()):
        for source in sorted(pool):
            if pool[source] and len(chosen) < count:
                chosen.append(pool[source].pop())
    return chosen


def build_text(row: dict, spec: dict, rows: dict[str, dict]) -> str:
    """Title, blank line, paragraphs; "read also" lines and footers inserted as spec says."""
    paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
    inline = {item["after_paragraph"]: item["read_also"] for item in spec.get("inline", [])}
    lines = [row["title"].strip()]
    for index, paragraph in enumerate(paragraphs, 1):
        lines.append(paragraph)
        if index in inline:
            lines.append(spec["read_also_label"] + " " + rows[inline[index]]["title"].strip())
    for other in spec.get("tail", []):
        lines.append(spec["read_also_label"] + " " + rows[other]["title"].strip())
    lines.extend(spec.get("footer", []))
    return "\n\n".join(lines) + "\n"


def publication_date(row: dict) -> str | None:
    """The RFC-822 publication time of the corpus as an ISO timestamp."""
    try:
        return parsedate_to_datetime(row["published"]).isoformat()
    except (TypeError, ValueError):
        return None


def materialise(shared: Path, out: Path) -> int:
    """Write every held-out folder that has a gold.json into OUT; returns how many."""
    rows = read_corpus(shared)
    written = 0
    for folder in sorted(HELDOUT.glob("*/source.json")):
        spec = json.loads(folder.read_text(encoding="utf-8"))
        gold = folder.parent / "gold.json"
        row = rows[spec["id"]]
        target = out / spec["id"]
        target.mkdir(parents=True, exist_ok=True)
        (target / "article.txt").write_text(build_text(row, spec, rows), encoding="utf-8")
        meta = {"id": spec["id"], "outlet": row["source"], "url": row["url"], "published": publication_date(row)}
        (target / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        if gold.exists():
            (target / "gold.json").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    sub = parser.add_subparsers(dest="command", required=True)
    pick = sub.add_parser("select", help="print a deterministic sample of unseen articles")
    pick.add_argument("--count", type=int, default=24)
    pick.add_argument("--seed", type=int, default=2026)
    out = sub.add_parser("materialise", help="write the held-out folders (text rebuilt from the corpus)")
    out.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "select":
        rows = read_corpus(args.shared)
        excluded = {p.name for p in (args.shared / "examples" / "dev").iterdir()}
        for doc_id in select_articles(rows, excluded, args.count, args.seed):
            print(doc_id, rows[doc_id]["conflict_hits"], len(rows[doc_id]["text"]), rows[doc_id]["title"])
        return 0
    written = materialise(args.shared, args.out)
    print(f"{written} held-out folders with gold written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
