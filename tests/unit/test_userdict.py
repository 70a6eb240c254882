"""The user's own actor and agent dictionaries (dyad/actors/userdict.py).

Parsers need no model; the end-to-end tests (marked `model`) code sentences about invented
countries (Freedonia, Sylvania: Duck Soup, 1933) through dyad.pipeline.Pipeline.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.actors.userdict import UserActor, UserDictionary, normalise, split_code
from dyad.errors import ConfigError, DataFileError, DyadError
from dyad.models import Article
from dyad.pipeline import Pipeline
from dyad.settings import Settings

D = date.fromisoformat

FREEDONIA_ACTORS = """\
# Freedonia and Sylvania (Duck Soup, 1933): countries no built-in table knows
FREEDONIA_  [FRD]
+FREEDONIAN_
+REPUBLIC_OF_FREEDONIA_   ; a TABARI-style comment

SYLVANIA_  [SYL]
+SYLVANIAN_

RUFUS_T._FIREFLY_           # a person whose code depends on the date
+FIREFLY_
\t[FRDELI 330101-331231]
\t[FRDGOV >20190101]
\t[FRDELI]
TRENTINO_ [SYLGOV]
<!-- the Kremlin is Freedonian here:
     a user entry wins over the built-in one -->
KREMLIN_ [FRDGOV]
"""

FREEDONIA_AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
GRAND_VIZIER_ [~GOV]
HUSSAR [~MIL]
WAR!PERSON! [~MIL]
"""


@pytest.fixture
def dyad_warnings() -> Iterator[list[str]]:
    """Warnings logged on the "dyad" logger (directly: the CLI may have turned off propagation)."""
    records: list[str] = []

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(record.getMessage())

    logger = logging.getLogger("dyad")
    handler, old_level = _Keep(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding=encoding)
    return p


@pytest.fixture
def freedonia(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "freedonia.actors", FREEDONIA_ACTORS), write(tmp_path, "freedonia.agents", FREEDONIA_AGENTS)


def code_of(ud: UserDictionary, text: str, on: str | None = None) -> str | None:
    a = ud.match(text, D(on) if on else None)
    return a.code if a is not None else None


# ------------------------------------------------------------------ helpers
@pytest.mark.parametrize("text, key", [
    ("RUFUS_T._FIREFLY_", "rufus t firefly"),
    ("Rufus T. Firefly's", "rufus t firefly"),
    ("Manfred Wörner", "manfred worner"),
    ("AL-BARADEI", "al baradei"),
    ("the Sylvanians’", "the sylvanians"),
])
def test_normalise(text, key):
    assert normalise(text) == key


@pytest.mark.parametrize("code, country, roles", [
    ("FRDGOV", "FRD", ("GOV",)),
    ("AFGGOVAGR", "AFG", ("GOV", "AGR")),
    ("FRD", "FRD", ()),
    ("IGOUNO", None, ("IGO", "UNO")),
    ("~GOV", None, ("GOV",)),
    ("NGO~", None, ("NGO",)),
])
def test_split_code(code, country, roles):
    assert split_code(code) == (country, roles)


# ------------------------------------------------------------------ PETRARCH .actors
def test_petrarch_entries_and_synonyms(freedonia):
    ud = UserDictionary.load(paths_actors=[freedonia[0]])
    assert code_of(ud, "Freedonia") == "FRD"
    assert code_of(ud, "the Republic of Freedonia") == "FRD"
    assert code_of(ud, "Freedonian") == "FRD"
    assert code_of(ud, "SYLVANIA") == "SYL"
    assert code_of(ud, "Sylvanian") == "SYL"
    assert code_of(ud, "Trentino's") == "SYLGOV"
    assert code_of(ud, "the Kremlin") == "FRDGOV"
    a = ud.match("Freedonia")
    assert a == UserActor(name="Freedonia", code="FRD", country="FRD", roles=(), origin=f"{freedonia[0]}:2")
    assert ud.match("Ruritania") is None


