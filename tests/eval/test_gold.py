"""CI gate: dyad's accuracy on the hand-annotated gold set must not fall below the README threshold."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.evaluate import evaluate, read_gold

GOLD_FILE = Path(__file__).with_name("gold.jsonl")

# Keep in step with README.md, section "Measuring accuracy: dyad eval" → "Accuracy".
MIN_F1_ROOT = 0.67


@pytest.mark.model
def test_root_f1_on_gold_set(pipeline):
    report = evaluate(read_gold(GOLD_FILE), pipeline)
    s = {lvl: report.scores[lvl] for lvl in ("root", "code", "triple")}
    summary = ", ".join(f"{k} P={v.precision:.3f} R={v.recall:.3f} F1={v.f1:.3f}" for k, v in s.items())
    assert not report.errors, report.errors
    assert s["root"].f1 >= MIN_F1_ROOT, f"root F1 fell below {MIN_F1_ROOT}: {summary}"
    assert s["root"].f1 >= s["code"].f1 >= s["triple"].f1


LEADS_FILE = Path(__file__).with_name("leads_gold.jsonl")
# Real news: the first three sentences of 120 random corpus articles, annotated without seeing dyad's output
# (README, "Recall on real news"). dyad finds few of these events; the gate keeps what it finds.
MIN_RECALL_ROOT_LEADS = 0.07
MIN_PRECISION_ROOT_LEADS = 0.8


@pytest.mark.model
def test_recall_on_real_lead_sentences(pipeline):
    report = evaluate(read_gold(LEADS_FILE), pipeline)
    root = report.scores["root"]
    assert not report.errors, report.errors
    assert root.recall >= MIN_RECALL_ROOT_LEADS, f"root recall {root.recall:.3f} < {MIN_RECALL_ROOT_LEADS}"
    assert root.precision >= MIN_PRECISION_ROOT_LEADS, f"root precision {root.precision:.3f}"
