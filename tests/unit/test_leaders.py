"""Leaders by date (no spaCy model needed)."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.gazetteer import load_gazetteer
from dyad.actors.leaders import OFFICES, Leader, LeaderTable, load_from, normalise
from dyad.errors import DataFileError

D = date.fromisoformat


@pytest.fixture(scope="module")
def table() -> LeaderTable:
    return LeaderTable.load()


@pytest.mark.parametrize("surface, on, expected", [
    ("Trump", "2019-06-01", ("USA", "HOS")),
    ("Trump", "2022-06-01", None),
    ("Trump", "2026-01-09", ("USA", "HOS")),
    ("Donald Trump", "2026-01-09", ("USA", "HOS")),
    ("Donald J. Trump", "2018-01-01", ("USA", "HOS")),
    ("President Donald Trump", "2026-01-09", ("USA", "HOS")),
    ("U.S. President Donald Trump", "2026-01-09", ("USA", "HOS")),
    ("Trump's", "2026-01-09", ("USA", "HOS")),
    ("Obama", "2012-03-01", ("USA", "HOS")),
    ("Barack Obama", "2012-03-01", ("USA", "HOS")),
    ("Maduro", "2020-01-01", ("VEN", "HOS")),
    ("nicolas maduro", "2020-01-01", ("VEN", "HOS")),
    ("Maduro", "2010-01-01", ("VEN", "FM")),
    ("Chavez", "2005-01-01", ("VEN", "HOS")),
    ("Hugo Chávez", "2005-01-01", ("VEN", "HOS")),
    ("Blinken", "2022-06-01", ("USA", "FM")),
    ("Rubio", "2025-06-01", ("USA", "FM")),
    ("Rubio", "2024-06-01", None),
    ("Lavrov", "2015-01-01", ("RUS", "FM")),
    ("Sergei Lavrov", "2023-01-01", ("RUS", "FM")),
    ("Russian Foreign Minister Sergei Lavrov", "2023-01-01", ("RUS", "FM")),
    ("Putin", "2010-01-01", ("RUS", "HOG")),
    ("Putin", "2020-01-01", ("RUS", "HOS")),
    ("Xi Jinping", "2020-01-01", ("CHN", "HOS")),
    ("Kim Jong-un", "2019-01-01", ("PRK", "HOS")),
    ("KIM JONG UN", "2019-01-01", ("PRK", "HOS")),
    ("Zelenskyy", "2023-01-01", ("UKR", "HOS")),
    ("Erdogan", "2010-01-01", ("TUR", "HOG")),
    ("Erdoğan", "2020-01-01", ("TUR", "HOS")),
    ("Khamenei", "2015-01-01", ("IRN", "HOS")),
    ("Rouhani", "2015-01-01", ("IRN", "HOG")),
    ("von der Leyen", "2022-01-01", ("EUR", "HOG")),
    ("Kallas", "2025-03-01", ("EUR", "FM")),
    ("Merkel", "2010-01-01", ("DEU", "HOG")),
    ("Netanyahu", "2024-01-01", ("ISR", "HOG")),
])
def test_lookup(table, surface, on, expected):
    got = table.lookup(surface, D(on))
    if expected is None:
        assert got is None
    else:
        assert got is not None, surface
        assert (got.iso3, got.office) == expected


def test_surname_only_when_unambiguous(table):
    # Lech (president) and Jarosław (prime minister) Kaczyński both in office in 2007.
    assert table.lookup("Kaczynski", D("2007-01-01")) is None
    assert table.lookup("Jarosław Kaczyński", D("2007-01-01")).office == "HOG"
    assert table.lookup("Kaczynski", D("2009-01-01")).name == "Lech Kaczyński"
    # Kim Dae-jung (KOR) and Kim Jong Il (PRK) in 2001.
    assert table.lookup("Kim", D("2001-01-01")) is None
    assert table.lookup("Kim", D("2019-01-01")).iso3 == "PRK"


def test_titles_do_not_stretch_to_other_offices(table):
    assert table.lookup("Vice President Delcy Rodríguez", D("2025-06-01")) is None
    assert table.lookup("Jorge Rodríguez", D("2020-01-01")) is None


def test_prefers_head_of_state(table):
    # Putin was prime minister and acting president between 1999-12-31 and 2000-05-07.
    assert table.lookup("Putin", D("2000-02-01")).office == "HOS"


def test_holders(table):
    [bush] = table.holders("USA", "HOS", D("2003-03-20"))
    assert bush.name == "George W. Bush" and bush.title == "President"
    assert [ld.name for ld in table.holders("USA", "HOS", D("2021-01-20"))] == ["Donald Trump", "Joe Biden"]
    [rubio] = table.holders("usa", "fm", D("2025-06-01"))
    assert rubio.name == "Marco Rubio" and rubio.end is None
    [starmer] = table.holders("GBR", "HOG", D("2025-01-01"))
    assert starmer.title == "Prime Minister"
    assert table.holders("USA", "HOG", D("2025-06-01")) == []


def test_shipped_table_is_sane(table):
    gaz = load_gazetteer()
    assert len(table) > 500
    for ld in table:
        assert isinstance(ld, Leader)
        assert ld.office in OFFICES
        assert ld.iso3 == "EUR" or gaz.by_iso3(ld.iso3) is not None
        assert ld.end is None or ld.end >= ld.start
        assert ld.title
    required = ("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA EUR VEN "
                "IRN PRK SYR ISR UKR PAK AFG IRQ EGY CUB COL NGA PHL ESP POL").split()
    today = D("2026-11-25")
    for iso3 in required:
        assert table.holders(iso3, "HOS", today) or table.holders(iso3, "HOG", today), iso3
        assert table.holders(iso3, "FM", today), iso3


def test_normalise():
    assert normalise("Nicolás  Maduro") == "nicolas maduro"
    assert normalise("Kim Jong-un") == normalise("Kim Jong Un")
    assert normalise("Donald J. Trump") == "donald j trump"


def test_load_is_cached():
    assert LeaderTable.load() is LeaderTable.load()


HEADER = "iso3,office,name,aliases,start,end,title\n"
GOOD = "USA,HOS,Barack Obama,Obama,2009-01-20,2017-01-20,President\n"


def test_load_from_small_file(tmp_path):
    p = tmp_path / "leaders.csv"
    p.write_text(HEADER + GOOD, encoding="utf-8")
    t = load_from(p)
    assert len(t) == 1
    assert t.lookup("obama", D("2010-01-01")).name == "Barack Obama"


@pytest.mark.parametrize("bad_row, reason", [
    ("USA,HOS,Joe Biden,Biden,2021-01-20,2025-01-20\n", "fields"),
    ("XXX,HOS,Nobody,,2021-01-20,,President\n", "unknown iso3"),
    ("USA,VP,Kamala Harris,Harris,2021-01-20,2025-01-20,Vice President\n", "office"),
    ("USA,HOS,Joe Biden,Biden,20/01/2021,,President\n", "ISO date"),
    ("USA,HOS,Joe Biden,Biden,2025-01-20,2021-01-20,President\n", "before start"),
    ("USA,HOS,,Biden,2021-01-20,,President\n", "empty name"),
])
def test_malformed_row_names_file_and_line(tmp_path, bad_row, reason):
    p = tmp_path / "leaders.csv"
    p.write_text(HEADER + GOOD + bad_row, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        LeaderTable.from_csv(p)
    msg = str(exc.value)
    assert str(p) in msg and "line 3" in msg and reason in msg
