"""Store migrations, dedup, exports, dyad series and shifts on hand-built events in a real DuckDB file.

No model here except the tests marked `model`, which code small hand-made articles with the real pipeline.
"""
from __future__ import annotations

import io
import json
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.errors import DyadError, StoreLocked
from dyad.models import Actor, Article, Event, Location, content_id
from dyad.relations.shifts import detect_shifts, label_shifts
from dyad.store import SCHEMA_VERSION, Store
from dyad.store.duck import MIGRATIONS, TABLES
from dyad.store.export import columns

CAMEO = {  # code: (root, name, goldstein, quad, plover)
    "042": ("04", "Make a visit", 1.9, 1, "CONSULT"),
    "043": ("04", "Host a visit", 2.8, 1, "CONSULT"),
    "040": ("04", "Consult, not specified below", 1.0, 1, "CONSULT"),
    "111": ("11", "Criticize or denounce", -2.0, 3, "ACCUSE"),
    "190": ("19", "Use conventional military force", -10.0, 4, "FIGHT"),
}


def actor(code: str, start: int = 0) -> Actor:
    return Actor(code=code, country=code[:3], roles=[code[3:6]] if len(code) > 3 else [], text=code,
                 name={"JPN": "Japan", "IND": "India", "USA": "United States", "VEN": "Venezuela"}.get(code[:3], code),
                 start=start, end=start + 5, kind="country", how="test")


def report(article: Article, n: int, src: str, cameo: str, tgt: str, day: str | None = None,
           loc: str | None = None, conf: float = 0.8) -> Event:
    root, name, gold, quad, plover = CAMEO[cameo]
    text = article.text
    location = Location(name=loc, country="JPN", lat=35.69, lon=139.69, geonameid=1850147, feature="city") if loc else None
    return Event(
        event_id=content_id(article.id, n, cameo), article_id=article.id, source=actor(src, 0),
        target=actor(tgt, 20), cameo=cameo, root=root, cameo_name=name, goldstein=gold, quad_class=quad,
        plover=plover, plover_mode=None, date=day or article.published.isoformat(), date_source="text",
        date_text=None, location=location, modality="asserted", sentence=text, sentence_index=n,
        span=(0, len(text)), trigger="met", trigger_span=(10, 13), pattern_id="test", confidence=conf,
        attribution=None, published=article.published.isoformat(),
    )


def art(aid: str, outlet: str, published: str, text: str = "Abe met Modi in Tokyo on Monday.") -> Article:
    return Article(id=aid, text=text, published=date.fromisoformat(published), title=aid, source=outlet,
                   url=f"https://example.org/{aid}", origin="test")


def meeting_store(path) -> Store:
    """Three outlets report the Abe–Modi meeting (one of them twice, in two sentences, one without a
    location); a second meeting a week later; a criticism the same day (other code)."""
    a1, a2, a3 = art("a1", "Kyodo", "2018-10-30"), art("a2", "Hindu", "2018-10-30"), art("a3", "Reuters", "2018-10-31")
    a4 = art("a4", "Kyodo", "2018-11-06")
    st = Store(path)
    st.write_batch([
        (a1, [report(a1, 0, "JPNGOV", "042", "INDGOV", "2018-10-29", "Tokyo"),
              report(a1, 1, "JPNGOV", "042", "INDGOV", "2018-10-29", None, conf=0.6)], []),
        (a2, [report(a2, 0, "JPNGOV", "042", "INDGOV", "2018-10-29", "Tokyo", conf=0.9),
              report(a2, 2, "JPNGOV", "111", "INDGOV", "2018-10-29")], []),
        (a3, [report(a3, 0, "JPNGOV", "042", "INDGOV", "2018-10-30", "Tokyo")], []),
        (a4, [report(a4, 0, "JPNGOV", "042", "INDGOV", "2018-11-05", "Tokyo")], []),
    ])
    return st


# ------------------------------------------------------------------ store: migrations, lock

