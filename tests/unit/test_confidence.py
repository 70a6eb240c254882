"""Calibrated event confidence (dyad/coding/confidence.py) and the default threshold."""
from __future__ import annotations

import json

import pytest

from dyad.coding.confidence import Calibration, calibration, dyad_keys, load_calibration
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


def test_dyad_keys_count_the_other_events_of_the_same_two_countries():
    def ev(s, t):
        return {"source": s and {"country": s, "code": s}, "target": t and {"country": t, "code": t}}

    events = [ev("KEN", "UGA"), ev("UGA", "KEN"), ev("KEN", "UGA"), ev("KEN", "TZA"), ev("KEN", "KEN"),
              ev("KEN", None), ev(None, "UGA")]
    assert dyad_keys(events) == ["2+", "2+", "2+", "0", "domestic", "one-sided", "one-sided"]
    assert dyad_keys([ev("KEN", "UGA"), ev("UGA", "KEN")]) == ["1", "1"]
    # an actor without a country (an IGO) is its code
    igo = {"source": {"country": None, "code": "IGOUNO"}, "target": {"country": "KEN", "code": "KENGOV"}}
    assert dyad_keys([igo, igo]) == ["1", "1"]


def test_a_supported_dyad_raises_and_a_lone_domestic_one_lowers_the_confidence():
    cal = Calibration(base_event=0.8, base_actors=0.8, base_correct=0.8, weight=4, min_judged=5,
                      dyad={"2+": (50, 48), "0": (50, 38), "domestic": (50, 30), "rare": (2, 0)})
    assert cal.with_dyad(0.7, "2+") > 0.7 > cal.with_dyad(0.7, "0") > cal.with_dyad(0.7, "domestic")
    assert cal.with_dyad(0.7, "rare") == pytest.approx(0.7)  # too few judged: no change
    assert Calibration(base_event=0.8, base_actors=0.8).with_dyad(0.7, "2+") == 0.7  # no record at all


def test_the_record_of_a_pattern_class_replaces_its_hand_set_prior():
    cal = Calibration(base_event=0.8, base_actors=0.8, weight=4, min_judged=5,
                      prior_class={"noun 0.6": (60, 57)})
    kw = dict(pattern_id="x", root="04", modality="asserted", source_how=None, target_how=None)
    judged = cal.score(pattern_prior=0.6, prior_class="noun 0.6", hand_confidence=0.6, **kw)
    unjudged = cal.score(pattern_prior=0.6, prior_class="verb 0.6", hand_confidence=0.6, **kw)
    assert judged > unjudged + 0.05
    # the event's own adjustment (e.g. no target: -0.2) is kept on top of the class record
    assert cal.score(pattern_prior=0.4, prior_class="noun 0.6", hand_confidence=0.6, **kw) < judged


def test_patterns_are_classed_by_trigger_kind_and_hand_set_confidence():
    from dyad.coding.patterns import Pattern

    assert Pattern(id="a", cameo="0841", nouns=frozenset({"release"}), confidence=0.6).prior_class == "noun 0.6"
    assert Pattern(id="b", cameo="042", verbs=frozenset({"visit"})).prior_class == "verb 0.8"


def test_an_event_dated_by_its_sentence_scores_higher_when_the_record_says_so():
    cal = calibration()
    assert cal.date, "the shipped calibration has a record by date source"
    kw = dict(pattern_id="consult.visit", pattern_prior=0.8, root="04", modality="asserted",
              source_how="gazetteer", target_how="gazetteer", sentence_words=20, clause="main")
    assert cal.score(date_source="text", **kw) > cal.score(date_source="published", **kw)


def test_the_article_context_enters_the_confidence(code):
    lone = [e for e in code("Kenya accused Uganda of smuggling on Monday.") if e.root == "11"]
    text = ("Kenya accused Uganda of smuggling on Monday. Kenya also summoned Uganda's ambassador. "
            "Uganda rejected the accusation and Kenya threatened Uganda with sanctions.")
    many = [e for e in code(text) if e.root == "11" and e.sentence_index == 0]
    assert lone and many
    assert many[0].confidence > lone[0].confidence
