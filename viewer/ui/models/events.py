"""The event list's model: the filtered event ids, rows fetched lazily in pages from the store."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QObject, Qt

from viewer.store.rows import KINDS, LANES, EventColumns, EventRow
from viewer.ui.models.table import FlatTableModel, Index

COL_DATE, COL_CERTAINTY, COL_KIND, COL_TITLE, COL_PLACE, COL_BODIES = range(6)
HEADERS: tuple[str, ...] = ("Date", "Certainty", "Kind", "Title", "Place", "Bodies")
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole EventRow, for delegates and the reader

PAGE = 200
CACHE_ROWS = 5000

FetchRows = Callable[[Sequence[int]], list[EventRow]]


def format_date(row: EventRow) -> str:
    """A date as precise as it is known: '2019-11-28', '2019-11', '2019 Q3', '2019', or a range."""
    start, end = row.start, row.end
    if row.precision == "year":
        text = f"{start.year}" if start.year == end.year else f"{start.year} – {end.year}"
    elif row.precision == "half":
        text = f"{start.year} H{1 if start.month <= 6 else 2}"
    elif row.precision == "quarter":
        text = f"{start.year} Q{(start.month - 1) // 3 + 1}"
    elif row.precision == "month":
        a, b = f"{start.year}-{start.month:02d}", f"{end.year}-{end.month:02d}"
        text = a if a == b else f"{a} – {b}"
    else:
        text = start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
    return text


class EventsModel(FlatTableModel):
    """Rows are event ids; an EventRow is fetched for a whole page the first time one is shown."""

    HEADERS = HEADERS

    def __init__(self, fetch_rows: FetchRows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch_rows
        self._ids: np.ndarray = np.zeros(0, dtype=np.int64)
        self._columns: EventColumns | None = None
        self._rows: OrderedDict[int, EventRow] = OrderedDict()
        self._row_of: dict[int, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] = (COL_DATE, Qt.SortOrder.AscendingOrder)

    # --- content -------------------------------------------------------------------------
    def set_columns(self, columns: EventColumns) -> None:
        """Show the events of a query result (ids in date order), keeping the current sort."""
        self.beginResetModel()
        self._columns = columns
        self._ids = self._sorted_ids(*self._sort)
        self._row_of = None
        self.endResetModel()

    def ids(self) -> np.ndarray:
        return self._ids

    def id_at(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, event_id: int) -> int:
        """The row showing an event, or -1."""
        if self._row_of is None:
            self._row_of = {int(i): r for r, i in enumerate(self._ids.tolist())}
        return self._row_of.get(int(event_id), -1)

    def event(self, row: int) -> EventRow | None:
        if not 0 <= row < len(self._ids):
            return None
        event_id = int(self._ids[row])
        cached = self._rows.get(event_id)
        if cached is not None:
            self._rows.move_to_end(event_id)
            return cached
        first = (row // PAGE) * PAGE
        page = [int(i) for i in self._ids[first:first + PAGE]]
        missing = [i for i in page if i not in self._rows]
        for fetched in self._fetch(missing):
            self._rows[fetched.id] = fetched
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(event_id)

    def forget_rows(self) -> None:
        """Drop cached rows (after an import changed them)."""
        self._rows.clear()

    # --- Qt model API ----------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == EVENT_ID_ROLE:
            return int(self._ids[index.row()])
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE):
            return None
        row = self.event(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        col = index.column()
        if col == COL_DATE:
            return format_date(row)
        if col == COL_CERTAINTY:
            if role == Qt.ItemDataRole.ToolTipRole and row.reason:
                return f"Inferred: {row.reason}"
            return row.certainty
        if col == COL_KIND:
            return row.kind
        if col == COL_TITLE:
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.sentence
            return row.title if row.source_count <= 1 else f"{row.title}  ({row.source_count} sources)"
        if col == COL_PLACE:
            return row.place or ""
        if col == COL_BODIES:
            return ", ".join(row.bodies)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._ids = self._sorted_ids(column, order)
        self._row_of = None
        self.endResetModel()

    # --- sorting -----------------------------------------------------------------------------
    def _sorted_ids(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        cols = self._columns
        if cols is None or len(cols) == 0:
            return np.zeros(0, dtype=np.int64)
        ids = np.asarray(cols.ids, dtype=np.int64)
        # Date order comes from the store; the other keys are ranked from the timeline's columns
        # with numpy, so sorting 100,000 events does no Python work per row...
        key: np.ndarray | None = None
        if column == COL_CERTAINTY:
            key = np.asarray(cols.inferred, dtype=np.int64)
        elif column == COL_KIND:
            rank = np.argsort(np.argsort(np.array(KINDS, dtype=object)))
            key = rank[np.asarray(cols.kinds, dtype=np.int64)]
        elif column == COL_BODIES:
            rank = np.argsort(np.argsort(np.array(LANES[:-1], dtype=object)))
            rank = np.append(rank, len(LANES))  # "Other" (no body) sorts last
            key = rank[np.asarray(cols.lanes, dtype=np.int64)]
        elif column in (COL_TITLE, COL_PLACE):
            # ...except text columns, which need the rows: fetched in pages, once per sort.
            rows = self._all_rows(ids)
            texts = [(r.title if column == COL_TITLE else (r.place or "")).casefold() if r else ""
                     for r in rows]
            order_idx = sorted(range(len(ids)), key=texts.__getitem__)
            result = ids[np.asarray(order_idx, dtype=np.int64)]
            return result[::-1].copy() if order == Qt.SortOrder.DescendingOrder else result
        if key is not None:
            ids = ids[np.argsort(key, kind="stable")]
        return ids[::-1].copy() if order == Qt.SortOrder.DescendingOrder else ids

    def _all_rows(self, ids: np.ndarray) -> list[EventRow | None]:
        found: dict[int, EventRow] = {}
        id_list = [int(i) for i in ids]
        for start in range(0, len(id_list), 900):
            for row in self._fetch(id_list[start:start + 900]):
                found[row.id] = row
        return [found.get(i) for i in id_list]
