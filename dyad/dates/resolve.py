"""Resolve the date of an event from the words of its sentence and the article's publication date.

Rules (small and exact on purpose):

* Weekdays ("Friday", "on Monday", "Monday night") are past-leaning: they name the most recent such day on or
  before publication, the publication day included. When the sentence puts the weekday in the future
  ("will visit on Monday", "would be at the White House Friday", "is set to meet Monday", "next Monday") they
  name the next such day on or after publication (the same day if it matches). "next Monday" is always after
  publication; "last Monday" always before.
* Relative words: today / tonight / this morning / earlier this week → publication date; yesterday / last
  night → −1 day; tomorrow → +1; "last week" → −7; "next week" → +7; "N days ago", "N weeks ago".
* Explicit dates ("Jan. 5", "January 5", "5 January", "Jan 5, 2026", "2026-01-05") are parsed with dateparser.
  Without a year, the year that puts the date on or before publication is chosen (on or after it, give or take
  a few days, when the sentence is future-tense), unless that is more than 300 days back while the same day
  comes within 45 days after publication ("the Jan. 22 conference" in a January 2 article).
* Vague periods ("last month", "last year", "this year", "in 2019", "since 2019") give no event date: a day is
  never invented. Year-only numbers are never dates.
* The first expression (in sentence order) that resolves wins. If none does, the publication date is used
  (source "published"); with no publication date either, the result is (None, "none", None).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["ResolvedDate", "resolve_event_date"]


@dataclass(frozen=True)
class ResolvedDate:
    date: date | None
    source: str  # "text" | "published" | "none"
    text: str | None  # the words that gave it


# --------------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------------

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

# Relative expressions → offset in days from the publication date. Longest first when matching.
RELATIVE_DAYS: dict[str, int] = {
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "earlier this week": 0,
    "this week": 0,
    "tomorrow": 1,
    "last week": -7,
    "next week": 7,
}

# Vague periods: recognised only so that they are skipped (no day is invented for them).
VAGUE_PERIODS: tuple[str, ...] = (
    "last month", "last year", "this month", "this year", "earlier this month", "earlier this year",
    "next month", "next year", "recent weeks", "recent months", "recent days", "past week", "past month",
    "past year", "the past decade", "last decade",
)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Words that put what follows in the future.
FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|won't|wouldn't|'ll|is to|are to|(?:is|are|was|were) (?:set|due) to|"
    r"plans? to|planned to|planning to|scheduled|expected to|"
    r"going to|intends? to|hopes? to|aims? to|upcoming|next)\b",
    re.IGNORECASE,
)
# Reporting verbs: a future cue on the far side of one of these belongs to another clause.
_CLAUSE_BREAK = re.compile(
    r"[;:()\u2014]|\b(?:said|says|told|tells|announced|reported|stated|added|according)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"

# Month names are matched case-sensitively ("may" and "march" are also verbs).
_ISO_RE = re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
_MDY_RE = re.compile(
    rf"(?<![\w.])(?P<month>{_MONTH_NAMES})\s+(?P<day>{_DAY})(?![\w-])(?:(?:,\s*|\s+)(?P<year>{_YEAR})\b)?"
)
_DMY_RE = re.compile(
    rf"(?<![\w.])(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})(?![\w])(?:,?\s+(?P<year>{_YEAR})\b)?"
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>last|next|this|past|coming)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!s\b)",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(RELATIVE_DAYS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(VAGUE_PERIODS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_AGO_RE = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>days?|weeks?)\s+ago\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Match:
    start: int  # offsets in the sentence
    end: int
    kind: str  # "iso" | "mdy" | "dmy" | "weekday" | "relative" | "ago" | "vague"
    m: re.Match[str]
    context: str  # the string that start/end index: the sentence, or the span when it is not in the sentence


def _scan(segment: str, offset: int = 0, context: str | None = None) -> list[_Match]:
    """Date expressions in `segment`, in order, without overlaps (longer/explicit forms win)."""
    found: list[_Match] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in (("iso", _ISO_RE), ("mdy", _MDY_RE), ("dmy", _DMY_RE), ("ago", _AGO_RE),
                     ("vague", _VAGUE_RE), ("relative", _RELATIVE_RE), ("weekday", _WEEKDAY_RE)):
        for m in rx.finditer(segment):
            s, e = m.span()
            if not free(s, e):  # explicit dates are scanned first and keep their words
                continue
            taken.append((s, e))
            found.append(_Match(s + offset, e + offset, kind, m, segment if context is None else context))
    # A weekday directly before an explicit date ("Monday, Jan. 5") is part of that date.
    explicit = [f for f in found if f.kind in ("iso", "mdy", "dmy")]
    out = []
    for f in found:
        if f.kind == "weekday" and any(
            0 <= x.start - f.end <= 2 and segment[f.end - offset:x.start - offset].strip(" ,") == "" for x in explicit
        ):
            continue
        out.append(f)
    out.sort(key=lambda f: f.start)
    return out


# --------------------------------------------------------------------------------------------------
# Tense
# --------------------------------------------------------------------------------------------------


def _is_future(sentence: str, start: int, end: int) -> bool:
    """Does the sentence put the date expression at [start, end) in the future?

    Looks left for a future cue within the same clause (up to 12 words, not across a reporting verb, `;:(`,
    or a past-tense verb after the cue: "Maduro, who will step down, met Trump on Monday" is past). A date at
    the very start of the sentence ("On Monday, X will …") looks right instead, at the next five words.
    """
    left = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    left = " ".join(left.split()[-12:])
    cues = list(FUTURE_CUES.finditer(left))
    if cues and not _has_past_verb(left[cues[-1].end():]):
        return True
    if len(sentence[:start].split()) <= 2:  # fronted: "On Monday, …", "Monday …"
        right = sentence[end:]
        brk = _CLAUSE_BREAK.search(right)
        if brk:
            right = right[:brk.start()]
        right = " ".join(right.replace(",", " ").split()[:5])
        cue = FUTURE_CUES.search(right)
        return bool(cue and cue.group(0).lower() != "next")
    return False


_PAST_IRREGULAR = frozenset(
    "met said told went came took gave made saw spoke began fought held left sent won lost led fled struck "
    "shot hit ran met brought bought thought found kept became rose fell flew drew wrote broke chose".split()
)
_AUX_BEFORE_PARTICIPLE = frozenset("be been being have has had was were is are".split())


def _has_past_verb(words_text: str) -> bool:
    """A finite past-tense verb (heuristic: -ed or a common irregular, not after be/have)."""
    words = re.findall(r"[A-Za-z']+", words_text)
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in _PAST_IRREGULAR or (len(lw) > 4 and lw.endswith("ed")):
            if i > 0 and words[i - 1].lower() in _AUX_BEFORE_PARTICIPLE:
                continue
            return True
    return False


# --------------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------------


def _parse_explicit(s: str, base: date | None) -> date | None:
    import dateparser  # imported lazily: it loads language data on first use

    rel = datetime.combine(base, datetime.min.time()) if base else datetime(2000, 1, 1)
    settings = {
        "RELATIVE_BASE": rel,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month"],
    }
    try:
        dt = dateparser.parse(s, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        dt = None
    return dt.date() if dt else None


WEEKDAY_BEFORE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+$", re.I)


def _year_of_weekday(d: date, weekday: int, reach: int = 6) -> date | None:
    """The same month and day in the nearest year (within `reach`) on which it fell on `weekday`;
    the earlier year when two are as near."""
    for k in range(1, reach + 1):
        for y in (d.year - k, d.year + k):
            c = _safe_date(y, d.month, d.day)
            if c is not None and c.weekday() == weekday:
                return c
    return None


def _pick_year(month: int, day: int, published: date, future: bool) -> date | None:
    options = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:  # 29 February
            pass
    if future:
        ok = [d for d in options if d >= published - timedelta(days=3)]
        return min(ok) if ok else None
    ok = [d for d in options if d <= published]
    best = max(ok) if ok else None
    ahead = [d for d in options if published < d <= published + timedelta(days=45)]
    if best is not None and (published - best).days > 300 and ahead:
        return min(ahead)  # "the Jan. 22 conference" in a January 2 article: this month's, not last year's
    return best


def _resolve_one(f: _Match, published: date | None, future: bool = False) -> date | None:
    m, sentence = f.m, f.context
    if f.kind == "vague":
        return None
    if f.kind == "iso":
        return _parse_explicit(m.group(0), published) or _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if f.kind in ("mdy", "dmy"):
        parsed = _parse_explicit(m.group(0), published)
        if parsed is None:
            return None
        if m["year"]:
            return parsed
        if published is None:
            return None  # no year and nothing to anchor it: do not invent one
        picked = _pick_year(parsed.month, parsed.day, published, future or _is_future(sentence, f.start, f.end))
        wd = WEEKDAY_BEFORE.search(sentence[max(0, f.start - 14):f.start])
        if picked is not None and wd and picked.weekday() != WEEKDAYS[wd.group(1).lower()]:
            # "on Wednesday, November 19" in a 2016 page: the year whose November 19 was a Wednesday
            # (2014: a photo caption kept from earlier, or added later)
            return _year_of_weekday(picked, WEEKDAYS[wd.group(1).lower()]) or picked
        return picked
    if published is None:
        return None  # everything below is relative to publication
    if f.kind == "relative":
        key = " ".join(m.group(0).lower().split())
        return published + timedelta(days=RELATIVE_DAYS[key])
    if f.kind == "ago":
        n_txt = m["n"].lower()
        n = int(n_txt) if n_txt.isdigit() else NUMBER_WORDS[n_txt]
        days = n * (7 if m["unit"].lower().startswith("week") else 1)
        return published - timedelta(days=days)
    if f.kind == "weekday":
        wd = WEEKDAYS[m["wd"].lower()]
        mod = (m["mod"] or "").lower()
        back = (published.weekday() - wd) % 7  # days back to the most recent such day (0 = publication day)
        fwd = (wd - published.weekday()) % 7  # days forward to the next such day (0 = publication day)
        if mod in ("last", "past"):
            return published - timedelta(days=back or 7)
        if mod in ("next", "coming"):
            return published + timedelta(days=fwd or 7)
        if future or _is_future(sentence, f.start, f.end):
            return published + timedelta(days=fwd)
        return published - timedelta(days=back)
    return None


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _candidates(text: str, date_spans: Sequence[str]) -> list[_Match]:
    if not date_spans:
        return _scan(text)
    out: list[_Match] = []
    pos = 0
    for span in date_spans:
        if not span or not span.strip():
            continue
        at = text.find(span, pos)
        if at < 0:
            at = text.find(span)
        if at < 0:
            # The span is not in the sentence as given: scan it on its own (its own words are the context).
            out.extend(_scan(span))
            continue
        out.extend(_scan(text[at:at + len(span)], at, text))
        pos = at + len(span)
    return out


def resolve_event_date(text: str, published: date | None, *, date_spans: Sequence[str] = (),
                       future: bool = False) -> ResolvedDate:
    """The event date a sentence gives, else the publication date.

    `text` is the sentence; `date_spans`, if given, are the DATE entity texts found in it (e.g. by spaCy), used
    instead of scanning the whole sentence. `future`: the event is still ahead (a planned visit), so
    "Friday" or "March 3" is the next one, not the last.
    """
    if isinstance(published, datetime):
        published = published.date()
    text = text or ""
    for f in _candidates(text, tuple(date_spans)):
        d = _resolve_one(f, published, future)
        if d is not None:
            return ResolvedDate(d, "text", f.m.group(0))
    if published is not None:
        return ResolvedDate(published, "published", None)
    return ResolvedDate(None, "none", None)
