"""A learned last word on an event's confidence (data/ranker.json).

The calibrated confidence (`confidence.py`) knows how events were found: the pattern, how the
actors were resolved, the clause, the dyad's support in the article. It does not read the sentence,
and most wrong events left on real news are wrong for reasons written there: history told in the
simple past ("the 2003 invasion", "after he took office"), a standing position ("has long accused"),
a plan or a wish reported as done. The ranker is a logistic regression over

* the sentence's function words and cue words of time, plans and reporting (`data/ranker_cues.txt`),
  and pairs of neighbouring words, any other word standing as "_": names, places and topics are
  not read, so no country's events are marked down for being about that country,
* the pattern, the CAMEO root, the modality and the trigger word,

and the log-odds of the calibrated confidence, whose weight (`confidence_weight`) is learned with the
rest: the confidence was built from events the rules had since been mended for, so on events it has not
seen it is worth less than it says. It is fitted on the hand-judged events of the blind samples
(`tests/eval/corpus_sample*.jsonl`, label: actors and event type both right, as drawn) by
`scripts/train_ranker.py`, so its score is the chance that an event is right as those samples were.

By default it vetoes: an event keeps its calibrated confidence, and the pipeline drops it when the
ranker gives it less than `Settings.min_rank` (`vetoed`). With `--rank` (`DYAD_RANK=1`) its score
replaces the event's confidence instead, and `min_confidence` applies to it. The README's accuracy
section gives the figures. Each feature's weight is in the data file, so why an event scored as it did
can be read off (`Ranker.explain`).
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..errors import DataFileError
from .confidence import _logit
from ..settings import data_path

WORD = re.compile(r"(?u)\b\w+\b|[’']\w+")
YEAR = re.compile(r"(?:19|20)\d\d")
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)


@functools.lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """The words the ranker reads: spaCy's English stop words and data/ranker_cues.txt."""
    from spacy.lang.en.stop_words import STOP_WORDS

    lines = data_path("ranker_cues.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(STOP_WORDS) | {w.strip().lower() for w in lines if w.strip() and not w.startswith("#")}


def _word(w: str, cues: frozenset[str]) -> str:
    if len(w) > 1 and w.isupper():
        return "_"  # "US", "UN": a name, though "us" is a stop word
    w = w.lower().replace("’", "'")
    if YEAR.fullmatch(w):
        return "<year>"
    if w in WEEKDAYS:
        return "<weekday>"
    if w in MONTHS and w != "may":
        return "<month>"
    return w if w in cues else "_"


def features(event: Any) -> list[str]:
    """The binary features of an event (an `Event` or its dict): the sentence's cue words and pairs of
    neighbouring words (any other word is "_", so "who has _" is read but not which name follows), then
    `name=value` features of how it was coded (left out when unknown: the earliest judged samples did
    not record the trigger). Training and scoring both use this function."""
    cues = cue_words()
    words = [_word(w, cues) for w in WORD.findall(" ".join(str(_get(event, "sentence") or "").split()))]
    out = {w for w in words if w != "_"} | {f"{a} {b}" for a, b in zip(words, words[1:]) if (a, b) != ("_", "_")}
    cameo = str(_get(event, "cameo") or "")
    for name, value in (("pattern", _get(event, "pattern_id")), ("root", cameo[:2]),
                        ("modality", _get(event, "modality")),
                        ("trigger", (_get(event, "trigger") or "").lower())):
        if value:
            out.add(f"{name}={value}")
    return sorted(out)


@dataclass(frozen=True)
class Ranker:
    intercept: float
    confidence_weight: float  # weight of the calibrated confidence's log-odds
    weights: dict[str, float] = field(default_factory=dict)  # feature → weight

    def score(self, event: Any, confidence: float | None = None) -> float:
        """The chance (0–1) that the event is right. `confidence` is its calibrated confidence
        (default: the event's own)."""
        conf = _get(event, "confidence") if confidence is None else confidence
        x = self.intercept + self.confidence_weight * _logit(float(conf))
        x += sum(self.weights.get(f, 0.0) for f in features(event))
        return 1 / (1 + math.exp(-x))

    def explain(self, event: Any, top: int = 8) -> list[tuple[str, float]]:
        """The features of the event that moved its score most, with their weights."""
        found = [(f, self.weights[f]) for f in features(event) if f in self.weights]
        return sorted(found, key=lambda fw: -abs(fw[1]))[:top]


def load_ranker(path: Path | None = None) -> Ranker | None:
    """The ranker file, or None when there is none (the calibrated confidence is then final)."""
    path = path or data_path("ranker.json")
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Ranker(intercept=float(raw["intercept"]), confidence_weight=float(raw["confidence_weight"]),
                      weights={str(k): float(v) for k, v in raw["weights"].items()})
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{path}: malformed ranker: {exc}") from exc


@functools.lru_cache(maxsize=1)
def ranker() -> Ranker | None:
    return load_ranker()


def vetoed(events: list, min_rank: float) -> list:
    """The events to which the ranker gives at least `min_rank` chance of being right (all of them
    when there is no ranker file). Their confidence stays the calibrated one: the ranker only vetoes."""
    rk = ranker()
    if rk is None:
        return events
    return [e for e in events if rk.score(e) >= min_rank]