def test_petrarch_date_bounded_codes(freedonia):
    ud = UserDictionary.load(paths_actors=[freedonia[0]])
    assert code_of(ud, "Rufus T. Firefly", "1933-06-01") == "FRDELI"  # YYMMDD: 33 → 1933
    assert code_of(ud, "Rufus T. Firefly", "2019-01-01") == "FRDGOV"  # YYYYMMDD, ">" is inclusive
    assert code_of(ud, "Firefly", "2026-01-09") == "FRDGOV"  # a synonym shares the codes
    assert code_of(ud, "Rufus T. Firefly", "2018-12-31") == "FRDELI"  # no range applies: the default
    assert code_of(ud, "Rufus T. Firefly") == "FRDELI"  # no date: the default
    a = ud.match("Rufus T. Firefly", D("2020-01-01"))
    assert (a.country, a.roles, a.name) == ("FRD", ("GOV",), "Rufus T. Firefly")


def test_petrarch_date_forms(tmp_path):
    p = write(tmp_path, "d.actors", "\n".join([
        "OLD_KING_ [FRDGOV <291231] [FRDELI]",       # "<": until (inclusive); 29 → 2029
        "DUKE_ [SYLGOV 19300101-350101][SYLELI]",    # adjacent brackets, mixed date lengths
        "COUNT_\t[SYLMIL 310101-311231]",            # only a bounded code: outside it, nothing
        "NULLED_ [FRD <991231] [---]",               # the null code: not an actor after 1999
    ]))
    ud = UserDictionary.load(paths_actors=[p])
    assert code_of(ud, "old king", "2029-12-31") == "FRDGOV"
    assert code_of(ud, "old king", "2030-01-01") == "FRDELI"
    assert code_of(ud, "duke", "1935-01-01") == "SYLGOV"
    assert code_of(ud, "duke", "1935-01-02") == "SYLELI"
    assert code_of(ud, "count", "1931-05-05") == "SYLMIL"
    assert code_of(ud, "count", "1950-05-05") is None
    assert code_of(ud, "count") == "SYLMIL"  # no date: the latest bounded code
    assert code_of(ud, "nulled", "1990-01-01") == "FRD"
    assert code_of(ud, "nulled", "2005-01-01") is None


def test_petrarch_role_only_and_nonstate_codes(tmp_path):
    p = write(tmp_path, "r.actors", "MINISTRY_OF_WAR_ [~GOV]\nLEAGUE_OF_NATIONS_ [IGOLON]\n")
    ud = UserDictionary.load(paths_actors=[p])
    role = ud.match("the Ministry of War")
    assert (role.code, role.country, role.roles, role.name) == (None, None, ("GOV",), "Ministry of War")
    league = ud.match("League of Nations")
    assert (league.code, league.country, league.roles) == ("IGOLON", None, ("IGO", "LON"))


def test_longest_match_wins(tmp_path):
    p = write(tmp_path, "l.actors", "FREEDONIA_ [FRD]\nFREEDONIA_WAR_OFFICE_ [FRDMIL]\nSYLVANIA_ [SYL]\n")
    ud = UserDictionary.load(paths_actors=[p])
    assert code_of(ud, "the Freedonia War Office") == "FRDMIL"
    assert code_of(ud, "the Freedonia army") == "FRD"
    assert ud.match("the Freedonia army", at_end=True) is None  # the phrase must end at the last word
    assert code_of(ud, "Freedonia and Sylvania") == "SYL"  # equal lengths: the rightmost


