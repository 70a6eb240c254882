"""The SQL behind the dashboard and the HTTP API: typed functions over a read-only dyad store.

Every function takes a `Db` (a read-only `Store` plus a per-call cursor, so the server's worker threads
never share a DuckDB cursor) and returns plain Python values (dicts, lists, dataclasses) that serialise to
JSON as they are. Event lists are *dedup events* (`dedup_events`); one event's reports are its `mentions`.
"""
from __future__ import annotations

import html
import math
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dyad.errors import DyadError
from dyad.store import Store

EVENT_COLUMNS = [
    "dedup_event_id", "date", "last_date", "source_code", "source_name", "source_country", "cameo", "cameo_name",
    "root", "target_code", "target_name", "target_country", "goldstein", "quad_class", "plover",
    "location_name", "location_country", "lat", "lon", "num_mentions", "num_sources", "num_articles",
    "first_seen", "last_seen", "confidence", "modality", "event_id", "article_id", "sentence", "url", "outlet",
]
QUOTE_COLUMNS = [
    "quote_id", "article_id", "text", "speaker_text", "speaker_code", "speaker_country", "speaker_name",
    "anonymous", "verb", "span_start", "span_end", "sentence_index", "sentence", "published", "title",
]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


class NotFound(DyadError):
    """No row with that id."""


