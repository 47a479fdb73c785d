"""Build the NER word-frequency table ``rasd/data/ner/wordfreq.tsv.gz`` from the wordfreq package.

Development tool only (wordfreq is NOT a dependency of rasd)::

    pip install wordfreq==3.1.1
    PYTHONPATH=. python scripts/ner_wordfreq.py

It reads wordfreq's large Arabic list (about 620,000 words, from Wikipedia, subtitles,
news, web text and more; data CC BY-SA 4.0, by Robyn Speer and contributors),
normalises every word as the NER features do (``token_key``), sums the frequencies of
words that fold together and writes ``word<TAB>round(10 x Zipf)`` lines, sorted, in a
gzip file without a timestamp, so the same wordfreq version gives byte-identical output.
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.nlp.ner import FREQUENCY_FILE, MODEL_DIR
from rasd.nlp.ner_features import token_key


def main(argv: list[str] | None = None) -> int:
    from importlib.metadata import version

    import wordfreq

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(MODEL_DIR / FREQUENCY_FILE))
    args = parser.parse_args(argv)
    merged: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("ar", wordlist="large").items():
        key = token_key(word)
        if key != "<mark>" and not any(char.isspace() for char in key):
            merged[key] = merged.get(key, 0.0) + frequency
    rows = [(key, round(10 * (math.log10(frequency) + 9))) for key, frequency in sorted(merged.items())]
    header = (
        f"# rasd NER word frequencies: normalised word<TAB>10 x Zipf frequency. {len(rows)} words.\n"
        f"# Derived from wordfreq {version('wordfreq')} "
        "large Arabic list (R. Speer et al., data CC BY-SA 4.0) by scripts/ner_wordfreq.py.\n"
    )
    body = "".join(f"{key}\t{value}\n" for key, value in rows if value > 0)
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle:
        handle.write((header + body).encode("utf-8"))
    print(f"wrote {args.out}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