def test_petrarch_comments_blank_lines_and_latin1(tmp_path):
    p = write(tmp_path, "c.actors", "<!-- header -->\n\n   \n# all comment\nMANFRED_WÖRNER_  [IGOWSTNAT] ; x\n"
              "<!-- one\ntwo\nthree -->\nGRAUSTARK_ [GRK] <!-- inline --> # and more\n", encoding="latin-1")
    ud = UserDictionary.load(paths_actors=[p])
    assert len(ud.entries) == 2
    assert code_of(ud, "Manfred Worner") == "IGOWSTNAT"
    assert code_of(ud, "Manfred Wörner") == "IGOWSTNAT"
    assert code_of(ud, "Graustark") == "GRK"


def test_petrarch_malformed_lines_are_reported_and_skipped(tmp_path, dyad_warnings):
    p = write(tmp_path, "bad.actors", "\n".join([
        "+ORPHAN_",                          # 1: synonym before any entry
        "FREEDONIA_ [FRD]",                  # 2: good
        "BROKEN_ [FRD",                      # 3: unclosed bracket
        "BADDATE_ [FRD 331399-340101]",      # 4: not a real day
        "BADRANGE_ [FRD 350101-340101]",     # 5: ends before it starts
        "BADRESTRICTION_ [FRD 3301]",        # 6: not a date
        "NOCODE_",                           # 7: an entry without any code
        "BADCODE_ [fr-d]",                   # 8: not a code
        "SYLVANIA_ [SYL]",                   # 9: good
        " [SYL] [FRD] trailing junk",        # 10: junk after codes
    ]) + "\n")
    ud = UserDictionary.load(paths_actors=[p])
    assert code_of(ud, "Freedonia") == "FRD" and code_of(ud, "Sylvania") == "SYL"
    assert len(ud.entries) == 2
    by_line = {int(w.split(":")[1]): w for w in dyad_warnings}
    assert sorted(by_line) == [1, 3, 4, 5, 6, 7, 8, 10]
    assert all(w.startswith(f"{p}:") for w in dyad_warnings)
    assert "no entry before it" in by_line[1]
    assert "unclosed" in by_line[3]
    assert "'331399' is not a real day" in by_line[4]
    assert "ends before it starts" in by_line[5]
    assert "3301" in by_line[6]
    assert "has no code" in by_line[7] and "entry skipped" in by_line[7]
    assert "not a CAMEO code" in by_line[8]


def test_missing_file_is_a_dyad_error(tmp_path):
    with pytest.raises(DyadError, match="nope.actors.*does not exist"):
        UserDictionary.load(paths_actors=[tmp_path / "nope.actors"])
    with pytest.raises(ConfigError):
        UserDictionary.load(paths_agents=[tmp_path / "nope.agents"])


def test_later_files_win(tmp_path):
    a = write(tmp_path, "a.actors", "FREEDONIA_ [FRD]\n")
    b = write(tmp_path, "b.actors", "FREEDONIA_ [FDN]\n")
    assert code_of(UserDictionary.load(paths_actors=[a, b]), "Freedonia") == "FDN"
    assert code_of(UserDictionary.load(paths_actors=[b, a]), "Freedonia") == "FRD"


# ------------------------------------------------------------------ PETRARCH .agents
def test_agents_plurals_and_substitution_sets(tmp_path, dyad_warnings):
    p = write(tmp_path, "x.agents", "\n".join([
        "<!-- agents -->",
        "!PERSON! = MAN, MEN, WOMAN, WOMEN",
        "GRAND_VIZIER_ [~GOV]  # regular plural",
        "MINISTER_OF_WAR_ {MINISTERS_OF_WAR} [~GOVMIL]",
        "GENDARMERIE {} [~COP]",
        "SECRETARY [~GOV]",
        "HUMAN_RIGHTS_BODY [NGO~]",
        "CONGRESS!PERSON! [~LEG}",       # a closing brace, as real files have
        "WAR!PERSON! [~MIL]",
    ]))
    ud = UserDictionary.load(paths_agents=[p])
    assert not dyad_warnings
    assert ud.agent_roles("grand vizier") == ("GOV",)
    assert ud.agent_roles("Grand Viziers") == ("GOV",)
    assert ud.agent_roles("minister of war") == ("GOV", "MIL")
    assert ud.agent_roles("ministers of war") == ("GOV", "MIL")
    assert ud.agent_roles("gendarmerie") == ("COP",)
    assert ud.agent_roles("gendarmeries") is None  # {}: no plural
    assert ud.agent_roles("secretaries") == ("GOV",)
    assert ud.agent_roles("human rights bodies") == ("NGO",)
    assert ud.agent_roles("congresswoman") == ("LEG",)
    assert ud.agent_roles("congresswomen") == ("LEG",)
    assert ud.agent_roles("warmen") == ("MIL",)
    assert ud.agent_roles("congress") is None
    assert ud.agent("grand vizier").kind == "person"
    assert ud.agent("gendarmerie").kind == "organisation"
    assert ud.agent_ending(["the", "minister", "of", "war"]).roles == ("GOV", "MIL")


