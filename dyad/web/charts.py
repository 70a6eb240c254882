"""Server-side SVG charts for the dashboard (no JavaScript, nothing loaded from elsewhere)."""
from __future__ import annotations

import html
import math
from datetime import date
from typing import Any

QUAD_COLOURS = {1: "#4e9a6b", 2: "#1f6f43", 3: "#e0a23b", 4: "#c0392b"}


def _d(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


def dyad_chart(series: list[dict[str, Any]], shifts: list[dict[str, Any]], *, width: int = 960,
               column: str = "goldstein_mean") -> str:
    """Two panels over the same periods: the Goldstein mean (line, -10..10; each point links to the events of
    its period in the table below, `#p-PERIOD`) and the events per QuadClass (stacked bars); shifts as dashed
    vertical lines labelled thaw/escalation."""
    if not series:
        return '<p class="empty">No events between these actors in this range.</p>'
    left, right, top = 56, 16, 24
    h1, gap, h2, bottom = 170, 46, 110, 30
    height = top + h1 + gap + h2 + bottom
    plot_w = width - left - right
    n = len(series)
    step = plot_w / n
    xs = [left + step * (i + 0.5) for i in range(n)]
    y0 = top

    def gy(g: float) -> float:
        return y0 + (10 - g) / 20 * h1

    y2 = top + h1 + gap
    max_events = max((int(r["events"]) for r in series), default=0) or 1
    out: list[str] = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Goldstein and QuadClass series" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="{left}" y="{top - 8}" class="ptitle">Goldstein mean per period (−10 conflict … +10 cooperation)'
        f'</text>',
    ]
    for g in (-10, -5, 0, 5, 10):
        y = gy(g)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'class="{"zero" if g == 0 else "grid"}"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{g:+d}</text>'.replace(">+0<", ">0<"))
    # QuadClass bars
    out.append(f'<text x="{left}" y="{y2 - 8}" class="ptitle">Events per period by QuadClass</text>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{y2 + h2}" y2="{y2 + h2}" class="zero"/>')
    out.append(f'<text x="{left - 6}" y="{y2 + 4}" class="tick" text-anchor="end">{max_events}</text>')
    out.append(f'<text x="{left - 6}" y="{y2 + h2 + 4}" class="tick" text-anchor="end">0</text>')
    bw = max(min(step * 0.7, 40), 1.5)
    for x, r in zip(xs, series):
        base = y2 + h2
        for q in (1, 2, 3, 4):
            c = int(r.get(f"q{q}") or 0)
            if not c:
                continue
            hh = c / max_events * h2
            base -= hh
            out.append(f'<rect x="{x - bw / 2:.1f}" y="{base:.1f}" width="{bw:.1f}" height="{hh:.1f}" '
                       f'fill="{QUAD_COLOURS[q]}"><title>{html.escape(str(r["period"]))}: {c} events in QuadClass '
                       f'{q}</title></rect>')
    # shifts
    periods = [str(r["period"])[:10] for r in series]
    for s in shifts:
        p = str(s.get("period"))[:10]
        if p not in periods:
            continue
        i = periods.index(p)
        x = xs[i] - step / 2
        label = html.escape(str(s.get("label") or "shift"))
        cls = "thaw" if s.get("label") == "thaw" else "escalation"
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{y2 + h2}" class="shift {cls}"/>')
        mb, ma = s.get("mean_before"), s.get("mean_after")
        detail = f" ({mb:+.1f} → {ma:+.1f})" if isinstance(mb, (int, float)) and isinstance(ma, (int, float)) else ""
        out.append(f'<text x="{x + 4:.1f}" y="{top + 12}" class="shiftlabel {cls}">{label} {p}{detail}</text>')
    # Goldstein line and points
    pts = [(x, r) for x, r in zip(xs, series) if r.get(column) is not None]
    d, pen = [], "M"
    for x, r in zip(xs, series):  # a period without events breaks the line
        if r.get(column) is None:
            pen = "M"
            continue
        d.append(f"{pen}{x:.1f},{gy(float(r[column])):.1f}")
        pen = "L"
    if d:
        out.append(f'<path d="{" ".join(d)}" class="gline"/>')
    for x, r in pts:
        p = str(r["period"])[:10]
        g = float(r[column])
        out.append(f'<a href="#p-{p}"><circle cx="{x:.1f}" cy="{gy(g):.1f}" r="4.5" class="gpoint">'
                   f'<title>{p}: Goldstein mean {g:+.1f}, {int(r["events"])} events (click for the events)</title>'
                   f'</circle></a>')
    # x labels: at most ~12
    every = max(1, math.ceil(78 / step))  # a date label is ~70 px wide
    shown = [i for i in range(0, n, every)]
    if shown[-1] != n - 1 and n - 1 - shown[-1] >= every:
        shown.append(n - 1)
    for i, (x, p) in enumerate(zip(xs, periods)):
        if i in shown:
            out.append(f'<text x="{x:.1f}" y="{y2 + h2 + 16}" class="tick" text-anchor="middle">{p}</text>')
    out.append("</svg>")
    return "\n".join(out)
