"""Plots of a dyad series with its breaks (matplotlib, Agg backend: no display, no network)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def plot_series(series: "pd.DataFrame", path: str | Path, *, breaks: "pd.DataFrame | None" = None,
                title: str = "", column: str = "goldstein_mean") -> Path:
    """Draw the Goldstein series (line) over event counts (bars), breaks as vertical lines; save to `path`
    (the format follows the extension: .png, .svg, .pdf)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    fig, ax = plt.subplots(figsize=(11, 4.5))
    try:
        ax2 = ax.twinx()
        if len(series):
            x = series["period"]
            ax2.bar(x, series["events"], color="#cccccc", width=_bar_width(series), label="events", zorder=1)
            ax.plot(x, series[column], marker="o", ms=3, lw=1.2, color="#1f4e79", label=column, zorder=3)
            ax.axhline(0, color="#888888", lw=0.6)
        ax.set_zorder(ax2.get_zorder() + 1)
        ax.patch.set_visible(False)
        if breaks is not None:
            for r in breaks.itertuples():
                color = "#2e8b57" if r.label == "thaw" else "#c0392b"
                ax.axvline(r.period, color=color, ls="--", lw=1.4)
                ax.annotate(r.label, (r.period, 1.0), xycoords=("data", "axes fraction"), color=color,
                            rotation=90, va="top", ha="right", fontsize=8)
        ax.set_ylabel(column.replace("_", " "))
        ax2.set_ylabel("events")
        ax.set_title(title)
        fig.autofmt_xdate()
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path


def _bar_width(series: "pd.DataFrame") -> float:
    if len(series) < 2:
        return 1.0
    days = (series["period"].iloc[1] - series["period"].iloc[0]).days
    return max(days * 0.8, 0.8)
