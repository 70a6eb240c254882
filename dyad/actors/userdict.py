"""The user's own actor and agent dictionaries. Their entries win over dyad's built-in ones.

Actors (``UserDictionary.load(paths_actors=[...])``), in any of three formats, chosen by suffix:

* YAML (``.yaml``/``.yml``): a list of entries (or ``{actors: [...]}``), each with ``name``,
  ``aliases`` (a list or ``"a|b"``), ``code`` (a CAMEO actor code such as ``FRDGOV``), ``country``
  (alpha-3 or empty), ``roles`` (a list or ``"GOV|MIL"``), and optional ``start``/``end`` (ISO dates,
  both inclusive: the entry applies only within them). ``code`` alone is enough; ``country`` and
  ``roles`` alone are enough too (the code is then country + roles).
* CSV (``.csv``): the same fields as columns, with a header line.
* PETRARCH/TABARI ``.actors`` text (any other suffix)::

      FREEDONIA_  [FRD]              # a phrase, its code; words joined by "_" (or blanks)
      +FREEDONIAN_                   # a synonym of the entry above
      RUFUS_T._FIREFLY_              ; a person whose code depends on the date
          [FRDELI 330101-331231]     # YYMMDD or YYYYMMDD; "A-B" between, ">A" from, "<B" until
          [FRDGOV >340101]
          [FRDELI]                   # no date: the default code
      MINISTRY_OF_WAR_ [~GOV]        # role-only: the country comes from the sentence

  Comments are ``#``, ``;`` and ``<!-- ... -->`` (also over several lines); blank lines are skipped;
  ``[---]`` is the null code (the phrase is not an actor on those dates). Two-digit years 00-30
  are 20YY, the rest 19YY, as in PETRARCH. A trailing ``_`` is dropped; a phrase matches as whole
  words (PETRARCH's word stems are not supported).

Agents (``paths_agents=[...]``): generic nouns → role codes, in PETRARCH ``.agents`` text::

      !PERSON! = MAN, MEN, WOMAN, WOMEN       # a substitution set, used as CONGRESS!PERSON!
      GRAND_VIZIER_ [~GOV]                    # regular plural made: GRAND VIZIERS
      MINISTER_OF_WAR_ {MINISTERS_OF_WAR} [~GOVMIL]
      POLICE {} [~COP]                        # {} = no plural
      HUMAN_RIGHTS_BODY [NGO~]

or YAML/CSV with ``name``, ``aliases``, ``roles`` and optional ``kind`` (``person`` or
``organisation``).

A malformed line is logged (``dyad`` logger, warning, ``file:line: reason``) and skipped; loading
goes on. A missing file raises :class:`~dyad.errors.ConfigError`; a YAML file that does not parse,
or a CSV file without a ``name`` column, raises :class:`~dyad.errors.DataFileError`.

Matching (:meth:`UserDictionary.match`) is on whole words, case-, diacritic-, period- and
hyphen-insensitive, ignores a possessive, and picks the longest phrase (the rightmost among equals).
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..errors import ConfigError, DataFileError

__all__ = ["UserActor", "UserAgent", "UserDictionary", "normalise", "split_code"]

log = logging.getLogger("dyad")

YAML_SUFFIXES = (".yaml", ".yml")

#: CAMEO role (type/sector) codes and non-state prefixes. The first three letters of a code are its
#: country unless they are one of these ("IGOUNO" has no country; "FRDGOV" is FRD + GOV).
ROLE_CODES = frozenset("""
GOV MIL REB OPP PTY COP JUD SPY INS SEP UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED
REF MOD RAD DIP PPL IGO NGO NGM IMG MNC UIS SET
""".split())

#: Codes of actors that belong to no state: the code stands on its own ("IGOUNO", "NGOAMN").
NONSTATE_CODES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UIS"})

_PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "men", "woman", "women", "person", "people", "ee",
                   "ess", "ary", "ant", "eur", "ier")


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class UserActor:
    """What a user dictionary says a phrase is, on a given date."""

    name: str  # the entry's primary name ("Rufus T. Firefly")
    code: str | None  # CAMEO actor code ("FRDGOV"); None for a role-only entry ("[~GOV]")
    country: str | None  # alpha-3 or a user country code ("FRD"); None for IGOs and role-only entries
    roles: tuple[str, ...]
    origin: str  # "file.actors:12"


@dataclass(frozen=True)
class UserAgent:
    """A generic noun and the roles it gives an actor ("vizier" → GOV)."""

    noun: str
    roles: tuple[str, ...]
    kind: str  # "person" or "organisation"
    origin: str


@dataclass(frozen=True)
class _Coding:
    code: str | None  # None: the null code "---"
    country: str | None
    roles: tuple[str, ...]
    start: date | None = None
    end: date | None = None

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass
class _Entry:
    name: str
    phrases: list[str]
    codings: list[_Coding]
    origin: str


class _Malformed(ValueError):
    """A line that cannot be used; reported with its file and line, then skipped."""


# --------------------------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^0-9a-z&]+")


def normalise(text: str) -> str:
    """Match key: lower case, no diacritics, no periods or possessives, other punctuation, "_" and
    hyphens as blanks. "Rufus T. Firefly's" and "RUFUS_T._FIREFLY_" both give "rufus t firefly"."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower()
    text = _POSSESSIVE.sub("", text).replace(".", "")
    return _NON_WORD.sub(" ", text).strip()


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """Country and roles of a CAMEO actor code: "FRDGOV" → ("FRD", ("GOV",)); "IGOUNO" → (None,
    ("IGO", "UNO")); "~GOV" → (None, ("GOV",))."""
    code = code.strip().upper()
    role_only = code.startswith("~") or code.endswith("~")
    chunks = [code.strip("~")[i:i + 3] for i in range(0, len(code.strip("~")), 3)]
    if not chunks:
        return None, ()
    if role_only or chunks[0] in ROLE_CODES:
        return None, tuple(chunks)
    return chunks[0], tuple(chunks[1:])


