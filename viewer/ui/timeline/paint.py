"""Draw the timeline on any QPainter and rectangle: axis, labelled lanes, marks, bars, selection."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.ui.timeline import lod, marks, scale
from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.legend import legend_height, paint_legend
from viewer.ui.timeline.palette import TimelinePalette
from viewer.resources import load_json

EMPTY_TEXT = "No events: File \u203a Import releases\u2026"
_SPAN_UNITS = ((scale.DAYS_PER_YEAR, "year"), (scale.DAYS_PER_YEAR / 12, "month"), (7.0, "week"), (1.0, "day"))


@dataclass(frozen=True, eq=False)
class Geometry:
    """Where each part of the timeline goes inside the painted rectangle."""

    rect: QRectF
    axis: QRectF  # two rows: the context (year, month) above the tick labels
    gutter: QRectF  # lane labels
    plot: QRectF  # the lanes, right of the gutter
    legend: QRectF  # may be empty
    lanes: tuple[int, ...]
    lane_h: float
    metrics: lod.Metrics
    font_h: float

    def lane_top(self, i: int) -> float:
        return self.plot.top() + i * self.lane_h

    def lane_row_at(self, y: float) -> int | None:
        """Index into `lanes` of the lane band at y."""
        if not self.lanes or y < self.plot.top() or y >= self.plot.bottom():
            return None
        return min(int((y - self.plot.top()) // self.lane_h), len(self.lanes) - 1)

    @cached_property
    def pill_h(self) -> float:
        return min(self.font_h * 1.1, self.lane_h * 0.8)

    @cached_property
    def bar_step(self) -> float:
        return self.bar_height() + self.metrics.gap + 1

    @cached_property
    def bars_below(self) -> bool:
        """Bars get rows of their own under the markers when the lane is tall enough; otherwise
        they share the marker line."""
        need = self.lane_h * 0.36 + self.pill_h / 2 + self.metrics.gap + self.metrics.bar_rows * self.bar_step + 2
        return need <= self.lane_h

    def mark_y(self, i: int) -> float:
        return self.lane_top(i) + self.lane_h * (0.36 if self.bars_below else 0.42)

    def bar_height(self) -> float:
        return max(3.0, self.metrics.radius * 0.9)

    def bar_y0(self, i: int) -> float:
        """Centre of the first bar row of lane i."""
        if self.bars_below:
            return self.mark_y(i) + self.pill_h / 2 + self.metrics.gap + self.bar_height() / 2 + 1
        return self.mark_y(i)

    def bar_y(self, i: int, row: int) -> float:
        return self.bar_y0(i) + row * self.bar_step

    def bar_row_at(self, i: int, y: float) -> int | None:
        row = round((y - self.bar_y0(i)) / self.bar_step)
        inside = abs(y - self.bar_y(i, row)) <= self.bar_height() / 2 + 2
        return row if 0 <= row < self.metrics.bar_rows and inside else None

    def state(self, state: scale.ViewState) -> scale.ViewState:
        """The view state stretched over the plot's actual width."""
        return state.with_width(max(1, round(self.plot.width())))


def geometry(fm: QFontMetricsF, rect: QRectF, data: TimelineData, legend: bool = True,
             lanes: Sequence[int] | None = None) -> Geometry:
    fh = fm.height()
    lanes_t = tuple(range(data.n_lanes)) if lanes is None else tuple(lanes)
    axis_h = round(fh * 2.5)
    leg_h = legend_height(fm, rect.width(), data.kind_names, data.kinds_shown) \
        if legend and rect.height() > axis_h + fh * 8 else 0.0
    gutter_w = label_column_width(fm, tuple(data.lane_names[i] for i in lanes_t)) + fh * 1.2
    gutter_w = min(gutter_w, rect.width() * 0.3)
    body_top = rect.top() + axis_h
    body_h = max(rect.height() - axis_h - leg_h, 1.0)
    lane_h = body_h / max(len(lanes_t), 1)
    radius = max(2.0, min(fh * 0.36, lane_h * 0.26))
    metrics = lod.Metrics(
        cell_px=fm.horizontalAdvance("8.8k") + fh * 0.9,
        radius=radius,
        gap=max(1.0, fh * 0.12),
        badge_px=fm.horizontalAdvance("8") * 0.9 + 2,
        bar_min_px=radius * 4,
        bar_rows=2 if lane_h >= fh * 1.8 else 1,
    )
    return Geometry(
        rect=QRectF(rect),
        axis=QRectF(rect.left() + gutter_w, rect.top(), rect.width() - gutter_w, axis_h),
        gutter=QRectF(rect.left(), body_top, gutter_w, body_h),
        plot=QRectF(rect.left() + gutter_w, body_top, rect.width() - gutter_w, body_h),
        legend=QRectF(rect.left(), rect.bottom() - leg_h, rect.width(), leg_h),
        lanes=lanes_t, lane_h=lane_h, metrics=metrics, font_h=fh,
    )


