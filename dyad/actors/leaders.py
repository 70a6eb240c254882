"""Heads of state, heads of government and foreign ministers, by date.

Data: ``dyad/data/leaders.csv``, one row a term of office::

    iso3,office,name,aliases,start,end,title,gender

* ``office``: ``HOS`` (head of state), ``HOG`` (head of government), ``FM`` (foreign minister or
  equivalent). Where one person is both head of state and of government (the US President), the
  row is ``HOS`` only; every office in this table is a government actor.
* ``iso3``: ISO 3166-1 alpha-3 (checked against pycountry), or an extra code from
  :data:`dyad.actors.gazetteer.EXTRA_CODES` (``EUR``: EU Council President as HOS, Commission
  President as HOG, High Representative as FM).
* ``start``/``end``: ISO dates, both inclusive (hand-over days belong to both holders); ``end`` is
  empty while the holder is in office.
* ``aliases``: ``|``-separated surface forms, including the bare surname.
* ``gender`` (optional column): ``m`` or ``f``, empty if unknown (:attr:`Leader.gender` is then
  None). A table without the column still loads (every ``gender`` is then None); when the header
  has it, every row must have it.

Matching (:meth:`LeaderTable.lookup`) is case-, diacritic-, period- and hyphen-insensitive
("Kim Jong-un" = "kim jong un"), ignores a possessive ("Putin's") and leading titles or country
words ("U.S. President Donald Trump", "Mr. Lavrov"). A one-word form (a bare surname such as
"Kim" or "Rodríguez") matches only when exactly one person in the table answers to it on that
date. Among several matching terms the order is HOS > HOG > FM, then the latest start.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dyad.errors import DataFileError
from dyad.settings import data_path

__all__ = ["Leader", "LeaderTable", "OFFICES", "load_leaders", "load_from"]

COLUMNS = ("iso3", "office", "name", "aliases", "start", "end", "title")
OPTIONAL_COLUMNS = ("gender",)  # may follow COLUMNS in the header
GENDERS = ("m", "f")
OFFICES = ("HOS", "HOG", "FM")
_OFFICE_RANK = {o: i for i, o in enumerate(OFFICES)}

# Words dropped from the front of a query: "U.S. President Donald Trump", "Mr. Lavrov". Words
# such as "former", "late", "vice" are deliberately absent: they stop the stripping, so "Vice
# President Delcy Rodríguez" does not match her later office and "former President X" stays X's
# own business (a former holder is not in office anyway).
_TITLE_WORDS = frozenset("""
president prime minister foreign secretary of state chancellor premier king queen emperor
supreme leader ayatollah grand crown prince princess sheikh sultan emir mr mrs ms dr sir lord
lady dame general field marshal acting interim caretaker incoming new high representative
external affairs the
""".split())


@dataclass(frozen=True)
class Leader:
    iso3: str
    office: str  # "HOS" | "HOG" | "FM"
    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None
    title: str
    gender: str | None = None  # "m" | "f" | None (unknown)

    def holds_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SEP = re.compile(r"[\s\-‐‑–]+")


def normalise(text: str) -> str:
    """Lookup key: case-folded, no diacritics, no periods, hyphens as spaces."""
    text = text.translate(_QUOTES)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace(".", "")
    return _SEP.sub(" ", text).strip().casefold()


def _strip_possessive(text: str) -> str:
    text = text.translate(_QUOTES).strip()
    if text.endswith("'s"):
        return text[:-2].rstrip()
    if text.endswith("s'"):
        return text[:-1]
    return text


class LeaderTable:
    """Leaders by date. ``LeaderTable.load()`` gives the shipped table (cached)."""

    def __init__(self, leaders: Iterable[Leader]):
        self._leaders: list[Leader] = list(leaders)
        self._index: dict[str, list[Leader]] = {}
        for ld in self._leaders:
            for s in ld.surfaces:
                k = normalise(s)
                bucket = self._index.setdefault(k, [])
                if ld not in bucket:
                    bucket.append(ld)

    # ---- construction

    @classmethod
    def load(cls, path: str | Path | None = None) -> LeaderTable:
        """The table at ``path`` (default: the shipped ``leaders.csv``), read once and cached."""
        return _load_cached(str(path) if path is not None else None)

    @classmethod
    def from_csv(cls, path: str | Path) -> LeaderTable:
        """Read a leaders CSV without caching. Raises DataFileError naming file and line."""
        return cls(_read_csv(Path(path)))

    # ---- queries

    def __len__(self) -> int:
        return len(self._leaders)

    def __iter__(self) -> Iterator[Leader]:
        return iter(self._leaders)

    def lookup(self, surface: str, on: date, *, context: Mapping[str, int] | None = None) -> Leader | None:
        """The leader a name or alias refers to on date ``on``, or None (unknown, out of office,
        or ambiguous).

        A name two people in office share that day ("King Abdullah" of Jordan and of Saudi Arabia
        in 2005–2015, a shared surname) goes to the one whose country ``context`` (country code →
        mentions in the article) names most; with no such country it stays unresolved. With a
        ``context``, a foreign minister's bare surname resolves only when the article names the
        minister's country."""
        for key in self._keys(surface):
            found = self._match_key(key, on, context)
            if found is not None:
                return found
        return None

    def holders(self, iso3: str, office: str, on: date) -> list[Leader]:
        """Who held ``office`` ("HOS", "HOG", "FM") of ``iso3`` on ``on`` (usually one; two on a
        hand-over day or while an acting holder stands in)."""
        iso3, office = iso3.upper(), office.upper()
        out = [ld for ld in self._leaders if ld.iso3 == iso3 and ld.office == office and ld.holds_on(on)]
        return sorted(out, key=lambda ld: ld.start)

    # ---- internals

    @staticmethod
    def _keys(surface: str) -> list[str]:
        text = _strip_possessive(surface)
        base = normalise(text)
        if not base:
            return []
        keys = [base]
        tokens = text.split()
        i = 0
        while i < len(tokens) - 1 and (normalise(tokens[i]) in _TITLE_WORDS or _is_country_word(tokens[i])):
            i += 1
        if i:
            keys.append(normalise(" ".join(tokens[i:])))
        return keys

    def _match_key(self, key: str, on: date, context: Mapping[str, int] | None = None) -> Leader | None:
        active = [ld for ld in self._index.get(key, ()) if ld.holds_on(on)]
        if context is not None and " " not in key:
            # a foreign minister's bare surname counts only in an article that names the country
            # ("Nunes" in a story about Washington is not Brazil's foreign minister)
            active = [ld for ld in active if ld.office != "FM" or ld.iso3 in _NO_COUNTRY_WORD
                      or context.get(ld.iso3, 0) > 0]
        if not active:
            return None
        if len({normalise(ld.name) for ld in active}) > 1 and (" " not in key or len({ld.iso3 for ld in active}) > 1):
            # a bare surname, or a name of two countries' leaders, shared by two people in office
            counts = {ld.iso3: (context or {}).get(ld.iso3, 0) for ld in active}
            best = max(counts.values())
            if best == 0 or list(counts.values()).count(best) > 1:
                return None
            active = [ld for ld in active if counts[ld.iso3] == best]
            if len({normalise(ld.name) for ld in active}) > 1:
                return None
        return min(active, key=lambda ld: (_OFFICE_RANK[ld.office], -ld.start.toordinal()))


