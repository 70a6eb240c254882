"""The role lexicon: head nouns → CAMEO role codes, named institutions, media outlets (data/roles.yaml)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..settings import data_path


@dataclass(frozen=True)
class RoleNoun:
    lemma: str
    roles: tuple[str, ...]
    kind: str  # "person" or "organisation"
    needs_modifier: bool = False  # only an actor when the phrase names its country ("the US State Department")
    plural_only: bool = False  # "authorities", "forces": the singular is too vague
    anonymous_if_unnamed: bool = False


@dataclass(frozen=True)
class Institution:
    names: tuple[str, ...]
    name: str
    roles: tuple[str, ...]
    country: str | None = None
    code: str | None = None  # a fixed CAMEO code for international actors ("IGOUNO")
    needs_context: bool = False  # the name alone does not give the country: only in an article about it
    lead: bool = False  # with needs_context: only in an article that names the country more than any other
    cased: tuple[str, ...] = ()  # names written with capitals in roles.yaml: matched with their case ("House")


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, RoleNoun]
    institutions: tuple[Institution, ...]
    media: frozenset[str]
    cased_may_follow: frozenset[str] = frozenset()  # proper nouns a cased name may follow ("House Democrats")

    def institution_in(self, text: str) -> Institution | None:
        """The institution with the longest name found in `text` (the first of equals)."""
        best: tuple[int, Institution] | None = None
        for inst in self.institutions:
            n = self.mentions(inst, text)
            if n and (best is None or n > best[0]):
                best = (n, inst)
        return best[1] if best else None

    def mentions(self, inst: Institution, text: str) -> int:
        """The length of the longest name of `inst` found in `text` (word-bounded), 0 if none.
        Names of three letters or fewer ("UN", "EU", "CIA") must be written in capitals: "Kim Jong
        Un" is not the UN. Names written with capitals in roles.yaml must stand with them: "the House"
        is Congress, "a house" is not."""
        plain = f" {text.replace('’', chr(39))} "
        low = plain.lower()
        words = set(text.replace("’", "'").split())
        best = 0
        for n in inst.names:
            if f" {n} " not in low or len(n) <= best:
                continue
            cased = [c for c in inst.cased if c.lower() == n]
            if cased and not any(f" {c} " in plain for c in cased):
                continue
            if len(n.replace(".", "")) <= 3 and n.upper() not in words:
                continue
            best = len(n)
        return best

    def is_media(self, text: str) -> bool:
        low = text.lower().strip()
        return low in self.media or (low.startswith("the ") and low[4:] in self.media)


def load_lexicon(path: Path | None = None) -> Lexicon:
    path = path or data_path("roles.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:  # pragma: no cover - shipped file
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    roles = {}
    for lemma, spec in (raw.get("roles") or {}).items():
        if not isinstance(spec, dict) or "roles" not in spec:
            raise DataFileError(f"{path}: role noun {lemma!r} needs a `roles` list")
        roles[str(lemma).lower()] = RoleNoun(
            lemma=str(lemma).lower(),
            roles=tuple(spec["roles"]),
            kind=spec.get("kind", "organisation"),
            needs_modifier=bool(spec.get("needs_modifier", False)),
            plural_only=bool(spec.get("plural_only", False)),
            anonymous_if_unnamed=bool(spec.get("anonymous_if_unnamed", False)),
        )
    insts = []
    for n, spec in enumerate(raw.get("institutions") or [], 1):
        try:
            insts.append(Institution(
                names=tuple(s.lower() for s in spec["names"]), name=spec["name"],
                roles=tuple(spec.get("roles") or ()), country=spec.get("country"),
                code=spec.get("code"), needs_context=bool(spec.get("needs_context", False)),
                lead=bool(spec.get("lead", False)), cased=tuple(s for s in spec["names"] if s != s.lower()),
            ))
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"{path}: institution #{n} is malformed: {exc}") from exc
    media = frozenset(str(m).lower() for m in raw.get("media") or [])
    return Lexicon(roles=roles, institutions=tuple(insts), media=media,
                   cased_may_follow=frozenset(str(w) for w in raw.get("cased_may_follow") or []))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()
