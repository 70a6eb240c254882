"""Crash-safe ingest: `kill -9` in the middle of `dyad ingest`, run it again, and the store equals
that of an uninterrupted run, row for row."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.store import Store

pytestmark = pytest.mark.model

COUNTRIES = ["France", "Germany", "Japan", "Kenya", "Brazil", "Canada", "India", "Egypt", "Mexico",
             "Turkey", "Poland", "Chile", "Nigeria", "Vietnam", "Spain", "Peru"]
VERBS = ["visited", "criticized", "met", "praised", "accused", "threatened"]
N = 30


def make_articles(path: Path) -> Path:
    lines = []
    for i in range(N):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 7 + 3) % len(COUNTRIES)]
        text = (f"{a}'s president {VERBS[i % len(VERBS)]} {b} on Monday. "
                f"\"We want peace,\" the foreign minister of {b} said on Tuesday. "
                f"{b} later hosted officials from {a} in talks about trade number {i}.")
        lines.append(json.dumps({"id": f"art-{i:02d}", "published": f"2019-03-{(i % 28) + 1:02d}",
                                 "source": f"outlet{i % 3}", "text": text}))
    lines.insert(7, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def command(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dyad", "ingest", str(src), "--db", str(db), "--batch-size", "2", "-v"]


def run_and_kill(cmd: list[str], after_batches: int, timeout: float = 60) -> bool:
    """Start `cmd`, SIGKILL it as soon as it has committed `after_batches` batches (its -v log says so).
    Returns True when it was killed mid-run, False when it finished first."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + timeout
    seen = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if "committed batch" in line:
            seen += 1
            if seen >= after_batches:
                proc.send_signal(signal.SIGKILL)
                break
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("ingest did not commit batches in time")
    proc.wait(timeout=30)
    proc.stderr.close()
    return proc.returncode == -signal.SIGKILL


TABLES = {  # table -> key column; rows are compared without their timestamps
    "articles": "article_id", "events": "event_id", "actors": "actor_id", "quotes": "quote_id",
    "rejects": "reject_id", "dedup_events": "dedup_event_id", "mentions": "event_id",
}
TIMESTAMPS = {"coded_at", "seen_at"}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    out = {}
    with Store(db, read_only=True) as st:
        for table, key in TABLES.items():
            rows = st.query(f"SELECT * FROM {table}")
            out[table] = sorted((tuple((k, repr(v)) for k, v in r.items() if k not in TIMESTAMPS) for r in rows))
    return out


def test_kill_minus_nine_then_rerun_equals_uninterrupted_run(tmp_path):
    src = make_articles(tmp_path / "articles.jsonl")
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(command(src, clean_db), check=True, capture_output=True, timeout=120)
    expected = snapshot(clean_db)
    assert len(expected["articles"]) == N and expected["events"] and expected["quotes"] and expected["mentions"]
    assert len(expected["rejects"]) == 1

    kills = 0
    for after in (3, 2):  # killed twice: once in the first run, once in the resumed run
        if run_and_kill(command(src, db), after):
            kills += 1
            with Store(db, read_only=True) as st:
                n = st.counts()["articles"]
                progress = list(st.ingest_progress().values())
            assert 0 < n < N, n  # killed mid-run: some articles stored, not all
            assert [p["status"] for p in progress] == ["running"]
            assert progress[0]["articles"] == n and progress[0]["last_origin"].startswith(str(src))
            # every stored article is whole: its events are there too
            with Store(db, read_only=True) as st:
                stored = st.query("SELECT article_id, n_events, n_quotes FROM articles")
                for r in stored:
                    got = st.query("SELECT count(*) AS n FROM events WHERE article_id = ?", [r["article_id"]])
                    assert got[0]["n"] == r["n_events"]
    assert kills >= 1, "the ingest finished before it could be killed"

    done = subprocess.run(command(src, db), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    skipped = int(re.search(r"(\d+) already stored", done.stderr).group(1))
    assert 0 < skipped < N  # it resumed: the stored articles were skipped, not coded again
    assert snapshot(db) == expected
    with Store(db, read_only=True) as st:
        (p,) = st.ingest_progress().values()
        assert p["status"] == "done" and p["articles"] == N

    again = subprocess.run(command(src, db), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "already ingested (checkpoint)" in again.stderr
    assert snapshot(db) == expected
