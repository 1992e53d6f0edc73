"""The report's timeline strip: the window's own timeline painter when present, else a simple strip."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.export.text import MONTHS

AXIS = QColor("#8a94a3")
GRID = QColor("#dde2e8")
LABEL = QColor("#5f6b7a")

# Tick levels, finest first: (unit, step). The finest whose labels do not crowd is used.
LEVELS: tuple[tuple[str, int], ...] = (
    ("day", 1), ("day", 7), ("month", 1), ("month", 3), ("month", 6),
    ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 25), ("year", 50),
)


def _ticks(first: date, last: date, unit: str, step: int) -> list[date]:
    out: list[date] = []
    if unit == "day":
        d = first + timedelta(days=(-first.weekday()) % 7 if step == 7 else 0)
        while d <= last:
            out.append(d)
            d += timedelta(days=step)
    elif unit == "month":
        m = first.year * 12 + first.month - 1
        m += (-m) % step
        while True:
            d = date(m // 12, m % 12 + 1, 1)
            if d > last:
                break
            if d >= first:
                out.append(d)
            m += step
    else:
        y = first.year + (-first.year) % step
        while y <= last.year:
            if date(y, 1, 1) >= first:
                out.append(date(y, 1, 1))
            y += step
    return out


def _tick_label(d: date, unit: str, first: bool) -> str:
    """The year is named on the first tick and where it changes, so short labels stay unambiguous."""
    if unit == "year":
        return str(d.year)
    if unit == "month":
        return f"{MONTHS[d.month - 1]} {d.year}" if first or d.month == 1 else MONTHS[d.month - 1]
    if first or (d.month == 1 and d.day <= 7):
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]}"


def paint_strip(painter: QPainter, rect: QRectF, events: Sequence[Any], unit: float,
                color_of: Callable[[str], QColor], legend_style: Any) -> None:
    """Marks stacked per column of the axis, coloured by kind; a legend of kinds underneath."""
    pt = unit
    fm = QFontMetricsF(legend_style.font, painter.device())
    legend_h = fm.height() + pt * 4
    axis_y = rect.bottom() - legend_h - fm.height() - pt * 4
    plot = QRectF(rect.left(), rect.top(), rect.width(), axis_y - rect.top() - pt * 2)
    if not events:
        painter.setPen(LABEL)
        painter.setFont(legend_style.font)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "no events")
        return
    first: date = min(e.date.start for e in events)
    last: date = max(e.date.end for e in events)
    pad = max(2, (last - first).days // 40)
    first, last = first - timedelta(days=pad), last + timedelta(days=pad)
    days = max(1, (last - first).days)

    def x_of(d: date) -> float:
        return plot.left() + (d - first).days / days * plot.width()

    painter.setFont(legend_style.font)
    unit_name, step = LEVELS[-1]
    label_room = fm.horizontalAdvance("30 Sep 2019") + pt * 8
    for unit_name, step in LEVELS:
        if len(_ticks(first, last, unit_name, step)) * label_room <= plot.width():
            break
    ticks = _ticks(first, last, unit_name, step)
    painter.setPen(QPen(GRID, pt * 0.5))
    for d in ticks:
        painter.drawLine(QPointF(x_of(d), plot.top()), QPointF(x_of(d), axis_y))
    painter.setPen(QPen(AXIS, pt * 0.8))
    painter.drawLine(QPointF(plot.left(), axis_y), QPointF(plot.right(), axis_y))
    painter.setPen(LABEL)
    for i, d in enumerate(ticks):
        x = x_of(d)
        painter.setPen(QPen(AXIS, pt * 0.8))
        painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + pt * 3))
        painter.setPen(LABEL)
        text = _tick_label(d, unit_name, i == 0)
        w = fm.horizontalAdvance(text)
        painter.drawText(QPointF(min(max(x - w / 2, plot.left()), plot.right() - w),
                                 axis_y + pt * 4 + fm.ascent()), text)

    # one mark per event, stacked in columns of the mark's width so none hides another
    mark_w = pt * 3.2
    columns = max(1, int(plot.width() / mark_w))
    stacks: Counter[int] = Counter()
    placed: list[tuple[int, int, Any]] = []
    for e in sorted(events, key=lambda e: (e.date.start, e.kind)):
        mid = e.date.start + (e.date.end - e.date.start) / 2
        col = min(columns - 1, int((x_of(mid) - plot.left()) / mark_w))
        placed.append((col, stacks[col], e))
        stacks[col] += 1
    tallest = max(stacks.values())
    mark_h = min(pt * 3.2, (plot.height() - pt * 2) / tallest)
    gap = pt * 0.5 if mark_h >= pt * 2 else 0.0
    painter.setPen(Qt.PenStyle.NoPen)
    for col, level, e in placed:
        painter.setBrush(color_of(e.kind))
        x = plot.left() + col * mark_w
        y = axis_y - pt * 1 - (level + 1) * mark_h
        painter.drawRect(QRectF(x + pt * 0.3, y + gap / 2, mark_w - pt * 0.6, mark_h - gap))

    kinds = Counter(e.kind for e in events)
    x = rect.left()
    y = rect.bottom() - fm.height()
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        text = f"{kind} {n:,}"
        w = fm.horizontalAdvance(text) + pt * 12
        if x + w > rect.right():
            break
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color_of(kind))
        painter.drawRect(QRectF(x, y + fm.height() / 2 - pt * 2.2, pt * 4.4, pt * 4.4))
        painter.setPen(LABEL)
        painter.drawText(QPointF(x + pt * 6.5, y + fm.ascent()), text)
        x += w


@dataclass(frozen=True)
class Strip:
    height: float  # device units
    paint: Callable[[QPainter, QRectF], None]
    framed: bool  # True: the painter fills its own background, so the panel is only a border


def make_strip(events: Sequence[Any], unit: float, width: float, family: str,
               color_of: Callable[[str], QColor], legend_style: Any) -> Strip:
    """The strip for these events, `width` device units wide."""
    try:
        return _shared_strip(events, unit, width, family)
    except ImportError:  # a build without the window's timeline package
        def paint(painter: QPainter, rect: QRectF) -> None:
            paint_strip(painter, rect, events, unit, color_of, legend_style)

        return Strip(unit * 76, paint, False)


SCREEN_PX = 0.75  # points per pixel of a 96-dpi screen: the timeline painter thinks in pixels
FONT_PX = 10


def _shared_strip(events: Sequence[Any], unit: float, width: float, family: str) -> Strip:
    """paint_timeline from the window, drawn in screen pixels scaled onto the page, so the
    printed strip reads like the timeline on screen (lanes by body, kinds by colour)."""
    import numpy as np

    from viewer.store.rows import KINDS, LANES, kind_index, lane_of
    from viewer.ui.timeline.data import TimelineData
    from viewer.ui.timeline.legend import legend_height
    from viewer.ui.timeline.paint import paint_timeline
    from viewer.ui.timeline.palette import load_palette
    from viewer.ui.timeline.scale import ViewState

    px = unit * SCREEN_PX
    font = QFont(family)
    font.setPixelSize(FONT_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    fm = QFontMetricsF(font)  # a pixel-sized font measures the same on every device
    width_px = width / px
    lanes = [lane_of(e.bodies) for e in events]
    data = TimelineData.build(
        np.array([e.id for e in events], dtype=np.int64),
        np.array([e.date.start.toordinal() for e in events], dtype=np.int64),
        np.array([e.date.end.toordinal() for e in events], dtype=np.int64),
        np.array(lanes, dtype=np.int32),
        np.array([kind_index(e.kind) for e in events], dtype=np.int32),
        np.array([e.date.certainty == "inferred" for e in events], dtype=bool),
        np.array([max(1, e.source_count) for e in events], dtype=np.int32),
        LANES, KINDS)
    shown = sorted(set(lanes)) or [len(LANES) - 1]
    fh = fm.height()
    height_px = (round(fh * 2.5) + legend_height(fm, width_px, KINDS)
                 + max(len(shown) * fh * 1.8, fh * 8.5))
    extent = data.extent()
    lo, hi = extent if extent else (float(date.today().toordinal()), date.today().toordinal() + 1.0)
    pad = max(15.0, (hi - lo) * 0.03)
    state = ViewState(lo - pad, hi + pad, max(1, int(width_px)))
    palette = load_palette("light")

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.translate(rect.topLeft())
        painter.scale(px, px)
        painter.setFont(font)
        paint_timeline(painter, QRectF(0, 0, rect.width() / px, rect.height() / px), data, state,
                       palette, legend=True, lanes=shown, empty_text="no events")

    return Strip(height_px * px, paint, True)
