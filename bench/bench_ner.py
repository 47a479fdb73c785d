"""Benchmark rasd's NER: model load time and tagging speed on one CPU core.

    python bench/bench_ner.py [--data ../shared/data] [--articles 300]

Prints: cold load time (fresh interpreter: import + load), tokens/s of ``NerModel.tag``
on the ANERcorp test split (cold word cache: a fresh model), tokens/s of
``find_entities`` on news articles (tokenisation and spans included), and the time of
a 100,000-token input without sentence breaks. Targets: load < 2 s, >= 20,000 tokens/s.
Pin the process to one core with ``taskset -c 0`` for a one-core figure (crfsuite is
single-threaded anyway).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.nlp.ner import NerModel, find_entities  # noqa: E402
from rasd.nlp.ner_corpus import read_anercorp  # noqa: E402
from rasd.text.tokenize import tokenize  # noqa: E402


def cold_load_seconds() -> float:
    """Import and load the packaged model in a fresh interpreter; best of three."""
    code = (
        "import time; t = time.perf_counter(); from rasd.nlp.ner import NerModel; "
        "NerModel.load(); print(time.perf_counter() - t)"
    )
    runs = [float(subprocess.check_output([sys.executable, "-c", code], cwd=REPO, text=True)) for _ in range(3)]
    return min(runs)


def tag_speed(sentences: list[list[str]]) -> float:
    """Tokens per second of NerModel.tag over sentences, with a fresh (cold-cache) model."""
    model = NerModel.load()
    began = time.perf_counter()
    for tokens in sentences:
        model.tag(tokens)
    return sum(map(len, sentences)) / (time.perf_counter() - began)


def article_speed(texts: list[str]) -> tuple[float, int]:
    """Tokens per second of find_entities over whole articles, and the number of entities found."""
    model = NerModel.load()
    tokens = sum(len(tokenize(text)) for text in texts)
    began = time.perf_counter()
    found = sum(len(find_entities(text, model)) for text in texts)
    return tokens / (time.perf_counter() - began), found


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description="rasd NER benchmark")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args(argv)
    data = Path(args.data)
    print(f"cold load (import + NerModel.load): {cold_load_seconds():.2f} s")
    test = [list(s.tokens) for s in read_anercorp(data / "ner-anercorp" / "anercorp_test.conll")]
    print(f"NerModel.tag, ANERcorp test ({sum(map(len, test))} tokens): {tag_speed(test):,.0f} tokens/s")
    news = data / "news-ant-syria" / "ant_syria_2018.jsonl"
    lines = news.read_text(encoding="utf-8").splitlines()[: args.articles]
    texts = [json.loads(line)["text"] for line in lines]
    speed, found = article_speed(texts)
    print(f"find_entities, {len(texts)} news articles: {speed:,.0f} tokens/s ({found} entities)")
    model = NerModel.load()
    long_input = " ".join(["قال", "محمد", "في", "دمشق", "إن", "الجيش"] * 16_667)[: 10**6]
    began = time.perf_counter()
    entities = find_entities(long_input, model)
    print(f"100,000-token input without breaks: {time.perf_counter() - began:.2f} s ({len(entities)} entities)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
