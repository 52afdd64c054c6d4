"""The events' charts as inline SVG drawn on the server: the feedback ratings and the reach per
month. No JavaScript, nothing downloaded.

Each chart is an image (`role="img"`) named by its `<title>` and described by its `<desc>`, which
says every number in words; the page puts the same numbers in a table too. Bars carry their value
as text, so neither colour nor length alone conveys anything. Geometry is written with a decimal
point whatever the language; every text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1a1a1a"
MUTED = "#4a4a4a"
GRID = "#d0d0d0"
BARS = ("#00507a", "#7a3b00")  # blue and brown, both above 7:1 on white

WIDTH = 640
PANEL = 170  # height of one panel
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 34, 30


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: SafeString


@dataclass(frozen=True)
class Panel:
    """One row of columns with its own scale (participants would flatten the event counts)."""

    name: str
    values: Sequence[int]


def _n(value: float) -> str:
    return f"{value:.1f}"


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "middle", bold: bool = False
) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" text-anchor="{anchor}" fill="{INK}"{weight}>'
        f"{escape(text)}</text>"
    )


def column_chart(
    *, chart_id: str, title: str, description: str, labels: Sequence[str], panels: Sequence[Panel]
) -> Chart:
    """Columns per label (a rating, a month), one panel per measure, each on its own scale. Values
    are written above the columns while they fit (up to 24 columns); labels thin out past 12."""
    count = max(len(labels), 1)
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / count
    bar_w = min(slot * 0.7, 60)
    show_values = count <= 24
    every = 1 if count <= 12 else (2 if count <= 24 else 3)
    body: list[str] = []
    for p, panel in enumerate(panels):
        top = p * PANEL
        base = top + PANEL - BOTTOM
        height = PANEL - TOP - BOTTOM
        peak = max(panel.values, default=0) or 1
        colour = BARS[p % len(BARS)]
        body.append(_text(LEFT, top + 18, panel.name, size=13, anchor="start", bold=True))
        body.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_n(base)}" y2="{_n(base)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        for i, value in enumerate(panel.values):
            centre = LEFT + slot * i + slot / 2
            bar_h = height * value / peak
            if bar_h:
                body.append(
                    f'<rect x="{_n(centre - bar_w / 2)}" y="{_n(base - bar_h)}" width="{_n(bar_w)}" '
                    f'height="{_n(bar_h)}" fill="{colour}"/>'
                )
            if show_values:
                body.append(_text(centre, base - bar_h - 5, str(value), size=11))
        for i, label in enumerate(labels):
            if i % every == 0 or i == count - 1:
                body.append(_text(LEFT + slot * i + slot / 2, base + 18, label, size=11))
    total = PANEL * max(len(panels), 1)
    head = (
        f'<svg class="radar-chart events-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {total}" width="{WIDTH}" height="{total}" role="img" focusable="false" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{total}" fill="#ffffff"/>'
    )
    svg = mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 (every text is escaped above)
    return Chart(chart_id, title, description, svg)
