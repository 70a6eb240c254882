"""Faster stand-ins for two of the model's rule-based components, with the same output.

spaCy's ``attribute_ruler`` runs its ~180 patterns through a ``Matcher`` token by token, and its
rule ``lemmatizer`` calls Python per token; together they took ~18% of dyad's time. They are
replaced (the originals stay in the pipeline, disabled) by:

* :class:`FastAttributeRuler`: the ruler's one-token patterns only test TAG, LOWER, DEP and
  IS_SPACE, so which of them match a token is a function of those four values (LOWER and DEP
  counted only when some pattern names them). That is computed once per distinct key, and the
  matching patterns' attributes are set with spaCy's own ``set_token_attrs`` in the ruler's order
  (later patterns win, as in ``AttributeRuler.set_annotations``). Patterns of more than one token
  (a handful: "gon na", "ai n't") still go through a ``Matcher``, and a token they touch gets every
  matching pattern applied one by one in the ruler's order. The Matcher runs only on a doc
  where one of these patterns can match: one that holds, for each of its tokens' fixed LOWER
  and DEP values, a token with one of them ("gon" and "na"; an "expl" and an "is"/"was"/...).
* :class:`FastLemmatizer`: the rule lemmatizer's result depends on (ORTH, POS, MORPH) only — the
  key of spaCy's own cache — so a token whose lemma is unset gets it from a dict of those keys,
  read and written through ``Doc.to_array``/``from_array``; a new key is lemmatized by spaCy's
  ``rule_lemmatize`` steps with the lemma_index lists turned into sets (spaCy scans the lists:
  57,000 nouns), or by the original component when that overrides them.

Any pattern this module does not understand (an operator other than equality/IN/NOT_IN, another
attribute) makes :func:`speed_up` leave the pipeline as it is. ``tests/unit/test_fastpipes.py``
checks that every token attribute is the same as with the original components.
"""
from __future__ import annotations

import logging
import re
import warnings
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline.lemmatizer import Lemmatizer as SpacyLemmatizer
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger("dyad")

_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class Unsupported(Exception):
    pass


def _predicate(value: Any):
    """(test on a string or bool) for one attribute's value in a token pattern."""
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            allowed = frozenset(value["IN"])
            return lambda v: v in allowed
        if set(value) == {"REGEX"}:
            search = re.compile(value["REGEX"]).search
            return lambda v: v is not None and search(v) is not None
        if set(value) == {"NOT_IN"}:
            banned = frozenset(value["NOT_IN"])
            return lambda v: v not in banned
        raise Unsupported(f"operator {sorted(value)}")
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    raise Unsupported(f"value {value!r}")


def _requirements(pattern: list[dict]) -> list[tuple[str, list[str]]]:
    """What a match of this token pattern needs in the doc: for each of its tokens without an
    operator, each fixed LOWER or DEP (a string or an IN list) is (attribute, allowed values),
    one of which some token must have."""
    out = []
    for spec in pattern:
        spec = {k.upper(): v for k, v in spec.items()}
        if "OP" in spec:
            continue
        for attr in ("LOWER", "DEP"):
            value = spec.get(attr)
            if isinstance(value, str):
                out.append((attr, [value]))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                out.append((attr, list(value["IN"])))
    return out


def _values(value: Any) -> list:
    if isinstance(value, dict):
        return [v for op, vs in value.items() if op != "REGEX" for v in vs]
    return [value]


