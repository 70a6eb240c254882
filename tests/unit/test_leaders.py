"""Leaders by date (no spaCy model needed)."""
from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta

import pycountry
import pytest

from dyad.actors.gazetteer import EXTRA_CODES, load_gazetteer
from dyad.actors.leaders import (COLUMNS, GENDERS, OFFICES, OPTIONAL_COLUMNS, Leader, LeaderTable,
                                 load_from, normalise)
from dyad.errors import DataFileError
from dyad.settings import data_path

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
    _check_lookup(table, surface, on, expected)


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


# --------------------------------------------------------------------------- shipped data checks

# Two heads of state of one country may share a few hand-over days; longer overlaps are only an
# acting or co-holder ("Acting President", "Co-President") or one of these stand-ins whose row
# covers both the acting period and the later term.
HOS_OVERLAP_DAYS = 7
HOS_STAND_INS = {
    ("NGA", "Goodluck Jonathan"),  # acting president from 2010-02-09 while Yar'Adua was ill
    ("BRA", "Michel Temer"),  # acting president from 2016-05-12 while Rousseff was suspended
}

NEW_COUNTRIES = ("JOR QAT ARE KWT BHR OMN LBN LBY YEM SDN SSD ETH KEN UGA RWA COD SOM DZA MAR TUN PSE "
                 "THA VNM MYS SGP MMR BGD LKA NPL NZL TWN MNG KAZ UZB BLR GEO ARM AZE MDA NLD BEL SWE "
                 "NOR DNK FIN IRL AUT CHE GRC HUN CZE ROU SRB PRT CHL PER BOL ECU NIC HND GTM SLV PAN "
                 "PRY URY").split()