def test_agents_malformed_lines(tmp_path, dyad_warnings):
    p = write(tmp_path, "bad.agents", "HUSSAR [~MIL]\nNO_CODE_HERE\n!UNDEFINED!_GUARD [~MIL]\nLANCER [~m]\n"
                                      "!EMPTY! = \nDRAGOON [~MIL]\n")
    ud = UserDictionary.load(paths_agents=[p])
    assert ud.agent_roles("hussar") == ("MIL",) and ud.agent_roles("dragoons") == ("MIL",)
    assert [int(w.split(":")[1]) for w in dyad_warnings] == [2, 3, 4, 5]
    assert "!UNDEFINED! is not defined" in dyad_warnings[1]


# ------------------------------------------------------------------ YAML and CSV
def test_yaml_actors(tmp_path, dyad_warnings):
    p = write(tmp_path, "mine.yaml", """\
actors:
  - name: Freedonia
    aliases: [Freedonian, Republic of Freedonia]
    country: FRD
  - name: Rufus T. Firefly
    aliases: "Firefly|President Firefly"
    code: FRDGOV
    start: 1933-01-01
    end: 1933-12-31
  - name: Rufus T. Firefly
    code: FRDELI
  - {name: Ministry of War, roles: [GOV, MIL]}
  - {name: League of Nations, code: IGOLON}
  - {name: Sylvania, country: SYL, roles: GOV}
  - {name: "", code: FRD}
  - {name: Ruritania, country: RURI}
  - {name: Graustark, country: GRK, start: 1933-13-01}
  - {name: Nowhere}
  - just a string
""")
    ud = UserDictionary.load(paths_actors=[p])
    assert code_of(ud, "Freedonian") == "FRD"
    assert code_of(ud, "President Firefly", "1933-03-04") == "FRDGOV"
    assert code_of(ud, "Rufus T. Firefly", "1950-01-01") == "FRDELI"
    assert code_of(ud, "Firefly", "1950-01-01") is None  # the alias belongs to the dated entry only
    role = ud.match("the ministry of war")
    assert (role.code, role.country, role.roles) == (None, None, ("GOV", "MIL"))
    assert code_of(ud, "the League of Nations") == "IGOLON"
    assert code_of(ud, "Sylvania") == "SYLGOV"
    assert ud.match("Ruritania") is None and ud.match("Graustark") is None
    lines = [int(w.split(":")[1]) for w in dyad_warnings]
    assert lines == [15, 16, 17, 18, 19]
    assert "without a name" in dyad_warnings[0]
    assert "'RURI' is not an alpha-3" in dyad_warnings[1]
    assert "month must be in 1..12" in dyad_warnings[2]
    assert "needs a code, a country or roles" in dyad_warnings[3]
    assert "must be a mapping" in dyad_warnings[4]


