"""Articles per second and peak memory of `dyad code` on the first N corpus articles.

    .venv/bin/python benchmarks/code_speed.py [--n 200] [--corpus ../shared/corpus/world-news.jsonl.gz]

Prints the figures; it is run by hand, not by the tests.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import time
from pathlib import Path

from dyad.ingest import article_from_dict
from dyad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"))
    args = ap.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in itertools.islice(fh, args.n)]
    articles = []
    for r in records:
        try:
            articles.append(article_from_dict(r))
        except Exception:  # a bad record is skipped here as in `dyad code`
            pass
    pipe = Pipeline()
    t0 = time.perf_counter()
    _ = pipe.nlp  # model load, timed apart
    t_load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = n_quotes = 0
    for res in pipe.process(articles):
        n_events += len(res.events)
        n_quotes += len(res.quotes)
    elapsed = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:        {len(articles)}")
    print(f"model load:      {t_load:.1f} s")
    print(f"coding:          {elapsed:.1f} s  ->  {len(articles) / elapsed:.2f} articles/s")
    print(f"events, quotes:  {n_events}, {n_quotes}")
    print(f"peak RSS:        {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
