"""`dyad ingest --dask`: a real LocalCluster (2 worker processes) codes partitions and writes
Parquet parts; the merged store equals that of a single-process ingest, row for row."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from dyad.dist import code_partition, ingest_dask  # noqa: E402
from dyad.errors import PartitionFailed  # noqa: E402
from dyad.store import Store  # noqa: E402
from dyad.store.load import ingest  # noqa: E402

pytestmark = pytest.mark.model

SENTENCES = [
    "Japanese Prime Minister Shinzo Abe visited Nairobi on Monday.",
    "French President Emmanuel Macron criticized Germany on Tuesday.",
    "Indian troops clashed with Pakistani soldiers in Kashmir on Wednesday.",
    "Brazil's foreign minister met his Argentine counterpart in Buenos Aires.",
    "Egypt accused Turkey of supporting militants in Libya.",
    "\"We will not accept threats,\" the Iranian foreign minister said on Friday. Iran threatened Israel.",
    "Canada praised Mexico for its trade reforms on Saturday.",
    "Russian President Vladimir Putin hosted Chinese President Xi Jinping in Moscow.",
    "Kenya signed an agreement with Ethiopia on water sharing.",
    "Nigerian police arrested protesters in Lagos on Sunday.",
    "\"The attack was cowardly,\" the Spanish prime minister said. Spain condemned the attack in Morocco.",
    "Poland asked the United States for more troops on Thursday.",
]
TABLES = {  # table -> key column; rows are compared without their timestamps
    "articles": "article_id", "events": "event_id", "actors": "actor_id", "quotes": "quote_id",
    "rejects": "reject_id", "dedup_events": "dedup_event_id", "mentions": "event_id",
}
TIMESTAMPS = {"coded_at", "seen_at"}


def make_articles(path: Path) -> Path:
    lines = [json.dumps({"id": f"a{i:02d}", "published": f"2019-03-{i + 4:02d}", "source": f"outlet{i % 3}",
                         "text": text}) for i, text in enumerate(SENTENCES)]
    lines.insert(5, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict[str, list[tuple]]:
    out = {}
    with Store(db, read_only=True) as st:
        for table in TABLES:
            rows = st.query(f"SELECT * FROM {table}")
            out[table] = sorted(tuple((k, repr(v)) for k, v in r.items() if k not in TIMESTAMPS) for r in rows)
    return out


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        c.wait_for_workers(2)
        yield c


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> tuple[Path, dict[str, list[tuple]]]:
    """The input file and the store of a single-process ingest of it."""
    d = tmp_path_factory.mktemp("single")
    src = make_articles(d / "articles.jsonl")
    with Store(d / "single.duckdb") as st:
        rep = ingest(st, [str(src)])
    assert rep.coded == len(SENTENCES) and rep.events > 0
    return src, snapshot(d / "single.duckdb")


def test_dask_store_equals_single_process_ingest(client, single, tmp_path):
    src, expected = single
    parts = tmp_path / "parts"
    db = tmp_path / "dask.duckdb"
    seen = []
    with Store(db) as st:
        rep = ingest_dask(st, [str(src)], scheduler=client, partition_size=3, parts_dir=parts,
                          on_partition=lambda r: seen.append(r.partitions))
        assert (rep.read, rep.coded, rep.partitions, rep.retried, rep.rejects) == (12, 12, 4, 0, 1)
        assert seen == [1, 2, 3, 4]
        assert rep.added["articles"] == 12 and rep.dedup["mentions"] > 0
        progress = list(st.ingest_progress().values())
        assert [(p["status"], p["articles"]) for p in progress] == [("done", 12)]
    assert list(parts.iterdir()) == []  # the run's parts directory is removed after the merge
    assert snapshot(db) == expected
    with Store(db) as st:  # again: the checkpoint skips the file, nothing is added
        again = ingest_dask(st, [str(src)], scheduler=client, partition_size=3, parts_dir=parts)
    assert (again.inputs_done, again.read, again.partitions) == (1, 0, 0)
    assert snapshot(db) == expected


def flaky_task(number, articles, settings, run_dir):
    """Partition 2 fails on its first try (a marker file next to the parts says it was tried)."""
    marker = Path(run_dir).parent / f"tried-{number}"
    if number == 2 and not marker.exists():
        marker.touch()
        raise RuntimeError("worker lost its disk")
    return code_partition(number, articles, settings, run_dir)


def broken_task(number, articles, settings, run_dir):
    if number == 2:
        raise RuntimeError("worker lost its disk")
    return code_partition(number, articles, settings, run_dir)


def test_failed_partition_is_retried_once(client, single, tmp_path, caplog):
    src, expected = single
    db = tmp_path / "dask.duckdb"
    with Store(db) as st:
        rep = ingest_dask(st, [str(src)], scheduler=client, partition_size=5, parts_dir=tmp_path, task=flaky_task)
    assert (rep.partitions, rep.retried, rep.coded) == (3, 1, 12)
    assert "partition 2 (" in caplog.text and "failed: RuntimeError: worker lost its disk; retrying once" in caplog.text
    assert snapshot(db) == expected


def test_partition_failing_twice_stops_the_run(client, single, tmp_path):
    src, _ = single
    db = tmp_path / "dask.duckdb"
    with Store(db) as st:
        with pytest.raises(PartitionFailed, match=r"partition 2 \(5 articles, .*\) failed twice: RuntimeError"):
            ingest_dask(st, [str(src)], scheduler=client, partition_size=5, parts_dir=tmp_path / "parts",
                        task=broken_task)
        assert st.counts()["articles"] == 7  # partitions 1 and 3 (in flight with 2) are merged, 2 is not
        assert st.ingest_progress() == {}  # the file is not marked done
    assert list((tmp_path / "parts").iterdir()) == []


def test_cli_dask_local(single, tmp_path):
    src, expected = single
    db = tmp_path / "cli.duckdb"
    out = subprocess.run([sys.executable, "-m", "dyad", "ingest", str(src), "--db", str(db), "--dask", "local:2",
                          "--partition-size", "4", "-q"], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "dask: 3 partitions on 2 workers" in out.stderr
    assert snapshot(db) == expected
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dyad-parts-")]