@pytest.fixture(scope="module")
def raw_rows() -> list[dict[str, str]]:
    with data_path("leaders.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert tuple(header) == COLUMNS + OPTIONAL_COLUMNS
        rows = []
        for row in reader:
            if not row or row[0].startswith("#"):
                continue
            assert len(row) == len(header), (reader.line_num, row)
            rows.append(dict(zip(header, row)) | {"line": str(reader.line_num)})
    return rows


def test_shipped_rows_parse(raw_rows, table):
    # the loader accepted every row (it raises DataFileError otherwise) and dropped none
    assert len(table) == len(raw_rows)
    for r in raw_rows:
        D(r["start"])
        if r["end"]:
            assert D(r["start"]) < D(r["end"]), r


def test_shipped_iso3_codes_are_real(table):
    valid = {c.alpha_3 for c in pycountry.countries} | set(EXTRA_CODES)
    assert {ld.iso3 for ld in table} <= valid


def test_shipped_gender_values(raw_rows, table):
    assert {r["gender"] for r in raw_rows} <= {*GENDERS, ""}
    assert {ld.gender for ld in table} <= {*GENDERS, None}


def test_shipped_heads_of_state_do_not_overlap(table):
    far = D("9999-12-31")
    by_country: dict[str, list[Leader]] = defaultdict(list)
    for ld in table:
        if ld.office == "HOS":
            by_country[ld.iso3].append(ld)
    bad = []
    for iso3, terms in by_country.items():
        for i, a in enumerate(terms):
            for b in terms[i + 1:]:
                overlap = min(a.end or far, b.end or far) - max(a.start, b.start)
                if overlap <= timedelta(days=HOS_OVERLAP_DAYS):
                    continue
                if any(ld.title.startswith(("Acting", "Co-")) or (iso3, ld.name) in HOS_STAND_INS
                       for ld in (a, b)):
                    continue
                bad.append((iso3, a.name, str(a.start), str(a.end), b.name, str(b.start), str(b.end)))
    assert not bad


def test_shipped_blocks_are_sorted(raw_rows):
    # one block a country; within it one run an office, each by start date
    def runs(seq: list[str]) -> list[str]:
        return [x for i, x in enumerate(seq) if i == 0 or seq[i - 1] != x]

    countries = runs([r["iso3"] for r in raw_rows])
    assert len(countries) == len(set(countries)), "a country's rows are split into several blocks"
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in raw_rows:
        by_country[r["iso3"]].append(r)
    for iso3, rows in by_country.items():
        offices = runs([r["office"] for r in rows])
        assert len(offices) == len(set(offices)), iso3
        for office in offices:
            starts = [r["start"] for r in rows if r["office"] == office]
            assert starts == sorted(starts), (iso3, office)


@pytest.mark.parametrize("iso3", NEW_COUNTRIES)
def test_new_countries_have_a_head(table, iso3):
    on = D("2025-06-01")
    assert table.holders(iso3, "HOS", on) or table.holders(iso3, "HOG", on), iso3


# --------------------------------------------------------------------------- namesakes, new countries


@pytest.mark.parametrize("surface, on, expected", [
    ("King Abdullah", "2016-05-01", ("JOR", "HOS")),  # the Saudi King Abdullah died 2015-01-23
    ("King Abdullah", "2003-01-01", ("JOR", "HOS")),  # before the Saudi Abdullah was king
    ("Jordan's King Abdullah II", "2010-01-01", ("JOR", "HOS")),
    ("King Abdullah II", "2010-01-01", ("JOR", "HOS")),
    ("Abdullah II", "2024-01-01", ("JOR", "HOS")),
    ("Abdullah bin Abdulaziz", "2010-01-01", ("SAU", "HOS")),
    ("Abbas", "2018-01-01", ("PSE", "HOS")),
    ("Mahmoud Abbas", "2003-06-01", ("PSE", "HOG")),
    ("Abu Mazen", "2020-01-01", ("PSE", "HOS")),
    ("Abbas", "2002-01-01", None),
    ("Tamim", "2020-01-01", ("QAT", "HOS")),
    ("King Mohammed VI", "2020-01-01", ("MAR", "HOS")),
    ("Gaddafi", "2005-01-01", ("LBY", "HOS")),
    ("Suu Kyi", "2018-01-01", ("MMR", "HOG")),
    ("Orban", "2020-01-01", ("HUN", "HOG")),
    ("Ludovic Orban", "2020-01-01", ("ROU", "HOG")),
    ("Vucic", "2020-01-01", ("SRB", "HOS")),
    ("Lukashenko", "2021-01-01", ("BLR", "HOS")),
    ("Rutte", "2015-01-01", ("NLD", "HOG")),
    ("Bukele", "2022-01-01", ("SLV", "HOS")),
    ("Barroso", "2003-01-01", ("PRT", "HOG")),
    ("Barroso", "2010-01-01", ("EUR", "HOG")),
])
def test_lookup_new_countries(table, surface, on, expected):
    _check_lookup(table, surface, on, expected)


def _check_lookup(table, surface, on, expected):
    """The table's answer for `surface` on date `on` is (country, office), or nothing when None."""
    got = table.lookup(surface, D(on))
    if expected is None:
        assert got is None
    else:
        assert got is not None, surface
        assert (got.iso3, got.office) == expected


def test_bare_surname_shared_in_new_countries(table):
    # Mahinda (prime minister) and Gotabaya (president) Rajapaksa, 2019-2022
    assert table.lookup("Rajapaksa", D("2020-06-01")) is None
    assert table.lookup("Rajapaksa", D("2010-06-01")).name == "Mahinda Rajapaksa"
    assert table.lookup("Gotabaya Rajapaksa", D("2020-06-01")).office == "HOS"


def test_king_abdullah_while_both_reign_is_left_unresolved_without_context(table):
    # both King Abdullahs reigned 2005-08-01..2015-01-23 and both rows carry the alias
    assert table.lookup("King Abdullah", D("2010-01-01")) is None


def test_king_abdullah_while_both_reign_follows_the_article_s_countries(table):
    assert table.lookup("King Abdullah", D("2010-01-01"), context={"JOR": 3, "SYR": 1}).iso3 == "JOR"
    assert table.lookup("King Abdullah", D("2010-01-01"), context={"SAU": 2, "JOR": 1}).iso3 == "SAU"
    assert table.lookup("King Abdullah", D("2010-01-01"), context={"SAU": 1, "JOR": 1}) is None


# --------------------------------------------------------------------------- gender column


def test_gender_of_shipped_rows(table):
    [merkel] = table.holders("DEU", "HOG", D("2010-01-01"))
    assert merkel.gender == "f"
    [may] = table.holders("GBR", "HOG", D("2017-01-01"))
    assert may.name == "Theresa May" and may.gender == "f"
    assert table.lookup("Hillary Clinton", D("2010-01-01")).gender == "f"
    assert table.lookup("Tsai Ing-wen", D("2020-01-01")).gender == "f"
    assert table.lookup("Abbas", D("2018-01-01")).gender == "m"
    assert all(ld.gender in ("m", "f") for ld in table)


def test_file_without_gender_column_loads(tmp_path):
    p = tmp_path / "leaders.csv"
    p.write_text(HEADER + GOOD, encoding="utf-8")
    [obama] = list(load_from(p))
    assert obama.gender is None


def test_file_with_gender_column_loads(tmp_path):
    p = tmp_path / "leaders.csv"
    p.write_text(HEADER.rstrip("\n") + ",gender\n"
                 + GOOD.rstrip("\n") + ",m\n"
                 + "DEU,HOG,Angela Merkel,Merkel,2005-11-22,2021-12-08,Chancellor,f\n"
                 + "FRA,HOS,Nobody Known,,2001-01-01,,President,\n", encoding="utf-8")
    t = load_from(p)
    assert [ld.gender for ld in t] == ["m", "f", None]
    assert t.lookup("Merkel", D("2010-01-01")).gender == "f"


@pytest.mark.parametrize("body, reason", [
    ("USA,HOS,Joe Biden,Biden,2021-01-20,2025-01-20,President,x\n", "gender"),
    ("USA,HOS,Joe Biden,Biden,2021-01-20,2025-01-20,President\n", "expected 8 fields"),
])
def test_bad_gender_rows_name_file_and_line(tmp_path, body, reason):
    p = tmp_path / "leaders.csv"
    p.write_text(HEADER.rstrip("\n") + ",gender\n" + GOOD.rstrip("\n") + ",m\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        LeaderTable.from_csv(p)
    msg = str(exc.value)
    assert str(p) in msg and "line 3" in msg and reason in msg


def test_a_foreign_minister_s_bare_surname_needs_the_country_in_the_article(table):
    [fm] = table.holders("BRA", "FM", D("2017-06-08"))
    surname = fm.name.split()[-1]
    assert table.lookup(surname, D("2017-06-08")) is not None
    assert table.lookup(surname, D("2017-06-08"), context={"USA": 4}) is None
    assert table.lookup(surname, D("2017-06-08"), context={"BRA": 1}).iso3 == "BRA"
