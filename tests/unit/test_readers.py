from __future__ import annotations

import gzip
import io
import json
import logging
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from dyad.errors import BadRecord, DyadError
from dyad.ingest import parse_published, read_articles
from dyad.models import Article, Reject, content_id


def rec(**kw) -> str:
    base = {"id": "a1", "published": "2026-01-09", "title": "T", "text": "Venezuela met the US.",
            "source": "src", "url": "http://x"}
    base.update(kw)
    return json.dumps({k: v for k, v in base.items() if v is not ...})


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    data = b"".join((ln if isinstance(ln, bytes) else ln.encode("utf-8")) + b"\n" for ln in lines)
    path.write_bytes(data)
    return path


def read(paths, **kw) -> tuple[list[Article], list[Reject]]:
    rejects: list[Reject] = []
    arts = list(read_articles(paths, on_reject=rejects.append, **kw))
    return arts, rejects


def test_valid_jsonl(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [rec(id="a1", extra="ignored"), rec(id="a2", url=None)])
    arts, rejects = read([p])
    assert rejects == []
    assert [a.id for a in arts] == ["a1", "a2"]
    a = arts[0]
    assert a.published == date(2026, 1, 9)
    assert a.title == "T" and a.source == "src" and a.url == "http://x"
    assert a.text == "Venezuela met the US."
    assert a.origin == f"{p}:1"
    assert arts[1].origin == f"{p}:2" and arts[1].url is None


def test_missing_id_gets_stable_hash(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [rec(id=...), rec(id=None, text="Other text.")])
    first, _ = read([p])
    second, _ = read([str(p)])
    assert [a.id for a in first] == [a.id for a in second]
    assert first[0].id == content_id("Venezuela met the US.", "T", "2026-01-09")
    assert first[0].id != first[1].id
    assert len(first[0].id) == 16


