"""Derive dyad/data/calibration.json (event confidence) from the hand-judged blind samples.

    .venv/bin/python scripts/calibrate.py [--samples 'tests/eval/corpus_sample*.jsonl'] [--check]

Codes the articles of every judged sample again with the current coder and matches each judged
event (same article, sentence, CAMEO code, source and target codes) to the event the coder emits
now. Judged events the coder no longer emits are left out (a fix changed them). From the matched
ones it counts, per pattern, root, modality and per way the source and the target were resolved,
how many were judged and how many were right, and writes those counts; `dyad/coding/confidence.py`
turns them into a confidence. `--check` also prints, by five-fold cross-validation on the matched
events, the precision kept above each confidence threshold, which is how the default
`min_confidence` was chosen.
"""
from __future__ import annotations

import argparse
import collections
import functools
import glob
import gzip
import json
import random
from pathlib import Path

from dyad.coding.confidence import Calibration, dyad_keys, length_band
from dyad.coding.patterns import pattern_set
from dyad.ingest import article_from_dict
from dyad.pipeline import Pipeline
from dyad.settings import Settings, data_path

ROOT = Path(__file__).resolve().parents[1]
WEIGHT = 8.0  # judged events a record counts as before its own judgements (smoothing)
MIN_JUDGED = 10  # a record of fewer judged events is not used (too few to tell anything)


def key(e: dict) -> tuple:
    s, t = e.get("source") or {}, e.get("target") or {}
    return e["article_id"], " ".join(e["sentence"].split()), e["cameo"], s.get("code"), t.get("code")


def matched_events(corpus: str, patterns: list[str]) -> list[tuple[dict, dict]]:
    judged: dict[str, list[dict]] = collections.defaultdict(list)
    for pat in patterns:
        for path in sorted(glob.glob(pat)):
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    r = json.loads(line)
                    judged[r["article_id"]].append(r)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        arts = [article_from_dict(r) for r in map(json.loads, fh) if r.get("id") in judged]
    s = Settings()
    s.min_confidence, s.min_rank = 0.0, 0.0
    s.outputs = "both"  # as scripts/draw_sample.py drew them
    now: dict[tuple, dict] = {}
    for res in Pipeline(s).process(arts):
        for e, dyad in zip(res.events, dyad_keys(res.events)):
            now.setdefault(key(e.to_dict()), {**e.to_dict(), "dyad": dyad})
    return [(r, now[key(r)]) for rows in judged.values() for r in rows if key(r) in now]


def fit(rows: list[tuple[dict, dict]], weight: float = WEIGHT, min_judged: int = MIN_JUDGED) -> Calibration:
    classes = {pid: p.prior_class for pid, p in _patterns().items()}
    tables: dict[str, dict[str, list[int]]] = {k: collections.defaultdict(lambda: [0, 0]) for k in
                                               ("pattern", "root", "modality", "source_how", "target_how",
                                                "clause", "length", "dyad", "prior_class", "date")}
    for r, e in rows:
        for name, value in (("clause", str(e.get("clause"))), ("length", length_band(len(e["sentence"].split()))),
                            ("dyad", e["dyad"]), ("date", str(e.get("date_source")))):
            tables[name][value][0] += 1
            tables[name][value][1] += int(bool(r["correct"]))
        for name, value, label in (("pattern", e["pattern_id"], "event_ok"), ("root", e["root"], "event_ok"),
                                   ("modality", e["modality"], "event_ok"),
                                   ("prior_class", classes.get(e["pattern_id"], "None"), "event_ok"),
                                   ("source_how", str((e.get("source") or {}).get("how")), "actors_ok"),
                                   ("target_how", str((e.get("target") or {}).get("how")), "actors_ok")):
            tables[name][value][0] += 1
            tables[name][value][1] += int(bool(r[label]))
    n = len(rows)
    return Calibration(
        base_event=round(sum(bool(r["event_ok"]) for r, _ in rows) / n, 4),
        base_actors=round(sum(bool(r["actors_ok"]) for r, _ in rows) / n, 4), weight=weight, min_judged=min_judged,
        base_correct=round(sum(bool(r["correct"]) for r, _ in rows) / n, 4),
        **{k: {key: (v[0], v[1]) for key, v in t.items()} for k, t in tables.items()})


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    return {q.id: q for q in pattern_set().patterns}


def score(cal: Calibration, e: dict, prior: dict[str, float]) -> float:
    p = _patterns().get(e["pattern_id"])
    return cal.score(pattern_id=e["pattern_id"], pattern_prior=prior.get(e["pattern_id"], 0.8), root=e["root"],
                     prior_class=p.prior_class if p else None,
                     modality=e["modality"], source_how=(e.get("source") or {}).get("how"),
                     target_how=(e.get("target") or {}).get("how"), clause=e.get("clause"),
                     sentence_words=len(e["sentence"].split()), date_source=e.get("date_source"))


def score_all(cal: Calibration, e: dict, prior: dict[str, float]) -> float:
    return cal.with_dyad(score(cal, e, prior), e["dyad"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"))
    ap.add_argument("--samples", nargs="*", default=[str(ROOT / "tests" / "eval" / "corpus_sample*.jsonl")])
    ap.add_argument("--out", default=str(data_path("calibration.json")))
    ap.add_argument("--check", action="store_true", help="cross-validated precision by threshold")
    ap.add_argument("--min-judged", type=int, default=MIN_JUDGED,
                    help="records of fewer judged events are not used (default %(default)s)")
    args = ap.parse_args()

    rows = matched_events(args.corpus, args.samples)
    right = sum(bool(r["correct"]) for r, _ in rows)
    print(f"{len(rows)} judged events still emitted by the coder, {right} right ({right / len(rows):.3f})")
    cal = fit(rows, min_judged=args.min_judged)
    out = {"about": "counts (judged, right) from the blind samples; see dyad/coding/confidence.py",
           "judged_events": len(rows), **cal.to_dict()}
    lines = []
    for k, v in out.items():
        if isinstance(v, dict):  # one line per table entry: readable diffs when the samples grow
            body = ",\n".join(f"  {json.dumps(a)}: {json.dumps(list(b))}" for a, b in v.items())
            lines.append(f"{json.dumps(k)}: {{\n{body}\n }}")
        else:
            lines.append(f"{json.dumps(k)}: {json.dumps(v)}")
    Path(args.out).write_text("{\n " + ",\n ".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {args.out}")
    if args.check:
        prior = {p.id: p.confidence for p in pattern_set().patterns}
        scored = []
        for seed in range(5):
            shuffled = rows[:]
            random.Random(seed).shuffle(shuffled)
            for k in range(5):
                train = [x for i, x in enumerate(shuffled) if i % 5 != k]
                cal_k = fit(train, min_judged=args.min_judged)
                scored += [(score_all(cal_k, e, prior), bool(r["correct"])) for r, e in shuffled[k::5]]
        for thr in (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
            kept = [c for s, c in scored if s >= thr]
            print(f"  min_confidence {thr:.2f}: keeps {len(kept) / len(scored):.2f} of events, "
                  f"precision {sum(kept) / max(1, len(kept)):.3f}")


if __name__ == "__main__":
    main()
