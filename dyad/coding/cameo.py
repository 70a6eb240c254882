"""The CAMEO event code table (data/cameo.csv): names, Goldstein scores, quad classes, PLOVER.

One row per event code of the CAMEO 1.1b3 codebook: the twenty two-digit roots ("01" … "20")
and every three- and four-digit code below them. Codes are always strings: "010" (make
statement) and "10" (DEMAND) are different codes, so nothing here ever converts a code to an
integer. The CSV writes them quoted, and this loader reads every column as text before
converting `goldstein` and `quad_class` itself.

Columns and where they come from
--------------------------------
code, name
    CAMEO 1.1b3 (Schrodt et al.), in the wording of GDELT's ``CAMEO.eventcodes.txt``, with
    three repairs: typos and mojibake fixed ("material", "'third' location"); the 10x demands
    named as in the codebook's structure (101 "Demand material cooperation", 105 "Demand that
    target yields", 106 meeting, 107 settling of dispute, 108 mediation; GDELT's file carries
    older 101/105-108 names that do not fit their sub-codes); and the 1.1b3 codes GDELT's file
    lacks: 155 (cyber-forces), 176 (attack cybernetically), 1834 (location bombing), 1951 and
    1952 (precision-guided / remotely piloted aerial munitions). Root rows keep the codebook's
    upper-case cue-category names ("MAKE PUBLIC STATEMENT", "CONSULT", ...).
goldstein
    GDELT's ``CAMEO.goldsteinscale.txt``, value for value (e.g. 042 1.9, 043 2.8, 036 4.0,
    016 -2.0, 0874 10.0, 190 -10.0). The five codes absent from that file take their parent's
    value (155 from 15, 176 from 17, 1834 from 183, 1951/1952 from 195).
quad_class
    By root, as GDELT does: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20).
plover, plover_mode
    The PLOVER category (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
    ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) and, where PLOVER
    defines one, its mode. Sources: the openeventdata/PLOVER crosswalk ``CAMEO2PLOVER-2021.txt``
    (PLOVER draft 0.8) and the mode tables of ``PLOVER_MANUAL.tex``. Choices made:

    * 01 (statements) is dropped by PLOVER: category ``OTHER``, no mode.
    * 02 APPEAL and 10 DEMAND are both ``REQUEST`` (PLOVER's final category set has REQUEST in
      place of DEMAND). Their modes use the vocabulary PLOVER gives DEMAND/REJECT:
      ``assist`` (cooperation, aid), ``change`` (political reform), ``yield`` (concessions),
      ``meet`` (meet, settle, mediate). The crosswalk does not cover 02; it gets the same modes
      as the parallel 10 codes.
    * 03 (express intent to cooperate) is ``AGREE`` throughout, as in the crosswalk, not the
      category of the intended action; PLOVER defines no AGREE modes. Intent is PLOVER's
      "future" context, which this table has no column for.
    * 08 YIELD is split: 080-083 ``CONCEDE`` (no modes); 084-087 and 0813/0814 ``RETREAT``
      with modes release, return, ease, access, disarm, ceasefire, withdraw.
    * 09 INVESTIGATE and 11 DISAPPROVE are ``ACCUSE`` (modes ``investigate`` / ``disapprove``),
      except 116 (find guilty) which the manual moves to ``SANCTION`` mode ``convict``.
    * 04 CONSULT modes: 041 phone, 042 visit, 043 host, 044 third-party; 045 mediate and
      046 negotiate have none (PLOVER puts mediation in the context, not the mode).
    * 16 ``SANCTION`` modes sever, withdraw, cancel, expel (163 embargo stays SANCTION/sever).
    * 17 ``COERCE`` modes confiscate, restrict, ban, curfew, martial-law, arrest, deport;
      1712 destroy property and 175 violent repression are ``ASSAULT``; 176 cyber attack is
      COERCE with no mode (PLOVER codes "cyber" as a context).
    * 19 FIGHT and 20 mass violence are ``ASSAULT``, except 191 blockade (COERCE/restrict) and
      192 occupation (COERCE/confiscate). ASSAULT modes are abduct, beat, sexual, torture,
      assassinate, destroy, explosives, suicide-attack, firearms, heavy-weapons (aerial
      weapons 195x are heavy-weapons, as in the crosswalk). Weapons of mass destruction (204x)
      have no mode (PLOVER's "cbrn" is a context).

Usage::

    from dyad.coding.cameo import cameo_table
    code = cameo_table().get("042")    # CameoCode(code='042', name='Make a visit', ...)
    code.root                           # '04'
"""
from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.errors import DataFileError
from dyad.settings import data_path

COLUMNS: tuple[str, ...] = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode")

PLOVER_CATEGORIES: frozenset[str] = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "OTHER",  # CAMEO 01 statements, which PLOVER does not code
})

