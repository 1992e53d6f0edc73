"""Launching: the default store is built from the seeds on first run; a bad store is refused."""
from __future__ import annotations

import argparse

from viewer import app
from viewer.store import queries
from viewer.ui import dialogs, tasks


def test_a_store_that_cannot_be_opened_shows_an_error_and_exits_non_zero(tmp_path, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list\n")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "critical", lambda parent, title, text: shown.append((title, text)))
    code = app.run(argparse.Namespace(db=str(bad)))
    assert code == 2
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "CSTO Timeline cannot open the store"
    assert str(bad) in text and "not a CSTO Timeline store" in text
    assert bad.read_text() == "shopping list\n"  # never overwritten


def test_first_run_builds_the_default_store_from_the_seeds(tmp_path, monkeypatch, qtbot):
    path = tmp_path / "data" / "timeline.db"
    monkeypatch.setenv("CSTO_TIMELINE_DB", str(path))
    window = app.open_window(None)
    qtbot.addWidget(window)
    try:
        assert window.store.path == path
        assert queries.stats(window.store).documents == 5
        assert window.total == queries.count_events(window.store) > 0
    finally:
        tasks.wait_all()
        window.close()
        window.store.close()


def test_the_window_fits_the_screen_on_first_launch(tmp_path, qtbot):
    window = app.open_window(str(tmp_path / "empty.db"), build_if_empty=False)
    qtbot.addWidget(window)
    try:
        area = window.screen().availableGeometry()
        assert 0 < window.width() <= area.width() and 0 < window.height() <= area.height()
    finally:
        window.close()
        window.store.close()
