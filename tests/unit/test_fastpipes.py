"""The fast stand-ins for attribute_ruler and lemmatizer (dyad/fastpipes.py) give spaCy's own output."""
from __future__ import annotations

import pytest

from dyad.settings import Settings

TEXTS = [
    "Russia condemned the attack on Ukraine on Tuesday, and the ministry said it would summon the envoy.",
    "I ain't gonna say nothin', y'all. We're gonna win, he said; they don't know what's coming.",
    "Israeli jets struck targets in Gaza overnight.\n\n  “We will respond,” a spokesman said.   Let's go!",
    "The U.S.-led coalition's 3rd brigade fired 120mm mortars at 5:30 a.m. — officials weren't sure why.",
    "",
    "   \n\n   ",
]


def _features(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc]


@pytest.fixture(scope="module")
def models():
    import spacy

    from dyad.fastpipes import speed_up

    model = Settings().spacy_model
    return spacy.load(model), speed_up(spacy.load(model))


def test_fast_components_replace_the_originals(models):
    _, fast = models
    assert "attribute_ruler_fast" in fast.pipe_names and "lemmatizer_fast" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert fast.get_pipe("lemmatizer").mode == "rule"  # the original stays, disabled


def test_same_tokens_tags_morphs_and_lemmas(models):
    orig, fast = models
    for _ in range(2):  # the second round reads the caches
        for a, b in zip(orig.pipe(TEXTS), fast.pipe(TEXTS)):
            assert _features(a) == _features(b)
    lemmas = {t.text: t.lemma_ for t in fast(TEXTS[1])}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["nothin'"] == "nothing"