_LABEL_WIDTHS: dict[tuple[str, tuple[str, ...]], float] = {}


def label_column_width(fm: QFontMetricsF, names: tuple[str, ...]) -> float:
    """The narrowest width (from 12 to 24 average characters) where every name fits in two lines;
    long body names wrap rather than eat the plot, and only the longest ones are elided."""
    key = (fm.averageCharWidth().__repr__() + repr(fm.height()), names)
    width = _LABEL_WIDTHS.get(key)
    if width is None:
        longest = max((fm.horizontalAdvance(n) for n in names), default=0.0)
        char = fm.averageCharWidth()

        def fitting(w: float) -> int:
            return sum(1 for n in names if all(fm.horizontalAdvance(line) <= w for line in
                                               wrap_label(fm, n, w, 2, elide=False)[:3])
                       and len(wrap_label(fm, n, w, 2, elide=False)) <= 2)

        candidates = [w for w in (char * c for c in range(12, 25)) if w < longest] + [min(longest, char * 24)]
        counts = [fitting(w) for w in candidates]
        width = candidates[counts.index(max(counts))]
        _LABEL_WIDTHS[key] = width
    return width


def wrap_label(fm: QFontMetricsF, text: str, width: float, lines: int, elide: bool = True) -> list[str]:
    """Break `text` at spaces into at most `lines` lines of `width`, eliding the last one
    (without elide, as many lines as it takes)."""
    words = text.split()
    out: list[str] = []
    while words and (len(out) < lines - 1 or not elide):
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out] if elide else out