def test_new_store_has_current_schema(tmp_path):
    with Store(tmp_path / "d.duckdb") as st:
        assert st.schema_version == SCHEMA_VERSION == MIGRATIONS[-1][0] == 3
        assert st.counts(derived=True) == {t: 0 for t in [*TABLES, "dedup_events", "mentions"]}
        assert st.migrate() == []


def test_version_1_store_is_migrated(tmp_path):
    db = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    for sql in MIGRATIONS[0][2]:
        con.execute(sql)
    con.execute("INSERT INTO articles (article_id, text) VALUES ('old', 'kept')")
    con.close()
    with pytest.raises(DyadError, match="Open it once for writing"):
        Store(db, read_only=True)
    with Store(db) as st:
        assert st.schema_version == 3
        assert st.counts(derived=True)["dedup_events"] == 0
        assert st.ingest_progress() == {}
        assert st.query("SELECT text FROM articles") == [{"text": "kept"}]
    with Store(db, read_only=True) as st:
        assert st.schema_version == 3


def test_locked_store_gives_a_clear_error(tmp_path):
    import subprocess
    import sys
    import time

    db = tmp_path / "d.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); "
                                                     "print('ok', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreLocked, match="one writer at a time"):
            Store(db)
        with pytest.raises(StoreLocked, match="for reading"):
            Store(db, read_only=True)
    finally:
        holder.kill()
        holder.wait()


# ------------------------------------------------------------------ dedup

def test_dedup_groups_reports_across_sentences_and_articles(tmp_path):
    with meeting_store(tmp_path / "d.duckdb") as st:
        out = st.dedup()
        assert out["events"] == 6 and out["mentions"] == 6
        rows = st.query("SELECT * FROM dedup_events ORDER BY date, cameo")
        assert [(r["cameo"], r["date"].isoformat(), r["num_mentions"]) for r in rows] == [
            ("042", "2018-10-29", 4), ("111", "2018-10-29", 1), ("042", "2018-11-05", 1)]
        meet = rows[0]
        assert meet["num_sources"] == 3 and meet["num_articles"] == 3
        assert meet["first_seen"] == date(2018, 10, 30) and meet["last_seen"] == date(2018, 10, 31)
        assert meet["last_date"] == date(2018, 10, 30)
        assert meet["location_name"] == "Tokyo" and meet["outlet"] == "Hindu"  # the most confident report
        assert meet["source_code"] == "JPNGOV" and meet["target_code"] == "INDGOV"
        m = st.query("SELECT * FROM mentions WHERE dedup_event_id = ? ORDER BY article_id, sentence_index",
                     [meet["dedup_event_id"]])
        assert [(x["article_id"], x["sentence_index"], x["outlet"]) for x in m] == [
            ("a1", 0, "Kyodo"), ("a1", 1, "Kyodo"), ("a2", 0, "Hindu"), ("a3", 0, "Reuters")]
        assert m[0]["span_start"] == 0 and m[0]["confidence"] == pytest.approx(0.8)
        ids = {r["dedup_event_id"] for r in rows}
        # idempotent: the same rows and ids again
        st.dedup()
        assert {r["dedup_event_id"] for r in st.query("SELECT dedup_event_id FROM dedup_events")} == ids
        assert st.counts(derived=True)["mentions"] == 6


def test_dedup_options(tmp_path):
    with meeting_store(tmp_path / "d.duckdb") as st:
        st.dedup(window=0)  # 29th and 30th are no longer one chain
        assert st.query("SELECT num_mentions FROM dedup_events WHERE cameo = '042' ORDER BY date") == [
            {"num_mentions": 3}, {"num_mentions": 1}, {"num_mentions": 1}]
        st.dedup(window=7)  # a week apart: one chain
        assert st.query("SELECT count(*) AS n FROM dedup_events WHERE cameo = '042'") == [{"n": 1}]
        st.dedup(window=1, level="root")  # 042 and 111 have different roots: still apart
        assert st.counts(derived=True)["dedup_events"] == 3
        st.dedup(one_a_day=True)
        assert st.query("SELECT num_mentions FROM dedup_events WHERE cameo = '042' ORDER BY date") == [
            {"num_mentions": 3}, {"num_mentions": 1}, {"num_mentions": 1}]
        # options are remembered
        assert st.get_meta("dedup.one_a_day") == "1" and st.get_meta("dedup.level") == "root"
        st.dedup()
        assert st.query("SELECT num_mentions FROM dedup_events WHERE cameo = '042' ORDER BY date")[0] == {"num_mentions": 3}


