"""Throughput on one machine: bare spaCy vs dyad end to end, and peak memory by input size.

    .venv/bin/python benchmarks/throughput.py [--n 1000] [--workers 1] [--rss 1000,5000]

In ONE run, on the same first N corpus articles and the same number of processes:

* bare spaCy: ``spacy.load(model).pipe(texts)`` (every component, whole articles), articles/s;
* dyad code: ``Pipeline.process`` end to end with what `dyad code` wants, events only (prefilter,
  spaCy, actors, events), articles/s, and the ratio dyad / bare;
* dyad ingest: the same with events and quotes (what `dyad ingest` and ``--db`` code), and its
  ratio, for comparison;
* for honesty, bare spaCy again with dyad's stand-ins for attribute_ruler and lemmatizer
  (dyad/fastpipes.py; same output): how much of dyad's lead is those and how much the prefilter.

Each line gives the load average and the run's CPU seconds (this process): on a machine shared
with other jobs a run can be slowed by them, which the CPU seconds are not (much). With
``--rounds R`` bare spaCy and dyad code run R times in turn and the best rate of each is compared.
Each dyad run starts from a freshly loaded model and empty caches, as a new process would.

With ``--rss A,B`` it then codes A and B articles, each in a fresh subprocess (so ru_maxrss is that
run's own), and prints the peak RSS of each: memory should not grow with the input. Run by hand;
the tests do not run it.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"


def records(path: str, n: int) -> Iterator[dict]:
    """The first n records of the corpus, repeated with new ids when n is larger than the corpus."""
    k = 0
    for rnd in itertools.count():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if k >= n:
                    return
                r = json.loads(line)
                if rnd:
                    r["id"] = f"{r.get('id')}~{rnd}"
                k += 1
                yield r


def articles(path: str, n: int):
    from dyad.ingest import article_from_dict

    for r in records(path, n):
        try:
            yield article_from_dict(r)
        except Exception:  # noqa: BLE001 - a bad record is skipped, as `dyad code` does
            pass


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_rss(args) -> None:
    """Child mode: code N articles, streaming, and print one JSON line with the figures."""
    from dyad.pipeline import Pipeline
    from dyad.settings import Settings

    s = Settings()
    s.n_process = args.workers
    s.prefilter = not args.no_prefilter
    s.outputs = args.outputs
    p = Pipeline(s)
    t0 = time.perf_counter()
    n = ev = 0
    for res in p.process(articles(args.corpus, args.n)):
        n += 1
        ev += len(res.events)
    el = time.perf_counter() - t0
    print(json.dumps({"n": n, "events": ev, "seconds": round(el, 1), "articles_per_s": round(n / el, 2),
                      "peak_rss_mb": round(peak_mb())}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000, help="articles for the rate comparison")
    ap.add_argument("--workers", type=int, default=1, help="processes, for spaCy and for dyad alike")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rss", default="", help="comma-separated sizes for the peak-RSS runs, e.g. 1000,5000")
    ap.add_argument("--no-prefilter", action="store_true")
    ap.add_argument("--outputs", default="events", choices=("events", "both"),
                    help="for the peak-RSS runs: events (dyad code) or both (dyad ingest)")
    ap.add_argument("--skip-rate", action="store_true", help="only the peak-RSS runs")
    ap.add_argument("--skip-fast-bare", action="store_true", help="no bare spaCy run with the fast components")
    ap.add_argument("--skip-ingest", action="store_true", help="no dyad ingest (events and quotes) run")
    ap.add_argument("--rounds", type=int, default=1,
                    help="bare spaCy and dyad code this many times in turn; the best rate of each is compared")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    if args.child:
        run_rss(args)
        return

    if not args.skip_rate:
        import spacy

        from dyad.geo import geocoder
        from dyad.pipeline import Pipeline
        from dyad.settings import Settings

        arts = list(articles(args.corpus, args.n))
        texts = [a.text for a in arts]
        nwords = sum(len(t.split()) for t in texts)
        print(f"articles: {len(arts)} ({nwords} words), processes: {args.workers}, load: {os.getloadavg()}")

        def fresh_dyad_state() -> None:
            """Forget the model and the per-process caches, so each dyad run starts as cold as
            a new process (its model and filter loads are then not timed)."""
            import dyad.actors.resolver as resolver
            import dyad.pipeline as pipeline
            import dyad.prefilter as prefilter

            pipeline._load_nlp.cache_clear()
            prefilter.sentence_filter.cache_clear()
            resolver._CACHES.clear()

        def run_bare() -> tuple[float, float]:
            nlp = spacy.load(Settings().spacy_model)
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
                pass
            return len(texts) / (time.perf_counter() - t0), time.process_time() - c0

        def run_dyad(outputs: str) -> tuple[float, float, int, int, bool]:
            fresh_dyad_state()
            s = Settings(outputs=outputs)
            s.n_process, s.batch_size, s.prefilter = args.workers, args.batch_size, not args.no_prefilter
            pipe = Pipeline(s)
            _ = pipe.nlp, pipe.sentence_filter  # model and filter load, not timed
            geocoder().locate("Paris")  # nor the place-name index's build (about 1 s, once per process)
            t0, c0 = time.perf_counter(), time.process_time()
            ev = q = 0
            for res in pipe.process(arts):
                ev += len(res.events)
                q += len(res.quotes)
            return len(arts) / (time.perf_counter() - t0), time.process_time() - c0, ev, q, s.prefilter

        # bare spaCy and dyad code in turn, --rounds times: the machine may be shared, and a
        # round's ratio only means something when neither run was slowed more than the other
        best_bare = best_code = 0.0
        for rnd in range(1, args.rounds + 1):
            tag = f" [round {rnd}]" if args.rounds > 1 else ""
            bare, cpu_bare = run_bare()
            print(f"bare spaCy pipe:        {bare:7.2f} articles/s  (CPU {cpu_bare:.1f} s; load {os.getloadavg()[0]:.2f})"
                  f"{tag}", flush=True)
            dyad_code, cpu_code, ev, q, pf = run_dyad("events")
            print(f"{'dyad code (events):':<24}{dyad_code:7.2f} articles/s  ratio / bare {dyad_code / bare:5.2f}x  "
                  f"(CPU {cpu_code:.1f} s, CPU ratio {cpu_bare / cpu_code:.2f}x; load {os.getloadavg()[0]:.2f}; "
                  f"prefilter {'on' if pf else 'off'}; {ev} events, {q} quotes){tag}", flush=True)
            best_bare, best_code = max(best_bare, bare), max(best_code, dyad_code)
        if args.rounds > 1:
            print(f"best of {args.rounds} rounds: bare {best_bare:.2f}, dyad code {best_code:.2f} articles/s, "
                  f"ratio {best_code / best_bare:.2f}x", flush=True)
        bare, dyad_code = best_bare, best_code
        if not args.skip_ingest:
            dyad, cpu, ev, q, pf = run_dyad("both")
            print(f"{'dyad ingest (both):':<24}{dyad:7.2f} articles/s  ratio / bare {dyad / bare:5.2f}x  "
                  f"(CPU {cpu:.1f} s; load {os.getloadavg()[0]:.2f}; prefilter {'on' if pf else 'off'}; "
                  f"{ev} events, {q} quotes)", flush=True)
        if not args.skip_fast_bare:
            from dyad.fastpipes import speed_up

            nlp = speed_up(spacy.load(Settings().spacy_model))
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
                pass
            fast = len(texts) / (time.perf_counter() - t0)
            del nlp
            print(f"bare spaCy, fast rule components: {fast:7.2f} articles/s  (dyad code / this "
                  f"{dyad_code / fast:5.2f}x)")
        print(f"load after: {os.getloadavg()}")

    for size in [int(x) for x in args.rss.split(",") if x.strip()]:
        cmd = [sys.executable, __file__, "--child", "--n", str(size), "--workers", str(args.workers),
               "--corpus", args.corpus, "--outputs", args.outputs] + (["--no-prefilter"] if args.no_prefilter else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        d = json.loads(out)
        print(f"peak RSS, {d['n']:>6} articles: {d['peak_rss_mb']:6d} MB  ({d['articles_per_s']} articles/s)")


if __name__ == "__main__":
    main()
