"""Bad input: each kind of bad record ends as a row in `rejects` and a warning, while every good
record of the same file is coded and stored. Also `dyad rejects`."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.cli import main
from dyad.store import Store

pytestmark = pytest.mark.model


def good(i: int) -> dict:
    return {"id": f"good-{i}", "published": "2019-03-15",
            "text": f"Germany's chancellor visited France on Monday, officials said. Item {i}."}


def jl(obj) -> bytes:
    return json.dumps(obj).encode()


NOT_ENGLISH = ("Le président français a rendu visite à l'Allemagne lundi, selon des responsables. Les deux "
               "dirigeants ont parlé du commerce et de la guerre, puis ils ont visité Berlin ensemble.")


def jsonl_file(bad: list[bytes]) -> callable:
    """A JSONL file: good-0, the bad lines (lines 2…), then good-1 and good-2."""
    def build(d: Path) -> tuple[Path, list[str]]:
        p = d / "in.jsonl"
        p.write_bytes(b"\n".join([jl(good(0)), *bad, jl(good(1)), jl(good(2))]) + b"\n")
        return p, [f"{p}:{i + 2}" for i in range(len(bad))]
    return build


def truncated_gzip(d: Path) -> tuple[Path, list[str]]:
    p = d / "cut.jsonl.gz"
    body = b"\n".join(jl(good(i)) for i in range(3)) + b"\n"
    body += b"\n".join(jl({"id": f"more-{i}", "text": good(i)["text"] + " The talks went on." * 60})
                        for i in range(3, 60))
    data = gzip.compress(body)
    p.write_bytes(data[: len(data) - 50])
    return p, [None]  # the line number depends on where the cut falls


def page(body: str) -> bytes:
    return f"<html><head><title>News</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>".encode()


def warc_with_empty_page(d: Path) -> tuple[Path, list[str]]:
    p = d / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, payload in enumerate([page(good(0)["text"] + " More about the visit and the talks."),
                                     b"<html><head><title>Empty</title></head><body></body></html>",
                                     page(good(1)["text"] + " Both sides said the meeting went well.")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"http://n.example/{i}", "response", payload=io.BytesIO(payload),
                                                http_headers=headers))
    return p, [None]


KINDS = {  # kind -> (file builder, reason prefix of each reject, ids of the good articles)
    "invalid JSON": (jsonl_file([b'{"id": "x", "text": "unterminated']), ["invalid JSON"], 3),
    "text is a number": (jsonl_file([jl({"id": "n", "text": 42})]), ["text is not a string"], 3),
    "published is a list": (jsonl_file([jl({**good(9), "published": ["2019", "03"]})]),
                            ["bad published date"], 3),
    "empty and blank text": (jsonl_file([jl({"id": "e", "text": ""}), jl({"id": "w", "text": " \n\t "})]),
                             ["no text", "no text"], 3),
    "5 MB of text": (jsonl_file([jl({"id": "huge", "text": "war " * 1_250_000})]), ["record too long"], 3),
    "binary garbage": (jsonl_file([bytes(range(256)).replace(b"\n", b"") * 4]), ["invalid UTF-8"], 3),
    "invalid UTF-8": (jsonl_file([b'{"id": "u", "text": "Caf\xe9 diplomacy in Paris."}']), ["invalid UTF-8"], 3),
    "control characters": (jsonl_file([jl({"id": "c", "text": "\x01\x02\x03\x04\x05 text \x06\x07\x00"})]),
                           ["binary data"], 3),
    "not English": (jsonl_file([jl({"id": "fr", "text": NOT_ENGLISH})]), ["not English"], 3),
    "dates far past and future": (jsonl_file([jl({**good(8), "published": "1066-10-14"}),
                                              jl({**good(9), "published": "2999-01-01"})]),
                                  ["bad published date", "bad published date"], 3),
    "duplicate id with different text": (jsonl_file([jl({**good(0), "text": good(0)["text"] + " Changed."})]),
                                         ["duplicate id with different text"], 3),
    "HTML with no body": (warc_with_empty_page, ["no main text in HTML page"], 2),
    "truncated gzip": (truncated_gzip, ["read error"], None),  # good-0..2 and the records before the cut
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_bad_records_rejected_good_ones_stored(tmp_path, kind, pipeline):
    build, reasons, n_good = KINDS[kind]
    src, origins = build(tmp_path)
    db = tmp_path / "bad.duckdb"
    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as st:
        rejects = st.query("SELECT origin, reason, snippet FROM rejects ORDER BY origin")
        articles = st.query("SELECT article_id, origin FROM articles")
        n_events = st.counts()["events"]
    assert len(rejects) == len(reasons), rejects
    for r, reason, origin in zip(sorted(rejects, key=lambda r: r["origin"]), reasons, origins):
        assert r["reason"].startswith(reason), r
        assert origin is None or r["origin"] == origin
        assert r["origin"].startswith(str(src))
        assert f"{r['origin']}: rejected: {r['reason'][:30]}" in res.stderr  # and a warning
    ids = {a["article_id"] for a in articles}
    if kind != "HTML with no body":  # WARC pages get ids from their content
        assert {"good-0", "good-1", "good-2"} <= ids
    if n_good is not None:
        assert len(articles) == n_good  # every good article coded and stored, nothing else
    else:
        assert 3 < len(articles) < 60
    assert n_events >= len(articles)


def test_duplicate_id_in_a_later_run_is_rejected(tmp_path, pipeline):
    db = tmp_path / "d.duckdb"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_bytes(jl(good(0)) + b"\n")
    second.write_bytes(jl(good(0)) + b"\n"
                       + jl({**good(0), "text": "Japan's prime minister met the president of Kenya."}) + b"\n")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(first), "--db", str(db), "-q"]).exit_code == 0
    res = runner.invoke(main, ["ingest", str(second), "--db", str(db), "-q"])
    assert res.exit_code == 0 and "1 already stored" in res.stderr
    with Store(db, read_only=True) as st:
        assert st.query("SELECT origin, reason FROM rejects") == [
            {"origin": f"{second}:2", "reason": "duplicate id with different text"}]
        assert st.query("SELECT text FROM articles") == [{"text": good(0)["text"]}]


def test_rejects_command(tmp_path, pipeline):
    src, _ = KINDS["empty and blank text"][0](tmp_path)
    db = tmp_path / "r.duckdb"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(src), "--db", str(db), "-q"]).exit_code == 0
    out = runner.invoke(main, ["rejects", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(r["origin"] for r in rows) == [f"{src}:2", f"{src}:3"]
    assert {r["reason"] for r in rows} == {"no text"} and all("seen_at" in r for r in rows)
    table = runner.invoke(main, ["rejects", "--db", str(db)])
    assert table.exit_code == 0 and "no text" in table.stdout and "rejects (2)" in table.stdout
    limited = runner.invoke(main, ["rejects", "--db", str(db), "--format", "jsonl", "--limit", "1"])
    assert len(limited.stdout.splitlines()) == 1
    missing = runner.invoke(main, ["rejects", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