class FastAttributeRuler:
    def __init__(self, ruler: Any):
        self.ruler = ruler
        self.vocab = ruler.vocab
        strings = self.vocab.strings
        self.attrs: list[dict] = list(ruler.attrs)  # normalised, in the ruler's order
        self.single: list[tuple[int, dict]] = []  # (entry index, {attr: predicate})
        self.multi = Matcher(self.vocab)
        self.n_multi = 0
        # per multi-token pattern, what it needs in the doc: [(column of `rows` (1 LOWER, 2 DEP),
        # values one of which some token must have)], e.g. "gon" and "na" for "gon na"
        self.multi_needs: list[list[tuple[int, frozenset[int]]]] = []
        used: dict[str, set[int]] = {"LOWER": set(), "DEP": set()}
        self.lower_regex: list = []  # LOWER {"REGEX": ...} tests of one-token patterns
        for i, entry in enumerate(ruler.patterns):
            index = ruler.indices[i]
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self.multi.add(str(i), [pattern])
                    self.n_multi += 1
                    self.multi_needs.append([(1 if attr == "LOWER" else 2, frozenset(strings.add(v) for v in values))
                                             for attr, values in _requirements(pattern)])
                    continue
                if index not in (0, -1):
                    raise Unsupported(f"index {index} of a one-token pattern")
                spec = {k.upper(): v for k, v in pattern[0].items()}
                if not set(spec) <= set(_KEY_ATTRS):
                    raise Unsupported(f"attributes {sorted(spec)}")
                for a in ("LOWER", "DEP"):
                    if a in spec:
                        if isinstance(spec[a], dict) and "REGEX" in spec[a]:
                            if a != "LOWER":
                                raise Unsupported(f"REGEX on {a}")
                            self.lower_regex.append(_predicate(spec[a]))
                        used[a].update(strings.add(v) for v in _values(spec[a]))
                self.single.append((i, {k: _predicate(v) for k, v in spec.items()}))
        self.used_lower = frozenset(used["LOWER"])
        self.used_dep = frozenset(used["DEP"])
        self._by_key: dict[tuple, tuple[list[int], dict]] = {}
        self._lower_key: dict[int, int] = {}

    def lower_key(self, lower: int) -> int:
        """`lower` when some one-token pattern may test it, else 0."""
        got = self._lower_key.get(lower)
        if got is None:
            keep = lower in self.used_lower or any(p(self.vocab.strings[lower]) for p in self.lower_regex)
            got = self._lower_key[lower] = lower if keep else 0
            if len(self._lower_key) > 500_000:  # bounded
                self._lower_key.clear()
        return got

    def _entries(self, key: tuple) -> tuple[list[int], dict]:
        got = self._by_key.get(key)
        if got is None:
            tag, lower, dep, space = key
            strings = self.vocab.strings
            vals = {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else None,
                    "DEP": strings[dep] if dep else None, "IS_SPACE": bool(space)}
            idx = [i for i, preds in self.single if all(p(vals[a]) for a, p in preds.items())]
            merged: dict = {}
            for i in idx:
                merged.update(self.attrs[i])
            got = self._by_key[key] = (idx, merged)
        return got

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        extra: dict[int, list[int]] = {}
        if self.n_multi and self._multi_may_match(rows):
            for m_id, s, e in self.multi(doc, allow_missing=True, as_spans=False):
                i = int(self.vocab.strings[m_id])
                pos = range(s, e)[self.ruler.indices[i]]
                extra.setdefault(pos, []).append(i)
        used_dep, lower_key = self.used_dep, self.lower_key
        todo = []
        for tag, lower, dep, space in rows:
            key = (tag, lower_key(lower), dep if dep in used_dep else 0, space)
            todo.append(self._entries(key))
        for t, (idx, merged) in enumerate(todo):
            if t in extra:
                for i in sorted(set(idx) | set(extra[t])):
                    set_token_attrs(doc[t], self.attrs[i])
            elif merged:
                set_token_attrs(doc[t], merged)
        return doc

    def _multi_may_match(self, rows: list[list[int]]) -> bool:
        """Whether some multi-token pattern can match: the doc has a token for each of its needs."""
        cols: dict[int, set[int]] = {}
        for needs in self.multi_needs:
            for col, values in needs:
                have = cols.get(col)
                if have is None:
                    have = cols[col] = {r[col] for r in rows}
                if have.isdisjoint(values):
                    break
            else:
                return True
        return False

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


class FastLemmatizer:
    def __init__(self, lemmatizer: Any):
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", False):
            raise Unsupported(f"lemmatizer mode {getattr(lemmatizer, 'mode', None)!r}")
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        # spaCy's rule_lemmatize tests `form in index` on the lemma_index table's lists (57,000
        # nouns: a linear scan per candidate form). When the component uses spaCy's own
        # rule_lemmatize, new keys go through `_rule_lemmatize`, the same steps with the lists
        # as sets; otherwise through the component's own method.
        self._tables: dict[str, tuple[frozenset, dict, list] | None] = {}
        own = getattr(type(lemmatizer), "rule_lemmatize", None)
        self.lemmatize = (self._rule_lemmatize if own is SpacyLemmatizer.rule_lemmatize
                          and getattr(lemmatizer, "lemmatize", None) == lemmatizer.rule_lemmatize
                          else lemmatizer.lemmatize)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        cache = self.cache
        changed = False
        for t, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = self.vocab_add(self.lemmatize(doc[t])[0])
                cache[key] = value
                if len(cache) > 500_000:  # bounded
                    cache.clear()
            arr[t, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], np.ascontiguousarray(arr[:, 3:4]))
        return doc

    def _pos_tables(self, univ_pos: str) -> tuple[frozenset, dict, list] | None:
        """(index as a set, exceptions, rules) for a part of speech; None when all three are
        empty (as spaCy tests it)."""
        if univ_pos not in self._tables:
            lk = self.lemmatizer.lookups
            index = lk.get_table("lemma_index", {}).get(univ_pos)
            exc = lk.get_table("lemma_exc", {}).get(univ_pos)
            rules = lk.get_table("lemma_rules", {}).get(univ_pos)
            self._tables[univ_pos] = (None if not any((index, exc, rules))
                                      else (frozenset(index or ()), exc or {}, rules or []))
        return self._tables[univ_pos]

    def _rule_lemmatize(self, token: Any) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize`` (v3.8), step for step, with set lookups."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108)
            return [string.lower()]
        if self.lemmatizer.is_base_form(token):
            return [string.lower()]
        tables = self._pos_tables(univ_pos)
        if tables is None:
            if univ_pos == "propn":
                return [string]
            return [string.lower()]
        index, exceptions, rules = tables
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms

    def vocab_add(self, s: str) -> int:
        return self.lemmatizer.vocab.strings.add(s)

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


@Language.factory("dyad_fast_attribute_ruler", default_config={"source": "attribute_ruler"})
def _make_fast_ruler(nlp: Language, name: str, source: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe(source))


@Language.factory("dyad_fast_lemmatizer", default_config={"source": "lemmatizer"})
def _make_fast_lemmatizer(nlp: Language, name: str, source: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.get_pipe(source))


def speed_up(nlp: Language) -> Language:
    """Replace the model's attribute_ruler and rule lemmatizer by the fast stand-ins (in place;
    the originals stay, disabled). Leaves the pipeline alone where a stand-in does not apply."""
    for source, factory in (("attribute_ruler", "dyad_fast_attribute_ruler"), ("lemmatizer", "dyad_fast_lemmatizer")):
        if source not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(factory, name=f"{source}_fast", after=source, config={"source": source})
        except Unsupported as exc:
            log.debug("%s kept as it is: %s", source, exc)
            continue
        nlp.disable_pipe(source)
    return nlp
