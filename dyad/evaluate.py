"""Measure coding accuracy against a hand-annotated gold set.

Gold format (JSONL, one item a line)::

    {"id": "...", "text": "...", "published": "YYYY-MM-DD",
     "events": [{"source": {"code": "USAGOV"}, "target": {"code": "VEN"}, "cameo": "042"}, ...]}

This is the shape dyad itself emits for events, so `dyad code --format jsonl` output can be
hand-corrected into gold. `"events": []` asserts that nothing should be coded: anything dyad codes
there is a false alarm. An actor may be `null` (no identifiable actor, e.g. "unknown gunmen").

Matching, per item (each event is used at most once):

* every (gold, predicted) pair gets its best level: 3 *triple* (same source, same target, same full
  CAMEO code), 2 *code* (same full CAMEO code), 1 *root* (same two-digit CAMEO root), 0 none;
* pairs are matched greedily, best level first (ties: gold order, then predicted order);
* at a level, a true positive is a matched pair whose level is at least that level; precision is
  TP / predicted events, recall TP / gold events. The three levels are therefore nested.

Actor codes (the triple level). By default two codes match when they name the same actor at the
grain of *country + first role*:

* ``USAGOVDIP`` matches ``USAGOV`` (roles after the first are ignored);
* a bare country code means the state, so ``VEN`` matches ``VENGOV`` (and ``VEN``) but not
  ``VENMIL``, ``VENOPP``, ``VENREB``…: CAMEO codes "Venezuela" and "Caracas" (metonym) as the
  state, and whether an annotator writes the state as ``VEN`` or ``VENGOV`` is not a coding error;
  a different first role is a different actor;
* codes of international and transnational actors (``IGO…``, ``NGO…``, ``IMG…``, ``MNC…`` and
  other non-country prefixes) match only exactly: ``IGOUNO`` (UN) is not ``IGOUNOIMF`` (IMF);
* ``null`` matches only ``null``.

``strict_actors=True`` compares the full codes exactly instead.

The root confusion table pairs gold and predicted events of the same item: matched pairs on the
diagonal; then leftover events that share an actor (or are the only leftover on each side) as
off-diagonal "coded, but as the wrong root" pairs; everything else against "none".
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import DataFileError
from .models import Article, Event

__all__ = [
    "LEVELS", "GoldEvent", "GoldItem", "PredictedEvent", "PairedEvent", "ItemResult", "Scores", "EvalReport",
    "read_gold", "actors_match", "actor_key", "match_item", "score_predictions", "evaluate",
]

LEVELS: tuple[str, ...] = ("root", "code", "triple")
_LEVEL_RANK = {"none": 0, "root": 1, "code": 2, "triple": 3}
NONE = "none"

# Actor-code prefixes that are not ISO alpha-3 countries (international, transnational, regional)
INTERNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "UIS", "NGM", "UNO"})


@dataclass(frozen=True)
class GoldEvent:
    """One event a gold item says should be coded."""

    source: str | None
    target: str | None
    cameo: str

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "cameo": self.cameo}


@dataclass(frozen=True)
class GoldItem:
    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    origin: str | None = None  # "gold.jsonl:12"

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, published=self.published, origin=self.origin)


@dataclass(frozen=True)
class PredictedEvent:
    """The part of a coded event that evaluation looks at."""

    source: str | None
    target: str | None
    cameo: str
    sentence: str = ""
    trigger: str = ""
    pattern_id: str = ""
    modality: str = ""

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @classmethod
    def from_event(cls, e: Event) -> PredictedEvent:
        return cls(source=e.source.code if e.source else None, target=e.target.code if e.target else None,
                   cameo=str(e.cameo), sentence=e.sentence, trigger=e.trigger, pattern_id=e.pattern_id,
                   modality=e.modality)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PredictedEvent:
        return cls(source=_code_of(d.get("source")), target=_code_of(d.get("target")), cameo=_cameo_of(d.get("cameo")),
                   sentence=d.get("sentence") or "", trigger=d.get("trigger") or "",
                   pattern_id=d.get("pattern_id") or "", modality=d.get("modality") or "")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PairedEvent:
    """A gold event and a predicted event paired by the matcher (either may be None)."""

    gold: GoldEvent | None
    predicted: PredictedEvent | None
    level: str  # "triple", "code", "root" or "none"

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold.to_dict() if self.gold else None,
                "predicted": self.predicted.to_dict() if self.predicted else None, "level": self.level}


@dataclass
class ItemResult:
    id: str
    text: str
    gold: list[GoldEvent]
    predicted: list[PredictedEvent]
    pairs: list[PairedEvent]  # every gold and every predicted event appears exactly once
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "gold": [g.to_dict() for g in self.gold],
                "predicted": [p.to_dict() for p in self.predicted], "pairs": [p.to_dict() for p in self.pairs],
                "error": self.error}


@dataclass(frozen=True)
class Scores:
    level: str
    tp: int
    n_gold: int
    n_predicted: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_predicted if self.n_predicted else 1.0 if not self.n_gold else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0 if not self.n_predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "tp": self.tp, "fp": self.n_predicted - self.tp, "fn": self.n_gold - self.tp,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Discrepancy:
    """A miss (gold event not found at root level), a false alarm, or a partial match."""

    kind: str  # "miss", "false_alarm", "partial"
    item_id: str
    text: str
    gold: GoldEvent | None
    predicted: PredictedEvent | None
    level: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.item_id, "text": self.text,
                "gold": self.gold.to_dict() if self.gold else None,
                "predicted": self.predicted.to_dict() if self.predicted else None, "level": self.level}


@dataclass
class EvalReport:
    items: list[ItemResult]
    scores: dict[str, Scores]  # by level
    confusion: dict[str, dict[str, int]]  # gold root -> predicted root -> count ("none" included)
    strict_actors: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def n_items(self) -> int:
        return len(self.items)

    @property
    def n_gold(self) -> int:
        return sum(len(i.gold) for i in self.items)

    @property
    def n_predicted(self) -> int:
        return sum(len(i.predicted) for i in self.items)

    def discrepancies(self, kinds: Sequence[str] = ("miss", "false_alarm", "partial")) -> list[Discrepancy]:
        """Misses (gold events not matched at root level), false alarms (predicted events not matched at
        root level) and partials (matched at root or code level but not as a triple), in item order.

        A gold and a predicted event paired as the same event coded under the wrong root are both a
        miss and a false alarm; each record shows the other side.
        """
        out = []
        for it in self.items:
            for p in it.pairs:
                if p.level == NONE:
                    if p.gold is not None and "miss" in kinds:
                        out.append(Discrepancy("miss", it.id, it.text, p.gold, p.predicted, NONE))
                    if p.predicted is not None and "false_alarm" in kinds:
                        out.append(Discrepancy("false_alarm", it.id, it.text, p.gold, p.predicted, NONE))
                elif p.level != "triple" and "partial" in kinds:
                    out.append(Discrepancy("partial", it.id, it.text, p.gold, p.predicted, p.level))
        return out

    @property
    def misses(self) -> list[Discrepancy]:
        return self.discrepancies(("miss",))

    @property
    def false_alarms(self) -> list[Discrepancy]:
        return self.discrepancies(("false_alarm",))

    @property
    def partials(self) -> list[Discrepancy]:
        return self.discrepancies(("partial",))

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_items": self.n_items, "n_gold": self.n_gold, "n_predicted": self.n_predicted,
            "strict_actors": self.strict_actors,
            "scores": {lvl: self.scores[lvl].to_dict() for lvl in LEVELS},
            "confusion": self.confusion,
            "misses": [d.to_dict() for d in self.misses],
            "false_alarms": [d.to_dict() for d in self.false_alarms],
            "partials": [d.to_dict() for d in self.partials],
            "errors": list(self.errors),
            "items": [i.to_dict() for i in self.items],
        }


# ---------------------------------------------------------------------------------------------------------
# reading gold


def _code_of(actor: Any) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, str):
        return actor.strip().upper() or None
    if isinstance(actor, Mapping):
        code = actor.get("code")
        return str(code).strip().upper() or None if code is not None else None
    raise ValueError(f"an actor must be an object with a 'code', a string or null, not {actor!r}")


def _cameo_of(value: Any) -> str:
    if value is None:
        raise ValueError("event has no 'cameo' code")
    if not isinstance(value, str):  # a number would lose its leading zero: 42 for "042"
        raise ValueError(f"'cameo' must be a string such as \"042\", not the number {value!r}")
    code = value.strip()
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"'cameo' must be a string of 2 to 4 digits such as \"042\", not {value!r}")
    return code


def gold_item_from_dict(d: Mapping[str, Any], *, origin: str | None = None) -> GoldItem:
    """Build a GoldItem from one parsed gold line; raises ValueError with what is wrong."""
    if not isinstance(d, Mapping):
        raise ValueError("a gold line must be a JSON object")
    text = d.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing 'text'")
    events = d.get("events")
    if not isinstance(events, list):
        raise ValueError("missing 'events' (a list; [] when nothing should be coded)")
    pub = d.get("published")
    try:
        published = date.fromisoformat(pub) if pub else None
    except (TypeError, ValueError):
        raise ValueError(f"'published' must be YYYY-MM-DD, not {pub!r}") from None
    gold = tuple(GoldEvent(_code_of(e.get("source")), _code_of(e.get("target")), _cameo_of(e.get("cameo")))
                 for e in events)
    return GoldItem(id=str(d.get("id") or origin or ""), text=text, published=published, events=gold, origin=origin)


def read_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold JSONL file. A malformed line raises DataFileError naming the file and line."""
    path = Path(path)
    items: list[GoldItem] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            origin = f"{path}:{n}"
            try:
                item = gold_item_from_dict(json.loads(line), origin=origin)
            except (ValueError, AttributeError) as exc:
                raise DataFileError(f"{origin}: bad gold item: {exc}") from None
            if item.id in seen:
                raise DataFileError(f"{origin}: duplicate gold id {item.id!r}")
            seen.add(item.id)
            items.append(item)
    return items


