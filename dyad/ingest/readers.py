"""Read articles from JSONL (plain, gzip, bzip2 or zstd), stdin, plain text, HTML pages, WARC
archives and RSS/Atom feeds, or directories of them.

The format comes from the file's suffix, or from its first bytes when the suffix says nothing.
Bad records never stop a run: each one becomes a `Reject` (passed to `on_reject` and logged
on the "dyad" logger) and reading goes on with the next record.

Each article's `origin` says where it came from: "file.jsonl.bz2:17" (line), "file.warc.gz@12345"
(record offset), "feed.xml#3" (entry number), or the path of an HTML or text file.
"""
from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from dyad.errors import BadRecord, DyadError
from dyad.ingest._base import (
    RejectHandler,
    ReadContext,
    check_text,
    opt_str,
    parse_published,
)
from dyad.ingest._io import STDIN, STDIN_NAME, detect_format, expand_paths, open_binary, read_lines
from dyad.models import Article, content_id
from dyad.settings import get_settings

log = logging.getLogger("dyad")

__all__ = ["read_articles", "parse_published", "article_from_dict", "ArticleReader"]


def _os_reason(e: OSError) -> str:
    return f"cannot open: {e.strerror}" if e.strerror else f"cannot open: {e}"


class ArticleReader:
    """Reads inputs one file at a time with shared state (duplicate ids across files).

    `read_articles` is the usual way in; `dyad.store.load.ingest` uses this class to know which
    file each article comes from.
    """

    def __init__(self, *, published: date | str | None = None, on_reject: RejectHandler | None = None):
        try:
            default = parse_published(published)
        except BadRecord as e:
            raise DyadError(f"published= argument: {e.reason}") from None
        self.ctx = ReadContext(on_reject, default)

    @staticmethod
    def files(paths: Iterable[str | Path] | str | Path) -> list[str]:
        """The input files: paths as given, each directory replaced by its files (recursive, sorted)."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return list(expand_paths([str(p) for p in paths]))

    def read(self, path: str) -> Iterator[Article]:
        """The articles of one file (not a directory), in order, in the format it is detected as."""
        fmt = detect_format(path)
        if fmt == "jsonl":
            return self.read_jsonl(path)
        if fmt == "warc":
            from dyad.ingest.warc import read_warc

            return read_warc(self.ctx, path)
        if fmt == "html":
            from dyad.ingest.html import read_html_file

            return read_html_file(self.ctx, path)
        if fmt == "feed":
            from dyad.ingest.feeds import read_feed

            return read_feed(self.ctx, path)
        return self.read_text(path)

    # ------------------------------------------------------------------ JSONL

    def read_jsonl(self, path: str) -> Iterator[Article]:
        ctx = self.ctx
        name = STDIN_NAME if path == STDIN else path
        try:
            fh = open_binary(path)
        except OSError as e:
            ctx.reject(name, _os_reason(e))
            return
        lineno = 0
        try:
            lines = read_lines(fh, ctx.max_record_bytes)
            while True:
                try:
                    raw = next(lines)
                except StopIteration:
                    break
                except Exception as e:  # corrupt or truncated gzip/bzip2/zstd, I/O error
                    ctx.reject(f"{name}:{lineno + 1}", f"read error: {type(e).__name__}: {e}")
                    break
                lineno += 1
                origin = f"{name}:{lineno}"
                if raw is None:
                    ctx.reject(origin, f"record too long (over {ctx.max_record_bytes} bytes)")
                    continue
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as e:
                    ctx.reject(origin, f"invalid UTF-8: {e}", raw.decode("utf-8", errors="replace").rstrip("\r\n"))
                    continue
                if lineno == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError) as e:
                    ctx.reject(origin, f"invalid JSON: {e}", line)
                    continue
                try:
                    yield _record_to_article(ctx, obj, origin)
                except BadRecord as e:
                    ctx.reject(origin, e.reason, line)
        finally:
            if path != STDIN:
                fh.close()

    # ------------------------------------------------------------------ text

    def read_text(self, path: str) -> Iterator[Article]:
        ctx = self.ctx
        try:
            fh = open_binary(path)
        except OSError as e:
            ctx.reject(path, _os_reason(e))
            return
        try:
            raw = fh.read(ctx.max_record_bytes + 1)
        except Exception as e:  # corrupt compressed file, I/O error
            ctx.reject(path, f"read error: {type(e).__name__}: {e}")
            return
        finally:
            fh.close()
        if len(raw) > ctx.max_record_bytes:
            ctx.reject(path, f"record too long (over {ctx.max_record_bytes} bytes)")
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            ctx.reject(path, f"invalid UTF-8: {e}", raw.decode("utf-8", errors="replace"))
            return
        try:
            yield ctx.article(text, path)
        except BadRecord as e:
            ctx.reject(path, e.reason, text)


def _record_to_article(ctx: ReadContext, obj: Any, origin: str) -> Article:
    if not isinstance(obj, dict):
        raise BadRecord("not a JSON object")
    check_text(obj.get("text"), ctx.max_chars)  # text problems are reported before date problems
    return ctx.article(obj.get("text"), origin, id=obj.get("id"), published=parse_published(obj.get("published")),
                       title=obj.get("title"), source=obj.get("source"), url=obj.get("url"))


def read_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: date | str | None = None,
    on_reject: RejectHandler | None = None,
) -> Iterator[Article]:
    """Yield Articles from files and directories (recursively, sorted), or "-" (JSONL on stdin).

    Formats, by suffix (content sniffing when the suffix is unknown): JSONL (.jsonl/.json/.ndjson,
    optionally .gz/.bz2/.zst), HTML pages (.html/.htm: main text and date by trafilatura), WARC
    archives (.warc/.warc.gz: HTML responses), RSS/Atom feeds (.rss/.atom/.xml: one article per
    entry) and plain text (.txt and anything else: the whole file is one article).

    `published` is the publication date of plain-text files, and the default for records that
    have none. Bad records become `Reject`s passed to `on_reject` (and logged); iteration goes on.
    """
    reader = ArticleReader(published=published, on_reject=on_reject)
    for path in reader.files(paths):
        yield from reader.read(path)


def article_from_dict(obj: Any, *, origin: str = "<python>", published: date | None = None) -> Article:
    """One Article from a dict with the JSONL fields; raises BadRecord with the reason."""
    if not isinstance(obj, dict):
        raise BadRecord("not a JSON object")
    max_chars = get_settings().max_text_chars
    text = check_text(obj.get("text"), max_chars)
    pub = parse_published(obj.get("published"))
    if pub is None:
        pub = published
    title = opt_str(obj.get("title"))
    art_id = opt_str(obj.get("id"))
    if art_id is None:
        art_id = content_id(text, title, pub.isoformat() if pub else None)
    return Article(id=art_id.strip(), text=text, published=pub, title=title, source=opt_str(obj.get("source")),
                   url=opt_str(obj.get("url")), origin=origin)
