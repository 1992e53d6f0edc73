"""Small dialogs: messages, confirmations, file choosers, About and the shortcut list."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

RELEASE_FILTER = "Releases (*.txt *.html *.htm);;All files (*)"


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                 details: str = "") -> QMessageBox:
    """A window-modal message that does not block the caller (the event loop keeps running)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAccessibleName(title)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """A blocking error, for failures before the window exists (the store cannot be opened)."""
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def ask_import_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Import releases", "", RELEASE_FILTER)
    return list(files)


def ask_import_folder(parent: QWidget) -> list[str]:
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder of releases")
    return [folder] if folder else []


def ask_save_pdf(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export to PDF", suggested, "PDF (*.pdf)")
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def about_text(stats_line: str) -> str:
    return ("<h3>CSTO Timeline</h3>"
            "<p>Dated events, people, bodies and decisions read from the press releases of the "
            "Collective Security Treaty Organization, on a zoomable timeline.</p>"
            f"<p>{escape(stats_line)}</p>")


class ShortcutsDialog(QDialog):
    """Lists every menu action that has a shortcut, read from the actions themselves."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        rows = [(a.text().replace("&", "").rstrip("…."),
                 ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts()))
                for a in actions if a.shortcuts()]
        rows += [("Zoom about the cursor", "Mouse wheel"), ("Pan", "Drag, or ← / →"),
                 ("Zoom to a range", "Drag on the time axis"),
                 ("Select many", "Ctrl/Shift-click, rubber band")]
        table = QTableWidget(len(rows), 2)
        table.setAccessibleName("Shortcut list")
        table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (name, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 520)
