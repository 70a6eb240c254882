"""Corrections to the model's lemmas that dyad's patterns depend on.

en_core_web_sm lemmatizes "hopes"/"hoped"/"hoping" as "hop" and "staged" as "stag", so "China hopes
the U.S. will …" escaped the desire-verb rule and "staged an attack" no pattern. The table
(`lemma_fixes` in data/patterns.yaml: surface form → lemma) is applied by a pipeline component
right after the lemmatizer, so the coder, the quote extractor and everything else see the same
lemma.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .patterns import pattern_set

NAME = "dyad_lemma_fixes"


@Language.component(NAME)
def fix_lemmas(doc: Doc) -> Doc:
    fixes = pattern_set().lemma_fixes
    for tok in doc:
        lemma = fixes.get(tok.lower_)
        if lemma is not None and tok.pos_ in ("VERB", "AUX", "NOUN"):
            tok.lemma_ = lemma
    return doc


def add_lemma_fixes(nlp) -> None:
    """Add the component after the lemmatizer (or last), once."""
    if NAME in nlp.pipe_names:
        return
    after = next((n for n in reversed(nlp.pipe_names) if "lemmatizer" in n), None)
    if after is not None:
        nlp.add_pipe(NAME, after=after)
    else:
        nlp.add_pipe(NAME, last=True)