def test_dedup_keeps_different_places_apart(tmp_path):
    a1, a2 = art("p1", "X", "2020-01-02"), art("p2", "Y", "2020-01-02")
    with Store(tmp_path / "d.duckdb") as st:
        st.write_batch([(a1, [report(a1, 0, "USA", "190", "VEN", None, "Caracas"),
                              report(a1, 1, "USA", "190", "VEN", None, None)], []),
                        (a2, [report(a2, 0, "USA", "190", "VEN", None, "Maracaibo"),
                              report(a2, 1, "USA", "190", "VEN", None, "Caracas")], [])])
        st.dedup()
        rows = st.query("SELECT location_name, num_mentions FROM dedup_events ORDER BY location_name")
        assert rows == [{"location_name": "Caracas", "num_mentions": 3},
                        {"location_name": "Maracaibo", "num_mentions": 1}]


# ------------------------------------------------------------------ exports

@pytest.fixture()
def deduped(tmp_path):
    st = meeting_store(tmp_path / "d.duckdb")
    st.dedup()
    yield st
    st.close()


def test_export_gdelt(deduped, tmp_path):
    out = tmp_path / "events.tsv"
    assert deduped.export("gdelt", out) == 3
    df = pd.read_csv(out, sep="\t", header=None, dtype=str, keep_default_na=False)
    names = columns("gdelt_events")
    assert df.shape == (3, 61) and len(names) == 61
    df.columns = names
    row = df[df["EventCode"] == "042"].iloc[0]
    assert row["SQLDATE"] == "20181029" and row["MonthYear"] == "201810" and row["Year"] == "2018"
    assert row["Actor1Code"] == "JPNGOV" and row["Actor1Name"] == "JAPAN" and row["Actor1CountryCode"] == "JPN"
    assert row["Actor1Type1Code"] == "GOV" and row["Actor2Code"] == "INDGOV"
    assert row["EventCode"] == "042" and row["EventBaseCode"] == "042" and row["EventRootCode"] == "04"
    assert row["QuadClass"] == "1" and float(row["GoldsteinScale"]) == pytest.approx(1.9)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("4", "3", "3")
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_FullName"] == "Tokyo" and row["ActionGeo_CountryCode"] == "JP"
    assert row["SOURCEURL"] == "https://example.org/a2" and len(row["DATEADDED"]) == 14
    assert int(row["GLOBALEVENTID"]) > 0
    assert df["EventRootCode"].tolist() == ["04", "11", "04"]


def test_export_gdelt_mentions(deduped, tmp_path):
    out = tmp_path / "mentions.tsv"
    assert deduped.export("gdelt-mentions", out) == 6
    df = pd.read_csv(out, sep="\t", header=None, dtype=str, keep_default_na=False)
    assert df.shape == (6, 16)
    df.columns = columns("gdelt_mentions")
    events = pd.read_csv(io.StringIO(_export_text(deduped, "gdelt")), sep="\t", header=None, dtype=str)
    meeting_id = events[events[26] == "042"].iloc[0][0]
    m = df[df["GLOBALEVENTID"] == meeting_id]
    assert len(m) == 4 and set(m["MentionSourceName"]) == {"Kyodo", "Hindu", "Reuters"}
    first = m[m["MentionIdentifier"] == "https://example.org/a1"].sort_values("SentenceID").iloc[0]
    assert first["SentenceID"] == "1" and first["Actor1CharOffset"] == "0" and first["Actor2CharOffset"] == "20"
    assert first["ActionCharOffset"] == "10" and first["Confidence"] == "80"
    assert first["MentionTimeDate"] == "20181030000000" and first["MentionType"] == "1"


def _export_text(store, fmt) -> str:
    buf = io.StringIO()
    store.export(fmt, buf)
    return buf.getvalue()