def test_yaml_plain_list_and_bad_yaml(tmp_path):
    p = write(tmp_path, "list.yml", "- {name: Freedonia, code: FRD}\n")
    assert code_of(UserDictionary.load(paths_actors=[p]), "Freedonia") == "FRD"
    bad = write(tmp_path, "bad.yaml", "- {name: Freedonia, code: FRD\n")
    with pytest.raises(DataFileError, match="bad.yaml: not valid YAML"):
        UserDictionary.load(paths_actors=[bad])


def test_csv_actors(tmp_path, dyad_warnings):
    p = write(tmp_path, "mine.csv", "\n".join([
        "name,aliases,code,country,roles,start,end",
        "Freedonia,Freedonian|Republic of Freedonia,,FRD,,,",
        "Rufus T. Firefly,Firefly,FRDGOV,,,1933-01-01,1933-12-31",
        "# a comment row,,,,,,",
        "Sylvania,,SYL,,,,",
        ",,FRD,,,,",
        "Graustark,,,GRK,,1933-02-30,",
        "Ministry of War,,,,GOV|MIL,,",
    ]) + "\n")
    ud = UserDictionary.load(paths_actors=[p])
    assert code_of(ud, "Republic of Freedonia") == "FRD"
    assert code_of(ud, "Firefly", "1933-06-01") == "FRDGOV"
    assert code_of(ud, "Firefly", "1934-06-01") is None
    assert code_of(ud, "Sylvania") == "SYL"
    assert ud.match("Ministry of War").roles == ("GOV", "MIL")
    assert [int(w.split(":")[1]) for w in dyad_warnings] == [6, 7]
    no_name = write(tmp_path, "noname.csv", "code,country\nFRD,FRD\n")
    with pytest.raises(DataFileError, match="name` column"):
        UserDictionary.load(paths_actors=[no_name])


def test_yaml_and_csv_agents(tmp_path):
    y = write(tmp_path, "a.yaml", "agents:\n  - {name: grand vizier, aliases: [grand viziers], roles: [GOV]}\n"
                                  "  - {name: junta, roles: GOV|MIL, kind: organisation}\n")
    c = write(tmp_path, "a.csv", "name,roles,kind\nhussar,MIL,person\n")
    ud = UserDictionary.load(paths_agents=[y, c])
    assert ud.agent_roles("grand viziers") == ("GOV",)
    assert ud.agent("junta").roles == ("GOV", "MIL") and ud.agent("junta").kind == "organisation"
    assert ud.agent("hussar").kind == "person"


# ------------------------------------------------------------------ settings, pipeline, CLI (no model)
def test_settings_from_environment(monkeypatch, tmp_path):
    import os

    monkeypatch.setenv("DYAD_ACTORS", os.pathsep.join(["a.actors", "b.yaml"]))
    monkeypatch.delenv("DYAD_AGENTS", raising=False)
    s = Settings()
    assert s.actors_files == ["a.actors", "b.yaml"] and s.agents_files == []


def test_pipeline_builds_the_dictionary_once(freedonia, tmp_path):
    p = Pipeline(Settings(actors_files=[str(freedonia[0])], agents_files=[str(freedonia[1])]))
    assert p.user_dictionary is not None and code_of(p.user_dictionary, "Freedonia") == "FRD"
    assert Pipeline(Settings(actors_files=[], agents_files=[])).user_dictionary is None
    with pytest.raises(ConfigError):
        Pipeline(Settings(actors_files=[str(tmp_path / "missing.actors")], agents_files=[]))


def test_cli_has_the_options():
    from dyad.cli import main

    for cmd in ("code", "quotes"):
        out = CliRunner().invoke(main, [cmd, "--help"]).output
        assert "--actors FILE" in out and "--agents FILE" in out


# ------------------------------------------------------------------ end to end (model)
def _events(p: Pipeline, text: str, published: str = "2026-01-09"):
    [res] = list(p.process([Article(id="userdict", text=text, published=D(published))]))
    assert res.error is None, res.error
    return res.events


@pytest.fixture(scope="module")
def nlp():
    from dyad.pipeline import load_nlp

    return load_nlp(Settings().spacy_model)


