"""Input formats: HTML, WARC, RSS/Atom, compressed JSONL, directories, sniffing; and a property test
that read_articles never raises and never loses a record."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import random
from datetime import date
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.ingest import read_articles
from dyad.ingest._base import not_english_reason
from dyad.ingest._io import detect_format
from dyad.models import Article, Reject

STORY = ("France's president visited Germany on Monday, officials said. The two leaders talked about "
         "trade and the war, and they agreed to meet again in the spring.")


def page(title: str, body: str, published: str | None = "2024-03-02") -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright 2024 Example News. Subscribe to our newsletter.</footer></body></html>").encode()


def read(paths, **kw) -> tuple[list[Article], list[Reject]]:
    rejects: list[Reject] = []
    return list(read_articles(paths, on_reject=rejects.append, **kw)), rejects


def jsonl(records: list[dict]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


RECORDS = [{"id": f"r{i}", "published": "2024-01-0%d" % (i + 1), "text": f"{STORY} Item {i}."} for i in range(3)]


# ------------------------------------------------------------------ HTML


def test_html_page_main_text_and_date(tmp_path):
    p = tmp_path / "story.html"
    p.write_bytes(page("Talks in Berlin", STORY))
    (a,), rejects = read([p])
    assert rejects == []
    assert "France's president visited Germany" in a.text
    assert "Subscribe" not in a.text and "Home" not in a.text  # boilerplate dropped
    assert a.published == date(2024, 3, 2)
    assert a.title == "Talks in Berlin"
    assert a.origin == str(p)


def test_html_without_date_uses_published_argument(tmp_path):
    p = tmp_path / "story.htm"
    p.write_bytes(page("Talks", STORY, published=None))
    (a,), _ = read([p], published="2020-05-05")
    assert a.published == date(2020, 5, 5)


def test_html_without_body_is_rejected(tmp_path):
    p = tmp_path / "empty.html"
    p.write_bytes(b"<html><head><title>x</title></head><body></body></html>")
    arts, (r,) = read([p])
    assert arts == [] and r.origin == str(p) and r.reason == "no main text in HTML page"


# ------------------------------------------------------------------ WARC


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """records: (url, content type, payload, HTTP status)."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        w.write_record(w.create_warcinfo_record(path.name, {"software": "dyad tests"}))
        for url, ctype, payload, status in records:
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
            w.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_articles(tmp_path, name):
    p = tmp_path / name
    write_warc(p, [
        ("http://news.example/a", "text/html; charset=utf-8", page("First", STORY), "200 OK"),
        ("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        ("http://news.example/gone", "text/html", page("Gone", STORY), "404 Not Found"),
        ("http://news.example/b", "text/html", page("Second", STORY.replace("Monday", "Tuesday")), "200 OK"),
        ("http://news.example/c", "text/html", b"<html><body></body></html>", "200 OK"),
    ])
    arts, rejects = read([p])
    assert [a.url for a in arts] == ["http://news.example/a", "http://news.example/b"]
    assert [a.title for a in arts] == ["First", "Second"]
    assert all(a.origin.startswith(f"{p}@") for a in arts)
    offsets = [int(a.origin.rsplit("@", 1)[1]) for a in arts]
    assert 0 < offsets[0] < offsets[1]
    # the offset is where the record starts: reading from there gives that record
    from warcio.archiveiterator import ArchiveIterator

    with open(p, "rb") as fh:
        fh.seek(offsets[1])
        rec = next(iter(ArchiveIterator(fh)))
        assert rec.rec_headers.get_header("WARC-Target-URI") == "http://news.example/b"
    (r,) = rejects
    assert r.reason == "no main text in HTML page" and r.origin.startswith(f"{p}@")


def test_truncated_warc_keeps_records_before_the_damage(tmp_path):
    p = tmp_path / "cut.warc.gz"
    write_warc(p, [("http://n.example/a", "text/html", page("First", STORY), "200 OK"),
                   ("http://n.example/b", "text/html", page("Second", STORY + " More."), "200 OK")])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 200])
    arts, rejects = read([p])
    assert [a.title for a in arts] == ["First"]
    assert len(rejects) == 1 and rejects[0].reason.startswith("read error")


