"""The window's actions and menus: names, shortcuts and where each one is wired."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


@dataclass
class Actions:
    import_files: QAction
    import_folder: QAction
    export_pdf: QAction
    quit: QAction
    find: QAction
    select_all: QAction
    clear_selection: QAction
    next_decision: QAction
    previous_decision: QAction
    reset_filters: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    zoom_selection: QAction
    show_overview: QAction
    themes: dict[str, QAction]
    about: QAction
    shortcuts: QAction

    def with_shortcuts(self) -> list[QAction]:
        found = [v for v in vars(self).values() if isinstance(v, QAction)]
        return [a for a in found if a.shortcuts()]


def _action(window: "MainWindow", text: str, slot: object, *keys: QKeySequence | str,
            tip: str = "") -> QAction:
    action = QAction(text, window)
    if keys:
        sequences: list[QKeySequence] = []
        for key in keys:
            found = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) \
                else [QKeySequence(key)]
            # The same sequence twice on one action makes Qt call the shortcut ambiguous.
            sequences += [q for q in found if q not in sequences]
        action.setShortcuts(sequences)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work while the menu bar is hidden too
    return action


def build_menus(w: "MainWindow") -> Actions:
    K = QKeySequence.StandardKey
    a = Actions(
        import_files=_action(w, "&Import releases…", w.import_files_dialog, K.Open,
                             tip="Add release files to the store"),
        import_folder=_action(w, "Import a &folder…", w.import_folder_dialog, "Ctrl+Shift+O"),
        export_pdf=_action(w, "&Export selected to PDF…", w.export_pdf_dialog, "Ctrl+E",
                           tip="Export the selected events (or the filtered set) to a PDF"),
        quit=_action(w, "&Quit", w.close, K.Quit, "Ctrl+Q"),
        find=_action(w, "&Find…", w.focus_search, K.Find),
        select_all=_action(w, "Select &all", w.select_all_events, K.SelectAll),
        clear_selection=_action(w, "&Clear selection", w.clear_selection, "Esc"),
        next_decision=_action(w, "&Next decision", w.reader.next_decision, "F3"),
        previous_decision=_action(w, "&Previous decision", w.reader.previous_decision, "Shift+F3"),
        reset_filters=_action(w, "&Reset filters", w.filter_bar.reset, "Ctrl+R"),
        zoom_in=_action(w, "Zoom &in", w.timeline.zoom_in, K.ZoomIn, "Ctrl+="),
        zoom_out=_action(w, "Zoom &out", w.timeline.zoom_out, K.ZoomOut, "Ctrl+-"),
        zoom_fit=_action(w, "Zoom to &fit", w.timeline.zoom_fit, "Ctrl+0"),
        zoom_selection=_action(w, "Zoom to &selection", w.timeline.zoom_to_selection, "Ctrl+Shift+0"),
        show_overview=_action(w, "&Overview strip", w.set_overview_visible),
        themes={},
        about=_action(w, "&About CSTO Timeline", w.show_about),
        shortcuts=_action(w, "&Keyboard shortcuts", w.show_shortcuts, "F1"),
    )
    a.show_overview.setCheckable(True)
    a.show_overview.setChecked(True)

    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.import_files, a.import_folder])
    file_menu.addSeparator()
    file_menu.addAction(a.export_pdf)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu("&Edit")
    edit.addActions([a.find, a.select_all, a.clear_selection])
    edit.addSeparator()
    edit.addActions([a.next_decision, a.previous_decision])
    edit.addSeparator()
    edit.addAction(a.reset_filters)

    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_selection])
    view.addSeparator()
    view.addActions([w.people_dock.toggleViewAction(), w.reader_dock.toggleViewAction(),
                     w.list_dock.toggleViewAction(), a.show_overview])
    view.addSeparator()
    theme_menu = view.addMenu("&Theme")
    group = QActionGroup(w)
    for key, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
        action = QAction(label, w, checkable=True)
        action.triggered.connect(lambda _c=False, k=key: w.set_theme(k))
        group.addAction(action)
        theme_menu.addAction(action)
        a.themes[key] = action

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])
    return a