_NO_COUNTRY_WORD = {"EUR"}  # the EU's offices: no gazetteer country names them


def _is_country_word(token: str) -> bool:
    """Is this leading word a country form: "U.S.", "Russian", "Venezuela's"?"""
    from .gazetteer import load_gazetteer  # lazily, and only when a query has a leading word

    return load_gazetteer().lookup(token) is not None


# --------------------------------------------------------------------------- loading


def _parse_date(value: str, what: str, bad) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _read_csv(path: Path) -> list[Leader]:
    from .gazetteer import EXTRA_CODES
    import pycountry

    valid = {c.alpha_3 for c in pycountry.countries} | set(EXTRA_CODES)
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc}") from exc
    leaders: list[Leader] = []
    with fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        columns = tuple(h.strip() for h in header) if header is not None else None
        if columns not in (COLUMNS, COLUMNS + OPTIONAL_COLUMNS):
            raise DataFileError(f"{path}, line 1: header must be {','.join(COLUMNS)} (optionally "
                                f"followed by {','.join(OPTIONAL_COLUMNS)}), got {header!r}")
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue

            def bad(reason: str, line: int = line) -> DataFileError:
                return DataFileError(f"{path}, line {line}: {reason}")

            if len(row) != len(columns):
                raise bad(f"expected {len(columns)} fields, got {len(row)}")
            iso3, office, name, aliases, start_s, end_s, title = (c.strip() for c in row[:len(COLUMNS)])
            gender = row[len(COLUMNS)].strip().lower() if len(row) > len(COLUMNS) else ""
            if gender and gender not in GENDERS:
                raise bad(f"gender must be {' or '.join(GENDERS)} or empty, got {gender!r}")
            if iso3 not in valid:
                raise bad(f"unknown iso3 code {iso3!r} (not in ISO 3166-1 / pycountry)")
            if office not in OFFICES:
                raise bad(f"office must be one of {', '.join(OFFICES)}, got {office!r}")
            if not name:
                raise bad("empty name")
            start = _parse_date(start_s, "start", bad)
            end = _parse_date(end_s, "end", bad) if end_s else None
            if end is not None and end < start:
                raise bad(f"end {end} is before start {start}")
            alias_t: list[str] = []
            for a in aliases.split("|"):
                a = a.strip()
                if a and a != name and a not in alias_t:
                    alias_t.append(a)
            leaders.append(Leader(iso3=iso3, office=office, name=name, aliases=tuple(alias_t),
                                  start=start, end=end, title=title, gender=gender or None))
    return leaders


@lru_cache(maxsize=8)
def _load_cached(path: str | None) -> LeaderTable:
    return LeaderTable.from_csv(Path(path) if path is not None else data_path("leaders.csv"))


def load_leaders() -> LeaderTable:
    """The shipped leaders table, read once."""
    return LeaderTable.load()


def load_from(path: str | Path) -> LeaderTable:
    """Read a leaders CSV (uncached)."""
    return LeaderTable.from_csv(path)
