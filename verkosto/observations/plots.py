"""The radar's charts as inline SVG drawn on the server: no JavaScript, nothing downloaded.

Each chart is an image with an accessible name (`<title>`) and description (`<desc>`); the page puts
the same numbers in a table beside it, so nothing is conveyed by the picture or by colour alone
(every coloured mark also carries its number or word as text). Labels come in translated; numbers
in the geometry are written with a decimal point whatever the language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from verkosto.core.geography import REGION_TILES

INK = "#1a1a1a"
MUTED = "#4a4a4a"
BRAND = "#00507a"
ACCENT = "#a4262c"  # dark red: 6.5:1 on white
FONT = 'font-family="inherit"'


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: SafeString


def _n(value: float) -> str:
    return f"{value:.1f}"


def _svg(chart_id: str, title: str, description: str, width: int, height: int, body: list[str]) -> Chart:
    head = (
        f'<svg class="radar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" focusable="false" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )
    return Chart(chart_id, title, description, mark_safe(head + "".join(body) + "</svg>"))  # noqa: S308 (every text is escaped above and below)


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", weight: str = "", fill: str = INK
) -> str:
    bold = ' font-weight="700"' if weight else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{bold}>'
        f"{escape(text)}</text>"
    )


# --- the tile map of regions ---------------------------------------------------------------------

TILE_W, TILE_H, TILE_GAP = 116, 62, 6
# Fill and text colour by class: white, light, middle, dark; text contrast at least 7:1 in each.
TILE_STYLES = [("#ffffff", INK), ("#d6e6f2", INK), ("#7fb2d4", INK), (BRAND, "#ffffff")]


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    value: int | None  # None: suppressed
    value_text: str  # the number as shown ("3", "<5")
    level: int  # 0..3, the colour class
    chosen: bool = False


def _name_lines(name: str, width: int = 13) -> list[str]:
    if len(name) <= width:
        return [name]
    for separator in (" ", "-"):
        head, found, tail = name.partition(separator)
        if found:
            return [head + ("-" if separator == "-" else ""), tail]
    return [name]


def tile_map(*, chart_id: str, title: str, description: str, tiles: Sequence[Tile]) -> Chart:
    """Finland's regions as a grid of tiles, north at the top (neighbours roughly neighbours)."""
    columns = 1 + max(col for col, _row in REGION_TILES.values())
    rows = 1 + max(row for _col, row in REGION_TILES.values())
    extra_row = rows
    body = []
    spare = 0
    for tile in tiles:
        place = REGION_TILES.get(tile.code)
        if place is None:  # a code the grid does not know: a row of its own below the map
            place = (spare % columns, extra_row + spare // columns)
            spare += 1
        col, row = place
        x, y = col * (TILE_W + TILE_GAP), row * (TILE_H + TILE_GAP)
        fill, ink = TILE_STYLES[max(0, min(tile.level, len(TILE_STYLES) - 1))]
        stroke = f'stroke="{INK}" stroke-width="4"' if tile.chosen else f'stroke="{MUTED}" stroke-width="1.5"'
        body.append(f'<g transform="translate({x} {y})">')
        body.append(
            f'<rect x="2" y="2" width="{TILE_W - 4}" height="{TILE_H - 4}" rx="5" fill="{fill}" {stroke}/>'
        )
        lines = _name_lines(tile.name)
        first = 20 if len(lines) == 2 else 26
        for i, line in enumerate(lines):
            body.append(
                _text(
                    TILE_W / 2,
                    first + 14 * i,
                    line,
                    anchor="middle",
                    fill=ink,
                    weight="bold" if tile.chosen else "",
                )
            )
        body.append(
            _text(TILE_W / 2, TILE_H - 9, tile.value_text, size=14, anchor="middle", weight="bold", fill=ink)
        )
        body.append("</g>")
    total_rows = rows + (math.ceil(spare / columns) if spare else 0)
    width = columns * (TILE_W + TILE_GAP) - TILE_GAP
    height = total_rows * (TILE_H + TILE_GAP) - TILE_GAP
    return _svg(chart_id, title, description, width, height, body)


def level_of(value: int | None, steps: Sequence[int]) -> int:
    """The colour class of a value: 0 for nothing (or suppressed), then one class per step
    reached (steps ascending, e.g. (1, 2, 4) -> 1 | 2-3 | 4+)."""
    if not value:
        return 0
    return sum(1 for step in steps if value >= step)


# --- time series: one small panel per series, each on its own scale ------------------------------

SERIES_W = 640
PANEL_H = 150
LEFT, RIGHT, PANEL_TOP, PANEL_BOTTOM = 44, 24, 28, 30


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]  # None: suppressed, drawn as a gap


def _nice_max(peak: float) -> int:
    if peak <= 4:
        return 4
    magnitude = 10 ** math.floor(math.log10(peak))
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= peak:
            return math.ceil(top)
    return int(peak)


