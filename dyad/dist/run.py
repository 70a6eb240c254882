"""`dyad ingest --dask`: Dask workers code partitions of articles and write Parquet parts; the
client merges the parts into the store, one transaction per partition, then runs dedup.

The client reads the inputs, skips the articles already stored (as `dyad.store.load.ingest` does),
and hands out partitions of `partition_size` articles, a few at a time so the input is streamed.
Each worker builds its Pipeline (and loads the spaCy model) once, in `PipelinePlugin.setup`; a task
codes its partition and writes one Parquet file per table (articles, events, actors, quotes,
rejects) with the rows `Store.write_batch` would store (`dyad.store.duck.batch_tables`). A failed
partition is logged and retried once; a second failure stops the run with `PartitionFailed`.

Crash safety: a partition's rows are merged in one transaction, so the store holds whole articles
only; run the command again and the stored articles are skipped before coding.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import ConfigError, DyadError, PartitionFailed
from dyad.models import Article, Reject
from dyad.store.load import IngestReport, input_key, unseen

try:
    import distributed
except ImportError:  # the optional extra
    raise ConfigError("Dask is not installed: `pip install 'dyad[dask]'` (dask and distributed)") from None

if TYPE_CHECKING:
    from distributed import Client

    from dyad.pipeline import Pipeline
    from dyad.settings import Settings
    from dyad.store.duck import Store

log = logging.getLogger("dyad")

DEFAULT_PARTITION_SIZE = 200
PART_TABLES = ("articles", "events", "actors", "quotes", "rejects")

__all__ = ["DEFAULT_PARTITION_SIZE", "DaskReport", "PipelinePlugin", "code_partition", "connect", "ingest_dask"]


@dataclass
class DaskReport(IngestReport):
    partitions: int = 0  # partitions coded and merged (`batches` counts the same merges)
    retried: int = 0  # partitions that failed once and were tried again
    workers: int = 0  # workers when the run started


# ---------------------------------------------------------------------------------- workers

_PIPELINES: dict[str, "Pipeline"] = {}  # per worker process: settings key -> Pipeline


def _settings_key(settings: "Settings") -> str:
    return json.dumps(dataclasses.asdict(settings), sort_keys=True, default=str)


def pipeline_for(settings: "Settings") -> "Pipeline":
    """This process's Pipeline for `settings`, built (with its spaCy model, prefilter, actor tables
    and place-name index loaded) on first use."""
    key = _settings_key(settings)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        from dyad.pipeline import Pipeline

        pipe = Pipeline(settings)
        pipe.warm_up()  # the model, prefilter and tables, now, once per process
        _PIPELINES[key] = pipe
    return pipe


class PipelinePlugin(distributed.WorkerPlugin):
    """Builds the Pipeline, spaCy model, prefilter and tables included, when a worker starts (or joins
    later), so that no partition pays for them."""

    def __init__(self, settings: "Settings"):
        self.settings = settings
        self.name = "dyad-pipeline-" + hashlib.sha1(_settings_key(settings).encode()).hexdigest()[:12]

    def setup(self, worker: Any) -> None:
        pipeline_for(self.settings)


def code_partition(number: int, articles: list[Article], settings: "Settings", run_dir: str) -> dict[str, Any]:
    """Code one partition on a worker and write its Parquet parts (`run_dir`/part-NNNNNN-TABLE.parquet).

    Returns the paths of the parts and counts; the ids of articles whose coding failed are listed
    under "failed" (their rejects are in the rejects part).
    """
    import pyarrow.parquet as pq

    from dyad.store.duck import batch_tables

    pipe = pipeline_for(settings)
    rejects: list[Reject] = []
    items, failed = [], []
    n_events = n_quotes = 0
    for res in pipe.process(articles, on_reject=rejects.append):
        if res.error is None:
            items.append((res.article, res.events, res.quotes))
            n_events += len(res.events)
            n_quotes += len(res.quotes)
        else:
            failed.append(res.article.id)
    tables = batch_tables(items, rejects=rejects)
    if not os.path.isdir(run_dir):
        raise DyadError(f"the parts directory {run_dir} does not exist on worker host {socket.gethostname()}: "
                        f"give --parts-dir a directory on a filesystem shared by the workers and the dyad process")
    parts = {}
    for table in PART_TABLES:
        path = os.path.join(run_dir, f"part-{number:06d}-{table}.parquet")
        tmp = f"{path}.{os.getpid()}.tmp"
        pq.write_table(tables[table], tmp)
        os.replace(tmp, path)  # a retried partition overwrites whole files only
        parts[table] = path
    return {"partition": number, "parts": parts, "coded": len(items), "failed": failed,
            "events": n_events, "quotes": n_quotes, "rejects": len(rejects)}


# ---------------------------------------------------------------------------------- client


@contextlib.contextmanager
def connect(scheduler: "str | Client") -> Iterator["Client"]:
    """A Dask client for `scheduler`: a scheduler address ("tcp://host:8786"), "local:N" (a
    LocalCluster of N single-threaded worker processes, closed on exit) or a Client (left open)."""
    if isinstance(scheduler, distributed.Client):
        yield scheduler
        return
    if scheduler.startswith("local:") or scheduler == "local":
        n_text = scheduler.partition(":")[2] or str(os.cpu_count() or 1)
        try:
            n = int(n_text)
            if n < 1:
                raise ValueError
        except ValueError:
            raise DyadError(f"--dask {scheduler!r}: after local: give the number of workers, as in local:2") from None
        with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            client.wait_for_workers(n)
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="30s")
    except OSError as exc:
        raise DyadError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from exc
    with client:
        yield client


def _parts_root(store: "Store", parts_dir: str | Path | None) -> Path:
    if parts_dir is not None:
        return Path(parts_dir)
    if store.path == ":memory:":
        return Path(tempfile.gettempdir())
    return Path(store.path).resolve().parent


@dataclass
class _Partition:
    number: int
    articles: list[Article]
    keys: list[str | None]  # input key of each article
    attempt: int = 0

    def describe(self) -> tuple[str, str]:
        first, last = self.articles[0], self.articles[-1]
        return first.origin or first.id, last.origin or last.id


def ingest_dask(store: "Store", inputs: Sequence[str] | Iterable[Article], *, scheduler: "str | Client",
                settings: "Settings | None" = None, published: date | None = None,
                partition_size: int = DEFAULT_PARTITION_SIZE, parts_dir: str | Path | None = None,
                dedup: bool = True, resume: bool = True,
                on_partition: Callable[[DaskReport], None] | None = None,
                on_reject: Callable[[Reject], None] | None = None,
                task: Callable[..., dict[str, Any]] = code_partition) -> DaskReport:
    """Like `dyad.store.load.ingest`, with the coding done by Dask workers (see the module doc).

    `scheduler` is what `connect` takes. Parts are written in a new directory under `parts_dir`
    (default: the store's directory), which the workers and this process must both see (on one
    machine any directory; on a cluster a shared filesystem); it is removed at the end. Input
    files are marked done in ingest_progress when all their articles are merged. `task` is the
    function run per partition (tests swap it).
    """
    from dyad.ingest import ArticleReader
    from dyad.settings import get_settings

    settings = dataclasses.replace(settings or get_settings(), n_process=1)  # a worker is one process
    partition_size = max(1, int(partition_size))
    t0 = time.perf_counter()
    report = DaskReport()
    rejects: list[Reject] = []  # read by this process, written at the end

    def _reject(r: Reject) -> None:
        rejects.append(r)
        if on_reject:
            on_reject(r)

    # ---- read, skip stored articles, cut into partitions (lazily)
    old_progress = store.ingest_progress()
    files: dict[str, dict[str, Any]] = {}  # input key -> checkpoint row for this run
    items = list(inputs) if not isinstance(inputs, Iterator) else inputs
    keyed: Iterable[tuple[str | None, Article]]
    if items and all(isinstance(x, str) for x in items):
        reader = ArticleReader(published=published, on_reject=_reject)

        def from_files() -> Iterator[tuple[str | None, Article]]:
            for path in reader.files(items):
                key = input_key(path)
                if resume and key in old_progress and old_progress[key]["status"] == "done":
                    report.inputs_done += 1
                    log.info("%s: already ingested (checkpoint); skipped", path)
                    continue
                if key is not None:
                    st = os.stat(path)
                    row = dict(old_progress.get(key) or {"input_key": key, "path": path, "size": st.st_size,
                                                         "mtime_ns": st.st_mtime_ns, "batches": 0, "articles": 0,
                                                         "last_origin": None})
                    files[key] = {**row, "status": "running", "failed": 0}
                yield from ((key, a) for a in reader.read(path))

        keyed = from_files()
    else:
        keyed = ((None, a) for a in items)

    stored = store.article_text_hashes()

    def partitions() -> Iterator[_Partition]:
        number = 0
        arts: list[Article] = []
        keys: list[str | None] = []
        for key, a in unseen(keyed, stored, report, _reject):
            arts.append(a)
            keys.append(key)
            if len(arts) >= partition_size:
                number += 1
                yield _Partition(number, arts, keys)
                arts, keys = [], []
        if arts:
            yield _Partition(number + 1, arts, keys)

    # ---- hand out partitions, merge what comes back
    root = _parts_root(store, parts_dir)
    root.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix=".dyad-parts-", dir=root))
    added: dict[str, int] = {t: 0 for t in PART_TABLES}
    worker_rejects = 0  # coding failures, in the rejects parts
    try:
        with connect(scheduler) as client:
            nthreads = sum(client.nthreads().values())
            report.workers = len(client.nthreads())
            client.register_plugin(PipelinePlugin(settings))
            window = max(2, 2 * nthreads)  # partitions in flight: enough to keep every worker busy
            pending = partitions()
            running: dict[str, tuple[Any, _Partition]] = {}  # future key -> (future, partition)
            done = distributed.as_completed()

            def submit(p: _Partition) -> None:
                fut = client.submit(task, p.number, p.articles, settings, str(run_dir),
                                    key=f"dyad-partition-{p.number}-try{p.attempt}-{run_dir.name}", pure=False)
                running[fut.key] = (fut, p)
                done.add(fut)

            for p in pending:
                submit(p)
                if len(running) >= window:
                    break
            fatal: PartitionFailed | None = None  # once set: no new work; the partitions in flight are merged
            for fut in done:
                _, p = running.pop(fut.key)
                if fut.status != "finished":
                    exc = fut.exception()
                    error = f"{type(exc).__name__}: {exc}"
                    fut.release()
                    first, last = p.describe()
                    if p.attempt == 0 and fatal is None:
                        log.warning("partition %d (%s … %s) failed: %s; retrying once", p.number, first, last, error)
                        report.retried += 1
                        p.attempt = 1
                        submit(p)
                    elif fatal is None:
                        log.error("partition %d (%s … %s) failed again: %s; stopping after the %d partitions "
                                  "in flight", p.number, first, last, error, len(running))
                        fatal = PartitionFailed(p.number, first, last, len(p.articles), error)
                    continue
                res = fut.result()
                fut.release()
                _merge(store, res, added)
                _count(report, p, res, files)
                worker_rejects += res["rejects"]
                report.rejects = len(rejects) + worker_rejects
                if on_partition:
                    on_partition(report)
                nxt = next(pending, None) if fatal is None else None
                if nxt is not None:
                    submit(nxt)
            if fatal is not None:
                raise fatal
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
        if rejects:
            added["rejects"] += store.write_rejects(rejects)
    # ---- checkpoints: inputs read to the end with all their partitions merged
    from dyad.store.duck import _now

    rows = []
    for key, row in files.items():
        failed = row.pop("failed")
        row.update(status="incomplete" if failed else "done", updated_at=_now())
        rows.append(row)
    if rows:
        store.write_batch([], progress=rows)
    report.rejects = len(rejects) + worker_rejects
    report.added = added
    if dedup:
        report.dedup = store.dedup()
    report.seconds = round(time.perf_counter() - t0, 2)
    return report


def _merge(store: "Store", res: dict[str, Any], added: dict[str, int]) -> None:
    parts = res["parts"]
    missing = [p for p in parts.values() if not os.path.exists(p)]
    if missing:
        raise DyadError(f"a worker wrote {missing[0]!r}, which this process cannot see: give --parts-dir "
                        f"a directory on a filesystem that the workers and this machine share")
    counts = store.merge_parquet(parts)
    for table, n in counts.items():
        added[table] = added.get(table, 0) + n
    for path in parts.values():
        os.remove(path)
    log.debug("merged partition %d: %d articles, %d events", res["partition"], counts.get("articles", 0),
              counts.get("events", 0))


def _count(report: DaskReport, p: _Partition, res: dict[str, Any], files: dict[str, dict[str, Any]]) -> None:
    report.partitions += 1
    report.batches += 1
    report.coded += res["coded"]
    report.failed += len(res["failed"])
    report.events += res["events"]
    report.quotes += res["quotes"]
    failed = set(res["failed"])
    touched = set()
    for a, key in zip(p.articles, p.keys):
        if key is None or key not in files:
            continue
        row = files[key]
        touched.add(key)
        if a.id in failed:
            row["failed"] += 1
        else:
            row["articles"] += 1
            row["last_origin"] = a.origin
    for key in touched:
        files[key]["batches"] += 1
