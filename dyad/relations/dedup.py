"""Group event reports into events: the `dedup_events` and `mentions` tables, rebuilt in DuckDB SQL.

The grouping rule (also in the README):

* Two reports can be the same event when they have the same source actor code, the same target
  actor code and the same CAMEO code (`level="code"`) or CAMEO root (`level="root"`).
* Within such a key, reports are ordered by event date; a gap of more than `window` days between
  consecutive reports starts a new group (gaps and islands), so a chain of reports each within
  `window` days of the previous one is one event.
* Inside a group, reports with different location names are different events; a report without a
  location joins the group's most frequent location (ties: alphabetical first).
* `one_a_day=True` replaces all this with the classic filter: one event per (source, target, code, date),
  whatever the location.

The tables are recomputed from `events` every time (drop and rebuild in one transaction), so running it
twice gives the same rows. Ids are stable: `dedup_event_id` = md5(source|target|code|first date|location).
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from dyad.errors import ConfigError

if TYPE_CHECKING:
    from dyad.store.duck import Store

log = logging.getLogger("dyad")

LEVELS = ("code", "root")
_META = "dedup."


@dataclass(frozen=True)
class DedupOptions:
    window: int = 1  # days between consecutive reports of one event
    level: Literal["code", "root"] = "code"
    one_a_day: bool = False

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ConfigError(f"dedup level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        if int(self.window) != self.window or self.window < 0:
            raise ConfigError(f"dedup window must be a whole number of days >= 0, not {self.window!r}")


def stored_options(store: "Store") -> DedupOptions:
    """The options of the last dedup run on this store (defaults if it never ran)."""
    d = DedupOptions()
    window = store.get_meta(_META + "window")
    level = store.get_meta(_META + "level")
    one = store.get_meta(_META + "one_a_day")
    return DedupOptions(
        window=int(window) if window is not None else d.window,
        level=level if level is not None else d.level,  # type: ignore[arg-type]
        one_a_day=(one == "1") if one is not None else d.one_a_day,
    )


def _map_sql(o: DedupOptions) -> str:
    """SQL selecting every event with its dedup_event_id and the columns the tables need."""
    key = "e.cameo" if o.level == "code" else "e.root"
    base = f"""
        SELECT e.event_id, e.article_id, e.sentence_index, e.span_start, e.span_end, e.confidence,
               e.location_name AS loc, e.date AS event_date,
               coalesce(e.date, e.published, a.published) AS d,
               coalesce(e.source_code, '') AS s, coalesce(e.target_code, '') AS t,
               coalesce({key}, '') AS k,
               a.source AS outlet, a.published AS pub, a.url
        FROM events e LEFT JOIN articles a ON a.article_id = e.article_id
    """
    if o.one_a_day:
        return f"""
        WITH base AS ({base})
        SELECT *, substr(md5(concat_ws('|', s, t, k, coalesce(CAST(d AS VARCHAR), event_id), '')), 1, 16)
                  AS dedup_event_id
        FROM base
        """
    return f"""
    WITH base AS ({base}),
    starts AS (
        SELECT *,
               CASE WHEN d IS NULL THEN 1
                    WHEN lag(d) OVER w IS NULL THEN 1
                    WHEN date_diff('day', lag(d) OVER w, d) > {int(o.window)} THEN 1
                    ELSE 0 END AS new_island
        FROM base
        WINDOW w AS (PARTITION BY s, t, k ORDER BY d NULLS LAST, event_id)
    ),
    islands AS (
        SELECT *, sum(new_island) OVER (PARTITION BY s, t, k ORDER BY d NULLS LAST, event_id
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
        FROM starts
    ),
    loc_counts AS (
        SELECT s, t, k, island, loc, count(*) AS n FROM islands WHERE loc IS NOT NULL GROUP BY ALL
    ),
    main_loc AS (
        SELECT s, t, k, island, first(loc ORDER BY n DESC, loc) AS main_loc FROM loc_counts GROUP BY ALL
    ),
    grouped AS (
        SELECT i.*, coalesce(i.loc, m.main_loc, '') AS gloc
        FROM islands i LEFT JOIN main_loc m USING (s, t, k, island)
    )
    SELECT * EXCLUDE (new_island, island, gloc),
           substr(md5(concat_ws('|', s, t, k,
                  coalesce(CAST(min(d) OVER (PARTITION BY s, t, k, island, gloc) AS VARCHAR), event_id),
                  gloc)), 1, 16) AS dedup_event_id
    FROM grouped
    """


_INSERT_DEDUP = """
INSERT INTO dedup_events
WITH g AS (
    SELECT dedup_event_id,
           count(*) AS num_mentions,
           count(DISTINCT coalesce(outlet, 'article:' || article_id)) AS num_sources,
           count(DISTINCT article_id) AS num_articles,
           min(pub) AS first_seen, max(pub) AS last_seen, min(d) AS date, max(d) AS last_date,
           avg(confidence) AS confidence,
           first(event_id ORDER BY (loc IS NULL), confidence DESC NULLS LAST, pub NULLS LAST, event_id) AS rep
    FROM _dyad_dedup_map GROUP BY dedup_event_id
)
SELECT g.dedup_event_id, CAST(('0x' || substr(g.dedup_event_id, 1, 13)) AS BIGINT) AS global_id, g.date,
       e.source_code, e.source_country, e.source_roles, e.source_name,
       e.target_code, e.target_country, e.target_roles, e.target_name,
       e.cameo, e.root, e.cameo_name, e.goldstein, e.quad_class, e.plover, e.plover_mode,
       e.location_name, e.location_country, e.lat, e.lon, e.location_geonameid, e.location_feature,
       g.num_mentions, g.num_sources, g.num_articles, g.first_seen, g.last_seen, g.last_date, g.confidence,
       e.event_id, e.article_id, e.sentence, a.url, a.source, e.modality
FROM g JOIN events e ON e.event_id = g.rep LEFT JOIN articles a ON a.article_id = e.article_id
"""

_INSERT_MENTIONS = """
INSERT INTO mentions
SELECT dedup_event_id, event_id, article_id, sentence_index, span_start, span_end, outlet, confidence,
       pub, event_date, url
FROM _dyad_dedup_map
"""


def dedup(store: "Store", *, window: int | None = None, level: str | None = None,
          one_a_day: bool | None = None) -> dict[str, int]:
    """Rebuild `dedup_events` and `mentions` from `events`. Options left out keep the store's last ones.

    Returns {"events": reports, "dedup_events": events after grouping, "mentions": rows, "seconds": ...}.
    """
    from dyad.store.duck import _derived_ddl

    last = stored_options(store)
    o = DedupOptions(
        window=last.window if window is None else window,
        level=last.level if level is None else level,  # type: ignore[arg-type]
        one_a_day=last.one_a_day if one_a_day is None else one_a_day,
    )
    if store.read_only:
        from dyad.errors import DyadError

        raise DyadError(f"store {store.path!r} is open read-only; dedup rewrites dedup_events and mentions")
    con = store._conn()
    t0 = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _dyad_dedup_map AS {_map_sql(o)}")
        for table in ("dedup_events", "mentions"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute(_derived_ddl(table))
        con.execute(_INSERT_DEDUP)
        con.execute(_INSERT_MENTIONS)
        con.execute("DROP TABLE _dyad_dedup_map")
        for k, v in asdict(o).items():
            store.set_meta(_META + k, str(int(v)) if isinstance(v, bool) else str(v))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    counts = store.counts(derived=True)
    out = {"events": counts["events"], "dedup_events": counts["dedup_events"], "mentions": counts["mentions"],
           "seconds": round(time.perf_counter() - t0, 3)}
    log.debug("dedup %s: %s", o, out)
    return out
