"""Well-known past events, to tell history from news when the sentence gives no date
(data/known_events.csv).

News retells the events that shaped the relations it reports, in the simple past and without a
date: "as the United States invaded Afghanistan to our east and Iraq to our west", "the United
States agreed to lift economic sanctions imposed on Iran". Nothing in such a sentence says it is
history; the reader knows. The table holds events of that kind — invasions, annexations, treaties
signed, relations broken or restored, summits with a place — each with the countries on each side,
the words that report it, the names the sentence must hold when the sides and words alone would
catch other events ("Singapore" for the 2018 summit, "Obama" and "Hiroshima" for his visit), and
when it happened. Only events that do not recur between the same two countries with the same words
belong in it: not "US strikes on Syria", nor Iran Air 655 (the US Navy "shot down" an Iranian drone
again in 2019). When such an event does happen again (Russia invaded Ukraine in 2014 and in 2022),
both are listed: a retelling within a year of either is news, and the table must be kept up to date
like the leaders table.

An asserted event whose sentence carries no date of its own, whose trigger, sides (and place) match
an entry, and whose article appeared more than a year after the entry's end, is that past event
retold: the coder drops it as history, as it drops "in 2003, the United States invaded Iraq".
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..errors import DataFileError
from ..settings import data_path

AFTER = timedelta(days=365)  # a retelling more than this after the event is history


@dataclass(frozen=True)
class KnownEvent:
    id: str
    sources: frozenset[str]  # country codes (or actor codes such as IGOEUREEC); empty: anyone
    targets: frozenset[str]
    both_ways: bool  # either side may be the source ("Egypt and Israel signed")
    lemmas: frozenset[str]  # trigger lemmas that report it
    names: tuple[str, ...]  # words the sentence must hold ("Singapore" for the 2018 summit)
    start: date
    end: date
    note: str

    def matches(self, *, lemma: str, source: set[str], target: set[str], sentence: str) -> bool:
        if lemma not in self.lemmas:
            return False
        if not all(re.search(rf"\b{re.escape(n)}\b", sentence) for n in self.names):
            return False
        pairs = [(self.sources, self.targets)] + ([(self.targets, self.sources)] if self.both_ways else [])
        return any((not s or source & s) and target & t for s, t in pairs)


def _side(actor) -> set[str]:
    return {x for x in (getattr(actor, "country", None), getattr(actor, "code", None)) if x}


def retold(events: list[KnownEvent], *, lemma: str, source, target, sentence: str,
           published: date | None) -> KnownEvent | None:
    """The known event that an undated event (its trigger lemma, source and target actors, sentence)
    retells, when the article appeared more than a year after it; else None. None too when a known
    event it matches happened within the year before the article (it may be that one)."""
    if published is None or target is None:
        return None
    src, tgt = _side(source), _side(target)
    found = [k for k in events if k.start <= published
             and k.matches(lemma=lemma, source=src, target=tgt, sentence=sentence)]
    if any(published - k.end <= AFTER for k in found):
        return None
    return found[0] if found else None


def load_known_events(path: Path | None = None) -> list[KnownEvent]:
    path = path or data_path("known_events.csv")
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                if None in row or any(row.get(k) is None for k in ("id", "targets", "lemmas", "start", "end")):
                    raise ValueError("wrong number of columns")
                start, end = date.fromisoformat(row["start"]), date.fromisoformat(row["end"])
                if end < start or not row["targets"].split() or not row["lemmas"].split():
                    raise ValueError("needs targets, lemmas, and an end not before the start")
                out.append(KnownEvent(
                    id=row["id"], sources=frozenset((row.get("sources") or "").split()),
                    targets=frozenset(row["targets"].split()), both_ways=row.get("both_ways", "0").strip() == "1",
                    lemmas=frozenset(w.lower() for w in row["lemmas"].split()),
                    names=tuple(n.strip() for n in (row.get("names") or "").split("|") if n.strip()),
                    start=start, end=end, note=row.get("note", "")))
            except ValueError as exc:
                raise DataFileError(f"{path}:{line_no}: {exc}") from exc
    return out


@functools.lru_cache(maxsize=1)
def known_events() -> list[KnownEvent]:
    return load_known_events()
