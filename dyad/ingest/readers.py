"""Read articles from JSONL (plain or gzipped), stdin or plain-text files.

Bad records never stop a run: each one becomes a `Reject` (passed to `on_reject` and logged
on the "dyad" logger) and reading goes on with the next record.
"""
from __future__ import annotations

import gzip
import json
import logging
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from dyad.errors import BadRecord, DyadError
from dyad.models import Article, Reject, content_id
from dyad.settings import get_settings

log = logging.getLogger("dyad")

SNIPPET_CHARS = 80
MIN_PUBLISHED = date(1900, 1, 1)
MAX_DAYS_AHEAD = 2  # published dates later than today + this are rejected

JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")
STDIN = "-"
STDIN_NAME = "<stdin>"

# dateparser is only the fallback for non-ISO strings. Relative expressions ("yesterday",
# "3 days ago", "Friday") are switched off and a year and month must be written out.
_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["year", "month"],
    "PARSERS": ["custom-formats", "absolute-time"],
}

RejectHandler = Callable[[Reject], None]


# --------------------------------------------------------------------------- dates


def parse_published(value: Any) -> date | None:
    """Parse a publication date; None/"" give None. Raises BadRecord on anything unusable.

    ISO dates and datetimes are parsed directly (the calendar date as written is kept, no
    time-zone shift); other strings go through dateparser with relative parsing disabled.
    Dates before 1900-01-01 or more than two days after today are rejected.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        d = _parse_date_string(s)
        if d is None:
            raise BadRecord(f"bad published date {value!r}: not a recognisable date")
    else:
        raise BadRecord(f"bad published date {value!r}: not a string")
    if d < MIN_PUBLISHED:
        raise BadRecord(f"bad published date {value!r}: before {MIN_PUBLISHED.isoformat()}")
    latest = date.today() + timedelta(days=MAX_DAYS_AHEAD)
    if d > latest:
        raise BadRecord(f"bad published date {value!r}: in the future (after {latest.isoformat()})")
    return d


def _parse_date_string(s: str) -> date | None:
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return date.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for non-ISO dates

    try:
        dt = dateparser.parse(s, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return dt.date() if dt is not None else None


# --------------------------------------------------------------------------- records


def _snippet(text: str) -> str:
    return text[:SNIPPET_CHARS]


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    return s if s.strip() else None


def _check_text(text: Any, max_chars: int) -> str:
    if text is None:
        raise BadRecord("no text")
    if not isinstance(text, str):
        raise BadRecord("text is not a string")
    if not text.strip():
        raise BadRecord("no text")
    if len(text) > max_chars:
        raise BadRecord(f"text too long ({len(text)} chars > {max_chars})")
    return text


def _record_to_article(obj: Any, origin: str, default_published: date | None, max_chars: int) -> Article:
    if not isinstance(obj, dict):
        raise BadRecord("not a JSON object")
    text = _check_text(obj.get("text"), max_chars)
    published = parse_published(obj.get("published"))
    if published is None:
        published = default_published
    title = _opt_str(obj.get("title"))
    art_id = _opt_str(obj.get("id"))
    if art_id is None:
        art_id = content_id(text, title, published.isoformat() if published else None)
    return Article(
        id=art_id.strip(),
        text=text,
        published=published,
        title=title,
        source=_opt_str(obj.get("source")),
        url=_opt_str(obj.get("url")),
        origin=origin,
    )


# --------------------------------------------------------------------------- files


def _is_jsonl(path: str) -> bool:
    return path == STDIN or path.lower().endswith(JSONL_SUFFIXES)


def _open_binary(path: str) -> IO[bytes]:
    if path == STDIN:
        buf = getattr(sys.stdin, "buffer", None)
        if buf is not None:
            return buf
        # stdin replaced by a text stream (tests, notebooks): re-encode it
        return _TextAsBytes(sys.stdin)
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


class _TextAsBytes:
    def __init__(self, stream: IO[str]):
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for line in self._stream:
            yield line.encode("utf-8", errors="surrogateescape")

    def close(self) -> None:  # never close the real stdin
        pass


class _Reader:
    def __init__(self, on_reject: RejectHandler | None, default_published: date | None):
        self.on_reject = on_reject
        self.default_published = default_published
        self.max_chars = get_settings().max_text_chars

    def reject(self, origin: str, reason: str, snippet: str = "") -> None:
        log.warning("%s: rejected: %s", origin, reason)
        if self.on_reject is not None:
            self.on_reject(Reject(origin=origin, reason=reason, snippet=_snippet(snippet)))

    def read_jsonl(self, path: str) -> Iterator[Article]:
        name = STDIN_NAME if path == STDIN else path
        try:
            fh = _open_binary(path)
        except OSError as e:
            self.reject(name, _os_reason(e))
            return
        lineno = 0
        try:
            lines = iter(fh)
            while True:
                try:
                    raw = next(lines)
                except StopIteration:
                    break
                except (OSError, EOFError, ValueError) as e:  # corrupt/truncated gzip etc.
                    self.reject(f"{name}:{lineno + 1}", f"read error: {e}")
                    break
                lineno += 1
                origin = f"{name}:{lineno}"
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as e:
                    self.reject(origin, f"invalid UTF-8: {e}", raw.decode("utf-8", errors="replace").rstrip("\r\n"))
                    continue
                if lineno == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    self.reject(origin, f"invalid JSON: {e}", line)
                    continue
                try:
                    yield _record_to_article(obj, origin, self.default_published, self.max_chars)
                except BadRecord as e:
                    self.reject(origin, e.reason, line)
        finally:
            if path != STDIN:
                fh.close()

    def read_text(self, path: str) -> Iterator[Article]:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as e:
            self.reject(path, _os_reason(e))
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            self.reject(path, f"invalid UTF-8: {e}", raw.decode("utf-8", errors="replace"))
            return
        try:
            text = _check_text(text, self.max_chars)
        except BadRecord as e:
            self.reject(path, e.reason, text)
            return
        published = self.default_published
        yield Article(
            id=content_id(text, None, published.isoformat() if published else None),
            text=text,
            published=published,
            origin=path,
        )


def _os_reason(e: OSError) -> str:
    return f"cannot open: {e.strerror}" if e.strerror else f"cannot open: {e}"


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    on_reject: RejectHandler | None = None,
) -> Iterator[Article]:
    """Yield Articles from JSONL files (.jsonl/.json/.ndjson, optionally .gz), "-" (JSONL on
    stdin) or plain-text files (any other name: the whole file is one article).

    `published` is the publication date of plain-text files, and the default for JSONL
    records that have no `published` value. Bad records become `Reject`s passed to
    `on_reject` (and logged); iteration goes on.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    try:
        default = parse_published(published)
    except BadRecord as e:
        raise DyadError(f"published= argument: {e.reason}") from None
    reader = _Reader(on_reject, default)
    for p in paths:
        path = str(p)
        if _is_jsonl(path):
            yield from reader.read_jsonl(path)
        else:
            yield from reader.read_text(path)


def article_from_dict(obj: Any, *, origin: str = "<python>", published: date | None = None) -> Article:
    """One Article from a dict with the JSONL fields; raises BadRecord with the reason."""
    return _record_to_article(obj, origin, published, get_settings().max_text_chars)
