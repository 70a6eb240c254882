"""The learned ranker (dyad/coding/ranker.py) and its training script (scripts/train_ranker.py)."""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from dyad.coding.ranker import Ranker, features, load_ranker, ranker
from dyad.errors import DataFileError
from dyad.pipeline import Pipeline
from dyad.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _event(sentence: str, confidence: float = 0.8, **kw) -> dict:
    return {"sentence": sentence, "cameo": "112", "pattern_id": "disapprove.accuse", "modality": "asserted",
            "trigger": "accused", "confidence": confidence, **kw}


def test_features_are_cue_words_pairs_and_how_the_event_was_coded():
    f = features(_event("Kenya, which  has\nlong accused Uganda, did so again on Monday in 2019."))
    assert {"which", "has", "long", "which has", "has long", "long _", "again", "<weekday>", "<year>",
            "on <weekday>", "in <year>"} <= set(f)
    assert {"pattern=disapprove.accuse", "root=11", "modality=asserted", "trigger=accused"} <= set(f)
    # names, places and topics are not read: only that a word stood there
    assert not any(w in x.split() for x in f for w in ("kenya", "uganda", "accused"))
    assert "_ _" not in f
    assert "us" not in features(_event("The US accused Kenya.")) and "us" in features(_event("He told us."))


def test_the_same_sentence_about_other_countries_scores_the_same():
    a = _event("Kenya accused Uganda of smuggling weapons on Monday.")
    b = _event("Chile accused Peru of dumping copper on Monday.")
    assert features(a) == features(b)
    assert ranker().score(a) == ranker().score(b)


def test_an_unknown_trigger_is_left_out_not_a_feature_of_its_own():
    f = features(_event("Kenya accused Uganda.", trigger=None))
    assert not any(x.startswith("trigger=") for x in f)


def test_a_ranker_without_weights_leaves_the_confidence_as_it_is():
    r = Ranker(intercept=0.0, confidence_weight=1.0)
    assert r.score(_event("Kenya accused Uganda.", 0.8)) == pytest.approx(0.8)


def test_a_word_judged_wrong_lowers_the_score_and_explains_it():
    r = Ranker(intercept=0.0, confidence_weight=1.0, weights={"former": -2.0, "<weekday>": 0.5})
    past = _event("The former president accused Uganda of smuggling.")
    now = _event("Kenya accused Uganda of smuggling on Monday.")
    assert r.score(past) < 0.8 < r.score(now)
    assert r.explain(past) == [("former", -2.0)]
    # the event's own confidence, or the one given
    assert r.score(now, confidence=0.5) < r.score(now)


def test_malformed_or_missing_ranker_file(tmp_path):
    assert load_ranker(tmp_path / "none.json") is None
    bad = tmp_path / "ranker.json"
    bad.write_text(json.dumps({"intercept": 0.1, "weights": {}}), encoding="utf-8")
    with pytest.raises(DataFileError, match="confidence_weight"):
        load_ranker(bad)


def test_shipped_ranker_loads_with_finite_weights():
    r = ranker()
    assert r is not None and len(r.weights) > 1000
    assert all(math.isfinite(w) for w in r.weights.values())


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ranker", ROOT / "scripts" / "train_ranker.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_learns_the_words_of_wrong_events():
    train = _train_module()
    rows = []
    for i in range(60):
        history = i % 3 == 0  # one event in three told as history, and judged wrong
        s = f"Kenya accused Uganda of smuggling {'years ago' if history else 'on Monday'} in case {i}."
        rows.append({**_event(s, 0.8), "correct": not history})
    r = train.fit(rows)
    assert r.weights["ago"] < 0 < r.weights["on <weekday>"]
    assert r.score(_event("Uganda accused Kenya of theft years ago.")) < \
        r.score(_event("Uganda accused Kenya of theft on Monday."))


def test_training_learns_what_the_confidence_is_worth():
    train = _train_module()
    telling, idle = [], []
    for i in range(80):
        high = i % 2 == 0
        s = f"Kenya accused Uganda of smuggling in case {i}."
        telling.append({**_event(s, 0.95 if high else 0.6), "correct": high})  # the confidence tells who is right
        idle.append({**_event(s, 0.95 if high else 0.6), "correct": i % 4 < 2})  # it tells nothing
    assert train.fit(telling).confidence_weight > 0.5
    assert abs(train.fit(idle).confidence_weight) < 0.1


def test_rank_setting_gives_the_ranker_score(pipeline):
    text = "Kenya accused Uganda of smuggling arms on Monday, officials said."
    doc = {"text": text, "published": "2019-03-15"}
    plain = [e for res in pipeline.process([doc]) for e in res.events]
    s = Settings()
    s.min_confidence, s.rank = 0.0, True
    ranked = [e for res in Pipeline(s, nlp=pipeline.nlp).process([doc]) for e in res.events]
    assert [e.event_id for e in plain] == [e.event_id for e in ranked] and plain
    for p, q in zip(plain, ranked):
        assert q.confidence == round(ranker().score(p), 2)


def test_veto_drops_what_the_ranker_scores_low_and_keeps_the_confidence(monkeypatch):
    import dyad.coding.ranker as rk_mod

    stub = Ranker(intercept=0.0, confidence_weight=1.0, weights={"ago": -3.0})
    monkeypatch.setattr(rk_mod, "ranker", lambda: stub)
    old = _event("Uganda accused Kenya of theft years ago.", 0.8)
    new = _event("Uganda accused Kenya of theft on Monday.", 0.8)
    kept = rk_mod.vetoed([old, new], 0.6)
    assert kept == [new] and new["confidence"] == 0.8
    assert rk_mod.vetoed([old, new], 0.0) == [old, new]  # 0 keeps all
    monkeypatch.setattr(rk_mod, "ranker", lambda: None)  # no ranker file: nothing is vetoed
    assert rk_mod.vetoed([old, new], 0.99) == [old, new]


def test_min_rank_setting_vetoes_events_in_the_pipeline(pipeline):
    text = "Kenya accused Uganda of smuggling arms on Monday, officials said."
    doc = {"text": text, "published": "2019-03-15"}
    every = [e for res in pipeline.process([doc]) for e in res.events]  # the fixture: min_rank 0
    assert every
    s = Settings()
    s.min_confidence, s.min_rank = 0.0, 0.999
    strict = [e for res in Pipeline(s, nlp=pipeline.nlp).process([doc]) for e in res.events]
    assert strict == [] and all(ranker().score(e) < 0.999 for e in every)
    s.rank = True  # the ranker's score is the confidence then, and min_confidence (0) applies to it, not the veto
    ranked = [e for res in Pipeline(s, nlp=pipeline.nlp).process([doc]) for e in res.events]
    assert [e.event_id for e in ranked] == [e.event_id for e in every]