def test_text_file_with_published(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("The president visited Paris on Monday.\n", encoding="utf-8")
    arts, rejects = read([p], published=date(2026, 1, 9))
    assert rejects == []
    (a,) = arts
    assert a.published == date(2026, 1, 9)
    assert a.origin == str(p)
    assert a.text.startswith("The president")
    assert a.id == content_id(a.text, None, "2026-01-09")
    again, _ = read([p], published=date(2026, 1, 9))
    assert again[0].id == a.id
    # no published argument: allowed, date is None
    nodate, _ = read([p])
    assert nodate[0].published is None


def test_published_argument_is_default_for_jsonl_without_date(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [rec(published=None), rec(id="a2", published="2020-02-02")])
    arts, _ = read([p], published=date(2026, 1, 9))
    assert [a.published for a in arts] == [date(2026, 1, 9), date(2020, 2, 2)]


def test_missing_published_is_allowed(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [rec(published=...), rec(id="a2", published=None)])
    arts, rejects = read([p])
    assert rejects == []
    assert [a.published for a in arts] == [None, None]


BAD_LINES = [
    ("{not json", "invalid JSON"),
    ("[1, 2, 3]", "not a JSON object"),
    (rec(text=...), "no text"),
    (rec(text=""), "no text"),
    (rec(text="   \n "), "no text"),
    (rec(text=None), "no text"),
    (rec(text=42), "text is not a string"),
    (rec(text=["a"]), "text is not a string"),
    (rec(published="0001-01-01"), "bad published date '0001-01-01'"),
    (rec(published="9999-12-31"), "bad published date '9999-12-31'"),
    (rec(published="not a date at all"), "bad published date 'not a date at all'"),
    (rec(published="yesterday"), "bad published date 'yesterday'"),
]


@pytest.mark.parametrize("bad,reason", BAD_LINES)
def test_bad_record_rejected_and_neighbours_kept(tmp_path, bad, reason, caplog):
    p = write_lines(tmp_path / "mixed.jsonl", [rec(id="good1"), bad, rec(id="good2")])
    with caplog.at_level(logging.WARNING, logger="dyad"):
        arts, rejects = read([p])
    assert [a.id for a in arts] == ["good1", "good2"]
    assert len(rejects) == 1
    r = rejects[0]
    assert r.origin == f"{p}:2"
    assert r.reason.startswith(reason), r.reason
    assert r.snippet == bad[:80]
    assert any(f"{p}:2" in m and reason in m for m in caplog.messages)


def test_invalid_utf8_only_kills_its_line(tmp_path):
    p = write_lines(tmp_path / "u.jsonl", [rec(id="good1"), b'{"id": "x", "text": "caf\xe9"}', rec(id="good2")])
    arts, rejects = read([p])
    assert [a.id for a in arts] == ["good1", "good2"]
    (r,) = rejects
    assert r.origin == f"{p}:2"
    assert r.reason.startswith("invalid UTF-8")


def test_text_too_long(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_MAX_TEXT_CHARS", "10")
    p = write_lines(tmp_path / "a.jsonl", [rec(id="short", text="short"), rec(id="long", text="x" * 11)])
    arts, rejects = read([p])
    assert [a.id for a in arts] == ["short"]
    assert rejects[0].reason == "text too long (11 chars > 10)"
    assert rejects[0].origin == f"{p}:2"


def test_blank_lines_skipped_and_line_numbers_kept(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", ["", rec(id="a1"), "   ", "", "{bad"])
    arts, rejects = read([p])
    assert [a.origin for a in arts] == [f"{p}:2"]
    assert [r.origin for r in rejects] == [f"{p}:5"]


def test_unopenable_file_rejected_and_next_file_read(tmp_path):
    missing = tmp_path / "missing.jsonl"
    missing_txt = tmp_path / "missing.txt"
    good = write_lines(tmp_path / "good.jsonl", [rec(id="g")])
    arts, rejects = read([missing, missing_txt, good])
    assert [a.id for a in arts] == ["g"]
    assert [r.origin for r in rejects] == [str(missing), str(missing_txt)]
    assert all("No such file" in r.reason for r in rejects)


def test_gzip_jsonl(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wb") as fh:
        fh.write((rec(id="z1") + "\n{oops\n" + rec(id="z2") + "\n").encode("utf-8"))
    arts, rejects = read([p])
    assert [a.id for a in arts] == ["z1", "z2"]
    assert arts[1].origin == f"{p}:3"
    assert [r.origin for r in rejects] == [f"{p}:2"]


def test_corrupt_gzip_is_a_reject(tmp_path):
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(b"this is not gzip data\n")
    arts, rejects = read([p])
    assert arts == []
    assert len(rejects) == 1 and rejects[0].origin.startswith(str(p))


def test_stdin(monkeypatch):
    data = (rec(id="s1") + "\n" + rec(id="s2") + "\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    arts, rejects = read(["-"])
    assert [a.id for a in arts] == ["s1", "s2"]
    assert arts[0].origin.endswith(":1")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-01-09", date(2026, 1, 9)),
        ("2026-01-09T12:00:00Z", date(2026, 1, 9)),
        ("2026-01-09T23:30:00+05:00", date(2026, 1, 9)),
        ("2013-05-02 10:00:00", date(2013, 5, 2)),
        ("January 9, 2026", date(2026, 1, 9)),
        ("9 Jan 2026", date(2026, 1, 9)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31", "yesterday",
                                   "3 days ago", "January 9", "gibberish", 20260109])
def test_parse_published_rejects(value):
    with pytest.raises(BadRecord):
        parse_published(value)


def test_published_window_edges():
    assert parse_published((date.today() + timedelta(days=2)).isoformat()) is not None
    with pytest.raises(BadRecord):
        parse_published((date.today() + timedelta(days=3)).isoformat())
    assert parse_published("1900-01-01") == date(1900, 1, 1)


def test_iso_datetime_in_jsonl(tmp_path):
    p = write_lines(tmp_path / "a.jsonl", [rec(published="2026-01-09T12:00:00Z"),
                                           rec(id="a2", published="2013-05-02 10:00:00")])
    arts, rejects = read([p])
    assert rejects == []
    assert [a.published for a in arts] == [date(2026, 1, 9), date(2013, 5, 2)]


def test_bad_published_argument_raises():
    with pytest.raises(DyadError):
        list(read_articles([], published="0001-01-01"))


def test_seed_article_reads():
    seed = Path("/work/shared/seed/article.jsonl")
    if not seed.exists():
        pytest.skip("shared seed not available")
    arts, rejects = read([seed])
    assert rejects == []
    assert arts[0].id == "seed-venezuela-us-2026-01"
    assert arts[0].published == date(2026, 1, 9)
