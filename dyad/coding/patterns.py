"""Event patterns (data/patterns.yaml): trigger lemmas, slot rules and CAMEO codes."""
from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..settings import data_path
from .cameo import cameo_table


@dataclass(frozen=True)
class Pattern:
    id: str
    cameo: str
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()  # lemmas (or multiword phrases) the object must have
    object_kind: str | None = None  # "actor", "person", "any": the object must be such a thing
    prep: frozenset[str] = frozenset()
    target: tuple[str, ...] = ()
    source: tuple[str, ...] = ()  # for nouns: where the doer is ("poss", "prep:by")
    fallback: str = "none"
    confidence: float = 0.8
    passive: str = "target"
    requires_xcomp: bool = False
    requires_no_xcomp: bool = False
    requires_no_dobj: bool = False  # "called for talks", not "called the summit productive"
    not_particles: frozenset[str] = frozenset()  # "called out Kim" is no phone call
    not_object: frozenset[str] = frozenset()  # no event when the object is one of these ("met the demands")
    symmetric: bool = False  # "A and B met": each is the other's target
    subject: frozenset[str] = frozenset()  # the subject's head must be one of these ("warplanes struck")
    person_source_cameo: str | None = None  # the code when the source is a politician, not a force
    civilian_source_cameo: str | None = None  # the code when the source is civilians (a violent protest)
    not_source_roles: frozenset[str] = frozenset()  # no event when the source has one of these roles
    not_target_roles: frozenset[str] = frozenset()  # no event with a target of one of these roles
    foreign_target_cameo: str | None = None  # the code when the target is of another country

    @property
    def prior_class(self) -> str:
        """The kind of trigger and the hand-set confidence ("noun 0.6"): patterns of one class share
        their judged record as the prior of a pattern judged too rarely (dyad/coding/confidence.py)."""
        kind = "noun" if self.nouns and not self.verbs else "verb" if self.verbs and not self.nouns else "both"
        return f"{kind} {self.confidence}"


# The word lists of patterns.yaml read as lemma sets, one PatternSet field each
WORD_LISTS = (
    "intent_verbs", "intent_nouns", "future_aux", "conditional_aux", "hypothetical_aux",
    "desire_verbs", "appeal_verbs", "light_verbs", "appeal_nouns", "epistemic_nouns",
    "unrealised_modifiers", "attempt_verbs", "negating_verbs", "partitive_nouns", "reporting_verbs",
    "non_actor_heads", "meeting_nouns", "harm_nouns", "facility_nouns", "protester_nouns",
    "belief_verbs", "past_nouns", "verification_verbs", "non_kinetic_modifiers",
    "non_kinetic_agents", "sea_nouns",
)


@dataclass
class PatternSet:
    patterns: list[Pattern]
    intent_code: dict[str, str]
    intent_code_exact: dict[str, str]
    intent_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    future_aux: frozenset[str]
    conditional_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    desire_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    light_verbs: frozenset[str]
    appeal_nouns: frozenset[str]
    epistemic_nouns: frozenset[str]
    sea_nouns: frozenset[str]
    unrealised_modifiers: frozenset[str]
    attempt_verbs: frozenset[str]
    boilerplate: tuple[str, ...]
    negating_verbs: frozenset[str]
    partitive_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    non_actor_heads: frozenset[str] = frozenset()
    political_roles: frozenset[str] = frozenset()
    armed_igos: frozenset[str] = frozenset()
    meeting_nouns: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    facility_nouns: frozenset[str] = frozenset()
    protester_nouns: frozenset[str] = frozenset()
    no_intent_roots: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()
    past_nouns: frozenset[str] = frozenset()
    verification_verbs: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    non_kinetic_modifiers: frozenset[str] = frozenset()
    non_kinetic_agents: frozenset[str] = frozenset()
    by_verb: dict[str, list[Pattern]] = field(default_factory=dict)
    by_noun: dict[str, list[Pattern]] = field(default_factory=dict)

    def intent_of(self, cameo: str) -> str:
        if cameo in self.intent_code_exact:
            return self.intent_code_exact[cameo]
        code = self.intent_code.get(cameo[:2], "030")
        return cameo if code[:2] == cameo[:2] else code  # an appeal announced is still that appeal

    def trigger_words(self) -> set[str]:
        return set(self.by_verb) | set(self.by_noun)


def _words(v) -> frozenset[str]:
    if v is None:
        return frozenset()
    if isinstance(v, str):
        v = [v]
    bad = [x for x in v if not isinstance(x, (str, int, float)) or isinstance(x, bool)]
    if bad:
        # YAML reads a bare on/off/yes/no as a boolean: "prep: [on]" would silently mean "true"
        raise DataFileError(f"word list {list(v)!r} holds {bad!r}, not words: quote them in the YAML file")
    return frozenset(str(x).lower() for x in v)


