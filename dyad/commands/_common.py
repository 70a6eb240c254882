"""Helpers shared by the command modules: error handling, logging, and table/csv/json output of frames."""
from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from dyad.errors import DyadError

if TYPE_CHECKING:
    import pandas as pd

err = Console(stderr=True, soft_wrap=True)
FRAME_FORMATS = ("table", "csv", "json")


def setup_logging(verbose: bool) -> None:
    from dyad.cli import _setup_logging

    _setup_logging(verbose)


def handle_errors(f: Callable) -> Callable:
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except DyadError as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
            sys.exit(1)
    return wrapper


def _keep(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value is not None:
        ctx.meta[f"dyad.{param.name}"] = value
    return value


def throughput_options(f: Callable) -> Callable:
    """--prefilter/--no-prefilter, --workers N, --rank/--no-rank and --min-rank X. They override
    DYAD_PREFILTER, DYAD_N_PROCESS, DYAD_RANK and DYAD_MIN_RANK for this command only (kept in the
    click context, read by :func:`apply_throughput_options`)."""
    f = click.option("--min-rank", type=click.FloatRange(0, 1), default=None, expose_value=False, callback=_keep,
                     help="Drop events to which the learned ranker gives a lower chance of being right, "
                          "whatever their confidence (0 keeps all) [default: DYAD_MIN_RANK, 0.6].")(f)
    f = click.option("--rank/--no-rank", default=None, expose_value=False, callback=_keep,
                     help="Confidence from the learned ranker, which also reads the sentence's words; "
                          "--min-confidence applies to it [default: DYAD_RANK, off].")(f)
    f = click.option("--prefilter/--no-prefilter", default=None, expose_value=False, callback=_keep,
                     help="Parse only sentences that can hold an event or a quote [default: DYAD_PREFILTER, on].")(f)
    f = click.option("--workers", type=click.IntRange(min=1), default=None, expose_value=False, callback=_keep,
                     help="Worker processes that code batches [default: DYAD_N_PROCESS, 1].")(f)
    return f


def apply_throughput_options(settings: Any) -> Any:
    """Settings with the --prefilter/--workers choices of the running command, if any."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        if ctx.meta.get("dyad.prefilter") is not None:
            settings.prefilter = ctx.meta["dyad.prefilter"]
        if ctx.meta.get("dyad.workers") is not None:
            settings.n_process = ctx.meta["dyad.workers"]
        if ctx.meta.get("dyad.rank") is not None:
            settings.rank = ctx.meta["dyad.rank"]
        if ctx.meta.get("dyad.min_rank") is not None:
            settings.min_rank = ctx.meta["dyad.min_rank"]
    return settings


def coding_setup(*, published: str | None, model: str | None, batch_size: int | None,
                 min_confidence: float | None, actors_files=(), agents_files=(),
                 outputs: str = "both") -> tuple[Any, Any]:
    """The Settings and the --published date shared by every command that codes articles.
    `outputs`: what the command wants ("events", "quotes" or "both"; see Settings.outputs)."""
    from dyad.ingest import parse_published
    from dyad.settings import Settings

    settings = apply_throughput_options(Settings.from_options(
        model=model, batch_size=batch_size, min_confidence=min_confidence, actors_files=actors_files,
        agents_files=agents_files, outputs=outputs))
    try:
        pub = parse_published(published) if published else None
    except DyadError as exc:
        raise click.BadParameter(str(exc), param_hint="--published")
    return settings, pub


def db_option(f: Callable) -> Callable:
    return click.option("--db", default="dyad.duckdb", show_default=True, metavar="FILE",
                        type=click.Path(dir_okay=False), help="The DuckDB store.")(f)


def date_options(f: Callable) -> Callable:
    f = click.option("--to", "date_to", default=None, metavar="DATE", help="Last date (YYYY-MM-DD).")(f)
    f = click.option("--from", "date_from", default=None, metavar="DATE", help="First date (YYYY-MM-DD).")(f)
    return f


def format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FRAME_FORMATS), default="table", show_default=True,
                        help="Output format on stdout.")(f)


def _plain(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "to_pydatetime"):  # pandas Timestamp
        v = v.to_pydatetime()
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalar
        return _plain(v.item())
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def records(df: "pd.DataFrame") -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in r.items()} for r in df.to_dict(orient="records")]


def _text(v: Any) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False) if v and isinstance(v[0], dict) else ";".join(map(str, v))
    return str(v)


def emit_frame(df: "pd.DataFrame", fmt: str, *, title: str = "", columns: list[str] | None = None) -> None:
    """Print a DataFrame on stdout as a rich table, CSV or JSON lines."""
    cols = columns or list(df.columns)
    rows = records(df[cols]) if len(df) else []
    if fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for r in rows:
            w.writerow([_text(r[c]) if isinstance(r[c], (list, dict)) else ("" if r[c] is None else r[c])
                        for c in cols])
    else:
        t = Table(title=title)
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*[_text(r[c]) for c in cols])
        Console().print(t)
