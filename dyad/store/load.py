"""Load articles into a store: skip those already stored (before coding), code the rest, write in bulk,
then rebuild the dedup tables."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dyad.models import Article, Reject

if TYPE_CHECKING:
    from dyad.pipeline import ArticleResult
    from dyad.settings import Settings
    from dyad.store.duck import Store

log = logging.getLogger("dyad")

WRITE_EVERY = 200  # coded articles per write_batch transaction


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    already_stored: int = 0  # skipped before coding: their id is in the store (or repeated in the input)
    coded: int = 0
    failed: int = 0  # coding raised; not stored, so a later run tries again
    events: int = 0  # event reports coded in this run
    quotes: int = 0
    rejects: int = 0  # bad records (and coding failures)
    added: dict[str, int] = field(default_factory=dict)  # new rows per table
    dedup: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def ingest(store: "Store", inputs: Sequence[str] | Iterable[Article], *, settings: "Settings | None" = None,
           published: date | None = None, dedup: bool = True,
           on_result: Callable[["ArticleResult", IngestReport], None] | None = None,
           on_reject: Callable[[Reject], None] | None = None) -> IngestReport:
    """Code and store articles from files (paths, as `read_articles` takes) or Article objects.

    Articles whose id is already in the store are skipped before coding, so a re-run is fast and adds
    nothing. With `dedup`, dedup_events and mentions are rebuilt at the end (with the store's last options).
    """
    from dyad.ingest import read_articles
    from dyad.pipeline import Pipeline

    t0 = time.perf_counter()
    report = IngestReport()
    rejects: list[Reject] = []

    def _reject(r: Reject) -> None:
        rejects.append(r)
        if on_reject:
            on_reject(r)

    items = list(inputs) if not isinstance(inputs, Iterator) else inputs
    if items and all(isinstance(x, str) for x in items):  # paths
        articles: Iterable[Article] = read_articles(items, published=published, on_reject=_reject)
    else:
        articles = items
    existing = store.article_ids()

    def fresh() -> Iterator[Article]:
        for a in articles:
            report.read += 1
            if a.id in existing:
                report.already_stored += 1
                continue
            existing.add(a.id)
            yield a

    added: dict[str, int] = {}
    pending: list[tuple] = []

    def flush() -> None:
        for k, v in store.write_batch(pending).items():
            added[k] = added.get(k, 0) + v
        pending.clear()

    for res in Pipeline(settings).process(fresh(), on_reject=_reject):
        if res.error is None:
            report.coded += 1
            report.events += len(res.events)
            report.quotes += len(res.quotes)
            pending.append((res.article, res.events, res.quotes))
            if len(pending) >= WRITE_EVERY:
                flush()
        else:
            report.failed += 1
        report.rejects = len(rejects)
        if on_result:
            on_result(res, report)
    if pending:
        flush()
    added["rejects"] = store.write_rejects(rejects)
    report.rejects = len(rejects)
    report.added = added
    if dedup:
        report.dedup = store.dedup()
    report.seconds = round(time.perf_counter() - t0, 2)
    return report
