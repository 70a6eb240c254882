"""`dyad rejects`: list the records that ingest could not use, with where they came from and why."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from dyad.commands._common import _plain, db_option, handle_errors
from dyad.errors import DyadError


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="Output format on stdout.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")
@handle_errors
def rejects(db, fmt, limit) -> None:
    """List rejected records (origin, reason, snippet) from a store, oldest first."""
    from pathlib import Path

    from dyad.store import Store

    if not Path(db).is_file():
        raise DyadError(f"store {db!r} does not exist (run `dyad ingest FILES --db {db}` first)")
    with Store(db, read_only=True) as store:
        rows = store.rejects(limit=limit)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"rejects ({len(rows)})")
    for col in ("origin", "reason", "snippet"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["origin"], r["reason"], (r["snippet"] or "").replace("\n", " "))
    Console().print(t)


COMMANDS = [rejects]