def test_export_icews(deduped):
    df = pd.read_csv(io.StringIO(_export_text(deduped, "icews")), sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == columns("icews") and df.shape == (3, 20)
    row = df[df["CAMEO Code"] == "042"].iloc[0]
    assert row["Event Date"] == "2018-10-29" and row["Source Name"] == "Japan" and row["Source Country"] == "Japan"
    assert row["Target Country"] == "India" and row["Source Sectors"] == "GOV" and row["Event Text"] == "Make a visit"
    assert float(row["Intensity"]) == pytest.approx(1.9) and row["Publisher"] == "Hindu" and row["City"] == "Tokyo"
    assert row["Story ID"] == "a2" and row["Sentence Number"] == "1" and row["Country"] == "Japan"


def test_export_plover(deduped):
    recs = [json.loads(x) for x in _export_text(deduped, "plover").splitlines()]
    assert len(recs) == 3
    r = next(x for x in recs if x["cameo"] == "042")
    assert r["date"] == "2018-10-29" and r["event"] == ["CONSULT"] and r["event_type"] == "CONSULT"
    assert r["source"][0]["code"] == "JPN" and r["recipient"][0]["code"] == "IND"
    assert r["actor1"] == "Japan" and r["actor1_country"] == "JPN" and r["actor2_country"] == "IND"
    assert r["quad_code"] == 1 and r["event_loc"]["name"] == "Tokyo" and r["num_mentions"] == 4
    assert {"id", "mode", "context", "event_text", "cite_info"} <= set(r)


def test_export_parquet_and_csv_keep_cameo_strings(deduped, tmp_path):
    pq_path = tmp_path / "e.parquet"
    assert deduped.export("parquet", pq_path) == 3
    t = pq.read_table(pq_path)
    assert str(t.schema.field("cameo").type) == "string"
    assert sorted(t.column("cameo").to_pylist()) == ["042", "042", "111"]
    text = _export_text(deduped, "csv")
    assert '"042"' in text
    df = pd.read_csv(io.StringIO(text), dtype={"cameo": str, "root": str})
    assert sorted(df["cameo"]) == ["042", "042", "111"] and set(df["root"]) == {"04", "11"}
    with pytest.raises(DyadError, match="Parquet"):
        deduped.export("parquet", None)


def test_export_cli(deduped, tmp_path):
    db = deduped.path
    deduped.close()
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt"])
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stdout.splitlines() if ln]
    assert len(lines) == 3 and all(len(ln.split("\t")) == 61 for ln in lines)
    out = tmp_path / "x.tab"
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "icews", "--output", str(out)])
    assert r.exit_code == 0 and out.read_text().startswith("Event ID\tEvent Date")


# ------------------------------------------------------------------ series

def test_relations_series(deduped):
    s = deduped.relations("JPN", "IND", by="week")
    assert list(s.columns)[:3] == ["period", "events", "mentions"]
    assert [p.date().isoformat() for p in s["period"]] == ["2018-10-29", "2018-11-05"]
    w1 = s.iloc[0]
    assert w1["events"] == 2 and w1["q1"] == 1 and w1["q3"] == 1 and w1["mentions"] == 5
    assert w1["goldstein_sum"] == pytest.approx(1.9 - 2.0)
    assert w1["goldstein_mean"] == pytest.approx((1.9 - 2.0) / 2)
    assert w1["goldstein_wmean"] == pytest.approx((1.9 * 4 - 2.0) / 5)
    assert deduped.relations("IND", "JPN", directed=True).empty
    assert len(deduped.relations("IND", "JPN")) == 2  # undirected
    assert deduped.relations("JPNGOV", "IND", by="month")["events"].tolist() == [2, 1]
    assert deduped.relations("JPNMIL", "IND").empty
    days = deduped.relations("JPN", "IND", by="day", date_from="2018-10-28", date_to="2018-11-06")
    assert len(days) == 10 and days["events"].sum() == 3 and days["goldstein_mean"].isna().sum() == 8
    ev = deduped.events(actor="JPN", root="11")
    assert ev["cameo"].tolist() == ["111"]
    assert deduped.events(cameo="04", date_from="2018-11-01")["date"].dt.date.tolist() == [date(2018, 11, 5)]
    assert deduped.events(as_arrow=True).num_rows == 3


