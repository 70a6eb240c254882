"""The `dyad` command line end to end: formats, bad records, the DuckDB store, errors.

Tests marked `model` load the spaCy model; they use CliRunner (one process, the model is
loaded once) unless the real separation of stdout and stderr, or a real process exit,
is what is being checked.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dyad.cli import main

REPO = Path(__file__).resolve().parents[2]

GOOD = [
    {"id": "cli-fra-deu", "published": "2024-05-10", "title": "Macron in Berlin", "source": "test",
     "text": "French President Emmanuel Macron visited Berlin on Thursday. Macron met German Chancellor "
             "Olaf Scholz and praised Germany. \u201cOur friendship is strong,\u201d Macron said."},
    {"id": "cli-jpn-chn", "published": "2024-06-02", "title": "Airspace",
     "text": "Japan accused China of violating its airspace on Saturday. The Japanese foreign ministry "
             "said Tokyo would protest to Beijing. \u201cThis is unacceptable,\u201d a senior official said."},
    {"id": "cli-bra-arg", "published": "2024-07-20", "title": "Trade deal",
     "text": "Brazil signed a trade agreement with Argentina on Friday in Brasilia. Brazilian President "
             "Luiz Inacio Lula da Silva said the deal would help both countries."},
]
GOOD_IDS = {a["id"] for a in GOOD}

# (raw JSONL line, the reason the reader gives); they follow the good lines, so line = 4, 5, ...
BAD = [
    ('{"id": "broken", "text": "unterminated', "invalid JSON"),
    ('{"id": "no-text", "published": "2024-01-01"}', "no text"),
    ('{"id": "blank", "text": "   \\n\\t  "}', "no text"),
    ('{"id": "old", "published": "0001-01-01", "text": "Italy criticized Spain on Monday."}',
     "bad published date '0001-01-01'"),
    ('{"id": "number", "text": 42}', "text is not a string"),
]

STORY = ("Indian Prime Minister Narendra Modi visited Dhaka on Tuesday. Bangladesh thanked India for "
         "its help.\nPakistan condemned India.\n")

EVENT_KEYS = {"article_id", "event_id", "cameo", "root", "source", "target", "sentence", "span"}


# --------------------------------------------------------------------------- helpers


def write_jsonl(path: Path, records: list[dict], extra_lines: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def good_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "good.jsonl", GOOD)


@pytest.fixture
def bad_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "mixed.jsonl", GOOD, [line for line, _ in BAD])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, **kw):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)
    return result


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run_dyad(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A real `python -m dyad` process (stdout and stderr are separate pipes)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "dyad", *map(str, args)], capture_output=True, text=True,
                          env=full_env, cwd=REPO, timeout=300)


def check_event(ev: dict) -> None:
    assert EVENT_KEYS <= ev.keys(), EVENT_KEYS - ev.keys()
    assert isinstance(ev["cameo"], str) and ev["cameo"].isdigit() and len(ev["cameo"]) >= 3
    assert isinstance(ev["root"], str) and len(ev["root"]) == 2 and ev["cameo"].startswith(ev["root"])
    assert isinstance(ev["source"], dict) and isinstance(ev["target"], dict)
    assert isinstance(ev["sentence"], str) and ev["sentence"]
    assert isinstance(ev["span"], list) and len(ev["span"]) == 2 and ev["span"][0] < ev["span"][1]
    assert isinstance(ev["event_id"], str) and ev["event_id"]


# --------------------------------------------------------------------------- 1. jsonl


@pytest.mark.model
def test_code_jsonl_stdout_is_only_json_and_summary_on_stderr(good_jsonl):
    proc = run_dyad("code", good_jsonl, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines, "no events"
    events = [json.loads(line) for line in lines]  # every stdout line is JSON
    for ev in events:
        check_event(ev)
    assert {e["article_id"] for e in events} == GOOD_IDS
    # the sentence sits at its span in the article's text
    texts = {a["id"]: a["text"] for a in GOOD}
    for ev in events:
        s, e = ev["span"]
        assert texts[ev["article_id"]][s:e] == ev["sentence"]
    assert "dyad:" not in proc.stdout
    assert f"3 articles, {len(events)} events" in proc.stderr
    assert "0 records skipped" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.model
def test_rank_option_rescores_the_same_events(runner, good_jsonl):
    plain = jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0", "--min-rank", "0").stdout)
    ranked = jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0", "--rank").stdout)
    assert plain and [e["event_id"] for e in plain] == [e["event_id"] for e in ranked]
    assert [e["confidence"] for e in plain] != [e["confidence"] for e in ranked]


@pytest.mark.model
def test_min_rank_option_vetoes_events_and_env_sets_its_default(runner, good_jsonl, monkeypatch):
    every = jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0", "--min-rank", "0").stdout)
    none = jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0", "--min-rank", "1").stdout)
    assert every and none == []
    monkeypatch.setenv("DYAD_MIN_RANK", "1")
    assert jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0").stdout) == []
    assert jsonl(invoke(runner, "code", good_jsonl, "--min-confidence", "0", "--min-rank", "0").stdout) == every


@pytest.mark.model
def test_event_ids_are_stable_across_runs(runner, good_jsonl):
    first = jsonl(invoke(runner, "code", good_jsonl).stdout)
    second = jsonl(invoke(runner, "code", good_jsonl).stdout)
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    assert len({e["event_id"] for e in first}) == len(first)


@pytest.mark.model
def test_stdin_dash(runner):
    data = "\n".join(json.dumps(a) for a in GOOD[:1]) + "\n"
    result = invoke(runner, "code", "-", "--format", "jsonl", input=data)
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    assert events and {e["article_id"] for e in events} == {"cli-fra-deu"}
    assert "1 articles" in result.stderr


# --------------------------------------------------------------------------- 2. bad records


@pytest.mark.model
def test_bad_records_are_skipped_with_warnings(runner, bad_jsonl):
    result = invoke(runner, "code", bad_jsonl, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    for ev in events:
        check_event(ev)
    assert {e["article_id"] for e in events} == GOOD_IDS
    err_lines = result.stderr.splitlines()
    for n, (_, reason) in enumerate(BAD, start=len(GOOD) + 1):
        where = f"{bad_jsonl}:{n}"
        hits = [ln for ln in err_lines if where in ln]
        assert hits, f"no warning naming {where}:\n{result.stderr}"
        assert any(reason in ln for ln in hits), f"{where}: expected {reason!r} in {hits}"
    assert err_lines[-1].startswith("dyad: 3 articles")
    assert "5 records skipped" in err_lines[-1]


@pytest.mark.model
def test_bad_records_real_process_exit_code(bad_jsonl):
    proc = run_dyad("code", bad_jsonl, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    assert all(json.loads(line) for line in proc.stdout.splitlines() if line.strip())
    assert "5 records skipped" in proc.stderr
    assert "Traceback" not in proc.stderr


# --------------------------------------------------------------------------- 3. plain text


@pytest.mark.model
def test_plain_text_with_published(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = invoke(runner, "code", story, "--published", "2019-03-15", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    assert events
    pub = date(2019, 3, 15)
    for ev in events:
        check_event(ev)
        assert ev["published"] == "2019-03-15"
        d = date.fromisoformat(ev["date"])
        assert pub - timedelta(days=7) <= d <= pub
        if ev["date_source"] == "published":
            assert d == pub
    # "visited Dhaka on Tuesday" -> the Tuesday before Friday 2019-03-15
    visits = [e for e in events if e["root"] == "04" and "Tuesday" in e["sentence"]]
    assert visits and visits[0]["date"] == "2019-03-12"
    assert any(e["date_source"] == "published" for e in events)


def test_bad_published_option_is_a_usage_error(runner, good_jsonl):
    result = runner.invoke(main, ["code", str(good_jsonl), "--published", "2019-99-99"])
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


# --------------------------------------------------------------------------- 4. csv and table


@pytest.mark.model
def test_csv_header_and_flat_rows(runner, good_jsonl):
    result = invoke(runner, "code", good_jsonl, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    for col in ("event_id", "article_id", "source_code", "source_country", "target_code", "cameo", "root",
                "date", "location_name", "location_lat", "location_lon", "sentence", "attribution"):
        assert col in header, col
    assert not any(c in header for c in ("source", "target", "location"))  # flattened, not nested
    assert body and all(len(r) == len(header) for r in body)
    recs = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["article_id"] for r in recs} == GOOD_IDS
    assert all(r["cameo"].isdigit() and len(r["cameo"]) >= 3 for r in recs)  # "042", not 42
    assert any(r["source_code"] for r in recs)
    # same events as the JSONL output, same values in the flattened columns
    events = {e["event_id"]: e for e in jsonl(invoke(runner, "code", good_jsonl).stdout)}
    assert set(events) == {r["event_id"] for r in recs}
    for r in recs:
        ev = events[r["event_id"]]
        assert r["source_code"] == (ev["source"].get("code") or "")
        assert r["target_country"] == (ev["target"].get("country") or "")
        assert r["location_name"] == ((ev["location"] or {}).get("name") or "")


@pytest.mark.model
def test_csv_header_even_without_events(runner, tmp_path):
    path = write_jsonl(tmp_path / "calm.jsonl", [{"id": "calm", "published": "2024-01-02",
                                                  "text": "The weather was nice all week."}])
    result = invoke(runner, "code", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "source_code" in lines[0] and "cameo" in lines[0]


@pytest.mark.model
def test_table_format(runner, good_jsonl):
    result = invoke(runner, "code", good_jsonl, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "cameo" in result.stdout
    assert "source" in result.stdout and "target" in result.stdout
    assert "FRAGOV" in result.stdout
    assert "records skipped" in result.stderr and "records skipped" not in result.stdout


# --------------------------------------------------------------------------- 5. the store


def db_counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "actors", "quotes", "rejects")}
    finally:
        con.close()


@pytest.mark.model
def test_db_file_and_idempotent_rerun(runner, bad_jsonl, tmp_path):
    db = tmp_path / "out.duckdb"
    first = invoke(runner, "code", bad_jsonl, "--db", db, "--format", "jsonl")
    assert first.exit_code == 0, first.stderr
    assert db.is_file()
    assert f"stored in {db}" in first.stderr
    events = jsonl(first.stdout)
    n_quotes = len(jsonl(invoke(runner, "quotes", bad_jsonl).stdout))
    counts = db_counts(db)
    assert counts["articles"] == 3
    assert counts["events"] == len(events) > 0
    assert counts["quotes"] == n_quotes > 0
    assert counts["rejects"] == 5
    assert counts["actors"] > 0

    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
        assert ids == {e["event_id"] for e in events}
        assert {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()} == GOOD_IDS
        origins = {r[0] for r in con.execute("SELECT origin FROM rejects").fetchall()}
        assert origins == {f"{bad_jsonl}:{n}" for n in range(len(GOOD) + 1, len(GOOD) + len(BAD) + 1)}
        cameo_type = con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name='events' AND column_name='cameo'"
        ).fetchone()[0]
        assert cameo_type == "VARCHAR"
    finally:
        con.close()

    again = invoke(runner, "code", bad_jsonl, "--db", db, "--format", "jsonl")
    assert again.exit_code == 0, again.stderr
    assert db_counts(db) == counts
    # quotes over the same store add nothing either
    assert invoke(runner, "quotes", bad_jsonl, "--db", db).exit_code == 0
    assert db_counts(db) == counts


# --------------------------------------------------------------------------- 6. quotes


@pytest.mark.model
def test_quotes_jsonl(runner, good_jsonl):
    result = invoke(runner, "quotes", good_jsonl, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    quotes = jsonl(result.stdout)
    assert len(quotes) >= 2
    texts = {a["id"]: a["text"] for a in GOOD}
    for q in quotes:
        assert {"quote_id", "article_id", "text", "speaker", "span"} <= q.keys()
        assert q["text"] and "\u201c" not in q["text"] and "\u201d" not in q["text"]
        assert isinstance(q["speaker"], dict) and "anonymous" in q["speaker"]
        s, e = q["span"]
        assert texts[q["article_id"]][s:e] == q["text"]
    by_text = {q["text"].rstrip(",. "): q for q in quotes}
    macron = by_text["Our friendship is strong"]["speaker"]
    assert macron["country"] == "FRA" and not macron["anonymous"]
    anon = by_text["This is unacceptable"]["speaker"]
    assert anon["anonymous"] is True
    assert "quotes" in result.stderr


@pytest.mark.model
def test_quotes_csv(runner, good_jsonl):
    result = invoke(runner, "quotes", good_jsonl, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    recs = list(csv.DictReader(io.StringIO(result.stdout)))
    assert recs and {"text", "speaker_text", "speaker_code", "speaker_anonymous"} <= recs[0].keys()


# --------------------------------------------------------------------------- 7. errors


@pytest.mark.parametrize("how", ["env", "option"])
def test_missing_model_is_a_clear_error(good_jsonl, how):
    if how == "env":
        proc = run_dyad("code", good_jsonl, env={"DYAD_SPACY_MODEL": "no_such_model"})
    else:
        proc = run_dyad("code", good_jsonl, "--model", "no_such_model")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    message = " ".join(proc.stderr.split())  # tolerate line wrapping
    assert "no_such_model" in message
    assert "pip install" in message and "DYAD_SPACY_MODEL" in message
    assert proc.stdout == ""


def test_missing_model_with_db_does_not_crash(tmp_path, good_jsonl):
    proc = run_dyad("code", good_jsonl, "--model", "no_such_model", "--db", tmp_path / "x.duckdb")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "no_such_model" in proc.stderr


def test_missing_input_file_is_a_usage_error(runner, tmp_path):
    missing = tmp_path / "nope.jsonl"
    result = runner.invoke(main, ["code", str(missing)])
    assert result.exit_code == 2
    assert "nope.jsonl" in result.stderr and "does not exist" in result.stderr
    assert result.stdout == ""
    proc = run_dyad("code", missing)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_no_paths_is_a_usage_error(runner):
    result = runner.invoke(main, ["code"])
    assert result.exit_code == 2
    assert "Usage" in result.stderr


def test_help_and_version(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "code" in result.stdout and "quotes" in result.stdout
    result = runner.invoke(main, ["code", "--help"])
    assert result.exit_code == 0 and "--format" in result.stdout and "--db" in result.stdout
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "version" in result.stdout
