"""Exports of dedup events: GDELT 2.0 events and mentions, ICEWS, PLOVER JSONL, Parquet and CSV.

Column lists of the exchange formats are data files (dyad/data/*_columns.txt). CAMEO codes are strings
in every format ("042", never 42). Where dyad has no value for a column (tone, actor geography, ethnic
and religion codes) the column is empty.

Deviations to know: GDELT's *Geo_CountryCode columns are FIPS 10-4 codes in GDELT; dyad writes ISO 3166-1
alpha-2 (its geocoder is ISO-based). GLOBALEVENTID is a stable 52-bit integer from the dedup event's id.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa

from dyad.errors import ConfigError
from dyad.settings import data_path

if TYPE_CHECKING:
    from dyad.store.duck import Store

FORMATS = ("gdelt", "gdelt-mentions", "icews", "plover", "parquet", "csv")
TEXT_FORMATS = ("gdelt", "gdelt-mentions", "icews", "plover", "csv")
BATCH_ROWS = 50_000


def columns(name: str) -> list[str]:
    """A column list shipped in dyad/data/{name}_columns.txt (comments and blank lines skipped)."""
    lines = data_path(f"{name}_columns.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _ymd(col: str) -> str:
    return f"strftime({col}, '%Y%m%d')"


_GEO_TYPE = """CASE WHEN d.location_name IS NULL THEN 0
    WHEN d.location_feature = 'country' THEN 1
    WHEN d.location_feature = 'admin1' THEN CASE WHEN d.location_country = 'USA' THEN 2 ELSE 5 END
    WHEN d.location_country = 'USA' THEN 3 ELSE 4 END"""


def _actor_cols(n: int, side: str) -> list[str]:
    return [
        f"d.{side}_code", f"upper(coalesce(d.{side}_name, ''))", f"d.{side}_country", "NULL", "NULL", "NULL",
        "NULL", f"d.{side}_roles[1]", f"d.{side}_roles[2]", f"d.{side}_roles[3]",
    ]



def _select(exprs: list[str], fmt: str) -> str:
    """SELECT list: each SQL expression named by the format's column list (a data file)."""
    names = columns(fmt)
    assert len(exprs) == len(names), (fmt, len(exprs), len(names))
    return ", ".join(f'{x} AS "{n}"' for x, n in zip(exprs, names))

def _gdelt_events_sql() -> str:
    exprs = [
        "d.global_id", _ymd("d.date"), "strftime(d.date, '%Y%m')", "strftime(d.date, '%Y')",
        "printf('%.4f', year(d.date) + (dayofyear(d.date) - 1) / 365.0)",
        *_actor_cols(1, "source"), *_actor_cols(2, "target"),
        "CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END",
        "d.cameo", "substr(d.cameo, 1, 3)", "d.root", "d.quad_class", "d.goldstein",
        "d.num_mentions", "d.num_sources", "d.num_articles", "NULL",
        "0", *["NULL"] * 7,
        "0", *["NULL"] * 7,
        _GEO_TYPE, "d.location_name", "c.iso2", "NULL", "NULL", "d.lat", "d.lon", "d.location_geonameid",
        "strftime(coalesce(a.coded_at, CAST(d.first_seen AS TIMESTAMP)), '%Y%m%d%H%M%S')",
        "coalesce(d.url, d.article_id)",
    ]
    select = _select(exprs, "gdelt_events")
    return f"""
        SELECT {select}
        FROM dedup_events d
        LEFT JOIN events e ON e.event_id = d.event_id
        LEFT JOIN articles a ON a.article_id = d.article_id
        LEFT JOIN _dyad_countries c ON c.iso3 = d.location_country
        ORDER BY d.date, d.global_id
    """


def _gdelt_mentions_sql() -> str:
    exprs = [
        "d.global_id", f"{_ymd('d.first_seen')} || '000000'", f"{_ymd('m.published')} || '000000'", "1",
        "m.outlet", "coalesce(m.url, m.article_id)", "m.sentence_index + 1", "sa.start", "ta.start",
        "e.trigger_start", "1", "CAST(round(m.confidence * 100) AS INTEGER)", "length(a.text)",
        "NULL", "NULL", "NULL",
    ]
    select = _select(exprs, "gdelt_mentions")
    return f"""
        SELECT {select}
        FROM mentions m
        JOIN dedup_events d ON d.dedup_event_id = m.dedup_event_id
        LEFT JOIN events e ON e.event_id = m.event_id
        LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
        LEFT JOIN actors ta ON ta.actor_id = e.target_actor_id
        LEFT JOIN articles a ON a.article_id = m.article_id
        ORDER BY d.date, d.global_id, m.published, m.article_id, m.sentence_index
    """