PATTERN_KEYS = frozenset(f.name for f in dataclasses.fields(Pattern))  # the fields a pattern may have


def load_patterns(path: Path | None = None) -> PatternSet:
    path = path or data_path("patterns.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    table = cameo_table()
    pats: list[Pattern] = []
    seen: set[str] = set()
    for n, spec in enumerate(raw.get("patterns") or [], 1):
        where = f"{path}: pattern #{n} ({spec.get('id', '?') if isinstance(spec, dict) else spec!r})"
        if not isinstance(spec, dict) or "id" not in spec or "cameo" not in spec:
            raise DataFileError(f"{where}: needs `id` and `cameo`")
        unknown = sorted(set(spec) - PATTERN_KEYS)
        if unknown:  # a misspelt field would otherwise be ignored, and the pattern fire more widely
            raise DataFileError(f"{where}: unknown field(s) {', '.join(unknown)}")
        cameo = str(spec["cameo"])
        if cameo not in table:
            raise DataFileError(f"{where}: unknown CAMEO code {cameo!r}")
        for key in ("person_source_cameo", "civilian_source_cameo", "foreign_target_cameo"):
            if spec.get(key) and str(spec[key]) not in table:
                raise DataFileError(f"{where}: unknown CAMEO code {spec[key]!r} in {key}")
        if spec["id"] in seen:
            raise DataFileError(f"{where}: duplicate id")
        seen.add(spec["id"])
        if not spec.get("verbs") and not spec.get("nouns"):
            raise DataFileError(f"{where}: needs `verbs` or `nouns`")
        pats.append(Pattern(
            id=spec["id"], cameo=cameo, verbs=_words(spec.get("verbs")), nouns=_words(spec.get("nouns")),
            object=_words(spec.get("object")), object_kind=spec.get("object_kind"),
            prep=_words(spec.get("prep")), target=tuple(spec.get("target") or ()),
            source=tuple(spec.get("source") or ()), fallback=spec.get("fallback", "none"),
            confidence=float(spec.get("confidence", 0.8)), passive=spec.get("passive", "target"),
            requires_xcomp=bool(spec.get("requires_xcomp", False)),
            requires_no_xcomp=bool(spec.get("requires_no_xcomp", False)),
            requires_no_dobj=bool(spec.get("requires_no_dobj", False)),
            not_particles=_words(spec.get("not_particles")),
            not_object=_words(spec.get("not_object")),
            symmetric=bool(spec.get("symmetric", False)),
            subject=_words(spec.get("subject")),
            person_source_cameo=str(spec["person_source_cameo"]) if spec.get("person_source_cameo") else None,
            civilian_source_cameo=str(spec["civilian_source_cameo"]) if spec.get("civilian_source_cameo") else None,
            not_source_roles=frozenset(str(r).upper() for r in spec.get("not_source_roles") or ()),
            not_target_roles=frozenset(str(r).upper() for r in spec.get("not_target_roles") or ()),
            foreign_target_cameo=str(spec["foreign_target_cameo"]) if spec.get("foreign_target_cameo") else None,
        ))
    for key in ("intent_code", "intent_code_exact"):
        for k, v in (raw.get(key) or {}).items():
            if str(v) not in table:
                raise DataFileError(f"{path}: {key} {k!r} maps to unknown CAMEO code {v!r}")
    ps = PatternSet(
        patterns=pats,
        intent_code={str(k): str(v) for k, v in (raw.get("intent_code") or {}).items()},
        intent_code_exact={str(k): str(v) for k, v in (raw.get("intent_code_exact") or {}).items()},
        no_intent_roots=frozenset(str(r) for r in raw.get("no_intent_roots") or ()),
        **{name: _words(raw.get(name)) for name in WORD_LISTS},
        boilerplate=tuple(str(x) for x in raw.get("boilerplate") or ()),
        political_roles=frozenset(str(r).upper() for r in raw.get("political_roles") or ()),
        armed_igos=frozenset(str(r).upper() for r in raw.get("armed_igos") or ()),
        lemma_fixes={str(k).lower(): str(v).lower() for k, v in (raw.get("lemma_fixes") or {}).items()},
    )
    by_verb: dict[str, list[Pattern]] = defaultdict(list)
    by_noun: dict[str, list[Pattern]] = defaultdict(list)
    for p in pats:
        for v in p.verbs:
            by_verb[v].append(p)
        for v in p.nouns:
            by_noun[v].append(p)
    ps.by_verb, ps.by_noun = dict(by_verb), dict(by_noun)
    return ps


@functools.lru_cache(maxsize=1)
def pattern_set() -> PatternSet:
    return load_patterns()
