"""Window fixtures: a seeds store built once per session, copied per test; settings in tmp."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from viewer.store.db import open_store
from viewer.store.ingest import import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def temp_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings of the window go to a fresh folder per test, never the user's own."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "seeds.db"
    with open_store(path) as store:
        report = import_paths(store, [SEEDS], jobs=1)
    assert report.failed == []
    return path


@pytest.fixture
def store_path(seeds_store: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds store, so a test may change it."""
    path = tmp_path / "timeline.db"
    shutil.copy(seeds_store, path)
    return path


@pytest.fixture
def launch(qtbot):  # type: ignore[no-untyped-def]
    """Open the real window on a store, as `csto-timeline --db PATH` does, at 1400x900."""
    from viewer.app import open_window
    from viewer.ui import tasks

    windows = []

    def make(path: Path):  # type: ignore[no-untyped-def]
        window = open_window(str(path), build_if_empty=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        with qtbot.waitSignal(window.loaded, timeout=10000):
            window.show()
            qtbot.waitExposed(window)
        window.activateWindow()
        # Menu shortcuts fire only in the active window.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield make
    tasks.wait_all()
    for window in windows:
        window.close()
        window.store.close()
