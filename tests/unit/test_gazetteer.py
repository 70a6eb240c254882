"""Country gazetteer: data file coverage and lookup rules (no spaCy model needed)."""
from __future__ import annotations

import pycountry
import pytest

from dyad.actors.gazetteer import (
    CountryEntry, Gazetteer, Match, load_from, load_gazetteer, plural_forms,
)
from dyad.errors import DataFileError
from dyad.settings import data_path


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize("text, iso3, kind", [
    ("United States", "USA", "name"),
    ("the United States", "USA", "name"),
    ("The United States", "USA", "name"),
    ("U.S.", "USA", "alias"),
    ("US", "USA", "alias"),
    ("USA", "USA", "alias"),
    ("America", "USA", "alias"),
    ("the U.S.'s", "USA", "alias"),
    ("American", "USA", "demonym"),
    ("Americans", "USA", "demonym"),
    ("Americans'", "USA", "demonym"),
    ("Washington", "USA", "capital"),
    ("Washington, D.C.", "USA", "capital"),
    ("Venezuela", "VEN", "name"),
    ("Venezuela’s", "VEN", "name"),
    ("Venezuela's", "VEN", "name"),
    ("Bolivarian Republic of Venezuela", "VEN", "alias"),
    ("Venezuelan", "VEN", "demonym"),
    ("Venezuelans", "VEN", "demonym"),
    ("Caracas", "VEN", "capital"),
    ("VENEZUELA", "VEN", "name"),
    ("Britain", "GBR", "alias"),
    ("U.K.", "GBR", "alias"),
    ("British", "GBR", "demonym"),
    ("Britons", "GBR", "demonym"),
    ("Chinese", "CHN", "demonym"),
    ("Peking", "CHN", "capital"),
    ("Swiss", "CHE", "demonym"),
    ("Russia", "RUS", "name"),
    ("Russian Federation", "RUS", "alias"),
    ("Kiev", "UKR", "capital"),
    ("Kyiv", "UKR", "capital"),
    ("North Korea", "PRK", "name"),
    ("DPRK", "PRK", "alias"),
    ("South Korea", "KOR", "name"),
    ("Burma", "MMR", "alias"),
    ("Ivory Coast", "CIV", "name"),
    ("Côte d'Ivoire", "CIV", "alias"),
    ("Cote d’Ivoire", "CIV", "alias"),
    ("Congo", "COD", "alias"),
    ("DRC", "COD", "alias"),
    ("Congo-Brazzaville", "COG", "alias"),
    ("Republic of the Congo", "COG", "name"),
    ("Dominican", "DOM", "demonym"),
    ("Dominica", "DMA", "name"),
    ("Niger", "NER", "name"),
    ("Nigeria", "NGA", "name"),
    ("Guinea", "GIN", "name"),
    ("Papua New Guinea", "PNG", "name"),
    ("Holland", "NLD", "alias"),
    ("Dutch", "NLD", "demonym"),
    ("Czechia", "CZE", "alias"),
    ("Czechs", "CZE", "demonym"),
    ("Türkiye", "TUR", "alias"),
    ("Turkey", "TUR", "name"),
    ("Palestinian territories", "PSE", "alias"),
    ("Gaza", "PSE", "alias"),
    ("Palestinians", "PSE", "demonym"),
    ("Kosovo", "XKX", "name"),
    ("UAE", "ARE", "alias"),
    ("Emirati", "ARE", "demonym"),
    ("Filipino", "PHL", "demonym"),
    ("Philippines", "PHL", "name"),
    ("the Philippines", "PHL", "name"),
    ("Saudi", "SAU", "demonym"),
    ("Taiwan", "TWN", "name"),
    ("Iran", "IRN", "name"),
    ("Syria", "SYR", "name"),
    ("Vietnam", "VNM", "name"),
    ("Laos", "LAO", "name"),
    ("Tehran", "IRN", "capital"),
    ("St. John's", "ATG", "capital"),
    ("Kingston", "JAM", "capital"),  # Norfolk Island's Kingston is not indexed
])
def test_lookup(gaz, text, iso3, kind):
    m = gaz.lookup(text)
    assert m is not None, text
    assert (m.iso3, m.kind) == (iso3, kind)
    assert isinstance(m, Match) and m.entry.iso3 == iso3


@pytest.mark.parametrize("text", [
    "us", "turkey", "china", "Victoria", "Hamilton", "Male", "San Jose", "Korean", "Kurdish", "Congolese (x)", "",
    "the", "Atlantis",
])
def test_no_match(gaz, text):
    assert gaz.lookup(text) is None


