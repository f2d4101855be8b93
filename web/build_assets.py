"""Vendor the site's front-end files from node_modules into web/static, and draw the map outline.

Run after `npm ci` at the repository root: `python -m web.build_assets`. The results are committed, so the
site never needs npm, a CDN or the internet at run time.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from web.geo import Projection

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"
TESTS_VENDOR = ROOT / "tests" / "web" / "vendor"

BI = "bootstrap-italia/dist"
BI_OUT = VENDOR / "bootstrap-italia"
COPIES = [
    ("bootstrap-italia/LICENSE", BI_OUT / "LICENSE"),
    (f"{BI}/css/bootstrap-italia.min.css", BI_OUT / "css/bootstrap-italia.min.css"),
    (f"{BI}/js/bootstrap-italia.bundle.min.js", BI_OUT / "js/bootstrap-italia.bundle.min.js"),
    (f"{BI}/svg/sprites.svg", BI_OUT / "svg/sprites.svg"),
    (f"{BI}/fonts/Titillium_Web/OFL.txt", BI_OUT / "fonts/Titillium_Web/OFL.txt"),
    ("htmx.org/dist/htmx.min.js", VENDOR / "htmx/htmx.min.js"),
    ("htmx.org/LICENSE", VENDOR / "htmx/LICENSE"),
    ("world-atlas/LICENSE", STATIC / "map/LICENSE-world-atlas"),
    ("axe-core/axe.min.js", TESTS_VENDOR / "axe.min.js"),
    ("axe-core/LICENSE", TESTS_VENDOR / "LICENSE-axe-core"),
]
FONT_WEIGHTS = ("300", "regular", "600", "700", "italic")

# Italy (ISO 3166 numeric 380) and the countries around it, drawn lighter for context.
ITALY = "380"
NEIGHBOURS = {"250", "756", "040", "705", "191", "070", "499", "008", "674", "336", "470", "724", "788", "012"}
BOUNDS = (6.2, 36.4, 18.9, 47.2)  # lon_min, lat_min, lon_max, lat_max of the drawing
WIDTH = 560


def vendor() -> None:
    for src, dest in COPIES:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / src, dest)
    fonts = NODE / "bootstrap-italia/dist/fonts/Titillium_Web"
    for weight in FONT_WEIGHTS:
        for ext in ("woff2", "woff"):
            name = f"titillium-web-v10-latin-ext_latin-{weight}.{ext}"
            shutil.copyfile(fonts / name, BI_OUT / "fonts/Titillium_Web" / name)


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs (delta-encoded, quantized) to lists of (lon, lat)."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(points[1:] if ring else points)
    return ring


def _clip(points: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list:
    """Sutherland-Hodgman: a polygon clipped to a rectangle (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    for inside, cut in edges:
        if not points:
            break
        out = []
        for i, cur in enumerate(points):
            prev = points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
        points = out
    return points


def _path(rings: list[list[tuple[float, float]]], proj: Projection, min_step: float = 1.5) -> str:
    parts = []
    box = (-5, -5, proj.width + 5, proj.height + 5)
    for ring in rings:
        xy = _clip([proj.xy(lon, lat) for lon, lat in ring], box)
        if not xy:
            continue
        kept = [xy[0]]
        for p in xy[1:]:
            if abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= min_step:
                kept.append(p)
        if len(kept) < 4:
            continue
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


def draw_map() -> dict:
    topology = json.loads((NODE / "world-atlas/countries-10m.json").read_text())
    arcs = _decode_arcs(topology)
    proj = Projection.fit(BOUNDS, WIDTH)
    italy: list[Any] = []
    neighbours: list[Any] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        gid = geometry.get("id")
        if gid != ITALY and gid not in NEIGHBOURS:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        (italy if gid == ITALY else neighbours).append(_path(rings, proj))
    return {
        "source": "Natural Earth 1:10m via world-atlas 2.0.2 (ISC licence, see LICENSE-world-atlas); "
        "Natural Earth is in the public domain",
        "projection": proj.to_dict(),
        "italy": "".join(italy),
        "neighbours": "".join(neighbours),
    }


def main() -> int:
    if not NODE.is_dir():
        print("run `npm ci` at the repository root first", file=sys.stderr)
        return 1
    vendor()
    outline = draw_map()
    target = STATIC / "map/italy.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(outline, separators=(",", ":")) + "\n")
    print(f"vendored {len(COPIES)} files and fonts; map outline {target.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
