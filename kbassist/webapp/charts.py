"""Small server-side SVG charts: line, bar and Pareto, with no dependencies and no network.

Every function returns a self-contained ``<svg>`` string with a ``<title>`` for
screen readers; every label is escaped, so names from the data (technicians,
clients, article titles) cannot inject markup. Values may be ``None`` in a line
chart to leave a gap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

PALETTE = ("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4b5563")
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 48, 16, 28, 40


def line_chart(
    series: dict[str, list[tuple[str, float | None]]],
    title: str,
    width: int = 640,
    height: int = 240,
    y_label: str = "",
) -> str:
    """Lines over shared categorical x labels (in order of first appearance), with a legend."""
    categories = _categories(series)
    values = [
        float(v) for points in series.values() for _, v in points if v is not None and _finite(v)
    ]
    if not categories or not values:
        return _empty(title, width, height)
    low, high, ticks = _axis(min(values), max(values))
    plot = _Plot(width, height, low, high)
    parts = _frame(title, width, height, plot, ticks, y_label)
    # Each category sits in the middle of its slot, so end labels are not clipped.
    slot = plot.width / len(categories)
    x_of = {label: plot.left + slot * (i + 0.5) for i, label in enumerate(categories)}
    parts += _x_labels([(label, x_of[label]) for label in categories], plot)
    for index, (name, points) in enumerate(series.items()):
        color = PALETTE[index % len(PALETTE)]
        for segment in _segments(points):
            coords = " ".join(f"{x_of[label]:.1f},{plot.y(value):.1f}" for label, value in segment)
            if len(segment) > 1:
                parts.append(
                    f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{coords}"/>'
                )
            for label, value in segment:
                parts.append(
                    f'<circle cx="{x_of[label]:.1f}" cy="{plot.y(value):.1f}" r="2.5" '
                    f'fill="{color}">'
                    f"<title>{escape(name)} {escape(label)}: {_fmt(value)}</title></circle>"
                )
    if len(series) > 1 or next(iter(series), ""):
        parts += _legend(list(series), width, height)
    return _svg(title, width, height, parts)


def bar_chart(
    items: Sequence[tuple[str, float]],
    title: str,
    width: int = 640,
    height: int = 240,
    y_label: str = "",
    color: str = PALETTE[0],
) -> str:
    """Vertical bars, one per (label, value), in the order given; negatives hang below zero."""
    if not items:
        return _empty(title, width, height)
    values = [float(v) for _, v in items]
    low, high, ticks = _axis(min(0.0, *values), max(0.0, *values))
    plot = _Plot(width, height, low, high)
    parts = _frame(title, width, height, plot, ticks, y_label)
    parts += _bars(items, plot, color)
    return _svg(title, width, height, parts)


def pareto_chart(
    items: Sequence[tuple[str, float]],
    title: str,
    width: int = 640,
    height: int = 240,
    y_label: str = "",
    threshold: float = 0.8,
) -> str:
    """Bars largest first, a cumulative-share line on a 0-100 % right axis, and the 80 % mark."""
    ordered = sorted(
        ((label, float(v)) for label, v in items if v > 0), key=lambda i: (-i[1], i[0])
    )
    if not ordered:
        return _empty(title, width, height)
    low, high, ticks = _axis(0.0, ordered[0][1])
    plot = _Plot(width, height, low, high, right_axis=True)
    parts = _frame(title, width, height, plot, ticks, y_label)
    parts += _bars(ordered, plot, PALETTE[0])
    total = sum(v for _, v in ordered)
    slot = plot.width / len(ordered)
    running, coords = 0.0, []
    for index, (label, value) in enumerate(ordered):
        running += value
        share = running / total
        x = plot.left + slot * (index + 0.5)
        y = plot.bottom - share * plot.height
        coords.append((x, y, label, share))
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in coords)
    parts.append(
        f'<polyline fill="none" stroke="{PALETTE[1]}" stroke-width="2" points="{points}"/>'
    )
    for x, y, label, share in coords:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{PALETTE[1]}">'
            f"<title>{escape(label)}: cumulative {share:.0%}</title></circle>"
        )
    mark = plot.bottom - threshold * plot.height
    parts.append(
        f'<line x1="{plot.left}" x2="{plot.right}" y1="{mark:.1f}" y2="{mark:.1f}" '
        f'stroke="{PALETTE[1]}" stroke-dasharray="4 3" stroke-width="1"/>'
    )
    for fraction in (0.0, 0.5, 1.0):
        y = plot.bottom - fraction * plot.height
        parts.append(
            f'<text x="{plot.right + 4}" y="{y + 4:.1f}" {_FONT} fill="#555">{fraction:.0%}</text>'
        )
    parts.append(
        f'<text x="{plot.right + 4}" y="{mark - 4:.1f}" {_FONT} fill="{PALETTE[1]}">'
        f"{threshold:.0%}</text>"
    )
    return _svg(title, width, height, parts)


class _Plot:
    """The plotting rectangle and the value-to-pixel mapping."""

    def __init__(
        self, width: int, height: int, low: float, high: float, right_axis: bool = False
    ) -> None:
        self.left = _MARGIN_LEFT
        self.right = width - _MARGIN_RIGHT - (28 if right_axis else 0)
        self.top = _MARGIN_TOP
        self.bottom = height - _MARGIN_BOTTOM
        self.width = max(1, self.right - self.left)
        self.height = max(1, self.bottom - self.top)
        self.low, self.high = low, high

    def y(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return self.bottom - (value - self.low) / span * self.height


def _categories(series: dict[str, list[tuple[str, float | None]]]) -> list[str]:
    seen: dict[str, None] = {}
    for points in series.values():
        for label, _ in points:
            seen.setdefault(str(label), None)
    return list(seen)


def _segments(points: list[tuple[str, float | None]]) -> list[list[tuple[str, float]]]:
    """Runs of finite values; None or NaN breaks the line."""
    runs: list[list[tuple[str, float]]] = [[]]
    for label, value in points:
        if _finite(value):
            runs[-1].append((str(label), float(value)))  # type: ignore[arg-type]
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _axis(low: float, high: float, target: int = 5) -> tuple[float, float, list[float]]:
    """A 'nice' axis range and ticks covering [low, high]."""
    if low == high:
        low, high = (low - 1, high + 1) if low else (0.0, 1.0)
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    count = int(round((stop - start) / step))
    return start, stop, [start + i * step for i in range(count + 1)]


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return f"{value:.3g}"


def _frame(
    title: str, width: int, height: int, plot: _Plot, ticks: list[float], y_label: str
) -> list[str]:
    parts = [
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
        _heading(title, width),
    ]
    for tick in ticks:
        y = plot.y(tick)
        parts.append(
            f'<line x1="{plot.left}" x2="{plot.right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>'
        )
        parts.append(
            f'<text x="{plot.left - 6}" y="{y + 4:.1f}" text-anchor="end" {_FONT} fill="#555">'
            f"{_fmt(tick)}</text>"
        )
    parts.append(
        f'<line x1="{plot.left}" x2="{plot.left}" y1="{plot.top}" y2="{plot.bottom}" '
        'stroke="#9ca3af"/>'
    )
    if y_label:
        parts.append(
            f'<text x="12" y="{(plot.top + plot.bottom) / 2:.0f}" text-anchor="middle" {_FONT} '
            f'fill="#555" transform="rotate(-90 12 {(plot.top + plot.bottom) / 2:.0f})">'
            f"{escape(y_label)}</text>"
        )
    return parts


def _x_labels(positions: list[tuple[str, float]], plot: _Plot) -> list[str]:
    """Category labels under the axis, thinned so they do not overlap."""
    every = max(1, math.ceil(len(positions) * 60 / plot.width))
    parts = []
    for index, (label, x) in enumerate(positions):
        if index % every and index != len(positions) - 1:
            continue
        text = label if len(label) <= 14 else label[:13] + "…"
        parts.append(
            f'<text x="{x:.1f}" y="{plot.bottom + 14}" text-anchor="middle" {_FONT} fill="#555">'
            f"<title>{escape(label)}</title>{escape(text)}</text>"
        )
    return parts


def _bars(items: Sequence[tuple[str, float]], plot: _Plot, color: str) -> list[str]:
    slot = plot.width / len(items)
    bar = max(1.0, slot * 0.7)
    zero = plot.y(0.0)
    parts = []
    for index, (label, value) in enumerate(items):
        x = plot.left + slot * index + (slot - bar) / 2
        top = min(zero, plot.y(float(value)))
        size = abs(plot.y(float(value)) - zero)
        parts.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar:.1f}" height="{size:.1f}" fill="{color}">'
            f"<title>{escape(str(label))}: {_fmt(float(value))}</title></rect>"
        )
    parts.append(
        f'<line x1="{plot.left}" x2="{plot.right}" y1="{zero:.1f}" y2="{zero:.1f}" '
        'stroke="#9ca3af"/>'
    )
    positions = [(str(label), plot.left + slot * (i + 0.5)) for i, (label, _) in enumerate(items)]
    return parts + _x_labels(positions, plot)


def _legend(names: list[str], width: int, height: int) -> list[str]:
    parts, x, y = [], _MARGIN_LEFT, height - 8
    for index, name in enumerate(names):
        color = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y - 4}" width="10" height="3" fill="{color}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}" {_FONT} fill="#333">{escape(name)}</text>')
        x += 24 + 7 * len(name)
        if x > width - 80:
            break
    return parts


def _empty(title: str, width: int, height: int) -> str:
    parts = [
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff" stroke="#e5e7eb"/>',
        _heading(title, width),
        f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" {_FONT} fill="#777">'
        "No data yet</text>",
    ]
    return _svg(title, width, height, parts)


def _heading(title: str, width: int) -> str:
    return (
        f'<text x="{width / 2:.0f}" y="16" text-anchor="middle" '
        f'font-family="system-ui, sans-serif" font-size="13" font-weight="600">'
        f"{escape(title)}</text>"
    )


def _svg(title: str, width: int, height: int, parts: list[str]) -> str:
    body = "".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )
