"""Fit dyad/data/ranker.json (the learned last word on an event's confidence) on the judged samples.

    .venv/bin/python scripts/train_ranker.py [--samples 'tests/eval/corpus_sample*.jsonl'] [--check]

Needs scikit-learn (in the `test` extra). Each judged event, as it was emitted when its sample was
drawn (its sentence, pattern, code, modality, trigger and confidence), is one training example;
its label is whether actors and event type were both right. The features are those of
`dyad.coding.ranker.features`, the model an L2-regularised logistic regression, and its log-odds
(less those of the judged base rate) are added to those of the calibrated confidence. `--check` scores each sample with a model fitted on all the others
(leave-one-sample-out) and prints, for the confidence alone and for the ranker, the area under the
ROC curve and the share right and kept at each threshold; that is how the default `min_confidence`
was chosen.
"""
from __future__ import annotations

import argparse
import glob
import json
import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from scipy.sparse import csr_matrix, hstack
from sklearn.metrics import roc_auc_score

from dyad.coding.ranker import Ranker, _logit, features
from dyad.settings import Settings, data_path

ROOT = Path(__file__).resolve().parents[1]
C = 0.3  # inverse regularisation strength, chosen by leave-one-sample-out (0.1–1 tried)
MIN_DF = 3  # a word or pair seen in fewer judged sentences gets no weight


def load(patterns: list[str]) -> list[dict]:
    rows = []
    for pat in patterns:
        for path in sorted(glob.glob(pat)):
            sample = int(re.sub(r"\D", "", Path(path).name) or 1)
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    rows.append({**json.loads(line), "_sample": sample})
    return rows


def fit(rows: list[dict]) -> Ranker:
    """A logistic regression on the features and on the log-odds of the calibrated confidence:
    score = sigmoid(intercept + confidence_weight × logit(confidence) + sum of weights). The weight of
    the confidence is learned with the rest, so the score is the chance of being right as the judged
    samples were drawn (how much the confidence is worth on events it has not seen), not the
    confidence nudged."""
    vec = CountVectorizer(analyzer=features, min_df=MIN_DF, binary=True)
    x = hstack([vec.fit_transform(rows), csr_matrix([[_logit(float(r["confidence"]))] for r in rows])]).tocsr()
    y = [int(bool(r["correct"])) for r in rows]
    model = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    *coefs, conf_w = model.coef_[0]
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), coefs) if abs(w) >= 5e-4}
    return Ranker(intercept=round(float(model.intercept_[0]), 4), confidence_weight=round(float(conf_w), 4),
                  weights=weights)


def check(rows: list[dict]) -> None:
    y = np.array([int(bool(r["correct"])) for r in rows])
    samples = np.array([r["_sample"] for r in rows])
    p = np.zeros(len(rows))
    for s in sorted(set(samples)):
        ranker = fit([r for r in rows if r["_sample"] != s])
        for i in np.where(samples == s)[0]:
            p[i] = ranker.score(rows[i])
    conf = np.array([float(r["confidence"]) for r in rows])
    floor = Settings().min_confidence
    for lo in (1, 15, 24, 27):
        sel = samples >= lo
        print(f"samples {lo}+ ({sel.sum()} judged events, {y[sel].mean():.3f} right as drawn): "
              f"AUC confidence {roc_auc_score(y[sel], conf[sel]):.3f}, ranker {roc_auc_score(y[sel], p[sel]):.3f}")
        for name, score in (("confidence", conf), ("ranker", p)):
            for thr in (0.7, 0.75, 0.8, 0.85, 0.9):
                kept = sel & (score >= thr)
                print(f"  {name:10} >= {thr:.2f}: keeps {kept.sum() / sel.sum():.2f}, right {y[kept].mean():.3f}")
        dflt = sel & (conf >= floor)  # the default threshold, then the ranker's veto (min_rank)
        print(f"  at confidence >= {floor:.2f} ({dflt.sum()} events, {y[dflt].mean():.3f} right), vetoing below:")
        for thr in (0.5, 0.55, 0.6, 0.65, 0.7):
            kept = dflt & (p >= thr)
            print(f"    min_rank {thr:.2f}: keeps {kept.sum() / dflt.sum():.2f}, right {y[kept].mean():.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", nargs="*", default=[str(ROOT / "tests" / "eval" / "corpus_sample*.jsonl")])
    ap.add_argument("--out", default=str(data_path("ranker.json")))
    ap.add_argument("--check", action="store_true", help="leave-one-sample-out figures by threshold")
    args = ap.parse_args()

    rows = load(args.samples)
    right = sum(bool(r["correct"]) for r in rows)
    print(f"{len(rows)} judged events, {right} right ({right / len(rows):.3f})")
    ranker = fit(rows)
    weights = ranker.weights
    out = {"about": "logistic regression on judged events; see dyad/coding/ranker.py and scripts/train_ranker.py",
           "judged_events": len(rows), "C": C, "min_df": MIN_DF,
           "intercept": ranker.intercept, "confidence_weight": ranker.confidence_weight,
           "weights": dict(sorted(weights.items()))}
    body = ",\n".join(f"  {json.dumps(k)}: {v}" for k, v in out["weights"].items())
    head = ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in out.items() if k != "weights")
    Path(args.out).write_text("{\n" + head + ',\n "weights": {\n' + body + "\n }\n}\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weighted features")
    if args.check:
        check(rows)


if __name__ == "__main__":
    main()
