"""Composition root of the window: the QApplication, the store (built on first run), MainWindow."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog

from viewer.resources import resource_path, seeds_dir
from viewer.store import queries
from viewer.store.db import Store, StoreError, open_store
from viewer.ui import dialogs, tasks, theme
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import APPLICATION, ORGANIZATION, Settings


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CSTO Timeline")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    return app


def build_from_seeds(store: Store) -> bool:
    """Import the bundled releases into an empty store, showing progress; False if cancelled."""
    from viewer.store.ingest import import_paths

    path = store.path
    dialog = QProgressDialog("Building the store from the bundled releases…", "Cancel", 0, 0)
    dialog.setWindowTitle("CSTO Timeline: first start")
    dialog.setAccessibleName("Building the store")
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def work(progress: tasks.Progress, cancelled: Callable[[], bool]) -> Any:
        own = open_store(path, create=False)  # one SQLite connection per thread
        try:
            return import_paths(own, [seeds_dir()], progress=progress, cancel=cancelled)
        finally:
            own.close()

    def progressed(done: int, total: int, name: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(f"Reading {Path(name).name}…" if name else dialog.labelText())

    def finish(key: str) -> Callable[[Any], None]:
        def store_result(value: Any) -> None:
            outcome[key] = value
            loop.quit()
        return store_result

    task = tasks.run_task(work, finish("report"), finish("error"), progressed)
    dialog.canceled.connect(task.cancel)
    dialog.show()
    loop.exec()
    dialog.close()
    if "error" in outcome:
        raise StoreError(f"{path}: could not build the store from the bundled releases "
                         f"({outcome['error']})")
    return not task.is_cancelled()


def default_path() -> Path:
    from viewer.store.location import usable_store_path

    return usable_store_path()


def open_window(db: str | None, settings: Settings | None = None,
                build_if_empty: bool | None = None) -> MainWindow:
    """Open the store (the default one is built from the seeds on first run) in a new window.

    Raises StoreError with a message in plain words when the store cannot be opened.
    """
    application()
    path = Path(db).expanduser() if db else default_path()
    store = open_store(path, create=True)
    build = (db is None) if build_if_empty is None else build_if_empty
    if build and queries.stats(store).documents == 0:
        build_from_seeds(store)
    settings = settings or Settings()
    theme.apply_theme(application(), settings.theme())
    return MainWindow(store, settings)


def display_available() -> bool:
    """Whether a window can open here: a Qt platform is chosen, or a Linux desktop is running."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_without_window(db: str | None) -> int:
    """On a machine with no display: build the store if needed and say what it holds."""
    from viewer.store.command import ProgressPrinter
    from viewer.store.location import ensure_default_store

    try:
        path = Path(db).expanduser() if db else ensure_default_store(ProgressPrinter(sys.stderr))
        with open_store(path, create=False) as store:
            s = queries.stats(store)
    except StoreError as exc:
        print(f"csto-timeline: {exc}", file=sys.stderr)
        return 2
    print(f"store: {path}\n{s.documents} documents, {s.items} news items, {s.events} events, "
          f"{s.people} people, {s.decisions} decisions")
    print("No display here, so the window cannot open (set DISPLAY, or run it on a desktop). "
          "The commands work anywhere: csto-timeline extract | build | add | export-pdf | bench.",
          file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """`csto-timeline` with no subcommand: the window, until it is closed."""
    if not display_available():
        return run_without_window(getattr(args, "db", None))
    app = application()
    try:
        window = open_window(getattr(args, "db", None))
    except StoreError as exc:
        print(f"csto-timeline: {exc}", file=sys.stderr)
        dialogs.critical(None, "CSTO Timeline cannot open the store", str(exc))
        return 2
    window.show()
    code = app.exec()
    tasks.wait_all()
    window.store.close()
    return int(code)
