"""The people panel: search, sort, multi-select people, and a person's roles over time."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QTextBrowser, QVBoxLayout, QWidget)

from viewer.store import queries
from viewer.store.db import Store
from viewer.ui.models.people import COL_EVENTS, COL_NAME, PeopleModel

SORTS: tuple[tuple[str, int, Qt.SortOrder], ...] = (
    ("Name", COL_NAME, Qt.SortOrder.AscendingOrder),
    ("Events", COL_EVENTS, Qt.SortOrder.DescendingOrder),
)


class PeoplePanel(QWidget):
    """Emits `selection_changed` with the selected person ids (kept across searches)."""

    selection_changed = Signal(list)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._selected: list[int] = []
        self._names: dict[int, str] = {}
        self._syncing = False

        self.search = QLineEdit(placeholderText="Search people")
        self.search.setAccessibleName("Search people")
        self.search.setClearButtonEnabled(True)
        self.sort_box = QComboBox()
        self.sort_box.setAccessibleName("Sort people by")
        for label, _col, _order in SORTS:
            self.sort_box.addItem(f"Sort: {label}")

        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("People")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        self.roles_header = QLabel("Roles over time")
        self.roles_header.setObjectName("rolesHeader")
        self.roles = QTextBrowser()
        self.roles.setAccessibleName("Roles over time")
        self.roles.setOpenLinks(False)
        self.roles.setMaximumHeight(130)
        self.roles.setPlaceholderText("Select a person to see their roles over time.")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.roles_header)
        layout.addWidget(self.roles)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort_box.currentIndexChanged.connect(self._apply_sort_choice)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_roles(cur.row()))
        for col, width in enumerate((165, 52, 220, 86, 86)):
            self.table.setColumnWidth(col, width)
        self._apply_sort_choice(0)  # the people are loaded by the window, after its first paint

    # --- public --------------------------------------------------------------------------
    def set_store(self, store: Store) -> None:
        self._store = store
        self.reload()

    def reload(self) -> None:
        people = queries.people(self._store, search=self.search.text().strip())
        for p in people:
            self._names[p.id] = p.name
        self._syncing = True
        self.model.set_people(people)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._select_rows(self._selected)
        self._syncing = False

    def selected_ids(self) -> list[int]:
        return list(self._selected)

    def names(self) -> dict[int, str]:
        """Names of every person seen so far, for filter descriptions."""
        if not self._names:
            self._names = {p.id: p.name for p in queries.people(self._store)}
        return dict(self._names)

    def set_selected(self, ids: list[int]) -> None:
        if list(ids) == self._selected:
            return
        self._selected = list(ids)
        self._syncing = True
        self._select_rows(self._selected)
        self._syncing = False
        self.selection_changed.emit(list(self._selected))

    def select_person(self, person_id: int) -> None:
        """Select one person (a name clicked in the reader), clearing any search hiding them."""
        if self.model.row_of(person_id) < 0 and self.search.text():
            self.search.clear()
            self.reload()
        self.set_selected([person_id])
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, 0))
            self._show_roles(row)

    # --- internals ---------------------------------------------------------------------------
    def _apply_sort_choice(self, choice: int) -> None:
        _label, column, order = SORTS[choice]
        self.table.sortByColumn(column, order)

    def _select_rows(self, ids: list[int]) -> None:
        selection = QItemSelection()
        for person_id in ids:
            row = self.model.row_of(person_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_table_selection(self, *_args: object) -> None:
        if self._syncing:
            return
        shown = {self.model.person(r).id for r in range(self.model.rowCount())}  # type: ignore[union-attr]
        picked = [self.model.person(i.row()).id  # type: ignore[union-attr]
                  for i in self.table.selectionModel().selectedRows()]
        kept = [i for i in self._selected if i not in shown]
        selected = kept + sorted(set(picked), key=picked.index)
        if selected != self._selected:
            self._selected = selected
            self.selection_changed.emit(list(selected))

    def _show_roles(self, row: int) -> None:
        person = self.model.person(row)
        if person is None:
            self.roles.clear()
            return
        roles = queries.person_roles(self._store, person.id)
        self.roles_header.setText(f"Roles of {person.name}")
        if not roles:
            self.roles.setHtml(f"<i>No role stated for {escape(person.name)}.</i>")
            return
        lines = []
        for r in roles:
            when = r.stated_on.isoformat() if r.stated_on else "undated"
            lines.append(f"<b>{escape(r.title)}</b> &mdash; stated {when}, "
                         f"in {escape(r.doc)} (item {r.item_id})")
        self.roles.setHtml("<br>".join(lines))