def _icews_sql() -> str:
    exprs = [
        "d.global_id", "CAST(d.date AS VARCHAR)",
        "coalesce(d.source_name, d.source_code)", "array_to_string(d.source_roles, ',')", "sc.name",
        "d.cameo_name", "d.cameo", "d.goldstein",
        "coalesce(d.target_name, d.target_code)", "array_to_string(d.target_roles, ',')", "tc.name",
        "d.article_id", "e.sentence_index + 1", "d.outlet",
        "CASE WHEN d.location_feature NOT IN ('country', 'admin1') THEN d.location_name END",
        "NULL",
        "CASE WHEN d.location_feature = 'admin1' THEN d.location_name END",
        "lc.name", "d.lat", "d.lon",
    ]
    select = _select(exprs, "icews")
    return f"""
        SELECT {select}
        FROM dedup_events d
        LEFT JOIN events e ON e.event_id = d.event_id
        LEFT JOIN _dyad_countries sc ON sc.iso3 = d.source_country
        LEFT JOIN _dyad_countries tc ON tc.iso3 = d.target_country
        LEFT JOIN _dyad_countries lc ON lc.iso3 = d.location_country
        ORDER BY d.date, d.global_id
    """


_PLOVER_SQL = """
    SELECT d.*, e.sentence_index, e.span_start, e.span_end, e.trigger, a.title, a.coded_at,
           lc.iso2 AS location_cc2
    FROM dedup_events d
    LEFT JOIN events e ON e.event_id = d.event_id
    LEFT JOIN articles a ON a.article_id = d.article_id
    LEFT JOIN _dyad_countries lc ON lc.iso3 = d.location_country
    ORDER BY d.date, d.global_id
"""


