"""Shift detection: change points in a dyad's Goldstein series (ruptures), labelled thaw or escalation.

A break is where the mean of the series changes. Periods without events are left out of the fit (they
have no mean), so a break is placed between two periods that had events. The penalty is in units of the
series' noise: pen = penalty * sigma^2 * log(n), with sigma estimated robustly from the differences of
consecutive values (MAD), so the same penalty works for series of any scale. Larger means fewer breaks.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from dyad.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from dyad.store.duck import Store

METHODS = ("pelt", "binseg")
SERIES = ("goldstein_mean", "goldstein_wmean", "goldstein_sum")


@dataclass
class Shift:
    index: int  # position in the series of the first period after the break
    period: date | None  # that period
    before_start: date | None
    before_end: date | None
    after_start: date | None
    after_end: date | None
    mean_before: float
    mean_after: float
    label: str  # "thaw" (mean goes up) or "escalation" (mean goes down)
    top_events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def change(self) -> float:
        return self.mean_after - self.mean_before


def _sigma(x: np.ndarray) -> float:
    if len(x) < 3:
        return float(np.std(x)) or 1.0
    d = np.diff(x)
    mad = float(np.median(np.abs(d - np.median(d))))
    sigma = mad / 0.6744897501960817 / math.sqrt(2)
    if sigma <= 0:
        sigma = float(np.std(d)) / math.sqrt(2)
    return sigma if sigma > 0 else 1.0


def detect_shifts(values: Sequence[float], *, penalty: float = 3.0, method: str = "pelt",
                  min_size: int = 3) -> list[int]:
    """Change points of a series: the indexes where a new segment starts. NaN values are skipped
    (an index is always a position in `values`)."""
    import ruptures as rpt

    if method not in METHODS:
        raise ConfigError(f"shift method must be one of {', '.join(METHODS)}, not {method!r}")
    if penalty <= 0:
        raise ConfigError(f"shift penalty must be > 0, not {penalty!r}")
    arr = np.asarray(values, dtype=float)
    keep = np.flatnonzero(~np.isnan(arr))
    x = arr[keep]
    n = len(x)
    if n < 2 * min_size:
        return []
    pen = penalty * _sigma(x) ** 2 * math.log(n)
    algo = rpt.Pelt(model="l2", min_size=min_size, jump=1) if method == "pelt" else \
        rpt.Binseg(model="l2", min_size=min_size, jump=1)
    ends = algo.fit(x.reshape(-1, 1)).predict(pen=pen)
    return [int(keep[e]) for e in ends if e < n]


def label_shifts(periods: Sequence[Any], values: Sequence[float], breaks: Sequence[int]) -> list[Shift]:
    """Turn break indexes into Shifts with the segment means and dates either side."""
    arr = np.asarray(values, dtype=float)
    bounds = [0, *breaks, len(arr)]
    out: list[Shift] = []
    for i, b in enumerate(breaks):
        lo, hi = bounds[i], bounds[i + 2]
        before, after = arr[lo:b], arr[b:hi]
        mb, ma = float(np.nanmean(before)), float(np.nanmean(after))

        def _d(k: int) -> date | None:
            return _as_date(periods[k]) if 0 <= k < len(periods) else None

        out.append(Shift(index=b, period=_d(b), before_start=_d(lo), before_end=_d(b - 1), after_start=_d(b),
                         after_end=_d(hi - 1), mean_before=mb, mean_after=ma,
                         label="thaw" if ma > mb else "escalation"))
    return out


def _as_date(v: Any) -> date | None:
    if v is None:
        return None
    if hasattr(v, "date") and callable(v.date):
        return v.date()
    return v


_STEP = {"day": timedelta(days=1), "week": timedelta(weeks=1), "month": timedelta(days=31)}


def shifts(store: "Store", a: str, b: str, *, by: str = "week", directed: bool = False,
           date_from: Any = None, date_to: Any = None, penalty: float = 3.0, method: str = "pelt",
           min_size: int = 3, column: str = "goldstein_mean", top: int = 3,
           with_series: bool = False) -> "pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]":
    """Breaks in the relation between a and b, one row each: period, before/after dates and means,
    change, label ("thaw"/"escalation") and the top events (most mentioned × most intense) around it.
    With `with_series=True`, returns (breaks, series)."""
    import pandas as pd

    from dyad.relations.series import dyad_series, events

    if column not in SERIES:
        raise ConfigError(f"shift series must be one of {', '.join(SERIES)}, not {column!r}")
    series = dyad_series(store, a, b, by=by, directed=directed, date_from=date_from, date_to=date_to)
    periods = list(series["period"]) if len(series) else []
    values = series[column].to_numpy(dtype=float) if len(series) else np.array([])
    if column == "goldstein_sum":
        values = np.where(series["events"].to_numpy() > 0, values, np.nan) if len(series) else values
    found = label_shifts(periods, values, detect_shifts(values, penalty=penalty, method=method, min_size=min_size))
    step = _STEP[by]
    for s in found:
        if s.period is None:
            continue
        around = events(store, actor=a, target=b, directed=directed, date_from=s.period - step,
                        date_to=s.period + 2 * step - timedelta(days=1))
        if len(around):
            around = around.assign(_w=around["num_mentions"] * around["goldstein"].abs().fillna(0))
            around = around.sort_values(["_w", "num_mentions"], ascending=False).head(top)
            s.top_events = [
                {"date": _as_date(r.date).isoformat() if r.date is not None else None,
                 "source": r.source_code, "cameo": r.cameo, "target": r.target_code,
                 "goldstein": r.goldstein, "mentions": int(r.num_mentions), "sentence": r.sentence}
                for r in around.itertuples()
            ]
    rows = [{"period": s.period, "before_start": s.before_start, "before_end": s.before_end,
             "after_start": s.after_start, "after_end": s.after_end, "mean_before": s.mean_before,
             "mean_after": s.mean_after, "change": s.change, "label": s.label, "top_events": s.top_events}
            for s in found]
    breaks = pd.DataFrame(rows, columns=["period", "before_start", "before_end", "after_start", "after_end",
                                         "mean_before", "mean_after", "change", "label", "top_events"])
    return (breaks, series) if with_series else breaks
