"""The filter bar: search, dates, bodies, kinds, places and flags, shown as removable chips."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from viewer.store import queries
from viewer.store.db import Store
from viewer.store.filters import EventFilter
from viewer.ui.date_box import DateBox

DEBOUNCE_MS = 150
MAX_PLACES = 40  # the menu lists the most frequent places; a selected one is always listed


class FilterBar(QWidget):
    """Holds the current EventFilter; emits `filter_changed` whenever the user changes it."""

    filter_changed = Signal(object)
    people_changed = Signal(list)  # a person chip was removed: the people panel follows

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = EventFilter()
        self._names: Callable[[], dict[int, str]] = dict
        self._visible_range: Callable[[], tuple[date, date] | None] = lambda: None

        self.search = QLineEdit(placeholderText="Search the releases (Ctrl+F)")
        self.search.setAccessibleName("Search text")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.setMaximumWidth(520)
        self.date_from = DateBox("From date", end=False)
        self.date_to = DateBox("To date", end=True)
        self.use_visible = QPushButton("Use visible range")
        self.use_visible.setAccessibleName("Use visible range")
        self.use_visible.setToolTip("Filter to the dates now shown on the timeline")
        self.bodies_button = self._menu_button("Bodies")
        self.kinds_button = self._menu_button("Kinds")
        self.places_button = self._menu_button("Places")
        self.decisions_only = QCheckBox("Decisions only")
        self.decisions_only.setAccessibleName("Decisions only")
        self.hide_inferred = QCheckBox("Hide inferred dates")
        self.hide_inferred.setAccessibleName("Hide inferred dates")
        self.reset_button = QPushButton("Reset filters")
        self.reset_button.setAccessibleName("Reset filters")

        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        self.summary = QLabel("All events")
        self.summary.setObjectName("filterSummary")
        self.summary.setAccessibleName("Active filters")

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.search, 1)
        row.addWidget(QLabel("From"))
        row.addWidget(self.date_from)
        row.addWidget(QLabel("to"))
        row.addWidget(self.date_to)
        row.addWidget(self.use_visible)
        row.addStretch(1)
        row.addWidget(self.reset_button)
        chip_row = QHBoxLayout()
        chip_row.setSpacing(6)
        for w in (self.bodies_button, self.kinds_button, self.places_button,
                  self.decisions_only, self.hide_inferred):
            chip_row.addWidget(w)
        chip_row.addSpacing(8)
        chip_row.addLayout(self.chips)
        chip_row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addLayout(chip_row)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._text_settled)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._text_settled)
        self.date_from.date_changed.connect(lambda d: self._edit(date_from=d))
        self.date_to.date_changed.connect(lambda d: self._edit(date_to=d))
        self.use_visible.clicked.connect(self.use_visible_range)
        self.decisions_only.toggled.connect(lambda on: self._edit(decisions_only=on))
        self.hide_inferred.toggled.connect(lambda on: self._edit(hide_inferred=on))
        self.reset_button.clicked.connect(self.reset)
        self._facets: dict[str, list[tuple[str, int]]] = {}
        self._sync_widgets()  # facets are loaded by the window, after its first paint

    # --- wiring from the window ------------------------------------------------------------
    def set_sources(self, names: Callable[[], dict[int, str]],
                    visible_range: Callable[[], tuple[date, date] | None]) -> None:
        self._names, self._visible_range = names, visible_range

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh_facets()

    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, f: EventFilter, emit: bool = True) -> None:
        self._filter = f
        self._sync_widgets()
        if emit:
            self.filter_changed.emit(f)

    def set_people(self, ids: list[int]) -> None:
        if tuple(ids) != self._filter.people:
            self.set_filter(replace(self._filter, people=tuple(ids)))

    def reset(self) -> None:
        people_were = bool(self._filter.people)
        self._debounce.stop()
        self.set_filter(EventFilter())
        if people_were:
            self.people_changed.emit([])

    def use_visible_range(self) -> None:
        shown = self._visible_range()
        if shown is not None:
            self._edit(date_from=shown[0], date_to=shown[1])

    def refresh_facets(self) -> None:
        self._facets = {
            "bodies": queries.facet_bodies(self._store),
            "kinds": queries.facet_kinds(self._store),
            "places": queries.facet_places(self._store)[:MAX_PLACES],
        }
        self._sync_widgets()

    def set_first_day(self, first: date | None) -> None:
        """Calendars open at the store's first event while no date is set."""
        self.date_from.set_page(first)
        self.date_to.set_page(first)

    def flush(self) -> None:
        """Apply typed text now instead of after the debounce."""
        self._debounce.stop()
        self._text_settled()

    # --- internals ---------------------------------------------------------------------------
    def _menu_button(self, label: str) -> QToolButton:
        button = QToolButton(text=label)
        button.setAccessibleName(label)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(QMenu(button))
        return button

    def _edit(self, **changes: object) -> None:
        new = replace(self._filter, **changes)  # type: ignore[arg-type]
        if new != self._filter:
            self.set_filter(new)

    def _text_settled(self) -> None:
        self._edit(text=self.search.text().strip())

    def _toggle(self, field: str, value: str, on: bool) -> None:
        current: tuple[str, ...] = getattr(self._filter, field)
        values = tuple(v for v in current if v != value) + ((value,) if on else ())
        self._edit(**{field: values})

    def _fill_menu(self, button: QToolButton, field: str) -> None:
        menu = button.menu()
        menu.clear()
        chosen: tuple[str, ...] = getattr(self._filter, field)
        facets = list(self._facets.get(field, []))
        listed = {name for name, _n in facets}
        facets += [(name, 0) for name in chosen if name not in listed]
        if not facets:
            menu.addAction("(none in this store)").setEnabled(False)
        for name, count in facets:
            action = menu.addAction(f"{name}  ({count})" if count else name)
            action.setCheckable(True)
            action.setChecked(name in chosen)
            action.toggled.connect(lambda on, n=name: self._toggle(field, n, on))
        label = field.capitalize()
        button.setText(f"{label} ({len(chosen)})" if chosen else label)

    def _sync_widgets(self) -> None:
        f = self._filter
        for w in (self.search, self.decisions_only, self.hide_inferred):
            w.blockSignals(True)
        if self.search.text().strip() != f.text:
            self.search.setText(f.text)
        self.decisions_only.setChecked(f.decisions_only)
        self.hide_inferred.setChecked(f.hide_inferred)
        for w in (self.search, self.decisions_only, self.hide_inferred):
            w.blockSignals(False)
        self.date_from.set_date(f.date_from)
        self.date_to.set_date(f.date_to)
        for button, field in ((self.bodies_button, "bodies"), (self.kinds_button, "kinds"),
                              (self.places_button, "places")):
            self._fill_menu(button, field)
        self._rebuild_chips()

    def _rebuild_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        f = self._filter
        names = self._names() if f.people else {}
        chips: list[tuple[str, dict[str, object]]] = []
        if f.text:
            chips.append((f"text “{f.text}”", {"text": ""}))
        if f.date_from or f.date_to:
            a = f.date_from.isoformat() if f.date_from else "…"
            b = f.date_to.isoformat() if f.date_to else "…"
            chips.append((f"{a} – {b}", {"date_from": None, "date_to": None}))
        for pid in f.people:
            chips.append((names.get(pid, f"person #{pid}"),
                          {"people": tuple(p for p in f.people if p != pid)}))
        for field in ("bodies", "kinds", "places"):
            values: tuple[str, ...] = getattr(f, field)
            for v in values:
                chips.append((v, {field: tuple(x for x in values if x != v)}))
        if f.decisions_only:
            chips.append(("decisions only", {"decisions_only": False}))
        if f.hide_inferred:
            chips.append(("stated dates only", {"hide_inferred": False}))
        for label, changes in chips:
            chip = QToolButton(text=f"{label}  ✕")
            chip.setObjectName("filterChip")
            chip.setAccessibleName(f"Remove filter {label}")
            chip.setToolTip("Remove this filter")
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _c=False, ch=changes: self._remove(ch))
            self.chips.addWidget(chip)
        self.summary.setText("All events" if not chips else "")

    def _remove(self, changes: dict[str, object]) -> None:
        self._edit(**changes)
        if "people" in changes:
            self.people_changed.emit(list(self._filter.people))
