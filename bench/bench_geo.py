"""Benchmark rasd.geo: gazetteer load time, pickling, and place mentions resolved per second.

Usage (from the repository root)::

    python bench/bench_geo.py [--shared ../shared] [--docs 600]

Prints figures; it is not a timed test (tests check correctness; load time and speed are
measured here). Texts: the seed and dev example bodies plus up to ``--docs`` articles of the
news corpus in shared/data/news-ant-syria (when present). Times are CPU seconds of this
process (one core). The headline figure is find_places END TO END (spotting names and
resolving them) over every text, first pass included (caches cold); the second pass shows
the steady state of a long batch. Targets: load < 1 s, >= 20,000 mentions/s end to end.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.geo.gazetteer import Gazetteer  # noqa: E402
from rasd.geo.match import spot_places  # noqa: E402
from rasd.geo.resolve import find_places  # noqa: E402


def texts(shared: Path, docs: int) -> list[tuple[str, str]]:
    """(title, body) pairs from the examples and the news corpus."""
    out = []
    for path in sorted((shared / "examples").glob("*/article.txt")) + sorted((shared / "examples").glob("*/*/article.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        out.append((title, body))
    corpus = shared / "data" / "news-ant-syria" / "ant_syria_2018.jsonl"
    if corpus.is_file():
        with open(corpus, encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number >= docs:
                    break
                record = json.loads(line)
                out.append((record["title"], record["text"]))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print load, pickle and throughput figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--docs", type=int, default=600)
    args = parser.parse_args(argv)
    start = time.process_time()
    gaz = Gazetteer.load()
    load = time.process_time() - start
    start = time.process_time()
    blob = pickle.dumps(gaz)
    pickle.loads(blob)
    round_trip = time.process_time() - start
    corpus = texts(args.shared, args.docs)
    characters = sum(len(body) for _, body in corpus)
    mentions, elapsed = _time_find_places(corpus, gaz)
    _, steady = _time_find_places(corpus, gaz)
    start = time.process_time()
    for title, body in corpus:
        spot_places(body, gaz)
        spot_places(title, gaz)
    spotting = time.process_time() - start
    print(f"gazetteer: {len(gaz)} places, load {load:.3f} s, pickle round trip {round_trip:.3f} s ({len(blob) / 1e6:.1f} MB)")
    print(f"texts: {len(corpus)} ({characters / 1e6:.2f} M characters), place mentions: {mentions}")
    print(f"find_places end to end (spotting + resolving): {elapsed:.2f} s, {mentions / elapsed:,.0f} mentions/s, "
          f"{len(corpus) / elapsed:,.0f} articles/s")
    print(f"  second pass (warm caches): {steady:.2f} s, {mentions / steady:,.0f} mentions/s")
    resolving = max(steady - spotting, 1e-9)
    print(f"  of which spotting names: {spotting:.2f} s; resolving them in context: {resolving:.2f} s "
          f"({mentions / resolving:,.0f} mentions/s)")
    return 0


def _time_find_places(corpus: list[tuple[str, str]], gaz: Gazetteer) -> tuple[int, float]:
    """Place mentions found in the corpus and the CPU seconds find_places took."""
    start = time.process_time()
    mentions = sum(len(find_places(body, gaz, title=title)) for title, body in corpus)
    return mentions, time.process_time() - start


if __name__ == "__main__":
    raise SystemExit(main())