# The modes the shipped table uses, per PLOVER category (see the module docstring).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"phone", "visit", "host", "third-party", "multilateral"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access",
                          "resign", "ease"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "expel", "territory",
                           "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott",
                          "obstruct"}),
    "SANCTION": frozenset({"convict", "cancel", "expel", "withdraw", "sever"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police"}),
    "COERCE": frozenset({"confiscate", "restrict", "ban", "censor", "curfew", "martial-law",
                         "arrest", "deport", "withhold"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate",
                          "destroy", "primitive", "firearms", "explosives", "suicide-attack",
                          "heavy-weapons"}),
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what the table says about it."""

    code: str  # always a string with its leading zero: "042", never 42
    name: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit cue category: "0211" → "02"."""
        return self.code[:2]


def _check_code_text(code: object) -> str:
    if not isinstance(code, str):
        raise TypeError(
            f"CAMEO codes are strings (\"042\", not 42); got {type(code).__name__} {code!r}"
        )
    text = code.strip()
    if not (text.isascii() and text.isdigit() and 2 <= len(text) <= 4):
        raise ValueError(f"not a CAMEO event code: {code!r} (expected 2 to 4 digits, e.g. \"042\")")
    return text


class CameoTable:
    """All CAMEO event codes, looked up by their string code."""

    def __init__(self, codes: dict[str, CameoCode], path: Path | None = None):
        self._codes = dict(codes)
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None) -> CameoTable:
        """Read a cameo.csv (default: the one shipped in dyad/data).

        Raises DataFileError, naming the file and line, for a missing or wrong header, a code
        that is not 2-4 digits, a repeated code, an empty name, a Goldstein value that is not a
        number in [-10, 10], a quad_class outside 1-4, or an unknown PLOVER category.
        """
        p = Path(path) if path is not None else data_path("cameo.csv")
        try:
            fh = p.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise DataFileError(f"{p}: cannot read the CAMEO table: {exc}") from exc
        codes: dict[str, CameoCode] = {}
        with fh:
            reader = csv.reader(fh)
            try:
                header = next(reader, None)
                if header is None:
                    raise DataFileError(f"{p}, line 1: empty file; expected header {','.join(COLUMNS)}")
                header = [h.strip() for h in header]
                if tuple(header) != COLUMNS:
                    raise DataFileError(
                        f"{p}, line {reader.line_num}: header is {','.join(header)!r}; "
                        f"expected {','.join(COLUMNS)!r}"
                    )
                for row in reader:
                    line = reader.line_num
                    if not row or all(not cell.strip() for cell in row):
                        continue  # blank line
                    entry = _parse_row(row, p, line)
                    if entry.code in codes:
                        raise DataFileError(f"{p}, line {line}: code {entry.code!r} appears twice")
                    codes[entry.code] = entry
            except csv.Error as exc:
                raise DataFileError(f"{p}, line {reader.line_num}: malformed CSV: {exc}") from exc
        if not codes:
            raise DataFileError(f"{p}: no CAMEO codes in the file")
        return cls(codes, p)

    def get(self, code: str) -> CameoCode:
        """The entry for `code` ("042", or a root such as "04"). KeyError if unknown."""
        try:
            key = _check_code_text(code)
        except (TypeError, ValueError) as exc:
            raise KeyError(str(exc)) from None
        try:
            return self._codes[key]
        except KeyError:
            where = f" in {self.path}" if self.path is not None else ""
            raise KeyError(f"unknown CAMEO event code {code!r}{where}") from None

    def root_of(self, code: str) -> str:
        """The two-digit root of `code`: "0211" → "02", "10" → "10"."""
        return _check_code_text(code)[:2]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        return code.strip() in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"CameoTable({len(self)} codes from {self.path})"


def _parse_row(row: list[str], path: Path, line: int) -> CameoCode:
    where = f"{path}, line {line}"
    if len(row) != len(COLUMNS):
        raise DataFileError(f"{where}: expected {len(COLUMNS)} fields, found {len(row)}")
    raw_code, name, raw_gold, raw_quad, plover, mode = (cell.strip() for cell in row)
    if not (raw_code.isascii() and raw_code.isdigit() and 2 <= len(raw_code) <= 4):
        raise DataFileError(f"{where}: code {raw_code!r} is not 2 to 4 digits")
    if not name:
        raise DataFileError(f"{where}: code {raw_code}: empty name")
    try:
        goldstein = float(raw_gold)
    except ValueError:
        raise DataFileError(f"{where}: code {raw_code}: goldstein {raw_gold!r} is not a number") from None
    if not math.isfinite(goldstein) or not -10.0 <= goldstein <= 10.0:
        raise DataFileError(f"{where}: code {raw_code}: goldstein {raw_gold!r} is outside [-10, 10]")
    try:
        quad_class = int(raw_quad)
    except ValueError:
        raise DataFileError(f"{where}: code {raw_code}: quad_class {raw_quad!r} is not an integer") from None
    if quad_class not in (1, 2, 3, 4):
        raise DataFileError(f"{where}: code {raw_code}: quad_class {quad_class} is outside 1-4")
    if plover not in PLOVER_CATEGORIES:
        raise DataFileError(
            f"{where}: code {raw_code}: unknown PLOVER category {plover!r} "
            f"(expected one of {', '.join(sorted(PLOVER_CATEGORIES))})"
        )
    return CameoCode(
        code=raw_code,
        name=name,
        goldstein=goldstein,
        quad_class=quad_class,
        plover=plover,
        plover_mode=mode or None,
    )


@lru_cache(maxsize=1)
def cameo_table() -> CameoTable:
    """The shipped CAMEO table, loaded once."""
    return CameoTable.load()