def time_series(
    *, chart_id: str, title: str, description: str, period_labels: Sequence[str], series: Sequence[Series]
) -> Chart:
    """Counts per period, a panel per series (a region's counts would vanish beside the nation's)."""
    body = []
    n = len(period_labels)
    plot_w = SERIES_W - LEFT - RIGHT
    step = plot_w / max(n - 1, 1)
    # Label every period when they fit, otherwise every second or third.
    every = 1 if n <= 12 else (2 if n <= 24 else 3)
    styles = [(BRAND, ""), (ACCENT, ' stroke-dasharray="6 4"')]
    for p, item in enumerate(series):
        top = p * PANEL_H
        base = top + PANEL_H - PANEL_BOTTOM
        height = PANEL_H - PANEL_TOP - PANEL_BOTTOM
        peak = _nice_max(max((v for v in item.values if v is not None), default=0))
        colour, dash = styles[p % len(styles)]
        body.append(_text(LEFT, top + 16, item.name, size=13, weight="bold"))
        for tick in (0, peak // 2, peak):
            y = base - height * tick / peak
            body.append(
                f'<line x1="{LEFT}" x2="{SERIES_W - RIGHT}" y1="{_n(y)}" y2="{_n(y)}" '
                'stroke="#d0d0d0" stroke-width="1"/>'
            )
            body.append(_text(LEFT - 6, y + 4, str(tick), size=11, anchor="end", fill=MUTED))
        points: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(item.values):
            if value is None:
                points.append([])
                continue
            points[-1].append((LEFT + step * i, base - height * value / peak))
        for run in points:
            if len(run) > 1:
                path = " ".join(f"{_n(x)},{_n(y)}" for x, y in run)
                body.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'
                )
            for x, y in run:
                if p % 2:
                    body.append(
                        f'<rect x="{_n(x - 3.5)}" y="{_n(y - 3.5)}" width="7" height="7" fill="{colour}"/>'
                    )
                else:
                    body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5" fill="{colour}"/>')
        for i, label in enumerate(period_labels):
            if i % every == 0 or i == n - 1:
                body.append(_text(LEFT + step * i, base + 18, label, size=11, anchor="middle", fill=MUTED))
    return _svg(chart_id, title, description, SERIES_W, max(PANEL_H * len(series), PANEL_H), body)


# --- the keyword emergence map (scatter) ---------------------------------------------------------

MAP_W, MAP_H = 640, 420
M_LEFT, M_RIGHT, M_TOP, M_BOTTOM = 56, 16, 16, 48


@dataclass(frozen=True)
class Point:
    label: str
    x: float  # average degree (> 0; drawn on a log scale)
    y: float  # growth rate
    show_label: bool


