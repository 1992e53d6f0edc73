"""A date field that may be empty ("any"): typed as 2019, 2019-11 or 2019-11-28, or picked."""
from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton,
                               QWidget, QWidgetAction)

_PARTS = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
HINT = "Type a year (2019), a month (2019-11) or a day (2019-11-28); empty for any date"


def read_date(text: str, end: bool) -> date | None:
    """The day a typed date stands for: its first day, or its last when it ends a range.

    Raises ValueError for text that is not a date; "" is None (any date).
    """
    if not text.strip():
        return None
    m = _PARTS.match(text)
    if m is None:
        raise ValueError(text)
    year = int(m.group(1))
    if m.group(3):
        return date(year, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, 12, 31) if end else date(year, 1, 1)


class DateBox(QWidget):
    """Emits `date_changed(date | None)` when the user commits a new value."""

    date_changed = Signal(object)

    def __init__(self, name: str, end: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._end = end
        self._date: date | None = None
        self.edit = QLineEdit(placeholderText="any")
        self.edit.setAccessibleName(name)
        self.edit.setToolTip(HINT)
        self.edit.setClearButtonEnabled(True)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") + 40)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(f"{name} calendar")
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.pick = QToolButton(text="▾")
        self.pick.setObjectName("datePick")
        self.pick.setAccessibleName(f"Pick the {name.lower()}")
        self.pick.setToolTip("Pick a date from a calendar")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.pick)
        self.edit.editingFinished.connect(self._typed)
        self.edit.textChanged.connect(lambda t: self._cleared() if not t else None)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    def date(self) -> date | None:
        return self._date

    def set_date(self, value: date | None) -> None:
        """Show a value without emitting (the filter bar syncs its widgets this way)."""
        self._date = value
        text = value.isoformat() if value else ""
        if self.edit.text() != text:
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.blockSignals(False)
        self._mark(valid=True)
        if value:
            self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def set_page(self, near: date | None) -> None:
        """Open the calendar near the data when no date is set."""
        if near and self._date is None:
            self.calendar.setCurrentPage(near.year, near.month)

    def _commit(self, value: date | None) -> None:
        if value != self._date:
            self.set_date(value)
            self.date_changed.emit(value)
        else:
            self.set_date(value)

    def _typed(self) -> None:
        try:
            value = read_date(self.edit.text(), self._end)
        except ValueError:
            self._mark(valid=False)
            return
        self._commit(value)

    def _cleared(self) -> None:
        self._commit(None)

    def _picked(self, q: QDate) -> None:
        self.pick.menu().close()
        self._commit(date(q.year(), q.month(), q.day()))

    def _mark(self, valid: bool) -> None:
        self.edit.setProperty("invalid", not valid)
        self.edit.setToolTip(HINT if valid else f"Not a date. {HINT}")
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
