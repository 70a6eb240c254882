"""`dyad serve`: the web dashboard and HTTP API over a store (needs the `web` extra)."""
from __future__ import annotations

import click

from dyad.commands._common import db_option, err, handle_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Any address other than loopback requires --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port.")
@click.option("--token", envvar="DYAD_TOKEN", default=None, metavar="T",
              help="Require 'Authorization: Bearer T' (or ?token=T) on every request; also DYAD_TOKEN.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True, help="uvicorn's log level.")
@handle_errors
def serve(db, host, port, token, log_level) -> None:
    """Serve the dashboard (overview and map, dyads, events, articles, search, quotes) and the JSON/CSV API
    (/api/..., schema at /openapi.json) over the store, opened read-only."""
    from dyad.web.app import check_bind

    check_bind(host, token)
    from dyad.web.app import run

    shown = f"[{host}]" if ":" in host else host
    err.print(f"dyad: serving {db} (read-only) on http://{shown}:{port}/" + (" (token required)" if token else ""),
              highlight=False)
    run(db, host=host, port=port, token=token, log_level=log_level)


COMMANDS = [serve]