def plain(v: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, NaN as None, numpy scalars as Python ones."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        return plain(v.item())
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


class Db:
    """A read-only store opened once for the server's lifetime."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.store = Store(self.path, read_only=True)

    def close(self) -> None:
        self.store.close()

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.store.con.cursor()
        try:
            cur.execute(sql, params or [])
            cols = [d[0] for d in cur.description]
            return [{c: plain(v) for c, v in zip(cols, r)} for r in cur.fetchall()]
        finally:
            cur.close()

    def one(self, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None


# ------------------------------------------------------------------ filters and pages


@dataclass
class EventFilter:
    """Filters of an event list. Every field is optional; they combine with AND.

    actor: matches either side: a country code (`USA`), an actor code prefix (`USAGOV`) or part of the actor's
    name, case-insensitive (`maduro`). actor2: with actor, the other side of the pair (either direction).
    cameo: a CAMEO code prefix (`04` matches 040-046, `0874` only itself); root: the two-digit root.
    country: the country (ISO alpha-3) where the event happened. text: words in the sentence.
    """

    actor: str | None = None
    actor2: str | None = None
    cameo: str | None = None
    root: str | None = None
    country: str | None = None
    quad_class: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    min_mentions: int | None = None

    def active(self) -> dict[str, Any]:
        return {k: plain(v) for k, v in asdict(self).items() if v not in (None, "")}


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def _actor_sql(side: str) -> str:
    return (f"({side}_country = upper(?) OR starts_with({side}_code, upper(?)) "
            f"OR {side}_name ILIKE '%' || ? || '%')")


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    where, params = ["TRUE"], []
    if f.actor and f.actor2:
        a_s, a_t, b_s, b_t = _actor_sql("source"), _actor_sql("target"), _actor_sql("source"), _actor_sql("target")
        where.append(f"(({a_s} AND {b_t}) OR ({b_s} AND {a_t}))")
        params += [f.actor] * 3 + [f.actor2] * 3 + [f.actor2] * 3 + [f.actor] * 3
    elif f.actor or f.actor2:
        x = f.actor or f.actor2
        where.append(f"({_actor_sql('source')} OR {_actor_sql('target')})")
        params += [x] * 6
    if f.cameo:
        where.append("starts_with(cameo, ?)")
        params.append(f.cameo)
    if f.root:
        where.append("root = ?")
        params.append(f.root.zfill(2))
    if f.country:
        where.append("location_country = upper(?)")
        params.append(f.country)
    if f.quad_class:
        where.append("quad_class = ?")
        params.append(int(f.quad_class))
    if f.date_from:
        where.append("date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("date <= ?")
        params.append(f.date_to)
    if f.text:
        where.append("sentence ILIKE '%' || ? || '%'")
        params.append(f.text)
    if f.min_mentions and f.min_mentions > 1:
        where.append("num_mentions >= ?")
        params.append(int(f.min_mentions))
    return " AND ".join(where), params


def search_events(db: Db, f: EventFilter, *, limit: int = 50, offset: int = 0,
                  order: str = "date DESC") -> Page:
    """Dedup events matching `f`, newest first, one page of them, with the total count."""
    where, params = event_where(f)
    total = int(db.scalar(f"SELECT count(*) FROM dedup_events WHERE {where}", params) or 0)
    cols = ", ".join(EVENT_COLUMNS)
    items = db.rows(
        f"SELECT {cols} FROM dedup_events WHERE {where} "
        f"ORDER BY {order}, num_mentions DESC, dedup_event_id LIMIT ? OFFSET ?",
        params + [int(limit), int(offset)],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


# ------------------------------------------------------------------ overview


def counts(db: Db) -> dict[str, int]:
    """Rows in the store: articles, event reports, dedup events, quotes, actor mentions."""
    return {k: int(db.scalar(f"SELECT count(*) FROM {t}") or 0) for k, t in [
        ("articles", "articles"), ("reports", "events"), ("events", "dedup_events"), ("quotes", "quotes"),
        ("actors", "actors")]}


def date_span(db: Db) -> dict[str, Any]:
    return db.one("SELECT min(date) AS first, max(date) AS last FROM dedup_events") or {"first": None, "last": None}


def top_dyads(db: Db, f: EventFilter, *, limit: int = 10) -> list[dict[str, Any]]:
    """The most active pairs of countries (undirected) among the events matching `f`."""
    where, params = event_where(f)
    return db.rows(
        f"""SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions,
                   avg(goldstein) AS goldstein_mean, min(date) AS first, max(date) AS last
            FROM dedup_events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country AND {where}
            GROUP BY ALL ORDER BY events DESC, mentions DESC, a, b LIMIT ?""",
        params + [int(limit)],
    )


def map_points(db: Db, f: EventFilter, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Event locations (one point per place) with the number of events there and their mean Goldstein."""
    where, params = event_where(f)
    rows = db.rows(
        f"""SELECT location_name AS name, location_country AS country, round(lat, 2) AS lat, round(lon, 2) AS lon,
                   count(*) AS events, avg(goldstein) AS goldstein_mean, mode(quad_class) AS quad_class
            FROM dedup_events
            WHERE lat IS NOT NULL AND lon IS NOT NULL AND {where}
            GROUP BY ALL ORDER BY events DESC LIMIT ?""",
        params + [int(limit)],
    )
    for r in rows:  # the world map's user space: x = lon + 180, y = 90 - lat (scripts/build_worldmap.py)
        r["x"] = round(r["lon"] + 180, 2)
        r["y"] = round(90 - r["lat"], 2)
        r["r"] = round(min(1.2 + math.sqrt(r["events"]) * 0.9, 6), 2)
    return rows


# ------------------------------------------------------------------ dyads


def dyad(db: Db, a: str, b: str, *, by: str = "week", date_from: date | None = None, date_to: date | None = None,
         penalty: float = 3.0) -> dict[str, Any]:
    """The series between a and b (both directions) with its shifts, and the events behind it."""
    a, b = a.upper(), b.upper()
    breaks, series = db.store.shifts(a, b, by=by, date_from=date_from, date_to=date_to, penalty=penalty,
                                     with_series=True)
    evs = db.store.events(actor=a, target=b, directed=False, date_from=date_from, date_to=date_to)
    cols = [c for c in EVENT_COLUMNS if c in evs.columns]
    events = records(evs[cols]) if len(evs) else []
    for e in events:
        d = date.fromisoformat(e["date"]) if e.get("date") else None
        e["period"] = _period(d, by).isoformat() if d else None
    return {"a": a, "b": b, "by": by, "series": records(series) if len(series) else [],
            "shifts": records(breaks) if len(breaks) else [], "events": events}


def records(df: Any) -> list[dict[str, Any]]:
    """A pandas DataFrame as JSON-ready dicts."""
    return [{k: plain(v) for k, v in r.items()} for r in df.to_dict(orient="records")]


def _period(d: date, by: str) -> date:
    if by == "day":
        return d
    if by == "week":
        return d - timedelta(days=d.weekday())
    return d.replace(day=1)


# ------------------------------------------------------------------ one event


def event(db: Db, ident: str) -> dict[str, Any]:
    """A dedup event by `dedup_event_id`, or the dedup event a report (`event_id`) belongs to, with every
    report of it: the sentence in its article, the trigger, the pattern that fired, the confidence."""
    ev = db.one("SELECT * FROM dedup_events WHERE dedup_event_id = ?", [ident])
    if ev is None:
        m = db.one("SELECT dedup_event_id FROM mentions WHERE event_id = ?", [ident])
        if m is not None:
            ev = db.one("SELECT * FROM dedup_events WHERE dedup_event_id = ?", [m["dedup_event_id"]])
    if ev is not None:
        reports = db.rows(
            """SELECT e.*, a.title, a.source AS outlet, a.url, a.text AS article_text
               FROM mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = e.article_id
               WHERE m.dedup_event_id = ? ORDER BY e.published, e.article_id, e.sentence_index""",
            [ev["dedup_event_id"]])
    else:  # a report in a store that was never deduped
        reports = db.rows(
            """SELECT e.*, a.title, a.source AS outlet, a.url, a.text AS article_text
               FROM events e JOIN articles a USING (article_id) WHERE e.event_id = ?""", [ident])
        if not reports:
            raise NotFound(f"no event or report with id {ident!r}")
        ev = {k: reports[0].get(k) for k in EVENT_COLUMNS if k in reports[0]}
        ev.update(dedup_event_id=None, num_mentions=1, num_articles=1, num_sources=1)
    for r in reports:
        r["context_html"] = context_html(r.pop("article_text") or "", r.get("span_start"), r.get("span_end"),
                                         r.get("trigger_start"), r.get("trigger_end"))
    ev["quad_name"] = QUAD_NAMES.get(ev.get("quad_class") or 0)
    return {"event": ev, "mentions": reports}


def context_html(text: str, start: int | None, end: int | None, t_start: int | None = None,
                 t_end: int | None = None, *, around: int = 240) -> str:
    """The sentence [start, end) of `text` inside <mark>, the trigger inside <b>, with up to `around`
    characters of context on either side; escaped HTML."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return html.escape(text[:2 * around])
    lo, hi = max(0, start - around), min(len(text), end + around)
    spans = [(start, end, "sent")]
    if t_start is not None and t_end is not None and start <= t_start < t_end <= end:
        spans.append((t_start, t_end, "trigger"))
    body = highlight(text[lo:hi], [(s - lo, e - lo, k, {}) for s, e, k in spans])
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


# ------------------------------------------------------------------ one article

_TAGS = {"sent": ("mark", "ev-sent"), "trigger": ("b", "ev-trigger"), "quote": ("q", "quote"),
         "actor": ("a", "actor")}
_ORDER = {"sent": 0, "quote": 1, "actor": 2, "trigger": 3}


def highlight(text: str, spans: list[tuple[int, int, str, dict[str, str]]]) -> str:
    """Escaped `text` with each span (start, end, kind, attributes) wrapped in its element; kinds: sent, quote,
    actor, trigger. Overlaps are handled by splitting the text at every boundary and, in each piece, opening
    the elements of the spans that cover it (outer kinds first)."""
    spans = [(max(0, s), min(len(text), e), k, a) for s, e, k, a in spans if s is not None and e is not None and s < e]
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e for _, e, _, _ in spans]})
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:]):
        piece = html.escape(text[lo:hi])
        active = sorted((sp for sp in spans if sp[0] <= lo and hi <= sp[1]), key=lambda sp: _ORDER[sp[2]])
        seen: set[str] = set()
        for s, e, kind, attrs in reversed(active):
            if kind in seen:
                continue
            seen.add(kind)
            tag, cls = _TAGS[kind]
            extra = "".join(f' {k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items()
                            if k != "id" or s == lo)  # an anchor id only on the span's first piece
            piece = f'<{tag} class="{cls}"{extra}>{piece}</{tag}>'
        out.append(piece)
    return "".join(out)


def article(db: Db, article_id: str, *, actor_link: str = "/search?actor=") -> dict[str, Any]:
    """An article with its reports, actor mentions and quotes, and its text as HTML with all of them marked."""
    art = db.one("SELECT * FROM articles WHERE article_id = ?", [article_id])
    if art is None:
        raise NotFound(f"no article with id {article_id!r}")
    events = db.rows(
        """SELECT e.*, m.dedup_event_id FROM events e LEFT JOIN mentions m USING (event_id)
           WHERE e.article_id = ? ORDER BY e.span_start, e.cameo""", [article_id])
    actors = db.rows("SELECT * FROM actors WHERE article_id = ? ORDER BY start, \"end\"", [article_id])
    quotes = db.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY span_start", [article_id])
    spans: list[tuple[int, int, str, dict[str, str]]] = []
    for e in events:
        spans.append((e["span_start"], e["span_end"], "sent",
                      {"title": f"{e['source_code'] or '?'} {e['cameo']} {e['target_code'] or '?'}",
                       "id": f"s{e['sentence_index']}"}))
        spans.append((e["trigger_start"], e["trigger_end"], "trigger", {"title": f"trigger of {e['cameo']}"}))
    for q in quotes:
        spans.append((q["span_start"], q["span_end"], "quote",
                      {"title": f"quote: {q['speaker_text'] or 'unknown speaker'}"}))
    for ac in actors:
        key = ac["code"] or ac["country"] or ac["name"] or ac["text"] or ""
        spans.append((ac["start"], ac["end"], "actor",
                      {"href": actor_link + key, "title": f"{ac['code'] or '?'} ({ac['name'] or ac['text']})"}))
    text = art.pop("text") or ""
    return {"article": art, "text": text, "html": highlight(text, spans), "events": events, "actors": actors,
            "quotes": quotes}


# ------------------------------------------------------------------ quotes


@dataclass
class QuoteFilter:
    """speaker: part of the speaker's words or name, or an actor code prefix; country: the speaker's country
    (ISO alpha-3); anonymous: only anonymous (True) or only named (False) sources; text: words in the quote."""

    speaker: str | None = None
    country: str | None = None
    anonymous: bool | None = None
    text: str | None = None
    article_id: str | None = None

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def search_quotes(db: Db, f: QuoteFilter, *, limit: int = 50, offset: int = 0) -> Page:
    where, params = ["TRUE"], []
    if f.speaker:
        where.append("(q.speaker_text ILIKE '%' || ? || '%' OR q.speaker_name ILIKE '%' || ? || '%' "
                     "OR starts_with(q.speaker_code, upper(?)))")
        params += [f.speaker] * 3
    if f.country:
        where.append("q.speaker_country = upper(?)")
        params.append(f.country)
    if f.anonymous is not None:
        where.append("coalesce(q.anonymous, false) = ?")
        params.append(bool(f.anonymous))
    if f.text:
        where.append("q.text ILIKE '%' || ? || '%'")
        params.append(f.text)
    if f.article_id:
        where.append("q.article_id = ?")
        params.append(f.article_id)
    w = " AND ".join(where)
    base = f"FROM quotes q JOIN articles a USING (article_id) WHERE {w}"
    total = int(db.scalar(f"SELECT count(*) {base}", params) or 0)
    cols = ", ".join(f"q.{c}" for c in QUOTE_COLUMNS if c not in ("published", "title"))
    items = db.rows(f"SELECT {cols}, a.published, a.title {base} "
                    f"ORDER BY a.published DESC NULLS LAST, q.article_id, q.span_start LIMIT ? OFFSET ?",
                    params + [int(limit), int(offset)])
    return Page(total=total, limit=limit, offset=offset, items=items)
