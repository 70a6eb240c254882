"""Load articles into a store: skip those already stored (before coding), code the rest, write in
batches, then rebuild the dedup tables.

Crash safety: each batch of coded articles is written in one transaction together with their
events, actors and quotes, the rejects seen so far, and a checkpoint per input file (table
`ingest_progress`). A run killed at any moment leaves whole articles only; running the same
command again skips the input files the checkpoints mark done, skips stored articles before
coding, and so finishes the job with every article coded and stored exactly once.
"""
from __future__ import annotations

import itertools
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dyad.models import Article, Reject, content_id

if TYPE_CHECKING:
    from dyad.pipeline import ArticleResult
    from dyad.settings import Settings
    from dyad.store.duck import Store

log = logging.getLogger("dyad")



@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    already_stored: int = 0  # skipped before coding: their id is in the store (or repeated in the input)
    coded: int = 0
    failed: int = 0  # coding raised; not stored, so a later run tries again
    events: int = 0  # event reports coded in this run
    quotes: int = 0
    rejects: int = 0  # bad records (and coding failures)
    batches: int = 0  # write transactions committed
    inputs_done: int = 0  # input files skipped because a checkpoint marks them done
    added: dict[str, int] = field(default_factory=dict)  # new rows per table
    dedup: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def input_key(path: str) -> str | None:
    """The identity of an input file as it is now (absolute path, size, mtime); None for stdin."""
    if path == "-":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return content_id(os.path.abspath(path), st.st_size, st.st_mtime_ns)


class _Progress:
    """Per-input checkpoint rows, kept in step with what has been committed."""

    def __init__(self, store: "Store"):
        self.rows = store.ingest_progress()
        self.failed: set[str] = set()
        self.inflight: dict[str, int] = {}  # articles handed to the pipeline, not yet committed
        self.read_done: set[str] = set()
        self.touched: set[str] = set()

    def is_done(self, key: str | None) -> bool:
        return key is not None and key in self.rows and self.rows[key]["status"] == "done"

    def start(self, key: str, path: str) -> None:
        st = os.stat(path)
        row = self.rows.get(key) or {"input_key": key, "path": path, "size": st.st_size,
                                     "mtime_ns": st.st_mtime_ns, "batches": 0, "articles": 0,
                                     "last_origin": None}
        row.update(status="running", updated_at=None)
        self.rows[key] = row
        self.touched.add(key)

    def committed(self, key: str, article: Article) -> None:
        row = self.rows[key]
        row["articles"] += 1
        row["last_origin"] = article.origin

    def pending_rows(self) -> list[dict[str, Any]]:
        """The checkpoint rows to write with the batch being committed (finished inputs marked)."""
        from dyad.store.duck import _now

        out = []
        for key in sorted(self.touched):
            row = self.rows[key]
            if key in self.read_done and not self.inflight.get(key):
                row["status"] = "incomplete" if key in self.failed else "done"
            row["batches"] += 1
            row["updated_at"] = _now()
            out.append(dict(row))
        return out



def unseen(keyed: Iterable[tuple[str | None, Article]], stored: dict[str, str], report: Any,
           reject: Callable[[Reject], None]) -> Iterator[tuple[str | None, Article]]:
    """The articles not stored yet. An id stored with the same text is skipped before coding
    (`report.already_stored`); an id stored with other text is rejected as a duplicate. `stored`
    (id → text hash) grows as articles pass, so a duplicate within the input is caught too."""
    from dyad.ingest._base import DUPLICATE_ID, text_hash

    for key, a in keyed:
        report.read += 1
        digest = text_hash(a.text)
        known = stored.get(a.id)
        if known is not None:
            if known == digest:
                report.already_stored += 1
            else:
                log.warning("%s: rejected: %s", a.origin or a.id, DUPLICATE_ID)
                reject(Reject(origin=a.origin or a.id, reason=DUPLICATE_ID, snippet=a.text[:80]))
            continue
        stored[a.id] = digest
        yield key, a

