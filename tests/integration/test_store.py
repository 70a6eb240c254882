from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from dyad.errors import DyadError
from dyad.models import Actor, Article, Event, Location, Quote, Reject, content_id
from dyad.store import SCHEMA_VERSION, Store, actor_id

TEXT = (
    "Venezuela said it would restore diplomatic relations with the United States. "
    "\u201cWe are ready,\u201d Foreign Minister Yvan Gil said in Caracas."
)


def build():
    article = Article(id="art-1", text=TEXT, published=date(2026, 1, 9), title="Thaw",
                      source="seed", url=None, origin="seed.jsonl:1")
    ven = Actor(code="VENGOV", country="VEN", roles=["GOV"], text="Venezuela", name="Venezuela",
                start=0, end=9, kind="country", how="gazetteer")
    usa = Actor(code="USA", country="USA", roles=[], text="the United States", name="United States",
                start=58, end=75, kind="country", how="gazetteer")
    gil = Actor(code="VENGOVFRM", country="VEN", roles=["GOV", "FRM"], text="Foreign Minister Yvan Gil",
                name="Yvan Gil", start=100, end=125, kind="person", how="leader-table")
    caracas = Location(name="Caracas", country="VEN", lat=10.48, lon=-66.88, geonameid=3646738, feature="city")
    s0 = (0, 76)
    e1 = Event(
        event_id=content_id("art-1", 0, "042"), article_id="art-1", source=ven, target=usa,
        cameo="042", root="04", cameo_name="Make a visit", goldstein=1.9, quad_class=1,
        plover="CONSULT", plover_mode="visit", date="2026-01-09", date_source="published", date_text=None,
        location=None, modality="announced", sentence=TEXT[s0[0]:s0[1]], sentence_index=0, span=s0,
        trigger="restore", trigger_span=(25, 32), pattern_id="p-042-1", confidence=0.8,
        attribution={"speaker": ven.to_dict(), "verb": "said"}, published="2026-01-09",
    )
    e2 = Event(
        event_id=content_id("art-1", 0, "064"), article_id="art-1", source=ven, target=usa,
        cameo="064", root="06", cameo_name="Share intelligence", goldstein=7.0, quad_class=2,
        plover=None, plover_mode=None, date="2026-01-08", date_source="text", date_text="Thursday",
        location=caracas, modality="asserted", sentence=TEXT[s0[0]:s0[1]], sentence_index=0, span=s0,
        trigger="relations", trigger_span=None, pattern_id="p-064-2", confidence=0.5,
        attribution=None, published="2026-01-09",
    )
    q = Quote(quote_id=content_id("art-1", "q", 78), article_id="art-1", text="We are ready,",
              speaker=gil, verb="said", span=(78, 91), sentence_index=1, sentence=TEXT[77:])
    return article, [e1, e2], [q]


