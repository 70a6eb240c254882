"""DuckDB store for articles, events, actors, quotes and rejects.

Every row's primary key comes from content, so loading the same output twice adds nothing.
Writes are bulk inserts of Arrow tables (``INSERT OR IGNORE ... SELECT``) inside one
transaction per batch; `batch_tables` gives the same rows as Arrow tables (for Parquet parts
written by Dask workers, merged with `Store.merge_parquet`).
"""
from __future__ import annotations

import json
import logging
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import duckdb
import pyarrow as pa

from dyad.errors import DyadError, StoreLocked
from dyad.models import Actor, Article, Event, Quote, Reject, content_id

log = logging.getLogger("dyad")

SCHEMA_VERSION = 3

_STR = ("VARCHAR", pa.string())
_STRS = ("VARCHAR[]", pa.list_(pa.string()))
_DATE = ("DATE", pa.date32())
_TS = ("TIMESTAMP", pa.timestamp("us"))
_INT = ("INTEGER", pa.int32())
_DBL = ("DOUBLE", pa.float64())
_BOOL = ("BOOLEAN", pa.bool_())
_JSON = ("JSON", pa.string())

# table -> [(column, (duckdb type, arrow type))]; the first column is the primary key.
TABLES: dict[str, list[tuple[str, tuple[str, pa.DataType]]]] = {
    "articles": [
        ("article_id", _STR), ("published", _DATE), ("title", _STR), ("source", _STR),
        ("url", _STR), ("origin", _STR), ("text", _STR), ("n_events", _INT),
        ("n_quotes", _INT), ("coded_at", _TS),
    ],
    "events": [
        ("event_id", _STR), ("article_id", _STR), ("date", _DATE), ("date_source", _STR),
        ("date_text", _STR),
        ("source_actor_id", _STR), ("source_code", _STR), ("source_country", _STR),
        ("source_roles", _STRS), ("source_text", _STR), ("source_name", _STR),
        ("target_actor_id", _STR), ("target_code", _STR), ("target_country", _STR),
        ("target_roles", _STRS), ("target_text", _STR), ("target_name", _STR),
        ("cameo", _STR), ("root", _STR), ("cameo_name", _STR), ("goldstein", _DBL),
        ("quad_class", _INT), ("plover", _STR), ("plover_mode", _STR), ("modality", _STR),
        ("location_name", _STR), ("location_country", _STR), ("lat", _DBL), ("lon", _DBL),
        ("location_geonameid", _INT), ("location_feature", _STR),
        ("sentence", _STR), ("sentence_index", _INT), ("span_start", _INT), ("span_end", _INT),
        ("trigger", _STR), ("trigger_start", _INT), ("trigger_end", _INT),
        ("pattern_id", _STR), ("confidence", _DBL), ("attribution", _JSON), ("published", _DATE),
    ],
    "actors": [
        ("actor_id", _STR), ("article_id", _STR), ("code", _STR), ("country", _STR),
        ("roles", _STRS), ("text", _STR), ("name", _STR), ("start", _INT), ("end", _INT),
        ("kind", _STR), ("anonymous", _BOOL), ("how", _STR),
    ],
    "quotes": [
        ("quote_id", _STR), ("article_id", _STR), ("text", _STR), ("speaker_actor_id", _STR),
        ("speaker_text", _STR), ("speaker_code", _STR), ("speaker_country", _STR),
        ("speaker_name", _STR), ("anonymous", _BOOL), ("verb", _STR), ("span_start", _INT),
        ("span_end", _INT), ("sentence_index", _INT), ("sentence", _STR),
    ],
    "rejects": [
        ("reject_id", _STR), ("origin", _STR), ("reason", _STR), ("snippet", _STR), ("seen_at", _TS),
    ],
}

