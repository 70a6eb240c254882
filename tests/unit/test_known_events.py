"""Known past events retold without a date (dyad/coding/known_events.py, data/known_events.csv)."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from dyad.coding.known_events import KnownEvent, known_events, load_known_events, retold
from dyad.errors import DataFileError


def _actor(country, code=None):
    return SimpleNamespace(country=country, code=code or country)


INVASION = KnownEvent(id="x", sources=frozenset({"KEN"}), targets=frozenset({"UGA"}), both_ways=False,
                      lemmas=frozenset({"invade"}), names=(), start=date(1990, 1, 1), end=date(1990, 2, 1), note="")
SUMMIT = KnownEvent(id="y", sources=frozenset({"KEN", "UGA"}), targets=frozenset({"KEN", "UGA"}), both_ways=True,
                    lemmas=frozenset({"meet"}), names=("Arusha",), start=date(2000, 5, 1), end=date(2000, 5, 1), note="")


def test_an_undated_retelling_more_than_a_year_on_matches():
    kw = dict(lemma="invade", source=_actor("KEN"), target=_actor("UGA"), sentence="Kenya invaded Uganda.")
    assert retold([INVASION], published=date(1995, 1, 1), **kw) is INVASION
    assert retold([INVASION], published=date(1990, 6, 1), **kw) is None  # within the year: news
    assert retold([INVASION], published=date(1995, 1, 1), **{**kw, "source": _actor("TZA")}) is None
    assert retold([INVASION], published=date(1995, 1, 1), **{**kw, "lemma": "attack"}) is None
    assert retold([INVASION], published=None, **kw) is None
    # one way only: Uganda invading Kenya is another event
    assert retold([INVASION], published=date(1995, 1, 1), **{**kw, "source": _actor("UGA"),
                                                               "target": _actor("KEN")}) is None


def test_an_event_that_happened_again_within_the_year_is_news():
    again = KnownEvent(id="z", sources=INVASION.sources, targets=INVASION.targets, both_ways=False,
                       lemmas=INVASION.lemmas, names=(), start=date(2010, 3, 1), end=date(2010, 3, 5), note="")
    kw = dict(lemma="invade", source=_actor("KEN"), target=_actor("UGA"), sentence="Kenya invaded Uganda.")
    assert retold([INVASION, again], published=date(2010, 6, 1), **kw) is None
    assert retold([INVASION, again], published=date(2005, 6, 1), **kw) is INVASION  # (the second not yet)
    assert retold([INVASION, again], published=date(2015, 6, 1), **kw) is not None


def test_a_place_bound_event_needs_its_place_named():
    kw = dict(lemma="meet", source=_actor("UGA"), target=_actor("KEN"), published=date(2005, 1, 1))
    assert retold([SUMMIT], sentence="Museveni met Moi in Arusha.", **kw) is SUMMIT
    assert retold([SUMMIT], sentence="Museveni met Moi in Nairobi.", **kw) is None


def test_shipped_table_loads_and_is_ordered():
    events = known_events()
    assert len(events) >= 40
    assert all(k.start <= k.end and k.targets and k.lemmas for k in events)
    assert len({k.id for k in events}) == len(events)


def test_a_malformed_line_names_its_file_and_line(tmp_path):
    path = tmp_path / "known.csv"
    path.write_text("id,sources,targets,both_ways,lemmas,names,start,end,note\n"
                    "a,KEN,UGA,0,invade,,1990-01-01,1990-02-01,fine\n"
                    "b,KEN,UGA,0,invade,,1990-03-01,1989-02-01,ends before it starts\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"known\.csv:3"):
        load_known_events(path)


@pytest.mark.parametrize("text, published, kept", [
    ("We were surrounded as the United States invaded Afghanistan to our east.", "2015-06-01", False),
    ("The United States invaded Afghanistan on Sunday, officials said.", "2001-10-08", True),
    ("In exchange, the United States agreed to lift economic sanctions imposed on Iran.", "2017-08-01", False),
    ("President Donald Trump met North Korean leader Kim Jong Un in Singapore.", "2020-01-10", False),
    ("President Donald Trump met North Korean leader Kim Jong Un in Singapore.", "2018-06-13", True),
    ("President Donald Trump met North Korean leader Kim Jong Un in the Oval Office.", "2020-01-10", True),
    # Russia invaded Ukraine twice: in 2019 the sentence retells 2014, in February 2022 it is news
    ("Russia invaded Ukraine.", "2019-03-15", False),
    ("Russia invaded Ukraine.", "2022-02-25", True),
])
def test_known_past_events_retold_are_history(code, text, published, kept):
    events = [e for e in code(text, published=published) if e.root in ("03", "04", "08", "19")]
    assert bool(events) == kept, [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in events]
