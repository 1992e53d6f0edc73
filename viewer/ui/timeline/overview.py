"""The overview strip: the whole corpus as events and releases per period, with the visible window to drag.

Events per period rise above the middle line and releases per period hang below it, each scaled to
its own peak, so a quiet period with releases can be told from a period with no releases loaded.
Dragging the window (or clicking beside it, which centres it there) asks for a new range through
range_requested; the wheel zooms the window about the cursor.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QWidget

from viewer.ui.timeline import scale
from viewer.ui.timeline.data import Density, TimelineData
from viewer.ui.timeline.marks import smaller_font
from viewer.ui.timeline.palette import TimelinePalette, load_palette, system_scheme

BIN_PX = 3.0  # width of one histogram bar pair
PAD = 0.02  # of the corpus span, either side


class OverviewStrip(QWidget):
    """A density histogram of the whole corpus with the timeline's visible window on it."""

    range_requested = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline overview")
        self.setAccessibleDescription("Events (above) and releases (below) per period over the whole corpus; "
                                      "drag the window to move the timeline.")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._density = Density.empty()
        self._window = (0.0, 0.0)
        self._scheme = "auto"
        self._palette: TimelinePalette = load_palette(system_scheme())
        self._drag_offset: float | None = None  # days between the cursor and the window's start

    # -- data ---------------------------------------------------------------------------------------
    def set_density(self, density: Any) -> None:
        """The store's density() result (or a Density, or a TimelineData for events only)."""
        self._density = Density.adapt(density)
        self.update()

    def set_data(self, data: TimelineData) -> None:
        self.set_density(Density.from_data(data))

    def set_visible_range(self, start: float, end: float) -> None:
        self._window = (float(start), float(end))
        self.update()

    def visible_range(self) -> tuple[float, float]:
        return self._window

    def set_color_scheme(self, scheme: str) -> None:
        self._scheme = scheme if scheme in ("light", "dark") else "auto"
        self._palette = load_palette(system_scheme() if self._scheme == "auto" else self._scheme)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) and self._scheme == "auto":
            self._palette = load_palette(system_scheme())
            self.update()
        super().changeEvent(event)

    # -- coordinates --------------------------------------------------------------------------------
    def extent(self) -> tuple[float, float]:
        """The days the strip spans: the corpus with a margin (the window when there is no corpus)."""
        if len(self._density):
            lo, hi = float(self._density.first), float(self._density.first + len(self._density))
        elif self._window[1] > self._window[0]:
            lo, hi = self._window
        else:
            return 0.0, 1.0
        pad = max((hi - lo) * PAD, 1.0)
        return lo - pad, hi + pad

    def _plot(self) -> QRectF:
        fh = QFontMetricsF(self.font()).height()
        return QRectF(self.rect()).adjusted(2, 2, -2, -(fh * 0.9 + 2))

    def day_at(self, x: float) -> float:
        lo, hi = self.extent()
        plot = self._plot()
        return lo + (x - plot.left()) / max(plot.width(), 1.0) * (hi - lo)

    def x_of(self, day: float) -> float:
        lo, hi = self.extent()
        plot = self._plot()
        return plot.left() + (day - lo) / max(hi - lo, 1e-9) * plot.width()

    # -- painting -----------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        fh = QFontMetricsF(self.font()).height()
        return QSize(round(fh * 40), round(fh * 4.2))

    def minimumSizeHint(self) -> QSize:
        fh = QFontMetricsF(self.font()).height()
        return QSize(round(fh * 10), round(fh * 3))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self._palette
        p.fillRect(self.rect(), pal.axis)
        plot = self._plot()
        p.fillRect(plot, pal.background)
        lo, hi = self.extent()
        mid = plot.center().y()
        if len(self._density):
            # whole-pixel columns, so every bar has the same width and the same gap
            n = max(1, int(plot.width() // BIN_PX))
            xs = np.round(plot.left()) + np.arange(n + 1) * BIN_PX
            events, releases = self._density.binned(lo + (xs - plot.left()) / plot.width() * (hi - lo))
            xs = xs[:-1]
            half = plot.height() / 2 - 1
            ev_h = np.sqrt(events / max(events.max(), 1)) * half  # sqrt: quiet periods stay visible
            rel_h = np.sqrt(releases / max(releases.max(), 1)) * half
            w = BIN_PX - 1
            for x, h in zip(xs[events > 0].tolist(), ev_h[events > 0].tolist()):
                p.fillRect(QRectF(x, mid - max(h, 1.0), w, max(h, 1.0)), pal.overview_events)
            for x, h in zip(xs[releases > 0].tolist(), rel_h[releases > 0].tolist()):
                p.fillRect(QRectF(x, mid, w, max(h, 1.0)), pal.overview_releases)
        else:
            p.setPen(pal.empty_text)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No events")
        p.setPen(QPen(pal.grid_major, 1))
        p.drawLine(QPointF(plot.left(), mid), QPointF(plot.right(), mid))
        self._paint_years(p, plot, lo, hi)
        self._paint_window(p, plot)
        p.end()

    def _paint_years(self, p: QPainter, plot: QRectF, lo: float, hi: float) -> None:
        small = smaller_font(self.font(), 0.85)
        fm = QFontMetricsF(small)
        p.setFont(small)
        dpp = (hi - lo) / max(plot.width(), 1.0)
        level = scale.choose_level(dpp, fm.averageCharWidth())
        if level.unit != "year":
            level = scale.level_named("year")
        for d in scale.tick_days(lo, hi, level):
            x = self.x_of(d)
            if plot.left() <= x <= plot.right():
                p.setPen(QPen(self._palette.grid_major, 1))
                p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
                label = scale.tick_label(d, level)
                if x + 2 + fm.horizontalAdvance(label) <= plot.right():  # never cut at the edge
                    p.setPen(self._palette.axis_minor_text)
                    p.drawText(QRectF(x + 2, plot.bottom(), fm.horizontalAdvance(label) + 2, fm.height()),
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    def _paint_window(self, p: QPainter, plot: QRectF) -> None:
        a, b = self._window
        if b <= a:
            return
        x0 = max(self.x_of(a), plot.left())
        x1 = min(self.x_of(b), plot.right())
        if x1 - x0 < 3:  # a day-wide window still shows as a grip
            c = (x0 + x1) / 2
            x0, x1 = c - 1.5, c + 1.5
        r = QRectF(x0, plot.top(), x1 - x0, plot.height())
        p.fillRect(r, self._palette.overview_window)
        p.setPen(QPen(self._palette.overview_window_line, 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r)

    # -- input --------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        day = self.day_at(event.position().x())
        a, b = self._window
        if not a <= day <= b:
            # clicking beside the window centres it there, then the drag carries on from it
            span = b - a if b > a else scale.DAYS_PER_YEAR
            a, b = day - span / 2, day + span / 2
            self._request(a, b)
        self._drag_offset = day - a
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is None:
            super().mouseMoveEvent(event)
            return
        a, b = self._window
        start = self.day_at(event.position().x()) - self._drag_offset
        self._request(start, start + (b - a))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_offset = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        dy = event.angleDelta().y()
        a, b = self._window
        if not dy or b <= a:
            return
        factor = 1.25 ** (-dy / 120)
        anchor = min(max(self.day_at(event.position().x()), a), b)
        self._request(anchor - (anchor - a) * factor, anchor + (b - anchor) * factor)
        event.accept()

    def _request(self, start: float, end: float) -> None:
        if not (math.isfinite(start) and math.isfinite(end)):
            return
        # show the move at once; the timeline answers with the range it really took
        self._window = (start, end)
        self.update()
        self.range_requested.emit(start, end)