def _plover_actor(r: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if r[f"{side}_code"] is None and r[f"{side}_country"] is None:
        return []
    return [{"code": r[f"{side}_country"] or r[f"{side}_code"], "sector": list(r[f"{side}_roles"] or []),
             "actor_text": r[f"{side}_name"], "cameo_code": r[f"{side}_code"]}]


def plover_record(r: dict[str, Any], version: str) -> dict[str, Any]:
    """One PLOVER JSON record (PLOVER manual, "JSON Data Fields") from a dedup event row.

    The spec's own fields come first (id, date, source, recipient, event, mode, context, quad_code,
    event_scale, event_loc, event_text, text_info, cite_info, coder, coded_date); flat convenience fields
    used by POLECAT-style tools (actor1, actor1_country, actor2, actor2_country, event_type) and dyad's
    counts follow, as the spec allows extra named fields.
    """
    loc = None
    if r["location_name"] is not None:
        loc = {"name": r["location_name"], "latitude": r["lat"], "longitude": r["lon"],
               "geonameid": r["location_geonameid"], "country code": r["location_cc2"],
               "cc3": r["location_country"], "feature": r["location_feature"]}
    src, rcp = _plover_actor(r, "source"), _plover_actor(r, "target")
    date_s = r["date"].isoformat() if r["date"] is not None else None
    return {
        "id": r["dedup_event_id"],
        "date": date_s,
        "source": src,
        "recipient": rcp,
        "event": [r["plover"]] if r["plover"] else [],
        "mode": [r["plover_mode"]] if r["plover_mode"] else [],
        "context": [],
        "quad_code": r["quad_class"],
        "event_scale": r["goldstein"],
        "event_loc": loc,
        "event_text": [r["sentence"]] if r["sentence"] else [],
        "text_info": {"sequence": r["sentence_index"], "start": r["span_start"], "end": r["span_end"]},
        "cite_info": {"url": r["url"], "title": r["title"], "publication": r["outlet"],
                      "citation": r["article_id"], "coder": f"dyad {version}", "codebook": "CAMEO"},
        "coder": f"dyad {version}",
        "coded_date": r["coded_at"].date().isoformat() if r["coded_at"] is not None else None,
        "actor1": r["source_name"] or r["source_code"],
        "actor1_country": r["source_country"],
        "actor2": r["target_name"] or r["target_code"],
        "actor2_country": r["target_country"],
        "event_type": r["plover"],
        "cameo": r["cameo"],
        "num_mentions": r["num_mentions"],
        "num_sources": r["num_sources"],
        "num_articles": r["num_articles"],
    }


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _countries(con) -> None:
    import csv as _csv

    with data_path("countries.csv").open(encoding="utf-8") as f:
        rows = [{"iso3": r["iso3"], "iso2": r["iso2"], "name": r["name"]} for r in _csv.DictReader(f)]
    con.register("_dyad_countries", pa.Table.from_pylist(
        rows, schema=pa.schema([("iso3", pa.string()), ("iso2", pa.string()), ("name", pa.string())])))


def _batches(con, sql: str) -> Iterator[pa.RecordBatch]:
    reader = con.sql(sql).to_arrow_reader(BATCH_ROWS)
    yield from reader


@contextmanager
def _text_out(output: str | Path | IO[str] | None) -> Iterator[IO[str]]:
    if output is None or output == "-":
        yield sys.stdout
    elif isinstance(output, (str, Path)):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield output


def _write_tsv(con, sql: str, out: IO[str], *, header: list[str] | None) -> int:
    n = 0
    if header:
        out.write("\t".join(header) + "\n")
    for batch in _batches(con, sql):
        cols = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        buf = io.StringIO()
        for row in zip(*cols):
            buf.write("\t".join(_cell(v) for v in row))
            buf.write("\n")
        out.write(buf.getvalue())
        n += batch.num_rows
    return n


def _write_plover(con, out: IO[str]) -> int:
    from dyad import __version__

    n = 0
    for batch in _batches(con, _PLOVER_SQL):
        for r in batch.to_pylist():
            out.write(json.dumps(plover_record(r, __version__), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _csv_value(v: Any) -> Any:
    if isinstance(v, list):
        return ";".join(map(str, v))
    if v is None or isinstance(v, (str, int, float)):
        return v
    return str(v)  # dates: ISO text


def _write_csv(con, out: IO[str]) -> int:
    """dyad's own dedup_events as CSV; every text cell is quoted, so "042" reads back as a string."""
    n = 0
    writer = None
    for batch in _batches(con, "SELECT * FROM dedup_events ORDER BY date, global_id"):
        if writer is None:
            writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
            writer.writerow(batch.schema.names)
        cols = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        for row in zip(*cols):
            writer.writerow([_csv_value(v) for v in row])
        n += batch.num_rows
    if writer is None:
        from dyad.store.duck import DERIVED_TABLES

        csv.writer(out).writerow([c for c, _ in DERIVED_TABLES["dedup_events"]])
    return n


def export(store: "Store", fmt: str, output: str | Path | IO[str] | None = None) -> int:
    """Write the store's dedup events (or mentions) in `fmt` to `output` (a path, a text stream, or None
    for stdout; Parquet needs a path). Returns the number of rows written."""
    if fmt not in FORMATS:
        raise ConfigError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        if output is None or output == "-" or not isinstance(output, (str, Path)):
            raise ConfigError("Parquet is binary: give a file with --output")
        import pyarrow.parquet as pq

        table = store._conn().cursor().sql("SELECT * FROM dedup_events ORDER BY date, global_id").to_arrow_table()
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, str(output))
        return table.num_rows
    con = store._conn().cursor()  # its own connection: the lookup table is registered on it only
    try:
        _countries(con)
        with _text_out(output) as out:
            if fmt == "gdelt":
                return _write_tsv(con, _gdelt_events_sql(), out, header=None)
            if fmt == "gdelt-mentions":
                return _write_tsv(con, _gdelt_mentions_sql(), out, header=None)
            if fmt == "icews":
                return _write_tsv(con, _icews_sql(), out, header=columns("icews"))
            if fmt == "plover":
                return _write_plover(con, out)
            return _write_csv(con, out)
    finally:
        con.close()
