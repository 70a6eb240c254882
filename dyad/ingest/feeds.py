"""RSS and Atom feed files → one article per entry (its content, else its summary), with the
entry's published (else updated) date and link. Origin: "feed.xml#3" for the third entry."""
from __future__ import annotations

import calendar
import logging
import time
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from typing import Any, Iterator

from dyad.errors import BadRecord
from dyad.ingest._base import ReadContext, parse_published, read_whole_file
from dyad.models import Article

log = logging.getLogger("dyad")

_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): tags dropped, blocks on new lines."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            return parse_published(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date())
    for key in ("published", "updated"):
        if entry.get(key):
            return parse_published(entry.get(key))
    return None


def _entry_text(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return html_fragment_text(value)
    summary = entry.get("summary")
    return html_fragment_text(summary) if summary else None


def read_feed(ctx: ReadContext, path: str) -> Iterator[Article]:
    import feedparser

    raw = read_whole_file(ctx, path, "feed")
    if raw is None:
        return
    feed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        ctx.reject(path, f"not a feed, or a feed with no entries{why}", raw[:200].decode("utf-8", errors="replace"))
        return
    source = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        origin = f"{path}#{n}"
        text = None
        try:
            text = _entry_text(entry)
            yield ctx.article(text, origin, id=entry.get("id") or None, published=_entry_date(entry),
                              title=entry.get("title"), source=source, url=entry.get("link"))
        except BadRecord as e:
            ctx.reject(origin, e.reason, text or str(entry.get("title") or ""))