# Tables rebuilt from `events` by dedup (dyad/relations/dedup.py); created by migration 2.
DERIVED_TABLES: dict[str, list[tuple[str, tuple[str, pa.DataType]]]] = {
    "dedup_events": [
        ("dedup_event_id", _STR), ("global_id", ("BIGINT", pa.int64())), ("date", _DATE),
        ("source_code", _STR), ("source_country", _STR), ("source_roles", _STRS), ("source_name", _STR),
        ("target_code", _STR), ("target_country", _STR), ("target_roles", _STRS), ("target_name", _STR),
        ("cameo", _STR), ("root", _STR), ("cameo_name", _STR), ("goldstein", _DBL), ("quad_class", _INT),
        ("plover", _STR), ("plover_mode", _STR),
        ("location_name", _STR), ("location_country", _STR), ("lat", _DBL), ("lon", _DBL),
        ("location_geonameid", _INT), ("location_feature", _STR),
        ("num_mentions", _INT), ("num_sources", _INT), ("num_articles", _INT),
        ("first_seen", _DATE), ("last_seen", _DATE), ("last_date", _DATE), ("confidence", _DBL),
        ("event_id", _STR), ("article_id", _STR), ("sentence", _STR), ("url", _STR), ("outlet", _STR),
        ("modality", _STR),
    ],
    "mentions": [
        ("dedup_event_id", _STR), ("event_id", _STR), ("article_id", _STR), ("sentence_index", _INT),
        ("span_start", _INT), ("span_end", _INT), ("outlet", _STR), ("confidence", _DBL),
        ("published", _DATE), ("date", _DATE), ("url", _STR),
    ],
}


# One row per input file of `dyad ingest` (dyad/store/load.py), written in the same transaction as
# each batch of articles: a killed ingest resumes from here. Created by migration 3.
PROGRESS_TABLE: list[tuple[str, tuple[str, pa.DataType]]] = [
    ("input_key", _STR),  # content_id(absolute path, size, mtime_ns): the file as it was
    ("path", _STR), ("size", ("BIGINT", pa.int64())), ("mtime_ns", ("BIGINT", pa.int64())),
    ("status", _STR),  # "running", "done", or "incomplete" (read to the end, some articles failed)
    ("batches", _INT),  # batches committed from this input, over all runs
    ("articles", _INT),  # articles committed from this input, over all runs
    ("last_origin", _STR),  # origin of the last committed article ("file.jsonl:120")
    ("updated_at", _TS),
]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(table: str) -> str:
    cols = TABLES[table]
    body = ", ".join(
        f"{_q(name)} {dtype}" + (" PRIMARY KEY" if i == 0 else "")
        for i, (name, (dtype, _)) in enumerate(cols)
    )
    return f"CREATE TABLE IF NOT EXISTS {table} ({body})"


def _derived_ddl(table: str) -> str:
    body = ", ".join(f"{_q(name)} {dtype}" for name, (dtype, _) in DERIVED_TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({body})"


# Numbered schema steps, applied in order to bring a store from its version to SCHEMA_VERSION.
# Never edit a released step; append a new one and bump SCHEMA_VERSION.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, events, actors, quotes, rejects", [_ddl(t) for t in TABLES]),
    (2, "dedup_events and mentions (reports grouped into events)", [
        _derived_ddl("dedup_events"),
        _derived_ddl("mentions"),
    ]),
    (3, "ingest_progress (resumable ingest checkpoints)", [
        "CREATE TABLE IF NOT EXISTS ingest_progress ("
        + ", ".join(f"{_q(n)} {t}" + (" PRIMARY KEY" if i == 0 else "")
                    for i, (n, (t, _)) in enumerate(PROGRESS_TABLE)) + ")",
    ]),
]
assert MIGRATIONS[-1][0] == SCHEMA_VERSION


def _arrow_schema(table: str) -> pa.Schema:
    cols = PROGRESS_TABLE if table == "ingest_progress" else TABLES[table]
    return pa.schema([(name, atype) for name, (_, atype) in cols])


