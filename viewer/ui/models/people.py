"""The people panel's model: every person with latest role, event count, first and last date."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt

from viewer.store.rows import PersonRow
from viewer.ui.models.table import FlatTableModel, Index

COL_NAME, COL_EVENTS, COL_ROLE, COL_FIRST, COL_LAST = range(5)
HEADERS: tuple[str, ...] = ("Name", "Events", "Latest role", "First", "Last")
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2



def _sort_key(p: PersonRow, column: int) -> tuple[object, ...]:
    if column == COL_ROLE:
        return ((p.latest_role or "~").casefold(), p.name.casefold())
    if column == COL_EVENTS:
        return (p.event_count, p.name.casefold())
    if column == COL_FIRST:
        return (p.first.toordinal() if p.first else 0, p.name.casefold())
    if column == COL_LAST:
        return (p.last.toordinal() if p.last else 0, p.name.casefold())
    return (p.name.casefold(),)


class PeopleModel(FlatTableModel):
    """People are few (hundreds), so the whole list is held in memory."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[PersonRow] = []

    def set_people(self, people: Sequence[PersonRow]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> PersonRow | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, person_id: int) -> int:
        for row, p in enumerate(self._people):
            if p.id == person_id:
                return row
        return -1

    def row_total(self) -> int:
        return len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        p = self._people[index.row()]
        col = index.column()
        if role == PERSON_ID_ROLE:
            return p.id
        if role == SORT_KEY_ROLE:
            return str(_sort_key(p, col))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = f"\nAlso written: {', '.join(p.aliases)}" if p.aliases else ""
            return f"{p.name}\n{p.latest_role or 'No role stated'}{aliases}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_NAME:
            return p.name
        if col == COL_ROLE:
            return p.latest_role or ""
        if col == COL_EVENTS:
            return p.event_count
        if col == COL_FIRST:
            return p.first.isoformat() if p.first else ""
        if col == COL_LAST:
            return p.last.isoformat() if p.last else ""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._people)
        self._people.sort(key=lambda p: _sort_key(p, column),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        # Keep persistent indexes (the selection) on the same people.
        new_row = {p.id: r for r, p in enumerate(self._people)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(new_row[before[i.row()].id], i.column()) for i in old])
        self.layoutChanged.emit()
