"""Event confidence calibrated on hand-judged events (data/calibration.json).

An event's confidence is an estimate of the chance that it is right — both actors and the event
type — made from how often events like it were right in the judged blind samples
(`tests/eval/corpus_sample*.jsonl`):

* P(event type right) from its pattern: the judged record of patterns of its class (`Pattern.prior_class`:
  noun or verb trigger, and the hand-set `confidence` in patterns.yaml) and of its root make the
  prior, updated with the pattern's own judged record, then adjusted by the record of its modality;
* P(actors right) from how the source and the target were resolved (`Actor.how`: leader table,
  gazetteer, coreference, a country word on a noun …), combined as independent log-odds evidence
  around the judged base rate;
* then the record of events in the same kind of clause (`Event.clause`: a main clause is right
  more often than a relative or conjoined one), of sentences of the same length and of events
  dated by the sentence itself ("on Friday") or only by the article, as log-odds evidence on the whole;
* then, once the whole article is coded, the record of events with the same support for their dyad
  in the article (`dyad_keys`): an event between two countries that other events of the article
  also join is right more often than a lone one, and a domestic or one-sided event less often.

confidence = P(event type right) × P(actors right), adjusted by clause and sentence length. Each record is smoothed toward its prior with
a weight of `weight` judged events, and a record of fewer than `min_judged` is not used.
`scripts/calibrate.py` re-derives the file from the judged samples and the current coder.
"""
from __future__ import annotations

import collections
import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..errors import DataFileError
from ..settings import data_path


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass(frozen=True)
class Calibration:
    base_event: float  # share of judged events whose event type was right
    base_actors: float  # share of judged events whose actors were right
    weight: float = 8.0
    min_judged: int = 5  # a record of fewer judged events is not used
    pattern: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → (judged, right)
    root: dict[str, tuple[int, int]] = field(default_factory=dict)
    modality: dict[str, tuple[int, int]] = field(default_factory=dict)
    source_how: dict[str, tuple[int, int]] = field(default_factory=dict)  # how → (judged, actors right)
    target_how: dict[str, tuple[int, int]] = field(default_factory=dict)
    base_correct: float | None = None  # share of judged events fully right
    clause: dict[str, tuple[int, int]] = field(default_factory=dict)  # clause → (judged, fully right)
    length: dict[str, tuple[int, int]] = field(default_factory=dict)  # sentence length band → (judged, right)
    dyad: dict[str, tuple[int, int]] = field(default_factory=dict)  # dyad support (dyad_keys) → (judged, right)
    prior_class: dict[str, tuple[int, int]] = field(default_factory=dict)  # Pattern.prior_class → (judged, event right)
    date: dict[str, tuple[int, int]] = field(default_factory=dict)  # Event.date_source → (judged, right)

    def _rate(self, table: dict[str, tuple[int, int]], key: str, prior: float) -> float:
        n, k = table.get(key, (0, 0))
        if n < self.min_judged:
            return prior  # too few judgements to say anything
        return (k + self.weight * prior) / (n + self.weight)

    def score(self, *, pattern_id: str, pattern_prior: float, root: str, modality: str,
              source_how: str | None, target_how: str | None, clause: str | None = None,
              sentence_words: int | None = None, prior_class: str | None = None,
              hand_confidence: float | None = None, date_source: str | None = None) -> float:
        """The chance that an event with these features is right (0–1). `pattern_prior` is the
        pattern's hand-set confidence as adjusted for this event (`hand_confidence` unadjusted)."""
        root_rate = self._rate(self.root, root, self.base_event)
        if prior_class is not None:  # the record of the pattern's class replaces its hand-set number
            hand = pattern_prior if hand_confidence is None else hand_confidence
            pattern_prior = min(0.99, max(0.01, self._rate(self.prior_class, prior_class, hand) + pattern_prior - hand))
        event = self._rate(self.pattern, pattern_id, (pattern_prior + root_rate) / 2)
        x = _logit(event) + _logit(self._rate(self.modality, modality, self.base_event)) - _logit(self.base_event)
        a = _logit(self.base_actors)
        for table, how in ((self.source_how, source_how), (self.target_how, target_how)):
            a += _logit(self._rate(table, str(how), self.base_actors)) - _logit(self.base_actors)
        p = _sigmoid(x) * _sigmoid(a)
        if self.base_correct:
            shift = 0.0
            for table, key in ((self.clause, str(clause)), (self.length, length_band(sentence_words)),
                               (self.date, str(date_source))):
                shift += _logit(self._rate(table, key, self.base_correct)) - _logit(self.base_correct)
            p = _sigmoid(_logit(p) + shift)
        return p

    def with_dyad(self, p: float, key: str) -> float:
        """`p` (from `score`) adjusted by the record of events whose dyad has the same support in
        their article (`dyad_keys`)."""
        if not self.base_correct or not self.dyad:
            return p
        shift = _logit(self._rate(self.dyad, key, self.base_correct)) - _logit(self.base_correct)
        return _sigmoid(_logit(p) + shift)

    def to_dict(self) -> dict:
        return {k: (dict(sorted(v.items())) if isinstance(v, dict) else v) for k, v in self.__dict__.items()}


def length_band(words: int | None) -> str:
    """Sentence length in words, in bands: "<15", "15-29", "30-44", "45+"."""
    if words is None:
        return "None"
    return "<15" if words < 15 else "15-29" if words < 30 else "30-44" if words < 45 else "45+"


def _side(actor) -> str | None:
    if actor is None:
        return None
    get = actor.get if isinstance(actor, dict) else lambda k: getattr(actor, k, None)
    return get("country") or get("code")


def dyad_keys(events: Sequence) -> list[str]:
    """Per event (an `Event` or its dict) of one article, how much support its dyad has there:
    "one-sided" (no source or no target), "domestic" (both sides of one country), else how many
    other events of the article join the same two countries (in either direction): "0", "1", "2+"."""
    sides = [(_side(e.get("source") if isinstance(e, dict) else e.source),
              _side(e.get("target") if isinstance(e, dict) else e.target)) for e in events]
    pairs = collections.Counter(frozenset(p) for p in sides if None not in p and p[0] != p[1])
    keys = []
    for s, t in sides:
        if s is None or t is None:
            keys.append("one-sided")
        elif s == t:
            keys.append("domestic")
        else:
            n = pairs[frozenset((s, t))] - 1
            keys.append(str(n) if n < 2 else "2+")
    return keys


def load_calibration(path: Path | None = None) -> Calibration | None:
    """The calibration file, or None when there is none (confidence is then the pattern's own)."""
    path = path or data_path("calibration.json")
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        tables = {k: {str(key): (int(v[0]), int(v[1])) for key, v in (raw.get(k) or {}).items()}
                  for k in ("pattern", "root", "modality", "source_how", "target_how", "clause", "length",
                          "dyad", "prior_class", "date")}
        base_correct = float(raw["base_correct"]) if raw.get("base_correct") is not None else None
        return Calibration(base_event=float(raw["base_event"]), base_actors=float(raw["base_actors"]),
                           base_correct=base_correct,
                           weight=float(raw.get("weight", 8.0)), min_judged=int(raw.get("min_judged", 5)),
                           **tables)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataFileError(f"{path}: malformed calibration: {exc}") from exc


@functools.lru_cache(maxsize=1)
def calibration() -> Calibration | None:
    return load_calibration()
