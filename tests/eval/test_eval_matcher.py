"""The gold-set matcher with hand-built predictions: no spaCy model needed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.errors import DataFileError
from dyad.evaluate import (EvalReport, GoldEvent, GoldItem, PredictedEvent, actors_match, match_item, read_gold,
                           score_predictions)

GOLD_FILE = Path(__file__).with_name("gold.jsonl")


def G(source, cameo, target):
    return GoldEvent(source, target, cameo)


def P(source, cameo, target):
    return PredictedEvent(source, target, cameo)


def item(id_, *events, text="..."):
    return GoldItem(id=id_, text=text, published=None, events=tuple(events))


# ---- actor-code rule

@pytest.mark.parametrize("gold,pred,ok", [
    ("USAGOV", "USAGOVDIP", True),    # roles after the first are ignored
    ("USAGOVDIP", "USAGOV", True),
    ("VEN", "VENGOV", True),          # a bare country is the state
    ("VENGOV", "VEN", True),
    ("VEN", "VEN", True),
    ("VEN", "VENMIL", False),         # a different first role is a different actor
    ("VENOPP", "VEN", False),
    ("USAMIL", "USAGOVMIL", False),
    ("VEN", "COL", False),
    ("IGOUNO", "IGOUNOIMF", False),   # international codes compare exactly
    ("IGOEUREEC", "IGOEUREEC", True),
    (None, None, True),
    (None, "USA", False),
    ("USA", None, False),
])
def test_actor_rule(gold, pred, ok):
    assert actors_match(gold, pred) is ok


def test_strict_actors_compare_exactly():
    assert actors_match("USAGOV", "USAGOV", strict=True)
    assert not actors_match("USAGOV", "USAGOVDIP", strict=True)
    assert not actors_match("VEN", "VENGOV", strict=True)


# ---- levels and one-to-one matching

def test_three_levels():
    gold = [G("USAGOV", "042", "VEN")]
    assert match_item(gold, [P("USAGOVDIP", "042", "VENGOV")])[0].level == "triple"
    assert match_item(gold, [P("RUSGOV", "042", "VEN")])[0].level == "code"
    assert match_item(gold, [P("USAGOV", "040", "VEN")])[0].level == "root"
    pairs = match_item(gold, [P("USAGOV", "111", "VEN")])
    assert [p.level for p in pairs] == ["none"]  # wrong root, paired for the confusion table only
    assert pairs[0].predicted is not None


def test_levels_are_nested_in_scores():
    items = [item("a", G("USA", "042", "VEN")), item("b", G("USA", "042", "VEN")), item("c", G("USA", "042", "VEN"))]
    preds = {"a": [P("USA", "042", "VEN")], "b": [P("RUS", "042", "VEN")], "c": [P("USA", "040", "VEN")]}
    r = score_predictions(items, preds)
    assert (r.scores["root"].tp, r.scores["code"].tp, r.scores["triple"].tp) == (3, 2, 1)
    assert r.scores["triple"].precision == pytest.approx(1 / 3)
    assert r.scores["root"].f1 == pytest.approx(1.0)


def test_one_to_one():
    # one prediction cannot match two gold events; two identical predictions for one gold: one is a false alarm
    r = score_predictions([item("a", G("USA", "042", "VEN"), G("USA", "042", "VEN"))], {"a": [P("USA", "042", "VEN")]})
    assert r.scores["triple"].tp == 1 and r.scores["triple"].recall == 0.5
    r = score_predictions([item("a", G("USA", "042", "VEN"))], {"a": [P("USA", "042", "VEN"), P("USA", "042", "VEN")]})
    assert r.scores["triple"].tp == 1 and r.scores["triple"].precision == 0.5
    assert len(r.false_alarms) == 1


def test_greedy_prefers_the_best_level():
    # the first prediction matches gold 1 only at root level but gold 2 as a triple: it must go to gold 2
    gold = [G("ISR", "190", "PSE"), G("ISR", "195", "PSE")]
    pred = [P("ISR", "195", "PSE"), P("ISR", "190", "PSE")]
    pairs = match_item(gold, pred)
    assert [p.level for p in pairs] == ["triple", "triple"]
    assert pairs[0].predicted is pred[1]


def test_empty_gold_counts_false_alarms():
    items = [item("neg", text="Israel did not attack Iran."), item("pos", G("USA", "042", "VEN"))]
    preds = {"neg": [P("ISR", "190", "IRN")], "pos": [P("USA", "042", "VEN")]}
    r = score_predictions(items, preds)
    assert r.scores["root"].precision == 0.5 and r.scores["root"].recall == 1.0
    [fa] = r.false_alarms
    assert fa.item_id == "neg" and fa.gold is None and fa.text == "Israel did not attack Iran."
    assert r.confusion["none"] == {"19": 1}


def test_misses_and_confusion():
    items = [item("a", G("IND", "114", "PAKGOV")), item("b", G("RUS", "161", "GBR"))]
    preds = {"a": [P("IND", "161", "PAK")]}
    r = score_predictions(items, preds)
    assert r.confusion == {"11": {"16": 1}, "16": {"none": 1}}
    assert {m.item_id for m in r.misses} == {"a", "b"}
    assert [f.item_id for f in r.false_alarms] == ["a"]


def test_predictions_from_dicts_in_dyad_output_shape():
    items = [item("a", G("USAGOV", "042", "VEN"))]
    emitted = {"source": {"code": "USAGOVDIP", "country": "USA"}, "target": {"code": "VEN"}, "cameo": "042",
               "sentence": "...", "pattern_id": "consult.visit"}
    assert score_predictions(items, {"a": [emitted]}).scores["triple"].tp == 1


def test_json_shape():
    r = score_predictions([item("a", G("USA", "042", "VEN")), item("n")], {"n": [P("ISR", "190", "IRN")]})
    d = json.loads(json.dumps(r.to_dict()))
    assert set(d) >= {"n_items", "n_gold", "n_predicted", "strict_actors", "scores", "confusion", "misses",
                      "false_alarms", "partials", "items"}
    assert set(d["scores"]) == {"root", "code", "triple"}
    assert set(d["scores"]["root"]) == {"level", "tp", "fp", "fn", "precision", "recall", "f1"}
    assert d["misses"][0]["gold"] == {"source": "USA", "target": "VEN", "cameo": "042"}
    assert d["false_alarms"][0]["predicted"]["cameo"] == "190"
    assert d["n_items"] == 2 and d["n_gold"] == 1 and d["n_predicted"] == 1


def test_read_gold_rejects_bad_lines(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"id": "x", "text": "t", "events": [{"source": {"code": "USA"}, "target": null, "cameo": 42}]}\n')
    with pytest.raises(DataFileError, match="g.jsonl:1.*cameo"):
        read_gold(f)
    f.write_text('{"id": "x", "text": "t"}\n')
    with pytest.raises(DataFileError, match="events"):
        read_gold(f)


# ---- the shipped gold file

def test_gold_file_is_valid_and_broad():
    items = read_gold(GOLD_FILE)
    assert len(items) >= 150
    assert sum(1 for i in items if not i.events) >= 20
    roots = {e.root for i in items for e in i.events}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_gold_codes_are_cameo_codes():
    import csv
    from importlib.resources import files

    with files("dyad").joinpath("data/cameo.csv").open(encoding="utf-8") as fh:
        known = {row["code"] for row in csv.DictReader(fh)}
    for it in read_gold(GOLD_FILE):
        for e in it.events:
            assert e.cameo in known, (it.id, e.cameo)
            assert it.published is not None, it.id


# ---- the CLI, with the scoring stubbed out (no model)

def _fake_report() -> EvalReport:
    return score_predictions([item("a", G("USA", "042", "VEN")), item("b", G("RUS", "161", "GBR"))],
                             {"a": [P("USA", "042", "VEN")]})


def test_cli_json_and_gate(monkeypatch):
    from dyad.cli import main
    from dyad.commands import eval_cmd

    monkeypatch.setattr(eval_cmd, "evaluate", lambda items, pipeline, strict_actors=False: _fake_report())
    runner = CliRunner()
    res = runner.invoke(main, ["eval", str(GOLD_FILE), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["scores"]["root"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert runner.invoke(main, ["eval", str(GOLD_FILE), "--format", "json", "--min-f1-root", "0.6"]).exit_code == 0
    assert runner.invoke(main, ["eval", str(GOLD_FILE), "--format", "json", "--min-f1-root", "0.7"]).exit_code == 1
    res = runner.invoke(main, ["eval", str(GOLD_FILE)])
    assert res.exit_code == 0 and "Misses" in res.stdout and "triple" in res.stdout