# ------------------------------------------------------------------ feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World News</title><link>http://news.example/</link>
<item><title>Talks in Berlin</title><link>http://news.example/1</link><guid>news-1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;France's president &lt;b&gt;visited&lt;/b&gt; Germany on Monday.&lt;/p&gt;</description></item>
<item><title>No text</title><link>http://news.example/2</link><guid>news-2</guid><description></description></item>
<item><title>Visit</title><link>http://news.example/3</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Japan's prime minister met the president of Kenya in Nairobi.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:feed</id>
<updated>2024-03-06T00:00:00Z</updated>
<entry><title>Summit</title><id>urn:entry:1</id><link href="http://atom.example/1"/>
<published>2024-03-06T09:00:00Z</published><updated>2024-03-07T09:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Brazil's president hosted the leaders of Argentina and Chile.&lt;/p&gt;</content></entry>
<entry><title>Old</title><id>urn:entry:2</id><link href="http://atom.example/2"/>
<updated>1850-01-01T00:00:00Z</updated><summary>Russia threatened Ukraine.</summary></entry>
</feed>
"""


def test_rss_entries(tmp_path):
    p = tmp_path / "world.rss"
    p.write_text(RSS, encoding="utf-8")
    arts, rejects = read([p])
    assert [a.origin for a in arts] == [f"{p}#1", f"{p}#3"]
    a = arts[0]
    assert a.text == "France's president visited Germany on Monday."
    assert a.id == "news-1" and a.url == "http://news.example/1" and a.title == "Talks in Berlin"
    assert a.published == date(2024, 3, 4) and a.source == "World News"
    assert arts[1].published == date(2024, 3, 5)
    assert [(r.origin, r.reason) for r in rejects] == [(f"{p}#2", "no text")]


def test_atom_entries_content_over_summary(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    arts, rejects = read([p])
    (a,) = arts
    assert a.text == "Brazil's president hosted the leaders of Argentina and Chile."
    assert a.published == date(2024, 3, 6) and a.url == "http://atom.example/1" and a.origin == f"{p}#1"
    (r,) = rejects
    assert r.origin == f"{p}#2" and r.reason.startswith("bad published date")


def test_xml_that_is_not_a_feed(tmp_path):
    p = tmp_path / "data.xml"
    p.write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    arts, (r,) = read([p])
    assert arts == [] and r.reason.startswith("not a feed")


# ------------------------------------------------------------------ compressed JSONL


def compress(kind: str, data: bytes) -> bytes:
    return {"gz": gzip.compress, "bz2": bz2.compress,
            "zst": lambda d: zstandard.ZstdCompressor().compress(d)}[kind](data)


@pytest.mark.parametrize("kind", ["gz", "bz2", "zst"])
def test_compressed_jsonl(tmp_path, kind):
    p = tmp_path / f"a.jsonl.{kind}"
    p.write_bytes(compress(kind, jsonl(RECORDS[:1]) + b"{oops\n" + jsonl(RECORDS[1:])))
    arts, rejects = read([p])
    assert [a.id for a in arts] == ["r0", "r1", "r2"]
    assert [a.origin for a in arts] == [f"{p}:1", f"{p}:3", f"{p}:4"]
    assert [r.origin for r in rejects] == [f"{p}:2"]


@pytest.mark.parametrize("kind", ["bz2", "zst"])
def test_truncated_compressed_jsonl(tmp_path, kind):
    p = tmp_path / f"cut.jsonl.{kind}"
    rng = random.Random(7)  # hardly compressible text, so that whole bzip2 blocks come before the cut
    words = STORY.split() + [f"{rng.getrandbits(40):x}" for _ in range(3000)]
    big = [{"id": f"x{i}", "text": STORY + " " + " ".join(rng.choice(words) + " the" for _ in range(40))}
           for i in range(2500)]
    data = compress(kind, jsonl(big))
    p.write_bytes(data[: len(data) * 4 // 5])
    arts, rejects = read([p])
    assert 0 < len(arts) < 2500
    assert [a.id for a in arts] == [f"x{i}" for i in range(len(arts))]
    (r,) = rejects
    assert r.reason.startswith("read error") and r.origin == f"{p}:{len(arts) + 1}"


# ------------------------------------------------------------------ detection, directories


@pytest.mark.parametrize("name,content,fmt", [
    ("a.jsonl.bz2", b"", "jsonl"), ("b.ndjson", b"", "jsonl"), ("c.warc.gz", b"", "warc"),
    ("d.HTM", b"", "html"), ("e.atom", b"", "feed"), ("f.txt", b"{}", "text"),
    ("noext", b'{"text": "x"}\n', "jsonl"), ("page.dat", b"\n<!doctype html><html><body>x", "html"),
    ("feed.dat", b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
    ("crawl.bin", b"WARC/1.0\r\n", "warc"), ("notes", b"The president said.", "text"),
    ("zipped", gzip.compress(b'{"text": "x"}\n'), "jsonl"),
])
def test_detect_format(tmp_path, name, content, fmt):
    p = tmp_path / name
    p.write_bytes(content)
    assert detect_format(str(p)) == fmt


def test_directory_read_recursively_in_sorted_order(tmp_path):
    d = tmp_path / "in"
    (d / "b").mkdir(parents=True)
    (d / "a").mkdir()
    (d / ".hidden").mkdir()
    (d / "b" / "2.jsonl").write_bytes(jsonl([RECORDS[2]]))
    (d / "a" / "1.jsonl.zst").write_bytes(compress("zst", jsonl([RECORDS[1]])))
    (d / "0.html").write_bytes(page("Zero", STORY))
    (d / ".hidden" / "x.jsonl").write_bytes(jsonl([{"id": "hidden", "text": STORY}]))
    (d / ".DS_Store").write_bytes(b"\x00\x01")
    arts, rejects = read([d])
    assert rejects == []
    assert [a.origin for a in arts] == [str(d / "0.html"), f"{d / 'a' / '1.jsonl.zst'}:1", f"{d / 'b' / '2.jsonl'}:1"]


# ------------------------------------------------------------------ checks


def test_duplicate_id_with_different_text(tmp_path):
    p = tmp_path / "dup.jsonl"
    p.write_bytes(jsonl([RECORDS[0], RECORDS[0], {**RECORDS[0], "text": STORY + " Changed."}]))
    arts, (r,) = read([p])
    assert [a.origin for a in arts] == [f"{p}:1", f"{p}:2"]  # same id, same text: kept (stored once)
    assert r.origin == f"{p}:3" and r.reason == "duplicate id with different text"


@pytest.mark.parametrize("text", [
    "Der Präsident Frankreichs besuchte am Montag Deutschland, wie Beamte mitteilten. Die beiden "
    "sprachen über Handel und den Krieg und wollen sich im Frühjahr wieder treffen.",
    "Le président français a rendu visite à l'Allemagne lundi, selon des responsables. Les deux "
    "dirigeants ont parlé du commerce et de la guerre au printemps prochain.",
    "Президент Франции в понедельник посетил Германию, сообщили официальные лица. Лидеры обсудили "
    "торговлю и войну и договорились встретиться весной снова в Берлине.",
    "法国总统周一访问了德国官员说两位领导人讨论了贸易和战争并同意在春天再次会面" * 3,
])
def test_not_english(text):
    assert not_english_reason(text).startswith("not English")


def test_english_is_english():
    assert not_english_reason(STORY) is None
    assert not_english_reason("Putin met Xi in Beijing.") is None  # too short to judge


# ------------------------------------------------------------------ property: nothing raises, nothing lost

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
_records = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=12), st.integers(), st.none(), st.sampled_from(["same", "same"])),
    "text": st.one_of(st.text(max_size=200), st.just(STORY), _json_values),
    "published": st.one_of(st.sampled_from(["2024-01-02", "0001-01-01", "9999-12-31", "", "soon"]),
                           _json_values),
    "title": _json_values, "url": _json_values, "source": _json_values,
})
_lines = st.lists(st.one_of(
    _records.map(lambda r: json.dumps(r).encode()),
    _json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=80).map(lambda b: b.replace(b"\n", b"")),
    st.text(max_size=40).map(lambda t: t.replace("\n", "").encode("utf-8", "surrogatepass")),
), max_size=15)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_lines, compression=st.sampled_from(["", ".gz", ".bz2", ".zst"]))
def test_every_line_becomes_an_article_or_a_reject(tmp_path_factory, lines, compression):
    data = b"".join(line.replace(b"\r", b"") + b"\n" for line in lines)
    p = tmp_path_factory.mktemp("prop") / f"in.jsonl{compression}"
    p.write_bytes(compress(compression[1:], data) if compression else data)
    arts, rejects = read([p])  # never raises
    blank = sum(1 for n, line in enumerate(data.split(b"\n")[:-1])
                if line.decode("utf-8", "replace").lstrip("\ufeff" if n == 0 else "").strip() == "")
    assert len(arts) + len(rejects) + blank == len(lines)
    origins = sorted([a.origin for a in arts] + [r.origin for r in rejects], key=lambda o: int(o.rsplit(":", 1)[1]))
    assert len(set(origins)) == len(origins)  # one outcome per line
    for a in arts:
        a.text.encode("utf-8")  # storable


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(["", ".txt", ".html", ".xml", ".warc", ".jsonl.gz"]))
def test_random_bytes_never_raise(tmp_path_factory, data, suffix):
    p = tmp_path_factory.mktemp("bytes") / f"in{suffix}"
    p.write_bytes(data)
    arts, rejects = read([p])
    for a in arts:
        a.text.encode("utf-8")
