"""Speed-up of `dyad ingest --dask` with 2 workers over 1, on the first N corpus articles.

    .venv/bin/python benchmarks/dask_speedup.py [--n 200] [--partition-size 25] [--workers 1,2]
        [--corpus ../shared/corpus/world-news.jsonl.gz]

For each worker count it starts a LocalCluster (`local:N`: N single-threaded worker processes),
loads the model on the workers (not timed), then times the ingest into a new store: reading,
coding on the workers, merging the Parquet parts and dedup. Prints the rates and the speed-up.
Run by hand, not by the tests; the figures mean little on a machine busy with other work.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import os
import tempfile
import time
from pathlib import Path

from dyad.dist import PipelinePlugin, connect, ingest_dask
from dyad.settings import get_settings
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]


def run(src: Path, workers: int, partition_size: int, tmp: Path) -> tuple[float, int, float]:
    """(seconds, articles coded, cluster start + model load seconds) for `local:workers`."""
    t0 = time.perf_counter()
    with connect(f"local:{workers}") as client:
        client.register_plugin(PipelinePlugin(get_settings()))  # model loaded on every worker, untimed
        t_start = time.perf_counter() - t0
        with Store(tmp / f"w{workers}.duckdb") as st:
            t1 = time.perf_counter()
            rep = ingest_dask(st, [str(src)], scheduler=client, partition_size=partition_size)
            elapsed = time.perf_counter() - t1
    return elapsed, rep.coded, t_start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"))
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = tmp / "articles.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.n))
        print(f"articles: first {args.n} of {args.corpus}; partitions of {args.partition_size}; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        rates = {}
        for w in counts:
            elapsed, coded, t_start = run(src, w, args.partition_size, tmp)
            rates[w] = coded / elapsed
            print(f"local:{w}: {coded} articles in {elapsed:.1f} s -> {rates[w]:.2f} articles/s "
                  f"(cluster start and model load {t_start:.1f} s, not counted)")
        if len(counts) >= 2:
            print(f"speed-up local:{counts[-1]} / local:{counts[0]}: {rates[counts[-1]] / rates[counts[0]]:.2f}x")


if __name__ == "__main__":
    main()
