"""The timeline widget through its public API: wheel, mouse, keys, signals, tooltips, painting."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QImage, QPainter, QWheelEvent
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from timeline_data import DAY0, make_data, random_data

from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.paint import geometry, paint_timeline
from viewer.ui.timeline.palette import load_palette
from viewer.ui.timeline.scale import ViewState
from viewer.ui.timeline.view import TimelineView

EVENTS = [(1, DAY0, DAY0, 0), (2, DAY0 + 10, DAY0 + 10, 0), (3, DAY0 + 20, DAY0 + 20, 1),
          (4, DAY0 + 30, DAY0 + 45, 2), (5, DAY0 + 60, DAY0 + 60, 3), (6, DAY0 + 61, DAY0 + 61, 3)]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    w = TimelineView()
    qtbot.addWidget(w)
    w.resize(1000, 560)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(make_data(EVENTS, inferred=(3,), sources={2: 4}))
    w.set_visible_range(DAY0 - 10, DAY0 + 90)
    yield w


def plot_left(w: TimelineView) -> float:
    return geometry(QFontMetricsF(w.font()), QRectF(w.rect()), w.data()).plot.left()


def at(w: TimelineView, event_id: int) -> QPoint:
    pos = w.position_of(event_id)
    assert pos is not None
    return pos.toPoint()


def wheel(w: TimelineView, pos: QPointF, notches: float) -> None:
    event = QWheelEvent(pos, w.mapToGlobal(pos), QPoint(), QPoint(0, int(120 * notches)), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(w, event)


@pytest.mark.parametrize(("x_frac", "notches"), [(0.2, 1), (0.5, 3), (0.9, -2)])
def test_wheel_zoom_keeps_the_day_under_the_cursor(view: TimelineView, qtbot: QtBot, x_frac: float,
                                                   notches: int) -> None:
    left = plot_left(view)
    x = left + (view.width() - left) * x_frac
    before = view.state()
    day = before.day_at(x - left)
    with qtbot.waitSignal(view.range_changed):
        wheel(view, QPointF(x, 300), notches)
    after = view.state()
    assert after.day_at(x - left) == pytest.approx(day, abs=1e-6)
    assert after.span == pytest.approx(before.span / 1.25 ** notches)


def test_zoom_fit_shows_all_events(view: TimelineView) -> None:
    view.zoom_in()
    view.zoom_in()
    view.zoom_fit()
    start, end = view.visible_range()
    assert start <= DAY0 and end >= DAY0 + 62


def test_zoom_in_out_and_to_selection(view: TimelineView) -> None:
    span = view.state().span
    view.zoom_in()
    assert view.state().span == pytest.approx(span / 2)
    view.zoom_out()
    assert view.state().span == pytest.approx(span)
    view.set_selection([4])
    view.zoom_to_selection()
    start, end = view.visible_range()
    assert start <= DAY0 + 30 and end >= DAY0 + 46 and end - start < 30


def test_click_selects_the_event_under_the_cursor(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at(view, 2))
    assert blocker.args == [[2]]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, at(view, 3))
    assert blocker.args == [[2, 3]]
    with qtbot.waitSignal(view.selection_changed) as blocker:  # a range's bar
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, at(view, 4))
    assert view.selected_ids() == [2, 3, 4]
    with qtbot.waitSignal(view.selection_changed) as blocker:  # empty space clears
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() - 5, view.height() // 2))
    assert blocker.args == [[]]


def test_shift_drag_rubber_band_selects_many(view: TimelineView, qtbot: QtBot) -> None:
    a, b = at(view, 1), at(view, 3)
    top_left = QPoint(a.x() - 8, a.y() - 12)
    bottom_right = QPoint(b.x() + 8, b.y() + 12)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, top_left)
        qtbot.mouseMove(view, QPoint((top_left.x() + bottom_right.x()) // 2, b.y()))
        qtbot.mouseMove(view, bottom_right)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, bottom_right)
    assert blocker.args == [[1, 2, 3]]


def test_drag_on_the_body_pans(view: TimelineView, qtbot: QtBot) -> None:
    start, end = view.visible_range()
    y = at(view, 1).y()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(600, y))
    qtbot.mouseMove(view, QPoint(550, y))
    qtbot.mouseMove(view, QPoint(500, y))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(500, y))
    shift = 100 * view.state().days_per_px
    assert view.visible_range() == (pytest.approx(start + shift), pytest.approx(end + shift))
    assert view.selected_ids() == []


def test_drag_on_the_axis_zooms_to_the_dragged_days(view: TimelineView, qtbot: QtBot) -> None:
    left = plot_left(view)
    state = view.state()
    x0, x1 = 300, 500
    with qtbot.waitSignal(view.range_changed) as blocker:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(x0, 5))
        qtbot.mouseMove(view, QPoint(400, 5))
        qtbot.mouseMove(view, QPoint(x1, 5))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x1, 5))
    assert blocker.args == [pytest.approx(state.day_at(x0 - left)), pytest.approx(state.day_at(x1 - left))]


@pytest.mark.parametrize(("key", "change"), [(Qt.Key.Key_Right, 0.1), (Qt.Key.Key_Left, -0.1),
                                             (Qt.Key.Key_PageDown, 1.0), (Qt.Key.Key_PageUp, -1.0)])
def test_arrow_keys_pan(view: TimelineView, qtbot: QtBot, key: Qt.Key, change: float) -> None:
    view.set_visible_range(DAY0 + 20, DAY0 + 30)
    start, end = view.visible_range()
    qtbot.keyClick(view, key)
    span = end - start
    assert view.visible_range() == (pytest.approx(start + span * change), pytest.approx(end + span * change))


def test_double_click_activates_an_event(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=at(view, 3))
    assert blocker.args == [3]


def test_double_click_on_a_cluster_zooms_into_it(view: TimelineView, qtbot: QtBot) -> None:
    assert sorted(view.event_ids_at(at(view, 5))) == [5, 6]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=at(view, 5))
    start, end = view.visible_range()
    assert start <= DAY0 + 60 and end >= DAY0 + 62 and end - start < 10


def test_hover_asks_the_tooltip_provider_about_the_events_under_the_cursor(view: TimelineView) -> None:
    asked: list[list[int]] = []
    view.set_tooltip_provider(lambda ids: asked.append(ids) or "text")
    pos = at(view, 3)
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    assert asked == [[3]]


def test_clusters_split_as_the_view_zooms_in(view: TimelineView) -> None:
    view.set_visible_range(DAY0 - 4000, DAY0 + 4000)
    assert sorted(view.event_ids_at(at(view, 5))) == [5, 6]
    view.set_visible_range(DAY0 + 55, DAY0 + 66)
    assert (view.event_ids_at(at(view, 5)), view.event_ids_at(at(view, 6))) == ([5], [6])


def test_new_data_keeps_the_visible_days_and_empty_data_shows_the_hint(view: TimelineView) -> None:
    before = view.visible_range()
    view.set_data(make_data(EVENTS[:2]))
    assert view.visible_range() == before
    view.set_data(TimelineData.empty())
    image = view.grab().toImage()
    assert not image.isNull()
    view.set_data(make_data(EVENTS))  # filters that matched nothing, then reset
    assert view.visible_range() == before
    assert view.accessibleName() == "Timeline"


def test_colour_scheme_override(view: TimelineView) -> None:
    view.set_color_scheme("dark")
    assert view.color_scheme() == "dark"
    view.set_color_scheme("light")
    assert view.color_scheme() == "light"


def distinct_colours(image: QImage) -> int:
    ptr = image.constBits()
    pixels = np.frombuffer(ptr, np.uint32, image.width() * image.height())
    return len(np.unique(pixels))


@pytest.mark.parametrize("span", [None, 365.0, 7.0])
def test_painting_100000_events_draws_marks(qapp: QApplication, span: float | None) -> None:
    data = random_data(100_000)
    lo, hi = data.extent() or (0, 1)
    state = ViewState(lo, hi, 1000) if span is None else ViewState(DAY0 - 1000, DAY0 - 1000 + span, 1000)
    image = QImage(1200, 600, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    _geo, frame = paint_timeline(painter, QRectF(0, 0, 1200, 600), data, state, load_palette("light"),
                                 selection=[1, 2, 3])
    painter.end()
    assert frame is not None and frame.marks > 0
    assert distinct_colours(image) > 20
    drawn = sum(int(lf.count.sum()) for lf in frame.lanes)
    if span is None:  # zoomed out: clusters carry the counts of all those events
        assert drawn > 90_000 and int(frame.lanes[0].count.max()) > 100


def test_auto_colours_follow_the_application_palette(view: TimelineView, qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    try:
        view.set_color_scheme("auto")
        app.setPalette(dark)
        qtbot.waitUntil(lambda: view.color_scheme() == "dark")
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: view.color_scheme() == "light")
