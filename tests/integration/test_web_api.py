"""The HTTP API and pages of `dyad serve`, over a real uvicorn server on a free port, hit with httpx."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import httpx
import pytest
from click.testing import CliRunner

from dyad.errors import ConfigError


@pytest.fixture(scope="module")
def client(live):
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def test_stats(client):
    r = client.get("/api/stats")
    assert r.status_code == 200
    body = r.json()
    assert body["counts"] == {"articles": 21, "reports": 21, "events": 20, "quotes": 3, "actors": body["counts"]["actors"]}
    assert body["dates"]["first"] == "2025-10-07"


def test_events_pagination_and_total(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["total"] == 20 and first["limit"] == 5 and first["offset"] == 0 and len(first["items"]) == 5
    rest = client.get("/api/events", params={"limit": 5, "offset": 15}).json()
    assert len(rest["items"]) == 5 and rest["total"] == 20
    ids = {e["dedup_event_id"] for e in first["items"]} | {e["dedup_event_id"] for e in rest["items"]}
    assert len(ids) == 10
    dates = [e["date"] for e in first["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    past = client.get("/api/events", params={"offset": 100}).json()
    assert past["items"] == [] and past["total"] == 20


@pytest.mark.parametrize("params, expected", [
    ({"actor": "VEN"}, 12),
    ({"actor": "venezuela"}, 12),               # by name, any case
    ({"actor": "USA", "actor2": "VEN"}, 12),
    ({"actor": "USA", "actor2": "UKR"}, 1),
    ({"actor": "RUSMIL"}, 3),                   # code prefix
    ({"cameo": "04"}, 2),                       # prefix: 042 twice CHN-JPN
    ({"cameo": "07"}, 3),                       # 070 twice USA-VEN (one reported twice), once USA-UKR
    ({"root": "19"}, 4),
    ({"quad_class": 4}, 7),                    # 163 x3, 190 USA-VEN; 190 x3 RUS-UKR
    ({"country": "UKR"}, 3),
    ({"text": "sanctions"}, 3),
    ({"date_from": "2025-12-01"}, 4),
    ({"date_from": "2025-10-01", "date_to": "2025-10-12"}, 3),
    ({"min_mentions": 2}, 1),
])
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == expected, (params, [(e["date"], e["source_code"], e["cameo"], e["target_code"])
                                                for e in body["items"]])
    assert body["filters"] == {k: v for k, v in params.items()}


def test_event_csv(client):
    for path, params in [("/api/events.csv", {"actor": "RUS"}), ("/api/events", {"actor": "RUS", "format": "csv"})]:
        r = client.get(path, params=params)
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 3 and {row["cameo"] for row in rows} == {"190"}
        assert rows[0]["source_code"] == "RUSMIL"


def test_bad_parameters_are_422_with_a_message(client):
    for params, word in [({"quad_class": 7}, "quad_class"), ({"limit": 0}, "limit"), ({"limit": 5000}, "limit"),
                         ({"offset": -1}, "offset"), ({"date_from": "yesterday"}, "date_from"),
                         ({"cameo": "abc"}, "cameo"), ({"format": "xml"}, "format"),
                         ({"date_from": "2025-12-01", "date_to": "2025-11-01"}, "date_from")]:
        r = client.get("/api/events", params=params)
        assert r.status_code == 422, params
        assert word in r.json()["message"], r.json()
    assert client.get("/api/dyads/USA/VEN", params={"by": "year"}).status_code == 422
    assert client.get("/api/dyads/U$A/VEN").status_code in (404, 422)
    assert client.get("/api/quotes", params={"anonymous": "maybe"}).status_code == 422
    # an HTML page answers 422 too, as a page that says what was wrong
    r = client.get("/search", params={"quad_class": "9"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"] and "quad_class" in r.text


def test_empty_form_fields_mean_no_filter(client):
    r = client.get("/api/events?actor=&quad_class=&date_from=")
    assert r.status_code == 200 and r.json()["total"] == 20
    assert client.get("/search?actor=&cameo=&quad_class=").status_code == 200


def test_unknown_ids_are_404(client):
    assert client.get("/api/events/no-such-event").status_code == 404
    assert client.get("/api/articles/no-such-article").status_code == 404
    assert "no article" in client.get("/api/articles/no-such-article").json()["detail"]
    r = client.get("/events/no-such-event")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert client.get("/articles/nope").status_code == 404


def test_dyad_series_shifts_and_events(client):
    r = client.get("/api/dyads/usa/ven", params={"by": "week"})
    assert r.status_code == 200
    d = r.json()
    assert (d["a"], d["b"], d["by"]) == ("USA", "VEN", "week")
    assert len(d["series"]) == 12 and sum(p["events"] for p in d["series"]) == 12
    assert d["series"][0]["goldstein_mean"] < 0 < d["series"][-1]["goldstein_mean"]
    assert [s["label"] for s in d["shifts"]] == ["thaw"]
    assert d["shifts"][0]["period"] == "2025-11-17"
    assert len(d["events"]) == 12 and all(e["period"] for e in d["events"])
    monthly = client.get("/api/dyads/USA/VEN", params={"by": "month", "date_from": "2025-11-01"}).json()
    assert [p["period"] for p in monthly["series"]] == ["2025-11-01", "2025-12-01"]
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/dyads/USA/VEN", params={"format": "csv"}).text)))
    assert len(csv_rows) == 12


def test_event_by_dedup_id_and_by_report_id(client):
    ev = client.get("/api/events", params={"min_mentions": 2}).json()["items"][0]
    d = client.get(f"/api/events/{ev['dedup_event_id']}").json()
    assert d["event"]["num_mentions"] == 2 and len(d["mentions"]) == 2
    assert {m["outlet"] for m in d["mentions"]} == {"EFE", "AP"}
    m = d["mentions"][0]
    assert m["pattern_id"] == "test-070" and 0 < m["confidence"] <= 1
    assert '<mark class="ev-sent"' in m["context_html"] and '<b class="ev-trigger"' in m["context_html"]
    by_report = client.get(f"/api/events/{m['event_id']}").json()
    assert by_report["event"]["dedup_event_id"] == ev["dedup_event_id"]


def test_article(client):
    a = client.get("/api/articles/art-003").json()
    assert a["article"]["title"] == "United States imposed sanctions on Venezuela"
    assert a["text"].startswith("United States imposed sanctions on Venezuela in Caracas")
    assert [e["cameo"] for e in a["events"]] == ["163"]
    assert [q["text"] for q in a["quotes"]] == ["We will not accept threats"]
    assert {x["code"] for x in a["actors"]} >= {"USAGOV", "VENGOV", "VENGOVFRM"}
    assert "html" not in a


def test_quotes(client):
    all_ = client.get("/api/quotes").json()
    assert all_["total"] == 3
    anon = client.get("/api/quotes", params={"anonymous": "true"}).json()
    assert anon["total"] == 2 and all(q["anonymous"] for q in anon["items"])
    named = client.get("/api/quotes", params={"anonymous": "false"}).json()
    assert [q["speaker_name"] for q in named["items"]] == ["Yvan Gil"]
    assert client.get("/api/quotes", params={"speaker": "gil"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"country": "ukr"}).json()["total"] == 1
    page = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    r = client.get("/api/quotes", params={"format": "csv"})
    assert r.text.splitlines()[0].startswith("quote_id,article_id,text")


def test_openapi_schema(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/events", "/api/events.csv", "/api/dyads/{a}/{b}", "/api/articles/{article_id}",
                 "/api/quotes", "/api/events/{event_id}"]:
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "cameo", "root", "country", "quad_class", "date_from", "date_to", "text", "limit",
            "offset", "format"} <= names
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN: off


def test_pages_render(client):
    pages = {"/": ["Most active dyads", "USA ↔ VEN", "worldmap", "/static/world.svg"],
             "/dyads/USA/VEN": ["<svg", "thaw", 'id="p-2025-10-06"'],
             "/search?actor=VEN&limit=5": ["Showing 1–5 of 12", "next →"],
             "/quotes?anonymous=true": ["anonymous", "The talks were productive"],
             "/articles/art-003": ['class="actor"', 'class="quote"', 'class="ev-sent"']}
    for path, needles in pages.items():
        r = client.get(path)
        assert r.status_code == 200, path
        for n in needles:
            assert n in r.text, (path, n)
    assert "http://" not in client.get("/").text.replace("http://www.w3.org", "")  # nothing from elsewhere


# ------------------------------------------------------------------ the token rule


def test_non_loopback_without_token_is_refused(web_db):
    from dyad.web.app import check_bind
    from dyad.web.live import LiveServer

    with pytest.raises(ConfigError, match="token"):
        LiveServer(web_db, host="0.0.0.0")
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("localhost", None)
    with pytest.raises(ConfigError):
        check_bind("192.168.1.5", None)

    from dyad.cli import main

    res = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "0"])
    assert res.exit_code == 1 and "token" in res.output


def test_cli_serve_refuses_in_a_real_process(web_db):
    proc = subprocess.run([sys.executable, "-m", "dyad", "serve", "--db", str(web_db), "--host", "0.0.0.0"],
                          capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1 and "refusing to serve" in proc.stderr


def test_token_required_on_any_address(web_db):
    from dyad.web.live import LiveServer

    with LiveServer(web_db, host="0.0.0.0", token="s3cret") as srv:
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            for path in ["/api/events", "/", "/openapi.json", "/static/style.css"]:
                r = c.get(path)
                assert r.status_code == 401, path
            assert "Bearer" in c.get("/api/events").json()["detail"]
            assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert c.get("/api/events", params={"token": "wrong"}).status_code == 401
            r = c.get("/api/events", headers={"Authorization": "Bearer s3cret"})
            assert r.status_code == 200 and r.json()["total"] == 20
            r = c.get("/api/events", params={"token": "s3cret", "limit": 2})
            assert r.status_code == 200 and r.json()["limit"] == 2 and "token" not in r.json()["filters"]
            # ?token= sets a cookie, so a browser can follow the page's links
            assert c.cookies.get("dyad_token") == "s3cret"
            assert c.get("/dyads/USA/VEN").status_code == 200