@pytest.fixture
def user_pipeline(nlp, freedonia) -> Pipeline:
    # these tests are about the actor codes: every event is kept, whatever its confidence
    return Pipeline(Settings(actors_files=[str(freedonia[0])], agents_files=[str(freedonia[1])], min_confidence=0.0, min_rank=0.0),
                    nlp=nlp)


@pytest.mark.model
def test_invented_countries_code_end_to_end(user_pipeline):
    [e] = _events(user_pipeline, "Freedonia accused Sylvania of massing troops on the border.")
    assert (e.source.code, e.cameo, e.target.code) == ("FRD", "112", "SYL")
    assert e.source.how == e.target.how == "user-dictionary"
    assert e.source.country == "FRD" and e.source.name == "Freedonia"


@pytest.mark.model
def test_user_person_meets_ambassador_of_user_country(user_pipeline):
    events = _events(user_pipeline, "Rufus T. Firefly met the Sylvanian ambassador in Freedonia.")
    assert events
    e = events[0]
    assert e.source.code == "FRDGOV" and e.source.kind == "person"
    assert e.target.country == "SYL" and "GOV" in e.target.roles
    # the same person before the date-bounded code: the default code
    [old] = _events(user_pipeline, "Rufus T. Firefly met the Sylvanian ambassador in Freedonia.", "2015-05-05")[:1]
    assert old.source.code == "FRDELI"


@pytest.mark.model
def test_user_entry_overrides_a_built_in_actor(user_pipeline, nlp):
    text = "The Kremlin condemned Sylvania."
    [e] = _events(user_pipeline, text)
    assert (e.source.code, e.cameo[:2], e.target.code) == ("FRDGOV", "11", "SYL")
    builtin = Pipeline(Settings(actors_files=[], agents_files=[]), nlp=nlp)
    assert [ev.source.code for ev in _events(builtin, "The Kremlin condemned Ukraine.")] == ["RUSGOV"]


@pytest.mark.model
def test_user_agents_give_roles(user_pipeline, nlp, freedonia):
    [e] = _events(user_pipeline, "The Sylvanian grand vizier threatened Freedonia.")
    assert (e.source.code, e.cameo[:2], e.target.code) == ("SYLGOV", "13", "FRD")
    events = _events(user_pipeline, "Freedonian hussars attacked Sylvanian positions.")
    assert events and events[0].source.code == "FRDMIL"
    no_agents = Pipeline(Settings(actors_files=[str(freedonia[0])], agents_files=[], min_confidence=0.0, min_rank=0.0), nlp=nlp)
    assert all(ev.source.code != "SYLGOV" for ev in _events(no_agents, "The Sylvanian grand vizier threatened Freedonia."))


@pytest.mark.model
def test_yaml_dictionary_end_to_end(tmp_path, nlp):
    p = write(tmp_path, "mine.yaml", "- {name: Freedonia, aliases: [Freedonian], country: FRD}\n"
                                     "- {name: Sylvania, country: SYL}\n")
    pipe = Pipeline(Settings(actors_files=[str(p)], agents_files=[]), nlp=nlp)
    [e] = _events(pipe, "Sylvania praised Freedonia on Monday.")
    assert (e.source.code, e.cameo, e.target.code) == ("SYL", "051", "FRD")


@pytest.mark.model
def test_cli_actors_option(tmp_path, freedonia):
    from dyad.cli import main

    story = write(tmp_path, "story.txt", "Freedonia accused Sylvania of massing troops on the border.")
    res = CliRunner().invoke(main, ["code", str(story), "--published", "2026-01-09", "--format", "csv", "-q",
                                    "--actors", str(freedonia[0]), "--agents", str(freedonia[1])])
    assert res.exit_code == 0, res.output
    assert "FRD" in res.stdout and "112" in res.stdout and "SYL" in res.stdout
