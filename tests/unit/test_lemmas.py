"""The lemma corrections dyad applies after the model's lemmatizer (dyad/coding/lemmas.py)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, word, lemma", [
    ("China hopes the talks will resume.", "hopes", "hope"),
    ("Hamas staged an attack on Monday.", "staged", "stage"),
    ("The senator lambasted the decision.", "lambasted", "lambaste"),
])
def test_model_lemmas_are_corrected(pipeline, text, word, lemma):
    doc = pipeline.nlp(text)
    assert [t.lemma_ for t in doc if t.text == word] == [lemma]


def test_a_hoped_for_meeting_is_not_coded_as_planned_by_the_hoper(code):
    events = code("Kenya hopes Uganda will meet with Kenya halfway.")
    assert not [e for e in events if e.root in ("03", "04")], [(e.cameo, e.modality) for e in events]
