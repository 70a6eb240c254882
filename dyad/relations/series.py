"""Dyad time series over dedup events: counts by QuadClass and Goldstein sums and means per period.

An actor argument matches an event's actor when it equals the actor's country code (`USA` matches
`USAGOV`, `USAMIL` and a `USA` actor whose code is missing) or is a prefix of its full CAMEO code
(`USAGOV` matches `USAGOV` and `USAGOVFRM`, not `USAMIL`).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from dyad.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from dyad.store.duck import Store

PERIODS = ("day", "week", "month")
SERIES_COLUMNS = ["period", "events", "mentions", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
                  "goldstein_wmean"]


def _check_by(by: str) -> str:
    if by not in PERIODS:
        raise ConfigError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def _date(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ConfigError(f"{what} must be an ISO date (YYYY-MM-DD), not {value!r}") from exc


def actor_match(side: str, param: str = "?") -> str:
    """SQL condition: `side` ('source' or 'target') actor of dedup_events matches the actor argument."""
    return f"({side}_country = {param} OR starts_with({side}_code, {param}))"


def dyad_condition(directed: bool) -> tuple[str, int]:
    """SQL condition for the pair (a, b); returns the SQL and how many times (a, b) params repeat."""
    ab = f"({actor_match('source')} AND {actor_match('target')})"
    if directed:
        return ab, 1
    return f"({ab} OR {ab})", 2


def _frame(store: "Store", sql: str, params: list[Any], as_arrow: bool) -> "pd.DataFrame | pa.Table":
    rel = store._conn().cursor().sql(sql, params=params)
    return rel.to_arrow_table() if as_arrow else rel.df()


def _range_sql(date_from: date | None, date_to: date | None, params: list[Any], col: str = "date") -> str:
    sql = ""
    if date_from is not None:
        sql += f" AND {col} >= ?"
        params.append(date_from)
    if date_to is not None:
        sql += f" AND {col} <= ?"
        params.append(date_to)
    return sql


def events(store: "Store", *, actor: str | None = None, target: str | None = None, directed: bool = True,
           cameo: str | None = None, root: str | None = None, date_from: Any = None, date_to: Any = None,
           min_mentions: int = 1, limit: int | None = None, as_arrow: bool = False) -> "pd.DataFrame | pa.Table":
    """Dedup events, filtered. `actor`/`target` match as described in the module doc (with `directed=False`
    either may be source or target); `cameo` is a code prefix ("04" matches 040-046); `root` the 2-digit root.
    """
    where, params = "TRUE", []
    if actor and target:
        cond, n = dyad_condition(directed)
        where += f" AND {cond}"
        params += [actor, actor, target, target] + ([target, target, actor, actor] if n == 2 else [])
    elif actor:
        where += (f" AND {actor_match('source')}" if directed
                  else f" AND ({actor_match('source')} OR {actor_match('target')})")
        params += [actor, actor] if directed else [actor] * 4
    elif target:
        where += f" AND {actor_match('target')}"
        params += [target, target]
    if cameo:
        where += " AND starts_with(cameo, ?)"
        params.append(str(cameo))
    if root:
        where += " AND root = ?"
        params.append(str(root).zfill(2))
    if min_mentions > 1:
        where += " AND num_mentions >= ?"
        params.append(int(min_mentions))
    where += _range_sql(_date(date_from, "from"), _date(date_to, "to"), params)
    sql = f"SELECT * FROM dedup_events WHERE {where} ORDER BY date, num_mentions DESC, dedup_event_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _frame(store, sql, params, as_arrow)


def dyad_series(store: "Store", a: str, b: str, *, by: str = "week", directed: bool = False,
                date_from: Any = None, date_to: Any = None, fill: bool = True,
                as_arrow: bool = False) -> "pd.DataFrame | pa.Table":
    """The time series between actors a and b, one row per period (day, week starting Monday, or month).

    Columns: period, events, mentions, q1..q4 (events per QuadClass), goldstein_sum, goldstein_mean and
    goldstein_wmean (mean weighted by num_mentions). With `fill`, periods without events are present with
    zero counts and null means, from `date_from` (or the first event) to `date_to` (or the last event).
    """
    _check_by(by)
    d_from, d_to = _date(date_from, "from"), _date(date_to, "to")
    cond, n = dyad_condition(directed)
    params: list[Any] = [by] + [a, a, b, b] + ([b, b, a, a] if n == 2 else [])
    rng = _range_sql(d_from, d_to, params)
    agg = f"""
        SELECT CAST(date_trunc(?, date) AS DATE) AS period,
               count(*) AS events,
               CAST(sum(num_mentions) AS BIGINT) AS mentions,
               count(*) FILTER (WHERE quad_class = 1) AS q1,
               count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3,
               count(*) FILTER (WHERE quad_class = 4) AS q4,
               sum(goldstein) AS goldstein_sum,
               avg(goldstein) AS goldstein_mean,
               sum(goldstein * num_mentions) / nullif(sum(num_mentions) FILTER (WHERE goldstein IS NOT NULL), 0)
                   AS goldstein_wmean
        FROM dedup_events
        WHERE date IS NOT NULL AND {cond} {rng}
        GROUP BY ALL
    """
    if not fill:
        return _frame(store, f"SELECT * FROM ({agg}) ORDER BY period", params, as_arrow)
    params += [by, d_from, by, d_to, by]
    sql = f"""
        WITH agg AS ({agg}),
        bounds AS (
            SELECT CAST(date_trunc(?, coalesce(CAST(? AS DATE), min(period))) AS DATE) AS lo,
                   CAST(date_trunc(?, coalesce(CAST(? AS DATE), max(period))) AS DATE) AS hi
            FROM agg
        ),
        periods AS (
            SELECT CAST(unnest(generate_series(lo, hi, CAST('1 ' || ? AS INTERVAL))) AS DATE) AS period
            FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL
        )
        SELECT p.period,
               coalesce(events, 0) AS events, coalesce(mentions, 0) AS mentions,
               coalesce(q1, 0) AS q1, coalesce(q2, 0) AS q2, coalesce(q3, 0) AS q3, coalesce(q4, 0) AS q4,
               coalesce(goldstein_sum, 0.0) AS goldstein_sum, goldstein_mean, goldstein_wmean
        FROM periods p LEFT JOIN agg USING (period)
        ORDER BY p.period
    """
    return _frame(store, sql, params, as_arrow)


def top_dyads(store: "Store", *, date_from: Any = None, date_to: Any = None, limit: int = 20,
              by: str = "country", as_arrow: bool = False) -> "pd.DataFrame | pa.Table":
    """The most active pairs of actors (undirected), by number of dedup events.

    `by="country"` pairs country codes (USA-VEN), `by="code"` full actor codes (USAGOV-VENGOV).
    Pairs of an actor with itself and actors without that code are left out.
    """
    if by not in ("country", "code"):
        raise ConfigError(f"top-dyads pairs by 'country' or 'code', not {by!r}")
    params: list[Any] = []
    rng = _range_sql(_date(date_from, "from"), _date(date_to, "to"), params)
    params.append(int(limit))
    sql = f"""
        SELECT least(source_{by}, target_{by}) AS a, greatest(source_{by}, target_{by}) AS b,
               count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               avg(goldstein) AS goldstein_mean, min(date) AS first, max(date) AS last
        FROM dedup_events
        WHERE source_{by} IS NOT NULL AND target_{by} IS NOT NULL AND source_{by} <> target_{by} {rng}
        GROUP BY ALL
        ORDER BY events DESC, mentions DESC, a, b
        LIMIT ?
    """
    return _frame(store, sql, params, as_arrow)
