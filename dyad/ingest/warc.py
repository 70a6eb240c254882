"""WARC archives (.warc, .warc.gz; the Common Crawl news format) → one article per HTML response.

Request, metadata and warcinfo records are skipped, and so are responses that are not HTML or
not a 2xx status (logged at debug level). Each article's origin is "file.warc.gz@OFFSET", the
byte offset of its record in the (compressed) file, so `warcio extract FILE OFFSET` shows it.
"""
from __future__ import annotations

import logging
from typing import Any, Iterator

from dyad.errors import BadRecord
from dyad.ingest._base import ReadContext
from dyad.ingest.html import html_to_article
from dyad.models import Article

log = logging.getLogger("dyad")

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_payload(ctx: ReadContext, record: Any) -> tuple[bytes | Exception | None, str | None]:
    """(HTML bytes, None) for an HTML response or resource; (None, why) for a record to skip."""
    if record.rec_type not in ("response", "resource"):
        return None, None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None, f"response without HTTP headers ({url})"
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None, f"HTTP status {status} ({url})"
        ctype = (http.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if not ctype.startswith(HTML_TYPES):
        return None, f"content type {ctype!r} ({url})"
    try:
        raw = record.content_stream().read(ctx.max_html_bytes + 1)
    except Exception as e:  # bad transfer or content encoding
        return e, None
    missing = getattr(record.raw_stream, "limit", 0)
    if len(raw) <= ctx.max_html_bytes and missing:  # the archive ends inside this record
        return EOFError(f"archive truncated: record is {missing} bytes short"), None
    return raw, None


def read_warc(ctx: ReadContext, path: str) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(path, "rb")
    except OSError as e:
        ctx.reject(path, f"cannot open: {e.strerror or e}")
        return
    try:
        records = ArchiveIterator(fh, no_record_parse=False, arc2warc=True)
        it = iter(records)
        offset = 0  # of the record being read; warcio knows it only once the record is read to the end
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as e:  # truncated or corrupt archive: keep what was read
                ctx.reject(f"{path}@{offset}", f"read error: {type(e).__name__}: {e}")
                break
            raw, reason = _html_payload(ctx, record)
            try:
                offset = records.get_record_offset()
                next_offset = offset + records.get_record_length()
            except Exception as e:  # truncated record
                ctx.reject(f"{path}@{offset}", f"read error: {type(e).__name__}: {e}")
                break
            origin = f"{path}@{offset}"
            if reason:
                log.debug("%s: skipped: %s", origin, reason)
            elif isinstance(raw, Exception):
                ctx.reject(origin, f"read error: {type(raw).__name__}: {raw}")
                break
            elif raw is not None:
                try:
                    yield html_to_article(ctx, raw, origin, url=record.rec_headers.get_header("WARC-Target-URI"))
                except BadRecord as e:
                    ctx.reject(origin, e.reason, raw[:200].decode("utf-8", errors="replace"))
            offset = next_offset
    finally:
        fh.close()
