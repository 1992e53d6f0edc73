"""Import by drag and drop and by the menu, export to PDF, all through the window."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton
from window_helpers import click_row, message_titled

from viewer.store import queries
from viewer.ui import dialogs
from viewer.export.text import format_date as pdf_date
from viewer.records import DateValue

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _drop(window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_an_unreadable_file_shows_an_error_and_leaves_the_store_as_it_was(
        launch, store_path, tmp_path, qtbot):
    window = launch(store_path)
    before = queries.stats(window.store)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    _drop(window, [bad])
    qtbot.waitUntil(lambda: message_titled(window, "Import: some files failed") is not None,
                    timeout=20000)
    box = message_titled(window, "Import: some files failed")
    assert "broken.txt" in box.text() and "0 files imported" in box.text()
    assert queries.stats(window.store) == before
    assert window.model.rowCount() == before.events


def test_importing_from_the_menu_adds_a_release(launch, tmp_path, qtbot, monkeypatch):
    window = launch(tmp_path / "new.db")
    assert window.stack.currentIndex() == 1
    seed = sorted(SEEDS.glob("*.txt"))[0]
    monkeypatch.setattr(dialogs, "ask_import_files", lambda parent: [str(seed)])
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: message_titled(window, "Import finished") is not None, timeout=20000)
    assert "1 file imported" in message_titled(window, "Import finished").text()
    assert window.stack.currentIndex() == 0
    assert window.total == queries.count_events(window.store) > 0
    assert window.model.rowCount() == window.total


def test_exporting_the_selection_writes_a_pdf_with_their_titles_and_dates(
        launch, store_path, tmp_path, qtbot, monkeypatch):
    window = launch(store_path)
    out = tmp_path / "out.pdf"
    monkeypatch.setattr(dialogs, "ask_save_pdf", lambda parent, suggested: str(out))
    click_row(qtbot, window.table, 0)
    click_row(qtbot, window.table, 3, modifier=Qt.KeyboardModifier.ShiftModifier)
    chosen = window.selection()
    assert len(chosen) == 4
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: message_titled(window, "Export finished") is not None, timeout=30000)
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 1
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for row in queries.events_by_ids(window.store, chosen):
        assert " ".join(row.title.split())[:30] in text
        value = DateValue(row.start, row.end, row.precision, row.certainty, row.reason)  # type: ignore[arg-type]
        assert pdf_date(value) in text
    assert list(tmp_path.glob("*.pdf")) == [out]  # no temporary file left beside it


def test_export_with_nothing_selected_offers_the_filtered_set(
        launch, store_path, tmp_path, qtbot, monkeypatch):
    window = launch(store_path)
    out = tmp_path / "all.pdf"
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(dialogs, "ask_save_pdf", lambda parent, suggested: str(out))
    window.actions_.export_pdf.trigger()
    assert asked == [f"No events are selected. Export the {window.total:,} events that match "
                     "the filters?"]
    qtbot.waitUntil(lambda: message_titled(window, "Export finished") is not None, timeout=60000)
    assert f"({window.total} events)" in message_titled(window, "Export finished").text()


def test_cancelling_an_import_keeps_what_was_done_and_says_so(launch, tmp_path, qtbot):
    window = launch(tmp_path / "new.db")
    job = window.import_paths([str(p) for p in sorted(SEEDS.glob("*.txt"))])
    qtbot.mouseClick(job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message_titled(window, "Import finished") is not None, timeout=20000)
    text = message_titled(window, "Import finished").text()
    documents = queries.stats(window.store).documents
    assert documents < 5
    assert text.startswith("Import cancelled: ") and f"{documents} file" in text