# ---------------------------------------------------------------------------------------------------------
# matching


def actor_key(code: str | None) -> str | None:
    """The part of an actor code the lenient rule compares (see the module docstring)."""
    if code is None:
        return None
    code = code.upper()
    prefix = code[:3]
    if prefix in INTERNATIONAL_PREFIXES or len(code) < 3:
        return code
    role = code[3:6]
    return prefix + (role or "GOV")


def actors_match(gold: str | None, predicted: str | None, *, strict: bool = False) -> bool:
    if strict:
        return (gold or None) == (predicted or None)
    return actor_key(gold) == actor_key(predicted)


def pair_level(gold: GoldEvent, pred: PredictedEvent, *, strict_actors: bool = False) -> str:
    if gold.root != pred.root:
        return NONE
    if gold.cameo != pred.cameo:
        return "root"
    if actors_match(gold.source, pred.source, strict=strict_actors) and \
            actors_match(gold.target, pred.target, strict=strict_actors):
        return "triple"
    return "code"


def match_item(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent], *,
               strict_actors: bool = False) -> list[PairedEvent]:
    """Pair gold and predicted events one-to-one, greedily by best level (see module docstring).

    Returns one PairedEvent per gold event and one per unmatched predicted event.
    """
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            lvl = pair_level(g, p, strict_actors=strict_actors)
            if lvl != NONE:
                cands.append((-_LEVEL_RANK[lvl], gi, pi, lvl))
    cands.sort()
    g_of: dict[int, tuple[int, str]] = {}
    used_p: set[int] = set()
    for _, gi, pi, lvl in cands:
        if gi in g_of or pi in used_p:
            continue
        g_of[gi] = (pi, lvl)
        used_p.add(pi)
    # leftovers: pair wrong-root codings of the same event (for the confusion table), level "none"
    left_g = [gi for gi in range(len(gold)) if gi not in g_of]
    left_p = [pi for pi in range(len(predicted)) if pi not in used_p]
    wrong: dict[int, int] = {}
    if left_g and left_p:
        if len(left_g) == 1 and len(left_p) == 1:
            wrong[left_g[0]] = left_p[0]
        else:
            scored = []
            for gi in left_g:
                for pi in left_p:
                    g, p = gold[gi], predicted[pi]
                    shared = actors_match(g.source, p.source, strict=strict_actors) + \
                        actors_match(g.target, p.target, strict=strict_actors)
                    if shared:
                        scored.append((-shared, gi, pi))
            scored.sort()
            for _, gi, pi in scored:
                if gi in wrong or pi in wrong.values():
                    continue
                wrong[gi] = pi
    pairs: list[PairedEvent] = []
    for gi, g in enumerate(gold):
        if gi in g_of:
            pi, lvl = g_of[gi]
            pairs.append(PairedEvent(g, predicted[pi], lvl))
        elif gi in wrong:
            pairs.append(PairedEvent(g, predicted[wrong[gi]], NONE))
        else:
            pairs.append(PairedEvent(g, None, NONE))
    paired_p = used_p | set(wrong.values())
    pairs += [PairedEvent(None, p, NONE) for pi, p in enumerate(predicted) if pi not in paired_p]
    return pairs


