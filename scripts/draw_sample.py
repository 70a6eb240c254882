"""Draw a blind sample of coded events from the corpus, for judging by hand.

    .venv/bin/python scripts/draw_sample.py --seed 5 --out /tmp/sample.jsonl \
        [--articles 450] [--events 100] [--exclude tests/eval/corpus_sample*.jsonl]

Picks `--articles` random articles of the corpus that no earlier sample used (the article ids of
every `--exclude` file are left out; with `--by-sentence`, only their sentences are), codes them with the current dyad as `dyad code` does (events only, default min_confidence), and writes `--events` random
events, one JSON object a line, with the fields the judged files in tests/eval/ carry. Judge each
line (actors_ok, event_ok, correct, note) and save it as tests/eval/corpus_sample_N.jsonl.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import random
from pathlib import Path
from typing import Iterable

from dyad.coding.ranker import ranker
from dyad.ingest import article_from_dict
from dyad.pipeline import Pipeline
from dyad.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("n", "article_id", "event_id", "sentence", "source", "target", "cameo", "cameo_name", "modality",
          "trigger", "pattern_id", "confidence", "date")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "world-news.jsonl.gz"))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--articles", type=int, default=450)
    ap.add_argument("--events", type=int, default=100)
    ap.add_argument("--exclude", nargs="*", default=[str(ROOT / "tests" / "eval" / "corpus_sample*.jsonl"),
                                                      str(ROOT / "tests" / "eval" / "gained_sample*.jsonl"),
                                                      str(ROOT / "tests" / "eval" / "vetoed_sample*.jsonl")])
    ap.add_argument("--out", required=True)
    ap.add_argument("--by-sentence", action="store_true",
                    help="leave out the sentences of the --exclude files, not their articles (for when the "
                         "articles no sample used hold too few events)")
    args = ap.parse_args()

    used: set[str] = set()
    used_sentences: set[tuple[str, str]] = set()
    for pattern in args.exclude:
        for path in glob.glob(pattern):
            for line in open(path, encoding="utf-8"):
                if not line.strip():
                    continue
                row = json.loads(line)
                if args.by_sentence and row.get("sentence"):
                    used_sentences.add((row["article_id"], _norm(row["sentence"])))
                else:
                    used.add(row["article_id"])
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    pool = [r for r in records if r.get("id") not in used]
    rng = random.Random(args.seed)
    articles = []
    for r in rng.sample(pool, min(args.articles, len(pool))):
        try:
            articles.append(article_from_dict(r))
        except Exception:  # a bad record is simply not drawn
            continue
    settings = Settings()
    settings.outputs = "events"  # what `dyad code` emits, with its default min_confidence
    judged_in: dict[str, list[str]] = {}
    for aid, sent in used_sentences:
        judged_in.setdefault(aid, []).append(sent)
    events = [e for res in Pipeline(settings).process(articles) for e in res.events
              if not _judged(_norm(e.sentence), judged_in.get(e.article_id, ()))]
    picked = rng.sample(events, min(args.events, len(events)))
    with open(args.out, "w", encoding="utf-8") as out:
        for n, e in enumerate(picked, 1):
            d = e.to_dict()
            row = {"n": n, **{k: d.get(k) for k in FIELDS if k != "n"}}
            if ranker() is not None:  # what `--rank` would make of it, to judge the ranker on fresh events too
                row["ranker_confidence"] = round(ranker().score(e), 2)
            for side in ("source", "target"):
                a = d.get(side) or {}
                row[side] = {"code": a.get("code"), "text": a.get("text"), "name": a.get("name")}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles ({len(used)} excluded ids, {len(used_sentences)} excluded sentences), "
          f"{len(events)} events, {len(picked)} drawn -> {args.out}")


def _norm(sentence: str) -> str:
    return " ".join(sentence.split())


def _judged(sentence: str, judged: Iterable[str]) -> bool:
    """Whether a judged sentence holds this one or lies within it: sentence edges move when the coder
    changes ("WASHINGTON (Reuters) - The US said …" became "The US said …" once datelines were split
    off), and such a sentence has been read all the same."""
    return any(sentence in j or j in sentence for j in judged)


if __name__ == "__main__":
    main()
