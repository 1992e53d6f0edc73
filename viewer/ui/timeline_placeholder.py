"""A plain stand-in for the timeline widgets with the same API, used until they are importable."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget


class PlaceholderTimeline(QWidget):
    """Keeps a visible range, zooms about the cursor and selects by click: no level of detail."""

    range_changed = Signal(float, float)
    selection_changed = Signal(list)
    event_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(160)
        self._ids = np.zeros(0, np.int64)
        self._start = np.zeros(0, np.int64)
        self._range = (0.0, 1.0)
        self._selection: list[int] = []
        self._tip: Callable[[list[int]], str] = lambda ids: ""

    def set_data(self, data: Any) -> None:
        self._ids, self._start = np.asarray(data.ids), np.asarray(data.start)
        self.update()

    def set_selection(self, ids: list[int]) -> None:
        self._selection = list(ids)
        self.update()

    def selected_ids(self) -> list[int]:
        return list(self._selection)

    def visible_range(self) -> tuple[float, float]:
        return self._range

    def set_visible_range(self, a: float, b: float) -> None:
        if b - a < 1.0:
            b = a + 1.0
        if (a, b) != self._range:
            self._range = (a, b)
            self.update()
            self.range_changed.emit(a, b)

    def _zoom(self, factor: float, x: float | None = None) -> None:
        a, b = self._range
        frac = 0.5 if x is None else x / max(self.width(), 1)
        anchor = a + frac * (b - a)
        span = max((b - a) / factor, 1.0)
        self.set_visible_range(anchor - frac * span, anchor - frac * span + span)

    def zoom_in(self) -> None:
        self._zoom(1.5)

    def zoom_out(self) -> None:
        self._zoom(1 / 1.5)

    def zoom_fit(self) -> None:
        if len(self._start):
            lo, hi = float(self._start.min()), float(self._start.max()) + 1
            pad = max((hi - lo) * 0.03, 1.0)
            self.set_visible_range(lo - pad, hi + pad)

    def zoom_to_selection(self) -> None:
        chosen = self._start[np.isin(self._ids, self._selection)]
        if len(chosen):
            self.set_visible_range(float(chosen.min()) - 3, float(chosen.max()) + 4)

    def set_tooltip_provider(self, fn: Callable[[list[int]], str]) -> None:
        self._tip = fn

    def _x(self, day: float) -> float:
        a, b = self._range
        return (day - a) / (b - a) * self.width()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom(1.25 ** steps, event.position().x())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        a, b = self._range
        step = (b - a) * 0.1
        if event.key() == Qt.Key.Key_Left:
            self.set_visible_range(a - step, b - step)
        elif event.key() == Qt.Key.Key_Right:
            self.set_visible_range(a + step, b + step)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not len(self._start):
            return
        xs = (self._start - self._range[0]) / (self._range[1] - self._range[0]) * self.width()
        near = np.abs(xs - event.position().x()) < 5
        ids = [int(i) for i in self._ids[near]]
        self.set_selection(ids)
        self.selection_changed.emit(ids)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._selection:
            self.event_activated.emit(self._selection[0])

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        p.setPen(self.palette().text().color())
        y = self.height() / 2
        selected = set(self._selection)
        for i, day in zip(self._ids.tolist(), self._start.tolist()):
            x = self._x(day)
            if 0 <= x <= self.width():
                p.drawEllipse(QPointF(x, y), 5 if i in selected else 3, 5 if i in selected else 3)
        p.end()


class PlaceholderOverview(QWidget):
    """Stands in for the overview strip: draws nothing but keeps its API."""

    range_requested = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(40)

    def set_density(self, density: Any) -> None:
        pass

    def set_visible_range(self, a: float, b: float) -> None:
        pass
