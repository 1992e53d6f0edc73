"""The main window: timeline, event list, filters, people and reader docks; wiring only."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox,
                               QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from viewer.store import queries
from viewer.store.db import Store
from viewer.store.filters import EventFilter
from viewer.store.rows import Density, EventColumns
from viewer.ui import dialogs, import_dialog, theme
from viewer.ui.event_list import EmptyState, EventTable
from viewer.ui.filter_bar import FilterBar
from viewer.ui.menus import build_menus
from viewer.ui.models.events import EventsModel, format_date
from viewer.ui.people_panel import PeoplePanel
from viewer.ui.reader import ReaderPanel
from viewer.ui.settings import K_SHOW_OVERVIEW, Settings
from viewer.ui.timeline_widgets import Overview, Timeline, overview_feed, timeline_data


def format_range(a: float, b: float) -> str:
    """The visible days [a, b) as dates, for the status bar."""
    last = int(np.ceil(b)) - 1 if b > a + 1 else int(b)
    lo, hi = date.fromordinal(max(1, int(np.floor(a)))), date.fromordinal(max(1, last))
    return f"{lo.day} {MONTHS[lo.month - 1]} {lo.year} – {hi.day} {MONTHS[hi.month - 1]} {hi.year}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class MainWindow(QMainWindow):
    loaded = Signal()  # the store's contents are all shown (people and facets arrive last)

    def __init__(self, store: Store, settings: Settings) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.setWindowTitle(f"CSTO Timeline — {store.path.name}")
        self.setAccessibleName("CSTO Timeline")
        self.setAcceptDrops(True)
        self._selection: list[int] = []
        self._syncing = False
        self._columns: EventColumns | None = None
        self._all: EventColumns | None = None
        self._closed = False
        self._panels_due = False
        self._jobs: list[Any] = []
        self.total = 0

        self.filter_bar = FilterBar(store)
        self.timeline = Timeline()
        self.timeline.setAccessibleName("Timeline")
        self.overview = Overview()
        self.overview.setAccessibleName("Overview of the whole corpus")
        self.model = EventsModel(lambda ids: queries.events_by_ids(self.store, ids), self)
        self.table = EventTable(self.model)
        self.people = PeoplePanel(store)
        self.reader = ReaderPanel(store)

        timeline_box = QWidget()
        box = QVBoxLayout(timeline_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.overview)
        box.addWidget(self.timeline, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(timeline_box)
        empty = EmptyState()
        empty.import_requested.connect(self.import_files_dialog)
        self.stack.addWidget(empty)
        self.setCentralWidget(self.stack)
        self.splitter = self.reader.splitter  # the one splitter the settings keep

        # The filters run the full width above the docks, the event list the full width below.
        bar = QToolBar("Filters")
        bar.setObjectName("filterToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.addWidget(self.filter_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.people_dock = self._dock("People", "peopleDock", self.people,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.reader_dock = self._dock("Reader", "readerDock", self.reader,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.list_dock = self._dock("Events", "eventsDock", self.table,
                                    Qt.DockWidgetArea.BottomDockWidgetArea)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Event count")
        self.range_label = QLabel()
        self.range_label.setAccessibleName("Visible date range")
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.range_label)
        self.actions_ = build_menus(self)

        self.filter_bar.set_sources(self.people.names, self.visible_dates)
        self.filter_bar.filter_changed.connect(self.apply_filter)
        self.filter_bar.people_changed.connect(self.people.set_selected)
        self.people.selection_changed.connect(self.filter_bar.set_people)
        self.reader.person_activated.connect(self._person_clicked)
        self.timeline.range_changed.connect(self._range_changed)
        self.timeline.selection_changed.connect(lambda ids: self.set_selection(ids, "timeline"))
        self.timeline.event_activated.connect(self.open_event)
        self.timeline.set_tooltip_provider(self.tooltip_for)
        self.overview.range_requested.connect(self.timeline.set_visible_range)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.model.modelReset.connect(self._reselect_rows)  # after a sort or a new filter
        self.table.doubleClicked.connect(lambda index: self.open_event(self.model.id_at(index.row())))
        self._follow_system_theme()
        self.restore()

    # --- construction ------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by name
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # --- data ---------------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)read everything from the store: after opening it and after an import."""
        st = queries.stats(self.store)
        self.total = st.events
        self.model.forget_rows()
        self.stack.setCurrentIndex(0 if st.events else 1)
        self._all = queries.event_columns(self.store)
        self._density = Density(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.apply_filter(self.filter_bar.filter())
        # The timeline paints first; people, facets and the overview's releases follow as soon
        # as it has (once the window is on screen: a window never shown never needs them).
        self._panels_due = True
        if self.isVisible():
            self._panels_after_paint()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._panels_due:
            self._panels_after_paint()

    def _panels_after_paint(self) -> None:
        if self.timeline.isVisible():
            self.timeline.painted.connect(self._panels_soon, Qt.ConnectionType.SingleShotConnection)
        # no timeline to wait for (an empty store), or a paint that never comes
        QTimer.singleShot(0 if not self.timeline.isVisible() else 300, self, self._load_panels)

    def _panels_soon(self) -> None:
        QTimer.singleShot(0, self, self._load_panels)

    def _load_panels(self) -> None:
        if self._closed or not self._panels_due:
            return  # closed before the event loop came round: the store may be gone
        self._panels_due = False
        self.people.reload()
        self.filter_bar.refresh_facets()
        extent = self.extent()
        self.filter_bar.set_first_day(extent[0] if extent else None)
        self._density = queries.density(self.store)
        if self._columns is not None:
            overview_feed(self.overview, self._density, self._columns)
        self.loaded.emit()

    def apply_filter(self, f: EventFilter) -> None:
        # Every event's columns are read once per load; a filter narrows them, asking the store
        # only for the ids its indexed conditions (text, people, bodies) let through.
        if self._all is None:
            cols = queries.event_columns(self.store, f)
        else:
            cols = self._all if f.is_empty() else queries.narrow_columns(self.store, self._all, f)
        self._columns = cols
        self.model.set_columns(cols)
        self.timeline.set_data(timeline_data(cols))
        if hasattr(self.timeline, "set_empty_text"):
            self.timeline.set_empty_text("No events match these filters. Reset filters: Ctrl+R"
                                         if self.total else "No events in this store yet")
        overview_feed(self.overview, self._density, cols)
        self.reader.set_highlights(f.text, f.people)
        if self._selection:
            shown = np.asarray(self._selection, np.int64)
            kept = shown[np.isin(shown, cols.ids)]
            if len(kept) != len(shown):
                self.set_selection([int(i) for i in kept], "filter")
        self._update_count()

    def filter(self) -> EventFilter:
        return self.filter_bar.filter()

    def extent(self) -> tuple[date, date] | None:
        """First and last day of all events, from the columns already read (no query)."""
        cols = self._all
        if cols is None or len(cols) == 0:
            return None
        return (date.fromordinal(int(np.min(cols.start_days))),
                date.fromordinal(int(np.max(cols.end_days))))

    def _update_count(self) -> None:
        n = len(self._columns) if self._columns is not None else 0
        picked = f" · {len(self._selection)} selected" if self._selection else ""
        self.count_label.setText(f"{n:,} of {self.total:,} events{picked}")

    def visible_dates(self) -> tuple[date, date] | None:
        a, b = self.timeline.visible_range()
        if b <= a:
            return None
        return date.fromordinal(max(1, int(np.floor(a)))), date.fromordinal(max(1, int(np.ceil(b)) - 1))

    def _range_changed(self, a: float, b: float) -> None:
        self.range_label.setText(format_range(a, b) if self.total else "")
        self.overview.set_visible_range(a, b)

    def tooltip_for(self, ids: list[int]) -> str:
        rows = queries.events_by_ids(self.store, list(ids)[:5])
        parts = []
        for r in rows:
            when = f"{format_date(r)} ({r.certainty}{': ' + r.reason if r.reason else ''})"
            who = f"\nPeople: {', '.join(r.people)}" if r.people else ""
            where = f"\nPlace: {r.place}" if r.place else ""
            src = f"\nTold by {r.source_count} releases" if r.source_count > 1 else ""
            parts.append(f"{when}\n{r.title}{where}{who}{src}")
        more = f"\n\n… and {len(ids) - 5} more" if len(ids) > 5 else ""
        return "\n\n".join(parts) + more

    # --- selection ----------------------------------------------------------------------------
    def selection(self) -> list[int]:
        return list(self._selection)

    def set_selection(self, ids: list[int], origin: str = "") -> None:
        ids = [int(i) for i in ids]
        self._selection = ids
        self._syncing = True
        try:
            if origin != "timeline":
                self.timeline.set_selection(ids)
            if origin != "table":
                self._select_table_rows(ids)
        finally:
            self._syncing = False
        if ids and origin in ("timeline", "table"):
            current = self.table.currentIndex()
            shown = self.model.id_at(current.row()) if origin == "table" and current.isValid() else ids[0]
            self.reader.show_event(shown if shown in ids else ids[0])
        self._update_count()

    def _select_table_rows(self, ids: list[int]) -> None:
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r >= 0)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = prev = None
        for r in rows + [None]:  # merge runs of rows, so selecting 100,000 events stays cheap
            if r is not None and prev is not None and r == prev + 1:
                prev = r
                continue
            if start is not None:
                selection.select(self.model.index(start, 0), self.model.index(prev, last))
            start = prev = r
        sm = self.table.selectionModel()
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def _reselect_rows(self) -> None:
        self._syncing = True
        try:
            self._select_table_rows(self._selection)
        finally:
            self._syncing = False

    def _table_selection_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self.set_selection([self.model.id_at(r) for r in rows], "table")

    def select_all_events(self) -> None:
        if self._columns is not None:
            self.set_selection([int(i) for i in self._columns.ids], "menu")

    def clear_selection(self) -> None:
        self.set_selection([], "menu")

    def open_event(self, event_id: int) -> None:
        self.reader.show_event(event_id)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _person_clicked(self, person_id: int) -> None:
        self.people_dock.show()
        self.people.select_person(person_id)

    # --- commands -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def import_files_dialog(self) -> None:
        paths = dialogs.ask_import_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        paths = dialogs.ask_import_folder(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> Any:
        job = import_dialog.start_import(self, self.store.path, paths, self._import_finished)
        self._jobs.append(job)
        return job

    def _import_finished(self, report: Any) -> None:
        if report is not None and report.imported:
            self.load()

    def export_pdf_dialog(self) -> None:
        ids = self.selection()
        if not ids:
            n = len(self._columns) if self._columns is not None else 0
            if n == 0:
                dialogs.show_message(self, QMessageBox.Icon.Information, "Nothing to export",
                                     "No events match the current filters.")
                return
            if not dialogs.confirm(self, "Export to PDF", f"No events are selected. Export the "
                                   f"{n:,} events that match the filters?"):
                return
            ids = [int(i) for i in self._columns.ids]  # type: ignore[union-attr]
        out = dialogs.ask_save_pdf(self, str(Path.home() / "csto-events.pdf"))
        if out:
            self.export_pdf(ids, out)

    def export_pdf(self, ids: list[int], out_path: str) -> Any:
        description = self.filter().describe(self.people.names())
        job = import_dialog.start_export(self, self.store.path, ids, out_path, description,
                                         lambda _r: None)
        self._jobs.append(job)
        return job

    def set_overview_visible(self, on: bool) -> None:
        self.overview.setVisible(on)
        self.actions_.show_overview.setChecked(on)

    def set_theme(self, mode: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        scheme = theme.apply_theme(app, mode)
        self.timeline.set_color_scheme(scheme)
        self.overview.set_color_scheme(scheme)
        self.settings.set_theme(mode)
        self.actions_.themes[mode].setChecked(True)
        if self.reader.event_id() is not None:
            self.reader.show_event(self.reader.event_id())  # type: ignore[arg-type]

    def _follow_system_theme(self) -> None:
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(
            lambda _s: self.set_theme("system") if self.settings.theme() == "system" else None)

    def show_about(self) -> None:
        st = queries.stats(self.store)
        line = (f"Store {self.store.path}: {st.documents} releases, {st.items} news items, "
                f"{st.events} events, {st.people} people, {st.decisions} decisions.")
        box = dialogs.show_message(self, QMessageBox.Icon.NoIcon, "About CSTO Timeline",
                                   dialogs.about_text(line))
        box.setTextFormat(Qt.TextFormat.RichText)

    def show_shortcuts(self) -> None:
        dialog = dialogs.ShortcutsDialog(self.actions_.with_shortcuts(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- settings ---------------------------------------------------------------------------------
    def restore(self) -> None:
        s = self.settings
        self.actions_.themes[s.theme()].setChecked(True)
        self.timeline.set_color_scheme(theme.current_scheme())
        self.overview.set_color_scheme(theme.current_scheme())
        geometry = s.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        state = s.window_state()
        if state is None or not self.restoreState(state):
            self.resizeDocks([self.people_dock, self.reader_dock], [300, 450],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.list_dock], [300], Qt.Orientation.Vertical)
        splitter = s.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.set_overview_visible(s.flag(K_SHOW_OVERVIEW, True))
        saved = s.filter()
        self.filter_bar.set_filter(saved, emit=False)
        self.people.set_selected(list(saved.people))
        self.load()
        shown = s.visible_range()
        extent = self.extent()
        if shown is not None and extent is not None and shown[0] <= extent[1].toordinal() + 1 \
                and shown[1] >= extent[0].toordinal():
            self.timeline.set_visible_range(*shown)
        elif extent is not None:
            self.timeline.zoom_fit()
        a, b = self.timeline.visible_range()
        self._range_changed(a, b)

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        w, h = min(1400, int(area.width() * 0.9)), min(900, int(area.height() * 0.9))
        self.resize(w, h)
        self.move(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2)

    def save(self) -> None:
        s = self.settings
        s.save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        if self.total:
            s.set_visible_range(*self.timeline.visible_range())
        s.set_filter(self.filter())
        s.set_flag(K_SHOW_OVERVIEW, self.actions_.show_overview.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.filter_bar.flush()
        self.save()
        self._closed = True
        super().closeEvent(event)
