"""Soak test: stream N articles through `dyad ingest -` into a temporary DuckDB file and print the
rate and the memory of the ingest process every K articles, so that a leak shows.

    .venv/bin/python benchmarks/soak.py [--n 100000] [--every 10000] [--workers 1] [--no-prefilter]

The corpus is repeated with new ids ("<id>~<round>") for as long as N asks. Articles are written
to the ingest process's stdin as JSONL; a full pipe blocks the writer, so the count written is the
count read by `dyad ingest` to within one pipe buffer and one batch. Memory is read from
/proc/<pid>/status of the ingest process (VmRSS now, VmHWM its peak; with --workers the workers'
VmRSS is added). Run by hand; the tests do not run it.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"


def status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def records(path: str):
    for rnd in itertools.count():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if rnd:
                    r["id"] = f"{r.get('id')}~{rnd}"
                yield r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-prefilter", action="store_true")
    ap.add_argument("--dedup", action="store_true", help="rebuild the dedup tables at the end (slow for large N)")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="dyad-soak-") as tmp:
        db = os.path.join(tmp, "soak.duckdb")
        cmd = [sys.executable, "-m", "dyad", "ingest", "-", "--db", db, "-q", "--workers", str(args.workers),
               "--no-prefilter" if args.no_prefilter else "--prefilter"]
        if not args.dedup:
            cmd.append("--no-dedup")
        errlog = open(os.path.join(tmp, "ingest.err"), "w+", encoding="utf-8")  # a file: a full pipe would block
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errlog,
                                text=True, encoding="utf-8")
        print(f"ingest pid {proc.pid}: {' '.join(cmd[1:])}", flush=True)
        print(f"{'articles':>9} {'s':>7} {'art/s (last)':>13} {'art/s (all)':>12} {'RSS MB':>7} {'peak MB':>8}"
              f" {'workers MB':>10}", flush=True)
        t0 = last_t = time.perf_counter()
        assert proc.stdin is not None
        for k, r in enumerate(itertools.islice(records(args.corpus), args.n), 1):
            proc.stdin.write(json.dumps(r, ensure_ascii=False) + "\n")
            if k % args.every == 0:
                now = time.perf_counter()
                rss = status_kb(proc.pid, "VmRSS") / 1024
                hwm = status_kb(proc.pid, "VmHWM") / 1024
                wrk = sum(status_kb(c, "VmRSS") for c in children(proc.pid)) / 1024
                print(f"{k:>9} {now - t0:>7.0f} {args.every / (now - last_t):>13.2f} {k / (now - t0):>12.2f}"
                      f" {rss:>7.0f} {hwm:>8.0f} {wrk:>10.0f}", flush=True)
                last_t = now
        proc.stdin.close()
        proc.wait()
        errlog.seek(0)
        errs = errlog.read()
        errlog.close()
        total = time.perf_counter() - t0
        print(f"done: {args.n} articles in {total:.0f} s ({args.n / total:.2f} articles/s), "
              f"exit {proc.returncode}", flush=True)
        if proc.returncode:
            print(errs[-2000:], file=sys.stderr)
        else:
            print("\n".join(errs.strip().splitlines()[-2:]), flush=True)  # the ingest summary


if __name__ == "__main__":
    main()