def test_top_dyads_and_cli(deduped):
    top = deduped.top_dyads()
    assert top[["a", "b", "events"]].values.tolist() == [["IND", "JPN", 3]]
    db = deduped.path
    deduped.close()
    r = CliRunner().invoke(main, ["relations", "JPN", "IND", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert rows[0]["period"] == "2018-10-29" and rows[0]["events"] == 2
    r = CliRunner().invoke(main, ["top-dyads", "--db", db, "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1].startswith("IND,JPN,1".replace(",1", ",3"))


# ------------------------------------------------------------------ shifts

def _synthetic(seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.concatenate([3 + rng.normal(0, 1.2, 40), -5 + rng.normal(0, 1.2, 40)])


def test_detect_shift_in_synthetic_series():
    x = _synthetic()
    breaks = detect_shifts(x)
    assert len(breaks) == 1 and abs(breaks[0] - 40) <= 2
    (s,) = label_shifts(list(range(80)), x, breaks)
    assert s.label == "escalation" and s.mean_before == pytest.approx(3, abs=0.5)
    assert s.mean_after == pytest.approx(-5, abs=0.5)
    assert detect_shifts(x[::-1].copy()) and label_shifts(range(80), x[::-1], detect_shifts(x[::-1]))[0].label == "thaw"
    assert detect_shifts(np.random.default_rng(1).normal(0, 1, 80)) == []
    assert detect_shifts(_synthetic(), method="binseg")[0] in range(38, 43)
    with_gaps = x.copy()
    with_gaps[[5, 41, 60]] = np.nan
    (b,) = detect_shifts(with_gaps)
    assert abs(b - 40) <= 2


def synthetic_store(path) -> Store:
    """80 weeks of USA–VEN events: cooperation (+) for 40 weeks, then conflict (-)."""
    st = Store(path)
    rng = np.random.default_rng(3)
    start = date(2019, 1, 7)  # a Monday
    batch = []
    for w in range(80):
        day = start + timedelta(weeks=w, days=int(rng.integers(0, 5)))
        a = art(f"w{w}", "X", day.isoformat(), text=f"week {w}")
        codes = ["042", "043", "040"] if w < 40 else ["111", "190", "111"]
        batch.append((a, [report(a, i, "USAGOV", c, "VENGOV") for i, c in enumerate(codes)], []))
    st.write_batch(batch)
    st.dedup()
    return st


def test_shifts_on_store_and_plot(tmp_path):
    with synthetic_store(tmp_path / "s.duckdb") as st:
        breaks = st.shifts("USA", "VEN", by="week")
        assert len(breaks) == 1
        b = breaks.iloc[0]
        assert b["label"] == "escalation" and b["mean_before"] > 0 > b["mean_after"]
        assert abs((pd.Timestamp(b["period"]).date() - date(2019, 1, 7 + 0) - timedelta(weeks=40)).days) <= 14
        assert b["top_events"] and b["top_events"][0]["cameo"] in {"190", "111", "042", "043", "040"}
        db = st.path
    png, svg = tmp_path / "s.png", tmp_path / "s.svg"
    r = CliRunner().invoke(main, ["shifts", "USA", "VEN", "--by", "week", "--db", db, "--plot", str(png)])
    assert r.exit_code == 0, r.output
    assert "escalation" in r.stdout and png.read_bytes()[:4] == b"\x89PNG"
    r = CliRunner().invoke(main, ["relations", "USA", "VEN", "--db", db, "--format", "csv", "--plot", str(svg)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].startswith("period,events,mentions,q1") and b"<svg" in svg.read_bytes()[:500]


# ------------------------------------------------------------------ with the model: real coding

MEETING = [  # three outlets, three wordings, one meeting; then a second meeting a week later
    {"id": "abe-modi-kyodo", "published": "2018-10-30", "source": "Kyodo", "url": "https://kyodo.example/1",
     "text": "Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo on Monday. "
             "The two leaders discussed trade."},
    {"id": "abe-modi-hindu", "published": "2018-10-30", "source": "The Hindu", "url": "https://hindu.example/1",
     "text": "Indian Prime Minister Narendra Modi held talks in Tokyo. Japanese Prime Minister Shinzo Abe met "
             "Modi in Tokyo on Monday, officials said."},
    {"id": "abe-modi-reuters", "published": "2018-10-30", "source": "Reuters", "url": "https://reuters.example/1",
     "text": "On Monday, Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo "
             "to discuss security ties."},
]
SECOND = {"id": "abe-modi-2", "published": "2018-11-06", "source": "Reuters", "url": "https://reuters.example/2",
          "text": "Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Tokyo on Monday "
                  "for a second summit."}


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.model
def test_three_outlets_one_meeting_then_another(tmp_path, pipeline):
    from dyad.store.load import ingest

    with Store(tmp_path / "m.duckdb") as st:
        rep = ingest(st, [Article(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"]),
                                  source=r["source"], url=r["url"]) for r in MEETING],
                     settings=pipeline.settings)
        assert rep.coded == 3 and rep.dedup["dedup_events"] == 1
        (ev,) = st.query("SELECT * FROM dedup_events")
        assert (ev["source_country"], ev["target_country"], ev["root"]) == ("JPN", "IND", "04")
        assert ev["date"] == date(2018, 10, 29) and ev["location_name"] == "Tokyo"
        assert (ev["num_mentions"], ev["num_sources"], ev["num_articles"]) == (3, 3, 3)
        outlets = {r["outlet"] for r in st.query("SELECT outlet FROM mentions")}
        assert outlets == {"Kyodo", "The Hindu", "Reuters"}
        ingest(st, [Article(id=SECOND["id"], text=SECOND["text"], published=date(2018, 11, 6),
                            source=SECOND["source"], url=SECOND["url"])], settings=pipeline.settings)
        rows = st.query("SELECT date, num_mentions FROM dedup_events ORDER BY date")
        assert rows == [{"date": date(2018, 10, 29), "num_mentions": 3},
                        {"date": date(2018, 11, 5), "num_mentions": 1}]


@pytest.mark.model
def test_ingest_twice_adds_nothing(tmp_path, pipeline):
    src = _jsonl(tmp_path / "in.jsonl", MEETING + [SECOND, {"id": "bad", "text": ""}])
    db = tmp_path / "i.duckdb"
    runner = CliRunner()
    r1 = runner.invoke(main, ["ingest", str(src), "--db", str(db), "-q"])
    assert r1.exit_code == 0, r1.output
    assert "4 coded" in r1.stderr and "dedup: 4 reports → 2 events" in r1.stderr
    with Store(db, read_only=True) as st:
        before = st.counts(derived=True)
        ids = st.query("SELECT dedup_event_id FROM dedup_events ORDER BY 1")
    assert before["articles"] == 4 and before["rejects"] == 1 and before["dedup_events"] == 2
    r2 = runner.invoke(main, ["ingest", str(src), "--db", str(db), "-q"])
    assert r2.exit_code == 0, r2.output
    assert "1 input files already ingested (checkpoint)" in r2.stderr and "0 coded" in r2.stderr
    r3 = runner.invoke(main, ["ingest", str(src), "--db", str(db), "-q", "--no-resume"])  # read again
    assert r3.exit_code == 0, r3.output
    assert "4 already stored (skipped), 0 coded" in r3.stderr
    with Store(db, read_only=True) as st:
        assert st.counts(derived=True) == before
        assert st.query("SELECT dedup_event_id FROM dedup_events ORDER BY 1") == ids


def test_readme_documents_the_commands_and_options():
    """Documentation is tested: every option of these commands appears in the README."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in ("ingest", "dedup", "export", "relations", "top-dyads", "shifts", "rejects"):
        cmd = main.commands[name]
        assert f"dyad {name}" in readme, name
        for p in cmd.params:
            for opt in p.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in readme, f"dyad {name} {opt} is not in the README"