def actor_id(article_id: str, actor: Actor) -> str:
    """Stable id of an actor mention: content_id(article_id, start, end, code)."""
    return content_id(article_id, actor.start, actor.end, actor.code)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _to_date(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("store: %s %r is not an ISO date; stored as NULL", what, value)
        return None


def _span(span: Any) -> tuple[int | None, int | None]:
    if not span:
        return None, None
    return span[0], span[1]


def _actor_cols(prefix: str, article_id: str, a: Actor | None) -> dict[str, Any]:
    if a is None:
        return {f"{prefix}_actor_id": None, f"{prefix}_code": None, f"{prefix}_country": None,
                f"{prefix}_roles": None, f"{prefix}_text": None, f"{prefix}_name": None}
    return {
        f"{prefix}_actor_id": actor_id(article_id, a),
        f"{prefix}_code": a.code,
        f"{prefix}_country": a.country,
        f"{prefix}_roles": list(a.roles or []),
        f"{prefix}_text": a.text,
        f"{prefix}_name": a.name,
    }


Rows = dict[str, dict[str, dict[str, Any]]]  # table -> primary key -> row


def batch_rows(items: Iterable[tuple[Article, list[Event], list[Quote]]], *,
               rejects: Iterable[Reject] = ()) -> Rows:
    """The rows `Store.write_batch` stores for coded articles: table -> primary key -> row.

    Tables are articles, events, actors and quotes, plus rejects when there are any; a row
    repeated in the batch is kept once (the first).
    """
    rows: Rows = {t: {} for t in ("articles", "events", "actors", "quotes")}
    coded_at = _now()
    for article, events, quotes in items:
        aid = article.id
        rows["articles"].setdefault(aid, {
            "article_id": aid,
            "published": _to_date(article.published, "article.published"),
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "origin": article.origin,
            "text": article.text,
            "n_events": len(events),
            "n_quotes": len(quotes),
            "coded_at": coded_at,
        })
        for ev in events:
            _add_event(rows, ev)
        for qu in quotes:
            _add_quote(rows, qu)
    reject_rows = _reject_rows(rejects)
    if reject_rows:
        rows["rejects"] = reject_rows
    return rows


def batch_tables(items: Iterable[tuple[Article, list[Event], list[Quote]]], *,
                 rejects: Iterable[Reject] = ()) -> dict[str, pa.Table]:
    """Coded articles as Arrow tables with the store's columns and types, one per table of
    TABLES (articles, events, actors, quotes, rejects; empty ones included), ready to be
    written as Parquet and merged with ``INSERT OR IGNORE`` (dyad/dist)."""
    rows = batch_rows(items, rejects=rejects)
    return {t: pa.Table.from_pylist(list(rows.get(t, {}).values()), schema=_arrow_schema(t)) for t in TABLES}


def _reject_rows(rejects: Iterable[Reject]) -> dict[str, dict[str, Any]]:
    seen_at = _now()
    rows: dict[str, dict[str, Any]] = {}
    for r in rejects:
        rid = content_id(r.origin, r.reason)
        rows.setdefault(rid, {"reject_id": rid, "origin": r.origin, "reason": r.reason,
                              "snippet": r.snippet, "seen_at": seen_at})
    return rows


def _add_actor(rows: Rows, article_id: str, a: Actor | None) -> None:
    if a is None:
        return
    aid = actor_id(article_id, a)
    rows["actors"].setdefault(aid, {
        "actor_id": aid, "article_id": article_id, "code": a.code, "country": a.country,
        "roles": list(a.roles or []), "text": a.text, "name": a.name, "start": a.start,
        "end": a.end, "kind": a.kind, "anonymous": a.anonymous, "how": a.how,
    })


def _add_event(rows: Rows, ev: Event) -> None:
    _add_actor(rows, ev.article_id, ev.source)
    _add_actor(rows, ev.article_id, ev.target)
    loc = ev.location
    span_start, span_end = _span(ev.span)
    trig_start, trig_end = _span(ev.trigger_span)
    row: dict[str, Any] = {
        "event_id": ev.event_id,
        "article_id": ev.article_id,
        "date": _to_date(ev.date, "event.date"),
        "date_source": ev.date_source,
        "date_text": ev.date_text,
        **_actor_cols("source", ev.article_id, ev.source),
        **_actor_cols("target", ev.article_id, ev.target),
        "cameo": None if ev.cameo is None else str(ev.cameo),
        "root": None if ev.root is None else str(ev.root),
        "cameo_name": ev.cameo_name,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "modality": ev.modality,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_feature": loc.feature if loc else None,
        "sentence": ev.sentence,
        "sentence_index": ev.sentence_index,
        "span_start": span_start,
        "span_end": span_end,
        "trigger": ev.trigger,
        "trigger_start": trig_start,
        "trigger_end": trig_end,
        "pattern_id": ev.pattern_id,
        "confidence": ev.confidence,
        "attribution": (
            json.dumps(ev.attribution, ensure_ascii=False, default=str)
            if ev.attribution is not None else None
        ),
        "published": _to_date(ev.published, "event.published"),
    }
    rows["events"].setdefault(ev.event_id, row)


def _add_quote(rows: Rows, qu: Quote) -> None:
    sp = qu.speaker
    _add_actor(rows, qu.article_id, sp)
    span_start, span_end = _span(qu.span)
    rows["quotes"].setdefault(qu.quote_id, {
        "quote_id": qu.quote_id,
        "article_id": qu.article_id,
        "text": qu.text,
        "speaker_actor_id": actor_id(qu.article_id, sp) if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_code": sp.code if sp else None,
        "speaker_country": sp.country if sp else None,
        "speaker_name": sp.name if sp else None,
        "anonymous": sp.anonymous if sp else None,
        "verb": qu.verb,
        "span_start": span_start,
        "span_end": span_end,
        "sentence_index": qu.sentence_index,
        "sentence": qu.sentence,
    })


class Store:
    """A DuckDB file holding dyad output. Use as a context manager.

    >>> with Store("out.duckdb") as st:
    ...     st.write(article, events, quotes)
    """

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        in_memory = self.path == ":memory:"
        if read_only and not in_memory and not Path(self.path).is_file():
            raise DyadError(f"store {self.path!r} does not exist (cannot open it read-only)")
        if not read_only and not in_memory:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            if "lock" in str(e).lower():
                raise StoreLocked(self.path, read_only=read_only) from e
            raise DyadError(f"cannot open store {self.path!r}: {e}") from e
        try:
            if read_only:
                self._check_schema()
            else:
                self.migrate()
        except BaseException:
            self.con.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
            self.con = None  # type: ignore[assignment]

    def _conn(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise DyadError(f"store {self.path!r} is closed")
        return self.con

    def _schema_version(self) -> int | None:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not has_meta:
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else None

    def _check_schema(self) -> None:
        version = self._schema_version()
        if version is None:
            raise DyadError(f"{self.path!r} is not a dyad store (no meta table)")
        if version > SCHEMA_VERSION:
            raise DyadError(
                f"store {self.path!r} has schema version {version}; this dyad expects {SCHEMA_VERSION} "
                f"(the store was written by a newer dyad: upgrade dyad)"
            )
        if version < SCHEMA_VERSION:
            raise DyadError(
                f"store {self.path!r} has schema version {version}; this dyad expects {SCHEMA_VERSION}. "
                f"Open it once for writing to migrate it (for example `dyad dedup --db {self.path}`)"
            )

    @property
    def schema_version(self) -> int | None:
        return self._schema_version()

    def migrate(self) -> list[int]:
        """Apply the numbered schema steps this store has not had yet, in order, each in a transaction.

        Returns the versions applied (empty when the store was up to date).
        """
        version = self._schema_version()
        if version is not None and version > SCHEMA_VERSION:
            raise DyadError(
                f"store {self.path!r} has schema version {version}; this dyad expects {SCHEMA_VERSION} "
                f"(the store was written by a newer dyad: upgrade dyad)"
            )
        con = self.con
        applied: list[int] = []
        new_store = version is None
        for step, what, statements in MIGRATIONS:
            if version is not None and step <= version:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                for sql in statements:
                    con.execute(sql)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(step)])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            if not new_store:
                log.info("store %s: migrated to schema version %d (%s)", self.path, step, what)
            applied.append(step)
            version = step
        return applied

    def get_meta(self, key: str) -> str | None:
        row = self._conn().execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._conn().execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    # ------------------------------------------------------------------ writing

    def write(self, article: Article, events: list[Event], quotes: list[Quote]) -> dict[str, int]:
        """Store one coded article. Returns the number of new rows per table."""
        return self.write_batch([(article, events, quotes)])

    def write_batch(self, items: Iterable[tuple[Article, list[Event], list[Quote]]], *,
                    rejects: Iterable[Reject] = (), progress: Iterable[dict[str, Any]] = ()) -> dict[str, int]:
        """Store many coded articles in one transaction with bulk inserts.

        Rows whose id is already stored are skipped, so rewriting the same output adds
        nothing. `rejects` and `progress` (ingest_progress rows, replacing those with the same
        input_key) are written in the same transaction, so an article, its events and quotes, and
        the checkpoint that counts it are stored together or not at all. Returns the number of new
        rows per table.
        """
        rows = batch_rows(items, rejects=rejects)
        replace = {"ingest_progress": {r["input_key"]: r for r in progress}}
        return self._insert(rows, replace=replace)

    def write_rejects(self, rejects: Iterable[Reject]) -> int:
        """Store rejects (id = content_id(origin, reason)). Returns the number of new rows."""
        return self._insert({"rejects": _reject_rows(rejects)})["rejects"]

    def _insert(self, rows: dict[str, dict[str, dict[str, Any]]],
                replace: dict[str, dict[str, dict[str, Any]]] | None = None) -> dict[str, int]:
        """INSERT OR IGNORE `rows` (and INSERT OR REPLACE `replace`) in one transaction."""
        if self.read_only:
            raise DyadError(f"store {self.path!r} is open read-only")
        con = self._conn()
        added = {t: 0 for t in rows}
        replace = {t: r for t, r in (replace or {}).items() if r}
        if not any(rows.values()) and not replace:
            return added
        views: list[str] = []
        con.execute("BEGIN TRANSACTION")
        try:
            for table, by_id in rows.items():
                if not by_id:
                    continue
                schema = _arrow_schema(table)
                arrow = pa.Table.from_pylist(list(by_id.values()), schema=schema)
                view = f"_dyad_new_{table}"
                con.register(view, arrow)
                views.append(view)
                cols = ", ".join(_q(c) for c in schema.names)
                res = con.execute(
                    f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM {view}"
                ).fetchone()
                added[table] = int(res[0]) if res else 0
            for table, by_id in replace.items():
                schema = _arrow_schema(table)
                view = f"_dyad_replace_{table}"
                con.register(view, pa.Table.from_pylist(list(by_id.values()), schema=schema))
                views.append(view)
                cols = ", ".join(_q(c) for c in schema.names)
                con.execute(f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {cols} FROM {view}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            for view in views:
                con.unregister(view)
        return added

    def merge_parquet(self, parts: dict[str, str | Path]) -> dict[str, int]:
        """INSERT OR IGNORE the rows of Parquet files (table -> path; files written from
        `batch_tables`, so with the table's columns) in one transaction. Returns the new rows per
        table. Used by dyad/dist to merge what Dask workers coded."""
        if self.read_only:
            raise DyadError(f"store {self.path!r} is open read-only")
        con = self._conn()
        added = {t: 0 for t in parts}
        con.execute("BEGIN TRANSACTION")
        try:
            for table, path in parts.items():
                if table not in TABLES:
                    raise DyadError(f"merge_parquet: {table!r} is not a table of the store")
                cols = ", ".join(_q(c) for c in _arrow_schema(table).names)
                res = con.execute(
                    f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?)", [str(path)]
                ).fetchone()
                added[table] = int(res[0]) if res else 0
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return added

    # ------------------------------------------------------------------ reading

    def counts(self, *, derived: bool = False) -> dict[str, int]:
        """Rows per table (with `derived=True`, also dedup_events and mentions)."""
        con = self._conn()
        tables = list(TABLES) + (list(DERIVED_TABLES) if derived else [])
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def article_ids(self) -> set[str]:
        """Ids of the articles already stored."""
        return {r[0] for r in self._conn().execute("SELECT article_id FROM articles").fetchall()}

    def article_text_hashes(self) -> dict[str, str]:
        """Article id -> text digest (dyad.ingest._base.text_hash) of every stored article."""
        rows = self._conn().execute("SELECT article_id, left(md5(text), 16) FROM articles").fetchall()
        return dict(rows)

    def ingest_progress(self) -> dict[str, dict[str, Any]]:
        """The ingest checkpoints: input_key -> row of ingest_progress."""
        return {r["input_key"]: r for r in self.query("SELECT * FROM ingest_progress")}

    def rejects(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """The rejected records (origin, reason, snippet, seen_at), oldest first."""
        sql = "SELECT origin, reason, snippet, seen_at FROM rejects ORDER BY seen_at, origin"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.query(sql)

    # ------------------------------------------------------------------ relations (thin wrappers)

    def dedup(self, **options: Any) -> dict[str, int]:
        """Rebuild dedup_events and mentions from events; see dyad.relations.dedup.dedup."""
        from dyad.relations.dedup import dedup

        return dedup(self, **options)

    def events(self, **filters: Any):
        """Dedup events as a pandas DataFrame; see dyad.relations.series.events."""
        from dyad.relations.series import events

        return events(self, **filters)

    def relations(self, a: str, b: str, **options: Any):
        """The dyad time series between actors a and b; see dyad.relations.series.dyad_series."""
        from dyad.relations.series import dyad_series

        return dyad_series(self, a, b, **options)

    def top_dyads(self, **options: Any):
        """The most active actor pairs; see dyad.relations.series.top_dyads."""
        from dyad.relations.series import top_dyads

        return top_dyads(self, **options)

    def shifts(self, a: str, b: str, **options: Any):
        """Change points in the relation between a and b; see dyad.relations.shifts.shifts."""
        from dyad.relations.shifts import shifts

        return shifts(self, a, b, **options)

    def export(self, fmt: str, output: Any = None, **options: Any) -> int:
        """Write dedup events in an exchange format; see dyad.store.export.export."""
        from dyad.store.export import export

        return export(self, fmt, output, **options)

    def query(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run SQL and return the rows as dicts (column name -> value)."""
        cur = self._conn().execute(sql, params if params is not None else [])
        if cur.description is None:
            return []
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def arrow(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> pa.Table:
        """Run SQL and return a pyarrow Table."""
        con = self._conn()
        rel = con.sql(sql, params=params) if params else con.sql(sql)
        return rel.to_arrow_table()
