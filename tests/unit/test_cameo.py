"""The CAMEO event code table: the shipped data file and its loader."""
from __future__ import annotations

import csv

import pytest

from dyad.coding.cameo import (
    COLUMNS,
    PLOVER_CATEGORIES,
    PLOVER_MODES,
    CameoCode,
    CameoTable,
    cameo_table,
)
from dyad.errors import DataFileError, DyadError
from dyad.settings import data_path

ROOTS = [f"{n:02d}" for n in range(1, 21)]
HEADER = ",".join(COLUMNS)


def _quad_for_root(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return CameoTable.load()


def _write(tmp_path, *lines: str):
    p = tmp_path / "cameo.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


# --- the shipped table ---------------------------------------------------------------------

def test_every_root_present(table):
    for root in ROOTS:
        assert root in table, root
        entry = table.get(root)
        assert entry.root == root
        assert entry.name


def test_row_count(table):
    assert len(table) >= 280
    assert len(list(table)) == len(table)


def test_codes_are_strings_with_leading_zeros(table):
    codes = {c.code for c in table}
    for c in table:
        assert isinstance(c.code, str)
        assert c.code.isdigit() and 2 <= len(c.code) <= 4
    # leading zeros survive; "010" (make statement) and "10" (DEMAND) are different codes
    assert {"010", "0211", "0874", "01", "09"} <= codes
    assert table.get("010").name.startswith("Make statement")
    assert table.get("10").name == "DEMAND"
    assert "10" in table and "010" in table and table.get("10") != table.get("010")


def test_raw_file_keeps_code_column_as_text():
    with data_path("cameo.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["code"] == "01"
    assert any(r["code"] == "010" for r in rows)
    # the code field is quoted in the file, a hint to spreadsheet/pandas readers as well
    first_data_line = data_path("cameo.csv").read_text(encoding="utf-8").splitlines()[1]
    assert first_data_line.startswith('"01",')


def test_make_a_visit(table):
    c = table.get("042")
    assert c == CameoCode("042", "Make a visit", 1.9, 1, "CONSULT", "visit")
    assert c.root == "04"


def test_known_goldstein_values(table):
    expected = {
        "010": 0.0, "042": 1.9, "043": 2.8, "036": 4.0, "0841": 7.0, "0874": 10.0,
        "130": -4.4, "163": -8.0, "182": -9.5, "190": -10.0, "20": -10.0,
    }
    for code, value in expected.items():
        assert table.get(code).goldstein == pytest.approx(value), code


def test_conventional_force(table):
    c = table.get("190")
    assert c.quad_class == 4
    assert c.goldstein == -10.0
    assert c.plover == "ASSAULT"


def test_names_from_codebook(table):
    assert table.get("043").name == "Host a visit"
    assert table.get("036").name == "Express intent to meet or negotiate"
    assert table.get("010").name == "Make statement, not specified below"


def test_quad_class_consistent_with_root(table):
    for c in table:
        assert c.quad_class == _quad_for_root(c.root), c


def test_every_subcode_has_its_root_and_parent(table):
    for c in table:
        assert table.root_of(c.code) == c.root
        assert c.root in table, c.code
        if len(c.code) == 4:
            assert c.code[:3] in table, f"{c.code} has no three-digit parent"


def test_goldstein_in_range(table):
    for c in table:
        assert -10.0 <= c.goldstein <= 10.0


def test_plover_categories_and_modes(table):
    for c in table:
        assert c.plover in PLOVER_CATEGORIES, c
        if c.plover_mode is not None:
            assert c.plover_mode in PLOVER_MODES.get(c.plover, frozenset()), c
    assert table.get("043").plover_mode == "host"
    assert table.get("041").plover_mode == "phone"
    assert table.get("010").plover == "OTHER"
    assert table.get("0841").plover == "RETREAT" and table.get("0841").plover_mode == "release"
    assert table.get("073").plover_mode == "humanitarian"
    assert table.get("173").plover == "COERCE" and table.get("173").plover_mode == "arrest"
    assert table.get("193").plover_mode == "firearms"
    assert table.get("1822").plover_mode == "torture"


def test_get_unknown_code_raises_keyerror(table):
    with pytest.raises(KeyError, match="999"):
        table.get("999")
    with pytest.raises(KeyError):
        table.get("4a")
    assert "999" not in table
    assert 42 not in table


def test_root_of(table):
    assert table.root_of("0211") == "02"
    assert table.root_of("10") == "10"
    assert table.root_of("1823") == "18"
    with pytest.raises(TypeError):
        table.root_of(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        table.root_of("x1")


def test_cameo_table_is_cached():
    assert cameo_table() is cameo_table()
    assert cameo_table().get("042").name == "Make a visit"


# --- malformed files -----------------------------------------------------------------------

def test_valid_small_file_loads(tmp_path):
    p = _write(tmp_path, HEADER, '"04",CONSULT,1.0,1,CONSULT,', '"042",Make a visit,1.9,1,CONSULT,visit')
    t = CameoTable.load(p)
    assert len(t) == 2
    assert t.get("042").plover_mode == "visit"
    assert t.get("04").plover_mode is None


@pytest.mark.parametrize(
    "bad_row, fragment",
    [
        ('"042",Make a visit,high,1,CONSULT,visit', "goldstein"),
        ('"042",Make a visit,11.5,1,CONSULT,visit', "goldstein"),
        ('"042",Make a visit,1.9,5,CONSULT,visit', "quad_class"),
        ('"042",Make a visit,1.9,0,CONSULT,visit', "quad_class"),
        ('"042",Make a visit,1.9,one,CONSULT,visit', "quad_class"),
        ('"04x",Make a visit,1.9,1,CONSULT,visit', "code"),
        ('"42.0",Make a visit,1.9,1,CONSULT,visit', "code"),
        ('"042",Make a visit,1.9,1,CHAT,visit', "PLOVER"),
        ('"042",Make a visit,1.9,1,CONSULT', "fields"),
        ('"04",CONSULT again,1.0,1,CONSULT,', "twice"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path, bad_row, fragment):
    p = _write(tmp_path, HEADER, '"04",CONSULT,1.0,1,CONSULT,', bad_row)
    with pytest.raises(DataFileError) as info:
        CameoTable.load(p)
    msg = str(info.value)
    assert "line 3" in msg
    assert str(p) in msg
    assert fragment in msg


def test_bad_header(tmp_path):
    p = _write(tmp_path, "code,name,score", '"04",CONSULT,1.0')
    with pytest.raises(DataFileError, match="line 1"):
        CameoTable.load(p)


def test_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DyadError):
        CameoTable.load(tmp_path / "nope.csv")


def test_line_numbers_count_multiline_fields(tmp_path):
    p = _write(
        tmp_path,
        HEADER,
        '"04","CONSULT,\nwith a newline",1.0,1,CONSULT,',
        '"042",Make a visit,1.9,9,CONSULT,visit',
    )
    with pytest.raises(DataFileError, match="line 4"):
        CameoTable.load(p)