def paint_timeline(painter: QPainter, rect: QRectF, data: TimelineData, state: scale.ViewState,
                   palette: TimelinePalette, selection: Iterable[int] | np.ndarray = (), *,
                   legend: bool = True, lanes: Sequence[int] | None = None,
                   empty_text: str = EMPTY_TEXT) -> tuple[Geometry, lod.Frame | None]:
    """Paint the timeline of `data` for the days of `state` into `rect`.

    `selection` holds event ids.  Returns the geometry and the marks drawn, for hit testing.
    """
    rect = QRectF(rect)
    fm = QFontMetricsF(painter.font())
    geo = geometry(fm, rect, data, legend, lanes)
    st = geo.state(state)
    painter.save()
    painter.setClipRect(rect)
    painter.fillRect(rect, palette.background)
    _paint_lane_bands(painter, geo, palette)
    gutter = QRectF(geo.rect.left(), geo.rect.top(), geo.gutter.width() + 1, geo.gutter.bottom() - geo.rect.top())
    marks.draw_layer(painter, ("gutter", id(palette), data.lane_names, geo.lanes, geo.lane_h), gutter,
                     lambda p: _paint_gutter(p, geo, data, palette))
    _paint_grid_and_axis(painter, geo, st, fm, palette)
    frame: lod.Frame | None = None
    if len(data):
        frame = lod.layout(data, st, geo.metrics, geo.lanes)
        sel = data.indices_of(selection)
        painter.save()
        painter.setClipRect(geo.plot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        style = marks.MarkStyle.make(painter, palette, data.kind_names, geo.metrics.radius, geo.font_h,
                                     geo.lane_h, geo.metrics.gap, geo.bar_height())
        rows = range(len(frame.lanes))
        marks.paint_marks(painter, frame, data, sel, style, geo.plot.left(), [geo.mark_y(i) for i in rows],
                          [geo.bar_y0(i) for i in rows], geo.bar_step)
        painter.restore()
    else:
        painter.setPen(palette.empty_text)
        painter.drawText(geo.plot, Qt.AlignmentFlag.AlignCenter, empty_text)
    if geo.legend.height() > 0:
        marks.draw_layer(painter, ("legend", id(palette), data.kind_names, data.kinds_shown), geo.legend,
                         lambda p: paint_legend(p, geo.legend, data.kind_names, palette, data.kinds_shown))
    painter.restore()
    return geo, frame


def _paint_lane_bands(painter: QPainter, geo: Geometry, palette: TimelinePalette) -> None:
    painter.setPen(QPen(palette.lane_line, 1))
    for i in range(len(geo.lanes)):
        top = geo.lane_top(i)
        if i % 2:
            painter.fillRect(QRectF(geo.plot.left(), top, geo.plot.width(), geo.lane_h), palette.lane_alt)
        painter.drawLine(QPointF(geo.plot.left(), top + geo.lane_h), QPointF(geo.rect.right(), top + geo.lane_h))


def _paint_gutter(painter: QPainter, geo: Geometry, data: TimelineData, palette: TimelinePalette) -> None:
    painter.fillRect(geo.gutter, palette.gutter)
    painter.fillRect(QRectF(geo.rect.left(), geo.rect.top(), geo.gutter.width(), geo.axis.height()), palette.axis)
    fm = QFontMetricsF(painter.font())
    fh = geo.font_h
    chip_w = max(3.0, fh * 0.22)
    text_x = geo.gutter.left() + chip_w + fh * 0.45
    text_w = geo.gutter.right() - text_x - fh * 0.3
    two_lines = geo.lane_h >= fm.lineSpacing() * 2 + 2
    for i, lane in enumerate(geo.lanes):
        top = geo.lane_top(i)
        painter.setPen(QPen(palette.lane_line, 1))
        painter.drawLine(QPointF(geo.rect.left(), top + geo.lane_h), QPointF(geo.gutter.right(), top + geo.lane_h))
        name = data.lane_names[lane]
        chip_h = min(geo.lane_h - 6, fh * 1.4)
        painter.fillRect(QRectF(geo.gutter.left() + fh * 0.25, top + (geo.lane_h - chip_h) / 2, chip_w, chip_h),
                         palette.lane_colour(lane, name))
        painter.setPen(palette.lane_text)
        lines = wrap_label(fm, name, text_w, 2 if two_lines else 1)
        if " ".join(lines) != name and name in short_lane_names():
            lines = [fm.elidedText(short_lane_names()[name], Qt.TextElideMode.ElideRight, text_w)]
        line_h = fm.lineSpacing()
        y0 = top + (geo.lane_h - line_h * len(lines)) / 2
        for j, line in enumerate(lines):
            painter.drawText(QRectF(text_x, y0 + j * line_h, text_w, line_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, line)
    painter.setPen(QPen(palette.gutter_line, 1))
    painter.drawLine(QPointF(geo.gutter.right(), geo.rect.top()), QPointF(geo.gutter.right(), geo.plot.bottom()))


@cache
def short_lane_names() -> dict[str, str]:
    """A body's abbreviation ("CSC"), shown when its full name would be cut off in the gutter."""
    data: Any = load_json("bodies.json")
    return {b["name"]: b["abbr"][0] for b in data["bodies"] if b["abbr"]}


def span_text(days: float) -> str:
    """The visible span in words: "35 years", "3 months", "6 days", "5 hours"."""
    for unit_days, unit in _SPAN_UNITS:
        if days >= unit_days * 1.5 or unit == "day" and days >= 1.5:
            n = round(days / unit_days)
            return f"{n} {unit}s"
    if days >= 0.9:
        return "1 day"
    return f"{max(1, round(days * 24))} hours"


def _paint_grid_and_axis(painter: QPainter, geo: Geometry, st: scale.ViewState, fm: QFontMetricsF,
                         palette: TimelinePalette) -> None:
    axis, plot = geo.axis, geo.plot
    fh = geo.font_h
    dpp = st.days_per_px
    level = scale.choose_level(dpp, fm.averageCharWidth())
    minor = scale.minor_level(level, dpp, max(6.0, fh * 0.5))
    context = scale.context_level(level)
    painter.fillRect(axis, palette.axis)
    row1 = QRectF(axis.left(), axis.top(), axis.width(), axis.height() / 2)
    row2 = QRectF(axis.left(), axis.top() + axis.height() / 2, axis.width(), axis.height() / 2)
    left, right = axis.left(), axis.right()

    def xpos(day: float) -> float:
        return left + st.x_of(day)

    painter.save()
    painter.setClipRect(QRectF(axis.left(), axis.top(), axis.width(), axis.height() + plot.height()))
    # lines go out in one call per colour: a frame draws a few hundred of them
    axis_lines: list[QLineF] = []
    if minor is not None:
        tick_h = fh * 0.25
        for d in scale.tick_days(st.start, st.end, minor):
            x = round(xpos(d)) + 0.5
            axis_lines.append(QLineF(x, axis.bottom() - tick_h, x, axis.bottom()))
    grid_lines: list[QLineF] = []
    label_colour = palette.axis_minor_text if context else palette.axis_text
    for tick in scale.ticks(st, level):
        x = round(xpos(tick.day)) + 0.5
        grid_lines.append(QLineF(x, plot.top(), x, plot.bottom()))
        axis_lines.append(QLineF(x, row2.top() + fh * 0.2, x, axis.bottom()))
        # a label whose tick is off screen, or that runs past the right edge, would show cut
        if x >= left and (x < right - fh * 4 or x + fh * 0.25 + fm.horizontalAdvance(tick.label) <= right):
            marks.draw_text(painter, x + fh * 0.25, row2, tick.label, label_colour)
    painter.setPen(QPen(palette.grid, 1))
    painter.drawLines(grid_lines)
    painter.setPen(QPen(palette.axis_line, 1))
    painter.drawLines(axis_lines)
    # the span on screen, right-aligned in the upper row: a scale bar in words
    span = span_text(st.span)
    span_px = fm.horizontalAdvance(span)
    span_w = span_px + fh * 0.5
    marks.draw_text(painter, right - span_px - fh * 0.3, row1, span, palette.axis_minor_text)
    if context is not None:
        bold = QFont(painter.font())
        bold.setBold(True)
        bfm = QFontMetricsF(bold)
        painter.setFont(bold)
        days = scale.tick_days(st.start, st.end, context)
        starts = [xpos(d) for d in days]
        limit = right - span_w
        major: list[QLineF] = []
        for j, d in enumerate(days):
            label = scale.context_label(d, context)
            x = starts[j]
            width = bfm.horizontalAdvance(label)
            if j + 1 < len(starts) and x < left:
                # the period that began off screen keeps its name at the left edge (sticky)
                x = min(left, starts[j + 1] - width - fh * 0.8)
            if x >= left - 1:
                if starts[j] >= left:
                    gx = round(starts[j]) + 0.5
                    major.append(QLineF(gx, plot.top(), gx, plot.bottom()))
                    major.append(QLineF(gx, row1.top() + fh * 0.2, gx, axis.bottom()))
                tx = max(x, left) + fh * 0.25
                if tx + width <= limit:
                    marks.draw_text(painter, tx, row1, label, palette.axis_text)
        painter.setPen(QPen(palette.grid_major, 1))
        painter.drawLines(major)
    painter.restore()
    painter.setPen(QPen(palette.axis_line, 1))
    painter.drawLine(QPointF(geo.rect.left(), axis.bottom()), QPointF(right, axis.bottom()))


def day_to_x(geo: Geometry, state: scale.ViewState, day: float) -> float:
    return geo.plot.left() + geo.state(state).x_of(day)


def x_to_day(geo: Geometry, state: scale.ViewState, x: float) -> float:
    return geo.state(state).day_at(x - geo.plot.left())


def paint_drag(painter: QPainter, geo: Geometry, palette: TimelinePalette, mode: str, press: QPointF,
               cursor: QPointF) -> None:
    """What a drag in progress shows: the days being dragged on the axis, or the rubber band."""
    if mode == "axis":
        x0, x1 = sorted((press.x(), cursor.x()))
        x0, x1 = max(x0, geo.plot.left()), min(x1, geo.plot.right())
        band = QRectF(x0, geo.axis.top(), x1 - x0, geo.plot.bottom() - geo.axis.top())
        painter.fillRect(band, palette.range_band)
        painter.setPen(QPen(palette.rubber_band, 1))
        painter.drawLine(QPointF(x0, band.top()), QPointF(x0, band.bottom()))
        painter.drawLine(QPointF(x1, band.top()), QPointF(x1, band.bottom()))
    elif mode == "band":
        r = QRectF(press, cursor).normalized().intersected(geo.plot)
        fill = QColor(palette.rubber_band)
        fill.setAlpha(40)
        painter.fillRect(r, fill)
        painter.setPen(QPen(palette.rubber_band, 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