def guess_kind(noun: str) -> str:
    """"person" for nouns that name people ("vizier", "spokesman"), else "organisation"."""
    last = noun.split()[-1] if noun.split() else noun
    return "person" if last.endswith(_PERSON_ENDINGS) else "organisation"


def _plural(word: str) -> str:
    """Regular English plural of one (upper- or lower-case) word, as PETRARCH makes them."""
    low = word.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


def _list_field(value, what: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, (list, tuple)):
        if not all(isinstance(v, (str, int)) for v in value):
            raise _Malformed(f"{what} must be a list of strings")
        return [str(v).strip() for v in value if str(v).strip()]
    raise _Malformed(f"{what} must be a list or a '|'-separated string, not {type(value).__name__}")


def _iso_date(value, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _Malformed(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _petrarch_date(text: str) -> date:
    """YYMMDD (00-30 → 20YY, else 19YY) or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise _Malformed(f"date {text!r} is not YYMMDD or YYYYMMDD")
    full = text
    if len(text) == 6:
        yy = int(text[:2])
        full = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return date(int(full[:4]), int(full[4:6]), int(full[6:8]))
    except ValueError:
        raise _Malformed(f"date {text!r} is not a real day") from None


_CODE_RE = re.compile(r"^(---|~?[A-Z0-9]{3,}~?)$")


@functools.lru_cache(maxsize=65536)  # big dictionaries repeat the same few thousand codes
def _coding_from_code(code: str, start: date | None = None, end: date | None = None) -> _Coding:
    code = code.strip().upper()
    if not _CODE_RE.match(code):
        raise _Malformed(f"{code!r} is not a CAMEO code")
    if code == "---":
        return _Coding(None, None, (), start, end)
    country, roles = split_code(code)
    # "[~GOV]", and a bare role such as "[ELI]": the country must come from the sentence
    role_only = country is None and roles[0] not in NONSTATE_CODES
    return _Coding(None if role_only else code, country, roles, start, end)


# --------------------------------------------------------------------------- file reading

def _read_text(path: Path) -> str:
    if not path.is_file():
        raise ConfigError(f"dictionary file {str(path)!r} does not exist or is not a file (given with --actors/--agents, "
                          f"DYAD_ACTORS/DYAD_AGENTS or actors_files/agents_files)")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # old TABARI files are often Latin-1
        return data.decode("latin-1")


def _warn(path: Path, line: int, reason: str, *, skipped: str = "line") -> None:
    log.warning("%s:%d: %s; %s skipped", path, line, reason, skipped)


def _petrarch_lines(path: Path, text: str) -> Iterable[tuple[int, str]]:
    """(line number, content) with comments (#, ;, <!-- -->) removed and blank lines skipped.
    The content keeps its leading whitespace."""
    in_comment = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3:], False
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + " " + line[end + 3:]
        cut = min((i for i in (line.find("#"), line.find(";")) if i >= 0), default=-1)
        if cut >= 0:
            line = line[:cut]
        if line.strip():
            yield n, line.rstrip()


_BRACKET = re.compile(r"\[([^\]\}\[]*)[\]\}]")


def _parse_brackets(text: str) -> tuple[str, list[_Coding]]:
    """Split "PHRASE [CODE] [CODE DATES]" into the phrase and its codings."""
    first = text.find("[")
    if first < 0:
        return text, []
    phrase, rest = text[:first], text[first:]
    codings = []
    pos = 0
    for m in _BRACKET.finditer(rest):
        if rest[pos:m.start()].strip():
            raise _Malformed(f"unexpected text {rest[pos:m.start()].strip()!r} between codes")
        codings.append(_parse_code(m.group(1)))
        pos = m.end()
    if rest[pos:].strip():
        raise _Malformed(f"unclosed or stray bracket in {rest[pos:].strip()!r}")
    return phrase, codings


def _parse_code(inner: str) -> _Coding:
    parts = inner.split()
    if not parts:
        raise _Malformed("empty code []")
    if len(parts) > 2:
        raise _Malformed(f"[{inner.strip()}]: expected [CODE] or [CODE DATES]")
    start = end = None
    if len(parts) == 2:
        r = parts[1]
        if r.startswith(">"):
            start = _petrarch_date(r[1:])
        elif r.startswith("<"):
            end = _petrarch_date(r[1:])
        elif "-" in r:
            a, _, b = r.partition("-")
            start, end = _petrarch_date(a), _petrarch_date(b)
            if start > end:
                raise _Malformed(f"date range {r!r} ends before it starts")
        else:
            raise _Malformed(f"date restriction {r!r} is not >DATE, <DATE or DATE-DATE")
    return _coding_from_code(parts[0], start, end)


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "del", "la", "al", "el", "von", "van"})


def _phrase_name(phrase: str) -> str:
    """Display name of a PETRARCH phrase: "MINISTRY_OF_WAR_" → "Ministry of War"."""
    words = phrase.replace("_", " ").split()
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize() if w.isupper() else w
                    for i, w in enumerate(words))


def _read_petrarch_actors(path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    current_line = 0

    def close() -> None:
        if current is not None:
            if current.codings:
                entries.append(current)
            else:
                _warn(path, current_line, f"entry {current.name!r} has no code", skipped="entry")

    for n, line in _petrarch_lines(path, _read_text(path)):
        body = line.strip()
        try:
            if body.startswith("+") or body.startswith("["):
                if current is None:
                    raise _Malformed("a synonym or code with no entry before it")
                phrase, codings = _parse_brackets(body[1:] if body.startswith("+") else body)
                key = normalise(phrase)
                if body.startswith("+"):
                    if not key:
                        raise _Malformed("empty synonym")
                    current.phrases.append(key)
                current.codings.extend(codings)
                continue
            phrase, codings = _parse_brackets(body)
            key = normalise(phrase)
            if not key:
                raise _Malformed("no phrase before the code")
        except _Malformed as exc:
            _warn(path, n, str(exc))
            continue
        close()
        current, current_line = _Entry(_phrase_name(phrase), [key], list(codings), f"{path}:{n}"), n
    close()
    return entries


def _structured_rows(path: Path, *, section: str) -> Iterable[tuple[int, object]]:
    """(line, row) from a YAML list (or {section: list}) or a CSV file with a header."""
    text = _read_text(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return
            if isinstance(node, yaml.MappingNode):
                items = [v for k, v in node.value if getattr(k, "value", None) == section]
                if not items:
                    raise DataFileError(f"{path}: expected a list of entries or a `{section}:` list")
                node = items[0]
            if not isinstance(node, yaml.SequenceNode):
                raise DataFileError(f"{path}, line {node.start_mark.line + 1}: expected a list of entries")
            for item in node.value:
                try:
                    row = loader.construct_object(item, deep=True)
                except (ValueError, yaml.constructor.ConstructorError) as exc:  # "start: 1933-13-01"
                    _warn(path, item.start_mark.line + 1, f"cannot read the entry: {exc}")
                    continue
                yield item.start_mark.line + 1, row
        except yaml.YAMLError as exc:
            raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
        finally:
            loader.dispose()
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "name" not in [f.strip().lower() for f in reader.fieldnames]:
        raise DataFileError(f"{path}, line 1: the header must have a `name` column "
                            f"(and code, country, roles, aliases, start, end)")
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(row.values()) or row.get("name", "").startswith("#"):
            continue
        yield reader.line_num, row


def _read_structured_actors(path: Path) -> list[_Entry]:
    entries = []
    for n, row in _structured_rows(path, section="actors"):
        try:
            if not isinstance(row, dict):
                raise _Malformed("an entry must be a mapping with name, code, ...")
            name = str(row.get("name") or "").strip()
            if not name:
                raise _Malformed("entry without a name")
            aliases = _list_field(row.get("aliases"), "aliases")
            code = str(row.get("code") or "").strip().upper()
            country = str(row.get("country") or "").strip().upper() or None
            roles = tuple(r.upper() for r in _list_field(row.get("roles"), "roles"))
            if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
                raise _Malformed(f"country {country!r} is not an alpha-3 code")
            if any(not re.fullmatch(r"[A-Z0-9]{3}", r) for r in roles):
                raise _Malformed(f"roles {list(roles)!r} must be three-letter CAMEO codes")
            start, end = _iso_date(row.get("start"), "start"), _iso_date(row.get("end"), "end")
            if start and end and start > end:
                raise _Malformed(f"end {end} is before start {start}")
            if code:
                c = _coding_from_code(code, start, end)
                coding = _Coding(c.code, country or c.country, roles or c.roles, start, end)
            elif country or roles:
                coding = _Coding((country or "") + "".join(roles) if country else None, country, roles, start, end)
            else:
                raise _Malformed(f"entry {name!r} needs a code, a country or roles")
            keys = list(dict.fromkeys(k for k in (normalise(p) for p in [name, *aliases]) if k))
            if not keys:
                raise _Malformed(f"name {name!r} has no words")
        except _Malformed as exc:
            _warn(path, n, str(exc))
            continue
        entries.append(_Entry(name, keys, [coding], f"{path}:{n}"))
    return entries


def _read_petrarch_agents(path: Path) -> list[UserAgent]:
    agents: list[UserAgent] = []
    sets: dict[str, list[str]] = {}
    entry_re = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]\}\[]*)[\]\}]$")
    marker_re = re.compile(r"!([^!\s]+)!")
    for n, line in _petrarch_lines(path, _read_text(path)):
        body = line.strip()
        try:
            m = re.match(r"^!([^!\s]+)!\s*=\s*(.*)$", body)
            if m:
                items = [x.strip() for x in m.group(2).split(",") if x.strip()]
                if not items:
                    raise _Malformed(f"substitution set !{m.group(1)}! is empty")
                sets[m.group(1).upper()] = items
                continue
            m = entry_re.match(body)
            if not m:
                raise _Malformed("expected PHRASE [~CODE] or PHRASE {PLURALS} [~CODE]")
            code = m.group("code").strip().upper()
            if not re.fullmatch(r"~?[A-Z0-9]{3,}~?", code):
                raise _Malformed(f"[{code}] is not an agent code such as [~GOV]")
            roles = split_code(code if "~" in code else "~" + code)[1]
            phrase = m.group("phrase").strip()
            markers = marker_re.findall(phrase)
            forms: list[str] = []
            if markers:
                missing = [x for x in markers if x.upper() not in sets]
                if missing:
                    raise _Malformed(f"substitution set !{missing[0]}! is not defined above")
                for combo in itertools.product(*(sets[x.upper()] for x in markers)):
                    it = iter(combo)
                    forms.append(marker_re.sub(lambda _m: next(it), phrase))
            else:
                forms.append(phrase)
                plurals = m.group("plurals")
                if plurals is None:
                    words = phrase.rstrip("_").replace("_", " ").split()
                    if words:
                        forms.append(" ".join(words[:-1] + [_plural(words[-1])]))
                else:
                    forms.extend(plurals.split())
            keys = list(dict.fromkeys(k for k in (normalise(f) for f in forms) if k))
            if not keys:
                raise _Malformed("no phrase before the code")
        except _Malformed as exc:
            _warn(path, n, str(exc))
            continue
        kind = guess_kind(keys[0])
        agents += [UserAgent(k, roles, kind, f"{path}:{n}") for k in keys]
    return agents


def _read_structured_agents(path: Path) -> list[UserAgent]:
    agents: list[UserAgent] = []
    for n, row in _structured_rows(path, section="agents"):
        try:
            if not isinstance(row, dict):
                raise _Malformed("an entry must be a mapping with name and roles")
            name = str(row.get("name") or row.get("noun") or "").strip()
            if not name:
                raise _Malformed("entry without a name")
            roles = tuple(r.upper().strip("~") for r in _list_field(row.get("roles"), "roles"))
            if not roles and row.get("code"):
                roles = split_code("~" + str(row["code"]).strip("~"))[1]
            if not roles:
                raise _Malformed(f"agent {name!r} needs roles")
            kind = str(row.get("kind") or "").strip().lower() or None
            if kind not in (None, "person", "organisation", "organization"):
                raise _Malformed(f"kind {kind!r} is not person or organisation")
            forms = [name, *_list_field(row.get("aliases"), "aliases")]
            keys = list(dict.fromkeys(k for k in (normalise(f) for f in forms) if k))
        except _Malformed as exc:
            _warn(path, n, str(exc))
            continue
        kind = "organisation" if kind == "organization" else kind
        agents += [UserAgent(k, roles, kind or guess_kind(keys[0]), f"{path}:{n}") for k in keys]
    return agents


# --------------------------------------------------------------------------- the dictionary

@dataclass
class UserDictionary:
    """Actors and agents from the user's files. Build with :meth:`load`."""

    entries: list[_Entry] = field(default_factory=list)
    agents: dict[str, UserAgent] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index: dict[str, list[_Entry]] = {}
        for e in self.entries:
            for key in dict.fromkeys(e.phrases):
                self._index.setdefault(key, []).append(e)
        self._max_words = max((len(k.split()) for k in self._index), default=0)

    @classmethod
    def load(cls, *, paths_actors: Sequence[str | Path] = (), paths_agents: Sequence[str | Path] = ()
             ) -> UserDictionary:
        """Read the files in order; for the same phrase, a later file (or line) wins."""
        entries: list[_Entry] = []
        for p in map(Path, paths_actors):
            if p.suffix.lower() in (*YAML_SUFFIXES, ".csv"):
                entries += _read_structured_actors(p)
            else:
                entries += _read_petrarch_actors(p)
        agents: dict[str, UserAgent] = {}
        for p in map(Path, paths_agents):
            found = (_read_structured_agents(p) if p.suffix.lower() in (*YAML_SUFFIXES, ".csv")
                     else _read_petrarch_agents(p))
            agents.update((a.noun, a) for a in found)
        log.debug("user dictionaries: %d actor entries, %d agent nouns", len(entries), len(agents))
        return cls(entries, agents)

    def __len__(self) -> int:
        return len(self.entries) + len(self.agents)

    # ---- actors
    def match(self, text: str, on: date | None = None, *, at_end: bool = False) -> UserActor | None:
        """The user actor named in `text` on date `on`: the longest phrase found (whole words), the
        rightmost among equals. With `at_end`, only a phrase ending at the text's last word counts.

        A date-bounded code applies only within its dates; otherwise the entry's undated code; with
        no date given, the undated code, else the latest-starting one.
        """
        words = normalise(text).split()
        for n in range(min(self._max_words, len(words)), 0, -1):
            starts = [len(words) - n] if at_end else range(len(words) - n, -1, -1)
            for s in starts:
                found = self._index.get(" ".join(words[s:s + n]))
                if found:
                    actor = self._pick(found, on)
                    if actor is not None:
                        return actor
        return None

    @staticmethod
    def _pick(entries: list[_Entry], on: date | None) -> UserActor | None:
        chosen: tuple[_Entry, _Coding] | None = None
        later_first = list(reversed(entries))
        if on is not None:
            chosen = next(((e, c) for e in later_first for c in e.codings if c.bounded and c.holds_on(on)), None)
        if chosen is None:
            chosen = next(((e, c) for e in later_first for c in reversed(e.codings) if not c.bounded), None)
        if chosen is None and on is None:
            bounded = [(e, c) for e in later_first for c in e.codings]
            if bounded:
                chosen = max(bounded, key=lambda ec: ec[1].start or date.min)
        if chosen is None:
            return None
        e, c = chosen
        if c.code is None and not c.roles:  # the null code: not an actor on that date
            return None
        return UserActor(name=e.name, code=c.code, country=c.country, roles=c.roles, origin=e.origin)

    # ---- agents
    def agent(self, noun: str) -> UserAgent | None:
        """The user agent for a noun or noun phrase ("vizier", "grand viziers"), or None."""
        return self.agents.get(normalise(noun))

    def agent_ending(self, words: Sequence[str]) -> UserAgent | None:
        """The user agent named by the longest run of words ending with the last one: for
        ["the", "minister", "of", "war"], "minister of war" before "of war" and "war"."""
        for n in range(len(words), 0, -1):
            a = self.agent(" ".join(words[len(words) - n:]))
            if a is not None:
                return a
        return None

    def agent_roles(self, noun_lemma: str) -> tuple[str, ...] | None:
        """The role codes a user agent gives this noun ("vizier" → ("GOV",)), or None."""
        a = self.agent(noun_lemma)
        return a.roles if a is not None else None
