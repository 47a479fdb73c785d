"""Benchmark the whole extraction: articles per second on one core, and peak memory.

    python bench/bench_extract.py [--corpus ../shared/data/news-ant-syria/ant_syria_2018.jsonl]
                                  [--limit N] [--no-ner]

Reads the JSONL corpus, runs the full pipeline (decode, clean, sentences, NER, places,
quantities, dates, events) on every article in one process, and prints: the load time of
the resources, articles/s and characters/s over the whole corpus (CPU time of this
process, so another busy process on the machine does not count), the number of events,
rejections, and the peak resident memory. Target: at least 100 articles/s per core.
Pin it to one core with ``taskset -c 0`` for a strict one-core figure.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.config import Config  # noqa: E402
from rasd.ingest.readers import iter_documents  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news-ant-syria" / "ant_syria_2018.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a JSONL corpus")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    parser.add_argument("--no-ner", action="store_true", help="run without the NER model")
    args = parser.parse_args()

    started = time.perf_counter()
    pipeline = Pipeline.load(Config(use_ner=not args.no_ner))
    load_seconds = time.perf_counter() - started
    documents = list(iter_documents([str(args.corpus)]))
    if args.limit:
        documents = documents[: args.limit]

    cpu_start, wall_start = time.process_time(), time.perf_counter()
    events = rejected = characters = 0
    for document in documents:
        result = pipeline.process(document)
        events += len(result.events)
        rejected += result.rejection is not None
        characters += len(result.article.body) if result.article else 0
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus          {args.corpus.name}: {len(documents)} documents, {characters / 1e6:.1f} M characters of body")
    print(f"ner             {'off' if args.no_ner else 'on'}")
    print(f"load            {load_seconds:.2f} s (gazetteer, lexicons, NER model)")
    print(f"cpu             {cpu:.1f} s -> {len(documents) / cpu:.1f} articles/s, {characters / cpu / 1e3:.0f} k chars/s")
    print(f"wall            {wall:.1f} s -> {len(documents) / wall:.1f} articles/s")
    print(f"events          {events} ({events / max(len(documents), 1):.2f} per article), {rejected} rejected")
    print(f"peak memory     {peak_mb:.0f} MB resident")


if __name__ == "__main__":
    main()
