"""Benchmark: dedup and dyad series on N synthetic event reports (default 10 million) in a DuckDB file.

Run by hand, not in tests:

    .venv/bin/python benchmarks/dedup_series.py --n 100000          # try small first
    .venv/bin/python benchmarks/dedup_series.py --n 10000000 --db /tmp/bench.duckdb

Rows are generated in SQL with range() (no Python loops): 30 countries with 3 roles each, 12 CAMEO codes,
dates over 5 years, 1 article per 10 reports, 40 outlets, a third of reports without a location.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from dyad.store import Store

COUNTRIES = ["USA", "VEN", "RUS", "CHN", "IRN", "IRQ", "SYR", "ISR", "PSE", "GBR", "FRA", "DEU", "JPN", "IND",
             "PAK", "AFG", "TUR", "SAU", "EGY", "UKR", "PRK", "KOR", "BRA", "MEX", "CUB", "COL", "NGA", "ZAF",
             "KEN", "ETH"]
CAMEO = [("010", "01", 0.0, 1), ("036", "03", 4.0, 1), ("040", "04", 1.0, 1), ("042", "04", 1.9, 1),
         ("043", "04", 2.8, 1), ("057", "05", 8.0, 2), ("061", "06", 6.4, 2), ("111", "11", -2.0, 3),
         ("112", "11", -2.0, 3), ("138", "13", -7.0, 3), ("173", "17", -5.0, 4), ("190", "19", -10.0, 4)]
PLACES = ["Washington", "Caracas", "Moscow", "Beijing", "Tehran", "Baghdad", "Damascus", "Jerusalem", "London",
          "Paris", "Berlin", "Tokyo", "New Delhi", "Kabul", "Ankara", "Riyadh", "Cairo", "Kyiv", "Pyongyang",
          "Seoul"]


def _list(values) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(store: Store, n: int) -> float:
    t0 = time.perf_counter()
    con = store._conn()
    n_articles = max(n // 10, 1)
    con.execute(f"""
        INSERT INTO articles (article_id, published, title, source, url, origin, text, n_events, n_quotes, coded_at)
        SELECT 'a' || i, DATE '2015-01-01' + CAST(hash(i, 'd') % 1826 AS INTEGER), 'title ' || i,
               'outlet' || (hash(i, 'o') % 40), 'https://example.org/' || i, 'bench', 'text', 10, 0,
               TIMESTAMP '2024-01-01'
        FROM range({n_articles}) t(i)
    """)
    codes = _list(c[0] for c in CAMEO)
    roots = _list(c[1] for c in CAMEO)
    golds = "[" + ", ".join(str(c[2]) for c in CAMEO) + "]"
    quads = "[" + ", ".join(str(c[3]) for c in CAMEO) + "]"
    con.execute(f"""
        INSERT INTO events (event_id, article_id, date, date_source, source_code, source_country, target_code,
                            target_country, cameo, root, goldstein, quad_class, location_name, sentence,
                            sentence_index, span_start, span_end, confidence, published, modality, pattern_id)
        WITH r AS (
            SELECT i, i // 10 AS art,
                   1 + CAST(hash(i, 's') % {len(COUNTRIES)} AS INTEGER) AS s,
                   1 + CAST(hash(i, 't') % {len(COUNTRIES)} AS INTEGER) AS t,
                   1 + CAST(hash(i, 'c') % {len(CAMEO)} AS INTEGER) AS c,
                   CAST(hash(i, 'r') % 3 AS INTEGER) AS role,
                   CAST(hash(i, 'l') % {len(PLACES) * 3 // 2} AS INTEGER) AS l,
                   CAST(hash(i, 'j') % 3 AS INTEGER) AS jitter
            FROM range({n}) t(i)
        )
        SELECT 'e' || i, 'a' || art,
               DATE '2015-01-01' + CAST(hash(art, 'd') % 1826 AS INTEGER) - jitter, 'text',
               {_list(COUNTRIES)}[s] || ['GOV', 'MIL', ''][role + 1], {_list(COUNTRIES)}[s],
               {_list(COUNTRIES)}[t] || ['GOV', 'MIL', ''][role + 1], {_list(COUNTRIES)}[t],
               {codes}[c], {roots}[c], {golds}[c], {quads}[c],
               CASE WHEN l < {len(PLACES)} THEN {_list(PLACES)}[l + 1] END,
               'sentence', CAST(i % 10 AS INTEGER), 0, 10, 0.5 + (hash(i, 'f') % 50) / 100.0,
               DATE '2015-01-01' + CAST(hash(art, 'd') % 1826 AS INTEGER), 'asserted', 'bench'
        FROM r
    """)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000_000, help="event reports to generate")
    ap.add_argument("--db", default=None, help="DuckDB file (default: a temporary file, removed after)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary file")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.mkdtemp(prefix="dyad-bench-")
        args.db = os.path.join(tmp, "bench.duckdb")
    if Path(args.db).exists():
        Path(args.db).unlink()
    with Store(args.db) as st:
        gen = generate(st, args.n)
        print(f"generate {args.n:,} reports: {gen:.1f}s")
        for label, opts in [("dedup (window 1, code)", {}), ("dedup again (idempotent)", {}),
                            ("dedup one-a-day", {"one_a_day": True}), ("dedup window 1, code", {"one_a_day": False})]:
            out = st.dedup(**opts)
            print(f"{label}: {out['events']:,} reports -> {out['dedup_events']:,} events in {out['seconds']:.1f}s")
        for by in ("day", "week", "month"):
            t0 = time.perf_counter()
            s = st.relations("USA", "VEN", by=by)
            print(f"series USA-VEN by {by}: {len(s):,} periods, {int(s['events'].sum()):,} events "
                  f"in {time.perf_counter() - t0:.2f}s")
        t0 = time.perf_counter()
        s = st.relations("USAGOV", "VEN", by="week", directed=True)
        print(f"series USAGOV->VEN by week (directed): {len(s):,} periods in {time.perf_counter() - t0:.2f}s")
        t0 = time.perf_counter()
        top = st.top_dyads(limit=20)
        print(f"top-dyads: {len(top)} pairs in {time.perf_counter() - t0:.2f}s")
        t0 = time.perf_counter()
        b = st.shifts("USA", "VEN", by="week")
        print(f"shifts USA-VEN by week: {len(b)} breaks in {time.perf_counter() - t0:.2f}s")
    size = Path(args.db).stat().st_size / 1e9
    print(f"store size: {size:.2f} GB")
    if tmp and not args.keep:
        Path(args.db).unlink()
        os.rmdir(tmp)


if __name__ == "__main__":
    main()
