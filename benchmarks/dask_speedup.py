"""Speed-up of `dyad ingest --dask` with 2 workers over 1, on the first N corpus articles.

    .venv/bin/python benchmarks/dask_speedup.py [--n 200] [--partition-size 25] [--workers 1,2]
        [--repeat 1] [--corpus ../shared/corpus/world-news.jsonl.gz]

For each worker count it starts a LocalCluster (`local:N`: N single-threaded worker processes),
loads the model, prefilter and tables on the workers (the WorkerPlugin; not timed), then times
the ingest into a new store: reading, coding on the workers, merging the Parquet parts and dedup.
With --repeat R the worker counts are run R times in turn (1, 2, 1, 2, ...) and each rate is the
best of its runs. Prints the rates and the speed-up.

For each run it also prints where the CPU went: the workers' CPU seconds (and how busy each
worker was: CPU seconds / wall seconds, 100% = a whole core), this process's (reading, the
scheduler, the merge into DuckDB), and the CPU seconds that other processes on the machine took
meanwhile (from /proc/stat): when that is large, the workers shared the cores with other work
and the speed-up says little. Run by hand, not by the tests.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import os
import resource
import tempfile
import time
from pathlib import Path

from dyad.dist import PipelinePlugin, connect, ingest_dask
from dyad.settings import get_settings
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _cpu_seconds() -> float:
    """This process's user + system CPU seconds (run on each worker too)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _machine_busy() -> float:
    """CPU seconds all processes on the machine have used since boot (/proc/stat), or nan."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except OSError:
        return float("nan")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(src: Path, workers: int, partition_size: int, tmp: Path, tag: str) -> dict:
    """Seconds, articles coded, cluster start + load seconds and CPU use for `local:workers`."""
    t0 = time.perf_counter()
    with connect(f"local:{workers}") as client:
        client.register_plugin(PipelinePlugin(get_settings()))  # model etc. loaded on every worker, untimed
        t_start = time.perf_counter() - t0
        with Store(tmp / f"w{workers}-{tag}.duckdb") as st:
            w0, c0, m0, l0 = client.run(_cpu_seconds), _cpu_seconds(), _machine_busy(), os.getloadavg()[0]
            t1 = time.perf_counter()
            rep = ingest_dask(st, [str(src)], scheduler=client, partition_size=partition_size)
            elapsed = time.perf_counter() - t1
            w1, c1, m1, l1 = client.run(_cpu_seconds), _cpu_seconds(), _machine_busy(), os.getloadavg()[0]
    worker_cpu = {k: w1[k] - w0[k] for k in w1}
    ours = sum(worker_cpu.values()) + (c1 - c0)
    return {"elapsed": elapsed, "coded": rep.coded, "start": t_start, "worker_cpu": worker_cpu,
            "client_cpu": c1 - c0, "others_cpu": max(0.0, (m1 - m0) - ours), "load": (l0, l1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeat", type=int, default=1)
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
        rates: dict[int, float] = {}
        for rep in range(args.repeat):
            for w in counts:
                r = run(src, w, args.partition_size, tmp, str(rep))
                rate = r["coded"] / r["elapsed"]
                rates[w] = max(rates.get(w, 0.0), rate)
                busy = " ".join(f"{c / r['elapsed']:.0%}" for c in r["worker_cpu"].values())
                print(f"local:{w}: {r['coded']} articles in {r['elapsed']:.1f} s -> {rate:.2f} articles/s "
                      f"(cluster start and load {r['start']:.1f} s, not counted); CPU s: workers "
                      f"{sum(r['worker_cpu'].values()):.1f} (busy {busy}), this process {r['client_cpu']:.1f}, "
                      f"other processes {r['others_cpu']:.1f}; load average {r['load'][0]:.2f} -> {r['load'][1]:.2f}",
                      flush=True)
        if args.repeat > 1:
            print("best of each: " + ", ".join(f"local:{w} {rates[w]:.2f} articles/s" for w in counts))
        if len(counts) >= 2:
            print(f"speed-up local:{counts[-1]} / local:{counts[0]}: {rates[counts[-1]] / rates[counts[0]]:.2f}x")


if __name__ == "__main__":
    main()