def ingest(store: "Store", inputs: Sequence[str] | Iterable[Article], *, settings: "Settings | None" = None,
           published: date | None = None, dedup: bool = True, resume: bool = True,
           on_result: Callable[["ArticleResult", IngestReport], None] | None = None,
           on_reject: Callable[[Reject], None] | None = None) -> IngestReport:
    """Code and store articles from files and directories (paths, as `read_articles` takes) or
    Article objects.

    Articles whose id is already in the store are skipped before coding, so a re-run is fast and
    adds nothing; an article whose id is stored with a different text is rejected ("duplicate id
    with different text"). Coded articles are committed every `settings.batch_size` articles, each
    batch with its checkpoint; with `resume`, input files a checkpoint marks done (same path, size
    and mtime) are not read again. With `dedup`, dedup_events and mentions are rebuilt at the end
    (with the store's last options).
    """
    from dyad.ingest import ArticleReader
    from dyad.pipeline import Pipeline
    from dyad.settings import get_settings

    settings = settings or get_settings()
    t0 = time.perf_counter()
    report = IngestReport()
    rejects: list[Reject] = []  # not yet written
    n_rejects = 0

    def _reject(r: Reject) -> None:
        nonlocal n_rejects
        rejects.append(r)
        n_rejects += 1
        if on_reject:
            on_reject(r)

    progress = _Progress(store)
    # paths (a short list) or Articles (possibly a long generator: peeked at, never drained)
    stream = iter(inputs)
    first = next(stream, None)
    items: list = [first, *stream] if isinstance(first, str) else []
    keyed: Iterable[tuple[str | None, Article]]
    if items and all(isinstance(x, str) for x in items):  # paths
        reader = ArticleReader(published=published, on_reject=_reject)

        def from_files() -> Iterator[tuple[str | None, Article]]:
            for path in reader.files(items):
                key = input_key(path)
                if resume and progress.is_done(key):
                    report.inputs_done += 1
                    log.info("%s: already ingested (checkpoint); skipped", path)
                    continue
                if key is not None:
                    progress.start(key, path)
                for a in reader.read(path):
                    yield key, a
                if key is not None:
                    progress.read_done.add(key)

        keyed = from_files()
    else:
        keyed = ((None, a) for a in itertools.chain([first] if first is not None else [], stream))

    stored = store.article_text_hashes()
    inflight: deque[str | None] = deque()  # input key of each article in the pipeline, in order

    def fresh() -> Iterator[Article]:
        for key, a in unseen(keyed, stored, report, _reject):
            inflight.append(key)
            if key is not None:
                progress.inflight[key] = progress.inflight.get(key, 0) + 1
            yield a

    added: dict[str, int] = {}
    pending: list[tuple] = []

    def flush() -> None:
        rows = progress.pending_rows()
        counts = store.write_batch(pending, rejects=rejects, progress=rows)
        for k, v in counts.items():
            added[k] = added.get(k, 0) + v
        report.batches += 1
        log.debug("committed batch %d: %d articles, %d rejects (%d articles coded so far)",
                  report.batches, len(pending), len(rejects), report.coded)
        pending.clear()
        rejects.clear()
        progress.touched = {k for k, r in progress.rows.items() if k in progress.touched and r["status"] == "running"}

    batch = max(1, settings.batch_size)
    for res in Pipeline(settings).process(fresh(), on_reject=_reject):
        key = inflight.popleft()
        if key is not None:
            progress.inflight[key] -= 1
        if res.error is None:
            report.coded += 1
            report.events += len(res.events)
            report.quotes += len(res.quotes)
            pending.append((res.article, res.events, res.quotes))
            if key is not None:
                progress.committed(key, res.article)
        else:
            report.failed += 1
            if key is not None:
                progress.failed.add(key)
        report.rejects = n_rejects
        if on_result:
            on_result(res, report)
        if len(pending) >= batch:
            flush()
    if pending or rejects or progress.touched:
        flush()
    report.rejects = n_rejects
    added.setdefault("rejects", 0)
    report.added = added
    if dedup:
        report.dedup = store.dedup()
    report.seconds = round(time.perf_counter() - t0, 2)
    return report
