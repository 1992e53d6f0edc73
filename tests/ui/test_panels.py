"""People panel, reader links, theme and help dialogs, through the window."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog, QTableWidget
from window_helpers import message_titled

from viewer.store import queries
from viewer.store.filters import EventFilter
from viewer.ui.models.people import COL_EVENTS
from viewer.ui.settings import Settings


def test_people_search_and_sort(launch, store_path, qtbot):
    window = launch(store_path)
    panel = window.people
    everyone = queries.people(window.store)
    panel.sort_box.setCurrentIndex(1)  # by number of events
    counts = [panel.model.person(r).event_count for r in range(panel.model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert panel.table.horizontalHeader().sortIndicatorSection() == COL_EVENTS
    name = everyone[0].name
    qtbot.keyClicks(panel.search, name)
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(queries.people(window.store, name)))
    assert name in [panel.model.person(r).name for r in range(panel.model.rowCount())]


def test_a_person_shows_their_roles_over_time(launch, store_path, qtbot):
    window = launch(store_path)
    person = next(p for p in queries.people(window.store) if queries.person_roles(window.store, p.id))
    window.people.select_person(person.id)
    roles = queries.person_roles(window.store, person.id)
    text = window.people.roles.toPlainText()
    assert window.people.roles_header.text() == f"Roles of {person.name}"
    for r in roles:
        assert r.title in text and r.doc in text


def test_clicking_a_name_in_the_reader_selects_the_person(launch, store_path, qtbot):
    window = launch(store_path)
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store))
    event = next(r for r in rows if queries.item_view(window.store, r.item_id).mentions)
    window.open_event(event.id)
    person_id, _span = window.reader.item().mentions[0]
    window.reader.text.anchorClicked.emit(f"person:{person_id}")
    assert window.people.selected_ids() == [person_id]
    assert window.filter() == EventFilter(people=(person_id,))


def test_theme_override_from_the_view_menu_is_remembered(launch, store_path, qtbot):
    window = launch(store_path)
    window.actions_.themes["dark"].trigger()
    assert window.palette().window().color().lightness() < 100
    assert Settings().theme() == "dark"
    window.actions_.themes["light"].trigger()
    assert window.palette().window().color().lightness() > 200


def test_help_shows_shortcuts_and_about(launch, store_path, qtbot):
    window = launch(store_path)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(d for d in window.findChildren(QDialog) if d.windowTitle() == "Keyboard shortcuts")
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Export selected to PDF"] == "Ctrl+E"
    assert rows["Next decision"] == "F3"
    assert dialog.isVisible()
    dialog.close()
    window.actions_.about.trigger()
    box = message_titled(window, "About CSTO Timeline")
    assert box is not None and "CSTO Timeline" in box.text()


@pytest.mark.parametrize("name", ["People", "Reader"])
def test_panels_can_be_hidden_from_the_view_menu(launch, store_path, name):
    window = launch(store_path)
    dock = window.people_dock if name == "People" else window.reader_dock
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    dock.toggleViewAction().trigger()
    assert dock.isVisible()


def test_every_shortcut_is_documented(launch, store_path):
    window = launch(store_path)
    doc = (Path(__file__).resolve().parents[2] / "docs" / "window.md").read_text(encoding="utf-8")
    for action in window.actions_.with_shortcuts():
        keys = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()]
        assert any(k in doc for k in keys), (action.text(), keys)


def test_timeline_tooltip_tells_date_certainty_title_place_and_people(launch, store_path):
    window = launch(store_path)
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store))
    row = next(r for r in rows if r.place and r.people)
    tip = window.tooltip_for([row.id])
    assert row.title in tip and row.place in tip and row.certainty in tip
    assert all(name in tip for name in row.people)


def test_reader_hover_explains_dates_and_decisions(launch, store_path):
    window = launch(store_path)
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store,
                                                                 EventFilter(decisions_only=True)))
    row = next(r for r in rows if queries.item_view(window.store, r.item_id).dates)
    window.open_event(row.id)
    view = window.reader.item()
    span, value = view.dates[0]
    tips = [m.tip for m in window.reader.text.marks_at(span.start)]
    assert any(value.start.isoformat() in t and value.certainty in t for t in tips)
    decision = view.decisions[0]
    tips = [m.tip for m in window.reader.text.marks_at(decision.span.start)]
    assert any(t.startswith(f"Decision: {decision.kind}") for t in tips)


def test_a_role_without_a_name_links_to_its_holder_marked_inferred(launch, store_path):
    window = launch(store_path)
    rows = queries.events_by_ids(window.store, queries.event_ids(window.store))
    for row in rows:
        view = queries.item_view(window.store, row.item_id)
        linked = [(role, span, on) for role, span, on in view.role_mentions
                  if on and queries.holder_of_role(window.store, role, on)]
        if linked:
            break
    else:
        pytest.skip("no role named without a person in the seeds")
    role, span, on = linked[0]
    holder = queries.holder_of_role(window.store, role, on)
    window.open_event(row.id)
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(span.start + 1)
    assert cursor.charFormat().anchorHref() == f"person:{holder.id}"
    tips = [m.tip for m in window.reader.text.marks_at(span.start)]
    assert any(holder.name in t and "inferred" in t for t in tips)