def _as_predicted(x: PredictedEvent | Event | Mapping[str, Any]) -> PredictedEvent:
    if isinstance(x, PredictedEvent):
        return x
    if isinstance(x, Event):
        return PredictedEvent.from_event(x)
    return PredictedEvent.from_dict(x)


def score_predictions(items: Iterable[GoldItem],
                      predictions: Mapping[str, Sequence[PredictedEvent | Event | Mapping[str, Any]]], *,
                      strict_actors: bool = False, errors: Mapping[str, str] | None = None) -> EvalReport:
    """Score given predictions (by item id) against gold items; no model needed."""
    errors = errors or {}
    results: list[ItemResult] = []
    for item in items:
        preds = [_as_predicted(p) for p in predictions.get(item.id, [])]
        pairs = match_item(item.events, preds, strict_actors=strict_actors)
        results.append(ItemResult(item.id, item.text, list(item.events), preds, pairs, errors.get(item.id)))
    n_gold = sum(len(r.gold) for r in results)
    n_pred = sum(len(r.predicted) for r in results)
    scores = {}
    for lvl in LEVELS:
        tp = sum(1 for r in results for p in r.pairs if _LEVEL_RANK[p.level] >= _LEVEL_RANK[lvl])
        scores[lvl] = Scores(lvl, tp, n_gold, n_pred)
    confusion: dict[str, Counter[str]] = {}
    for r in results:
        for p in r.pairs:
            g = p.gold.root if p.gold else NONE
            q = p.predicted.root if p.predicted else NONE
            confusion.setdefault(g, Counter())[q] += 1
    conf = {g: dict(sorted(c.items())) for g, c in sorted(confusion.items())}
    return EvalReport(results, scores, conf, strict_actors=strict_actors,
                      errors=[f"{k}: {v}" for k, v in errors.items()])


def evaluate(items: Iterable[GoldItem], pipeline: Any = None, *, strict_actors: bool = False) -> EvalReport:
    """Code every gold item's text with the real pipeline (one instance, nlp.pipe in batches) and score it."""
    if pipeline is None:
        from .pipeline import Pipeline
        from .settings import Settings

        pipeline = Pipeline(Settings(outputs="events"))  # only events are scored
    items = list(items)
    predictions: dict[str, list[Event]] = {}
    errors: dict[str, str] = {}
    for res in pipeline.process([it.article() for it in items]):
        predictions[res.article.id] = list(res.events)
        if res.error:
            errors[res.article.id] = res.error
    return score_predictions(items, predictions, strict_actors=strict_actors, errors=errors)
