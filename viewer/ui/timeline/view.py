"""The timeline widget: paints through paint.py, turns wheel, keys and drags into view states and selections.

Mouse: the wheel zooms about the cursor (a horizontal wheel pans); dragging the body pans; dragging
on the axis band zooms to the dragged days; a click selects the mark under the cursor (Ctrl toggles,
Shift adds); Shift+drag on the body draws a rubber band that selects every event inside it (with
Ctrl it adds to the selection); a double click opens an event, or zooms into a cluster.
Keys: Left/Right pan, PageUp/PageDown pan a screen, Home/End go to the first/last events,
+/-/0 zoom in, out and to fit (the window's actions call zoom_in() and friends), Escape clears the selection.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QFocusEvent, QFontMetricsF, QGuiApplication, QHelpEvent, QKeyEvent,
                           QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent, QWheelEvent)
from PySide6.QtWidgets import QToolTip, QWidget

from viewer.ui.timeline import lod, scale, tooltips
from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.paint import EMPTY_TEXT, Geometry, geometry, paint_drag, paint_timeline
from viewer.ui.timeline.palette import TimelinePalette, load_palette, system_scheme

DEFAULT_RANGE = (float(date(1992, 1, 1).toordinal()), float(date(2027, 1, 1).toordinal()))
WHEEL_STEP = 1.25  # zoom factor per wheel notch
KEY_ZOOM = 2.0
KEY_PAN = 0.1  # of the visible span per arrow key
TOOLTIP_IDS = 5  # events of a cluster handed to the tooltip provider
MIN_SELECTION_SPAN = 14.0  # days shown around a zoomed-to selection


class TimelineView(QWidget):
    """The centre of the window: lanes of events over a zoomable time axis."""

    range_changed = Signal(float, float)
    selection_changed = Signal(list)
    event_activated = Signal(int)
    painted = Signal()  # after each finished paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Events by CSTO body over time. Wheel to zoom, drag to pan, "
                                      "click to select, Shift+drag to select many.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMinimumSize(320, 200)
        self._data = TimelineData.empty()
        self._limits = scale.Limits(*DEFAULT_RANGE)
        self._state = scale.ViewState(DEFAULT_RANGE[0], DEFAULT_RANGE[1], 800)
        self._selected = np.zeros(0, np.int64)  # event ids, sorted
        self._frame: lod.Frame | None = None
        self._frame_geo: Geometry | None = None
        self._geo: Geometry | None = None
        self._fitted = False  # the first events shown are fitted to the view
        self._geo_key: tuple = ()
        self._tooltip_provider: Callable[[list[int]], str] | None = None
        self._scheme = "auto"
        self._palette: TimelinePalette = load_palette(system_scheme())
        self._empty_text = EMPTY_TEXT
        self._mode: str | None = None  # "press", "pan", "axis", "band" while a button is down
        self._press = QPointF()
        self._press_state = self._state
        self._cursor = QPointF()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._follow_scheme)

    # -- data and state ----------------------------------------------------------------------------
    def set_data(self, data: TimelineData) -> None:
        """Show `data`; the first events shown are fitted, later data (filters) keep the visible days."""
        self._data = data
        extent = data.extent()
        self._limits = scale.Limits(*extent) if extent else scale.Limits(*DEFAULT_RANGE)
        self._frame = None
        self._geo = None
        if extent and not self._fitted:
            self._fitted = True
            self._apply(scale.fit(extent[0], extent[1], self._plot_width(), self._limits))
        else:
            # a filter narrowing the data must not move the days the analyst is looking at
            lim = self._limits
            self._limits = scale.Limits(min(lim.lo, self._state.start), max(lim.hi, self._state.end))
            self._apply(scale.clamp(self._state, self._limits))
        self.update()

    def data(self) -> TimelineData:
        return self._data

    def state(self) -> scale.ViewState:
        return self._state

    def visible_range(self) -> tuple[float, float]:
        return self._state.start, self._state.end

    def set_visible_range(self, start: float, end: float) -> None:
        a, b = sorted((float(start), float(end)))
        self._apply(scale.clamp(scale.ViewState(a, b, self._plot_width()), self._limits))

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def _apply(self, state: scale.ViewState) -> None:
        old = self._state
        self._state = state
        if (old.start, old.end) != (state.start, state.end):
            self.update()
            self.range_changed.emit(state.start, state.end)

    # -- zoom commands -------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._apply(scale.zoom(self._state, KEY_ZOOM, self._state.width / 2, self._limits))

    def zoom_out(self) -> None:
        self._apply(scale.zoom(self._state, 1 / KEY_ZOOM, self._state.width / 2, self._limits))

    def zoom_fit(self) -> None:
        extent = self._data.extent() or DEFAULT_RANGE
        self._apply(scale.fit(extent[0], extent[1], self._plot_width(), self._limits))

    def zoom_to_selection(self) -> None:
        idx = self._data.indices_of(self._selected)
        if not len(idx):
            return
        lo = float(self._data.start[idx].min())
        hi = float(self._data.end[idx].max()) + 1
        if hi - lo < MIN_SELECTION_SPAN:
            mid = (lo + hi) / 2
            lo, hi = mid - MIN_SELECTION_SPAN / 2, mid + MIN_SELECTION_SPAN / 2
        self._apply(scale.fit(lo, hi, self._plot_width(), self._limits, margin=0.08))

    # -- selection ---------------------------------------------------------------------------------
    def set_selection(self, ids: Iterable[int]) -> None:
        """Select events by id (from the event list or the reader); does not emit selection_changed."""
        self._selected = np.unique(np.asarray(list(ids), dtype=np.int64))
        self.update()

    def selected_ids(self) -> list[int]:
        return [int(i) for i in self._selected]

    def _select(self, ids: np.ndarray, mode: str) -> None:
        ids = np.unique(np.asarray(ids, dtype=np.int64))
        if mode == "add":
            new = np.union1d(self._selected, ids)
        elif mode == "toggle":
            new = np.setxor1d(self._selected, ids)
        else:
            new = ids
        if not np.array_equal(new, self._selected):
            self._selected = new
            self.update()
            self.selection_changed.emit(self.selected_ids())

    # -- tooltips ----------------------------------------------------------------------------------
    def set_tooltip_provider(self, fn: Callable[[list[int]], str] | None) -> None:
        """fn(event ids) -> text shown on hover: one id for a marker or bar; for a cluster its first
        few ids, under the cluster's own summary (count, days, kinds)."""
        self._tooltip_provider = fn

    def _tooltip_text(self, pos: QPointF) -> str:
        geo = self._geometry()
        if geo.gutter.contains(pos):
            row = geo.lane_row_at(pos.y())
            return tooltips.lane_summary(self._data, geo.lanes[row]) if row is not None else ""
        hit = self._hit(pos)
        if hit is None:
            return ""
        indexes, cluster = hit
        lines = tooltips.cluster_summary(self._data, indexes) if cluster else []
        if self._tooltip_provider is not None:
            text = self._tooltip_provider(self._data.ids_at(indexes[:TOOLTIP_IDS]))
            if text:
                lines.append(text)
        elif not cluster:
            lines.append(tooltips.event_summary(self._data, int(indexes[0])))
        return "\n".join(lines)

    # -- colours -----------------------------------------------------------------------------------
    def set_color_scheme(self, scheme: str) -> None:
        """"auto" follows the application's palette; "light" or "dark" force one."""
        self._scheme = scheme if scheme in ("light", "dark") else "auto"
        self._follow_scheme()

    def color_scheme(self) -> str:
        return self._palette.scheme

    def set_palette(self, palette: TimelinePalette) -> None:
        self._palette = palette
        self.update()

    def _follow_scheme(self, *_: object) -> None:
        scheme = system_scheme() if self._scheme == "auto" else self._scheme
        if scheme != self._palette.scheme:
            self._palette = load_palette(scheme)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_scheme()
        elif event.type() == QEvent.Type.FontChange:
            self._apply(self._state.with_width(self._plot_width()))
        super().changeEvent(event)

    # -- geometry and hit testing ------------------------------------------------------------------
    def _geometry(self) -> Geometry:
        # asked on every mouse move and wheel step: measured again only when size, font or lanes change
        key = (self.width(), self.height(), self.font().key(), self._data.lane_names, self._data.kind_names)
        if self._geo_key != key or self._geo is None:
            self._geo = geometry(QFontMetricsF(self.font()), QRectF(self.rect()), self._data)
            self._geo_key = key
        return self._geo

    def _plot_width(self) -> int:
        return max(1, round(self._geometry().plot.width()))

    def _plot_x(self, x: float) -> float:
        return x - self._geometry().plot.left()

    def _current_frame(self) -> tuple[Geometry, lod.Frame | None]:
        geo = self._geometry()
        st = geo.state(self._state)
        if self._frame is None or self._frame.state != st or self._frame_geo is None \
                or self._frame_geo.metrics != geo.metrics or len(self._frame.lanes) != len(geo.lanes):
            self._frame = lod.layout(self._data, st, geo.metrics, geo.lanes) if len(self._data) else None
            self._frame_geo = geo
        return geo, self._frame

    def _hit(self, pos: QPointF) -> tuple[np.ndarray, bool] | None:
        """(data indexes, is a cluster) of the mark or bar under pos."""
        geo, frame = self._current_frame()
        if frame is None:
            return None
        row = geo.lane_row_at(pos.y())
        if row is None or not geo.plot.contains(pos):
            return None
        lf = frame.lanes[row]
        x = pos.x() - geo.plot.left()
        m = geo.metrics
        if abs(pos.y() - geo.mark_y(row)) <= max(m.radius, geo.font_h * 0.55) + 2:
            i = lod.hit_mark(lf, x, 2.0)
            if i is not None:
                return lod.mark_events(self._data, lf, i), bool(lf.event[i] < 0)
        bar_row = geo.bar_row_at(row, pos.y())
        if bar_row is not None:
            j = lod.hit_bar(lf, x, bar_row, 1.0)
            if j is not None:
                return np.array([lf.bar_event[j]], np.int64), False
        return None

    def event_ids_at(self, pos: QPointF) -> list[int]:
        """Ids of the events drawn under pos (a cluster gives all of its events)."""
        hit = self._hit(QPointF(pos))
        return self._data.ids_at(hit[0]) if hit else []

    def position_of(self, event_id: int) -> QPointF | None:
        """Where the event's mark (or its cluster) is drawn, in widget coordinates."""
        idx = self._data.indices_of([event_id])
        if not len(idx):
            return None
        geo, frame = self._current_frame()
        if frame is None:
            return None
        i = int(idx[0])
        lane = int(self._data.lanes[i])
        if lane not in geo.lanes:
            return None
        row = geo.lanes.index(lane)
        lf = frame.lanes[row]
        bars = np.flatnonzero(lf.bar_event == i)
        if len(bars):
            j = int(bars[0])
            x = (lf.bar_x0[j] + min(lf.bar_x1[j], geo.plot.width())) / 2
            return QPointF(geo.plot.left() + x, geo.bar_y(row, int(lf.bar_row[j])))
        p = int(self._data.lane_pos[i])
        k = int(np.searchsorted(lf.hi, p, "right"))
        if k < len(lf) and lf.lo[k] <= p:
            return QPointF(geo.plot.left() + float(lf.x[k]), geo.mark_y(row))
        return None

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        geo, frame = paint_timeline(painter, QRectF(self.rect()), self._data, self._state, self._palette,
                                    self._selected, empty_text=self._empty_text)
        self._frame, self._frame_geo = frame, geo
        if self._mode in ("axis", "band"):
            paint_drag(painter, geo, self._palette, self._mode, self._press, self._cursor)
        if self.hasFocus():
            # keyboard users see where the arrow keys and +/- go
            focus = QColor(self._palette.selection)
            focus.setAlpha(140)
            painter.setPen(QPen(focus, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(geo.plot.adjusted(1, 1, -1, -1))
        painter.end()
        self.painted.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def sizeHint(self) -> QSize:
        fh = QFontMetricsF(self.font()).height()
        return QSize(round(fh * 60), round(fh * 30))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._state = self._state.with_width(self._plot_width())
        self._frame = None
        super().resizeEvent(event)

    # -- input -----------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        pos = event.position()
        if delta.x() and abs(delta.x()) > abs(delta.y()):
            self._apply(scale.pan(self._state, -delta.x() / 120 * self._state.width * KEY_PAN, self._limits))
        elif delta.y():
            factor = WHEEL_STEP ** (delta.y() / 120)
            x = min(max(self._plot_x(pos.x()), 0.0), float(self._state.width))
            self._apply(scale.zoom(self._state, factor, x, self._limits))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        geo = self._geometry()
        self._press = QPointF(pos)
        self._cursor = QPointF(pos)
        self._press_state = self._state
        if geo.axis.contains(pos):
            self._mode = "axis"
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier and geo.plot.contains(pos):
            self._mode = "band"
        else:
            self._mode = "press"
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._mode is None:
            super().mouseMoveEvent(event)
            return
        pos = event.position()
        self._cursor = QPointF(pos)
        if self._mode == "press" and (pos - self._press).manhattanLength() >= QGuiApplication.styleHints().startDragDistance():
            self._mode = "pan"
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._mode == "pan":
            self._apply(scale.pan(self._press_state, self._press.x() - pos.x(), self._limits))
        else:
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        mode, self._mode = self._mode, None
        if mode is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.unsetCursor()
        pos = event.position()
        mods = event.modifiers()
        if mode == "band" and (pos - self._press).manhattanLength() < QGuiApplication.styleHints().startDragDistance():
            mode = "press"  # a Shift-click, not a band
        if mode == "press":
            hit = self._hit(pos)
            ids = self._data.ids[hit[0]] if hit else np.zeros(0, np.int64)
            if mods & Qt.KeyboardModifier.ControlModifier:
                self._select(ids, "toggle")
            elif mods & Qt.KeyboardModifier.ShiftModifier:
                self._select(ids, "add")
            else:
                self._select(ids, "replace")
        elif mode == "axis":
            x0, x1 = sorted((self._plot_x(self._press.x()), self._plot_x(pos.x())))
            if x1 - x0 >= 3:
                self.set_visible_range(self._state.day_at(x0), self._state.day_at(x1))
        elif mode == "band":
            self._select_band(QRectF(self._press, pos).normalized(),
                              "add" if mods & Qt.KeyboardModifier.ControlModifier else "replace")
        self.update()
        event.accept()

    def _select_band(self, rect: QRectF, mode: str) -> None:
        geo, frame = self._current_frame()
        if frame is None:
            return
        r = rect.intersected(geo.plot)
        first = geo.lane_row_at(r.top())
        last = geo.lane_row_at(min(r.bottom(), geo.plot.bottom() - 0.5))
        if first is None or last is None or r.width() <= 0:
            return
        # a lane counts when the band reaches its marker line or one of its bar rows
        rows = [i for i in range(first, last + 1)
                if r.top() <= geo.bar_y(i, geo.metrics.bar_rows - 1) + geo.bar_height() / 2
                and r.bottom() >= geo.mark_y(i) - geo.metrics.radius]
        lanes = tuple(geo.lanes[i] for i in rows)
        idx = lod.events_in(self._data, frame, lanes, r.left() - geo.plot.left(), r.right() - geo.plot.left())
        self._select(self._data.ids[idx], mode)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit is None:
            super().mouseDoubleClickEvent(event)
            return
        indexes, cluster = hit
        if cluster:
            lo = float(self._data.start[indexes].min())
            hi = float(self._data.end[indexes].max()) + 1
            self.set_visible_range(lo - (hi - lo) * 0.1, hi + (hi - lo) * 0.1)
        else:
            self.event_activated.emit(int(self._data.ids[indexes[0]]))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        w = self._state.width
        step = w * (1.0 if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) else KEY_PAN)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self._apply(scale.pan(self._state, -step, self._limits))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self._apply(scale.pan(self._state, step, self._limits))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.zoom_fit()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and len(self._data):
            span = self._state.span
            lo, hi = self._data.extent() or DEFAULT_RANGE
            a = lo - span * 0.03 if key == Qt.Key.Key_Home else hi + span * 0.03 - span
            self.set_visible_range(a, a + span)
        elif key == Qt.Key.Key_Escape and len(self._selected):
            self._select(np.zeros(0, np.int64), "replace")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_text(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self, QRect(), 10_000)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