def test_write_and_read_back(tmp_path):
    db = tmp_path / "out" / "dyad.duckdb"
    article, events, quotes = build()
    with Store(db) as st:
        added = st.write(article, events, quotes)
        assert added == {"articles": 1, "events": 2, "actors": 3, "quotes": 1}
        assert st.write_rejects([Reject("in.jsonl:3", "no text", '{"id": 1}')]) == 1

    with Store(db, read_only=True) as st:
        assert st.counts() == {"articles": 1, "events": 2, "actors": 3, "quotes": 1, "rejects": 1}
        (a,) = st.query("SELECT * FROM articles")
        assert a["article_id"] == "art-1" and a["published"] == date(2026, 1, 9)
        assert a["n_events"] == 2 and a["n_quotes"] == 1 and a["coded_at"] is not None
        assert a["text"] == TEXT and a["url"] is None and a["origin"] == "seed.jsonl:1"

        evs = st.query("SELECT * FROM events ORDER BY cameo")
        assert [e["cameo"] for e in evs] == ["042", "064"]
        e1, e2 = evs
        assert e1["root"] == "04" and e1["source_code"] == "VENGOV" and e1["target_country"] == "USA"
        assert e1["source_roles"] == ["GOV"] and e1["target_roles"] == []
        assert e1["date"] == date(2026, 1, 9) and e1["published"] == date(2026, 1, 9)
        assert e1["span_start"] == 0 and e1["span_end"] == 76
        assert e1["trigger_start"] == 25 and e1["goldstein"] == pytest.approx(1.9)
        assert json.loads(e1["attribution"])["verb"] == "said"
        assert e1["lat"] is None and e1["location_name"] is None
        assert e1["source_actor_id"] == actor_id("art-1", events[0].source)
        assert e2["location_name"] == "Caracas" and e2["lat"] == pytest.approx(10.48)
        assert e2["date"] == date(2026, 1, 8) and e2["date_text"] == "Thursday"
        assert e2["attribution"] is None and e2["plover"] is None and e2["trigger_start"] is None

        (q,) = st.query("SELECT * FROM quotes")
        assert q["speaker_code"] == "VENGOVFRM" and q["anonymous"] is False
        assert (q["span_start"], q["span_end"]) == (78, 91) and q["verb"] == "said"

        actors = st.query('SELECT code, start, "end", roles FROM actors ORDER BY start')
        assert [x["code"] for x in actors] == ["VENGOV", "USA", "VENGOVFRM"]
        assert actors[2]["roles"] == ["GOV", "FRM"]
        ids = {r["actor_id"] for r in st.query("SELECT actor_id FROM actors")}
        assert actor_id("art-1", quotes[0].speaker) in ids
        assert actor_id("art-1", quotes[0].speaker) == content_id("art-1", 100, 125, "VENGOVFRM")

        (r,) = st.query("SELECT * FROM rejects")
        assert r["reject_id"] == content_id("in.jsonl:3", "no text")
        assert r["reason"] == "no text" and r["seen_at"] is not None

        assert st.query("SELECT value FROM meta WHERE key = ?", ["schema_version"]) == [
            {"value": str(SCHEMA_VERSION)}]
        types = {r["column_name"]: r["data_type"] for r in st.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'")}
        assert types["cameo"] == "VARCHAR" and types["root"] == "VARCHAR"
        assert types["date"] == "DATE" and types["quad_class"] == "INTEGER"
        assert types["source_roles"] == "VARCHAR[]"

        with pytest.raises(DyadError):
            st.write(article, events, quotes)


def test_same_batch_twice_adds_nothing(tmp_path):
    db = tmp_path / "dyad.duckdb"
    article, events, quotes = build()
    other = Article(id="art-2", text="Nothing happened.", published=None)
    batch = [(article, events, quotes), (other, [], [])]
    with Store(db) as st:
        first = st.write_batch(batch)
        assert first == {"articles": 2, "events": 2, "actors": 3, "quotes": 1}
        before = st.counts()
        assert st.write_batch(batch) == {"articles": 0, "events": 0, "actors": 0, "quotes": 0}
        assert st.write_rejects([Reject("a:1", "no text"), Reject("a:1", "no text")]) == 1
        assert st.write_rejects([Reject("a:1", "no text")]) == 0
        assert st.counts() == {**before, "rejects": 1}
    # reopening for writing keeps the data and the schema
    with Store(db) as st:
        st.write_batch(batch)
        assert st.counts() == {**before, "rejects": 1}
        assert st.query("SELECT published FROM articles WHERE article_id = 'art-2'") == [{"published": None}]


def test_duplicates_inside_one_batch(tmp_path):
    article, events, quotes = build()
    with Store(tmp_path / "d.duckdb") as st:
        st.write_batch([(article, events + events, quotes), (article, events, quotes)])
        assert st.counts()["events"] == 2 and st.counts()["articles"] == 1


def test_empty_batch_is_noop(tmp_path):
    with Store(tmp_path / "d.duckdb") as st:
        assert st.write_batch([]) == {"articles": 0, "events": 0, "actors": 0, "quotes": 0}
        assert st.write_rejects([]) == 0
        assert set(st.counts().values()) == {0}


def test_read_only_missing_file(tmp_path):
    with pytest.raises(DyadError, match="does not exist"):
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert not (tmp_path / "nope.duckdb").exists()


def test_read_only_on_foreign_duckdb(tmp_path):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE x (a INTEGER)")
    con.close()
    with pytest.raises(DyadError, match="not a dyad store"):
        Store(db, read_only=True)


def test_wrong_schema_version(tmp_path):
    db = tmp_path / "d.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(DyadError, match="schema version 99"):
        Store(db)


def test_arrow_helper(tmp_path):
    article, events, quotes = build()
    with Store(tmp_path / "d.duckdb") as st:
        st.write(article, events, quotes)
        t = st.arrow("SELECT cameo FROM events WHERE article_id = ? ORDER BY cameo", ["art-1"])
        assert t.column("cameo").to_pylist() == ["042", "064"]
        assert st.arrow("SELECT count(*) AS n FROM quotes").column("n").to_pylist() == [1]


@pytest.mark.model
def test_ingest_takes_a_generator_of_articles_without_losing_the_first(tmp_path):
    from dyad.store.load import ingest

    arts = (Article(id=f"g{i}", text=f"Japanese Prime Minister Shinzo Abe visited Nairobi on Monday ({i}).",
                    published=date(2016, 8, 29)) for i in range(3))
    with Store(tmp_path / "g.duckdb") as st:
        ingest(st, arts)
        assert st.counts()["articles"] == 3