def test_common_names_not_pycountry_official(gaz):
    for iso3, name in [("VEN", "Venezuela"), ("USA", "United States"), ("RUS", "Russia"),
                       ("IRN", "Iran"), ("KOR", "South Korea"), ("PRK", "North Korea"),
                       ("SYR", "Syria"), ("BOL", "Bolivia"), ("TZA", "Tanzania"),
                       ("VNM", "Vietnam"), ("LAO", "Laos"), ("MDA", "Moldova"),
                       ("CZE", "Czech Republic")]:
        assert gaz.by_iso3(iso3).name == name


def test_every_pycountry_country_has_a_row_with_demonym(gaz):
    for c in pycountry.countries:
        e = gaz.by_iso3(c.alpha_3)
        assert e is not None, c.alpha_3
        assert e.iso2 == c.alpha_2
        assert e.demonyms and all(d.strip() for d in e.demonyms), c.alpha_3
        assert e.region in {"AF", "AS", "EU", "NA", "OC", "SA", "AN"}


def test_by_iso3(gaz):
    e = gaz.by_iso3("usa")
    assert isinstance(e, CountryEntry)
    assert e.capital == "Washington"
    assert "Washington, D.C." in e.capital_aliases
    assert gaz.by_iso3("XXX") is None
    assert gaz.by_iso3("XKX").iso2 == "XK"


def test_no_ambiguous_forms_in_shipped_data(gaz):
    assert gaz.ambiguous == frozenset()


def test_surface_forms(gaz):
    forms = dict(gaz.surface_forms())
    assert forms["U.S."].iso3 == "USA"
    assert forms["US"].iso3 == "USA"
    assert forms["Venezuelans"].iso3 == "VEN"
    assert forms["Venezuelans"].kind == "demonym"
    assert forms["Cote d'Ivoire"].iso3 == "CIV"
    assert forms["Caracas"].kind == "capital"
    assert "Chineses" not in forms and "Swisss" not in forms
    assert len(forms) > 1000


def test_plural_forms():
    assert plural_forms("Venezuelan") == ["Venezuelans"]
    assert plural_forms("Saudi Arabian") == ["Saudi Arabians"]
    assert plural_forms("Englishman") == ["Englishmen"]
    assert plural_forms("Czech") == ["Czechs"]
    for invariable in ("Swiss", "Chinese", "British", "Dutch", "Seychellois", "Malagasy", "U.S."):
        assert plural_forms(invariable) == []


def test_loader_is_cached():
    assert load_gazetteer() is load_gazetteer()


HEADER = "iso3,iso2,name,aliases,demonyms,capital,capital_aliases,region\n"
GOOD = "VEN,VE,Venezuela,,Venezuelan,Caracas,Caracas,SA\n"


def test_load_from_small_file(tmp_path):
    p = tmp_path / "countries.csv"
    p.write_text(HEADER + GOOD + "XKX,XK,Kosovo,,Kosovar,Pristina,Pristina,EU\n", encoding="utf-8")
    g = load_from(p)
    assert len(g) == 2
    assert g.lookup("Venezuelans").iso3 == "VEN"


@pytest.mark.parametrize("bad_row, reason", [
    ("XXX,XX,Nowhere,,Nowherian,,,EU\n", "unknown iso3"),
    ("FRA,DE,France,,French,Paris,Paris,EU\n", "iso2"),
    ("FRA,FR,France,,French,Paris,Paris\n", "fields"),
    ("FRA,FR,,,French,Paris,Paris,EU\n", "empty name"),
    ("FRA,FR,France,,French,Paris,Paris,XX\n", "region"),
    ("VEN,VE,Venezuela,,Venezuelan,Caracas,Caracas,SA\n", "duplicate"),
])
def test_malformed_row_names_file_and_line(tmp_path, bad_row, reason):
    p = tmp_path / "countries.csv"
    p.write_text(HEADER + GOOD + bad_row, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_from(p)
    msg = str(exc.value)
    assert str(p) in msg and "line 3" in msg and reason in msg


def test_same_kind_collision_is_ambiguous(tmp_path):
    p = tmp_path / "countries.csv"
    p.write_text(HEADER + "DOM,DO,Dominican Republic,,Dominican,Santo Domingo,Santo Domingo,NA\n"
                 "DMA,DM,Dominica,,Dominican,Roseau,Roseau,NA\n", encoding="utf-8")
    g = load_from(p)
    assert g.lookup("Dominican") is None
    assert "Dominican" in g.ambiguous
    assert "Dominican" not in dict(g.surface_forms())
    assert g.lookup("Dominica").iso3 == "DMA"


def test_bad_header(tmp_path):
    p = tmp_path / "countries.csv"
    p.write_text("iso3,name\nVEN,Venezuela\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 1"):
        load_from(p)


def test_shipped_file_matches_generator_columns():
    first = data_path("countries.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first + "\n" == HEADER
