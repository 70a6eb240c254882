"""`dyad relations`, `dyad top-dyads` and `dyad shifts`: how two actors' relation goes over time."""
from __future__ import annotations

import click

from dyad.commands._common import date_options, db_option, emit_frame, err, format_option, handle_errors


def _series_options(f):
    f = click.option("--directed", is_flag=True, help="Only events from the first actor to the second.")(f)
    f = click.option("--by", type=click.Choice(["day", "week", "month"]), default="week", show_default=True,
                     help="Period.")(f)
    f = click.argument("b")(f)
    f = click.argument("a")(f)
    return f


@click.command()
@_series_options
@date_options
@db_option
@format_option
@click.option("--plot", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Also draw the series (.png, .svg).")
@handle_errors
def relations(a, b, by, directed, date_from, date_to, db, fmt, plot) -> None:
    """The time series between actors A and B (country code such as USA, or actor code prefix such as
    USAGOV): event counts by QuadClass, Goldstein sum, mean and mention-weighted mean."""
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        df = store.relations(a, b, by=by, directed=directed, date_from=date_from, date_to=date_to)
    arrow = "→" if directed else "↔"
    emit_frame(df, fmt, title=f"{a} {arrow} {b} by {by}")
    if plot:
        from dyad.relations.plot import plot_series

        plot_series(df, plot, title=f"{a} {arrow} {b} by {by}")
        err.print(f"dyad: plot written to {plot}", highlight=False)


@click.command("top-dyads")
@date_options
@db_option
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Number of pairs.")
@click.option("--by", type=click.Choice(["country", "code"]), default="country", show_default=True,
              help="Pair country codes or full actor codes.")
@handle_errors
def top_dyads(date_from, date_to, db, fmt, limit, by) -> None:
    """The most active pairs of actors (undirected), by number of dedup events."""
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        df = store.top_dyads(date_from=date_from, date_to=date_to, limit=limit, by=by)
    emit_frame(df, fmt, title="top dyads")


@click.command()
@_series_options
@date_options
@db_option
@format_option
@click.option("--penalty", type=click.FloatRange(min=0, min_open=True), default=3.0, show_default=True,
              help="Change-point penalty, in units of sigma² · log(n); larger finds fewer breaks.")
@click.option("--method", type=click.Choice(["pelt", "binseg"]), default="pelt", show_default=True)
@click.option("--min-size", type=click.IntRange(min=1), default=3, show_default=True,
              help="Fewest periods between breaks.")
@click.option("--series", "column", type=click.Choice(["goldstein_mean", "goldstein_wmean", "goldstein_sum"]),
              default="goldstein_mean", show_default=True, help="The series to search for breaks.")
@click.option("--plot", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Draw the series with the breaks marked (.png, .svg).")
@handle_errors
def shifts(a, b, by, directed, date_from, date_to, db, fmt, penalty, method, min_size, column, plot) -> None:
    """When the relation between A and B turned: change points in the Goldstein series, labelled "thaw"
    (the mean goes up) or "escalation" (it goes down), with the top events around each break."""
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        breaks, series = store.shifts(a, b, by=by, directed=directed, date_from=date_from, date_to=date_to,
                                      penalty=penalty, method=method, min_size=min_size, column=column,
                                      with_series=True)
    arrow = "→" if directed else "↔"
    if fmt == "table":
        emit_frame(breaks, fmt, title=f"shifts {a} {arrow} {b} by {by}",
                   columns=["period", "label", "mean_before", "mean_after", "before_start", "after_end"])
        for r in breaks.itertuples():
            for ev in r.top_events:
                click.echo(f"  {r.period} {r.label}: {ev['date']} {ev['source']} {ev['cameo']} {ev['target']} "
                           f"(×{ev['mentions']}) {(ev['sentence'] or '')[:120]}")
    else:
        emit_frame(breaks, fmt)
    if plot:
        from dyad.relations.plot import plot_series

        plot_series(series, plot, breaks=breaks, title=f"{a} {arrow} {b} by {by}", column=column)
        err.print(f"dyad: plot written to {plot}", highlight=False)


COMMANDS = [relations, top_dyads, shifts]
