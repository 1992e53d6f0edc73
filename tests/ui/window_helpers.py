"""Driving the window as a user does: clicks on rows, wheel turns, waiting for dialogs."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget


def click_row(qtbot, table: QTableView, row: int, column: int = 3,  # type: ignore[no-untyped-def]
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     table.visualRect(index).center())


def turn_wheel(widget: QWidget, x: float, steps: int) -> None:
    """Turn the mouse wheel `steps` notches (positive: away from the user) at x, mid-height."""
    pos = QPointF(x, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]


def message_titled(parent: QWidget, title: str) -> QMessageBox | None:
    return next((b for b in message_boxes(parent) if b.windowTitle() == title), None)
