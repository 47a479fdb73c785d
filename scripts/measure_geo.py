"""Measure rasd.geo on the seed and dev examples (gold ``places`` and event locations).

Usage (from the repository root)::

    python scripts/measure_geo.py [--shared ../shared] [--misses]

Prints the share of Syrian gold places with a p-code found with that p-code, of Syrian
gold places with only a governorate resolved to it, of countries right, and every
``must_not_geocode`` violation. The body is article.txt minus its first (title) line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.eval.places import measure_folders  # noqa: E402
from rasd.geo.gazetteer import Gazetteer  # noqa: E402


def folders(shared: Path) -> list[Path]:
    """The seed folder and every dev folder that has a gold.json."""
    examples = shared / "examples"
    return [examples / "seed-defections"] + sorted(p.parent for p in (examples / "dev").glob("*/gold.json"))


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when a must_not_geocode rule is broken."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--misses", action="store_true", help="list every gold place that was missed")
    args = parser.parse_args(argv)
    result = measure_folders(folders(args.shared), Gazetteer.load())
    ratio = lambda a, b: f"{result[a]}/{result[b]} = {result[a] / result[b]:.1%}" if result[b] else "n/a"  # noqa: E731
    print(f"articles: {result['articles']}, gold places: {result['total']}, found: {ratio('found', 'total')}")
    print(f"p-code right (Syrian gold with p-code): {ratio('pcode_right', 'pcode_total')}")
    print(f"admin1 right (Syrian gold with admin1 only): {ratio('admin1_right', 'admin1_total')}")
    print(f"country right: {ratio('country_right', 'country_total')}")
    print(f"must_not_geocode violations: {len(result['violations'])}")
    for violation in result["violations"]:
        print("  " + violation)
    if args.misses:
        for miss in result["misses"]:
            print(f"  miss {miss['article']}: {miss['text']} [{miss['check']} {miss['gold']}] got {miss['got']}")
    return 1 if result["violations"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
