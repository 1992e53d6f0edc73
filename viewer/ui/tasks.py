"""Run slow work off the GUI thread; progress and results come back on the GUI thread."""
from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """One piece of background work. Connect to `relay` before `start()`."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until the result is delivered
        self._work = work
        self._cancel = threading.Event()
        self.relay = _Relay()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.relay.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the GUI, which shows it in words
            traceback.print_exc()
            self.relay.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.relay.finished.emit(result)


class _Receiver(QObject):
    """Created on the GUI thread, so the worker's signals reach its slots through the event queue."""

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[str], None],
                 on_progress: Progress | None) -> None:
        super().__init__()
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self.task: Task | None = None

    @Slot(int, int, str)
    def progressed(self, done: int, total: int, name: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, name)

    @Slot(object)
    def finished(self, result: object) -> None:
        _running.pop(self, None)
        self._on_done(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        _running.pop(self, None)
        self._on_error(message)


_running: dict[_Receiver, Task] = {}


def run_task(work: Work, on_done: Callable[[Any], None], on_error: Callable[[str], None],
             on_progress: Progress | None = None) -> Task:
    """Start `work(progress, cancelled)` on the shared pool; callbacks run on the GUI thread."""
    task = Task(work)
    receiver = _Receiver(on_done, on_error, on_progress)
    _running[receiver] = task
    task.relay.finished.connect(receiver.finished)
    task.relay.failed.connect(receiver.failed)
    task.relay.progressed.connect(receiver.progressed)
    QThreadPool.globalInstance().start(task)
    return task


def wait_all(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (used at shutdown so no worker outlives the store)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
