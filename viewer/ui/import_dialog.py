"""Import releases and export PDFs in the background, with a progress dialog, cancel and a summary."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from viewer.store.db import open_store
from viewer.ui import dialogs
from viewer.ui.tasks import Progress, Task, run_task

Work = Callable[[Any, Progress, Callable[[], bool]], Any]  # (store, progress, cancelled)


class StoreJob(QObject):
    """Runs one job against its own connection to the store (SQLite connections stay per thread)."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget, store_path: Path, title: str, label: str) -> None:
        super().__init__(parent)
        self._window = parent
        self._path = store_path
        self.task: Task | None = None
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)

    def start(self, work: Work) -> None:
        path = self._path

        def run(progress: Progress, cancelled: Callable[[], bool]) -> Any:
            store = open_store(path, create=False)
            try:
                return work(store, progress, cancelled)
            finally:
                store.close()

        self.task = run_task(run, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, name: str) -> None:
        if total and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total else 0)
        if name:
            self.dialog.setLabelText(name)

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: object) -> None:
        self._close()
        self.succeeded.emit(result)
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._close()
        self.failed.emit(message)
        self.deleteLater()


def import_summary(report: Any) -> tuple[str, str]:
    """The result of an import in words: a headline and the failed files, one a line."""
    def n(value: int, word: str) -> str:
        return f"{value} {word}{'' if value == 1 else 's'}"

    imported, skipped, failed = report.imported, report.skipped, list(report.failed)
    parts = [n(imported, "file") + " imported"]
    if skipped:
        parts.append(f"{skipped} unchanged")
    if failed:
        parts.append(f"{len(failed)} could not be read")
    headline = ", ".join(parts) + "."
    if getattr(report, "cancelled", False):
        headline = "Import cancelled: " + headline[0].lower() + headline[1:] + \
            " The files already imported stay in the store."
    if imported:
        headline += (f"\nFound {n(report.events, 'event')}, {n(report.people, 'person')} and "
                     f"{n(report.decisions, 'decision')} in {n(report.items, 'news item')}.")
    details = "\n".join(f"{Path(name).name}: {reason}" for name, reason in failed)
    return headline, details


def start_import(parent: QWidget, store_path: Path, paths: Sequence[str],
                 on_finished: Callable[[Any], None]) -> StoreJob:
    """Import files or folders; a summary (and the failures, if any) is shown at the end."""
    from viewer.store.ingest import import_paths

    job = StoreJob(parent, store_path, "Import releases", "Reading releases…")

    def work(store: Any, progress: Progress, cancelled: Callable[[], bool]) -> Any:
        return import_paths(store, [Path(p) for p in paths], progress=progress, cancel=cancelled)

    def done(report: Any) -> None:
        headline, details = import_summary(report)
        if report.failed:
            dialogs.show_message(parent, QMessageBox.Icon.Warning, "Import: some files failed",
                                 headline + "\n\n" + details, details)
        else:
            dialogs.show_message(parent, QMessageBox.Icon.Information, "Import finished", headline)
        on_finished(report)

    def failed(message: str) -> None:
        dialogs.show_message(parent, QMessageBox.Icon.Critical, "Import failed",
                             f"Nothing was imported.\n\n{message}")
        on_finished(None)

    job.succeeded.connect(done)
    job.failed.connect(failed)
    job.start(work)
    return job


def start_export(parent: QWidget, store_path: Path, ids: Sequence[int], out_path: str,
                 description: str, on_finished: Callable[[Any], None]) -> StoreJob:
    """Write the events to a PDF; the export writes a temporary file and renames it."""
    from viewer.export import pdf

    pdf.register_fonts()  # font registration touches the GUI-thread font database
    job = StoreJob(parent, store_path, "Export to PDF", f"Exporting {len(ids)} events…")
    id_list = [int(i) for i in ids]

    def work(store: Any, progress: Progress, cancelled: Callable[[], bool]) -> Any:
        return pdf.export_events(store, id_list, out_path, description,
                                 progress=lambda done, total: progress(done, total, ""),
                                 cancel=cancelled)

    def done(result: Any) -> None:
        dialogs.show_message(parent, QMessageBox.Icon.Information, "Export finished",
                             f"Wrote {result.pages} page{'' if result.pages == 1 else 's'} "
                             f"({result.events} events) to\n{result.path}")
        on_finished(result)

    def failed(message: str) -> None:
        dialogs.show_message(parent, QMessageBox.Icon.Critical, "Export failed",
                             f"No PDF was written.\n\n{message}")
        on_finished(None)

    job.succeeded.connect(done)
    job.failed.connect(failed)
    job.start(work)
    return job
