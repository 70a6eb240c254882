"""Calibrated event confidence (dyad/coding/confidence.py) and the default threshold."""
from __future__ import annotations

import json

import pytest

from dyad.coding.confidence import Calibration, calibration, load_calibration
from dyad.errors import DataFileError
from dyad.pipeline import Pipeline
from dyad.settings import Settings


def test_shipped_calibration_loads_and_has_counts():
    cal = calibration()
    assert cal is not None
    assert 0.5 < cal.base_event < 1 and 0.5 < cal.base_actors < 1
    assert all(0 <= k <= n for n, k in cal.source_how.values())
    assert sum(n for n, _ in cal.pattern.values()) > 100


def test_a_record_of_wrong_judgements_lowers_the_score():
    cal = Calibration(base_event=0.8, base_actors=0.8, weight=4, min_judged=5,
                      target_how={"coref": (20, 5), "gazetteer": (20, 19)})
    kw = dict(pattern_id="x", pattern_prior=0.8, root="04", modality="asserted", source_how="gazetteer")
    assert cal.score(target_how="coref", **kw) < cal.score(target_how="gazetteer", **kw) - 0.2


def test_too_few_judgements_leave_the_prior():
    cal = Calibration(base_event=0.8, base_actors=0.8, weight=4, min_judged=5, target_how={"rare": (2, 0)})
    kw = dict(pattern_id="x", pattern_prior=0.8, root="04", modality="asserted", source_how=None)
    assert cal.score(target_how="rare", **kw) == pytest.approx(cal.score(target_how="unseen", **kw))


def test_malformed_calibration_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps({"base_event": 0.8}))
    with pytest.raises(DataFileError, match="calibration"):
        load_calibration(bad)


def test_default_threshold_drops_low_confidence_events(pipeline):
    # an event with no named doer (judged wrong more often) and one between two governments
    text = ("Two more Palestinians were killed on Tuesday in clashes with Israeli soldiers. "
            "Germany met France in Paris on Monday.")
    every = [e for r in pipeline.process([{"text": text, "published": "2019-03-15"}]) for e in r.events]
    default = Settings()
    assert default.min_confidence > 0
    strict = Pipeline(default, nlp=pipeline.nlp)
    kept = [e for r in strict.process([{"text": text, "published": "2019-03-15"}]) for e in r.events]
    assert all(e.confidence >= default.min_confidence for e in kept)
    assert {e.event_id for e in kept} <= {e.event_id for e in every}
    low = [e for e in every if e.confidence < default.min_confidence]
    assert low, [(e.cameo, e.confidence) for e in every]  # the text is built to hold a doubtful event
    assert not {e.event_id for e in low} & {e.event_id for e in kept}


@pytest.mark.parametrize("text, clause", [
    ("Kenya accused Uganda of smuggling on Monday.", "main"),
    ("Kenya, which accused Uganda of smuggling on Monday, closed the border.", "relative"),
    ("Kenya said on Monday that it had accused Uganda of smuggling.", "complement"),
])
def test_events_carry_the_clause_of_their_trigger(code, text, clause):
    events = [e for e in code(text) if e.root == "11"]
    assert [e.clause for e in events] == [clause]


def test_a_background_clause_lowers_the_confidence():
    cal = calibration()
    kw = dict(pattern_id="disapprove.accuse", pattern_prior=0.8, root="11", modality="asserted",
              source_how="gazetteer", target_how="gazetteer", sentence_words=20)
    assert cal.score(clause="relative", **kw) < cal.score(clause="main", **kw)