def emergence_map(
    *,
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[Point],
    x_threshold: float,
    y_threshold: float,
    x_label: str,
    y_label: str,
    quadrant_labels: tuple[str, str, str, str],  # weak, strong, well known, latent
) -> Chart:
    """Keywords by average degree (x, log scale: a few common words would squash the rest) and
    growth (y), split into quadrants at the thresholds, which are named in the corners."""
    xs = [p.x for p in points if p.x > 0] + ([x_threshold] if x_threshold > 0 else [])
    smallest = min(xs, default=0.001)
    lo = math.log10(smallest) - 0.1
    hi = math.log10(max(xs, default=1.0)) + 0.1
    ys = [p.y for p in points] + [y_threshold]
    y_lo, y_hi = min(ys), max(ys)
    pad = (y_hi - y_lo) * 0.08 or 0.1
    y_lo, y_hi = y_lo - pad, y_hi + pad
    plot_w = MAP_W - M_LEFT - M_RIGHT
    plot_h = MAP_H - M_TOP - M_BOTTOM

    def px(x: float) -> float:
        return M_LEFT + plot_w * (math.log10(max(x, smallest)) - lo) / (hi - lo)

    def py(y: float) -> float:
        return M_TOP + plot_h * (1 - (y - y_lo) / (y_hi - y_lo))

    body = [
        f'<rect x="{M_LEFT}" y="{M_TOP}" width="{plot_w}" height="{plot_h}" fill="none" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    ]
    tx, ty = px(x_threshold) if x_threshold > 0 else M_LEFT + plot_w / 2, py(y_threshold)
    body.append(
        f'<line x1="{_n(tx)}" x2="{_n(tx)}" y1="{M_TOP}" y2="{M_TOP + plot_h}" '
        f'stroke="{MUTED}" stroke-dasharray="4 3"/>'
    )
    body.append(
        f'<line x1="{M_LEFT}" x2="{M_LEFT + plot_w}" y1="{_n(ty)}" y2="{_n(ty)}" '
        f'stroke="{MUTED}" stroke-dasharray="4 3"/>'
    )
    weak, strong, well_known, latent = quadrant_labels
    body.append(_text(M_LEFT + 6, M_TOP + 16, weak, weight="bold"))
    body.append(_text(M_LEFT + plot_w - 6, M_TOP + 16, strong, anchor="end", weight="bold"))
    body.append(_text(M_LEFT + plot_w - 6, M_TOP + plot_h - 8, well_known, anchor="end", weight="bold"))
    body.append(_text(M_LEFT + 6, M_TOP + plot_h - 8, latent, weight="bold"))
    # Axis ticks: powers of ten on x (as percentages), three values on y (as percentages).
    ticks = [
        m * 10.0**power
        for power in range(math.floor(lo), math.ceil(hi) + 1)
        for m in (1, 2, 5)
        if lo <= math.log10(m * 10.0**power) <= hi
    ]
    if len(ticks) > 8:
        ticks = [t for t in ticks if f"{t:.0e}".startswith("1")]
    for tick in ticks:
        x = M_LEFT + plot_w * (math.log10(tick) - lo) / (hi - lo)
        body.append(
            _text(x, M_TOP + plot_h + 16, f"{tick * 100:.3g} %", size=11, anchor="middle", fill=MUTED)
        )
    for value in (y_lo + pad, (y_lo + y_hi) / 2, y_hi - pad):
        body.append(
            _text(M_LEFT - 6, py(value) + 4, f"{value * 100:+.0f} %", size=11, anchor="end", fill=MUTED)
        )
    body.append(_text(M_LEFT + plot_w / 2, MAP_H - 8, x_label, anchor="middle"))
    body.append(
        f'<text transform="translate(14 {_n(M_TOP + plot_h / 2)}) rotate(-90)" font-size="12" '
        f'text-anchor="middle" fill="{INK}">{escape(y_label)}</text>'
    )
    # Quadrant names take room first; a keyword's label goes where it overlaps nothing, or is left
    # out (the table and each point's tooltip still name it).
    placed: list[tuple[float, float, float, float]] = [
        (M_LEFT, M_TOP, M_LEFT + 130, M_TOP + 22),
        (M_LEFT + plot_w - 130, M_TOP, M_LEFT + plot_w, M_TOP + 22),
        (M_LEFT + plot_w - 130, M_TOP + plot_h - 22, M_LEFT + plot_w, M_TOP + plot_h),
        (M_LEFT, M_TOP + plot_h - 22, M_LEFT + 130, M_TOP + plot_h),
    ]
    for point in points:
        x, y = px(point.x), py(point.y)
        high = point.y >= y_threshold
        colour = ACCENT if high else BRAND
        body.append(f"<g><title>{escape(point.label)}</title>")
        if high:  # triangles for the growing, circles for the rest: shape, not colour alone
            body.append(
                f'<path d="M{_n(x)},{_n(y - 5)} L{_n(x + 5)},{_n(y + 4)} L{_n(x - 5)},{_n(y + 4)} Z" '
                f'fill="{colour}"/>'
            )
        else:
            body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="{colour}"/>')
        if point.show_label:
            label = _place_label(x, y, point.label, placed, (M_LEFT, M_TOP, M_LEFT + plot_w, M_TOP + plot_h))
            if label:
                body.append(label)
        body.append("</g>")
    return _svg(chart_id, title, description, MAP_W, MAP_H, body)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_label(
    x: float, y: float, text: str, placed: list[tuple[float, float, float, float]], frame: tuple[float, ...]
) -> str:
    width = 6.4 * len(text)  # about 11 px type
    for box, anchor, tx in (
        ((x + 6, y - 8, x + 8 + width, y + 5), "start", x + 7),
        ((x - 8 - width, y - 8, x - 6, y + 5), "end", x - 7),
    ):
        inside = frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]
        if inside and not any(_overlaps(box, other) for other in placed):
            placed.append(box)
            return _text(tx, y + 4, text, size=11, anchor=anchor)
    return ""


# --- horizontal bar chart -------------------------------------------------------------------------

BAR_W = 640
BAR_ROW = 22
BAR_LABEL = 190


def bar_chart(
    *, chart_id: str, title: str, description: str, bars: Sequence[tuple[str, int | None, str]]
) -> Chart:
    """One bar per row: (label, value or None when suppressed, the value as shown)."""
    peak = max((v for _l, v, _t in bars if v), default=1)
    plot_w = BAR_W - BAR_LABEL - 56
    body = []
    for i, (label, value, shown) in enumerate(bars):
        y = 6 + i * BAR_ROW
        body.append(_text(BAR_LABEL - 8, y + 14, label, anchor="end"))
        width = plot_w * (value or 0) / peak
        if width:
            body.append(
                f'<rect x="{BAR_LABEL}" y="{y + 3}" width="{_n(width)}" height="{BAR_ROW - 8}" '
                f'fill="{BRAND}"/>'
            )
        body.append(_text(BAR_LABEL + width + 6, y + 14, shown, weight="bold" if value is None else ""))
    return _svg(chart_id, title, description, BAR_W, 12 + BAR_ROW * max(len(bars), 1), body)
