"""The overview strip: density from the store's shape, the window drawn, drags and clicks ask for ranges."""
from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from timeline_data import DAY0

from viewer.ui.timeline.overview import OverviewStrip

DAYS = 3650


@pytest.fixture
def strip(qtbot: QtBot) -> Iterator[OverviewStrip]:
    w = OverviewStrip()
    qtbot.addWidget(w)
    w.resize(800, 60)
    w.show()
    qtbot.waitExposed(w)
    days = np.arange(DAY0, DAY0 + DAYS, 3)
    w.set_density(SimpleNamespace(days=days, events=np.ones(len(days), np.int64),
                                  releases=(days % 7 == 0).astype(np.int64)))
    w.set_visible_range(DAY0 + 1000, DAY0 + 1365)
    yield w


def test_dragging_the_window_asks_for_a_range_of_the_same_length(strip: OverviewStrip, qtbot: QtBot) -> None:
    x = round(strip.x_of(DAY0 + 1180))
    asked: list[tuple[float, float]] = []
    strip.range_requested.connect(lambda a, b: asked.append((a, b)))
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    qtbot.mouseMove(strip, QPoint(x + 50, 20))
    qtbot.mouseMove(strip, QPoint(x + 100, 20))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(x + 100, 20))
    assert len(asked) == 2
    start, end = asked[-1]
    moved = strip.day_at(x + 100) - strip.day_at(x)
    assert (start, end) == (pytest.approx(DAY0 + 1000 + moved, abs=1.0), pytest.approx(DAY0 + 1365 + moved, abs=1.0))


def test_clicking_beside_the_window_centres_it_there(strip: OverviewStrip, qtbot: QtBot) -> None:
    x = round(strip.x_of(DAY0 + 3000))
    with qtbot.waitSignal(strip.range_requested) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 20))
    start, end = blocker.args
    assert ((start + end) / 2, end - start) == (pytest.approx(strip.day_at(x)), pytest.approx(365.0))


def test_the_strip_spans_the_corpus_and_paints(strip: OverviewStrip) -> None:
    lo, hi = strip.extent()
    assert lo < DAY0 and hi > DAY0 + DAYS - 3
    assert not strip.grab().toImage().isNull()
    assert strip.accessibleName() == "Timeline overview"
