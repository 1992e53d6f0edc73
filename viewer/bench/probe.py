"""Measurements that need a process of their own: a build's peak memory, and a cold start of the window.

Run as `python -m viewer.bench.probe build DB DIR` or `python -m viewer.bench.probe coldstart DB`;
each prints one JSON object on stdout. The cold start prints the wall-clock time of the timeline's
first finished paint; the caller subtracts the time it launched the process.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any


def rss_mb() -> float | None:
    """Resident memory of this process now, from /proc (Linux), else None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_mb(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB elsewhere
    return resource.getrusage(who).ru_maxrss * scale / 1024 / 1024


def build(db: str, folder: str, jobs: int | None) -> dict[str, Any]:
    from viewer.store.db import open_store
    from viewer.store.ingest import import_paths

    t0 = time.perf_counter()
    store = open_store(db)
    report = import_paths(store, [folder], rebuild=True, jobs=jobs)
    store.close()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "imported": report.imported, "failed": len(report.failed),
            "events": report.events, "people": report.people, "decisions": report.decisions,
            "items": report.items, "peak_mb_main": _peak_mb(resource.RUSAGE_SELF),
            "peak_mb_worker": _peak_mb(resource.RUSAGE_CHILDREN)}


def coldstart(db: str) -> dict[str, Any]:
    """Open the main window on `db` offscreen and report when the timeline has first painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication([])
    result: dict[str, Any] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and "painted_at" not in result:
                result["painting"] = True
                QTimer.singleShot(0, done)  # runs once this paint has finished
            return False

    def done() -> None:
        if "painted_at" not in result:
            result["painted_at"] = time.time()
            app.quit()

    watcher = FirstPaint()
    window, timeline, what = _open_window(db)
    timeline.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(20000, app.quit)  # never hang a benchmark
    app.exec()
    result.pop("painting", None)
    # settle: what lazily loads after the first paint belongs to the app's resident memory
    deadline = time.time() + 1.0
    while time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    result.update(what=what, rss_mb=rss_mb())
    assert isinstance(timeline, QWidget)
    return result


def _open_window(db: str) -> tuple[Any, Any, str]:
    """The app's main window on the store, as `csto-timeline --db DB` opens it."""
    from viewer.app import open_window

    window = open_window(db, build_if_empty=False)
    return window, window.timeline, "main window"


def main(argv: list[str]) -> int:
    if argv[0] == "build":
        out = build(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else None)
    elif argv[0] == "coldstart":
        out = coldstart(argv[1])
    else:
        raise SystemExit(f"unknown probe {argv[0]!r}")
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: the caller has what it needs


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
