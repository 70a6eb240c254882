"""HTML pages → articles: main text, title and publication date extracted with trafilatura."""
from __future__ import annotations

import logging
from datetime import date
from typing import Iterator

from dyad.errors import BadRecord
from dyad.ingest._base import ReadContext, parse_published, read_whole_file
from dyad.models import Article

log = logging.getLogger("dyad")


def html_to_article(ctx: ReadContext, raw: bytes | str, origin: str, *, url: str | None = None) -> Article:
    """The article in one HTML page; BadRecord when the page has no main text.

    The date is the page's own publication date as trafilatura (htmldate) finds it; when there is
    none, or it is out of range, the reader's default `published` is used.
    """
    import trafilatura

    if len(raw) > ctx.max_html_bytes:
        raise BadRecord(f"HTML page too large ({len(raw)} bytes > {ctx.max_html_bytes})")
    if isinstance(raw, bytes) and b"\x00" in raw[:20000]:
        raise BadRecord("binary data, not text")
    try:
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                          date_extraction_params={"original_date": True,
                                                                  "extensive_search": False})
    except Exception as e:  # lxml and trafilatura raise assorted errors on broken markup
        raise BadRecord(f"HTML not parseable: {type(e).__name__}: {e}") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise BadRecord("no main text in HTML page")
    published: date | None = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = parse_published(raw_date)
        except BadRecord as e:
            log.debug("%s: page date ignored: %s", origin, e.reason)
    return ctx.article(text, origin, published=published, title=getattr(doc, "title", None),
                       source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
                       url=url or getattr(doc, "url", None))


def read_html_file(ctx: ReadContext, path: str) -> Iterator[Article]:
    """One article from an HTML file (optionally gzip/bzip2/zstd compressed); origin is the path."""
    raw = read_whole_file(ctx, path, "HTML page")
    if raw is None:
        return
    try:
        yield html_to_article(ctx, raw, path)
    except BadRecord as e:
        ctx.reject(path, e.reason, raw[:200].decode("utf-8", errors="replace"))
