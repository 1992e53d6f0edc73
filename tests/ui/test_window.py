"""The main window driven as a user drives it: launch, zoom, filter, select, read, settings."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTableView
from window_helpers import click_row, turn_wheel

from viewer.store import queries
from viewer.store.filters import EventFilter
from viewer.ui import theme
from viewer.ui.models.events import COL_DATE


def test_launch_shows_every_event_and_the_visible_range(launch, store_path):
    window = launch(store_path)
    total = queries.count_events(window.store)
    assert total > 0
    assert window.model.rowCount() == total
    assert window.count_label.text() == f"{total:,} of {total:,} events"
    assert window.stack.currentIndex() == 0
    assert " – " in window.range_label.text()
    assert window.windowTitle().endswith(store_path.name)


def test_an_empty_store_shows_the_import_invitation(launch, tmp_path):
    window = launch(tmp_path / "empty.db")
    assert window.stack.currentIndex() == 1
    assert window.count_label.text() == "0 of 0 events"


@pytest.mark.parametrize("x_fraction", [0.25, 0.5, 0.8])
def test_wheel_zooms_in_and_out_about_the_cursor(launch, store_path, x_fraction):
    window = launch(store_path)
    view = window.timeline
    view.set_visible_range(*_wide_range(window))
    a0, b0 = view.visible_range()
    gutter = view.width() - view.state().width  # the lane labels, left of the plot
    x = gutter + view.state().width * x_fraction
    anchor = a0 + (b0 - a0) * x_fraction

    turn_wheel(view, x, 2)
    a1, b1 = view.visible_range()
    assert b1 - a1 < b0 - a0
    assert a1 + (b1 - a1) * x_fraction == pytest.approx(anchor, abs=(b0 - a0) * 0.02)

    turn_wheel(view, x, -4)
    a2, b2 = view.visible_range()
    assert b2 - a2 > b1 - a1
    assert a2 + (b2 - a2) * x_fraction == pytest.approx(anchor, abs=(b0 - a0) * 0.05)


def test_zoom_keys_shrink_grow_and_fit(launch, store_path, qtbot):
    window = launch(store_path)
    view = window.timeline
    view.setFocus()
    view.set_visible_range(*_wide_range(window))
    span0 = _span(view)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    span1 = _span(view)
    assert span1 < span0
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert _span(view) > span1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    a, b = view.visible_range()
    lo, hi = queries.date_extent(window.store)
    assert a <= lo.toordinal() and b >= hi.toordinal()


def test_typing_a_search_filters_list_and_status_bar(launch, store_path, qtbot):
    window = launch(store_path)
    total = window.total
    word = _a_title_word(window)
    expected = queries.count_events(window.store, EventFilter(text=word))
    assert 0 < expected < total
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, word)
    qtbot.waitUntil(lambda: window.model.rowCount() == expected)
    assert window.count_label.text() == f"{expected:,} of {total:,} events"
    assert [c.text() for c in _chips(window)] == [f"text “{word}”  ✕"]

    qtbot.mouseClick(_chips(window)[0], Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == total
    assert window.filter_bar.search.text() == ""


def test_selecting_a_person_filters_to_their_events(launch, store_path, qtbot):
    window = launch(store_path)
    people = window.people
    person = max(queries.people(window.store), key=lambda p: p.event_count)
    row = people.model.row_of(person.id)
    click_row(qtbot, people.table, row, column=0)
    expected = queries.count_events(window.store, EventFilter(people=(person.id,)))
    assert window.filter() == EventFilter(people=(person.id,))
    assert window.model.rowCount() == expected
    assert window.count_label.text().startswith(f"{expected:,} of ")
    assert [c.text() for c in _chips(window)] == [f"{person.name}  ✕"]

    window.actions_.reset_filters.trigger()
    assert people.selected_ids() == []
    assert window.model.rowCount() == window.total


def test_use_visible_range_filters_by_date(launch, store_path, qtbot):
    window = launch(store_path)
    lo, hi = queries.date_extent(window.store)
    middle = (lo.toordinal() + hi.toordinal()) // 2
    window.timeline.set_visible_range(middle - 200, middle + 200)
    start, end = window.visible_dates()
    qtbot.mouseClick(window.filter_bar.use_visible, Qt.MouseButton.LeftButton)
    expected = queries.count_events(window.store, EventFilter(date_from=start, date_to=end))
    assert window.filter() == EventFilter(date_from=start, date_to=end)
    assert window.model.rowCount() == expected
    assert window.count_label.text().startswith(f"{expected:,} of ")
    assert window.filter_bar.date_from.date() == start
    assert window.filter_bar.date_from.edit.text() == start.isoformat()


def test_text_person_and_date_combine(launch, store_path, qtbot):
    window = launch(store_path)
    person = max(queries.people(window.store), key=lambda p: p.event_count)
    window.people.select_person(person.id)
    window.filter_bar.set_filter(replace(window.filter(), date_from=date(2000, 1, 1),
                                         hide_inferred=True))
    f = EventFilter(people=(person.id,), date_from=date(2000, 1, 1), hide_inferred=True)
    assert window.filter() == f
    assert window.model.rowCount() == queries.count_events(window.store, f)


def test_selecting_an_event_shows_its_item_with_decisions_highlighted(launch, store_path, qtbot):
    window = launch(store_path)
    event = _event_with_decisions(window)
    row = window.model.row_of(event.id)
    click_row(qtbot, window.table, row)
    assert window.selection() == [event.id]
    assert window.timeline.selected_ids() == [event.id]
    reader = window.reader
    view = reader.item()
    assert view is not None and view.id == event.item_id
    assert view.decisions
    decision_bg = QColor(theme.colors(theme.current_scheme())["decision"])
    doc = reader.text.document()
    for d in view.decisions:
        cursor = QTextCursor(doc)
        cursor.setPosition((d.span.start + d.span.end) // 2 + 1)
        assert cursor.charFormat().background().color() == decision_bg
    assert reader.decisions.count() == len(view.decisions)

    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert reader.current_decision() == 0
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_decision() == len(view.decisions) - 1


def test_selection_is_shared_between_list_and_timeline(launch, store_path, qtbot):
    window = launch(store_path)
    ids = [window.model.id_at(r) for r in (0, 1, 2)]
    click_row(qtbot, window.table, 0)
    click_row(qtbot, window.table, 2, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert sorted(window.timeline.selected_ids()) == sorted(ids)
    window.timeline.set_selection([ids[1]])
    window.timeline.selection_changed.emit([ids[1]])
    rows = [i.row() for i in window.table.selectionModel().selectedRows()]
    assert rows == [1]
    window.actions_.clear_selection.trigger()
    assert window.selection() == [] and window.table.selectionModel().selectedRows() == []


def test_sorting_the_list_by_date_descending(launch, store_path, qtbot):
    window = launch(store_path)
    first = window.model.id_at(0)
    window.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert window.model.id_at(window.model.rowCount() - 1) == first


def test_settings_are_restored_on_a_second_launch(launch, store_path, qtbot):
    window = launch(store_path)
    word = _a_title_word(window)
    qtbot.keyClicks(window.filter_bar.search, word)
    window.timeline.set_visible_range(*_wide_range(window))
    window.timeline.zoom_in()
    shown = window.timeline.visible_range()
    window.splitter.setSizes([500, 200])
    sizes = window.splitter.sizes()
    window.people_dock.hide()
    window.close()

    second = launch(store_path)
    assert second.filter() == EventFilter(text=word)
    assert second.filter_bar.search.text() == word
    assert second.timeline.visible_range() == pytest.approx(shown)
    assert second.splitter.sizes() == sizes
    assert not second.people_dock.isVisible()
    assert second.size() == window.size()


def _span(view) -> float:  # type: ignore[no-untyped-def]
    a, b = view.visible_range()
    return b - a


def _wide_range(window) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    lo, hi = queries.date_extent(window.store)
    return float(lo.toordinal() - 30), float(hi.toordinal() + 30)


def _chips(window):  # type: ignore[no-untyped-def]
    chips = window.filter_bar.chips
    return [chips.itemAt(i).widget() for i in range(chips.count())]


def _a_title_word(window) -> str:  # type: ignore[no-untyped-def]
    """A word that selects some events but not all: the commonest long word in the titles."""
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store))
    counts: dict[str, int] = {}
    for r in rows:
        for w in {w.strip(".,;:«»“”\"()").lower() for w in r.title.split()}:
            if len(w) >= 6 and w.isalpha():
                counts[w] = counts.get(w, 0) + 1
    total = len(rows)
    return max((w for w, n in counts.items() if n < total), key=lambda w: counts[w])


def _event_with_decisions(window):  # type: ignore[no-untyped-def]
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store,
                                                                 EventFilter(decisions_only=True)))
    for r in rows:
        if queries.item_view(window.store, r.item_id).decisions:
            return r
    raise AssertionError("no event with decisions in the seeds")


def test_the_selection_survives_sorting_and_filtering(launch, store_path, qtbot):
    window = launch(store_path)
    event_id = window.model.id_at(2)
    click_row(qtbot, window.table, 2)
    window.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    rows = [i.row() for i in window.table.selectionModel().selectedRows()]
    assert [window.model.id_at(r) for r in rows] == [event_id]
    qtbot.mouseClick(window.filter_bar.hide_inferred, Qt.MouseButton.LeftButton)
    kept = event_id in set(queries.event_ids(window.store, EventFilter(hide_inferred=True)))
    assert window.selection() == ([event_id] if kept else [])
    rows = [i.row() for i in window.table.selectionModel().selectedRows()]
    assert [window.model.id_at(r) for r in rows] == window.selection()


def test_focusable_widgets_have_accessible_names(launch, store_path):
    from PySide6.QtWidgets import QAbstractButton, QWidget

    window = launch(store_path)
    unnamed = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()):
            continue
        if w.parent() is not None and w.parent().accessibleName() and not w.isWindow() \
                and type(w).__name__ in ("QWidget", "QLineEdit"):
            continue  # viewports and the editors inside named date and combo boxes
        unnamed.append(f"{type(w).__name__} {w.objectName()}")
    assert unnamed == []


def test_dates_typed_into_the_date_boxes_filter(launch, store_path, qtbot):
    window = launch(store_path)
    bar = window.filter_bar
    assert bar.date_from.edit.placeholderText() == "any" and bar.date_from.date() is None
    qtbot.keyClicks(bar.date_from.edit, "2020")
    qtbot.keyClick(bar.date_from.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(bar.date_to.edit, "2022-06")
    qtbot.keyClick(bar.date_to.edit, Qt.Key.Key_Return)
    f = EventFilter(date_from=date(2020, 1, 1), date_to=date(2022, 6, 30))
    assert window.filter() == f
    assert window.model.rowCount() == queries.count_events(window.store, f)
    bar.date_to.edit.clear()
    assert window.filter() == EventFilter(date_from=date(2020, 1, 1))


def test_a_date_picked_from_the_calendar_filters(launch, store_path, qtbot):
    window = launch(store_path)
    box = window.filter_bar.date_to
    box.calendar.setSelectedDate(QDate(2021, 3, 15))
    grid = box.calendar.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # Enter on the calendar's day grid picks the day
    assert window.filter() == EventFilter(date_to=date(2021, 3, 15))


def test_the_window_knows_the_store_extent(launch, store_path):
    window = launch(store_path)
    assert window.extent() == queries.date_extent(window.store)
