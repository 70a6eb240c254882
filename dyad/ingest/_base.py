"""What every reader shares: publication dates, the checks a record must pass, and rejects.

A reader turns its input into candidate articles and hands each to `ReadContext.article()`,
which runs the checks (text present, a string, not too long, not binary, English, no id
reused with different text) and raises `BadRecord` with the reason when one fails; the
reader then calls `ReadContext.reject()` and goes on with the next record.
"""
from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime, timedelta
from typing import Any, Callable

from dyad.errors import BadRecord
from dyad.models import Article, Reject, content_id
from dyad.settings import get_settings

log = logging.getLogger("dyad")

SNIPPET_CHARS = 80
MIN_PUBLISHED = date(1900, 1, 1)
MAX_DAYS_AHEAD = 2  # published dates later than today + this are rejected

RejectHandler = Callable[[Reject], None]
DUPLICATE_ID = "duplicate id with different text"

# dateparser is only the fallback for non-ISO strings. Relative expressions ("yesterday",
# "3 days ago", "Friday") are switched off and a year and month must be written out.
_DATEPARSER_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["year", "month"],
    "PARSERS": ["custom-formats", "absolute-time"],
}


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


# --------------------------------------------------------------------------- checks


def snippet(text: str) -> str:
    return text[:SNIPPET_CHARS]


def opt_str(value: Any) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    return s if s.strip() else None


def clean_str(value: Any) -> str | None:
    """opt_str, made storable: NUL characters dropped, lone surrogates (from JSON escapes) replaced."""
    s = opt_str(value)
    if s is None:
        return None
    s = s.replace("\x00", "")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-8", errors="replace").decode("utf-8")
    return s if s.strip() else None


def check_text(text: Any, max_chars: int) -> str:
    """The text itself, or BadRecord: missing, not a string, blank, or longer than max_chars."""
    if text is None:
        raise BadRecord("no text")
    if not isinstance(text, str):
        raise BadRecord("text is not a string")
    if not text.strip():
        raise BadRecord("no text")
    if len(text) > max_chars:
        raise BadRecord(f"text too long ({len(text)} chars > {max_chars})")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def check_binary(text: str) -> None:
    """BadRecord when the text looks like binary data (NUL bytes or many control characters)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadRecord(f"invalid Unicode in text: {e.reason} at {e.start}") from None
    head = text[:20000]
    if "\x00" in text or len(_CONTROL.findall(head)) > max(3, len(head) // 50):
        raise BadRecord("binary data, not text")


# Words that are frequent in English news and rare in other languages written in Latin letters
# (no "a", "de", "in", "was", "die": they are common elsewhere too).
_ENGLISH_WORDS = frozenset(
    "the and of to is that for with said by from has have it its his her they were are as this "
    "which after will would not but be been who their about than also had on at an".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LANGUAGE_SAMPLE_CHARS = 5000  # the check reads only the start of the text
MIN_ASCII_LETTERS = 0.7  # share of letters that must be a-z
MIN_ENGLISH_WORDS = 0.08  # share of words that must be in _ENGLISH_WORDS
MIN_WORDS_TO_JUDGE = 15  # shorter texts are not judged by their words
MIN_LETTERS_TO_JUDGE = 40  # nor by their letters


def not_english_reason(text: str) -> str | None:
    """Why the text is not English, or None. Cheap: letter script and common-word share only.

    Texts with fewer than MIN_LETTERS_TO_JUDGE letters and MIN_WORDS_TO_JUDGE words are given the
    benefit of the doubt.
    """
    words = _WORD.findall(text[:LANGUAGE_SAMPLE_CHARS])
    letters = sum(len(w) for w in words)
    if letters >= MIN_LETTERS_TO_JUDGE:  # scripts without spaces (Chinese, Japanese) are one long "word"
        ascii_letters = sum(1 for w in words for c in w if c.isascii())
        if ascii_letters / letters < MIN_ASCII_LETTERS:
            return f"not English: only {ascii_letters * 100 // letters}% of letters are a-z"
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    common = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    if common / len(words) < MIN_ENGLISH_WORDS:
        return f"not English: only {common * 100 // len(words)}% of words are common English words"
    return None


def text_hash(text: str) -> str:
    """A short digest of an article's text (duplicate-id checks). Equals left(md5(text), 16) in DuckDB."""
    return hashlib.md5(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


# --------------------------------------------------------------------------- context


class ReadContext:
    """Settings and state shared by the readers of one `read_articles` call."""

    def __init__(self, on_reject: RejectHandler | None, default_published: date | None):
        settings = get_settings()
        self.on_reject = on_reject
        self.default_published = default_published
        self.max_chars = settings.max_text_chars
        self.check_english = settings.check_english
        # a record longer than this many bytes is rejected unread (JSON may escape a char as \uXXXX)
        self.max_record_bytes = self.max_chars * 6 + 65536
        self.max_html_bytes = max(self.max_chars * 50, 1 << 20)
        self._seen: dict[str, str] = {}  # article id -> text_hash, for duplicate ids

    def reject(self, origin: str, reason: str, text: str = "") -> None:
        origin = clean_str(origin) or "?"
        log.warning("%s: rejected: %s", origin, reason)
        if self.on_reject is not None:
            self.on_reject(Reject(origin=origin, reason=clean_str(reason) or "?",
                                  snippet=clean_str(snippet(text)) or ""))

    def article(self, text: Any, origin: str, *, id: Any = None, published: date | None = None,
                title: Any = None, source: Any = None, url: Any = None) -> Article:
        """An Article that passed every check, or BadRecord. `published` None means the default."""
        text = check_text(text, self.max_chars)
        check_binary(text)
        if self.check_english:
            reason = not_english_reason(text)
            if reason:
                raise BadRecord(reason)
        if published is None:
            published = self.default_published
        title = clean_str(title)
        art_id = clean_str(id)
        if art_id is None:
            art_id = content_id(text, title, published.isoformat() if published else None)
        art_id = art_id.strip()
        digest = text_hash(text)
        seen = self._seen.setdefault(art_id, digest)
        if seen != digest:
            raise BadRecord(DUPLICATE_ID)
        return Article(id=art_id, text=text, published=published, title=title,
                       source=clean_str(source), url=clean_str(url), origin=clean_str(origin))


def read_whole_file(ctx: "ReadContext", path: str, what: str) -> bytes | None:
    """The bytes of a one-record file (an HTML page, a feed), at most ctx.max_html_bytes; None, with
    a reject naming the file and the reason, when it cannot be opened or read or is too large."""
    from dyad.ingest._io import open_binary

    try:
        fh = open_binary(path)
    except OSError as e:
        ctx.reject(path, f"cannot open: {e.strerror or e}")
        return None
    try:
        raw = fh.read(ctx.max_html_bytes + 1)
    except Exception as e:  # corrupt compressed file, I/O error
        ctx.reject(path, f"read error: {type(e).__name__}: {e}")
        return None
    finally:
        fh.close()
    if len(raw) > ctx.max_html_bytes:
        ctx.reject(path, f"{what} too large ({len(raw)} bytes > {ctx.max_html_bytes})")
        return None
    return raw
