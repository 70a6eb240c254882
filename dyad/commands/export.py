"""`dyad export`: dedup events as GDELT 2.0 events or mentions, ICEWS, PLOVER JSONL, Parquet or CSV."""
from __future__ import annotations

import click

from dyad.commands._common import db_option, err, handle_errors
from dyad.store.export import FORMATS


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Export format.")
@click.option("--output", "-o", default=None, metavar="PATH", type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (default stdout; Parquet needs a file).")
@handle_errors
def export(db, fmt, output) -> None:
    """Export the store's dedup events (gdelt-mentions: their mentions)."""
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        n = store.export(fmt, output)
    err.print(f"dyad: {n} rows exported as {fmt}" + (f" to {output}" if output and output != "-" else ""),
              highlight=False)


COMMANDS = [export]
