"""Screenshots of every dashboard page, for the README: docs/screenshots/*.png.

Builds a demo store in a temporary folder — the seed article (/work/shared/seed/article.jsonl, or the file
given with --seed) coded with dyad's real pipeline, plus the hand-built events of the web tests
(tests/integration/web_data.py: twelve weeks of USA-VEN, a few other dyads, quotes) so the dyad series has
points — starts the dashboard on a free port and drives Debian's chromium (headless, through playwright's
Python package; never `playwright install`) over the pages.

    python docs/screenshots.py [--seed FILE] [--out docs/screenshots] [--chromium /usr/bin/chromium]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_store(path: Path, seed: Path | None) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "integration"))
    import web_data

    from dyad import Store
    from dyad.ingest import read_articles
    from dyad.pipeline import Pipeline

    items = list(web_data.items())
    if seed and seed.is_file():
        for res in Pipeline().process(read_articles([str(seed)])):
            if res.error is None:
                items.append((res.article, res.events, res.quotes))
                print(f"seed: {res.article.id}: {len(res.events)} events, {len(res.quotes)} quotes", file=sys.stderr)
    with Store(path) as st:
        st.write_batch(items)
        st.dedup()


def _shrink(path: Path, max_height: int = 2000) -> None:
    """Crop very long pages and store the PNG with a 256-colour palette (commit-ready: well under 300 KB)."""
    from PIL import Image

    with Image.open(path) as im:
        im = im.convert("RGB")
        if im.height > max_height:
            im = im.crop((0, 0, im.width, max_height))
        im.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, default=Path("/work/shared/seed/article.jsonl"))
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from dyad.web.live import LiveServer

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dyad-shots-") as tmp:
        db = Path(tmp) / "demo.duckdb"
        build_store(db, args.seed)
        with LiveServer(db) as srv, sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(str(Path(tmp) / "profile"), executable_path=args.chromium,
                                                       headless=True, args=FLAGS,
                                                       viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            seed_id = None
            import httpx

            arts = httpx.get(srv.url + "/api/quotes", params={"limit": 1000}).json()["items"]
            seed_id = next((a["article_id"] for a in arts if a["article_id"].startswith("seed")), None)
            reported_twice = httpx.get(srv.url + "/api/events", params={"min_mentions": 2}).json()["items"]
            shots = {
                "overview": "/",
                "dyad": "/dyads/USA/VEN",
                "event": f"/events/{reported_twice[0]['dedup_event_id']}" if reported_twice else None,
                "article": f"/articles/{seed_id}" if seed_id else "/articles/art-003",
                "search": "/search?actor=VEN&limit=12",
                "quotes": "/quotes",
            }
            for name, path in shots.items():
                if path is None:
                    continue
                page.goto(srv.url + path)
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=True)
                _shrink(target)
                print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                      f"{target.stat().st_size // 1024} KB", file=sys.stderr)
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
