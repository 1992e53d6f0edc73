"""The event list's table view, and the page shown instead of the timeline when the store is empty."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from viewer.ui.models.events import COL_TITLE, EventsModel

COLUMN_WIDTHS: tuple[int, ...] = (165, 80, 105, 500, 140, 260)


class EventTable(QTableView):
    """Rows of fixed height, so Qt never measures rows it has not fetched."""

    def __init__(self, model: EventsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Event list")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.setColumnWidth(col, width)
        self.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)


class EmptyState(QWidget):
    """An invitation to import, instead of a blank timeline."""

    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Empty store")
        title = QLabel("This store has no releases yet")
        title.setObjectName("emptyTitle")
        text = QLabel("Import CSTO press releases (text or HTML files, or a whole folder) to see "
                      "their events on the timeline.\nYou can also drop files onto this window.")
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setFixedWidth(460)
        button = QPushButton("Import releases…")
        button.setAccessibleName("Import releases")
        button.clicked.connect(self.import_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (title, text, button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
            if isinstance(w, QLabel):
                w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
